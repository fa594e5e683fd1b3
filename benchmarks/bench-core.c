/* bench-core.c — speed of the display-free core
 *
 * Prints figures; asserts nothing.  Run through benchmarks/run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "nb-checker.h"
#include "nb-import.h"
#include "nb-json-reader.h"
#include "nb-report-file.h"

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

/* The pages of a PDF, 0 for anything else. */
static int
count_pages (const char *text,
             gsize       length)
{
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;
  int n;

  if (length < 5 || memcmp (text, "%PDF-", 5) != 0)
    return 0;
  bytes = g_bytes_new_static (text, length);
  document = poppler_document_new_from_bytes (bytes, NULL, NULL);
  if (document == NULL)
    return 0;
  n = poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n;
}

static void
time_import (const char *path)
{
  g_autofree char *text = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *what = NULL;
  gsize length;
  double start, each;
  int n_pages;

  if (!g_file_get_contents (path, &text, &length, NULL))
    return;
  start = now_us ();
  for (int i = 0; i < 20; i++)
    {
      g_autoptr(GPtrArray) messages = NULL;
      NbReport *imported = nb_import_report (text, length, NULL, &messages, NULL);

      g_clear_object (&imported);
    }
  each = (now_us () - start) / 20;
  what = g_strdup_printf ("import %s", name);
  print_figure (what, each);
  n_pages = count_pages (text, length);
  if (n_pages > 0)
    {
      g_autofree char *per_page = g_strdup_printf ("  per page (%d pages)", n_pages);
      print_figure (per_page, each / n_pages);
    }
}

/* The load's first part, the text to a tree: json-glib alone, then with
 * the strict guard on top (what nb_report_new_from_data() runs). */
static void
time_parse (const char *data,
            gsize       length)
{
  double start = now_us ();

  for (int i = 0; i < 1000; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      json_parser_load_from_data (parser, data, (gssize) length, NULL);
    }
  print_figure ("  of which json-glib's JsonParser alone", (now_us () - start) / 1000);
  start = now_us ();
  for (int i = 0; i < 1000; i++)
    nb_json_reader_free (nb_json_reader_new (data, length, NULL));
  print_figure ("  of which the text to a tree, strictly", (now_us () - start) / 1000);
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

  if (argc < 2 || !g_file_get_contents (argv[1], &data, &length, &error))
    {
      g_printerr ("usage: bench-core SAMPLE.nianbao [PUBLISHED-REPORT…]\n");
      return 2;
    }

  for (int i = 2; i < argc; i++)
    time_import (argv[i]);

  start = now_us ();
  for (int i = 0; i < 1000; i++)
    {
      g_clear_object (&report);
      report = nb_report_new_from_data (data, length, &error);
    }
  print_figure ("load a report (parse and validate)", (now_us () - start) / 1000);
  g_assert_no_error (error);
  time_parse (data, length);

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

  /* The live check after a keystroke: an edit that keeps the report
   * clean (its total follows), then edits that make a finding appear and
   * go (those format the finding's message too). */
  start = now_us ();
  for (int i = 0; i < N_ROUNDS; i++)
    nb_table_set_number (nb_report_get_table (report, "s4_appeals"), 0, 0, i % 2 ? 1 : 2, NULL);
  print_figure ("re-check after one edit (report stays clean)", (now_us () - start) / N_ROUNDS);

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
