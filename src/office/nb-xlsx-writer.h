/* nb-xlsx-writer.h — the tables and the 汇总 as spreadsheets (docs/office-formats.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

GBytes *nb_xlsx_export_report   (NbReport    *report,
                                 GListModel  *findings,
                                 GError     **error);
GBytes *nb_xlsx_export_summary  (NbReport    *summary,
                                 GPtrArray   *units,
                                 GError     **error);

G_END_DECLS
