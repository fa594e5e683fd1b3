/* test-undo.c — undo and redo of every change to a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nb-undo-stack.h"
#include "test-util.h"

#define NATURAL_NEW "s3_requests.new.natural"

static NbTable *
requests (NbReport *report, const NbTableDef **def)
{
  NbTable *table = nb_report_get_table (report, "s3_requests");
  *def = nb_table_get_def (table);
  return table;
}

#define ROW(key) ((guint) nb_table_def_find_row (def, key))
#define COL(key) ((guint) nb_table_def_find_column (def, key))

static void
test_typed_value_and_totals (void)
{
  NbReport *report = nb_report_new (NB_EDITION_2021);
  NbUndoStack *undo = nb_undo_stack_new (report);
  const NbTableDef *def;
  NbTable *table = requests (report, &def);

  g_assert_false (nb_undo_stack_can_undo (undo));
  g_assert_false (nb_undo_stack_get_modified (undo));

  nb_undo_stack_begin (undo, "type");
  g_assert_true (nb_table_set_text (table, ROW ("granted"), COL ("natural"), "16", NULL));
  nb_undo_stack_end (undo);
  nb_undo_stack_begin (undo, "type");
  g_assert_true (nb_table_set_text (table, ROW ("granted"), COL ("commercial"), "6", NULL));
  nb_undo_stack_end (undo);

  g_assert_cmpuint (nb_undo_stack_get_n_steps (undo), ==, 2);
  g_assert_true (nb_undo_stack_get_modified (undo));
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("total")), ==, 22);

  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpint (nb_table_get_state (table, ROW ("granted"), COL ("commercial")), ==, NB_CELL_EMPTY);
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("total")), ==, 16);
  g_assert_false (nb_table_is_overridden (table, ROW ("granted"), COL ("total")));

  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpint (nb_table_get_state (table, ROW ("granted"), COL ("total")), ==, NB_CELL_EMPTY);
  g_assert_cmpint (nb_table_get_state (table, ROW ("result_total"), COL ("total")), ==, NB_CELL_EMPTY);
  g_assert_false (nb_undo_stack_undo (undo));
  g_assert_false (nb_undo_stack_get_modified (undo));

  g_assert_true (nb_undo_stack_redo (undo));
  g_assert_true (nb_undo_stack_redo (undo));
  g_assert_false (nb_undo_stack_redo (undo));
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("total")), ==, 22);
  g_assert_cmpint (nb_table_get_number (table, ROW ("result_total"), COL ("total")), ==, 22);

  g_assert_finalize_object (undo);
  g_assert_finalize_object (report);
}

/* Undoing or redoing a cell writes it again: the cell stays taken over
 * from the importer, as any edit leaves it. */
static void
test_not_imported (void)
{
  NbReport *report = nb_report_new (NB_EDITION_2021);
  NbUndoStack *undo;
  const NbTableDef *def;
  NbTable *table = requests (report, &def);
  guint r = ROW ("granted");

  nb_table_mark_not_imported (table);
  undo = nb_undo_stack_new (report);
  nb_undo_stack_begin (undo, "type");
  g_assert_true (nb_table_set_text (table, r, COL ("natural"), "4", NULL));
  nb_undo_stack_end (undo);
  g_assert_false (nb_table_is_not_imported (table, r, COL ("natural")));
  g_assert_true (nb_table_is_not_imported (table, r, COL ("commercial")));

  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpint (nb_table_get_state (table, r, COL ("natural")), ==, NB_CELL_EMPTY);
  g_assert_false (nb_table_is_not_imported (table, r, COL ("natural")));
  g_assert_true (nb_undo_stack_redo (undo));
  g_assert_cmpint (nb_table_get_number (table, r, COL ("natural")), ==, 4);
  g_assert_false (nb_table_is_not_imported (table, r, COL ("natural")));
  /* cells the step never touched keep their mark */
  g_assert_true (nb_table_is_not_imported (table, r, COL ("commercial")));
  g_assert_true (nb_table_is_not_imported (table, ROW ("new"), COL ("natural")));

  g_assert_finalize_object (undo);
  g_assert_finalize_object (report);
}

static void
test_override_and_restore (void)
{
  NbReport *report = nb_report_new (NB_EDITION_2021);
  NbUndoStack *undo = nb_undo_stack_new (report);
  const NbTableDef *def;
  NbTable *table = requests (report, &def);
  guint r = ROW ("granted"), t = COL ("total");

  nb_table_set_number (table, r, COL ("natural"), 5, NULL);
  nb_undo_stack_close_step (undo);

  /* Typing into a total overrides it; undo makes it automatic again. */
  nb_undo_stack_begin (undo, "override");
  nb_table_set_number (table, r, t, 9, NULL);
  nb_undo_stack_end (undo);
  g_assert_true (nb_table_is_overridden (table, r, t));
  nb_undo_stack_undo (undo);
  g_assert_false (nb_table_is_overridden (table, r, t));
  g_assert_cmpint (nb_table_get_number (table, r, t), ==, 5);
  nb_undo_stack_redo (undo);
  g_assert_true (nb_table_is_overridden (table, r, t));
  g_assert_cmpint (nb_table_get_number (table, r, t), ==, 9);

  /* Restoring the totals is one step, and undone brings the override back. */
  nb_undo_stack_begin (undo, "restore");
  g_assert_cmpuint (nb_table_restore_totals (table), ==, 1);
  nb_undo_stack_end (undo);
  g_assert_cmpint (nb_table_get_number (table, r, t), ==, 5);
  nb_undo_stack_undo (undo);
  g_assert_true (nb_table_is_overridden (table, r, t));
  g_assert_cmpint (nb_table_get_number (table, r, t), ==, 9);

  /* A new change drops what could have been redone. */
  g_assert_true (nb_undo_stack_can_redo (undo));
  nb_table_set_note (table, r, t, "as published");
  nb_undo_stack_close_step (undo);
  g_assert_false (nb_undo_stack_can_redo (undo));
  nb_undo_stack_undo (undo);
  g_assert_null (nb_table_get_note (table, r, t));

  g_assert_finalize_object (undo);
  g_assert_finalize_object (report);
}

static void
test_fields_and_texts (void)
{
  NbReport *report = nb_report_new (NB_EDITION_2021);
  NbUndoStack *undo = nb_undo_stack_new (report);

  nb_report_set_organ (report, "示例县");
  nb_report_set_year (report, 2024);
  nb_undo_stack_close_step (undo);
  g_assert_cmpuint (nb_undo_stack_get_n_steps (undo), ==, 1);
  nb_report_set_title (report, "自拟标题");
  nb_undo_stack_close_step (undo);

  /* Typing in a text: successive edits are one step. */
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "一");
  nb_undo_stack_close_step (undo);
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "一是");
  nb_undo_stack_close_step (undo);
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "一是解读");
  nb_undo_stack_close_step (undo);
  g_assert_cmpuint (nb_undo_stack_get_n_steps (undo), ==, 3);

  nb_undo_stack_undo (undo);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PROBLEMS), ==, "");
  nb_undo_stack_undo (undo);
  g_assert_false (nb_report_has_custom_title (report));
  g_assert_cmpstr (nb_report_get_title (report), ==, "示例县2024年政府信息公开工作年度报告");
  nb_undo_stack_undo (undo);
  g_assert_cmpstr (nb_report_get_organ (report), ==, "");
  g_assert_cmpint (nb_report_get_year (report), ==, 0);
  nb_undo_stack_redo (undo);
  nb_undo_stack_redo (undo);
  nb_undo_stack_redo (undo);
  g_assert_cmpstr (nb_report_get_title (report), ==, "自拟标题");
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PROBLEMS), ==, "一是解读");

  g_assert_finalize_object (undo);
  g_assert_finalize_object (report);
}

static void
notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_clean_state (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbUndoStack *undo = nb_undo_stack_new (report);
  guint notified = 0;
  gint64 before = test_get (report, NATURAL_NEW);

  g_signal_connect (undo, "notify::modified", G_CALLBACK (notify_cb), &notified);
  test_set (report, NATURAL_NEW, before + 1);
  nb_undo_stack_close_step (undo);
  g_assert_true (nb_undo_stack_get_modified (undo));
  g_assert_cmpuint (notified, ==, 1);

  nb_undo_stack_set_clean (undo);          /* saved */
  g_assert_false (nb_undo_stack_get_modified (undo));
  nb_undo_stack_undo (undo);
  g_assert_true (nb_undo_stack_get_modified (undo));
  g_assert_cmpint (test_get (report, NATURAL_NEW), ==, before);
  nb_undo_stack_redo (undo);
  g_assert_false (nb_undo_stack_get_modified (undo));
  g_assert_cmpuint (notified, ==, 4);

  g_assert_finalize_object (undo);
  g_assert_finalize_object (report);
}

/* After a 定稿 nothing from before can be undone; the stack records on. */
static void
test_forget (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbUndoStack *undo = nb_undo_stack_new (report);
  gint64 before = test_get (report, NATURAL_NEW);

  test_set (report, NATURAL_NEW, before + 1);
  nb_undo_stack_close_step (undo);
  nb_undo_stack_set_clean (undo);
  nb_undo_stack_forget (undo);
  g_assert_false (nb_undo_stack_can_undo (undo));
  g_assert_false (nb_undo_stack_can_redo (undo));
  g_assert_false (nb_undo_stack_get_modified (undo));
  g_assert_false (nb_undo_stack_undo (undo));
  g_assert_cmpint (test_get (report, NATURAL_NEW), ==, before + 1);

  test_set (report, NATURAL_NEW, before + 2);
  nb_undo_stack_close_step (undo);
  g_assert_true (nb_undo_stack_get_modified (undo));
  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpint (test_get (report, NATURAL_NEW), ==, before + 1);
  g_assert_false (nb_undo_stack_get_modified (undo));
  g_assert_false (nb_undo_stack_can_undo (undo));

  g_assert_finalize_object (undo);
  g_assert_finalize_object (report);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/undo/typed-value-and-totals", test_typed_value_and_totals);
  g_test_add_func ("/undo/override-and-restore", test_override_and_restore);
  g_test_add_func ("/undo/fields-and-texts", test_fields_and_texts);
  g_test_add_func ("/undo/clean-state", test_clean_state);
  g_test_add_func ("/undo/forget", test_forget);
  g_test_add_func ("/undo/not-imported", test_not_imported);
  return g_test_run ();
}
