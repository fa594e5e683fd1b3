/* nb-report-file.c — .nianbao files: strict loading, atomic saving
 *
 * A .nianbao file is UTF-8 JSON (docs/file-format.md).  Loading is strict:
 * every member is checked against the format and the report's edition as
 * it is read (nb-json-reader.c says why it is read without json-glib); a
 * failure names the JSON path, what was expected and what was found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-report-file"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nb-json-reader.h"
#include "nb-json-writer.h"
#include "nb-previous-link.h"
#include "nb-report-file-private.h"
#include "nb-table-private.h"
#include "nb-value.h"

#define FORMAT_NAME "nianbao-report"
#define MAX_DIGITS  18

G_DEFINE_QUARK (nb-file-error-quark, nb_file_error)

/* ---- Writing ------------------------------------------------------------- */

static void
write_cell_value (NbJsonWriter *writer,
                  NbTable      *table,
                  guint         row,
                  guint         column)
{
  NbCellKind kind = nb_table_get_kind (table, column);
  g_autofree char *text = NULL;

  if (nb_table_get_state (table, row, column) != NB_CELL_NUMBER)
    {
      nb_json_writer_null (writer);
      return;
    }
  if (kind != NB_CELL_KIND_AMOUNT)
    {
      nb_json_writer_int (writer, nb_table_get_number (table, row, column));
      return;
    }
  /* amounts as strings: exact, and never read back as a double */
  text = nb_value_format (kind, nb_table_get_number (table, row, column));
  nb_json_writer_string (writer, text);
}

static void
write_cell (NbJsonWriter *writer,
            NbTable      *table,
            guint         row,
            guint         column)
{
  const char *note = nb_table_get_note (table, row, column);
  const char *marker = nb_table_get_marker (table, row, column);
  const char *unit = nb_table_get_unit (table, row, column);
  gboolean overridden = nb_table_is_overridden (table, row, column);

  if (note == NULL && marker == NULL && unit == NULL && !overridden)
    {
      write_cell_value (writer, table, row, column);
      return;
    }

  nb_json_writer_begin_object (writer);
  nb_json_writer_key (writer, "value");
  write_cell_value (writer, table, row, column);
  if (marker != NULL)
    {
      nb_json_writer_key (writer, "marker");
      nb_json_writer_string (writer, marker);
    }
  if (note != NULL)
    {
      nb_json_writer_key (writer, "note");
      nb_json_writer_string (writer, note);
    }
  if (unit != NULL)
    {
      nb_json_writer_key (writer, "unit");
      nb_json_writer_string (writer, unit);
    }
  if (overridden)
    {
      nb_json_writer_key (writer, "override");
      nb_json_writer_boolean (writer, TRUE);
    }
  nb_json_writer_end_object (writer);
}

/**
 * _nb_json_write_tables:
 * Writes `tables.<table>.<row>.<column>` for every cell of the report,
 * each cell by @write_one: shared by the file and the JSON export.
 */
void
_nb_json_write_tables (NbJsonWriter  *writer,
                       NbReport      *report,
                       NbCellWriter   write_one)
{
  nb_json_writer_key (writer, "tables");
  nb_json_writer_begin_object (writer);
  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    {
      NbTable *table = nb_report_get_table_at (report, t);
      const NbTableDef *def = nb_table_get_def (table);

      nb_json_writer_key (writer, def->key);
      nb_json_writer_begin_object (writer);
      for (guint r = 0; r < def->n_rows; r++)
        {
          nb_json_writer_key (writer, def->rows[r].key);
          nb_json_writer_begin_object (writer);
          for (guint c = 0; c < def->n_columns; c++)
            {
              nb_json_writer_key (writer, def->columns[c].key);
              write_one (writer, table, r, c);
            }
          nb_json_writer_end_object (writer);
        }
      nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_object (writer);
}

static gboolean
signature_is_default (NbReport        *report,
                      NbSignatureLine  line)
{
  return nb_report_get_signature_shown (report, line) &&
         !nb_report_has_custom_signature_label (report, line) &&
         *nb_report_get_signature_value (report, line) == '\0';
}

/* Only the lines that differ from the defaults are written; a report
 * with the default block has no "signature" member. */
static void
write_signature (NbJsonWriter *writer,
                 NbReport     *report)
{
  gboolean any = FALSE;

  for (guint i = 0; i < NB_N_SIGNATURE_LINES; i++)
    any |= !signature_is_default (report, i);
  if (!any)
    return;

  nb_json_writer_key (writer, "signature");
  nb_json_writer_begin_object (writer);
  for (guint i = 0; i < NB_N_SIGNATURE_LINES; i++)
    {
      if (signature_is_default (report, i))
        continue;
      nb_json_writer_key (writer, nb_signature_line_key (i));
      nb_json_writer_begin_object (writer);
      if (!nb_report_get_signature_shown (report, i))
        {
          nb_json_writer_key (writer, "shown");
          nb_json_writer_boolean (writer, FALSE);
        }
      if (nb_report_has_custom_signature_label (report, i))
        {
          nb_json_writer_key (writer, "label");
          nb_json_writer_string (writer, nb_report_get_signature_label (report, i));
        }
      if (*nb_report_get_signature_value (report, i) != '\0')
        {
          nb_json_writer_key (writer, "value");
          nb_json_writer_string (writer, nb_report_get_signature_value (report, i));
        }
      nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_object (writer);
}

static void
write_texts (NbJsonWriter *writer,
             NbReport     *report)
{
  nb_json_writer_begin_object (writer);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    {
      nb_json_writer_key (writer, nb_text_section_key (i));
      nb_json_writer_string (writer, nb_report_get_text (report, i));
    }
  nb_json_writer_end_object (writer);
}

/* "previous": last year's report, only the cells a link keeps */
static void
write_previous (NbJsonWriter   *writer,
                NbPreviousLink *link)
{
  NbReport *figures = nb_previous_link_get_figures (link);

  nb_json_writer_begin_object (writer);
  nb_json_writer_key (writer, "path");
  nb_json_writer_string (writer, nb_previous_link_get_path (link));
  nb_json_writer_key (writer, "organ");
  nb_json_writer_string (writer, nb_report_get_organ (figures));
  nb_json_writer_key (writer, "year");
  nb_json_writer_int (writer, nb_report_get_year (figures));
  nb_json_writer_key (writer, "edition");
  nb_json_writer_string (writer, nb_report_get_edition_def (figures)->key);
  nb_json_writer_key (writer, "figures");
  nb_json_writer_begin_object (writer);
  for (guint t = 0; t < nb_report_get_n_tables (figures); t++)
    {
      NbTable *table = nb_report_get_table_at (figures, t);
      const NbTableDef *def = nb_table_get_def (table);
      gboolean table_open = FALSE;

      for (guint r = 0; r < def->n_rows; r++)
        {
          gboolean row_open = FALSE;

          for (guint c = 0; c < def->n_columns; c++)
            {
              if (!nb_previous_link_is_linked_cell (def, r, c))
                continue;
              if (!table_open)
                {
                  nb_json_writer_key (writer, def->key);
                  nb_json_writer_begin_object (writer);
                  table_open = TRUE;
                }
              if (!row_open)
                {
                  nb_json_writer_key (writer, def->rows[r].key);
                  nb_json_writer_begin_object (writer);
                  row_open = TRUE;
                }
              nb_json_writer_key (writer, def->columns[c].key);
              write_cell_value (writer, table, r, c);
            }
          if (row_open)
            nb_json_writer_end_object (writer);
        }
      if (table_open)
        nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_object (writer);
  nb_json_writer_key (writer, "problems");
  nb_json_writer_string (writer, nb_report_get_text (figures, NB_TEXT_PROBLEMS));
  nb_json_writer_end_object (writer);
}

/* "units": the units a summary report adds up */
static void
write_units (NbJsonWriter *writer,
             GPtrArray    *units)
{
  nb_json_writer_begin_array (writer);
  for (guint i = 0; i < units->len; i++)
    {
      const NbReportUnit *unit = g_ptr_array_index (units, i);

      nb_json_writer_begin_object (writer);
      nb_json_writer_key (writer, "organ");
      nb_json_writer_string (writer, unit->organ);
      nb_json_writer_key (writer, "file");
      nb_json_writer_string (writer, unit->file);
      nb_json_writer_key (writer, "fingerprint");
      nb_json_writer_string (writer, unit->fingerprint);
      nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_array (writer);
}

/**
 * nb_report_to_data:
 * @length: (out) (optional): the length of the data
 *
 * Returns: (transfer full): the report as the canonical text of a
 *   .nianbao file: the same report always gives the same bytes
 */
char *
nb_report_to_data (NbReport *report,
                   gsize    *length)
{
  NbJsonWriter *writer = nb_json_writer_new ();

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  nb_json_writer_begin_object (writer);
  nb_json_writer_key (writer, "format");
  nb_json_writer_string (writer, FORMAT_NAME);
  nb_json_writer_key (writer, "schema_version");
  nb_json_writer_int (writer, NB_FILE_SCHEMA_VERSION);
  nb_json_writer_key (writer, "edition");
  nb_json_writer_string (writer, nb_report_get_edition_def (report)->key);
  nb_json_writer_key (writer, "organ");
  nb_json_writer_string (writer, nb_report_get_organ (report));
  nb_json_writer_key (writer, "year");
  nb_json_writer_int (writer, nb_report_get_year (report));
  nb_json_writer_key (writer, "title");
  nb_json_writer_string (writer, nb_report_has_custom_title (report)
                                   ? nb_report_get_title (report) : NULL);
  nb_json_writer_key (writer, "date");
  nb_json_writer_string (writer, *nb_report_get_date (report) ? nb_report_get_date (report) : NULL);
  write_signature (writer, report);
  nb_json_writer_key (writer, "texts");
  write_texts (writer, report);
  _nb_json_write_tables (writer, report, write_cell);
  /* optional members: written only when there is something to say, so
   * that the text of a report without them is as it always was */
  if (nb_report_get_previous_link (report) != NULL)
    {
      nb_json_writer_key (writer, "previous");
      write_previous (writer, nb_report_get_previous_link (report));
    }
  if (nb_report_get_units (report) != NULL)
    {
      nb_json_writer_key (writer, "units");
      write_units (writer, nb_report_get_units (report));
    }
  nb_json_writer_end_object (writer);

  return nb_json_writer_free_to_data (writer, length);
}

/**
 * nb_report_fingerprint:
 * Returns: (transfer full): the first 8 hex digits of the SHA-256 of the
 *   report's canonical file text; it identifies a printed copy
 */
char *
nb_report_fingerprint (NbReport *report)
{
  gsize length;
  g_autofree char *data = nb_report_to_data (report, &length);
  g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                         (const guchar *) data, length);

  return g_strndup (digest, 8);
}

/* ---- Loading ------------------------------------------------------------------ */

typedef struct {
  NbJsonReader *json;
  GString      *path;    /* JSON path of what is being read */
  GError      **error;
} Reader;

static gboolean
fail (Reader      *reader,
      NbFileError  code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader      *reader,
      NbFileError  code,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (reader->error, NB_FILE_ERROR, code, "%s: %s", reader->path->str, what);
  return FALSE;
}

/* Enters member @name of the path; returns the old length to leave it. */
static gsize
enter (Reader     *reader,
       const char *name)
{
  gsize length = reader->path->len;

  g_string_append_c (reader->path, '.');
  g_string_append (reader->path, name);
  return length;
}

static void
leave (Reader *reader,
       gsize   length)
{
  g_string_truncate (reader->path, length);
}

static gboolean
expect_kind (Reader     *reader,
             NbJsonKind  kind,
             const char *expected)
{
  NbJsonKind found = nb_json_reader_peek (reader->json);

  if (found == kind)
    return TRUE;
  if (found == NB_JSON_INVALID)
    return nb_json_reader_skip_value (reader->json, reader->error);
  return fail (reader, NB_FILE_ERROR_TYPE, _("expected %s, found %s"),
               _(expected), nb_json_reader_kind_name (found));
}

/* Reads the next member's name; @done at the end of the object. */
static gboolean
next_member (Reader      *reader,
             const char **name,
             gboolean    *done)
{
  g_autoptr(GError) local_error = NULL;

  *done = !nb_json_reader_next_member (reader->json, name, &local_error);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (reader->error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Notes that member number @index of an object was read, refusing it
 * the second time. */
static gboolean
mark_seen (Reader     *reader,
           guint64    *seen,
           guint       index,
           const char *name)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << index;

  g_assert (index < 64);
  if (*seen & bit)
    return fail (reader, NB_FILE_ERROR_DUPLICATE, _("the member “%s” appears twice"), name);
  *seen |= bit;
  return TRUE;
}

static gboolean
unknown_member (Reader     *reader,
                const char *name)
{
  enter (reader, name);
  return fail (reader, NB_FILE_ERROR_UNKNOWN, _("a member that a report does not have"));
}

static gboolean
missing_member (Reader     *reader,
                const char *name)
{
  return fail (reader, NB_FILE_ERROR_MISSING, _("the member “%s” is missing"), name);
}

static gboolean
read_text_or_null (Reader  *reader,
                   char   **value)
{
  const char *text;

  *value = NULL;
  if (nb_json_reader_peek (reader->json) == NB_JSON_NULL)
    return nb_json_reader_read_null (reader->json, reader->error);
  if (!expect_kind (reader, NB_JSON_STRING, N_("text or null")) ||
      !nb_json_reader_read_string (reader->json, &text, reader->error))
    return FALSE;
  *value = g_strdup (text);
  return TRUE;
}

static gboolean
read_text (Reader  *reader,
           char   **value)
{
  const char *text;

  if (!expect_kind (reader, NB_JSON_STRING, N_("text")) ||
      !nb_json_reader_read_string (reader->json, &text, reader->error))
    return FALSE;
  *value = g_strdup (text);
  return TRUE;
}

static gboolean
read_whole_number (Reader *reader,
                   gint64 *value)
{
  const char *text;
  gboolean whole;

  if (!expect_kind (reader, NB_JSON_NUMBER, N_("a whole number")) ||
      !nb_json_reader_read_number (reader->json, &text, &whole, reader->error))
    return FALSE;
  if (!whole)
    return fail (reader, NB_FILE_ERROR_TYPE, _("expected a whole number, found a fraction"));
  if (strlen (text) > MAX_DIGITS)
    return fail (reader, NB_FILE_ERROR_VALUE, _("the number %s is far too large"), text);
  *value = g_ascii_strtoll (text, NULL, 10);
  return TRUE;
}

/* A cell as written in the file, before it is put into the table. */
typedef struct {
  gboolean present;
  gboolean has_number;
  gboolean overridden;
  gint64   number;
  char    *marker;
  char    *note;
  char    *unit;
} FileCell;

static void
file_cell_clear (FileCell *cell)
{
  g_free (cell->marker);
  g_free (cell->note);
  g_free (cell->unit);
}

/* The number of a cell: a whole number, or for amounts a decimal in text. */
static gboolean
read_cell_number (Reader     *reader,
                  NbCellKind  kind,
                  FileCell   *cell)
{
  g_autoptr(GError) value_error = NULL;

  if (nb_json_reader_peek (reader->json) == NB_JSON_NULL)
    return nb_json_reader_read_null (reader->json, reader->error);

  if (kind == NB_CELL_KIND_AMOUNT)
    {
      const char *text;

      if (!expect_kind (reader, NB_JSON_STRING,
                        N_("an amount written as text, such as \"96171.6\"")) ||
          !nb_json_reader_read_string (reader->json, &text, reader->error))
        return FALSE;
      if (!nb_value_parse (text, kind, &cell->number, &value_error))
        return fail (reader, NB_FILE_ERROR_VALUE, "%s", value_error->message);
    }
  else
    {
      if (!read_whole_number (reader, &cell->number))
        return FALSE;
      if (!nb_value_check (kind, cell->number, &value_error))
        return fail (reader, NB_FILE_ERROR_VALUE, "%s", value_error->message);
    }
  cell->has_number = TRUE;
  return TRUE;
}

static const char *const cell_members[] = { "value", "marker", "note", "unit", "override" };

static gboolean
read_cell_object (Reader     *reader,
                  NbCellKind  kind,
                  FileCell   *cell)
{
  guint64 seen = 0;
  gboolean done = FALSE;

  if (!nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      const char *name;
      gsize length;
      gboolean ok;
      guint i;

      if (!next_member (reader, &name, &done))
        return FALSE;
      if (done)
        break;
      for (i = 0; i < G_N_ELEMENTS (cell_members) && strcmp (name, cell_members[i]) != 0; i++)
        ;
      if (i == G_N_ELEMENTS (cell_members))
        return unknown_member (reader, name);
      if (!mark_seen (reader, &seen, i, name))
        return FALSE;
      length = enter (reader, name);
      switch (i)
        {
        case 0: ok = read_cell_number (reader, kind, cell); break;
        case 1: ok = read_text_or_null (reader, &cell->marker); break;
        case 2: ok = read_text_or_null (reader, &cell->note); break;
        case 3: ok = read_text_or_null (reader, &cell->unit); break;
        default:
          ok = expect_kind (reader, NB_JSON_BOOLEAN, N_("true or false")) &&
               nb_json_reader_read_boolean (reader->json, &cell->overridden, reader->error);
        }
      leave (reader, length);
      if (!ok)
        return FALSE;
    }
  if ((seen & 1) == 0)
    return missing_member (reader, "value");
  return TRUE;
}

static gboolean
read_cell (Reader     *reader,
           NbCellKind  kind,
           FileCell   *cell)
{
  cell->present = TRUE;
  if (nb_json_reader_peek (reader->json) == NB_JSON_OBJECT)
    return read_cell_object (reader, kind, cell);
  return read_cell_number (reader, kind, cell);
}

static gboolean
read_row (Reader           *reader,
          const NbTableDef *def,
          FileCell         *cells)
{
  guint64 seen = 0;
  gboolean done = FALSE;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      const char *name;
      gsize length;
      gboolean ok;
      int column;

      if (!next_member (reader, &name, &done))
        return FALSE;
      if (done)
        break;
      column = nb_table_def_find_column (def, name);
      if (column < 0)
        return unknown_member (reader, name);
      if (!mark_seen (reader, &seen, column, name))
        return FALSE;
      length = enter (reader, name);
      ok = read_cell (reader, def->columns[column].kind, &cells[column]);
      leave (reader, length);
      if (!ok)
        return FALSE;
    }
  for (guint c = 0; c < def->n_columns; c++)
    if (!cells[c].present)
      return missing_member (reader, def->columns[c].key);
  return TRUE;
}

/* Puts a cell into the table.  A total is kept as written only when it is
 * an override, or differs from the sum of its parts; otherwise it stays
 * automatic. */
static gboolean
apply_cell (Reader   *reader,
            NbTable  *table,
            guint     row,
            guint     column,
            FileCell *from)
{
  NbCell cell = {
    .number = from->number,
    .state = from->has_number ? NB_CELL_NUMBER : from->marker != NULL ? NB_CELL_MARKER
                                                                      : NB_CELL_EMPTY,
    .marker = from->marker,
    .note = from->note,
    .unit = from->unit,
  };
  g_autoptr(GError) value_error = NULL;

  if (nb_table_is_total (table, row, column))
    {
      /* the parts as loaded so far: a total row's cells come before the
       * corner that adds them up */
      gint64 sum;
      NbCellState automatic = nb_table_sum_parts (table, row, column, &sum) ? NB_CELL_NUMBER
                                                                            : NB_CELL_EMPTY;

      cell.overridden = from->overridden || cell.state != automatic ||
                        (automatic == NB_CELL_NUMBER && cell.number != sum);
    }
  if (from->marker != NULL && from->has_number)
    return fail (reader, NB_FILE_ERROR_VALUE, _("a cell cannot hold both a number and a marker"));
  if (!nb_value_check (nb_table_get_kind (table, column), cell.number, &value_error))
    return fail (reader, NB_FILE_ERROR_VALUE, "%s", value_error->message);

  _nb_table_load_cell (table, row, column, &cell);
  return TRUE;
}

/* Reads every cell first, then writes the plain cells and, after them,
 * the totals, which are compared with their sums. */
static gboolean
read_table (Reader  *reader,
            NbTable *table)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint n_cells = def->n_rows * def->n_columns;
  g_autofree FileCell *cells = g_new0 (FileCell, n_cells);
  guint64 seen = 0;
  gboolean done = FALSE, ok = FALSE;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    goto out;
  for (;;)
    {
      const char *name;
      gsize length;
      gboolean row_ok;
      int row;

      if (!next_member (reader, &name, &done))
        goto out;
      if (done)
        break;
      row = nb_table_def_find_row (def, name);
      if (row < 0)
        {
          unknown_member (reader, name);
          goto out;
        }
      if (!mark_seen (reader, &seen, row, name))
        goto out;
      length = enter (reader, name);
      row_ok = read_row (reader, def, &cells[row * def->n_columns]);
      leave (reader, length);
      if (!row_ok)
        goto out;
    }
  for (guint r = 0; r < def->n_rows; r++)
    if ((seen & (G_GUINT64_CONSTANT (1) << r)) == 0)
      {
        missing_member (reader, def->rows[r].key);
        goto out;
      }

  for (int pass = 0; pass < 2; pass++, _nb_table_settle_totals (table))
    for (guint r = 0; r < def->n_rows; r++)
      for (guint c = 0; c < def->n_columns; c++)
        if (nb_table_def_is_total (def, r, c) == (pass == 1))
          {
            gsize length = enter (reader, def->rows[r].key);
            gboolean cell_ok;

            enter (reader, def->columns[c].key);
            cell_ok = apply_cell (reader, table, r, c, &cells[r * def->n_columns + c]);
            leave (reader, length);
            if (!cell_ok)
              goto out;
          }
  ok = TRUE;

out:
  for (guint i = 0; i < n_cells; i++)
    file_cell_clear (&cells[i]);
  return ok;
}

static gboolean
read_tables (Reader   *reader,
             NbReport *report)
{
  const NbEditionDef *edition = nb_report_get_edition_def (report);
  guint64 seen = 0;
  gboolean done = FALSE;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      const char *name;
      NbTable *table;
      gsize length;
      gboolean ok;

      if (!next_member (reader, &name, &done))
        return FALSE;
      if (done)
        break;
      table = nb_report_get_table (report, name);
      if (table == NULL)
        return unknown_member (reader, name);
      if (!mark_seen (reader, &seen, nb_edition_find_table (edition, name) - edition->tables, name))
        return FALSE;
      length = enter (reader, name);
      ok = read_table (reader, table);
      leave (reader, length);
      if (!ok)
        return FALSE;
    }
  for (guint t = 0; t < edition->n_tables; t++)
    if ((seen & (G_GUINT64_CONSTANT (1) << t)) == 0)
      return missing_member (reader, edition->tables[t].key);
  return TRUE;
}

static gboolean
read_texts (Reader   *reader,
            NbReport *report)
{
  guint64 seen = 0;
  gboolean done = FALSE;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      g_autofree char *text = NULL;
      const char *name;
      NbTextSection section;
      gsize length;
      gboolean ok;

      if (!next_member (reader, &name, &done))
        return FALSE;
      if (done)
        return TRUE;
      if (!nb_text_section_from_key (name, &section))
        return unknown_member (reader, name);
      if (!mark_seen (reader, &seen, section, name))
        return FALSE;
      length = enter (reader, name);
      ok = read_text_or_null (reader, &text);
      leave (reader, length);
      if (!ok)
        return FALSE;
      nb_report_set_text (report, section, text);
    }
}

static const char *const signature_members[] = { "shown", "label", "value" };

static gboolean
read_signature_line (Reader          *reader,
                     NbReport        *report,
                     NbSignatureLine  line)
{
  guint64 seen = 0;
  gboolean done = FALSE;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      g_autofree char *text = NULL;
      const char *name;
      gboolean shown, ok;
      gsize length;
      guint i;

      if (!next_member (reader, &name, &done))
        return FALSE;
      if (done)
        return TRUE;
      for (i = 0; i < G_N_ELEMENTS (signature_members) && strcmp (name, signature_members[i]); i++)
        ;
      if (i == G_N_ELEMENTS (signature_members))
        return unknown_member (reader, name);
      if (!mark_seen (reader, &seen, i, name))
        return FALSE;
      length = enter (reader, name);
      if (i == 0)
        {
          ok = expect_kind (reader, NB_JSON_BOOLEAN, N_("true or false")) &&
               nb_json_reader_read_boolean (reader->json, &shown, reader->error);
          if (ok)
            nb_report_set_signature_shown (report, line, shown);
        }
      else
        {
          ok = read_text (reader, &text);
          if (ok && i == 1)
            nb_report_set_signature_label (report, line, text);
          else if (ok)
            nb_report_set_signature_value (report, line, text);
        }
      leave (reader, length);
      if (!ok)
        return FALSE;
    }
}

static gboolean
read_signature (Reader   *reader,
                NbReport *report)
{
  guint64 seen = 0;
  gboolean done = FALSE;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      const char *name;
      NbSignatureLine line;
      gsize length;
      gboolean ok;

      if (!next_member (reader, &name, &done))
        return FALSE;
      if (done)
        return TRUE;
      if (!nb_signature_line_from_key (name, &line))
        return unknown_member (reader, name);
      if (!mark_seen (reader, &seen, line, name))
        return FALSE;
      length = enter (reader, name);
      ok = read_signature_line (reader, report, line);
      leave (reader, length);
      if (!ok)
        return FALSE;
    }
}

/* The members of the top level, in the order they are read. */
typedef enum {
  MEMBER_FORMAT,
  MEMBER_SCHEMA_VERSION,
  MEMBER_EDITION,
  MEMBER_ORGAN,
  MEMBER_YEAR,
  MEMBER_TITLE,
  MEMBER_DATE,
  MEMBER_TEXTS,
  MEMBER_TABLES,
  MEMBER_SIGNATURE,   /* optional from here on */
  MEMBER_PREVIOUS,
  MEMBER_UNITS,
  N_MEMBERS
} Member;

#define N_REQUIRED_MEMBERS MEMBER_SIGNATURE

static const char *const member_names[N_MEMBERS] = {
  "format", "schema_version", "edition", "organ", "year", "title", "date", "texts", "tables",
  "signature", "previous", "units",
};

/* First pass over the top level: where each member's value starts. */
static gboolean
locate_members (Reader *reader,
                gssize  offsets[N_MEMBERS])
{
  g_autofree char *unknown = NULL;
  guint64 seen = 0;
  gboolean done = FALSE;

  for (guint i = 0; i < N_MEMBERS; i++)
    offsets[i] = -1;

  if (nb_json_reader_peek (reader->json) != NB_JSON_OBJECT)
    {
      if (nb_json_reader_peek (reader->json) == NB_JSON_INVALID)
        return nb_json_reader_skip_value (reader->json, reader->error);
      return fail (reader, NB_FILE_ERROR_NOT_REPORT, _("this is not a Nianbao report"));
    }
  if (!nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      const char *name;
      guint i;

      if (!next_member (reader, &name, &done))
        return FALSE;
      if (done)
        break;
      for (i = 0; i < N_MEMBERS && strcmp (name, member_names[i]) != 0; i++)
        ;
      if (i < N_MEMBERS)
        {
          if (!mark_seen (reader, &seen, i, name))
            return FALSE;
          offsets[i] = nb_json_reader_tell (reader->json);
        }
      else if (unknown == NULL)
        unknown = g_strdup (name);
      if (!nb_json_reader_skip_value (reader->json, reader->error))
        return FALSE;
    }
  if (!nb_json_reader_end (reader->json, reader->error))
    return FALSE;

  /* Say “not a report” before anything more precise about a stranger. */
  if (offsets[MEMBER_FORMAT] < 0)
    return fail (reader, NB_FILE_ERROR_NOT_REPORT, _("this is not a Nianbao report"));
  if (unknown != NULL)
    return unknown_member (reader, unknown);
  for (guint i = 0; i < N_REQUIRED_MEMBERS; i++)
    if (offsets[i] < 0)
      return missing_member (reader, member_names[i]);
  return TRUE;
}

/* Moves to member @member's value, with the path set to it. */
static void
seek_member (Reader *reader,
             gssize  offsets[N_MEMBERS],
             Member  member)
{
  g_string_assign (reader->path, "$");
  enter (reader, member_names[member]);
  nb_json_reader_seek (reader->json, offsets[member]);
}

static gboolean
read_header (Reader    *reader,
             gssize     offsets[N_MEMBERS],
             NbEdition *edition)
{
  g_autofree char *format = NULL, *key = NULL;
  gint64 version;

  seek_member (reader, offsets, MEMBER_FORMAT);
  if (nb_json_reader_peek (reader->json) != NB_JSON_STRING || !read_text (reader, &format) ||
      strcmp (format, FORMAT_NAME) != 0)
    {
      g_clear_error (reader->error);
      g_string_assign (reader->path, "$");
      return fail (reader, NB_FILE_ERROR_NOT_REPORT, _("this is not a Nianbao report"));
    }

  seek_member (reader, offsets, MEMBER_SCHEMA_VERSION);
  if (!read_whole_number (reader, &version))
    return FALSE;
  if (version > NB_FILE_SCHEMA_VERSION)
    return fail (reader, NB_FILE_ERROR_VERSION,
                 _("the file was written by a newer version of Nianbao (format %lld; "
                   "this version reads up to %d)"), (long long) version, NB_FILE_SCHEMA_VERSION);
  if (version < 1)
    return fail (reader, NB_FILE_ERROR_VALUE, _("expected a format version of 1 or more, found %lld"),
                 (long long) version);

  seek_member (reader, offsets, MEMBER_EDITION);
  if (!read_text (reader, &key))
    return FALSE;
  if (!nb_edition_from_key (key, edition))
    return fail (reader, NB_FILE_ERROR_EDITION,
                 _("expected the edition \"2019\" or \"2021\", found \"%s\""), key);
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (strlen (text) != 10)
    return FALSE;
  iso = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  return date != NULL;
}

static gboolean
read_identity (Reader   *reader,
               gssize    offsets[N_MEMBERS],
               NbReport *report)
{
  g_autofree char *organ = NULL, *title = NULL, *date = NULL;
  gint64 year;

  seek_member (reader, offsets, MEMBER_ORGAN);
  if (!read_text (reader, &organ))
    return FALSE;

  seek_member (reader, offsets, MEMBER_YEAR);
  if (!read_whole_number (reader, &year))
    return FALSE;
  if (year < 0 || year > NB_YEAR_MAX)
    return fail (reader, NB_FILE_ERROR_VALUE, _("expected a year up to %d, found %lld"),
                 NB_YEAR_MAX, (long long) year);

  seek_member (reader, offsets, MEMBER_TITLE);
  if (!read_text_or_null (reader, &title))
    return FALSE;

  seek_member (reader, offsets, MEMBER_DATE);
  if (!read_text_or_null (reader, &date))
    return FALSE;
  if (date != NULL && !is_date (date))
    return fail (reader, NB_FILE_ERROR_VALUE, _("expected a date such as 2025-01-20, found \"%s\""),
                 date);

  nb_report_set_organ (report, organ);
  nb_report_set_year (report, (int) year);
  nb_report_set_title (report, title);
  nb_report_set_date (report, date);
  return TRUE;
}

/* ---- "previous": last year's report ------------------------------------------ */

static gboolean
row_has_linked_cell (const NbTableDef *def,
                     guint             row)
{
  for (guint c = 0; c < def->n_columns; c++)
    if (nb_previous_link_is_linked_cell (def, row, c))
      return TRUE;
  return FALSE;
}

static gboolean
table_has_linked_cell (const NbTableDef *def)
{
  for (guint r = 0; r < def->n_rows; r++)
    if (row_has_linked_cell (def, r))
      return TRUE;
  return FALSE;
}

/* One row of "figures": exactly the linked cells of the row. */
static gboolean
read_figures_row (Reader           *reader,
                  const NbTableDef *def,
                  guint             row,
                  FileCell         *cells)
{
  guint64 seen = 0;
  gboolean done = FALSE;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      const char *name;
      gsize length;
      gboolean ok;
      int column;

      if (!next_member (reader, &name, &done))
        return FALSE;
      if (done)
        break;
      column = nb_table_def_find_column (def, name);
      if (column < 0 || !nb_previous_link_is_linked_cell (def, row, column))
        {
          enter (reader, name);
          return fail (reader, NB_FILE_ERROR_UNKNOWN,
                       _("a cell that a link to last year's report does not keep"));
        }
      if (!mark_seen (reader, &seen, column, name))
        return FALSE;
      length = enter (reader, name);
      cells[column].present = TRUE;
      ok = read_cell_number (reader, def->columns[column].kind, &cells[column]);
      leave (reader, length);
      if (!ok)
        return FALSE;
    }
  for (guint c = 0; c < def->n_columns; c++)
    if (nb_previous_link_is_linked_cell (def, row, c) && !cells[c].present)
      return missing_member (reader, def->columns[c].key);
  return TRUE;
}

static gboolean
read_figures_table (Reader  *reader,
                    NbTable *table)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint n_cells = def->n_rows * def->n_columns;
  g_autofree FileCell *cells = g_new0 (FileCell, n_cells);
  guint64 seen = 0;
  gboolean done = FALSE, ok = FALSE;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    goto out;
  for (;;)
    {
      const char *name;
      gsize length;
      gboolean row_ok;
      int row;

      if (!next_member (reader, &name, &done))
        goto out;
      if (done)
        break;
      row = nb_table_def_find_row (def, name);
      if (row < 0 || !row_has_linked_cell (def, row))
        {
          enter (reader, name);
          fail (reader, NB_FILE_ERROR_UNKNOWN,
                _("a row that a link to last year's report does not keep"));
          goto out;
        }
      if (!mark_seen (reader, &seen, row, name))
        goto out;
      length = enter (reader, name);
      row_ok = read_figures_row (reader, def, row, &cells[row * def->n_columns]);
      leave (reader, length);
      if (!row_ok)
        goto out;
    }
  for (guint r = 0; r < def->n_rows; r++)
    if (row_has_linked_cell (def, r) && (seen & (G_GUINT64_CONSTANT (1) << r)) == 0)
      {
        missing_member (reader, def->rows[r].key);
        goto out;
      }

  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < def->n_rows; r++)
      for (guint c = 0; c < def->n_columns; c++)
        if (cells[r * def->n_columns + c].present && nb_table_def_is_total (def, r, c) == (pass == 1))
          {
            gsize length = enter (reader, def->rows[r].key);
            gboolean cell_ok;

            enter (reader, def->columns[c].key);
            cell_ok = apply_cell (reader, table, r, c, &cells[r * def->n_columns + c]);
            leave (reader, length);
            if (!cell_ok)
              goto out;
          }
  ok = TRUE;

out:
  for (guint i = 0; i < n_cells; i++)
    file_cell_clear (&cells[i]);
  return ok;
}

static gboolean
read_figures (Reader   *reader,
              NbReport *figures)
{
  const NbEditionDef *edition = nb_report_get_edition_def (figures);
  guint64 seen = 0;
  gboolean done = FALSE;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      const char *name;
      NbTable *table;
      gsize length;
      gboolean ok;

      if (!next_member (reader, &name, &done))
        return FALSE;
      if (done)
        break;
      table = nb_report_get_table (figures, name);
      if (table == NULL || !table_has_linked_cell (nb_table_get_def (table)))
        {
          enter (reader, name);
          return fail (reader, NB_FILE_ERROR_UNKNOWN,
                       _("a table that a link to last year's report does not keep"));
        }
      if (!mark_seen (reader, &seen, nb_edition_find_table (edition, name) - edition->tables, name))
        return FALSE;
      length = enter (reader, name);
      ok = read_figures_table (reader, table);
      leave (reader, length);
      if (!ok)
        return FALSE;
    }
  for (guint t = 0; t < edition->n_tables; t++)
    if (table_has_linked_cell (&edition->tables[t]) && (seen & (G_GUINT64_CONSTANT (1) << t)) == 0)
      return missing_member (reader, edition->tables[t].key);
  return TRUE;
}

typedef enum {
  PREVIOUS_PATH,
  PREVIOUS_ORGAN,
  PREVIOUS_YEAR,
  PREVIOUS_EDITION,
  PREVIOUS_FIGURES,
  PREVIOUS_PROBLEMS,
  N_PREVIOUS_MEMBERS
} PreviousMember;

static const char *const previous_member_names[N_PREVIOUS_MEMBERS] = {
  "path", "organ", "year", "edition", "figures", "problems",
};

/* Reads member @member of "previous", whose value starts at @offset. */
static void
seek_previous_member (Reader *reader,
                      gsize   base,
                      gssize  offset,
                      guint   member)
{
  leave (reader, base);
  enter (reader, previous_member_names[member]);
  nb_json_reader_seek (reader->json, offset);
}

static gboolean
read_previous (Reader   *reader,
               NbReport *report)
{
  gssize offsets[N_PREVIOUS_MEMBERS];
  g_autofree char *path = NULL, *organ = NULL, *key = NULL, *problems = NULL;
  g_autoptr(NbReport) figures = NULL;
  g_autoptr(NbPreviousLink) link = NULL;
  gsize base = reader->path->len;
  guint64 seen = 0;
  gboolean done = FALSE;
  NbEdition edition;
  gint64 year;

  for (guint i = 0; i < N_PREVIOUS_MEMBERS; i++)
    offsets[i] = -1;
  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      const char *name;
      guint i;

      if (!next_member (reader, &name, &done))
        return FALSE;
      if (done)
        break;
      for (i = 0; i < N_PREVIOUS_MEMBERS && strcmp (name, previous_member_names[i]) != 0; i++)
        ;
      if (i == N_PREVIOUS_MEMBERS)
        {
          enter (reader, name);
          return fail (reader, NB_FILE_ERROR_UNKNOWN,
                       _("a member that a link to last year's report does not have"));
        }
      if (!mark_seen (reader, &seen, i, name))
        return FALSE;
      offsets[i] = nb_json_reader_tell (reader->json);
      if (!nb_json_reader_skip_value (reader->json, reader->error))
        return FALSE;
    }
  for (guint i = 0; i < N_PREVIOUS_MEMBERS; i++)
    if (offsets[i] < 0)
      return missing_member (reader, previous_member_names[i]);

  seek_previous_member (reader, base, offsets[PREVIOUS_PATH], PREVIOUS_PATH);
  if (!read_text_or_null (reader, &path))
    return FALSE;
  seek_previous_member (reader, base, offsets[PREVIOUS_ORGAN], PREVIOUS_ORGAN);
  if (!read_text (reader, &organ))
    return FALSE;
  seek_previous_member (reader, base, offsets[PREVIOUS_YEAR], PREVIOUS_YEAR);
  if (!read_whole_number (reader, &year))
    return FALSE;
  if (year < 0 || year > NB_YEAR_MAX)
    return fail (reader, NB_FILE_ERROR_VALUE, _("expected a year up to %d, found %lld"),
                 NB_YEAR_MAX, (long long) year);
  seek_previous_member (reader, base, offsets[PREVIOUS_EDITION], PREVIOUS_EDITION);
  if (!read_text (reader, &key))
    return FALSE;
  if (!nb_edition_from_key (key, &edition))
    return fail (reader, NB_FILE_ERROR_EDITION,
                 _("expected the edition \"2019\" or \"2021\", found \"%s\""), key);
  seek_previous_member (reader, base, offsets[PREVIOUS_PROBLEMS], PREVIOUS_PROBLEMS);
  if (!read_text (reader, &problems))
    return FALSE;

  figures = nb_report_new (edition);
  nb_report_set_organ (figures, organ);
  nb_report_set_year (figures, (int) year);
  nb_report_set_text (figures, NB_TEXT_PROBLEMS, problems);
  seek_previous_member (reader, base, offsets[PREVIOUS_FIGURES], PREVIOUS_FIGURES);
  if (!read_figures (reader, figures))
    return FALSE;

  link = nb_previous_link_new_from_figures (figures, path);
  nb_report_set_previous_link (report, link);
  return TRUE;
}

/* ---- "units": the units a summary adds up --------------------------------------- */

static const char *const unit_members[] = { "organ", "file", "fingerprint" };

static gboolean
read_unit (Reader     *reader,
           GPtrArray  *units)
{
  char *values[G_N_ELEMENTS (unit_members)] = { NULL, NULL, NULL };
  guint64 seen = 0;
  gboolean done = FALSE, ok = FALSE;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")) ||
      !nb_json_reader_begin_object (reader->json, reader->error))
    return FALSE;
  for (;;)
    {
      const char *name;
      gsize length;
      gboolean member_ok;
      guint i;

      if (!next_member (reader, &name, &done))
        goto out;
      if (done)
        break;
      for (i = 0; i < G_N_ELEMENTS (unit_members) && strcmp (name, unit_members[i]) != 0; i++)
        ;
      if (i == G_N_ELEMENTS (unit_members))
        {
          enter (reader, name);
          fail (reader, NB_FILE_ERROR_UNKNOWN, _("a member that a unit does not have"));
          goto out;
        }
      if (!mark_seen (reader, &seen, i, name))
        goto out;
      length = enter (reader, name);
      member_ok = read_text (reader, &values[i]);
      leave (reader, length);
      if (!member_ok)
        goto out;
    }
  for (guint i = 0; i < G_N_ELEMENTS (unit_members); i++)
    if (values[i] == NULL)
      {
        missing_member (reader, unit_members[i]);
        goto out;
      }
  g_ptr_array_add (units, nb_report_unit_new (values[0], values[1], values[2]));
  ok = TRUE;

out:
  for (guint i = 0; i < G_N_ELEMENTS (unit_members); i++)
    g_free (values[i]);
  return ok;
}

static gboolean
read_units (Reader   *reader,
            NbReport *report)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_report_unit_free);
  gsize base = reader->path->len;

  if (!expect_kind (reader, NB_JSON_ARRAY, N_("a list")) ||
      !nb_json_reader_begin_array (reader->json, reader->error))
    return FALSE;
  for (guint i = 0;; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean ok;

      if (!nb_json_reader_next_element (reader->json, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (reader->error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }
      g_string_append_printf (reader->path, "[%u]", i);
      ok = read_unit (reader, units);
      leave (reader, base);
      if (!ok)
        return FALSE;
    }
  nb_report_set_units (report, units);
  return TRUE;
}

/**
 * nb_report_new_from_data:
 * @data: the text of a .nianbao file
 * @length: its length, or -1 when it is nul-terminated
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error
 *   naming what is wrong and where
 */
NbReport *
nb_report_new_from_data (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(NbJsonReader) json = NULL;
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(NbReport) report = NULL;
  gssize offsets[N_MEMBERS];
  const char *end;
  NbEdition edition;
  Reader reader;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if ((gsize) length > NB_FILE_MAX_SIZE)
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_TOO_LARGE,
                   _("The file is too large to be a report (%lld bytes; at most %d)"),
                   (long long) length, NB_FILE_MAX_SIZE);
      return NULL;
    }
  if (!g_utf8_validate (data, length, &end))
    {
      g_autofree char *where = NULL;

      json = nb_json_reader_new (data, length);
      nb_json_reader_seek (json, end - data);
      where = nb_json_reader_where (json);
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_ENCODING,
                   _("The file is not UTF-8 text at %s (is it a report at all?)"), where);
      return NULL;
    }

  json = nb_json_reader_new (data, length);
  reader = (Reader) { json, path, error };
  if (!locate_members (&reader, offsets) ||
      !read_header (&reader, offsets, &edition))
    return NULL;

  report = nb_report_new (edition);
  if (!read_identity (&reader, offsets, report))
    return NULL;
  seek_member (&reader, offsets, MEMBER_TEXTS);
  if (!read_texts (&reader, report))
    return NULL;
  seek_member (&reader, offsets, MEMBER_TABLES);
  if (!read_tables (&reader, report))
    return NULL;
  if (offsets[MEMBER_SIGNATURE] >= 0)
    {
      seek_member (&reader, offsets, MEMBER_SIGNATURE);
      if (!read_signature (&reader, report))
        return NULL;
    }
  if (offsets[MEMBER_PREVIOUS] >= 0)
    {
      seek_member (&reader, offsets, MEMBER_PREVIOUS);
      if (!read_previous (&reader, report))
        return NULL;
    }
  if (offsets[MEMBER_UNITS] >= 0)
    {
      seek_member (&reader, offsets, MEMBER_UNITS);
      if (!read_units (&reader, report))
        return NULL;
    }

  return g_steal_pointer (&report);
}

/* ---- Paths and async ---------------------------------------------------------- */

/**
 * nb_report_load_from_path:
 * Returns: (transfer full) (nullable): the report in the file at @path
 */
NbReport *
nb_report_load_from_path (const char  *path,
                          GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length;
  NbReport *report;

  if (g_stat (path, &st) == 0 && st.st_size > NB_FILE_MAX_SIZE)
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a report (%lld bytes; at most %d)"),
                   name, (long long) st.st_size, NB_FILE_MAX_SIZE);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  report = nb_report_new_from_data (data, length, &local_error);
  if (report == NULL)
    g_set_error (error, NB_FILE_ERROR, local_error->code,
                 _("“%s” cannot be opened. %s"), name, local_error->message);
  else if (nb_report_get_previous_link (report) != NULL)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *folder = g_path_get_dirname (absolute);

      nb_previous_link_set_base (nb_report_get_previous_link (report), folder);
    }
  return report;
}

/**
 * nb_report_save_to_path:
 * Saves atomically (a link to last year's report is first rewritten
 * relative to @path's folder): the text is written to a temporary file beside @path,
 * flushed, then renamed over it, so @path holds either the old or the new
 * report, never half of one.
 */
/* A link's path is written relative to the folder the report is saved in. */
static void
rebase_link (NbReport   *report,
             const char *path)
{
  NbPreviousLink *link = nb_report_get_previous_link (report);
  g_autofree char *absolute = NULL, *folder = NULL;

  if (link == NULL || path == NULL)
    return;
  absolute = g_canonicalize_filename (path, NULL);
  folder = g_path_get_dirname (absolute);
  nb_previous_link_rebase (link, folder);
}

gboolean
nb_report_save_to_path (NbReport    *report,
                        const char  *path,
                        GError     **error)
{
  gsize length;
  g_autofree char *data = NULL;

  rebase_link (report, path);
  data = nb_report_to_data (report, &length);

  return nb_file_write_atomically (path, data, length, error);
}

/**
 * nb_file_write_atomically:
 * Writes @data to a temporary file beside @path, flushes it to disk, and
 * renames it over @path: @path then holds either what it held before or
 * all of @data.  The error says the file on disk was not changed.
 */
gboolean
nb_file_write_atomically (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_set_contents_full (path, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0666, &local_error))
    return TRUE;

  {
    g_autofree char *name = g_filename_display_name (path);

    g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                 _("Could not save “%s”: %s. The file on disk was not changed."),
                 name, local_error->message);
  }
  return FALSE;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (task_data);
  GError *error = NULL;
  NbReport *report;

  if (path == NULL)
    {
      g_task_return_new_error (task, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                               _("Only local files can be opened"));
      return;
    }
  report = nb_report_load_from_path (path, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * nb_report_load_async:
 * Reads and checks the file in a worker thread.
 */
void
nb_report_load_async (GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, nb_report_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

NbReport *
nb_report_load_finish (GAsyncResult  *result,
                       GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  GFile *file;
  GBytes *data;
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_object_unref (save->file);
  g_bytes_unref (save->data);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autofree char *path = g_file_get_path (save->file);
  GError *error = NULL;
  gsize length;
  const char *data;

  if (path == NULL)
    {
      g_task_return_new_error (task, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                               _("Reports can only be saved to local files"));
      return;
    }
  data = g_bytes_get_data (save->data, &length);
  if (nb_file_write_atomically (path, data, length, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * nb_report_save_async:
 * Takes the report's text now, and writes it atomically in a worker
 * thread (see nb_report_save_to_path()).
 */
void
nb_report_save_async (NbReport            *report,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SaveData *save = g_new0 (SaveData, 1);
  g_autofree char *path = g_file_get_path (file);
  gsize length;
  char *data;

  rebase_link (report, path);
  data = nb_report_to_data (report, &length);

  save->file = g_object_ref (file);
  save->data = g_bytes_new_take (data, length);
  g_task_set_source_tag (task, nb_report_save_async);
  g_task_set_task_data (task, save, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
nb_report_save_finish (GAsyncResult  *result,
                       GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
