/* nb-report-writer.h — a report as the canonical text of a .nianbao file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-json-writer.h"
#include "nb-report.h"

G_BEGIN_DECLS

#define NB_FILE_FORMAT_NAME    "nianbao-report"
/* The newest version this build reads and writes.  A report is written
 * with the lowest version that holds it: 4 with 定稿 versions that keep
 * their content, 3 with cells not imported, 2 with entries, acknowledged
 * warnings or 定稿 versions, else 1, so that a report that needs nothing
 * newer is written byte for byte as before. */
#define NB_FILE_SCHEMA_VERSION 5

typedef void (*NbCellWriter) (NbJsonWriter *writer,
                              NbTable      *table,
                              guint         row,
                              guint         column);

char      *nb_report_to_data          (NbReport             *report,
                                       gsize                *length);
char      *nb_report_fingerprint      (NbReport             *report);
gboolean   nb_report_final_is_intact  (NbReport             *report,
                                       GError              **error);
NbReportVersion *nb_report_finalize   (NbReport             *report,
                                       const char           *date);

void       nb_json_write_tables       (NbJsonWriter         *writer,
                                       NbReport             *report,
                                       NbCellWriter          write_cell);
void       nb_json_write_identity     (NbJsonWriter         *writer,
                                       NbReport             *report);

G_END_DECLS
