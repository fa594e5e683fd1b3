/* nb-comparison-row.h — one cell of a comparison of two years, for a list view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-compare.h"
#include "nb-verify.h"

G_BEGIN_DECLS

#define NB_TYPE_COMPARISON_ROW (nb_comparison_row_get_type ())

G_DECLARE_FINAL_TYPE (NbComparisonRow, nb_comparison_row, NB, COMPARISON_ROW, GObject)

NbComparisonRow   *nb_comparison_row_new            (const NbComparedCell *cell);
NbComparisonRow   *nb_comparison_row_new_difference (const NbVerifyDifference *difference);
const char        *nb_comparison_row_get_address    (NbComparisonRow      *self);
const char        *nb_comparison_row_get_label      (NbComparisonRow      *self);
NbComparePresence  nb_comparison_row_get_presence   (NbComparisonRow      *self);
const char        *nb_comparison_row_get_last_text  (NbComparisonRow      *self);
const char        *nb_comparison_row_get_this_text  (NbComparisonRow      *self);
const char        *nb_comparison_row_get_change_text (NbComparisonRow     *self);
gboolean           nb_comparison_row_get_big_jump   (NbComparisonRow      *self);
gboolean           nb_comparison_row_get_changed    (NbComparisonRow      *self);
GListModel        *nb_comparison_to_model           (NbComparison         *comparison,
                                                     gboolean              changed_only);
GListModel        *nb_differences_to_model          (GPtrArray            *differences);

G_END_DECLS
