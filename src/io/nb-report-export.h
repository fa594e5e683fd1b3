/* nb-report-export.h — the JSON interchange data (docs/export-json.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-finding.h"
#include "nb-json-writer.h"
#include "nb-report.h"

G_BEGIN_DECLS

#define NB_EXPORT_JSON_VERSION 1

char *nb_report_export_json (NbReport   *report,
                             GListModel *findings,
                             gsize      *length);
gboolean nb_report_export_json_to_path (NbReport    *report,
                                        GListModel  *findings,
                                        const char  *path,
                                        GError     **error);
void  nb_json_write_findings (NbJsonWriter *writer,
                              GListModel   *findings);

G_END_DECLS
