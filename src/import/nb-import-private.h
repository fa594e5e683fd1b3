/* nb-import-private.h — the importer's intermediate form
 *
 * Every input is first turned into lines; a line holds one or more cells.
 * A row line (a table row, a `|` row, a line of columns separated by runs
 * of spaces) keeps its cells together; a plain line is one cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char    *text;       /* as published, trimmed */
  char    *norm;       /* normalised for matching labels (spec §11.2) */
  guint    line;       /* index of its line */
} NbImportCell;

typedef struct {
  char    *text;       /* the line's text, for the text sections */
  guint    first_cell;
  guint    n_cells;
  guint    indent;     /* leading spaces (PDF text: a paragraph starts indented) */
  gboolean is_row;     /* cells of a table row: its numbers form one group */
} NbImportLine;

typedef struct {
  GArray  *lines;      /* NbImportLine */
  GArray  *cells;      /* NbImportCell */
  GString *cell;       /* the HTML cell being read, or NULL */
  GPtrArray *row;      /* the cells of the HTML row being read, or NULL */
  GString *text;       /* the HTML text line being read */
  gboolean continued;  /* the HTML cell being read follows a paragraph of the same cell */
} NbImportDoc;

NbImportDoc *nb_import_doc_new       (void);
void         nb_import_doc_free      (NbImportDoc  *doc);
void         nb_import_doc_add_line  (NbImportDoc  *doc,
                                      const char   *text,
                                      guint         indent,
                                      gboolean      is_row,
                                      char        **cells,
                                      guint         n_cells);
char        *nb_import_normalize     (const char   *text);
void         nb_import_parse_html    (NbImportDoc  *doc,
                                      const char   *html,
                                      gsize         length);
gboolean     nb_import_looks_like_html (const char *data,
                                        gsize       length);
char        *nb_import_to_simplified (const char   *text,
                                      guint        *n_converted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbImportDoc, nb_import_doc_free)

G_END_DECLS
