/* nb-aggregate.c — 汇总: adding up the units' reports
 *
 * A superior office adds up the reports of its units: every cell of the
 * summary is the exact sum of the units' cells with the same stable key
 * (gint64; amounts in 1/NB_AMOUNT_SCALE 万元).  Empty plus empty stays
 * empty; a marker (“/”, “-”) counts as 0 and is reported.  Totals follow
 * their summed parts unless the units' totals add up to something else,
 * which is then kept, so that the checker finds in the summary what it
 * finds in the units.
 *
 * Units of different editions or years are refused unless mixing is
 * allowed: then the summary takes the edition and year most units have,
 * and cells that edition has no place for are left out and reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-aggregate"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nb-aggregate.h"
#include "nb-checker.h"
#include "nb-cross-year.h"
#include "nb-report-file.h"
#include "nb-table-private.h"
#include "nb-value.h"

G_DEFINE_QUARK (nb-aggregate-error-quark, nb_aggregate_error)

/* Files named in a refusal before “and N more”. */
#define MAX_NAMED 3

void
nb_aggregate_options_init (NbAggregateOptions *options)
{
  options->allow_mixed = FALSE;
  options->organ = NULL;
  options->exclude = NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *x = g_canonicalize_filename (a, NULL);
  g_autofree char *y = g_canonicalize_filename (b, NULL);

  return strcmp (x, y) == 0;
}

/**
 * nb_aggregate_collect:
 * @paths: files (.nianbao reports, or published copies: a PDF, a web page,
 *   text copied from one), and folders whose `.nianbao` files (not those
 *   of their sub-folders) are taken in the order of their names
 * @exclude: (nullable): a file not to take from a folder
 *
 * Returns: (transfer full): an #NbUnitStatus per file, not yet read; or
 *   %NULL when a folder cannot be listed
 */
GListStore *
nb_aggregate_collect (const char * const  *paths,
                      const char          *exclude,
                      GError             **error)
{
  g_autoptr(GListStore) units = g_list_store_new (NB_TYPE_UNIT_STATUS);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = NULL;
      const char *name;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(NbUnitStatus) unit = nb_unit_status_new (paths[i]);
          g_list_store_append (units, unit);
          continue;
        }
      dir = g_dir_open (paths[i], 0, error);
      if (dir == NULL)
        return NULL;
      names = g_ptr_array_new_with_free_func (g_free);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".nianbao"))
          g_ptr_array_add (names, g_build_filename (paths[i], name, NULL));
      g_ptr_array_sort (names, compare_names);
      for (guint j = 0; j < names->len; j++)
        {
          g_autoptr(NbUnitStatus) unit = NULL;

          if (exclude != NULL && same_file (names->pdata[j], exclude))
            continue;
          unit = nb_unit_status_new (names->pdata[j]);
          g_list_store_append (units, unit);
        }
    }
  return g_steal_pointer (&units);
}

/* What reading and checking one unit gives; made in a worker thread. */
typedef struct {
  const char *file;
  NbReport   *report;
  GError     *error;
  char       *fingerprint;
  guint       errors, warnings;
} Loaded;

static void
read_unit (Loaded *loaded)
{
  g_autoptr(NbChecker) checker = NULL;

  /* a unit's published copy counts only when every number was placed */
  if (loaded->report == NULL)
    loaded->report = nb_report_load_any (loaded->file, &loaded->error);
  if (loaded->report == NULL)
    return;
  checker = nb_checker_new (loaded->report);
  loaded->errors = nb_checker_count (checker, NB_SEVERITY_ERROR, -1);
  loaded->warnings = nb_checker_count (checker, NB_SEVERITY_WARNING, -1);
  loaded->fingerprint = nb_report_fingerprint (loaded->report);
}

typedef struct {
  Loaded *loaded;
  guint   n, first, step;
} Share;

static gpointer
read_share (gpointer data)
{
  Share *share = data;

  for (guint i = share->first; i < share->n; i += share->step)
    read_unit (&share->loaded[i]);
  return NULL;
}

/* Reads (and checks) the units in @loaded, on as many threads as there
 * are processors: each report is made and checked by one thread alone,
 * and only handed over when all are done. */
static void
read_units (Loaded *loaded,
            guint   n)
{
  guint n_threads = CLAMP (g_get_num_processors (), 1, 16);
  g_autofree Share *shares = NULL;
  g_autofree GThread **threads = NULL;

  n_threads = MIN (n_threads, MAX (n / 8, 1));
  shares = g_new0 (Share, n_threads);
  threads = g_new0 (GThread *, n_threads);
  for (guint t = 0; t < n_threads; t++)
    {
      shares[t] = (Share) { loaded, n, t, n_threads };
      if (t > 0)
        threads[t] = g_thread_new ("nb-aggregate", read_share, &shares[t]);
    }
  read_share (&shares[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
}

static void
apply_loaded (NbUnitStatus *unit,
              Loaded       *loaded)
{
  if (loaded->report == NULL)
    nb_unit_status_set_state (unit, NB_UNIT_UNREADABLE, loaded->error->message);
  else
    nb_unit_status_set_report (unit, loaded->report, loaded->fingerprint,
                               loaded->errors, loaded->warnings);
  g_clear_object (&loaded->report);
  g_clear_error (&loaded->error);
  g_clear_pointer (&loaded->fingerprint, g_free);
}

/**
 * nb_aggregate_load:
 * Reads every unit's file and checks its report (in worker threads; the
 * statuses are filled in the caller's thread when all are read); a file
 * that cannot be read is marked so, with the reason.
 */
void
nb_aggregate_load (GListStore *units)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (units));
  g_autoptr(GPtrArray) todo = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree Loaded *loaded = NULL;

  for (guint i = 0; i < n; i++)
    {
      NbUnitStatus *unit = g_list_model_get_item (G_LIST_MODEL (units), i);

      if (nb_unit_status_get_report (unit) == NULL)
        g_ptr_array_add (todo, unit);
      else
        g_object_unref (unit);
    }
  loaded = g_new0 (Loaded, todo->len);
  for (guint i = 0; i < todo->len; i++)
    loaded[i].file = nb_unit_status_get_file (todo->pdata[i]);
  read_units (loaded, todo->len);
  for (guint i = 0; i < todo->len; i++)
    apply_loaded (todo->pdata[i], &loaded[i]);
}

/**
 * nb_aggregate_add_report:
 * @name: how the unit is named (its file)
 *
 * Adds a report already in memory as a unit.
 */
void
nb_aggregate_add_report (GListStore *units,
                         NbReport   *report,
                         const char *name)
{
  g_autoptr(NbUnitStatus) unit = nb_unit_status_new (name);
  Loaded loaded = { name, g_object_ref (report), NULL, NULL, 0, 0 };

  read_unit (&loaded);
  apply_loaded (unit, &loaded);
  g_list_store_append (units, unit);
}

/* “a.nianbao, b.nianbao and 3 more” */
static void
append_files (GString   *s,
              GPtrArray *files)
{
  for (guint i = 0; i < files->len && i < MAX_NAMED; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", (const char *) files->pdata[i]);
  if (files->len > MAX_NAMED)
    g_string_append_printf (s, _(" and %u more"), files->len - MAX_NAMED);
}

/* Edition and year of the summary: those most units have (ties: the
 * later).  Groups units by edition and year into @groups. */
typedef struct {
  NbEdition  edition;
  int        year;
  GPtrArray *files;
} Group;

static void
group_clear (gpointer data)
{
  g_ptr_array_unref (((Group *) data)->files);
}

static GArray *
group_units (GPtrArray *loaded)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (Group));

  g_array_set_clear_func (groups, group_clear);
  for (guint i = 0; i < loaded->len; i++)
    {
      NbUnitStatus *unit = loaded->pdata[i];
      NbEdition edition = nb_unit_status_get_edition (unit);
      int year = nb_unit_status_get_year (unit);
      guint g;

      for (g = 0; g < groups->len; g++)
        if (g_array_index (groups, Group, g).edition == edition &&
            g_array_index (groups, Group, g).year == year)
          break;
      if (g == groups->len)
        {
          Group group = { edition, year, g_ptr_array_new () };
          g_array_append_val (groups, group);
        }
      g_ptr_array_add (g_array_index (groups, Group, g).files,
                       (gpointer) nb_unit_status_get_file (unit));
    }
  return groups;
}

/* The group most units belong to; @groups is not empty. */
static const Group *
main_group (GArray *groups)
{
  const Group *best = &g_array_index (groups, Group, 0);

  for (guint g = 1; g < groups->len; g++)
    {
      const Group *group = &g_array_index (groups, Group, g);

      if (group->files->len > best->files->len ||
          (group->files->len == best->files->len &&
           (group->edition > best->edition ||
            (group->edition == best->edition && group->year > best->year))))
        best = group;
    }
  return best;
}

/* Running sums of one table of the summary. */
typedef struct {
  const NbTableDef *def;
  gint64           *sum;
  guint8           *any;    /* some unit has a number there */
} Sums;

static gboolean
add_unit (Sums          *sums,
          guint          n_tables,
          NbUnitStatus  *unit,
          GPtrArray     *notes,
          GError       **error)
{
  NbReport *report = nb_unit_status_get_report (unit);
  const char *file = nb_unit_status_get_file (unit);
  g_autoptr(GString) dropped = g_string_new (NULL);
  guint markers = 0, n_dropped = 0;

  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    {
      NbTable *table = nb_report_get_table_at (report, t);
      const NbTableDef *def = nb_table_get_def (table);
      const NbCell *cells = _nb_table_get_cells (table);
      Sums *into = NULL;

      for (guint s = 0; s < n_tables && into == NULL; s++)
        if (strcmp (sums[s].def->key, def->key) == 0)
          into = &sums[s];

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++)
          {
            const NbCell *cell = &cells[r * def->n_columns + c];
            int to_row = -1, to_column = -1;
            guint at;

            if (cell->state == NB_CELL_EMPTY)
              continue;
            if (into != NULL && into->def == def)
              to_row = r, to_column = c;
            else if (into != NULL)
              {
                to_row = nb_table_def_find_row (into->def, def->rows[r].key);
                to_column = nb_table_def_find_column (into->def, def->columns[c].key);
              }
            if (to_row < 0 || to_column < 0)
              {
                g_autofree char *address = nb_table_cell_address (table, r, c);

                if (n_dropped++ < MAX_NAMED)
                  g_string_append_printf (dropped, "%s%s", n_dropped > 1 ? ", " : "", address);
                continue;
              }
            if (cell->state == NB_CELL_MARKER)
              {
                g_autofree char *address = nb_table_cell_address (table, r, c);

                markers++;
                if (notes != NULL)
                  g_ptr_array_add (notes, g_strdup_printf (_("%s: %s holds “%s”, counted as 0"),
                                                           file, address, cell->marker));
                continue;
              }
            at = to_row * into->def->n_columns + to_column;
            into->any[at] = TRUE;
            into->sum[at] += cell->number;
            if (!nb_value_check (into->def->columns[to_column].kind, into->sum[at], NULL))
              {
                g_autofree char *address = nb_table_cell_address (table, r, c);

                g_set_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_TOO_LARGE,
                             _("The sum of %s is too large for a report (at %s)"), address, file);
                return FALSE;
              }
          }
    }
  nb_unit_status_set_markers (unit, markers);
  if (n_dropped > 0 && notes != NULL)
    {
      if (n_dropped > MAX_NAMED)
        g_string_append_printf (dropped, _(" and %u more"), n_dropped - MAX_NAMED);
      g_ptr_array_add (notes, g_strdup_printf (_("%s: %u cells have no place in the summary's "
                                                 "edition and are left out: %s"),
                                               file, n_dropped, dropped->str));
    }
  return TRUE;
}

/* Writes the sums into the summary's table: plain cells first, then the
 * totals, kept only where they differ from the summed parts. */
static gboolean
write_sums (NbTable       *table,
            const Sums    *sums,
            GError       **error)
{
  const NbTableDef *def = sums->def;

  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < def->n_rows; r++)
      for (guint c = 0; c < def->n_columns; c++)
        {
          guint at = r * def->n_columns + c;
          gint64 parts;
          gboolean any_parts;

          if (nb_table_def_is_total (def, r, c) != (pass == 1))
            continue;
          if (pass == 0)
            {
              if (sums->any[at] && !nb_table_set_number (table, r, c, sums->sum[at], error))
                return FALSE;
              continue;
            }
          any_parts = nb_table_sum_parts (table, r, c, &parts);
          if (sums->any[at] && (!any_parts || parts != sums->sum[at]))
            {
              if (!nb_table_set_number (table, r, c, sums->sum[at], error))
                return FALSE;
            }
          else if (!sums->any[at] && any_parts)
            nb_table_clear (table, r, c);
        }
  return TRUE;
}

static gboolean
refuse_unreadable (GPtrArray  *unreadable,
                   GError    **error)
{
  g_autoptr(GString) s = g_string_new (NULL);

  append_files (s, unreadable);
  g_set_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_UNREADABLE,
               g_dngettext (GETTEXT_PACKAGE, "%u file could not be read: %s",
                            "%u files could not be read: %s", unreadable->len),
               unreadable->len, s->str);
  return FALSE;
}

static gboolean
refuse_duplicates (GPtrArray  *loaded,
                   GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < loaded->len; i++)
    {
      NbUnitStatus *unit = loaded->pdata[i];
      NbUnitStatus *earlier = g_hash_table_lookup (seen, nb_unit_status_get_fingerprint (unit));

      if (earlier != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("the same report as %s"), nb_unit_status_get_file (earlier));

          nb_unit_status_set_state (unit, NB_UNIT_REFUSED, message);
          g_set_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_DUPLICATE,
                       _("%s and %s are the same report; each unit must be added up once"),
                       nb_unit_status_get_file (earlier), nb_unit_status_get_file (unit));
          return FALSE;
        }
      g_hash_table_insert (seen, (gpointer) nb_unit_status_get_fingerprint (unit), unit);
    }
  return TRUE;
}

static void
refuse_mixed (GArray     *groups,
              GPtrArray  *loaded,
              GError    **error)
{
  const Group *main = main_group (groups);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = &g_array_index (groups, Group, g);

      g_string_append (s, g > 0 ? "; " : "");
      append_files (s, group->files);
      g_string_append_printf (s, _(": %s edition, year %d"),
                              nb_edition_get (group->edition)->key, group->year);
    }
  for (guint i = 0; i < loaded->len; i++)
    {
      NbUnitStatus *unit = loaded->pdata[i];

      if (nb_unit_status_get_edition (unit) != (int) main->edition ||
          nb_unit_status_get_year (unit) != main->year)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s edition, year %d; most units: %s edition, year %d"),
                             nb_edition_get (nb_unit_status_get_edition (unit))->key,
                             nb_unit_status_get_year (unit),
                             nb_edition_get (main->edition)->key, main->year);
          nb_unit_status_set_state (unit, NB_UNIT_REFUSED, message);
        }
    }
  g_set_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_MIXED,
               _("The units' reports are not all of one edition and year (%s). "
                 "Mixing must be allowed to add them up anyway."), s->str);
}

/**
 * nb_aggregate:
 * @units: (element-type NbUnitStatus): the units, read
 *   (nb_aggregate_load(), nb_aggregate_add_report())
 * @options: (nullable): how to add up
 * @notes: (out) (optional) (transfer full) (element-type utf8): what the
 *   summary should be read with: markers counted as 0, cells left out
 *
 * Refuses, saying why, when a unit could not be read, when a report comes
 * twice, or when the units are of different editions or years and mixing
 * is not allowed; the refused units' statuses say so too.
 *
 * Returns: (transfer full) (nullable): the summary report, listing its
 *   units (nb_report_get_units())
 */
NbReport *
nb_aggregate (GListModel                *units,
              const NbAggregateOptions  *options,
              GPtrArray                **notes,
              GError                   **error)
{
  NbAggregateOptions defaults;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) unreadable = g_ptr_array_new ();
  g_autoptr(GPtrArray) note_list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unit_list = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(NbReport) summary = NULL;
  const Group *main;
  Sums *sums;
  guint n = g_list_model_get_n_items (units), n_tables;
  gboolean ok = TRUE;

  if (options == NULL)
    {
      nb_aggregate_options_init (&defaults);
      options = &defaults;
    }
  if (notes != NULL)
    *notes = NULL;

  for (guint i = 0; i < n; i++)
    {
      NbUnitStatus *unit = g_list_model_get_item (units, i);

      if (nb_unit_status_get_report (unit) != NULL)
        g_ptr_array_add (loaded, unit);
      else
        {
          g_ptr_array_add (unreadable, (gpointer) nb_unit_status_get_file (unit));
          g_object_unref (unit);
        }
    }
  if (unreadable->len > 0)
    {
      refuse_unreadable (unreadable, error);
      return NULL;
    }
  if (loaded->len == 0)
    {
      g_set_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_NO_UNITS,
                   _("There is no unit's report to add up"));
      return NULL;
    }
  if (!refuse_duplicates (loaded, error))
    return NULL;

  groups = group_units (loaded);
  main = main_group (groups);
  if (groups->len > 1 && !options->allow_mixed)
    {
      refuse_mixed (groups, loaded, error);
      return NULL;
    }

  summary = nb_report_new (main->edition);
  nb_report_set_year (summary, main->year);
  nb_report_set_organ (summary, options->organ);
  n_tables = nb_report_get_n_tables (summary);
  sums = g_new0 (Sums, n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      const NbTableDef *def = nb_table_get_def (nb_report_get_table_at (summary, t));

      sums[t].def = def;
      sums[t].sum = g_new0 (gint64, def->n_rows * def->n_columns);
      sums[t].any = g_new0 (guint8, def->n_rows * def->n_columns);
    }

  unit_list = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_report_unit_free);
  for (guint i = 0; i < loaded->len && ok; i++)
    {
      NbUnitStatus *unit = loaded->pdata[i];

      ok = add_unit (sums, n_tables, unit, note_list, error);
      g_ptr_array_add (unit_list, nb_report_unit_new (nb_unit_status_get_organ (unit),
                                                      nb_unit_status_get_file (unit),
                                                      nb_unit_status_get_fingerprint (unit)));
    }
  for (guint t = 0; t < n_tables && ok; t++)
    ok = write_sums (nb_report_get_table_at (summary, t), &sums[t], error);

  for (guint t = 0; t < n_tables; t++)
    {
      g_free (sums[t].sum);
      g_free (sums[t].any);
    }
  g_free (sums);
  if (!ok)
    return NULL;

  nb_report_set_units (summary, unit_list);
  if (notes != NULL)
    *notes = g_steal_pointer (&note_list);
  return g_steal_pointer (&summary);
}

/**
 * nb_aggregate_paths:
 * @paths: files and folders (see nb_aggregate_collect())
 * @units: (out) (optional) (transfer full): the status of every unit,
 *   also when the 汇总 is refused
 *
 * Reads the units and adds them up (nb_aggregate()).  The units' reports
 * are not kept in @units afterwards.
 *
 * Returns: (transfer full) (nullable): the summary report
 */
NbReport *
nb_aggregate_paths (const char * const        *paths,
                    const NbAggregateOptions  *options,
                    GListStore               **units,
                    GPtrArray                **notes,
                    GError                   **error)
{
  g_autoptr(GListStore) store = NULL;
  NbReport *summary;

  if (units != NULL)
    *units = NULL;
  if (notes != NULL)
    *notes = NULL;

  store = nb_aggregate_collect (paths, options != NULL ? options->exclude : NULL, error);
  if (store == NULL)
    return NULL;
  nb_aggregate_load (store);
  summary = nb_aggregate (G_LIST_MODEL (store), options, notes, error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(NbUnitStatus) unit = g_list_model_get_item (G_LIST_MODEL (store), i);
      nb_unit_status_drop_report (unit);
    }
  if (units != NULL)
    *units = g_steal_pointer (&store);
  return summary;
}

/* ---- In a worker thread, for the window ---------------------------------------- */

typedef struct {
  GStrv       paths;
  gboolean    allow_mixed;
  char       *organ;
  char       *exclude;
  GListStore *units;    /* out */
  GPtrArray  *notes;    /* out */
} AggregateTask;

static void
aggregate_task_free (AggregateTask *data)
{
  g_strfreev (data->paths);
  g_free (data->organ);
  g_free (data->exclude);
  g_clear_object (&data->units);
  g_clear_pointer (&data->notes, g_ptr_array_unref);
  g_free (data);
}

static void
aggregate_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AggregateTask *data = task_data;
  NbAggregateOptions options = { data->allow_mixed, data->organ, data->exclude };
  GError *error = NULL;
  NbReport *summary;

  summary = nb_aggregate_paths ((const char * const *) data->paths, &options,
                                &data->units, &data->notes, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, g_object_unref);
}

/**
 * nb_aggregate_paths_async:
 * Runs nb_aggregate_paths() in a worker thread.  The statuses it makes
 * are handed over only when it is done, so a window may show them.
 */
void
nb_aggregate_paths_async (const char * const        *paths,
                          const NbAggregateOptions  *options,
                          GCancellable              *cancellable,
                          GAsyncReadyCallback        callback,
                          gpointer                   user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AggregateTask *data = g_new0 (AggregateTask, 1);

  data->paths = g_strdupv ((char **) paths);
  if (options != NULL)
    {
      data->allow_mixed = options->allow_mixed;
      data->organ = g_strdup (options->organ);
      data->exclude = g_strdup (options->exclude);
    }
  g_task_set_source_tag (task, nb_aggregate_paths_async);
  g_task_set_task_data (task, data, (GDestroyNotify) aggregate_task_free);
  g_task_run_in_thread (task, aggregate_thread);
}

/**
 * nb_aggregate_paths_finish:
 * @units: (out) (optional) (transfer full): the status of every unit,
 *   also when the 汇总 was refused (%NULL when a folder could not be listed)
 * @notes: (out) (optional) (transfer full): see nb_aggregate()
 *
 * Returns: (transfer full) (nullable): the summary report
 */
NbReport *
nb_aggregate_paths_finish (GAsyncResult  *result,
                           GListStore   **units,
                           GPtrArray    **notes,
                           GError       **error)
{
  AggregateTask *data = g_task_get_task_data (G_TASK (result));

  if (units != NULL)
    *units = g_steal_pointer (&data->units);
  if (notes != NULL)
    *notes = g_steal_pointer (&data->notes);
  return g_task_propagate_pointer (G_TASK (result), error);
}
