/* nb-import-doc.c — positioned text, the form every source is read into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <string.h>

#include "nb-import-doc.h"


NbImportDoc *
nb_import_doc_new (void)
{
  NbImportDoc *doc = g_new0 (NbImportDoc, 1);

  doc->lines = g_array_new (FALSE, FALSE, sizeof (NbImportLine));
  doc->cells = g_array_new (FALSE, FALSE, sizeof (NbImportCell));
  doc->pages = g_array_new (FALSE, TRUE, sizeof (NbImportPage));
  return doc;
}

void
nb_import_doc_free (NbImportDoc *doc)
{
  if (doc == NULL)
    return;
  for (guint i = 0; i < doc->lines->len; i++)
    g_free (g_array_index (doc->lines, NbImportLine, i).text);
  for (guint i = 0; i < doc->cells->len; i++)
    {
      NbImportCell *cell = &g_array_index (doc->cells, NbImportCell, i);
      g_free (cell->text);
      g_free (cell->norm);
    }
  g_free (doc->attachment);
  g_array_unref (doc->lines);
  g_array_unref (doc->cells);
  g_array_unref (doc->pages);
  g_free (doc);
}

void
nb_import_doc_add_line (NbImportDoc  *doc,
                        const char   *text,
                        guint         indent,
                        gboolean      is_row,
                        char        **cells,
                        guint         n_cells)
{
  NbImportLine line = { 0 };

  if (doc->cells->len + n_cells > NB_IMPORT_MAX_CELLS)
    {
      doc->full = TRUE;
      return;
    }
  line.text = g_strdup (text);
  line.first_cell = doc->cells->len;
  line.n_cells = n_cells;
  line.indent = indent;
  line.is_row = is_row;
  line.page = 0;
  line.source_line = 0;
  line.source_char = 0;
  line.flattened = FALSE;
  line.blank_line = FALSE;
  for (guint i = 0; i < n_cells; i++)
    {
      NbImportCell cell;

      cell.text = nb_text_strip (cells[i]);
      cell.norm = nb_import_normalize (cell.text);
      cell.line = doc->lines->len;
      cell.x_start = cell.x_end = cell.y_start = cell.y_end = 0;
      cell.cut_off = FALSE;
      g_array_append_val (doc->cells, cell);
    }
  g_array_append_val (doc->lines, line);
}

/* Moves line @from, with its cells, to @to (before it: @to < @from), the
 * lines between one further on: a text's caption printed after its table
 * is read before it. */
void
nb_import_doc_move_line (NbImportDoc *doc,
                         guint        from,
                         guint        to)
{
  NbImportLine line;
  g_autofree NbImportCell *cells = NULL;
  guint at;

  g_return_if_fail (to < from && from < doc->lines->len);
  line = g_array_index (doc->lines, NbImportLine, from);
  at = g_array_index (doc->lines, NbImportLine, to).first_cell;
  cells = g_memdup2 (&g_array_index (doc->cells, NbImportCell, line.first_cell),
                     line.n_cells * sizeof (NbImportCell));
  g_array_remove_range (doc->cells, line.first_cell, line.n_cells);
  g_array_insert_vals (doc->cells, at, cells, line.n_cells);
  g_array_remove_index (doc->lines, from);
  line.first_cell = at;
  g_array_insert_val (doc->lines, to, line);
  for (guint i = to; i <= from; i++)
    {
      NbImportLine *l = &g_array_index (doc->lines, NbImportLine, i);

      if (i > to)
        l->first_cell += line.n_cells;
      for (guint c = l->first_cell; c < l->first_cell + l->n_cells; c++)
        g_array_index (doc->cells, NbImportCell, c).line = i;
    }
}

/* Where the last line added was in the source. */
void
nb_import_doc_set_source (NbImportDoc *doc,
                          guint        page,
                          guint        source_line)
{
  NbImportLine *line;

  if (doc->full || doc->lines->len == 0)
    return;
  line = &g_array_index (doc->lines, NbImportLine, doc->lines->len - 1);
  line->page = page;
  line->source_line = source_line;
}

/* The last line added is a piece of a flattened line, from its
 * character @source_char (1-based). */
void
nb_import_doc_set_piece (NbImportDoc *doc,
                         guint        source_char)
{
  NbImportLine *line;

  if (doc->full || doc->lines->len == 0)
    return;
  line = &g_array_index (doc->lines, NbImportLine, doc->lines->len - 1);
  line->source_char = source_char;
  line->flattened = TRUE;
}

/* The last line added is an empty cell that a blank line stands for
 * (Lynx's cells, a paragraph each): its row is placed only where the
 * totals agree. */
void
nb_import_doc_set_blank_line (NbImportDoc *doc)
{
  if (doc->full || doc->lines->len == 0)
    return;
  g_array_index (doc->lines, NbImportLine, doc->lines->len - 1).blank_line = TRUE;
}

void
nb_import_doc_set_cell_extent (NbImportDoc *doc,
                               guint        cell,
                               double       x_start,
                               double       x_end,
                               double       y_start,
                               double       y_end)
{
  NbImportCell *c;

  if (cell >= doc->cells->len)
    return;
  c = &g_array_index (doc->cells, NbImportCell, cell);
  c->x_start = x_start;
  c->x_end = x_end;
  c->y_start = y_start;
  c->y_end = y_end;
}

/* Point (@x, @y) of @page as shown, on the page turned so that its text
 * stands upright; or, @back, the other way. */
static void
turn_point (const NbImportPage *page,
            gboolean            back,
            double             *x,
            double             *y)
{
  double w = page->width, h = page->height, px = *x, py = *y;

  switch (page->turns)
    {
    case 1:   /* text runs downwards */
      *x = back ? w - py : py;
      *y = back ? px : w - px;
      break;
    case 2:   /* upside down */
      *x = w - px;
      *y = h - py;
      break;
    case 3:   /* text runs upwards */
      *x = back ? py : h - py;
      *y = back ? h - px : px;
      break;
    default:
      break;
    }
}

static void
turn_rectangle (const NbImportPage *page,
                gboolean            back,
                double             *x1,
                double             *y1,
                double             *x2,
                double             *y2)
{
  double ax = *x1, ay = *y1, bx = *x2, by = *y2;

  turn_point (page, back, &ax, &ay);
  turn_point (page, back, &bx, &by);
  *x1 = MIN (ax, bx), *x2 = MAX (ax, bx);
  *y1 = MIN (ay, by), *y2 = MAX (ay, by);
}

/**
 * nb_import_page_turn_upright:
 * Turns a rectangle of @page as shown to where it stands on the page
 * turned so that its text is upright.
 */
void
nb_import_page_turn_upright (const NbImportPage *page,
                             double             *x1,
                             double             *y1,
                             double             *x2,
                             double             *y2)
{
  turn_rectangle (page, FALSE, x1, y1, x2, y2);
}

/**
 * nb_import_page_turn_back:
 * The inverse of nb_import_page_turn_upright(): a rectangle of the
 * upright page, on @page as shown.
 */
void
nb_import_page_turn_back (const NbImportPage *page,
                          double             *x1,
                          double             *y1,
                          double             *x2,
                          double             *y2)
{
  turn_rectangle (page, TRUE, x1, y1, x2, y2);
}

/**
 * nb_import_fold_char:
 * The label matching form of one character after NFKC (spec §11.2): `、`
 * as `,`, curly and corner quotes as `"`, and angle brackets `〈〉《》`
 * (OCR's reading of `（）`; no label of the format holds them) as `()`.
 */
gunichar
nb_import_fold_char (gunichar c)
{
  switch (c)
    {
    case 0x3001: /* 、 */
      return ',';
    case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x300C: case 0x300D: case '\'':
      return '"';
    case 0x3008: case 0x300A: /* 〈 《 */
      return '(';
    case 0x3009: case 0x300B: /* 〉 》 */
      return ')';
    default:
      return c;
    }
}

/**
 * nb_import_normalize:
 * Label matching form (spec §11.2): NFKC, no whitespace, each character
 * folded (nb_import_fold_char()), and a numbered item `1、`, `1,` or `1．`
 * as `1.`.
 */
char *
nb_import_normalize (const char *text)
{
  g_autofree char *nfkc = NULL;
  GString *out;
  const char *p;

  /* most cells are ASCII numbers: NFKC leaves ASCII alone */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  nfkc = *p == '\0' ? g_strdup (text) : g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (nfkc));
  for (p = nfkc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = nb_import_fold_char (g_utf8_get_char (p));

      if (nb_text_is_space (c))
        continue;
      if ((c == ',' || c == '.') && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]))
        {
          const char *q = g_utf8_next_char (p);
          q = nb_text_skip_spaces (q);
          if (!g_ascii_isdigit (*q))
            c = '.';
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Whether a and b differ by at most one insertion, deletion or
 * substitution: a label with a typo, a heading off by one character. */
gboolean
nb_import_within_one_edit (const gunichar *a,
                           gsize           na,
                           const gunichar *b,
                           gsize           nb)
{
  gsize i = 0, j = 0;
  gboolean edited = FALSE;

  if ((na > nb ? na - nb : nb - na) > 1)
    return FALSE;
  while (i < na && j < nb)
    {
      if (a[i] == b[j])
        {
          i++, j++;
          continue;
        }
      if (edited)
        return FALSE;
      edited = TRUE;
      if (na > nb)
        i++;
      else if (nb > na)
        j++;
      else
        i++, j++;
    }
  return (na - i) + (nb - j) + (edited ? 1u : 0u) <= 1;
}

/* The length of the longest common subsequence of a and b: how much of a
 * heading a line has, in order. */
gsize
nb_import_lcs_length (const gunichar *a,
                      gsize           na,
                      const gunichar *b,
                      gsize           nb)
{
  g_autofree gsize *prev = g_new0 (gsize, nb + 1);
  g_autofree gsize *cur = g_new0 (gsize, nb + 1);

  for (gsize i = 1; i <= na; i++)
    {
      for (gsize j = 1; j <= nb; j++)
        cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : MAX (prev[j], cur[j - 1]);
      memcpy (prev, cur, (nb + 1) * sizeof (gsize));
    }
  return prev[nb];
}
