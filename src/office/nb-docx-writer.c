/* nb-docx-writer.c — the report as a Word document (docs/office-formats.md)
 *
 * A WordprocessingML package that Word, WPS and LibreOffice open and
 * edit: the A4 page and GB/T 9704 margins of the printed report, named
 * paragraph styles in the print's faces (title, headings, body in
 * FangSong 三号 indented two characters), the statistical tables as
 * Word tables with the official forms' merged cells (w:gridSpan across,
 * w:vMerge down), the signature block, and the page number and the
 * fingerprint in the footer.  Every part is written with libxml2's
 * xmlTextWriter and packed by libarchive (nb-zip).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-office"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "nb-docx-writer.h"
#include "nb-office-common.h"
#include "nb-page-renderer.h"
#include "nb-render-common.h"
#include "nb-report-file.h"
#include "nb-zip.h"

/* Word measures in twentieths of a point (twips). */
#define TWIPS_PER_MM   (1440.0 / 25.4)
#define MM_TWIPS(mm)   ((int) ((mm) * TWIPS_PER_MM + 0.5))

/* GB/T 9704 (print-layout.md): the text block is 156 × 225 mm, 37 mm
 * from the top and 28 mm from the left of the A4 sheet. */
#define PAGE_WIDTH     11906
#define PAGE_HEIGHT    16838
#define MARGIN_TOP     MM_TWIPS (37)
#define MARGIN_LEFT    MM_TWIPS (28)
#define TEXT_WIDTH     MM_TWIPS (156)
#define MARGIN_RIGHT   (PAGE_WIDTH - MARGIN_LEFT - TEXT_WIDTH)
#define MARGIN_BOTTOM  (PAGE_HEIGHT - MARGIN_TOP - MM_TWIPS (225))
#define FOOTER_DIST    MM_TWIPS (10)

/* Type sizes in half points, line pitches in twips, as the print. */
#define BODY_SIZE      32                      /* 三号, 16 pt */
#define TITLE_SIZE     44                      /* 二号, 22 pt */
#define FOLIO_SIZE     28                      /* 四号, 14 pt */
#define FOOTER_SIZE    16                      /* 8 pt */
#define TABLE_SIZE     21                      /* 五号, 10.5 pt */
#define SMALL_SIZE     18                      /* 小五, 9 pt */
#define BODY_PITCH     (MM_TWIPS (225) / 22)   /* 22 lines to the text block */
#define TITLE_PITCH    (34 * 20)
#define CHAR_WIDTH     (BODY_SIZE * 10)        /* one body character, in twips */
#define SEAL_SPACE     MM_TWIPS (45)

#define CAPTION_FILL   "EDEDED"
#define FOOTER_COLOUR  "737373"

static const char W_NS[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char R_NS[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
static const char REL_NS[] = "http://schemas.openxmlformats.org/package/2006/relationships";
static const char REL_BASE[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
static const char TYPE_BASE[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

typedef xmlTextWriterPtr W;

/* ---- XML helpers ------------------------------------------------------------ */

static void
attributes (W       w,
            va_list args)
{
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST va_arg (args, const char *));
}

/* Opens element @name with the attribute name/value pairs that follow. */
G_GNUC_NULL_TERMINATED static void
start (W           w,
       const char *name,
       ...)
{
  va_list args;

  xmlTextWriterStartElement (w, BAD_CAST name);
  va_start (args, name);
  attributes (w, args);
  va_end (args);
}

/* An empty element @name with the attribute name/value pairs that follow. */
G_GNUC_NULL_TERMINATED static void
element (W           w,
         const char *name,
         ...)
{
  va_list args;

  xmlTextWriterStartElement (w, BAD_CAST name);
  va_start (args, name);
  attributes (w, args);
  va_end (args);
  xmlTextWriterEndElement (w);
}

static void
end (W w)
{
  xmlTextWriterEndElement (w);
}

static void
element_int (W           w,
             const char *name,
             const char *attribute,
             int         value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%d", value);
  element (w, name, attribute, text, NULL);
}

/* ---- Parts --------------------------------------------------------------------- */

typedef struct {
  NbZipWriter *zip;
  GError      *error;
} Package;

typedef void (*PartFunc) (W w, gpointer data);

/* Writes one XML part with @write and adds it to the package. */
static void
add_part (Package    *package,
          const char *name,
          PartFunc    write,
          gpointer    data)
{
  xmlBufferPtr buffer;
  W w;

  if (package->error != NULL)
    return;
  buffer = xmlBufferCreate ();
  w = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterStartDocument (w, NULL, "UTF-8", "yes");
  write (w, data);
  if (xmlTextWriterEndDocument (w) < 0)
    g_set_error (&package->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not write the part “%s” of the document"), name);
  xmlFreeTextWriter (w);
  if (package->error == NULL)
    nb_zip_writer_add (package->zip, name, xmlBufferContent (buffer),
                       (gsize) xmlBufferLength (buffer), &package->error);
  xmlBufferFree (buffer);
}

static void
write_content_types (W        w,
                     gpointer data)
{
  static const struct { const char *part, *type; } overrides[] = {
    { "/word/document.xml", "document.main+xml" },
    { "/word/styles.xml", "styles+xml" },
    { "/word/settings.xml", "settings+xml" },
    { "/word/fontTable.xml", "fontTable+xml" },
    { "/word/footer1.xml", "footer+xml" },
  };

  start (w, "Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types", NULL);
  element (w, "Default", "Extension", "rels",
           "ContentType", "application/vnd.openxmlformats-package.relationships+xml", NULL);
  element (w, "Default", "Extension", "xml", "ContentType", "application/xml", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    {
      g_autofree char *type = g_strconcat (TYPE_BASE, overrides[i].type, NULL);
      element (w, "Override", "PartName", overrides[i].part, "ContentType", type, NULL);
    }
  element (w, "Override", "PartName", "/docProps/core.xml",
           "ContentType", "application/vnd.openxmlformats-package.core-properties+xml", NULL);
  end (w);
}

static void
relationship (W           w,
              const char *id,
              const char *type,
              const char *target)
{
  element (w, "Relationship", "Id", id, "Type", type, "Target", target, NULL);
}

static void
write_package_rels (W        w,
                    gpointer data)
{
  g_autofree char *document = g_strconcat (REL_BASE, "officeDocument", NULL);

  start (w, "Relationships", "xmlns", REL_NS, NULL);
  relationship (w, "rId1", document, "word/document.xml");
  relationship (w, "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml");
  end (w);
}

static void
write_document_rels (W        w,
                     gpointer data)
{
  static const struct { const char *id, *type, *target; } parts[] = {
    { "rId1", "styles", "styles.xml" },
    { "rId2", "settings", "settings.xml" },
    { "rId3", "fontTable", "fontTable.xml" },
    { "rId4", "footer", "footer1.xml" },
  };

  start (w, "Relationships", "xmlns", REL_NS, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *type = g_strconcat (REL_BASE, parts[i].type, NULL);
      relationship (w, parts[i].id, type, parts[i].target);
    }
  end (w);
}

static void
write_core (W        w,
            gpointer data)
{
  NbReport *report = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  start (w, "cp:coreProperties",
         "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
         "xmlns:dc", "http://purl.org/dc/elements/1.1/",
         "xmlns:dcterms", "http://purl.org/dc/terms/",
         "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", NULL);
  xmlTextWriterWriteElement (w, BAD_CAST "dc:title", BAD_CAST nb_report_get_title (report));
  xmlTextWriterWriteElement (w, BAD_CAST "dc:creator", BAD_CAST nb_report_get_organ (report));
  start (w, "dcterms:created", "xsi:type", "dcterms:W3CDTF", NULL);
  xmlTextWriterWriteString (w, BAD_CAST stamp);
  end (w);
  end (w);
}

static void
write_settings (W        w,
                gpointer data)
{
  start (w, "w:settings", "xmlns:w", W_NS, NULL);
  element_int (w, "w:defaultTabStop", "w:val", 2 * CHAR_WIDTH);
  element (w, "w:characterSpacingControl", "w:val", "compressPunctuation", NULL);
  start (w, "w:compat", NULL);
  element (w, "w:compatSetting", "w:name", "compatibilityMode",
           "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15", NULL);
  end (w);
  end (w);
}

/* ---- Fonts and styles ----------------------------------------------------------- */

static void
write_font_table (W        w,
                  gpointer data)
{
  start (w, "w:fonts", "xmlns:w", W_NS, NULL);
  for (NbOfficeFont role = 0; role < NB_OFFICE_N_FONTS; role++)
    {
      g_autofree char *alternative = NULL;
      g_autofree char *family = nb_office_font_family (role, &alternative);

      start (w, "w:font", "w:name", family, NULL);
      if (alternative != NULL)
        element (w, "w:altName", "w:val", alternative, NULL);
      element (w, "w:charset", "w:val", "86", NULL);   /* GB2312 */
      element (w, "w:family", "w:val", "auto", NULL);
      end (w);
    }
  end (w);
}

static void
run_fonts (W            w,
           NbOfficeFont role)
{
  g_autofree char *family = nb_office_font_family (role, NULL);

  element (w, "w:rFonts", "w:ascii", family, "w:hAnsi", family, "w:eastAsia", family,
           "w:cs", family, "w:hint", "eastAsia", NULL);
}

static void
run_size (W   w,
          int half_points)
{
  element_int (w, "w:sz", "w:val", half_points);
  element_int (w, "w:szCs", "w:val", half_points);
}

static void
spacing (W           w,
         int         line,
         const char *rule,
         int         before,
         int         after)
{
  char l[16], b[16], a[16];

  g_snprintf (l, sizeof l, "%d", line);
  g_snprintf (b, sizeof b, "%d", before);
  g_snprintf (a, sizeof a, "%d", after);
  element (w, "w:spacing", "w:before", b, "w:after", a, "w:line", l, "w:lineRule", rule, NULL);
}

static void
first_line_indent (W w)
{
  char width[16];

  g_snprintf (width, sizeof width, "%d", 2 * CHAR_WIDTH);
  element (w, "w:ind", "w:firstLineChars", "200", "w:firstLine", width, NULL);
}

/* Opens a style; the caller writes its properties.  (Word wants the
 * elements of WordprocessingML in the schema's order.) */
static void
start_style (W           w,
             const char *type,
             const char *id,
             const char *name,
             const char *based_on,
             const char *next)
{
  start (w, "w:style", "w:type", type, "w:styleId", id, NULL);
  element (w, "w:name", "w:val", name, NULL);
  if (based_on != NULL)
    element (w, "w:basedOn", "w:val", based_on, NULL);
  if (next != NULL)
    element (w, "w:next", "w:val", next, NULL);
  element (w, "w:qFormat", NULL);
}

/* A paragraph style in one face and size. */
static void
paragraph_style (W             w,
                 const char   *id,
                 const char   *name,
                 NbOfficeFont  role,
                 int           size,
                 void        (*paragraph) (W w))
{
  start_style (w, "paragraph", id, name, "Normal", NB_DOCX_STYLE_BODY);
  start (w, "w:pPr", NULL);
  paragraph (w);
  end (w);
  start (w, "w:rPr", NULL);
  run_fonts (w, role);
  run_size (w, size);
  end (w);
  end (w);
}

static void
title_paragraph (W w)
{
  element (w, "w:keepNext", NULL);
  spacing (w, TITLE_PITCH, "exact", 0, BODY_PITCH);
  element (w, "w:jc", "w:val", "center", NULL);
  element (w, "w:outlineLvl", "w:val", "0", NULL);
}

static void
heading_paragraph (W w)
{
  element (w, "w:keepNext", NULL);
  first_line_indent (w);
  element (w, "w:outlineLvl", "w:val", "1", NULL);
}

static void
body_paragraph (W w)
{
  first_line_indent (w);
  element (w, "w:jc", "w:val", "both", NULL);
}

static void
table_paragraph (W w)
{
  spacing (w, 240, "auto", 0, 0);
  element (w, "w:jc", "w:val", "center", NULL);
}

static void
signature_paragraph (W w)
{
  element (w, "w:keepNext", NULL);
  element_int (w, "w:ind", "w:left", TEXT_WIDTH / 2);
}

static void
footer_paragraph (W w)
{
  spacing (w, 240, "auto", 0, 0);
  element (w, "w:jc", "w:val", "center", NULL);
}

static void
write_styles (W        w,
              gpointer data)
{
  start (w, "w:styles", "xmlns:w", W_NS, NULL);

  /* Everything defaults to the body: 仿宋 三号 on the 22-line pitch */
  start (w, "w:docDefaults", NULL);
  start (w, "w:rPrDefault", NULL);
  start (w, "w:rPr", NULL);
  run_fonts (w, NB_OFFICE_FONT_BODY);
  run_size (w, BODY_SIZE);
  element (w, "w:lang", "w:val", "en-US", "w:eastAsia", "zh-CN", NULL);
  end (w);
  end (w);
  start (w, "w:pPrDefault", NULL);
  start (w, "w:pPr", NULL);
  /* 2024年, not 2024 年: no space added between Chinese and digits */
  element (w, "w:autoSpaceDE", "w:val", "0", NULL);
  element (w, "w:autoSpaceDN", "w:val", "0", NULL);
  spacing (w, BODY_PITCH, "exact", 0, 0);
  end (w);
  end (w);
  end (w);

  start (w, "w:style", "w:type", "paragraph", "w:default", "1", "w:styleId", "Normal", NULL);
  element (w, "w:name", "w:val", "Normal", NULL);
  element (w, "w:qFormat", NULL);
  start (w, "w:pPr", NULL);
  element (w, "w:autoSpaceDE", "w:val", "0", NULL);
  element (w, "w:autoSpaceDN", "w:val", "0", NULL);
  end (w);
  end (w);

  paragraph_style (w, NB_DOCX_STYLE_TITLE, "Title", NB_OFFICE_FONT_TITLE, TITLE_SIZE,
                   title_paragraph);
  paragraph_style (w, NB_DOCX_STYLE_HEADING, "heading 1", NB_OFFICE_FONT_HEADING, BODY_SIZE,
                   heading_paragraph);
  paragraph_style (w, NB_DOCX_STYLE_BODY, "Report Body", NB_OFFICE_FONT_BODY, BODY_SIZE,
                   body_paragraph);
  paragraph_style (w, NB_DOCX_STYLE_TABLE, "Table Text", NB_OFFICE_FONT_BODY, TABLE_SIZE,
                   table_paragraph);
  paragraph_style (w, NB_DOCX_STYLE_SIGNATURE, "Signature", NB_OFFICE_FONT_BODY, BODY_SIZE,
                   signature_paragraph);
  paragraph_style (w, "Footer", "footer", NB_OFFICE_FONT_FOLIO, FOLIO_SIZE, footer_paragraph);

  /* （一）主动公开情况。 at the head of a paragraph, in 楷体 */
  start_style (w, "character", NB_DOCX_STYLE_SUBHEADING, "Subheading", NULL, NULL);
  start (w, "w:rPr", NULL);
  run_fonts (w, NB_OFFICE_FONT_SUBHEADING);
  end (w);
  end (w);

  end (w);
}

/* ---- Paragraphs ------------------------------------------------------------------- */

static void
paragraph_properties (W           w,
                      const char *style,
                      const char *justification)
{
  start (w, "w:pPr", NULL);
  element (w, "w:pStyle", "w:val", style, NULL);
  if (justification != NULL)
    element (w, "w:jc", "w:val", justification, NULL);
  end (w);
}

/* A run of @length bytes of @text (-1: all of it), in character style
 * @style (NULL: the paragraph's), at @size half points (0: the style's). */
static void
run (W           w,
     const char *text,
     gssize      length,
     const char *style,
     int         size)
{
  g_autofree char *part = g_strndup (text, length < 0 ? strlen (text) : (gsize) length);

  start (w, "w:r", NULL);
  if (style != NULL || size > 0)
    {
      start (w, "w:rPr", NULL);
      if (style != NULL)
        element (w, "w:rStyle", "w:val", style, NULL);
      if (size > 0)
        run_size (w, size);
      end (w);
    }
  start (w, "w:t", "xml:space", "preserve", NULL);
  xmlTextWriterWriteString (w, BAD_CAST part);
  end (w);
  end (w);
}

static void
paragraph (W           w,
           const char *style,
           const char *text)
{
  start (w, "w:p", NULL);
  paragraph_properties (w, style, NULL);
  run (w, text, -1, NULL, 0);
  end (w);
}

/* A body paragraph; one that opens with （一）… takes that run in 楷体. */
static void
body_text (W           w,
           const char *text)
{
  g_auto(GStrv) paragraphs = nb_render_paragraphs (text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      gsize sub = nb_render_subheading_length (paragraphs[i]);

      start (w, "w:p", NULL);
      paragraph_properties (w, NB_DOCX_STYLE_BODY, NULL);
      if (sub > 0)
        run (w, paragraphs[i], (gssize) sub, NB_DOCX_STYLE_SUBHEADING, 0);
      if (paragraphs[i][sub] != '\0')
        run (w, paragraphs[i] + sub, -1, NULL, 0);
      end (w);
    }
}

static void
title (W         w,
       NbReport *report)
{
  g_auto(GStrv) lines = nb_render_title_lines (report);

  start (w, "w:p", NULL);
  paragraph_properties (w, NB_DOCX_STYLE_TITLE, NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        {
          start (w, "w:r", NULL);
          element (w, "w:br", NULL);
          end (w);
        }
      run (w, lines[i], -1, NULL, 0);
    }
  end (w);
}

/* ---- Tables ---------------------------------------------------------------------- */

/* A table on the grid of the official form. */
typedef struct {
  const NbTableDef *def;
  NbTable          *table;
  guint             n_grid;     /* grid columns of the whole Word table */
  const int        *widths;     /* their widths, in twips */
  int               size;       /* type size, half points */
  gboolean          keep;       /* keep the row on the page of the next */
  gboolean          keep_all;   /* keep every row with the next (section 二) */
  gboolean          last_form;  /* the last form of the Word table */
} Form;

typedef enum {
  MERGE_NONE,
  MERGE_RESTART,
  MERGE_CONTINUE,
} Merge;

static int
span_width (const Form *form,
            guint       column,
            guint       span)
{
  int width = 0;

  for (guint i = column; i < column + span && i < form->n_grid; i++)
    width += form->widths[i];
  return width;
}

/* One w:tc at @column of the grid, @span columns wide. */
static void
cell (W             w,
      const Form   *form,
      guint         column,
      guint         span,
      Merge         merge,
      const char   *text,
      const char   *justification,
      const char   *fill)
{
  start (w, "w:tc", NULL);
  start (w, "w:tcPr", NULL);
  {
    char width[16];

    g_snprintf (width, sizeof width, "%d", span_width (form, column, span));
    element (w, "w:tcW", "w:w", width, "w:type", "dxa", NULL);
  }
  if (span > 1)
    element_int (w, "w:gridSpan", "w:val", (int) span);
  if (merge == MERGE_RESTART)
    element (w, "w:vMerge", "w:val", "restart", NULL);
  else if (merge == MERGE_CONTINUE)
    element (w, "w:vMerge", NULL);
  if (fill != NULL)
    element (w, "w:shd", "w:val", "clear", "w:color", "auto", "w:fill", fill, NULL);
  element (w, "w:vAlign", "w:val", "center", NULL);
  end (w);

  start (w, "w:p", NULL);
  start (w, "w:pPr", NULL);
  element (w, "w:pStyle", "w:val", NB_DOCX_STYLE_TABLE, NULL);
  if (form->keep)
    element (w, "w:keepNext", NULL);
  if (justification != NULL)
    element (w, "w:jc", "w:val", justification, NULL);
  end (w);
  if (text != NULL && *text != '\0')
    run (w, text, -1, NULL, form->size);
  end (w);
  end (w);
}

/* A row at least as high as the print's cells: 24 pt at 五号, 17 pt
 * at 小五. */
static void
start_row (W           w,
           const Form *form,
           gboolean    header)
{
  start (w, "w:tr", NULL);
  start (w, "w:trPr", NULL);
  element (w, "w:cantSplit", NULL);
  {
    char height[16];

    g_snprintf (height, sizeof height, "%d", form->size > SMALL_SIZE ? 24 * 20 : 17 * 20);
    element (w, "w:trHeight", "w:val", height, "w:hRule", "atLeast", NULL);
  }
  if (header)
    element (w, "w:tblHeader", NULL);
  end (w);
}

/* The grid columns a form's column spans: the last column of a form
 * narrower than the Word table takes the rest of it, as the official
 * form of section 二 draws 本年处理决定数量 across three columns. */
static guint
column_span (const Form *form,
             guint       column,
             guint       span)
{
  guint n_form = form->def->n_label_columns + form->def->n_columns;

  return column + span == n_form ? form->n_grid - column : span;
}

static const NbHeaderCell *
header_cell_at (const NbTableDef *def,
                guint             row,
                guint             column)
{
  for (guint i = 0; i < def->n_header_cells; i++)
    {
      const NbHeaderCell *h = &def->header[i];

      if (row >= h->row && row < h->row + h->row_span
          && column >= h->column && column < (guint) h->column + h->column_span)
        return h;
    }
  return NULL;
}

/* The header rows, from the edition's header cells: a cell spanning
 * rows opens a vertical merge that the rows below continue. */
static void
header_rows (W           w,
             const Form *form)
{
  const NbTableDef *def = form->def;
  guint n_form = def->n_label_columns + def->n_columns;
  Form kept = *form;

  /* a header never ends a page */
  kept.keep = TRUE;
  form = &kept;
  for (guint r = 0; r < def->n_header_rows; r++)
    {
      start_row (w, form, TRUE);
      for (guint c = 0; c < n_form;)
        {
          const NbHeaderCell *h = header_cell_at (def, r, c);
          guint span = h != NULL ? h->column_span : 1;
          Merge merge = h == NULL || h->row_span == 1 ? MERGE_NONE
                        : h->row == r ? MERGE_RESTART : MERGE_CONTINUE;

          cell (w, form, c, column_span (form, c, span), merge,
                h != NULL && h->row == r ? h->text : NULL, "center", NULL);
          c += span;
        }
      end (w);
    }
}

/* The label cells of data row @r: the group and sub-group labels merged
 * down their runs (nb_table_def_label_rows()), then the row's own. */
static void
label_cells (W           w,
             const Form *form,
             guint       r)
{
  const NbTableDef *def = form->def;
  const NbRowDef *row = &def->rows[r];
  guint first = row->group == NULL ? 0 : row->subgroup == NULL ? 1 : 2;

  for (guint level = 0; level < first; level++)
    {
      guint n_rows = nb_table_def_label_rows (def, level, r);
      Merge merge = n_rows == 0 ? MERGE_CONTINUE : n_rows > 1 ? MERGE_RESTART : MERGE_NONE;

      cell (w, form, level, 1, merge,
            n_rows > 0 ? (level == 0 ? row->group : row->subgroup) : NULL, "center", NULL);
    }
  cell (w, form, first, def->n_label_columns - first, MERGE_NONE, row->label, "left", NULL);
}

static void
data_rows (W           w,
           const Form *form)
{
  const NbTableDef *def = form->def;
  guint nl = def->n_label_columns;
  Form row_form = *form;

  form = &row_form;
  for (guint r = 0; r < def->n_rows; r++)
    {
      row_form.keep = row_form.keep_all && !(row_form.last_form && r + 1 == def->n_rows);
      start_row (w, form, FALSE);
      if (nl > 0)
        label_cells (w, form, r);
      for (guint c = 0; c < def->n_columns; c++)
        {
          g_autofree char *text = nb_render_cell_text (form->table, r, c);
          cell (w, form, nl + c, column_span (form, nl + c, 1), MERGE_NONE, text, "right", NULL);
        }
      end (w);
    }
}

static void
start_table (W           w,
             const Form *form)
{
  static const char *const borders[] = {
    "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV",
  };
  char width[16], margin[16];

  g_snprintf (width, sizeof width, "%d", span_width (form, 0, form->n_grid));
  g_snprintf (margin, sizeof margin, "%d", form->size > SMALL_SIZE ? MM_TWIPS (2) : MM_TWIPS (0.8));

  start (w, "w:tbl", NULL);
  start (w, "w:tblPr", NULL);
  element (w, "w:tblW", "w:w", width, "w:type", "dxa", NULL);
  element (w, "w:jc", "w:val", "center", NULL);
  start (w, "w:tblBorders", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (borders); i++)
    element (w, borders[i], "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "000000",
             NULL);
  end (w);
  element (w, "w:tblLayout", "w:type", "fixed", NULL);
  start (w, "w:tblCellMar", NULL);
  element (w, "w:left", "w:w", margin, "w:type", "dxa", NULL);
  element (w, "w:right", "w:w", margin, "w:type", "dxa", NULL);
  end (w);
  element (w, "w:tblLook", "w:val", "0000", NULL);
  end (w);

  start (w, "w:tblGrid", NULL);
  for (guint i = 0; i < form->n_grid; i++)
    element_int (w, "w:gridCol", "w:w", form->widths[i]);
  end (w);
}

/* Section 二: its forms as one Word table, each under its caption, on a
 * grid of the 信息内容 column (a third) and the most value columns any
 * form has, as the official template and the print draw it. */
static void
section_two (W         w,
             NbReport *report)
{
  const NbEditionDef *edition = nb_report_get_edition_def (report);
  int widths[8];
  guint n_values = 0;
  Form form = { .size = TABLE_SIZE, .widths = widths, .keep_all = TRUE };
  guint last = 0;

  for (guint i = 0; i < edition->n_tables; i++)
    if (edition->tables[i].section == 2)
      {
        n_values = MAX (n_values, edition->tables[i].n_columns);
        last = i;
      }
  if (n_values == 0)
    return;
  g_return_if_fail (n_values < G_N_ELEMENTS (widths));

  form.n_grid = 1 + n_values;
  widths[0] = TEXT_WIDTH * 34 / 100;
  for (guint c = 1; c <= n_values; c++)
    widths[c] = (TEXT_WIDTH - widths[0]) / (int) n_values;

  start_table (w, &form);
  for (guint i = 0; i < edition->n_tables; i++)
    {
      if (edition->tables[i].section != 2)
        continue;
      form.def = &edition->tables[i];
      form.table = nb_report_get_table_at (report, i);
      form.last_form = i == last;
      if (form.def->caption != NULL)
        {
          form.keep = TRUE;
          start_row (w, &form, FALSE);
          cell (w, &form, 0, form.n_grid, MERGE_NONE, form.def->caption, "left", CAPTION_FILL);
          end (w);
        }
      header_rows (w, &form);
      data_rows (w, &form);
    }
  end (w);
}

/* Sections 三 and 四: the column widths of the print (table_geometry()
 * in nb-page-renderer.c): label columns of 10, 18 and 46 mm and the
 * numbers sharing the rest in 三; fifteen equal columns in 四. */
static void
form_table (W        w,
            NbTable *table)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree int *widths = g_new0 (int, def->n_label_columns + def->n_columns);
  Form form = { def, table, def->n_label_columns + def->n_columns, widths, SMALL_SIZE };
  static const int label_mm[] = { 10, 18, 46 };
  int label_width = 0;

  for (guint c = 0; c < def->n_label_columns; c++)
    {
      widths[c] = def->n_label_columns == G_N_ELEMENTS (label_mm)
                  ? MM_TWIPS (label_mm[c])
                  : TEXT_WIDTH * 40 / 100 / (int) def->n_label_columns;
      label_width += widths[c];
    }
  for (guint c = 0; c < def->n_columns; c++)
    widths[def->n_label_columns + c] = (TEXT_WIDTH - label_width) / (int) def->n_columns;

  start_table (w, &form);
  header_rows (w, &form);
  data_rows (w, &form);
  end (w);
}

/* ---- The signature block ------------------------------------------------------------ */

/* 单位负责人（签字）：____: the value when there is one, else a blank to
 * fill in by hand, underlined. */
static void
signature_entry (W               w,
                 NbReport       *report,
                 NbSignatureLine line)
{
  const char *value = nb_report_get_signature_value (report, line);

  start (w, "w:p", NULL);
  paragraph_properties (w, NB_DOCX_STYLE_SIGNATURE, NULL);
  run (w, nb_report_get_signature_label (report, line), -1, NULL, 0);
  if (*value != '\0')
    run (w, value, -1, NULL, 0);
  else
    {
      start (w, "w:r", NULL);
      start (w, "w:rPr", NULL);
      element (w, "w:u", "w:val", "single", NULL);
      end (w);
      start (w, "w:t", "xml:space", "preserve", NULL);
      xmlTextWriterWriteString (w, BAD_CAST "\u3000\u3000\u3000\u3000\u3000");
      end (w);
      end (w);
    }
  end (w);
}

/* A line of the foot (the organ, （单位盖章）, the date), centred on a
 * point seven characters in from the right edge, @before the space above
 * it, as printed. */
static void
seal_paragraph (W           w,
                const char *text,
                int         before)
{
  char left[16], space[16];

  g_snprintf (left, sizeof left, "%d", TEXT_WIDTH - 14 * CHAR_WIDTH);
  g_snprintf (space, sizeof space, "%d", before);
  start (w, "w:p", NULL);
  start (w, "w:pPr", NULL);
  element (w, "w:pStyle", "w:val", NB_DOCX_STYLE_SIGNATURE, NULL);
  element (w, "w:spacing", "w:before", space, NULL);
  element (w, "w:ind", "w:left", left, NULL);
  element (w, "w:jc", "w:val", "center", NULL);
  end (w);
  run (w, text, -1, NULL, 0);
  end (w);
}

/* The signature lines, then about 45 mm for the seal, which covers the
 * foot: the organ's name, （单位盖章） and the date, as printed
 * (nb-page-signature.c: the foot ends a seal's height below the lines). */
static void
signature_block (W         w,
                 NbReport *report)
{
  g_autofree char *date = nb_render_format_date (nb_report_get_date (report));
  const char *foot[] = {
    nb_report_get_organ (report),
    nb_report_get_signature_shown (report, NB_SIGNATURE_SEAL)
      ? nb_report_get_signature_label (report, NB_SIGNATURE_SEAL) : "",
    date,
  };
  int n_foot = 1, before;

  start (w, "w:p", NULL);
  paragraph_properties (w, NB_DOCX_STYLE_SIGNATURE, NULL);
  end (w);
  for (NbSignatureLine line = NB_SIGNATURE_HEAD; line <= NB_SIGNATURE_PHONE; line++)
    if (nb_report_get_signature_shown (report, line))
      signature_entry (w, report, line);
  /* the date's line counts when it is empty, as in the print */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (foot); i++)
    n_foot += *foot[i] != '\0';
  before = MAX (SEAL_SPACE + BODY_PITCH - n_foot * BODY_PITCH, 0);
  for (guint i = 0; i < G_N_ELEMENTS (foot); i++)
    if (*foot[i] != '\0')
      {
        seal_paragraph (w, foot[i], before);
        before = 0;
      }
}

/* ---- The document and its footer ------------------------------------------------------ */

typedef struct {
  NbReport   *report;
  const char *fingerprint;
  gboolean    signature;
  gboolean    draft;
} Document;

static void
section_properties (W w)
{
  char top[16], right[16], bottom[16], left[16], footer[16];

  g_snprintf (top, sizeof top, "%d", MARGIN_TOP);
  g_snprintf (right, sizeof right, "%d", MARGIN_RIGHT);
  g_snprintf (bottom, sizeof bottom, "%d", MARGIN_BOTTOM);
  g_snprintf (left, sizeof left, "%d", MARGIN_LEFT);
  g_snprintf (footer, sizeof footer, "%d", FOOTER_DIST);

  start (w, "w:sectPr", NULL);
  element (w, "w:footerReference", "w:type", "default", "r:id", "rId4", NULL);
  {
    char width[16], height[16];

    g_snprintf (width, sizeof width, "%d", PAGE_WIDTH);
    g_snprintf (height, sizeof height, "%d", PAGE_HEIGHT);
    element (w, "w:pgSz", "w:w", width, "w:h", height, NULL);
  }
  element (w, "w:pgMar", "w:top", top, "w:right", right, "w:bottom", bottom, "w:left", left,
           "w:header", footer, "w:footer", footer, "w:gutter", "0", NULL);
  element_int (w, "w:docGrid", "w:linePitch", BODY_PITCH);
  end (w);
}

static void
write_document (W        w,
                gpointer data)
{
  Document *doc = data;
  NbReport *report = doc->report;
  const NbEditionDef *edition = nb_report_get_edition_def (report);

  start (w, "w:document", "xmlns:w", W_NS, "xmlns:r", R_NS, NULL);
  start (w, "w:body", NULL);

  title (w, report);
  body_text (w, nb_report_get_text (report, NB_TEXT_PREFACE));
  for (guint section = 1; section <= NB_N_SECTIONS; section++)
    {
      paragraph (w, NB_DOCX_STYLE_HEADING, nb_section_heading (section));
      for (NbTextSection s = 0; s < NB_N_TEXT_SECTIONS; s++)
        if (nb_text_section_number (s) == section)
          body_text (w, nb_report_get_text (report, s));
      if (section == 2)
        section_two (w, report);
      for (guint i = 0; i < edition->n_tables; i++)
        if (edition->tables[i].section == section && section != 2)
          form_table (w, nb_report_get_table_at (report, i));
    }
  if (doc->signature)
    signature_block (w, report);

  section_properties (w);
  end (w);
  end (w);
}

/* The footer: `— 1 —` (a PAGE field) and, small and grey, the line with
 * the title, the year and the fingerprint, as on every printed page. */
static void
write_footer (W        w,
              gpointer data)
{
  Document *doc = data;
  g_autofree char *line = nb_render_footer_text (doc->report, doc->fingerprint, doc->draft);

  start (w, "w:ftr", "xmlns:w", W_NS, "xmlns:r", R_NS, NULL);
  start (w, "w:p", NULL);
  start (w, "w:pPr", NULL);
  element (w, "w:pStyle", "w:val", "Footer", NULL);
  element_int (w, "w:spacing", "w:after", MM_TWIPS (5));
  end (w);
  run (w, "— ", -1, NULL, 0);
  start (w, "w:fldSimple", "w:instr", " PAGE ", NULL);
  run (w, "1", -1, NULL, 0);
  end (w);
  run (w, " —", -1, NULL, 0);
  end (w);

  start (w, "w:p", NULL);
  paragraph_properties (w, "Footer", NULL);
  start (w, "w:r", NULL);
  start (w, "w:rPr", NULL);
  element (w, "w:color", "w:val", FOOTER_COLOUR, NULL);
  run_size (w, FOOTER_SIZE);
  end (w);
  start (w, "w:t", "xml:space", "preserve", NULL);
  xmlTextWriterWriteString (w, BAD_CAST line);
  end (w);
  end (w);
  end (w);
  end (w);
}

/**
 * nb_docx_export:
 * @fingerprint: (nullable): the report's fingerprint, printed in the footer
 * @signature: whether to end with the signature block
 * @draft: whether the report has errors: every page's footer then says
 *   草稿 · 未通过核对, as the printed draft's does
 *
 * Returns: (transfer full): the report as a .docx package
 */
GBytes *
nb_docx_export (NbReport    *report,
                const char  *fingerprint,
                gboolean     signature,
                gboolean     draft,
                GError     **error)
{
  Document doc = { report, fingerprint, signature, draft };
  g_autoptr(NbZipWriter) zip = nb_zip_writer_new ();
  Package package = { zip, NULL };

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  add_part (&package, "[Content_Types].xml", write_content_types, NULL);
  add_part (&package, "_rels/.rels", write_package_rels, NULL);
  add_part (&package, "docProps/core.xml", write_core, report);
  add_part (&package, "word/_rels/document.xml.rels", write_document_rels, NULL);
  add_part (&package, "word/document.xml", write_document, &doc);
  add_part (&package, "word/styles.xml", write_styles, NULL);
  add_part (&package, "word/settings.xml", write_settings, NULL);
  add_part (&package, "word/fontTable.xml", write_font_table, NULL);
  add_part (&package, "word/footer1.xml", write_footer, &doc);
  if (package.error != NULL)
    {
      g_propagate_error (error, package.error);
      return NULL;
    }
  return nb_zip_writer_finish (zip, error);
}

/**
 * nb_docx_export_to_path:
 * Writes nb_docx_export() to @path, atomically.
 */
gboolean
nb_docx_export_to_path (NbReport    *report,
                        const char  *fingerprint,
                        gboolean     signature,
                        gboolean     draft,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = nb_docx_export (report, fingerprint, signature, draft, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return nb_file_write_atomically (path, data, length, error);
}
