/* nb-previous-link.h — last year's report, as this year's file remembers it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_PREVIOUS_LINK (nb_previous_link_get_type ())

G_DECLARE_FINAL_TYPE (NbPreviousLink, nb_previous_link, NB, PREVIOUS_LINK, GObject)

NbPreviousLink *nb_previous_link_new               (NbReport          *previous,
                                                    const char        *path);
NbPreviousLink *nb_previous_link_new_from_figures  (NbReport          *figures,
                                                    const char        *path);
const char     *nb_previous_link_get_path          (NbPreviousLink    *self);
void            nb_previous_link_set_path          (NbPreviousLink    *self,
                                                    const char        *path);
const char     *nb_previous_link_get_base          (NbPreviousLink    *self);
void            nb_previous_link_set_base          (NbPreviousLink    *self,
                                                    const char        *folder);
char           *nb_previous_link_resolve           (NbPreviousLink    *self);
void            nb_previous_link_rebase            (NbPreviousLink    *self,
                                                    const char        *folder);
char           *nb_path_relative_to                (const char        *path,
                                                    const char        *folder);
const char     *nb_previous_link_get_organ         (NbPreviousLink    *self);
int             nb_previous_link_get_year          (NbPreviousLink    *self);
NbEdition       nb_previous_link_get_edition       (NbPreviousLink    *self);
NbReport       *nb_previous_link_get_figures       (NbPreviousLink    *self);
gboolean        nb_previous_link_is_linked_cell    (const NbTableDef  *def,
                                                    guint              row,
                                                    guint              column);
guint           nb_previous_link_count_cells       (NbEdition          edition);

G_END_DECLS
