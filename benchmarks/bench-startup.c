/* bench-startup.c — time from process start to the first frame
 *
 *   bench-startup REPORT.nianbao [RUNS]
 *
 * Starts itself RUNS times (default 10) in each of five modes and prints
 * the median time from just before the process is spawned to the end of
 * the first frame painted:
 *   bare    a GtkWindow with one label, built by the same tree;
 *   bare-zh for scale, the same window with one line of Chinese (the
 *           first Chinese text loads the CJK fonts, which every window
 *           showing a report pays);
 *   adw     for scale, an AdwApplication with an empty window;
 *   start   `nianbao`: the application without a file, its start page;
 *   window  `nianbao REPORT`: the application opens REPORT in its
 *           window (the checker run, the sidebar's badges, the first
 *           page; the other pages are built after the first frame).
 * Prints the renderer in use; run with GDK_DEBUG=gl-disable under Xvfb
 * to measure the cairo renderer (benchmarks/run-window does;
 * benchmarks/count-startup counts the instructions under callgrind).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <string.h>

#include "nb-application.h"
#include "nb-window.h"

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  /* The first frame is on screen: tell the parent when, and leave. */
  g_print ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_print ("renderer %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (data))));
  exit (0);
}

static void
watch_first_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
window_realize_cb (GtkWidget *window)
{
  watch_first_frame (window);
}

static int
run_bare (const char *text)
{
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new (text));
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 1;
}

static void
adw_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("Nianbao"));
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* For scale: an empty libadwaita application window. */
static int
run_adw (void)
{
  AdwApplication *app = adw_application_new ("io.github.nianbao.Bench", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (adw_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);
}

/* What `nianbao REPORT` does: the application opens the file; without
 * @path, what `nianbao` does. */
static int
run_window (const char *path)
{
  NbApplication *app = nb_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), path != NULL ? 2 : 1,
                            (char *[]) { (char *) "nianbao", (char *) path, NULL });
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static gint64
children_cpu_usec (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
         (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

/* Returns the wall time to the first frame; adds the child's CPU time
 * (user + system, to its exit right after that frame) to *cpu. */
static gint64
run_once (const char  *self,
          const char  *mode,
          const char  *path,
          char       **renderer,
          GArray      *cpu)
{
  gint64 cpu_before = children_cpu_usec (), cpu_used;
  const char *argv[] = { self, "--child", mode, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;
  g_auto(GStrv) lines = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s\n", mode, error->message);
      exit (1);
    }
  cpu_used = children_cpu_usec () - cpu_before;
  g_array_append_val (cpu, cpu_used);
  lines = g_strsplit (out, "\n", -1);
  if (lines[0] != NULL && lines[1] != NULL && g_str_has_prefix (lines[1], "renderer ") && *renderer == NULL)
    *renderer = g_strdup (lines[1] + strlen ("renderer "));
  return g_ascii_strtoll (lines[0], NULL, 10) - start;
}

static double
median_ms (GArray *times)
{
  g_array_sort (times, compare);
  return g_array_index (times, gint64, times->len / 2) / 1000.0;
}

/* The modes, in the order they are run and printed. */
static const struct {
  const char *mode, *label;
} modes[] = {
  { "bare", "bare GTK window:" },
  { "bare-zh", "bare window, Chinese text:" },
  { "adw", "empty libadwaita window:" },
  { "start", "Nianbao without a file:" },
  { "window", "Nianbao window with report:" },
};
enum { BARE, BARE_ZH, ADW, START, WINDOW, N_MODES };

static void
print_ratio (const char   *what,
             const double *wall,
             const double *cpu,
             int           of,
             int           to,
             const char   *note)
{
  g_print ("  %-28s%7.2fx    %7.2fx%s\n", what, wall[of] / wall[to], cpu[of] / cpu[to], note);
}

int
main (int    argc,
      char **argv)
{
  int runs;
  double wall[N_MODES], cpu[N_MODES];
  g_autofree char *renderer = NULL;
  g_autoptr(GPtrArray) all_times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) all_cpus = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return g_str_equal (argv[2], "bare") ? run_bare ("Nianbao")
         : g_str_equal (argv[2], "bare-zh") ? run_bare ("示例县人民政府办公室2024年政府信息公开工作年度报告")
         : g_str_equal (argv[2], "adw") ? run_adw ()
         : g_str_equal (argv[2], "start") ? run_window (NULL) : run_window (argv[3]);

  if (argc < 2)
    {
      g_printerr ("Usage: bench-startup REPORT.nianbao [RUNS]\n");
      return 2;
    }
  runs = argc > 2 ? atoi (argv[2]) : 10;
  if (runs < 1)
    runs = 1;

  /* Interleaved, so that a busy moment of the machine hits all alike. */
  for (int m = 0; m < N_MODES; m++)
    {
      g_ptr_array_add (all_times, g_array_new (FALSE, FALSE, sizeof (gint64)));
      g_ptr_array_add (all_cpus, g_array_new (FALSE, FALSE, sizeof (gint64)));
    }
  for (int i = 0; i < runs; i++)
    for (int m = 0; m < N_MODES; m++)
      {
        gint64 t = run_once (argv[0], modes[m].mode, argv[1], &renderer, all_cpus->pdata[m]);
        g_array_append_val ((GArray *) all_times->pdata[m], t);
      }
  for (int m = 0; m < N_MODES; m++)
    {
      wall[m] = median_ms (all_times->pdata[m]);
      cpu[m] = median_ms (all_cpus->pdata[m]);
    }
  g_print ("startup to first frame, median of %d runs (renderer: %s, GDK_DEBUG=%s)\n",
           runs, renderer != NULL ? renderer : "?", g_getenv ("GDK_DEBUG") ? g_getenv ("GDK_DEBUG") : "");
  g_print ("                               wall      CPU (user+system)\n");
  for (int m = 0; m < N_MODES; m++)
    g_print ("  %-28s%7.1f ms  %7.1f ms\n", modes[m].label, wall[m], cpu[m]);
  print_ratio ("ratio to the empty Adw one:", wall, cpu, WINDOW, ADW, "  (goal: within 1.2x)");
  print_ratio ("without a file, to Adw:", wall, cpu, START, ADW, "");
  print_ratio ("ratio to the bare window:", wall, cpu, WINDOW, BARE, "");
  print_ratio ("ratio to the Chinese one:", wall, cpu, WINDOW, BARE_ZH, "");
  return 0;
}
