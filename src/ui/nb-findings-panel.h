/* nb-findings-panel.h — the list of everything the checker found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-checker.h"

G_BEGIN_DECLS

#define NB_TYPE_FINDINGS_PANEL (nb_findings_panel_get_type ())

G_DECLARE_FINAL_TYPE (NbFindingsPanel, nb_findings_panel, NB, FINDINGS_PANEL, GtkWidget)

GtkWidget *nb_findings_panel_new          (void);
void       nb_findings_panel_set_checker  (NbFindingsPanel *self,
                                           NbChecker       *checker);
GtkListView *nb_findings_panel_get_list_view (NbFindingsPanel *self);
void       nb_findings_panel_activate     (NbFindingsPanel *self,
                                           guint            position);
char      *nb_finding_location            (NbFinding       *finding,
                                           NbReport        *report);

G_END_DECLS
