/* bench-aggregate.c — speed of the 汇总 of 1,000 units' reports
 *
 * Writes 1,000 unit reports (2021 edition, every cell filled, totals
 * balanced) into a temporary folder, then times the 汇总 of the folder:
 * listing, reading and checking every unit (the status board's error and
 * warning counts), and adding up.  Prints figures; asserts nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <time.h>
#include <glib/gstdio.h>

#include "nb-aggregate.h"
#include "nb-report-file.h"

#define N_UNITS 1000

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the process, all threads: a figure that means something
 * on a busy machine too */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double cpu_start;

static void
print_figure (const char *what,
              double      milliseconds)
{
  g_print ("%-52s %8.1f ms wall %8.1f ms CPU\n", what, milliseconds, cpu_ms () - cpu_start);
}

static void
set (NbReport   *report,
     const char *table_key,
     const char *row_key,
     const char *column_key,
     gint64      number)
{
  NbTable *table = nb_report_get_table (report, table_key);
  const NbTableDef *def = nb_table_get_def (table);

  nb_table_set_number (table, nb_table_def_find_row (def, row_key),
                       nb_table_def_find_column (def, column_key), number, NULL);
}

/* A unit's report: every plain cell a number; requests that balance. */
static NbReport *
make_unit (guint  index,
           GRand *rand)
{
  NbReport *report = nb_report_new (NB_EDITION_2021);
  g_autofree char *organ = g_strdup_printf ("第%u号单位", index + 1);
  const char *const columns[] = { "natural", "commercial", "research", "nonprofit",
                                  "legal_service", "other" };

  nb_report_set_organ (report, organ);
  nb_report_set_year (report, 2024);
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "2024年，全年新收政府信息公开申请若干件。");
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "一是政策解读有待加强。");
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, "无。");
  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    {
      NbTable *table = nb_report_get_table_at (report, t);
      const NbTableDef *def = nb_table_get_def (table);

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++)
          if (!nb_table_def_is_total (def, r, c))
            nb_table_set_number (table, r, c,
                                 def->section == 3 ? 0 : g_rand_int_range (rand, 0, 500), NULL);
    }
  set (report, "s2_fees", "fees", "amount", g_rand_int_range (rand, 0, 10000000));
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      gint64 fresh = g_rand_int_range (rand, 0, 200), over = g_rand_int_range (rand, 0, 5);
      gint64 forward = g_rand_int_range (rand, 0, 5);

      forward = MIN (forward, fresh + over);
      set (report, "s3_requests", "new", columns[c], fresh);
      set (report, "s3_requests", "carried_over", columns[c], over);
      set (report, "s3_requests", "granted", columns[c], fresh + over - forward);
      set (report, "s3_requests", "carried_forward", columns[c], forward);
    }
  return report;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-bench-XXXXXX", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);
  g_autoptr(GListStore) units = NULL;
  g_autoptr(NbReport) summary = NULL;
  const char *paths[] = { dir, NULL };
  gsize total_bytes = 0;
  guint n_read = 0;
  double start;

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  start = now_ms ();
  cpu_start = cpu_ms ();
  for (guint i = 0; i < N_UNITS; i++)
    {
      g_autoptr(NbReport) report = make_unit (i, rand);
      g_autofree char *name = g_strdup_printf ("unit-%04u.nianbao", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = nb_report_to_data (report, NULL);

      total_bytes += strlen (data);
      if (!g_file_set_contents (path, data, -1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
    }
  g_print ("%u unit files, %.1f MiB, written in %.0f ms (not part of the aggregation)\n", N_UNITS,
           total_bytes / 1048576.0, now_ms () - start);

  /* the whole 汇总, as `nianbao aggregate` runs it */
  start = now_ms ();
  cpu_start = cpu_ms ();
  summary = nb_aggregate_paths (paths, NULL, &units, NULL, &error);
  print_figure ("aggregate 1,000 units (list, read, check, add up)", now_ms () - start);
  if (summary == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_clear_object (&summary);
  g_clear_object (&units);

  /* its parts */
  start = now_ms ();
  cpu_start = cpu_ms ();
  units = nb_aggregate_collect (paths, NULL, &error);
  print_figure ("  list the folder", now_ms () - start);
  start = now_ms ();
  cpu_start = cpu_ms ();
  for (guint i = 0; i < N_UNITS; i++)
    {
      g_autoptr(NbUnitStatus) unit = g_list_model_get_item (G_LIST_MODEL (units), i);
      g_autoptr(NbReport) report = nb_report_load_from_path (nb_unit_status_get_file (unit), NULL);

      n_read += report != NULL;
    }
  print_figure ("  read 1,000 files, one thread (parse and validate only)", now_ms () - start);
  if (n_read != N_UNITS)
    g_print ("only %u files could be read\n", n_read);
  start = now_ms ();
  cpu_start = cpu_ms ();
  nb_aggregate_load (units);
  print_figure ("  read and check 1,000 units (status board)", now_ms () - start);
  start = now_ms ();
  cpu_start = cpu_ms ();
  summary = nb_aggregate (G_LIST_MODEL (units), NULL, NULL, &error);
  print_figure ("  add up 1,000 loaded units", now_ms () - start);
  if (summary != NULL)
    {
      g_autofree char *fees = nb_table_format_cell (nb_report_get_table (summary, "s2_fees"), 0, 0);
      g_print ("summary of %u units: fees %s (10,000 yuan)\n", nb_report_get_units (summary)->len, fees);
    }
  else
    g_print ("refused: %s\n", error->message);

  for (guint i = 0; i < N_UNITS; i++)
    {
      g_autofree char *name = g_strdup_printf ("unit-%04u.nianbao", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  return 0;
}
