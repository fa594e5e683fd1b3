/* nb-cli-output.c — what every verb checks before it writes
 *
 * A verb never writes over one of its own inputs, import and aggregate
 * never replace a report without --force, and `-o -` writes to standard
 * output.  Every write goes through the file layer's NbFileWriter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nb-cli-private.h"
#include "nb-report-file.h"

/* Whether @a and @b name the same file (by any path, link or hard link). */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * nb_cli_is_stdout:
 * Returns: whether @output is `-`, standard output
 */
gboolean
nb_cli_is_stdout (const char *output)
{
  return strcmp (output, "-") == 0;
}

/**
 * nb_cli_check_output:
 * @output: the file the verb is to write (`-`: standard output)
 * @inputs: the files it reads
 * @flags: %NB_CLI_OUTPUT_REPLACE_FORCED when an existing file is
 *   replaced only with --force (@force); %NB_CLI_OUTPUT_STDOUT when the
 *   verb can write to standard output
 *
 * Prints why @output may not be written, naming it.
 *
 * Returns: whether the verb may go on and write @output
 */
gboolean
nb_cli_check_output (const char         *output,
                     const char * const *inputs,
                     NbCliOutputFlags    flags,
                     gboolean            force)
{
  if (nb_cli_is_stdout (output))
    {
      if (flags & NB_CLI_OUTPUT_STDOUT)
        return TRUE;
      g_printerr ("%s\n", _("This command writes a file, not to standard output (“-”): name the "
                            "file to write."));
      return FALSE;
    }
  for (guint i = 0; inputs[i] != NULL; i++)
    if (same_file (output, inputs[i]))
      {
        g_printerr (_("“%s” is also an input (%s); it was not changed. Name another file to "
                      "write.\n"), output, inputs[i]);
        return FALSE;
      }
  if ((flags & NB_CLI_OUTPUT_REPLACE_FORCED) && !force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("“%s” exists already; it was not changed. Give --force to replace it.\n"),
                  output);
      return FALSE;
    }
  return TRUE;
}

/**
 * nb_cli_open_output:
 * @output: a file name, or `-` for standard output
 *
 * Opens @output with the file layer and prints its notice (a hard link
 * keeps the old content).
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error
 */
NbFileWriter *
nb_cli_open_output (const char  *output,
                    GError     **error)
{
  NbFileWriter *writer;

  if (nb_cli_is_stdout (output))
    return nb_file_writer_new_for_stdout ();
  writer = nb_file_writer_new (output, error);
  if (writer != NULL && nb_file_writer_get_notice (writer) != NULL)
    g_printerr ("%s\n", nb_file_writer_get_notice (writer));
  return writer;
}

/**
 * nb_cli_write_output:
 *
 * Writes @data to @output (a file, or `-`) through nb_cli_open_output().
 */
gboolean
nb_cli_write_output (const char  *output,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(NbFileWriter) writer = nb_cli_open_output (output, error);

  return writer != NULL &&
         nb_file_writer_write (writer, data, length, error) &&
         nb_file_writer_commit (writer, error);
}

/**
 * nb_cli_save_report:
 *
 * Saves @report to @output (a file, or `-`) through nb_cli_open_output().
 */
gboolean
nb_cli_save_report (NbReport    *report,
                    const char  *output,
                    GError     **error)
{
  g_autoptr(NbFileWriter) writer = nb_cli_open_output (output, error);

  return writer != NULL && nb_report_save_to_writer (report, writer, error);
}
