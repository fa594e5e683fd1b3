/* test-window-panel.c — the problems panel below the report: shown and
 * hidden, as tall as the user drags it and remembered, never under a
 * toast; under a display (Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-findings-panel.h"
#include "nb-window-private.h"
#include "test-util.h"
#include "test-window-util.h"

/* The settings as a new user has them: each test starts from there. */
static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "findings-visible");
  g_settings_reset (settings, "findings-height");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static GSettings *
fresh_settings (void)
{
  reset_settings ();
  return g_settings_new (APP_ID);
}

static NbWindow *
window_sized (NbReport *report,
              int       width,
              int       height)
{
  NbWindow *window = nb_window_new (NULL);

  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  nb_window_set_report (window, report, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 3);
  return window;
}

static int
panel_height (NbWindow *window)
{
  return gtk_widget_get_height (GTK_WIDGET (nb_window_get_findings_panel (window)));
}

static gboolean
panel_shown (NbWindow *window)
{
  GtkWidget *panel = GTK_WIDGET (nb_window_get_findings_panel (window));

  return gtk_widget_get_visible (panel) && gtk_widget_get_mapped (panel) && panel_height (window) > 0;
}

/* What the divider leaves the panel: its height, less the handle's. */
static void
assert_panel_about (NbWindow *window,
                    int       height)
{
  g_assert_true (panel_shown (window));
  g_assert_cmpint (panel_height (window), <=, height);
  g_assert_cmpint (panel_height (window), >=, height - 6);
}

/* A report with one error (no organ): the problems button counts it. */
static NbReport *
report_with_error (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);

  nb_report_set_organ (report, "");
  return report;
}

/* F8 (the action) shows and hides the panel; hidden, the header bar
 * still counts the errors; a new user's panel takes no more than a
 * quarter of a 1024×700 window. */
static void
test_show_and_hide (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(NbReport) report = report_with_error ();
  NbWindow *window = window_sized (report, 1024, 700);

  g_assert_false (nb_window_get_findings_visible (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (nb_window_get_findings_panel (window))));
  g_assert_cmpstr (nb_window_get_findings_text (window), ==, "1");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->findings_label)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-findings", NULL);
  wait_frames (window, 3);
  g_assert_true (nb_window_get_findings_visible (window));
  g_assert_true (g_settings_get_boolean (settings, "findings-visible"));
  g_assert_cmpint (nb_window_get_findings_height (window), ==, 160);
  assert_panel_about (window, 160);
  g_assert_cmpint (panel_height (window), <=, gtk_widget_get_height (GTK_WIDGET (window)) / 4);
  /* the rows are in the window, and the report keeps the rest */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window->toast_overlay)), >=,
                   gtk_widget_get_height (GTK_WIDGET (window)) / 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-findings", NULL);
  wait_frames (window, 2);
  g_assert_false (nb_window_get_findings_visible (window));
  g_assert_false (g_settings_get_boolean (settings, "findings-visible"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (nb_window_get_findings_panel (window))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (nb_findings_panel_get_list_view (nb_window_get_findings_panel (window)))));
  /* the error is not hidden: the header bar counts it */
  g_assert_cmpstr (nb_window_get_findings_text (window), ==, "1");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->findings_label)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->findings_button), "error"));

  /* shown again, as tall as before */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-findings", NULL);
  wait_frames (window, 3);
  assert_panel_about (window, 160);

  destroy_window (window);
}

/* The start view has no problems to show, whatever was remembered. */
static void
test_start_view_has_none (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(NbReport) report = report_with_error ();
  NbWindow *window;

  g_settings_set_boolean (settings, "findings-visible", TRUE);
  window = window_sized (NULL, 1024, 700);
  g_assert_true (nb_window_get_findings_visible (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (nb_window_get_findings_panel (window))));

  nb_window_set_report (window, report, NULL);
  wait_frames (window, 3);
  assert_panel_about (window, 160);
  nb_window_set_report (window, NULL, NULL);
  wait_frames (window, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (nb_window_get_findings_panel (window))));

  destroy_window (window);
}

/* The divider the user drags is remembered at once, not when the window
 * changes size, and the next window shows the panel as tall (and shown). */
static void
test_height_remembered (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(NbReport) report = report_with_error ();
  NbWindow *window = window_sized (report, 1024, 700);
  int position, tall;

  nb_window_set_findings_visible (window, TRUE);
  wait_frames (window, 3);
  assert_panel_about (window, 160);

  /* the user drags the divider 60 pixels up */
  position = gtk_paned_get_position (window->findings_paned);
  gtk_paned_set_position (window->findings_paned, position - 60);
  g_assert_cmpint (g_settings_get_int (settings, "findings-height"), ==, 220);
  g_assert_cmpint (nb_window_get_findings_height (window), ==, 220);
  wait_frames (window, 2);
  assert_panel_about (window, 220);

  /* a shorter window: the panel keeps its height, the report gives room */
  tall = gtk_widget_get_height (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  wait_frames (window, 4);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, tall - 100);
  assert_panel_about (window, 220);
  g_assert_cmpint (g_settings_get_int (settings, "findings-height"), ==, 220);
  destroy_window (window);

  /* the next window: shown, and as tall */
  window = window_sized (report, 1024, 700);
  g_assert_true (nb_window_get_findings_visible (window));
  assert_panel_about (window, 220);
  destroy_window (window);

  /* a panel remembered from a tall screen takes half a small window */
  g_settings_set_int (settings, "findings-height", 900);
  window = window_sized (report, 1024, 700);
  g_assert_cmpint (panel_height (window), <=,
                   gtk_widget_get_height (GTK_WIDGET (window->findings_paned)) / 2);
  g_assert_cmpint (panel_height (window), >=,
                   gtk_widget_get_height (GTK_WIDGET (window->findings_paned)) / 2 - 6);
  /* placing it so is not the user's choice: the setting stays */
  g_assert_cmpint (g_settings_get_int (settings, "findings-height"), ==, 900);
  destroy_window (window);
}

/* Toasts show over the report only: the toast overlay holds no problem,
 * and a toast is drawn above the panel's first row. */
static void
test_toast_above_findings (void)
{
  reset_settings ();
  g_autoptr(NbReport) report = report_with_error ();
  NbWindow *window = window_sized (report, 1024, 700);
  GtkWidget *list, *toast = NULL;
  graphene_rect_t toast_bounds, list_bounds;

  nb_window_set_findings_visible (window, TRUE);
  wait_frames (window, 3);
  list = GTK_WIDGET (nb_findings_panel_get_list_view (nb_window_get_findings_panel (window)));
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_false (gtk_widget_is_ancestor (list, GTK_WIDGET (window->toast_overlay)));
  g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (nb_window_get_findings_panel (window)),
                                          GTK_WIDGET (window->toast_overlay)));

  _nb_window_toast (window, "Saved");
  /* the toast slides in (a quarter of a second) */
  wait_frames (window, 40);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->toast_overlay));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_css_name (child), "toast"))
      toast = child;
  g_assert_nonnull (toast);
  g_assert_true (gtk_widget_compute_bounds (toast, GTK_WIDGET (window), &toast_bounds));
  g_assert_true (gtk_widget_compute_bounds (list, GTK_WIDGET (window), &list_bounds));
  g_assert_cmpfloat (toast_bounds.size.height, >, 0);
  g_assert_cmpfloat (toast_bounds.origin.y + toast_bounds.size.height, <=, list_bounds.origin.y);

  destroy_window (window);
}

/* F6 and F8 are the window's before a pane's: GtkPaned binds both
 * itself, and the focus is in a pane. */
static void
test_keys_before_the_panes (void)
{
  reset_settings ();
  NbWindow *window = window_sized (NULL, 1024, 700);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *keys = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          found += g_str_equal (keys, "F8") && g_str_equal (action, "action(win.show-findings)");
          found += g_str_equal (keys, "F6") && g_str_equal (action, "action(win.next-pane)");
          found += g_str_equal (keys, "<Shift>F6") && g_str_equal (action, "action(win.previous-pane)");
        }
    }
  g_assert_cmpuint (found, ==, 3);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/window-panel/show-and-hide", test_show_and_hide);
  g_test_add_func ("/window-panel/start-view-has-none", test_start_view_has_none);
  g_test_add_func ("/window-panel/height-remembered", test_height_remembered);
  g_test_add_func ("/window-panel/toast-above-findings", test_toast_above_findings);
  g_test_add_func ("/window-panel/keys-before-the-panes", test_keys_before_the_panes);

  return g_test_run ();
}
