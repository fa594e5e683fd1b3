/* test-window-util.c — driving the window in tests (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "test-util.h"
#include "test-window-util.h"

/* Before the tests of a window: English messages, settings in memory, the
 * test accessibility backend (labels are checked, no bus is needed), a
 * home of its own, then GTK and libadwaita. */
void
window_test_init (int    *argc,
                  char ***argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_isolate_home ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* Returns: (transfer container): the message dialogs @window put up */
GList *
dialogs_of (NbWindow *window)
{
  GList *found = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        found = g_list_prepend (found, w);
    }
  return found;
}

/* Presses @keyval in @view as its key controllers see it; returns whether
 * one handled it. */
gboolean
send_key (NbTableView     *view,
          guint            keyval,
          GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  spin ();
  return handled;
}

/* Lets GTK do what is pending: layout, drawing, idle handlers. */
void
spin (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Lets @window draw @frames more frames (layout happens in a frame, and
 * the panel is placed in the frame after the window first knows its
 * height); at most a few seconds. */
void
wait_frames (NbWindow *window,
             int       frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 until = gdk_frame_clock_get_frame_counter (clock) + frames;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (gdk_frame_clock_get_frame_counter (clock) < until && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  spin ();
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock), >=, until);
}

/**
 * window_with:
 * Returns: (transfer full): a window showing @report (or the start view)
 */
NbWindow *
window_with (NbReport *report)
{
  NbWindow *window = nb_window_new (NULL);

  g_object_ref_sink (window);
  nb_window_set_report (window, report, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  return window;
}

/* Whether @action (“win.save”) of @window is enabled, as a button bound to
 * it sees it: the window's actions are class actions, in no GActionMap. */
gboolean
window_action_enabled (NbWindow   *window,
                       const char *action)
{
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_parent (button, GTK_WIDGET (window));
  enabled = gtk_widget_get_sensitive (button);
  gtk_widget_unparent (button);
  return enabled;
}

/* Closes @window and checks nothing keeps it alive. */
void
destroy_window (NbWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

/* Whether a label under @widget shows @text. */
gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* The button under @widget labelled @label (with its mnemonic underscore). */
static GtkWidget *
button_labelled (GtkWidget  *widget,
                 const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Answers @dialog as a click on its @response button does: the dialog's own
 * handler emits the response and closes it. */
void
click_response (AdwMessageDialog *dialog,
                const char       *response)
{
  GtkWidget *button = button_labelled (GTK_WIDGET (dialog),
                                       adw_message_dialog_get_response_label (dialog, response));

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin ();
}
