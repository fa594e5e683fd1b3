/* nb-import-text.c — reading text into positioned text
 *
 * Text flattened from a page (cells on lines between `|` lines, inline
 * `a | b |` rows, markdown rows, cells on their own lines), pandoc's
 * simple and multiline tables (columns under runs of dashes) and
 * `pdftotext -layout` text, whose columns are apart by runs of spaces.
 * Lines end with LF, CR LF or a lone CR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <string.h>

#include "nb-edition.h"
#include "nb-import-doc.h"
#include "nb-import-value.h"
#include "nb-text.h"


gboolean
nb_import_is_page_number (const char *line)
{
  g_autofree char *norm = NULL;
  const char *p;
  gboolean dash_before = FALSE, digits = FALSE;

  if (strlen (line) > 24 ||
      !(*line == '-' || g_str_has_prefix (line, "—") || g_str_has_prefix (line, "–") ||
        g_str_has_prefix (line, "－") || g_str_has_prefix (line, "第")))
    return FALSE;
  p = norm = nb_import_normalize (line);

  /* -4-, - 4 -, —4—, 第4页 */
  if (g_str_has_prefix (p, "第"))
    {
      p += strlen ("第");
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
      return digits && strcmp (p, "页") == 0;
    }
  while (*p == '-' || g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–"))
    {
      dash_before = TRUE;
      p = *p == '-' ? p + 1 : g_utf8_next_char (p);
    }
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (!dash_before || !digits || (p - norm) > 12)
    return FALSE;
  if (!(*p == '-' || g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–")))
    return FALSE;   /* -15 is a number */
  while (*p == '-' || g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–"))
    p = *p == '-' ? p + 1 : g_utf8_next_char (p);
  return *p == '\0';
}

/* The footer line Nianbao prints on every page (nb_render_footer_text()
 * in the renderer): `[草稿 · 未通过核对 · ][定稿 · ]TITLE · YEAR · 指纹 0123abcd`.
 * It is page furniture, as a page number is, not text of a section. */
gboolean
nb_import_is_page_footer (const char *line)
{
  const char *word = g_strrstr (line, "指纹");
  const char *p;
  guint n_digits = 0;

  if (word == NULL || word == line)
    return FALSE;
  p = g_utf8_prev_char (word);
  while (p > line && nb_text_is_space (g_utf8_get_char (p)))
    p = g_utf8_prev_char (p);
  if (!g_str_has_prefix (p, "·"))
    return FALSE;
  for (p = nb_text_skip_spaces (word + strlen ("指纹")); g_ascii_isxdigit (*p); p++)
    n_digits++;
  return n_digits == 8 && *nb_text_skip_spaces (p) == '\0';
}

/* A bar between cells: `|`, the full-width `｜`, or the vertical lines of
 * a table drawn in box-drawing characters (w3m's and tabulate's text). */
static gboolean
is_bar (gunichar c)
{
  return c == '|' || c == 0xFF5C || c == 0x2502 || c == 0x2503 || c == 0x2551;
}

static gboolean
is_box_drawing (gunichar c)
{
  return c >= 0x2500 && c <= 0x257F;
}

static gboolean
has_bar (const char *line)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    if (is_bar (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* A line that only draws a table's rules: a markdown rule (`|---|:--|`),
 * a grid table's (`+----+----+`), or box-drawing lines (`├──┼──┤`); a
 * flattened row's end (`|`) too. */
static gboolean
is_rule_line (const char *line)
{
  gboolean rule = FALSE;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_bar (c) || c == '+' || is_box_drawing (c))
        rule = TRUE;
      else if (c != '-' && c != ':' && c != '=' && !nb_text_is_space (c))
        return FALSE;
    }
  return rule;
}

/* A rule line of a table drawn with box-drawing characters or as a grid
 * (`+----+`): unlike a markdown table's, such a table draws a rule under
 * every row, so the lines between two rules are one row. */
static gboolean
is_boxed_rule (const char *line)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    if (*p == '+' || is_box_drawing (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static guint
indent_of (const char *line)
{
  guint indent = 0;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ' ')
        indent++;
      else if (c == '\t' || c == 0x3000)
        indent += 2;
      else
        break;
    }
  return indent;
}

/* Splits at bars (is_bar()); an outer empty piece before the first or after
 * the last bar is no cell. */
static GPtrArray *
split_pipes (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stripped = nb_text_strip (line);
  GString *cell = g_string_new (NULL);
  gboolean leading = TRUE;

  for (const char *p = stripped; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c == 0 || is_bar (c))
        {
          g_autofree char *text = nb_text_strip (cell->str);
          if (!(leading && *text == '\0') && !(c == 0 && *text == '\0'))
            g_ptr_array_add (cells, g_steal_pointer (&text));
          leading = FALSE;
          g_string_truncate (cell, 0);
          if (c == 0)
            break;
        }
      else
        g_string_append_unichar (cell, c);
    }
  g_string_free (cell, TRUE);
  return cells;
}

/* Splits at runs of two or more spaces (columns of `pdftotext -layout`). */
static GPtrArray *
split_columns (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stripped = nb_text_strip (line);
  GString *cell = g_string_new (NULL);
  guint spaces = 0;

  for (const char *p = stripped; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (nb_text_is_space (c))
        {
          spaces += (c == '\t' || c == 0x3000) ? 2 : 1;
          continue;
        }
      if (spaces >= 2 && cell->len > 0)
        {
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (spaces > 0 && cell->len > 0)
        g_string_append_c (cell, ' ');
      spaces = 0;
      g_string_append_unichar (cell, c);
    }
  if (cell->len > 0)
    g_ptr_array_add (cells, g_strdup (cell->str));
  g_string_free (cell, TRUE);
  return cells;
}

/* Whether @token is a number with its note in brackets, written without
 * a space: 39（市政府、市政府办印发）, as `pdftotext -raw` leaves a cell
 * whose note was printed beside its number. */
static gboolean
is_noted_number (const char *token)
{
  NbImportValue value;
  gboolean noted = nb_import_parse_value (token, &value) == NB_IMPORT_VALUE_NUMBER
                   && value.note != NULL;

  nb_import_value_clear (&value);
  return noted;
}

/* A number as `pdftotext -raw` leaves it at the end of a row: digits with
 * separators and an optional sign, a marker, or a number with its note. */
static gboolean
is_number_token (const char *token)
{
  const char *p = token;
  gboolean digit = FALSE;

  if (strcmp (token, "/") == 0 || strcmp (token, "—") == 0 || strcmp (token, "－") == 0)
    return TRUE;
  if (*p == '-' || *p == '+')
    p++;
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p != ',' && *p != '.')
        return is_noted_number (token);
    }
  return digit;
}

/* Splits the numbers off the end of @cell (`规范性文件 7`, or a whole row
 * as `pdftotext -raw` leaves it), each a token after a space; adds the
 * label, then the numbers, to @out.  Returns: whether it split */
static gboolean
split_numbers_off (const char *cell,
                   GPtrArray  *out)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  const char *start, *end;
  gboolean any_digit = FALSE;

  for (end = cell + strlen (cell);; end = start - 1)
    {
      g_autofree char *token = NULL;

      for (start = end; start > cell && start[-1] != ' '; start--)
        ;
      token = g_strndup (start, end - start);
      if (!is_number_token (token))
        {
          start = end + 1;   /* the numbers begin after this token's end */
          break;
        }
      any_digit |= strpbrk (token, "0123456789") != NULL;
      g_ptr_array_add (numbers, g_steal_pointer (&token));
      if (start == cell)
        break;
    }
  if (!any_digit || (start == cell && numbers->len == 1))   /* no numbers, or no space */
    return FALSE;
  if (start > cell)
    g_ptr_array_add (out, g_strndup (cell, start - 1 - cell));
  for (guint i = numbers->len; i > 0; i--)
    g_ptr_array_add (out, g_steal_pointer (&numbers->pdata[i - 1]));
  return TRUE;
}

/* Splits the numbers off the end of every cell of @cells: the columns of
 * a text whose label and first number are one space apart (w3m's text of
 * a table without borders). */
static void
split_trailing_numbers (GPtrArray *cells)
{
  g_autoptr(GPtrArray) split = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < cells->len; i++)
    if (!split_numbers_off (cells->pdata[i], split))
      g_ptr_array_add (split, g_strdup (cells->pdata[i]));
  g_ptr_array_set_size (cells, 0);
  for (guint i = 0; i < split->len; i++)
    g_ptr_array_add (cells, g_steal_pointer (&split->pdata[i]));
}

/* A crawler's text of a page runs a row's cells together:
 * 一、本年新收政府信息公开申请数量300153006143119.  The digits at the end
 * of the last cell, right after a Chinese character, become a cell of
 * their own; the table stage splits them only where the row's totals
 * leave one way. */
static void
split_glued_digits (GPtrArray *cells)
{
  const char *last, *p;

  if (cells->len == 0)
    return;
  last = cells->pdata[cells->len - 1];
  p = last + strlen (last);
  while (p > last && g_ascii_isdigit (p[-1]))
    p--;
  if (*p == '\0' || p == last || g_utf8_get_char (g_utf8_prev_char (p)) < 0x2E80)
    return;
  {
    char *label = g_strndup (last, (gsize) (p - last));
    char *digits = g_strdup (p);

    g_ptr_array_remove_index (cells, cells->len - 1);
    g_ptr_array_add (cells, label);
    g_ptr_array_add (cells, digits);
  }
}

/* ---- Flattened lines ---------------------------------------------------------- */

/* A crawler's text of a portal page can hold the whole report on one
 * line: 。一、总体情况 2024年…二、主动公开政府信息情况第二十条第（一）项信息内容
 * 本年制发件数…规章000行政规范性文件6233440….  Such a line (two or more
 * section headings in it) is cut into pieces at the headings and, between
 * the headings of 二 and 五, at the start of every label of the editions'
 * tables (nb-edition.c), so that the later stages see a heading, a
 * header or a row per line.  Each piece keeps its line and the character
 * where it starts. */
#define FLAT_MIN_BYTES 400

static char *
strip_len (const char *text,
           gsize       length)
{
  g_autofree char *copy = g_strndup (text, length);

  return nb_text_strip (copy);
}

typedef struct {
  GArray *chars;     /* gunichar, normalised as nb_import_normalize() */
  GArray *offsets;   /* guint, byte offset in the line of each char */
} Norm;

static gboolean
is_digit_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static void
norm_line (const char *line,
           Norm       *norm)
{
  norm->chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  norm->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint offset = (guint) (p - line);
      gunichar buf[8];
      guint n = 0;

      if (nb_text_is_space (c))
        continue;
      if (c < 0x80)
        buf[n++] = c;
      else
        {
          char one[8];
          g_autofree char *nfkc = NULL;

          one[g_unichar_to_utf8 (c, one)] = '\0';
          nfkc = g_utf8_normalize (one, -1, G_NORMALIZE_NFKC);
          for (const char *q = nfkc != NULL ? nfkc : ""; *q && n < G_N_ELEMENTS (buf); q = g_utf8_next_char (q))
            buf[n++] = g_utf8_get_char (q);
        }
      for (guint k = 0; k < n; k++)
        {
          gunichar d = nb_import_fold_char (buf[k]);

          if (nb_text_is_space (d))
            continue;
          if ((d == ',' || d == '.') && norm->chars->len > 0 &&
              g_ascii_isdigit (g_array_index (norm->chars, gunichar, norm->chars->len - 1)))
            {
              const char *q = nb_text_skip_spaces (g_utf8_next_char (p));
              if (!is_digit_char (*q ? g_utf8_get_char (q) : 0))
                d = '.';
            }
          g_array_append_val (norm->chars, d);
          g_array_append_val (norm->offsets, offset);
        }
    }
}

static gunichar *
to_ucs4_norm (const char *label,
              gsize      *n)
{
  g_autofree char *norm = nb_import_normalize (label);
  glong len;
  gunichar *w = g_utf8_to_ucs4_fast (norm, -1, &len);

  *n = (gsize) len;
  return w;
}

typedef struct {
  gunichar *w;
  gsize     n;
} Label;

static void
add_label (GArray     *labels,
           const char *text)
{
  Label l;

  if (text == NULL)
    return;
  l.w = to_ucs4_norm (text, &l.n);
  if (l.n >= 2)
    g_array_append_val (labels, l);
  else
    g_free (l.w);
}

static void
label_clear (gpointer data)
{
  g_free (((Label *) data)->w);
}

/* Every label of both editions' tables. */
static GArray *
table_labels (void)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (Label));

  g_array_set_clear_func (labels, label_clear);
  for (NbEdition e = 0; e < NB_N_EDITIONS; e++)
    {
      const NbEditionDef *edition = nb_edition_get (e);

      for (guint t = 0; t < edition->n_tables; t++)
        {
          const NbTableDef *def = &edition->tables[t];

          add_label (labels, def->caption);
          for (guint h = 0; h < def->n_header_cells; h++)
            add_label (labels, def->header[h].text);
          for (guint r = 0; r < def->n_rows; r++)
            {
              add_label (labels, def->rows[r].group);
              add_label (labels, def->rows[r].subgroup);
              add_label (labels, def->rows[r].label);
            }
          for (guint c = 0; c < def->n_columns; c++)
            add_label (labels, def->columns[c].label);
        }
    }
  return labels;
}

/* Where heading @s is in the line, from @from: exactly, or with one
 * character more, less or different (四、政府信息公开行政法复议、行政诉讼情况);
 * else its numeral followed by words that have at least four fifths of the
 * heading's in order (五、存在的主要问题及改进措施,
 * 五、政府信息公开工作存在的主要问题及改进情况,
 * 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况): of the lengths from two characters less
 * than the heading's to twice as long, the one with the most of them,
 * the nearest the heading's length of those. */
static gboolean
find_inline_heading (const gunichar *w,
                     gsize           nw,
                     gsize           from,
                     guint           s,
                     gsize          *start,
                     gsize          *end)
{
  gsize nh;
  g_autofree gunichar *h = to_ucs4_norm (nb_section_heading (s), &nh);

  for (gsize i = from; i + nh <= nw; i++)
    if (memcmp (w + i, h, nh * sizeof (gunichar)) == 0)
      {
        *start = i, *end = i + nh;
        return TRUE;
      }
  for (gsize i = from; i + 2 < nw; i++)
    {
      if (w[i] != h[0] || w[i + 1] != h[1])
        continue;
      for (gsize len = nh - 1; len <= nh + 1; len++)
        if (i + len <= nw && nb_import_within_one_edit (w + i, len, h, nh))
          {
            *start = i, *end = i + len;
            return TRUE;
          }
    }
  for (gsize i = from; nh >= 8 && i + nh <= nw; i++)
    {
      gsize best = 0, best_len = 0;

      if (w[i] != h[0] || w[i + 1] != h[1])
        continue;
      /* lengths by their distance from the heading's: nh, nh - 1, nh + 1, … */
      for (gsize d = 0; d <= nh; d++)
        for (int sign = -1; sign <= 1; sign += 2)
          {
            gsize len = sign < 0 ? nh - d : nh + d;
            gsize common;

            if ((d == 0 && sign > 0) || (sign < 0 && d > 2) || i + len > nw)
              continue;
            common = nb_import_lcs_length (w + i, len, h, nh);
            if (common > best)
              best = common, best_len = len;
          }
      if (best * 5 >= nh * 4)
        {
          *start = i, *end = i + best_len;
          return TRUE;
        }
    }
  return FALSE;
}

/* The cells of a piece of a table: a label and the numbers at its end
 * (规章000, 一、本年新收政府信息公开申请数量230 000023), each run of digits
 * apart by spaces a cell; the table stage splits a run that holds several. */
static GPtrArray *
piece_cells (const char *piece,
             gboolean    in_table)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *end = piece + strlen (piece), *tail = end;

  if (in_table)
    {
      while (tail > piece && (g_ascii_isdigit (tail[-1]) || tail[-1] == ' ' || tail[-1] == '.' ||
                              tail[-1] == '-'))
        tail--;
      while (tail < end && !g_ascii_isdigit (*tail) && !(*tail == '-' && g_ascii_isdigit (tail[1])))
        tail++;
      /* digits right after a Latin letter are part of a word, no number */
      if (tail > piece && tail < end && g_ascii_isalpha (tail[-1]))
        tail = end;
    }
  {
    g_autofree char *label = strip_len (piece, (gsize) (tail - piece));
    if (*label != '\0')
      g_ptr_array_add (cells, g_steal_pointer (&label));
  }
  if (tail < end)
    {
      g_auto(GStrv) tokens = g_strsplit (tail, " ", -1);
      for (guint i = 0; tokens[i] != NULL; i++)
        if (*tokens[i] != '\0')
          g_ptr_array_add (cells, g_strdup (tokens[i]));
    }
  return cells;
}

static gboolean
read_flattened (NbImportDoc *doc,
                const char  *line,
                guint        source_line)
{
  Norm norm;
  gsize h_start[NB_N_SECTIONS + 1], h_end[NB_N_SECTIONS + 1];
  gboolean found[NB_N_SECTIONS + 1] = { FALSE };
  guint n_found = 0;
  gsize from = 0, region_start = G_MAXSIZE, region_end;
  g_autoptr(GArray) cuts = NULL;   /* gsize: normalised index where a piece starts */
  g_autoptr(GArray) heads = NULL;  /* gboolean per cut: the piece is a heading */
  const gunichar *w;
  gsize nw;

  norm_line (line, &norm);
  w = (const gunichar *) norm.chars->data;
  nw = norm.chars->len;
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    if (find_inline_heading (w, nw, from, s, &h_start[s], &h_end[s]))
      {
        found[s] = TRUE;
        from = h_end[s];
        n_found++;
      }
  if (n_found < 2)
    {
      g_array_unref (norm.chars);
      g_array_unref (norm.offsets);
      return FALSE;
    }
  for (guint s = 4; s >= 2; s--)
    if (found[s])
      region_start = h_end[s] < region_start ? h_start[s] : region_start;
  region_end = found[5] ? h_start[5] : found[6] ? h_start[6] : nw;

  cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  heads = g_array_new (FALSE, FALSE, sizeof (gboolean));
  {
    g_autoptr(GArray) labels = table_labels ();
    gsize i = 0;
    gboolean f = FALSE, t = TRUE;

    g_array_append_val (cuts, i);
    g_array_append_val (heads, f);
    while (i < nw)
      {
        gsize best = 0;
        guint s;

        for (s = 1; s <= NB_N_SECTIONS; s++)
          if (found[s] && h_start[s] == i)
            break;
        if (s <= NB_N_SECTIONS)
          {
            g_array_append_val (cuts, i);
            g_array_append_val (heads, t);
            i = h_end[s];
            g_array_append_val (cuts, i);
            g_array_append_val (heads, f);
            continue;
          }
        if (i >= region_start && i < region_end)
          for (guint k = 0; k < labels->len; k++)
            {
              const Label *l = &g_array_index (labels, Label, k);
              if (l->n > best && i + l->n <= region_end && l->w[0] == w[i] &&
                  memcmp (w + i, l->w, l->n * sizeof (gunichar)) == 0)
                best = l->n;
            }
        /* a long label with one character more, less or different
         * (2.其他法律和行政法规禁止公开, 不再受理 for 不再处理): the table
         * stage matches it with a warning */
        if (best == 0 && i >= region_start && i + 1 < region_end)
          for (guint k = 0; k < labels->len && best == 0; k++)
            {
              const Label *l = &g_array_index (labels, Label, k);

              if (l->n < 8 || l->w[0] != w[i] || l->w[1] != w[i + 1])
                continue;
              for (gsize len = l->n - 1; len <= l->n + 1 && best == 0; len++)
                if (i + len <= region_end && nb_import_within_one_edit (w + i, len, l->w, l->n))
                  best = len;
            }
        if (best > 0)
          {
            g_array_append_val (cuts, i);
            g_array_append_val (heads, f);
            i += best;
          }
        else
          i++;
      }
  }

  {
    gsize n_bytes = strlen (line);
    guint chars_before = 0;
    const char *counted = line;

    for (guint k = 0; k < cuts->len; k++)
      {
        gsize a = g_array_index (cuts, gsize, k);
        gsize b = k + 1 < cuts->len ? g_array_index (cuts, gsize, k + 1) : nw;
        gsize from_byte = a < nw ? g_array_index (norm.offsets, guint, a) : n_bytes;
        gsize to_byte = b < nw ? g_array_index (norm.offsets, guint, b) : n_bytes;
        g_autofree char *piece = NULL;
        g_autoptr(GPtrArray) cells = NULL;

        if (to_byte <= from_byte)
          continue;
        piece = strip_len (line + from_byte, to_byte - from_byte);
        if (*piece == '\0')
          continue;
        cells = piece_cells (piece, !g_array_index (heads, gboolean, k) && a >= region_start && a < region_end);
        chars_before += (guint) g_utf8_strlen (counted, (gssize) (line + from_byte - counted));
        counted = line + from_byte;
        nb_import_doc_add_line (doc, piece, 0, cells->len >= 2, (char **) cells->pdata, cells->len);
        nb_import_doc_set_source (doc, 0, source_line);
        nb_import_doc_set_piece (doc, chars_before + 1);
      }
  }
  g_array_unref (norm.chars);
  g_array_unref (norm.offsets);
  return TRUE;
}

/* Where the line after the one at @line starts (LF, CR LF, or a lone
 * CR: old Mac text); its length without the break goes to @length. */
static const char *
next_line (const char *line,
           gsize      *length)
{
  const char *next = line + (*length = strcspn (line, "\r\n"));

  if (*next == '\r')
    return next + (next[1] == '\n' ? 2 : 1);
  return *next == '\n' ? next + 1 : next;
}

/* Whether @p starts a tag: `<` and a tag's name, or `</` and one. */
static gboolean
is_tag_start (const char *p)
{
  return p[0] == '<' && (g_ascii_isalpha (p[1]) || (p[1] == '/' && g_ascii_isalpha (p[2])));
}

/* A line that opens a block of raw HTML among markdown (a converter's
 * `<table>`, or a `<span>` around a heading). */
static gboolean
opens_html_block (const char *line)
{
  return is_tag_start (line);
}

/* Reads the block of HTML whose first line starts at @start and is line
 * @source_line; as in CommonMark, the block runs to the next blank line.
 * Returns: where the text goes on; @source_line is then its last line */
static const char *
read_html_block (NbImportDoc *doc,
                 const char  *start,
                 guint       *source_line)
{
  guint first_line = *source_line;
  gsize length;
  const char *end = next_line (start, &length);

  while (*end != '\0')
    {
      const char *after = next_line (end, &length);
      g_autofree char *line = g_strndup (end, length);

      if (nb_text_is_blank (line))
        break;
      end = after;
      (*source_line)++;
    }
  nb_import_parse_html_block (doc, start, (gsize) (end - start), first_line);
  return end;
}

/* Whether @line holds an inline tag (`<span …>`, `</b>`, `<br>`). */
static gboolean
has_inline_tag (const char *line)
{
  for (const char *p = strchr (line, '<'); p != NULL; p = strchr (p + 1, '<'))
    if (is_tag_start (p) && strchr (p, '>') != NULL)
      return TRUE;
  return FALSE;
}

/* Takes pandoc's bracketed spans out of @line, keeping their text:
 * `[三、收到和处理政府信息公开申请情况]{style="font-family: 黑体;"}`, the
 * attributes a class, an id or key=value pairs.  Innermost first, so
 * nested spans go too. */
static void
strip_pandoc_spans (GString *line)
{
  for (char *close = strstr (line->str, "]{"); close != NULL; close = strstr (close + 1, "]{"))
    {
      char *attributes = close + 2, *end = strchr (attributes, '}'), *open = close;

      while (open > line->str && open[-1] != '[' && open[-1] != ']')
        open--;
      if (end == NULL || open == line->str || open[-1] != '[' ||
          !(*attributes == '.' || *attributes == '#' || memchr (attributes, '=', end - attributes) != NULL))
        continue;
      {
        gsize at = (gsize) (open - 1 - line->str), text_length = (gsize) (close - open);

        g_string_erase (line, (gssize) (close - line->str), end + 1 - close);
        g_string_erase (line, (gssize) at, 1);
        close = line->str + at + text_length - 1;
        if (close < line->str)
          close = line->str;
      }
    }
}

/* Takes markdown's backslashes out of @line: one before an ASCII
 * punctuation character escapes it (pandoc writes 《…\<长江三角洲…\>…》),
 * one that ends a line is a hard line break (a `<br>` of the page: `\`
 * alone on the line before 上海's heading 四). */
static void
take_backslashes_out (GString *line)
{
  gsize end = line->len, out = 0;

  while (end > 0 && g_ascii_isspace (line->str[end - 1]))
    end--;
  for (gsize i = 0; i < line->len; i++)
    {
      if (line->str[i] == '\\' && (i + 1 == end || (i + 1 < end && g_ascii_ispunct (line->str[i + 1]))))
        i++;
      if (i < line->len)
        line->str[out++] = line->str[i];
    }
  g_string_truncate (line, out);
}

/* Takes a markdown line's markup out of @line: its backslashes, its
 * inline HTML and pandoc's bracketed spans, keeping their text. */
static void
take_markup_out (GString *line)
{
  if (strchr (line->str, '\\') != NULL)
    take_backslashes_out (line);
  if (has_inline_tag (line->str))
    {
      g_autofree char *untagged = nb_import_html_text (line->str);
      g_string_assign (line, untagged);
    }
  if (strstr (line->str, "]{") != NULL)
    strip_pandoc_spans (line);
}

/* A line only markdown has: an ATX heading (`## 二、…`), a `|` row, or
 * a fenced div of pandoc's (`:::`). */
static gboolean
is_markdown_line (const char *line)
{
  gsize n = strlen (line);
  const char *p = line;

  while (*p == '#')
    p++;
  if (p > line && p - line <= 6 && *p == ' ')
    return TRUE;
  return (n >= 2 && line[0] == '|' && line[n - 1] == '|') || g_str_has_prefix (line, ":::");
}

/**
 * nb_import_looks_like_markdown:
 * Returns: whether @text, which holds HTML, is markdown around blocks of
 *   HTML (a converter's text, its tables as `<table>`) rather than a page:
 *   two lines that only markdown has are enough
 */
gboolean
nb_import_looks_like_markdown (const char *text)
{
  guint n_markdown = 0;

  for (const char *p = text; *p != '\0' && n_markdown < 2; )
    {
      gsize length;
      const char *next = next_line (p, &length);
      g_autofree char *raw = g_strndup (p, length);
      g_autofree char *line = nb_text_strip (raw);

      n_markdown += is_markdown_line (line);
      p = next;
    }
  return n_markdown >= 2;
}

/* An angle bracket closed by a round one within a few characters on its
 * line (“〈一)”, “《五）”): how OCR reads a round bracket, never typed. */
static gboolean
opens_misread_bracket (const char *p)
{
  gunichar open = g_utf8_get_char (p);

  if (open != 0x3008 && open != 0x300A)
    return FALSE;
  p = g_utf8_next_char (p);
  for (guint n = 0; *p != '\0' && *p != '\n' && n < 12; n++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ')' || c == 0xFF09)
        return TRUE;
      if (c == 0x3009 || c == 0x300B || c == 0x3008 || c == 0x300A || c == '(' || c == 0xFF08)
        return FALSE;
    }
  return FALSE;
}

static gboolean
is_chinese_numeral (gunichar c)
{
  return c != 0 && g_utf8_strchr ("一二三四五六七八九十", -1, c) != NULL;
}

/* A space that does not end the line: a label one character a line
 * (（ / 三 / ）, a narrow cell's) is not spaced. */
static gboolean
is_space_within_line (gunichar c)
{
  return c != '\n' && c != '\r' && nb_text_is_space (c);
}

/* An item number in round brackets of two widths or with spaces inside
 * (“（一)”, “( 三 )”, “(四 )”): how OCR reads “（一）”.  Typed text has
 * neither in any report held (tests/data/published); Tesseract's text of
 * 淮安 2024 has 5, and 11 once its angle brackets are made round. */
static gboolean
is_misread_item_number (const char *p)
{
  gunichar open = g_utf8_get_char (p), close;
  gboolean spaced = FALSE;
  guint n_numerals = 0;

  if (open != '(' && open != 0xFF08)
    return FALSE;
  for (p = g_utf8_next_char (p); is_space_within_line (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    spaced = TRUE;
  for (; is_chinese_numeral (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    n_numerals++;
  for (; is_space_within_line (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    spaced = TRUE;
  close = g_utf8_get_char (p);
  if (n_numerals == 0 || n_numerals > 2 || (close != ')' && close != 0xFF09))
    return FALSE;
  return spaced || (open == '(') != (close == ')');
}

static gboolean
is_cjk_or_digit (gunichar c)
{
  return g_ascii_isdigit (c) || (c >= 0x4E00 && c <= 0x9FFF);
}

/* A table's rule read as `|` inside a line of words or numbers (“本年制发件数
 * |本年废止件数”, “0 | 22”): how OCR reads a table's rules; a markdown row
 * starts and ends with its bars. */
static gboolean
has_misread_rule (const char *line,
                  gsize       length)
{
  g_autofree char *raw = g_strndup (line, length);
  g_autofree char *stripped = nb_text_strip (raw);
  gsize n = strlen (stripped);
  gunichar before = 0;

  if (n == 0 || stripped[0] == '|' || stripped[n - 1] == '|')
    return FALSE;
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '|' && is_cjk_or_digit (before))
        {
          const char *q = nb_text_skip_spaces (p + 1);

          if (*q != '\0' && is_cjk_or_digit (g_utf8_get_char (q)))
            return TRUE;
        }
      if (!nb_text_is_space (c))
        before = c;
    }
  return FALSE;
}

/**
 * nb_import_looks_like_ocr:
 * Returns: whether @text is an OCR tool's reading of a page: two angle
 *   brackets or more closed by round ones (opens_misread_bracket()),
 *   three lines or more with a table's rule read as `|`
 *   (has_misread_rule()), or three item numbers in brackets of two widths
 *   or spaced (is_misread_item_number()).  None is in the text of any PDF,
 *   page or converter held (tests/data/published and their forms);
 *   Tesseract's texts of 9 prints, at 200 and 300 dpi, have 4 to 26 such
 *   lines, and 淮安 2024's 7 such brackets.
 */
gboolean
nb_import_looks_like_ocr (const char *text)
{
  guint n_brackets = 0, n_rules = 0, n_items = 0;

  for (const char *p = text; *p != '\0' && n_brackets < 2 && n_rules < 3 && n_items < 3; )
    {
      gsize length;
      const char *next = next_line (p, &length);

      n_rules += has_misread_rule (p, length);
      for (const char *q = p; q < p + length; q++)
        {
          n_brackets += (guchar) *q == 0xE3 && opens_misread_bracket (q);
          n_items += (*q == '(' || (guchar) *q == 0xEF) && is_misread_item_number (q);
        }
      p = next;
    }
  return n_brackets >= 2 || n_rules >= 3 || n_items >= 3;
}

/* A line of a boxed table that rules off the rows of some columns while
 * a cell spanning several rows goes on in others: `│（六）其├──┼──┤`. */
static gboolean
is_partial_rule (const char *line)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_box_drawing (c) && !is_bar (c))
        return TRUE;
    }
  return FALSE;
}

/* A line of a boxed table or of pandoc's simple and multiline tables,
 * kept until the table ends, when the columns its converter added in
 * place of the page's spans are dropped (drop_lost_columns()). */
typedef struct {
  char      *text;
  GPtrArray *cells;
  gboolean   is_row;      /* FALSE: a partial rule's text (add_rule_text()) */
  guint      source_line;
} TableLine;

static void
table_line_free (gpointer data)
{
  TableLine *line = data;

  g_free (line->text);
  g_ptr_array_unref (line->cells);
  g_free (line);
}

static void
table_add (GPtrArray  *table,
           const char *text,
           GPtrArray  *cells,
           gboolean    is_row,
           guint       source_line)
{
  TableLine *line = g_new (TableLine, 1);

  line->text = g_strdup (text);
  line->cells = g_ptr_array_ref (cells);
  line->is_row = is_row;
  line->source_line = source_line;
  g_ptr_array_add (table, line);
}

/* Adds the text of a partial rule, the piece of a spanning cell's label
 * (`（六）其`), to @table as a line of its own: never part of a row's
 * numbers. */
static void
add_rule_text (GPtrArray  *table,
               const char *line,
               guint       source_line)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_box_drawing (c) && !is_bar (c) && !nb_text_is_space (c))
        g_string_append_unichar (text, c);
    }
  if (text->len > 0)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, g_strdup (text->str));
      table_add (table, text->str, cells, FALSE, source_line);
    }
}

/* The lines of one row of a boxed table, each split at its bars. */
typedef struct {
  GPtrArray *lines;        /* of GPtrArray of cells */
  GPtrArray *texts;        /* each line's text */
  GArray    *source_lines; /* each line's line in the source, guint */
} Band;

/* Whether the lines of @band are one row whose labels wrapped: as many
 * cells in each line, and no column with text on two lines that both
 * hold a number (two rows the table drew no rule between). */
static gboolean
band_is_one_row (const Band *band)
{
  GPtrArray *first = g_ptr_array_index (band->lines, 0);

  for (guint l = 1; l < band->lines->len; l++)
    if (((GPtrArray *) g_ptr_array_index (band->lines, l))->len != first->len)
      return FALSE;
  for (guint c = 0; c < first->len; c++)
    {
      guint n_numbers = 0;

      for (guint l = 0; l < band->lines->len; l++)
        n_numbers += is_number_token (((GPtrArray *) g_ptr_array_index (band->lines, l))->pdata[c]);
      if (n_numbers > 1)
        return FALSE;
    }
  return TRUE;
}

/* Adds the row of @band to @table: its lines joined column by column, a
 * label wrapped over three lines read whole; lines that are not one row
 * are added one by one. */
static void
band_flush (Band      *band,
            GPtrArray *table)
{
  if (band->lines->len > 1 && band_is_one_row (band))
    {
      GPtrArray *first = g_ptr_array_index (band->lines, 0);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) text = g_string_new (band->texts->pdata[0]);

      for (guint l = 1; l < band->texts->len; l++)
        g_string_append_printf (text, " %s", (const char *) band->texts->pdata[l]);
      for (guint c = 0; c < first->len; c++)
        {
          GString *cell = g_string_new (NULL);

          for (guint l = 0; l < band->lines->len; l++)
            g_string_append (cell, ((GPtrArray *) g_ptr_array_index (band->lines, l))->pdata[c]);
          g_ptr_array_add (cells, g_string_free (cell, FALSE));
        }
      table_add (table, text->str, cells, TRUE, g_array_index (band->source_lines, guint, 0));
    }
  else
    for (guint l = 0; l < band->lines->len; l++)
      table_add (table, band->texts->pdata[l], g_ptr_array_index (band->lines, l), TRUE,
                 g_array_index (band->source_lines, guint, l));
  g_ptr_array_set_size (band->lines, 0);
  g_ptr_array_set_size (band->texts, 0);
  g_array_set_size (band->source_lines, 0);
}

static void
band_add (Band       *band,
          const char *text,
          GPtrArray  *cells,
          guint       source_line)
{
  g_ptr_array_add (band->lines, g_ptr_array_ref (cells));
  g_ptr_array_add (band->texts, g_strdup (text));
  g_array_append_val (band->source_lines, source_line);
}

static void
band_init (Band *band)
{
  band->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  band->texts = g_ptr_array_new_with_free_func (g_free);
  band->source_lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
band_clear (Band *band)
{
  g_ptr_array_unref (band->lines);
  g_ptr_array_unref (band->texts);
  g_array_unref (band->source_lines);
}

/* ---- Columns a converter added for the page's spans ------------------------ */

/* Whether @line is the caption of a table of either edition's form
 * (第二十条第（一）项): short, so that the lines of a long text are not
 * each normalised. */
static gboolean
is_form_caption (const char *line)
{
  g_autofree char *norm = NULL;

  if (strlen (line) > 64)
    return FALSE;
  norm = nb_import_normalize (line);
  for (NbEdition e = 0; e < NB_N_EDITIONS; e++)
    {
      const NbEditionDef *edition = nb_edition_get (e);

      for (guint t = 0; t < edition->n_tables; t++)
        {
          g_autofree char *caption = NULL;

          if (edition->tables[t].caption == NULL)
            continue;
          caption = nb_import_normalize (edition->tables[t].caption);
          if (strcmp (norm, caption) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether @cells are a row of a table's header: words in two cells or
 * more, no number or marker. */
static gboolean
is_header_row (const GPtrArray *cells)
{
  guint n_words = 0;

  for (guint c = 0; c < cells->len; c++)
    {
      NbImportValue value;
      NbImportValueKind kind = nb_import_parse_value (cells->pdata[c], &value);

      nb_import_value_clear (&value);
      if (kind == NB_IMPORT_VALUE_NUMBER || kind == NB_IMPORT_VALUE_MARKER)
        return FALSE;
      n_words += kind == NB_IMPORT_VALUE_NONE;
    }
  return n_words >= 2;
}

/* Whether @line heads a block of its table: a row whose first cell is
 * the caption of a table of the form (第二十条第（一）项, one grid table
 * for all the tables of 二). */
static gboolean
heads_block (const TableLine *line)
{
  return line->is_row && line->cells->len > 0 && is_form_caption (line->cells->pdata[0]);
}

/* pandoc's grid table keeps none of the page's spans: a cell spanning two
 * columns is followed by an empty one, and a block of the table (lines
 * @from to @to of @table) may have more columns than the form (as may
 * its simple and multiline tables, blank under their dashes).  A column
 * empty in every row of the block, its header included, is no column of
 * it: dropped, each number then stands under its header's label.  Only
 * where every other column has a label in the header: where the header's
 * empty column is not the rows' (本年增/减 over two columns, a number
 * under its second), the spans lost leave it open which number is whose,
 * and the rows stay as they are (reported by the table stage).  A block
 * without a header, or with lines of other widths, is left as it is. */
static void
drop_block_columns (GPtrArray *table,
                    guint      from,
                    guint      to)
{
  guint width = ((TableLine *) table->pdata[from])->cells->len;
  g_autofree gboolean *filled = g_new0 (gboolean, width);
  const GPtrArray *header = NULL;

  for (guint i = from; i < to; i++)
    {
      const TableLine *line = table->pdata[i];

      if (!line->is_row || line->cells->len != width)
        return;
      if (header == NULL && is_header_row (line->cells))
        header = line->cells;
      for (guint c = 0; c < width; c++)
        filled[c] |= *(const char *) line->cells->pdata[c] != '\0';
    }
  if (header == NULL)
    return;
  for (guint c = 0; c < width; c++)
    if (filled[c] && *(const char *) header->pdata[c] == '\0')
      return;
  for (guint i = from; i < to; i++)
    for (guint c = width; c-- > 0; )
      if (!filled[c])
        g_ptr_array_remove_index (((TableLine *) table->pdata[i])->cells, c);
}

/* Drops the columns a converter added to each block of the table
 * @table holds (drop_block_columns()); its blocks start at the rows that
 * head them (heads_block()), or the table is one block. */
static void
drop_lost_columns (GPtrArray *table)
{
  for (guint from = 0, to; from < table->len; from = to)
    {
      for (to = from + 1; to < table->len && !heads_block (table->pdata[to]); to++)
        ;
      drop_block_columns (table, from, to);
    }
}

/* Adds the lines of the table @table holds to @doc, its lost columns
 * dropped, and empties @table. */
static void
add_table_lines (GPtrArray   *table,
                 NbImportDoc *doc)
{
  drop_lost_columns (table);
  for (guint i = 0; i < table->len; i++)
    {
      const TableLine *line = table->pdata[i];

      nb_import_doc_add_line (doc, line->text, 0, line->is_row, (char **) line->cells->pdata, line->cells->len);
      nb_import_doc_set_source (doc, 0, line->source_line);
    }
  g_ptr_array_set_size (table, 0);
}

/* ---- pandoc's simple and multiline tables -------------------------------- */

/* The columns @c takes in a line: two for a wide character (CJK), as
 * pandoc counts them when it lines up a table's columns. */
static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

/* How many runs of dashes @line has, if it is only such runs apart by
 * spaces (each of two dashes at least, so that no list item is one);
 * the column where each starts goes to @starts, when given.  0: another
 * line. */
static guint
dash_runs (const char *line,
           GArray     *starts)
{
  guint column = 0, n_runs = 0, run = 0;

  for (const char *p = line;; p++, column++)
    {
      if (*p == '-')
        {
          if (run++ == 0 && starts != NULL)
            g_array_append_val (starts, column);
          n_runs += run == 1;
          continue;
        }
      if (run == 1 || (*p != ' ' && *p != '\0'))
        return 0;
      run = 0;
      if (*p == '\0')
        return n_runs;
    }
}

static void
add_cut_cell (GPtrArray *cells,
              GString   *cell)
{
  take_markup_out (cell);
  g_ptr_array_add (cells, nb_text_strip (cell->str));
  g_string_truncate (cell, 0);
}

/* @line cut into cells as pandoc's reader cuts a line of a simple table:
 * a column runs from where its dashes start (@starts) to where the next
 * column's start, the last to the line's end, and text before the first
 * is no cell's.  Every line gets a cell for every column, empty ones
 * too, and each cell's markup (pandoc's spans) is taken out. */
static GPtrArray *
cut_columns (const char *line,
             GArray     *starts)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  guint column = 0, k = 0;   /* k: columns started */

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      for (; k < starts->len && column >= g_array_index (starts, guint, k); k++)
        if (k > 0)
          add_cut_cell (cells, cell);
      if (k > 0)
        g_string_append_unichar (cell, c);
      column += char_width (c);
    }
  for (; k > 0 && k <= starts->len; k++)
    add_cut_cell (cells, cell);
  while (cells->len < starts->len)
    g_ptr_array_add (cells, g_strdup (""));
  return cells;
}

typedef enum {
  DASHED_NONE,
  DASHED_SIMPLE,      /* a header line over the dashes; ends at an empty line */
  DASHED_HEADERLESS,  /* the dashes over its rows and under them */
  DASHED_MULTILINE,   /* a rule over its header, the dashes under it, a rule at its end */
} DashedKind;

/* Which of pandoc's tables, if any, starts at @line, @next the line
 * after it (NULL at the text's end). */
static DashedKind
dashed_kind (const char *line,
             const char *next)
{
  guint runs = dash_runs (line, NULL);

  if (runs >= 2)
    return DASHED_HEADERLESS;
  if (next == NULL || nb_text_is_blank (next))
    return DASHED_NONE;
  if (runs == 1)
    return dash_runs (next, NULL) == 0 ? DASHED_MULTILINE : DASHED_NONE;
  return !nb_text_is_blank (line) && dash_runs (next, NULL) >= 2 ? DASHED_SIMPLE : DASHED_NONE;
}

/* The line at @p as a string, NULL at the text's end; where the one
 * after it starts goes to @after. */
static char *
take_line (const char  *p,
           const char **after)
{
  gsize length;

  if (*p == '\0')
    return NULL;
  *after = next_line (p, &length);
  return g_strndup (p, length);
}

/* Whether every character of @line stands under the dashes of @dashes,
 * as in every line of a table pandoc writes (its columns as wide as their
 * widest cell): a line of text that runs over the gaps between the
 * columns is none of the table's. */
static gboolean
under_dashes (const char *line,
              const char *dashes)
{
  gsize n = strlen (dashes);
  guint column = 0;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint width = char_width (c);

      for (guint k = column; k < column + width && !nb_text_is_space (c); k++)
        if (k >= n || dashes[k] != '-')
          return FALSE;
      column += width;
    }
  return TRUE;
}

/* @lines, when the lines of its header (those before @sep, the dashed
 * line of its columns) stand under its dashes too; else NULL. */
static GPtrArray *
header_fits (GPtrArray *lines,
             guint      sep)
{
  for (guint i = 0; i < sep; i++)
    if (dash_runs (lines->pdata[i], NULL) == 0 && !under_dashes (lines->pdata[i], lines->pdata[sep]))
      {
        g_ptr_array_unref (lines);
        return NULL;
      }
  return lines;
}

/* The lines of a table of pandoc's from its first line at @start, up to
 * its end (its closing dashes included); @sep gets the index of the
 * dashed line that gives the columns, @multiline whether its rows are
 * apart by empty lines.  NULL when the lines are no such table: a table
 * whose rows must end with dashes (all but a simple one with a header)
 * and do not, or a line that is not under the dashes.  A simple table
 * with a header ends at an empty line or at a line that is not under
 * its dashes; a line of spaces is a row of empty cells, as pandoc
 * writes one. */
static GPtrArray *
dashed_lines (const char  *start,
              DashedKind   kind,
              guint       *sep,
              gboolean    *multiline,
              const char **end)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = start;
  char *line;

  *multiline = kind == DASHED_MULTILINE;
  *sep = kind == DASHED_HEADERLESS ? 0 : G_MAXUINT;
  for (; (line = take_line (p, &p)) != NULL; *end = p)
    {
      guint runs = dash_runs (line, NULL);
      gboolean empty = *line == '\0';
      gboolean in_body = *sep != G_MAXUINT && lines->len > *sep;

      if (!in_body && lines->len > 0 && runs >= 2)
        *sep = lines->len;
      else if (!in_body && lines->len > 0 && (empty || runs == 1))
        break;   /* a multiline table's header without its dashes */
      else if (in_body && (runs > 0 || (empty && kind == DASHED_SIMPLE) ||
                           (!empty && !under_dashes (line, lines->pdata[*sep]))))
        {
          gboolean closed = runs > 0;

          if (closed)
            {
              g_ptr_array_add (lines, line);
              *end = p;
            }
          else
            g_free (line);
          return closed || kind == DASHED_SIMPLE ? header_fits (g_steal_pointer (&lines), *sep) : NULL;
        }
      *multiline |= empty;
      g_ptr_array_add (lines, line);
    }
  g_free (line);
  if (kind != DASHED_SIMPLE || *sep == G_MAXUINT)
    return NULL;
  return header_fits (g_steal_pointer (&lines), *sep);
}

/* Reads a table of pandoc's markdown or plain text whose first line is
 * at @start, line @source_line (pandoc's rules for simple and multiline
 * tables): its cells cut at the columns of its dashed line, a multiline
 * row's lines joined column by column as a boxed table's.
 * Returns: where the text goes on, @source_line then its last line;
 *   NULL when no such table starts there */
static const char *
read_dashed_table (NbImportDoc *doc,
                   const char  *start,
                   DashedKind   kind,
                   guint       *source_line)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) lines = NULL;
  const char *end = start;
  guint sep, first_line = *source_line;
  gboolean multiline;
  g_autoptr(GPtrArray) table = NULL;
  Band band;

  lines = dashed_lines (start, kind, &sep, &multiline, &end);
  if (lines == NULL)
    return NULL;
  dash_runs (lines->pdata[sep], starts);
  table = g_ptr_array_new_with_free_func (table_line_free);
  band_init (&band);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];
      g_autoptr(GPtrArray) cells = NULL;
      g_autoptr(GString) text = NULL;
      g_autofree char *stripped = NULL;

      if (*line == '\0' || dash_runs (line, NULL) > 0)
        {
          band_flush (&band, table);
          continue;
        }
      cells = cut_columns (line, starts);
      text = g_string_new (line);
      take_markup_out (text);
      stripped = nb_text_strip (text->str);
      band_add (&band, stripped, cells, first_line + i);
      if (!multiline)
        band_flush (&band, table);
    }
  band_flush (&band, table);
  band_clear (&band);
  add_table_lines (table, doc);
  *source_line = first_line + lines->len - 1;
  return end;
}

/* ---- Captions after their tables ------------------------------------------ */

/* What a line of the doc is to the captions pandoc writes after their
 * tables (`: caption` in its markdown, a paragraph in gfm), where the
 * later stages look for a caption before its table. */
typedef enum {
  MARK_TEXT,
  MARK_TABLE_START,     /* a table's first row */
  MARK_TABLE,
  MARK_CAPTION,         /* a paragraph that is a caption of the form */
  MARK_CAPTION_SYNTAX,  /* pandoc's `: caption` or `Table: caption` */
} LineMark;

typedef struct {
  GByteArray *marks;     /* a LineMark for each line of the doc */
  gboolean    in_table;  /* the last line read was a table's */
  gboolean    new_table; /* a table began: its first row starts it */
} Layout;

/* Marks the lines added to @doc since the last call as @mark; the first
 * row of a table begun since as its start. */
static void
layout_mark (Layout            *layout,
             const NbImportDoc *doc,
             LineMark           mark)
{
  gboolean table = mark == MARK_TABLE;

  if (!table)
    layout->new_table = FALSE;
  else if (!layout->in_table)
    layout->new_table = TRUE;
  layout->in_table = table;
  while (layout->marks->len < doc->lines->len)
    {
      guint8 m = layout->new_table ? MARK_TABLE_START : mark;

      layout->new_table = FALSE;
      g_byte_array_append (layout->marks, &m, 1);
    }
}

/* Ends the boxed table whose lines @table holds: adds them to @doc,
 * lines of a table. */
static void
end_table (GPtrArray   *table,
           NbImportDoc *doc,
           Layout      *layout)
{
  if (table->len == 0)
    return;
  add_table_lines (table, doc);
  layout_mark (layout, doc, MARK_TABLE);
}

/* The caption @line (stripped) holds, if it may be one: pandoc's `: …`
 * or `Table: …` (@mark MARK_CAPTION_SYNTAX), or a caption of the form
 * (MARK_CAPTION).  NULL: no caption. */
static char *
caption_in (const char *line,
            LineMark   *mark)
{
  static const char *const prefixes[] = { "Table: ", "table: ", ": " };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (line, prefixes[i]))
      {
        *mark = MARK_CAPTION_SYNTAX;
        return nb_text_strip (line + strlen (prefixes[i]));
      }
  if (!is_form_caption (line))
    return NULL;
  *mark = MARK_CAPTION;
  return g_strdup (line);
}

static gboolean
is_caption_mark (guint8 mark)
{
  return mark == MARK_CAPTION || mark == MARK_CAPTION_SYNTAX;
}

/* Moves line @from of @doc, a caption, to @to, before the table it is
 * the caption of; @marks moves with it. */
static void
move_caption (NbImportDoc *doc,
              GByteArray  *marks,
              guint        from,
              guint        to)
{
  guint8 mark = marks->data[from];

  nb_import_doc_move_line (doc, from, to);
  memmove (marks->data + to + 1, marks->data + to, from - to);
  marks->data[to] = mark;
}

/* pandoc writes a table's caption after it.  A caption right after a
 * table is moved before it, where the table stage looks for it, when it
 * is that table's without doubt: in a run of tables and captions, each
 * right after the other, that starts with a table (a run that starts with
 * a caption has its captions before its tables), a `: caption` after a
 * table (pandoc's own rule), and a paragraph that is a caption of the
 * form when the run also ends with a caption, so that every table of it
 * has the caption after it and none is left over. */
static void
move_captions_before_tables (NbImportDoc *doc,
                             GByteArray  *marks)
{
  for (guint i = 0, end; i < marks->len; i = end)
    {
      gboolean ends_with_caption;
      guint table = i;

      for (end = i; end < marks->len && marks->data[end] != MARK_TEXT; end++)
        ;
      if (end == i)
        {
          end++;
          continue;
        }
      if (marks->data[i] != MARK_TABLE_START)
        continue;
      ends_with_caption = is_caption_mark (marks->data[end - 1]);
      for (guint k = i + 1; k < end; k++)
        {
          guint8 mark = marks->data[k], before = marks->data[k - 1];

          if (mark == MARK_TABLE_START)
            table = k;
          else if (is_caption_mark (mark) && !is_caption_mark (before) &&
                   (mark == MARK_CAPTION_SYNTAX || ends_with_caption))
            move_caption (doc, marks, k, table);
        }
    }
}

/* Adds a line that is neither a table's rule nor in a boxed table: a
 * `|` row (a table's line), a caption, or a line of text, its columns
 * apart by runs of spaces.  Returns: whether it is a line of columns
 *   (`pdftotext -layout`'s) */
static gboolean
add_line (NbImportDoc *doc,
          Layout      *layout,
          const char  *line,
          const char  *stripped,
          guint        source_line)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autofree char *caption = NULL;
  LineMark mark = MARK_TEXT;
  gboolean is_row, columns = FALSE;

  if (has_bar (stripped))
    {
      cells = split_pipes (stripped);
      is_row = TRUE;
      mark = MARK_TABLE;
    }
  else if ((caption = caption_in (stripped, &mark)) != NULL)
    {
      cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (cells, g_strdup (caption));
      is_row = FALSE;
    }
  else
    {
      cells = split_columns (stripped);
      split_trailing_numbers (cells);
      columns = cells->len >= 2;
      split_glued_digits (cells);
      is_row = cells->len >= 2;
    }
  if (cells->len > 0)
    {
      nb_import_doc_add_line (doc, caption != NULL ? caption : stripped, indent_of (line), is_row,
                              (char **) cells->pdata, cells->len);
      nb_import_doc_set_source (doc, 0, source_line);
    }
  layout_mark (layout, doc, mark);
  return columns;
}

/* ---- Lynx's cells, a paragraph each ------------------------------------------ */

/* Lynx writes a table whose cells are paragraphs (`<td><p>821</p></td>`)
 * one cell a line, each after one blank line; a cell holding only a
 * non-breaking space adds one blank line more.  So, in a text whose
 * paragraphs are apart by one blank line, k blank lines more before a
 * cell or a row's label are k empty cells, and the rows keep their
 * width.  Not every empty cell leaves one blank line (a space alone in
 * it none, two bare &nbsp; cells one, two empty paragraphs two), so the
 * tables place such a row only where its cells are as many as the form's
 * columns and its totals agree (nb_import_doc_set_blank_line()). */
typedef struct {
  gboolean on;        /* the text's paragraphs are apart by one blank line */
  gboolean in_cells;  /* since a cell of its own line, before any prose */
  guint    n_blank;   /* blank lines since the last line read */
} Paragraphs;

static gboolean
is_blank_line (const char *line,
               gsize       length)
{
  for (const char *p = line; p < line + length; p = g_utf8_next_char (p))
    if (!nb_text_is_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Whether runs of more than one blank line are the exception in @text
 * (Lynx's empty cells), not its way of setting paragraphs apart. */
static gboolean
paragraphs_one_blank_apart (const char *text)
{
  guint n_blank = 0, n_single = 0, n_more = 0;

  for (const char *next = text; *next != '\0'; )
    {
      const char *start = next;
      gsize l;

      next = next_line (start, &l);
      if (is_blank_line (start, l))
        {
          n_blank++;
          continue;
        }
      n_single += n_blank == 1;
      n_more += n_blank > 1;
      n_blank = 0;
    }
  return n_more > 0 && n_single >= 2 * n_more;
}

/* Adds the empty cells that the blank lines before @line stand for, when
 * it or the line before is a cell of its own (prose, lines with no blank
 * line between them or a sentence's end, stops the cells). */
static void
add_empty_cells (Paragraphs  *paragraphs,
                 NbImportDoc *doc,
                 const char  *line,
                 guint        source_line)
{
  gboolean cell = is_number_token (line);
  static const char *empty[] = { "" };

  if (paragraphs->n_blank >= 2 && (paragraphs->in_cells || cell))
    for (guint k = 1; k < paragraphs->n_blank; k++)
      {
        nb_import_doc_add_line (doc, "", 0, FALSE, (char **) empty, 1);
        nb_import_doc_set_source (doc, 0, source_line - paragraphs->n_blank + k);
        nb_import_doc_set_blank_line (doc);
      }
  paragraphs->in_cells = cell || (paragraphs->in_cells && paragraphs->n_blank > 0 &&
                                  strstr (line, "。") == NULL);
  paragraphs->n_blank = 0;
}

void
nb_import_read_text (NbImportDoc *doc,
                     const char  *text,
                     gboolean    *pdf_text)
{
  guint n_page_numbers = 0, n_column_rows = 0, source_line = 0;
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GByteArray) marks = g_byte_array_new ();
  Layout layout = { marks, FALSE, FALSE };
  Band band;
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func (table_line_free);
  gboolean boxed = FALSE; /* within a table that rules off every row */
  /* markdown's blank lines are its own (blocks of HTML end at one) */
  Paragraphs paragraphs = { paragraphs_one_blank_apart (text) && !nb_import_looks_like_markdown (text), FALSE, 0 };

  band_init (&band);
  for (const char *next = text; *next != '\0' && !doc->full; )
    {
      const char *start = next;
      gsize l;
      g_autofree char *stripped = NULL;

      next = next_line (start, &l);
      g_string_truncate (buffer, 0);
      g_string_append_len (buffer, start, (gssize) l);
      source_line++;
      stripped = nb_text_strip (buffer->str);
      if (opens_html_block (stripped))
        {
          band_flush (&band, table);
          end_table (table, doc, &layout);
          boxed = FALSE;
          next = read_html_block (doc, start, &source_line);
          layout_mark (&layout, doc, MARK_TEXT);
          continue;
        }
      if (!boxed)
        {
          const char *after, *unused;
          g_autofree char *ahead = take_line (next, &unused);
          DashedKind kind = dashed_kind (buffer->str, ahead);

          after = kind != DASHED_NONE ? read_dashed_table (doc, start, kind, &source_line) : NULL;
          if (after != NULL)
            {
              layout.in_table = FALSE;   /* a table of its own */
              layout_mark (&layout, doc, MARK_TABLE);
              next = after;
              continue;
            }
        }
      take_markup_out (buffer);
      g_free (stripped);
      stripped = nb_text_strip (buffer->str);
      if (*stripped == '\0')
        {
          /* two boxed tables an empty line apart are not one for their
           * blocks' columns (drop_lost_columns()) */
          end_table (table, doc, &layout);
          layout.in_table &= boxed;   /* an empty line ends a table, but a boxed one */
          paragraphs.n_blank++;
          continue;
        }
      /* a boxed table's lines go into its band: no cells before them */
      if (boxed)
        paragraphs.n_blank = 0;
      else if (paragraphs.on)
        add_empty_cells (&paragraphs, doc, stripped, source_line);
      if (is_rule_line (stripped))
        {
          band_flush (&band, table);
          boxed = is_boxed_rule (stripped);
          if (!boxed)
            end_table (table, doc, &layout);
          layout_mark (&layout, doc, MARK_TABLE);
          continue;
        }
      if (boxed && is_partial_rule (stripped))
        {
          /* rules under some columns, a spanning cell's text in others */
          band_flush (&band, table);
          add_rule_text (table, stripped, source_line);
          continue;
        }
      if (boxed && has_bar (stripped))
        {
          g_autoptr(GPtrArray) row = split_pipes (stripped);
          band_add (&band, stripped, row, source_line);
          continue;
        }
      band_flush (&band, table);
      end_table (table, doc, &layout);
      boxed = FALSE;
      if (strlen (stripped) >= FLAT_MIN_BYTES && read_flattened (doc, stripped, source_line))
        {
          layout_mark (&layout, doc, MARK_TEXT);
          continue;
        }
      if (nb_import_is_page_number (stripped) || nb_import_is_page_footer (stripped))
        {
          n_page_numbers++;
          continue;
        }
      n_column_rows += add_line (doc, &layout, buffer->str, stripped, source_line);
    }
  band_flush (&band, table);
  end_table (table, doc, &layout);
  band_clear (&band);
  move_captions_before_tables (doc, marks);
  *pdf_text = n_page_numbers > 0 || n_column_rows >= 3;
}
