/* nb-report-writer.h — a report as the canonical text of a .nianbao file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-json-writer.h"
#include "nb-report.h"

G_BEGIN_DECLS

#define NB_FILE_FORMAT_NAME    "nianbao-report"
#define NB_FILE_SCHEMA_VERSION 1

typedef void (*NbCellWriter) (NbJsonWriter *writer,
                              NbTable      *table,
                              guint         row,
                              guint         column);

char      *nb_report_to_data          (NbReport             *report,
                                       gsize                *length);
char      *nb_report_fingerprint      (NbReport             *report);

void       nb_json_write_tables       (NbJsonWriter         *writer,
                                       NbReport             *report,
                                       NbCellWriter          write_cell);
void       nb_json_write_identity     (NbJsonWriter         *writer,
                                       NbReport             *report);

G_END_DECLS
