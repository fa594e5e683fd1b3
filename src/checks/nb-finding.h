/* nb-finding.h — one thing the checker found wrong with a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-types.h"

G_BEGIN_DECLS

typedef enum {
  NB_SEVERITY_ERROR,
  NB_SEVERITY_WARNING,
  NB_SEVERITY_INFO,
} NbSeverity;

#define NB_TYPE_FINDING (nb_finding_get_type ())

G_DECLARE_FINAL_TYPE (NbFinding, nb_finding, NB, FINDING, GObject)

NbFinding          *nb_finding_new           (const char         *rule,
                                              NbSeverity          severity,
                                              guint               section,
                                              const char         *message,
                                              const char * const *cells);
const char         *nb_finding_get_rule      (NbFinding          *self);
NbSeverity          nb_finding_get_severity  (NbFinding          *self);
const char         *nb_finding_get_message   (NbFinding          *self);
guint               nb_finding_get_section   (NbFinding          *self);
const char * const *nb_finding_get_cells     (NbFinding          *self);
const char         *nb_severity_to_string    (NbSeverity          severity);
const char         *nb_severity_get_label    (NbSeverity          severity);

G_END_DECLS
