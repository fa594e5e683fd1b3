/* nb-unit-status.c — how one unit's report fared in a 汇总
 *
 * One row of the status board: the file, whether it was read and added
 * up, its organ, edition, year, and how many errors and warnings the
 * checker finds in it.  Properties, so that a window can bind to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-unit-status"

#include "config.h"

#include "nb-report-file.h"
#include "nb-unit-status.h"

struct _NbUnitStatus
{
  GObject      parent_instance;

  char        *file;
  NbUnitState  state;
  char        *message;
  char        *organ;
  char        *fingerprint;
  int          year;
  int          edition;    /* an NbEdition, or -1 when not read */
  guint        errors, warnings, markers;
  NbReport    *report;
};

G_DEFINE_FINAL_TYPE (NbUnitStatus, nb_unit_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_ORGAN,
  PROP_YEAR,
  PROP_EDITION,
  PROP_EDITION_KEY,
  PROP_ERRORS,
  PROP_WARNINGS,
  PROP_MARKERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nb_unit_status_finalize (GObject *object)
{
  NbUnitStatus *self = (NbUnitStatus *) object;

  g_free (self->file);
  g_free (self->message);
  g_free (self->organ);
  g_free (self->fingerprint);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_unit_status_parent_class)->finalize (object);
}

static void
nb_unit_status_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbUnitStatus *self = NB_UNIT_STATUS (object);

  switch (prop_id)
    {
    case PROP_FILE: g_value_set_string (value, self->file); break;
    case PROP_STATE: g_value_set_int (value, self->state); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    case PROP_ORGAN: g_value_set_string (value, nb_unit_status_get_organ (self)); break;
    case PROP_YEAR: g_value_set_int (value, self->year); break;
    case PROP_EDITION: g_value_set_int (value, self->edition); break;
    case PROP_EDITION_KEY:
      g_value_set_string (value, self->edition >= 0 ? nb_edition_get (self->edition)->key : "");
      break;
    case PROP_ERRORS: g_value_set_uint (value, self->errors); break;
    case PROP_WARNINGS: g_value_set_uint (value, self->warnings); break;
    case PROP_MARKERS: g_value_set_uint (value, self->markers); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_unit_status_class_init (NbUnitStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nb_unit_status_finalize;
  object_class->get_property = nb_unit_status_get_property;

  properties[PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, flags);
  /* an NbUnitState */
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, NB_UNIT_REFUSED, 0, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_ORGAN] = g_param_spec_string ("organ", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, NB_YEAR_MAX, 0, flags);
  /* an NbEdition, or -1 when the file was not read */
  properties[PROP_EDITION] = g_param_spec_int ("edition", NULL, NULL, -1, NB_N_EDITIONS - 1, -1, flags);
  /* "2019", "2021", or "" when the file was not read */
  properties[PROP_EDITION_KEY] = g_param_spec_string ("edition-key", NULL, NULL, NULL, flags);
  properties[PROP_ERRORS] = g_param_spec_uint ("errors", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_WARNINGS] = g_param_spec_uint ("warnings", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MARKERS] = g_param_spec_uint ("markers", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_unit_status_init (NbUnitStatus *self)
{
  self->edition = -1;
  self->state = NB_UNIT_UNREADABLE;
}

NbUnitStatus *
nb_unit_status_new (const char *file)
{
  NbUnitStatus *self = g_object_new (NB_TYPE_UNIT_STATUS, NULL);

  self->file = g_strdup (file);
  return self;
}

const char *
nb_unit_status_get_file (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), NULL);
  return self->file;
}

NbUnitState
nb_unit_status_get_state (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), NB_UNIT_UNREADABLE);
  return self->state;
}

/**
 * nb_unit_status_get_message:
 * Returns: (nullable): why the unit was not read or not added up
 */
const char *
nb_unit_status_get_message (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), NULL);
  return self->message;
}

const char *
nb_unit_status_get_organ (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), NULL);
  return self->organ != NULL ? self->organ : "";
}

int
nb_unit_status_get_year (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), 0);
  return self->year;
}

/**
 * nb_unit_status_get_edition:
 * Returns: the report's #NbEdition, or -1 when it was not read
 */
int
nb_unit_status_get_edition (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), -1);
  return self->edition;
}

const char *
nb_unit_status_get_fingerprint (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), NULL);
  return self->fingerprint != NULL ? self->fingerprint : "";
}

guint
nb_unit_status_get_errors (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), 0);
  return self->errors;
}

guint
nb_unit_status_get_warnings (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), 0);
  return self->warnings;
}

/**
 * nb_unit_status_get_markers:
 * Returns: how many cells of the unit hold a marker (“/”, “-”), counted
 *   as 0 in the sums
 */
guint
nb_unit_status_get_markers (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), 0);
  return self->markers;
}

/**
 * nb_unit_status_get_report:
 * Returns: (transfer none) (nullable): the unit's report while the 汇总
 *   runs; %NULL afterwards (the reports are not kept) or when unreadable
 */
NbReport *
nb_unit_status_get_report (NbUnitStatus *self)
{
  g_return_val_if_fail (NB_IS_UNIT_STATUS (self), NULL);
  return self->report;
}

/**
 * nb_unit_status_set_report:
 * @fingerprint: (nullable): nb_report_fingerprint() of @report, when
 *   already known
 */
void
nb_unit_status_set_report (NbUnitStatus *self,
                           NbReport     *report,
                           const char   *fingerprint,
                           guint         errors,
                           guint         warnings)
{
  g_return_if_fail (NB_IS_UNIT_STATUS (self));
  g_return_if_fail (NB_IS_REPORT (report));

  g_set_object (&self->report, report);
  g_free (self->organ);
  self->organ = g_strdup (nb_report_get_organ (report));
  g_free (self->fingerprint);
  self->fingerprint = fingerprint != NULL ? g_strdup (fingerprint) : nb_report_fingerprint (report);
  self->year = nb_report_get_year (report);
  self->edition = nb_report_get_edition (report);
  self->errors = errors;
  self->warnings = warnings;
  self->state = NB_UNIT_LOADED;
  for (guint i = PROP_STATE; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

void
nb_unit_status_set_state (NbUnitStatus *self,
                          NbUnitState   state,
                          const char   *message)
{
  g_return_if_fail (NB_IS_UNIT_STATUS (self));

  self->state = state;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

void
nb_unit_status_set_markers (NbUnitStatus *self,
                            guint         markers)
{
  g_return_if_fail (NB_IS_UNIT_STATUS (self));

  self->markers = markers;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKERS]);
}

void
nb_unit_status_drop_report (NbUnitStatus *self)
{
  g_return_if_fail (NB_IS_UNIT_STATUS (self));
  g_clear_object (&self->report);
}
