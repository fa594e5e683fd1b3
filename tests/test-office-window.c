/* test-office-window.c — the window's Word and Excel actions (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "nb-docx-writer.h"
#include "nb-report-file.h"
#include "nb-source-pane.h"
#include "nb-window-private.h"
#include "test-util.h"
#include "test-window-util.h"

/* The export actions follow the report; the import dialog's path reads a
 * .docx as it reads a web page, and shows it beside the grid as one. */
static void
test_actions_and_import (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "sample",
                                              "sample-2024.nianbao", NULL);
  g_autofree char *dir = g_dir_make_tmp ("nb-office-window-XXXXXX", NULL);
  g_autofree char *docx = g_build_filename (dir, "report.docx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_report_load_from_path (sample, &error);
  NbWindow *window;
  NbReport *imported;

  g_assert_no_error (error);
  window = window_with (NULL);
  g_assert_false (window_action_enabled (window, "win.export-docx"));
  g_assert_false (window_action_enabled (window, "win.export-xlsx"));

  nb_docx_export_to_path (report, NULL, TRUE, FALSE, docx, &error);
  g_assert_no_error (error);
  g_assert_true (_nb_window_import_path (window, docx, &error));
  g_assert_no_error (error);
  imported = nb_window_get_report (window);
  g_assert_nonnull (imported);
  g_assert_cmpstr (nb_report_get_organ (imported), ==, nb_report_get_organ (report));
  g_assert_cmpint (test_get (imported, "s3_requests.new.total"), ==,
                   test_get (report, "s3_requests.new.total"));
  g_assert_cmpstr (nb_report_get_text (imported, NB_TEXT_PROBLEMS), ==,
                   nb_report_get_text (report, NB_TEXT_PROBLEMS));
  g_assert_true (nb_window_get_modified (window));
  spin ();
  /* beside its source, the document's text, as a web page's */
  g_assert_nonnull (window->source_pane);
  g_assert_true (gtk_widget_get_mapped (window->source_pane));
  g_assert_cmpint (nb_import_source_get_kind (nb_source_pane_get_source (NB_SOURCE_PANE (window->source_pane))),
                   ==, NB_IMPORT_SOURCE_PAGE_TEXT);
  g_assert_true (window_action_enabled (window, "win.export-docx"));
  g_assert_true (window_action_enabled (window, "win.export-xlsx"));

  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
  g_unlink (docx);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/office/window/actions-and-import", test_actions_and_import);

  return g_test_run ();
}
