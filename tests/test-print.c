/* test-print.c — printing, the print preview and the exports of the window,
 * under a display (Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "nb-print-operation.h"
#include "nb-print-preview.h"
#include "nb-report-file.h"
#include "nb-window-private.h"
#include "test-util.h"
#include "test-window-util.h"

static NbReport *
sample_report (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                 "sample-2024.nianbao", NULL);
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_load_from_path (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* The windows of @type put up over @parent. */
static GList *
toplevels_of (GtkWindow *parent,
              GType      type)
{
  GList *found = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_window_get_transient_for (w) == parent)
        found = g_list_prepend (found, w);
    }
  return found;
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_strcmp0 (tool, "pdfinfo") == 0)
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
pdf_text (const char *path)
{
  return run_tool ("pdftotext", path);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static char *
pdf_page_size (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *line = strstr (info, "\nPage size:");
  const char *end;

  g_assert_nonnull (line);
  end = strchr (line + 1, '\n');
  return g_strndup (line + 1, end - line - 1);
}

/* How many pages the renderer lays @report out on, set up as the window
 * sets it up (no GSettings: the defaults). */
static guint
renderer_pages (NbReport *report)
{
  g_autoptr(NbPageRenderer) renderer = nb_print_operation_make_renderer (report, NULL, NULL);

  return nb_page_renderer_paginate (renderer);
}

/* What the printed sample must show: headings, row labels, numbers, the
 * fingerprint footer and the signature block. */
static void
assert_printed_sample (NbReport   *report,
                       const char *text,
                       gboolean    signature)
{
  g_autofree char *fingerprint = nb_report_fingerprint (report);
  g_autofree char *footer = g_strdup_printf ("指纹 %s", fingerprint);
  const NbTableDef *def = nb_edition_find_table (nb_report_get_edition_def (report), "s2_licensing");
  g_autofree char *licensed = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               test_get (report, "s2_licensing.licensing.decisions"));
  g_autofree char *received = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               test_get (report, "s3_requests.new.total"));

  g_assert_nonnull (strstr (text, nb_report_get_organ (report)));
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    g_assert_nonnull (strstr (text, nb_section_heading (s)));
  g_assert_nonnull (strstr (text, def->rows[nb_table_def_find_row (def, "licensing")].label));
  g_assert_cmpstr (licensed, ==, "1520");
  g_assert_nonnull (strstr (text, licensed));
  g_assert_nonnull (strstr (text, received));
  g_assert_nonnull (strstr (text, footer));
  g_assert_true ((strstr (text, nb_signature_line_default_label (NB_SIGNATURE_HEAD)) != NULL) == signature);
}

static void
finished_cb (NbPrintOperation        *operation,
             GtkPrintOperationResult  result,
             const GError            *error,
             int                     *calls)
{
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (error);
  (*calls)++;
}

/* The print operation, exported to a PDF as GTK does it: the renderer's
 * pages, labels and numbers, the fingerprint, the signature block. */
static void
test_operation_export (void)
{
  g_autoptr(NbReport) report = sample_report ();
  g_autofree char *dir = g_dir_make_tmp ("nb-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *job = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GError) error = NULL;
  NbPrintOperation *operation = nb_print_operation_new (report, NULL);
  int calls = 0;

  g_object_get (operation, "job-name", &job, NULL);
  g_assert_cmpstr (job, ==, nb_report_get_title (report));

  g_signal_connect (operation, "finished", G_CALLBACK (finished_cb), &calls);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (nb_print_operation_start (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  spin ();
  g_assert_cmpint (calls, ==, 1);

  g_assert_cmpuint (nb_print_operation_get_n_pages (operation), >=, 3);
  g_assert_cmpuint (nb_print_operation_get_n_pages (operation), ==, renderer_pages (report));
  g_assert_cmpuint (pdf_pages (pdf), ==, renderer_pages (report));
  size = pdf_page_size (pdf);
  g_assert_nonnull (strstr (size, "(A4)"));
  text = pdf_text (pdf);
  assert_printed_sample (report, text, TRUE);

  g_assert_finalize_object (operation);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* Print settings and the page setup are saved after a run under the
 * user's data folder and used by the next run (and the preview). */
static void
test_operation_remembers (void)
{
  g_autoptr(NbReport) report = sample_report ();
  g_autofree char *dir = g_dir_make_tmp ("nb-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *settings_ini = g_build_filename (g_get_user_data_dir (), "nianbao", "print-settings.ini", NULL);
  g_autofree char *setup_ini = g_build_filename (g_get_user_data_dir (), "nianbao", "page-setup.ini", NULL);
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autofree char *size = NULL;
  g_autoptr(GError) error = NULL;
  NbPrintOperation *operation;
  GtkPrintSettings *settings;
  int calls = 0;

  g_unlink (settings_ini);
  g_unlink (setup_ini);

  /* Nothing saved: A4, portrait. */
  setup = nb_print_operation_load_page_setup ();
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (setup, GTK_UNIT_MM), 210, 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_height (setup, GTK_UNIT_MM), 297, 0.01);
  g_clear_object (&setup);

  /* A run that printed saves the printer's settings and the page setup
   * (here Letter, as if chosen in the dialog). */
  operation = nb_print_operation_new (report, NULL);
  settings = gtk_print_settings_new ();
  gtk_print_settings_set (settings, "nianbao-test", "kept");
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  g_object_unref (settings);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (setup, letter);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  g_clear_object (&setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_signal_connect (operation, "finished", G_CALLBACK (finished_cb), &calls);
  g_assert_cmpint (nb_print_operation_start (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpint (calls, ==, 1);
  spin ();
  g_assert_finalize_object (operation);
  g_assert_true (g_file_test (settings_ini, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (setup_ini, G_FILE_TEST_EXISTS));
  size = pdf_page_size (pdf);
  g_assert_nonnull (strstr (size, "612 x 792"));
  g_clear_pointer (&size, g_free);
  g_unlink (pdf);

  /* The next operation starts from them and prints on Letter. */
  operation = nb_print_operation_new (report, NULL);
  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation));
  g_assert_nonnull (settings);
  g_assert_cmpstr (gtk_print_settings_get (settings, "nianbao-test"), ==, "kept");
  setup = nb_print_operation_load_page_setup ();
  g_assert_true (g_str_equal (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)),
                              GTK_PAPER_NAME_LETTER));
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (nb_print_operation_start (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  spin ();
  size = pdf_page_size (pdf);
  g_assert_nonnull (strstr (size, "612 x 792"));
  g_assert_cmpuint (pdf_pages (pdf), ==, nb_print_operation_get_n_pages (operation));
  g_assert_finalize_object (operation);

  g_unlink (settings_ini);
  g_unlink (setup_ini);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A print that fails says so in a dialog over the window. */
static void
test_print_error_shown (void)
{
  g_autoptr(NbReport) report = sample_report ();
  NbWindow *window = window_with (report);
  g_autoptr(GError) error = NULL;
  GList *dialogs;

  g_assert_false (_nb_window_print (window, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    "/nonexistent-folder/printed.pdf", &error));
  g_assert_nonnull (error);
  spin ();
  dialogs = toplevels_of (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (g_list_length (dialogs), ==, 1);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialogs->data), error->message));
  gtk_window_destroy (dialogs->data);
  g_list_free (dialogs);

  destroy_window (window);
}

/* The action a key of the preview's own shortcuts runs, as
 * "action(preview.print)", or NULL. */
static char *
shortcut_action (GtkWidget  *widget,
                 const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));
        }
    }
  return NULL;
}

static int
content_width (NbPrintPreview *preview)
{
  return gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (nb_print_preview_get_page (preview, 0)));
}

/* win.print-preview shows the renderer's pages in a window of ours. */
static void
test_preview_from_window (void)
{
  g_autoptr(NbReport) report = sample_report ();
  NbWindow *window = window_with (report);
  g_auto(GStrv) fonts = NULL;
  NbPrintPreview *preview;
  GList *previews;
  guint n_pages = renderer_pages (report);
  int width, height;

  g_assert_true (window_action_enabled (window, "win.print-preview"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-preview", NULL);
  spin ();
  previews = toplevels_of (GTK_WINDOW (window), NB_TYPE_PRINT_PREVIEW);
  g_assert_cmpuint (g_list_length (previews), ==, 1);
  preview = previews->data;
  g_list_free (previews);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (preview)));

  /* Its pages are the renderer's, each at the paper's size. */
  g_assert_cmpuint (nb_print_preview_get_n_pages (preview), ==, n_pages);
  g_assert_nonnull (nb_print_preview_get_page (preview, n_pages - 1));
  g_assert_null (nb_print_preview_get_page (preview, n_pages));
  width = gtk_widget_get_width (nb_print_preview_get_page (preview, 0));
  height = gtk_widget_get_height (nb_print_preview_get_page (preview, 0));
  g_assert_cmpint (width, ==, 794);   /* 210 mm at 96 dpi */
  g_assert_cmpint (height, ==, 1123);

  /* The fonts the pages use are listed. */
  fonts = nb_page_renderer_get_fonts_used (nb_print_preview_get_renderer (preview));
  g_assert_cmpuint (g_strv_length (fonts), >, 0);
  for (guint i = 0; fonts[i] != NULL; i++)
    g_assert_nonnull (strstr (nb_print_preview_get_fonts_text (preview), fonts[i]));

  /* Zoom in and out. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  spin ();
  g_assert_cmpfloat_with_epsilon (nb_print_preview_get_zoom (preview), 1.25, 1e-9);
  g_assert_cmpint (content_width (preview), ==, 992);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL);
  spin ();
  g_assert_cmpfloat_with_epsilon (nb_print_preview_get_zoom (preview), 0.75, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-fit", NULL);
  spin ();
  g_assert_cmpint (content_width (preview), <=, gtk_widget_get_width (GTK_WIDGET (preview)));
  g_assert_cmpint (content_width (preview), >, gtk_widget_get_width (GTK_WIDGET (preview)) - 120);

  /* Escape closes, Ctrl+P prints, Ctrl+0 fits. */
  {
    g_autofree char *escape = shortcut_action (GTK_WIDGET (preview), "Escape");
    g_autofree char *print = shortcut_action (GTK_WIDGET (preview), "<Control>p");
    g_autofree char *fit = shortcut_action (GTK_WIDGET (preview), "<Control>0");

    g_assert_cmpstr (escape, ==, "action(window.close)");
    g_assert_cmpstr (print, ==, "action(preview.print)");
    g_assert_cmpstr (fit, ==, "action(preview.zoom-fit)");
  }

  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  gtk_widget_activate_action (GTK_WIDGET (preview), "window.close", NULL);
  spin ();
  g_assert_null (preview);

  destroy_window (window);
}

static void
count_cb (int *count)
{
  (*count)++;
}

/* The Preview button of GTK's print dialog (an operation run for a
 * preview) opens our preview, not an external viewer. */
static void
test_dialog_preview_is_ours (void)
{
  g_autoptr(NbReport) report = sample_report ();
  NbWindow *window = window_with (report);
  g_autoptr(GError) error = NULL;
  NbPrintOperation *operation = nb_print_operation_new (report, NULL);
  int requested = 0, finished = 0;
  GList *previews;

  /* The operation ends GTK's preview, says so, and lets itself go. */
  g_signal_connect_swapped (operation, "preview-requested", G_CALLBACK (count_cb), &requested);
  g_signal_connect_swapped (operation, "finished", G_CALLBACK (count_cb), &finished);
  g_assert_cmpint (nb_print_operation_start (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error),
                   !=, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (operation), (gpointer *) &operation);
  g_object_unref (operation);
  spin ();
  g_assert_cmpint (requested, ==, 1);
  g_assert_cmpint (finished, ==, 1);
  g_assert_null (operation);

  /* From the window, our preview opens. */
  g_assert_true (_nb_window_print (window, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error));
  g_assert_no_error (error);
  spin ();
  previews = toplevels_of (GTK_WINDOW (window), NB_TYPE_PRINT_PREVIEW);
  g_assert_cmpuint (g_list_length (previews), ==, 1);
  g_assert_cmpuint (nb_print_preview_get_n_pages (previews->data), ==, renderer_pages (report));
  gtk_window_destroy (previews->data);
  g_list_free (previews);
  spin ();

  destroy_window (window);
}

/* Export PDF and HTML through the window's own functions (what the file
 * chooser's answer runs). */
static void
test_window_exports (void)
{
  g_autoptr(NbReport) report = sample_report ();
  NbWindow *window = window_with (report);
  g_autofree char *dir = g_dir_make_tmp ("nb-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *html = g_build_filename (dir, "report.html", NULL);
  g_autofree char *bad = g_build_filename (dir, "no-such-folder", "report.html", NULL);
  g_autofree char *fingerprint = nb_report_fingerprint (report);
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (_nb_window_export_pdf (window, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (pdf), ==, renderer_pages (report));
  text = pdf_text (pdf);
  assert_printed_sample (report, text, TRUE);

  g_assert_true (_nb_window_export_html (window, html, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html, &page, NULL, NULL));
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>") || g_str_has_prefix (page, "<!doctype html>"));
  g_assert_nonnull (strstr (page, nb_report_get_title (report)));
  g_assert_nonnull (strstr (page, fingerprint));
  g_assert_nonnull (strstr (page, "1520"));
  g_assert_nonnull (strstr (page, nb_section_heading (3)));
  /* The web page never carries the signature block. */
  g_assert_null (strstr (page, nb_signature_line_default_label (NB_SIGNATURE_HEAD)));

  /* A place that cannot be written: an error, no file. */
  g_assert_false (_nb_window_export_html (window, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (_nb_window_export_pdf (window, bad, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  destroy_window (window);
  g_unlink (pdf);
  g_unlink (html);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  /* Each test has its own user data folder (print settings go there). */
  test_isolate_home ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/print/operation-export", test_operation_export);
  g_test_add_func ("/print/operation-remembers", test_operation_remembers);
  g_test_add_func ("/print/error-shown", test_print_error_shown);
  g_test_add_func ("/print/preview-from-window", test_preview_from_window);
  g_test_add_func ("/print/dialog-preview-is-ours", test_dialog_preview_is_ours);
  g_test_add_func ("/print/window-exports", test_window_exports);

  return g_test_run ();
}
