/* nb-rules.h — the rules the checker applies (internal to the checker)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-finding.h"
#include "nb-report.h"

G_BEGIN_DECLS

/* What one rule found at one place: plain data, compared byte for byte
 * between two checks, so it must be fully initialised (no padding). */
typedef struct {
  guint8  rule;
  guint8  section;   /* 0 (基本信息) to 6 */
  guint16 table;     /* index of the table in the report */
  guint32 where;     /* a row, a column or a cell (row × n_columns + column) */
  gint64  n[4];      /* the numbers compared */
} NbRecord;

G_STATIC_ASSERT (sizeof (NbRecord) == 40);

#define NB_RULES_GROUP_IDENTITY 0

guint       nb_rules_n_groups      (NbReport        *report);
guint       nb_rules_table_group   (guint            table_index);
guint       nb_rules_texts_group   (NbReport        *report);
guint       nb_rules_text_tables_group (NbReport    *report);
typedef struct _NbTextFigures NbTextFigures;

NbTextFigures *nb_rules_read_text_figures (NbReport      *report);
void           nb_text_figures_free       (NbTextFigures *figures);

void        nb_rules_check_group   (NbReport        *report,
                                    NbReport        *previous,
                                    const NbTextFigures *figures,
                                    guint            group,
                                    GArray          *records);
NbFinding  *nb_rules_describe      (NbReport        *report,
                                    NbReport        *previous,
                                    const NbRecord  *record);
NbSeverity  nb_rules_severity      (const NbRecord  *record);
guint       nb_rules_section       (const NbRecord  *record);
const char *nb_rules_id            (const NbRecord  *record);

G_END_DECLS
