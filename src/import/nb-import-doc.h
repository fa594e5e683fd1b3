/* nb-import-doc.h — a published report read into positioned text
 *
 * The first stage of the import: every source (text, HTML, PDF) is read
 * into lines; a line holds one or more cells.  A row line (a table row, a
 * `|` row, a line of columns apart by runs of spaces, a line of a PDF
 * page with gaps between its words) keeps its cells together; a plain
 * line is one cell.  Each line remembers where it was in the source (its
 * page and line), so that whatever is not placed can be pointed at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "nb-text.h"

G_BEGIN_DECLS

typedef struct {
  char    *text;       /* as published, trimmed */
  char    *norm;       /* normalised for matching labels (spec §11.2) */
  guint    line;       /* index of its line */
  double   x_start;    /* PDF: left and right edge on the page, in points; */
  double   x_end;      /* else both 0 */
  double   y_start;    /* PDF: top and bottom edge (from the page's top); */
  double   y_end;      /* else both 0 */
  gboolean cut_off;    /* PDF: printed past the page's edge, so part of it may not be there */
} NbImportCell;

typedef struct {
  char    *text;       /* the line's text, for the text sections */
  guint    first_cell;
  guint    n_cells;
  guint    indent;     /* leading spaces (PDF text: a paragraph starts indented) */
  gboolean is_row;     /* cells of a table row: its numbers form one group */
  guint    page;       /* 1-based page of a PDF, else 0 */
  guint    source_line; /* 1-based line in the source text or on the page */
  guint    source_char; /* 1-based character in that line, for a piece of a
                         * flattened line; else 0 */
  gboolean flattened;  /* a piece of a flattened line (a crawler's page text) */
  gboolean blank_line; /* an empty cell that a blank line of Lynx's stands for */
} NbImportLine;

/* A page of a PDF as shown, and how its text is turned on it: a table
 * set sideways to fit the page runs downwards (1 quarter turn clockwise)
 * or upwards (3).  The readers turn such a page's text upright; the
 * places of its cells are on the upright page. */
typedef struct {
  guint  turns;          /* quarter turns clockwise of the text on the page */
  double width, height;  /* of the page as shown, in points */
} NbImportPage;

/* More cells than this are refused: a report has a few thousand, a long
 * web page tens of thousands; a million cost about 200 MB. */
#define NB_IMPORT_MAX_CELLS 1000000

typedef struct {
  GArray  *lines;      /* NbImportLine */
  GArray  *cells;      /* NbImportCell */
  gboolean positioned; /* cells carry their place on the page (PDF) */
  GArray  *pages;      /* NbImportPage, of a PDF's pages in order; else empty */
  gboolean full;       /* NB_IMPORT_MAX_CELLS reached: the readers stop */
  guint    body_start; /* a web page: the cells read inside the element that */
  guint    body_end;   /* holds the report's tables are body_start … body_end - 1;
                        * both 0 when that is not known */
  char    *attachment; /* a web page: the first document (PDF, Word, WPS, OFD)
                        * it links to or embeds, by its link's words or file
                        * name; NULL when none */
} NbImportDoc;

NbImportDoc *nb_import_doc_new       (void);
void         nb_import_doc_free      (NbImportDoc  *doc);
void         nb_import_doc_add_line  (NbImportDoc  *doc,
                                      const char   *text,
                                      guint         indent,
                                      gboolean      is_row,
                                      char        **cells,
                                      guint         n_cells);
void         nb_import_doc_move_line (NbImportDoc  *doc,
                                      guint         from,
                                      guint         to);
void         nb_import_doc_set_source (NbImportDoc *doc,
                                       guint        page,
                                       guint        source_line);
void         nb_import_doc_set_piece (NbImportDoc *doc,
                                      guint        source_char);
void         nb_import_doc_set_blank_line (NbImportDoc *doc);
void         nb_import_doc_set_cell_extent (NbImportDoc *doc,
                                            guint        cell,
                                            double       x_start,
                                            double       x_end,
                                            double       y_start,
                                            double       y_end);
void         nb_import_page_turn_upright (const NbImportPage *page,
                                          double             *x1,
                                          double             *y1,
                                          double             *x2,
                                          double             *y2);
void         nb_import_page_turn_back (const NbImportPage *page,
                                       double             *x1,
                                       double             *y1,
                                       double             *x2,
                                       double             *y2);
gunichar     nb_import_fold_char     (gunichar      c);
char        *nb_import_normalize     (const char   *text);
gboolean     nb_import_within_one_edit (const gunichar *a,
                                        gsize           na,
                                        const gunichar *b,
                                        gsize           nb);
gsize        nb_import_lcs_length    (const gunichar *a,
                                      gsize           na,
                                      const gunichar *b,
                                      gsize           nb);

/* The readers. */
gboolean     nb_import_is_page_number (const char  *line);
gboolean     nb_import_is_page_footer (const char  *line);
void         nb_import_read_text     (NbImportDoc  *doc,
                                      const char   *text,
                                      gboolean     *pdf_text);
gboolean     nb_import_looks_like_pdf (const char  *data,
                                       gsize        length);
gboolean     nb_import_read_pdf      (NbImportDoc  *doc,
                                      const char   *data,
                                      gsize         length,
                                      GError      **error);
void         nb_import_parse_html    (NbImportDoc  *doc,
                                      const char   *html,
                                      gsize         length);
void         nb_import_parse_html_block (NbImportDoc *doc,
                                         const char  *html,
                                         gsize        length,
                                         guint        first_line);
char        *nb_import_html_text     (const char   *line);
gboolean     nb_import_looks_like_html (const char *data,
                                        gsize       length);
gboolean     nb_import_looks_like_markdown (const char *text);
gboolean     nb_import_looks_like_ocr      (const char *text);
char        *nb_import_to_simplified (const char   *text,
                                      guint        *n_converted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbImportDoc, nb_import_doc_free)

G_END_DECLS
