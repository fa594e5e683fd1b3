/* nb-keyboard-actions.c — moving about the window by keyboard
 *
 * As in a spreadsheet and in GNOME apps: Ctrl+Page Down and Page Up go to
 * the next and previous section, F6 and Shift+F6 from the sidebar to the
 * section to the problems and round, Ctrl+G and Ctrl+Shift+G to the next
 * and previous problem (its cell focused).  Return on a section goes into
 * it (nb-window.c); Tab leaves a text section (nb-text-page.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-findings-panel.h"
#include "nb-window-private.h"

/* ---- sections ----------------------------------------------------------------- */

static void
step_section (NbWindow *self,
              int       step)
{
  for (int s = (int) nb_window_get_section (self) + step; s >= 0 && s <= NB_N_SECTIONS; s += step)
    if (nb_window_get_section_row (self, (guint) s) != NULL)
      {
        nb_window_show_section (self, (guint) s);
        _nb_window_focus_section (self, (guint) s);
        return;
      }
}

static void
next_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step_section (NB_WINDOW (widget), 1);
}

static void
previous_section_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  step_section (NB_WINDOW (widget), -1);
}

/* ---- panes -------------------------------------------------------------------- */

typedef enum {
  PANE_SIDEBAR,
  PANE_SECTION,
  PANE_FINDINGS,
  N_PANES
} Pane;

static GtkWidget *
pane_widget (NbWindow *self,
             Pane      pane)
{
  switch (pane)
    {
    case PANE_SIDEBAR: return GTK_WIDGET (self->sidebar);
    case PANE_SECTION: return GTK_WIDGET (self->section_stack);
    default:
      return gtk_widget_get_visible (GTK_WIDGET (self->findings_panel))
             ? GTK_WIDGET (self->findings_panel) : NULL;
    }
}

static Pane
focused_pane (NbWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (Pane pane = 0; pane < N_PANES && focus != NULL; pane++)
    {
      GtkWidget *widget = pane_widget (self, pane);

      if (widget != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
        return pane;
    }
  return PANE_SECTION;
}

/* Whether the pane took the focus: an empty problems list takes none. */
static gboolean
focus_pane (NbWindow *self,
            Pane      pane)
{
  GtkListBoxRow *row;

  switch (pane)
    {
    case PANE_SIDEBAR:
      row = gtk_list_box_get_selected_row (self->sidebar);
      return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
    case PANE_SECTION:
      return _nb_window_focus_section (self, nb_window_get_section (self));
    default:
      {
        GtkListView *list = nb_findings_panel_get_list_view (self->findings_panel);
        GListModel *items = G_LIST_MODEL (gtk_list_view_get_model (list));

        return items != NULL && g_list_model_get_n_items (items) > 0 &&
               gtk_widget_grab_focus (GTK_WIDGET (list));
      }
    }
}

/* The next pane, @step on, that takes the focus. */
static void
step_pane (NbWindow *self,
           int       step)
{
  Pane pane = focused_pane (self);

  if (self->report == NULL)
    return;
  for (guint tries = 1; tries < N_PANES; tries++)
    {
      pane = (Pane) ((pane + N_PANES + step) % N_PANES);
      if (pane_widget (self, pane) != NULL && focus_pane (self, pane))
        return;
    }
}

static void
next_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_pane (NB_WINDOW (widget), 1);
}

static void
previous_pane_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_pane (NB_WINDOW (widget), -1);
}

/* ---- problems ----------------------------------------------------------------- */

/* Goes @step problems on from the last one gone to, round the list; the
 * problems panel shows, and the problem's cell or text has the focus. */
static void
step_finding (NbWindow *self,
              int       step)
{
  NbChecker *checker = nb_window_get_checker (self);
  GListModel *findings = checker != NULL ? nb_checker_get_findings (checker) : NULL;
  guint n = findings != NULL ? g_list_model_get_n_items (findings) : 0;
  g_autoptr(NbFinding) finding = NULL;

  if (n == 0)
    {
      _nb_window_toast (self, _("No problems found"));
      return;
    }
  if (self->finding_cursor < 0 || (guint) self->finding_cursor >= n)
    self->finding_cursor = step > 0 ? -1 : (int) n;
  self->finding_cursor = ((self->finding_cursor + step) % (int) n + (int) n) % (int) n;
  finding = g_list_model_get_item (findings, (guint) self->finding_cursor);
  nb_window_set_findings_visible (self, TRUE);
  nb_window_goto_finding (self, finding);
}

static void
next_finding_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step_finding (NB_WINDOW (widget), 1);
}

static void
previous_finding_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  step_finding (NB_WINDOW (widget), -1);
}

/* The keys that move between sections, panes and problems.  They are
 * taken in the capture phase, before the focused widget: scrolled
 * windows and lists bind Ctrl+Page Up/Down themselves (to scroll
 * sideways, to move their cursor), and GtkPaned binds F6 (focus to its
 * other side) and F8 (focus to its handle); the sections, the report and
 * its problems are in panes, so those would never reach the window. */
static const struct {
  const char                  *name;
  GtkWidgetActionActivateFunc  activate;
  guint                        key;
  GdkModifierType              modifiers;
} keyboard_actions[] = {
  { "win.next-section", next_section_action, GDK_KEY_Page_Down, GDK_CONTROL_MASK },
  { "win.previous-section", previous_section_action, GDK_KEY_Page_Up, GDK_CONTROL_MASK },
  { "win.next-pane", next_pane_action, GDK_KEY_F6, 0 },
  { "win.previous-pane", previous_pane_action, GDK_KEY_F6, GDK_SHIFT_MASK },
  { "win.next-finding", next_finding_action, GDK_KEY_g, GDK_CONTROL_MASK },
  { "win.previous-finding", previous_finding_action, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
};

void
_nb_window_class_keyboard_actions_init (NbWindowClass *klass)
{
  for (guint i = 0; i < G_N_ELEMENTS (keyboard_actions); i++)
    gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), keyboard_actions[i].name, NULL,
                                     keyboard_actions[i].activate);
}

/* → on a section goes into it, as Return does: the sections are a
 * column beside the content, and the arrow points there. */
static gboolean
sidebar_key_pressed_cb (GtkEventControllerKey *keys,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        NbWindow              *self)
{
  GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->sidebar));

  if ((keyval != GDK_KEY_Right && keyval != GDK_KEY_KP_Right) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 || row == NULL)
    return FALSE;
  return gtk_widget_activate (row);
}

void
_nb_window_keyboard_shortcuts_init (NbWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkEventController *sidebar_keys = gtk_event_controller_key_new ();

  g_signal_connect_object (sidebar_keys, "key-pressed", G_CALLBACK (sidebar_key_pressed_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), sidebar_keys);

  gtk_event_controller_set_name (controller, "nb-window-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F8, 0),
                                                          gtk_named_action_new ("win.show-findings")));
  for (guint i = 0; i < G_N_ELEMENTS (keyboard_actions); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keyboard_actions[i].key,
                                                                                    keyboard_actions[i].modifiers),
                                                            gtk_named_action_new (keyboard_actions[i].name)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

