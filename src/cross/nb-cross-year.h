/* nb-cross-year.h — linking last year's report, starting next year's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-previous-link.h"

G_BEGIN_DECLS

NbReport       *nb_report_load_any          (const char  *path,
                                             GError     **error);
gboolean        nb_report_link_previous     (NbReport    *report,
                                             const char  *report_path,
                                             const char  *previous_path,
                                             GError     **error);
NbPreviousLink *nb_previous_link_new_for_path (NbReport  *previous,
                                             const char  *previous_path,
                                             const char  *report_path);
NbReport       *nb_report_new_next_year     (NbReport    *report,
                                             const char  *report_path,
                                             const char  *next_path);
const char     *nb_next_year_hint           (void);

G_END_DECLS
