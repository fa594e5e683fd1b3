/* nb-cli-next.c — `nianbao next`: start next year's report from this one
 *
 * Exit status: 0 when next year's report was written, 2 when the report
 * cannot be read or the new one cannot be written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-cli-private.h"
#include "nb-cross-year.h"
#include "nb-report-file.h"

int
nb_cli_next (int    argc,
             char **argv)
{
  g_autofree char *output = NULL;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The .nianbao file to write"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE -o NEXT — start next year's report from this one"));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) next = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (inputs == NULL || inputs[1] != NULL || output == NULL)
    {
      g_printerr ("%s\n", _("Give this year's report and the file to write: "
                            "nianbao next FILE.nianbao -o NEXT.nianbao"));
      return 2;
    }

  report = nb_report_load_from_path (inputs[0], &error);
  if (report == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (nb_report_get_year (report) < NB_YEAR_MIN || nb_report_get_year (report) >= NB_YEAR_MAX)
    {
      g_printerr (_("The report has no year between %d and %d to start from\n"),
                  NB_YEAR_MIN, NB_YEAR_MAX - 1);
      return 2;
    }
  if (!nb_cli_check_output (output, (const char * const *) inputs, NB_CLI_OUTPUT_DEFAULT, FALSE))
    return 2;
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("“%s” exists already; it was not changed\n"), output);
      return 2;
    }

  next = nb_report_new_next_year (report, inputs[0], output);
  if (!nb_cli_save_report (next, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_print (_("%s: the %d report of %s (%s edition), linked to %s\n"), output,
           nb_report_get_year (next), nb_report_get_organ (next),
           nb_report_get_edition_def (next)->key, inputs[0]);
  g_print ("%s\n", nb_next_year_hint ());
  return 0;
}
