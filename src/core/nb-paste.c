/* nb-paste.c — reading numbers pasted from WPS, Excel or a web page
 *
 * Spreadsheets put a tab between cells and a newline after each row;
 * text copied from a web page or a PDF often has runs of spaces
 * instead.  Cells may carry the unit they count in (件, 万元) and
 * thousands separators; a row may start with its label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-paste"

#include "config.h"

#include <string.h>

#include "nb-paste.h"
#include "nb-text.h"
#include "nb-value.h"

/* Units written after numbers in published tables, longest first. */
static const char *const units[] = { "万元", "件", "个", "项", "次", "人" };

static gboolean
is_unit (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_equal (text, units[i]))
      return TRUE;
  return FALSE;
}

/**
 * nb_paste_clean_cell:
 * Returns: (transfer full): the cell without surrounding spaces and
 *   without a trailing unit (件, 万元 …); thousands separators are left
 *   for nb_value_parse(), which checks their grouping
 */
char *
nb_paste_clean_cell (const char *cell)
{
  char *text = nb_text_strip (cell);
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        if (g_str_has_suffix (text, units[i]) && strlen (text) > strlen (units[i]))
          {
            char *shorter;

            text[strlen (text) - strlen (units[i])] = '\0';
            shorter = nb_text_strip (text);
            g_free (text);
            text = shorter;
            again = TRUE;
            break;
          }
    }
  return text;
}

/* Whether a character may be part of a number as typed. */
static gboolean
is_number_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19) ||
         c == '+' || c == '-' || c == '.' || c == ',' ||
         c == 0xFF0B || c == 0xFF0D || c == 0x2212 || c == 0xFF0E || c == 0xFF0C;
}

/* A row label copied along with the numbers (（一）予以公开,
 * 1.属于国家秘密): text with a character no number has, and no marker. */
static gboolean
is_label (const char *cell)
{
  if (*cell == '\0' || nb_value_is_marker (cell))
    return FALSE;
  for (const char *p = cell; *p; p = g_utf8_next_char (p))
    if (!is_number_char (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static GStrv
split_row (const char *line)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (strchr (line, '\t') != NULL)
    {
      g_auto(GStrv) cells = g_strsplit (line, "\t", -1);
      for (guint i = 0; cells[i] != NULL; i++)
        {
          g_autofree char *cell = nb_paste_clean_cell (cells[i]);
          g_strv_builder_add (builder, cell);
        }
    }
  else
    {
      /* Runs of spaces (ASCII, no-break or ideographic) separate cells. */
      const char *p = line;

      while (*p)
        {
          const char *start;

          p = nb_text_skip_spaces (p);
          if (!*p)
            break;
          start = p;
          while (*p && !nb_text_is_space (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          {
            g_autofree char *cell = g_strndup (start, p - start);
            g_autofree char *clean = nb_paste_clean_cell (cell);

            /* "6 件": the unit, split off by the space, belongs to the number. */
            if (!is_unit (clean))
              g_strv_builder_add (builder, clean);
          }
        }
    }
  return g_strv_builder_end (builder);
}

/**
 * nb_paste_parse:
 * @text: pasted text
 *
 * Splits pasted text into rows of cells.  Rows are separated by
 * newlines (LF, CR LF or CR), cells by tabs, or by runs of spaces when a
 * line has no tab.  Labels at the start of a row (with the blank cells
 * of merged label columns among them) are dropped, as are rows that hold
 * only labels and blanks (a copied header, a blank line).  Cells
 * are cleaned with nb_paste_clean_cell(); an empty cell in a tabbed row
 * stays as "" and empties its target.
 *
 * Returns: (transfer full) (element-type GStrv): the rows
 */
GPtrArray *
nb_paste_parse (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *normal = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, rows);

  if (!g_utf8_validate (text, -1, NULL))
    return rows;

  /* CR LF and lone CR become LF. */
  {
    GString *s = g_string_new (NULL);
    for (const char *p = text; *p; p++)
      {
        if (*p == '\r')
          {
            g_string_append_c (s, '\n');
            if (p[1] == '\n')
              p++;
          }
        else
          g_string_append_c (s, *p);
      }
    normal = g_string_free (s, FALSE);
  }

  lines = g_strsplit (normal, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = split_row (lines[i]);
      guint first = 0, n = g_strv_length (cells);
      gboolean any_value = FALSE;

      /* A header line or a blank line: nothing but labels and blanks. */
      for (guint j = 0; j < n; j++)
        if (*cells[j] != '\0' && !is_label (cells[j]))
          any_value = TRUE;
      if (!any_value)
        continue;

      /* Drop the row's labels, and the blank cells of merged label
       * columns before them. */
      for (guint j = 0; j < n && (*cells[j] == '\0' || is_label (cells[j])); j++)
        if (is_label (cells[j]))
          first = j + 1;

      {
        GStrv row = g_new0 (char *, n - first + 1);
        for (guint j = first; j < n; j++)
          row[j - first] = g_strdup (cells[j]);
        g_ptr_array_add (rows, row);
      }
    }
  return rows;
}
