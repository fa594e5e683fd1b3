/* bench-keypress.c — from a key press in a cell to the findings on screen
 *
 *   bench-keypress REPORT.nianbao [RUNS]
 *
 * Opens REPORT in Nianbao's window on section 三, then RUNS times
 * (default 50): types a number into the cell 一、本年新收 × 自然人 (one
 * more than it holds, which breaks a balance, then back, which clears
 * it) and presses Enter, through the table's own key handler.  Measures
 *   update  from the Enter key to the findings and the cells brought
 *           up to date (the checker runs synchronously on the change);
 *   frame   from the Enter key to the end of the next frame painted
 *           (this includes the sidebar badges and the problems button,
 *           updated once per change before the frame, and waiting for
 *           the frame clock's next tick);
 *   snapshot  of that frame, the window's snapshot: every widget that
 *           changed records what it draws (the grid its rules, its cells
 *           their numbers and outlines);
 *   render  then GTK's renderer drawing those nodes to the window (from
 *           the frame clock's layout signal as this bench receives it,
 *           less the snapshot).  GTK's own handler of that signal (styles,
 *           measuring, allocation) was connected first and has run by
 *           then, so the layout is not in it, nor is the idle in which
 *           GTK on X11 works out the window's size again after a resize
 *           is queued;
 *   work    update + snapshot: the application's own work, from the
 *           event to the painted snapshot, without the toolkit's layout
 *           and drawing (GTK 4.8's cairo renderer draws every node of the
 *           window, clipped to what changed, whatever the application
 *           does).
 * Prints median, 95th percentile and worst times and the renderer (run with
 * GDK_DEBUG=gl-disable under Xvfb: cairo).
 *
 * Under callgrind, started with --collect-atstart=no, it collects from
 * each Enter key to the end of its frame (idle work in between included)
 * and dumps each press apart: the instructions of one key press, free of
 * the machine's noise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_TOGGLE_COLLECT
#define CALLGRIND_DUMP_STATS
#endif

#include "bench-window.h"

typedef struct {
  NbWindow       *window;
  NbTableView    *view;
  GtkEventController *keys;
  guint           row, column;
  gint64          base;
  int             runs, done;
  gint64          pressed;
  gboolean        waiting;
  gint64          frame_began;
  gint64          snapshot_took; /* the window's snapshot in the frame awaited */
  GArray         *update, *frame, *snapshot, *render, *work;
  GMainLoop      *loop;
} Bench;

static int
compare (gconstpointer a,
         gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static void
print_times (const char *what,
        GArray     *times)
{
  g_array_sort (times, compare);
  g_print ("  %-8s median %6.2f ms, 95th percentile %6.2f ms, worst %6.2f ms\n", what,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (times, gint64, (times->len * 95 - 1) / 100) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0);
}

static gboolean press_next (gpointer data);

/* The frame clock marks no point between the snapshot and the drawing,
 * so the window's class has its snapshot wrapped in a timer: the root's
 * snapshot holds those of every widget below it. */
static void (*window_snapshot) (GtkWidget   *widget,
                                GtkSnapshot *snapshot);

static void
timed_snapshot (GtkWidget   *widget,
                GtkSnapshot *snapshot)
{
  Bench *bench = g_object_get_data (G_OBJECT (widget), "bench");
  gint64 began = g_get_monotonic_time ();

  window_snapshot (widget, snapshot);
  if (bench != NULL && bench->waiting)
    bench->snapshot_took = g_get_monotonic_time () - began;
}

static void
time_snapshots (Bench *bench)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (bench->window);

  g_object_set_data (G_OBJECT (bench->window), "bench", bench);
  window_snapshot = klass->snapshot;
  klass->snapshot = timed_snapshot;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->frame_began = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 t, now = g_get_monotonic_time ();

  if (!bench->waiting)
    return;
  bench->waiting = FALSE;
  CALLGRIND_TOGGLE_COLLECT;
  CALLGRIND_DUMP_STATS;
  t = now - bench->pressed;
  g_array_append_val (bench->frame, t);
  g_array_append_val (bench->snapshot, bench->snapshot_took);
  t = now - bench->frame_began - bench->snapshot_took;
  g_array_append_val (bench->render, t);
  t = g_array_index (bench->update, gint64, bench->update->len - 1) + bench->snapshot_took;
  g_array_append_val (bench->work, t);
  if (++bench->done == bench->runs)
    g_main_loop_quit (bench->loop);
  else
    g_timeout_add (20, press_next, bench);
}

static gboolean
press_next (gpointer data)
{
  Bench *bench = data;
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, bench->base + (bench->done % 2 == 0));
  gboolean handled = FALSE;
  NbChecker *checker = nb_window_get_checker (bench->window);
  gint64 t;
  guint errors;

  nb_table_view_begin_edit (bench->view, bench->row, bench->column, NULL);
  gtk_editable_set_text (nb_table_view_get_editor (bench->view), text);

  CALLGRIND_TOGGLE_COLLECT;
  bench->pressed = g_get_monotonic_time ();
  g_signal_emit_by_name (bench->keys, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
  t = g_get_monotonic_time () - bench->pressed;
  g_array_append_val (bench->update, t);

  /* What the press changed is there: a balance broken on odd runs. */
  errors = nb_checker_count (checker, NB_SEVERITY_ERROR, 3);
  if (!handled || (bench->done % 2 == 0) != (errors > 0))
    {
      g_printerr ("the key press did not update the findings\n");
      exit (1);
    }
  bench->snapshot_took = 0;
  bench->waiting = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
start_cb (gpointer data)
{
  press_next (data);
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  Bench bench = { 0 };
  const NbTableDef *def;
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(NbApplication) app = NULL;

  if (argc < 2)
    {
      g_printerr ("Usage: bench-keypress REPORT.nianbao [RUNS]\n");
      return 2;
    }
  bench.runs = argc > 2 ? MAX (atoi (argv[2]), 2) : 50;
  bench.update = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.frame = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.snapshot = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.render = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.work = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.loop = g_main_loop_new (NULL, FALSE);

  bench.window = bench_window_open (argv[1], &app);
  if (bench.window == NULL)
    return 1;
  time_snapshots (&bench);
  nb_window_show_section (bench.window, 3);
  nb_window_set_findings_visible (bench.window, TRUE);
  gtk_window_present (GTK_WINDOW (bench.window));

  bench.view = nb_window_get_table_view (bench.window, "s3_requests");
  def = nb_table_get_def (nb_table_view_get_table (bench.view));
  bench.row = nb_table_def_find_row (def, "new");
  bench.column = nb_table_def_find_column (def, "natural");
  bench.base = nb_table_get_number (nb_table_view_get_table (bench.view), bench.row, bench.column);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (bench.view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        bench.keys = GTK_EVENT_CONTROLLER (c);
    }

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "layout",
                    G_CALLBACK (before_paint_cb), &bench);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &bench);
  g_timeout_add (500, start_cb, &bench);
  g_main_loop_run (bench.loop);

  g_print ("key press (Enter in a cell of section 三) to findings, %d presses "
           "(renderer: %s, GDK_DEBUG=%s); goals: frame < 16 ms, work < 2 ms at the 95th percentile\n",
           bench.runs, G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench.window))),
           g_getenv ("GDK_DEBUG") ? g_getenv ("GDK_DEBUG") : "");
  print_times ("update", bench.update);
  print_times ("frame", bench.frame);
  print_times ("snapshot", bench.snapshot);
  print_times ("render", bench.render);
  print_times ("work", bench.work);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  return 0;
}
