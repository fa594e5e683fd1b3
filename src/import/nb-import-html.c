/* nb-import-html.c — a small tolerant HTML reader for published reports
 *
 * One pass over the bytes, no recursion and no tree: table cells become
 * cells of row lines, everything else becomes text lines.  Nested tables
 * are read in document order, so a hostile page with thousands of levels
 * costs no stack and linear time.  Script, style and comments are skipped.
 * Row and column spans need no grid: every cell is emitted once, in the
 * order it is published, which is the order the importer relies on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <string.h>

#include "nb-import-doc.h"

/* The cell, row and text line being read. */
typedef struct {
  NbImportDoc *doc;
  GString     *cell;       /* the cell being read, or NULL */
  GPtrArray   *row;        /* the cells of the row being read, or NULL */
  GString     *text;       /* the text line being read */
  gboolean     continued;  /* the cell being read follows a paragraph of the same cell */
} HtmlReader;

static const struct {
  const char *name;
  gunichar    c;
} entities[] = {
  { "nbsp", 0x00A0 }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' },
  { "quot", '"' }, { "apos", '\'' }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
  { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "mdash", 0x2014 }, { "ndash", 0x2013 },
  { "hellip", 0x2026 }, { "middot", 0x00B7 }, { "emsp", 0x2003 }, { "ensp", 0x2002 },
  { "thinsp", 0x2009 }, { "times", 0x00D7 }, { "minus", 0x2212 }, { "yen", 0x00A5 },
  { "copy", 0x00A9 }, { "reg", 0x00AE }, { "laquo", 0x00AB }, { "raquo", 0x00BB },
};

/* Elements that end a line of text (or put a line break into a cell). */
static const char *const block_elements[] = {
  "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
  "dd", "section", "article", "header", "footer", "blockquote", "pre", "title",
  "caption", "center", "form", "hr", "nav", "aside", "main", "address", "figure",
  "figcaption", "body", "html", "head", "thead", "tbody", "tfoot",
};

/* Elements whose content is never text of the report. */
static const char *const skipped_elements[] = {
  "script", "style", "noscript", "template", "textarea", "select", "svg",
};

static gboolean
name_in (const char        *name,
         const char *const *list,
         gsize              n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
nb_import_looks_like_html (const char *data,
                           gsize       length)
{
  static const char *const markers[] = { "<table", "<html", "<body", "<!doctype", "<td", "<p>", "<div" };
  gsize n = MIN (length, (gsize) 65536);

  for (gsize i = 0; i < n; i++)
    {
      if (data[i] != '<')
        continue;
      for (gsize m = 0; m < G_N_ELEMENTS (markers); m++)
        {
          gsize l = strlen (markers[m]);
          if (i + l <= length && g_ascii_strncasecmp (data + i, markers[m], l) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
append_collapsed (GString    *out,
                  const char *text,
                  gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];
      if (c == '\n' || c == '\r' || c == '\t' || c == '\f')
        c = ' ';
      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' ' ||
                       out->str[out->len - 1] == '\n'))
        continue;
      g_string_append_c (out, c);
    }
}

/* Decodes one entity at @p (pointing at '&'); returns the bytes used, 0 if none. */
static gsize
decode_entity (const char *p,
               const char *end,
               GString    *out)
{
  const char *q = p + 1;
  char name[16];
  gsize n = 0;

  if (q < end && *q == '#')
    {
      gunichar c = 0;
      gboolean hex = FALSE, any = FALSE;

      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          hex = TRUE;
          q++;
        }
      for (; q < end && n < 8; q++, n++)
        {
          int d = hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q);
          if (d < 0)
            break;
          c = c * (hex ? 16 : 10) + (gunichar) d;
          any = TRUE;
        }
      if (!any)
        return 0;
      if (q < end && *q == ';')
        q++;
      if (c == 0 || !g_unichar_validate (c))
        c = 0xFFFD;
      g_string_append_unichar (out, c);
      return (gsize) (q - p);
    }

  while (q < end && n < sizeof name - 1 && g_ascii_isalnum (*q))
    name[n++] = *q++;
  name[n] = '\0';
  if (n == 0)
    return 0;
  for (gsize i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strcmp (name, entities[i].name) == 0)
      {
        if (q < end && *q == ';')
          q++;
        g_string_append_unichar (out, entities[i].c);
        return (gsize) (q - p);
      }
  return 0;
}

static void
append_text (GString    *out,
             const char *p,
             const char *end)
{
  while (p < end)
    {
      const char *amp = memchr (p, '&', (gsize) (end - p));
      gsize used;

      if (amp == NULL)
        {
          append_collapsed (out, p, (gsize) (end - p));
          return;
        }
      append_collapsed (out, p, (gsize) (amp - p));
      used = decode_entity (amp, end, out);
      if (used == 0)
        {
          g_string_append_c (out, '&');
          used = 1;
        }
      p = amp + used;
    }
}

/* Only spaces, no-break and ideographic spaces. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

static void
end_text_line (HtmlReader *r)
{
  g_strstrip (r->text->str);
  r->text->len = strlen (r->text->str);
  if (r->text->len > 0)
    {
      char *cells[1] = { r->text->str };
      nb_import_doc_add_line (r->doc, r->text->str, 0, FALSE, cells, 1);
    }
  g_string_truncate (r->text, 0);
}

static void
end_cell (HtmlReader *r)
{
  char *text;

  if (r->cell == NULL)
    return;
  text = g_strstrip (g_string_free (r->cell, FALSE));
  r->cell = NULL;
  /* the empty rest of a cell split at a paragraph is no blank cell */
  if (r->continued && is_blank (text))
    {
      g_free (text);
      r->continued = FALSE;
      return;
    }
  r->continued = FALSE;
  if (r->row == NULL)
    r->row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (r->row, text);
}

static void
end_row (HtmlReader *r)
{
  g_autoptr(GString) text = NULL;
  GPtrArray *row;

  end_cell (r);
  if (r->row == NULL)
    return;
  row = r->row;
  r->row = NULL;
  if (row->len > 0)
    {
      text = g_string_new (NULL);
      for (guint i = 0; i < row->len; i++)
        {
          if (i > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, row->pdata[i]);
        }
      nb_import_doc_add_line (r->doc, text->str, 0, TRUE, (char **) row->pdata, row->len);
    }
  g_ptr_array_unref (row);
}

/* Skips to the end of a tag, honouring quoted attribute values. */
static const char *
skip_tag (const char *p,
          const char *end)
{
  char quote = 0;

  for (; p < end; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p + 1;
    }
  return end;
}

/* Finds `</name` case-insensitively; returns end when absent. */
static const char *
find_end_tag (const char *p,
              const char *end,
              const char *name)
{
  gsize l = strlen (name);

  for (; p < end; p++)
    {
      p = memchr (p, '<', (gsize) (end - p));
      if (p == NULL)
        return end;
      if (p + 2 + l <= end && p[1] == '/' && g_ascii_strncasecmp (p + 2, name, l) == 0)
        return p;
    }
  return end;
}

static void
handle_tag (HtmlReader *r,
            const char *name,
            gboolean    closing)
{
  if (g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
    {
      end_cell (r);
      if (!closing)
        {
          end_text_line (r);
          r->cell = g_string_new (NULL);
          r->continued = FALSE;
        }
    }
  else if (g_ascii_strcasecmp (name, "tr") == 0 || g_ascii_strcasecmp (name, "table") == 0)
    {
      end_row (r);
      end_text_line (r);
      if (!closing && g_ascii_strcasecmp (name, "tr") == 0)
        r->row = g_ptr_array_new_with_free_func (g_free);
    }
  else if (g_ascii_strcasecmp (name, "br") == 0 && r->cell != NULL)
    {
      /* a line break inside a cell: 本年新<br>制作数量 */
      g_string_append_c (r->cell, '\n');
    }
  else if (name_in (name, block_elements, G_N_ELEMENTS (block_elements)))
    {
      /* paragraphs inside a cell (layout tables, Word's <p> in every
       * cell) become cells of their own; an empty cell stays one blank */
      if (r->cell != NULL)
        {
          if (!is_blank (r->cell->str))
            {
              end_cell (r);
              r->cell = g_string_new (NULL);
              r->continued = TRUE;
            }
        }
      else
        end_text_line (r);
    }
}

void
nb_import_parse_html (NbImportDoc *doc,
                      const char  *html,
                      gsize        length)
{
  HtmlReader reader = { doc, NULL, NULL, g_string_new (NULL), FALSE };
  HtmlReader *r = &reader;
  const char *p = html, *end = html + length;

  while (p < end)
    {
      const char *lt = memchr (p, '<', (gsize) (end - p));
      const char *text_end = lt != NULL ? lt : end;

      if (text_end > p)
        {
          GString *out = r->cell;

          if (out == NULL && r->row != NULL)
            {
              /* text in a row but outside any cell: an implicit cell,
               * unless it is only layout whitespace */
              gboolean blank = TRUE;
              for (const char *q = p; q < text_end && blank; q++)
                blank = g_ascii_isspace (*q);
              if (!blank)
                out = r->cell = g_string_new (NULL);
            }
          append_text (out != NULL ? out : r->text, p, text_end);
        }
      if (lt == NULL)
        break;

      p = lt;
      if (p + 4 <= end && strncmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - (p + 4), "-->");
          p = close != NULL ? close + 3 : end;
        }
      else if (p + 1 < end && (p[1] == '!' || p[1] == '?'))
        p = skip_tag (p + 1, end);
      else if (p + 1 < end && (g_ascii_isalpha (p[1]) || (p[1] == '/' && p + 2 < end && g_ascii_isalpha (p[2]))))
        {
          gboolean closing = p[1] == '/';
          const char *q = p + (closing ? 2 : 1);
          char name[16];
          gsize n = 0;

          while (q < end && (g_ascii_isalnum (*q)) && n < sizeof name - 1)
            name[n++] = *q++;
          name[n] = '\0';
          p = skip_tag (q, end);

          if (!closing && name_in (name, skipped_elements, G_N_ELEMENTS (skipped_elements)))
            {
              p = find_end_tag (p, end, name);
              if (p < end)
                p = skip_tag (p, end);
              continue;
            }
          handle_tag (r, name, closing);
        }
      else
        {
          GString *out = r->cell != NULL ? r->cell : r->text;
          g_string_append_c (out, '<');
          p++;
        }
    }

  end_row (r);
  end_text_line (r);
  if (r->cell != NULL)
    g_string_free (r->cell, TRUE);
  if (r->row != NULL)
    g_ptr_array_unref (r->row);
  g_string_free (r->text, TRUE);
}
