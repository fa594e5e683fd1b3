/* nb-finding.c — one thing the checker found wrong with a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-finding"

#include "config.h"

#include "nb-finding.h"

#include <glib/gi18n-lib.h>

struct _NbFinding
{
  GObject     parent_instance;

  char       *rule;
  NbSeverity  severity;
  guint       section;
  char       *message;
  GStrv       cells;
};

G_DEFINE_FINAL_TYPE (NbFinding, nb_finding, G_TYPE_OBJECT)

static void
nb_finding_finalize (GObject *object)
{
  NbFinding *self = (NbFinding *) object;

  g_free (self->rule);
  g_free (self->message);
  g_strfreev (self->cells);

  G_OBJECT_CLASS (nb_finding_parent_class)->finalize (object);
}

static void
nb_finding_class_init (NbFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_finding_finalize;
}

static void
nb_finding_init (NbFinding *self)
{
}

/**
 * nb_finding_new:
 * @rule: the rule id (R1, X1, …; see docs/rules.md)
 * @severity: how bad it is
 * @section: the report section it belongs to (1–6), or 0 for 基本信息
 * @message: what fails, in the report's words and with its numbers
 * @cells: (nullable) (array zero-terminated=1): addresses of the cells involved
 *
 * Returns: (transfer full): an immutable finding
 */
NbFinding *
nb_finding_new (const char         *rule,
                NbSeverity          severity,
                guint               section,
                const char         *message,
                const char * const *cells)
{
  NbFinding *self = g_object_new (NB_TYPE_FINDING, NULL);
  static const char * const none[] = { NULL };

  self->rule = g_strdup (rule);
  self->severity = severity;
  self->section = section;
  self->message = g_strdup (message);
  self->cells = g_strdupv ((GStrv) (cells != NULL ? cells : none));
  return self;
}

const char *
nb_finding_get_rule (NbFinding *self)
{
  g_return_val_if_fail (NB_IS_FINDING (self), NULL);
  return self->rule;
}

NbSeverity
nb_finding_get_severity (NbFinding *self)
{
  g_return_val_if_fail (NB_IS_FINDING (self), NB_SEVERITY_ERROR);
  return self->severity;
}

const char *
nb_finding_get_message (NbFinding *self)
{
  g_return_val_if_fail (NB_IS_FINDING (self), NULL);
  return self->message;
}

guint
nb_finding_get_section (NbFinding *self)
{
  g_return_val_if_fail (NB_IS_FINDING (self), 0);
  return self->section;
}

/**
 * nb_finding_get_cells:
 * Returns: (transfer none): the addresses `table.row.column` of the cells
 *   involved, the first being the one to show
 */
const char * const *
nb_finding_get_cells (NbFinding *self)
{
  g_return_val_if_fail (NB_IS_FINDING (self), NULL);
  return (const char * const *) self->cells;
}

const char *
nb_severity_to_string (NbSeverity severity)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR: return "error";
    case NB_SEVERITY_WARNING: return "warning";
    case NB_SEVERITY_INFO: return "info";
    default: g_return_val_if_reached ("error");
    }
}

/**
 * nb_severity_get_label:
 *
 * The severity in the user's words, as the window and the workbook name it.
 *
 * Returns: a translated name
 */
const char *
nb_severity_get_label (NbSeverity severity)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR: return _("Error");
    case NB_SEVERITY_WARNING: return _("Warning");
    case NB_SEVERITY_INFO: return _("Information");
    default: g_return_val_if_reached (_("Error"));
    }
}
