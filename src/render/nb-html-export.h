/* nb-html-export.h — the report as one web page, for the portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

char     *nb_html_export          (NbReport    *report,
                                   const char  *fingerprint,
                                   gboolean     draft);
gboolean  nb_html_export_to_path  (NbReport    *report,
                                   const char  *fingerprint,
                                   gboolean     draft,
                                   const char  *path,
                                   GError     **error);

G_END_DECLS
