/* nb-cli-compare.c — `nianbao compare`: last year's report against this year's
 *
 * Prints the cells that changed (every cell with --all), big jumps
 * marked, the cells only one edition has, and how much of each text
 * repeats last year's.  Exit status: 0, or 2 when a report cannot be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-cli-private.h"
#include "nb-compare.h"
#include "nb-cross-year.h"
#include "nb-value.h"

static char *
format_value (const NbComparedCell *cell,
              NbCellState           state,
              gint64                value)
{
  if (state != NB_CELL_NUMBER)
    return g_strdup (state == NB_CELL_MARKER ? _("(marker)") : _("(empty)"));
  return nb_value_format (cell->def->columns[cell->column].kind, value);
}

static void
print_comparison (NbComparison *comparison,
                  gboolean      all)
{
  const char *last_key = nb_report_get_edition_def (comparison->last)->key;
  const char *this_key = nb_report_get_edition_def (comparison->current)->key;
  guint n_changed = 0;

  g_print (_("%s %d (%s edition) → %s %d (%s edition)\n"),
           nb_report_get_organ (comparison->last), nb_report_get_year (comparison->last), last_key,
           nb_report_get_organ (comparison->current), nb_report_get_year (comparison->current),
           this_key);

  for (guint i = 0; i < comparison->n_cells; i++)
    {
      const NbComparedCell *cell = &comparison->cells[i];
      g_autofree char *label = NULL, *last = NULL, *now = NULL;
      gboolean changed = cell->presence != NB_COMPARE_BOTH || cell->last_state != cell->this_state ||
                         cell->change != 0;

      n_changed += changed;
      if (!changed && !all)
        continue;
      label = nb_compared_cell_label (cell);
      last = format_value (cell, cell->last_state, cell->last_value);
      now = format_value (cell, cell->this_state, cell->this_value);
      switch (cell->presence)
        {
        case NB_COMPARE_ONLY_LAST:
          g_print (_("  %s  %s = %s — only in the %s edition (last year's)\n"),
                   cell->address, label, last, last_key);
          break;
        case NB_COMPARE_ONLY_THIS:
          g_print (_("  %s  %s = %s — only in the %s edition (this year's)\n"),
                   cell->address, label, now, this_key);
          break;
        case NB_COMPARE_BOTH:
        default:
          g_print ("  %s  %s: %s → %s", cell->address, label, last, now);
          if (cell->has_change)
            {
              g_autofree char *change = nb_value_format (
                cell->def->columns[cell->column].kind == NB_CELL_KIND_AMOUNT
                  ? NB_CELL_KIND_AMOUNT : NB_CELL_KIND_SIGNED, cell->change);
              g_print (" (%s%s)", cell->change > 0 ? "+" : "", change);
            }
          if (cell->big_jump)
            g_print ("  %s", _("BIG JUMP"));
          g_print ("\n");
        }
    }
  g_print (_("%u cells differ, %u big jumps, %u cells only in last year's edition, "
             "%u only in this year's\n"),
           n_changed, comparison->n_big_jumps, comparison->n_only_last, comparison->n_only_this);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    {
      guint section = nb_text_section_number (i);

      if (*nb_report_get_text (comparison->current, i) == '\0')
        continue;
      g_print (_("  %s: %u%% repeats last year's text\n"),
               section > 0 ? nb_section_heading (section) : nb_text_section_key (i),
               comparison->repeated_percent[i]);
    }
}

int
nb_cli_compare (int    argc,
                char **argv)
{
  gboolean as_json = FALSE, all = FALSE;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print one JSON document"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Print the cells that did not change too"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("LAST THIS — compare last year's report with this year's"));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) last = NULL;
  g_autoptr(NbReport) current = NULL;
  g_autoptr(NbComparison) comparison = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (inputs == NULL || inputs[1] == NULL || inputs[2] != NULL)
    {
      g_printerr ("%s\n", _("Give last year's report and this year's: nianbao compare LAST THIS"));
      return 2;
    }
  last = nb_report_load_any (inputs[0], &error);
  if (last != NULL)
    current = nb_report_load_any (inputs[1], &error);
  if (current == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  comparison = nb_compare_reports (last, current);
  if (as_json)
    {
      g_autofree char *data = nb_comparison_to_json (comparison, NULL);
      g_print ("%s", data);
    }
  else
    print_comparison (comparison, all);
  return 0;
}
