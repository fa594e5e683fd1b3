/* test-window-sign.c — the window keeps every entry and guards the signed
 * copy (under a display, Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "nb-new-report-dialog.h"
#include "nb-report-file.h"
#include "nb-window-private.h"
#include "test-util.h"
#include "test-window-util.h"

#define ROW(key) ((guint) nb_table_def_find_row (def, key))
#define COL(key) ((guint) nb_table_def_find_column (def, key))

static const char *const bad_entries[] = { "abc", "-3", "1.5", "x7" };

/* Types @text into a cell as a user does: the first key starts editing,
 * the rest goes into the editor, Return writes it. */
static void
type_into (NbTableView *view,
           guint        row,
           guint        column,
           const char  *text)
{
  g_assert_true (nb_table_view_focus_cell (view, row, column));
  spin ();
  g_assert_true (send_key (view, gdk_unicode_to_keyval (g_utf8_get_char (text)), 0));
  g_assert_true (nb_table_view_is_editing (view));
  gtk_editable_set_text (nb_table_view_get_editor (view), text);
  g_assert_true (send_key (view, GDK_KEY_Return, 0));
  g_assert_false (nb_table_view_is_editing (view));
}

static void
assert_entries_shown (NbWindow *window)
{
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  NbTable *table = nb_table_view_get_table (view);
  const NbTableDef *def = nb_table_get_def (table);
  NbChecker *checker = nb_window_get_checker (window);

  for (guint i = 0; i < G_N_ELEMENTS (bad_entries); i++)
    {
      NbTableCell *cell = nb_table_view_get_cell (view, ROW ("granted"), i);

      g_assert_cmpstr (nb_table_get_entry (table, ROW ("granted"), i), ==, bad_entries[i]);
      g_assert_cmpstr (nb_table_cell_get_text (cell), ==, bad_entries[i]);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "invalid"));
      g_assert_cmpint (nb_table_cell_get_display (cell)->look, ==, NB_CELL_LOOK_ERROR);
    }
  g_assert_cmpuint (test_count_rule (checker, "E1"), ==, G_N_ELEMENTS (bad_entries));
  g_assert_cmpstr (nb_section_row_get_badge (nb_window_get_section_row (window, 3)), !=, "");
  g_assert_cmpstr (nb_window_get_findings_text (window), !=, "");
}

/* The button of a dialog's answer that looks @look: "suggested" (Save)
 * or "destructive" (Discard). */
static GtkWidget *
find_answer (GtkWidget  *widget,
             const char *look)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, look))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_answer (child, look);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the answer of the one dialog @window shows that looks @look.
 * Only GTK holds @window: it goes before the dialog that asked, which
 * must not touch it after. */
static void
answer_close (NbWindow   *window,
              const char *look)
{
  GList *dialogs = dialogs_of (window);
  GtkWidget *button;

  g_assert_cmpuint (g_list_length (dialogs), ==, 1);
  button = find_answer (dialogs->data, look);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_list_free (dialogs);
  spin ();
}

static void
test_entries_kept_closed_reopened_undone (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  NbTable *table = nb_table_view_get_table (view);
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree char *dir = g_dir_make_tmp ("nb-sign-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.nianbao", NULL);
  g_autoptr(GError) error = NULL;
  gint64 natural = nb_table_get_number (table, ROW ("granted"), 0);

  g_assert_true (nb_window_save_to_path (window, path, NB_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  nb_window_show_section (window, 3);
  spin ();
  for (guint i = 0; i < G_N_ELEMENTS (bad_entries); i++)
    type_into (view, ROW ("granted"), i, bad_entries[i]);
  spin ();
  assert_entries_shown (window);
  /* the value the totals add up is the one before */
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), 0), ==, natural);
  g_assert_true (nb_window_get_modified (window));

  /* Undo and redo take the entries away and back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_null (nb_table_get_entry (table, ROW ("granted"), 3));
  g_assert_cmpuint (test_count_rule (nb_window_get_checker (window), "E1"), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  spin ();
  assert_entries_shown (window);

  /* Closing asks; Save writes the entries and closes. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_unref (window);
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  answer_close (window, "suggested");
  g_assert_null (window);

  /* Reopened: kept, shown, flagged. */
  window = window_with (NULL);
  g_assert_true (nb_window_load_path (window, path, &error));
  g_assert_no_error (error);
  nb_window_show_section (window, 3);
  spin ();
  assert_entries_shown (window);
  g_assert_false (nb_window_get_modified (window));

  /* A value typed over an entry, undone: the entry is back. */
  view = nb_window_get_table_view (window, "s3_requests");
  table = nb_table_view_get_table (view);
  type_into (view, ROW ("granted"), 0, "12");
  g_assert_null (nb_table_get_entry (table, ROW ("granted"), 0));
  g_assert_cmpint (nb_table_get_number (table, ROW ("granted"), 0), ==, 12);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  assert_entries_shown (window);
  g_assert_false (nb_window_get_modified (window));

  /* Esc while editing an entry brings the previous value back. */
  g_assert_true (nb_table_view_focus_cell (view, ROW ("granted"), 1));
  g_assert_true (send_key (view, GDK_KEY_F2, 0));
  g_assert_true (nb_table_view_is_editing (view));
  g_assert_true (send_key (view, GDK_KEY_Escape, 0));
  g_assert_null (nb_table_get_entry (table, ROW ("granted"), 1));
  g_assert_cmpuint (test_count_rule (nb_window_get_checker (window), "E1"), ==, 3);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (nb_table_view_get_cell (view, ROW ("granted"), 1)),
                                            "invalid"));
  g_assert_true (nb_window_get_modified (window));

  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A new report is work already: closing it unsaved asks. */
static void
test_new_report_close_asks (void)
{
  NbWindow *window = window_with (NULL);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_unref (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  spin ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    NbNewReportDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
        if (NB_IS_NEW_REPORT_DIALOG (w))
          dialog = NB_NEW_REPORT_DIALOG (w);
      }
    g_assert_nonnull (dialog);
    /* the organ, typed into the dialog's first entry */
    gtk_editable_set_text (GTK_EDITABLE (find_child (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)),
                           "示例县人民政府办公室");
    nb_new_report_dialog_create (dialog);
  }
  spin ();
  g_assert_nonnull (nb_window_get_report (window));
  g_assert_true (nb_window_get_modified (window));
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  answer_close (window, "destructive");
  g_assert_null (window);
}

/* A close whose Save fails (Save As into /proc, where no file can be
 * made) leaves the report unsaved: closing again asks again. */
static void
test_failed_save_close_asks (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (report);
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  const NbTableDef *def = nb_table_get_def (nb_table_view_get_table (view));
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/proc/report.nianbao");
  GList *dialogs;

  nb_window_show_section (window, 3);
  spin ();
  type_into (view, ROW ("granted"), 0, "12");
  g_assert_true (nb_window_get_modified (window));

  gtk_window_close (GTK_WINDOW (window));
  spin ();
  answer_close (window, "suggested");
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkFileChooser *chooser = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
        if (GTK_IS_FILE_CHOOSER_DIALOG (w))
          chooser = GTK_FILE_CHOOSER (w);
      }
    g_assert_nonnull (chooser);
    g_assert_true (gtk_file_chooser_set_file (chooser, nowhere, NULL));
    /* the chooser looks the folder up in a thread before it answers */
    g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    for (int i = 0; i < 500 && chooser != NULL; i++)
      {
        spin ();
        g_usleep (10000);
      }
    g_assert_null (chooser);
  }
  spin ();
  /* the error said, the window still there and unsaved */
  dialogs = dialogs_of (window);
  g_assert_cmpuint (g_list_length (dialogs), ==, 1);
  gtk_window_destroy (dialogs->data);
  g_list_free (dialogs);
  spin ();
  g_assert_true (nb_window_get_modified (window));

  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialogs = dialogs_of (window);
  g_assert_cmpuint (g_list_length (dialogs), ==, 1);
  g_list_free (dialogs);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_unref (window);
  answer_close (window, "destructive");
  g_assert_null (window);
}

int
main (int argc, char **argv)
{
  window_test_init (&argc, &argv);
  g_test_add_func ("/window-sign/entries-kept-closed-reopened-undone",
                   test_entries_kept_closed_reopened_undone);
  g_test_add_func ("/window-sign/new-report-close-asks", test_new_report_close_asks);
  g_test_add_func ("/window-sign/failed-save-close-asks", test_failed_save_close_asks);
  return g_test_run ();
}
