/* test-cell-display.c — what a cell shows, computed without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-cell-display.h"
#include "nb-checker.h"
#include "test-util.h"

#define ROW(key) ((guint) nb_table_def_find_row (def, key))
#define COL(key) ((guint) nb_table_def_find_column (def, key))

static void
test_plain_empty_total (void)
{
  NbReport *report = nb_report_new (NB_EDITION_2021);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  NbCellDisplay d = { NULL };

  nb_cell_display_compute (&d, table, ROW ("granted"), COL ("natural"), NULL);
  g_assert_true (d.empty);
  g_assert_false (d.is_total);
  g_assert_null (d.icon_name);
  g_assert_null (d.tooltip);
  g_assert_cmpint (d.look, ==, NB_CELL_LOOK_NONE);
  g_assert_cmpstr (d.accessible_label, ==, "三、本年度办理结果 （一）予以公开 · 自然人");
  nb_cell_display_clear (&d);

  nb_table_set_number (table, ROW ("granted"), COL ("natural"), 0, NULL);
  nb_cell_display_compute (&d, table, ROW ("granted"), COL ("natural"), NULL);
  g_assert_false (d.empty);          /* 0 is not empty */
  g_assert_cmpstr (d.text, ==, "0");
  nb_cell_display_clear (&d);

  nb_table_set_number (table, ROW ("granted"), COL ("natural"), 16, NULL);
  nb_table_set_number (table, ROW ("granted"), COL ("commercial"), 6, NULL);
  nb_cell_display_compute (&d, table, ROW ("granted"), COL ("total"), NULL);
  g_assert_true (d.is_total);
  g_assert_false (d.overridden);
  g_assert_cmpstr (d.text, ==, "22");
  g_assert_cmpstr (d.tooltip, ==, "Σ = 16 + 6 = 22");
  nb_cell_display_clear (&d);

  /* Typed over: a pin (beside any icon), and the tooltip says what the parts add up to. */
  nb_table_set_number (table, ROW ("granted"), COL ("total"), 21, NULL);
  nb_cell_display_compute (&d, table, ROW ("granted"), COL ("total"), NULL);
  g_assert_true (d.overridden);
  g_assert_null (d.icon_name);
  g_assert_nonnull (strstr (d.tooltip, "22"));
  nb_cell_display_clear (&d);

  g_assert_finalize_object (report);
}

static void
test_findings_and_refused_text (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbChecker *checker = nb_checker_new (report);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  GListModel *findings = nb_checker_get_findings (checker);
  NbCellDisplay d = { NULL };
  gint64 natural = nb_table_get_number (table, ROW ("new"), COL ("natural"));

  nb_cell_display_compute (&d, table, ROW ("new"), COL ("natural"), findings);
  g_assert_cmpint (d.look, ==, NB_CELL_LOOK_NONE);
  nb_cell_display_clear (&d);

  /* One more request received than handled: the balance breaks. */
  nb_table_set_number (table, ROW ("new"), COL ("natural"), natural + 1, NULL);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_ERROR, 3), >, 0);
  nb_cell_display_compute (&d, table, ROW ("new"), COL ("natural"), findings);
  g_assert_cmpint (d.look, ==, NB_CELL_LOOK_ERROR);
  g_assert_cmpstr (d.icon_name, ==, "dialog-error-symbolic");
  g_assert_nonnull (d.tooltip);
  g_assert_nonnull (strstr (d.tooltip, "自然人"));
  nb_cell_display_clear (&d);

  /* An entry the cell cannot take is shown as typed, marked, with the reason. */
  nb_table_set_entry (table, ROW ("granted"), COL ("natural"), "-3");
  nb_cell_display_compute (&d, table, ROW ("granted"), COL ("natural"), findings);
  g_assert_true (d.invalid);
  g_assert_cmpstr (d.text, ==, "-3");
  g_assert_cmpint (d.look, ==, NB_CELL_LOOK_ERROR);
  g_assert_nonnull (strstr (d.tooltip, "A count cannot be negative"));
  nb_cell_display_clear (&d);

  g_assert_finalize_object (checker);
  g_assert_finalize_object (report);
}

/* A cell the import could not place is told from a blank: marked, with
 * C1 in its tooltip but no icon in every such cell; typing into it ends
 * that. */
static void
test_not_imported (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbChecker *checker = nb_checker_new (report);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  GListModel *findings = nb_checker_get_findings (checker);
  NbCellDisplay d = { NULL }, blank = { NULL };

  test_miss_row (table, "granted");
  nb_cell_display_compute (&d, table, ROW ("granted"), COL ("natural"), findings);
  g_assert_true (d.not_imported);
  g_assert_true (d.empty);
  g_assert_cmpint (d.look, ==, NB_CELL_LOOK_INFO);
  g_assert_null (d.icon_name);
  g_assert_nonnull (strstr (d.tooltip, "第三部分表格：无法核对，7 个单元格未能导入"));
  g_assert_nonnull (strstr (d.tooltip, "Not imported: the published value could not be read"));
  /* an automatic total not imported shows its sum, and is marked too */
  nb_cell_display_clear (&d);
  nb_cell_display_compute (&d, table, ROW ("granted"), COL ("total"), findings);
  g_assert_true (d.not_imported);
  g_assert_true (d.is_total);

  /* emptied by the user: an empty cell like any other, shown anew */
  nb_cell_display_clear (&d);
  nb_cell_display_compute (&d, table, ROW ("granted"), COL ("commercial"), findings);
  g_assert_true (d.not_imported);
  nb_table_clear (table, ROW ("granted"), COL ("commercial"));
  nb_cell_display_compute (&blank, table, ROW ("granted"), COL ("commercial"), findings);
  g_assert_false (blank.not_imported);
  g_assert_true (blank.empty);
  g_assert_null (strstr (blank.tooltip, "Not imported"));
  g_assert_false (nb_cell_display_equal (&d, &blank));
  nb_cell_display_clear (&blank);
  nb_cell_display_clear (&d);

  g_assert_finalize_object (checker);
  g_assert_finalize_object (report);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cell-display/plain-empty-total", test_plain_empty_total);
  g_test_add_func ("/cell-display/findings-and-refused-text", test_findings_and_refused_text);
  g_test_add_func ("/cell-display/not-imported", test_not_imported);
  return g_test_run ();
}
