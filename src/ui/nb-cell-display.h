/* nb-cell-display.h — what a number cell shows, as plain data
 *
 * Computed from the model and the findings by a pure function, then
 * applied to the widgets by NbTableView; GTK-free, so that it is tested
 * without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-finding.h"
#include "nb-table.h"

G_BEGIN_DECLS

typedef enum {
  NB_CELL_LOOK_NONE = -1,
  NB_CELL_LOOK_ERROR = NB_SEVERITY_ERROR,
  NB_CELL_LOOK_WARNING = NB_SEVERITY_WARNING,
  NB_CELL_LOOK_INFO = NB_SEVERITY_INFO,
} NbCellLook;

typedef struct {
  char       *text;              /* the number, marker, or typed text that failed */
  gboolean    empty;             /* nothing written: shown as a faint dash */
  gboolean    is_total;          /* tinted, Σ in the tooltip */
  gboolean    overridden;        /* a total typed over: a pin, beside any icon */
  gboolean    invalid;           /* @text is the cell's entry, typed and not taken */
  gboolean    not_imported;      /* the import could not place it: hatched, “未导入” when empty */
  gboolean    has_note;
  NbCellLook  look;              /* the worst finding on the cell */
  const char *icon_name;         /* NULL, or the icon of its finding (or of its note) */
  char       *tooltip;           /* plain text */
  char       *accessible_label;  /* row and column labels */
} NbCellDisplay;

void      nb_cell_display_compute  (NbCellDisplay *display,
                                    NbTable       *table,
                                    guint          row,
                                    guint          column,
                                    GListModel    *findings);
gboolean  nb_cell_display_equal    (const NbCellDisplay *a,
                                    const NbCellDisplay *b);
void      nb_cell_display_clear    (NbCellDisplay *display);
char     *nb_cell_accessible_label (const NbTableDef *def,
                                    guint             row,
                                    guint             column);

G_END_DECLS
