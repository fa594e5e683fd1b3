/* nb-new-report-dialog.h — asks what a new report is for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_NEW_REPORT_DIALOG (nb_new_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NbNewReportDialog, nb_new_report_dialog, NB, NEW_REPORT_DIALOG, AdwWindow)

GtkWidget *nb_new_report_dialog_new    (GtkWindow         *parent,
                                        const char        *organ);
NbReport  *nb_new_report_dialog_build  (NbNewReportDialog *self);
void       nb_new_report_dialog_create (NbNewReportDialog *self);
gboolean   nb_new_report_dialog_set_previous_path (NbNewReportDialog  *self,
                                                   const char         *path,
                                                   GError            **error);
NbReport  *nb_new_report_dialog_get_previous      (NbNewReportDialog  *self);
const char *nb_new_report_dialog_get_previous_path (NbNewReportDialog *self);
int        nb_new_report_default_year  (void);

G_END_DECLS
