/* nb-compare.c — two years of a report side by side
 *
 * Every cell of both reports by its stable key: both values, the change
 * and whether it is a big jump; cells that only one edition has are said
 * to be so.  The texts are compared with the shingle similarity of the
 * checker's rule X4.  Nothing here changes either report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-compare"

#include "config.h"

#include <string.h>

#include "nb-compare.h"
#include "nb-report-writer.h"
#include "nb-similarity.h"
#include "nb-value.h"

static gboolean
is_big_jump (NbCellKind kind,
             gint64     last,
             gint64     change)
{
  gint64 absolute = NB_COMPARE_JUMP_ABSOLUTE * (kind == NB_CELL_KIND_AMOUNT ? NB_AMOUNT_SCALE : 1);
  gint64 magnitude = ABS (change);

  return magnitude > absolute && magnitude * 100 > ABS (last) * NB_COMPARE_JUMP_PERCENT;
}

/* The cell of @report at the keys of (@def, @row, @column), if it has one. */
static gboolean
find_cell (NbReport         *report,
           const NbTableDef *def,
           guint             row,
           guint             column,
           NbTable         **table,
           guint            *found_row,
           guint            *found_column)
{
  const NbTableDef *other;
  int r, c;

  *table = nb_report_get_table (report, def->key);
  if (*table == NULL)
    return FALSE;
  other = nb_table_get_def (*table);
  if (other == def)
    {
      *found_row = row;
      *found_column = column;
      return TRUE;
    }
  r = nb_table_def_find_row (other, def->rows[row].key);
  c = nb_table_def_find_column (other, def->columns[column].key);
  if (r < 0 || c < 0)
    return FALSE;
  *found_row = r;
  *found_column = c;
  return TRUE;
}

static void
read_cell (NbTable     *table,
           guint        row,
           guint        column,
           NbCellState *state,
           gint64      *value)
{
  *state = nb_table_get_state (table, row, column);
  *value = *state == NB_CELL_NUMBER ? nb_table_get_number (table, row, column) : 0;
}

/* Adds the cells of @from's tables; those @other also has are compared
 * (only when @from is this year's, so that each appears once). */
static void
add_cells (GArray   *cells,
           NbReport *from,
           NbReport *other,
           gboolean  from_is_current)
{
  for (guint t = 0; t < nb_report_get_n_tables (from); t++)
    {
      NbTable *table = nb_report_get_table_at (from, t);
      const NbTableDef *def = nb_table_get_def (table);

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++)
          {
            NbComparedCell cell = { 0 };
            NbTable *other_table;
            guint other_row, other_column;
            gboolean both = find_cell (other, def, r, c, &other_table, &other_row, &other_column);

            if (both && !from_is_current)
              continue;
            cell.address = nb_table_cell_address (table, r, c);
            cell.def = def;
            cell.row = r;
            cell.column = c;
            if (from_is_current)
              {
                read_cell (table, r, c, &cell.this_state, &cell.this_value);
                if (both)
                  read_cell (other_table, other_row, other_column,
                             &cell.last_state, &cell.last_value);
                cell.presence = both ? NB_COMPARE_BOTH : NB_COMPARE_ONLY_THIS;
              }
            else
              {
                read_cell (table, r, c, &cell.last_state, &cell.last_value);
                cell.presence = NB_COMPARE_ONLY_LAST;
              }
            cell.has_change = cell.presence == NB_COMPARE_BOTH &&
                              cell.last_state == NB_CELL_NUMBER &&
                              cell.this_state == NB_CELL_NUMBER;
            if (cell.has_change)
              {
                cell.change = cell.this_value - cell.last_value;
                cell.big_jump = is_big_jump (def->columns[c].kind, cell.last_value, cell.change);
              }
            g_array_append_val (cells, cell);
          }
    }
}

/**
 * nb_compare_reports:
 * @last: last year's report
 * @current: this year's
 *
 * Returns: (transfer full): every cell of both, this year's tables in
 *   their order first, then the cells only last year's edition has
 */
NbComparison *
nb_compare_reports (NbReport *last,
                    NbReport *current)
{
  NbComparison *comparison;
  GArray *cells;

  g_return_val_if_fail (NB_IS_REPORT (last), NULL);
  g_return_val_if_fail (NB_IS_REPORT (current), NULL);

  comparison = g_new0 (NbComparison, 1);
  comparison->last = g_object_ref (last);
  comparison->current = g_object_ref (current);

  cells = g_array_new (FALSE, FALSE, sizeof (NbComparedCell));
  add_cells (cells, current, last, TRUE);
  add_cells (cells, last, current, FALSE);
  comparison->n_cells = cells->len;
  comparison->cells = (NbComparedCell *) g_array_free (cells, FALSE);

  for (guint i = 0; i < comparison->n_cells; i++)
    {
      const NbComparedCell *cell = &comparison->cells[i];

      comparison->n_only_last += cell->presence == NB_COMPARE_ONLY_LAST;
      comparison->n_only_this += cell->presence == NB_COMPARE_ONLY_THIS;
      comparison->n_big_jumps += cell->big_jump;
    }
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    comparison->repeated_percent[i] =
      nb_text_repeated_percent (nb_report_get_text (current, i), nb_report_get_text (last, i));
  return comparison;
}

void
nb_comparison_free (NbComparison *comparison)
{
  if (comparison == NULL)
    return;
  for (guint i = 0; i < comparison->n_cells; i++)
    g_free (comparison->cells[i].address);
  g_free (comparison->cells);
  g_object_unref (comparison->last);
  g_object_unref (comparison->current);
  g_free (comparison);
}

/**
 * nb_compared_cell_label:
 * Returns: (transfer full): the cell as the edition labels it
 *   (nb_table_def_cell_label())
 */
char *
nb_compared_cell_label (const NbComparedCell *cell)
{
  return nb_table_def_cell_label (cell->def, cell->row, cell->column);
}

static void
write_value (NbJsonWriter *writer,
             NbCellKind    kind,
             NbCellState   state,
             gint64        value)
{
  g_autofree char *text = NULL;

  if (state != NB_CELL_NUMBER)
    {
      nb_json_writer_null (writer);
      return;
    }
  if (kind != NB_CELL_KIND_AMOUNT)
    {
      nb_json_writer_int (writer, value);
      return;
    }
  text = nb_value_format (kind, value);
  nb_json_writer_string (writer, text);
}

/**
 * nb_comparison_to_json:
 * Returns: (transfer full): the comparison as JSON (docs/file-format.md,
 *   “nianbao compare --json”); amounts are text, as in report files
 */
char *
nb_comparison_to_json (NbComparison *comparison,
                       gsize        *length)
{
  static const char *const presence[] = { "both", "only_last", "only_this" };
  NbJsonWriter *writer = nb_json_writer_new ();

  nb_json_writer_begin_object (writer);
  nb_json_writer_key (writer, "last");
  nb_json_writer_begin_object (writer);
  nb_json_write_identity (writer, comparison->last);
  nb_json_writer_end_object (writer);
  nb_json_writer_key (writer, "this");
  nb_json_writer_begin_object (writer);
  nb_json_write_identity (writer, comparison->current);
  nb_json_writer_end_object (writer);

  nb_json_writer_key (writer, "cells");
  nb_json_writer_begin_array (writer);
  for (guint i = 0; i < comparison->n_cells; i++)
    {
      const NbComparedCell *cell = &comparison->cells[i];
      NbCellKind kind = cell->def->columns[cell->column].kind;
      g_autofree char *label = nb_compared_cell_label (cell);

      nb_json_writer_begin_object (writer);
      nb_json_writer_key (writer, "address");
      nb_json_writer_string (writer, cell->address);
      nb_json_writer_key (writer, "label");
      nb_json_writer_string (writer, label);
      nb_json_writer_key (writer, "in");
      nb_json_writer_string (writer, presence[cell->presence]);
      nb_json_writer_key (writer, "last");
      write_value (writer, kind, cell->last_state, cell->last_value);
      nb_json_writer_key (writer, "this");
      write_value (writer, kind, cell->this_state, cell->this_value);
      nb_json_writer_key (writer, "change");
      write_value (writer, kind == NB_CELL_KIND_AMOUNT ? kind : NB_CELL_KIND_SIGNED,
                   cell->has_change ? NB_CELL_NUMBER : NB_CELL_EMPTY, cell->change);
      nb_json_writer_key (writer, "big_jump");
      nb_json_writer_boolean (writer, cell->big_jump);
      nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_array (writer);

  nb_json_writer_key (writer, "texts");
  nb_json_writer_begin_object (writer);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    {
      nb_json_writer_key (writer, nb_text_section_key (i));
      nb_json_writer_int (writer, comparison->repeated_percent[i]);
    }
  nb_json_writer_end_object (writer);
  nb_json_writer_end_object (writer);
  return nb_json_writer_free_to_data (writer, length);
}
