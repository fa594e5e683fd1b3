/* nb-page-renderer.h — the printed report: page layout, drawing, PDF
 *
 * Usage from a GtkPrintOperation (the same pages as the PDF):
 *
 *   gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
 *   gtk_print_operation_set_use_full_page (op, TRUE);
 *   begin-print:  nb_page_renderer_set_pango_context (renderer,
 *                   gtk_print_context_create_pango_context (context));
 *                 gtk_print_operation_set_n_pages (op, nb_page_renderer_paginate (renderer));
 *   draw-page:    nb_page_renderer_draw_page (renderer,
 *                   gtk_print_context_get_cairo_context (context), page_nr);
 *
 * A preview scales its cairo context so that one unit is one point and
 * calls nb_page_renderer_draw_page() for the page it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "nb-file.h"
#include "nb-report.h"

G_BEGIN_DECLS

/**
 * NbPageBoxKind:
 * @NB_PAGE_BOX_TEXT: a line of text or a cell's text, in the text block
 * @NB_PAGE_BOX_CELL: a table cell (its rules lie on its edges)
 * @NB_PAGE_BOX_FOLIO: the page number or the fingerprint line, under the
 *   text block
 */
typedef enum {
  NB_PAGE_BOX_TEXT,
  NB_PAGE_BOX_CELL,
  NB_PAGE_BOX_FOLIO,
} NbPageBoxKind;

/**
 * NbPageBox:
 * Something laid out on a page, in points from the paper's top-left corner.
 */
typedef struct {
  NbPageBoxKind kind;
  double        x, y, width, height;
} NbPageBox;

#define NB_TYPE_PAGE_RENDERER (nb_page_renderer_get_type ())

G_DECLARE_FINAL_TYPE (NbPageRenderer, nb_page_renderer, NB, PAGE_RENDERER, GObject)

NbPageRenderer  *nb_page_renderer_new               (NbReport        *report);
NbReport        *nb_page_renderer_get_report        (NbPageRenderer  *self);
void             nb_page_renderer_set_pango_context (NbPageRenderer  *self,
                                                     PangoContext    *context);
guint            nb_page_renderer_paginate          (NbPageRenderer  *self);
void             nb_page_renderer_get_paper_size    (NbPageRenderer  *self,
                                                     double          *width,
                                                     double          *height);
void             nb_page_renderer_get_text_block    (NbPageRenderer  *self,
                                                     double          *x,
                                                     double          *y,
                                                     double          *width,
                                                     double          *height);
gboolean         nb_page_renderer_draw_page         (NbPageRenderer  *self,
                                                     cairo_t         *cr,
                                                     guint            page);
const NbPageBox *nb_page_renderer_get_boxes         (NbPageRenderer  *self,
                                                     guint            page,
                                                     guint           *n_boxes);
char           **nb_page_renderer_get_fonts_used    (NbPageRenderer  *self);
guint            nb_page_renderer_get_unknown_glyphs (NbPageRenderer *self);
gboolean         nb_page_renderer_write_pdf         (NbPageRenderer  *self,
                                                     const char      *path,
                                                     GError         **error);
gboolean         nb_page_renderer_write_pdf_to      (NbPageRenderer  *self,
                                                     NbFileWriter    *writer,
                                                     GError         **error);

G_END_DECLS
