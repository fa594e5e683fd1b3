/* nb-form-layout.h — the layout of an official form's grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NB_TYPE_FORM_LAYOUT (nb_form_layout_get_type ())
G_DECLARE_FINAL_TYPE (NbFormLayout, nb_form_layout, NB, FORM_LAYOUT, GtkLayoutManager)

void nb_form_layout_attach (NbFormLayout *self,
                            GtkWidget    *child,
                            int           row,
                            int           column,
                            int           row_span,
                            int           column_span);
guint nb_form_layout_get_serial (NbFormLayout *self);

G_END_DECLS
