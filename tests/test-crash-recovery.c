/* test-crash-recovery.c — a real crash: the application is killed with
 * SIGKILL after an edit, and the next start offers the edit back
 *
 * The parent (the test) runs no GTK.  It starts this program twice as the
 * application (NbApplication, as `nianbao FILE` runs it) under the
 * display of the suite (Xvfb in CI), with a data folder of its own:
 *   --edit FILE      opens FILE, types 4321 into a cell as a user does
 *                    (begin the edit, type, commit), and keeps running;
 *   --restore FILE   opens FILE, answers “Restore” in the dialog that
 *                    offers the unsaved changes, checks the restored
 *                    report, saves it and quits.
 * Between the two the parent waits for the recovery copy to hold the
 * edit, kills the first with SIGKILL, and checks that the file on disk
 * was not touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <sys/prctl.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "nb-application.h"
#include "nb-recovery.h"
#include "nb-report-file.h"
#include "nb-table-view.h"
#include "nb-window.h"
#include "test-util.h"

#define EDITED 4321
#define CHILD_SECONDS 60

/* ---- The application, in a child process ----------------------------------------- */

static guint
row_of (NbTableView *view,
        const char  *key)
{
  return (guint) nb_table_def_find_row (nb_table_get_def (nb_table_view_get_table (view)), key);
}

static guint
column_of (NbTableView *view,
           const char  *key)
{
  return (guint) nb_table_def_find_column (nb_table_get_def (nb_table_view_get_table (view)), key);
}

static NbWindow *
window_with_report (GtkApplication *app,
                    gboolean        modified)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (NB_IS_WINDOW (l->data) && nb_window_get_report (l->data) != NULL &&
        gtk_widget_get_mapped (l->data) && nb_window_get_modified (l->data) == modified)
      return l->data;
  return NULL;
}

static gboolean
edit_cb (gpointer data)
{
  GtkApplication *app = data;
  NbWindow *window = window_with_report (app, FALSE);
  NbTableView *view;
  guint row, column;

  if (window == NULL)
    return G_SOURCE_CONTINUE;   /* not shown yet */

  view = nb_window_get_table_view (window, "s3_requests");
  row = row_of (view, "new");
  column = column_of (view, "natural");
  nb_window_show_section (window, 3);
  nb_table_view_begin_edit (view, row, column, NULL);
  g_assert_true (nb_table_view_is_editing (view));
  gtk_editable_set_text (nb_table_view_get_editor (view), G_STRINGIFY (EDITED));
  nb_table_view_commit_edit (view);
  g_assert_true (nb_window_get_modified (window));
  g_print ("# edited\n");
  /* now keep running, as a user who has not saved yet */
  return G_SOURCE_REMOVE;
}

static gboolean
restore_cb (gpointer data)
{
  GtkApplication *app = data;
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;
  NbWindow *window;
  NbReport *report;
  g_autoptr(GError) error = NULL;
  const char *path = g_object_get_data (G_OBJECT (app), "path");
  g_autofree char *base = g_path_get_basename (path);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_mapped (GTK_WIDGET (w)))
        dialog = ADW_MESSAGE_DIALOG (w);
    }
  if (dialog == NULL)
    return G_SOURCE_CONTINUE;   /* not offered yet */

  /* the dialog names the file whose changes it kept */
  {
    g_autofree char *body = g_strdup (adw_message_dialog_get_body (dialog));
    g_print ("# offered: %s\n", g_strdelimit (body, "\n", ' '));
  }
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), base));
  adw_message_dialog_response (dialog, "restore");

  window = window_with_report (app, TRUE);
  g_assert_nonnull (window);
  report = nb_window_get_report (window);
  g_assert_cmpint (test_get (report, "s3_requests.new.natural"), ==, EDITED);
  g_assert_cmpstr (nb_window_get_path (window), ==, path);

  /* the user saves what was restored */
  g_assert_true (nb_window_save_to_path (window, path, NB_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (nb_window_get_modified (window));
  g_print ("# restored and saved\n");
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static gboolean
too_long_cb (gpointer data)
{
  g_error ("the application did not get there in %d s", CHILD_SECONDS);
  return G_SOURCE_REMOVE;
}

static int
run_application (const char  *mode,
                 char        *path)
{
  g_autoptr(NbApplication) app = nb_application_new ();
  char *argv[] = { (char *) "nianbao", path, NULL };

  g_object_set_data_full (G_OBJECT (app), "path", g_strdup (path), g_free);
  g_timeout_add (100, strcmp (mode, "--edit") == 0 ? edit_cb : restore_cb, app);
  if (strcmp (mode, "--restore") == 0)
    g_timeout_add_seconds (CHILD_SECONDS, too_long_cb, NULL);
  return g_application_run (G_APPLICATION (app), 2, argv);
}

/* ---- The test ------------------------------------------------------------------- */

static GSubprocess *
start_application (const char *self,
                   const char *mode,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self, mode, path,
                                           NULL);

  g_assert_no_error (error);
  return process;
}

/* The recovery copy, once it holds the edit. */
static gboolean
recovery_holds_edit (void)
{
  g_autoptr(GPtrArray) entries = nb_recovery_list ();

  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(NbReport) report = nb_recovery_load (g_ptr_array_index (entries, i), NULL);
      if (report != NULL && test_get (report, "s3_requests.new.natural") == EDITED)
        return TRUE;
    }
  return FALSE;
}

static void
test_sigkill_then_restore (gconstpointer data)
{
  const char *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.nianbao", NULL);
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                        "sample-2024.nianbao", NULL);
  g_autofree char *sample = NULL, *on_disk = NULL;
  g_autoptr(GSubprocess) first = NULL, second = NULL;
  g_autoptr(NbReport) saved = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gsize sample_length, length;
  gint64 start, waited;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sample_path, &sample, &sample_length, NULL));
  g_assert_true (g_file_set_contents (path, sample, sample_length, NULL));
  entries = nb_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* edit, and wait for the recovery copy (written every few seconds) */
  first = start_application (self, "--edit", path);
  start = g_get_monotonic_time ();
  while (!recovery_holds_edit ())
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, CHILD_SECONDS * G_USEC_PER_SEC);
      g_usleep (G_USEC_PER_SEC / 10);
    }
  waited = g_get_monotonic_time () - start;
  g_test_message ("the recovery copy held the edit %.1f s after the start", waited / 1e6);

  /* the crash */
  g_subprocess_send_signal (first, SIGKILL);
  g_assert_true (g_subprocess_wait (first, NULL, &error));
  g_assert_true (g_subprocess_get_if_signaled (first));
  g_assert_cmpint (g_subprocess_get_term_sig (first), ==, SIGKILL);

  /* the file on disk is as it was; the copy survived the crash */
  g_assert_true (g_file_get_contents (path, &on_disk, &length, NULL));
  g_assert_cmpmem (on_disk, length, sample, sample_length);
  g_clear_pointer (&on_disk, g_free);
  g_assert_true (recovery_holds_edit ());

  /* the next start offers the edit back */
  second = start_application (self, "--restore", path);
  g_assert_true (g_subprocess_wait (second, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);

  /* what was restored and saved is the edit; the copy is gone */
  saved = nb_report_load_from_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_get (saved, "s3_requests.new.natural"), ==, EDITED);
  entries = nb_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  if (argc == 3 && (strcmp (argv[1], "--edit") == 0 || strcmp (argv[1], "--restore") == 0))
    {
      /* never outlive a test that failed */
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      return run_application (argv[1], argv[2]);
    }

  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
    g_autofree char *data = g_dir_make_tmp ("nianbao-crash-data-XXXXXX", NULL);
    g_autofree char *recovery = NULL;
    int status;

    /* a data folder of our own: the children inherit it */
    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_test_init (&argc, &argv, NULL);
    g_test_add_data_func ("/crash/sigkill-then-restore", self, test_sigkill_then_restore);
    status = g_test_run ();

    recovery = nb_recovery_dir ();
    g_rmdir (recovery);
    *strrchr (recovery, '/') = '\0';
    g_rmdir (recovery);
    g_rmdir (data);
    return status;
  }
}
