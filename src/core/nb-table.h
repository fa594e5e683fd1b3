/* nb-table.h — one statistical table of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-edition.h"

G_BEGIN_DECLS

typedef enum {
  NB_CELL_EMPTY,    /* nothing written (not the same as 0) */
  NB_CELL_NUMBER,
  NB_CELL_MARKER,   /* a non-number written in the cell, such as “/” or “-” */
} NbCellState;

#define NB_TYPE_TABLE (nb_table_get_type ())

G_DECLARE_FINAL_TYPE (NbTable, nb_table, NB, TABLE, GObject)

NbTable          *nb_table_new               (const NbTableDef  *def);
const NbTableDef *nb_table_get_def           (NbTable           *self);
NbCellKind        nb_table_get_kind          (NbTable           *self,
                                              guint              column);

NbCellState       nb_table_get_state         (NbTable           *self,
                                              guint              row,
                                              guint              column);
gint64            nb_table_get_number        (NbTable           *self,
                                              guint              row,
                                              guint              column);
const char       *nb_table_get_marker        (NbTable           *self,
                                              guint              row,
                                              guint              column);
const char       *nb_table_get_note          (NbTable           *self,
                                              guint              row,
                                              guint              column);
const char       *nb_table_get_entry         (NbTable           *self,
                                              guint              row,
                                              guint              column);
const char       *nb_table_get_unit          (NbTable           *self,
                                              guint              row,
                                              guint              column);
gboolean          nb_table_is_total          (NbTable           *self,
                                              guint              row,
                                              guint              column);
gboolean          nb_table_is_overridden     (NbTable           *self,
                                              guint              row,
                                              guint              column);
gboolean          nb_table_is_not_imported   (NbTable           *self,
                                              guint              row,
                                              guint              column);
guint             nb_table_count_not_imported (NbTable          *self);
gboolean          nb_table_sum_parts         (NbTable           *self,
                                              guint              row,
                                              guint              column,
                                              gint64            *sum);
char             *nb_table_format_cell       (NbTable           *self,
                                              guint              row,
                                              guint              column);

gboolean          nb_table_set_number        (NbTable           *self,
                                              guint              row,
                                              guint              column,
                                              gint64             number,
                                              GError           **error);
gboolean          nb_table_set_text          (NbTable           *self,
                                              guint              row,
                                              guint              column,
                                              const char        *text,
                                              GError           **error);
void              nb_table_set_marker        (NbTable           *self,
                                              guint              row,
                                              guint              column,
                                              const char        *marker);
void              nb_table_clear             (NbTable           *self,
                                              guint              row,
                                              guint              column);
void              nb_table_set_entry         (NbTable           *self,
                                              guint              row,
                                              guint              column,
                                              const char        *entry);
void              nb_table_mark_not_imported (NbTable           *self);
void              nb_table_mark_cell_not_imported (NbTable      *self,
                                                   guint         row,
                                                   guint         column);
gboolean          nb_table_has_entries       (NbTable           *self);
void              nb_table_set_note          (NbTable           *self,
                                              guint              row,
                                              guint              column,
                                              const char        *note);
void              nb_table_set_unit          (NbTable           *self,
                                              guint              row,
                                              guint              column,
                                              const char        *unit);
void              nb_table_restore_total     (NbTable           *self,
                                              guint              row,
                                              guint              column);
guint             nb_table_restore_totals    (NbTable           *self);
void              nb_table_drop_equal_overrides (NbTable        *self);
gboolean          nb_table_is_blank          (NbTable           *self);
void              nb_table_copy_from         (NbTable           *self,
                                              NbTable           *source);
char             *nb_table_cell_address      (NbTable           *self,
                                              guint              row,
                                              guint              column);
gboolean          nb_table_parse_address     (const char        *address,
                                              char             **table_key,
                                              char             **row_key,
                                              char             **column_key);

G_END_DECLS
