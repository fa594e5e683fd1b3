/* nb-section-row.c — a row of the section sidebar
 *
 * The official heading, whole (on two lines in the narrow sidebar of a
 * small screen) and in its tooltip, and the section's state (described in the tooltip of its badge or icon): a pill counting errors (red) or warnings
 * (amber) with an icon, a check mark when complete, a hollow circle when
 * nothing is written yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-section-row"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-section-row.h"
#include "nb-ui-resources.h"

struct _NbSectionRow
{
  GtkListBoxRow  parent_instance;

  guint          section;
  int            n_errors, n_warnings, started;   /* as shown; -1 before the first */
  GtkLabel      *title;
  GtkWidget     *badge;
  GtkImage      *badge_icon;
  GtkLabel      *badge_label;
  GtkImage      *state_icon;
  char          *description;   /* of the state: "2 errors", "Complete"… */
};

G_DEFINE_FINAL_TYPE (NbSectionRow, nb_section_row, GTK_TYPE_LIST_BOX_ROW)

static void
nb_section_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NB_TYPE_SECTION_ROW);
  G_OBJECT_CLASS (nb_section_row_parent_class)->dispose (object);
}

static void
nb_section_row_finalize (GObject *object)
{
  g_free (NB_SECTION_ROW (object)->description);
  G_OBJECT_CLASS (nb_section_row_parent_class)->finalize (object);
}

static gboolean
points_at (GtkWidget *picked,
           GtkWidget *widget)
{
  return picked != NULL && (picked == widget || gtk_widget_is_ancestor (picked, widget));
}

/* Asked for, not set: setting a tooltip looks up the pointer (round
 * trips to an X server), and the state changes with every edit. */
static gboolean
nb_section_row_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  NbSectionRow *self = NB_SECTION_ROW (widget);
  const char *title = gtk_label_get_text (self->title);
  GtkWidget *picked = keyboard_mode ? NULL : gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);

  if (keyboard_mode)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", title, self->description);
      gtk_tooltip_set_text (tooltip, text);
    }
  else if (points_at (picked, self->badge) || points_at (picked, GTK_WIDGET (self->state_icon)))
    gtk_tooltip_set_text (tooltip, self->description);
  else
    gtk_tooltip_set_text (tooltip, title);
  return TRUE;
}

static void
nb_section_row_class_init (NbSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_section_row_dispose;
  object_class->finalize = nb_section_row_finalize;
  widget_class->query_tooltip = nb_section_row_query_tooltip;

  nb_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-section-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NbSectionRow, title);
  gtk_widget_class_bind_template_child (widget_class, NbSectionRow, badge);
  gtk_widget_class_bind_template_child (widget_class, NbSectionRow, badge_icon);
  gtk_widget_class_bind_template_child (widget_class, NbSectionRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, NbSectionRow, state_icon);
}

static void
nb_section_row_init (NbSectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  self->n_errors = self->n_warnings = self->started = -1;
}

/**
 * nb_section_row_new:
 * @section: 0 for the basic information, 1–6 for the official sections
 */
GtkWidget *
nb_section_row_new (guint       section,
                    const char *title)
{
  NbSectionRow *self = g_object_new (NB_TYPE_SECTION_ROW, NULL);

  self->section = section;
  gtk_label_set_text (self->title, title);
  nb_section_row_set_state (self, 0, 0, FALSE);
  return GTK_WIDGET (self);
}

guint
nb_section_row_get_section (NbSectionRow *self)
{
  g_return_val_if_fail (NB_IS_SECTION_ROW (self), 0);
  return self->section;
}

/**
 * nb_section_row_get_badge:
 * Returns: the count the badge shows, or "" when it is hidden
 */
const char *
nb_section_row_get_badge (NbSectionRow *self)
{
  g_return_val_if_fail (NB_IS_SECTION_ROW (self), NULL);
  return gtk_widget_get_visible (self->badge) ? gtk_label_get_text (self->badge_label) : "";
}

void
nb_section_row_set_state (NbSectionRow *self,
                          guint         n_errors,
                          guint         n_warnings,
                          gboolean      started)
{
  g_autofree char *count = NULL;
  char *description;
  const char *title;

  g_return_if_fail (NB_IS_SECTION_ROW (self));

  if (self->n_errors == (int) n_errors && self->n_warnings == (int) n_warnings &&
      self->started == (started != FALSE))
    return;
  self->n_errors = n_errors;
  self->n_warnings = n_warnings;
  self->started = started != FALSE;

  title = gtk_label_get_text (self->title);
  gtk_widget_remove_css_class (self->badge, "error");
  gtk_widget_remove_css_class (self->badge, "warning");

  if (n_errors > 0 || n_warnings > 0)
    {
      gboolean errors = n_errors > 0;

      count = g_strdup_printf ("%u", errors ? n_errors : n_warnings);
      gtk_label_set_text (self->badge_label, count);
      gtk_image_set_from_icon_name (self->badge_icon,
                                    errors ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_widget_add_css_class (self->badge, errors ? "error" : "warning");
      gtk_widget_set_visible (self->badge, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->state_icon), FALSE);
      if (errors)
        description = g_strdup_printf (g_dngettext (NULL, "%u error", "%u errors", n_errors), n_errors);
      else
        description = g_strdup_printf (g_dngettext (NULL, "%u warning", "%u warnings", n_warnings),
                                       n_warnings);
    }
  else
    {
      gtk_widget_set_visible (self->badge, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->state_icon), TRUE);
      gtk_image_set_from_icon_name (self->state_icon,
                                    started ? "object-select-symbolic" : "radio-symbolic");
      if (started)
        gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "dim-label");
      description = g_strdup (started ? _("Complete") : _("Not started"));
    }

  g_free (self->description);
  self->description = description;
  {
    g_autofree char *label = g_strdup_printf ("%s, %s", title, description);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
}
