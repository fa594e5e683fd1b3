/* nb-table-private.h — direct reading of a table's cells, for the checker
 *
 * The checker reads every cell after every edit; going through the public
 * getters (a type check and a range check per cell) costs it most of its
 * time.  Internal to the core library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-table.h"

G_BEGIN_DECLS

typedef struct {
  gint64  number;
  guint8  state;        /* NbCellState */
  guint8  overridden;   /* total cells: a written value replaces the sum */
  guint8  not_imported; /* the importer could not place the published value */
  char   *marker;
  char   *note;
  char   *unit;
  char   *entry;        /* typed text the cell cannot hold, shown instead of the value */
} NbCell;

/* Row-major, n_rows × n_columns of the table's definition. */
const NbCell *_nb_table_get_cells     (NbTable      *self);

/* For the loader, which fills a table nobody watches yet: no signals, no
 * totals kept up to date until _nb_table_settle_totals(). */
void          _nb_table_load_cell     (NbTable      *self,
                                       guint         row,
                                       guint         column,
                                       const NbCell *cell);
void          _nb_table_settle_totals (NbTable      *self);

G_END_DECLS
