/* nb-cli-link.c — `nianbao link`: remember last year's report in this one
 *
 * Exit status: 0 when the link was saved, 2 when a report cannot be
 * read or the file cannot be written.
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
nb_cli_link (int    argc,
             char **argv)
{
  gboolean unlink = FALSE;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "remove", 0, 0, G_OPTION_ARG_NONE, &unlink, N_("Remove the link to last year's report"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE LAST — link last year's report (a .nianbao file or a published "
                            "report) to this year's"));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  NbPreviousLink *link;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (inputs == NULL || (unlink ? inputs[1] != NULL : (inputs[1] == NULL || inputs[2] != NULL)))
    {
      g_printerr ("%s\n", _("Give this year's report and last year's: nianbao link FILE LAST, "
                            "or nianbao link --remove FILE"));
      return 2;
    }

  /* link writes FILE in place, by design; LAST is only read */
  if (!unlink &&
      !nb_cli_check_output (inputs[0], (const char * const *) inputs + 1, NB_CLI_OUTPUT_DEFAULT,
                            FALSE))
    return 2;

  report = nb_report_load_from_path (inputs[0], &error);
  if (report == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (unlink)
    nb_report_set_previous_link (report, NULL);
  else if (!nb_report_link_previous (report, inputs[0], inputs[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!nb_cli_save_report (report, inputs[0], &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  link = nb_report_get_previous_link (report);
  if (link != NULL)
    g_print (_("%s: linked to the %d report of %s (%s edition) in %s\n"), inputs[0],
             nb_previous_link_get_year (link), nb_previous_link_get_organ (link),
             nb_edition_get (nb_previous_link_get_edition (link))->key,
             nb_previous_link_get_path (link));
  return 0;
}
