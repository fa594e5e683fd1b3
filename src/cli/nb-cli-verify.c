/* nb-cli-verify.c — `nianbao verify`: is what was published the 定稿?
 *
 *   nianbao verify FILE PUBLISHED
 *
 * Reads PUBLISHED (a PDF, a web page, text or a Word document) with the
 * importer, in FILE's edition, and compares every table cell and text
 * section with FILE (nb_verify_report()).  Exit status: 0 when the
 * published copy holds exactly FILE's numbers and texts and FILE is
 * finalized (定稿) and unchanged since; 1 when anything differs or was
 * not read, or FILE is not finalized or was changed since (a copy of a
 * report that is not 定稿 is not confirmed); 2 when an input cannot be
 * read, PUBLISHED is not a report, or on a usage error.  Nothing is
 * written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-cli-private.h"
#include "nb-docx-reader.h"
#include "nb-report-file.h"
#include "nb-report-writer.h"
#include "nb-verify.h"

enum {
  EXIT_SAME = 0,
  EXIT_DIFFERENT = 1,
  EXIT_UNREADABLE = 2,
};

/* PUBLISHED read back as `nianbao import` reads it, in @report's edition. */
static NbReport *
read_published (NbReport    *report,
                const char  *path,
                GPtrArray  **messages,
                GError     **error)
{
  g_autofree char *data = NULL;
  NbImportOptions options;
  NbReport *published;
  gsize length;

  if ((data = nb_import_read_file (path, &length, error)) == NULL)
    return NULL;
  nb_import_options_init (&options);
  options.edition = (int) nb_report_get_edition (report);
  published = nb_office_import_report (data, length, &options, messages, error);
  if (published == NULL)
    g_prefix_error (error, "%s: ", path);
  return published;
}

static const char *
shown (const char *value)
{
  return *value != '\0' ? value : _("(blank)");
}

static void
print_difference (const NbVerifyDifference *d)
{
  switch (d->kind)
    {
    case NB_VERIFY_CELL_DIFFERS:
      g_print (_("  %s  %s: %s in the report, %s published\n"), d->address, d->label,
               shown (d->expected), shown (d->published));
      break;
    case NB_VERIFY_CELL_NOT_READ:
      g_print (_("  %s  %s: %s in the report, not read in the published copy\n"), d->address,
               d->label, shown (d->expected));
      break;
    case NB_VERIFY_TEXT_DIFFERS:
      g_print (_("  %s: the text differs\n    report:    %s\n    published: %s\n"), d->label,
               shown (d->expected), shown (d->published));
      break;
    case NB_VERIFY_TEXT_NOT_READ:
    default:
      g_print (_("  %s: not read in the published copy (the section was not found)\n"), d->label);
    }
}

/* Says what FILE is: its 定稿 version, or why there is none to confirm;
 * returns whether it is a 定稿 unchanged since. */
static gboolean
print_final_state (NbReport   *report,
                   const char *path)
{
  g_autoptr(GError) tampered = NULL;
  g_autofree char *fingerprint = nb_report_fingerprint (report);

  if (!nb_report_get_finalized (report))
    {
      g_print (_("%s is not finalized (定稿), fingerprint %s: run nianbao finalize before "
                 "publishing\n"), path, fingerprint);
      return FALSE;
    }
  if (!nb_report_final_is_intact (report, &tampered))
    {
      g_print ("%s: %s\n", path, tampered->message);
      return FALSE;
    }
  return TRUE;
}

int
nb_cli_verify (int    argc,
               char **argv)
{
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE PUBLISHED — check that a published copy holds the report's numbers and texts"));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) published = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  guint n_cells = 0, n_unread = 0, n_texts = 0;
  gboolean final;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_UNREADABLE;
    }
  if (inputs == NULL || inputs[1] == NULL || inputs[2] != NULL)
    {
      g_printerr ("%s\n", _("Give the report and its published copy: nianbao verify FILE.nianbao "
                            "PUBLISHED.pdf|PAGE.html|TEXT.txt"));
      return EXIT_UNREADABLE;
    }
  report = nb_report_load_from_path (inputs[0], &error);
  if (report != NULL)
    published = read_published (report, inputs[1], &messages, &error);
  if (published == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_UNREADABLE;
    }

  final = print_final_state (report, inputs[0]);
  differences = nb_verify_report (report, published, messages);
  if (differences->len == 0)
    {
      NbReportVersion *version = nb_report_get_final_version (report);

      if (final)
        g_print (_("%s holds exactly the numbers and texts of %s: 定稿 of %s, fingerprint %s\n"),
                 inputs[1], inputs[0], version->date, version->fingerprint);
      else
        g_print (_("%s holds exactly the numbers and texts of %s\n"), inputs[1], inputs[0]);
      return final ? EXIT_SAME : EXIT_DIFFERENT;
    }

  g_print (_("%s does not hold what %s holds:\n"), inputs[1], inputs[0]);
  for (guint i = 0; i < differences->len; i++)
    {
      const NbVerifyDifference *d = g_ptr_array_index (differences, i);

      n_cells += d->kind == NB_VERIFY_CELL_DIFFERS;
      n_unread += d->kind == NB_VERIFY_CELL_NOT_READ || d->kind == NB_VERIFY_TEXT_NOT_READ;
      n_texts += d->kind == NB_VERIFY_TEXT_DIFFERS;
      print_difference (d);
    }
  g_print (_("%u cells differ, %u texts differ, %u parts not read\n"), n_cells, n_texts, n_unread);
  return EXIT_DIFFERENT;
}
