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
 * the importer relies on.  The element that holds the report's tables
 * (the lowest common ancestor of the tables with no table inside) is
 * marked as the report's body, so that the text sections end where the
 * page's own navigation and footer begin.  The page comes here as UTF-8
 * (nb-import.c converts GBK, GB18030 and UTF-16 pages first).
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
  guint        line_offset; /* of the HTML's first line in its source, less one */
  xmlNode     *body;       /* the element holding the report's tables, or NULL */
} HtmlReader;

/* More tables than a report has with no table inside: a page of layout
 * tables, whose body is not looked for. */
#define MAX_BODY_TABLES 32

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
    r->source_line = r->line_offset + (guint) xmlGetLineNo (node);
}

/* Whether the reader reads an element at all. */
static gboolean
is_read (xmlNode *node)
{
  return !name_in ((const char *) node->name, skipped_elements, G_N_ELEMENTS (skipped_elements)) &&
         !is_hidden (node);
}

static gboolean
is_table (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, "table") == 0;
}

/* The node after @node in document order: its first child when @enter,
 * else its next sibling or that of the nearest ancestor that has one,
 * calling @leave on each element left on the way; NULL at the end.  No
 * recursion, so a page with thousands of levels costs no stack. */
static xmlNode *
next_node (xmlNode  *node,
           gboolean  enter,
           void    (*leave) (xmlNode *element, gpointer data),
           gpointer  data)
{
  if (enter)
    return node->children;
  while (node->next == NULL)
    {
      node = node->parent;
      if (node == NULL || node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE)
        return NULL;
      leave (node, data);
    }
  return node->next;
}

/* The tables being scanned for the body, innermost last. */
typedef struct {
  GArray    *open;    /* TableOpen */
  GPtrArray *leaves;  /* the tables read with no table inside */
} TableScan;

typedef struct {
  xmlNode  *table;
  gboolean  has_table;
} TableOpen;

static void
scan_leave (xmlNode *element,
            gpointer data)
{
  TableScan *scan = data;
  TableOpen *top;

  if (!is_table (element))
    return;
  top = &g_array_index (scan->open, TableOpen, scan->open->len - 1);
  if (!top->has_table)
    g_ptr_array_add (scan->leaves, element);
  g_array_set_size (scan->open, scan->open->len - 1);
}

static xmlNode *
common_ancestor (xmlNode *a,
                 xmlNode *b)
{
  guint depth_a = 0, depth_b = 0;

  for (xmlNode *n = a; n != NULL; n = n->parent)
    depth_a++;
  for (xmlNode *n = b; n != NULL; n = n->parent)
    depth_b++;
  for (; depth_a > depth_b; depth_a--)
    a = a->parent;
  for (; depth_b > depth_a; depth_b--)
    b = b->parent;
  while (a != b)
    {
      a = a->parent;
      b = b->parent;
    }
  return a;
}

/* The report's body: the lowest element holding every table read that
 * has no table inside (a report's tables sit in its article, the portal's
 * navigation and footer around it), or NULL. */
static xmlNode *
find_body (xmlNode *first)
{
  TableScan scan = { g_array_new (FALSE, FALSE, sizeof (TableOpen)), g_ptr_array_new () };
  xmlNode *body = NULL;

  for (xmlNode *node = first; node != NULL;)
    {
      gboolean enter = node->type == XML_ELEMENT_NODE && node->children != NULL && is_read (node);

      if (enter && is_table (node))
        {
          TableOpen open = { node, FALSE };
          if (scan.open->len > 0)
            g_array_index (scan.open, TableOpen, scan.open->len - 1).has_table = TRUE;
          g_array_append_val (scan.open, open);
        }
      node = next_node (node, enter, scan_leave, &scan);
    }
  if (scan.leaves->len > 0 && scan.leaves->len <= MAX_BODY_TABLES)
    {
      body = scan.leaves->pdata[0];
      for (guint i = 1; i < scan.leaves->len; i++)
        body = common_ancestor (body, scan.leaves->pdata[i]);
      if (body->type != XML_ELEMENT_NODE)
        body = NULL;
    }
  g_array_unref (scan.open);
  g_ptr_array_unref (scan.leaves);
  return body;
}

static void
read_leave (xmlNode *element,
            gpointer data)
{
  HtmlReader *r = data;

  handle_tag (r, (const char *) element->name, TRUE);
  if (element == r->body)
    r->doc->body_end = r->doc->cells->len;
}

/* The document that @element links to or embeds (<a href>, <iframe src>,
 * <embed src>, <object data>) when it is a PDF, Word, WPS or OFD file:
 * the link's words and the file's name (下载附件 (2024nb.pdf)), or the
 * name alone; else NULL.  A portal often puts the report on the page as
 * such an attachment alone. */
static char *
attachment_of (xmlNode *element)
{
  static const char *const kinds[] = { ".pdf", ".doc", ".docx", ".wps", ".ofd" };
  static const struct { const char *element, *attribute; } links[] = {
    { "a", "href" }, { "iframe", "src" }, { "embed", "src" }, { "object", "data" },
  };
  g_autofree char *address = NULL, *path = NULL;
  char *end;

  for (gsize i = 0; i < G_N_ELEMENTS (links) && address == NULL; i++)
    if (g_ascii_strcasecmp ((const char *) element->name, links[i].element) == 0)
      {
        xmlChar *value = xmlGetProp (element, (const xmlChar *) links[i].attribute);
        address = value != NULL ? g_strdup ((const char *) value) : NULL;
        xmlFree (value);
      }
  if (address == NULL)
    return NULL;
  if ((end = strpbrk (address, "?#")) != NULL)
    *end = '\0';
  path = g_uri_unescape_string (address, NULL);
  if (path == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gsize n = strlen (path), k = strlen (kinds[i]);

      if (n > k && g_ascii_strcasecmp (path + n - k, kinds[i]) == 0)
        {
          xmlChar *content = xmlNodeGetContent (element);
          g_autofree char *words = content != NULL ? nb_text_strip ((const char *) content) : NULL;
          g_autofree char *name = g_path_get_basename (path);

          xmlFree (content);
          if (words == NULL || *words == '\0' || strcmp (words, name) == 0)
            return g_steal_pointer (&name);
          return g_strdup_printf ("%s (%s)", words, name);
        }
    }
  return NULL;
}

/* Reads @html, which starts on line @first_line of its source; the body
 * of a whole page is looked for, that of a block of HTML in a text is not. */
static void
parse_html (NbImportDoc *doc,
            const char  *html,
            gsize        length,
            guint        first_line,
            gboolean     page)
{
  HtmlReader reader = { doc, NULL, NULL, g_string_new (NULL), FALSE, 0, first_line - 1, NULL };
  HtmlReader *r = &reader;
  htmlDocPtr tree;
  xmlNode *node;

  g_return_if_fail (length <= G_MAXINT);
  tree = htmlReadMemory (html, (int) length, NULL, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                         HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC |
                         HTML_PARSE_COMPACT | XML_PARSE_HUGE);
  node = tree != NULL ? tree->children : NULL;
  r->body = page ? find_body (node) : NULL;
  while (node != NULL && !doc->full)
    {
      gboolean enter = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        add_text (r, node);
      else if (node->type == XML_ELEMENT_NODE && is_read (node))
        {
          const char *name = (const char *) node->name;

          if (doc->attachment == NULL)
            doc->attachment = attachment_of (node);
          handle_tag (r, name, FALSE);
          if (node == r->body)
            doc->body_start = doc->cells->len;
          enter = node->children != NULL;
          if (!enter)
            handle_tag (r, name, TRUE);
        }
      node = next_node (node, enter, read_leave, r);
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

void
nb_import_parse_html (NbImportDoc *doc,
                      const char  *html,
                      gsize        length)
{
  parse_html (doc, html, length, 1, TRUE);
}

/**
 * nb_import_parse_html_block:
 * Reads a block of HTML inside a text (a converter's `<table>` among its
 * markdown) that starts on line @first_line of the text.
 */
void
nb_import_parse_html_block (NbImportDoc *doc,
                            const char  *html,
                            gsize        length,
                            guint        first_line)
{
  parse_html (doc, html, length, first_line, FALSE);
}

/**
 * nb_import_html_text:
 * Returns: the text of a line of markdown with inline HTML in it
 *   (`| <span>规章</span> | 0 |`): its tags left out, its entities read
 */
char *
nb_import_html_text (const char *line)
{
  htmlDocPtr tree = htmlReadMemory (line, (int) strlen (line), NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                    HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC);
  GString *text = g_string_new (NULL);

  for (xmlNode *node = tree != NULL ? tree->children : NULL; node != NULL; node = node->next)
    {
      xmlChar *content = xmlNodeGetContent (node);

      if (content != NULL)
        g_string_append (text, (const char *) content);
      xmlFree (content);
    }
  if (tree != NULL)
    xmlFreeDoc (tree);
  return g_string_free (text, FALSE);
}
