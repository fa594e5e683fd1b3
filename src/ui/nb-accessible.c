/* nb-accessible.c — names for screen readers where GTK 4.8 gives none
 *
 * GTK 4.8 names a widget by its label property followed by the names of
 * the widgets it is labelled by.  A button with a mnemonic gets both its
 * label with the underline and its label child (“_Save Save”); a widget
 * with neither is named by its GTK type (“GtkMenuButton”).  These helpers
 * mend the names of the widgets the window and its dialogs are made of,
 * including the parts libadwaita builds inside its own widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-accessible"

#include "config.h"

#include "nb-accessible.h"

/**
 * nb_accessible_name_from_child:
 * Leaves the name of a button with a mnemonic (use-underline) to the
 * label it shows, which GTK 4.8 labels the button by: drops the label
 * property that it also sets to the text as typed (“_Save”).  Later GTK
 * names the button by that label child alone anyway.
 */
void
nb_accessible_name_from_child (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_WIDGET (button));

  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * nb_accessible_name_from_children:
 * @ids: %NULL-terminated: the ids of text buttons in the template of
 *   @template_type that @widget was built from, bound with
 *   gtk_widget_class_bind_template_child_full ()
 *
 * nb_accessible_name_from_child() for each of those buttons.
 */
void
nb_accessible_name_from_children (GtkWidget          *widget,
                                  GType               template_type,
                                  const char * const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    nb_accessible_name_from_child (GTK_WIDGET (gtk_widget_get_template_child (widget, template_type, ids[i])));
}

/**
 * nb_accessible_name_split_button:
 * Names the two buttons inside an #AdwSplitButton: the main one by its
 * label, the arrow by the dropdown's tooltip.
 */
void
nb_accessible_name_split_button (AdwSplitButton *button)
{
  g_return_if_fail (ADW_IS_SPLIT_BUTTON (button));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      nb_accessible_set_label (child, adw_split_button_get_dropdown_tooltip (button));
    else if (GTK_IS_BUTTON (child))
      nb_accessible_name_from_child (child);
}

/**
 * nb_accessible_find_part:
 * Returns: (transfer none) (nullable): the first widget of @type inside
 *   @widget, depth first: a part a libadwaita widget made for itself (the
 *   list of an #AdwPreferencesGroup, the scroller of an #AdwStatusPage)
 */
GtkWidget *
nb_accessible_find_part (GtkWidget *widget,
                         GType      type)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = g_type_is_a (G_OBJECT_TYPE (child), type)
                         ? child : nb_accessible_find_part (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * nb_accessible_name_part:
 * @id: a libadwaita widget in the template of @template_type that @widget
 *   was built from, bound with gtk_widget_class_bind_template_child_full ()
 *
 * Names the first part of @part_type inside it (see
 * nb_accessible_find_part()): a preferences group's list, a combo row's
 * list, a preferences page's scroller.
 */
void
nb_accessible_name_part (GtkWidget  *widget,
                         GType       template_type,
                         const char *id,
                         GType       part_type,
                         const char *label)
{
  GtkWidget *holder = GTK_WIDGET (gtk_widget_get_template_child (widget, template_type, id));

  nb_accessible_set_label (nb_accessible_find_part (holder, part_type), label);
}

/**
 * nb_accessible_set_label:
 * @widget: (nullable): does nothing when %NULL (a part not found)
 */
void
nb_accessible_set_label (GtkWidget  *widget,
                         const char *label)
{
  if (widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
name_buttons_from_children (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)))
        nb_accessible_name_from_child (child);
      name_buttons_from_children (child);
    }
}

/**
 * nb_accessible_name_responses:
 * nb_accessible_name_from_child() for the response buttons of an
 * #AdwMessageDialog (libadwaita 1.2 builds two of each, for its wide and
 * its narrow layout), once its responses are added.
 */
void
nb_accessible_name_responses (AdwMessageDialog *dialog)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  name_buttons_from_children (GTK_WIDGET (dialog));
}
