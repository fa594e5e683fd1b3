/* test-window-cross.c — the window's cross-report actions, under a display
 * (Xvfb in CI): linking last year's report, the comparison view, 汇总
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "nb-aggregate.h"
#include "nb-comparison-window.h"
#include "nb-previous-link.h"
#include "nb-report-file.h"
#include "nb-window-private.h"
#include "test-util.h"
#include "test-window-util.h"

static char *
save_tmp (NbReport   *report,
          const char *dir,
          const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (nb_report_save_to_path (report, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Link last year's report: the carry-over finding appears, and the link
 * is saved with the report. */
static void
test_link_previous (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) last = test_clean_report (NB_EDITION_2021);
  g_autofree char *last_path = NULL, *this_path = NULL;
  g_autoptr(NbReport) saved = NULL;
  NbWindow *window;

  nb_report_set_year (last, 2023);
  test_set (last, "s3_requests.new.natural", 24);
  test_set (last, "s3_requests.carried_forward.natural", 3);
  last_path = save_tmp (last, dir, "last.nianbao");

  window = window_with (report);
  g_assert_cmpuint (test_count_rule (nb_window_get_checker (window), "X1"), ==, 0);
  g_assert_true (window_action_enabled (window, "win.link-previous"));
  g_assert_true (_nb_window_link_previous (window, last_path, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpuint (test_count_rule (nb_window_get_checker (window), "X1"), ==, 2);   /* 自然人 and 总计 */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->findings_panel)));

  this_path = g_build_filename (dir, "this.nianbao", NULL);
  g_assert_true (nb_window_save_to_path (window, this_path, NB_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  saved = nb_report_load_from_path (this_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_previous_link_get_path (nb_report_get_previous_link (saved)), ==, "last.nianbao");

  /* a file that is no report is refused, saying why */
  g_assert_false (_nb_window_link_previous (window, this_path + 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  destroy_window (window);
  g_remove (this_path);
  g_remove (last_path);
  g_rmdir (dir);
}

static void
test_comparison_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) last = test_clean_report (NB_EDITION_2019);
  g_autofree char *last_path = NULL;
  GListModel *model;
  GtkWidget *view;
  NbWindow *window;
  gboolean found = FALSE;

  nb_report_set_year (last, 2020);
  nb_report_set_year (report, 2021);
  test_set (last, "s2_licensing.licensing.decisions", 100);
  test_set (report, "s2_licensing.licensing.decisions", 151);
  last_path = save_tmp (last, dir, "last.nianbao");

  window = window_with (report);
  view = _nb_window_compare_with (window, last_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (view);
  spin ();
  g_assert_true (gtk_widget_get_visible (view));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (view)) == GTK_WINDOW (window));
  g_assert_true (NB_IS_COMPARISON_WINDOW (view));
  model = nb_comparison_window_get_model (NB_COMPARISON_WINDOW (view));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);
      g_autofree char *address = NULL;

      g_object_get (row, "address", &address, NULL);
      found |= g_strcmp0 (address, "s2_licensing.licensing.decisions") == 0;
    }
  g_assert_true (found);
  /* what the view shows: the change, the jump, and a row of one edition only */
  g_assert_true (shows_text (view, "+51"));
  g_assert_true (shows_text (view, "▲"));
  g_assert_true (shows_text (view, "第二十条第（五）项 行政许可 · 本年处理决定数量"));
  g_assert_true (shows_text (view, "第二十条第（一）项 规章 · 本年新制作数量"));

  gtk_window_destroy (GTK_WINDOW (view));
  destroy_window (window);
  g_remove (last_path);
  g_rmdir (dir);
}

static GtkWindow *
toplevel_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (g_strcmp0 (gtk_window_get_title (w), title) == 0)
        return w;
    }
  return NULL;
}

/* 汇总 over three files: the board, the summary opened unsaved. */
static void
test_aggregate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autofree char *paths[4] = { NULL };
  const char *organs[] = { "甲局", "乙局", "丙局" };
  GtkWindow *board = NULL;
  GListModel *units;
  NbWindow *window, *summary_window;
  NbReport *summary;
  gint64 deadline;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(NbReport) unit = test_clean_report (NB_EDITION_2021);
      g_autofree char *name = g_strdup_printf ("unit-%u.nianbao", i);

      nb_report_set_organ (unit, organs[i]);
      test_set (unit, "s2_fees.fees.amount", i == 0 ? 961716 * NB_AMOUNT_SCALE / 10 : i == 1 ? 4 * NB_AMOUNT_SCALE / 10 : 0);
      paths[i] = save_tmp (unit, dir, name);
    }

  window = window_with (report);
  _nb_window_aggregate_paths (window, (const char * const *) paths, FALSE);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((board = toplevel_titled ("Units' Reports")) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (board);
  spin ();

  units = g_object_get_data (G_OBJECT (board), "nb-units");
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 3);
  g_assert_true (shows_text (GTK_WIDGET (board), "乙局"));
  g_assert_true (shows_text (GTK_WIDGET (board), "2021"));
  summary_window = g_object_get_data (G_OBJECT (board), "nb-summary-window");
  g_assert_nonnull (summary_window);
  summary = nb_window_get_report (summary_window);
  g_assert_cmpint (test_get (summary, "s2_fees.fees.amount"), ==, 96172 * NB_AMOUNT_SCALE);   /* 96171.6 + 0.4 */
  g_assert_cmpint (test_get (summary, "s3_requests.new.natural"), ==, 66);
  g_assert_cmpuint (nb_report_get_units (summary)->len, ==, 3);
  g_assert_null (nb_window_get_path (summary_window));

  gtk_window_destroy (board);
  gtk_window_destroy (GTK_WINDOW (summary_window));
  destroy_window (window);
  for (guint i = 0; i < 3; i++)
    g_remove (paths[i]);
  g_rmdir (dir);
}

/* Units of different editions: refused, saying which; added up when asked. */
static void
test_aggregate_mixed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) a = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) b = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) old = test_clean_report (NB_EDITION_2019);
  g_autofree char *paths[4] = { NULL };
  GtkWindow *board = NULL, *second = NULL;
  GtkWidget *anyway;
  NbWindow *window, *summary_window;
  gint64 deadline;

  nb_report_set_organ (b, "乙局");
  nb_report_set_organ (old, "丙局");
  paths[0] = save_tmp (a, dir, "a.nianbao");
  paths[1] = save_tmp (b, dir, "b.nianbao");
  paths[2] = save_tmp (old, dir, "old.nianbao");

  window = window_with (report);
  _nb_window_aggregate_paths (window, (const char * const *) paths, FALSE);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((board = toplevel_titled ("Units' Reports")) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (board);
  spin ();
  g_assert_null (g_object_get_data (G_OBJECT (board), "nb-summary-window"));
  g_assert_true (shows_text (GTK_WIDGET (board), "2019 edition, year 2020; most units: 2021 edition, year 2024"));
  anyway = g_object_get_data (G_OBJECT (board), "nb-anyway");
  g_assert_nonnull (anyway);

  g_signal_emit_by_name (anyway, "clicked");
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((second = toplevel_titled ("Units' Reports")) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (second);
  spin ();
  summary_window = g_object_get_data (G_OBJECT (second), "nb-summary-window");
  g_assert_nonnull (summary_window);
  g_assert_cmpint (nb_report_get_edition (nb_window_get_report (summary_window)), ==, NB_EDITION_2021);
  g_assert_cmpuint (nb_report_get_units (nb_window_get_report (summary_window))->len, ==, 3);

  gtk_window_destroy (second);
  gtk_window_destroy (GTK_WINDOW (summary_window));
  destroy_window (window);
  for (guint i = 0; i < 3; i++)
    g_remove (paths[i]);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/window-cross/link-previous", test_link_previous);
  g_test_add_func ("/window-cross/comparison-view", test_comparison_view);
  g_test_add_func ("/window-cross/aggregate", test_aggregate);
  g_test_add_func ("/window-cross/aggregate-mixed", test_aggregate_mixed);
  return g_test_run ();
}
