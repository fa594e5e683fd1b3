/* test-window.c — the editor window, under a display (Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nb-display-text.h"
#include "nb-findings-panel.h"
#include "nb-import.h"
#include "nb-new-report-dialog.h"
#include "nb-text-page.h"
#include "nb-recovery.h"
#include "nb-report-file.h"
#include "nb-error-words.h"
#include "nb-window-private.h"
#include "test-util.h"
#include "test-window-util.h"

#define ROW(key) ((guint) nb_table_def_find_row (def, key))
#define COL(key) ((guint) nb_table_def_find_column (def, key))

static guint
n_findings (NbWindow *window)
{
  return g_list_model_get_n_items (nb_checker_get_findings (nb_window_get_checker (window)));
}

static void
test_finding_appears_and_vanishes (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  const NbTableDef *def = nb_table_get_def (nb_table_view_get_table (view));
  NbTableCell *cell = nb_table_view_get_cell (view, ROW ("new"), COL ("natural"));
  g_autofree char *before = g_strdup (nb_table_cell_get_text (cell));
  g_autofree char *more = g_strdup_printf ("%d", atoi (before) + 1);

  g_assert_cmpuint (n_findings (window), ==, 0);
  g_assert_cmpstr (nb_window_get_findings_text (window), ==, "");
  g_assert_cmpstr (nb_section_row_get_badge (nb_window_get_section_row (window, 3)), ==, "");

  /* Type one more request received, as a user does: edit, type, commit. */
  nb_window_show_section (window, 3);
  nb_table_view_begin_edit (view, ROW ("new"), COL ("natural"), NULL);
  g_assert_true (nb_table_view_is_editing (view));
  gtk_editable_set_text (nb_table_view_get_editor (view), more);
  nb_table_view_commit_edit (view);
  spin ();

  g_assert_cmpstr (nb_table_cell_get_text (cell), ==, more);
  g_assert_cmpuint (n_findings (window), >, 0);
  g_assert_cmpint (nb_table_cell_get_display (cell)->look, ==, NB_CELL_LOOK_ERROR);
  g_assert_cmpstr (nb_table_cell_get_display (cell)->icon_name, ==, "dialog-error-symbolic");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "cell-error"));
  g_assert_nonnull (nb_table_cell_get_display (cell)->tooltip);
  g_assert_cmpstr (nb_section_row_get_badge (nb_window_get_section_row (window, 3)), !=, "");
  g_assert_cmpstr (nb_window_get_findings_text (window), !=, "");
  g_assert_true (nb_window_get_modified (window));

  /* Activating the finding goes to its section and focuses its cell. */
  nb_window_show_section (window, 1);
  nb_window_set_findings_visible (window, TRUE);
  spin ();
  nb_findings_panel_activate (nb_window_get_findings_panel (window), 0);
  spin ();
  g_assert_cmpuint (nb_window_get_section (window), ==, 3);
  {
    guint r, c;
    g_assert_true (nb_table_view_get_cursor (view, &r, &c));
    g_assert_cmpuint (r, ==, ROW ("new"));
  }

  /* Put it back: the finding vanishes, the badge goes. */
  nb_table_view_enter_text (view, ROW ("new"), COL ("natural"), before);
  spin ();
  g_assert_cmpuint (n_findings (window), ==, 0);
  g_assert_cmpint (nb_table_cell_get_display (cell)->look, ==, NB_CELL_LOOK_NONE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "cell-error"));
  g_assert_cmpstr (nb_section_row_get_badge (nb_window_get_section_row (window, 3)), ==, "");

  /* Text the cell cannot hold is kept on show, with the reason. */
  g_assert_false (nb_table_view_enter_text (view, ROW ("granted"), COL ("natural"), "-3"));
  cell = nb_table_view_get_cell (view, ROW ("granted"), COL ("natural"));
  g_assert_cmpstr (nb_table_cell_get_text (cell), ==, "-3");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "invalid"));
  g_assert_nonnull (nb_table_cell_get_display (cell)->tooltip);

  destroy_window (window);
}

static void
test_paste_fills_a_row_undo_redo (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  NbTable *table = nb_table_view_get_table (view);
  const NbTableDef *def = nb_table_get_def (table);
  NbUndoStack *undo = nb_window_get_undo_stack (window);
  guint refused = 99, outside = 99, written;

  written = nb_table_view_paste_text (view, ROW ("granted"), 0,
                                      "（一）予以公开\t16件\t6\t0\t1,000\t\t0\r\n", &refused, &outside);
  g_assert_cmpuint (written, ==, 6);
  g_assert_cmpuint (refused, ==, 0);
  g_assert_cmpuint (outside, ==, 0);
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("natural")), ==, 16);
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("nonprofit")), ==, 1000);
  g_assert_cmpint (nb_table_get_state (table, ROW ("granted"), COL ("legal_service")), ==, NB_CELL_EMPTY);
  g_assert_cmpint (nb_table_get_state (table, ROW ("granted"), COL ("other")), ==, NB_CELL_NUMBER);
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("total")), ==, 1022);
  g_assert_cmpstr (nb_table_cell_get_text (nb_table_view_get_cell (view, ROW ("granted"), COL ("total"))), ==, "1022");

  /* The paste is one step. */
  g_assert_cmpuint (nb_undo_stack_get_n_steps (undo), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_cmpint (nb_table_get_state (table, ROW ("granted"), COL ("natural")), ==, NB_CELL_EMPTY);
  g_assert_cmpint (nb_table_get_state (table, ROW ("granted"), COL ("total")), ==, NB_CELL_EMPTY);
  g_assert_cmpstr (nb_table_cell_get_text (nb_table_view_get_cell (view, ROW ("granted"), COL ("natural"))), ==, "");
  g_assert_false (nb_window_get_modified (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  spin ();
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("total")), ==, 1022);

  /* Overriding a total, then restoring the automatic totals: undoable. */
  nb_table_view_enter_text (view, ROW ("granted"), COL ("total"), "1000");
  g_assert_true (nb_table_is_overridden (table, ROW ("granted"), COL ("total")));
  g_assert_true (nb_table_cell_get_display (nb_table_view_get_cell (view, ROW ("granted"), COL ("total")))->overridden);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (nb_table_view_get_cell (view, ROW ("granted"), COL ("total"))),
                                           "overridden"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-totals", NULL);
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("total")), ==, 1022);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("total")), ==, 1000);

  /* A note: shown (icon, tooltip), undoable. */
  nb_table_view_set_note (view, ROW ("granted"), COL ("natural"), "含电话咨询");
  {
    NbTableCell *cell = nb_table_view_get_cell (view, ROW ("granted"), COL ("natural"));
    g_assert_true (nb_table_cell_get_display (cell)->has_note);
    g_assert_nonnull (strstr (nb_table_cell_get_display (cell)->tooltip, "含电话咨询"));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (nb_table_get_note (table, ROW ("granted"), COL ("natural")));

  /* Copy gives tab-separated text that pastes back. */
  {
    g_autofree char *copied = nb_table_view_copy_text (view);
    g_assert_nonnull (strstr (copied, "（一）予以公开\t16\t6\t0\t1000\t\t0\t1000\n"));
  }

  destroy_window (window);
}

static void
assert_cursor (NbTableView *view, guint row, guint column)
{
  guint r = G_MAXUINT, c = G_MAXUINT;

  g_assert_true (nb_table_view_get_cursor (view, &r, &c));
  g_assert_cmpuint (r, ==, row);
  g_assert_cmpuint (c, ==, column);
}

static void
test_spreadsheet_keys (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  NbTable *table = nb_table_view_get_table (view);
  const NbTableDef *def = nb_table_get_def (table);
  guint granted = ROW ("granted"), partly = ROW ("partly_granted");

  nb_window_show_section (window, 3);
  spin ();
  g_assert_true (nb_table_view_focus_cell (view, granted, 0));

  /* Typing replaces; Tab writes and moves right. */
  g_assert_true (send_key (view, GDK_KEY_7, 0));
  g_assert_true (nb_table_view_is_editing (view));
  g_assert_cmpstr (gtk_editable_get_text (nb_table_view_get_editor (view)), ==, "7");
  g_assert_true (send_key (view, GDK_KEY_Tab, 0));
  g_assert_false (nb_table_view_is_editing (view));
  g_assert_cmpint (nb_table_get_number (table, granted, 0), ==, 7);
  assert_cursor (view, granted, 1);

  /* Escape cancels. */
  send_key (view, GDK_KEY_3, 0);
  g_assert_true (send_key (view, GDK_KEY_Escape, 0));
  g_assert_cmpint (nb_table_get_state (table, granted, 1), ==, NB_CELL_EMPTY);
  assert_cursor (view, granted, 1);

  /* Arrows move; Enter writes and moves down; Shift+Tab goes back. */
  send_key (view, GDK_KEY_Down, 0);
  assert_cursor (view, partly, 1);
  send_key (view, GDK_KEY_2, 0);
  send_key (view, GDK_KEY_Return, 0);
  g_assert_cmpint (nb_table_get_number (table, partly, 1), ==, 2);
  assert_cursor (view, partly + 1, 1);
  send_key (view, GDK_KEY_Up, 0);
  send_key (view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  assert_cursor (view, partly, 0);
  send_key (view, GDK_KEY_End, 0);
  assert_cursor (view, partly, COL ("total"));
  send_key (view, GDK_KEY_Home, 0);
  assert_cursor (view, partly, 0);

  /* F2 edits what is there; Delete empties. */
  send_key (view, GDK_KEY_Up, 0);
  send_key (view, GDK_KEY_F2, 0);
  g_assert_cmpstr (gtk_editable_get_text (nb_table_view_get_editor (view)), ==, "7");
  send_key (view, GDK_KEY_Escape, 0);
  g_assert_true (send_key (view, GDK_KEY_Delete, 0));
  g_assert_cmpint (nb_table_get_state (table, granted, 0), ==, NB_CELL_EMPTY);

  /* Tab at the last cell lets the focus leave the table. */
  nb_table_view_focus_cell (view, def->n_rows - 1, def->n_columns - 1);
  g_assert_false (send_key (view, GDK_KEY_Tab, 0));

  /* Ctrl+Z through the window's action undoes the last step (the Delete). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (nb_table_get_number (table, granted, 0), ==, 7);

  destroy_window (window);
}

static void
read_text_cb (GObject *clipboard, GAsyncResult *result, gpointer data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

static void
test_clipboard (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  NbTable *table = nb_table_view_get_table (view);
  const NbTableDef *def = nb_table_get_def (table);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  char *copied = NULL;

  nb_window_show_section (window, 3);
  spin ();

  /* Ctrl+V pastes a block at the focused cell. */
  gdk_clipboard_set_text (clipboard, "1\t2\n3\t4\n");
  nb_table_view_focus_cell (view, ROW ("granted"), COL ("commercial"));
  g_assert_true (send_key (view, GDK_KEY_v, GDK_CONTROL_MASK));
  for (int i = 0; i < 100 && nb_table_get_state (table, ROW ("partly_granted"), COL ("research")) == NB_CELL_EMPTY; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("commercial")), ==, 1);
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), COL ("research")), ==, 2);
  g_assert_cmpint (nb_table_get_number (table, ROW ("partly_granted"), COL ("commercial")), ==, 3);
  g_assert_cmpint (nb_table_get_number (table, ROW ("partly_granted"), COL ("research")), ==, 4);
  g_assert_cmpint (nb_table_get_number (table, ROW ("result_total"), COL ("total")), ==, 10);

  /* Ctrl+C copies the table as tab-separated text. */
  g_assert_true (send_key (view, GDK_KEY_c, GDK_CONTROL_MASK));
  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &copied);
  for (int i = 0; i < 100 && copied == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (copied);
  g_assert_nonnull (strstr (copied, "（二）部分公开\t\t3\t4\t\t\t\t7\n"));
  g_free (copied);

  destroy_window (window);
}

static void
test_unsaved_changes_dialog (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  GList *dialogs;

  g_object_ref (window);
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "改过");
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialogs = dialogs_of (window);
  g_assert_cmpuint (g_list_length (dialogs), ==, 1);

  /* Cancel keeps the window; Discard closes it. */
  click_response (dialogs->data, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_list_free (dialogs);
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  dialogs = dialogs_of (window);
  g_assert_cmpuint (g_list_length (dialogs), ==, 1);
  click_response (dialogs->data, "discard");
  g_list_free (dialogs);
  g_object_unref (window);
  g_assert_finalize_object (window);
}

static void
test_export_json (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  g_autofree char *dir = g_dir_make_tmp ("nb-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (window_action_enabled (window, "win.export-json"));
  /* The menus are attached once the window is idle. */
  g_assert_true (gtk_menu_button_get_menu_model (window->menu_button) == window->main_menu);
  g_assert_nonnull (adw_split_button_get_menu_model (window->open_button));
  g_assert_true (window_action_enabled (window, "win.import"));
  g_assert_true (_nb_window_export_json (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "s3_requests"));

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
create_cb (NbNewReportDialog *dialog, NbReport *report, NbReport *previous, NbReport **out)
{
  *out = g_object_ref (report);
  g_assert_nonnull (previous);
}

static void
test_new_report_from_last_year (void)
{
  g_autoptr(NbReport) last = test_clean_report (NB_EDITION_2021);
  g_autofree char *dir = g_dir_make_tmp ("nb-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "2023.nianbao", NULL);
  g_autoptr(GError) error = NULL;
  NbWindow *window = window_with (NULL);
  NbNewReportDialog *dialog;
  NbReport *made = NULL;
  NbTable *table, *last_table;
  const NbTableDef *def;

  nb_report_set_year (last, 2023);
  g_assert_true (nb_report_save_to_path (last, path, &error));
  dialog = NB_NEW_REPORT_DIALOG (nb_new_report_dialog_new (GTK_WINDOW (window), "示例县人民政府办公室"));
  g_object_ref_sink (dialog);

  /* The year defaults to last year; with last year's report, the year after it. */
  g_assert_true (nb_new_report_dialog_set_previous_path (dialog, path, &error));
  g_assert_no_error (error);
  g_signal_connect (dialog, "create", G_CALLBACK (create_cb), &made);
  nb_new_report_dialog_create (dialog);
  g_assert_nonnull (made);
  g_assert_cmpint (nb_report_get_year (made), ==, 2024);
  g_assert_cmpint (nb_report_get_edition (made), ==, NB_EDITION_2021);
  g_assert_cmpstr (nb_report_get_organ (made), ==, "示例县人民政府办公室");

  table = nb_report_get_table (made, "s3_requests");
  last_table = nb_report_get_table (last, "s3_requests");
  def = nb_table_get_def (table);
  for (guint c = 0; c < def->n_columns; c++)
    g_assert_cmpint (nb_table_get_number (table, ROW ("carried_over"), c), ==,
                     nb_table_get_number (last_table, ROW ("carried_forward"), c));

  g_object_unref (dialog);
  g_object_unref (made);
  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
file_starts_with (const char *path, const char *start)
{
  g_autofree char *data = NULL;

  return g_file_get_contents (path, &data, NULL, NULL) && g_str_has_prefix (data, start);
}

static void
test_export_and_print (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  g_autofree char *dir = g_dir_make_tmp ("nb-window-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *html = g_build_filename (dir, "report.html", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;

  for (const char *const *a = (const char *const[]) { "win.export-pdf", "win.export-html", "win.print", "win.print-preview", NULL }; *a; a++)
    g_assert_true (window_action_enabled (window, *a));

  g_assert_true (_nb_window_export_pdf (window, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (pdf, "%PDF"));
  g_assert_true (_nb_window_export_html (window, html, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (html, "<!DOCTYPE html>") || file_starts_with (html, "<!doctype html>"));

  /* Printing goes through GtkPrintOperation; exported, it writes the PDF. */
  g_assert_true (_nb_window_print (window, GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (printed, "%PDF"));

  destroy_window (window);
  g_unlink (pdf);
  g_unlink (html);
  g_unlink (printed);
  g_rmdir (dir);
}

static void
test_import (void)
{
  g_autofree char *published = test_data_path ("published/puer-2020-published.txt");
  g_autofree char *dir = g_dir_make_tmp ("nb-window-XXXXXX", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.txt", NULL);
  NbWindow *window = window_with (NULL);
  g_autoptr(GError) error = NULL;
  GList *dialogs;
  NbReport *report;

  /* Not a report: an error, and the window stays empty. */
  g_assert_true (g_file_set_contents (junk, "shopping list: rice, tea", -1, NULL));
  g_assert_false (_nb_window_import_path (window, junk, &error));
  g_assert_nonnull (error);
  g_assert_null (nb_window_get_report (window));
  g_clear_error (&error);

  g_assert_true (_nb_window_import_path (window, published, &error));
  g_assert_no_error (error);
  report = nb_window_get_report (window);
  g_assert_nonnull (report);
  g_assert_cmpint (nb_report_get_year (report), ==, 2020);
  g_assert_cmpint (nb_report_get_edition (report), ==, NB_EDITION_2019);
  g_assert_true (nb_window_get_modified (window));
  g_assert_null (nb_window_get_path (window));
  spin ();
  dialogs = dialogs_of (window);
  for (GList *l = dialogs; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (dialogs);

  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
  g_unlink (junk);
  g_rmdir (dir);
}

/* What an import says, in its dialog, speaks the form's words: no key
 * of a table or cell ([s2_regulations.normative]) among them. */
static void
test_import_dialog_words (void)
{
  g_autofree char *page = test_data_path ("published/shuyang-fgj-2023-page.html");
  NbWindow *window = window_with (NULL);
  g_autoptr(GError) error = NULL;
  GList *dialogs;
  guint n_messages = 0;

  g_assert_true (_nb_window_import_path (window, page, &error));
  g_assert_no_error (error);
  spin ();
  dialogs = dialogs_of (window);
  for (GList *l = dialogs; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        {
          const char *body = adw_message_dialog_get_body (l->data);

          g_assert_nonnull (strstr (body, "第二十条第（一）项"));
          g_assert_null (strstr (body, "s2_regulations"));
          n_messages++;
        }
      gtk_window_destroy (l->data);
    }
  g_list_free (dialogs);
  g_assert_cmpuint (n_messages, ==, 1);
  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
}

static void
test_text_section (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  GtkTextBuffer *buffer;
  GtkTextIter end;

  nb_window_show_section (window, 5);
  spin ();
  g_assert_cmpuint (nb_window_get_section (window), ==, 5);
  buffer = nb_text_page_get_buffer (NB_TEXT_PAGE (window->pages[5]), NB_TEXT_PROBLEMS);
  g_assert_nonnull (buffer);

  /* Typing goes into the report; the typing of a moment is one step. */
  for (const char *const *word = (const char *const[]) { "一是", "政策解读", "形式单一。", NULL }; *word; word++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, *word, -1);
    }
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PROBLEMS), ==, "一是政策解读形式单一。");
  g_assert_true (nb_section_row_get_badge (nb_window_get_section_row (window, 5))[0] == '\0');

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PROBLEMS), ==, "");
  {
    GtkTextIter start;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "");
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PROBLEMS), ==, "一是政策解读形式单一。");

  destroy_window (window);
}

static void
test_save_close_reopen (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  g_autofree char *dir = g_dir_make_tmp ("nb-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.nianbao", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL, *reopened = NULL;
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  const NbTableDef *def = nb_table_get_def (nb_table_view_get_table (view));

  nb_table_view_enter_text (view, ROW ("carried_forward"), COL ("commercial"), "0");
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "一是解读形式单一。");
  /* Typed but not yet written (Ctrl+S while editing): saving writes it. */
  nb_table_view_begin_edit (view, ROW ("granted"), COL ("research"), "9");
  g_assert_true (nb_window_get_modified (window));

  g_assert_true (nb_window_save_to_path (window, path, NB_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (nb_window_get_modified (window));
  g_assert_cmpstr (nb_window_get_path (window), ==, path);
  g_assert_false (nb_table_view_is_editing (view));
  g_assert_cmpint (nb_table_get_number (nb_table_view_get_table (view), ROW ("granted"), COL ("research")), ==, 9);
  saved = nb_report_to_data (report, NULL);
  destroy_window (window);

  /* Reopen it by dropping the file onto a window. */
  window = nb_window_new (NULL);
  g_object_ref_sink (window);
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    g_autoptr(GFile) file = g_file_new_for_path (path);
    GSList *files = g_slist_prepend (NULL, file);
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_set_boxed (&value, files);
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
        if (GTK_IS_DROP_TARGET (controller))
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
      }
    g_value_unset (&value);
    g_slist_free (files);
    g_assert_true (dropped);
  }
  g_assert_nonnull (nb_window_get_report (window));
  g_assert_cmpstr (nb_window_get_path (window), ==, path);
  reopened = nb_report_to_data (nb_window_get_report (window), NULL);
  g_assert_cmpstr (reopened, ==, saved);
  g_assert_false (nb_window_get_modified (window));
  destroy_window (window);

  /* The start view lists it among the recent reports, by its title. */
  window = window_with (NULL);
  {
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->recent_list));

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     nb_report_get_title (report));
    g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "path"), ==, path);
  }
  destroy_window (window);

  g_unlink (path);
  g_rmdir (dir);
}

/* Another program rewrites the open report's file: Save asks before
 * writing over it, the file stays as that program left it, the edits stay
 * in the window; Overwrite then saves them. */
static void
test_file_changed_on_disk (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  g_autofree char *dir = g_dir_make_tmp ("nb-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.nianbao", NULL);
  g_autofree char *theirs = NULL, *on_disk = NULL;
  g_autoptr(NbReport) other = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) saved = NULL;
  g_autoptr(GError) error = NULL;
  GList *dialogs;

  g_assert_true (nb_window_save_to_path (window, path, NB_SAVE_DEFAULT, &error));
  nb_report_set_organ (other, "另一个程序写入的机关");
  g_assert_true (nb_report_save_to_path (other, path, NULL));
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));

  nb_report_set_text (report, NB_TEXT_PROBLEMS, "窗口中尚未保存的修改。");
  g_assert_true (nb_window_get_modified (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  spin ();

  dialogs = dialogs_of (window);
  g_assert_cmpuint (g_list_length (dialogs), ==, 1);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialogs->data), "changed on disk"));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_true (nb_window_get_modified (window));

  click_response (dialogs->data, "overwrite");
  g_list_free (dialogs);
  g_assert_false (nb_window_get_modified (window));
  saved = nb_report_load_from_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_report_get_text (saved, NB_TEXT_PROBLEMS), ==, "窗口中尚未保存的修改。");
  g_assert_cmpstr (nb_report_get_organ (saved), ==, nb_report_get_organ (report));

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_crash_recovery (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *dialog;
  NbReport *restored;

  g_assert_null (nb_window_offer_recovery (window));

  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, "未收取信息处理费。恢复测试。");
  g_assert_true (nb_window_write_recovery (window, &error));
  g_assert_no_error (error);
  entries = nb_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A crash: the window goes without being closed. */
  destroy_window (window);

  window = nb_window_new (NULL);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  dialog = nb_window_offer_recovery (window);
  g_assert_nonnull (dialog);
  click_response (ADW_MESSAGE_DIALOG (dialog), "restore");

  restored = nb_window_get_report (window);
  g_assert_nonnull (restored);
  g_assert_cmpstr (nb_report_get_text (restored, NB_TEXT_OTHER_MATTERS), ==, "未收取信息处理费。恢复测试。");
  g_assert_true (nb_window_get_modified (window));

  /* Closing without saving removes the copy. */
  nb_window_set_report (window, NULL, NULL);
  entries = nb_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
  destroy_window (window);
}

/* A crash, then another program writes the file: the restore says so,
 * and the first save asks before writing over it; the file stays as that
 * program left it, byte for byte. */
static void
test_recovery_after_outside_change (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) other = test_clean_report (NB_EDITION_2021);
  g_autofree char *dir = g_dir_make_tmp ("nb-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.nianbao", NULL);
  g_autofree char *theirs = NULL, *on_disk = NULL;
  g_autoptr(GError) error = NULL;
  NbWindow *window = window_with (report);
  GtkWidget *dialog;
  GList *dialogs;
  gsize theirs_length, on_disk_length;

  g_assert_true (nb_window_save_to_path (window, path, NB_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, "崩溃前未保存的修改。");
  g_assert_true (nb_window_write_recovery (window, &error));
  destroy_window (window);   /* the crash */

  nb_report_set_organ (other, "另一个程序写入的机关");
  g_assert_true (nb_report_save_to_path (other, path, NULL));
  g_assert_true (g_file_get_contents (path, &theirs, &theirs_length, NULL));

  window = nb_window_new (NULL);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  dialog = nb_window_offer_recovery (window);
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Another program changed this file after the copy was kept"));
  click_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_assert_cmpstr (nb_window_get_path (window), ==, path);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  spin ();
  dialogs = dialogs_of (window);
  g_assert_cmpuint (g_list_length (dialogs), ==, 1);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialogs->data), "changed on disk"));
  g_assert_true (g_file_get_contents (path, &on_disk, &on_disk_length, NULL));
  g_assert_cmpmem (on_disk, on_disk_length, theirs, theirs_length);
  g_assert_true (nb_window_get_modified (window));
  gtk_window_destroy (dialogs->data);
  g_list_free (dialogs);

  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Shows @report in a window, its info page and the page of its first
 * table, and returns how long that took. */
static gint64
open_costly (NbReport   *report,
             const char *what)
{
  gint64 start = g_get_monotonic_time (), elapsed;
  NbWindow *window = window_with (report);
  const char *title;

  nb_window_show_section (window, 0);
  spin ();
  nb_window_show_section (window, 2);
  nb_window_set_findings_visible (window, TRUE);
  spin ();
  elapsed = g_get_monotonic_time () - start;
  title = adw_window_title_get_title (window->window_title);
  g_test_message ("%s: the window opened it in %.3f s", what, elapsed / 1e6);
  g_assert_cmpuint (g_utf8_strlen (title, -1), <=, NB_DISPLAY_MAX_CHARS + 1);
  destroy_window (window);
  return elapsed;
}

/* Texts that once froze the window: 100,000 accents, a title of a
 * million characters, a marker of a megabyte, bidi controls. */
static void
test_costly_texts (void)
{
  g_autofree char *accents_path = test_data_path ("bad-cost/accents-100000.nianbao");
  g_autofree char *bidi_path = test_data_path ("bad-cost/bidi-controls.nianbao");
  g_autoptr(NbReport) accents = nb_report_load_from_path (accents_path, NULL);
  g_autoptr(NbReport) bidi = nb_report_load_from_path (bidi_path, NULL);
  g_autoptr(NbReport) title = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) marker = test_clean_report (NB_EDITION_2021);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (accents);
  g_assert_nonnull (bidi);
  while (text->len < 1024 * 1024)
    g_string_append (text, "不适用");
  nb_table_set_marker (nb_report_get_table (marker, "s2_regulations"), 0, 0, text->str);
  g_string_truncate (text, 0);
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "年");
  nb_report_set_title (title, text->str);

  open_costly (accents, "100,000 accents in the organ");
  open_costly (title, "a title of 1,000,000 characters");
  open_costly (marker, "a cell marker of 1 MB");
  open_costly (bidi, "bidi controls in the organ");
  /* what the window shows has no control left to turn it around */
  {
    NbWindow *window = window_with (bidi);

    g_assert_false (nb_display_text_has_bidi_controls (
                      adw_window_title_get_title (window->window_title)));
    destroy_window (window);
  }
}

/* An error dialog says what happened in plain words: no line, column or
 * JSON path in its heading or body, those only in its details; its
 * heading keeps its own words together and names @name. */
static void
assert_plain_error (AdwMessageDialog *dialog,
                    const char       *name)
{
  const char *heading = adw_message_dialog_get_heading (dialog);
  const char *body = adw_message_dialog_get_body (dialog);
  GtkWidget *details = adw_message_dialog_get_extra_child (dialog);

  g_test_message ("%s / %s", heading, body);
  g_assert_true (adw_message_dialog_get_heading_use_markup (dialog));
  g_assert_nonnull (strstr (heading, name));
  g_assert_cmpstr (body, !=, "");
  for (const char *const *word = (const char *const[]) { "line", "column", "$", "JSON", NULL };
       *word != NULL; word++)
    {
      g_assert_null (strstr (heading, *word));
      g_assert_null (strstr (body, *word));
    }
  g_assert_true (GTK_IS_EXPANDER (details));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gtk_expander_get_child (GTK_EXPANDER (details)))),
                            name));
}

/* Whether the window binds @key with @modifiers to @action. */
static gboolean
has_shortcut (NbWindow        *window,
              guint            key,
              GdkModifierType  modifiers,
              const char      *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (key, modifiers);

  /* the class's bindings live in a shortcut controller, a list of them */
  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutAction *what = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (what) &&
              gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (what)), action) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
focus_inside (NbWindow  *window,
              GtkWidget *pane)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

/* The keyboard flow: sections by Ctrl+Page Down/Up, panes by F6, problems
 * by Ctrl+G, and Tab out of a text section. */
static void
test_keyboard_flow (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  g_autoptr(NbFinding) second = NULL;
  GtkWidget *text_view;

  g_assert_true (has_shortcut (window, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-section"));
  g_assert_true (has_shortcut (window, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-section"));
  g_assert_true (has_shortcut (window, GDK_KEY_F6, 0, "win.next-pane"));
  g_assert_true (has_shortcut (window, GDK_KEY_F6, GDK_SHIFT_MASK, "win.previous-pane"));
  g_assert_true (has_shortcut (window, GDK_KEY_g, GDK_CONTROL_MASK, "win.next-finding"));
  g_assert_true (has_shortcut (window, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.previous-finding"));
  g_assert_true (has_shortcut (window, GDK_KEY_F9, 0, "win.show-sidebar"));

  /* F9 hides the sidebar (its width goes to the tables) and shows it again */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  spin ();
  g_assert_false (gtk_widget_get_visible (window->sidebar_scroller));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  spin ();
  g_assert_true (gtk_widget_get_visible (window->sidebar_scroller));

  /* sections, one by one, the focus in each */
  nb_window_show_section (window, 0);
  spin ();
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next-section", NULL);
      spin ();
      g_assert_cmpuint (nb_window_get_section (window), ==, s);
      g_assert_true (focus_inside (window, GTK_WIDGET (window->section_stack)));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-section", NULL);
  g_assert_cmpuint (nb_window_get_section (window), ==, NB_N_SECTIONS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-section", NULL);
  spin ();
  g_assert_cmpuint (nb_window_get_section (window), ==, NB_N_SECTIONS - 1);

  /* F6: section → problems (when shown and not empty) → sidebar; Shift+F6 back */
  nb_window_set_findings_visible (window, TRUE);
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL);
  spin ();
  g_assert_true (focus_inside (window, GTK_WIDGET (window->sidebar)));   /* no problems yet */
  test_set (report, "s3_requests.new.natural", 5);
  test_set (report, "s4_appeals.cases.direct_total", 5);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL);
  spin ();
  g_assert_true (focus_inside (window, GTK_WIDGET (window->section_stack)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL);
  spin ();
  g_assert_true (focus_inside (window, GTK_WIDGET (window->findings_panel)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL);
  spin ();
  g_assert_true (focus_inside (window, GTK_WIDGET (window->sidebar)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-pane", NULL);
  spin ();
  g_assert_true (focus_inside (window, GTK_WIDGET (window->findings_panel)));

  /* Ctrl+G: two problems, in turn, each cell focused */
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (nb_checker_get_findings (nb_window_get_checker (window))), >=, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-finding", NULL);
  spin ();
  g_assert_cmpint (window->finding_cursor, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-finding", NULL);
  spin ();
  g_assert_cmpint (window->finding_cursor, ==, 1);
  second = g_list_model_get_item (nb_checker_get_findings (nb_window_get_checker (window)), 1);
  g_assert_cmpuint (nb_window_get_section (window), ==, nb_finding_get_section (second));
  g_assert_true (focus_inside (window, GTK_WIDGET (window->section_stack)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-finding", NULL);
  spin ();
  g_assert_cmpint (window->finding_cursor, ==, 0);

  /* a text section takes no tab: Tab moves the focus on */
  nb_window_show_section (window, 2);
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-section", NULL);
  spin ();
  text_view = gtk_root_get_focus (GTK_ROOT (window));
  g_test_message ("focus in section 一: %s", text_view != NULL ? G_OBJECT_TYPE_NAME (text_view) : "none");
  g_assert_true (GTK_IS_TEXT_VIEW (text_view));
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (text_view)));

  destroy_window (window);
}

/* Only the first page is built before the first frame; a page not yet
 * visited is built when something needs it (a finding in it, the keyboard,
 * Return on its section) and shows the report, and the badges count the
 * findings of every section from the start. */
static void
test_pages_built_when_needed (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = nb_window_new (NULL);
  g_autoptr(NbFinding) finding = NULL;
  g_autofree char *shown = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  NbTableView *view;
  const NbTableDef *def;
  guint r, c;

  test_set (report, "s3_requests.new.natural", 23);   /* one more than the balance */
  g_object_ref_sink (window);
  nb_window_set_report (window, report, NULL);
  gtk_window_present (GTK_WINDOW (window));
  /* no main loop yet: the pages after the first wait for an idle window */
  g_assert_nonnull (window->pages[0]);
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    g_assert_null (window->pages[s]);
  g_assert_cmpstr (nb_section_row_get_badge (nb_window_get_section_row (window, 3)), !=, "");

  /* a finding in section 三 builds its page and puts the cursor on its cell */
  finding = g_list_model_get_item (nb_checker_get_findings (nb_window_get_checker (window)), 0);
  g_assert_cmpuint (nb_finding_get_section (finding), ==, 3);
  g_assert_true (nb_window_goto_finding (window, finding));
  g_assert_nonnull (window->pages[3]);
  g_assert_null (window->pages[2]);
  g_assert_cmpuint (nb_window_get_section (window), ==, 3);
  view = nb_window_get_table_view (window, "s3_requests");
  def = nb_table_get_def (nb_table_view_get_table (view));
  g_assert_true (nb_table_view_get_cursor (view, &r, &c));
  g_assert_cmpuint (r, ==, ROW ("new"));
  g_assert_cmpuint (c, ==, COL ("natural"));
  g_assert_cmpstr (nb_table_cell_get_text (nb_table_view_get_cell (view, r, c)), ==, "23");

  /* Ctrl+Page Down builds section 四 and goes into it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-section", NULL);
  g_assert_cmpuint (nb_window_get_section (window), ==, 4);
  g_assert_nonnull (window->pages[4]);
  g_assert_true (focus_inside (window, window->pages[4]));
  g_assert_null (window->pages[5]);

  /* Return on section 五 builds it, with the report's text, and goes into it */
  g_assert_true (gtk_widget_grab_focus (window->rows[5]));
  g_signal_emit_by_name (window->sidebar, "activate-cursor-row");
  g_assert_cmpuint (nb_window_get_section (window), ==, 5);
  buffer = nb_text_page_get_buffer (NB_TEXT_PAGE (window->pages[5]), NB_TEXT_PROBLEMS);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, nb_report_get_text (report, NB_TEXT_PROBLEMS));
  g_assert_true (focus_inside (window, window->pages[5]));

  /* the rest are built once the window is idle */
  g_assert_null (window->pages[1]);
  spin ();
  for (guint s = 0; s <= NB_N_SECTIONS; s++)
    g_assert_nonnull (window->pages[s]);
  g_assert_cmpuint (nb_window_get_section (window), ==, 5);

  destroy_window (window);
}

/* A Chinese heading keeps its words together, the file name may break. */
static void
test_heading_markup (void)
{
  g_autofree char *zh = nb_error_heading_markup ("无法打开“%s”", "a<b.nianbao");
  g_autofree char *en = nb_error_heading_markup ("Could Not Add Up the Units' Reports", NULL);

  g_assert_cmpstr (zh, ==, "<span allow_breaks=\"false\">无法打开</span>“a&lt;b.nianbao”");
  g_assert_cmpstr (en, ==, "Could Not Add Up the Units&apos; Reports");
}

static void
test_bad_file (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  g_autofree char *dir = g_dir_make_tmp ("nb-window-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.nianbao", NULL);
  GList *dialogs;

  nb_report_set_text (report, NB_TEXT_PROBLEMS, "未保存的修改");
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"nianbao-report\", \"schema_version\": ", -1, NULL));

  g_assert_false (nb_window_open_path (window, bad));
  spin ();
  g_assert_true (nb_window_get_report (window) == report);
  g_assert_null (nb_window_get_path (window));
  g_assert_true (nb_window_get_modified (window));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PROBLEMS), ==, "未保存的修改");

  dialogs = dialogs_of (window);
  g_assert_cmpuint (g_list_length (dialogs), ==, 1);
  assert_plain_error (dialogs->data, "bad.nianbao");
  gtk_window_destroy (dialogs->data);
  g_list_free (dialogs);

  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
  g_unlink (bad);
  g_rmdir (dir);
}

/* A cell's description: what it holds, where it is, then what its
 * tooltip says. */
static void
assert_cell_description (NbTableCell *cell,
                         const char  *value,
                         const char  *position)
{
  const char *tooltip = nb_table_cell_get_display (cell)->tooltip;
  g_autofree char *expected = g_strjoin ("\n", value, position, tooltip, NULL);

  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
}

static void
test_accessible_labels (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  const NbTableDef *def = nb_table_get_def (nb_table_view_get_table (view));
  NbTableCell *cell = nb_table_view_get_cell (view, ROW ("denied_secret"), COL ("research"));

  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "三、本年度办理结果 （三）不予公开 1.属于国家秘密 · 法人或其他组织·科研机构");
  gtk_test_accessible_assert_role (cell, GTK_ACCESSIBLE_ROLE_GRID_CELL);
  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_GRID);
  /* Where the cell is, counted from 1 over the whole form, and its size. */
  gtk_test_accessible_assert_relation (cell, GTK_ACCESSIBLE_RELATION_ROW_INDEX,
                                       (int) (def->n_header_rows + ROW ("denied_secret") + 1));
  gtk_test_accessible_assert_relation (cell, GTK_ACCESSIBLE_RELATION_COL_INDEX,
                                       (int) (def->n_label_columns + COL ("research") + 1));
  gtk_test_accessible_assert_relation (view, GTK_ACCESSIBLE_RELATION_ROW_COUNT,
                                       (int) (def->n_header_rows + def->n_rows));
  /* Nothing written: the description says so, and the label inside too. */
  assert_cell_description (cell, "Not filled in", "row 5 of 25, column 3 of 7");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "rows: 25, columns: 7");
  gtk_test_accessible_assert_property (gtk_widget_get_last_child (GTK_WIDGET (cell)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Not filled in");

  /* A number, then a refused text with the reason after the value. */
  g_assert_true (nb_table_view_enter_text (view, ROW ("denied_secret"), COL ("research"), "7"));
  assert_cell_description (cell, "7", "row 5 of 25, column 3 of 7");
  g_assert_false (nb_table_view_enter_text (view, ROW ("denied_secret"), COL ("research"), "七个"));
  g_assert_true (g_str_has_prefix (nb_table_cell_get_display (cell)->tooltip, "Not entered: "));
  assert_cell_description (cell, "七个", "row 5 of 25, column 3 of 7");
  gtk_test_accessible_assert_state (cell, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

  /* The editor is a text box named as the cell. */
  nb_table_view_begin_edit (view, ROW ("denied_secret"), COL ("research"), NULL);
  gtk_test_accessible_assert_role (nb_table_view_get_editor (view), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  gtk_test_accessible_assert_property (nb_table_view_get_editor (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       nb_table_cell_get_display (cell)->accessible_label);
  {
    g_autofree char *said = g_strjoin ("\n", "row 5 of 25, column 3 of 7",
                                       nb_table_cell_get_display (cell)->tooltip, NULL);

    gtk_test_accessible_assert_property (nb_table_view_get_editor (view),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said);
  }
  nb_table_view_cancel_edit (view);

  destroy_window (window);
}

/* The window's class actions: enabled with a report, their keys, and
 * show-findings as the findings-visible property. */
static void
test_actions_and_keys (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  NbWindow *window;
  g_autoptr(GListModel) controllers = NULL;
  gboolean f8 = FALSE, ctrl_s = FALSE;

  /* the panel as a new window has it: the window remembers it shown by
   * the tests before */
  g_settings_reset (settings, "findings-visible");
  window = window_with (NULL);

  g_assert_false (window_action_enabled (window, "win.save"));
  g_assert_false (window_action_enabled (window, "win.show-findings"));
  g_assert_true (window_action_enabled (window, "win.open"));
  g_assert_true (window_action_enabled (window, "win.new-report"));

  nb_window_set_report (window, report, NULL);
  spin ();
  g_assert_true (window_action_enabled (window, "win.save"));
  g_assert_false (window_action_enabled (window, "win.undo"));
  g_assert_false (nb_window_get_findings_visible (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-findings", NULL);
  g_assert_true (nb_window_get_findings_visible (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-findings", NULL);
  g_assert_false (nb_window_get_findings_visible (window));

  /* The keys are the window's own shortcuts (its class's controller),
   * not accelerators of the application. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *keys = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          f8 |= g_str_equal (keys, "F8") && g_str_equal (action, "action(win.show-findings)");
          ctrl_s |= g_str_equal (keys, "<Control>s") && g_str_equal (action, "action(win.save)");
        }
    }
  g_assert_true (f8);
  g_assert_true (ctrl_s);

  destroy_window (window);
}

/* The message of the window's C1 finding, or NULL. */
static char *
c1_message (NbWindow *window)
{
  GListModel *findings = nb_checker_get_findings (nb_window_get_checker (window));

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (nb_finding_get_rule (finding), "C1"))
        return g_strdup (nb_finding_get_message (finding));
    }
  return NULL;
}

/* A report imported in part: the cells not imported are marked in the
 * grid, C1 is in the problems, and a paste into them takes them over. */
static void
test_not_imported (void)
{
  g_autofree char *path = test_data_path ("import/puer-2020-rows-missing.txt");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  NbWindow *window;
  NbTableView *view;
  NbTable *table;
  const NbTableDef *def;
  NbTableCell *cell;
  g_autofree char *message = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  report = nb_import_report (data, length, NULL, NULL, &error);
  g_assert_no_error (error);
  window = window_with (report);
  view = nb_window_get_table_view (window, "s3_requests");
  table = nb_table_view_get_table (view);
  def = nb_table_get_def (table);
  nb_window_show_section (window, 3);
  spin ();

  cell = nb_table_view_get_cell (view, ROW ("granted"), COL ("natural"));
  g_assert_true (nb_table_cell_get_display (cell)->not_imported);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "not-imported"));
  g_assert_cmpstr (nb_table_cell_spoken_value (nb_table_cell_get_display (cell)), ==, "Not imported");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (nb_table_view_get_cell (view, ROW ("new"), COL ("natural"))),
                                            "not-imported"));
  message = c1_message (window);
  g_assert_cmpstr (message, ==, "第三部分表格：无法核对，14 个单元格未能导入");
  g_clear_pointer (&message, g_free);
  g_assert_cmpuint (nb_checker_count (nb_window_get_checker (window), NB_SEVERITY_ERROR, 0), ==, 0);

  /* the row pasted from the published page: the cells are the user's now */
  g_assert_cmpuint (nb_table_view_paste_text (view, ROW ("granted"), 0, "16\t0\t0\t0\t0\t0\n", NULL, NULL),
                    ==, 6);
  spin ();
  g_assert_false (nb_table_cell_get_display (cell)->not_imported);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "not-imported"));
  g_assert_cmpstr (nb_table_cell_get_text (cell), ==, "16");
  g_assert_cmpuint (nb_table_count_not_imported (table), ==, 8);
  message = c1_message (window);
  g_assert_cmpstr (message, ==, "第三部分表格：无法核对，8 个单元格未能导入");

  destroy_window (window);
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *target)
{
  graphene_rect_t b;

  g_assert_true (gtk_widget_compute_bounds (widget, target, &b));
  return b;
}

static void
assert_still_at (GtkWidget             *widget,
                 GtkWidget             *target,
                 const graphene_rect_t *expected)
{
  graphene_rect_t now = bounds_in (widget, target);

  if (!graphene_rect_equal (&now, expected))
    g_error ("moved from %g,%g %g×%g to %g,%g %g×%g",
             expected->origin.x, expected->origin.y, expected->size.width, expected->size.height,
             now.origin.x, now.origin.y, now.size.width, now.size.height);
}

/* The cell editor fits the cell: editing, typing a long entry and
 * leaving it move no cell of the grid. */
static void
test_steady_grid (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  const NbTableDef *def = nb_table_get_def (nb_table_view_get_table (view));
  GtkWidget *cell = GTK_WIDGET (nb_table_view_get_cell (view, ROW ("new"), COL ("natural")));
  GtkWidget *total = GTK_WIDGET (nb_table_view_get_cell (view, ROW ("new"), def->n_columns - 1));
  graphene_rect_t before, total_before;

  nb_window_show_section (window, 3);
  wait_frames (window, 3);
  before = bounds_in (cell, GTK_WIDGET (view));
  total_before = bounds_in (total, GTK_WIDGET (view));
  g_assert_cmpfloat (before.size.width, >, 0);
  nb_table_view_begin_edit (view, ROW ("new"), COL ("natural"), NULL);
  wait_frames (window, 3);
  assert_still_at (cell, GTK_WIDGET (view), &before);
  gtk_editable_set_text (nb_table_view_get_editor (view), "123456789012 一二三四五六");
  wait_frames (window, 3);
  assert_still_at (cell, GTK_WIDGET (view), &before);
  assert_still_at (total, GTK_WIDGET (view), &total_before);
  nb_table_view_cancel_edit (view);
  wait_frames (window, 3);
  assert_still_at (cell, GTK_WIDGET (view), &before);

  destroy_window (window);
}

int
main (int argc, char **argv)
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/window/finding-appears-and-vanishes", test_finding_appears_and_vanishes);
  g_test_add_func ("/window/paste-fills-a-row-undo-redo", test_paste_fills_a_row_undo_redo);
  g_test_add_func ("/window/spreadsheet-keys", test_spreadsheet_keys);
  g_test_add_func ("/window/clipboard", test_clipboard);
  g_test_add_func ("/window/unsaved-changes-dialog", test_unsaved_changes_dialog);
  g_test_add_func ("/window/export-json", test_export_json);
  g_test_add_func ("/window/actions-and-keys", test_actions_and_keys);
  g_test_add_func ("/window/new-report-from-last-year", test_new_report_from_last_year);
  g_test_add_func ("/window/export-and-print", test_export_and_print);
  g_test_add_func ("/window/import", test_import);
  g_test_add_func ("/window/import-dialog-words", test_import_dialog_words);
  g_test_add_func ("/window/not-imported", test_not_imported);
  g_test_add_func ("/window/text-section", test_text_section);
  g_test_add_func ("/window/save-close-reopen", test_save_close_reopen);
  g_test_add_func ("/window/file-changed-on-disk", test_file_changed_on_disk);
  g_test_add_func ("/window/recovery-after-outside-change", test_recovery_after_outside_change);
  g_test_add_func ("/window/costly-texts", test_costly_texts);
  g_test_add_func ("/window/crash-recovery", test_crash_recovery);
  g_test_add_func ("/window/bad-file", test_bad_file);
  g_test_add_func ("/window/heading-markup", test_heading_markup);
  g_test_add_func ("/window/keyboard-flow", test_keyboard_flow);
  g_test_add_func ("/window/pages-built-when-needed", test_pages_built_when_needed);
  g_test_add_func ("/window/accessible-labels", test_accessible_labels);
  g_test_add_func ("/window/steady-grid", test_steady_grid);
  return g_test_run ();
}
