/* test-office.c — DOCX export and import, XLSX export of a report and a 汇总
 *
 * The packages are read back with libarchive (nb-zip) and libxml2, part
 * by part and cell by cell, as another program would read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "nb-aggregate.h"
#include "nb-docx-reader.h"
#include "nb-docx-writer.h"
#include "nb-import.h"
#include "nb-office-common.h"
#include "nb-report-file.h"
#include "nb-value.h"
#include "nb-xlsx-writer.h"
#include "nb-zip.h"
#include "test-util.h"

/* ---- The reports ------------------------------------------------------------------- */

/* The sample report (2021 edition) with an empty cell, a 0, a “/” and a
 * note side by side. */
static NbReport *
report_2021 (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "sample",
                                            "sample-2024.nianbao", NULL);
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_load_from_path (path, &error);
  NbTable *appeals;

  g_assert_no_error (error);
  appeals = nb_report_get_table (report, "s4_appeals");
  nb_table_clear (appeals, 0, 5);
  nb_table_set_number (appeals, 0, 6, 0, &error);
  g_assert_no_error (error);
  nb_table_set_marker (appeals, 0, 7, "/");
  nb_table_set_note (nb_report_get_table (report, "s2_regulations"), 1, 2, "市政府、市政府办印发");
  return report;
}

/* The real 普洱 2020 report (2019 edition), imported from its text. */
static NbReport *
report_2019 (void)
{
  g_autofree char *path = test_data_path ("published/puer-2020-published.txt");
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  NbImportOptions options;
  gsize length;
  NbReport *report;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  nb_import_options_init (&options);
  report = nb_import_report (text, length, &options, &messages, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_report_get_edition (report), ==, NB_EDITION_2019);
  nb_report_set_date (report, "2021-01-25");
  return report;
}

static void
assert_same_cells (NbReport *a,
                   NbReport *b)
{
  g_assert_cmpuint (nb_report_get_n_tables (a), ==, nb_report_get_n_tables (b));
  for (guint t = 0; t < nb_report_get_n_tables (a); t++)
    {
      NbTable *x = nb_report_get_table_at (a, t), *y = nb_report_get_table_at (b, t);
      const NbTableDef *def = nb_table_get_def (x);

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++)
          {
            g_autofree char *address = nb_table_cell_address (x, r, c);
            NbCellState state = nb_table_get_state (x, r, c);

            g_test_message ("%s", address);
            g_assert_cmpint (nb_table_get_state (y, r, c), ==, state);
            if (state == NB_CELL_NUMBER)
              g_assert_cmpint (nb_table_get_number (y, r, c), ==, nb_table_get_number (x, r, c));
            else if (state == NB_CELL_MARKER)
              g_assert_cmpstr (nb_table_get_marker (y, r, c), ==, nb_table_get_marker (x, r, c));
            g_assert_cmpstr (nb_table_get_note (y, r, c), ==, nb_table_get_note (x, r, c));
          }
    }
}

/* Texts compare by paragraph: the export indents by style, not by hand. */
static void
assert_same_text (const char *a,
                  const char *b)
{
  g_autofree char *x = NULL, *y = NULL;
  g_auto(GStrv) pa = g_strsplit (a, "\n", -1);
  g_auto(GStrv) pb = g_strsplit (b, "\n", -1);

  for (guint i = 0; pa[i] != NULL; i++)
    g_strstrip (pa[i]);
  for (guint i = 0; pb[i] != NULL; i++)
    g_strstrip (pb[i]);
  x = g_strjoinv ("\n", pa);
  y = g_strjoinv ("\n", pb);
  g_assert_cmpstr (g_strstrip (x), ==, g_strstrip (y));
}

/* ---- DOCX ------------------------------------------------------------------------------ */

static void
round_trip (NbReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) docx = nb_docx_export (report, "0123abcd", TRUE, FALSE, &error);
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(NbReport) back = NULL;
  NbImportOptions options;
  gsize length;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (docx, &length);
  g_assert_true (nb_zip_looks_like (data, length));

  nb_import_options_init (&options);
  back = nb_office_import_report (data, length, &options, &messages, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < messages->len; i++)
    {
      NbImportMessage *m = messages->pdata[i];
      g_test_message ("%s", m->message);
      g_assert_cmpint (m->severity, ==, NB_IMPORT_SEVERITY_INFO);
    }

  g_assert_cmpint (nb_report_get_edition (back), ==, nb_report_get_edition (report));
  g_assert_cmpstr (nb_report_get_organ (back), ==, nb_report_get_organ (report));
  g_assert_cmpint (nb_report_get_year (back), ==, nb_report_get_year (report));
  g_assert_cmpstr (nb_report_get_title (back), ==, nb_report_get_title (report));
  g_assert_cmpstr (nb_report_get_date (back), ==, nb_report_get_date (report));
  for (NbTextSection s = 0; s < NB_N_TEXT_SECTIONS; s++)
    assert_same_text (nb_report_get_text (back, s), nb_report_get_text (report, s));
  assert_same_cells (report, back);

  g_assert_finalize_object (g_steal_pointer (&back));
}

static void
test_docx_round_trip_2021 (void)
{
  NbReport *report = report_2021 ();

  round_trip (report);
  g_assert_finalize_object (report);
}

static void
test_docx_round_trip_2019 (void)
{
  NbReport *report = report_2019 ();

  round_trip (report);
  g_assert_finalize_object (report);
}

static gboolean
is_w (xmlNode    *node,
      const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static char *
w_attribute (xmlNode    *node,
             const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0)
      return (char *) xmlNodeGetContent ((xmlNode *) a);
  return NULL;
}

typedef struct {
  guint n_tables, n_restart, n_continue, n_span;
  gboolean a4;
  gboolean span_applicants;     /* 申请人情况 across seven columns */
  gboolean merge_natural;       /* 自然人 down two rows */
  GPtrArray *signature;         /* the texts of the signature block's paragraphs */
} DocStats;

/* The style of paragraph @p (its w:pPr's w:pStyle), or NULL */
static char *
paragraph_style (xmlNode *p)
{
  for (xmlNode *pr = p->children; pr != NULL; pr = pr->next)
    if (is_w (pr, "pPr"))
      for (xmlNode *s = pr->children; s != NULL; s = s->next)
        if (is_w (s, "pStyle"))
          return w_attribute (s, "val");
  return NULL;
}

static void
walk (xmlNode  *node,
      DocStats *stats,
      char     *cell_text)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (c, "tbl"))
        stats->n_tables++;
      else if (is_w (c, "p"))
        {
          g_autofree char *style = paragraph_style (c);

          if (g_strcmp0 (style, NB_DOCX_STYLE_SIGNATURE) == 0)
            g_ptr_array_add (stats->signature, xmlNodeGetContent (c));
        }
      else if (is_w (c, "pgSz"))
        {
          g_autofree char *w = w_attribute (c, "w"), *h = w_attribute (c, "h");
          stats->a4 = g_strcmp0 (w, "11906") == 0 && g_strcmp0 (h, "16838") == 0;
        }
      else if (is_w (c, "tc"))
        {
          g_autofree char *text = (char *) xmlNodeGetContent (c);
          xmlNode *pr = c->children;
          g_autofree char *span = NULL, *merge = NULL;
          gboolean has_merge = FALSE;

          for (xmlNode *p = pr != NULL ? pr->children : NULL; p != NULL; p = p->next)
            {
              if (is_w (p, "gridSpan"))
                span = w_attribute (p, "val");
              else if (is_w (p, "vMerge"))
                {
                  has_merge = TRUE;
                  merge = w_attribute (p, "val");
                }
            }
          if (span != NULL)
            stats->n_span++;
          if (has_merge && g_strcmp0 (merge, "restart") == 0)
            stats->n_restart++;
          else if (has_merge)
            stats->n_continue++;
          if (g_strcmp0 (text, "申请人情况") == 0 && g_strcmp0 (span, "7") == 0)
            stats->span_applicants = TRUE;
          if (g_strcmp0 (text, "自然人") == 0 && g_strcmp0 (merge, "restart") == 0)
            stats->merge_natural = TRUE;
        }
      walk (c, stats, cell_text);
    }
}

/* document.xml holds real Word tables with merges and an A4 page, and
 * ends with the signature block as printed: its lines, then the organ,
 * （单位盖章） and the date. */
static void
test_docx_document_xml (void)
{
  g_autoptr(NbReport) report = report_2021 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) docx = nb_docx_export (report, NULL, TRUE, FALSE, &error);
  g_autoptr(GBytes) part = NULL;
  const char *data, *xml;
  gsize length, xml_length;
  g_autoptr(GPtrArray) signature = g_ptr_array_new_with_free_func (g_free);
  DocStats stats = { .signature = signature };
  xmlDoc *doc;

  g_assert_no_error (error);
  data = g_bytes_get_data (docx, &length);
  part = nb_zip_read_entry (data, length, "word/document.xml", G_MAXSIZE, &error);
  g_assert_no_error (error);
  xml = g_bytes_get_data (part, &xml_length);
  doc = xmlReadMemory (xml, (int) xml_length, "document.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  walk (xmlDocGetRootElement (doc), &stats, NULL);
  xmlFreeDoc (doc);

  g_assert_true (stats.a4);
  g_assert_cmpuint (stats.n_tables, ==, 3);     /* 二, 三, 四 */
  g_assert_true (stats.span_applicants);
  g_assert_true (stats.merge_natural);
  g_assert_cmpuint (stats.n_restart, >, 5);
  g_assert_cmpuint (stats.n_continue, >, 20);
  g_assert_cmpuint (stats.n_span, >, 10);
  g_assert_cmpuint (signature->len, ==, 1 + 4 + 3);   /* a blank line, 4 lines, the foot */
  g_assert_true (g_str_has_prefix (signature->pdata[1], "单位负责人（签字）："));
  g_assert_cmpstr (signature->pdata[5], ==, "示例县人民政府办公室");
  g_assert_cmpstr (signature->pdata[6], ==, "（单位盖章）");
  g_assert_cmpstr (signature->pdata[7], ==, "2025年1月20日");

  /* every part the package names is there */
  for (guint i = 0; i < 4; i++)
    {
      const char *names[] = { "[Content_Types].xml", "word/styles.xml", "word/footer1.xml",
                              "word/_rels/document.xml.rels" };
      g_autoptr(GBytes) entry = nb_zip_read_entry (data, length, names[i], G_MAXSIZE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (entry), >, 0);
    }
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* A Word document imported keeps its source as a page's: its text, and
 * for a number the place in it it came from. */
static void
test_docx_source (void)
{
  g_autoptr(NbReport) report = report_2021 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) docx = nb_docx_export (report, NULL, FALSE, FALSE, &error);
  g_autoptr(NbImportSource) source = NULL;
  g_autoptr(NbReport) back = NULL;
  NbImportLocation location;
  const char *text;
  gsize length;
  const char *data = g_bytes_get_data (docx, &length);
  NbTable *requests = nb_report_get_table (report, "s3_requests");
  g_autofree char *number = NULL;

  back = nb_office_import_report_with_source (data, length, NULL, NULL, NULL, &source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_nonnull (source);
  g_assert_cmpint (nb_import_source_get_kind (source), ==, NB_IMPORT_SOURCE_PAGE_TEXT);
  text = nb_import_source_get_text (source);
  g_assert_nonnull (strstr (text, "本年新收政府信息公开申请数量"));
  g_assert_true (nb_import_source_lookup (source, "s3_requests.new.natural", &location));
  number = g_strdup_printf ("%" G_GINT64_FORMAT, nb_table_get_number (requests, 0, 0));
  g_assert_cmpuint (location.end - location.start, ==, strlen (number));
  g_assert_cmpint (strncmp (text + location.start, number, strlen (number)), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&back));
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* A damaged package is refused with a message, never read half. */
static void
test_docx_damaged (void)
{
  g_autoptr(NbReport) report = report_2021 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) docx = nb_docx_export (report, NULL, FALSE, FALSE, &error);
  g_autoptr(NbReport) back = NULL;
  gsize length;
  const char *data = g_bytes_get_data (docx, &length);

  back = nb_docx_import (data, length / 2, NULL, NULL, &error);
  g_assert_null (back);
  g_assert_nonnull (error);
  g_clear_error (&error);
  back = nb_docx_import ("PK\003\004", 4, NULL, NULL, &error);
  g_assert_null (back);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* a package without the document, with a broken one, with one too large */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(NbZipWriter) zip = nb_zip_writer_new ();
      g_autoptr(GBytes) package = NULL;
      g_autofree char *filler = NULL;
      const char *name = i == 0 ? "word/other.xml" : "word/document.xml";
      gsize size = i == 2 ? NB_IMPORT_MAX_SIZE + 1 : 64;

      filler = g_malloc (size);
      memset (filler, ' ', size);
      memcpy (filler, "<w:document><w:body>", 20);
      g_assert_true (nb_zip_writer_add (zip, name, filler, size, &error));
      package = nb_zip_writer_finish (zip, &error);
      g_assert_no_error (error);
      data = g_bytes_get_data (package, &length);
      back = nb_docx_import (data, length, NULL, NULL, &error);
      g_assert_null (back);
      g_test_message ("%s", error->message);
      g_assert_true (i == 0 ? g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     : i == 1 ? g_error_matches (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_REPORT)
                     : g_error_matches (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE));
      g_clear_error (&error);
    }
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* A binary .doc (what many portals attach), an OpenDocument text and an
 * Excel workbook are refused saying what they are and what to do: the
 * first two are LibreOffice's of a published page. */
static void
test_other_office_kinds (void)
{
  static const char *const documents[] = {
    "published/pingtan-2024-page-lo.doc", "published/pingtan-2024-page-lo.odt",
  };
  g_autoptr(NbReport) report = report_2021 ();
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xlsx = nb_xlsx_export_report (report, nb_checker_get_findings (checker), &error);
  gsize length;
  const char *data;

  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *document = test_read_data (documents[i], &length);

      g_assert_null (nb_office_import_report (document, length, NULL, NULL, &error));
      g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_FORMAT);
      g_assert_nonnull (strstr (error->message, i == 0 ? "Word 97–2003 .doc" : "OpenDocument"));
      g_clear_error (&error);
    }
  data = g_bytes_get_data (xlsx, &length);
  g_assert_null (nb_office_import_report (data, length, NULL, NULL, &error));
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "Excel workbook"));
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* ---- XLSX read back -------------------------------------------------------------------- */

typedef struct {
  char *value;     /* <v>, or the shared string */
  char *formula;   /* <f> */
} XCell;

static void
xcell_free (gpointer data)
{
  XCell *cell = data;
  g_free (cell->value);
  g_free (cell->formula);
  g_free (cell);
}

static xmlDoc *
read_part (GBytes     *xlsx,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) part = NULL;
  gsize length;
  const char *data = g_bytes_get_data (xlsx, &length);
  xmlDoc *doc;

  part = nb_zip_read_entry (data, length, name, G_MAXSIZE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (part, &length);
  doc = xmlReadMemory (data, (int) length, name, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_w (c, name))
      return c;
  return NULL;
}

/* The cells of sheet @index (from 1): "D6" → XCell */
static GHashTable *
read_sheet (GBytes *xlsx,
            guint   index)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, xcell_free);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = g_strdup_printf ("xl/worksheets/sheet%u.xml", index);
  xmlDoc *shared = read_part (xlsx, "xl/sharedStrings.xml");
  xmlDoc *sheet = read_part (xlsx, name);
  xmlNode *data = child (xmlDocGetRootElement (sheet), "sheetData");

  g_assert_nonnull (data);
  for (xmlNode *si = xmlDocGetRootElement (shared)->children; si != NULL; si = si->next)
    if (is_w (si, "si"))
      g_ptr_array_add (strings, xmlNodeGetContent (si));

  for (xmlNode *row = data->children; row != NULL; row = row->next)
    for (xmlNode *c = row->children; c != NULL; c = c->next)
      {
        XCell *cell = g_new0 (XCell, 1);
        g_autofree char *type = w_attribute (c, "t");
        xmlNode *v = child (c, "v"), *f = child (c, "f");

        if (v != NULL)
          cell->value = (char *) xmlNodeGetContent (v);
        if (f != NULL)
          cell->formula = (char *) xmlNodeGetContent (f);
        if (g_strcmp0 (type, "s") == 0 && cell->value != NULL)
          {
            guint i = (guint) g_ascii_strtoull (cell->value, NULL, 10);
            g_assert_cmpuint (i, <, strings->len);
            g_free (cell->value);
            cell->value = g_strdup (strings->pdata[i]);
          }
        g_hash_table_insert (cells, w_attribute (c, "r"), cell);
      }
  xmlFreeDoc (shared);
  xmlFreeDoc (sheet);
  return cells;
}

static char *
cell_name (guint row,
           guint column)
{
  GString *s = g_string_new (NULL);

  for (guint c = column + 1; c > 0; c = (c - 1) / 26)
    g_string_prepend_c (s, (char) ('A' + (c - 1) % 26));
  g_string_append_printf (s, "%u", row + 1);
  return g_string_free (s, FALSE);
}

/* The row (from 0) of the first cell of column @column holding @text. */
static guint
find_row (GHashTable *cells,
          guint       column,
          const char *text)
{
  for (guint row = 0; row < 200; row++)
    {
      g_autofree char *name = cell_name (row, column);
      XCell *cell = g_hash_table_lookup (cells, name);

      if (cell != NULL && g_strcmp0 (cell->value, text) == 0)
        return row;
    }
  g_error ("no “%s” in column %u", text, column);
}

/* @formulas: whether totals are to be formulas (the forms) or plain
 * numbers (a unit's row of the 汇总) */
static void
assert_xcell (XCell      *cell,
              NbTable    *table,
              guint       r,
              guint       c,
              gboolean    formulas)
{
  gint64 number = 0;
  g_autoptr(GError) error = NULL;

  switch (nb_table_get_state (table, r, c))
    {
    case NB_CELL_EMPTY:
      g_assert_true (cell == NULL || (cell->value == NULL && cell->formula == NULL));
      break;
    case NB_CELL_MARKER:
      g_assert_nonnull (cell);
      g_assert_cmpstr (cell->value, ==, nb_table_get_marker (table, r, c));
      break;
    case NB_CELL_NUMBER:
    default:
      g_assert_nonnull (cell);
      g_assert_nonnull (cell->value);
      nb_value_parse (cell->value, nb_table_get_kind (table, c), &number, &error);
      g_assert_no_error (error);
      g_assert_cmpint (number, ==, nb_table_get_number (table, r, c));
      if (formulas && nb_table_is_total (table, r, c) && !nb_table_is_overridden (table, r, c))
        {
          g_assert_nonnull (cell->formula);
          g_assert_true (g_str_has_prefix (cell->formula, "SUM("));
        }
      else
        g_assert_null (cell->formula);
      break;
    }
}

/* Every cell of every table, found by its row's label in the sheet of
 * its section. */
static void
assert_workbook (GBytes   *xlsx,
                 NbReport *report)
{
  guint sheet_of_section[NB_N_SECTIONS + 1] = { 0, 0, 1, 2, 3 };
  guint n_formulas = 0;

  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    {
      NbTable *table = nb_report_get_table_at (report, t);
      const NbTableDef *def = nb_table_get_def (table);
      g_autoptr(GHashTable) cells = read_sheet (xlsx, sheet_of_section[def->section]);
      guint nl = def->n_label_columns;

      for (guint r = 0; r < def->n_rows; r++)
        {
          const NbRowDef *row = &def->rows[r];
          guint first = row->group == NULL ? 0 : row->subgroup == NULL ? 1 : 2;
          guint sheet_row = nl > 0 ? find_row (cells, first, row->label)
                                   : find_row (cells, 0, def->header[0].text) + def->n_header_rows;

          for (guint c = 0; c < def->n_columns; c++)
            {
              g_autofree char *name = cell_name (sheet_row, nl + c);
              XCell *cell = g_hash_table_lookup (cells, name);

              g_test_message ("%s.%s.%s at %s", def->key, row->key, def->columns[c].key, name);
              assert_xcell (cell, table, r, c, TRUE);
              n_formulas += cell != NULL && cell->formula != NULL;
            }
        }
    }
  g_assert_cmpuint (n_formulas, >, 20);
}

static void
xlsx_report (NbReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(GHashTable) findings = NULL;
  g_autoptr(GBytes) xlsx = NULL;

  xlsx = nb_xlsx_export_report (report, nb_checker_get_findings (checker), &error);
  g_assert_no_error (error);
  assert_workbook (xlsx, report);

  /* the findings sheet: a header and one row per finding */
  findings = read_sheet (xlsx, 4);
  for (guint i = 0; i < g_list_model_get_n_items (nb_checker_get_findings (checker)); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (nb_checker_get_findings (checker), i);
      g_autofree char *name = cell_name (i + 1, 4);
      g_autofree char *severity_name = cell_name (i + 1, 0);
      g_autofree char *section_name = cell_name (i + 1, 2);
      XCell *cell = g_hash_table_lookup (findings, name);
      XCell *severity = g_hash_table_lookup (findings, severity_name);
      XCell *section = g_hash_table_lookup (findings, section_name);

      g_assert_nonnull (cell);
      g_assert_cmpstr (cell->value, ==, nb_finding_get_message (finding));
      /* in the user's words, not the file's keys */
      g_assert_cmpstr (severity->value, ==, nb_severity_get_label (nb_finding_get_severity (finding)));
      if (nb_finding_get_section (finding) > 0)
        g_assert_cmpstr (section->value, ==, nb_section_heading (nb_finding_get_section (finding)));
    }

  g_assert_finalize_object (g_steal_pointer (&checker));
}

static void
test_xlsx_report_2021 (void)
{
  NbReport *report = report_2021 ();

  xlsx_report (report);
  g_assert_finalize_object (report);
}

static void
test_xlsx_report_2019 (void)
{
  NbReport *report = report_2019 ();

  /* a total that is not its parts stays a number, not a formula */
  test_set (report, "s3_requests.new.total", 1000);
  xlsx_report (report);
  g_assert_finalize_object (report);
}

/* The 汇总 of three units: a row each, a column per cell key, and sums
 * by formula. */
static void
test_xlsx_summary (void)
{
  g_autoptr(GListStore) store = g_list_store_new (NB_TYPE_UNIT_STATUS);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) summary = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GBytes) xlsx = NULL;
  const char *organs[] = { "甲县人民政府办公室", "乙县人民政府办公室", "丙县人民政府办公室" };
  const NbEditionDef *edition;
  guint column = 2;

  for (guint u = 0; u < G_N_ELEMENTS (organs); u++)
    {
      NbReport *unit = test_clean_report (NB_EDITION_2021);

      nb_report_set_organ (unit, organs[u]);
      test_set (unit, "s3_requests.new.natural", 10 * (u + 1));
      test_set (unit, "s2_fees.fees.amount", 12345 * (u + 1) * NB_AMOUNT_SCALE / 10000);    /* 1.2345 万元 … */
      nb_aggregate_add_report (store, unit, organs[u]);
      g_ptr_array_add (units, unit);
    }
  nb_table_clear (nb_report_get_table (units->pdata[1], "s4_appeals"), 0, 0);
  summary = nb_aggregate (G_LIST_MODEL (store), NULL, NULL, &error);
  g_assert_no_error (error);

  xlsx = nb_xlsx_export_summary (summary, units, &error);
  g_assert_no_error (error);
  cells = read_sheet (xlsx, 1);

  for (guint u = 0; u < units->len; u++)
    {
      g_autofree char *name = cell_name (2 + u, 0);
      g_assert_cmpstr (((XCell *) g_hash_table_lookup (cells, name))->value, ==, organs[u]);
    }

  edition = nb_report_get_edition_def (summary);
  for (guint t = 0; t < edition->n_tables; t++)
    {
      const NbTableDef *def = &edition->tables[t];

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++, column++)
          {
            g_autofree char *key = g_strdup_printf ("%s.%s.%s", def->key, def->rows[r].key,
                                                    def->columns[c].key);
            g_autofree char *key_cell = cell_name (0, column);
            g_autofree char *sum_cell = cell_name (2 + units->len, column);
            XCell *sum = g_hash_table_lookup (cells, sum_cell);
            gint64 expected = 0, number = 0;
            gboolean any = FALSE;

            g_assert_cmpstr (((XCell *) g_hash_table_lookup (cells, key_cell))->value, ==, key);
            for (guint u = 0; u < units->len; u++)
              {
                NbTable *table = nb_report_get_table (units->pdata[u], def->key);
                g_autofree char *name = cell_name (2 + u, column);

                assert_xcell (g_hash_table_lookup (cells, name), table, r, c, FALSE);
                if (nb_table_get_state (table, r, c) == NB_CELL_NUMBER)
                  {
                    expected += nb_table_get_number (table, r, c);
                    any = TRUE;
                  }
              }
            if (!any)
              {
                g_assert_true (sum == NULL || sum->value == NULL);
                continue;
              }
            g_assert_nonnull (sum);
            g_assert_true (g_str_has_prefix (sum->formula, "SUM("));
            nb_value_parse (sum->value, def->columns[c].kind, &number, &error);
            g_assert_no_error (error);
            g_assert_cmpint (number, ==, expected);
          }
    }

  g_ptr_array_set_size (units, 0);
  g_assert_finalize_object (g_steal_pointer (&summary));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/office/docx/round-trip-2021", test_docx_round_trip_2021);
  g_test_add_func ("/office/docx/round-trip-2019", test_docx_round_trip_2019);
  g_test_add_func ("/office/docx/document-xml", test_docx_document_xml);
  g_test_add_func ("/office/docx/source", test_docx_source);
  g_test_add_func ("/office/docx/damaged", test_docx_damaged);
  g_test_add_func ("/office/other-kinds", test_other_office_kinds);
  g_test_add_func ("/office/xlsx/report-2021", test_xlsx_report_2021);
  g_test_add_func ("/office/xlsx/report-2019", test_xlsx_report_2019);
  g_test_add_func ("/office/xlsx/summary", test_xlsx_summary);

  return g_test_run ();
}
