/* nb-report-file-private.h — the strict reader behind nb_report_new_from_data()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-report-file.h"

G_BEGIN_DECLS

NbReport *_nb_report_read        (const char   *data,
                                  gsize         length,
                                  GError      **error);

G_END_DECLS
