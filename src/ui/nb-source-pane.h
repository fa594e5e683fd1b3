/* nb-source-pane.h — the published report beside the one imported from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-import.h"

G_BEGIN_DECLS

#define NB_TYPE_SOURCE_PANE (nb_source_pane_get_type ())
G_DECLARE_FINAL_TYPE (NbSourcePane, nb_source_pane, NB, SOURCE_PANE, GtkWidget)

GtkWidget      *nb_source_pane_new            (NbImportSource   *source,
                                               const char       *name);
NbImportSource *nb_source_pane_get_source     (NbSourcePane     *self);
gboolean        nb_source_pane_show_cell      (NbSourcePane     *self,
                                               const char       *address);
gboolean        nb_source_pane_show_unplaced  (NbSourcePane     *self,
                                               guint             index);
gboolean        nb_source_pane_get_highlight  (NbSourcePane     *self,
                                               NbImportLocation *location);
GtkListBox     *nb_source_pane_get_unplaced_list (NbSourcePane  *self);

G_END_DECLS
