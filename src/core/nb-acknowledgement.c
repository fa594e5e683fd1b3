/* nb-acknowledgement.c — a warning the clerk has checked and let stand
 *
 * Plain data held by the report (nb_report_get_acknowledgements()); the
 * checker decides which findings it applies to (nb-checker.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-acknowledgement"

#include "config.h"

#include "nb-acknowledgement.h"

static GStrv
copy_strv (const char * const *strv)
{
  static const char * const none[] = { NULL };

  return g_strdupv ((GStrv) (strv != NULL ? strv : none));
}

/**
 * nb_acknowledgement_new:
 * @cells: (array zero-terminated=1) (nullable): the cells the warning names
 * @values: (array zero-terminated=1) (nullable): one per cell
 *
 * Returns: (transfer full): an acknowledgement (see #NbAcknowledgement)
 */
NbAcknowledgement *
nb_acknowledgement_new (const char         *rule,
                        const char * const *cells,
                        const char * const *values,
                        const char         *message,
                        const char         *reason,
                        const char         *date)
{
  NbAcknowledgement *ack = g_new0 (NbAcknowledgement, 1);

  ack->rule = g_strdup (rule != NULL ? rule : "");
  ack->cells = copy_strv (cells);
  ack->values = copy_strv (values);
  ack->message = g_strdup (message != NULL ? message : "");
  ack->reason = g_strdup (reason != NULL ? reason : "");
  ack->date = g_strdup (date != NULL ? date : "");
  return ack;
}

NbAcknowledgement *
nb_acknowledgement_copy (const NbAcknowledgement *ack)
{
  g_return_val_if_fail (ack != NULL, NULL);
  return nb_acknowledgement_new (ack->rule, (const char * const *) ack->cells,
                                 (const char * const *) ack->values, ack->message,
                                 ack->reason, ack->date);
}

void
nb_acknowledgement_free (NbAcknowledgement *ack)
{
  if (ack == NULL)
    return;
  g_free (ack->rule);
  g_strfreev (ack->cells);
  g_strfreev (ack->values);
  g_free (ack->message);
  g_free (ack->reason);
  g_free (ack->date);
  g_free (ack);
}

gboolean
nb_acknowledgement_equal (const NbAcknowledgement *a,
                          const NbAcknowledgement *b)
{
  return g_str_equal (a->rule, b->rule) &&
         g_strv_equal ((const char * const *) a->cells, (const char * const *) b->cells) &&
         g_strv_equal ((const char * const *) a->values, (const char * const *) b->values) &&
         g_str_equal (a->message, b->message) &&
         g_str_equal (a->reason, b->reason) &&
         g_str_equal (a->date, b->date);
}

/**
 * nb_acknowledgement_same_place:
 * Returns: whether @a is about rule @rule at exactly @cells, whatever the
 *   values and the message are now
 */
gboolean
nb_acknowledgement_same_place (const NbAcknowledgement *a,
                               const char              *rule,
                               const char * const      *cells)
{
  return g_str_equal (a->rule, rule) &&
         g_strv_equal ((const char * const *) a->cells, cells);
}
