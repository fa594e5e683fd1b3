/* nb-cli-aggregate.c — `nianbao aggregate`: 汇总 of the units' reports
 *
 * Prints a status board (one line per unit: edition, year, errors,
 * warnings, and what became of it), then writes the summary.  Exit
 * status: 0 when the summary was written, 1 when the 汇总 was refused
 * (mixed editions or years, the same report twice), 2 when a file
 * cannot be read or written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-aggregate.h"
#include "nb-cli-private.h"
#include "nb-report-file.h"

static const char *
state_name (NbUnitStatus *unit)
{
  switch (nb_unit_status_get_state (unit))
    {
    case NB_UNIT_LOADED: return _("added");
    case NB_UNIT_UNREADABLE: return _("unreadable");
    case NB_UNIT_REFUSED:
    default: return _("refused");
    }
}

static void
print_board (GListModel *units)
{
  guint n = g_list_model_get_n_items (units);

  g_print ("%5s  %-7s %-4s %6s %8s  %-10s %s\n", "#", _("Edition"), _("Year"), _("Errors"),
           _("Warnings"), _("Status"), _("Unit"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbUnitStatus) unit = g_list_model_get_item (units, i);
      int edition = nb_unit_status_get_edition (unit);
      const char *message = nb_unit_status_get_message (unit);

      if (edition < 0)
        g_print ("%5u  %-7s %-4s %6s %8s  %-10s %s\n", i + 1, "-", "-", "-", "-",
                 state_name (unit), nb_unit_status_get_file (unit));
      else
        g_print ("%5u  %-7s %-4d %6u %8u  %-10s %s — %s\n", i + 1, nb_edition_get (edition)->key,
                 nb_unit_status_get_year (unit), nb_unit_status_get_errors (unit),
                 nb_unit_status_get_warnings (unit), state_name (unit),
                 nb_unit_status_get_organ (unit), nb_unit_status_get_file (unit));
      if (message != NULL)
        g_print ("       %s\n", message);
      if (nb_unit_status_get_markers (unit) > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, "       %u cell holds a marker, counted as 0\n",
                              "       %u cells hold a marker, counted as 0\n",
                              nb_unit_status_get_markers (unit)),
                 nb_unit_status_get_markers (unit));
    }
}

int
nb_cli_aggregate (int    argc,
                  char **argv)
{
  gboolean allow_mixed = FALSE;
  gboolean force = FALSE;
  g_autofree char *organ = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "allow-mixed", 0, 0, G_OPTION_ARG_NONE, &allow_mixed,
      N_("Add up reports of different editions or years (the edition and year most units have "
         "are taken)"), NULL },
    { "organ", 0, 0, G_OPTION_ARG_STRING, &organ, N_("The office the summary is made for"),
      N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The .nianbao file to write"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the file to write if it exists"),
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("-o OUT FILE|FOLDER… — add up the units' reports (汇总)"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) units = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(NbReport) summary = NULL;
  NbAggregateOptions options;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (inputs == NULL || output == NULL)
    {
      g_printerr ("%s\n", _("Give the file to write and the units' reports or their folders: "
                            "nianbao aggregate -o OUT.nianbao FILE|FOLDER…"));
      return 2;
    }

  if (!nb_cli_check_output (output, (const char * const *) inputs, NB_CLI_OUTPUT_REPLACE_FORCED, force))
    return 2;

  nb_aggregate_options_init (&options);
  options.allow_mixed = allow_mixed;
  options.organ = organ;
  options.exclude = output;
  summary = nb_aggregate_paths ((const char * const *) inputs, &options, &units, &notes, &error);
  if (units != NULL)
    print_board (G_LIST_MODEL (units));
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_print ("%s\n", (const char *) notes->pdata[i]);
  if (summary == NULL)
    {
      g_printerr ("%s\n", error->message);
      if (g_error_matches (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_MIXED))
        g_printerr ("%s\n", _("Give --allow-mixed to add them up anyway."));
      return g_error_matches (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_MIXED) ||
             g_error_matches (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_DUPLICATE) ||
             g_error_matches (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_TOO_LARGE) ? 1 : 2;
    }
  if (!nb_cli_save_report (summary, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: the sum of %u unit (%s edition, year %d)\n",
                        "%s: the sum of %u units (%s edition, year %d)\n",
                        nb_report_get_units (summary)->len),
           output, nb_report_get_units (summary)->len,
           nb_report_get_edition_def (summary)->key, nb_report_get_year (summary));
  return 0;
}
