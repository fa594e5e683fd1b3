/* nb-edition.h — the two official report formats, as data
 *
 * Every label, header cell, row, column and total of both editions is
 * defined once here and read by the model, the checker, the importer,
 * the renderer and the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-types.h"

G_BEGIN_DECLS

/* What a number cell may hold. */
typedef enum {
  NB_CELL_KIND_COUNT,    /* whole number >= 0 */
  NB_CELL_KIND_SIGNED,   /* signed whole number (2019: 本年增/减) */
  NB_CELL_KIND_AMOUNT,   /* decimal >= 0, up to NB_AMOUNT_DECIMALS places */
} NbCellKind;

/* A header cell, placed on the table's grid (label columns included).
 * @word_chars: when not 0, its text is words of so many characters, and
 *   a narrow column breaks its lines only between them (商业/企业, never
 *   商业企/业). */
typedef struct {
  guint8 row, column, row_span, column_span;
  const char *text;
  guint8 word_chars;
} NbHeaderCell;

typedef struct {
  const char *key;
  const char *label;        /* header text, as printed */
  const char *full_label;   /* label with its header groups, for messages */
  NbCellKind  kind;
  guint8      n_parts;      /* > 0: a total of the n_parts columns before it */
} NbColumnDef;

/* A data row.  Labels sit in up to three label columns: a row with no
 * @group spans all of them; with a @group but no @subgroup its label
 * spans all but the first.  Consecutive rows sharing a group (by
 * pointer) are drawn as one merged cell. */
typedef struct {
  const char *key;
  const char *group;
  const char *subgroup;
  const char *label;
  const char *short_name;   /* how messages name the row, e.g. 第一项 */
  guint8      n_parts;      /* > 0: a total of the n_parts rows before it */
} NbRowDef;

typedef struct {
  const char         *key;
  guint               section;        /* 2, 3 or 4 */
  const char         *caption;        /* 第二十条第（一）项, or NULL */
  guint               n_label_columns;
  guint               n_header_rows;
  const NbHeaderCell *header;
  guint               n_header_cells;
  const NbRowDef     *rows;
  guint               n_rows;
  const NbColumnDef  *columns;
  guint               n_columns;
} NbTableDef;

typedef struct {
  NbEdition          edition;
  const char        *key;             /* "2019" or "2021" */
  const char        *document;        /* 国办公开办函〔2021〕30号 */
  const NbTableDef  *tables;
  guint              n_tables;
} NbEditionDef;

#define NB_AMOUNT_DECIMALS 6
#define NB_AMOUNT_SCALE    G_GINT64_CONSTANT (1000000)
#define NB_N_SECTIONS      6

const NbEditionDef *nb_edition_get              (NbEdition            edition);
gboolean            nb_edition_from_key         (const char          *key,
                                                 NbEdition           *edition);
NbEdition           nb_edition_for_year         (int                  year);
const NbTableDef   *nb_edition_find_table       (const NbEditionDef  *def,
                                                 const char          *table_key);
int                 nb_table_def_find_row       (const NbTableDef    *def,
                                                 const char          *row_key);
int                 nb_table_def_find_column    (const NbTableDef    *def,
                                                 const char          *column_key);
gboolean            nb_table_def_is_total       (const NbTableDef    *def,
                                                 guint                row,
                                                 guint                column);
gboolean            nb_table_def_same_label     (const NbTableDef    *def,
                                                 guint                level,
                                                 guint                a,
                                                 guint                b);
guint               nb_table_def_label_rows     (const NbTableDef    *def,
                                                 guint                level,
                                                 guint                row);
char               *nb_table_def_row_name       (const NbTableDef    *def,
                                                 guint                row);
char               *nb_table_def_cell_label     (const NbTableDef    *def,
                                                 guint                row,
                                                 guint                column);
const char         *nb_section_heading          (guint                section);
const char         *nb_text_section_key         (NbTextSection        section);
gboolean            nb_text_section_from_key    (const char          *key,
                                                 NbTextSection       *section);
guint               nb_text_section_number      (NbTextSection        section);
gboolean            nb_section_is_text          (guint                section);

G_END_DECLS
