/* nb-table-page.h — the page of a table section (二、三、四)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-report.h"
#include "nb-table-view.h"
#include "nb-undo-stack.h"

G_BEGIN_DECLS

#define NB_TYPE_TABLE_PAGE (nb_table_page_get_type ())

G_DECLARE_FINAL_TYPE (NbTablePage, nb_table_page, NB, TABLE_PAGE, GtkWidget)

GtkWidget   *nb_table_page_new          (NbReport    *report,
                                         guint        section,
                                         NbUndoStack *undo);
NbTableView *nb_table_page_get_view     (NbTablePage *self,
                                         const char  *table_key);
void         nb_table_page_set_findings (NbTablePage *self,
                                         GListModel  *findings);
gboolean     nb_table_page_focus        (NbTablePage *self);
void         nb_table_page_set_read_only (NbTablePage *self,
                                          gboolean     read_only);

G_END_DECLS
