/* nb-report-reader.c — reading a .nianbao file's text into a report
 *
 * Strict: json-glib's tree (nb-json-reader.c, which refuses what is not
 * strict JSON) is checked member by member against the format and the
 * report's edition, and a failure names the JSON path, what was expected
 * and what was found.  Objects are read by one loop, read_object(), told by an
 * ObjectSpec which members an object may have and how to read each; the
 * tables of the report and the figures a link to last year's report
 * keeps are read by the same code, told by a CellSet which cells they
 * hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-report-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nb-json-reader.h"
#include "nb-previous-link.h"
#include "nb-report-file-private.h"
#include "nb-table-private.h"
#include "nb-text.h"
#include "nb-value.h"

typedef struct {
  NbJsonReader *json;
  JsonNode     *node;    /* the value being read */
  GString      *path;    /* its JSON path */
  gsize         top;     /* the length of the path of the report being read */
  GError      **error;
} Reader;

/* ---- Basics ---------------------------------------------------------------- */

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

/* @expected is untranslated (N_()): translated only when it is said. */
static gboolean
expect_kind (Reader     *reader,
             NbJsonKind  kind,
             const char *expected)
{
  NbJsonKind found = nb_json_node_kind (reader->node);

  if (found == kind)
    return TRUE;
  return fail (reader, NB_FILE_ERROR_TYPE, _("expected %s, found %s"),
               _(expected), nb_json_kind_name (found));
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
  *value = NULL;
  if (JSON_NODE_HOLDS_NULL (reader->node))
    return TRUE;
  if (!expect_kind (reader, NB_JSON_STRING, N_("text or null")))
    return FALSE;
  *value = json_node_dup_string (reader->node);
  return TRUE;
}

static gboolean
read_text (Reader  *reader,
           char   **value)
{
  if (!expect_kind (reader, NB_JSON_STRING, N_("text")))
    return FALSE;
  *value = json_node_dup_string (reader->node);
  return TRUE;
}

/* Exactly as written: 4e1 is refused like 1e400, and a number beyond
 * gint64 is never read as another one. */
static gboolean
read_whole_number (Reader *reader,
                   gint64 *value)
{
  const char *literal;

  if (!expect_kind (reader, NB_JSON_NUMBER, N_("a whole number")))
    return FALSE;
  switch (nb_json_reader_get_number (reader->json, reader->node, value, &literal))
    {
    case NB_JSON_NUMBER_WHOLE:
      return TRUE;
    case NB_JSON_NUMBER_FRACTION:
      return fail (reader, NB_FILE_ERROR_TYPE, _("expected a whole number, found a fraction"));
    case NB_JSON_NUMBER_EXPONENT:
      return fail (reader, NB_FILE_ERROR_TYPE,
                   _("expected a whole number, found %s, which is not a whole number in digits"),
                   literal);
    case NB_JSON_NUMBER_TOO_LARGE:
    default:
      return fail (reader, NB_FILE_ERROR_VALUE, _("the number %s is far too large"), literal);
    }
}

static gboolean
read_year (Reader *reader,
           int    *year)
{
  gint64 value;

  if (!read_whole_number (reader, &value))
    return FALSE;
  if (value < 0 || value > NB_YEAR_MAX)
    return fail (reader, NB_FILE_ERROR_VALUE, _("expected a year up to %d, found %lld"),
                 NB_YEAR_MAX, (long long) value);
  *year = (int) value;
  return TRUE;
}

static gboolean
read_edition (Reader    *reader,
              NbEdition *edition)
{
  g_autofree char *key = NULL;

  if (!read_text (reader, &key))
    return FALSE;
  if (!nb_edition_from_key (key, edition))
    return fail (reader, NB_FILE_ERROR_EDITION,
                 _("expected the edition \"2019\" or \"2021\", found \"%s\""), key);
  return TRUE;
}

static gboolean
read_boolean (Reader   *reader,
              gboolean *value)
{
  if (!expect_kind (reader, NB_JSON_BOOLEAN, N_("true or false")))
    return FALSE;
  *value = json_node_get_boolean (reader->node);
  return TRUE;
}

static int
index_in (const char *const *names,
          guint              n_names,
          const char        *name)
{
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], name) == 0)
      return (int) i;
  return -1;
}

#define BIT(i) (G_GUINT64_CONSTANT (1) << (i))

/* ---- Objects -------------------------------------------------------------- */

typedef struct {
  /* the index (< 64) of member @name, or -1 when the object has none;
   * NULL for an object whose members are @names */
  int                (*index_of) (gpointer data, const char *name);
  gboolean           (*read)     (Reader *reader, guint index, gpointer data);
  const char          *unknown;  /* N_(): what a member that is not one is */
  const char * const  *names;
  guint                n_names;
} ObjectSpec;

/**
 * read_object:
 * @seen: (out): a bit per member index read
 *
 * Reads an object's members in the order written, each by @spec, and
 * refuses members it does not have and members written twice.
 */
static gboolean
read_object (Reader           *reader,
             const ObjectSpec *spec,
             gpointer          data,
             guint64          *seen)
{
  JsonNode *object = reader->node;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  *seen = 0;
  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")))
    return FALSE;

  json_object_iter_init_ordered (&iter, json_node_get_object (object));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      int index = spec->index_of != NULL ? spec->index_of (data, name)
                                         : index_in (spec->names, spec->n_names, name);
      gsize length = enter (reader, name);
      gboolean ok;

      if (index < 0)
        return fail (reader, NB_FILE_ERROR_UNKNOWN, "%s", _(spec->unknown));
      *seen |= BIT (index);
      reader->node = member;
      ok = spec->read (reader, index, data);
      reader->node = object;
      leave (reader, length);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* The members of an object whose members are read in a fixed order (the
 * top level, "previous"), by name; NULL when it has none. */
static void
find_members (Reader             *reader,
              const char * const *names,
              guint               n_names,
              JsonNode          **values,
              const char        **unknown)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  for (guint i = 0; i < n_names; i++)
    values[i] = NULL;
  *unknown = NULL;
  json_object_iter_init_ordered (&iter, json_node_get_object (reader->node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      int index = index_in (names, n_names, name);

      if (index >= 0)
        values[index] = member;
      else if (*unknown == NULL)
        *unknown = name;
    }
}

/* Moves to member @name of the object at @base, whose value is @value. */
static void
move_to_member (Reader     *reader,
                gsize       base,
                JsonNode   *value,
                const char *name)
{
  leave (reader, base);
  enter (reader, name);
  reader->node = value;
}

/* ---- Cells ------------------------------------------------------------------ */

/* A cell as written in the file, before it is put into the table. */
typedef struct {
  gboolean present;
  gboolean has_number;
  gboolean overridden;
  gboolean imported;     /* FALSE: "imported": false, a cell the importer could not place */
  gint64   number;
  char    *marker;
  char    *note;
  char    *unit;
  char    *entry;
} FileCell;

static void
file_cell_clear (FileCell *cell)
{
  g_free (cell->marker);
  g_free (cell->note);
  g_free (cell->unit);
  g_free (cell->entry);
}

/* The number of a cell: a whole number, or for amounts a decimal in text. */
static gboolean
read_cell_number (Reader     *reader,
                  NbCellKind  kind,
                  FileCell   *cell)
{
  g_autoptr(GError) value_error = NULL;

  if (JSON_NODE_HOLDS_NULL (reader->node))
    return TRUE;

  if (kind == NB_CELL_KIND_AMOUNT)
    {
      if (!expect_kind (reader, NB_JSON_STRING,
                        N_("an amount written as text, such as \"96171.6\"")))
        return FALSE;
      if (!nb_value_parse (json_node_get_string (reader->node), kind, &cell->number, &value_error))
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

typedef struct {
  NbCellKind  kind;
  FileCell   *cell;
} CellObject;

static const char *const cell_members[] = {
  "value", "marker", "note", "unit", "override", "entry", "imported",
};

static gboolean
read_cell_member (Reader   *reader,
                  guint     index,
                  gpointer  data)
{
  CellObject *object = data;
  FileCell *cell = object->cell;

  switch (index)
    {
    case 0: return read_cell_number (reader, object->kind, cell);
    case 1: return read_text_or_null (reader, &cell->marker);
    case 2: return read_text_or_null (reader, &cell->note);
    case 3: return read_text_or_null (reader, &cell->unit);
    case 4: return read_boolean (reader, &cell->overridden);
    case 5: return read_text_or_null (reader, &cell->entry);
    default: return read_boolean (reader, &cell->imported);
    }
}

static const ObjectSpec cell_spec = {
  NULL, read_cell_member, N_("a member that a report does not have"),
  cell_members, G_N_ELEMENTS (cell_members),
};

/* A cell: its number, or an object with the number and its annotations. */
static gboolean
read_cell (Reader     *reader,
           NbCellKind  kind,
           FileCell   *cell)
{
  CellObject object = { kind, cell };
  guint64 seen;

  cell->present = TRUE;
  cell->imported = TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (reader->node))
    return read_cell_number (reader, kind, cell);
  if (!read_object (reader, &cell_spec, &object, &seen))
    return FALSE;
  return (seen & BIT (0)) != 0 || missing_member (reader, cell_members[0]);
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
    .entry = from->entry != NULL && *from->entry != '\0' ? from->entry : NULL,
    .not_imported = !from->imported,
  };

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
  /* anything written into a cell takes it over from the importer; only a
   * total may hold a number, the sum of its parts */
  if (cell.not_imported && (from->marker != NULL || cell.entry != NULL ||
                            (from->has_number && !nb_table_is_total (table, row, column))))
    return fail (reader, NB_FILE_ERROR_VALUE,
                 _("a cell that was not imported cannot hold a value, a marker or an entry"));

  _nb_table_load_cell (table, row, column, &cell);
  return TRUE;
}

/* ---- Tables ------------------------------------------------------------------ */

/* Which cells a "tables" object holds: every cell of the edition (the
 * report's own tables), or only some (what a link to last year keeps). */
typedef struct {
  gboolean  (*keeps) (const NbTableDef *def, guint row, guint column);   /* NULL: all */
  const char *unknown;   /* N_(): what a table, row or cell outside the set is */
} CellSet;

static gboolean
keeps_cell (const CellSet    *set,
            const NbTableDef *def,
            guint             row,
            guint             column)
{
  return set->keeps == NULL || set->keeps (def, row, column);
}

static gboolean
keeps_row (const CellSet    *set,
           const NbTableDef *def,
           guint             row)
{
  for (guint c = 0; c < def->n_columns; c++)
    if (keeps_cell (set, def, row, c))
      return TRUE;
  return FALSE;
}

static gboolean
keeps_table (const CellSet    *set,
             const NbTableDef *def)
{
  for (guint r = 0; r < def->n_rows; r++)
    if (keeps_row (set, def, r))
      return TRUE;
  return FALSE;
}

typedef struct {
  const CellSet    *set;
  const NbTableDef *def;
  guint             row;     /* of the row being read */
  FileCell         *cells;   /* n_rows × n_columns */
} TableRead;

static int
column_index (gpointer    data,
              const char *name)
{
  TableRead *table = data;
  int column = nb_table_def_find_column (table->def, name);

  return column >= 0 && keeps_cell (table->set, table->def, table->row, column) ? column : -1;
}

static gboolean
read_column (Reader   *reader,
             guint     column,
             gpointer  data)
{
  TableRead *table = data;

  return read_cell (reader, table->def->columns[column].kind,
                    &table->cells[table->row * table->def->n_columns + column]);
}

static int
row_index (gpointer    data,
           const char *name)
{
  TableRead *table = data;
  int row = nb_table_def_find_row (table->def, name);

  return row >= 0 && keeps_row (table->set, table->def, row) ? row : -1;
}

static gboolean
read_row (Reader   *reader,
          guint     row,
          gpointer  data)
{
  TableRead *table = data;
  const ObjectSpec spec = { column_index, read_column, table->set->unknown };
  guint64 seen;

  table->row = row;
  if (!read_object (reader, &spec, table, &seen))
    return FALSE;
  for (guint c = 0; c < table->def->n_columns; c++)
    if (keeps_cell (table->set, table->def, row, c) && (seen & BIT (c)) == 0)
      return missing_member (reader, table->def->columns[c].key);
  return TRUE;
}

/* Writes the plain cells read, then the totals, which are compared with
 * their sums. */
static gboolean
apply_cells (Reader   *reader,
             NbTable  *table,
             FileCell *cells)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (int pass = 0; pass < 2; pass++, _nb_table_settle_totals (table))
    for (guint r = 0; r < def->n_rows; r++)
      for (guint c = 0; c < def->n_columns; c++)
        if (cells[r * def->n_columns + c].present && nb_table_def_is_total (def, r, c) == (pass == 1))
          {
            gsize length = enter (reader, def->rows[r].key);
            gboolean ok;

            enter (reader, def->columns[c].key);
            ok = apply_cell (reader, table, r, c, &cells[r * def->n_columns + c]);
            leave (reader, length);
            if (!ok)
              return FALSE;
          }
  return TRUE;
}

static gboolean
read_table (Reader        *reader,
            const CellSet *set,
            NbTable       *table)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree FileCell *cells = g_new0 (FileCell, def->n_rows * def->n_columns);
  TableRead read = { set, def, 0, cells };
  const ObjectSpec spec = { row_index, read_row, set->unknown };
  guint64 seen = 0;
  gboolean ok = read_object (reader, &spec, &read, &seen);

  for (guint r = 0; ok && r < def->n_rows; r++)
    if (keeps_row (set, def, r) && (seen & BIT (r)) == 0)
      ok = missing_member (reader, def->rows[r].key);
  ok = ok && apply_cells (reader, table, cells);

  for (guint i = 0; i < def->n_rows * def->n_columns; i++)
    file_cell_clear (&cells[i]);
  return ok;
}

typedef struct {
  const CellSet *set;
  NbReport      *report;
} TablesRead;

static int
table_index (gpointer    data,
             const char *name)
{
  TablesRead *tables = data;
  const NbEditionDef *edition = nb_report_get_edition_def (tables->report);
  const NbTableDef *def = nb_edition_find_table (edition, name);

  return def != NULL && keeps_table (tables->set, def) ? (int) (def - edition->tables) : -1;
}

static gboolean
read_table_member (Reader   *reader,
                   guint     index,
                   gpointer  data)
{
  TablesRead *tables = data;

  return read_table (reader, tables->set, nb_report_get_table_at (tables->report, index));
}

static gboolean
read_tables (Reader        *reader,
             const CellSet *set,
             NbReport      *report)
{
  const NbEditionDef *edition = nb_report_get_edition_def (report);
  TablesRead tables = { set, report };
  const ObjectSpec spec = { table_index, read_table_member, set->unknown };
  guint64 seen;

  if (!read_object (reader, &spec, &tables, &seen))
    return FALSE;
  for (guint t = 0; t < edition->n_tables; t++)
    if (keeps_table (set, &edition->tables[t]) && (seen & BIT (t)) == 0)
      return missing_member (reader, edition->tables[t].key);
  return TRUE;
}

static const CellSet every_cell = { NULL, N_("a member that a report does not have") };
static const CellSet linked_cells = {
  nb_previous_link_is_linked_cell, N_("a member that a link to last year's report does not have"),
};

/* ---- Texts and signature ------------------------------------------------------ */

static int
text_index (gpointer    data,
            const char *name)
{
  NbTextSection section;

  return nb_text_section_from_key (name, &section) ? (int) section : -1;
}

static gboolean
read_text_member (Reader   *reader,
                  guint     section,
                  gpointer  report)
{
  g_autofree char *text = NULL;

  if (!read_text_or_null (reader, &text))
    return FALSE;
  nb_report_set_text (report, section, text);
  return TRUE;
}

static const ObjectSpec texts_spec = {
  text_index, read_text_member, N_("a member that a report does not have"),
};

typedef struct {
  NbReport        *report;
  NbSignatureLine  line;
} SignatureRead;

static const char *const signature_members[] = { "shown", "label", "value" };

static gboolean
read_signature_member (Reader   *reader,
                       guint     index,
                       gpointer  data)
{
  SignatureRead *signature = data;
  g_autofree char *text = NULL;
  gboolean shown;

  if (index == 0)
    {
      if (!read_boolean (reader, &shown))
        return FALSE;
      nb_report_set_signature_shown (signature->report, signature->line, shown);
      return TRUE;
    }
  if (!read_text (reader, &text))
    return FALSE;
  if (index == 1)
    nb_report_set_signature_label (signature->report, signature->line, text);
  else
    nb_report_set_signature_value (signature->report, signature->line, text);
  return TRUE;
}

static const ObjectSpec signature_line_spec = {
  NULL, read_signature_member, N_("a member that a report does not have"),
  signature_members, G_N_ELEMENTS (signature_members),
};

static int
signature_line_index (gpointer    data,
                      const char *name)
{
  NbSignatureLine line;

  return nb_signature_line_from_key (name, &line) ? (int) line : -1;
}

static gboolean
read_signature_line (Reader   *reader,
                     guint     line,
                     gpointer  report)
{
  SignatureRead signature = { report, line };

  return read_object (reader, &signature_line_spec, &signature, &(guint64) { 0 });
}

static const ObjectSpec signature_spec = {
  signature_line_index, read_signature_line, N_("a member that a report does not have"),
};

/* ---- "previous": last year's report ------------------------------------------ */

typedef enum {
  PREVIOUS_PATH,
  PREVIOUS_ORGAN,
  PREVIOUS_YEAR,
  PREVIOUS_EDITION,
  PREVIOUS_FIGURES,
  PREVIOUS_PROBLEMS,
  N_PREVIOUS_MEMBERS
} PreviousMember;

static const char *const previous_members[N_PREVIOUS_MEMBERS] = {
  "path", "organ", "year", "edition", "figures", "problems",
};

static gboolean
read_previous (Reader   *reader,
               NbReport *report)
{
  JsonNode *values[N_PREVIOUS_MEMBERS];
  const char *unknown;
  g_autofree char *path = NULL, *organ = NULL, *problems = NULL;
  g_autoptr(NbReport) figures = NULL;
  g_autoptr(NbPreviousLink) link = NULL;
  gsize base = reader->path->len;
  NbEdition edition;
  int year = 0;

  if (!expect_kind (reader, NB_JSON_OBJECT, N_("an object")))
    return FALSE;
  find_members (reader, previous_members, N_PREVIOUS_MEMBERS, values, &unknown);
  if (unknown != NULL)
    {
      enter (reader, unknown);
      return fail (reader, NB_FILE_ERROR_UNKNOWN, "%s", _(linked_cells.unknown));
    }
  for (guint i = 0; i < N_PREVIOUS_MEMBERS; i++)
    if (values[i] == NULL)
      return missing_member (reader, previous_members[i]);

#define SEEK(member) move_to_member (reader, base, values[member], previous_members[member])
  SEEK (PREVIOUS_PATH);
  if (!read_text_or_null (reader, &path))
    return FALSE;
  SEEK (PREVIOUS_ORGAN);
  if (!read_text (reader, &organ))
    return FALSE;
  SEEK (PREVIOUS_YEAR);
  if (!read_year (reader, &year))
    return FALSE;
  SEEK (PREVIOUS_EDITION);
  if (!read_edition (reader, &edition))
    return FALSE;
  SEEK (PREVIOUS_PROBLEMS);
  if (!read_text (reader, &problems))
    return FALSE;

  figures = nb_report_new (edition);
  nb_report_set_organ (figures, organ);
  nb_report_set_year (figures, year);
  nb_report_set_text (figures, NB_TEXT_PROBLEMS, problems);
  SEEK (PREVIOUS_FIGURES);
  if (!read_tables (reader, &linked_cells, figures))
    return FALSE;
#undef SEEK

  link = nb_previous_link_new_from_figures (figures, path);
  nb_report_set_previous_link (report, link);
  return TRUE;
}

/* ---- "units": the units a summary adds up --------------------------------------- */

static const char *const unit_members[] = { "organ", "file", "fingerprint" };

static gboolean
read_unit_member (Reader   *reader,
                  guint     index,
                  gpointer  values)
{
  return read_text (reader, &((char **) values)[index]);
}

static const ObjectSpec unit_spec = {
  NULL, read_unit_member, N_("a member that a unit does not have"),
  unit_members, G_N_ELEMENTS (unit_members),
};

static gboolean
read_unit (Reader   *reader,
           gpointer  units)
{
  char *values[G_N_ELEMENTS (unit_members)] = { NULL };
  gboolean ok = read_object (reader, &unit_spec, values, &(guint64) { 0 });

  for (guint i = 0; ok && i < G_N_ELEMENTS (unit_members); i++)
    if (values[i] == NULL)
      ok = missing_member (reader, unit_members[i]);
  if (ok)
    g_ptr_array_add (units, nb_report_unit_new (values[0], values[1], values[2]));
  for (guint i = 0; i < G_N_ELEMENTS (unit_members); i++)
    g_free (values[i]);
  return ok;
}

/* Reads each element of a list by @read_element, which is handed @data. */
static gboolean
read_list (Reader   *reader,
           gboolean (*read_element) (Reader *reader, gpointer data),
           gpointer  data)
{
  JsonNode *list = reader->node;
  gsize base = reader->path->len;
  JsonArray *array;

  if (!expect_kind (reader, NB_JSON_ARRAY, N_("a list")))
    return FALSE;
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gboolean ok;

      g_string_append_printf (reader->path, "[%u]", i);
      reader->node = json_array_get_element (array, i);
      ok = read_element (reader, data);
      reader->node = list;
      leave (reader, base);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_units (Reader   *reader,
            NbReport *report)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_report_unit_free);

  if (!read_list (reader, read_unit, units))
    return FALSE;
  nb_report_set_units (report, units);
  return TRUE;
}

/* ---- The top level -------------------------------------------------------------- */

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
  MEMBER_ACKNOWLEDGED,
  MEMBER_VERSIONS,
  MEMBER_FINALIZED,
  N_MEMBERS
} Member;

#define N_REQUIRED_MEMBERS MEMBER_SIGNATURE

static const char *const members[N_MEMBERS] = {
  "format", "schema_version", "edition", "organ", "year", "title", "date", "texts", "tables",
  "signature", "previous", "units", "acknowledged", "versions", "finalized",
};

static gboolean
not_a_report (Reader *reader)
{
  g_clear_error (reader->error);
  leave (reader, reader->top);
  return fail (reader, NB_FILE_ERROR_NOT_REPORT, _("this is not a Nianbao report"));
}

/* The top level's members by name.  A stranger is told it is no report
 * before anything more precise. */
static gboolean
find_top_level (Reader   *reader,
                JsonNode *values[N_MEMBERS])
{
  const char *unknown;

  if (!JSON_NODE_HOLDS_OBJECT (reader->node))
    return not_a_report (reader);
  find_members (reader, members, N_MEMBERS, values, &unknown);

  if (values[MEMBER_FORMAT] == NULL)
    return not_a_report (reader);
  if (unknown != NULL)
    {
      enter (reader, unknown);
      return fail (reader, NB_FILE_ERROR_UNKNOWN, "%s", _(every_cell.unknown));
    }
  for (guint i = 0; i < N_REQUIRED_MEMBERS; i++)
    if (values[i] == NULL)
      return missing_member (reader, members[i]);
  return TRUE;
}

/* the report's members are at reader->top */
#define SEEK(member) move_to_member (reader, reader->top, values[member], members[member])

static gboolean
read_header (Reader    *reader,
             JsonNode  *values[N_MEMBERS],
             NbEdition *edition)
{
  g_autofree char *format = NULL;
  gint64 version;

  SEEK (MEMBER_FORMAT);
  if (nb_json_node_kind (reader->node) != NB_JSON_STRING || !read_text (reader, &format) ||
      strcmp (format, NB_FILE_FORMAT_NAME) != 0)
    return not_a_report (reader);

  SEEK (MEMBER_SCHEMA_VERSION);
  if (!read_whole_number (reader, &version))
    return FALSE;
  if (version > NB_FILE_SCHEMA_VERSION)
    return fail (reader, NB_FILE_ERROR_VERSION,
                 _("the file was written by a newer version of Nianbao (format %lld; "
                   "this version reads up to %d)"), (long long) version, NB_FILE_SCHEMA_VERSION);
  if (version < 1)
    return fail (reader, NB_FILE_ERROR_VALUE, _("expected a format version of 1 or more, found %lld"),
                 (long long) version);

  SEEK (MEMBER_EDITION);
  return read_edition (reader, edition);
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

/* ---- 定稿: versions and finalized ------------------------------------------------ */

static NbReport *read_report (Reader   *reader,
                              gboolean  in_version);

typedef enum {
  VERSION_DATE,
  VERSION_FINGERPRINT,
  VERSION_CONTENT,
  N_VERSION_MEMBERS
} VersionMember;

static const char *const version_members[N_VERSION_MEMBERS] = { "date", "fingerprint", "content" };

typedef struct {
  char     *texts[VERSION_CONTENT];   /* date, fingerprint */
  NbReport *content;
} VersionFields;

static gboolean
read_version_member (Reader   *reader,
                     guint     index,
                     gpointer  data)
{
  VersionFields *fields = data;

  if (index != VERSION_CONTENT)
    return read_text (reader, &fields->texts[index]);
  fields->content = read_report (reader, TRUE);
  return fields->content != NULL;
}

static const ObjectSpec version_spec = {
  NULL, read_version_member, N_("a member that a finalized version does not have"),
  version_members, N_VERSION_MEMBERS,
};

/* A version's content (schema 4) is optional: older files have none. */
static gboolean
read_version (Reader   *reader,
              gpointer  report)
{
  VersionFields fields = { { NULL }, NULL };
  gboolean ok = read_object (reader, &version_spec, &fields, &(guint64) { 0 });

  for (guint i = 0; ok && i < VERSION_CONTENT; i++)
    if (fields.texts[i] == NULL)
      ok = missing_member (reader, version_members[i]);
  if (ok && !is_date (fields.texts[VERSION_DATE]))
    ok = fail (reader, NB_FILE_ERROR_VALUE, _("expected a date as YYYY-MM-DD, found “%s”"),
               fields.texts[VERSION_DATE]);
  if (ok && fields.content != NULL &&
      nb_report_get_edition (fields.content) != nb_report_get_edition (report))
    ok = fail (reader, NB_FILE_ERROR_VALUE, _("a finalized version in another edition than the report"));
  if (ok)
    nb_report_add_version (report, nb_report_version_new (fields.texts[VERSION_DATE],
                                                          fields.texts[VERSION_FINGERPRINT],
                                                          fields.content));
  for (guint i = 0; i < VERSION_CONTENT; i++)
    g_free (fields.texts[i]);
  g_clear_object (&fields.content);
  return ok;
}

static gboolean
read_versions (Reader   *reader,
               NbReport *report)
{
  return read_list (reader, read_version, report);
}

/* Read after "versions": finalized needs a version to stand for. */
static gboolean
read_finalized (Reader   *reader,
                NbReport *report)
{
  gboolean finalized = FALSE;

  if (!read_boolean (reader, &finalized))
    return FALSE;
  if (finalized && nb_report_get_versions (report)->len == 0)
    return fail (reader, NB_FILE_ERROR_VALUE, _("a report finalized without any version"));
  nb_report_set_finalized (report, finalized);
  return TRUE;
}

/* ---- "acknowledged": warnings marked 已核实 ----------------------------------------- */

typedef enum {
  ACK_RULE,
  ACK_CELLS,
  ACK_VALUES,
  ACK_MESSAGE,
  ACK_REASON,
  ACK_DATE,
  N_ACK_MEMBERS
} AckMember;

static const char *const ack_members[N_ACK_MEMBERS] = {
  "rule", "cells", "values", "message", "reason", "date",
};

typedef struct {
  NbReport  *report;
  char      *texts[N_ACK_MEMBERS];   /* rule, message, reason, date */
  GPtrArray *cells, *values;         /* of char *, NULL-terminated when read */
} AckFields;

static gboolean
read_text_element (Reader   *reader,
                   gpointer  texts)
{
  char *text = NULL;

  if (!read_text (reader, &text))
    return FALSE;
  g_ptr_array_add (texts, text);
  return TRUE;
}

static gboolean
read_cell_list (Reader    *reader,
                AckFields *fields)
{
  if (!read_list (reader, read_text_element, fields->cells))
    return FALSE;
  for (guint i = 0; i < fields->cells->len; i++)
    /* a cell the edition does not have could never void the acknowledgement */
    if (!nb_report_find_cell (fields->report, g_ptr_array_index (fields->cells, i),
                              NULL, NULL, NULL))
      {
        g_string_append_printf (reader->path, "[%u]", i);
        return fail (reader, NB_FILE_ERROR_VALUE, _("“%s” is not a cell of this report"),
                     (const char *) g_ptr_array_index (fields->cells, i));
      }
  return TRUE;
}

/* A rule id as docs/rules.md gives them: a capital letter and digits. */
static gboolean
is_rule_id (const char *text)
{
  if (!g_ascii_isupper (text[0]) || text[1] == '\0' || strlen (text) > 4)
    return FALSE;
  for (const char *p = text + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
read_ack_member (Reader   *reader,
                 guint     index,
                 gpointer  data)
{
  AckFields *fields = data;

  switch ((AckMember) index)
    {
    case ACK_CELLS:
      return read_cell_list (reader, fields);
    case ACK_VALUES:
      return read_list (reader, read_text_element, fields->values);
    case ACK_RULE:
      if (!read_text (reader, &fields->texts[index]))
        return FALSE;
      if (!is_rule_id (fields->texts[index]))
        return fail (reader, NB_FILE_ERROR_VALUE, _("expected a rule id such as T1, found “%s”"),
                     fields->texts[index]);
      return TRUE;
    case ACK_DATE:
      if (!read_text (reader, &fields->texts[index]))
        return FALSE;
      if (!is_date (fields->texts[index]))
        return fail (reader, NB_FILE_ERROR_VALUE, _("expected a date as YYYY-MM-DD, found “%s”"),
                     fields->texts[index]);
      return TRUE;
    case ACK_REASON:
    case ACK_MESSAGE:
    case N_ACK_MEMBERS:
    default:
      return read_text (reader, &fields->texts[index]);
    }
}

static const ObjectSpec ack_spec = {
  NULL, read_ack_member, N_("a member that an acknowledged warning does not have"),
  ack_members, N_ACK_MEMBERS,
};

static gboolean
check_ack_fields (Reader    *reader,
                  AckFields *fields,
                  guint64    seen)
{
  for (guint i = 0; i < N_ACK_MEMBERS; i++)
    if (!(seen & BIT (i)))
      return missing_member (reader, ack_members[i]);
  if (fields->cells->len != fields->values->len)
    return fail (reader, NB_FILE_ERROR_VALUE,
                 _("%u cells but %u values: each cell needs the value it was acknowledged with"),
                 fields->cells->len, fields->values->len);
  if (nb_text_is_blank (fields->texts[ACK_REASON]))
    return fail (reader, NB_FILE_ERROR_VALUE, _("an acknowledged warning without a reason"));
  return TRUE;
}

static gboolean
read_ack (Reader   *reader,
          gpointer  report)
{
  AckFields fields = { report, { NULL }, g_ptr_array_new_with_free_func (g_free),
                       g_ptr_array_new_with_free_func (g_free) };
  guint64 seen = 0;
  gboolean ok = read_object (reader, &ack_spec, &fields, &seen) &&
                check_ack_fields (reader, &fields, seen);

  if (ok)
    {
      g_ptr_array_add (fields.cells, NULL);
      g_ptr_array_add (fields.values, NULL);
      nb_report_add_acknowledgement (report, nb_acknowledgement_new (
        fields.texts[ACK_RULE], (const char * const *) fields.cells->pdata,
        (const char * const *) fields.values->pdata, fields.texts[ACK_MESSAGE],
        fields.texts[ACK_REASON], fields.texts[ACK_DATE]));
    }
  for (guint i = 0; i < N_ACK_MEMBERS; i++)
    g_free (fields.texts[i]);
  g_ptr_array_unref (fields.cells);
  g_ptr_array_unref (fields.values);
  return ok;
}

static gboolean
read_acknowledged (Reader   *reader,
                   NbReport *report)
{
  return read_list (reader, read_ack, report);
}

static gboolean
read_identity (Reader   *reader,
               JsonNode *values[N_MEMBERS],
               NbReport *report)
{
  g_autofree char *organ = NULL, *title = NULL, *date = NULL;
  int year = 0;

  SEEK (MEMBER_ORGAN);
  if (!read_text (reader, &organ))
    return FALSE;
  SEEK (MEMBER_YEAR);
  if (!read_year (reader, &year))
    return FALSE;
  SEEK (MEMBER_TITLE);
  if (!read_text_or_null (reader, &title))
    return FALSE;
  SEEK (MEMBER_DATE);
  if (!read_text_or_null (reader, &date))
    return FALSE;
  if (date != NULL && !is_date (date))
    return fail (reader, NB_FILE_ERROR_VALUE, _("expected a date such as 2025-01-20, found \"%s\""),
                 date);

  nb_report_set_organ (report, organ);
  nb_report_set_year (report, year);
  nb_report_set_title (report, title);
  nb_report_set_date (report, date);
  return TRUE;
}

/* The members after the identity, each read when present (the required
 * ones are known to be). */
static gboolean
read_contents (Reader   *reader,
               JsonNode *values[N_MEMBERS],
               NbReport *report)
{
  for (Member m = MEMBER_TEXTS; m < N_MEMBERS; m++)
    {
      gboolean ok;

      if (values[m] == NULL)
        continue;
      SEEK (m);
      switch (m)
        {
        case MEMBER_TEXTS:
          ok = read_object (reader, &texts_spec, report, &(guint64) { 0 });
          break;
        case MEMBER_TABLES:
          ok = read_tables (reader, &every_cell, report);
          break;
        case MEMBER_SIGNATURE:
          ok = read_object (reader, &signature_spec, report, &(guint64) { 0 });
          break;
        case MEMBER_PREVIOUS:
          ok = read_previous (reader, report);
          break;
        case MEMBER_UNITS:
          ok = read_units (reader, report);
          break;
        case MEMBER_ACKNOWLEDGED:
          ok = read_acknowledged (reader, report);
          break;
        case MEMBER_VERSIONS:
          ok = read_versions (reader, report);
          break;
        case MEMBER_FINALIZED:
          ok = read_finalized (reader, report);
          break;
        default:
          g_assert_not_reached ();
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

#undef SEEK

/* The kind of a file error for an error of the JSON layer. */
static NbFileError
file_error_of (const GError *json_error)
{
  switch (json_error->code)
    {
    case NB_JSON_ERROR_DUPLICATE: return NB_FILE_ERROR_DUPLICATE;
    case NB_JSON_ERROR_SIZE: return NB_FILE_ERROR_TOO_LARGE;
    case NB_JSON_ERROR_SYNTAX:
    case NB_JSON_ERROR_DEPTH:
    default: return NB_FILE_ERROR_SYNTAX;
    }
}

/* The report whose object is reader->node: the file's, or a 定稿
 * version's content (@in_version), which has no history of its own. */
static NbReport *
read_report (Reader   *reader,
             gboolean  in_version)
{
  g_autoptr(NbReport) report = NULL;
  JsonNode *object = reader->node;
  gsize outer = reader->top;
  JsonNode *values[N_MEMBERS];
  NbEdition edition;
  gboolean ok;

  reader->top = reader->path->len;
  ok = find_top_level (reader, values) && read_header (reader, values, &edition);
  if (ok && in_version && (values[MEMBER_VERSIONS] != NULL || values[MEMBER_FINALIZED] != NULL))
    {
      move_to_member (reader, reader->top, values[MEMBER_VERSIONS] != NULL
                        ? values[MEMBER_VERSIONS] : values[MEMBER_FINALIZED],
                      members[values[MEMBER_VERSIONS] != NULL ? MEMBER_VERSIONS : MEMBER_FINALIZED]);
      ok = fail (reader, NB_FILE_ERROR_UNKNOWN, "%s",
                 _("a member that a finalized version's content does not have"));
    }
  if (ok)
    {
      report = nb_report_new (edition);
      ok = read_identity (reader, values, report) && read_contents (reader, values, report);
    }
  if (ok)
    leave (reader, reader->top);
  reader->top = outer;
  reader->node = object;
  return ok ? g_steal_pointer (&report) : NULL;
}

/**
 * _nb_report_read:
 * @data: UTF-8 text, already checked for size and encoding
 *
 * Returns: (transfer full) (nullable): the report the text holds
 */
NbReport *
_nb_report_read (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(GError) json_error = NULL;
  g_autoptr(NbJsonReader) json = nb_json_reader_new (data, length, &json_error);
  g_autoptr(GString) path = g_string_new ("$");
  Reader reader = { json, NULL, path, 0, error };

  if (json == NULL)
    {
      g_set_error_literal (error, NB_FILE_ERROR, file_error_of (json_error), json_error->message);
      return NULL;
    }
  reader.node = nb_json_reader_get_root (json);
  return read_report (&reader, FALSE);
}
