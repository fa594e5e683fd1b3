/* nb-import-source.c — where the numbers of an imported report came from
 *
 * While the tables are placed, the importer notes which cells of the
 * positioned text (nb-import-doc.h) gave each table cell its number, and
 * which cells an unplaced item was about.  Once the import is done the
 * notes are resolved against the source: a PDF's cells carry their boxes;
 * a text's cells are found again, in order, in their line of the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <string.h>

#include "nb-import-private.h"

typedef struct {
  char             *message;   /* unplaced items only */
  char             *where;     /* “第 3 页第 12 行”, unplaced items only */
  guint             first, last;  /* cells of the positioned text */
  gboolean          located;
  NbImportLocation  location;
} Note;

struct _NbImportSource
{
  GObject             parent_instance;

  NbImportSourceKind  kind;
  GBytes             *pdf;
  char               *text;
  GHashTable         *cells;     /* address → Note */
  GPtrArray          *unplaced;  /* Note */
};

G_DEFINE_FINAL_TYPE (NbImportSource, nb_import_source, G_TYPE_OBJECT)

static void
note_free (Note *note)
{
  g_free (note->message);
  g_free (note->where);
  g_free (note);
}

static void
nb_import_source_finalize (GObject *object)
{
  NbImportSource *self = NB_IMPORT_SOURCE (object);

  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->unplaced, g_ptr_array_unref);
  G_OBJECT_CLASS (nb_import_source_parent_class)->finalize (object);
}

static void
nb_import_source_class_init (NbImportSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_import_source_finalize;
}

static void
nb_import_source_init (NbImportSource *self)
{
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) note_free);
  self->unplaced = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
}

/* ---- Notes, while importing ---------------------------------------------------- */

NbImportSource *
nb_import_source_new_private (void)
{
  return g_object_new (NB_TYPE_IMPORT_SOURCE, NULL);
}

static Note *
note_new (guint first,
          guint last)
{
  Note *note = g_new0 (Note, 1);

  note->first = first;
  note->last = last;
  return note;
}

/* Table cell @address got its number (or marker) from cells @first … @last. */
void
nb_import_source_note_cell (NbImportSource *self,
                            const char     *address,
                            guint           first,
                            guint           last)
{
  if (self != NULL)
    g_hash_table_replace (self->cells, g_strdup (address), note_new (first, last));
}

/* An item not placed, read from cells @first … @last. */
void
nb_import_source_note_unplaced (NbImportSource *self,
                                const char     *message,
                                const char     *where,
                                guint           first,
                                guint           last)
{
  Note *note;

  if (self == NULL)
    return;
  note = note_new (first, last);
  note->message = g_strdup (message);
  note->where = g_strdup (where);
  g_ptr_array_add (self->unplaced, note);
}

/* ---- Resolving the notes ------------------------------------------------------- */

static void
locate_pdf (const NbImportDoc *doc,
            Note              *note)
{
  const NbImportCell *first = &g_array_index (doc->cells, NbImportCell, note->first);
  guint page = g_array_index (doc->lines, NbImportLine, first->line).page;
  NbImportLocation *loc = &note->location;

  loc->page = page;
  loc->x1 = loc->y1 = G_MAXDOUBLE;
  loc->x2 = loc->y2 = -G_MAXDOUBLE;
  for (guint i = note->first; i <= note->last && i < doc->cells->len; i++)
    {
      const NbImportCell *cell = &g_array_index (doc->cells, NbImportCell, i);

      if (g_array_index (doc->lines, NbImportLine, cell->line).page != page || cell->y_end <= cell->y_start)
        continue;
      loc->x1 = MIN (loc->x1, cell->x_start);
      loc->x2 = MAX (loc->x2, cell->x_end);
      loc->y1 = MIN (loc->y1, cell->y_start);
      loc->y2 = MAX (loc->y2, cell->y_end);
    }
  note->located = page > 0 && loc->x2 > loc->x1;
  if (note->located && page <= doc->pages->len)
    nb_import_page_turn_back (&g_array_index (doc->pages, NbImportPage, page - 1),
                              &loc->x1, &loc->y1, &loc->x2, &loc->y2);
}

/* Where @needle stands in @text from @from, to @limit, with white space
 * left out on both sides (a reader turns a tab or a wide space into a
 * space, and drops the spaces around cells). */
static gboolean
find_loose (const char *text,
            gsize       from,
            gsize       limit,
            const char *needle,
            gsize      *start,
            gsize      *end)
{
  for (gsize s = from; s < limit; s = (gsize) (g_utf8_next_char (text + s) - text))
    {
      const char *n = nb_text_skip_spaces (needle);
      gsize t = s;

      if (nb_text_is_space (g_utf8_get_char (text + s)) || g_utf8_get_char (text + s) != g_utf8_get_char (n))
        continue;
      while (*n != '\0' && t < limit)
        {
          gunichar c = g_utf8_get_char (text + t);

          if (nb_text_is_space (c))
            {
              t = (gsize) (g_utf8_next_char (text + t) - text);
              continue;
            }
          if (c != g_utf8_get_char (n))
            break;
          t = (gsize) (g_utf8_next_char (text + t) - text);
          n = nb_text_skip_spaces (g_utf8_next_char (n));
        }
      if (*n == '\0')
        {
          *start = s;
          *end = t;
          return TRUE;
        }
    }
  return FALSE;
}

/* The bytes of cell @target in the text, whose line it is on starts at
 * @line_start and ends at @line_end: the line's cells are found in turn,
 * each after the one before. */
static gboolean
locate_in_line (const NbImportDoc *doc,
                const char        *text,
                gsize              line_start,
                gsize              line_end,
                guint              target,
                gsize             *start,
                gsize             *end)
{
  const NbImportCell *cell = &g_array_index (doc->cells, NbImportCell, target);
  const NbImportLine *line = &g_array_index (doc->lines, NbImportLine, cell->line);
  gsize from = line_start;

  /* a piece of a flattened line starts at its character */
  if (line->source_char > 0)
    {
      const char *p = nb_text_skip_spaces (text + line_start);

      for (guint k = 1; k < line->source_char && (gsize) (p - text) < line_end; k++)
        p = g_utf8_next_char (p);
      from = MIN ((gsize) (p - text), line_end);
    }
  for (guint i = line->first_cell; i <= target; i++)
    {
      const NbImportCell *c = &g_array_index (doc->cells, NbImportCell, i);

      if (*c->text == '\0')
        continue;
      if (!find_loose (text, from, line_end, c->text, start, end))
        return FALSE;
      from = *end;
    }
  return *end > *start;
}

/* The start of every line of @text, split as nb_import_read_text() splits
 * it (LF, CR LF or CR); the last entry is the text's end. */
static GArray *
text_line_starts (const char *text)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *next = text;

  for (;;)
    {
      gsize at = (gsize) (next - text);
      gsize l = strcspn (next, "\r\n");

      g_array_append_val (starts, at);
      if (next[l] == '\0')
        break;
      next += l;
      next += next[0] == '\r' && next[1] == '\n' ? 2 : 1;
    }
  return starts;
}

static void
locate_text (const NbImportDoc *doc,
             const char        *text,
             GArray            *starts,    /* of source lines, or of the doc's lines */
             gboolean           by_doc_line,
             Note              *note)
{
  gsize text_length = strlen (text);

  note->location.start = G_MAXSIZE;
  note->location.end = 0;
  for (guint i = note->first; i <= note->last && i < doc->cells->len; i++)
    {
      const NbImportCell *cell = &g_array_index (doc->cells, NbImportCell, i);
      const NbImportLine *line = &g_array_index (doc->lines, NbImportLine, cell->line);
      guint index = by_doc_line ? cell->line : line->source_line - 1;
      gsize line_start, line_end, start = 0, end = 0;

      if ((!by_doc_line && line->source_line == 0) || index + 1 >= starts->len)
        continue;
      line_start = g_array_index (starts, gsize, index);
      line_end = MIN (g_array_index (starts, gsize, index + 1), text_length);
      if (!locate_in_line (doc, text, line_start, line_end, i, &start, &end))
        continue;
      note->location.start = MIN (note->location.start, start);
      note->location.end = MAX (note->location.end, end);
    }
  note->located = note->location.end > note->location.start;
  if (!note->located)
    note->location.start = note->location.end = 0;
}

/* A web page's text as its lines were read: one line each, the cells of
 * a row apart by spaces; @starts gets where each line starts. */
static char *
page_text (const NbImportDoc *doc,
           GArray            *starts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < doc->lines->len; i++)
    {
      gsize at = text->len;

      g_array_append_val (starts, at);
      g_string_append (text, g_array_index (doc->lines, NbImportLine, i).text);
      g_string_append_c (text, '\n');
    }
  g_array_append_val (starts, text->len);
  return g_string_free (text, FALSE);
}

static void
resolve (NbImportSource    *self,
         const NbImportDoc *doc,
         Note              *note,
         GArray            *starts)
{
  if (note->first > note->last || note->first >= doc->cells->len)
    return;
  if (self->kind == NB_IMPORT_SOURCE_PDF)
    locate_pdf (doc, note);
  else
    locate_text (doc, self->text, starts, self->kind == NB_IMPORT_SOURCE_PAGE_TEXT, note);
}

/**
 * nb_import_source_resolve_private:
 * @pdf: (nullable): the PDF read, or %NULL
 * @text: (transfer full) (nullable): the text read, or %NULL for a PDF or a web page
 *
 * Turns the notes into places in the source, once @doc is complete.
 */
void
nb_import_source_resolve_private (NbImportSource    *self,
                                  const NbImportDoc *doc,
                                  GBytes            *pdf,
                                  char              *text)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  GHashTableIter iter;
  gpointer value;

  if (pdf != NULL)
    {
      self->kind = NB_IMPORT_SOURCE_PDF;
      self->pdf = g_bytes_ref (pdf);
      g_free (text);
    }
  else if (text != NULL)
    {
      self->kind = NB_IMPORT_SOURCE_TEXT;
      self->text = text;
      g_array_unref (starts);
      starts = text_line_starts (text);
    }
  else
    {
      self->kind = NB_IMPORT_SOURCE_PAGE_TEXT;
      self->text = page_text (doc, starts);
    }
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    resolve (self, doc, value, starts);
  for (guint i = 0; i < self->unplaced->len; i++)
    resolve (self, doc, self->unplaced->pdata[i], starts);
}

/* ---- Reading it ---------------------------------------------------------------- */

NbImportSourceKind
nb_import_source_get_kind (NbImportSource *self)
{
  g_return_val_if_fail (NB_IS_IMPORT_SOURCE (self), NB_IMPORT_SOURCE_TEXT);

  return self->kind;
}

/**
 * nb_import_source_get_pdf:
 * Returns: (transfer none) (nullable): the PDF imported, or %NULL for a text
 */
GBytes *
nb_import_source_get_pdf (NbImportSource *self)
{
  g_return_val_if_fail (NB_IS_IMPORT_SOURCE (self), NULL);

  return self->pdf;
}

/**
 * nb_import_source_get_text:
 * Returns: (nullable): the text the importer read (UTF-8, controls dropped,
 *   Traditional characters made Simplified), or %NULL for a PDF
 */
const char *
nb_import_source_get_text (NbImportSource *self)
{
  g_return_val_if_fail (NB_IS_IMPORT_SOURCE (self), NULL);

  return self->text;
}

/**
 * nb_import_source_lookup:
 * @address: a cell's `table.row.column`
 * @location: (out) (optional): where its number stood
 *
 * Returns: whether the import placed a number or a marker in the cell
 *   and knows where it stood
 */
gboolean
nb_import_source_lookup (NbImportSource   *self,
                         const char       *address,
                         NbImportLocation *location)
{
  const Note *note;

  g_return_val_if_fail (NB_IS_IMPORT_SOURCE (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  note = g_hash_table_lookup (self->cells, address);
  if (note == NULL || !note->located)
    return FALSE;
  if (location != NULL)
    *location = note->location;
  return TRUE;
}

/**
 * nb_import_source_get_n_unplaced:
 * Returns: how many items the import could not place (its error messages
 *   about numbers of the source)
 */
guint
nb_import_source_get_n_unplaced (NbImportSource *self)
{
  g_return_val_if_fail (NB_IS_IMPORT_SOURCE (self), 0);

  return self->unplaced->len;
}

static const Note *
unplaced (NbImportSource *self,
          guint           index)
{
  g_return_val_if_fail (NB_IS_IMPORT_SOURCE (self), NULL);
  g_return_val_if_fail (index < self->unplaced->len, NULL);

  return self->unplaced->pdata[index];
}

/* Returns: the import's message about unplaced item @index */
const char *
nb_import_source_get_unplaced_message (NbImportSource *self,
                                       guint           index)
{
  const Note *note = unplaced (self, index);

  return note != NULL ? note->message : NULL;
}

/* Returns: where item @index was, as a clerk reads it: “第 3 页第 12 行” */
const char *
nb_import_source_get_unplaced_where (NbImportSource *self,
                                     guint           index)
{
  const Note *note = unplaced (self, index);

  return note != NULL ? note->where : NULL;
}

/**
 * nb_import_source_get_unplaced_location:
 * @location: (out) (optional): where item @index stood
 *
 * Returns: whether its place in the source is known
 */
gboolean
nb_import_source_get_unplaced_location (NbImportSource   *self,
                                        guint             index,
                                        NbImportLocation *location)
{
  const Note *note = unplaced (self, index);

  if (note == NULL || !note->located)
    return FALSE;
  if (location != NULL)
    *location = note->location;
  return TRUE;
}
