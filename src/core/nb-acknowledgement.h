/* nb-acknowledgement.h — a warning the clerk has checked and let stand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * NbAcknowledgement:
 * @rule: the rule id of the warning (T1, R5, …)
 * @cells: the addresses `table.row.column` the warning names, in its order
 * @values: what each of @cells held when it was acknowledged
 *   (nb_table_format_cell()): a changed value voids the acknowledgement
 * @message: the warning as it read then: it quotes the passage and the
 *   numbers, so a changed text voids it too
 * @reason: why the warning does not need a change (已核实)
 * @date: the day it was acknowledged, `YYYY-MM-DD`
 *
 * A warning marked 已核实 (verified).  It applies to a finding only while
 * the finding reads the same and its cells hold the same values, so that
 * it never covers a new problem.
 */
typedef struct {
  char  *rule;
  GStrv  cells;
  GStrv  values;
  char  *message;
  char  *reason;
  char  *date;
} NbAcknowledgement;

NbAcknowledgement *nb_acknowledgement_new   (const char               *rule,
                                             const char * const       *cells,
                                             const char * const       *values,
                                             const char               *message,
                                             const char               *reason,
                                             const char               *date);
NbAcknowledgement *nb_acknowledgement_copy  (const NbAcknowledgement  *ack);
void               nb_acknowledgement_free  (NbAcknowledgement        *ack);
gboolean           nb_acknowledgement_equal (const NbAcknowledgement  *a,
                                             const NbAcknowledgement  *b);
gboolean           nb_acknowledgement_same_place (const NbAcknowledgement *a,
                                             const char               *rule,
                                             const char * const       *cells);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbAcknowledgement, nb_acknowledgement_free)

G_END_DECLS
