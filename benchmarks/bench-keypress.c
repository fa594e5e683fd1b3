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
 *   paint   of that, the frame from the frame clock's layout signal as
 *           this bench receives it: snapshot and drawing.  GTK's own
 *           handler of that signal (styles, measuring, allocation) was
 *           connected first and has run by then, so the layout is not in
 *           it, nor is the idle in which GTK on X11 works out the
 *           window's size again after a resize is queued;
 *   work    update + paint: the application's own work but for those two.
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
  GArray         *update, *frame, *paint, *work;
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
  t = now - bench->frame_began;
  g_array_append_val (bench->paint, t);
  t += g_array_index (bench->update, gint64, bench->update->len - 1);
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
  bench.paint = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.work = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.loop = g_main_loop_new (NULL, FALSE);

  bench.window = bench_window_open (argv[1], &app);
  if (bench.window == NULL)
    return 1;
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
  print_times ("paint", bench.paint);
  print_times ("work", bench.work);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  return 0;
}
