/* nb-import-source.h — where the numbers of an imported report came from
 *
 * An import can keep its source for display beside the report: the PDF
 * itself, or the text the importer read (a web page's text as extracted
 * from its HTML), and, for every table cell it placed, where in that
 * source its number stood: the page and the rectangle of the words on a
 * PDF page (in PDF points, from the page's top left corner, as poppler
 * gives them), or the range of bytes in the text.  What could not be
 * placed is listed with its place too (nb_import_report_with_source()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  NB_IMPORT_SOURCE_PDF,        /* the PDF: nb_import_source_get_pdf() */
  NB_IMPORT_SOURCE_TEXT,       /* text as read: nb_import_source_get_text() */
  NB_IMPORT_SOURCE_PAGE_TEXT,  /* a web page's text, one line per paragraph or table row */
} NbImportSourceKind;

typedef struct {
  guint  page;                 /* PDF: the 1-based page; else 0 */
  double x1, y1, x2, y2;       /* PDF: the words' rectangle on that page, in points */
  gsize  start, end;           /* text: the bytes [start, end) of the text */
} NbImportLocation;

#define NB_TYPE_IMPORT_SOURCE (nb_import_source_get_type ())
G_DECLARE_FINAL_TYPE (NbImportSource, nb_import_source, NB, IMPORT_SOURCE, GObject)

NbImportSourceKind  nb_import_source_get_kind      (NbImportSource   *self);
GBytes             *nb_import_source_get_pdf       (NbImportSource   *self);
const char         *nb_import_source_get_text      (NbImportSource   *self);
gboolean            nb_import_source_lookup        (NbImportSource   *self,
                                                    const char       *address,
                                                    NbImportLocation *location);
guint               nb_import_source_get_n_unplaced (NbImportSource  *self);
const char         *nb_import_source_get_unplaced_message (NbImportSource *self,
                                                           guint           index);
const char         *nb_import_source_get_unplaced_where   (NbImportSource *self,
                                                           guint           index);
gboolean            nb_import_source_get_unplaced_location (NbImportSource   *self,
                                                            guint             index,
                                                            NbImportLocation *location);

G_END_DECLS
