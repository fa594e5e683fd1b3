/* nb-cli-import.c — `nianbao import`: published reports into .nianbao files
 *
 * One report: `nianbao import INPUT -o FILE.nianbao`, with every message
 * and how many cells were placed, left blank as published and not placed.
 * A batch: `nianbao import A.pdf B.html … -o FOLDER/`, one summary line
 * per file; each report goes to FOLDER/<name>.nianbao.
 *
 * Exit status: 0 when everything was imported, 1 when the report (some
 * report of a batch) was imported but some data could not be placed or
 * parts are missing (the messages say which), 2 when an input cannot be
 * read or imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nb-cli-private.h"
#include "nb-docx-reader.h"
#include "nb-import.h"
#include "nb-report-file.h"

enum {
  EXIT_IMPORTED = 0,
  EXIT_UNPLACED = 1,
  EXIT_UNREADABLE = 2,
};

/* FOLDER/<name of the input without its extension>.nianbao */
static char *
batch_output (const char *folder,
              const char *input)
{
  g_autofree char *base = g_path_get_basename (input);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".nianbao", NULL);
  return g_build_filename (folder, name, NULL);
}

/* Imports one input of a batch and prints its summary line; returns its
 * exit status. */
static int
import_batch_one (const char            *input,
                  const char            *folder,
                  const NbImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autofree char *data = NULL;
  g_autofree char *output = batch_output (folder, input);
  NbImportSummary summary;
  gsize length;

  if ((data = nb_import_read_file (input, &length, &error)) == NULL)
    {
      /* the message names the file */
      g_print (_("not imported: %s\n"), error->message);
      return EXIT_UNREADABLE;
    }
  report = nb_office_import_report_with_source (data, length, options, &summary, &messages, NULL, &error);
  if (report == NULL)
    {
      g_print (_("%s: not imported: %s\n"), input, error->message);
      return EXIT_UNREADABLE;
    }
  /* a batch never overwrites: two inputs of one name, or an earlier run */
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_print (_("%s: not written: %s exists already\n"), input, output);
      return EXIT_UNREADABLE;
    }
  if (!nb_report_save_to_path (report, output, &error))
    {
      g_print (_("%s: not written: %s\n"), input, error->message);
      return EXIT_UNREADABLE;
    }
  g_print (_("%s → %s: %u cells placed, %u blank as published, %u numbers not placed%s\n"),
           input, output, summary.n_placed, summary.n_blank, summary.n_unplaced,
           nb_import_messages_have_errors (messages)
             ? _(" (import it alone to see what and why)") : "");
  return nb_import_messages_have_errors (messages) ? EXIT_UNPLACED : EXIT_IMPORTED;
}

/* Every input into FOLDER; the worst status of them. */
static int
import_batch (char                 **inputs,
              const char            *folder,
              const NbImportOptions *options)
{
  int status = EXIT_IMPORTED;

  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved = errno;
      g_printerr (_("%s: the folder cannot be made: %s\n"), folder, g_strerror (saved));
      return EXIT_UNREADABLE;
    }
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      int one = import_batch_one (inputs[i], folder, options);
      status = MAX (status, one);
    }
  return status;
}

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
    g_option_context_new (_("INPUT… -o FILE|FOLDER — import published reports (PDF, web page or text)"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autofree char *data = NULL;
  NbImportOptions options;
  NbImportSummary summary;
  gboolean batch;
  gsize length;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_UNREADABLE;
    }
  batch = inputs != NULL && output != NULL &&
          (inputs[1] != NULL || g_str_has_suffix (output, G_DIR_SEPARATOR_S) ||
           g_file_test (output, G_FILE_TEST_IS_DIR));
  if (!batch && (inputs == NULL || inputs[1] != NULL || output == NULL))
    {
      g_printerr ("%s\n", _("Give one published report and the file to write: "
                            "nianbao import INPUT -o FILE.nianbao, or several and a folder: "
                            "nianbao import INPUT… -o FOLDER/"));
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
  if (batch)
    return import_batch (inputs, output, &options);

  if ((data = nb_import_read_file (inputs[0], &length, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_UNREADABLE;
    }

  report = nb_office_import_report_with_source (data, length, &options, &summary, &messages, NULL, &error);
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
  /* on standard error, like the messages: the report may go to standard output */
  g_printerr (_("%s: %u cells placed, %u blank as published, %u numbers not placed\n"),
              inputs[0], summary.n_placed, summary.n_blank, summary.n_unplaced);

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
