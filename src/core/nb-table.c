/* nb-table.c — one statistical table of a report
 *
 * A table holds a cell per row and column of its NbTableDef.  Total
 * cells follow their parts unless a value was written into them (an
 * override, kept as published); every change, including each total
 * it moves, is announced with ::cell-changed.
 *
 * What a user typed that the cell cannot hold (`abc`, `-3` in a count)
 * is kept as the cell's entry: shown and saved instead of the value,
 * which stays the previous one and is what the totals add up, until a
 * value is written or the entry is dropped.
 *
 * A cell the importer could not place is marked not imported
 * (nb_table_mark_not_imported()): its published value is unknown, so the
 * checker does not hold it against the report.  Writing anything into the
 * cell drops the mark: the user has taken the cell over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-table"

#include "config.h"

#include "nb-marshal.h"

#include <string.h>

#include "nb-table-private.h"
#include "nb-text.h"
#include "nb-value.h"

struct _NbTable
{
  GObject           parent_instance;

  const NbTableDef *def;
  NbCell           *cells;
  int              *total_row_of;      /* per row: the total row that sums it, or -1 */
  int              *total_column_of;   /* per column: likewise */
};

G_DEFINE_FINAL_TYPE (NbTable, nb_table, G_TYPE_OBJECT)

enum {
  CELL_CHANGED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static inline NbCell *
cell_at (NbTable *self,
         guint    row,
         guint    column)
{
  return &self->cells[row * self->def->n_columns + column];
}

#define IN_RANGE(self, row, column) \
  (NB_IS_TABLE (self) && (row) < (self)->def->n_rows && (column) < (self)->def->n_columns)
#define RETURN_IF_OUT_OF_RANGE(self, row, column, val) \
  g_return_val_if_fail (IN_RANGE (self, row, column), val)
#define RETURN_VOID_IF_OUT_OF_RANGE(self, row, column) \
  g_return_if_fail (IN_RANGE (self, row, column))

/* total_of[i] = the index of the total that sums item i, or -1 */
static void
index_totals (int          *total_of,
              guint         n,
              const guint8 *n_parts)
{
  for (guint i = 0; i < n; i++)
    total_of[i] = -1;
  for (guint t = 0; t < n; t++)
    for (guint i = t - MIN (n_parts[t], t); i < t; i++)
      total_of[i] = (int) t;
}

static gint64
displayed_number (const NbCell *cell)
{
  return cell->state == NB_CELL_NUMBER ? cell->number : 0;
}

/**
 * nb_table_sum_parts:
 * @sum: (out): the sum of the cell's parts, empty parts counting as 0
 *
 * Returns: %FALSE when the cell is no total, or all its parts are empty.
 */
gboolean
nb_table_sum_parts (NbTable *self,
                    guint    row,
                    guint    column,
                    gint64  *sum)
{
  const NbTableDef *def;
  gboolean any = FALSE;
  gint64 total = 0;

  RETURN_IF_OUT_OF_RANGE (self, row, column, FALSE);
  def = self->def;

  /* A row total sums across; only a cell of a total row in a plain
   * column sums down. */
  if (def->columns[column].n_parts > 0)
    {
      for (guint c = column - def->columns[column].n_parts; c < column; c++)
        {
          const NbCell *part = cell_at (self, row, c);
          any |= part->state == NB_CELL_NUMBER;
          total += displayed_number (part);
        }
    }
  else if (def->rows[row].n_parts > 0)
    {
      for (guint r = row - def->rows[row].n_parts; r < row; r++)
        {
          const NbCell *part = cell_at (self, r, column);
          any |= part->state == NB_CELL_NUMBER;
          total += displayed_number (part);
        }
    }

  *sum = total;
  return any;
}

/* Brings an automatic total up to date; TRUE if it changed. */
static gboolean
recompute_total (NbTable *self,
                 guint    row,
                 guint    column)
{
  NbCell *cell = cell_at (self, row, column);
  NbCellState state;
  gint64 sum;

  if (cell->overridden)
    return FALSE;

  state = nb_table_sum_parts (self, row, column, &sum) ? NB_CELL_NUMBER : NB_CELL_EMPTY;
  if (state == NB_CELL_EMPTY)
    sum = 0;
  if (cell->state == state && cell->number == sum)
    return FALSE;

  cell->state = state;
  cell->number = sum;
  return TRUE;
}

static void
emit_changed (NbTable *self,
              guint    row,
              guint    column)
{
  g_signal_emit (self, signals[CELL_CHANGED], 0, row, column);
}

/* Ends one edit: every cell it changed has been announced. */
static void
emit_edit_done (NbTable *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* After (row, column) changed: brings the totals it is a part of up to
 * date — the total row's cell first, since the corner (total row × total
 * column) adds up the total row across — and only then announces the
 * change and the totals it moved, so that listeners never see a total
 * out of step with its parts. */
static void
cell_changed (NbTable *self,
              guint    row,
              guint    column)
{
  int total_row = self->total_row_of[row];
  int total_column = self->total_column_of[column];
  gboolean down = total_row >= 0 && recompute_total (self, total_row, column);
  gboolean across = total_column >= 0 && recompute_total (self, row, total_column);
  gboolean corner = total_row >= 0 && total_column >= 0 &&
                    recompute_total (self, total_row, total_column);

  emit_changed (self, row, column);
  if (down)
    emit_changed (self, total_row, column);
  if (across)
    emit_changed (self, row, total_column);
  if (corner)
    emit_changed (self, total_row, total_column);
  emit_edit_done (self);
}

static void
clear_strings (NbCell *cell)
{
  g_clear_pointer (&cell->marker, g_free);
  g_clear_pointer (&cell->note, g_free);
  g_clear_pointer (&cell->unit, g_free);
  g_clear_pointer (&cell->entry, g_free);
}

static void
nb_table_finalize (GObject *object)
{
  NbTable *self = (NbTable *) object;
  guint n = self->def->n_rows * self->def->n_columns;

  for (guint i = 0; i < n; i++)
    clear_strings (&self->cells[i]);
  g_free (self->cells);
  g_free (self->total_row_of);
  g_free (self->total_column_of);

  G_OBJECT_CLASS (nb_table_parent_class)->finalize (object);
}

static void
nb_table_class_init (NbTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_table_finalize;

  /**
   * NbTable::cell-changed:
   * @row: the row of the cell
   * @column: its column
   *
   * A cell's number, state, note, unit, override or not-imported mark
   * changed.  Totals
   * that follow it emit their own signal after it.
   */
  signals[CELL_CHANGED] =
    g_signal_new ("cell-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, _nb_marshal_VOID__UINT_UINT,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  g_signal_set_va_marshaller (signals[CELL_CHANGED], G_TYPE_FROM_CLASS (klass),
                              _nb_marshal_VOID__UINT_UINTv);

  /**
   * NbTable::changed:
   *
   * An edit is complete: ::cell-changed has been emitted for every cell
   * it changed, totals included.  Listeners that look at the whole table
   * (the checker) wait for this one.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__VOID,
                  G_TYPE_NONE, 0);
}

static void
nb_table_init (NbTable *self)
{
}

/**
 * nb_table_new:
 * @def: the table's definition from an edition; it must outlive the table
 *   (the edition data is static)
 *
 * Returns: (transfer full): a table with every cell empty
 */
NbTable *
nb_table_new (const NbTableDef *def)
{
  NbTable *self;

  g_return_val_if_fail (def != NULL, NULL);

  self = g_object_new (NB_TYPE_TABLE, NULL);
  self->def = def;
  self->cells = g_new0 (NbCell, def->n_rows * def->n_columns);
  self->total_row_of = g_new (int, def->n_rows);
  self->total_column_of = g_new (int, def->n_columns);
  {
    g_autofree guint8 *row_parts = g_new (guint8, def->n_rows);
    g_autofree guint8 *column_parts = g_new (guint8, def->n_columns);

    for (guint r = 0; r < def->n_rows; r++)
      row_parts[r] = def->rows[r].n_parts;
    for (guint c = 0; c < def->n_columns; c++)
      column_parts[c] = def->columns[c].n_parts;
    index_totals (self->total_row_of, def->n_rows, row_parts);
    index_totals (self->total_column_of, def->n_columns, column_parts);
  }

  return self;
}

const NbTableDef *
nb_table_get_def (NbTable *self)
{
  g_return_val_if_fail (NB_IS_TABLE (self), NULL);
  return self->def;
}

NbCellKind
nb_table_get_kind (NbTable *self,
                   guint    column)
{
  g_return_val_if_fail (NB_IS_TABLE (self), NB_CELL_KIND_COUNT);
  g_return_val_if_fail (column < self->def->n_columns, NB_CELL_KIND_COUNT);
  return self->def->columns[column].kind;
}

NbCellState
nb_table_get_state (NbTable *self,
                    guint    row,
                    guint    column)
{
  RETURN_IF_OUT_OF_RANGE (self, row, column, NB_CELL_EMPTY);
  return cell_at (self, row, column)->state;
}

/**
 * nb_table_get_number:
 * Returns: the cell's number in its kind's units; 0 for an empty or
 *   marker cell (see nb_table_get_state())
 */
gint64
nb_table_get_number (NbTable *self,
                     guint    row,
                     guint    column)
{
  RETURN_IF_OUT_OF_RANGE (self, row, column, 0);
  return displayed_number (cell_at (self, row, column));
}

const char *
nb_table_get_marker (NbTable *self,
                     guint    row,
                     guint    column)
{
  RETURN_IF_OUT_OF_RANGE (self, row, column, NULL);
  return cell_at (self, row, column)->marker;
}

const char *
nb_table_get_note (NbTable *self,
                   guint    row,
                   guint    column)
{
  RETURN_IF_OUT_OF_RANGE (self, row, column, NULL);
  return cell_at (self, row, column)->note;
}

/**
 * nb_table_get_entry:
 * Returns: (nullable): the text typed into the cell that it cannot hold,
 *   kept in place of its value (see nb_table_set_entry()), or %NULL
 */
const char *
nb_table_get_entry (NbTable *self,
                    guint    row,
                    guint    column)
{
  RETURN_IF_OUT_OF_RANGE (self, row, column, NULL);
  return cell_at (self, row, column)->entry;
}

const char *
nb_table_get_unit (NbTable *self,
                   guint    row,
                   guint    column)
{
  RETURN_IF_OUT_OF_RANGE (self, row, column, NULL);
  return cell_at (self, row, column)->unit;
}

gboolean
nb_table_is_total (NbTable *self,
                   guint    row,
                   guint    column)
{
  RETURN_IF_OUT_OF_RANGE (self, row, column, FALSE);
  return nb_table_def_is_total (self->def, row, column);
}

gboolean
nb_table_is_overridden (NbTable *self,
                        guint    row,
                        guint    column)
{
  RETURN_IF_OUT_OF_RANGE (self, row, column, FALSE);
  return cell_at (self, row, column)->overridden;
}

/**
 * nb_table_is_not_imported:
 * Returns: whether the importer could not place the cell's published
 *   value and nothing was written into it since; such a cell is empty,
 *   or for an automatic total holds the sum of its parts
 */
gboolean
nb_table_is_not_imported (NbTable *self,
                          guint    row,
                          guint    column)
{
  RETURN_IF_OUT_OF_RANGE (self, row, column, FALSE);
  return cell_at (self, row, column)->not_imported;
}

/**
 * nb_table_count_not_imported:
 * Returns: how many cells are not imported (nb_table_is_not_imported())
 */
guint
nb_table_count_not_imported (NbTable *self)
{
  guint n = 0;

  g_return_val_if_fail (NB_IS_TABLE (self), 0);

  for (guint i = 0; i < self->def->n_rows * self->def->n_columns; i++)
    n += self->cells[i].not_imported;
  return n;
}

/**
 * nb_table_format_cell:
 * Returns: (transfer full): the cell as printed: its entry when it has
 *   one, its number, its marker, or an empty string
 */
char *
nb_table_format_cell (NbTable *self,
                      guint    row,
                      guint    column)
{
  const NbCell *cell;

  RETURN_IF_OUT_OF_RANGE (self, row, column, NULL);
  cell = cell_at (self, row, column);
  if (cell->entry != NULL)
    return g_strdup (cell->entry);

  switch ((NbCellState) cell->state)
    {
    case NB_CELL_NUMBER:
      return nb_value_format (self->def->columns[column].kind, cell->number);
    case NB_CELL_MARKER:
      return g_strdup (cell->marker);
    case NB_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

/* Writing into a total cell overrides it; writing into any cell takes
 * it over from the importer. */
static void
mark_written (NbTable *self,
              NbCell  *cell,
              guint    row,
              guint    column)
{
  if (nb_table_def_is_total (self->def, row, column))
    cell->overridden = TRUE;
  cell->not_imported = FALSE;
}

/**
 * nb_table_set_number:
 * Writes a number into a cell; fails, saying why, when the column's kind
 * cannot hold it (a negative count, a number too large).
 */
gboolean
nb_table_set_number (NbTable  *self,
                     guint     row,
                     guint     column,
                     gint64    number,
                     GError  **error)
{
  NbCell *cell;

  RETURN_IF_OUT_OF_RANGE (self, row, column, FALSE);

  if (!nb_value_check (self->def->columns[column].kind, number, error))
    return FALSE;

  cell = cell_at (self, row, column);
  if (cell->state == NB_CELL_NUMBER && cell->number == number && cell->entry == NULL &&
      !cell->not_imported && (cell->overridden || !nb_table_def_is_total (self->def, row, column)))
    return TRUE;

  cell->state = NB_CELL_NUMBER;
  cell->number = number;
  g_clear_pointer (&cell->marker, g_free);
  g_clear_pointer (&cell->entry, g_free);
  mark_written (self, cell, row, column);
  cell_changed (self, row, column);
  return TRUE;
}

/**
 * nb_table_set_text:
 * Writes what a user typed: nothing but spaces empties the cell, a sign
 * written instead of a number (nb_value_is_marker()) marks it, anything
 * else must parse as the column's kind of number (nb_value_parse()).
 */
gboolean
nb_table_set_text (NbTable     *self,
                   guint        row,
                   guint        column,
                   const char  *text,
                   GError     **error)
{
  g_autofree char *stripped = NULL;
  gint64 number;

  RETURN_IF_OUT_OF_RANGE (self, row, column, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  stripped = nb_text_strip (text);
  if (*stripped == '\0')
    {
      nb_table_clear (self, row, column);
      return TRUE;
    }
  if (nb_value_is_marker (stripped))
    {
      nb_table_set_marker (self, row, column, stripped);
      return TRUE;
    }
  if (!nb_value_parse (text, self->def->columns[column].kind, &number, error))
    return FALSE;
  return nb_table_set_number (self, row, column, number, error);
}

/**
 * nb_table_set_marker:
 * Keeps a non-number written in a published cell (“/”, “-”, “无”); it is
 * not a number and counts as 0 in sums.
 */
void
nb_table_set_marker (NbTable    *self,
                     guint       row,
                     guint       column,
                     const char *marker)
{
  NbCell *cell;

  RETURN_VOID_IF_OUT_OF_RANGE (self, row, column);
  g_return_if_fail (marker != NULL && *marker != '\0');

  cell = cell_at (self, row, column);
  if (cell->state == NB_CELL_MARKER && g_strcmp0 (cell->marker, marker) == 0 &&
      cell->entry == NULL && !cell->not_imported)
    return;

  cell->state = NB_CELL_MARKER;
  cell->number = 0;
  g_free (cell->marker);
  cell->marker = g_strdup (marker);
  g_clear_pointer (&cell->entry, g_free);
  mark_written (self, cell, row, column);
  cell_changed (self, row, column);
}

/**
 * nb_table_clear:
 * Empties a cell.  An emptied total cell stays empty (a published blank)
 * until its total is restored.
 */
void
nb_table_clear (NbTable *self,
                guint    row,
                guint    column)
{
  NbCell *cell;
  gboolean total;

  RETURN_VOID_IF_OUT_OF_RANGE (self, row, column);

  cell = cell_at (self, row, column);
  total = nb_table_def_is_total (self->def, row, column);
  if (cell->state == NB_CELL_EMPTY && cell->entry == NULL && !cell->not_imported &&
      (!total || cell->overridden))
    return;

  cell->state = NB_CELL_EMPTY;
  cell->number = 0;
  g_clear_pointer (&cell->marker, g_free);
  g_clear_pointer (&cell->entry, g_free);
  mark_written (self, cell, row, column);
  cell_changed (self, row, column);
}

static void
set_string (NbTable     *self,
            guint        row,
            guint        column,
            char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  emit_changed (self, row, column);
  emit_edit_done (self);
}

/**
 * nb_table_set_entry:
 * @entry: (nullable): text typed into the cell that it cannot hold; %NULL
 *   or "" drops the entry, so that the cell shows its value again
 *
 * Keeps what was typed, so that nothing typed is lost: the cell's value
 * (and the totals) stay as they were, and the entry is shown, saved and
 * reported by the checker until a value replaces it.
 */
void
nb_table_set_entry (NbTable    *self,
                    guint       row,
                    guint       column,
                    const char *entry)
{
  NbCell *cell;

  RETURN_VOID_IF_OUT_OF_RANGE (self, row, column);

  cell = cell_at (self, row, column);
  if (cell->not_imported)
    {
      /* typed, even if not taken: the user has taken the cell over */
      cell->not_imported = FALSE;
      g_clear_pointer (&cell->entry, g_free);
      cell->entry = entry != NULL && *entry != '\0' ? g_strdup (entry) : NULL;
      emit_changed (self, row, column);
      emit_edit_done (self);
      return;
    }
  set_string (self, row, column, &cell->entry, entry);
}

/**
 * nb_table_mark_not_imported:
 * Marks every cell as not imported, before the importer places what it
 * reads: what it cannot place stays marked.
 */
void
nb_table_mark_not_imported (NbTable *self)
{
  gboolean any = FALSE;

  g_return_if_fail (NB_IS_TABLE (self));

  for (guint r = 0; r < self->def->n_rows; r++)
    for (guint c = 0; c < self->def->n_columns; c++)
      if (!cell_at (self, r, c)->not_imported)
        {
          cell_at (self, r, c)->not_imported = TRUE;
          emit_changed (self, r, c);
          any = TRUE;
        }
  if (any)
    emit_edit_done (self);
}

/**
 * nb_table_mark_cell_not_imported:
 * Takes back what the importer placed in one cell, which it found it
 * could not vouch for: the cell is as before the import, marked not
 * imported.
 */
void
nb_table_mark_cell_not_imported (NbTable *self,
                                 guint    row,
                                 guint    column)
{
  NbCell *cell;

  RETURN_VOID_IF_OUT_OF_RANGE (self, row, column);

  cell = cell_at (self, row, column);
  cell->state = NB_CELL_EMPTY;
  cell->number = 0;
  clear_strings (cell);
  cell->overridden = FALSE;
  cell->not_imported = TRUE;
  if (nb_table_def_is_total (self->def, row, column))
    recompute_total (self, row, column);
  cell_changed (self, row, column);
}

/**
 * nb_table_has_entries:
 * Whether any cell holds an entry it cannot take (nb_table_set_entry()).
 */
gboolean
nb_table_has_entries (NbTable *self)
{
  g_return_val_if_fail (NB_IS_TABLE (self), FALSE);

  for (guint i = 0; i < self->def->n_rows * self->def->n_columns; i++)
    if (self->cells[i].entry != NULL)
      return TRUE;
  return FALSE;
}

/**
 * nb_table_set_note:
 * @note: (nullable): a short note shown beside the number, as real reports
 *   write `39(市政府、市政府办印发)`; %NULL or "" removes it
 */
void
nb_table_set_note (NbTable    *self,
                   guint       row,
                   guint       column,
                   const char *note)
{
  RETURN_VOID_IF_OUT_OF_RANGE (self, row, column);
  set_string (self, row, column, &cell_at (self, row, column)->note, note);
}

/**
 * nb_table_set_unit:
 * @unit: (nullable): the unit an amount was published with (元), when the
 *   form does not state one
 */
void
nb_table_set_unit (NbTable    *self,
                   guint       row,
                   guint       column,
                   const char *unit)
{
  RETURN_VOID_IF_OUT_OF_RANGE (self, row, column);
  set_string (self, row, column, &cell_at (self, row, column)->unit, unit);
}

/**
 * nb_table_restore_total:
 * Drops the override of a total cell: it follows its parts again.
 */
void
nb_table_restore_total (NbTable *self,
                        guint    row,
                        guint    column)
{
  NbCell *cell;

  RETURN_VOID_IF_OUT_OF_RANGE (self, row, column);

  cell = cell_at (self, row, column);
  if (!cell->overridden && cell->entry == NULL && !cell->not_imported)
    return;

  cell->overridden = FALSE;
  cell->not_imported = FALSE;
  g_clear_pointer (&cell->marker, g_free);
  g_clear_pointer (&cell->entry, g_free);
  recompute_total (self, row, column);
  cell_changed (self, row, column);
}

/**
 * nb_table_restore_totals:
 * Returns: how many overrides were dropped
 */
guint
nb_table_restore_totals (NbTable *self)
{
  guint restored = 0;

  g_return_val_if_fail (NB_IS_TABLE (self), 0);

  for (guint r = 0; r < self->def->n_rows; r++)
    for (guint c = 0; c < self->def->n_columns; c++)
      if (cell_at (self, r, c)->overridden)
        {
          nb_table_restore_total (self, r, c);
          restored++;
        }
  return restored;
}

/**
 * nb_table_drop_equal_overrides:
 * Turns every overridden total that equals the sum of its parts back into
 * an automatic one, so that a published report whose totals add up
 * behaves like one typed in.  Used after loading or importing.
 */
void
nb_table_drop_equal_overrides (NbTable *self)
{
  g_return_if_fail (NB_IS_TABLE (self));

  for (guint r = 0; r < self->def->n_rows; r++)
    for (guint c = 0; c < self->def->n_columns; c++)
      {
        NbCell *cell = cell_at (self, r, c);
        gint64 sum;
        gboolean any;

        if (!cell->overridden)
          continue;
        any = nb_table_sum_parts (self, r, c, &sum);
        if ((any && cell->state == NB_CELL_NUMBER && cell->number == sum) ||
            (!any && cell->state == NB_CELL_EMPTY))
          {
            cell->overridden = FALSE;
            emit_changed (self, r, c);
          }
      }
  emit_edit_done (self);
}

/**
 * nb_table_is_blank:
 * Whether no cell holds anything.
 */
gboolean
nb_table_is_blank (NbTable *self)
{
  g_return_val_if_fail (NB_IS_TABLE (self), TRUE);

  for (guint i = 0; i < self->def->n_rows * self->def->n_columns; i++)
    if (self->cells[i].state != NB_CELL_EMPTY || self->cells[i].note != NULL ||
        self->cells[i].entry != NULL)
      return FALSE;
  return TRUE;
}

/**
 * nb_table_copy_from:
 * Makes every cell of @self as in @source, a table of the same definition.
 */
void
nb_table_copy_from (NbTable *self,
                    NbTable *source)
{
  g_return_if_fail (NB_IS_TABLE (self));
  g_return_if_fail (NB_IS_TABLE (source));
  g_return_if_fail (self->def == source->def);

  for (guint r = 0; r < self->def->n_rows; r++)
    for (guint c = 0; c < self->def->n_columns; c++)
      {
        NbCell *to = cell_at (self, r, c);
        const NbCell *from = cell_at (source, r, c);

        clear_strings (to);
        *to = *from;
        to->marker = g_strdup (from->marker);
        to->note = g_strdup (from->note);
        to->unit = g_strdup (from->unit);
        to->entry = g_strdup (from->entry);
        emit_changed (self, r, c);
      }
  emit_edit_done (self);
}

/**
 * nb_table_cell_address:
 * Returns: (transfer full): the stable address `table.row.column`
 */
char *
nb_table_cell_address (NbTable *self,
                       guint    row,
                       guint    column)
{
  RETURN_IF_OUT_OF_RANGE (self, row, column, NULL);
  return g_strconcat (self->def->key, ".", self->def->rows[row].key, ".",
                      self->def->columns[column].key, NULL);
}

/**
 * nb_table_parse_address:
 * Splits a stable address `table.row.column` into its keys.
 */
gboolean
nb_table_parse_address (const char  *address,
                        char       **table_key,
                        char       **row_key,
                        char       **column_key)
{
  g_auto(GStrv) parts = g_strsplit (address, ".", -1);

  if (g_strv_length (parts) != 3)
    return FALSE;
  *table_key = g_strdup (parts[0]);
  *row_key = g_strdup (parts[1]);
  *column_key = g_strdup (parts[2]);
  return TRUE;
}

const NbCell *
_nb_table_get_cells (NbTable *self)
{
  return self->cells;
}

void
_nb_table_load_cell (NbTable      *self,
                     guint         row,
                     guint         column,
                     const NbCell *cell)
{
  NbCell *to = cell_at (self, row, column);

  clear_strings (to);
  *to = *cell;
  to->marker = g_strdup (cell->marker);
  to->note = g_strdup (cell->note);
  to->unit = g_strdup (cell->unit);
  to->entry = g_strdup (cell->entry);
}

/* Recomputes every automatic total: the total rows' cells first, since
 * the total column adds them up across. */
void
_nb_table_settle_totals (NbTable *self)
{
  const NbTableDef *def = self->def;

  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (def->rows[r].n_parts > 0 && def->columns[c].n_parts == 0)
        recompute_total (self, r, c);
  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (def->columns[c].n_parts > 0)
        recompute_total (self, r, c);
}
