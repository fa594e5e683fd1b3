/* nb-checker.h — keeps a report's findings up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-finding.h"
#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_CHECKER (nb_checker_get_type ())

G_DECLARE_FINAL_TYPE (NbChecker, nb_checker, NB, CHECKER, GObject)

NbChecker  *nb_checker_new                (NbReport    *report);
NbReport   *nb_checker_get_report         (NbChecker   *self);
NbReport   *nb_checker_get_previous       (NbChecker   *self);
void        nb_checker_set_previous       (NbChecker   *self,
                                           NbReport    *previous);
GListModel *nb_checker_get_findings       (NbChecker   *self);
guint       nb_checker_count              (NbChecker   *self,
                                           NbSeverity   severity,
                                           int          section);
gboolean    nb_checker_get_cell_severity  (NbChecker   *self,
                                           const char  *address,
                                           NbSeverity  *severity);
void        nb_checker_refresh            (NbChecker   *self);

const NbAcknowledgement *
            nb_checker_get_acknowledgement (NbChecker  *self,
                                           NbFinding   *finding);
guint       nb_checker_count_acknowledged (NbChecker   *self,
                                           int          section);
gboolean    nb_checker_acknowledge        (NbChecker   *self,
                                           NbFinding   *finding,
                                           const char  *reason,
                                           const char  *date,
                                           GError     **error);
gboolean    nb_checker_withdraw           (NbChecker   *self,
                                           NbFinding   *finding);
GPtrArray  *nb_checker_get_void_acknowledgements (NbChecker *self);
char      **nb_checker_get_check_list     (NbChecker   *self);

G_END_DECLS
