/* nb-report-file-private.h — what the file writer shares with the export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-json-writer.h"
#include "nb-report-file.h"

G_BEGIN_DECLS

#define NB_FILE_FORMAT_NAME "nianbao-report"

typedef void (*NbCellWriter) (NbJsonWriter *writer,
                              NbTable      *table,
                              guint         row,
                              guint         column);

void _nb_json_write_tables (NbJsonWriter *writer,
                            NbReport     *report,
                            NbCellWriter  write_cell);

NbReport *_nb_report_read        (const char   *data,
                                  gsize         length,
                                  GError      **error);

G_END_DECLS
