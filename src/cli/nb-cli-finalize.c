/* nb-cli-finalize.c — `nianbao finalize`: freeze a report as 定稿
 *
 *   nianbao finalize FILE
 *   nianbao finalize --undo FILE
 *
 * Records in FILE a finalized version (today's date and the fingerprint
 * of the content) and marks the report finalized.  A report with errors
 * is refused, with its findings.  --undo makes a finalized report
 * editable again (解除定稿), its versions kept.  Exit status: 0 when
 * finalized (or already so) or, with --undo, editable again (or already
 * so), 1 when the report has errors, was changed since it was finalized,
 * or cannot be saved, 2 when it cannot be read or on a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-checker.h"
#include "nb-cli-private.h"
#include "nb-report-file.h"
#include "nb-report-writer.h"

enum {
  EXIT_FINALIZED = 0,
  EXIT_REFUSED = 1,
  EXIT_USAGE = 2,
};

/* 解除定稿: the report editable again, its history kept. */
static int
unfinalize (NbReport   *report,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  guint n_versions;

  if (!nb_report_get_finalized (report))
    {
      g_print (_("%s: not finalized; nothing to undo\n"), path);
      return EXIT_FINALIZED;
    }
  nb_report_set_finalized (report, FALSE);
  if (!nb_cli_save_report (report, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_REFUSED;
    }
  n_versions = nb_report_get_versions (report)->len;
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: editable again; its %u finalized version is kept\n",
                        "%s: editable again; its %u finalized versions are kept\n", n_versions),
           path, n_versions);
  return EXIT_FINALIZED;
}

static int
finalize (NbReport   *report,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbChecker) checker = NULL;
  g_autofree char *fingerprint = NULL;
  NbReportVersion *version;

  if (!nb_report_final_is_intact (report, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return EXIT_REFUSED;
    }
  fingerprint = nb_report_fingerprint (report);
  if (nb_report_get_finalized (report))
    {
      g_print (_("%s: already finalized on %s, fingerprint %s\n"), path,
               nb_report_get_final_version (report)->date, fingerprint);
      return EXIT_FINALIZED;
    }

  checker = nb_checker_new (report);
  if (nb_checker_count (checker, NB_SEVERITY_ERROR, -1) > 0)
    {
      nb_cli_print_findings (path, checker, NULL, g_printerr);
      g_printerr ("%s\n", _("Not finalized: a report with errors cannot be finalized"));
      return EXIT_REFUSED;
    }

  version = nb_report_finalize (report, NULL);
  if (!nb_cli_save_report (report, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_REFUSED;
    }
  g_print (_("%s: finalized on %s, fingerprint %s (version %u)\n"), path, version->date,
           version->fingerprint, nb_report_get_versions (report)->len);
  return EXIT_FINALIZED;
}

int
nb_cli_finalize (int    argc,
                 char **argv)
{
  g_auto(GStrv) files = NULL;
  gboolean undo = FALSE;
  const GOptionEntry entries[] = {
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo,
      N_("Make a finalized report editable again (解除定稿), keeping its versions"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE — finalize a report with no errors (定稿)"));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", _("Name one report file to finalize"));
      return EXIT_USAGE;
    }
  report = nb_report_load_from_path (files[0], &error);
  if (report == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }
  return undo ? unfinalize (report, files[0]) : finalize (report, files[0]);
}
