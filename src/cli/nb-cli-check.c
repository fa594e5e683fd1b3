/* nb-cli-check.c — `nianbao check`: findings per file
 *
 * Exit status: 0 when no file has an error finding, 1 when any has, 2
 * when a file cannot be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-checker.h"
#include "nb-cli-private.h"
#include "nb-report-export.h"
#include "nb-report-file.h"

enum {
  EXIT_CLEAN = 0,
  EXIT_ERRORS = 1,
  EXIT_UNREADABLE = 2,
};

static void
print_finding (NbFinding   *finding,
               NbPrintFunc  print)
{
  const char * const *cells = nb_finding_get_cells (finding);

  print ("  %-7s %-3s %s", nb_severity_to_string (nb_finding_get_severity (finding)),
         nb_finding_get_rule (finding), nb_finding_get_message (finding));
  if (cells[0] != NULL)
    print ("  [%s%s]", cells[0], cells[1] != NULL ? ", …" : "");
  print ("\n");
}

/* Acknowledged warnings are listed apart, with their reasons, never
 * hidden; and so are acknowledgements that a change has voided. */
static void
print_acknowledged (NbChecker   *checker,
                    NbPrintFunc  print)
{
  GListModel *findings = nb_checker_get_findings (checker);
  g_autoptr(GPtrArray) void_acks = nb_checker_get_void_acknowledgements (checker);
  guint n = g_list_model_get_n_items (findings);

  if (nb_checker_count_acknowledged (checker, -1) > 0)
    print (_("  Warnings marked as verified:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      const NbAcknowledgement *ack = nb_checker_get_acknowledgement (checker, finding);

      if (ack == NULL)
        continue;
      print_finding (finding, print);
      /* Translators: a warning marked 已核实: the day, then the reason given */
      print (_("            verified %s: %s\n"), ack->date, ack->reason);
    }
  if (void_acks->len > 0)
    print (_("  Verified warnings that no longer apply (a cell or the text changed since):\n"));
  for (guint i = 0; i < void_acks->len; i++)
    {
      const NbAcknowledgement *ack = g_ptr_array_index (void_acks, i);

      print ("  %-7s %-3s %s\n", "void", ack->rule, ack->message);
      print (_("            verified %s: %s\n"), ack->date, ack->reason);
    }
}

/**
 * nb_cli_print_findings:
 * @changed: (nullable): why the 定稿 history does not hold what was
 *   finalized (nb_report_final_is_intact()): an error of the file, not
 *   of a rule, counted with the errors and printed first
 * @print: g_print() or g_printerr()
 *
 * Prints a report's counts, then one line per open finding, then the
 * warnings marked as verified (已核实) with their reasons.
 */
void
nb_cli_print_findings (const char    *path,
                       NbChecker     *checker,
                       const GError  *changed,
                       NbPrintFunc    print)
{
  GListModel *findings = nb_checker_get_findings (checker);
  guint n = g_list_model_get_n_items (findings);
  guint verified = nb_checker_count_acknowledged (checker, -1);
  guint errors = nb_checker_count (checker, NB_SEVERITY_ERROR, -1) + (changed != NULL);

  if (verified > 0)
    print (_("%s: %u errors, %u warnings, %u verified\n"), path, errors,
           nb_checker_count (checker, NB_SEVERITY_WARNING, -1), verified);
  else
    print (_("%s: %u errors, %u warnings\n"), path, errors,
           nb_checker_count (checker, NB_SEVERITY_WARNING, -1));
  if (changed != NULL)
    print ("  %-7s %-3s %s\n", nb_severity_to_string (NB_SEVERITY_ERROR), "", changed->message);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

      if (nb_checker_get_acknowledgement (checker, finding) == NULL)
        print_finding (finding, print);
    }
  print_acknowledged (checker, print);
}

/* One file's check, done by a worker and printed by the main thread in
 * the order the files were given. */
typedef struct {
  const char *path;
  NbReport   *previous;
  NbReport   *report;
  NbChecker  *checker;
  GError     *error;
} Check;

static void
check_clear (Check *check)
{
  g_clear_object (&check->checker);
  g_clear_object (&check->report);
  g_clear_error (&check->error);
}

static void
run_check (gpointer data,
           gpointer user_data)
{
  Check *check = data;

  check->report = nb_report_load_from_path (check->path, &check->error);
  if (check->report == NULL)
    return;
  check->checker = nb_checker_new (check->report);
  nb_checker_set_previous (check->checker, check->previous);
}

static int
report_check (Check        *check,
              NbJsonWriter *writer)
{
  g_autoptr(GError) changed = NULL;
  guint errors;

  if (writer != NULL)
    {
      nb_json_writer_begin_object (writer);
      nb_json_writer_key (writer, "file");
      nb_json_writer_string (writer, check->path);
    }

  if (check->report == NULL)
    {
      if (writer != NULL)
        {
          nb_json_writer_key (writer, "error");
          nb_json_writer_string (writer, check->error->message);
          nb_json_writer_end_object (writer);
        }
      else
        g_printerr ("%s\n", check->error->message);
      return EXIT_UNREADABLE;
    }

  nb_report_final_is_intact (check->report, &changed);
  errors = nb_checker_count (check->checker, NB_SEVERITY_ERROR, -1) + (changed != NULL);
  if (writer != NULL)
    {
      nb_json_writer_key (writer, "errors");
      nb_json_writer_int (writer, errors);
      nb_json_writer_key (writer, "warnings");
      nb_json_writer_int (writer, nb_checker_count (check->checker, NB_SEVERITY_WARNING, -1));
      if (changed != NULL)
        {
          nb_json_writer_key (writer, "changed_outside");
          nb_json_writer_string (writer, changed->message);
        }
      nb_json_writer_key (writer, "findings");
      nb_json_write_findings (writer, nb_checker_get_findings (check->checker));
      nb_json_writer_end_object (writer);
    }
  else
    nb_cli_print_findings (check->path, check->checker, changed, g_print);
  return errors > 0 ? EXIT_ERRORS : EXIT_CLEAN;
}

/* Checks the files on every core: each report and its checker stay in
 * the worker thread that made them until the pool is done. */
static void
check_all (Check *checks,
           guint  n_checks)
{
  g_autoptr(GError) error = NULL;
  GThreadPool *pool = g_thread_pool_new (run_check, NULL, (int) g_get_num_processors (),
                                         FALSE, &error);

  if (pool == NULL)
    {
      for (guint i = 0; i < n_checks; i++)
        run_check (&checks[i], NULL);
      return;
    }
  for (guint i = 0; i < n_checks; i++)
    g_thread_pool_push (pool, &checks[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

int
nb_cli_check (int    argc,
              char **argv)
{
  gboolean as_json = FALSE;
  g_autofree char *previous_path = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print one JSON document"), NULL },
    { "previous", 0, 0, G_OPTION_ARG_FILENAME, &previous_path,
      N_("Last year's report, for the cross-year rules"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — check reports"));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) previous = NULL;
  NbJsonWriter *writer = NULL;
  g_autofree Check *checks = NULL;
  guint n_checks;
  int status = EXIT_CLEAN;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || files == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : _("No file to check"));
      return EXIT_UNREADABLE;
    }

  if (previous_path != NULL)
    {
      previous = nb_report_load_from_path (previous_path, &error);
      if (previous == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_UNREADABLE;
        }
    }

  if (as_json)
    {
      writer = nb_json_writer_new ();
      nb_json_writer_begin_object (writer);
      nb_json_writer_key (writer, "files");
      nb_json_writer_begin_array (writer);
    }
  n_checks = g_strv_length (files);
  checks = g_new0 (Check, n_checks);
  for (guint i = 0; i < n_checks; i++)
    checks[i] = (Check) { .path = files[i], .previous = previous };
  check_all (checks, n_checks);

  for (guint i = 0; i < n_checks; i++)
    {
      int file_status = report_check (&checks[i], writer);
      status = MAX (status, file_status);
      check_clear (&checks[i]);
    }
  if (as_json)
    {
      g_autofree char *data = NULL;

      nb_json_writer_end_array (writer);
      nb_json_writer_end_object (writer);
      data = nb_json_writer_free_to_data (writer, NULL);
      g_print ("%s", data);
    }
  return status;
}
