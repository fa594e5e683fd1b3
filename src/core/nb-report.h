/* nb-report.h — a government information disclosure annual report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-acknowledgement.h"
#include "nb-table.h"

G_BEGIN_DECLS

/**
 * NbSignatureLine:
 * @NB_SIGNATURE_HEAD: 单位负责人（签字）：
 * @NB_SIGNATURE_REVIEWER: 审核人：
 * @NB_SIGNATURE_PREPARER: 填报人：
 * @NB_SIGNATURE_PHONE: 联系电话：
 * @NB_SIGNATURE_SEAL: （单位盖章）, over the space left for the seal
 *
 * The lines of the signature block that the paper copy carries after
 * section 六 (never the web export).  Each line can be shown or hidden,
 * reworded, and given a value printed in place of its blank.
 */
typedef enum {
  NB_SIGNATURE_HEAD,
  NB_SIGNATURE_REVIEWER,
  NB_SIGNATURE_PREPARER,
  NB_SIGNATURE_PHONE,
  NB_SIGNATURE_SEAL,
} NbSignatureLine;

#define NB_N_SIGNATURE_LINES 5

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
gboolean            nb_report_find_cell        (NbReport       *self,
                                                const char     *address,
                                                NbTable       **table,
                                                guint          *row,
                                                guint          *column);

const char         *nb_signature_line_key           (NbSignatureLine  line);
gboolean            nb_signature_line_from_key      (const char      *key,
                                                     NbSignatureLine *line);
const char         *nb_signature_line_default_label (NbSignatureLine  line);

gboolean            nb_report_get_signature_shown   (NbReport        *self,
                                                     NbSignatureLine  line);
void                nb_report_set_signature_shown   (NbReport        *self,
                                                     NbSignatureLine  line,
                                                     gboolean         shown);
const char         *nb_report_get_signature_label   (NbReport        *self,
                                                     NbSignatureLine  line);
void                nb_report_set_signature_label   (NbReport        *self,
                                                     NbSignatureLine  line,
                                                     const char      *label);
gboolean            nb_report_has_custom_signature_label (NbReport   *self,
                                                     NbSignatureLine  line);
const char         *nb_report_get_signature_value   (NbReport        *self,
                                                     NbSignatureLine  line);
void                nb_report_set_signature_value   (NbReport        *self,
                                                     NbSignatureLine  line,
                                                     const char      *value);

/**
 * NbReportUnit:
 * @organ: the unit's organ
 * @file: the unit's file, as it was given to the 汇总
 * @fingerprint: nb_report_fingerprint() of the unit's report
 *
 * One of the units whose reports a summary report (汇总) adds up.
 */
typedef struct {
  char *organ;
  char *file;
  char *fingerprint;
} NbReportUnit;

NbReportUnit       *nb_report_unit_new              (const char      *organ,
                                                     const char      *file,
                                                     const char      *fingerprint);
void                nb_report_unit_free             (NbReportUnit    *unit);

NbPreviousLink     *nb_report_get_previous_link     (NbReport        *self);
void                nb_report_set_previous_link     (NbReport        *self,
                                                     NbPreviousLink  *link);
GPtrArray          *nb_report_get_units             (NbReport        *self);
void                nb_report_set_units             (NbReport        *self,
                                                     GPtrArray       *units);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbReportUnit, nb_report_unit_free)

/**
 * NbReportVersion:
 * @date: the day it was finalized (定稿), `YYYY-MM-DD`
 * @fingerprint: nb_report_fingerprint() of its content then
 * @content: (nullable): the report as it was finalized, without its
 *   history, to compare the report with; %NULL for a version recorded
 *   before versions kept their content (file schema 2 and 3)
 *
 * One finalized version of a report, kept in its history.
 */
typedef struct {
  char     *date;
  char     *fingerprint;
  NbReport *content;
} NbReportVersion;

NbReportVersion    *nb_report_version_new           (const char      *date,
                                                     const char      *fingerprint,
                                                     NbReport        *content);
void                nb_report_version_free          (NbReportVersion *version);
GPtrArray          *nb_report_get_versions          (NbReport        *self);
void                nb_report_add_version           (NbReport        *self,
                                                     NbReportVersion *version);
gboolean            nb_report_get_finalized         (NbReport        *self);
void                nb_report_set_finalized         (NbReport        *self,
                                                     gboolean         finalized);
NbReportVersion    *nb_report_get_final_version     (NbReport        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbReportVersion, nb_report_version_free)

GPtrArray          *nb_report_get_acknowledgements  (NbReport        *self);
void                nb_report_set_acknowledgements  (NbReport        *self,
                                                     GPtrArray       *acks);
void                nb_report_add_acknowledgement   (NbReport        *self,
                                                     NbAcknowledgement *ack);
void                nb_report_remove_acknowledgement (NbReport       *self,
                                                     guint            index);

#define NB_YEAR_MIN 2008
#define NB_YEAR_MAX 2100

G_END_DECLS
