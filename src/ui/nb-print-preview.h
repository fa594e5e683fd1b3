/* nb-print-preview.h — the printed pages, shown inside the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-page-renderer.h"
#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_PRINT_PREVIEW (nb_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (NbPrintPreview, nb_print_preview, NB, PRINT_PREVIEW, AdwWindow)

GtkWidget      *nb_print_preview_new          (GtkWindow      *parent,
                                               NbReport       *report,
                                               GSettings      *settings);
NbPageRenderer *nb_print_preview_get_renderer (NbPrintPreview *self);
guint           nb_print_preview_get_n_pages  (NbPrintPreview *self);
GtkWidget      *nb_print_preview_get_page     (NbPrintPreview *self,
                                               guint           page);
double          nb_print_preview_get_zoom     (NbPrintPreview *self);
void            nb_print_preview_set_zoom     (NbPrintPreview *self,
                                               double          zoom);
const char     *nb_print_preview_get_fonts_text (NbPrintPreview *self);

G_END_DECLS
