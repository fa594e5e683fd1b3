/* nb-rules-table.c — the rules of the report's tables
 *
 * Totals, balance, blanks and markers within a table (R, N), and each
 * table against last year's (X1 to X3).
 *
 * A cell the importer could not place (nb_table_is_not_imported()) has
 * no published value to check: an equation or a comparison that involves
 * one is skipped, and C1 says once per table that it could not be checked
 * in full, rather than the rules reporting the gaps of the import as
 * errors of the published report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-rules"

#include "config.h"

#include <string.h>

#include "nb-rules-private.h"
#include "nb-table-private.h"
#include "nb-value.h"

/* ---- Table rules ---------------------------------------------------------- */

/* C1: cells that were not imported, which the rules below leave out. */
static guint
check_imported (NbTable *table,
                guint    table_index,
                GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint n = nb_table_count_not_imported (table);

  if (n > 0)
    _nb_rules_record (records, RULE_C1_NOT_IMPORTED, def->section, table_index, 0, n, 0, 0, 0);
  return n;
}

/* Whether a total and every part it adds up were imported. */
static gboolean
total_is_imported (const NbTableDef *def,
                   const NbCell     *cells,
                   guint             row,
                   guint             column)
{
  gboolean across = def->columns[column].n_parts > 0;
  guint n_parts = across ? def->columns[column].n_parts : def->rows[row].n_parts;

  if (cells[row * def->n_columns + column].not_imported)
    return FALSE;
  for (guint i = 1; i <= n_parts; i++)
    if (cells[across ? row * def->n_columns + column - i
                     : (row - i) * def->n_columns + column].not_imported)
      return FALSE;
  return TRUE;
}

/* R2, R3, R4: a total cell equals the sum of its parts. */
static void
check_total (NbTable *table,
             guint    table_index,
             guint    row,
             guint    column,
             GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  const NbCell *cell = &_nb_table_get_cells (table)[row * def->n_columns + column];
  gboolean any;
  gint64 sum;
  Rule rule;

  any = nb_table_sum_parts (table, row, column, &sum);
  if (cell->state == NB_CELL_EMPTY ? !any
                                   : (cell->state == NB_CELL_NUMBER ? cell->number : 0) == sum)
    return;

  if (def->columns[column].n_parts > 0)
    rule = def->section == 4 ? RULE_R4_APPEAL_TOTAL : RULE_R2_ROW_TOTAL;
  else
    rule = RULE_R3_RESULT_TOTAL;
  _nb_rules_record (records, rule, def->section, table_index, row * def->n_columns + column,
                    cell->state == NB_CELL_NUMBER ? cell->number : 0, sum,
                    cell->state == NB_CELL_EMPTY, 0);
}

static void
check_totals (NbTable  *table,
              guint     table_index,
              gboolean  all_imported,
              GArray   *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  const NbCell *cells = _nb_table_get_cells (table);

  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if ((def->columns[c].n_parts > 0 || def->rows[r].n_parts > 0) &&
          (all_imported || total_is_imported (def, cells, r, c)))
        check_total (table, table_index, r, c, records);
}

/* R1: for each column, 一 + 二 = 三（七）总计 + 四. */
static void
check_balance (NbTable *table,
               guint    table_index,
               GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  const NbCell *cells = _nb_table_get_cells (table);
  int rows[4] = {
    nb_table_def_find_row (def, "new"),
    nb_table_def_find_row (def, "carried_over"),
    nb_table_def_find_row (def, "result_total"),
    nb_table_def_find_row (def, "carried_forward"),
  };

  for (guint c = 0; c < def->n_columns; c++)
    {
      gint64 n[4];
      gboolean any = FALSE, imported = TRUE;

      for (guint i = 0; i < 4; i++)
        {
          const NbCell *cell = &cells[rows[i] * def->n_columns + c];

          n[i] = cell->state == NB_CELL_NUMBER ? cell->number : 0;
          any |= cell->state == NB_CELL_NUMBER;
          imported &= !cell->not_imported;
        }
      if (any && imported && n[0] + n[1] != n[2] + n[3])
        _nb_rules_record (records, RULE_R1_BALANCE, def->section, table_index, c,
                          n[0], n[1], n[2], n[3]);
    }
}

/* R5: tables 三 and 四 have a number in every cell that was imported. */
static void
check_blanks (NbTable *table,
              guint    table_index,
              GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  const NbCell *cells = _nb_table_get_cells (table);
  guint n_cells = def->n_rows * def->n_columns, blank = 0;

  for (guint i = 0; i < n_cells; i++)
    blank += cells[i].state != NB_CELL_NUMBER && !cells[i].not_imported;
  if (blank > 0)
    _nb_rules_record (records, RULE_R5_BLANK, def->section, table_index, 0, blank, 0, 0, 0);
}

/* N1: in section 二, a marker stands where a number belongs. */
static void
check_markers (NbTable *table,
               guint    table_index,
               GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (nb_table_get_state (table, r, c) == NB_CELL_MARKER)
        _nb_rules_record (records, RULE_N1_NOT_NUMBER, def->section, table_index,
                          r * def->n_columns + c, 0, 0, 0, 0);
}

/* E1: a cell holds typed text it cannot take.  The entry's hash is part
 * of the record, so that another wrong entry in the same cell is told
 * anew. */
static void
check_entries (NbTable *table,
               guint    table_index,
               GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  const NbCell *cells = _nb_table_get_cells (table);

  for (guint i = 0; i < def->n_rows * def->n_columns; i++)
    if (cells[i].entry != NULL)
      _nb_rules_record (records, RULE_E1_ENTRY, def->section, table_index, i,
                        g_str_hash (cells[i].entry), 0, 0, 0);
}

/* R6 (2019 edition): 本年新公开数量 ≤ 对外公开总数量. */
static void
check_published (NbTable *table,
                 guint    table_index,
                 GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  int published = nb_table_def_find_column (def, "published");
  int total = nb_table_def_find_column (def, "total_published");

  if (published < 0 || total < 0)
    return;
  for (guint r = 0; r < def->n_rows; r++)
    if (nb_table_get_state (table, r, published) == NB_CELL_NUMBER &&
        nb_table_get_state (table, r, total) == NB_CELL_NUMBER &&
        nb_table_get_number (table, r, published) > nb_table_get_number (table, r, total))
      _nb_rules_record (records, RULE_R6_PUBLISHED, def->section, table_index, r,
                        nb_table_get_number (table, r, published),
                        nb_table_get_number (table, r, total), 0, 0);
}

/* X1: 二、上年结转 equals last year's 四、结转下年度继续办理, per column. */
static void
check_carry_over (NbTable *table,
                  NbTable *last,
                  guint    table_index,
                  GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint c = 0; c < def->n_columns; c++)
    {
      gboolean here, there;
      gint64 now = _nb_rules_number_by_key (table, "carried_over", def->columns[c].key, &here);
      gint64 then = _nb_rules_number_by_key (last, "carried_forward", def->columns[c].key, &there);

      if ((here || there) && now != then &&
          _nb_rules_imported_by_key (table, "carried_over", def->columns[c].key) &&
          _nb_rules_imported_by_key (last, "carried_forward", def->columns[c].key))
        _nb_rules_record (records, RULE_X1_CARRY_OVER, def->section, table_index,
                          c, now, then, 0, 0);
    }
}

/* X7: the figures of section 二 and the totals of 三 and 四 that changed
 * more than fivefold, either way, against last year's report; cells of
 * one edition only are not compared. */
static void
check_jumps (NbTable *table,
             NbTable *last,
             guint    table_index,
             GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      {
        gboolean here, there;
        gint64 now, then, high, low;

        if (def->section != 2 && !nb_table_is_total (table, r, c))
          continue;
        now = _nb_rules_number_by_key (table, def->rows[r].key, def->columns[c].key, &here);
        then = _nb_rules_number_by_key (last, def->rows[r].key, def->columns[c].key, &there);
        high = MAX (now, then);
        low = MIN (now, then);
        if (here && there && high >= X7_FLOOR && high > X7_FACTOR * low &&
            !nb_table_is_not_imported (table, r, c) &&
            _nb_rules_imported_by_key (last, def->rows[r].key, def->columns[c].key))
          _nb_rules_record (records, RULE_X7_JUMP, def->section, table_index,
                            r * def->n_columns + c, now, then, 0, 0);
      }
}

/* X2 (2021 → 2021): 现行有效件数 rolls forward by 制发 − 废止. */
static void
check_in_force (NbTable *table,
                NbTable *last,
                guint    table_index,
                GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);

  if (nb_table_def_find_column (nb_table_get_def (last), "in_force") < 0)
    {
      _nb_rules_record (records, RULE_X2_NOT_COMPARABLE, def->section, table_index,
                        0, 0, 0, 0, 0);
      return;
    }
  for (guint r = 0; r < def->n_rows; r++)
    {
      const char *key = def->rows[r].key;
      gboolean has_now, has_then;
      gint64 now = _nb_rules_number_by_key (table, key, "in_force", &has_now);
      gint64 then = _nb_rules_number_by_key (last, key, "in_force", &has_then);
      gint64 issued = _nb_rules_number_by_key (table, key, "issued", NULL);
      gint64 repealed = _nb_rules_number_by_key (table, key, "repealed", NULL);
      gboolean imported = _nb_rules_imported_by_key (table, key, "in_force") &&
                          _nb_rules_imported_by_key (table, key, "issued") &&
                          _nb_rules_imported_by_key (table, key, "repealed") &&
                          _nb_rules_imported_by_key (last, key, "in_force");

      if (has_now && has_then && imported && now != then + issued - repealed)
        _nb_rules_record (records, RULE_X2_IN_FORCE, def->section, table_index,
                          r, now, then, issued, repealed);
    }
}

/* X3 (2019 → 2019): 上一年项目数量 = last year's 上一年项目数量 + 本年增/减. */
static void
check_items (NbTable *table,
             NbTable *last,
             guint    table_index,
             GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint r = 0; r < def->n_rows; r++)
    {
      const char *key = def->rows[r].key;
      gboolean has_now, has_then, has_change;
      gint64 now = _nb_rules_number_by_key (table, key, "prev_items", &has_now);
      gint64 then = _nb_rules_number_by_key (last, key, "prev_items", &has_then);
      gint64 change = _nb_rules_number_by_key (last, key, "change", &has_change);
      gboolean imported = _nb_rules_imported_by_key (table, key, "prev_items") &&
                          _nb_rules_imported_by_key (last, key, "prev_items") &&
                          _nb_rules_imported_by_key (last, key, "change");

      if (has_now && has_then && has_change && imported && now != then + change)
        _nb_rules_record (records, RULE_X3_ITEMS, def->section, table_index,
                          r, now, then, change, 0);
    }
}

void
_nb_rules_check_table (NbReport *report,
                       NbReport *previous,
                       guint     table_index,
                       GArray   *records)
{
  NbTable *table = nb_report_get_table_at (report, table_index);
  const NbTableDef *def = nb_table_get_def (table);
  NbTable *last = previous != NULL ? nb_report_get_table (previous, def->key) : NULL;
  NbEdition edition = nb_report_get_edition (report);
  gboolean all_imported = check_imported (table, table_index, records) == 0;

  check_entries (table, table_index, records);
  check_totals (table, table_index, all_imported, records);
  if (last != NULL)
    check_jumps (table, last, table_index, records);
  if (def->section == 2)
    check_markers (table, table_index, records);
  else
    check_blanks (table, table_index, records);

  if (def->section == 3)
    {
      check_balance (table, table_index, records);
      if (edition == NB_EDITION_2021)
        _nb_rules_check_fees (report, table, table_index, records);   /* R8, with section 六 */
      if (last != NULL)
        check_carry_over (table, last, table_index, records);
    }
  else if (strcmp (def->key, "s2_regulations") == 0)
    {
      if (edition == NB_EDITION_2019)
        check_published (table, table_index, records);
      else if (last != NULL)
        check_in_force (table, last, table_index, records);
    }
  else if (def->section == 2 && edition == NB_EDITION_2019 && last != NULL &&
           nb_report_get_edition (previous) == NB_EDITION_2019)
    check_items (table, last, table_index, records);
}
