/* nb-report.h — a government information disclosure annual report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-table.h"

G_BEGIN_DECLS

#define NB_TYPE_REPORT (nb_report_get_type ())

G_DECLARE_FINAL_TYPE (NbReport, nb_report, NB, REPORT, GObject)

NbReport           *nb_report_new              (NbEdition       edition);
NbEdition           nb_report_get_edition      (NbReport       *self);
const NbEditionDef *nb_report_get_edition_def  (NbReport       *self);

const char         *nb_report_get_organ        (NbReport       *self);
void                nb_report_set_organ        (NbReport       *self,
                                                const char     *organ);
int                 nb_report_get_year         (NbReport       *self);
void                nb_report_set_year         (NbReport       *self,
                                                int             year);
const char         *nb_report_get_title        (NbReport       *self);
void                nb_report_set_title        (NbReport       *self,
                                                const char     *title);
gboolean            nb_report_has_custom_title (NbReport       *self);
char               *nb_report_derive_title     (const char     *organ,
                                                int             year);
const char         *nb_report_get_date         (NbReport       *self);
void                nb_report_set_date         (NbReport       *self,
                                                const char     *date);

const char         *nb_report_get_text         (NbReport       *self,
                                                NbTextSection   section);
void                nb_report_set_text         (NbReport       *self,
                                                NbTextSection   section,
                                                const char     *text);

guint               nb_report_get_n_tables     (NbReport       *self);
NbTable            *nb_report_get_table_at     (NbReport       *self,
                                                guint           index);
NbTable            *nb_report_get_table        (NbReport       *self,
                                                const char     *key);

#define NB_YEAR_MIN 2008
#define NB_YEAR_MAX 2100

G_END_DECLS
