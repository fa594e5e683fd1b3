/* nb-comparison-window.h — this year's report against last year's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NB_TYPE_COMPARISON_WINDOW (nb_comparison_window_get_type ())

G_DECLARE_FINAL_TYPE (NbComparisonWindow, nb_comparison_window, NB, COMPARISON_WINDOW, AdwWindow)

GtkWidget  *nb_comparison_window_new       (GtkWindow          *parent,
                                            const char         *summary,
                                            GListModel         *rows);
GListModel *nb_comparison_window_get_model (NbComparisonWindow *self);
void        nb_comparison_window_set_sides (NbComparisonWindow *self,
                                            const char         *title,
                                            const char         *subtitle,
                                            const char         *before,
                                            const char         *after);
const char *nb_comparison_window_get_column_title (NbComparisonWindow *self,
                                                   guint               index);

G_END_DECLS
