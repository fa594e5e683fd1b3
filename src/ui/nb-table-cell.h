/* nb-table-cell.h — one number cell of a table grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-cell-display.h"

G_BEGIN_DECLS

#define NB_TYPE_TABLE_CELL (nb_table_cell_get_type ())

G_DECLARE_FINAL_TYPE (NbTableCell, nb_table_cell, NB, TABLE_CELL, GtkWidget)

GtkWidget           *nb_table_cell_new          (guint                row,
                                                 guint                column,
                                                 guint                n_rows,
                                                 guint                n_columns);
guint                nb_table_cell_get_row      (NbTableCell         *self);
const char          *nb_table_cell_get_position (NbTableCell         *self);
guint                nb_table_cell_get_column   (NbTableCell         *self);
void                 nb_table_cell_apply        (NbTableCell         *self,
                                                 const NbCellDisplay *display);
const NbCellDisplay *nb_table_cell_get_display  (NbTableCell         *self);
const char          *nb_table_cell_get_text     (NbTableCell         *self);
void                 nb_table_cell_set_editor   (NbTableCell         *self,
                                                 GtkWidget           *editor);
const char          *nb_table_cell_spoken_value (const NbCellDisplay *display);

G_END_DECLS
