/* nb-rules.c — the rules of the checker
 *
 * Each rule has a stable id (report-formats.md §5 for R, T and X; our own
 * M, N and S rules are listed in docs/rules.md).  Checking writes plain
 * NbRecords; describing one turns it into a finding whose Chinese message
 * names rows and columns with the edition's own labels.
 *
 * This file holds the identity rules and the groups the checker runs;
 * see nb-rules-private.h for the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-rules"

#include "config.h"

#include <string.h>

#include "nb-rules-private.h"

/* ---- Identity rules -------------------------------------------------------- */

/* UTC is close enough to tell a plausible report year, and needs no
 * time zone look-up on every check. */
static int
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_get_year (now);
}

static void
check_identity (NbReport *report,
                NbReport *previous,
                GArray   *records)
{
  int year = nb_report_get_year (report);
  g_autofree char *year_text = g_strdup_printf ("%d", year);

  if (_nb_rules_is_blank_text (nb_report_get_organ (report)))
    _nb_rules_record (records, RULE_M1_ORGAN, 0, NO_TABLE, 0, 0, 0, 0, 0);
  if (year < NB_YEAR_MIN || year > this_year ())
    _nb_rules_record (records, RULE_M2_YEAR, 0, NO_TABLE, 0, year, this_year (), 0, 0);
  else if (nb_report_has_custom_title (report) &&
           strstr (nb_report_get_title (report), year_text) == NULL)
    _nb_rules_record (records, RULE_M3_TITLE, 0, NO_TABLE, 0, year, 0, 0, 0);
  if (year > 0 && nb_edition_for_year (year) != nb_report_get_edition (report))
    _nb_rules_record (records, RULE_M4_EDITION, 0, NO_TABLE, 0, year, 0, 0, 0);

  if (previous == NULL)
    return;
  if (g_strcmp0 (nb_report_get_organ (report), nb_report_get_organ (previous)) != 0)
    _nb_rules_record (records, RULE_X5_ORGAN, 0, NO_TABLE, 0, 0, 0, 0, 0);
  if (year != nb_report_get_year (previous) + 1)
    _nb_rules_record (records, RULE_X6_YEAR, 0, NO_TABLE, 0, year, nb_report_get_year (previous),
                      0, 0);
}

/* ---- Groups ------------------------------------------------------------------ */

/* Groups, in the order of the findings: identity, each table, texts,
 * texts against tables. */
guint
nb_rules_n_groups (NbReport *report)
{
  return nb_report_get_n_tables (report) + 3;
}

guint
nb_rules_table_group (guint table_index)
{
  return table_index + 1;
}

guint
nb_rules_texts_group (NbReport *report)
{
  return nb_report_get_n_tables (report) + 1;
}

/* T1, T2: section 一 against tables 三 and 四 */
guint
nb_rules_text_tables_group (NbReport *report)
{
  return nb_report_get_n_tables (report) + 2;
}

void
nb_rules_check_group (NbReport            *report,
                      NbReport            *previous,
                      const NbTextFigures *figures,
                      guint                group,
                      GArray              *records)
{
  if (group == NB_RULES_GROUP_IDENTITY)
    check_identity (report, previous, records);
  else if (group == nb_rules_texts_group (report))
    _nb_rules_check_texts (report, previous, records);
  else if (group == nb_rules_text_tables_group (report))
    _nb_rules_check_text_figures (report, figures, records);
  else
    _nb_rules_check_table (report, previous, group - 1, records);
}
