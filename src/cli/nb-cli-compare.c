/* nb-cli-compare.c — `nianbao compare`: last year's report against this year's
 *
 * Prints the cells that changed (every cell with --all), big jumps
 * marked, the cells only one edition has, and how much of each text
 * repeats last year's.  Exit status: 0, or 2 when a report cannot be read.
 *
 * With --sum UNIT… PARENT: a superior office's own report against the 汇总
 * of its units, each cell where they differ; exit status 1 when any does.
 *
 * With --version N FILE: FILE as it is now against its finalized version
 * N (定稿, 1 the first), cell by cell and text by text (nb_verify_version());
 * exit status 1 when anything differs or the 定稿 history was changed
 * outside Nianbao, 2 when there is no such version.
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
#include "nb-report-file.h"
#include "nb-report-writer.h"
#include "nb-value.h"
#include "nb-verify.h"

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

static const char *
shown (const char *value)
{
  return *value != '\0' ? value : _("(blank)");
}

/* compare --version N FILE */
static int
compare_with_version (const char *path,
                      guint       number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_report_load_from_path (path, &error);
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *fingerprint = NULL;
  g_autoptr(GError) changed = NULL;
  const NbReportVersion *version;
  guint n_cells = 0, n_texts = 0;

  if (report != NULL)
    differences = nb_verify_version (report, number, &error);
  if (differences == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 2;
    }
  /* compared all the same, as verify does, and said so first */
  if (!nb_report_final_is_intact (report, &changed))
    g_print ("%s: %s\n", path, changed->message);
  version = g_ptr_array_index (nb_report_get_versions (report), number - 1);
  fingerprint = nb_report_fingerprint (report);
  /* Translators: the version's number, date and fingerprint, then the report's fingerprint now */
  g_print (_("%s: 定稿 %u of %s · fingerprint %s → now · fingerprint %s\n"), path, number,
           version->date, version->fingerprint, fingerprint);
  for (guint i = 0; i < differences->len; i++)
    {
      const NbVerifyDifference *d = g_ptr_array_index (differences, i);

      if (d->kind == NB_VERIFY_TEXT_DIFFERS)
        {
          n_texts++;
          g_print (_("  %s: the text differs\n    定稿: %s\n    now:  %s\n"), d->label,
                   shown (d->expected), shown (d->published));
        }
      else
        {
          n_cells++;
          g_print ("  %s  %s: %s → %s\n", d->address, d->label, shown (d->expected),
                   shown (d->published));
        }
    }
  g_print (_("%u cells differ, %u texts differ\n"), n_cells, n_texts);
  return differences->len > 0 || changed != NULL ? 1 : 0;
}

int
nb_cli_compare (int    argc,
                char **argv)
{
  gboolean as_json = FALSE, all = FALSE, with_sum = FALSE;
  int version = 0;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print one JSON document"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Print the cells that did not change too"), NULL },
    { "sum", 0, 0, G_OPTION_ARG_NONE, &with_sum,
      N_("Compare the last report given with the sum of the others (UNIT… PARENT)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_INT, &version,
      N_("Compare the report with its finalized version N (定稿; 1 is the first)"), N_("N") },
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
  if (version != 0)
    {
      if (version > 0 && !with_sum && !as_json && !all && inputs != NULL && inputs[0] != NULL &&
          inputs[1] == NULL)
        return compare_with_version (inputs[0], (guint) version);
      g_printerr ("%s\n", _("Give the version's number and one report: nianbao compare --version N "
                            "FILE (without --sum, --json or --all)"));
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
