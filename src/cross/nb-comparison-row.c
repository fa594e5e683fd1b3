/* nb-comparison-row.c — one cell of a comparison of two years, for a list view
 *
 * The values as they are printed (“96171.6”, “+51”, “” for empty), with
 * properties a window's column view can bind to.  The same row holds a
 * cell or a text that differs between a 定稿 version and the report now
 * (an NbVerifyDifference): both as printed, with no change or jump.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-comparison-row"

#include "config.h"

#include "nb-comparison-row.h"
#include "nb-value.h"

struct _NbComparisonRow
{
  GObject            parent_instance;

  char              *address;
  char              *label;
  NbComparePresence  presence;
  char              *last_text;
  char              *this_text;
  char              *change_text;
  gboolean           big_jump;
  gboolean           changed;
};

G_DEFINE_FINAL_TYPE (NbComparisonRow, nb_comparison_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ADDRESS,
  PROP_LABEL,
  PROP_PRESENCE,
  PROP_LAST_TEXT,
  PROP_THIS_TEXT,
  PROP_CHANGE_TEXT,
  PROP_BIG_JUMP,
  PROP_CHANGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nb_comparison_row_finalize (GObject *object)
{
  NbComparisonRow *self = (NbComparisonRow *) object;

  g_free (self->address);
  g_free (self->label);
  g_free (self->last_text);
  g_free (self->this_text);
  g_free (self->change_text);

  G_OBJECT_CLASS (nb_comparison_row_parent_class)->finalize (object);
}

static void
nb_comparison_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NbComparisonRow *self = NB_COMPARISON_ROW (object);

  switch (prop_id)
    {
    case PROP_ADDRESS: g_value_set_string (value, self->address); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_PRESENCE: g_value_set_int (value, self->presence); break;
    case PROP_LAST_TEXT: g_value_set_string (value, self->last_text); break;
    case PROP_THIS_TEXT: g_value_set_string (value, self->this_text); break;
    case PROP_CHANGE_TEXT: g_value_set_string (value, self->change_text); break;
    case PROP_BIG_JUMP: g_value_set_boolean (value, self->big_jump); break;
    case PROP_CHANGED: g_value_set_boolean (value, self->changed); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_comparison_row_class_init (NbComparisonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nb_comparison_row_finalize;
  object_class->get_property = nb_comparison_row_get_property;

  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  /* an NbComparePresence */
  properties[PROP_PRESENCE] = g_param_spec_int ("presence", NULL, NULL, 0, NB_COMPARE_ONLY_THIS, 0, flags);
  properties[PROP_LAST_TEXT] = g_param_spec_string ("last-text", NULL, NULL, NULL, flags);
  properties[PROP_THIS_TEXT] = g_param_spec_string ("this-text", NULL, NULL, NULL, flags);
  properties[PROP_CHANGE_TEXT] = g_param_spec_string ("change-text", NULL, NULL, NULL, flags);
  properties[PROP_BIG_JUMP] = g_param_spec_boolean ("big-jump", NULL, NULL, FALSE, flags);
  properties[PROP_CHANGED] = g_param_spec_boolean ("changed", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_comparison_row_init (NbComparisonRow *self)
{
}

/* A value as printed: the number, the marker's place, or nothing. */
static char *
value_text (NbCellKind  kind,
            NbCellState state,
            gint64      value)
{
  if (state == NB_CELL_NUMBER)
    return nb_value_format (kind, value);
  return g_strdup (state == NB_CELL_MARKER ? "—" : "");
}

/**
 * nb_comparison_row_new:
 * Returns: (transfer full): the row of @cell
 */
NbComparisonRow *
nb_comparison_row_new (const NbComparedCell *cell)
{
  NbComparisonRow *self = g_object_new (NB_TYPE_COMPARISON_ROW, NULL);
  NbCellKind kind = cell->def->columns[cell->column].kind;

  self->address = g_strdup (cell->address);
  self->label = nb_compared_cell_label (cell);
  self->presence = cell->presence;
  self->last_text = value_text (kind, cell->last_state, cell->last_value);
  self->this_text = value_text (kind, cell->this_state, cell->this_value);
  if (cell->has_change)
    {
      g_autofree char *change = nb_value_format (kind == NB_CELL_KIND_AMOUNT ? kind
                                                                             : NB_CELL_KIND_SIGNED,
                                                 cell->change);
      self->change_text = g_strconcat (cell->change > 0 ? "+" : "", change, NULL);
    }
  else
    self->change_text = g_strdup ("");
  self->big_jump = cell->big_jump;
  self->changed = cell->presence != NB_COMPARE_BOTH || cell->last_state != cell->this_state ||
                  cell->change != 0;
  return self;
}

const char *
nb_comparison_row_get_address (NbComparisonRow *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON_ROW (self), NULL);
  return self->address;
}

/**
 * nb_comparison_row_get_label:
 * Returns: the cell as the edition labels it (nb_compared_cell_label())
 */
const char *
nb_comparison_row_get_label (NbComparisonRow *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON_ROW (self), NULL);
  return self->label;
}

NbComparePresence
nb_comparison_row_get_presence (NbComparisonRow *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON_ROW (self), NB_COMPARE_BOTH);
  return self->presence;
}

/**
 * nb_comparison_row_get_last_text:
 * Returns: last year's value as printed; "" when empty or not in last
 *   year's edition, “—” for a marker
 */
const char *
nb_comparison_row_get_last_text (NbComparisonRow *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON_ROW (self), NULL);
  return self->last_text;
}

const char *
nb_comparison_row_get_this_text (NbComparisonRow *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON_ROW (self), NULL);
  return self->this_text;
}

/**
 * nb_comparison_row_get_change_text:
 * Returns: the change with its sign (“+51”, “-8”, “0.4”), or "" when
 *   there are not two numbers to compare
 */
const char *
nb_comparison_row_get_change_text (NbComparisonRow *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON_ROW (self), NULL);
  return self->change_text;
}

gboolean
nb_comparison_row_get_big_jump (NbComparisonRow *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON_ROW (self), FALSE);
  return self->big_jump;
}

/**
 * nb_comparison_row_get_changed:
 * Whether the cell differs between the years (or is in one edition only).
 */
gboolean
nb_comparison_row_get_changed (NbComparisonRow *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON_ROW (self), FALSE);
  return self->changed;
}

/**
 * nb_comparison_to_model:
 * @changed_only: leave out the cells that are the same both years
 *
 * Returns: (transfer full): a list of #NbComparisonRow, in the
 *   comparison's order, for a window's comparison view
 */
/**
 * nb_comparison_row_new_difference:
 * @difference: a cell or a text of a 定稿 version (@difference's
 *   expected) that the report now (its published) does not hold as it
 *   was: nb_verify_report() of the version's content and the report
 *
 * Returns: (transfer full): the row of @difference: both as printed,
 *   changed, with no change to compute
 */
NbComparisonRow *
nb_comparison_row_new_difference (const NbVerifyDifference *difference)
{
  NbComparisonRow *self = g_object_new (NB_TYPE_COMPARISON_ROW, NULL);

  self->address = g_strdup (difference->address);
  self->label = g_strdup (difference->label);
  self->presence = NB_COMPARE_BOTH;
  self->last_text = g_strdup (difference->expected);
  self->this_text = g_strdup (difference->published);
  self->change_text = g_strdup ("");
  self->changed = TRUE;
  return self;
}

/**
 * nb_differences_to_model:
 * @differences: (element-type NbVerifyDifference): from nb_verify_report()
 *
 * Returns: (transfer full): a list of #NbComparisonRow, one per
 *   difference in their order, for a window's comparison view
 */
GListModel *
nb_differences_to_model (GPtrArray *differences)
{
  GListStore *store = g_list_store_new (NB_TYPE_COMPARISON_ROW);

  for (guint i = 0; i < differences->len; i++)
    {
      g_autoptr(NbComparisonRow) row =
        nb_comparison_row_new_difference (g_ptr_array_index (differences, i));
      g_list_store_append (store, row);
    }
  return G_LIST_MODEL (store);
}

GListModel *
nb_comparison_to_model (NbComparison *comparison,
                        gboolean      changed_only)
{
  GListStore *store = g_list_store_new (NB_TYPE_COMPARISON_ROW);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < comparison->n_cells; i++)
    {
      NbComparisonRow *row = nb_comparison_row_new (&comparison->cells[i]);

      if (changed_only && !row->changed)
        g_object_unref (row);
      else
        g_ptr_array_add (rows, row);
    }
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}
