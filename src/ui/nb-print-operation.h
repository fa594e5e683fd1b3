/* nb-print-operation.h — printing a report through GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-page-renderer.h"
#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_PRINT_OPERATION (nb_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (NbPrintOperation, nb_print_operation, NB, PRINT_OPERATION, GtkPrintOperation)

NbPrintOperation *nb_print_operation_new             (NbReport                *report,
                                                      GSettings               *settings);
NbPageRenderer   *nb_print_operation_get_renderer    (NbPrintOperation        *self);
guint             nb_print_operation_get_n_pages     (NbPrintOperation        *self);
GtkPrintOperationResult
                  nb_print_operation_start           (NbPrintOperation        *self,
                                                      GtkPrintOperationAction  action,
                                                      GtkWindow               *parent,
                                                      GError                 **error);

GtkPageSetup     *nb_print_operation_load_page_setup (void);
NbPageRenderer   *nb_print_operation_make_renderer   (NbReport                *report,
                                                      GSettings               *settings,
                                                      GtkPageSetup            *page_setup);
void              nb_print_operation_apply_page_setup (NbPageRenderer         *renderer,
                                                      GtkPageSetup            *page_setup);

G_END_DECLS
