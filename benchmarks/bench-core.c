/* bench-core.c — speed of the display-free core
 *
 * Prints figures; asserts nothing.  Run through benchmarks/run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nb-checker.h"
#include "nb-report-file.h"

#include <glib/gstdio.h>

#define N_ROUNDS 20000

static double
now_us (void)
{
  return (double) g_get_monotonic_time ();
}

static void
print_figure (const char *what,
              double      microseconds)
{
  g_print ("%-44s %10.2f us\n", what, microseconds);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbChecker) checker = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  NbTable *requests;
  gsize length;
  double start;

  if (argc != 2 || !g_file_get_contents (argv[1], &data, &length, &error))
    {
      g_printerr ("usage: bench-core SAMPLE.nianbao\n");
      return 2;
    }

  start = now_us ();
  for (int i = 0; i < 1000; i++)
    {
      g_clear_object (&report);
      report = nb_report_new_from_data (data, length, &error);
    }
  print_figure ("load a report (parse and validate)", (now_us () - start) / 1000);
  g_assert_no_error (error);

  start = now_us ();
  for (int i = 0; i < 1000; i++)
    g_free (nb_report_to_data (report, NULL));
  print_figure ("serialise a report", (now_us () - start) / 1000);

  dir = g_dir_make_tmp ("nianbao-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "bench.nianbao", NULL);
  start = now_us ();
  for (int i = 0; i < 100; i++)
    nb_report_save_to_path (report, path, NULL);
  print_figure ("save a report (atomic, fsync)", (now_us () - start) / 100);
  g_unlink (path);
  g_rmdir (dir);

  checker = nb_checker_new (report);
  start = now_us ();
  for (int i = 0; i < N_ROUNDS; i++)
    nb_checker_refresh (checker);
  print_figure ("full check of a clean report", (now_us () - start) / N_ROUNDS);

  /* An edit that keeps the report clean, then one that breaks R1 and one
   * that mends it: the live check after each keystroke. */
  requests = nb_report_get_table (report, "s3_requests");
  start = now_us ();
  for (int i = 0; i < N_ROUNDS; i++)
    nb_table_set_number (requests, 0, 1, i % 2 ? 3 : 4, NULL);
  print_figure ("re-check after one edit (finding appears/goes)", (now_us () - start) / N_ROUNDS);

  start = now_us ();
  for (int i = 0; i < N_ROUNDS; i++)
    nb_report_set_date (report, i % 2 ? "2025-01-20" : "2025-01-21");
  print_figure ("re-check after an edit that changes no finding", (now_us () - start) / N_ROUNDS);

  g_print ("findings now: %u\n", g_list_model_get_n_items (nb_checker_get_findings (checker)));
  return 0;
}
