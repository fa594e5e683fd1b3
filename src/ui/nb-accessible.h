/* nb-accessible.h — names for screen readers where GTK 4.8 gives none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       nb_accessible_name_from_child    (GtkWidget          *button);
void       nb_accessible_name_from_children (GtkWidget          *widget,
                                             GType               template_type,
                                             const char * const *ids);
void       nb_accessible_name_split_button  (AdwSplitButton     *button);
void       nb_accessible_name_responses     (AdwMessageDialog   *dialog);
GtkWidget *nb_accessible_find_part          (GtkWidget          *widget,
                                             GType               type);
void       nb_accessible_set_label          (GtkWidget          *widget,
                                             const char         *label);
void       nb_accessible_name_part          (GtkWidget          *widget,
                                             GType               template_type,
                                             const char         *id,
                                             GType               part_type,
                                             const char         *label);

G_END_DECLS
