/* nb-cli-compare.c — `nianbao compare`: last year's report against this year's
 *
 * Prints the cells that changed (every cell with --all), big jumps
 * marked, the cells only one edition has, and how much of each text
 * repeats last year's.  Exit status: 0, or 2 when a report cannot be read.
 *
 * With --sum UNIT… PARENT: a superior office's own report against the 汇总
 * of its units, each cell where they differ; exit status 1 when any does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-aggregate.h"
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

/* The cells where @comparison's current report (the parent's) differs
 * from its last (the sum of the units); returns how many. */
static guint
print_sum_differences (NbComparison *comparison,
                       guint         n_units)
{
  guint n_differ = 0;

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s %d against the sum of its %u unit\n",
                        "%s %d against the sum of its %u units\n", n_units),
           nb_report_get_organ (comparison->current), nb_report_get_year (comparison->current), n_units);
  for (guint i = 0; i < comparison->n_cells; i++)
    {
      const NbComparedCell *cell = &comparison->cells[i];
      g_autofree char *label = NULL, *sum = NULL, *parent = NULL;

      if (cell->presence != NB_COMPARE_BOTH ||
          (cell->last_state == cell->this_state && cell->change == 0))
        continue;
      n_differ++;
      label = nb_compared_cell_label (cell);
      sum = format_value (cell, cell->last_state, cell->last_value);
      parent = format_value (cell, cell->this_state, cell->this_value);
      g_print (_("  %s  %s: the units add up to %s, the report says %s\n"), cell->address, label, sum, parent);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u cell differs from the sum\n", "%u cells differ from the sum\n",
                        n_differ), n_differ);
  return n_differ;
}

/* compare --sum UNIT… PARENT */
static int
compare_with_sum (char **inputs)
{
  guint n_units = g_strv_length (inputs) - 1;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) parent = nb_report_load_any (inputs[n_units], &error);
  g_autoptr(NbReport) sum = NULL;
  g_autoptr(GListStore) units = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(NbComparison) comparison = NULL;
  g_autofree char *last = g_steal_pointer (&inputs[n_units]);
  NbAggregateOptions options;

  if (parent == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  nb_aggregate_options_init (&options);
  options.organ = nb_report_get_organ (parent);
  options.exclude = last;
  sum = nb_aggregate_paths ((const char * const *) inputs, &options, &units, &notes, &error);
  if (sum == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  comparison = nb_compare_reports (sum, parent);
  return print_sum_differences (comparison, g_list_model_get_n_items (G_LIST_MODEL (units))) > 0 ? 1 : 0;
}

int
nb_cli_compare (int    argc,
                char **argv)
{
  gboolean as_json = FALSE, all = FALSE, with_sum = FALSE;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print one JSON document"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Print the cells that did not change too"), NULL },
    { "sum", 0, 0, G_OPTION_ARG_NONE, &with_sum,
      N_("Compare the last report given with the sum of the others (UNIT… PARENT)"), NULL },
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
  if (with_sum)
    {
      if (inputs != NULL && inputs[0] != NULL && inputs[1] != NULL)
        return compare_with_sum (inputs);
      g_printerr ("%s\n", _("Give the units' reports, then the parent's: nianbao compare --sum UNIT… PARENT"));
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
