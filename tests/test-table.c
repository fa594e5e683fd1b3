/* test-table.c — cells, automatic totals, overrides and signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nb-report.h"
#include "nb-value.h"

typedef struct {
  GArray *changes;   /* of guint pairs: row, column */
} Recorder;

static void
record_cb (NbTable  *table,
           guint     row,
           guint     column,
           Recorder *rec)
{
  guint pair[2] = { row, column };
  g_array_append_vals (rec->changes, pair, 2);
}

static NbTable *
requests_table (NbReport *report, const NbTableDef **def)
{
  NbTable *table = nb_report_get_table (report, "s3_requests");
  *def = nb_table_get_def (table);
  return table;
}

#define ROW(key) ((guint) nb_table_def_find_row (def, key))
#define COL(key) ((guint) nb_table_def_find_column (def, key))

static void
test_edition_shapes (void)
{
  const NbEditionDef *e2019 = nb_edition_get (NB_EDITION_2019);
  const NbEditionDef *e2021 = nb_edition_get (NB_EDITION_2021);
  const NbTableDef *t;

  g_assert_cmpuint (e2019->n_tables, ==, 7);
  g_assert_cmpuint (e2021->n_tables, ==, 6);
  t = nb_edition_find_table (e2019, "s3_requests");
  g_assert_cmpuint (t->n_rows, ==, 23);
  t = nb_edition_find_table (e2021, "s3_requests");
  g_assert_cmpuint (t->n_rows, ==, 25);
  g_assert_cmpuint (t->n_columns, ==, 7);
  g_assert_cmpuint (t->rows[nb_table_def_find_row (t, "result_total")].n_parts, ==, 21);
  g_assert_cmpstr (t->header[0].text, ==,
                   "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  t = nb_edition_find_table (e2021, "s4_appeals");
  g_assert_cmpuint (t->n_columns, ==, 15);
  g_assert_true (nb_table_def_is_total (t, 0, 4));
  g_assert_false (nb_table_def_is_total (t, 0, 3));
  g_assert_null (nb_edition_find_table (e2021, "s2_procurement"));
  g_assert_nonnull (nb_edition_find_table (e2019, "s2_procurement"));
  g_assert_cmpint (nb_edition_for_year (2020), ==, NB_EDITION_2019);
  g_assert_cmpint (nb_edition_for_year (2021), ==, NB_EDITION_2021);
}

static void
test_totals_follow_parts (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2021);
  const NbTableDef *def;
  NbTable *table = requests_table (report, &def);
  Recorder rec = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  gint64 sum;

  g_assert_cmpint (nb_table_get_state (table, ROW ("result_total"), COL ("total")), ==,
                   NB_CELL_EMPTY);

  g_signal_connect (table, "cell-changed", G_CALLBACK (record_cb), &rec);
  g_assert_true (nb_table_set_number (table, ROW ("granted"), COL ("natural"), 16, NULL));
  /* the cell, its column total, its row total, the corner */
  g_assert_cmpuint (rec.changes->len, ==, 8);
  g_assert_cmpint (nb_table_get_number (table, ROW ("result_total"), COL ("natural")), ==, 16);
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("total")), ==, 16);
  g_assert_cmpint (nb_table_get_number (table, ROW ("result_total"), COL ("total")), ==, 16);

  nb_table_set_number (table, ROW ("partly_granted"), COL ("commercial"), 6, NULL);
  g_assert_cmpint (nb_table_get_number (table, ROW ("result_total"), COL ("total")), ==, 22);
  g_assert_true (nb_table_sum_parts (table, ROW ("result_total"), COL ("total"), &sum));
  g_assert_cmpint (sum, ==, 22);

  /* setting the same value again signals nothing */
  g_array_set_size (rec.changes, 0);
  nb_table_set_number (table, ROW ("partly_granted"), COL ("commercial"), 6, NULL);
  g_assert_cmpuint (rec.changes->len, ==, 0);

  g_array_unref (rec.changes);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_override_and_restore (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2019);
  const NbTableDef *def;
  NbTable *table = requests_table (report, &def);
  guint total = COL ("total"), row = ROW ("new");

  nb_table_set_number (table, row, COL ("natural"), 5, NULL);
  g_assert_false (nb_table_is_overridden (table, row, total));
  nb_table_set_number (table, row, total, 7, NULL);
  g_assert_true (nb_table_is_overridden (table, row, total));
  nb_table_set_number (table, row, COL ("natural"), 6, NULL);
  g_assert_cmpint (nb_table_get_number (table, row, total), ==, 7);

  /* an emptied total stays empty: a published blank */
  nb_table_clear (table, row, total);
  g_assert_cmpint (nb_table_get_state (table, row, total), ==, NB_CELL_EMPTY);
  g_assert_true (nb_table_is_overridden (table, row, total));

  g_assert_cmpuint (nb_table_restore_totals (table), ==, 1);
  g_assert_false (nb_table_is_overridden (table, row, total));
  g_assert_cmpint (nb_table_get_number (table, row, total), ==, 6);

  /* an override equal to its sum becomes automatic again */
  nb_table_set_number (table, row, total, 6, NULL);
  g_assert_true (nb_table_is_overridden (table, row, total));
  nb_table_drop_equal_overrides (table);
  g_assert_false (nb_table_is_overridden (table, row, total));

  g_assert_finalize_object (g_steal_pointer (&report));
}

/* The importer marks every cell not imported and places what it reads;
 * whatever is written into a cell afterwards takes it over. */
static void
test_not_imported (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2021);
  const NbTableDef *def;
  NbTable *table = requests_table (report, &def);
  Recorder rec = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint n_cells = def->n_rows * def->n_columns;
  guint granted = ROW ("granted"), total = COL ("total");

  g_assert_cmpuint (nb_table_count_not_imported (table), ==, 0);
  g_signal_connect (table, "cell-changed", G_CALLBACK (record_cb), &rec);
  nb_table_mark_not_imported (table);
  g_assert_cmpuint (rec.changes->len, ==, 2 * n_cells);
  g_assert_cmpuint (nb_table_count_not_imported (table), ==, n_cells);
  g_assert_true (nb_table_is_not_imported (table, granted, COL ("natural")));
  /* marking again announces nothing */
  g_array_set_size (rec.changes, 0);
  nb_table_mark_not_imported (table);
  g_assert_cmpuint (rec.changes->len, ==, 0);

  /* a number: the cell is taken over, the totals it moves are not */
  g_assert_true (nb_table_set_number (table, granted, COL ("natural"), 16, NULL));
  g_assert_false (nb_table_is_not_imported (table, granted, COL ("natural")));
  g_assert_cmpint (nb_table_get_number (table, granted, total), ==, 16);
  g_assert_true (nb_table_is_not_imported (table, granted, total));
  g_assert_cmpuint (nb_table_count_not_imported (table), ==, n_cells - 1);

  /* emptying a cell that is already empty still takes it over, and says so */
  g_array_set_size (rec.changes, 0);
  nb_table_clear (table, granted, COL ("commercial"));
  g_assert_false (nb_table_is_not_imported (table, granted, COL ("commercial")));
  g_assert_cmpint (nb_table_get_state (table, granted, COL ("commercial")), ==, NB_CELL_EMPTY);
  g_assert_cmpuint (rec.changes->len, >=, 2);
  g_assert_cmpuint (g_array_index (rec.changes, guint, 0), ==, granted);
  g_assert_cmpuint (g_array_index (rec.changes, guint, 1), ==, COL ("commercial"));

  /* a marker, typed text, an entry the cell cannot take */
  nb_table_set_marker (table, granted, COL ("research"), "/");
  g_assert_false (nb_table_is_not_imported (table, granted, COL ("research")));
  g_assert_true (nb_table_set_text (table, granted, COL ("nonprofit"), "3", NULL));
  g_assert_false (nb_table_is_not_imported (table, granted, COL ("nonprofit")));
  nb_table_set_entry (table, granted, COL ("legal_service"), "abc");
  g_assert_false (nb_table_is_not_imported (table, granted, COL ("legal_service")));
  g_assert_cmpstr (nb_table_get_entry (table, granted, COL ("legal_service")), ==, "abc");

  /* a note is not a value: the cell stays not imported */
  nb_table_set_note (table, granted, COL ("other"), "见说明");
  g_assert_true (nb_table_is_not_imported (table, granted, COL ("other")));

  /* restoring a total takes it over too */
  nb_table_restore_total (table, granted, total);
  g_assert_false (nb_table_is_not_imported (table, granted, total));
  g_assert_false (nb_table_is_overridden (table, granted, total));
  g_assert_cmpint (nb_table_get_number (table, granted, total), ==, 19);
  g_assert_cmpuint (nb_table_count_not_imported (table), ==, n_cells - 6);

  g_array_unref (rec.changes);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_refuses_bad_numbers (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2019);
  NbTable *licensing = nb_report_get_table (report, "s2_licensing");
  const NbTableDef *def = nb_table_get_def (licensing);
  g_autoptr(GError) error = NULL;

  g_assert_false (nb_table_set_number (licensing, 0, COL ("decisions"), -1, &error));
  g_assert_error (error, NB_VALUE_ERROR, NB_VALUE_ERROR_NEGATIVE);
  g_assert_cmpint (nb_table_get_state (licensing, 0, COL ("decisions")), ==, NB_CELL_EMPTY);
  g_assert_true (nb_table_set_number (licensing, 0, COL ("change"), -8, NULL));
  g_assert_true (nb_table_set_text (licensing, 0, COL ("prev_items"), " 12 ", NULL));
  g_assert_cmpint (nb_table_get_number (licensing, 0, COL ("prev_items")), ==, 12);
  g_assert_true (nb_table_set_text (licensing, 0, COL ("prev_items"), "", NULL));
  g_assert_cmpint (nb_table_get_state (licensing, 0, COL ("prev_items")), ==, NB_CELL_EMPTY);
  /* a sign written instead of a number marks the cell, without its spaces */
  g_assert_true (nb_table_set_text (licensing, 0, COL ("prev_items"), "\u3000不适用 ", NULL));
  g_assert_cmpint (nb_table_get_state (licensing, 0, COL ("prev_items")), ==, NB_CELL_MARKER);
  g_assert_cmpstr (nb_table_get_marker (licensing, 0, COL ("prev_items")), ==, "不适用");
  g_assert_true (nb_table_set_text (licensing, 0, COL ("prev_items"), "\u00a0\t", NULL));
  g_assert_cmpint (nb_table_get_state (licensing, 0, COL ("prev_items")), ==, NB_CELL_EMPTY);

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_notes_markers_addresses (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2019);
  NbTable *regs = nb_report_get_table (report, "s2_regulations");
  g_autofree char *address = nb_table_cell_address (regs, 1, 2);
  g_autofree char *t = NULL, *r = NULL, *c = NULL;
  g_autofree char *shown = NULL;

  g_assert_cmpstr (address, ==, "s2_regulations.normative.total_published");
  g_assert_true (nb_table_parse_address (address, &t, &r, &c));
  g_assert_cmpstr (r, ==, "normative");

  nb_table_set_number (regs, 1, 2, 39, NULL);
  nb_table_set_note (regs, 1, 2, "市政府、市政府办印发");
  g_assert_cmpstr (nb_table_get_note (regs, 1, 2), ==, "市政府、市政府办印发");
  nb_table_set_marker (regs, 0, 0, "/");
  shown = nb_table_format_cell (regs, 0, 0);
  g_assert_cmpstr (shown, ==, "/");
  g_assert_false (nb_table_is_blank (regs));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_report_title_and_signals (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2019);
  guint notified = 0;

  g_signal_connect_swapped (report, "changed", G_CALLBACK (count_cb), &notified);

  nb_report_set_organ (report, "普洱市人民政府办公室");
  nb_report_set_year (report, 2020);
  g_assert_cmpstr (nb_report_get_title (report), ==,
                   "普洱市人民政府办公室2020年政府信息公开工作年度报告");
  g_assert_false (nb_report_has_custom_title (report));
  nb_report_set_title (report, "2020年普洱市人民政府办公室政府信息公开工作年度报告");
  g_assert_true (nb_report_has_custom_title (report));
  nb_report_set_year (report, 2020);
  nb_report_set_title (report, "");
  g_assert_false (nb_report_has_custom_title (report));
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, "无。");
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_OTHER_MATTERS), ==, "无。");
  g_assert_cmpuint (notified, ==, 5);

  g_assert_finalize_object (g_steal_pointer (&report));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/edition/shapes", test_edition_shapes);
  g_test_add_func ("/table/totals-follow-parts", test_totals_follow_parts);
  g_test_add_func ("/table/override-and-restore", test_override_and_restore);
  g_test_add_func ("/table/refuses-bad-numbers", test_refuses_bad_numbers);
  g_test_add_func ("/table/not-imported", test_not_imported);
  g_test_add_func ("/table/notes-markers-addresses", test_notes_markers_addresses);
  g_test_add_func ("/report/title-and-signals", test_report_title_and_signals);
  return g_test_run ();
}
