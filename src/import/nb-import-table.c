/* nb-import-table.c — matching a table's rows and columns, and placing
 *
 * In the region of one table, runs of number cells form groups; each
 * group is matched to the next row of the edition's table, in the fixed
 * order of the form, and the row's label must be found right before the
 * group (or starting before it and wrapping around it, as in PDF text).
 * A group whose label does not match, or whose cells cannot each be put
 * in one column for certain, is listed in the messages and not placed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-import-private.h"
#include "nb-value.h"

/* Labels are compared over at most this many characters each side of a group. */
#define WINDOW_CHARS 400
/* A label whose characters are spread over more than this many extra
 * characters (group labels interleaved by PDF extraction) is no match. */
#define LOOSE_SLACK 12
/* Groups of numbers left over after a table's last row: listed one by one
 * up to this many, then counted. */
#define MAX_REPORTED_GROUPS 20
/* In points: a header's word of a PDF that ends this close to where the
 * numbers start reaches them, the rest being the rounding of its glyphs'
 * advances (wkhtmltopdf's 然人 of 自 / 然人, set left of 自, ends where 自
 * and the numbers under it start). */
#define TOUCHING 0.01

/* ---- Naming ---------------------------------------------------------------- */

const char *
nb_import_table_name (const NbTableDef *def)
{
  return def->caption != NULL ? def->caption : nb_section_heading (def->section);
}

static char *
row_name (const NbTableDef *def,
          guint             row)
{
  char *name = nb_table_def_row_name (def, row);

  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (nb_import_table_name (def));
    }
  return name;
}

static char *
row_address (const NbTableDef *def,
             guint             row)
{
  return g_strconcat (def->key, ".", def->rows[row].key, NULL);
}

/* ---- Groups of number cells and row matching -------------------------------- */

typedef struct {
  guint first, last;    /* value cells, inclusive */
  gboolean all_blank;
  gboolean in_run;      /* a row's width cut from a longer run (split_runs()) */
  gboolean blank_lines; /* an empty cell in it stands for a blank line (Lynx's) */
} Group;

static GArray *
find_groups (NbImporter *im,
             guint       start,
             guint       end)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (Group));
  Group current = { 0 };
  gboolean open = FALSE;

  for (guint i = start; i < end; i++)
    {
      if (!im->is_value[i])
        {
          if (open)
            g_array_append_val (groups, current);
          open = FALSE;
          continue;
        }
      if (open && nb_importer_cell (im, current.last)->line != nb_importer_cell (im, i)->line &&
          (nb_importer_line_of (im, i)->is_row || nb_importer_line_of (im, current.last)->is_row))
        {
          g_array_append_val (groups, current);
          open = FALSE;
        }
      if (!open)
        {
          current.first = i;
          current.all_blank = TRUE;
          current.blank_lines = FALSE;
          open = TRUE;
        }
      current.last = i;
      current.blank_lines |= nb_importer_line_of (im, i)->blank_line;
      if (im->is_value[i] != NB_IMPORT_VALUE_BLANK)
        current.all_blank = FALSE;
    }
  if (open)
    g_array_append_val (groups, current);
  return groups;
}

/* Whether each value of @group stands on a line of its own. */
static gboolean
one_value_a_line (NbImporter  *im,
                  const Group *group)
{
  for (guint i = group->first + 1; i <= group->last; i++)
    if (nb_importer_cell (im, i)->line == nb_importer_cell (im, i - 1)->line)
      return FALSE;
  return TRUE;
}

/* `pdftotext` without -raw or -layout writes a table one cell a line in
 * the order of its text flow; where labels spanning several rows break
 * that flow, several rows' numbers run on with no label between them, the
 * labels printed elsewhere.  A run of k rows' width, one value a line, is
 * cut into k groups of a row's width, marked so that none of them is
 * placed by a label alone: which rows they are is only certain when
 * place_apart() finds the form's order and the totals agree.  A run no
 * wider than a row but for the empty cells that blank lines stand for is
 * one row (place_without_blank_lines()). */
static void
split_runs (NbImporter *im,
            GArray     *groups,
            guint       n_columns)
{
  for (guint g = 0; g < groups->len; g++)
    {
      Group run = g_array_index (groups, Group, g);
      guint n = run.last - run.first + 1, n_printed = 0;

      for (guint i = run.first; i <= run.last; i++)
        n_printed += !nb_importer_line_of (im, i)->blank_line;
      if (n <= n_columns || n % n_columns != 0 || n_printed <= n_columns || !one_value_a_line (im, &run))
        continue;
      g_array_remove_index (groups, g);
      for (guint k = 0; k < n / n_columns; k++)
        {
          Group piece = { run.first + k * n_columns, run.first + (k + 1) * n_columns - 1, TRUE, TRUE };

          for (guint i = piece.first; i <= piece.last; i++)
            piece.all_blank &= im->is_value[i] == NB_IMPORT_VALUE_BLANK;
          g_array_insert_val (groups, g + k, piece);
        }
      g += n / n_columns - 1;
    }
}

typedef enum {
  MATCH_NONE,
  MATCH_ABRIDGED,  /* characters of the label left out in print (行政止公开 for 行政法规禁止公开) */
  MATCH_FOREIGN,   /* the other edition's label of the same row (规范性文件 in 2021) */
  MATCH_TYPO,
  MATCH_LOOSE,
  MATCH_EXACT,
} MatchLevel;

typedef struct {
  MatchLevel level;
  gsize start, end;     /* in the window */
} Match;

/* Looks for a label in the window.  The match must start at or after
 * @from and before @n_lead (the label starts before the numbers); one that
 * runs on past the numbers (a label wrapped around them in PDF text) must
 * have most of its characters before them, so that the next row's label
 * is never taken for this one's.  In a PDF, where the numbers of a row
 * stand on any line of its label (vertically centred in the row: a few
 * characters of the label before them, the rest after), four characters
 * before them are enough: the whole label must still follow in order, up
 * to the next numbers. */
static Match
find_label (const gunichar *w,
            gsize           nw,
            gsize           n_lead,
            gsize           from,
            const gunichar *l,
            gsize           nl,
            gboolean        positioned)
{
  Match m = { MATCH_NONE, 0, 0 };
  gsize need = MIN (nl, positioned ? (gsize) 4 : MAX ((gsize) 4, nl / 2));

  if (nl == 0)
    return m;
  for (gsize i = from; i < n_lead && i + nl <= nw; i++)
    if (n_lead - i >= need && memcmp (w + i, l, nl * sizeof (gunichar)) == 0)
      return (Match) { MATCH_EXACT, i, i + nl };
  for (gsize i = from; i < n_lead; i++)
    {
      gsize j = i, k = 0, in_lead = 0;

      if (w[i] != l[0])
        continue;
      while (j < nw && k < nl && j - i < nl + LOOSE_SLACK)
        {
          if (w[j] == l[k])
            {
              k++;
              in_lead += j < n_lead;
            }
          j++;
        }
      if (k == nl && in_lead >= need)
        return (Match) { MATCH_LOOSE, i, j };
    }
  if (nl >= 4)
    for (gsize i = from; i < n_lead; i++)
      for (gsize len = nl - 1; len <= nl + 1; len++)
        if (i + len <= nw && n_lead - i >= MIN (len, need) && nb_import_within_one_edit (w + i, len, l, nl))
          return (Match) { MATCH_TYPO, i, i + len };
  return m;
}

typedef struct {
  gunichar *w;
  gsize     nw, n_lead;
  gboolean  positioned;  /* of a PDF */
  char     *lead_text;   /* the published text right before the group, for messages */
} Window;

static void
window_clear (Window *window)
{
  g_free (window->w);
  g_free (window->lead_text);
}

static void
build_window (NbImporter *im,
              GArray     *groups,
              guint       g,
              guint       start,
              guint       end,
              Window     *window)
{
  const Group *group = &g_array_index (groups, Group, g);
  guint lead_start = g > 0 ? g_array_index (groups, Group, g - 1).last + 1 : start;
  guint trail_end = g + 1 < groups->len ? g_array_index (groups, Group, g + 1).first : end;
  g_autoptr(GString) lead = g_string_new (NULL);
  g_autoptr(GString) trail = g_string_new (NULL);
  g_autofree gunichar *wl = NULL, *wt = NULL;
  glong nl, nt;
  gsize skip;

  window->lead_text = NULL;
  window->positioned = im->doc->positioned;
  for (guint i = lead_start; i < group->first; i++)
    {
      g_string_append (lead, nb_importer_cell (im, i)->norm);
      if (lead->len > WINDOW_CHARS * 8)
        g_string_erase (lead, 0, lead->len - WINDOW_CHARS * 4);
      if (*nb_importer_cell (im, i)->text != '\0')
        {
          g_free (window->lead_text);
          window->lead_text = g_strdup (nb_importer_cell (im, i)->text);
        }
    }
  for (guint i = group->last + 1; i < trail_end && trail->len < WINDOW_CHARS * 4; i++)
    g_string_append (trail, nb_importer_cell (im, i)->norm);

  wl = g_utf8_to_ucs4_fast (lead->str, -1, &nl);
  wt = g_utf8_to_ucs4_fast (trail->str, -1, &nt);
  skip = nl > WINDOW_CHARS ? (gsize) nl - WINDOW_CHARS : 0;
  nl -= (glong) skip;
  nt = MIN (nt, WINDOW_CHARS);
  window->w = g_new (gunichar, (gsize) (nl + nt) + 1);
  memcpy (window->w, wl + skip, (gsize) nl * sizeof (gunichar));
  memcpy (window->w + nl, wt, (gsize) nt * sizeof (gunichar));
  window->nw = (gsize) (nl + nt);
  window->n_lead = (gsize) nl;
}

static gunichar *
to_ucs4 (const char *norm,
         gsize      *n)
{
  glong len;
  gunichar *text = g_utf8_to_ucs4_fast (norm, -1, &len);

  *n = (gsize) len;
  return text;
}

static gunichar *
row_label (const NbTableDef *def,
           guint             row,
           gsize            *n)
{
  g_autofree char *norm = nb_import_normalize (def->rows[row].label != NULL ? def->rows[row].label : "");

  return to_ucs4 (norm, n);
}

static Match
match_row (const NbTableDef *def,
           guint             row,
           const Window     *window,
           gsize             from)
{
  gsize nl;
  g_autofree gunichar *label = row_label (def, row, &nl);

  return find_label (window->w, window->nw, window->n_lead, from, label, nl, window->positioned);
}

/* The cell right before the numbers, when its characters are the row's
 * label with a few left out, in order (a label published with words
 * missing): the same item number, at least three fifths of the label, and
 * not the next row's label. */
static Match
match_abridged (const NbTableDef *def,
                guint             row,
                const Window     *window)
{
  Match none = { MATCH_NONE, 0, 0 };
  g_autofree char *norm = NULL;
  g_autofree gunichar *cell = NULL;
  g_autofree gunichar *label = NULL;
  glong nc;
  gsize nl, k = 0;

  if (window->lead_text == NULL || def->rows[row].label == NULL)
    return none;
  norm = nb_import_normalize (window->lead_text);
  cell = g_utf8_to_ucs4_fast (norm, -1, &nc);
  label = row_label (def, row, &nl);
  if (nc < 4 || (gsize) nc >= nl || (gsize) nc * 5 < nl * 3 || (gsize) nc > window->n_lead ||
      cell[0] != label[0] || cell[1] != label[1] ||
      memcmp (window->w + window->n_lead - nc, cell, (gsize) nc * sizeof (gunichar)) != 0)
    return none;
  for (gsize i = 0; i < nl && k < (gsize) nc; i++)
    if (label[i] == cell[k])
      k++;
  if (k < (gsize) nc)
    return none;
  if (row + 1 < def->n_rows && match_row (def, row + 1, window, window->n_lead - (gsize) nc).level >= MATCH_TYPO)
    return none;
  return (Match) { MATCH_ABRIDGED, window->n_lead - (gsize) nc, window->n_lead };
}

/* Where a normalized label starts after its item number (一, (一) 1.). */
static gsize
item_number_length (const gunichar *label,
                    gsize           n)
{
  gsize i = 0;

  if (n > 0 && label[0] == '(')
    {
      for (i = 1; i < n && g_unichar_type (label[i]) == G_UNICODE_OTHER_LETTER && i < 4; i++)
        ;
      return i > 1 && i < n && label[i] == ')' ? i + 1 : 0;
    }
  while (i < n && g_unichar_isdigit (label[i]))
    i++;
  if (i > 0)
    return i < n && label[i] == '.' ? i + 1 : 0;
  while (i < n && i < 3 && g_utf8_strchr ("一二三四五六七八九十", -1, label[i]) != NULL)
    i++;
  return i > 0 && i < n && label[i] == ',' ? i + 1 : 0;
}

/* The cell right before the numbers, when it is the row's label without
 * its item number (a converter's row “予以公开” under the heading
 * “（一）予以公开”, “本年新收政府信息公开申请数量” for “一、本年新收…”): at
 * least four characters left, and not the next row's label. */
static Match
match_unnumbered (const NbTableDef *def,
                  guint             row,
                  const Window     *window)
{
  Match none = { MATCH_NONE, 0, 0 };
  g_autofree char *norm = NULL;
  g_autofree gunichar *cell = NULL;
  g_autofree gunichar *label = NULL;
  glong nc;
  gsize nl, skip;

  if (window->lead_text == NULL || def->rows[row].label == NULL)
    return none;
  norm = nb_import_normalize (window->lead_text);
  cell = g_utf8_to_ucs4_fast (norm, -1, &nc);
  label = row_label (def, row, &nl);
  skip = item_number_length (label, nl);
  if (skip == 0 || nl - skip < 4 || (gsize) nc != nl - skip || (gsize) nc > window->n_lead ||
      memcmp (cell, label + skip, (gsize) nc * sizeof (gunichar)) != 0 ||
      memcmp (window->w + window->n_lead - nc, cell, (gsize) nc * sizeof (gunichar)) != 0)
    return none;
  if (row + 1 < def->n_rows && match_row (def, row + 1, window, window->n_lead - (gsize) nc).level >= MATCH_TYPO)
    return none;
  return (Match) { MATCH_LOOSE, window->n_lead - (gsize) nc, window->n_lead };
}

/* The label must be the last thing before the numbers (or run on past
 * them): a bracketed annotation or a few stray characters (group labels
 * set one character per line) may follow it, not another row's label. */
static gboolean
label_ends_lead (const Window *window,
                 const Match  *m)
{
  gsize rest;

  if (m->end >= window->n_lead)
    return TRUE;
  rest = window->n_lead - m->end;
  if (rest <= 6)
    return TRUE;
  return window->w[m->end] == '(' && window->w[window->n_lead - 1] == ')';
}

/* The other edition's label for the same row, word for word; only where
 * the labels differ. */
static Match
match_foreign_row (NbImporter       *im,
                   const NbTableDef *def,
                   guint             row,
                   const Window     *window)
{
  const NbEditionDef *other_edition =
    nb_edition_get (im->edition->edition == NB_EDITION_2019 ? NB_EDITION_2021 : NB_EDITION_2019);
  const NbTableDef *other = nb_edition_find_table (other_edition, def->key);
  Match m = { MATCH_NONE, 0, 0 };
  int other_row;

  if (other == NULL || def->rows[row].label == NULL)
    return m;
  other_row = nb_table_def_find_row (other, def->rows[row].key);
  if (other_row < 0 || other->rows[other_row].label == NULL ||
      strcmp (other->rows[other_row].label, def->rows[row].label) == 0)
    return m;
  m = match_row (other, (guint) other_row, window, 0);
  if (m.level != MATCH_EXACT || !label_ends_lead (window, &m))
    return (Match) { MATCH_NONE, 0, 0 };
  m.level = MATCH_FOREIGN;
  return m;
}

/* Labels of a table's columns that the other edition's table of the same
 * key does not have (本年制发件数 against 本年新制作数量). */
static guint
count_own_columns (const NbTableDef *def,
                   const NbTableDef *other,
                   const char       *header)
{
  guint n = 0;

  for (guint c = 0; c < def->n_columns; c++)
    {
      g_autofree char *label = nb_import_normalize (def->columns[c].label);
      gboolean shared = FALSE;

      for (guint o = 0; o < other->n_columns && !shared; o++)
        {
          g_autofree char *theirs = nb_import_normalize (other->columns[o].label);
          shared = strstr (theirs, label) != NULL || strstr (label, theirs) != NULL;
        }
      if (!shared && strstr (header, label) != NULL)
        n++;
    }
  return n;
}

/* Whether the header above the numbers is the other edition's. */
static gboolean
header_is_foreign (NbImporter       *im,
                   const NbTableDef *def,
                   guint             start,
                   guint             end)
{
  const NbEditionDef *other_edition =
    nb_edition_get (im->edition->edition == NB_EDITION_2019 ? NB_EDITION_2021 : NB_EDITION_2019);
  const NbTableDef *other = nb_edition_find_table (other_edition, def->key);
  g_autoptr(GString) header = g_string_new (NULL);

  if (other == NULL)
    return FALSE;
  for (guint i = start; i < end && header->len < 4000; i++)
    g_string_append (header, nb_importer_cell (im, i)->norm);
  return count_own_columns (def, other, header->str) == 0 &&
         count_own_columns (other, def, header->str) > 0;
}

static char *
group_text (NbImporter  *im,
            const Group *group)
{
  GString *text = g_string_new (NULL);

  for (guint i = group->first; i <= group->last; i++)
    {
      const char *t = nb_importer_cell (im, i)->text;
      if (i - group->first == 40)
        {
          g_string_append_printf (text, " | …（共 %u 个）", group->last - group->first + 1);
          break;
        }
      if (i > group->first)
        g_string_append (text, " | ");
      g_string_append (text, *t != '\0' ? t : "（空）");
    }
  return g_string_free (text, FALSE);
}

/* Whether a cell holds a number or a marker. */
static gboolean
is_filled (NbImporter *im,
           guint       cell)
{
  return im->is_value[cell] == NB_IMPORT_VALUE_NUMBER || im->is_value[cell] == NB_IMPORT_VALUE_MARKER;
}

/* The cells of a group that hold a number or a marker. */
static guint
count_filled (NbImporter  *im,
              const Group *group)
{
  guint n = 0;

  for (guint i = group->first; i <= group->last; i++)
    n += is_filled (im, i);
  return n;
}

/* Puts @text, read from the cells @from of the source (NULL: nothing
 * was there), in its cell. */
static void
place_value (NbImporter  *im,
             NbTable     *table,
             guint        row,
             guint        column,
             const char  *text,
             const Group *from)
{
  const NbTableDef *def = nb_table_get_def (table);
  NbCellKind kind = def->columns[column].kind;
  g_autofree char *address = nb_table_cell_address (table, row, column);
  g_autoptr(GError) error = NULL;
  NbImportValue value;
  gint64 number;

  switch (nb_import_parse_value (text, &value))
    {
    case NB_IMPORT_VALUE_NONE:
      break;
    case NB_IMPORT_VALUE_BLANK:
      nb_table_clear (table, row, column);
      im->n_blank++;
      break;
    case NB_IMPORT_VALUE_MARKER:
      nb_table_set_marker (table, row, column, value.marker);
      im->n_placed++;
      if (from != NULL)
        nb_import_source_note_cell (im->source, address, from->first, from->last);
      break;
    case NB_IMPORT_VALUE_NUMBER:
      {
        gunichar first = g_utf8_get_char (value.number);
        gboolean sign = first == '+' || first == '-' || first == 0xFF0B ||
                        first == 0xFF0D || first == 0x2212;

        if (from != NULL && nb_importer_cell (im, from->last)->cut_off)
          {
            im->n_unplaced++;
            nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                                     "「%s」印到了页面边缘之外，可能有数字不在页上，未填入", text);
            nb_importer_locate_message (im, from->first, from->last);
          }
        else if (sign && kind != NB_CELL_KIND_SIGNED)
          {
            im->n_unplaced++;
            nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                                     "「%s」一栏不带正负号，「%s」未填入", def->columns[column].full_label, text);
            if (from != NULL)
              nb_importer_locate_message (im, from->first, from->last);
          }
        else if (!nb_value_parse (value.number, kind, &number, &error) ||
                 !nb_table_set_number (table, row, column, number, &error))
          {
            im->n_unplaced++;
            nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                                     "「%s」未填入：%s", text, error->message);
            if (from != NULL)
              nb_importer_locate_message (im, from->first, from->last);
          }
        else
          {
            im->n_placed++;
            if (from != NULL)
              {
                nb_import_source_note_cell (im->source, address, from->first, from->last);
                g_hash_table_replace (im->placed_from, g_strdup (address), GUINT_TO_POINTER (from->first + 1));
              }
            if (value.unit != NULL)
              nb_table_set_unit (table, row, column, value.unit);
            if (value.note != NULL && *value.note != '\0')
              nb_table_set_note (table, row, column, value.note);
          }
      }
      break;
    }
  nb_import_value_clear (&value);
}

/* Where the numbers of each column stand in a table of a PDF: the span of
 * the cells of the rows that have a number in every column, on one line. */
typedef struct {
  double start, end;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a, *sb = b;

  return sa->start < sb->start ? -1 : sa->start > sb->start;
}

static gboolean
spans_overlap (const Span *a,
               const Span *b)
{
  return a->start <= b->end && a->end >= b->start;
}

/* The columns of the header above the numbers, left to right: the
 * header's cells right of the labels, but those spread over two or more
 * narrower ones (a group's heading), merged where they overlap (a label
 * set one character per line is one column). */
static GArray *
header_stacks (NbImporter *im,
               guint       start,
               guint       end,
               double      left)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = start; i < end; i++)
    {
      const NbImportCell *cell = nb_importer_cell (im, i);
      Span span = { cell->x_start, cell->x_end };

      if (!im->is_value[i] && span.end > left - TOUCHING)
        g_array_append_val (cells, span);
    }
  for (guint i = 0; i < cells->len; i++)
    {
      const Span *a = &g_array_index (cells, Span, i);
      const Span *inner = NULL;
      gboolean spread = FALSE;

      for (guint j = 0; j < cells->len && !spread; j++)
        {
          const Span *b = &g_array_index (cells, Span, j);

          if (j == i || !spans_overlap (a, b) || b->end - b->start >= a->end - a->start)
            continue;
          if (inner != NULL && !spans_overlap (inner, b))
            spread = TRUE;
          inner = inner != NULL ? inner : b;
        }
      if (spread)
        continue;
      /* merge with every span it overlaps */
      {
        Span span = *a;
        for (guint m = 0; m < merged->len; )
          {
            const Span *b = &g_array_index (merged, Span, m);
            if (spans_overlap (&span, b))
              {
                span.start = MIN (span.start, b->start);
                span.end = MAX (span.end, b->end);
                g_array_remove_index (merged, m);
              }
            else
              m++;
          }
        g_array_append_val (merged, span);
      }
    }
  g_array_sort (merged, compare_spans);
  return g_steal_pointer (&merged);
}

/* Whether cell @i is a header's word printed within @span. */
static gboolean
word_within (NbImporter *im,
             guint       i,
             const Span *span)
{
  const NbImportCell *cell = nb_importer_cell (im, i);

  return !im->is_value[i] && cell->x_start >= span->start && cell->x_end <= span->end;
}

/* The header's words printed within @span, top to bottom. */
static char *
stack_text (NbImporter *im,
            guint       start,
            guint       end,
            const Span *span)
{
  GString *text = g_string_new (NULL);

  for (guint i = start; i < end; i++)
    if (word_within (im, i, span))
      g_string_append (text, nb_importer_cell (im, i)->norm);
  return g_string_free (text, FALSE);
}

/* Whether a heading over several columns (行政复议 over five) is printed in
 * one cell within the columns it heads: from its first column's start
 * (left-aligned, or centred further right) to the start of the column
 * after them, or on to the page's edge where that column is not printed. */
static gboolean
heading_printed (NbImporter         *im,
                 guint               start,
                 guint               end,
                 const NbHeaderCell *heading,
                 guint               first,
                 GArray             *stacks)
{
  g_autofree char *norm = nb_import_normalize (heading->text);
  const Span *column = &g_array_index (stacks, Span, first);
  guint after = first + heading->column_span;
  double limit = after < stacks->len ? g_array_index (stacks, Span, after).start : G_MAXDOUBLE;
  double slack = (column->end - column->start) / 2;

  for (guint i = start; i < end; i++)
    {
      const NbImportCell *cell = nb_importer_cell (im, i);

      if (!im->is_value[i] && strcmp (cell->norm, norm) == 0 &&
          cell->x_start >= column->start - slack && cell->x_end <= limit)
        return TRUE;
    }
  return FALSE;
}

/* Whether every heading over columns among the header's first
 * @stacks->len is printed over them (which tells 行政复议's 结果维持 from
 * the same label under 行政诉讼). */
static gboolean
headings_printed (NbImporter       *im,
                  const NbTableDef *def,
                  GArray           *stacks,
                  guint             start,
                  guint             end)
{
  for (guint h = 0; h < def->n_header_cells; h++)
    {
      const NbHeaderCell *heading = &def->header[h];

      if (heading->column_span > 1 && heading->column >= def->n_label_columns &&
          heading->column - def->n_label_columns < stacks->len &&
          !heading_printed (im, start, end, heading, heading->column - def->n_label_columns, stacks))
        return FALSE;
    }
  return TRUE;
}

/* Whether the header's words within @span are each on a line of their
 * own: only so do they read top to bottom in one order. */
static gboolean
one_word_a_line (NbImporter *im,
                 guint       start,
                 guint       end,
                 const Span *span)
{
  guint last_line = G_MAXUINT;

  for (guint i = start; i < end; i++)
    {
      guint line = nb_importer_cell (im, i)->line;

      if (!word_within (im, i, span))
        continue;
      if (line == last_line)
        return FALSE;
      last_line = line;
    }
  return TRUE;
}

/* The table's columns from header_stacks() that are more than its
 * columns: a label wrapped in a narrow cell with its lines set
 * alternately right and left (wkhtmltopdf's 商 / 业 / 企 / 业) leaves
 * stacks that do not overlap.  Neighbouring stacks are joined where their
 * words, one a line, read top to bottom as exactly the next column's
 * label; NULL unless every stack so goes into one column, every column
 * has its stacks, in the form's order, and headings_printed(). */
static GArray *
stacks_by_labels (NbImporter       *im,
                  const NbTableDef *def,
                  GArray           *stacks,
                  guint             start,
                  guint             end)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Span));
  guint s = 0;

  for (guint c = 0; c < def->n_columns && s < stacks->len; c++)
    {
      g_autofree char *label = nb_import_normalize (def->columns[c].label);
      Span span = { g_array_index (stacks, Span, s).start, 0 };
      guint e;

      for (e = s; e < stacks->len; e++)
        {
          g_autofree char *text = NULL;

          span.end = g_array_index (stacks, Span, e).end;
          text = stack_text (im, start, end, &span);
          if (strcmp (text, label) == 0)
            break;
        }
      if (e == stacks->len || (e > s && !one_word_a_line (im, start, end, &span)))
        return NULL;
      g_array_append_val (columns, span);
      s = e + 1;
    }
  if (s != stacks->len || columns->len != def->n_columns ||
      !headings_printed (im, def, columns, start, end))
    return NULL;
  return g_steal_pointer (&columns);
}

/* Whether each of @stacks, as many as the columns, holds its column's
 * label (a heading printed over it may stand with it: Chromium's
 * 申请人情况 over 社会公益组织): a header whose stacks only happen to be
 * as many as the columns (a label split in two, another not printed)
 * places no number in a wrong column. */
static gboolean
stacks_hold_labels (NbImporter       *im,
                    const NbTableDef *def,
                    GArray           *stacks,
                    guint             start,
                    guint             end)
{
  for (guint c = 0; c < def->n_columns; c++)
    {
      g_autofree char *label = nb_import_normalize (def->columns[c].label);
      g_autofree char *text = stack_text (im, start, end, &g_array_index (stacks, Span, c));

      if (strstr (text, label) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The columns by the header above the numbers, for a table without a
 * complete row: header_stacks(), as many as the table has columns and
 * each with its label (stacks_hold_labels()) or joined by
 * stacks_by_labels(), or none. */
static Span *
header_spans (NbImporter       *im,
              const NbTableDef *def,
              guint             start,
              guint             end,
              double            left)
{
  g_autoptr(GArray) stacks = header_stacks (im, start, end, left);
  g_autoptr(GArray) columns = NULL;

  if (stacks->len == def->n_columns)
    return stacks_hold_labels (im, def, stacks, start, end)
           ? g_memdup2 (stacks->data, def->n_columns * sizeof (Span)) : NULL;
  if (stacks->len < def->n_columns)
    return NULL;
  columns = stacks_by_labels (im, def, stacks, start, end);
  if (columns == NULL)
    return NULL;
  return g_memdup2 (columns->data, def->n_columns * sizeof (Span));
}

static Span *
column_spans (NbImporter       *im,
              const NbTableDef *def,
              GArray           *groups,
              guint             start)
{
  guint n_columns = def->n_columns;
  Span *spans = NULL;
  double left = G_MAXDOUBLE;

  if (!im->doc->positioned || groups->len == 0)
    return NULL;
  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = &g_array_index (groups, Group, g);

      if (group->last - group->first + 1 != n_columns ||
          nb_importer_cell (im, group->first)->line != nb_importer_cell (im, group->last)->line)
        continue;
      if (spans == NULL)
        {
          spans = g_new (Span, n_columns);
          for (guint c = 0; c < n_columns; c++)
            spans[c] = (Span) { G_MAXDOUBLE, -G_MAXDOUBLE };
        }
      for (guint c = 0; c < n_columns; c++)
        {
          const NbImportCell *cell = nb_importer_cell (im, group->first + c);
          spans[c].start = MIN (spans[c].start, cell->x_start);
          spans[c].end = MAX (spans[c].end, cell->x_end);
        }
    }
  if (spans != NULL)
    return spans;
  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = &g_array_index (groups, Group, g);
      /* numbers only: a marker may be a character of a label set one
       * per line (无 of （四）无法提供) */
      for (guint i = group->first; i <= group->last; i++)
        if (im->is_value[i] == NB_IMPORT_VALUE_NUMBER)
          left = MIN (left, nb_importer_cell (im, i)->x_start);
    }
  return header_spans (im, def, start, g_array_index (groups, Group, 0).first, left);
}

/* In a PDF, a group of markers alone that ends left of the first column
 * is a character of a label set one a line (无 of （四）无法提供), not a
 * number: it leaves the groups, and its cell is read as the label's. */
static void
drop_label_markers (NbImporter *im,
                    GArray     *groups,
                    const Span *spans)
{
  for (guint g = 0; spans != NULL && g < groups->len; )
    {
      const Group *group = &g_array_index (groups, Group, g);
      gboolean label = TRUE;

      for (guint i = group->first; i <= group->last && label; i++)
        label = im->is_value[i] == NB_IMPORT_VALUE_MARKER && nb_importer_cell (im, i)->x_end < spans[0].start;
      if (label)
        g_array_remove_index (groups, g);
      else
        g++;
    }
}

/* The one column's span that @cell stands under; FALSE when it stands
 * under none or several. */
static gboolean
column_under (const NbImportCell *cell,
              const Span         *spans,
              guint               n_columns,
              guint              *column)
{
  guint n_under = 0;

  for (guint c = 0; c < n_columns; c++)
    if (cell->x_start <= spans[c].end && cell->x_end >= spans[c].start)
      {
        *column = c;
        n_under++;
      }
  return n_under == 1;
}

/* Whether a cell of @page other than the @n_except cells @except, among
 * cells @start … @end - 1, is printed over the rectangle @x_start …
 * @x_end, @y_start … @y_end: then what stands around it in a column is
 * not one cell's alone. */
static gboolean
printed_in (NbImporter  *im,
            guint        page,
            double       x_start,
            double       x_end,
            double       y_start,
            double       y_end,
            const guint *except,
            guint        n_except,
            guint        start,
            guint        end)
{
  for (guint i = start; i < end; i++)
    {
      const NbImportCell *c = nb_importer_cell (im, i);
      gboolean excepted = FALSE;

      for (guint k = 0; k < n_except && !excepted; k++)
        excepted = except[k] == i;
      if (!excepted && nb_importer_line_of (im, i)->page == page &&
          c->x_start < x_end && c->x_end > x_start && c->y_start < y_end && c->y_end > y_start)
        return TRUE;
    }
  return FALSE;
}

/* The column of each cell of a short row of a PDF, by where it stands:
 * each cell must lie under exactly one column's span, in order.  FALSE
 * when one is not certain. */
static gboolean
columns_by_position (NbImporter  *im,
                     const Group *group,
                     const Span  *spans,
                     guint        n_columns,
                     guint       *column_of)
{
  const NbImportCell *first = nb_importer_cell (im, group->first);

  if (spans == NULL || first->line != nb_importer_cell (im, group->last)->line)
    return FALSE;
  for (guint i = group->first; i <= group->last; i++)
    {
      guint k = i - group->first;

      if (!column_under (nb_importer_cell (im, i), spans, n_columns, &column_of[k]) ||
          (k > 0 && column_of[k] <= column_of[k - 1]))
        return FALSE;
    }
  return TRUE;
}

/* ---- Digits run together ---------------------------------------------------- */

/* Splits of a run of digits into one count per column (no leading zeros)
 * where every total column equals the sum of its parts; stops counting at
 * two, and gives up (G_MAXUINT) after MAX_SPLIT_STEPS tries. */
#define MAX_SPLIT_STEPS 1000000

typedef struct {
  const NbTableDef *def;
  const char       *digits;
  gsize             length;
  gint64           *values;     /* the split being tried */
  gint64           *found;      /* the first split found */
  guint             n_found;
  guint             steps;
  const gint64     *limit;      /* or NULL: the most each column can hold */
  gboolean          blanks;     /* a column may have no digits (-1) */
} Split;

static void
try_splits (Split *split,
            guint  column,
            gsize  at)
{
  const NbColumnDef *col;

  if (split->n_found >= 2 || split->steps > MAX_SPLIT_STEPS)
    return;
  split->steps++;
  if (column == split->def->n_columns)
    {
      if (at == split->length && split->n_found++ == 0)
        memcpy (split->found, split->values, split->def->n_columns * sizeof (gint64));
      return;
    }
  col = &split->def->columns[column];
  if (col->n_parts > 0 && col->n_parts <= column)
    {
      /* a total: its digits are those of the sum, nothing to choose */
      gint64 sum = 0;
      char text[24];
      gsize l;

      for (guint c = column - col->n_parts; c < column; c++)
        sum += split->values[c];
      l = (gsize) g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, sum);
      if (at + l <= split->length && memcmp (split->digits + at, text, l) == 0 &&
          (split->limit == NULL || sum <= split->limit[column]))
        {
          split->values[column] = sum;
          try_splits (split, column + 1, at + l);
        }
      return;
    }
  if (split->blanks)
    {
      split->values[column] = -1;
      try_splits (split, column + 1, at);
    }
  for (gsize l = 1; l <= 12 && at + l <= split->length; l++)
    {
      if (l > 1 && split->digits[at] == '0')
        break;
      char text[16];

      memcpy (text, split->digits + at, l);
      text[l] = '\0';
      split->values[column] = g_ascii_strtoll (text, NULL, 10);
      if (split->limit != NULL && split->values[column] > split->limit[column])
        break;
      try_splits (split, column + 1, at + l);
    }
}

/* A row published as one run of digits (a crawler's text of the page):
 * placed only when exactly one split satisfies the row's totals. */
/* What the rows adding up to a total row leave for @row in each column:
 * the published total less the other rows, when all are published. */
static gboolean
left_by_column_totals (NbTable *table,
                       guint    row,
                       gint64  *values)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint total = row + 1; total < def->n_rows; total++)
    {
      guint n_parts = def->rows[total].n_parts;
      gboolean complete = n_parts > 0 && total - n_parts <= row;

      for (guint c = 0; c < def->n_columns && complete; c++)
        {
          complete = nb_table_get_state (table, total, c) == NB_CELL_NUMBER;
          values[c] = complete ? nb_table_get_number (table, total, c) : 0;
          for (guint r = total - n_parts; r < total && complete; r++)
            if (r != row)
              {
                complete = nb_table_get_state (table, r, c) == NB_CELL_NUMBER;
                values[c] -= complete ? nb_table_get_number (table, r, c) : 0;
              }
          complete = complete && values[c] >= 0;
        }
      if (complete)
        return TRUE;
    }
  return FALSE;
}

/* The digits of a row published run together: one cell of digits, or, in
 * a piece of a flattened line, several runs of digits apart by spaces
 * (230 000023), joined; with where each space was (@bounds[i]: a space
 * before digit i), or NULL. */
static char *
glued_digits (NbImporter   *im,
              const Group  *group,
              gboolean    **bounds)
{
  GString *digits = g_string_new (NULL);
  g_autoptr(GArray) at = g_array_new (FALSE, FALSE, sizeof (gsize));

  if (group->first != group->last &&
      (nb_importer_cell (im, group->first)->line != nb_importer_cell (im, group->last)->line ||
       !nb_importer_line_of (im, group->first)->flattened))
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  for (guint i = group->first; i <= group->last; i++)
    {
      const char *t = nb_importer_cell (im, i)->text;

      if (*t == '\0' || t[strspn (t, "0123456789")] != '\0')
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
      if (i > group->first)
        g_array_append_val (at, digits->len);
      g_string_append (digits, t);
    }
  *bounds = g_new0 (gboolean, digits->len + 1);
  for (guint k = 0; k < at->len; k++)
    (*bounds)[g_array_index (at, gsize, k)] = TRUE;
  return g_string_free (digits, FALSE);
}

/* Whether every space of the published run falls between two numbers of
 * the split. */
static gboolean
split_keeps_bounds (const NbTableDef *def,
                    const gint64     *values,
                    const gboolean   *bounds,
                    gsize             length)
{
  g_autofree gboolean *cut = g_new0 (gboolean, length + 1);
  gsize at = 0;

  for (guint c = 0; c < def->n_columns; c++)
    {
      char number[24];
      at += (gsize) g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, values[c]);
      if (at <= length)
        cut[at] = TRUE;
    }
  for (gsize i = 0; i < length; i++)
    if (bounds[i] && !cut[i])
      return FALSE;
  return TRUE;
}

/* The most each column of @row can hold: a total row over it, placed,
 * less the other rows under it that are placed (every count is >= 0). */
static gboolean
limits_by_column_totals (NbTable *table,
                         guint    row,
                         gint64  *limit)
{
  const NbTableDef *def = nb_table_get_def (table);
  gboolean any = FALSE;

  for (guint c = 0; c < def->n_columns; c++)
    limit[c] = G_MAXINT64;
  for (guint total = row + 1; total < def->n_rows; total++)
    {
      guint n_parts = def->rows[total].n_parts;

      if (n_parts == 0 || total - n_parts > row)
        continue;
      for (guint c = 0; c < def->n_columns; c++)
        {
          gint64 left;

          if (nb_table_get_state (table, total, c) != NB_CELL_NUMBER)
            continue;
          left = nb_table_get_number (table, total, c);
          for (guint r = total - n_parts; r < total; r++)
            if (r != row && nb_table_get_state (table, r, c) == NB_CELL_NUMBER)
              left -= nb_table_get_number (table, r, c);
          if (left >= 0 && left < limit[c])
            {
              limit[c] = left;
              any = TRUE;
            }
        }
    }
  return any;
}

/* Places a glued row's numbers, one a column, as a split found them. */
static void
place_split (NbImporter   *im,
             NbTable      *table,
             guint         row,
             const gint64 *values,
             const Group  *group)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint c = 0; c < def->n_columns; c++)
    {
      char number[24];
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, values[c]);
      place_value (im, table, row, c, number, group);
    }
}

/* A glued row that more than one split fits, where only one split keeps
 * every number within what the column totals leave for it. */
static gboolean
place_glued_by_column_limits (NbImporter  *im,
                              NbTable     *table,
                              guint        row,
                              const Group *group)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree gboolean *bounds = NULL;
  g_autofree char *text = glued_digits (im, group, &bounds);
  g_autofree gint64 *values = g_new0 (gint64, def->n_columns);
  g_autofree gint64 *found = g_new0 (gint64, def->n_columns);
  g_autofree gint64 *limit = g_new0 (gint64, def->n_columns);
  g_autofree char *address = row_address (def, row);
  g_autofree char *name = row_name (def, row);
  Split split;

  if (text == NULL || !limits_by_column_totals (table, row, limit))
    return FALSE;
  split = (Split) { def, text, strlen (text), values, found, 0, 0, limit, FALSE };
  try_splits (&split, 0, 0);
  if (split.n_found != 1 || split.steps > MAX_SPLIT_STEPS ||
      !split_keeps_bounds (def, found, bounds, split.length))
    return FALSE;
  place_split (im, table, row, found, group);
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, address,
                           "%s「%s」：各栏数字连在一起（%s），符合本行合计的拆分不止一种，"
                           "只有一种不超出表中各栏的合计，按此填入",
                           nb_import_table_name (def), name, text);
  return TRUE;
}

/* A glued row that more than one split fits, tried again once the table's
 * other rows are in: the column totals leave one set of numbers, and the
 * digits must be exactly those. */
static gboolean
place_glued_by_column_totals (NbImporter  *im,
                              NbTable     *table,
                              guint        row,
                              const Group *group)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree gboolean *bounds = NULL;
  g_autofree char *text = glued_digits (im, group, &bounds);
  g_autofree gint64 *values = g_new0 (gint64, def->n_columns);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *address = row_address (def, row);
  g_autofree char *name = row_name (def, row);

  if (text == NULL || !left_by_column_totals (table, row, values))
    return FALSE;
  for (guint c = 0; c < def->n_columns; c++)
    g_string_append_printf (joined, "%" G_GINT64_FORMAT, values[c]);
  if (strcmp (joined->str, text) != 0 || !split_keeps_bounds (def, values, bounds, strlen (text)))
    return FALSE;
  place_split (im, table, row, values, group);
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, address,
                           "%s「%s」：各栏数字连在一起（%s），按表中各栏的合计拆分填入",
                           nb_import_table_name (def), name, text);
  return TRUE;
}

typedef struct {
  guint row;
  Group group;
} Pending;

static gboolean
place_glued (NbImporter  *im,
             NbTable     *table,
             guint        row,
             const Group *group,
             GArray      *pending)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree gboolean *bounds = NULL;
  g_autofree char *text = glued_digits (im, group, &bounds);
  g_autofree gint64 *values = NULL;
  g_autofree gint64 *found = NULL;
  g_autofree char *address = row_address (def, row);
  g_autofree char *name = row_name (def, row);
  g_autofree char *where = nb_importer_where (im, group->first);
  Split split;
  gboolean any_total = FALSE, all_counts = TRUE;

  if (text == NULL)
    return FALSE;
  values = g_new0 (gint64, def->n_columns);
  found = g_new0 (gint64, def->n_columns);
  split = (Split) { def, text, strlen (text), values, found, 0, 0, NULL, FALSE };
  for (guint c = 0; c < def->n_columns; c++)
    {
      any_total |= def->columns[c].n_parts > 0;
      all_counts &= def->columns[c].kind == NB_CELL_KIND_COUNT;
    }
  if (def->n_columns < 2 || split.length < def->n_columns)
    return FALSE;
  /* a column of 本年增/减 or of amounts: only one digit a column, no sign,
   * no decimal point, is certain (000 for 上一年项目数量, 本年增/减, 处理决定数量) */
  if (!all_counts && (any_total || split.length != def->n_columns))
    return FALSE;
  /* without a total, a run of one digit per column has one split; a
   * longer run, only where one split has no number with a leading zero
   * even if any column could have been published blank (0011: 0, 0, 11) */
  if (any_total || split.length == def->n_columns)
    try_splits (&split, 0, 0);
  else
    {
      split.blanks = TRUE;
      try_splits (&split, 0, 0);
      for (guint c = 0; c < def->n_columns && split.n_found == 1; c++)
        if (found[c] < 0)
          split.n_found = 0;
    }
  if (split.n_found >= 2 && split.steps <= MAX_SPLIT_STEPS && pending != NULL)
    {
      Pending later = { row, *group };
      g_array_append_val (pending, later);
      return TRUE;
    }
  if (split.n_found == 1 && !split_keeps_bounds (def, found, bounds, split.length))
    {
      im->n_unplaced += count_filled (im, group);
      nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                               "%s「%s」（原文%s）：各栏数字连在一起（%s），符合本行合计的拆分与原文的空格不合，此行未填入",
                               nb_import_table_name (def), name, where, text);
      nb_importer_locate_message (im, group->first, group->last);
      return TRUE;
    }
  if (split.n_found != 1 || split.steps > MAX_SPLIT_STEPS)
    {
      im->n_unplaced += count_filled (im, group);
      nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                               "%s「%s」（原文%s）：各栏数字连在一起（%s），%s，此行未填入",
                               nb_import_table_name (def), name, where, text,
                               !any_total ? "本表没有合计栏，各栏之间没有可据以拆分的算术关系" :
                               split.n_found == 0 ? "没有一种拆分符合本行的合计" :
                               "不止一种拆分符合本行的合计");
      nb_importer_locate_message (im, group->first, group->last);
      return TRUE;
    }
  place_split (im, table, row, found, group);
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, address,
                           "%s「%s」：各栏数字连在一起（%s），%s，按此填入",
                           nb_import_table_name (def), name, text,
                           any_total ? "只有一种拆分符合本行的合计" :
                           split.blanks ? "只有一种拆分没有以 0 开头的数" : "每栏只有一位数字");
  return TRUE;
}

/* Whether @cell ends a row of a grid whose rows the converter kept
 * whole: the last cell of its line, and the rows next to it have as many
 * cells.  The numbers of such a row are its last cells; empty cells
 * before them fill the label columns (a label spanning two of them). */
static gboolean
ends_even_grid_row (NbImporter *im,
                    guint       cell)
{
  const NbImportLine *line = nb_importer_line_of (im, cell);
  guint index = nb_importer_cell (im, cell)->line, n_even = 0;

  if (cell != line->first_cell + line->n_cells - 1)
    return FALSE;
  for (int d = -1; d <= 1; d += 2)
    {
      const NbImportLine *next;

      if ((d < 0 && index == 0) || (d > 0 && index + 1 >= im->doc->lines->len))
        continue;
      next = &g_array_index (im->doc->lines, NbImportLine, index + d);
      if (!next->is_row)
        continue;
      if (next->n_cells != line->n_cells)
        return FALSE;
      n_even++;
    }
  return n_even > 0;
}

/* The cells of @group that make one row of @n_columns: all of them, or,
 * in a converter's row with empty cells at one end (merged label cells
 * shifted the row), the rest, when the other end is not blank or the row
 * is one of an even grid (ends_even_grid_row()). */
static gboolean
trim_group (NbImporter  *im,
            const Group *group,
            guint        n_columns,
            Group       *row)
{
  guint n = group->last - group->first + 1, extra, lead = 0, trail = 0;

  *row = *group;
  if (n == n_columns)
    return TRUE;
  if (n < n_columns || nb_importer_cell (im, group->first)->line != nb_importer_cell (im, group->last)->line)
    return FALSE;
  extra = n - n_columns;
  while (lead < n && im->is_value[group->first + lead] == NB_IMPORT_VALUE_BLANK)
    lead++;
  while (trail < n && im->is_value[group->last - trail] == NB_IMPORT_VALUE_BLANK)
    trail++;
  if (trail >= extra && lead == 0)
    row->last -= extra;
  else if (lead >= extra && (trail == 0 || ends_even_grid_row (im, group->last)))
    row->first += extra;
  else
    return FALSE;
  return TRUE;
}

/* Places the cells of @group that @kept keeps, in order, one a column. */
static void
place_kept_cells (NbImporter  *im,
                  NbTable     *table,
                  guint        row,
                  const Group *group,
                  gboolean   (*kept) (NbImporter *im, guint cell))
{
  for (guint i = group->first, c = 0; i <= group->last; i++)
    if (kept (im, i))
      {
        Group one = { i, i, FALSE };
        place_value (im, table, row, c++, nb_importer_cell (im, i)->text, &one);
      }
}

static gboolean
off_blank_line (NbImporter *im,
                guint       cell)
{
  return !nb_importer_line_of (im, cell)->blank_line;
}

/* A row whose cells are as many as the form's columns without those that
 * blank lines stand for (Lynx's, nb-import-text.c): every column has its
 * number, so the blank lines were no empty cells but a cell's empty
 * paragraph beside its number.  Placed so; FALSE otherwise. */
static gboolean
place_without_blank_lines (NbImporter  *im,
                           NbTable     *table,
                           guint        row,
                           const Group *group)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint n = 0;

  for (guint i = group->first; group->blank_lines && i <= group->last; i++)
    n += off_blank_line (im, i);
  if (!group->blank_lines || n != def->n_columns)
    return FALSE;
  place_kept_cells (im, table, row, group, off_blank_line);
  return TRUE;
}

/* A converter's row, on one line, of more cells than the form's columns
 * but with as many filled as there are columns: a converter never makes a
 * number, so the empty cells are the page's spans split into columns
 * (pandoc's grid tables, whose header may split a span elsewhere than its
 * rows), and each column has its number, in order.  Placed so; FALSE
 * otherwise. */
static gboolean
place_without_span_cells (NbImporter  *im,
                          NbTable     *table,
                          guint        row,
                          const Group *group)
{
  guint n = group->last - group->first + 1, n_columns = nb_table_get_def (table)->n_columns;

  if (n <= n_columns || count_filled (im, group) != n_columns ||
      nb_importer_cell (im, group->first)->line != nb_importer_cell (im, group->last)->line)
    return FALSE;
  place_kept_cells (im, table, row, group, is_filled);
  return TRUE;
}

/* ---- A number and its note wrapped over lines in its cell ------------------ */

/* A cell's text wraps over at most this many lines around its row's line. */
#define MAX_NOTE_LINES 4

static gboolean
closes_bracket (const char *text)
{
  return strchr (text, ')') != NULL || strstr (text, "）") != NULL;
}

/* Whether @text is a number whose note in brackets its line does not close
 * (39（市政府、市政): the rest of the cell's text is on the lines below. */
static gboolean
opens_note (const char *text)
{
  g_autofree char *closed = g_strconcat (text, "）", NULL);
  NbImportValue value;
  gboolean noted;

  if (closes_bracket (text))
    return FALSE;
  noted = nb_import_parse_value (closed, &value) == NB_IMPORT_VALUE_NUMBER && value.note != NULL;
  nb_import_value_clear (&value);
  return noted;
}

/* The horizontal extent of the cells of column @c of a PDF's table:
 * halfway to its neighbours' numbers, an outer side as far out as the
 * inner one; a table of one column, its numbers' span. */
static void
column_extent (const Span *spans,
               guint       n_columns,
               guint       c,
               double     *left,
               double     *right)
{
  double before = c > 0 ? (spans[c].start - spans[c - 1].end) / 2 : -1;
  double after = c + 1 < n_columns ? (spans[c + 1].start - spans[c].end) / 2 : -1;

  if (before < 0)
    before = MAX (after, 0);
  if (after < 0)
    after = before;
  *left = spans[c].start - before;
  *right = spans[c].end + after;
}

/* The cells @lo … @hi - 1 around @cell on its page, up to
 * MAX_NOTE_LINES of its height above and below it. */
static void
cells_around (NbImporter *im,
              guint       cell,
              guint      *lo,
              guint      *hi)
{
  const NbImportCell *c = nb_importer_cell (im, cell);
  double reach = MAX_NOTE_LINES * (c->y_end - c->y_start);
  guint page = nb_importer_line_of (im, cell)->page;

  *lo = cell, *hi = cell + 1;
  while (*lo > 0 && nb_importer_line_of (im, *lo - 1)->page == page &&
         nb_importer_cell (im, *lo - 1)->y_end > c->y_start - reach)
    (*lo)--;
  while (*hi < im->doc->cells->len && nb_importer_line_of (im, *hi)->page == page &&
         nb_importer_cell (im, *hi)->y_start < c->y_end + reach)
    (*hi)++;
}

/* Whether cell @i is words (not a number alone) on @page, not yet joined
 * into a table cell, within @left … @right. */
static gboolean
free_words_within (NbImporter *im,
                   guint       i,
                   guint       page,
                   double      left,
                   double      right)
{
  const NbImportCell *c = nb_importer_cell (im, i);

  return im->is_value[i] == NB_IMPORT_VALUE_NONE && !im->joined[i] &&
         nb_importer_line_of (im, i)->page == page && c->x_start >= left && c->x_end <= right;
}

/* The words within @left … @right on the line right under cell @upper
 * (less than a line's height below it), among the cells before @hi, or
 * -1. */
static int
words_under (NbImporter *im,
             guint       upper,
             double      left,
             double      right,
             guint       hi)
{
  const NbImportCell *u = nb_importer_cell (im, upper);
  double height = u->y_end - u->y_start, slack = height / 10;
  guint page = nb_importer_line_of (im, upper)->page;

  for (guint i = upper + 1; i < hi; i++)
    if (free_words_within (im, i, page, left, right) &&
        nb_importer_cell (im, i)->y_start >= u->y_end - slack &&
        nb_importer_cell (im, i)->y_start < u->y_end + height)
      return (int) i;
  return -1;
}

/* Joins the text that cell @top (opens_note()) starts within @left …
 * @right into @pieces and @text: the words under it, line by line, until
 * its note closes.  TRUE only when it is one cell's text around the row
 * whose numbers stand in cell @row_cell: the row's line between its first
 * and last line, nothing else printed in the column over them, and the
 * whole read as a number (nb_import_parse_value()). */
static gboolean
join_note (NbImporter *im,
           guint       top,
           guint       row_cell,
           double      left,
           double      right,
           guint       lo,
           guint       hi,
           GArray     *pieces,
           GString    *text)
{
  const NbImportCell *first = nb_importer_cell (im, top), *row = nb_importer_cell (im, row_cell);
  double centre = (row->y_start + row->y_end) / 2;
  guint last = top;
  NbImportValue value;
  gboolean number;

  g_array_append_val (pieces, top);
  g_string_append (text, first->text);
  while (!closes_bracket (text->str))
    {
      int next = words_under (im, last, left, right, hi);

      if (next < 0 || pieces->len == MAX_NOTE_LINES)
        return FALSE;
      last = (guint) next;
      g_array_append_val (pieces, last);
      g_string_append (text, nb_importer_cell (im, last)->text);
    }
  if (centre < first->y_start || centre > nb_importer_cell (im, last)->y_end ||
      printed_in (im, nb_importer_line_of (im, top)->page, left, right, first->y_start,
                  nb_importer_cell (im, last)->y_end, (const guint *) pieces->data, pieces->len, lo, hi))
    return FALSE;
  number = nb_import_parse_value (text->str, &value) == NB_IMPORT_VALUE_NUMBER;
  nb_import_value_clear (&value);
  return number;
}

/* Whether a cell of words on the line of @cell reaches into the column
 * [@left, @right] and holds a digit: a number printed against the words
 * before it (“3.危及“三安全一稳定”0”, a label filling its cell), which the
 * column is not blank for. */
static gboolean
digits_over_column (NbImporter *im,
                    guint       cell,
                    double      left,
                    double      right)
{
  const NbImportLine *line = nb_importer_line_of (im, cell);

  for (guint i = line->first_cell; i < line->first_cell + line->n_cells; i++)
    {
      const NbImportCell *words = nb_importer_cell (im, i);

      if (im->is_value[i] == NB_IMPORT_VALUE_NONE && words->x_end > left && words->x_start < right &&
          strpbrk (words->text, "0123456789") != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
report_digits_over_column (NbImporter *im,
                           NbTable    *table,
                           guint       row,
                           guint       column,
                           guint       cell)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree char *name = row_name (def, row);
  g_autofree char *address = nb_table_cell_address (table, row, column);
  g_autofree char *where = nb_importer_where (im, cell);

  im->n_unplaced++;
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                           "%s「%s」（原文%s）：「%s」一栏没有单独印出的数字，但这一行的文字伸进了这一栏，其中有数字，未填入",
                           nb_import_table_name (def), name, where, def->columns[column].full_label);
  nb_importer_locate_message (im, cell, cell);
}

/* Column @c of @row, where the row's line (its numbers in @group) has no
 * number: published blank, unless a number with a note stands there
 * wrapped over lines around the row's line (39（市政府、市政 / 府办印发）,
 * the row's label and numbers between them).  That text is placed joined
 * when it is certain to be the cell's alone (join_note()); else the cell
 * is left as it is, not counted blank, and its text is reported
 * (report_open_notes()). */
static void
place_missing (NbImporter  *im,
               NbTable     *table,
               guint        row,
               const Group *group,
               const Span  *spans,
               guint        n_columns,
               guint        c)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = g_string_new (NULL);
  const NbImportCell *numbers = nb_importer_cell (im, group->first);
  guint page = nb_importer_line_of (im, group->first)->page, lo, hi, n_open = 0, top = 0;
  double left, right;

  column_extent (spans, n_columns, c, &left, &right);
  cells_around (im, group->first, &lo, &hi);
  /* a cell's text that starts below the row's line is another row's */
  for (guint i = lo; i < hi; i++)
    if (free_words_within (im, i, page, left, right) && opens_note (nb_importer_cell (im, i)->text) &&
        nb_importer_cell (im, i)->y_start <= (numbers->y_start + numbers->y_end) / 2)
      top = i, n_open++;
  if (n_open == 0 && digits_over_column (im, group->first, left, right))
    report_digits_over_column (im, table, row, c, group->first);
  else if (n_open == 0)
    place_value (im, table, row, c, "", NULL);
  else if (n_open == 1 && join_note (im, top, group->first, left, right, lo, hi, pieces, text))
    {
      /* the source pane shows the cell at its first line, as a number
       * whose digits were joined (place_wrapped()) */
      Group one = { top, top, FALSE };

      place_value (im, table, row, c, text->str, &one);
      for (guint k = 0; k < pieces->len; k++)
        im->joined[g_array_index (pieces, guint, k)] = TRUE;
    }
}

/* Places each cell of @group in its column (columns_by_position()) of the
 * first @n_columns of @row, by @spans; the columns without a cell were
 * published blank (place_missing()). */
static void
place_by_columns (NbImporter  *im,
                  NbTable     *table,
                  guint        row,
                  const Group *group,
                  const guint *column_of,
                  const Span  *spans,
                  guint        n_columns)
{
  guint n = group->last - group->first + 1;

  for (guint c = 0, k = 0; c < n_columns; c++)
    {
      gboolean here = k < n && column_of[k] == c;
      Group one = { group->first + k, group->first + k, FALSE };

      if (here)
        place_value (im, table, row, c, nb_importer_cell (im, one.first)->text, &one);
      else
        place_missing (im, table, row, group, spans, n_columns, c);
      k += here;
    }
}

/* Places a group's numbers in @row; FALSE, with nothing placed, when which
 * number is whose column is not certain (report_short_group()). */
static gboolean
place_group (NbImporter  *im,
             NbTable     *table,
             guint        row,
             const Group *group,
             const Span  *spans,
             GArray      *pending)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint n = group->last - group->first + 1;
  g_autofree guint *column_of = g_new (guint, n);
  Group cells;

  if (place_without_blank_lines (im, table, row, group) || place_without_span_cells (im, table, row, group))
    return TRUE;
  if (trim_group (im, group, def->n_columns, &cells))
    {
      for (guint c = 0; c < def->n_columns; c++)
        {
          Group one = { cells.first + c, cells.first + c, FALSE };
          place_value (im, table, row, c, nb_importer_cell (im, one.first)->text, &one);
        }
      return TRUE;
    }
  if ((n == 1 || (n < def->n_columns && !im->doc->positioned)) &&
      place_glued (im, table, row, group, pending))
    return TRUE;
  if (n < def->n_columns && columns_by_position (im, group, spans, def->n_columns, column_of))
    {
      place_by_columns (im, table, row, group, column_of, spans, def->n_columns);
      return TRUE;
    }
  return FALSE;
}

/* Reports @group, the numbers of @row, as not placed, for @why. */
static void
report_row_group (NbImporter  *im,
                  NbTable     *table,
                  guint        row,
                  const Group *group,
                  const char  *why)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree char *name = row_name (def, row);
  g_autofree char *address = row_address (def, row);
  g_autofree char *values = group_text (im, group);
  g_autofree char *where = nb_importer_where (im, group->first);

  im->n_unplaced += count_filled (im, group);
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address, "%s「%s」（原文%s）：%s，此行未填入：%s",
                           nb_import_table_name (def), name, where, why, values);
  nb_importer_locate_message (im, group->first, group->last);
}

static void
report_short_group (NbImporter  *im,
                    NbTable     *table,
                    guint        row,
                    const Group *group)
{
  g_autofree char *why = g_strdup_printf ("找到 %u 个数据，表中应有 %u 栏，分不清各数属于哪一栏",
                                          group->last - group->first + 1,
                                          nb_table_get_def (table)->n_columns);

  report_row_group (im, table, row, group, why);
}

/* A row of a PDF whose label has no numbers beside it: every cell blank. */
static void
place_blank_row (NbImporter *im,
                 NbTable    *table,
                 guint       row)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint c = 0; c < def->n_columns; c++)
    place_value (im, table, row, c, "", NULL);
}

static void
report_group (NbImporter  *im,
              NbTable     *table,
              const Group *group,
              const char  *label)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree char *values = group_text (im, group);

  im->n_unplaced += count_filled (im, group);
  if (label != NULL)
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                             "%s：「%s」后的数据对不上表中应在此处的行，未导入：%s", nb_import_table_name (def), label, values);
  else
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                             "%s：无法确定所在行的数据，未导入：%s", nb_import_table_name (def), values);
  nb_importer_locate_message (im, group->first, group->last);
}

/* Whether any words are printed before a group of numbers, after the
 * group before it. */
static gboolean
group_has_words (NbImporter *im,
                 GArray     *groups,
                 guint       g,
                 guint       start,
                 guint       end)
{
  Window window;
  gboolean words = FALSE;

  build_window (im, groups, g, start, end, &window);
  for (gsize i = 0; i < window.n_lead && !words; i++)
    words = g_unichar_isalpha (window.w[i]);
  window_clear (&window);
  return words;
}

/* The last cell of @group before the empty cells that blank lines stand
 * for at its end (nb-import-text.c); FALSE when such a cell comes before
 * a value. */
static gboolean
last_before_blank_lines (NbImporter  *im,
                         const Group *group,
                         guint       *last)
{
  *last = group->last;
  while (*last > group->first && nb_importer_line_of (im, *last)->blank_line)
    (*last)--;
  for (guint i = group->first; i <= *last; i++)
    if (nb_importer_line_of (im, i)->blank_line)
      return FALSE;
  return TRUE;
}

/* How far two cells of a PDF overlap from top to bottom, in points; 0
 * when they do not. */
static double
vertical_overlap (const NbImportCell *a,
                  const NbImportCell *b)
{
  return MAX (0.0, MIN (a->y_end, b->y_end) - MAX (a->y_start, b->y_start));
}

/* In a PDF, whether the words just before group @g, its label's last,
 * belong to it rather than to the numbers before them.  A print whose
 * numbers stand half a line above their labels puts each row's label
 * before the next row's numbers in reading order (1 0 11, 规章, 8 26 66,
 * 行政规范性文件): 规章 stands beside 1 0 11, not beside 8 26 66, and is
 * not taken for theirs. */
static gboolean
label_beside_group (NbImporter *im,
                    GArray     *groups,
                    guint       g,
                    guint       start)
{
  const Group *group = &g_array_index (groups, Group, g);
  const NbImportCell *label;
  guint before;

  if (!im->doc->positioned || g == 0 || group->first <= start ||
      im->is_value[group->first - 1] != NB_IMPORT_VALUE_NONE)
    return TRUE;
  label = nb_importer_cell (im, group->first - 1);
  before = g_array_index (groups, Group, g - 1).last;
  return vertical_overlap (label, nb_importer_cell (im, before)) <=
         vertical_overlap (label, nb_importer_cell (im, group->first));
}

/* Whether the text (normalized) is in the window's lead. */
static gboolean
lead_has (const Window *window,
          const char   *text)
{
  g_autofree char *norm = nb_import_normalize (text);
  glong n;
  g_autofree gunichar *t = g_utf8_to_ucs4_fast (norm, -1, &n);

  if (n == 0)
    return FALSE;
  for (gsize i = 0; i + (gsize) n <= window->n_lead; i++)
    if (memcmp (window->w + i, t, (gsize) n * sizeof (gunichar)) == 0)
      return TRUE;
  return FALSE;
}

/* A one-row table published as a table per block of its header (section
 * 四 as 行政复议, then 未经复议直接起诉, then 复议后起诉, each with its five
 * columns): a group of numbers goes to the block whose heading, alone of
 * the blocks of its width, is printed before it.  Returns how many groups
 * were placed; none when any group is left in doubt. */
static guint
place_by_blocks (NbImporter *im,
                 NbTable    *table,
                 GArray     *groups,
                 guint       start,
                 guint       end)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree int *block_of = g_new (int, groups->len);
  guint used = 0, n_groups = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      const Group *group = &g_array_index (groups, Group, i);
      guint n = group->last - group->first + 1;
      Window window;
      int found = -1;
      guint n_found = 0;

      block_of[i] = -1;
      if (group->all_blank)
        continue;
      n_groups++;
      build_window (im, groups, i, start, end, &window);
      for (guint h = 0; h < def->n_header_cells; h++)
        {
          const NbHeaderCell *cell = &def->header[h];
          guint first = cell->column - def->n_label_columns;

          if (cell->column < def->n_label_columns || cell->column_span != n ||
              first + n > def->n_columns || !lead_has (&window, cell->text))
            continue;
          found = (int) first;
          n_found++;
        }
      window_clear (&window);
      if (n_found != 1 || found >= (int) (sizeof used * 8) || (used & (1u << found)) != 0)
        return 0;
      used |= 1u << found;
      block_of[i] = found;
    }
  if (n_groups < 2)
    return 0;
  for (guint i = 0; i < groups->len; i++)
    if (block_of[i] >= 0)
      {
        const Group *group = &g_array_index (groups, Group, i);

        for (guint k = 0; k <= group->last - group->first; k++)
          {
            Group one = { group->first + k, group->first + k, FALSE };

            place_value (im, table, 0, (guint) block_of[i] + k, nb_importer_cell (im, one.first)->text, &one);
          }
      }
  return n_groups;
}

static void
report_missing_row (NbImporter       *im,
                    const NbTableDef *def,
                    guint             row,
                    const char       *why)
{
  g_autofree char *name = row_name (def, row);
  g_autofree char *address = row_address (def, row);

  nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address, "%s：%s「%s」", nb_import_table_name (def), why, name);
}

/* ---- Rows whose labels stand apart from their numbers ------------------------ */

/* What the row matching of a labelled table left: a group of numbers it
 * gave no row, a row it found no numbers for, or a group matched to its
 * row by the label but whose numbers do not fill the row's columns.  In
 * text without positions they are reported once place_apart() has placed
 * what it can; in a PDF at once. */
typedef enum {
  LOOSE_GROUP,
  LOOSE_ROW,
  LOOSE_SHORT,
} LooseKind;

typedef struct {
  LooseKind   kind;
  guint       group, row;
  char       *label;    /* a group's: the text right before it */
  const char *why;      /* a row's */
  gboolean    placed;   /* by place_apart() */
} Loose;

typedef struct {
  NbImporter *im;
  NbTable    *table;
  GArray     *groups;
  gboolean    defer;          /* text without positions: for place_apart() */
  GArray     *loose;          /* Loose, in the order they were met */
  int        *group_of_row;   /* the group each row was placed or held (hold_row()) from by its label, or -1 */
  gboolean   *unchecked;      /* rows matched by their label to a piece of a run (split_runs()):
                               * not placed unless place_apart() places them */
  guint       row, group;     /* where the matching stopped */
  guint       n_matched;      /* groups matched to a row by their label */
} Matching;

static void
loose_clear (gpointer data)
{
  g_free (((Loose *) data)->label);
}

static void
matching_init (Matching   *matching,
               NbImporter *im,
               NbTable    *table,
               GArray     *groups)
{
  guint n_rows = nb_table_get_def (table)->n_rows;

  matching->im = im;
  matching->table = table;
  matching->groups = groups;
  matching->defer = !im->doc->positioned;
  matching->loose = g_array_new (FALSE, FALSE, sizeof (Loose));
  g_array_set_clear_func (matching->loose, loose_clear);
  matching->group_of_row = g_new (int, n_rows);
  for (guint r = 0; r < n_rows; r++)
    matching->group_of_row[r] = -1;
  matching->unchecked = g_new0 (gboolean, n_rows);
}

static void
matching_clear (Matching *matching)
{
  g_clear_pointer (&matching->loose, g_array_unref);
  g_clear_pointer (&matching->group_of_row, g_free);
  g_clear_pointer (&matching->unchecked, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Matching, matching_clear)

static void
report_loose_item (Matching    *matching,
                   const Loose *item)
{
  NbImporter *im = matching->im;
  NbTable *table = matching->table;
  const Group *group = &g_array_index (matching->groups, Group, item->group);

  if (item->kind == LOOSE_ROW)
    report_missing_row (im, nb_table_get_def (table), item->row, item->why);
  else if (item->kind == LOOSE_SHORT && matching->group_of_row[item->row] < 0)
    report_short_group (im, table, item->row, group);
  else
    /* a short group whose row place_apart() filled is a group left over */
    report_group (im, table, group, item->label);
}

static void
add_loose (Matching   *matching,
           LooseKind   kind,
           guint       group,
           guint       row,
           const char *label,
           const char *why)
{
  Loose item = { kind, group, row, (char *) label, why, FALSE };

  if (!matching->defer)
    {
      report_loose_item (matching, &item);
      return;
    }
  item.label = g_strdup (label);
  g_array_append_val (matching->loose, item);
}

/* Whether match_rows() placed @row, by its label. */
static gboolean
row_placed (const Matching *matching,
            guint           row)
{
  return matching->group_of_row[row] >= 0 && !matching->unchecked[row];
}

/* A row whose label stands right before a run (split_runs()): the run's
 * first piece is the row's only if the rows after it are in the form's
 * order, so it is left to place_apart(), an anchor of the order. */
static void
hold_row (Matching   *matching,
          guint       row,
          guint       group,
          const char *label,
          const char *why)
{
  matching->group_of_row[row] = (int) group;
  matching->unchecked[row] = TRUE;
  add_loose (matching, LOOSE_GROUP, group, 0, label, NULL);
  add_loose (matching, LOOSE_ROW, 0, row, NULL, why);
}

static void
report_loose (Matching *matching)
{
  for (guint i = 0; i < matching->loose->len; i++)
    {
      const Loose *item = &g_array_index (matching->loose, Loose, i);

      if (!item->placed)
        report_loose_item (matching, item);
    }
}

/* Between each two rows placed by their labels, the rows left without
 * numbers and the groups of a row's width left without a row, when they
 * are as many: the converter printed the numbers in the form's order, so
 * the k-th row left takes the k-th group.  The group each row takes its
 * numbers from (its own, or so assigned); NULL unless every row left lies
 * between two rows placed and every gap is filled that way. */
static int *
assign_in_order (const Matching *matching)
{
  const NbTableDef *def = nb_table_get_def (matching->table);
  g_autofree int *assigned = g_memdup2 (matching->group_of_row, def->n_rows * sizeof (int));
  int before = -1;

  for (guint r = 0; r < def->n_rows; r++)
    {
      int to = matching->group_of_row[r];
      guint next = (guint) (before + 1);

      if (to < 0)
        continue;
      if (before < 0 && r > 0)
        return NULL;
      for (int g = before >= 0 ? assigned[before] + 1 : to; g < to; g++)
        {
          Group cells;

          if (!trim_group (matching->im, &g_array_index (matching->groups, Group, g), def->n_columns, &cells))
            continue;
          if (next == r)
            return NULL;
          assigned[next++] = g;
        }
      if (next != r)
        return NULL;
      before = (int) r;
    }
  if (before != (int) def->n_rows - 1)
    return NULL;
  return g_steal_pointer (&assigned);
}

/* Where @what first stands in @text at or after @from. */
static gboolean
ucs4_find (const gunichar *text,
           gsize           n_text,
           gsize           from,
           const gunichar *what,
           gsize           n_what,
           gsize          *at)
{
  for (gsize i = from; n_what > 0 && i + n_what <= n_text; i++)
    if (memcmp (text + i, what, n_what * sizeof (gunichar)) == 0)
      {
        *at = i;
        return TRUE;
      }
  return FALSE;
}

/* The text of the table's lines that hold no values (normalized): where a
 * converter prints the labels it set apart. */
static gunichar *
apart_text (NbImporter *im,
            guint       start,
            guint       end,
            gsize      *n)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint i = start;

  while (i < end)
    {
      const NbImportLine *line = nb_importer_line_of (im, i);
      guint line_end = MIN (end, line->first_cell + line->n_cells);
      gboolean values = FALSE;

      for (guint k = i; k < line_end; k++)
        values |= im->is_value[k] != NB_IMPORT_VALUE_NONE;
      for (; i < line_end; i++)
        if (!values)
          g_string_append (text, nb_importer_cell (im, i)->norm);
    }
  return to_ucs4 (text->str, n);
}

/* Whether the words printed on a group's line before its values (a
 * converter's pieces of the label) are each part of @row's label; and in
 * @has_head whether one of them holds the label's start @head. */
static gboolean
own_words_fit (NbImporter       *im,
               const NbTableDef *def,
               guint             row,
               const Group      *group,
               const gunichar   *head,
               gsize             n_head,
               gboolean         *has_head)
{
  g_autofree char *label = nb_import_normalize (def->rows[row].label);
  const NbImportLine *line = nb_importer_line_of (im, group->first);

  *has_head = FALSE;
  for (guint i = line->first_cell; i < group->first; i++)
    {
      const char *words = nb_importer_cell (im, i)->norm;
      g_autofree gunichar *w = NULL;
      gsize n, at;

      if (im->is_value[i] != NB_IMPORT_VALUE_NONE || strstr (label, words) == NULL)
        return FALSE;
      w = to_ucs4 (words, &n);
      *has_head |= ucs4_find (w, n, 0, head, n_head, &at);
    }
  return TRUE;
}

/* Whether the label of every row given a group by assign_in_order() is
 * printed: its start (the item number and four characters) among the
 * words on its group's line, which must all be part of its label, or on
 * the table's lines without values after the start of the row before it
 * (the labels set apart stand in the form's order). */
static gboolean
labels_stand_apart (const Matching *matching,
                    const int      *assigned,
                    guint           start,
                    guint           end)
{
  const NbTableDef *def = nb_table_get_def (matching->table);
  gsize n_apart, from = 0;
  g_autofree gunichar *apart = apart_text (matching->im, start, end, &n_apart);

  for (guint r = 0; r < def->n_rows; r++)
    {
      g_autofree gunichar *label = NULL;
      gsize n_label, n_head, at;
      gboolean own;

      if (matching->group_of_row[r] >= 0)
        continue;
      label = row_label (def, r, &n_label);
      n_head = MIN (n_label, item_number_length (label, n_label) + 4);
      if (!own_words_fit (matching->im, def, r, &g_array_index (matching->groups, Group, assigned[r]),
                          label, n_head, &own))
        return FALSE;
      if (own)
        continue;
      if (!ucs4_find (apart, n_apart, from, label, n_head, &at))
        return FALSE;
      from = at + n_head;
    }
  return TRUE;
}

/* What @cell holds: NB_IMPORT_VALUE_NUMBER, with the number in @number,
 * only when it is one of a column of @kind. */
static NbImportValueKind
read_number_text (const char *text,
                  NbCellKind  kind,
                  gint64     *number)
{
  NbImportValue value;
  NbImportValueKind read = nb_import_parse_value (text, &value);

  if (read == NB_IMPORT_VALUE_NUMBER && !nb_value_parse (value.number, kind, number, NULL))
    read = NB_IMPORT_VALUE_NONE;
  nb_import_value_clear (&value);
  return read;
}

static NbImportValueKind
read_number (NbImporter *im,
             guint       cell,
             NbCellKind  kind,
             gint64     *number)
{
  return read_number_text (nb_importer_cell (im, cell)->text, kind, number);
}

/* Reads @cell as column @c's number, a blank counted 0 and in @blank (or
 * NULL) said so; FALSE when it is a marker or was not read. */
static gboolean
read_row_number (NbImporter       *im,
                 const NbTableDef *def,
                 guint             cell,
                 guint             c,
                 gint64           *numbers,
                 gboolean         *blank)
{
  NbImportValueKind kind = read_number (im, cell, def->columns[c].kind, &numbers[c]);

  if (kind == NB_IMPORT_VALUE_BLANK)
    numbers[c] = 0;
  if (blank != NULL)
    blank[c] = kind == NB_IMPORT_VALUE_BLANK;
  return kind == NB_IMPORT_VALUE_BLANK || kind == NB_IMPORT_VALUE_NUMBER;
}

/* The numbers of a group of a row's width, a blank counted 0, and in
 * @blank (or NULL) which were published blank.  FALSE when one is a
 * marker or was not read. */
static gboolean
group_numbers (NbImporter       *im,
               const NbTableDef *def,
               const Group      *group,
               gint64           *numbers,
               gboolean         *blank)
{
  Group cells;

  trim_group (im, group, def->n_columns, &cells);
  for (guint c = 0; c < def->n_columns; c++)
    if (!read_row_number (im, def, cells.first + c, c, numbers, blank))
      return FALSE;
  return TRUE;
}

/* A row's numbers, a blank counted 0: as placed (@g NULL), or as group
 * @g holds them.  FALSE when one is a marker or was not read. */
static gboolean
row_numbers (const Matching *matching,
             guint           row,
             const int      *g,
             gint64         *numbers)
{
  NbTable *table = matching->table;
  const NbTableDef *def = nb_table_get_def (table);

  if (g == NULL)
    {
      for (guint c = 0; c < def->n_columns; c++)
        {
          NbCellState state = nb_table_get_state (table, row, c);

          if (nb_table_is_not_imported (table, row, c) || state == NB_CELL_MARKER)
            return FALSE;
          numbers[c] = state == NB_CELL_NUMBER ? nb_table_get_number (table, row, c) : 0;
        }
      return TRUE;
    }
  return group_numbers (matching->im, def, &g_array_index (matching->groups, Group, *g), numbers, NULL);
}

/* Whether a cell of rows @first … @total in column @c was published blank. */
static gboolean
blank_in_column (const NbTableDef *def,
                 const gboolean   *blank,
                 guint             first,
                 guint             total,
                 guint             c)
{
  for (guint p = first; p <= total; p++)
    if (blank[p * def->n_columns + c])
      return TRUE;
  return FALSE;
}

/* Whether the total over rows @first … @total - 1 adds up in every column;
 * with @blank (which cells were published blank, or NULL), but a total
 * column with a blank among them (a 总计 left blank). */
static gboolean
rows_add_up (const NbTableDef *def,
             const gint64     *v,
             const gboolean   *read,
             const gboolean   *blank,
             guint             first,
             guint             total)
{
  for (guint c = 0; c < def->n_columns; c++)
    {
      gint64 sum = 0;

      if (blank != NULL && def->columns[c].n_parts > 0 && blank_in_column (def, blank, first, total, c))
        continue;
      for (guint p = first; p < total; p++)
        {
          if (!read[p])
            return FALSE;
          sum += v[p * def->n_columns + c];
        }
      if (!read[total] || sum != v[total * def->n_columns + c])
        return FALSE;
    }
  return TRUE;
}

/* Whether every total column of a row adds up; with @blank (or NULL),
 * but a total published blank. */
static gboolean
columns_add_up (const NbTableDef *def,
                const gint64     *row,
                const gboolean   *blank)
{
  for (guint c = 0; c < def->n_columns; c++)
    {
      gint64 sum = 0;

      for (guint p = c - def->columns[c].n_parts; p < c; p++)
        sum += row[p];
      if (def->columns[c].n_parts > 0 && (blank == NULL || !blank[c]) && sum != row[c])
        return FALSE;
    }
  return TRUE;
}

/* Whether every total row from @from on that row @r is a part of (or,
 * from @r, @r itself) adds up (rows_add_up()); *@in_total set when there
 * is one. */
static gboolean
totals_over_add_up (const NbTableDef *def,
                    const gint64     *v,
                    const gboolean   *read,
                    const gboolean   *blank,
                    guint             r,
                    guint             from,
                    gboolean         *in_total)
{
  for (guint t = from; t < def->n_rows; t++)
    if (def->rows[t].n_parts > 0 && t - def->rows[t].n_parts <= r)
      {
        if (!rows_add_up (def, v, read, blank, t - def->rows[t].n_parts, t))
          return FALSE;
        *in_total = TRUE;
      }
  return TRUE;
}

/* Whether every total that a row given a group by assign_in_order() is
 * part of (its 总计 across, the total row under it, per column) equals the
 * sum of its parts, and each such row is part of one. */
static gboolean
apart_adds_up (const Matching *matching,
               const int      *assigned)
{
  const NbTableDef *def = nb_table_get_def (matching->table);
  guint nc = def->n_columns;
  g_autofree gint64 *v = g_new0 (gint64, def->n_rows * nc);
  g_autofree gboolean *read = g_new0 (gboolean, def->n_rows);
  gboolean across = FALSE;

  for (guint c = 0; c < nc; c++)
    across |= def->columns[c].n_parts > 0;
  for (guint r = 0; r < def->n_rows; r++)
    read[r] = row_numbers (matching, r, row_placed (matching, r) ? NULL : &assigned[r], v + r * nc);
  for (guint r = 0; r < def->n_rows; r++)
    {
      gboolean in_total = across;

      if (row_placed (matching, r))
        continue;
      if (across && (!read[r] || !columns_add_up (def, v + r * nc, NULL)))
        return FALSE;
      if (!totals_over_add_up (def, v, read, NULL, r, r + 1, &in_total) || !in_total)
        return FALSE;
    }
  return TRUE;
}

static gboolean
assigned_group (const int *assigned,
                guint      n_rows,
                guint      group)
{
  for (guint r = 0; r < n_rows; r++)
    if (assigned[r] == (int) group)
      return TRUE;
  return FALSE;
}

/* In text without positions, a converter's table whose rows' labels were
 * printed as lines of text apart from their numbers, the numbers as rows
 * without labels: the rows are placed when it is certain whose numbers
 * are whose (assign_in_order(), labels_stand_apart(), apart_adds_up()),
 * all of the table's or none. */
static void
place_apart (Matching *matching,
             guint     start,
             guint     end)
{
  NbImporter *im = matching->im;
  const NbTableDef *def = nb_table_get_def (matching->table);
  g_autofree int *assigned = NULL;
  guint n_left = 0;

  for (guint r = 0; r < def->n_rows; r++)
    n_left += !row_placed (matching, r);
  if (n_left == 0)
    return;
  assigned = assign_in_order (matching);
  if (assigned == NULL || !labels_stand_apart (matching, assigned, start, end) ||
      !apart_adds_up (matching, assigned))
    return;
  for (guint r = 0; r < def->n_rows; r++)
    {
      const Group *group = &g_array_index (matching->groups, Group, assigned[r]);
      g_autofree char *name = NULL, *address = NULL, *where = NULL;

      if (row_placed (matching, r))
        continue;
      place_group (im, matching->table, r, group, NULL, NULL);
      name = row_name (def, r);
      address = row_address (def, r);
      where = nb_importer_where (im, group->first);
      nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, address,
                               matching->unchecked[r]
                               ? "%s「%s」：本行与后面几行的数字连成一串印出，按格式的行序填入原文%s的数字（各栏合计相符）"
                               : "%s「%s」：标签与数字分开印出，按格式的行序填入原文%s的数字（各栏合计相符）",
                               nb_import_table_name (def), name, where);
    }
  for (guint i = 0; i < matching->loose->len; i++)
    {
      Loose *item = &g_array_index (matching->loose, Loose, i);

      item->placed = item->kind == LOOSE_ROW ||
                     (item->kind == LOOSE_GROUP && assigned_group (assigned, def->n_rows, item->group));
    }
  memcpy (matching->group_of_row, assigned, def->n_rows * sizeof (int));
}

/* ---- A one-row table printed in pieces ------------------------------------ */

/* The most pieces whose orders try_orders() tries (6! orders). */
#define MAX_PIECES 6

/* Whether each cell between @from and @to that holds words is part of
 * a header cell's text: pdftotext's flow breaks the header's words
 * (结 果, 其他结, 尚未审) and prints some among the numbers. */
static gboolean
only_header_words (NbImporter       *im,
                   const NbTableDef *def,
                   guint             from,
                   guint             to)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);

  for (guint h = 0; h < def->n_header_cells; h++)
    g_ptr_array_add (header, nb_import_normalize (def->header[h].text));
  for (guint i = from; i < to; i++)
    {
      const char *words = nb_importer_cell (im, i)->norm;
      gboolean found = FALSE;

      if (im->is_value[i] != NB_IMPORT_VALUE_NONE || *words == '\0')
        continue;
      for (guint h = 0; h < header->len && !found; h++)
        found = strstr (header->pdata[h], words) != NULL;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  const NbTableDef *def;
  const gint64     *numbers;      /* as printed */
  guint             n_pieces;
  guint             first[MAX_PIECES], n[MAX_PIECES];  /* each piece's, in @numbers */
  gboolean          used[MAX_PIECES];
  gint64           *row;          /* the order being tried */
  guint             n_others;     /* orders that add up to a row other than the printed one */
} Orders;

/* Counts the orders of the pieces, other than the printed one, whose
 * row has every total adding up. */
static void
try_orders (Orders *orders,
            guint   at)
{
  guint n_columns = orders->def->n_columns;

  if (at == n_columns)
    {
      if (columns_add_up (orders->def, orders->row, NULL) &&
          memcmp (orders->row, orders->numbers, n_columns * sizeof (gint64)) != 0)
        orders->n_others++;
      return;
    }
  for (guint p = 0; p < orders->n_pieces; p++)
    if (!orders->used[p])
      {
        memcpy (orders->row + at, orders->numbers + orders->first[p], orders->n[p] * sizeof (gint64));
        orders->used[p] = TRUE;
        try_orders (orders, at + orders->n[p]);
        orders->used[p] = FALSE;
      }
}

/* Why the pieces' numbers, as printed, are not certainly the row's in
 * the form's order; NULL when they are. */
static const char *
pieces_doubt (Orders *orders)
{
  if (orders->n_pieces > MAX_PIECES)
    return "段数太多，无法逐一核对各种次序";
  if (!columns_add_up (orders->def, orders->numbers, NULL))
    return "按格式的栏序，各组的总计与其各栏之和不符";
  try_orders (orders, 0);
  if (orders->n_others > 0)
    return "换一种次序各组的总计也相符";
  return NULL;
}

/* `pdftotext`'s default text of a WPS PDF prints section 四's row in
 * pieces with header words between them: 洪泽's 14 numbers, 总计, the
 * 15th; 淮安's 72 64 178 37, header words, 12 1 1 6, 总计, 351, 13 4 8 1
 * 26, 总计, 20, the pieces not in the form's order.  The numbers are the
 * row's, in the printed order, only when they are exactly its columns,
 * nothing but header words stand between them, every total adds up, and
 * no other order of the pieces does (淮安's do not add up as printed, and
 * do in two other orders: its two blocks of 行政诉讼 swapped).
 * FALSE when the groups are not such pieces; TRUE when they are, placed
 * or reported. */
static gboolean
place_pieces (NbImporter *im,
              NbTable    *table,
              GArray     *groups)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree gint64 *numbers = g_new (gint64, def->n_columns);
  g_autofree gint64 *row = g_new (gint64, def->n_columns);
  g_autoptr(GString) values = g_string_new (NULL);
  Orders orders = { def, numbers, 0, { 0 }, { 0 }, { FALSE }, row, 0 };
  const Group *head, *tail;
  g_autofree char *where = NULL, *address = NULL;
  const char *doubt;
  guint n = 0;

  if (groups->len < 2)
    return FALSE;
  head = &g_array_index (groups, Group, 0);
  tail = &g_array_index (groups, Group, groups->len - 1);
  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = &g_array_index (groups, Group, g);

      if (g < MAX_PIECES)
        orders.first[g] = n, orders.n[g] = group->last - group->first + 1;
      for (guint i = group->first; i <= group->last; i++, n++)
        {
          if (n == def->n_columns || read_number (im, i, def->columns[n].kind, &numbers[n]) != NB_IMPORT_VALUE_NUMBER)
            return FALSE;
          g_string_append_printf (values, "%s%s", n > 0 ? " | " : "", nb_importer_cell (im, i)->text);
        }
    }
  if (n != def->n_columns || !only_header_words (im, def, head->first, tail->last))
    return FALSE;
  orders.n_pieces = groups->len;
  doubt = pieces_doubt (&orders);
  where = nb_importer_where (im, head->first);
  address = row_address (def, 0);
  if (doubt != NULL)
    {
      im->n_unplaced += n;
      nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                               "%s（原文%s）：%u 个数字分 %u 段印出，表头的字夹在其间，%s，分不清各数属于哪一栏，未导入：%s",
                               nb_import_table_name (def), where, n, groups->len, doubt, values->str);
      nb_importer_locate_message (im, head->first, tail->last);
      return TRUE;
    }
  /* the groups are the runs of values: between them, only words */
  for (guint i = head->first, c = 0; i <= tail->last; i++)
    if (im->is_value[i] != NB_IMPORT_VALUE_NONE)
      {
        Group one = { i, i, FALSE };

        place_value (im, table, 0, c++, nb_importer_cell (im, i)->text, &one);
      }
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, address,
                           "%s：%u 个数字分 %u 段印出，表头的字夹在其间，按格式的栏序填入原文%s起的数字（各组的总计相符，换一种次序则不符）",
                           nb_import_table_name (def), n, groups->len, where);
  return TRUE;
}

/* No number of @def's table between cells @start and @end.  pandoc's
 * plain text leaves a table it cannot draw as a line "[TABLE]": the
 * numbers are not in the text at all, and the page or PDF has them. */
static void
report_no_data (NbImporter       *im,
                const NbTableDef *def,
                guint             start,
                guint             end)
{
  for (guint i = start; i < end; i++)
    if (strcmp (nb_importer_cell (im, i)->text, "[TABLE]") == 0)
      {
        nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                                 "%s：原文在此只有「[TABLE]」，转换工具把这张表省略了，文本中没有它的数据；请导入网页或 PDF 本身",
                                 nb_import_table_name (def));
        return;
      }
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                           "%s：未找到表格中的数据", nb_import_table_name (def));
}

/* ---- Rows whose empty cells are blank lines ------------------------------------- */

/* In Lynx's text of a table whose cells are paragraphs, an empty cell is
 * a blank line (nb-import-text.c), but not every empty cell leaves one
 * (two cells of a space, or one of two empty paragraphs, leave one or
 * two): which column each number is in is only as certain as the totals
 * make it.  A row of the form's width with such cells is held by its
 * label until blank_line_rows_add_up(). */
static gboolean
held_by_blank_lines (const Matching *matching,
                     const Group    *group)
{
  const NbTableDef *def = nb_table_get_def (matching->table);

  return group->blank_lines && !group->in_run && matching->defer &&
         group->last - group->first + 1 == def->n_columns;
}

static gboolean
row_held_by_blank_lines (const Matching *matching,
                         guint           row)
{
  return matching->unchecked[row] &&
         held_by_blank_lines (matching, &g_array_index (matching->groups, Group, matching->group_of_row[row]));
}

/* A row's numbers, as row_numbers(), and which of its cells were
 * published blank. */
static gboolean
row_cells (const Matching *matching,
           guint           row,
           gint64         *numbers,
           gboolean       *blank)
{
  const NbTableDef *def = nb_table_get_def (matching->table);

  if (!row_placed (matching, row))
    return group_numbers (matching->im, def, &g_array_index (matching->groups, Group, matching->group_of_row[row]),
                          numbers, blank);
  for (guint c = 0; c < def->n_columns; c++)
    blank[c] = nb_table_get_state (matching->table, row, c) == NB_CELL_EMPTY;
  return row_numbers (matching, row, NULL, numbers);
}

/* Whether a row's published totals across (a 总计 left blank is not one)
 * add up, and it has one. */
static gboolean
adds_up_across (const NbTableDef *def,
                const gint64     *row,
                const gboolean   *blank)
{
  gboolean any = FALSE;

  for (guint c = 0; c < def->n_columns; c++)
    any |= def->columns[c].n_parts > 0 && !blank[c];
  return any && columns_add_up (def, row, blank);
}

/* Whether every total that a row held by its blank lines takes part in
 * (its 总计 across, the total row over it or its own, per column; a 总计
 * published blank left out) equals the sum of its parts, and each such
 * row takes part in one: then a number in a wrong column would have
 * to be matched by others in the same wrong columns. */
static gboolean
blank_line_rows_add_up (const Matching *matching)
{
  const NbTableDef *def = nb_table_get_def (matching->table);
  guint nc = def->n_columns;
  g_autofree gint64 *v = g_new0 (gint64, def->n_rows * nc);
  g_autofree gboolean *blank = g_new0 (gboolean, def->n_rows * nc);
  g_autofree gboolean *read = g_new0 (gboolean, def->n_rows);

  /* rows held for place_apart() are not read: their numbers are not yet
   * known to be theirs */
  for (guint r = 0; r < def->n_rows; r++)
    read[r] = (row_placed (matching, r) || row_held_by_blank_lines (matching, r)) &&
              row_cells (matching, r, v + r * nc, blank + r * nc);
  for (guint r = 0; r < def->n_rows; r++)
    {
      gboolean in_total;

      if (!row_held_by_blank_lines (matching, r))
        continue;
      if (!read[r] || !columns_add_up (def, v + r * nc, blank + r * nc))
        return FALSE;
      in_total = adds_up_across (def, v + r * nc, blank + r * nc);
      if (!totals_over_add_up (def, v, read, blank, r, r, &in_total) || !in_total)
        return FALSE;
    }
  return TRUE;
}

/* Places the rows held by their blank lines when blank_line_rows_add_up(),
 * all of them; else each is reported (report_loose()). */
static void
place_blank_line_rows (Matching *matching)
{
  gboolean any = FALSE;

  for (guint r = 0; r < nb_table_get_def (matching->table)->n_rows; r++)
    any |= row_held_by_blank_lines (matching, r);
  if (!any || !blank_line_rows_add_up (matching))
    return;
  for (guint r = 0; r < nb_table_get_def (matching->table)->n_rows; r++)
    {
      guint g = (guint) matching->group_of_row[r];

      if (!row_held_by_blank_lines (matching, r))
        continue;
      place_group (matching->im, matching->table, r, &g_array_index (matching->groups, Group, g), NULL, NULL);
      matching->unchecked[r] = FALSE;
      for (guint i = 0; i < matching->loose->len; i++)
        {
          Loose *item = &g_array_index (matching->loose, Loose, i);

          item->placed |= (item->kind == LOOSE_ROW && item->row == r) ||
                          (item->kind == LOOSE_GROUP && item->group == g);
        }
    }
}

/* Whether a row of section 四 (no rows to add up over) is certain: with
 * no cell a blank line, or its published totals across adding up. */
static gboolean
blank_lines_add_up (NbImporter       *im,
                    const NbTableDef *def,
                    const Group      *group)
{
  g_autofree gint64 *v = g_new0 (gint64, def->n_columns);
  g_autofree gboolean *blank = g_new0 (gboolean, def->n_columns);

  if (!group->blank_lines || group->last - group->first + 1 != def->n_columns)
    return TRUE;
  return group_numbers (im, def, group, v, blank) && adds_up_across (def, v, blank);
}

static void
report_blank_lines (NbImporter  *im,
                    NbTable     *table,
                    guint        row,
                    const Group *group)
{
  report_row_group (im, table, row, group,
                    "本行的空栏在原文中只是空行（Lynx 的文本），没有相符的合计可据以确定各数的栏");
}

/* ---- A table cut off at the page's edge -------------------------------------- */

/* Whether the header's columns @stacks, fewer than the table's, are for
 * certain its first ones: each reads as its column's label, in order, and
 * headings_printed(). */
static gboolean
stacks_are_first_columns (NbImporter       *im,
                          const NbTableDef *def,
                          GArray           *stacks,
                          guint             start,
                          guint             end)
{
  if (stacks->len == 0 || stacks->len >= def->n_columns)
    return FALSE;
  for (guint c = 0; c < stacks->len; c++)
    {
      g_autofree char *text = stack_text (im, start, end, &g_array_index (stacks, Span, c));
      g_autofree char *label = nb_import_normalize (def->columns[c].label);

      if (strcmp (text, label) != 0)
        return FALSE;
    }
  return headings_printed (im, def, stacks, start, end);
}

/* A table wider than the page, cut off at its right edge (LibreOffice
 * prints only the columns that fit): the numbers under the columns
 * printed are placed when which columns those are is certain
 * (stacks_are_first_columns()) and each number stands under one of them;
 * the columns not printed are reported. */
static gboolean
place_cut_off (NbImporter  *im,
               NbTable     *table,
               guint        row,
               const Group *group,
               guint        start)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint n = group->last - group->first + 1;
  g_autofree guint *column_of = g_new (guint, n);
  g_autofree char *address = row_address (def, row);
  g_autofree char *where = nb_importer_where (im, group->first);
  g_autoptr(GArray) stacks = NULL;
  double left = G_MAXDOUBLE;
  guint k;

  if (!im->doc->positioned)
    return FALSE;
  for (guint i = group->first; i <= group->last; i++)
    left = MIN (left, nb_importer_cell (im, i)->x_start);
  stacks = header_stacks (im, start, group->first, left);
  k = stacks->len;
  if (n > k || !stacks_are_first_columns (im, def, stacks, start, group->first) ||
      !columns_by_position (im, group, (const Span *) stacks->data, k, column_of))
    return FALSE;
  place_by_columns (im, table, row, group, column_of, (const Span *) stacks->data, k);
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                           "%s（原文%s）：表格比页面宽，在页边被截断，只印出前 %u 栏（到「%s」），"
                           "「%s」起的 %u 栏没有印出，未导入",
                           nb_import_table_name (def), where, k, def->columns[k - 1].full_label,
                           def->columns[k].full_label, def->n_columns - k);
  nb_importer_locate_message (im, group->first, group->last);
  return TRUE;
}

/* Section 四: no labels; the one row of numbers after the header. */
static void
import_unlabelled (NbImporter *im,
                   NbTable    *table,
                   GArray     *groups,
                   const Span *spans,
                   guint       start,
                   guint       end)
{
  const NbTableDef *def = nb_table_get_def (table);
  int chosen = -1;

  for (guint i = 0; i < groups->len && chosen < 0; i++)
    {
      const Group *group = &g_array_index (groups, Group, i);
      if (group->last - group->first + 1 == def->n_columns)
        chosen = (int) i;
    }
  if (chosen < 0 && (place_by_blocks (im, table, groups, start, end) > 0 || place_pieces (im, table, groups)))
    {
      nb_table_drop_equal_overrides (table);
      return;
    }
  for (guint i = 0; i < groups->len && chosen < 0; i++)
    if (!g_array_index (groups, Group, i).all_blank)
      chosen = (int) i;
  if (chosen < 0)
    {
      report_no_data (im, def, start, end);
      return;
    }
  if (!blank_lines_add_up (im, def, &g_array_index (groups, Group, chosen)))
    report_blank_lines (im, table, 0, &g_array_index (groups, Group, chosen));
  else if (!place_group (im, table, 0, &g_array_index (groups, Group, chosen), spans, NULL) &&
           !place_cut_off (im, table, 0, &g_array_index (groups, Group, chosen), start))
    report_short_group (im, table, 0, &g_array_index (groups, Group, chosen));
  for (guint i = 0, n_reported = 0; i < groups->len && n_reported < MAX_REPORTED_GROUPS; i++)
    if ((int) i != chosen && !g_array_index (groups, Group, i).all_blank)
      {
        report_group (im, table, &g_array_index (groups, Group, i), NULL);
        n_reported++;
      }
  nb_table_drop_equal_overrides (table);
}

/* ---- A row's numbers printed over several lines ------------------------------- */

/* A row of a PDF whose numbers stand on several lines of its label, with
 * no words between them: the cells of its pieces, and the number each
 * column was given. */
typedef struct {
  GArray *cells;        /* guint: the value cells of the row, in order */
  char  **texts;        /* per column: the number read (digits joined), or NULL */
  guint   n_columns;    /* of @texts and @top */
  guint  *top;          /* per column: the first cell of it */
  guint   joined;       /* the column whose digits were joined, or G_MAXUINT */
  guint   n_lines;      /* of that column */
} Wrapped;

static void
wrapped_clear (Wrapped *wrapped)
{
  g_array_unref (wrapped->cells);
  /* not g_strfreev(): a column without a number leaves a NULL among them */
  for (guint c = 0; wrapped->texts != NULL && c < wrapped->n_columns; c++)
    g_free (wrapped->texts[c]);
  g_free (wrapped->texts);
  g_free (wrapped->top);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Wrapped, wrapped_clear)

static gboolean
is_digit_cell (const NbImportCell *cell)
{
  return g_ascii_isdigit (cell->text[0]) && cell->text[1] == '\0';
}

/* Whether the digit @lower is the next line of the digit @upper in a
 * column too narrow for their number (26 printed as 2 over 6): the same
 * left and right edge within a tenth of their height, on the same page,
 * less than a line's height apart, and nothing printed between them over
 * that column. */
static gboolean
stacked_under (NbImporter *im,
               guint       upper,
               guint       lower,
               guint       start,
               guint       end)
{
  const NbImportCell *u = nb_importer_cell (im, upper), *l = nb_importer_cell (im, lower);
  double height = u->y_end - u->y_start, slack = height / 10;
  guint page = nb_importer_line_of (im, upper)->page;
  guint pair[] = { upper, lower };

  if (!is_digit_cell (u) || !is_digit_cell (l) || nb_importer_line_of (im, lower)->page != page ||
      fabs (u->x_start - l->x_start) > slack || fabs (u->x_end - l->x_end) > slack ||
      l->y_start < u->y_end || l->y_start - u->y_end >= height)
    return FALSE;
  return !printed_in (im, page, u->x_start, u->x_end, u->y_end, l->y_start, pair, G_N_ELEMENTS (pair), start, end);
}

/* Whether the group after a row's pieces is the rest of a number wrapped
 * in its column: only digits, each stacked under one of the row's, after
 * words that are the rest of the row's label (一、本年新收政府信息公开 /
 * 申请数量 beside 2 / 6), never another row's. */
static gboolean
continues_row (NbImporter       *im,
               const NbTableDef *def,
               guint             row,
               const Window     *window,
               const Match      *m,
               const Group      *next,
               const Wrapped    *wrapped,
               guint             start,
               guint             end)
{
  g_autofree char *matched = g_ucs4_to_utf8 (window->w + m->start, (glong) (m->end - m->start), NULL, NULL, NULL);
  g_autofree char *label = nb_import_normalize (def->rows[row].label);
  g_autoptr(GString) text = g_string_new (matched);
  guint after = g_array_index (wrapped->cells, guint, wrapped->cells->len - 1) + 1;

  for (guint i = after; i < next->first; i++)
    g_string_append (text, nb_importer_cell (im, i)->norm);
  if (after == next->first || strcmp (text->str, label) != 0)
    return FALSE;
  for (guint i = next->first; i <= next->last; i++)
    {
      gboolean under = FALSE;

      for (guint k = 0; k < wrapped->cells->len && !under; k++)
        under = stacked_under (im, g_array_index (wrapped->cells, guint, k), i, start, end);
      if (!under)
        return FALSE;
    }
  return TRUE;
}

/* Gives each cell of @wrapped its column, by the one column's span it
 * stands under; a column with several cells takes them only when they
 * are one number's digits stacked one a line (stacked_under()), joined
 * top to bottom, and only one column may.  FALSE when one is not
 * certain. */
static gboolean
wrapped_columns (NbImporter *im,
                 Wrapped    *wrapped,
                 const Span *spans,
                 guint       n_columns,
                 guint       start,
                 guint       end)
{
  g_autofree guint *bottom = g_new (guint, n_columns);

  wrapped->texts = g_new0 (char *, n_columns);
  wrapped->n_columns = n_columns;
  wrapped->top = g_new (guint, n_columns);
  for (guint k = 0; k < wrapped->cells->len; k++)
    {
      guint i = g_array_index (wrapped->cells, guint, k), column;
      const NbImportCell *cell = nb_importer_cell (im, i);
      char *joined;

      if (!column_under (cell, spans, n_columns, &column))
        return FALSE;
      if (wrapped->texts[column] == NULL)
        {
          wrapped->texts[column] = g_strdup (cell->text);
          wrapped->top[column] = bottom[column] = i;
          continue;
        }
      if ((wrapped->joined != G_MAXUINT && wrapped->joined != column) ||
          !stacked_under (im, bottom[column], i, start, end))
        return FALSE;
      wrapped->joined = column;
      wrapped->n_lines++;
      bottom[column] = i;
      joined = g_strconcat (wrapped->texts[column], cell->text, NULL);
      g_free (wrapped->texts[column]);
      wrapped->texts[column] = joined;
    }
  return wrapped->joined != G_MAXUINT;
}

/* Whether the row as @wrapped read it adds up: the joined column is a
 * total or one of its parts, and every total of the row is the sum of its
 * parts (a column without a number published blank). */
static gboolean
wrapped_adds_up (const NbTableDef *def,
                 const Wrapped    *wrapped)
{
  g_autofree gint64 *v = g_new0 (gint64, def->n_columns);
  gboolean checked = FALSE;

  for (guint c = 0; c < def->n_columns; c++)
    {
      guint parts = def->columns[c].n_parts;

      if (wrapped->texts[c] != NULL &&
          read_number_text (wrapped->texts[c], def->columns[c].kind, &v[c]) != NB_IMPORT_VALUE_NUMBER)
        return FALSE;
      checked |= parts > 0 && wrapped->joined <= c && wrapped->joined + parts >= c;
    }
  return checked && columns_add_up (def, v, NULL);
}

/* Places a row whose numbers stand on several lines with no words between
 * them (@pieces groups after group @g, and the group after them when
 * continues_row()), when one column's number is printed one digit a line
 * and the row adds up with its digits joined (wrapped_adds_up()): two
 * digits stacked in a column may be as well two numbers (two rows' totals)
 * and only the totals tell.  Returns the groups used, or 0 with nothing
 * placed and @why set when the digits were found but do not add up;
 * @completed: the rest of the row's label was found after its numbers. */
static guint
place_wrapped (NbImporter   *im,
               NbTable      *table,
               guint         row,
               GArray       *groups,
               guint         g,
               guint         pieces,
               const Span   *spans,
               const Window *window,
               const Match  *m,
               guint         start,
               guint         end,
               char        **why,
               gboolean     *completed)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_auto(Wrapped) wrapped = { g_array_new (FALSE, FALSE, sizeof (guint)), NULL, 0, NULL, G_MAXUINT, 1 };
  guint used = pieces + 1;
  gboolean rest_of_label = FALSE;

  *completed = FALSE;
  if (spans == NULL)
    return 0;
  for (guint k = g; k < g + used; k++)
    for (guint i = g_array_index (groups, Group, k).first; i <= g_array_index (groups, Group, k).last; i++)
      g_array_append_val (wrapped.cells, i);
  if (g + used < groups->len &&
      continues_row (im, def, row, window, m, &g_array_index (groups, Group, g + used), &wrapped, start, end))
    {
      const Group *next = &g_array_index (groups, Group, g + used);

      for (guint i = next->first; i <= next->last; i++)
        g_array_append_val (wrapped.cells, i);
      used++;
      rest_of_label = TRUE;
    }
  if (!wrapped_columns (im, &wrapped, spans, def->n_columns, start, end))
    return 0;
  if (!wrapped_adds_up (def, &wrapped))
    {
      *why = g_strdup_printf ("「%s」一栏的数字一位一行印在 %u 行上，连读为 %s，但本行的合计对不上，不能确定是一个数",
                              def->columns[wrapped.joined].full_label, wrapped.n_lines,
                              wrapped.texts[wrapped.joined]);
      return 0;
    }
  for (guint c = 0; c < def->n_columns; c++)
    {
      /* the source pane shows a joined number at its first digit */
      Group one = { wrapped.top[c], wrapped.top[c], FALSE };

      place_value (im, table, row, c, wrapped.texts[c] != NULL ? wrapped.texts[c] : "",
                   wrapped.texts[c] != NULL ? &one : NULL);
    }
  *completed = rest_of_label;
  return used;
}

/* A row whose numbers stand on several lines and place_wrapped() could
 * not place: which is which is not certain (@why, or the columns). */
static void
report_wrapped (NbImporter       *im,
                const NbTableDef *def,
                guint             row,
                GArray           *groups,
                guint             g,
                guint             pieces,
                const char       *why)
{
  g_autofree char *name = row_name (def, row);
  g_autofree char *address = row_address (def, row);
  g_autofree char *where = nb_importer_where (im, g_array_index (groups, Group, g).first);
  g_autoptr(GString) values = g_string_new (NULL);

  for (guint k = 0; k <= pieces; k++)
    {
      const Group *piece = &g_array_index (groups, Group, g + k);
      g_autofree char *text = group_text (im, piece);

      im->n_unplaced += count_filled (im, piece);
      g_string_append_printf (values, "%s%s", k > 0 ? " / " : "", text);
    }
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                           "%s「%s」（原文%s）：本行的数字印在 %u 行上，%s，此行未填入：%s",
                           nb_import_table_name (def), name, where, pieces + 1,
                           why != NULL ? why : "分不清各数属于哪一栏", values->str);
}

/* The warning for a row matched by a label not the form's own. */
static void
warn_label (NbImporter       *im,
            const NbTableDef *def,
            guint             row,
            const Window     *window,
            const Match      *m)
{
  g_autofree char *address = row_address (def, row);
  g_autofree char *published = g_ucs4_to_utf8 (window->w + m->start, (glong) (m->end - m->start),
                                               NULL, NULL, NULL);

  if (m->level == MATCH_FOREIGN)
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, address,
                             "%s：行标签「%s」是另一版格式的标签，按 %s 版的「%s」导入",
                             nb_import_table_name (def), published, im->edition->key, def->rows[row].label);
  else if (m->level == MATCH_ABRIDGED)
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, address,
                             "%s：行标签「%s」比格式中的「%s」少了几个字，按「%s」导入",
                             nb_import_table_name (def), window->lead_text, def->rows[row].label,
                             def->rows[row].label);
  else if (m->level == MATCH_TYPO)
    {
      g_autofree char *label = nb_import_normalize (def->rows[row].label);

      /* a label short of its last character is one wrapped over lines
       * (4.保护第三方合法权 / 益), not misread */
      if (!g_str_has_prefix (label, published))
        im->n_label_typos++;
      nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, address,
                               "%s：行标签「%s」与格式中的「%s」差一个字，按「%s」导入",
                               nb_import_table_name (def), published, def->rows[row].label, def->rows[row].label);
    }
}

/* Whether no doc line stands between two cells' lines: the source lines
 * between them, if any, were blank. */
static gboolean
lines_follow (NbImporter *im,
              guint       before,
              guint       after)
{
  return nb_importer_cell (im, after)->line <= nb_importer_cell (im, before)->line + 1;
}

/* Moves line @from of the doc up to @to, with what the import knows of
 * its cells. */
static void
move_line_up (NbImporter *im,
              guint       from,
              guint       to)
{
  const NbImportLine *line = &g_array_index (im->doc->lines, NbImportLine, from);
  guint at = g_array_index (im->doc->lines, NbImportLine, to).first_cell;
  guint moved = line->n_cells, below = line->first_cell - at;
  guint8 *arrays[] = { im->is_value, im->joined };

  for (gsize a = 0; a < G_N_ELEMENTS (arrays); a++)
    {
      g_autofree guint8 *cells = g_memdup2 (arrays[a] + line->first_cell, moved);

      memmove (arrays[a] + at + moved, arrays[a] + at, below);
      memcpy (arrays[a] + at, cells, moved);
    }
  nb_import_doc_move_line (im->doc, from, to);
}

/* Whether @group's values are whole lines of the doc. */
static gboolean
whole_lines (NbImporter  *im,
             const Group *group)
{
  const NbImportLine *first = nb_importer_line_of (im, group->first);
  const NbImportLine *last = nb_importer_line_of (im, group->last);

  return first->first_cell == group->first && last->first_cell + last->n_cells - 1 == group->last;
}

/* The words between group @k and the one before it, normalised. */
static char *
words_before (NbImporter *im,
              GArray     *groups,
              guint       k)
{
  GString *words = g_string_new (NULL);

  for (guint i = g_array_index (groups, Group, k - 1).last + 1; i < g_array_index (groups, Group, k).first; i++)
    g_string_append (words, nb_importer_cell (im, i)->norm);
  return g_string_free (words, FALSE);
}

/* The numbers of groups @g … @k - 1 taken together as one row's, as
 * group_numbers(). */
static gboolean
run_on_numbers (NbImporter       *im,
                const NbTableDef *def,
                GArray           *groups,
                guint             g,
                guint             k,
                gint64           *numbers,
                gboolean         *blank)
{
  guint c = 0;

  for (guint j = g; j < k; j++)
    {
      const Group *group = &g_array_index (groups, Group, j);

      for (guint i = group->first; i <= group->last && c < def->n_columns; i++, c++)
        if (!read_row_number (im, def, i, c, numbers, blank))
          return FALSE;
    }
  return c == def->n_columns;
}

/* A row's numbers printed over the lines after its label's: MuPDF's text
 * prints its first number on the label's line and the others a line each
 * under it (“规范性文件 7”, “7”, “39”); `pdftotext`'s default text, a block
 * a line, blank lines between, breaks a row wherever the print's cells
 * did (“151 3 0 0”, “0”, “0 154”), and a label wrapped in its cell beside
 * them wherever its lines fell (“（二）部分公开（区分处理的，只计这一 38 0 0 0”,
 * “情形，不计其他情形）”, “0”, “0 38”).  Group @g, the numbers after row
 * @row's label, short of the row's width and ending its line, takes in
 * the groups that go on from the next lines, when they make the row's
 * width exactly and no number follows them so, with no words between
 * them but the end of the row's label.  Where a line holds several of
 * them, or the label's end stands among them (its lines are then moved
 * after the numbers), only when the row adds up across (its 总计 the sum
 * of the others).  TRUE when it did.  The blank lines after them are no
 * cells of the row. */
static gboolean
take_run_on_values (NbImporter       *im,
                    const NbTableDef *def,
                    guint             row,
                    GArray           *groups,
                    guint             g,
                    guint             start,
                    guint             end)
{
  Group *group = &g_array_index (groups, Group, g);
  const NbImportLine *line = nb_importer_line_of (im, group->last);
  guint n = group->last - group->first + 1, k = g + 1, last = group->last;
  gboolean several = FALSE, words = FALSE;
  g_autofree char *label = nb_import_normalize (def->rows[row].label != NULL ? def->rows[row].label : "");
  g_autoptr(GString) label_end = g_string_new (NULL);

  if (im->doc->positioned || group->in_run || group->blank_lines || n >= def->n_columns ||
      group->last != line->first_cell + line->n_cells - 1)
    return FALSE;
  for (; n < def->n_columns && k < groups->len; k++)
    {
      const Group *next = &g_array_index (groups, Group, k);
      guint next_last;

      if (next->in_run || !last_before_blank_lines (im, next, &next_last))
        break;
      if (group_has_words (im, groups, k, start, end))
        {
          g_autofree char *between = words_before (im, groups, k);

          g_string_append (label_end, between);
          if (next_last != next->last || !whole_lines (im, next) ||
              !g_str_has_suffix (label, label_end->str))
            break;
          words = TRUE;
        }
      else if (!lines_follow (im, last, next->first))
        break;
      several |= !one_value_a_line (im, next);
      n += next_last - next->first + 1;
      last = next_last;
    }
  if (n != def->n_columns || k == g + 1 ||
      (k < groups->len && !group_has_words (im, groups, k, start, end)))
    return FALSE;
  if (several || words)
    {
      g_autofree gint64 *v = g_new0 (gint64, def->n_columns);
      g_autofree gboolean *blank = g_new0 (gboolean, def->n_columns);

      if (!run_on_numbers (im, def, groups, g, k, v, blank) || !adds_up_across (def, v, blank))
        return FALSE;
    }
  if (words)
    {
      guint to = nb_importer_cell (im, group->last)->line + 1;

      for (guint j = g + 1; j < k; j++)
        {
          const Group *next = &g_array_index (groups, Group, j);
          guint from = nb_importer_cell (im, next->first)->line, lines = nb_importer_cell (im, next->last)->line - from + 1;

          for (guint l = 0; l < lines; l++, to++)
            if (from + l != to)
              move_line_up (im, from + l, to);
        }
      last = group->first + n - 1;
    }
  for (guint j = g + 1; j < k; j++)
    group->all_blank &= g_array_index (groups, Group, j).all_blank;
  group->last = last;
  g_array_remove_range (groups, g + 1, k - g - 1);
  return TRUE;
}

/* Whether a group after group @g, a few groups ahead and not past one
 * labelled as one of the next rows, has row @r's label ending the words
 * before it.  The numbers before that group are then not row @r's
 * (pdftotext's default order prints some numbers apart from their rows'
 * labels). */
#define LABEL_LOOKAHEAD 12

static gboolean
label_comes_later (NbImporter       *im,
                   const NbTableDef *def,
                   guint             r,
                   GArray           *groups,
                   guint             g,
                   guint             start,
                   guint             end)
{
  for (guint k = 1; k <= LABEL_LOOKAHEAD && g + k < groups->len; k++)
    {
      Window window;
      Match m;
      gboolean ends_lead, later = FALSE;

      build_window (im, groups, g + k, start, end, &window);
      m = match_row (def, r, &window, 0);
      ends_lead = m.level >= MATCH_LOOSE && label_ends_lead (&window, &m);
      for (guint next = r + 1; next < def->n_rows && next <= r + 3 && m.level == MATCH_NONE && !later; next++)
        later = match_row (def, next, &window, 0).level >= MATCH_LOOSE;
      window_clear (&window);
      if (ends_lead || later)
        return ends_lead;
    }
  return FALSE;
}

/* Matches the groups of a labelled table to its rows, in the form's order,
 * and places those whose label is certain; what is left goes into
 * @matching's loose items. */
static void
match_rows (NbImporter *im,
            NbTable    *table,
            GArray     *groups,
            const Span *spans,
            GArray     *pending,
            guint       start,
            guint       end,
            Matching   *matching)
{
  const NbTableDef *def = nb_table_get_def (table);
  int *group_of_row = matching->group_of_row;
  guint r = 0, g = 0, placed = 0;

  while (r < def->n_rows && g < groups->len)
    {
      const Group *group = &g_array_index (groups, Group, g);
      Window window;
      Match m;

      build_window (im, groups, g, start, end, &window);
      m = match_row (def, r, &window, 0);
      if (m.level != MATCH_NONE && !label_ends_lead (&window, &m))
        m.level = MATCH_NONE;
      if (m.level == MATCH_NONE)
        m = match_foreign_row (im, def, r, &window);
      if (m.level == MATCH_NONE)
        m = match_abridged (def, r, &window);
      if (m.level == MATCH_NONE)
        m = match_unnumbered (def, r, &window);
      if (m.level != MATCH_NONE && !label_beside_group (im, groups, g, start))
        m.level = MATCH_NONE;
      if (m.level != MATCH_NONE)
        {
          /* the next row's label between this label and the numbers:
           * this row was published without numbers */
          if (r + 1 < def->n_rows && match_row (def, r + 1, &window, m.end).level >= MATCH_LOOSE)
            {
              if (spans != NULL)
                place_blank_row (im, table, r);
              else
                add_loose (matching, LOOSE_ROW, 0, r, NULL, "这一行没有数据，未填入");
              r++;
              window_clear (&window);
              continue;
            }
          /* in a PDF, numbers right after these with no words between
           * them: the row's numbers printed over several lines (a column
           * too narrow for a number breaks its digits), placed only when
           * the digits joined add up */
          if (im->doc->positioned)
            {
              guint pieces = 0, used;
              g_autofree char *why = NULL;
              gboolean completed;

              while (g + pieces + 1 < groups->len &&
                     !group_has_words (im, groups, g + pieces + 1, start, end))
                pieces++;
              if (pieces > 0)
                {
                  used = place_wrapped (im, table, r, groups, g, pieces, spans, &window, &m,
                                        start, end, &why, &completed);
                  if (!completed)
                    warn_label (im, def, r, &window, &m);
                  if (used == 0)
                    report_wrapped (im, def, r, groups, g, pieces, why);
                  else
                    {
                      group_of_row[r] = (int) g;
                      placed++;
                    }
                  r++, g += used > 0 ? used : pieces + 1;
                  window_clear (&window);
                  continue;
                }
            }
          if (take_run_on_values (im, def, r, groups, g, start, end))
            group = &g_array_index (groups, Group, g);
          warn_label (im, def, r, &window, &m);
          if (group->in_run)
            hold_row (matching, r, g, window.lead_text, "本行的数字与后面几行的连成一串印出，分不清哪些是本行的，未填入");
          else if (held_by_blank_lines (matching, group))
            hold_row (matching, r, g, window.lead_text,
                      "本行的空栏在原文中只是空行（Lynx 的文本），没有相符的合计可据以确定各数的栏，未填入");
          else if (place_group (im, table, r, group, spans, pending))
            group_of_row[r] = (int) g;
          else
            add_loose (matching, LOOSE_SHORT, g, r, window.lead_text, NULL);
          placed++;
          r++, g++;
          window_clear (&window);
          continue;
        }

      if (group->all_blank)
        {
          g++;
          window_clear (&window);
          continue;
        }

      /* an extra row before the expected one? */
      if (g + 1 < groups->len)
        {
          Window next;
          MatchLevel level;

          build_window (im, groups, g + 1, start, end, &next);
          level = match_row (def, r, &next, 0).level;
          window_clear (&next);
          if (level >= MATCH_LOOSE)
            {
              add_loose (matching, LOOSE_GROUP, g, 0, window.lead_text, NULL);
              g++;
              window_clear (&window);
              continue;
            }
        }

      /* expected rows missing before this one? */
      {
        guint skip = 0;

        for (guint k = 1; k <= 3 && r + k < def->n_rows && skip == 0; k++)
          if (match_row (def, r + k, &window, 0).level >= MATCH_LOOSE ||
              match_foreign_row (im, def, r + k, &window).level != MATCH_NONE)
            skip = k;
        /* in text without positions, the skipped rows' labels before
         * these numbers too, or the next numbers without a label of
         * their own: labels printed apart from their numbers (a
         * converter's), and which numbers are whose is not certain */
        if (skip > 0 && spans == NULL)
          {
            gboolean apart = g + 1 < groups->len && !group_has_words (im, groups, g + 1, start, end);

            for (guint k = 0; k < skip && !apart; k++)
              apart = match_row (def, r + k, &window, 0).level >= MATCH_LOOSE;
            if (apart)
              {
                add_loose (matching, LOOSE_GROUP, g, 0, window.lead_text, NULL);
                for (guint k = 0; k <= skip; k++)
                  add_loose (matching, LOOSE_ROW, 0, r + k, NULL, "标签与数字分开印出，分不清数字属于哪一行，未填入");
                r += skip + 1, g++;
                window_clear (&window);
                continue;
              }
          }
        if (skip > 0)
          {
            for (guint k = 0; k < skip; k++)
              {
                /* in a PDF, a label with no numbers on its line is a row
                 * published blank */
                if (spans != NULL && match_row (def, r + k, &window, 0).level >= MATCH_LOOSE)
                  place_blank_row (im, table, r + k);
                else
                  add_loose (matching, LOOSE_ROW, 0, r + k, NULL, "缺少一行");
              }
            r += skip;
            window_clear (&window);
            continue;
          }
      }

      add_loose (matching, LOOSE_GROUP, g, 0, window.lead_text, NULL);
      if (!label_comes_later (im, def, r, groups, g, start, end))
        {
          add_loose (matching, LOOSE_ROW, 0, r, NULL, "未找到这一行（标签不符）");
          r++;
        }
      g++;
      window_clear (&window);
    }

  matching->row = r;
  matching->group = g;
  matching->n_matched = placed;
}

/* Reports the text of cells @start … @end - 1 that starts a number with a
 * note its line does not close (opens_note()) and that no table cell took
 * (place_missing()): a number printed in the table, not placed. */
static void
report_open_notes (NbImporter       *im,
                   const NbTableDef *def,
                   guint             start,
                   guint             end)
{
  for (guint i = start; i < end; i++)
    if (im->is_value[i] == NB_IMPORT_VALUE_NONE && !im->joined[i] && opens_note (nb_importer_cell (im, i)->text))
      {
        g_autofree char *where = nb_importer_where (im, i);

        im->n_unplaced++;
        nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                                 "%s（原文%s）：「%s」是数字和未完的括注，其余文字不能确定在同一格里，"
                                 "分不清是哪一格的，未导入",
                                 nb_import_table_name (def), where, nb_importer_cell (im, i)->text);
        nb_importer_locate_message (im, i, i);
      }
}

void
nb_import_table (NbImporter *im,
                 NbTable    *table,
                 guint       start,
                 guint       end)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autoptr(GArray) groups = find_groups (im, start, end);
  g_autofree Span *spans = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_auto(Matching) matching = { 0 };
  guint r, g;

  if (groups->len > 0 && header_is_foreign (im, def, start, g_array_index (groups, Group, 0).first))
    {
      nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                               "%s：表头不是 %s 版格式的表头（可能是另一版格式），此表未导入",
                               nb_import_table_name (def), im->edition->key);
      return;
    }
  /* section 四's runs stay whole: its rows have no labels to order them by */
  if (!im->doc->positioned && def->n_label_columns > 0 && def->rows[0].label != NULL)
    split_runs (im, groups, def->n_columns);
  spans = column_spans (im, def, groups, start);
  drop_label_markers (im, groups, spans);
  if (def->n_label_columns == 0 || def->rows[0].label == NULL)
    {
      import_unlabelled (im, table, groups, spans, start, end);
      report_open_notes (im, def, start, end);
      return;
    }

  matching_init (&matching, im, table, groups);
  match_rows (im, table, groups, spans, pending, start, end, &matching);
  if (matching.defer)
    {
      place_blank_line_rows (&matching);
      place_apart (&matching, start, end);
    }
  report_loose (&matching);
  r = matching.row, g = matching.group;

  if (matching.n_matched == 0 && r == 0)
    report_no_data (im, def, start, end);
  else
    for (guint k = r; k < def->n_rows; k++)
      report_missing_row (im, def, k, "缺少一行（原文可能不完整）");
  for (guint n_reported = 0; g < groups->len; g++)
    {
      const Group *group = &g_array_index (groups, Group, g);
      if (group->all_blank)
        continue;
      if (n_reported++ == MAX_REPORTED_GROUPS)
        {
          guint rest = 0;
          for (; g < groups->len; g++)
            {
              rest += !g_array_index (groups, Group, g).all_blank;
              im->n_unplaced += count_filled (im, &g_array_index (groups, Group, g));
            }
          nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                                   "%s：另有 %u 组数据未导入", nb_import_table_name (def), rest);
          break;
        }
      {
        Window window;
        build_window (im, groups, g, start, end, &window);
        report_group (im, table, group, window.lead_text);
        window_clear (&window);
      }
    }
  /* glued rows that more than one split fits: by the column totals, or
   * reported */
  for (guint k = 0; k < pending->len; k++)
    {
      const Pending *p = &g_array_index (pending, Pending, k);

      if (!place_glued_by_column_totals (im, table, p->row, &p->group) &&
          !place_glued_by_column_limits (im, table, p->row, &p->group))
        place_glued (im, table, p->row, &p->group, NULL);
    }
  report_open_notes (im, def, start, end);
  nb_table_drop_equal_overrides (table);
}


/* ---- OCR text: a number only where a total checks it ---------------------- */

/* The number read into a cell; FALSE when none was. */
static gboolean
read_number_at (NbTable *table,
                guint    row,
                guint    column,
                gint64  *number)
{
  if (nb_table_is_not_imported (table, row, column) || nb_table_get_state (table, row, column) != NB_CELL_NUMBER)
    return FALSE;
  *number = nb_table_get_number (table, row, column);
  return TRUE;
}

/* Whether the total (@row, @column), across its row or down its column,
 * and every part of it were read and add up. */
static gboolean
total_checks (NbTable  *table,
              guint     row,
              guint     column,
              gboolean  across)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint n_parts = across ? def->columns[column].n_parts : def->rows[row].n_parts;
  gint64 total, part, sum = 0;

  if (n_parts == 0 || !read_number_at (table, row, column, &total))
    return FALSE;
  for (guint k = 1; k <= n_parts; k++)
    {
      if (!read_number_at (table, across ? row : row - k, across ? column - k : column, &part))
        return FALSE;
      sum += part;
    }
  return sum == total;
}

/* Whether a total that the cell is, or is a part of, checks it. */
static gboolean
cell_checked (NbTable *table,
              guint    row,
              guint    column)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint c = column; c < def->n_columns; c++)
    if (def->columns[c].n_parts > 0 && c - def->columns[c].n_parts <= column && total_checks (table, row, c, TRUE))
      return TRUE;
  for (guint r = row; r < def->n_rows; r++)
    if (def->rows[r].n_parts > 0 && r - def->rows[r].n_parts <= row && total_checks (table, r, column, FALSE))
      return TRUE;
  return FALSE;
}

/* Takes back the numbers of @row that @held marks, and reports them. */
static void
report_held_row (NbImporter     *im,
                 NbTable        *table,
                 guint           row,
                 const gboolean *held)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree char *name = row_name (def, row);
  g_autofree char *address = row_address (def, row);
  g_autoptr(GString) values = g_string_new (NULL);
  guint first = G_MAXUINT;

  for (guint c = 0; c < def->n_columns; c++)
    {
      g_autofree char *cell = nb_table_cell_address (table, row, c);
      g_autofree char *text = NULL;
      guint from;

      if (!held[c])
        continue;
      text = nb_table_format_cell (table, row, c);
      g_string_append_printf (values, "%s%s", values->len > 0 ? " | " : "", text);
      from = GPOINTER_TO_UINT (g_hash_table_lookup (im->placed_from, cell));
      if (from > 0)
        first = MIN (first, from - 1);
      nb_table_mark_cell_not_imported (table, row, c);
      im->n_placed--;
      im->n_unplaced++;
    }
  if (first == G_MAXUINT)
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                             "%s「%s」：OCR 文本的数字可能认错，表中没有相符的合计可以核对，未填入：%s",
                             nb_import_table_name (def), name, values->str);
  else
    {
      g_autofree char *where = nb_importer_where (im, first);

      nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                               "%s「%s」（原文%s）：OCR 文本的数字可能认错，表中没有相符的合计可以核对，未填入：%s",
                               nb_import_table_name (def), name, where, values->str);
      nb_importer_locate_message (im, first, first);
    }
}

/**
 * nb_import_table_hold_unchecked:
 * In text an OCR tool read off a page, where any digit may be misread (8
 * for 6, 20 for 26), takes back each number of @table that no total of
 * the form checks: one not part of a total, or of a total that does not
 * add up, since which of its numbers was misread is not known.  Each row's
 * are reported together.
 */
void
nb_import_table_hold_unchecked (NbImporter *im,
                                NbTable    *table)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree gboolean *held = g_new0 (gboolean, def->n_rows * def->n_columns);

  /* decided for the whole table first: taking a number back moves totals */
  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      {
        gint64 number;

        held[r * def->n_columns + c] = read_number_at (table, r, c, &number) && !cell_checked (table, r, c);
      }
  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (held[r * def->n_columns + c])
        {
          report_held_row (im, table, r, held + r * def->n_columns);
          break;
        }
}
