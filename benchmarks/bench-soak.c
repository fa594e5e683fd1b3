/* bench-soak.c — the window's memory over a day of previews and exports
 *
 *   bench-soak REPORT.nianbao [ROUNDS]
 *
 * Opens REPORT in Nianbao's window, then ROUNDS times (default 20): opens
 * the print preview and waits until its pages are painted, closes it,
 * prints to a file through the GTK print API, and exports the PDF, the
 * web page and the JSON data (each to a temporary folder, removed at the
 * end).  Prints the resident memory (VmRSS) after opening and after the
 * 1st, 10th and last round, and the growth from the 10th round to the
 * last — a leak shows there, since the first rounds also fill the font
 * and glyph caches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "bench-window.h"
#include "nb-print-preview.h"
#include "nb-window-private.h"

typedef struct {
  NbWindow  *window;
  char      *folder;
  int        rounds, done;
  gsize      opened, first, tenth;
  GMainLoop *loop;
} Soak;

static gboolean round_next (gpointer data);

/* Resident memory of this process, in kB. */
static gsize
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

/* Runs the main loop for @ms, so that frames are painted and idle work
 * done (the preview paints its pages, closed windows are finalised). */
static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Opens the preview and runs the main loop until it has painted a
 * frame (its visible pages drawn by the renderer), then closes it. */
static void
preview_once (Soak *soak)
{
  GtkWidget *preview = _nb_window_print_preview (soak->window);
  gboolean painted = FALSE;
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_realize (preview);
  g_signal_connect (gtk_widget_get_frame_clock (preview), "after-paint",
                    G_CALLBACK (after_paint_cb), &painted);
  while (!painted && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  if (!painted || nb_print_preview_get_n_pages (NB_PRINT_PREVIEW (preview)) == 0)
    {
      g_printerr ("the preview painted no page\n");
      exit (1);
    }
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (preview), &painted);
  gtk_window_destroy (GTK_WINDOW (preview));
}

static void
export_all (Soak *soak)
{
  static const char *const names[] = { "print.pdf", "export.pdf", "export.html", "export.json" };
  g_autoptr(GError) error = NULL;
  g_autofree char *paths[G_N_ELEMENTS (names)] = { NULL };
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    paths[i] = g_build_filename (soak->folder, names[i], NULL);
  ok = _nb_window_print (soak->window, GTK_PRINT_OPERATION_ACTION_EXPORT, paths[0], &error) &&
       _nb_window_export_pdf (soak->window, paths[1], &error) &&
       _nb_window_export_html (soak->window, paths[2], &error) &&
       _nb_window_export_json (soak->window, paths[3], &error);
  if (!ok)
    {
      g_printerr ("export failed: %s\n", error != NULL ? error->message : "(no message)");
      exit (1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_unlink (paths[i]);
}

static void
print_rss (const char *what,
           gsize       kb)
{
  g_print ("  %-34s %7.1f MB\n", what, kb / 1024.0);
}

static gboolean
round_next (gpointer data)
{
  Soak *soak = data;
  gsize now;

  preview_once (soak);
  export_all (soak);
  spin (100);

  now = rss_kb ();
  soak->done++;
  if (soak->done == 1)
    soak->first = now;
  if (soak->done == 10)
    soak->tenth = now;
  if (soak->done < soak->rounds)
    return G_SOURCE_CONTINUE;

  g_print ("memory (VmRSS) over %d rounds of a preview, a print to file and the PDF, "
           "HTML and JSON exports; goal < 100 MB, growth from round 10 < 5 MB\n", soak->rounds);
  print_rss ("after opening the report", soak->opened);
  print_rss ("after round 1", soak->first);
  if (soak->rounds >= 10)
    print_rss ("after round 10", soak->tenth);
  print_rss ("after the last round", now);
  if (soak->rounds >= 10)
    g_print ("  %-34s %+7.1f MB\n", "growth from round 10 to the last", ((double) now - soak->tenth) / 1024.0);
  g_main_loop_quit (soak->loop);
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  Soak soak = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NbApplication) app = NULL;

  if (argc < 2)
    {
      g_printerr ("Usage: bench-soak REPORT.nianbao [ROUNDS]\n");
      return 2;
    }
  soak.rounds = argc > 2 ? MAX (atoi (argv[2]), 1) : 20;
  soak.folder = g_dir_make_tmp ("nianbao-soak-XXXXXX", &error);
  if (soak.folder == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  soak.window = bench_window_open (argv[1], &app);
  if (soak.window == NULL)
    return 1;
  soak.loop = g_main_loop_new (NULL, FALSE);
  gtk_window_present (GTK_WINDOW (soak.window));
  spin (500);
  soak.opened = rss_kb ();

  g_idle_add (round_next, &soak);
  g_main_loop_run (soak.loop);

  gtk_window_destroy (GTK_WINDOW (soak.window));
  g_rmdir (soak.folder);
  g_free (soak.folder);
  g_main_loop_unref (soak.loop);
  return 0;
}
