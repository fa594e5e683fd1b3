/* test-acknowledge.c — a warning marked 已核实: counted apart, saved,
 * undone, and void once a cell it names changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-report-file.h"
#include "nb-undo-stack.h"
#include "test-util.h"

#define REASON "第一部分的23件含1件重复申请，已与台账核对"

/* Section 一 says 23 new requests where the table has 22: a T1 warning. */
static NbReport *
report_with_t1 (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);

  nb_report_set_text (report, NB_TEXT_OVERVIEW, "2024年，全年新收政府信息公开申请23件。");
  return report;
}

/* Returns: (transfer full) (nullable): the first finding of @rule */
static NbFinding *
find_rule (NbChecker  *checker,
           const char *rule)
{
  GListModel *findings = nb_checker_get_findings (checker);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      NbFinding *finding = g_list_model_get_item (findings, i);

      if (strcmp (nb_finding_get_rule (finding), rule) == 0)
        return finding;
      g_object_unref (finding);
    }
  return NULL;
}

static void
acknowledge_t1 (NbChecker *checker)
{
  g_autoptr(NbFinding) t1 = find_rule (checker, "T1");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (t1);
  g_assert_true (nb_checker_acknowledge (checker, t1, "  " REASON "\n", "2025-01-20", &error));
  g_assert_no_error (error);
}

static void
test_acknowledge_counts (void)
{
  NbReport *report = report_with_t1 ();
  NbChecker *checker = nb_checker_new (report);
  NbUndoStack *undo = nb_undo_stack_new (report);
  g_autoptr(NbFinding) t1 = find_rule (checker, "T1");
  const NbAcknowledgement *ack;
  guint n_findings = g_list_model_get_n_items (nb_checker_get_findings (checker));

  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 1);
  g_assert_cmpuint (nb_checker_count_acknowledged (checker, -1), ==, 0);
  g_assert_null (nb_checker_get_acknowledgement (checker, t1));

  nb_undo_stack_set_clean (undo);
  acknowledge_t1 (checker);
  /* still a finding, no longer an open warning */
  g_assert_cmpuint (g_list_model_get_n_items (nb_checker_get_findings (checker)), ==, n_findings);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 0);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, 1), ==, 0);
  g_assert_cmpuint (nb_checker_count_acknowledged (checker, -1), ==, 1);
  g_assert_cmpuint (nb_checker_count_acknowledged (checker, 1), ==, 1);
  ack = nb_checker_get_acknowledgement (checker, t1);
  g_assert_nonnull (ack);
  g_assert_cmpstr (ack->reason, ==, REASON);   /* stripped */
  g_assert_cmpstr (ack->date, ==, "2025-01-20");
  g_assert_cmpstr (ack->rule, ==, "T1");
  g_assert_cmpstr (ack->cells[0], ==, "s3_requests.new.total");
  g_assert_cmpstr (ack->values[0], ==, "22");
  g_assert_true (nb_undo_stack_get_modified (undo));

  /* a re-check keeps it */
  nb_checker_refresh (checker);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 0);

  /* undone and redone like an edit */
  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpuint (nb_report_get_acknowledgements (report)->len, ==, 0);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 1);
  g_assert_false (nb_undo_stack_get_modified (undo));
  g_assert_true (nb_undo_stack_redo (undo));
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 0);

  /* withdrawn */
  g_assert_true (nb_checker_withdraw (checker, t1));
  g_assert_false (nb_checker_withdraw (checker, t1));
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 1);
  g_assert_null (nb_checker_get_acknowledgement (checker, t1));

  g_clear_object (&t1);
  g_assert_finalize_object (undo);
  g_assert_finalize_object (checker);
  g_assert_finalize_object (report);
}

static void
test_acknowledge_refused (void)
{
  NbReport *report = report_with_t1 ();
  NbChecker *checker = nb_checker_new (report);
  g_autoptr(NbFinding) t1 = find_rule (checker, "T1");
  g_autoptr(NbFinding) m1 = NULL;
  g_autoptr(GError) error = NULL;

  /* an error can never be acknowledged */
  nb_report_set_organ (report, "");
  m1 = find_rule (checker, "M1");
  g_assert_nonnull (m1);
  g_assert_cmpint (nb_finding_get_severity (m1), ==, NB_SEVERITY_ERROR);
  g_assert_false (nb_checker_acknowledge (checker, m1, REASON, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_ERROR, -1), ==, 1);

  /* nor a warning without a reason */
  g_assert_false (nb_checker_acknowledge (checker, t1, " \n", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (nb_report_get_acknowledgements (report)->len, ==, 0);

  g_clear_object (&t1);
  g_clear_object (&m1);
  g_assert_finalize_object (checker);
  g_assert_finalize_object (report);
}

static void
test_changed_cell_voids (void)
{
  NbReport *report = report_with_t1 ();
  NbChecker *checker = nb_checker_new (report);
  g_autoptr(GPtrArray) void_acks = NULL;

  acknowledge_t1 (checker);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 0);

  /* the total it names changes: the warning is open again */
  test_set (report, "s3_requests.new.natural", 21);
  test_set (report, "s3_requests.granted.natural", 15);
  g_assert_cmpuint (test_count_rule (checker, "T1"), ==, 1);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 1);
  g_assert_cmpuint (nb_checker_count_acknowledged (checker, -1), ==, 0);
  void_acks = nb_checker_get_void_acknowledgements (checker);
  g_assert_cmpuint (void_acks->len, ==, 1);
  g_clear_pointer (&void_acks, g_ptr_array_unref);

  /* back to what was verified: it applies again */
  test_set (report, "s3_requests.new.natural", 22);
  test_set (report, "s3_requests.granted.natural", 16);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 0);
  void_acks = nb_checker_get_void_acknowledgements (checker);
  g_assert_cmpuint (void_acks->len, ==, 0);
  g_clear_pointer (&void_acks, g_ptr_array_unref);

  /* the sentence it quotes changes: open again */
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "2024年，全年新收政府信息公开申请24件。");
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 1);

  g_assert_finalize_object (checker);
  g_assert_finalize_object (report);
}

/* R5 says the same of a blank cell and of a marker: only the value the
 * acknowledgement keeps tells them apart. */
static void
test_changed_value_same_message (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbChecker *checker = nb_checker_new (report);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  guint row = nb_table_def_find_row (def, "granted");
  guint column = nb_table_def_find_column (def, "research");
  g_autoptr(NbFinding) r5 = NULL;
  g_autoptr(GError) error = NULL;

  nb_table_clear (table, row, column);
  r5 = find_rule (checker, "R5");
  g_assert_nonnull (r5);
  g_assert_true (nb_checker_acknowledge (checker, r5, "该栏原表即空白", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 0);

  nb_table_set_marker (table, row, column, "/");
  g_assert_cmpuint (test_count_rule (checker, "R5"), ==, 1);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 1);

  g_clear_object (&r5);
  g_assert_finalize_object (checker);
  g_assert_finalize_object (report);
}

static void
test_round_trip (void)
{
  NbReport *report = report_with_t1 ();
  NbChecker *checker = nb_checker_new (report);
  g_autofree char *before = nb_report_fingerprint (report);
  g_autofree char *data = NULL, *again = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *loaded;
  NbChecker *loaded_checker;
  gsize length, length2;

  acknowledge_t1 (checker);
  data = nb_report_to_data (report, &length);
  g_assert_nonnull (strstr (data, "\"schema_version\": 2"));
  g_assert_nonnull (strstr (data, "\"acknowledged\": ["));
  g_assert_nonnull (strstr (data, REASON));
  /* the acknowledgement is signed content: it changes the fingerprint */
  after = nb_report_fingerprint (report);
  g_assert_cmpstr (before, !=, after);

  loaded = nb_report_new_from_data (data, length, &error);
  g_assert_no_error (error);
  again = nb_report_to_data (loaded, &length2);
  g_assert_cmpmem (data, length, again, length2);
  loaded_checker = nb_checker_new (loaded);
  g_assert_cmpuint (nb_checker_count (loaded_checker, NB_SEVERITY_WARNING, -1), ==, 0);
  g_assert_cmpuint (nb_checker_count_acknowledged (loaded_checker, -1), ==, 1);

  g_assert_finalize_object (loaded_checker);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (checker);
  g_assert_finalize_object (report);
}

/* A report that never had an acknowledgement, or had one withdrawn, is
 * written byte for byte as before, with the same fingerprint. */
static void
test_without_acknowledgements_unchanged (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                 "sample-2024.nianbao", NULL);
  g_autofree char *file = NULL, *data = NULL, *fingerprint = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *report;
  NbChecker *checker;
  NbFinding *warning = NULL;
  GListModel *findings;
  gsize length, written;

  g_assert_true (g_file_get_contents (path, &file, &length, &error));
  report = nb_report_new_from_data (file, length, &error);
  g_assert_no_error (error);
  data = nb_report_to_data (report, &written);
  g_assert_cmpmem (file, length, data, written);
  g_assert_null (strstr (data, "acknowledged"));
  fingerprint = nb_report_fingerprint (report);

  checker = nb_checker_new (report);
  findings = nb_checker_get_findings (checker);
  for (guint i = 0; warning == NULL && i < g_list_model_get_n_items (findings); i++)
    {
      NbFinding *finding = g_list_model_get_item (findings, i);

      if (nb_finding_get_severity (finding) == NB_SEVERITY_WARNING)
        warning = finding;
      else
        g_object_unref (finding);
    }
  if (warning != NULL)
    {
      g_assert_true (nb_checker_acknowledge (checker, warning, REASON, NULL, &error));
      g_assert_true (nb_checker_withdraw (checker, warning));
      g_object_unref (warning);
    }
  g_clear_pointer (&data, g_free);
  data = nb_report_to_data (report, &written);
  g_assert_cmpmem (file, length, data, written);
  after = nb_report_fingerprint (report);
  g_assert_cmpstr (fingerprint, ==, after);

  g_assert_finalize_object (checker);
  g_assert_finalize_object (report);
}

typedef struct {
  const char *member;   /* replaces the element of "acknowledged" */
  const char *path;     /* the JSON path the error names */
  NbFileError code;
} Hostile;

static const Hostile hostile[] = {
  { "{\"rule\": \"T1\", \"cells\": [\"s3_requests.new.total\"], \"values\": [\"22\"], "
    "\"message\": \"m\", \"reason\": \"r\", \"date\": \"2025-01-20\", \"by\": \"x\"}",
    "$.acknowledged[0].by", NB_FILE_ERROR_UNKNOWN },
  { "{\"rule\": \"T1\", \"cells\": \"s3_requests.new.total\", \"values\": [\"22\"], "
    "\"message\": \"m\", \"reason\": \"r\", \"date\": \"2025-01-20\"}",
    "$.acknowledged[0].cells", NB_FILE_ERROR_TYPE },
  { "{\"rule\": \"T1\", \"cells\": [\"s3_requests.new.total\"], \"values\": [22], "
    "\"message\": \"m\", \"reason\": \"r\", \"date\": \"2025-01-20\"}",
    "$.acknowledged[0].values[0]", NB_FILE_ERROR_TYPE },
  { "{\"rule\": \"T1\", \"cells\": [\"s3_requests.nothing.total\"], \"values\": [\"22\"], "
    "\"message\": \"m\", \"reason\": \"r\", \"date\": \"2025-01-20\"}",
    "$.acknowledged[0].cells[0]", NB_FILE_ERROR_VALUE },
  { "{\"rule\": \"T1\", \"cells\": [\"s3_requests.new.total\"], \"values\": [], "
    "\"message\": \"m\", \"reason\": \"r\", \"date\": \"2025-01-20\"}",
    "$.acknowledged[0]", NB_FILE_ERROR_VALUE },
  { "{\"rule\": \"T1\", \"cells\": [], \"values\": [], "
    "\"message\": \"m\", \"reason\": \" \", \"date\": \"2025-01-20\"}",
    "$.acknowledged[0]", NB_FILE_ERROR_VALUE },
  { "{\"rule\": \"T1\", \"cells\": [], \"values\": [], "
    "\"message\": \"m\", \"reason\": \"r\", \"date\": \"2025-02-30\"}",
    "$.acknowledged[0].date", NB_FILE_ERROR_VALUE },
  { "{\"rule\": \"t1; rm\", \"cells\": [], \"values\": [], "
    "\"message\": \"m\", \"reason\": \"r\", \"date\": \"2025-01-20\"}",
    "$.acknowledged[0].rule", NB_FILE_ERROR_VALUE },
  { "{\"rule\": \"T1\", \"cells\": [], \"values\": [], \"reason\": \"r\", \"date\": \"2025-01-20\"}",
    "$.acknowledged[0]", NB_FILE_ERROR_MISSING },
  { "\"T1\"", "$.acknowledged[0]", NB_FILE_ERROR_TYPE },
};

static void
test_hostile_members (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  g_autofree char *data = nb_report_to_data (report, NULL);
  gsize end = strlen (data);

  /* the text without its closing brace, to append a member to */
  while (end > 0 && data[end - 1] != '}')
    end--;
  g_assert_cmpuint (end, >, 0);
  data[end - 1] = '\0';
  g_strchomp (data);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s,\n  \"acknowledged\": [%s]\n}\n",
                                               data, hostile[i].member);
      g_autofree char *prefix = g_strconcat (hostile[i].path, ": ", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) loaded = nb_report_new_from_data (text, -1, &error);

      g_assert_null (loaded);
      g_assert_error (error, NB_FILE_ERROR, (int) hostile[i].code);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("case %u: “%s” does not start with %s", i, error->message, prefix);
    }
  g_assert_finalize_object (report);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/acknowledge/counts", test_acknowledge_counts);
  g_test_add_func ("/acknowledge/refused", test_acknowledge_refused);
  g_test_add_func ("/acknowledge/changed-cell-voids", test_changed_cell_voids);
  g_test_add_func ("/acknowledge/changed-value-same-message", test_changed_value_same_message);
  g_test_add_func ("/acknowledge/round-trip", test_round_trip);
  g_test_add_func ("/acknowledge/without-unchanged", test_without_acknowledgements_unchanged);
  g_test_add_func ("/acknowledge/hostile-members", test_hostile_members);

  return g_test_run ();
}
