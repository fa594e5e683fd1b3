/* nb-docx-writer.h — the report as a Word document (docs/office-formats.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

GBytes   *nb_docx_export          (NbReport    *report,
                                   const char  *fingerprint,
                                   gboolean     signature,
                                   gboolean     draft,
                                   GError     **error);
gboolean  nb_docx_export_to_path  (NbReport    *report,
                                   const char  *fingerprint,
                                   gboolean     signature,
                                   gboolean     draft,
                                   const char  *path,
                                   GError     **error);

G_END_DECLS
