/* nb-docx-reader.c — importing a report from a Word document
 *
 * A .docx is a ZIP package (nb-zip); its word/document.xml is read with
 * libxml2 and handed to the importer (nb-import.h) as the page it is:
 * the paragraphs as paragraphs and the tables as tables, every cell at
 * its place (Word's w:gridSpan as colspan; a w:vMerge run as one cell
 * with a rowspan, the continuing cells left out as a web page leaves
 * them out), so that the document goes through the same matching of
 * labels, rows and columns as a published web page.  Nianbao's own
 * signature block (style NB_DOCX_STYLE_SIGNATURE) is left out: it is not
 * part of section 六.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-office"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "nb-docx-reader.h"
#include "nb-office-common.h"
#include "nb-zip.h"

/* Transitional and Strict WordprocessingML */
static const char *const w_namespaces[] = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
};

static gboolean
is_w (xmlNode    *node,
      const char *name)
{
  if (node->type != XML_ELEMENT_NODE || node->ns == NULL || node->ns->href == NULL
      || strcmp ((const char *) node->name, name) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (w_namespaces); i++)
    if (strcmp ((const char *) node->ns->href, w_namespaces[i]) == 0)
      return TRUE;
  return FALSE;
}

static xmlNode *
child_w (xmlNode    *node,
         const char *name)
{
  for (xmlNode *c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
    if (is_w (c, name))
      return c;
  return NULL;
}

/* The w:val of @node, or NULL. */
static char *
w_val (xmlNode *node)
{
  for (xmlAttr *a = node != NULL ? node->properties : NULL; a != NULL; a = a->next)
    if (strcmp ((const char *) a->name, "val") == 0)
      return (char *) xmlNodeGetContent ((xmlNode *) a);
  return NULL;
}

static guint
w_val_uint (xmlNode *node,
            guint    fallback)
{
  g_autofree char *val = w_val (node);
  guint64 n;

  if (val == NULL || !g_ascii_string_to_unsigned (val, 10, 1, 1000, &n, NULL))
    return fallback;
  return (guint) n;
}

/* ---- Paragraphs ----------------------------------------------------------------- */

/* Appends the text of @node: the characters of its runs, a tab as a
 * space, a line break as "\n".  Deleted text (tracked changes) and the
 * fallback copies of drawings are not text of the document. */
static void
append_text (GString *text,
             xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (c, "t"))
        {
          g_autofree char *content = (char *) xmlNodeGetContent (c);
          g_string_append (text, content);
        }
      else if (is_w (c, "tab"))
        g_string_append_c (text, ' ');
      else if (is_w (c, "br") || is_w (c, "cr"))
        g_string_append_c (text, '\n');
      else if (!is_w (c, "del") && !is_w (c, "pPr") && !is_w (c, "rPr")
               && strcmp ((const char *) c->name, "Fallback") != 0)
        append_text (text, c);
    }
}

static char *
paragraph_style (xmlNode *p)
{
  return w_val (child_w (child_w (p, "pPr"), "pStyle"));
}

/* ---- Tables --------------------------------------------------------------------- */

typedef enum {
  MERGE_NONE,
  MERGE_RESTART,
  MERGE_CONTINUE,
} Merge;

typedef struct {
  guint  grid;      /* first grid column */
  guint  span;
  Merge  merge;
  char  *text;
} Cell;

static void
cell_clear (gpointer data)
{
  g_free (((Cell *) data)->text);
}

static Merge
cell_merge (xmlNode *properties)
{
  xmlNode *v = child_w (properties, "vMerge");
  g_autofree char *val = w_val (v);

  if (v == NULL)
    return MERGE_NONE;
  return g_strcmp0 (val, "restart") == 0 ? MERGE_RESTART : MERGE_CONTINUE;
}

/* The text of a cell: its paragraphs (and those of tables nested in it),
 * one line each. */
static void
append_cell_text (GString *text,
                  xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_w (c, "p"))
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          append_text (text, c);
        }
      else if (c->type == XML_ELEMENT_NODE && !is_w (c, "tcPr"))
        append_cell_text (text, c);
    }
}

static GArray *
read_row (xmlNode *tr)
{
  GArray *cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  guint grid = w_val_uint (child_w (child_w (tr, "trPr"), "gridBefore"), 0);

  g_array_set_clear_func (cells, cell_clear);
  for (xmlNode *c = tr->children; c != NULL; c = c->next)
    {
      xmlNode *tc = c;
      xmlNode *properties;
      GString *text;
      Cell cell;

      /* a cell may sit in a content control */
      if (is_w (c, "sdt"))
        tc = child_w (child_w (c, "sdtContent"), "tc");
      if (tc == NULL || !is_w (tc, "tc"))
        continue;
      properties = child_w (tc, "tcPr");
      text = g_string_new (NULL);
      append_cell_text (text, tc);
      cell = (Cell) { grid, w_val_uint (child_w (properties, "gridSpan"), 1),
                      cell_merge (properties), g_string_free (text, FALSE) };
      grid += cell.span;
      g_array_append_val (cells, cell);
    }
  return cells;
}

static const Cell *
cell_at_grid (GArray *row,
              guint   grid)
{
  for (guint i = 0; i < row->len; i++)
    if (g_array_index (row, Cell, i).grid == grid)
      return &g_array_index (row, Cell, i);
  return NULL;
}

static void
write_cell_text (xmlTextWriterPtr  w,
                 const char       *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        {
          xmlTextWriterStartElement (w, BAD_CAST "br");
          xmlTextWriterEndElement (w);
        }
      xmlTextWriterWriteString (w, BAD_CAST lines[i]);
    }
}

static void
write_table (xmlTextWriterPtr  w,
             xmlNode          *tbl)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (xmlNode *c = tbl->children; c != NULL; c = c->next)
    if (is_w (c, "tr"))
      g_ptr_array_add (rows, read_row (c));

  xmlTextWriterStartElement (w, BAD_CAST "table");
  for (guint r = 0; r < rows->len; r++)
    {
      GArray *row = rows->pdata[r];

      xmlTextWriterStartElement (w, BAD_CAST "tr");
      for (guint i = 0; i < row->len; i++)
        {
          const Cell *cell = &g_array_index (row, Cell, i);
          guint n_rows = 1;

          if (cell->merge == MERGE_CONTINUE)
            continue;
          if (cell->merge == MERGE_RESTART)
            for (guint below = r + 1; below < rows->len; below++)
              {
                const Cell *next = cell_at_grid (rows->pdata[below], cell->grid);

                if (next == NULL || next->merge != MERGE_CONTINUE)
                  break;
                n_rows++;
              }
          xmlTextWriterStartElement (w, BAD_CAST "td");
          if (cell->span > 1)
            xmlTextWriterWriteFormatAttribute (w, BAD_CAST "colspan", "%u", cell->span);
          if (n_rows > 1)
            xmlTextWriterWriteFormatAttribute (w, BAD_CAST "rowspan", "%u", n_rows);
          write_cell_text (w, cell->text);
          xmlTextWriterEndElement (w);
        }
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
}

/* ---- The body -------------------------------------------------------------------- */

/* The date under the seal, 2025年1月20日, as the report keeps it. */
static char *
signature_date (const char *text)
{
  unsigned int year, month, day;
  char rest;

  if (sscanf (text, "%u年%u月%u日%c", &year, &month, &day, &rest) != 3
      || month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999)
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static void
write_paragraph (xmlTextWriterPtr   w,
                 xmlNode           *p,
                 char             **date)
{
  g_autofree char *style = paragraph_style (p);
  g_autoptr(GString) text = g_string_new (NULL);

  append_text (text, p);
  if (g_strcmp0 (style, NB_DOCX_STYLE_SIGNATURE) == 0)
    {
      char *found = signature_date (g_strstrip (text->str));

      if (found != NULL)
        {
          g_free (*date);
          *date = found;
        }
      return;
    }
  /* the title's lines are one title (organ, then the rest) */
  if (g_strcmp0 (style, NB_DOCX_STYLE_TITLE) == 0)
    g_strdelimit (text->str, "\n", ' ');
  xmlTextWriterStartElement (w, BAD_CAST "p");
  write_cell_text (w, text->str);
  xmlTextWriterEndElement (w);
}

static void
write_blocks (xmlTextWriterPtr   w,
              xmlNode           *parent,
              char             **date)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (is_w (c, "p"))
        write_paragraph (w, c, date);
      else if (is_w (c, "tbl"))
        write_table (w, c);
      else if (is_w (c, "sdt"))
        {
          xmlNode *content = child_w (c, "sdtContent");
          if (content != NULL)
            write_blocks (w, content, date);
        }
    }
}

/* The body as a web page; @date: the date of Nianbao's signature block */
static char *
docx_to_html (const char  *data,
              gsize        length,
              char       **date,
              GError     **error)
{
  g_autoptr(GBytes) part = NULL;
  const char *xml;
  gsize xml_length;
  xmlDoc *doc;
  xmlNode *body;
  xmlBufferPtr buffer;
  xmlTextWriterPtr w;
  char *html;

  part = nb_zip_read_entry (data, length, "word/document.xml", NB_IMPORT_MAX_SIZE, error);
  if (part == NULL)
    return NULL;
  xml = g_bytes_get_data (part, &xml_length);
  if (xml_length > G_MAXINT)
    xml_length = 0;
  /* no network, no entities expanded, no DTD loaded */
  doc = xmlReadMemory (xml, (int) xml_length, "document.xml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  body = doc != NULL ? child_w (xmlDocGetRootElement (doc), "body") : NULL;
  if (body == NULL)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_REPORT,
                   _("The document is not a readable Word document (word/document.xml has no body)"));
      xmlFreeDoc (doc);
      return NULL;
    }

  buffer = xmlBufferCreate ();
  w = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterStartElement (w, BAD_CAST "html");
  xmlTextWriterStartElement (w, BAD_CAST "body");
  write_blocks (w, body, date);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlFreeTextWriter (w);
  xmlFreeDoc (doc);

  html = g_strndup ((const char *) xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return html;
}

/**
 * nb_docx_to_html:
 *
 * Returns: (transfer full): the body of a .docx as a web page of its
 *   paragraphs and tables, or %NULL with @error set when @data is not a
 *   readable Word document
 */
char *
nb_docx_to_html (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autofree char *date = NULL;

  return docx_to_html (data, length, &date, error);
}

/* nb_import_report_with_source() of a .docx as the page it is: its
 * source, when asked for, is the document's text, a line a paragraph or
 * a table row, as a web page's. */
static NbReport *
docx_import_with_source (const char             *data,
                         gsize                   length,
                         const NbImportOptions  *options,
                         NbImportSummary        *summary,
                         GPtrArray             **messages,
                         NbImportSource        **source,
                         GError                **error)
{
  g_autofree char *date = NULL;
  g_autofree char *html = docx_to_html (data, length, &date, error);
  NbReport *report;

  if (messages != NULL)
    *messages = NULL;
  if (html == NULL)
    return NULL;
  report = nb_import_report_with_source (html, strlen (html), options, summary, messages, source, error);
  if (report != NULL && date != NULL)
    nb_report_set_date (report, date);
  return report;
}

/**
 * nb_docx_import:
 * nb_import_report() of a .docx (nb_docx_to_html()).
 *
 * Returns: (transfer full) (nullable): the report
 */
NbReport *
nb_docx_import (const char             *data,
                gsize                   length,
                const NbImportOptions  *options,
                GPtrArray             **messages,
                GError                **error)
{
  return docx_import_with_source (data, length, options, NULL, messages, NULL, error);
}

/* The first bytes of an OLE compound file: Word 97–2003's .doc, WPS's
 * .wps, Excel's .xls. */
static const char ole_magic[8] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

static gboolean
zip_has_entry (const char *data,
               gsize       length,
               const char *name)
{
  g_autoptr(GBytes) entry = nb_zip_read_entry (data, length, name, NB_IMPORT_MAX_SIZE, NULL);

  return entry != NULL;
}

/* What a ZIP package that has no word/document.xml is, said as the
 * error's message: an OpenDocument or an Excel workbook; NULL for
 * another.  Looked at only once the .docx could not be read, so that a
 * .docx is not unpacked twice. */
static const char *
other_package_message (const char *data,
                       gsize       length)
{
  if (zip_has_entry (data, length, "content.xml"))
    return _("This is an OpenDocument file (.odt, .ods), which Nianbao cannot read. Open it "
             "in WPS, Word or LibreOffice, save it as a Word document (.docx) or a PDF, and "
             "import that");
  if (zip_has_entry (data, length, "xl/workbook.xml"))
    return _("This is an Excel workbook (.xlsx), which Nianbao cannot read as a report. "
             "Import the report itself: its PDF, web page or Word document (.docx)");
  return NULL;
}

/* docx_import_with_source() of a ZIP package; one without a document
 * that is an OpenDocument or a workbook is refused saying so. */
static NbReport *
package_import (const char             *data,
                gsize                   length,
                const NbImportOptions  *options,
                NbImportSummary        *summary,
                GPtrArray             **messages,
                NbImportSource        **source,
                GError                **error)
{
  g_autoptr(GError) local = NULL;
  NbReport *report = docx_import_with_source (data, length, options, summary, messages, source, &local);
  const char *other;

  if (report != NULL)
    return report;
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
      (other = other_package_message (data, length)) != NULL)
    g_set_error_literal (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_FORMAT, other);
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

/**
 * nb_office_import_report:
 * nb_import_report(), or nb_docx_import() when @data is a ZIP package.
 *
 * Returns: (transfer full) (nullable): the report
 */
NbReport *
nb_office_import_report (const char             *data,
                         gsize                   length,
                         const NbImportOptions  *options,
                         GPtrArray             **messages,
                         GError                **error)
{
  return nb_office_import_report_with_source (data, length, options, NULL, messages, NULL, error);
}

/**
 * nb_office_import_report_with_source:
 * @source: (out) (optional) (transfer full): where the numbers came from
 *   (nb_import_report_with_source()); a Word document's is its text, as a
 *   web page's
 *
 * Like nb_office_import_report(), keeping the source of a PDF, page, text
 * or Word document and counting its cells in @summary (optional).
 *
 * Returns: (transfer full) (nullable): the report
 */
NbReport *
nb_office_import_report_with_source (const char             *data,
                                     gsize                   length,
                                     const NbImportOptions  *options,
                                     NbImportSummary        *summary,
                                     GPtrArray             **messages,
                                     NbImportSource        **source,
                                     GError                **error)
{
  if (source != NULL)
    *source = NULL;
  if (length >= sizeof ole_magic && memcmp (data, ole_magic, sizeof ole_magic) == 0)
    {
      g_set_error_literal (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_FORMAT,
                           _("This is a document in an old binary format (Word 97–2003 .doc, WPS .wps or "
                             "Excel .xls), which Nianbao cannot read. Open it in WPS, Word or LibreOffice, save "
                             "it as a Word document (.docx) or a PDF, and import that"));
      return NULL;
    }
  if (nb_zip_looks_like (data, length))
    return package_import (data, length, options, summary, messages, source, error);
  return nb_import_report_with_source (data, length, options, summary, messages, source, error);
}
