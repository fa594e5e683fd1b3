/* nb-report-file.c — .nianbao files: strict loading, atomic saving
 *
 * A .nianbao file is UTF-8 JSON (docs/file-format.md).  Loading is strict:
 * the text is first scanned for what json-glib does not report (nesting
 * too deep, integers past 64 bits, duplicate members), then every member
 * is checked against the format and the report's edition.  A failure
 * names the JSON path, what was expected and what was found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-report-file"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "nb-json-writer.h"
#include "nb-report-file.h"
#include "nb-value.h"

#define FORMAT_NAME "nianbao-report"
#define MAX_DEPTH   16
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

static void
write_tables (NbJsonWriter *writer,
              NbReport     *report)
{
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
              write_cell (writer, table, r, c);
            }
          nb_json_writer_end_object (writer);
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
  nb_json_writer_key (writer, "texts");
  write_texts (writer, report);
  nb_json_writer_key (writer, "tables");
  write_tables (writer, report);
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

/* ---- Loading: the lexical guard --------------------------------------------- */

static gboolean
fail_at (GError    **error,
         NbFileError code,
         const char *data,
         const char *at,
         const char *what)
{
  guint line = 1, column = 1;

  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        line++, column = 1;
      else if (((guchar) *p & 0xC0) != 0x80)
        column++;
    }
  g_set_error (error, NB_FILE_ERROR, code,
               _("Line %u, column %u: %s"), line, column, what);
  return FALSE;
}

/* What json-glib does not catch: nesting deep enough to exhaust its
 * recursion, and integers too long for 64 bits (it wraps them). */
static gboolean
guard_lexically (const char  *data,
                 gsize        length,
                 GError     **error)
{
  const char *end = data + length, *p = data;
  guint depth = 0;

  while (p < end)
    {
      char c = *p;

      if (c == '"')
        {
          for (p++; p < end && *p != '"'; p++)
            if (*p == '\\' && p + 1 < end)
              p++;
          p++;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            return fail_at (error, NB_FILE_ERROR_NOT_REPORT, data, p,
                            _("the data is nested too deeply to be a report"));
          p++;
        }
      else if (c == '}' || c == ']')
        {
          depth -= depth > 0;
          p++;
        }
      else if (g_ascii_isdigit (c))
        {
          const char *start = p;

          while (p < end && g_ascii_isdigit (*p))
            p++;
          if (p - start > MAX_DIGITS)
            return fail_at (error, NB_FILE_ERROR_VALUE, data, start,
                            _("the number is far too large"));
        }
      else
        p++;
    }
  return TRUE;
}

/* ---- Loading: validation ------------------------------------------------------ */

typedef struct {
  GString    *path;         /* JSON path of what is being read */
  GHashTable *duplicates;   /* JsonObject → first duplicated member name */
  GError    **error;
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

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("a list");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("text");
        case G_TYPE_BOOLEAN: return _("true or false");
        case G_TYPE_DOUBLE: return _("a fraction");
        default: return _("a whole number");
        }
    }
}

static gboolean
expect_type (Reader     *reader,
             JsonNode   *node,
             GType       type,
             const char *expected)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type)
    return TRUE;
  return fail (reader, NB_FILE_ERROR_TYPE, _("expected %s, found %s"),
               expected, describe_node (node));
}

static gboolean
expect_object (Reader   *reader,
               JsonNode *node)
{
  JsonObject *object;
  const char *duplicate;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, NB_FILE_ERROR_TYPE, _("expected an object, found %s"),
                 describe_node (node));

  object = json_node_get_object (node);
  duplicate = g_hash_table_lookup (reader->duplicates, object);
  if (duplicate != NULL)
    return fail (reader, NB_FILE_ERROR_DUPLICATE, _("the member “%s” appears twice"), duplicate);
  return TRUE;
}

/* Enters member @name of the path; returns the old length to leave it. */
static gsize
enter (Reader     *reader,
       const char *name)
{
  gsize length = reader->path->len;

  g_string_append_printf (reader->path, ".%s", name);
  return length;
}

static void
leave (Reader *reader,
       gsize   length)
{
  g_string_truncate (reader->path, length);
}

static gboolean
only_known_members (Reader             *reader,
                    JsonObject         *object,
                    const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        gsize length = enter (reader, l->data);
        gboolean ok = fail (reader, NB_FILE_ERROR_UNKNOWN,
                            _("a member that a report does not have"));
        leave (reader, length);
        return ok;
      }
  return TRUE;
}

static gboolean
require_member (Reader      *reader,
                JsonObject  *object,
                const char  *name,
                JsonNode   **node)
{
  *node = json_object_get_member (object, name);
  if (*node != NULL)
    return TRUE;
  return fail (reader, NB_FILE_ERROR_MISSING, _("the member “%s” is missing"), name);
}

static gboolean
read_string_or_null (Reader      *reader,
                     JsonObject  *object,
                     const char  *name,
                     const char **value)
{
  JsonNode *node;
  gsize length;
  gboolean ok;

  if (!require_member (reader, object, name, &node))
    return FALSE;
  *value = NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  length = enter (reader, name);
  ok = expect_type (reader, node, G_TYPE_STRING, _("text or null"));
  leave (reader, length);
  if (ok)
    *value = json_node_get_string (node);
  return ok;
}

/* The number of a cell: an integer, or for amounts a decimal in a string. */
static gboolean
read_number (Reader     *reader,
             JsonNode   *node,
             NbCellKind  kind,
             gint64     *number)
{
  g_autoptr(GError) value_error = NULL;

  if (kind == NB_CELL_KIND_AMOUNT)
    {
      if (!expect_type (reader, node, G_TYPE_STRING, _("an amount written as text, such as \"96171.6\"")))
        return FALSE;
      if (nb_value_parse (json_node_get_string (node), kind, number, &value_error))
        return TRUE;
    }
  else
    {
      if (!expect_type (reader, node, G_TYPE_INT64, _("a whole number")))
        return FALSE;
      *number = json_node_get_int (node);
      if (nb_value_check (kind, *number, &value_error))
        return TRUE;
    }
  return fail (reader, NB_FILE_ERROR_VALUE, "%s", value_error->message);
}

static gboolean
read_cell_details (Reader     *reader,
                   JsonObject *object,
                   NbTable    *table,
                   guint       row,
                   guint       column,
                   gboolean   *overridden)
{
  static const char * const known[] = { "value", "marker", "note", "unit", "override", NULL };
  const char *marker = NULL, *note = NULL, *unit = NULL;
  JsonNode *node;

  if (!only_known_members (reader, object, known))
    return FALSE;

#define OPTIONAL_STRING(name, var)                                          \
  if (json_object_has_member (object, name) &&                              \
      !read_string_or_null (reader, object, name, &var))                    \
    return FALSE;
  OPTIONAL_STRING ("marker", marker);
  OPTIONAL_STRING ("note", note);
  OPTIONAL_STRING ("unit", unit);
#undef OPTIONAL_STRING

  node = json_object_get_member (object, "override");
  if (node != NULL)
    {
      gsize length = enter (reader, "override");
      gboolean ok = expect_type (reader, node, G_TYPE_BOOLEAN, _("true or false"));
      leave (reader, length);
      if (!ok)
        return FALSE;
      *overridden = json_node_get_boolean (node);
    }

  if (marker != NULL)
    nb_table_set_marker (table, row, column, marker);
  nb_table_set_note (table, row, column, note);
  nb_table_set_unit (table, row, column, unit);
  return TRUE;
}

/* Writes a cell.  A total is written only when it is an override, or its
 * value differs from the sum of its parts: then it is kept as published. */
static gboolean
read_cell (Reader   *reader,
           JsonNode *node,
           NbTable  *table,
           guint     row,
           guint     column)
{
  gboolean overridden = FALSE, has_number = FALSE;
  JsonNode *value = node;
  gint64 number = 0, sum = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object;

      if (!expect_object (reader, node))
        return FALSE;
      object = json_node_get_object (node);
      if (!require_member (reader, object, "value", &value) ||
          !read_cell_details (reader, object, table, row, column, &overridden))
        return FALSE;
    }

  if (!JSON_NODE_HOLDS_NULL (value))
    {
      gsize length = value != node ? enter (reader, "value") : reader->path->len;
      gboolean ok = read_number (reader, value, nb_table_get_kind (table, column), &number);

      leave (reader, length);
      if (!ok)
        return FALSE;
      has_number = TRUE;
    }

  if (nb_table_is_total (table, row, column) && !overridden &&
      nb_table_sum_parts (table, row, column, &sum) == has_number && sum == number)
    return TRUE;

  if (has_number)
    return nb_table_set_number (table, row, column, number, reader->error);
  if (nb_table_get_state (table, row, column) != NB_CELL_MARKER)
    {
      if (nb_table_is_total (table, row, column))
        nb_table_clear (table, row, column);
    }
  return TRUE;
}

static gboolean
read_row (Reader     *reader,
          JsonObject *object,
          NbTable    *table,
          guint       row,
          gboolean    totals)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint c = 0; c < def->n_columns; c++)
    {
      JsonNode *cell;
      gsize length;
      gboolean ok;

      if (nb_table_def_is_total (def, row, c) != totals)
        continue;
      if (!require_member (reader, object, def->columns[c].key, &cell))
        return FALSE;
      length = enter (reader, def->columns[c].key);
      ok = read_cell (reader, cell, table, row, c);
      leave (reader, length);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_keys (Reader           *reader,
            JsonObject       *object,
            const NbTableDef *def,
            gboolean          columns)
{
  guint n = columns ? def->n_columns : def->n_rows;
  g_autofree const char **known = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    known[i] = columns ? def->columns[i].key : def->rows[i].key;
  return only_known_members (reader, object, known);
}

/* Plain cells first, then totals, which are compared with their sums. */
static gboolean
read_table (Reader   *reader,
            JsonNode *node,
            NbTable  *table)
{
  const NbTableDef *def = nb_table_get_def (table);
  JsonObject *object;

  if (!expect_object (reader, node))
    return FALSE;
  object = json_node_get_object (node);
  if (!check_keys (reader, object, def, FALSE))
    return FALSE;

  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < def->n_rows; r++)
      {
        JsonNode *row;
        gsize length;
        gboolean ok;

        if (!require_member (reader, object, def->rows[r].key, &row))
          return FALSE;
        length = enter (reader, def->rows[r].key);
        ok = expect_object (reader, row) &&
             check_keys (reader, json_node_get_object (row), def, TRUE) &&
             read_row (reader, json_node_get_object (row), table, r, pass == 1);
        leave (reader, length);
        if (!ok)
          return FALSE;
      }
  return TRUE;
}

static gboolean
read_tables (Reader   *reader,
             JsonNode *node,
             NbReport *report)
{
  const NbEditionDef *edition = nb_report_get_edition_def (report);
  g_autofree const char **known = g_new0 (const char *, edition->n_tables + 1);
  JsonObject *object;

  if (!expect_object (reader, node))
    return FALSE;
  object = json_node_get_object (node);
  for (guint t = 0; t < edition->n_tables; t++)
    known[t] = edition->tables[t].key;
  if (!only_known_members (reader, object, known))
    return FALSE;

  for (guint t = 0; t < edition->n_tables; t++)
    {
      JsonNode *table;
      gsize length;
      gboolean ok;

      if (!require_member (reader, object, edition->tables[t].key, &table))
        return FALSE;
      length = enter (reader, edition->tables[t].key);
      ok = read_table (reader, table, nb_report_get_table_at (report, t));
      leave (reader, length);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_texts (Reader   *reader,
            JsonNode *node,
            NbReport *report)
{
  const char *known[NB_N_TEXT_SECTIONS + 1] = { NULL };
  JsonObject *object;

  if (!expect_object (reader, node))
    return FALSE;
  object = json_node_get_object (node);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    known[i] = nb_text_section_key (i);
  if (!only_known_members (reader, object, known))
    return FALSE;

  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    {
      const char *text = NULL;

      if (json_object_has_member (object, known[i]) &&
          !read_string_or_null (reader, object, known[i], &text))
        return FALSE;
      nb_report_set_text (report, i, text);
    }
  return TRUE;
}

static gboolean
read_header (Reader      *reader,
             JsonObject  *root,
             NbEdition   *edition)
{
  JsonNode *node;
  gsize length;
  gint64 version;

  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      g_strcmp0 (json_node_get_string (node), FORMAT_NAME) != 0)
    return fail (reader, NB_FILE_ERROR_NOT_REPORT, _("this is not a Nianbao report"));

  if (!require_member (reader, root, "schema_version", &node))
    return FALSE;
  length = enter (reader, "schema_version");
  if (!expect_type (reader, node, G_TYPE_INT64, _("a whole number")))
    return FALSE;
  version = json_node_get_int (node);
  if (version > NB_FILE_SCHEMA_VERSION)
    return fail (reader, NB_FILE_ERROR_VERSION,
                 _("the file was written by a newer version of Nianbao (format %lld; "
                   "this version reads up to %d)"), (long long) version, NB_FILE_SCHEMA_VERSION);
  if (version < 1)
    return fail (reader, NB_FILE_ERROR_VALUE, _("expected a format version of 1 or more, found %lld"),
                 (long long) version);
  leave (reader, length);

  if (!require_member (reader, root, "edition", &node))
    return FALSE;
  length = enter (reader, "edition");
  if (!expect_type (reader, node, G_TYPE_STRING, _("text")))
    return FALSE;
  if (!nb_edition_from_key (json_node_get_string (node), edition))
    return fail (reader, NB_FILE_ERROR_EDITION,
                 _("expected the edition \"2019\" or \"2021\", found \"%s\""),
                 json_node_get_string (node));
  leave (reader, length);
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
read_identity (Reader     *reader,
               JsonObject *root,
               NbReport   *report)
{
  const char *organ, *title, *date;
  JsonNode *node;
  gsize length;
  gint64 year;

  if (!require_member (reader, root, "organ", &node))
    return FALSE;
  length = enter (reader, "organ");
  if (!expect_type (reader, node, G_TYPE_STRING, _("text")))
    return FALSE;
  organ = json_node_get_string (node);
  leave (reader, length);

  if (!require_member (reader, root, "year", &node))
    return FALSE;
  length = enter (reader, "year");
  if (!expect_type (reader, node, G_TYPE_INT64, _("a whole number")))
    return FALSE;
  year = json_node_get_int (node);
  if (year < 0 || year > NB_YEAR_MAX)
    return fail (reader, NB_FILE_ERROR_VALUE, _("expected a year up to %d, found %lld"),
                 NB_YEAR_MAX, (long long) year);
  leave (reader, length);

  if (!read_string_or_null (reader, root, "title", &title) ||
      !read_string_or_null (reader, root, "date", &date))
    return FALSE;
  if (date != NULL && !is_date (date))
    {
      enter (reader, "date");
      return fail (reader, NB_FILE_ERROR_VALUE, _("expected a date such as 2025-01-20, found \"%s\""),
                   date);
    }

  nb_report_set_organ (report, organ);
  nb_report_set_year (report, (int) year);
  nb_report_set_title (report, title);
  nb_report_set_date (report, date);
  return TRUE;
}

typedef struct {
  GHashTable *seen;         /* "object/name" strings */
  GHashTable *duplicates;   /* JsonObject → the first member name seen twice */
} MemberLog;

/* json-glib keeps the last of two equal members: notice them as they are
 * parsed. */
static void
parser_object_member_cb (JsonParser *parser,
                         JsonObject *object,
                         const char *name,
                         MemberLog  *log)
{
  char *key = g_strdup_printf ("%p/%s", (void *) object, name);

  if (!g_hash_table_add (log->seen, key) && !g_hash_table_contains (log->duplicates, object))
    g_hash_table_insert (log->duplicates, object, g_strdup (name));
}

static const char * const root_members[] = {
  "format", "schema_version", "edition", "organ", "year", "title", "date", "texts", "tables", NULL
};

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
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) duplicates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  MemberLog log = { seen, duplicates };
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(NbReport) report = NULL;
  Reader reader = { path, duplicates, error };
  const char *end;
  JsonNode *root, *node;
  NbEdition edition;

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
      fail_at (error, NB_FILE_ERROR_ENCODING, data, end,
               _("the file is not UTF-8 text (is it a report at all?)"));
      return NULL;
    }
  if (!guard_lexically (data, length, error))
    return NULL;

  g_signal_connect (parser, "object-member", G_CALLBACK (parser_object_member_cb), &log);
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), parse_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&reader, NB_FILE_ERROR_NOT_REPORT, _("this is not a Nianbao report"));
      return NULL;
    }
  if (!expect_object (&reader, root) ||
      !read_header (&reader, json_node_get_object (root), &edition) ||
      !only_known_members (&reader, json_node_get_object (root), root_members))
    return NULL;

  report = nb_report_new (edition);
  if (!read_identity (&reader, json_node_get_object (root), report))
    return NULL;

  if (!require_member (&reader, json_node_get_object (root), "texts", &node))
    return NULL;
  g_string_append (path, ".texts");
  if (!read_texts (&reader, node, report))
    return NULL;
  g_string_assign (path, "$");

  if (!require_member (&reader, json_node_get_object (root), "tables", &node))
    return NULL;
  g_string_append (path, ".tables");
  if (!read_tables (&reader, node, report))
    return NULL;

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
  return report;
}

/**
 * nb_report_save_to_path:
 * Saves atomically: the text is written to a temporary file beside @path,
 * flushed, then renamed over it, so @path holds either the old or the new
 * report, never half of one.
 */
gboolean
nb_report_save_to_path (NbReport    *report,
                        const char  *path,
                        GError     **error)
{
  gsize length;
  g_autofree char *data = nb_report_to_data (report, &length);
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &local_error))
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                   _("Could not save “%s”: %s. The file on disk was not changed."),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
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
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  if (path == NULL)
    {
      g_task_return_new_error (task, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                               _("Reports can only be saved to local files"));
      return;
    }
  data = g_bytes_get_data (save->data, &length);
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &error))
    {
      name = g_filename_display_name (path);
      g_task_return_new_error (task, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                               _("Could not save “%s”: %s. The file on disk was not changed."),
                               name, error->message);
      return;
    }
  g_task_return_boolean (task, TRUE);
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
  gsize length;
  char *data = nb_report_to_data (report, &length);

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
