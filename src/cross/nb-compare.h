/* nb-compare.h — two years of a report side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

typedef enum {
  NB_COMPARE_BOTH,        /* the cell is in both editions */
  NB_COMPARE_ONLY_LAST,   /* only last year's edition has the cell */
  NB_COMPARE_ONLY_THIS,   /* only this year's edition has it */
} NbComparePresence;

/* A big jump: the change is more than NB_COMPARE_JUMP_PERCENT of last
 * year's value and more than NB_COMPARE_JUMP_ABSOLUTE in the cell's own
 * unit (requests, decisions, documents, or 万元).  Both must hold, so a
 * small office going from 2 requests to 5 is not flagged, nor an office
 * going from 3000 to 3100; from 0 any change above the absolute limit is
 * a jump. */
#define NB_COMPARE_JUMP_PERCENT  50
#define NB_COMPARE_JUMP_ABSOLUTE 10

typedef struct {
  char              *address;       /* table.row.column */
  const NbTableDef  *def;           /* the table of the edition that has the cell (this year's when both) */
  guint              row, column;   /* in @def */
  NbComparePresence  presence;
  NbCellState        last_state, this_state;
  gint64             last_value, this_value;   /* in the cell's units; 0 unless a number */
  gboolean           has_change;    /* both are numbers */
  gint64             change;        /* this − last */
  gboolean           big_jump;
} NbComparedCell;

typedef struct {
  NbReport       *last;
  NbReport       *current;
  NbComparedCell *cells;
  guint           n_cells;
  guint           n_only_last, n_only_this, n_big_jumps;
  /* per NbTextSection: the share of this year's text repeating last year's, in percent */
  guint           repeated_percent[NB_N_TEXT_SECTIONS];
} NbComparison;

NbComparison *nb_compare_reports         (NbReport           *last,
                                          NbReport           *current);
void          nb_comparison_free         (NbComparison       *comparison);
char         *nb_compared_cell_label     (const NbComparedCell *cell);
char         *nb_comparison_to_json      (NbComparison       *comparison,
                                          gsize              *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbComparison, nb_comparison_free)

G_END_DECLS
