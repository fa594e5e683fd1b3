/* test-util.c — reports built in code for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdlib.h>

#include "test-util.h"

static NbTable *
locate (NbReport   *report,
        const char *address,
        guint      *row,
        guint      *column)
{
  g_autofree char *t = NULL, *r = NULL, *c = NULL;
  NbTable *table;

  g_assert_true (nb_table_parse_address (address, &t, &r, &c));
  table = nb_report_get_table (report, t);
  g_assert_nonnull (table);
  g_assert_cmpint (nb_table_def_find_row (nb_table_get_def (table), r), >=, 0);
  g_assert_cmpint (nb_table_def_find_column (nb_table_get_def (table), c), >=, 0);
  *row = nb_table_def_find_row (nb_table_get_def (table), r);
  *column = nb_table_def_find_column (nb_table_get_def (table), c);
  return table;
}

void
test_set (NbReport   *report,
          const char *address,
          gint64      number)
{
  guint row, column;
  NbTable *table = locate (report, address, &row, &column);

  g_assert_true (nb_table_set_number (table, row, column, number, NULL));
}

gint64
test_get (NbReport   *report,
          const char *address)
{
  guint row, column;
  NbTable *table = locate (report, address, &row, &column);

  return nb_table_get_number (table, row, column);
}

/* Every plain cell gets a number: zeros, with a few requests that
 * balance (new 22 + carried 1 = granted 16 + partly 6 + forward 1). */
NbReport *
test_clean_report (NbEdition edition)
{
  NbReport *report = nb_report_new (edition);

  nb_report_set_organ (report, "测试市人民政府办公室");
  nb_report_set_year (report, edition == NB_EDITION_2019 ? 2020 : 2024);
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "2024年，本机关认真落实条例。");
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "一是政策解读有待加强。");
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, "无。");

  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    {
      NbTable *table = nb_report_get_table_at (report, t);
      const NbTableDef *def = nb_table_get_def (table);

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++)
          if (!nb_table_def_is_total (def, r, c))
            g_assert_true (nb_table_set_number (table, r, c, 0, NULL));
    }

  test_set (report, "s3_requests.new.natural", 22);
  test_set (report, "s3_requests.carried_over.natural", 1);
  test_set (report, "s3_requests.granted.natural", 16);
  test_set (report, "s3_requests.partly_granted.natural", 6);
  test_set (report, "s3_requests.carried_forward.natural", 1);
  test_set (report, "s4_appeals.cases.review_upheld", 2);
  return report;
}

char *
test_data_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, "data", relative, NULL);
}

/* The contents of tests/data/@relative; the test fails if it cannot be read. */
char *
test_read_data (const char *relative,
                gsize      *length)
{
  g_autofree char *path = test_data_path (relative);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static char *isolated_home;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static void
remove_isolated_home (void)
{
  g_autoptr(GFile) home = g_file_new_for_path (isolated_home);

  remove_tree (home);
  g_clear_pointer (&isolated_home, g_free);
}

/**
 * test_isolate_home:
 * Points HOME and the XDG folders at a new temporary folder, removed at
 * exit, so that a test never reads or writes the user's own settings,
 * recovery copies or print setup.  Call it first in main().
 */
void
test_isolate_home (void)
{
  static const char *const variables[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };

  isolated_home = g_dir_make_tmp ("nianbao-test-home-XXXXXX", NULL);
  g_assert_nonnull (isolated_home);
  g_setenv ("HOME", isolated_home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *path = g_build_filename (isolated_home, variables[i], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (variables[i], path, TRUE);
    }
  atexit (remove_isolated_home);
}

/* How many findings of @rule (such as "R1") the checker has. */
guint
test_count_rule (NbChecker  *checker,
                 const char *rule)
{
  GListModel *findings = nb_checker_get_findings (checker);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      count += g_strcmp0 (nb_finding_get_rule (finding), rule) == 0;
    }
  return count;
}

/* Writes into a cell what it holds, as the importer places what it read:
 * the cell is no longer marked not imported.  An automatic total stays
 * automatic. */
void
test_place (NbTable *table,
            guint    row,
            guint    column)
{
  if (nb_table_is_total (table, row, column) && !nb_table_is_overridden (table, row, column))
    nb_table_restore_total (table, row, column);
  else if (nb_table_get_state (table, row, column) == NB_CELL_NUMBER)
    g_assert_true (nb_table_set_number (table, row, column,
                                        nb_table_get_number (table, row, column), NULL));
  else if (nb_table_get_state (table, row, column) == NB_CELL_MARKER)
    nb_table_set_marker (table, row, column, nb_table_get_marker (table, row, column));
  else
    nb_table_clear (table, row, column);
}

/* @table as an import leaves it that missed the row @row_key: the row
 * empty and marked not imported, every other cell placed as it was
 * (totals written as published stay as written). */
void
test_miss_row (NbTable    *table,
               const char *row_key)
{
  const NbTableDef *def = nb_table_get_def (table);
  int missed = nb_table_def_find_row (def, row_key);

  g_assert_cmpint (missed, >=, 0);
  for (guint c = 0; c < def->n_columns; c++)
    if (nb_table_is_total (table, missed, c))
      nb_table_restore_total (table, missed, c);
    else
      nb_table_clear (table, missed, c);
  nb_table_mark_not_imported (table);
  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (r != (guint) missed)
        test_place (table, r, c);
}
