/* nb-docx-reader.h — importing a report from a Word document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-import.h"

G_BEGIN_DECLS

char     *nb_docx_to_html            (const char             *data,
                                      gsize                   length,
                                      GError                **error);
NbReport *nb_docx_import             (const char             *data,
                                      gsize                   length,
                                      const NbImportOptions  *options,
                                      GPtrArray             **messages,
                                      GError                **error);
NbReport *nb_office_import_report    (const char             *data,
                                      gsize                   length,
                                      const NbImportOptions  *options,
                                      GPtrArray             **messages,
                                      GError                **error);
NbReport *nb_office_import_report_with_source (const char          *data,
                                      gsize                   length,
                                      const NbImportOptions  *options,
                                      NbImportSummary        *summary,
                                      GPtrArray             **messages,
                                      NbImportSource        **source,
                                      GError                **error);

G_END_DECLS
