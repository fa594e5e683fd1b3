/* test-file.c — .nianbao files: round trips, every class of bad input,
 * atomic saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "nb-checker.h"
#include "nb-report-export.h"
#include "nb-report-file.h"
#include "nb-value.h"
#include "test-util.h"

static char *
sample_data (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                 "sample-2024.nianbao", NULL);
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  return data;
}

static void
test_sample_round_trip (void)
{
  gsize length, again_length;
  g_autofree char *data = sample_data (&length);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_report_new_from_data (data, length, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (nb_report_get_organ (report), ==, "示例县人民政府办公室");
  g_assert_cmpint (nb_report_get_year (report), ==, 2024);
  g_assert_cmpint (nb_report_get_edition (report), ==, NB_EDITION_2021);
  g_assert_cmpint (test_get (report, "s2_fees.fees.amount"), ==, 356 * NB_AMOUNT_SCALE / 10);
  g_assert_cmpint (test_get (report, "s3_requests.result_total.total"), ==, 45);

  /* the sample is written canonically: load → save gives the same bytes */
  again = nb_report_to_data (report, &again_length);
  g_assert_cmpstr (again, ==, data);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_round_trip_keeps_everything (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2019);
  NbTable *regs = nb_report_get_table (report, "s2_regulations");
  NbTable *procurement = nb_report_get_table (report, "s2_procurement");
  NbTable *requests = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (requests);
  g_autofree char *first = NULL, *second = NULL;
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint total = nb_table_def_find_column (def, "total");
  guint granted = nb_table_def_find_row (def, "granted");

  nb_report_set_title (report, "2020年测试市政府信息公开工作年度报告");
  nb_report_set_date (report, "2021-01-20");
  nb_report_set_signature_shown (report, NB_SIGNATURE_REVIEWER, FALSE);
  nb_report_set_signature_label (report, NB_SIGNATURE_HEAD, "主要负责人（签字）");
  nb_report_set_signature_value (report, NB_SIGNATURE_PHONE, "0879-1234567");
  nb_report_set_text (report, NB_TEXT_PREFACE, "引言\n第二段 \"引号\" \\ 与\t制表符");
  test_set (report, "s2_licensing.licensing.change", -8);
  nb_table_set_number (regs, 1, 2, 39, NULL);
  nb_table_set_note (regs, 1, 2, "市政府、市政府办印发");
  nb_table_set_number (procurement, 0, 1, 25100000000, NULL);
  nb_table_set_unit (procurement, 0, 1, "元");
  nb_table_set_marker (regs, 0, 0, "/");
  /* an override equal to its sum stays an override; a blank total too */
  nb_table_set_number (requests, granted, total, 16, NULL);
  nb_table_clear (requests, nb_table_def_find_row (def, "partly_granted"), total);
  /* a total row's override, under an automatic corner that adds it up */
  nb_table_set_number (requests, nb_table_def_find_row (def, "result_total"),
                       nb_table_def_find_column (def, "research"), 3, NULL);

  first = nb_report_to_data (report, NULL);
  loaded = nb_report_new_from_data (first, -1, &error);
  g_assert_no_error (error);
  second = nb_report_to_data (loaded, NULL);
  g_assert_cmpstr (second, ==, first);

  g_assert_cmpstr (nb_report_get_title (loaded), ==, "2020年测试市政府信息公开工作年度报告");
  g_assert_cmpstr (nb_report_get_text (loaded, NB_TEXT_PREFACE), ==,
                   "引言\n第二段 \"引号\" \\ 与\t制表符");
  g_assert_cmpint (test_get (loaded, "s2_licensing.licensing.change"), ==, -8);
  g_assert_false (nb_report_get_signature_shown (loaded, NB_SIGNATURE_REVIEWER));
  g_assert_true (nb_report_get_signature_shown (loaded, NB_SIGNATURE_HEAD));
  g_assert_cmpstr (nb_report_get_signature_label (loaded, NB_SIGNATURE_HEAD), ==, "主要负责人（签字）");
  g_assert_cmpstr (nb_report_get_signature_value (loaded, NB_SIGNATURE_PHONE), ==, "0879-1234567");
  g_assert_cmpstr (nb_table_get_note (nb_report_get_table (loaded, "s2_regulations"), 1, 2), ==,
                   "市政府、市政府办印发");
  g_assert_cmpstr (nb_table_get_unit (nb_report_get_table (loaded, "s2_procurement"), 0, 1), ==, "元");
  g_assert_cmpstr (nb_table_get_marker (nb_report_get_table (loaded, "s2_regulations"), 0, 0), ==, "/");
  g_assert_true (nb_table_is_overridden (nb_report_get_table (loaded, "s3_requests"), granted, total));
  g_assert_false (nb_table_is_overridden (nb_report_get_table (loaded, "s3_requests"),
                                          nb_table_def_find_row (def, "new"), total));
  g_assert_false (nb_table_is_overridden (nb_report_get_table (loaded, "s3_requests"),
                                          nb_table_def_find_row (def, "result_total"), total));
  g_assert_cmpint (test_get (loaded, "s3_requests.result_total.total"), ==, 25);
  g_assert_finalize_object (g_steal_pointer (&loaded));
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_fingerprint (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autofree char *before = nb_report_fingerprint (report);
  g_autofree char *after = NULL;

  g_assert_cmpuint (strlen (before), ==, 8);
  test_set (report, "s2_fees.fees.amount", 1);
  after = nb_report_fingerprint (report);
  g_assert_cmpstr (before, !=, after);
}

/* Cells the importer could not place keep their mark through a save and
 * a load ("imported": false, schema version 3); a report whose marks are
 * all gone is written as if it never had any. */
static void
test_not_imported_round_trip (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) plain = test_clean_report (NB_EDITION_2021);
  NbTable *requests = nb_report_get_table (report, "s3_requests");
  NbTable *plain_requests = nb_report_get_table (plain, "s3_requests");
  const NbTableDef *def = nb_table_get_def (requests);
  guint missed = nb_table_def_find_row (def, "granted");
  guint total = nb_table_def_find_column (def, "total");
  g_autofree char *first = NULL, *second = NULL, *plain_data = NULL, *cleared = NULL;
  g_autofree char *plain_fingerprint = nb_report_fingerprint (plain);
  g_autofree char *cleared_fingerprint = NULL;
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  NbTable *loaded_requests;

  /* a row the import missed, empty and marked */
  g_assert_cmpint (nb_table_get_number (requests, missed, 0), >, 0);
  test_miss_row (requests, "granted");
  /* a note is no value: the cell stays marked */
  nb_table_set_note (requests, missed, 0, "原文此行缺失");
  g_assert_cmpuint (nb_table_count_not_imported (requests), ==, def->n_columns);

  first = nb_report_to_data (report, NULL);
  g_assert_nonnull (strstr (first, "\"schema_version\": 3,"));
  g_assert_nonnull (strstr (first, "\"natural\": {\n          \"value\": null,\n"
                                   "          \"note\": \"原文此行缺失\",\n"
                                   "          \"imported\": false\n        }"));
  loaded = nb_report_new_from_data (first, -1, &error);
  g_assert_no_error (error);
  second = nb_report_to_data (loaded, NULL);
  g_assert_cmpstr (second, ==, first);
  loaded_requests = nb_report_get_table (loaded, "s3_requests");
  g_assert_cmpuint (nb_table_count_not_imported (loaded_requests), ==, def->n_columns);
  for (guint c = 0; c < def->n_columns; c++)
    g_assert_true (nb_table_is_not_imported (loaded_requests, missed, c));
  g_assert_false (nb_table_is_not_imported (loaded_requests, nb_table_def_find_row (def, "new"), 0));

  /* the user fills the row in: no mark is left, and the report is
   * written as one that never had any, with the same fingerprint */
  for (guint c = 0; c < def->n_columns; c++)
    if (c == total)
      nb_table_restore_total (loaded_requests, missed, c);
    else
      nb_table_set_number (loaded_requests, missed, c, nb_table_get_number (plain_requests, missed, c), NULL);
  nb_table_set_note (loaded_requests, missed, 0, NULL);
  g_assert_cmpuint (nb_table_count_not_imported (loaded_requests), ==, 0);
  cleared = nb_report_to_data (loaded, NULL);
  plain_data = nb_report_to_data (plain, NULL);
  g_assert_nonnull (strstr (cleared, "\"schema_version\": 1,"));
  g_assert_null (strstr (cleared, "imported"));
  g_assert_cmpstr (cleared, ==, plain_data);
  cleared_fingerprint = nb_report_fingerprint (loaded);
  g_assert_cmpstr (cleared_fingerprint, ==, plain_fingerprint);

  g_assert_finalize_object (g_steal_pointer (&loaded));
  g_assert_finalize_object (g_steal_pointer (&plain));
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* A fee published to the 分 (24252.311082 万元) is kept to the last
 * decimal through a save and a load, in a file of format 5 so that a
 * Nianbao that held 4 decimals says the file is newer; an amount of 4
 * decimals leaves the file as it always was. */
static void
test_amount_to_the_fen (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) loaded = NULL;
  g_autofree char *plain = nb_report_to_data (report, NULL);
  g_autofree char *data = NULL, *again = NULL;
  g_autoptr(GError) error = NULL;

  test_set (report, "s2_fees.fees.amount", G_GINT64_CONSTANT (24252311082));
  data = nb_report_to_data (report, NULL);
  g_assert_nonnull (strstr (data, "\"schema_version\": 5,"));
  g_assert_nonnull (strstr (data, "\"amount\": \"24252.311082\""));
  loaded = nb_report_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_get (loaded, "s2_fees.fees.amount"), ==, G_GINT64_CONSTANT (24252311082));
  again = nb_report_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, data);

  test_set (report, "s2_fees.fees.amount", G_GINT64_CONSTANT (24252311100));   /* 24252.3111 */
  g_clear_pointer (&data, g_free);
  data = nb_report_to_data (report, NULL);
  g_assert_nonnull (strstr (plain, "\"schema_version\": 1,"));
  g_assert_nonnull (strstr (data, "\"schema_version\": 1,"));
  g_assert_nonnull (strstr (data, "\"amount\": \"24252.3111\""));
}

/* Files of the older versions load as they always did: nothing in them is
 * marked not imported, and they are written back byte for byte. */
static void
test_older_versions_load (void)
{
  gsize length;
  g_autofree char *sample = sample_data (&length);

  for (guint version = 1; version <= 5; version++)
    {
      g_autofree char *text = NULL;
      g_autofree char *again = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = NULL;
      g_auto(GStrv) parts = g_strsplit (sample, "\"schema_version\": 1", 2);
      g_autofree char *stated = g_strdup_printf ("\"schema_version\": %u", version);

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      text = g_strjoin (stated, parts[0], parts[1], NULL);
      report = nb_report_new_from_data (text, -1, &error);
      g_assert_no_error (error);
      for (guint t = 0; t < nb_report_get_n_tables (report); t++)
        g_assert_cmpuint (nb_table_count_not_imported (nb_report_get_table_at (report, t)), ==, 0);
      /* written with the version its content needs: the sample's own */
      again = nb_report_to_data (report, NULL);
      g_assert_cmpstr (again, ==, sample);
      g_assert_finalize_object (g_steal_pointer (&report));
    }
}

/* One test per class of bad input: the error code and where it is. */
typedef struct {
  const char  *name;
  const char  *from;   /* text in the sample to replace */
  const char  *to;
  NbFileError  code;
  const char  *says;   /* part of the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "truncated", NULL, NULL, NB_FILE_ERROR_SYNTAX, "not valid JSON" },
  { "wrong-type", "\"year\": 2024", "\"year\": \"2024\"", NB_FILE_ERROR_TYPE,
    "$.year: expected a whole number, found text" },
  { "negative-count", "\"natural\": 40,", "\"natural\": -40,", NB_FILE_ERROR_VALUE,
    "$.tables.s3_requests.new.natural: A count cannot be negative" },
  { "fraction-count", "\"natural\": 40,", "\"natural\": 40.5,", NB_FILE_ERROR_TYPE,
    "$.tables.s3_requests.new.natural: expected a whole number, found a fraction" },
  { "too-large", "\"natural\": 40,", "\"natural\": 1000000000000,", NB_FILE_ERROR_VALUE,
    "$.tables.s3_requests.new.natural: The number is too large" },
  { "past-64-bits", "\"natural\": 40,", "\"natural\": 99999999999999999999999,",
    NB_FILE_ERROR_VALUE, "far too large" },
  { "bad-amount", "\"amount\": \"35.6\"", "\"amount\": \"35.6000001\"", NB_FILE_ERROR_VALUE,
    "$.tables.s2_fees.fees.amount: At most 6 decimal places" },
  { "nan", "\"natural\": 40,", "\"natural\": NaN,", NB_FILE_ERROR_SYNTAX, "not valid JSON" },
  { "duplicate-key", "\"natural\": 40,", "\"natural\": 40, \"natural\": 41,",
    NB_FILE_ERROR_DUPLICATE, "$.tables.s3_requests.new: the member “natural” appears twice" },
  { "unknown-edition", "\"edition\": \"2021\"", "\"edition\": \"2023\"", NB_FILE_ERROR_EDITION,
    "$.edition: expected the edition \"2019\" or \"2021\", found \"2023\"" },
  { "future-version", "\"schema_version\": 1", "\"schema_version\": 7", NB_FILE_ERROR_VERSION,
    "newer version of Nianbao (format 7" },
  { "unknown-table", "\"s2_fees\": {", "\"s2_costs\": {", NB_FILE_ERROR_UNKNOWN,
    "$.tables.s2_costs: a member that a report does not have" },
  { "missing-table", "\"s2_fees\": {\n      \"fees\": {\n        \"amount\": \"35.6\"\n      }\n    },\n",
    "", NB_FILE_ERROR_MISSING, "$.tables: the member “s2_fees” is missing" },
  { "missing-cell", "\"natural\": 40,", "", NB_FILE_ERROR_MISSING,
    "$.tables.s3_requests.new: the member “natural” is missing" },
  { "unknown-row", "\"carried_forward\": {", "\"carried_later\": {", NB_FILE_ERROR_UNKNOWN,
    "$.tables.s3_requests.carried_later" },
  { "not-a-report", "\"format\": \"nianbao-report\"", "\"format\": \"other\"",
    NB_FILE_ERROR_NOT_REPORT, "not a Nianbao report" },
  { "unknown-signature-line", "\"date\": \"2025-01-20\",", "\"date\": \"2025-01-20\", \"signature\": {\"boss\": {}},",
    NB_FILE_ERROR_UNKNOWN, "$.signature.boss: a member that a report does not have" },
  { "bad-date", "\"date\": \"2025-01-20\"", "\"date\": \"2025-02-30\"", NB_FILE_ERROR_VALUE,
    "$.date: expected a date" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  gsize length;
  g_autofree char *sample = sample_data (&length);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  if (bad->from == NULL)
    text = g_strndup (sample, length / 2);
  else
    {
      g_auto(GStrv) parts = g_strsplit (sample, bad->from, 2);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      text = g_strjoin (bad->to, parts[0], parts[1], NULL);
    }

  report = nb_report_new_from_data (text, -1, &error);
  g_assert_null (report);
  g_assert_error (error, NB_FILE_ERROR, (int) bad->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, bad->says));
}

static void
test_bad_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) nested = g_string_new ("{\"format\": \"nianbao-report\", \"x\": ");
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  g_assert_null (nb_report_new_from_data (binary, sizeof binary - 1, &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_ENCODING);
  g_clear_error (&error);

  g_assert_null (nb_report_new_from_data ("{\"a\": \"\xc3\x28\"}", -1, &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 1, column 8"));
  g_clear_error (&error);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  g_assert_null (nb_report_new_from_data (nested->str, nested->len, &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_clear_error (&error);

  g_assert_null (nb_report_new_from_data ("[1, 2, 3]", -1, &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_NOT_REPORT);
  g_clear_error (&error);

  g_assert_null (nb_report_new_from_data ("", 0, &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_SYNTAX);
}

static void
test_save_is_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.nianbao", NULL);
  g_autofree char *readonly = g_build_filename (dir, "locked", NULL);
  g_autofree char *blocked = g_build_filename (readonly, "report.nianbao", NULL);
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) loaded = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (nb_report_save_to_path (report, path, &error));
  g_assert_no_error (error);
  loaded = nb_report_load_from_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_get (loaded, "s3_requests.new.natural"), ==, 22);

  /* a save that cannot happen leaves the file as it was */
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpint (g_mkdir (readonly, 0500), ==, 0);
  if (g_access (readonly, W_OK) == 0)
    g_test_message ("running as root: a read-only folder is writable, checked below instead");
  else
    {
      g_assert_false (nb_report_save_to_path (report, blocked, &error));
      g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "not changed"));
      g_clear_error (&error);
    }
  g_assert_false (nb_report_save_to_path (report, dir, &error));   /* a folder */
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  g_remove (path);
  g_rmdir (readonly);
  g_rmdir (dir);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  NbReport **report = user_data;
  g_autoptr(GError) error = NULL;

  *report = nb_report_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  *done = nb_report_save_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "async.nianbao", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbReport) loaded = NULL;
  gboolean saved = FALSE;

  nb_report_save_async (report, file, NULL, saved_cb, &saved);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);
  nb_report_load_async (file, NULL, loaded_cb, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (nb_report_get_edition (loaded), ==, NB_EDITION_2019);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_export_json (void)
{
  gsize length;
  g_autofree char *data = sample_data (&length);
  g_autoptr(NbReport) report = nb_report_new_from_data (data, length, NULL);
  g_autoptr(NbChecker) checker = NULL;
  g_autofree char *json = NULL;
  NbTable *regs = nb_report_get_table (report, "s2_regulations");

  nb_table_set_note (regs, 1, 2, "含部门文件");
  checker = nb_checker_new (report);
  json = nb_report_export_json (report, nb_checker_get_findings (checker), NULL);
  g_assert_nonnull (strstr (json, "\"edition\": \"2021\""));
  g_assert_nonnull (strstr (json, "\"amount\": 35.6\n"));
  g_assert_nonnull (strstr (json, "\"s2_regulations.normative.in_force\": \"含部门文件\""));
  g_assert_nonnull (strstr (json, "\"findings\": []"));
  g_assert_nonnull (strstr (json, "\"overview\": \"2024年"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/file/round-trip-keeps-everything", test_round_trip_keeps_everything);
  g_test_add_func ("/file/fingerprint", test_fingerprint);
  g_test_add_func ("/file/not-imported-round-trip", test_not_imported_round_trip);
  g_test_add_func ("/file/amount-to-the-fen", test_amount_to_the_fen);
  g_test_add_func ("/file/older-versions-load", test_older_versions_load);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/file/bad/%s", bad_cases[i].name);
      g_test_add_data_func (name, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/file/bad-bytes", test_bad_bytes);
  g_test_add_func ("/file/save-is-atomic", test_save_is_atomic);
  g_test_add_func ("/file/async", test_async);
  g_test_add_func ("/file/export-json", test_export_json);
  return g_test_run ();
}
