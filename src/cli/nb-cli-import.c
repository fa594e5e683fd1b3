/* nb-cli-import.c — `nianbao import`: a published report into a .nianbao file
 *
 * Exit status: 0 when everything was imported, 1 when the report was
 * imported but some data could not be placed or parts are missing (the
 * messages say which), 2 when the input cannot be read or imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-cli-private.h"
#include "nb-import.h"
#include "nb-report-file.h"

enum {
  EXIT_IMPORTED = 0,
  EXIT_UNPLACED = 1,
  EXIT_UNREADABLE = 2,
};

int
nb_cli_import (int    argc,
               char **argv)
{
  int year = 0;
  g_autofree char *organ = NULL;
  g_autofree char *edition_key = NULL;
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year of the report, if the title does not say"),
      N_("YEAR") },
    { "organ", 0, 0, G_OPTION_ARG_STRING, &organ, N_("The office that made the report"), N_("NAME") },
    { "edition", 0, 0, G_OPTION_ARG_STRING, &edition_key,
      N_("The format of the report: 2019 or 2021 (detected when not given)"), N_("EDITION") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The .nianbao file to write (- for standard output)"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace the file to write if it exists (not when something was left out)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("INPUT -o FILE — import a published report (web page, text or PDF text)"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autofree char *data = NULL;
  NbImportOptions options;
  gsize length;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_UNREADABLE;
    }
  if (inputs == NULL || inputs[1] != NULL || output == NULL)
    {
      g_printerr ("%s\n", _("Give one published report and the file to write: "
                            "nianbao import INPUT -o FILE.nianbao"));
      return EXIT_UNREADABLE;
    }

  if (!nb_cli_check_output (output, (const char * const *) inputs,
                            NB_CLI_OUTPUT_REPLACE_FORCED | NB_CLI_OUTPUT_STDOUT, force))
    return EXIT_UNREADABLE;

  nb_import_options_init (&options);
  if (year != 0)
    {
      if (year < NB_YEAR_MIN || year > NB_YEAR_MAX)
        {
          g_printerr (_("The year must be between %d and %d\n"), NB_YEAR_MIN, NB_YEAR_MAX);
          return EXIT_UNREADABLE;
        }
      options.year = year;
    }
  options.organ = organ;
  if (edition_key != NULL)
    {
      NbEdition edition;

      if (!nb_edition_from_key (edition_key, &edition))
        {
          g_printerr (_("Unknown format “%s”: give 2019 or 2021\n"), edition_key);
          return EXIT_UNREADABLE;
        }
      options.edition = (int) edition;
    }

  /* refuse large files before reading them */
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[0]);
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                   G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);
    if (info == NULL)
      {
        g_printerr ("%s\n", error->message);
        return EXIT_UNREADABLE;
      }
    /* a device or a pipe would be read for ever */
    if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
      {
        g_printerr (_("%s: not a file that can be imported (a folder, a device or a pipe)\n"),
                    inputs[0]);
        return EXIT_UNREADABLE;
      }
    if (g_file_info_get_size (info) > NB_IMPORT_MAX_SIZE)
      {
        g_printerr (_("%s: the file is too large to be a report (more than %d MiB)\n"),
                    inputs[0], NB_IMPORT_MAX_SIZE / (1024 * 1024));
        return EXIT_UNREADABLE;
      }
    if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
      {
        g_printerr ("%s\n", error->message);
        return EXIT_UNREADABLE;
      }
  }

  report = nb_import_report (data, length, &options, &messages, &error);
  if (report == NULL)
    {
      g_printerr ("%s: %s\n", inputs[0], error->message);
      return EXIT_UNREADABLE;
    }
  for (guint i = 0; i < messages->len; i++)
    {
      g_autofree char *line = nb_import_message_to_string (messages->pdata[i]);
      g_printerr ("%s: %s\n", inputs[0], line);
    }

  /* a report that lacks some of the page never takes the place of one */
  if (nb_import_messages_have_errors (messages) && !nb_cli_is_stdout (output) &&
      g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("“%s” exists already and was not changed: the import did not place "
                    "everything (see above), so it does not replace a report, even with "
                    "--force. Write it to a new file and compare.\n"), output);
      return EXIT_UNPLACED;
    }
  if (!nb_cli_save_report (report, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_UNREADABLE;
    }
  return nb_import_messages_have_errors (messages) ? EXIT_UNPLACED : EXIT_IMPORTED;
}
