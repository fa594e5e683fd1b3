/* nb-cell-display.c — what a number cell shows, as plain data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cell-display"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-cell-display.h"
#include "nb-display-text.h"
#include "nb-value.h"

/* At most this many parts are spelled out in a total's tooltip. */
#define MAX_PARTS_SHOWN 8

/**
 * nb_cell_accessible_label:
 * Returns: (transfer full): the cell named by its row and its column,
 *   as a screen reader says it: “（一）予以公开 · 自然人”
 */
char *
nb_cell_accessible_label (const NbTableDef *def,
                          guint             row,
                          guint             column)
{
  const NbRowDef *r = &def->rows[row];
  GString *s = g_string_new (NULL);

  if (r->group != NULL && def->n_rows > 1)
    g_string_append_printf (s, "%s ", r->group);
  if (r->subgroup != NULL)
    g_string_append_printf (s, "%s ", r->subgroup);
  if (r->label != NULL)
    g_string_append_printf (s, "%s ", r->label);
  if (s->len > 0)
    g_string_append (s, "· ");
  g_string_append (s, def->columns[column].full_label);
  return g_string_free (s, FALSE);
}

/* "= 16 + 6", naming only the parts that hold a number. */
static void
append_sum (GString  *s,
            NbTable  *table,
            guint     row,
            guint     column)
{
  const NbTableDef *def = nb_table_get_def (table);
  NbCellKind kind = nb_table_get_kind (table, column);
  guint first, last, shown = 0, skipped = 0;
  gboolean across = def->columns[column].n_parts > 0;
  gint64 sum = 0;

  if (across)
    {
      first = column - def->columns[column].n_parts;
      last = column;
    }
  else
    {
      first = row - def->rows[row].n_parts;
      last = row;
    }

  g_string_append (s, "Σ =");
  for (guint i = first; i < last; i++)
    {
      guint r = across ? row : i, c = across ? i : column;

      if (nb_table_get_state (table, r, c) != NB_CELL_NUMBER)
        continue;
      sum += nb_table_get_number (table, r, c);
      if (shown == MAX_PARTS_SHOWN)
        {
          skipped++;
          continue;
        }
      if (shown > 0)
        g_string_append (s, " +");
      g_string_append_c (s, ' ');
      nb_value_append (s, kind, nb_table_get_number (table, r, c));
      shown++;
    }
  if (skipped > 0)
    /* Translators: the number of further parts of a sum left out */
    g_string_append_printf (s, _(" + … (%u more)"), skipped);
  if (shown == 0)
    g_string_append (s, " 0");
  else if (shown > 1)
    {
      g_string_append (s, " = ");
      nb_value_append (s, kind, sum);
    }
}

static gboolean
finding_has_cell (NbFinding  *finding,
                  const char *address)
{
  const char * const *cells = nb_finding_get_cells (finding);

  for (guint i = 0; cells != NULL && cells[i] != NULL; i++)
    if (g_str_equal (cells[i], address))
      return TRUE;
  return FALSE;
}

/**
 * nb_cell_display_compute:
 * @display: (out caller-allocates): filled in; free with nb_cell_display_clear()
 * @findings: (nullable): a model of #NbFinding
 *
 * A cell with an entry (nb_table_get_entry()) shows it as typed, marked
 * as an error, with why the cell cannot take it.
 */
void
nb_cell_display_compute (NbCellDisplay *display,
                         NbTable       *table,
                         guint          row,
                         guint          column,
                         GListModel    *findings)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree char *address = nb_table_cell_address (table, row, column);
  const char *note = nb_table_get_note (table, row, column);
  const char *entry = nb_table_get_entry (table, row, column);
  GString *tip = g_string_new (NULL);
  guint n = findings != NULL ? g_list_model_get_n_items (findings) : 0;

  display->is_total = nb_table_is_total (table, row, column);
  display->overridden = nb_table_is_overridden (table, row, column);
  display->has_note = note != NULL;
  display->invalid = entry != NULL;
  display->not_imported = nb_table_is_not_imported (table, row, column);
  display->look = NB_CELL_LOOK_NONE;
  display->accessible_label = nb_cell_accessible_label (def, row, column);
  {
    g_autofree char *text = nb_table_format_cell (table, row, column);

    display->text = nb_display_text (text, NULL);
  }
  display->empty = entry == NULL && nb_table_get_state (table, row, column) == NB_CELL_EMPTY;

  if (entry != NULL)
    {
      g_autoptr(GError) error = NULL;
      gint64 number;

      display->look = NB_CELL_LOOK_ERROR;
      if (!nb_value_parse (entry, def->columns[column].kind, &number, &error))
        /* Translators: %s says why typed text is not a number the cell can hold */
        g_string_append_printf (tip, _("Not entered: %s"), error->message);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      NbSeverity severity;

      if (!finding_has_cell (finding, address))
        continue;
      severity = nb_finding_get_severity (finding);
      if (display->look == NB_CELL_LOOK_NONE || (int) severity < (int) display->look)
        display->look = (NbCellLook) severity;
      if (tip->len > 0)
        g_string_append_c (tip, '\n');
      g_string_append (tip, nb_finding_get_message (finding));
    }

  if (display->not_imported)
    {
      if (tip->len > 0)
        g_string_append_c (tip, '\n');
      g_string_append (tip, _("Not imported: the published value could not be read; "
                              "type it in from the published report"));
    }

  if (display->is_total)
    {
      if (tip->len > 0)
        g_string_append_c (tip, '\n');
      if (display->overridden)
        {
          gint64 sum;
          g_autofree char *parts = NULL;

          if (nb_table_sum_parts (table, row, column, &sum))
            parts = nb_value_format (nb_table_get_kind (table, column), sum);
          /* Translators: %s is the sum of the parts of a total cell */
          g_string_append_printf (tip, _("Typed over the automatic total (the parts add up to %s)"),
                                  parts != NULL ? parts : "0");
        }
      else
        append_sum (tip, table, row, column);
    }

  if (note != NULL)
    {
      if (tip->len > 0)
        g_string_append_c (tip, '\n');
      /* Translators: %s is a note written beside a number */
      g_string_append_printf (tip, _("Note: %s"), note);
    }

  switch (display->look)
    {
    case NB_CELL_LOOK_ERROR:
      display->icon_name = "dialog-error-symbolic";
      break;
    case NB_CELL_LOOK_WARNING:
      display->icon_name = "dialog-warning-symbolic";
      break;
    case NB_CELL_LOOK_INFO:
      /* the hatching says it of a cell not imported (C1 names them all) */
      display->icon_name = display->not_imported ? NULL : "dialog-information-symbolic";
      break;
    case NB_CELL_LOOK_NONE:
    default:
      display->icon_name = display->has_note ? "document-edit-symbolic" : NULL;
      break;
    }

  display->tooltip = tip->len > 0 ? nb_display_text (tip->str, NULL) : NULL;
  g_string_free (tip, TRUE);
}

gboolean
nb_cell_display_equal (const NbCellDisplay *a,
                       const NbCellDisplay *b)
{
  return g_strcmp0 (a->text, b->text) == 0 &&
         a->empty == b->empty &&
         a->is_total == b->is_total &&
         a->overridden == b->overridden &&
         a->invalid == b->invalid &&
         a->not_imported == b->not_imported &&
         a->has_note == b->has_note &&
         a->look == b->look &&
         g_strcmp0 (a->icon_name, b->icon_name) == 0 &&
         g_strcmp0 (a->tooltip, b->tooltip) == 0 &&
         g_strcmp0 (a->accessible_label, b->accessible_label) == 0;
}

void
nb_cell_display_clear (NbCellDisplay *display)
{
  g_clear_pointer (&display->text, g_free);
  g_clear_pointer (&display->tooltip, g_free);
  g_clear_pointer (&display->accessible_label, g_free);
  display->icon_name = NULL;
}
