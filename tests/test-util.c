/* test-util.c — reports built in code for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

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

/* The real published reports live beside the checkout, in shared/. */
char *
test_shared_path (const char *relative)
{
  const char *shared = g_getenv ("NB_SHARED_DIR");

  g_assert_nonnull (shared);
  return g_build_filename (shared, relative, NULL);
}

char *
test_data_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, "data", relative, NULL);
}

/**
 * test_isolate_user_dirs:
 * Points the XDG user folders (data, config, cache, state) at a new
 * temporary folder, before anything reads them.  For GTK tests:
 * gtk_test_init() ignores G_TEST_OPTION_ISOLATE_DIRS, so without this the
 * window's recovery copies and print settings went to the real home and
 * leaked from one test program, and one run, into the next.
 *
 * Returns: (transfer full): the folder, for test_remove_tree()
 */
char *
test_isolate_user_dirs (void)
{
  char *dir = g_dir_make_tmp ("nianbao-test-home-XXXXXX", NULL);
  static const char *const vars[][2] = {
    { "XDG_DATA_HOME", "data" }, { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_STATE_HOME", "state" },
  };

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *path = g_build_filename (dir, vars[i][1], NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      g_setenv (vars[i][0], path, TRUE);
    }
  return dir;
}

void
test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            test_remove_tree (child);
          else
            g_remove (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}
