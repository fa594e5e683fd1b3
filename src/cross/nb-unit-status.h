/* nb-unit-status.h — how one unit's report fared in a 汇总
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

typedef enum {
  NB_UNIT_LOADED,        /* read and added up */
  NB_UNIT_UNREADABLE,    /* the file could not be read (see the message) */
  NB_UNIT_REFUSED,       /* read, but not added up (another edition or year, a duplicate) */
} NbUnitState;

#define NB_TYPE_UNIT_STATUS (nb_unit_status_get_type ())

G_DECLARE_FINAL_TYPE (NbUnitStatus, nb_unit_status, NB, UNIT_STATUS, GObject)

NbUnitStatus *nb_unit_status_new             (const char   *file);
const char   *nb_unit_status_get_file        (NbUnitStatus *self);
NbUnitState   nb_unit_status_get_state       (NbUnitStatus *self);
const char   *nb_unit_status_get_message     (NbUnitStatus *self);
const char   *nb_unit_status_get_organ       (NbUnitStatus *self);
int           nb_unit_status_get_year        (NbUnitStatus *self);
int           nb_unit_status_get_edition     (NbUnitStatus *self);
const char   *nb_unit_status_get_fingerprint (NbUnitStatus *self);
guint         nb_unit_status_get_errors      (NbUnitStatus *self);
guint         nb_unit_status_get_warnings    (NbUnitStatus *self);
guint         nb_unit_status_get_markers     (NbUnitStatus *self);
NbReport     *nb_unit_status_get_report      (NbUnitStatus *self);

/* For the 汇总 that fills the status in. */
void          nb_unit_status_set_report      (NbUnitStatus *self,
                                              NbReport     *report,
                                              const char   *fingerprint,
                                              guint         errors,
                                              guint         warnings);
void          nb_unit_status_set_state       (NbUnitStatus *self,
                                              NbUnitState   state,
                                              const char   *message);
void          nb_unit_status_set_markers     (NbUnitStatus *self,
                                              guint         markers);
void          nb_unit_status_drop_report     (NbUnitStatus *self);

G_END_DECLS
