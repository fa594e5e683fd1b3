/* nb-section-row.h — a row of the section sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NB_TYPE_SECTION_ROW (nb_section_row_get_type ())

G_DECLARE_FINAL_TYPE (NbSectionRow, nb_section_row, NB, SECTION_ROW, GtkListBoxRow)

GtkWidget  *nb_section_row_new         (guint         section,
                                        const char   *title);
guint       nb_section_row_get_section (NbSectionRow *self);
void        nb_section_row_set_state   (NbSectionRow *self,
                                        guint         n_errors,
                                        guint         n_warnings,
                                        gboolean      started);
const char *nb_section_row_get_badge   (NbSectionRow *self);

G_END_DECLS
