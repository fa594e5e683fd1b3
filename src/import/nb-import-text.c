/* nb-import-text.c — reading text into positioned text
 *
 * Text flattened from a page (cells on lines between `|` lines, inline
 * `a | b |` rows, markdown rows, cells on their own lines) and
 * `pdftotext -layout` text, whose columns are apart by runs of spaces.
 * Lines end with LF, CR LF or a lone CR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <string.h>

#include "nb-import-doc.h"
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

/* A line of only `|`, `-`, `:` and spaces (markdown rule, flattened row end). */
static gboolean
is_rule_line (const char *line)
{
  gboolean pipe = FALSE;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '|' || c == 0xFF5C)
        pipe = TRUE;
      else if (c != '-' && c != ':' && !nb_text_is_space (c))
        return FALSE;
    }
  return pipe;
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

/* Splits at `|` (or `｜`); an outer empty piece before the first or after
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

      if (c == 0 || c == '|' || c == 0xFF5C)
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

/* A number as `pdftotext -raw` leaves it at the end of a row: digits with
 * separators and an optional sign, or a marker. */
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
        return FALSE;
    }
  return digit;
}

/* `pdftotext -raw` and crawlers keep a row on one line with single
 * spaces: 规章 1 0 11, or only the numbers.  The numbers at the end of the
 * last cell (at least one of them a number, not a marker) become cells of
 * their own.  Read from the end, so a long line costs only its numbers
 * (g_strsplit() of a 1.6 MB line took 110 s under AddressSanitizer, whose
 * strstr() measures the whole rest of the line at every space). */
static void
split_trailing_numbers (GPtrArray *cells)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  const char *cell, *start, *end;
  gboolean any_digit = FALSE;

  if (cells->len == 0)
    return;
  cell = cells->pdata[cells->len - 1];
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
    return;
  {
    g_autofree char *label = start > cell ? g_strndup (cell, start - 1 - cell) : NULL;

    g_ptr_array_remove_index (cells, cells->len - 1);
    if (label != NULL)
      g_ptr_array_add (cells, g_steal_pointer (&label));
    for (guint i = numbers->len; i > 0; i--)
      g_ptr_array_add (cells, g_steal_pointer (&numbers->pdata[i - 1]));
  }
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

void
nb_import_read_text (NbImportDoc *doc,
                     const char  *text,
                     gboolean    *pdf_text)
{
  guint n_page_numbers = 0, n_column_rows = 0, source_line = 0;
  g_autoptr(GString) buffer = g_string_new (NULL);

  for (const char *next = text; *next != '\0' && !doc->full; )
    {
      gsize l = strcspn (next, "\r\n");
      const char *line;
      g_autoptr(GPtrArray) cells = NULL;
      g_autofree char *stripped = NULL;
      gboolean is_row = FALSE;

      g_string_truncate (buffer, 0);
      g_string_append_len (buffer, next, (gssize) l);
      source_line++;
      /* LF, CR LF, or a lone CR (old Mac text) */
      next += l;
      if (*next == '\r')
        next += next[1] == '\n' ? 2 : 1;
      else if (*next == '\n')
        next++;
      line = buffer->str;
      stripped = nb_text_strip (line);
      if (*stripped == '\0' || is_rule_line (stripped))
        continue;
      if (nb_import_is_page_number (stripped) || nb_import_is_page_footer (stripped))
        {
          n_page_numbers++;
          continue;
        }
      if (strchr (stripped, '|') != NULL || strstr (stripped, "｜") != NULL)
        {
          cells = split_pipes (stripped);
          is_row = TRUE;
        }
      else
        {
          cells = split_columns (stripped);
          split_trailing_numbers (cells);
          n_column_rows += cells->len >= 2;
          split_glued_digits (cells);
          is_row = cells->len >= 2;
        }
      if (cells->len == 0)
        continue;
      nb_import_doc_add_line (doc, stripped, indent_of (line), is_row,
                              (char **) cells->pdata, cells->len);
      nb_import_doc_set_source (doc, 0, source_line);
    }
  *pdf_text = n_page_numbers > 0 || n_column_rows >= 3;
}

