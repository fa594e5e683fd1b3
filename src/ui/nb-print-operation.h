/* nb-print-operation.h — printing a report through GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_PRINT_OPERATION (nb_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (NbPrintOperation, nb_print_operation, NB, PRINT_OPERATION, GtkPrintOperation)

NbPrintOperation *nb_print_operation_new        (NbReport         *report,
                                                 gboolean          include_signature);
guint             nb_print_operation_get_n_pages (NbPrintOperation *self);

G_END_DECLS
