/* test-entry.c — typed text a cell cannot take is kept, checked, saved
 * and undone like a value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-report-file.h"
#include "nb-report-writer.h"
#include "nb-undo-stack.h"
#include "nb-verify.h"
#include "test-util.h"

#define ROW(key) ((guint) nb_table_def_find_row (def, key))
#define COL(key) ((guint) nb_table_def_find_column (def, key))

/* What a clerk types by mistake into a count, and why it cannot stand. */
static const char *const bad_entries[] = { "abc", "-3", "1.5", "x7" };

static void
test_entry_keeps_previous_value (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  guint row = ROW ("granted"), column = COL ("natural");
  gint64 before = nb_table_get_number (table, row, column);
  gint64 total = nb_table_get_number (table, row, COL ("total"));
  g_autofree char *shown = NULL;

  g_assert_false (nb_table_set_text (table, row, column, "-3", NULL));
  nb_table_set_entry (table, row, column, "-3");
  g_assert_cmpstr (nb_table_get_entry (table, row, column), ==, "-3");
  g_assert_true (nb_table_has_entries (table));
  /* the value and the totals stay what they were */
  g_assert_cmpint (nb_table_get_state (table, row, column), ==, NB_CELL_NUMBER);
  g_assert_cmpint (nb_table_get_number (table, row, column), ==, before);
  g_assert_cmpint (nb_table_get_number (table, row, COL ("total")), ==, total);
  shown = nb_table_format_cell (table, row, column);
  g_assert_cmpstr (shown, ==, "-3");

  /* writing the same value again replaces the entry */
  g_assert_true (nb_table_set_number (table, row, column, before, NULL));
  g_assert_null (nb_table_get_entry (table, row, column));
  g_assert_false (nb_table_has_entries (table));

  nb_table_set_entry (table, row, column, "abc");
  nb_table_set_entry (table, row, column, "");
  g_assert_null (nb_table_get_entry (table, row, column));
  g_assert_cmpint (nb_table_get_number (table, row, column), ==, before);

  g_assert_finalize_object (report);
}

static void
test_entry_is_an_error (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbChecker *checker = nb_checker_new (report);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  GListModel *findings = nb_checker_get_findings (checker);

  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_ERROR, -1), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (bad_entries); i++)
    nb_table_set_entry (table, ROW ("granted"), i, bad_entries[i]);
  g_assert_cmpuint (test_count_rule (checker, "E1"), ==, G_N_ELEMENTS (bad_entries));
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_ERROR, 3), ==, G_N_ELEMENTS (bad_entries));

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      const char *message = nb_finding_get_message (finding);

      if (strcmp (nb_finding_get_rule (finding), "E1") != 0)
        continue;
      g_assert_cmpint (nb_finding_get_severity (finding), ==, NB_SEVERITY_ERROR);
      g_assert_nonnull (strstr (message, "填写的“"));
      g_assert_nonnull (strstr (message, "合计仍按原值"));
      g_assert_cmpuint (g_strv_length ((GStrv) nb_finding_get_cells (finding)), ==, 1);
    }

  /* another wrong text in the same cell is told anew */
  nb_table_set_entry (table, ROW ("granted"), 0, "12a");
  {
    gboolean seen = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
        seen |= strstr (nb_finding_get_message (finding), "“12a”（不是数字）") != NULL;
      }
    g_assert_true (seen);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad_entries); i++)
    nb_table_set_entry (table, ROW ("granted"), i, NULL);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_ERROR, -1), ==, 0);

  g_assert_finalize_object (checker);
  g_assert_finalize_object (report);
}

static void
test_entry_undo_redo (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbUndoStack *undo = nb_undo_stack_new (report);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  guint row = ROW ("granted"), column = COL ("natural");
  gint64 before = nb_table_get_number (table, row, column);

  nb_undo_stack_begin (undo, "type");
  nb_table_set_entry (table, row, column, "1.5");
  nb_undo_stack_end (undo);
  g_assert_true (nb_undo_stack_get_modified (undo));

  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_null (nb_table_get_entry (table, row, column));
  g_assert_cmpint (nb_table_get_number (table, row, column), ==, before);
  g_assert_false (nb_undo_stack_get_modified (undo));

  g_assert_true (nb_undo_stack_redo (undo));
  g_assert_cmpstr (nb_table_get_entry (table, row, column), ==, "1.5");
  g_assert_cmpint (nb_table_get_number (table, row, column), ==, before);

  /* a value typed over the entry, undone, brings the entry back */
  nb_undo_stack_begin (undo, "type");
  g_assert_true (nb_table_set_text (table, row, column, "7", NULL));
  nb_undo_stack_end (undo);
  g_assert_null (nb_table_get_entry (table, row, column));
  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpstr (nb_table_get_entry (table, row, column), ==, "1.5");
  g_assert_cmpint (nb_table_get_number (table, row, column), ==, before);

  g_assert_finalize_object (undo);
  g_assert_finalize_object (report);
}

static void
test_entry_saved_and_loaded (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = nb_report_to_data (report, NULL);
  g_autofree char *data = NULL, *again = NULL;
  NbReport *loaded;
  NbTable *loaded_table;

  /* without entries a report is written as version 1, as before */
  g_assert_nonnull (strstr (clean, "\"schema_version\": 1,"));

  for (guint i = 0; i < G_N_ELEMENTS (bad_entries); i++)
    nb_table_set_entry (table, ROW ("granted"), i, bad_entries[i]);
  data = nb_report_to_data (report, NULL);
  g_assert_nonnull (strstr (data, "\"schema_version\": 2,"));
  g_assert_nonnull (strstr (data, "\"entry\": \"x7\""));

  loaded = nb_report_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  loaded_table = nb_report_get_table (loaded, "s3_requests");
  for (guint i = 0; i < G_N_ELEMENTS (bad_entries); i++)
    {
      g_assert_cmpstr (nb_table_get_entry (loaded_table, ROW ("granted"), i), ==, bad_entries[i]);
      g_assert_cmpint (nb_table_get_number (loaded_table, ROW ("granted"), i), ==,
                       nb_table_get_number (table, ROW ("granted"), i));
    }
  again = nb_report_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, data);

  g_assert_finalize_object (loaded);
  g_assert_finalize_object (report);
}

/* 定稿: the history is kept in the file, is not part of the content's
 * fingerprint, and a change after finalizing is told. */
static void
test_finalized_versions (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  g_autofree char *fingerprint = nb_report_fingerprint (report);
  g_autofree char *data = NULL, *again = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *loaded;

  nb_report_add_version (report, nb_report_version_new ("2025-01-10", fingerprint, NULL));
  nb_report_set_finalized (report, TRUE);
  after = nb_report_fingerprint (report);
  g_assert_cmpstr (after, ==, fingerprint);
  g_assert_true (nb_report_final_is_intact (report, NULL));

  data = nb_report_to_data (report, NULL);
  g_assert_nonnull (strstr (data, "\"schema_version\": 2,"));
  loaded = nb_report_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_get_finalized (loaded));
  g_assert_cmpuint (nb_report_get_versions (loaded)->len, ==, 1);
  g_assert_cmpstr (nb_report_get_final_version (loaded)->date, ==, "2025-01-10");
  again = nb_report_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, data);

  /* changed without 解除定稿: no longer what was finalized */
  nb_report_set_text (loaded, NB_TEXT_PROBLEMS, "改过");
  g_assert_false (nb_report_final_is_intact (loaded, &error));
  g_assert_nonnull (strstr (error->message, fingerprint));

  g_assert_finalize_object (loaded);
  g_assert_finalize_object (report);
}

/* Each 定稿 version keeps its content, whose fingerprint is the
 * version's: finalize, change, 解除定稿, finalize again, and the report
 * compares with either version; a version's content changed in the file
 * is told. */
static void
test_version_contents (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  g_autoptr(GPtrArray) since_first = NULL, since_second = NULL, none = NULL;
  g_autofree char *data = NULL, *again = NULL, *tampered = NULL, *now = NULL, *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  gint64 before;
  NbReportVersion *first;
  GPtrArray *versions;
  NbReport *loaded;
  GString *listed = g_string_new (NULL);

  nb_report_set_text (report, NB_TEXT_PROBLEMS, "问题甲");
  first = nb_report_finalize (report, "2025-01-10");
  g_assert_nonnull (first->content);
  g_assert_cmpuint (nb_report_get_versions (first->content)->len, ==, 0);
  now = nb_report_fingerprint (first->content);
  g_assert_cmpstr (now, ==, first->fingerprint);

  /* 解除定稿, two changes, 定稿 again */
  nb_report_set_finalized (report, FALSE);
  before = nb_table_get_number (table, ROW ("new"), COL ("natural"));
  g_assert_cmpint (before, ==, nb_table_get_number (table, ROW ("new"), COL ("total")));
  g_assert_true (nb_table_set_number (table, ROW ("new"), COL ("natural"), before + 5, NULL));
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "问题乙");
  nb_report_finalize (report, "2025-02-01");

  data = nb_report_to_data (report, NULL);
  g_assert_nonnull (strstr (data, "\"schema_version\": 4,"));
  loaded = nb_report_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  versions = nb_report_get_versions (loaded);
  g_assert_cmpuint (versions->len, ==, 2);
  for (guint i = 0; i < versions->len; i++)
    {
      NbReportVersion *version = g_ptr_array_index (versions, i);
      g_autofree char *fingerprint = nb_report_fingerprint (version->content);

      g_assert_cmpstr (fingerprint, ==, version->fingerprint);
    }
  g_assert_cmpstr (nb_report_get_text (((NbReportVersion *) versions->pdata[0])->content,
                                       NB_TEXT_PROBLEMS), ==, "问题甲");
  g_assert_true (nb_report_final_is_intact (loaded, NULL));
  again = nb_report_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, data);

  /* against version 1: the cell typed, the total it adds to, the text */
  since_first = nb_verify_version (loaded, 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < since_first->len; i++)
    {
      const NbVerifyDifference *d = g_ptr_array_index (since_first, i);
      g_string_append_printf (listed, "%s %s→%s;", d->address, d->expected, d->published);
    }
  expected = g_strdup_printf ("s3_requests.new.natural %1$" G_GINT64_FORMAT "→%2$" G_GINT64_FORMAT ";"
                              "s3_requests.new.total %1$" G_GINT64_FORMAT "→%2$" G_GINT64_FORMAT ";"
                              "problems 问题甲→问题乙;", before, before + 5);
  g_assert_cmpstr (listed->str, ==, expected);
  since_second = nb_verify_version (loaded, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (since_second->len, ==, 0);
  none = nb_verify_version (loaded, 3, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_finalize_object (loaded);

  /* the content kept for version 1 changed in the file: told, naming it */
  parts = g_strsplit (data, "\"problems\": \"问题甲\"", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  tampered = g_strjoinv ("\"problems\": \"问题丙\"", parts);
  loaded = nb_report_new_from_data (tampered, -1, &error);
  g_assert_no_error (error);
  g_assert_false (nb_report_final_is_intact (loaded, &error));
  g_assert_nonnull (strstr (error->message, "Version 1"));
  g_assert_nonnull (strstr (error->message, first->fingerprint));
  g_clear_error (&error);
  g_assert_finalize_object (loaded);

  /* a version's content has no history of its own */
  g_clear_pointer (&tampered, g_free);
  g_strfreev (g_steal_pointer (&parts));
  parts = g_strsplit (data, "\"content\": {", 2);
  tampered = g_strjoin ("\"content\": {\"versions\": [], ", parts[0], parts[1], NULL);
  g_assert_null (nb_report_new_from_data (tampered, -1, &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "$.versions[0].content.versions"));

  g_string_free (listed, TRUE);
  g_assert_finalize_object (report);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entry/keeps-previous-value", test_entry_keeps_previous_value);
  g_test_add_func ("/entry/is-an-error", test_entry_is_an_error);
  g_test_add_func ("/entry/undo-redo", test_entry_undo_redo);
  g_test_add_func ("/entry/saved-and-loaded", test_entry_saved_and_loaded);
  g_test_add_func ("/entry/finalized-versions", test_finalized_versions);
  g_test_add_func ("/entry/version-contents", test_version_contents);
  return g_test_run ();
}
