/* test-aggregate.c — 汇总 of units' reports: exact sums, markers, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "nb-aggregate.h"
#include "nb-import.h"
#include "nb-report-file.h"
#include "test-util.h"

static NbReport *
unit_report (const char *organ,
             gint64      natural_new,
             gint64      fee)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);

  nb_report_set_organ (report, organ);
  /* new + 1 carried over = granted (new − 1) + partly 1 + 1 carried forward */
  test_set (report, "s3_requests.new.natural", natural_new);
  test_set (report, "s3_requests.granted.natural", natural_new - 6);
  test_set (report, "s3_requests.partly_granted.natural", 6);
  test_set (report, "s2_fees.fees.amount", fee);
  return report;
}

static void
test_three_units (void)
{
  g_autoptr(GListStore) units = g_list_store_new (NB_TYPE_UNIT_STATUS);
  g_autoptr(NbReport) a = unit_report ("甲局", 22, 961716 * NB_AMOUNT_SCALE / 10);   /* 96171.6 万元 */
  g_autoptr(NbReport) b = unit_report ("乙局", 30, 4 * NB_AMOUNT_SCALE / 10);        /* 0.4 万元 */
  g_autoptr(NbReport) c = unit_report ("丙局", 7, 0);
  g_autoptr(NbReport) summary = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbUnitStatus) first = NULL;
  NbAggregateOptions options;
  NbTable *appeals, *fees;
  NbReportUnit *unit;

  /* 甲: one cell left empty everywhere; a marker in one; 乙: a number in it */
  for (NbReport **r = (NbReport *[]) { a, b, c, NULL }; *r; r++)
    nb_table_clear (nb_report_get_table (*r, "s4_appeals"), 0, 1);
  test_set (b, "s4_appeals.cases.review_other", 4);
  nb_table_set_marker (nb_report_get_table (c, "s4_appeals"), 0, 2, "/");
  test_set (b, "s2_enforcement.penalty.decisions", 3985758);
  test_set (c, "s2_enforcement.penalty.decisions", 88283);

  nb_aggregate_add_report (units, a, "甲.nianbao");
  nb_aggregate_add_report (units, b, "乙.nianbao");
  nb_aggregate_add_report (units, c, "丙.nianbao");
  nb_aggregate_options_init (&options);
  options.organ = "测试县";
  summary = nb_aggregate (G_LIST_MODEL (units), &options, &notes, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (nb_report_get_organ (summary), ==, "测试县");
  g_assert_cmpint (nb_report_get_year (summary), ==, 2024);
  g_assert_cmpint (nb_report_get_edition (summary), ==, NB_EDITION_2021);
  /* exact sums, amounts in millionths of 万元: 96171.6 + 0.4 + 0 = 96172 */
  g_assert_cmpint (test_get (summary, "s2_fees.fees.amount"), ==, 96172 * NB_AMOUNT_SCALE);
  g_assert_cmpint (test_get (summary, "s3_requests.new.natural"), ==, 22 + 30 + 7);
  g_assert_cmpint (test_get (summary, "s3_requests.new.total"), ==, 59);
  g_assert_cmpint (test_get (summary, "s3_requests.carried_over.natural"), ==, 3);
  g_assert_cmpint (test_get (summary, "s3_requests.result_total.total"), ==, 59);
  g_assert_cmpint (test_get (summary, "s2_enforcement.penalty.decisions"), ==, 3985758 + 88283);
  g_assert_cmpint (test_get (summary, "s4_appeals.cases.review_upheld"), ==, 6);
  g_assert_cmpint (test_get (summary, "s4_appeals.cases.review_total"), ==, 10);

  /* empty + empty + empty = empty; empty + 4 + marker = 4 */
  appeals = nb_report_get_table (summary, "s4_appeals");
  g_assert_cmpint (nb_table_get_state (appeals, 0, 1), ==, NB_CELL_EMPTY);
  g_assert_cmpint (nb_table_get_state (appeals, 0, 2), ==, NB_CELL_NUMBER);
  g_assert_cmpint (nb_table_get_number (appeals, 0, 2), ==, 4);
  /* totals follow their summed parts */
  g_assert_false (nb_table_is_overridden (appeals, 0, 4));
  fees = nb_report_get_table (summary, "s2_fees");
  g_assert_cmpint (nb_table_get_state (fees, 0, 0), ==, NB_CELL_NUMBER);

  /* the marker is reported, with its unit and cell */
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (notes->pdata[0], ==, "丙.nianbao: s4_appeals.cases.review_other holds “/”, counted as 0");

  /* the units are listed in the summary, and survive a round trip */
  g_assert_cmpuint (nb_report_get_units (summary)->len, ==, 3);
  unit = g_ptr_array_index (nb_report_get_units (summary), 0);
  g_assert_cmpstr (unit->organ, ==, "甲局");
  g_assert_cmpstr (unit->file, ==, "甲.nianbao");
  {
    g_autofree char *fingerprint = nb_report_fingerprint (a);
    g_autofree char *data = nb_report_to_data (summary, NULL);
    g_autoptr(NbReport) loaded = nb_report_new_from_data (data, -1, &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (unit->fingerprint, ==, fingerprint);
    again = nb_report_to_data (loaded, NULL);
    g_assert_cmpstr (again, ==, data);
  }

  /* the status board */
  first = g_list_model_get_item (G_LIST_MODEL (units), 2);
  g_assert_cmpint (nb_unit_status_get_state (first), ==, NB_UNIT_LOADED);
  g_assert_cmpint (nb_unit_status_get_edition (first), ==, NB_EDITION_2021);
  g_assert_cmpuint (nb_unit_status_get_markers (first), ==, 1);
  g_assert_cmpuint (nb_unit_status_get_errors (first), ==, 0);
  g_assert_cmpuint (nb_unit_status_get_warnings (first), ==, 1);   /* R5: the blank and the marker */
  g_assert_finalize_object (g_steal_pointer (&summary));
}

/* A total the unit wrote differently from its parts is summed as written. */
static void
test_overridden_total (void)
{
  g_autoptr(GListStore) units = g_list_store_new (NB_TYPE_UNIT_STATUS);
  g_autoptr(NbReport) a = unit_report ("甲局", 22, 0);
  g_autoptr(NbReport) b = unit_report ("乙局", 30, 0);
  g_autoptr(NbReport) summary = NULL;
  g_autoptr(GError) error = NULL;
  NbTable *requests;
  guint row, total;

  test_set (a, "s3_requests.new.total", 25);   /* 22 in its parts */
  nb_aggregate_add_report (units, a, "a");
  nb_aggregate_add_report (units, b, "b");
  summary = nb_aggregate (G_LIST_MODEL (units), NULL, NULL, &error);
  g_assert_no_error (error);
  requests = nb_report_get_table (summary, "s3_requests");
  row = nb_table_def_find_row (nb_table_get_def (requests), "new");
  total = nb_table_def_find_column (nb_table_get_def (requests), "total");
  g_assert_cmpint (nb_table_get_number (requests, row, total), ==, 55);
  g_assert_true (nb_table_is_overridden (requests, row, total));
}

static void
test_mixing_refused (void)
{
  g_autoptr(GListStore) units = g_list_store_new (NB_TYPE_UNIT_STATUS);
  g_autoptr(NbReport) a = unit_report ("甲局", 22, 0);
  g_autoptr(NbReport) b = unit_report ("乙局", 30, 0);
  g_autoptr(NbReport) old = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbReport) summary = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbUnitStatus) refused = NULL;
  NbAggregateOptions options;

  nb_report_set_organ (old, "丙局");
  test_set (old, "s2_procurement.procurement.projects", 3);
  nb_aggregate_add_report (units, a, "a.nianbao");
  nb_aggregate_add_report (units, old, "old.nianbao");
  nb_aggregate_add_report (units, b, "b.nianbao");

  summary = nb_aggregate (G_LIST_MODEL (units), NULL, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_MIXED);
  g_assert_nonnull (strstr (error->message, "a.nianbao, b.nianbao: 2021 edition, year 2024"));
  g_assert_nonnull (strstr (error->message, "old.nianbao: 2019 edition, year 2020"));
  refused = g_list_model_get_item (G_LIST_MODEL (units), 1);
  g_assert_cmpint (nb_unit_status_get_state (refused), ==, NB_UNIT_REFUSED);
  g_assert_cmpstr (nb_unit_status_get_message (refused), ==,
                   "2019 edition, year 2020; most units: 2021 edition, year 2024");
  g_clear_error (&error);

  /* allowed: the edition and year of most units; what has no place is said */
  nb_aggregate_options_init (&options);
  options.allow_mixed = TRUE;
  summary = nb_aggregate (G_LIST_MODEL (units), &options, &notes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_report_get_edition (summary), ==, NB_EDITION_2021);
  g_assert_cmpint (nb_report_get_year (summary), ==, 2024);
  g_assert_cmpint (test_get (summary, "s3_requests.new.natural"), ==, 22 + 30 + 22);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_true (g_str_has_prefix (notes->pdata[0], "old.nianbao: "));
  g_assert_nonnull (strstr (notes->pdata[0], "have no place in the summary's edition"));
}

static void
test_duplicate_refused (void)
{
  g_autoptr(GListStore) units = g_list_store_new (NB_TYPE_UNIT_STATUS);
  g_autoptr(NbReport) a = unit_report ("甲局", 22, 0);
  g_autoptr(NbReport) again = unit_report ("甲局", 22, 0);
  g_autoptr(GError) error = NULL;

  nb_aggregate_add_report (units, a, "a.nianbao");
  nb_aggregate_add_report (units, again, "copy.nianbao");
  g_assert_null (nb_aggregate (G_LIST_MODEL (units), NULL, NULL, &error));
  g_assert_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "a.nianbao and copy.nianbao are the same report"));
}

static void
test_too_large (void)
{
  g_autoptr(GListStore) units = g_list_store_new (NB_TYPE_UNIT_STATUS);
  g_autoptr(NbReport) a = unit_report ("甲局", 22, 0);
  g_autoptr(NbReport) b = unit_report ("乙局", 22, 0);
  g_autoptr(GError) error = NULL;

  test_set (a, "s2_licensing.licensing.decisions", 999999999999);
  test_set (b, "s2_licensing.licensing.decisions", 1);
  nb_aggregate_add_report (units, a, "a");
  nb_aggregate_add_report (units, b, "b");
  g_assert_null (nb_aggregate (G_LIST_MODEL (units), NULL, NULL, &error));
  g_assert_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "s2_licensing.licensing.decisions"));
}

/* Files and a folder: the folder's .nianbao files in name order, the
 * summary's own file left out; an unreadable unit refuses the 汇总. */
static void
test_paths (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (dir, "units", NULL);
  g_autofree char *out = g_build_filename (folder, "summary.nianbao", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.nianbao", NULL);
  const char *organs[] = { "丙局", "甲局", "乙局" };
  g_autoptr(GListStore) units = NULL;
  g_autoptr(NbReport) summary = NULL;
  g_autoptr(NbUnitStatus) first = NULL;
  NbAggregateOptions options;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (organs); i++)
    {
      g_autoptr(NbReport) report = unit_report (organs[i], 10 + i, i * NB_AMOUNT_SCALE);
      g_autofree char *name = g_strdup_printf ("%c.nianbao", 'c' - i);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_true (nb_report_save_to_path (report, path, &error));
    }
  g_assert_true (g_file_set_contents (out, "left from last time", -1, NULL));

  nb_aggregate_options_init (&options);
  options.exclude = out;
  summary = nb_aggregate_paths ((const char *[]) { folder, NULL }, &options, &units, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (units)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (units), 0);
  g_assert_true (g_str_has_suffix (nb_unit_status_get_file (first), "a.nianbao"));
  g_assert_cmpstr (nb_unit_status_get_organ (first), ==, "乙局");
  g_assert_null (nb_unit_status_get_report (first));   /* not kept */
  g_assert_cmpint (test_get (summary, "s3_requests.new.natural"), ==, 10 + 11 + 12);
  g_assert_cmpint (test_get (summary, "s2_fees.fees.amount"), ==, 3 * NB_AMOUNT_SCALE);
  g_clear_object (&summary);
  g_clear_object (&units);
  g_clear_object (&first);

  g_assert_true (g_file_set_contents (broken, "{\"format\": \"nianbao-report\"", -1, NULL));
  summary = nb_aggregate_paths ((const char *[]) { folder, broken, NULL }, &options, &units, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "broken.nianbao"));
  first = g_list_model_get_item (G_LIST_MODEL (units), 3);
  g_assert_cmpint (nb_unit_status_get_state (first), ==, NB_UNIT_UNREADABLE);
  g_assert_cmpint (nb_unit_status_get_edition (first), ==, -1);
  g_assert_nonnull (nb_unit_status_get_message (first));

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%c.nianbao", 'a' + i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_remove (path);
    }
  g_remove (out);
  g_remove (broken);
  g_rmdir (folder);
  g_rmdir (dir);
}

/* A unit's published copy stands in for its file: imported, checked and
 * added cell by cell; one whose numbers could not all be placed is not
 * added, and the board says why. */
static void
test_published_units (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autofree char *pdf = test_data_path ("published/huaian-2024.pdf");
  g_autofree char *own = g_build_filename (dir, "own.nianbao", NULL);
  g_autofree char *short_text = g_build_filename (dir, "short.txt", NULL);
  g_autoptr(NbReport) published = NULL;
  g_autoptr(NbReport) unit = unit_report ("甲局", 40, NB_AMOUNT_SCALE);
  g_autoptr(NbReport) summary = NULL;
  g_autoptr(GListStore) units = NULL;
  g_autoptr(NbUnitStatus) refused = NULL;
  g_autofree char *data = NULL;
  gsize length;
  NbAggregateOptions options;

  nb_report_set_year (unit, 2024);
  g_assert_true (nb_report_save_to_path (unit, own, &error));
  data = nb_import_read_file (pdf, &length, &error);
  g_assert_no_error (error);
  published = nb_import_report (data, length, NULL, NULL, &error);
  g_assert_no_error (error);

  nb_aggregate_options_init (&options);
  summary = nb_aggregate_paths ((const char *[]) { own, pdf, NULL }, &options, &units, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (units)), ==, 2);
  g_assert_cmpint (test_get (summary, "s3_requests.new.natural"), ==,
                   40 + test_get (published, "s3_requests.new.natural"));
  g_assert_cmpint (test_get (summary, "s3_requests.new.total"), ==,
                   test_get (unit, "s3_requests.new.total") + test_get (published, "s3_requests.new.total"));
  g_assert_cmpint (test_get (summary, "s4_appeals.cases.review_total"), ==,
                   test_get (unit, "s4_appeals.cases.review_total") + test_get (published, "s4_appeals.cases.review_total"));
  g_clear_object (&summary);
  g_clear_object (&units);

  g_assert_true (g_file_set_contents (short_text, "二、主动公开政府信息情况\n第二十条第（一）项\n规章 1 2\n", -1, NULL));
  summary = nb_aggregate_paths ((const char *[]) { own, short_text, NULL }, &options, &units, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_UNREADABLE);
  refused = g_list_model_get_item (G_LIST_MODEL (units), 1);
  g_assert_cmpint (nb_unit_status_get_state (refused), ==, NB_UNIT_UNREADABLE);
  g_assert_nonnull (strstr (nb_unit_status_get_message (refused), "could not be imported completely"));

  g_remove (own);
  g_remove (short_text);
  g_rmdir (dir);
}

static void
aggregated_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* In a worker thread, as the window runs it: the board comes back on
 * refusal too. */
static void
test_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "a.nianbao", NULL);
  g_autofree char *b = g_build_filename (dir, "b.nianbao", NULL);
  g_autoptr(NbReport) unit_a = unit_report ("甲局", 22, 961716 * NB_AMOUNT_SCALE / 10);   /* 96171.6 万元 */
  g_autoptr(NbReport) unit_b = test_clean_report (NB_EDITION_2019);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListStore) units = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(NbReport) summary = NULL;
  NbAggregateOptions options;

  g_assert_true (nb_report_save_to_path (unit_a, a, &error));
  g_assert_true (nb_report_save_to_path (unit_b, b, &error));

  nb_aggregate_paths_async ((const char *[]) { dir, NULL }, NULL, NULL, aggregated_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  summary = nb_aggregate_paths_finish (result, &units, &notes, &error);
  g_assert_null (summary);
  g_assert_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_MIXED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (units)), ==, 2);
  g_clear_error (&error);
  g_clear_object (&result);
  g_clear_object (&units);

  nb_aggregate_options_init (&options);
  options.allow_mixed = TRUE;
  options.organ = "测试县";
  nb_aggregate_paths_async ((const char *[]) { dir, NULL }, &options, NULL, aggregated_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  summary = nb_aggregate_paths_finish (result, &units, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_report_get_organ (summary), ==, "测试县");
  g_assert_cmpint (test_get (summary, "s2_fees.fees.amount"), ==, 961716 * NB_AMOUNT_SCALE / 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (units)), ==, 2);

  g_remove (a);
  g_remove (b);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/aggregate/three-units", test_three_units);
  g_test_add_func ("/aggregate/overridden-total", test_overridden_total);
  g_test_add_func ("/aggregate/mixing-refused", test_mixing_refused);
  g_test_add_func ("/aggregate/duplicate-refused", test_duplicate_refused);
  g_test_add_func ("/aggregate/too-large", test_too_large);
  g_test_add_func ("/aggregate/paths", test_paths);
  g_test_add_func ("/aggregate/published-units", test_published_units);
  g_test_add_func ("/aggregate/async", test_async);
  return g_test_run ();
}
