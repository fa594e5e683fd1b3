/* test-window-final.c — the signed copy in the window: a draft says so
 * before it prints, 定稿 and 解除定稿, a changed 定稿, verifying a
 * published copy (under a display, Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "nb-comparison-window.h"
#include "nb-html-export.h"
#include "nb-print-preview.h"
#include "nb-report-file.h"
#include "nb-report-writer.h"
#include "nb-window-private.h"
#include "test-util.h"
#include "test-window-util.h"

#define NATURAL_NEW "s3_requests.new.natural"
#define FORWARD     "s3_requests.carried_forward.natural"

typedef struct {
  char *dir;
  char *path;
} Place;

static void
place_init (Place *place)
{
  place->dir = g_dir_make_tmp ("nb-final-XXXXXX", NULL);
  place->path = g_build_filename (place->dir, "report.nianbao", NULL);
}

/* Removes the files a test wrote, then the folder. */
static void
place_clear (Place *place)
{
  g_autoptr(GDir) dir = g_dir_open (place->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (place->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (place->dir);
  g_free (place->dir);
  g_free (place->path);
}

/* The toplevels of @type the window put up (transient for it). */
static GList *
toplevels_of (NbWindow *window,
              GType     type)
{
  GList *found = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w))
          && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        found = g_list_prepend (found, w);
    }
  return found;
}

static guint
count_toplevels (NbWindow *window,
                 GType     type)
{
  GList *found = toplevels_of (window, type);
  guint n = g_list_length (found);

  g_list_free (found);
  return n;
}

static AdwMessageDialog *
the_dialog (NbWindow *window)
{
  GList *found = toplevels_of (window, ADW_TYPE_MESSAGE_DIALOG);
  AdwMessageDialog *dialog;

  g_assert_cmpuint (g_list_length (found), ==, 1);
  dialog = found->data;
  g_list_free (found);
  return dialog;
}

static void
destroy_toplevels (NbWindow *window,
                   GType     type)
{
  GList *found = toplevels_of (window, type);

  for (GList *l = found; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (found);
  spin ();
}

/* A report with one error: an entry its cell cannot take (rule E1). */
static NbReport *
report_with_error (guint *row,
                   guint *column)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);

  *row = nb_table_def_find_row (def, "granted");
  *column = 0;
  nb_table_set_entry (table, *row, *column, "abc");
  return report;
}

static void
test_draft_asks_first (void)
{
  guint row, column, focused_row, focused_column;
  g_autoptr(NbReport) bad = report_with_error (&row, &column);
  g_autoptr(NbReport) clean = test_clean_report (NB_EDITION_2021);
  NbWindow *window = window_with (bad);
  NbTableView *view;

  /* Print preview of a report with errors: asked first, nothing shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-preview", NULL);
  spin ();
  g_assert_cmpuint (count_toplevels (window, NB_TYPE_PRINT_PREVIEW), ==, 0);
  g_assert_true (g_strrstr (adw_message_dialog_get_body (the_dialog (window)), "1 error") != NULL);
  click_response (the_dialog (window), "draft");
  g_assert_cmpuint (count_toplevels (window, NB_TYPE_PRINT_PREVIEW), ==, 1);
  destroy_toplevels (window, NB_TYPE_PRINT_PREVIEW);

  /* PDF export: asked first; “go to the first error” focuses its cell. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  spin ();
  g_assert_cmpuint (count_toplevels (window, GTK_TYPE_FILE_CHOOSER_DIALOG), ==, 0);
  click_response (the_dialog (window), "goto");
  g_assert_cmpuint (count_toplevels (window, ADW_TYPE_MESSAGE_DIALOG), ==, 0);
  g_assert_cmpuint (count_toplevels (window, GTK_TYPE_FILE_CHOOSER_DIALOG), ==, 0);
  g_assert_true (nb_window_get_findings_visible (window));
  g_assert_cmpuint (nb_window_get_section (window), ==, 3);
  view = nb_window_get_table_view (window, "s3_requests");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (nb_table_view_get_cell (view, row, column))));
  g_assert_true (nb_table_view_get_cursor (view, &focused_row, &focused_column));
  g_assert_cmpuint (focused_row, ==, row);
  g_assert_cmpuint (focused_column, ==, column);

  /* Print, HTML and Word export ask too; cancel does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-html", NULL);
  spin ();
  click_response (the_dialog (window), "cancel");
  g_assert_cmpuint (count_toplevels (window, GTK_TYPE_FILE_CHOOSER_DIALOG), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-docx", NULL);
  spin ();
  g_assert_true (g_strrstr (adw_message_dialog_get_body (the_dialog (window)), "1 error") != NULL);
  click_response (the_dialog (window), "cancel");
  g_assert_cmpuint (count_toplevels (window, GTK_TYPE_FILE_CHOOSER_DIALOG), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  spin ();
  click_response (the_dialog (window), "cancel");
  g_assert_cmpuint (count_toplevels (window, ADW_TYPE_MESSAGE_DIALOG), ==, 0);

  /* A clean report: no question, the preview and the chooser at once. */
  nb_window_set_report (window, clean, NULL);
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-preview", NULL);
  spin ();
  g_assert_cmpuint (count_toplevels (window, ADW_TYPE_MESSAGE_DIALOG), ==, 0);
  g_assert_cmpuint (count_toplevels (window, NB_TYPE_PRINT_PREVIEW), ==, 1);
  destroy_toplevels (window, NB_TYPE_PRINT_PREVIEW);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  spin ();
  g_assert_cmpuint (count_toplevels (window, ADW_TYPE_MESSAGE_DIALOG), ==, 0);
  {
    GList *choosers = toplevels_of (window, GTK_TYPE_FILE_CHOOSER_DIALOG);

    g_assert_cmpuint (g_list_length (choosers), ==, 1);
    gtk_dialog_response (choosers->data, GTK_RESPONSE_CANCEL);
    g_list_free (choosers);
  }
  spin ();

  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
}

static gboolean
banner_shown (NbWindow *window)
{
  return gtk_revealer_get_reveal_child (window->final_revealer);
}

/* Typing into a cell as a user does; returns whether an editor opened. */
static gboolean
try_typing (NbTableView *view,
            guint        row,
            guint        column)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean handled = FALSE;

  g_assert_true (nb_table_view_focus_cell (view, row, column));
  spin ();
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_7, 0, 0, &handled);
    }
  spin ();
  return nb_table_view_is_editing (view);
}

static void
assert_read_only (NbWindow *window,
                  gboolean  read_only)
{
  NbTableView *view = nb_window_get_table_view (window, "s3_requests");
  const NbTableDef *def = nb_table_get_def (nb_table_view_get_table (view));
  guint row = nb_table_def_find_row (def, "new");

  nb_window_show_section (window, 3);
  spin ();
  g_assert_cmpint (try_typing (view, row, 0), ==, !read_only);
  nb_table_view_cancel_edit (view);
  g_assert_cmpint (window_action_enabled (window, "win.restore-totals"), ==, !read_only);
  g_assert_cmpint (window_action_enabled (window, "win.unfinalize"), ==, read_only);
  g_assert_cmpint (window_action_enabled (window, "win.finalize"), ==, !read_only);
}

static NbReport *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_load_from_path (path, &error);

  g_assert_no_error (error);
  return report;
}

static void
test_finalize_unfinalize (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  NbWindow *window = window_with (report);
  NbTableView *view;
  Place place;

  place_init (&place);
  g_assert_true (nb_window_save_to_path (window, place.path, NB_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  assert_read_only (window, FALSE);
  g_assert_false (banner_shown (window));

  /* An edit, then 定稿: shown read-only under the banner, saved. */
  nb_report_set_date (report, "2027-01-20");
  spin ();
  g_assert_true (window_action_enabled (window, "win.undo"));
  view = nb_window_get_table_view (window, "s3_requests");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.finalize", NULL);
  spin ();
  fingerprint = nb_report_fingerprint (report);
  g_assert_true (banner_shown (window));
  g_assert_true (strstr (gtk_label_get_text (window->final_label), fingerprint) != NULL);
  g_assert_false (nb_window_get_modified (window));
  assert_read_only (window, TRUE);
  g_assert_false (window_action_enabled (window, "win.undo"));
  g_assert_false (nb_table_view_enter_text (view, 0, 0, "5"));
  saved = load (place.path);
  g_assert_true (nb_report_get_finalized (saved));
  g_assert_cmpuint (nb_report_get_versions (saved)->len, ==, 1);
  g_assert_cmpstr (nb_report_get_final_version (saved)->fingerprint, ==, fingerprint);
  g_clear_object (&saved);

  /* 解除定稿 asks, then the report is editable, the version kept; the
   * edit before the 定稿 cannot be undone. */
  click_response (ADW_MESSAGE_DIALOG (_nb_window_unfinalize (window)), "unfinalize");
  g_assert_false (banner_shown (window));
  assert_read_only (window, FALSE);
  g_assert_false (window_action_enabled (window, "win.undo"));
  saved = load (place.path);
  g_assert_false (nb_report_get_finalized (saved));
  g_assert_cmpuint (nb_report_get_versions (saved)->len, ==, 1);
  g_clear_object (&saved);

  /* Finalized again: a second version. */
  g_assert_null (_nb_window_finalize (window));
  spin ();
  g_assert_true (banner_shown (window));
  saved = load (place.path);
  g_assert_true (nb_report_get_finalized (saved));
  g_assert_cmpuint (nb_report_get_versions (saved)->len, ==, 2);
  nb_window_set_report (window, NULL, NULL);

  /* Reopened: read-only under the banner. */
  g_assert_true (nb_window_load_path (window, place.path, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_true (banner_shown (window));
  g_assert_false (gtk_widget_has_css_class (window->final_banner, "warning"));
  assert_read_only (window, TRUE);

  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
  place_clear (&place);
}

static void
test_finalize_refused_with_errors (void)
{
  guint row, column;
  g_autoptr(NbReport) report = report_with_error (&row, &column);
  NbWindow *window = window_with (report);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (_nb_window_finalize (window));
  g_assert_nonnull (dialog);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "1 error") != NULL);
  g_assert_false (nb_report_get_finalized (report));
  g_assert_false (banner_shown (window));
  g_assert_true (nb_window_get_findings_visible (window));
  gtk_window_destroy (GTK_WINDOW (dialog));

  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
}

/* A 定稿 changed outside Nianbao: a warning with both fingerprints, and
 * the report stays editable until finalized again. */
static void
test_tampered (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  NbWindow *window;
  Place place;

  place_init (&place);
  before = g_strdup (nb_report_finalize (report, "2026-01-15")->fingerprint);
  test_set (report, NATURAL_NEW, test_get (report, NATURAL_NEW) + 1);
  after = nb_report_fingerprint (report);
  g_assert_true (nb_report_save_to_path (report, place.path, &error));
  g_assert_no_error (error);

  window = window_with (NULL);
  g_assert_true (nb_window_load_path (window, place.path, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_true (banner_shown (window));
  g_assert_true (gtk_widget_has_css_class (window->final_banner, "warning"));
  g_assert_true (strstr (gtk_label_get_text (window->final_label), before) != NULL);
  g_assert_true (strstr (gtk_label_get_text (window->final_label), after) != NULL);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (window->final_button)), ==,
                   "win.finalize");
  assert_read_only (window, FALSE);

  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
  place_clear (&place);
}

static void
test_verify (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL, *changed_html = NULL, *fingerprint = NULL, *label = NULL;
  NbWindow *window = window_with (report);
  NbReportVersion *version;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  const NbTableDef *def;
  Place place;

  place_init (&place);
  html = g_build_filename (place.dir, "published.html", NULL);
  changed_html = g_build_filename (place.dir, "changed.html", NULL);
  g_assert_true (nb_window_save_to_path (window, place.path, NB_SAVE_DEFAULT, &error));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.finalize", NULL);
  spin ();
  version = nb_report_get_final_version (report);
  g_assert_nonnull (version);

  /* Its own web page: the 定稿, named. */
  g_assert_true (_nb_window_export_html (window, html, &error));
  g_assert_no_error (error);
  dialog = ADW_MESSAGE_DIALOG (_nb_window_verify_path (window, html, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Published Copy Matches");
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), version->date) != NULL);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), version->fingerprint) != NULL);
  g_assert_null (adw_message_dialog_get_extra_child (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A page with one number changed: that cell, both values. */
  changed = load (place.path);
  test_set (changed, NATURAL_NEW, 99);
  fingerprint = nb_report_fingerprint (changed);
  g_assert_true (nb_html_export_to_path (changed, fingerprint, FALSE, changed_html, &error));
  g_assert_no_error (error);
  dialog = ADW_MESSAGE_DIALOG (_nb_window_verify_path (window, changed_html, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Published Copy Differs");
  list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
  if (GTK_IS_VIEWPORT (list))
    list = gtk_viewport_get_child (GTK_VIEWPORT (list));
  def = nb_table_get_def (nb_report_get_table (report, "s3_requests"));
  label = nb_table_def_cell_label (def, nb_table_def_find_row (def, "new"), 0);
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (list)), label) != NULL);
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (list)), "99 published") != NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Not a report: an error, no dialog. */
  g_assert_null (_nb_window_verify_path (window, place.dir, &error));
  g_assert_nonnull (error);

  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
  place_clear (&place);
}

/* Finalized, changed after 解除定稿, finalized again: the comparison
 * with version 1 lists exactly the cells and the text changed, under
 * titles naming that 定稿, and version 2 is the report as it is. */
static void
test_compare_version (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *heading = NULL, *old_value = NULL;
  NbWindow *window = window_with (report);
  AdwMessageDialog *dialog;
  GtkWidget *view;
  GListModel *rows;
  GList *shown;
  GString *listed = g_string_new (NULL);
  gint64 before = test_get (report, NATURAL_NEW);
  gint64 carried = test_get (report, FORWARD);
  Place place;

  place_init (&place);
  g_assert_false (window_action_enabled (window, "win.compare-version"));
  g_assert_true (nb_window_save_to_path (window, place.path, NB_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "问题甲");
  g_assert_null (_nb_window_finalize (window));
  spin ();
  first = g_strdup (nb_report_get_final_version (report)->fingerprint);
  g_assert_true (window_action_enabled (window, "win.compare-version"));
  click_response (ADW_MESSAGE_DIALOG (_nb_window_unfinalize (window)), "unfinalize");
  /* three more requests, still being handled: the balance holds */
  test_set (report, NATURAL_NEW, before + 3);
  test_set (report, FORWARD, carried + 3);
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "问题乙");
  g_assert_null (_nb_window_finalize (window));
  spin ();
  g_assert_cmpuint (nb_report_get_versions (report)->len, ==, 2);

  /* win.compare-version asks which, each by its date and fingerprint */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-version", NULL);
  spin ();
  dialog = the_dialog (window);
  g_assert_true (strstr (adw_message_dialog_get_response_label (dialog, "1"), first) != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "2"));
  click_response (dialog, "1");
  shown = toplevels_of (window, NB_TYPE_COMPARISON_WINDOW);
  g_assert_cmpuint (g_list_length (shown), ==, 1);
  view = shown->data;
  g_list_free (shown);

  rows = nb_comparison_window_get_model (NB_COMPARISON_WINDOW (view));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      g_autofree char *address = NULL, *last = NULL, *now = NULL;

      g_object_get (row, "address", &address, "last-text", &last, "this-text", &now, NULL);
      g_string_append_printf (listed, "%s %s→%s;", address, last, now);
    }
  old_value = g_strdup_printf ("s3_requests.new.natural %1$" G_GINT64_FORMAT "→%2$" G_GINT64_FORMAT
                               ";s3_requests.new.total %1$" G_GINT64_FORMAT "→%2$" G_GINT64_FORMAT
                               ";" FORWARD " %3$" G_GINT64_FORMAT "→%4$" G_GINT64_FORMAT
                               ";s3_requests.carried_forward.total %3$" G_GINT64_FORMAT
                               "→%4$" G_GINT64_FORMAT ";problems 问题甲→问题乙;",
                               before, before + 3, carried, carried + 3);
  g_assert_cmpstr (listed->str, ==, old_value);
  /* the titles say which 定稿, not last year */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (view)), ==, "Compared With a Finalized Version");
  heading = g_strdup_printf ("定稿 of %s", nb_report_get_final_version (report)->date);
  g_assert_cmpstr (nb_comparison_window_get_column_title (NB_COMPARISON_WINDOW (view), 1), ==, heading);
  g_assert_cmpstr (nb_comparison_window_get_column_title (NB_COMPARISON_WINDOW (view), 2), ==, "Now");
  g_assert_false (shows_text (view, "Last Year"));
  g_assert_true (shows_text (view, "问题甲"));
  gtk_window_destroy (GTK_WINDOW (view));

  /* version 2 is the report as it is; there is no version 3 */
  view = _nb_window_compare_with_version (window, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nb_comparison_window_get_model (NB_COMPARISON_WINDOW (view))),
                    ==, 0);
  gtk_window_destroy (GTK_WINDOW (view));
  g_assert_null (_nb_window_compare_with_version (window, 3, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_string_free (listed, TRUE);
  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
  place_clear (&place);
}

int
main (int argc, char **argv)
{
  window_test_init (&argc, &argv);
  g_test_add_func ("/window-final/draft-asks-first", test_draft_asks_first);
  g_test_add_func ("/window-final/finalize-unfinalize", test_finalize_unfinalize);
  g_test_add_func ("/window-final/finalize-refused-with-errors", test_finalize_refused_with_errors);
  g_test_add_func ("/window-final/tampered", test_tampered);
  g_test_add_func ("/window-final/verify", test_verify);
  g_test_add_func ("/window-final/compare-version", test_compare_version);
  return g_test_run ();
}
