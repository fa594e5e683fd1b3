/* nb-import-html.c — reading a web page into positioned text
 *
 * The page is parsed by libxml2's HTML parser (recovering from broken
 * markup, never touching the network) and its tree walked without
 * recursion, so a hostile page with thousands of levels costs no stack:
 * table cells become cells of row lines, everything else becomes text
 * lines.  Script, style, comments and whatever the page hides
 * (display:none, visibility:hidden, Word's mso-hide:all, the hidden
 * attribute) are never read.  Row and column spans need no grid: every
 * cell is emitted once, in the order it is published, which is the order
 * the importer relies on.  The page comes here as UTF-8 (nb-import.c
 * converts GBK, GB18030 and UTF-16 pages first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "nb-import-doc.h"

/* The cell, row and text line being read. */
typedef struct {
  NbImportDoc *doc;
  GString     *cell;       /* the cell being read, or NULL */
  GPtrArray   *row;        /* the cells of the row being read, or NULL */
  GString     *text;       /* the text line being read */
  gboolean     continued;  /* the cell being read follows a paragraph of the same cell */
  guint        source_line; /* the line of the page where the line or row being read starts */
} HtmlReader;

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

static void
end_text_line (HtmlReader *r)
{
  g_autofree char *line = nb_text_strip (r->text->str);

  if (*line != '\0')
    {
      char *cells[1] = { line };
      nb_import_doc_add_line (r->doc, line, 0, FALSE, cells, 1);
      nb_import_doc_set_source (r->doc, 0, r->source_line);
      r->source_line = 0;
    }
  g_string_truncate (r->text, 0);
}

static void
end_cell (HtmlReader *r)
{
  char *text;

  if (r->cell == NULL)
    return;
  text = nb_text_strip (r->cell->str);
  g_string_free (g_steal_pointer (&r->cell), TRUE);
  /* the empty rest of a cell split at a paragraph is no blank cell */
  if (r->continued && nb_text_is_blank (text))
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
      nb_import_doc_set_source (r->doc, 0, r->source_line);
      r->source_line = 0;
    }
  g_ptr_array_unref (row);
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
          if (!nb_text_is_blank (r->cell->str))
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

/* Whether an element's style or attributes hide it from the reader. */
static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *style = NULL;
  xmlChar *value;

  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;
  value = xmlGetProp (node, (const xmlChar *) "style");
  if (value == NULL)
    return FALSE;
  /* "display: none", "DISPLAY:NONE", "visibility :hidden", "mso-hide:all" */
  style = g_ascii_strdown ((const char *) value, -1);
  xmlFree (value);
  {
    char *out = style;
    for (const char *p = style; *p; p++)
      if (!g_ascii_isspace (*p))
        *out++ = *p;
    *out = '\0';
  }
  return strstr (style, "display:none") != NULL || strstr (style, "visibility:hidden") != NULL ||
         strstr (style, "mso-hide:all") != NULL;
}

static void
add_text (HtmlReader *r,
          xmlNode    *node)
{
  const char *text = (const char *) node->content;
  GString *out = r->cell;

  if (text == NULL)
    return;
  if (out == NULL && r->row != NULL)
    {
      /* text in a row but outside any cell: an implicit cell, unless it
       * is only layout whitespace */
      gboolean blank = TRUE;
      for (const char *q = text; *q && blank; q++)
        blank = g_ascii_isspace (*q);
      if (!blank)
        out = r->cell = g_string_new (NULL);
    }
  append_collapsed (out != NULL ? out : r->text, text, strlen (text));
  if (r->source_line == 0)
    r->source_line = (guint) xmlGetLineNo (node);
}

void
nb_import_parse_html (NbImportDoc *doc,
                      const char  *html,
                      gsize        length)
{
  HtmlReader reader = { doc, NULL, NULL, g_string_new (NULL), FALSE, 0 };
  HtmlReader *r = &reader;
  htmlDocPtr tree;
  xmlNode *node;

  g_return_if_fail (length <= G_MAXINT);
  tree = htmlReadMemory (html, (int) length, NULL, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                         HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC |
                         HTML_PARSE_COMPACT | XML_PARSE_HUGE);
  node = tree != NULL ? tree->children : NULL;
  while (node != NULL && !doc->full)
    {
      gboolean enter = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        add_text (r, node);
      else if (node->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) node->name;

          if (name_in (name, skipped_elements, G_N_ELEMENTS (skipped_elements)) || is_hidden (node))
            ;
          else
            {
              handle_tag (r, name, FALSE);
              enter = node->children != NULL;
              if (!enter)
                handle_tag (r, name, TRUE);
            }
        }

      if (enter)
        {
          node = node->children;
          continue;
        }
      /* the next node in document order, closing the elements left */
      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE)
            {
              node = NULL;
              break;
            }
          handle_tag (r, (const char *) node->name, TRUE);
        }
      if (node != NULL)
        node = node->next;
    }

  end_row (r);
  end_text_line (r);
  if (r->cell != NULL)
    g_string_free (r->cell, TRUE);
  if (r->row != NULL)
    g_ptr_array_unref (r->row);
  g_string_free (r->text, TRUE);
  if (tree != NULL)
    xmlFreeDoc (tree);
}
