/* test-import-source.c — where the numbers of an imported report came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <poppler.h>

#include "nb-import.h"
#include "test-util.h"

static NbReport *
import_with_source (const char      *name,
                    NbImportSource **source)
{
  gsize length;
  g_autofree char *data = test_read_data (name, &length);
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_import_report_with_source (data, length, NULL, NULL, &messages, source, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_nonnull (*source);
  return report;
}

/* The bytes of @location in the source's text. */
static char *
spelled (NbImportSource         *source,
         const NbImportLocation *location)
{
  const char *text = nb_import_source_get_text (source);

  g_assert_nonnull (text);
  g_assert_cmpuint (location->end, >, location->start);
  g_assert_cmpuint (location->end, <=, strlen (text));
  return g_strndup (text + location->start, location->end - location->start);
}

/* The line (1-based) of the text where @location starts. */
static guint
line_of (NbImportSource         *source,
         const NbImportLocation *location)
{
  const char *text = nb_import_source_get_text (source);
  guint line = 1;

  for (gsize i = 0; i < location->start; i++)
    line += text[i] == '\n';
  return line;
}

static void
assert_spells (NbImportSource *source,
               const char     *address,
               const char     *number)
{
  NbImportLocation location;
  g_autofree char *text = NULL;

  g_assert_true (nb_import_source_lookup (source, address, &location));
  g_assert_cmpuint (location.page, ==, 0);
  text = spelled (source, &location);
  g_assert_cmpstr (text, ==, number);
}

/* A PDF: the page and the rectangle of a cell's number hold its glyphs. */
static void
assert_pdf_source (const char *name)
{
  g_autoptr(NbImportSource) source = NULL;
  g_autoptr(NbReport) report = import_with_source (name, &source);
  PopplerDocument *document;
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *address;
    const char *number;
  } cells[] = {
    { "s3_requests.new.natural", "3001" },
    { "s3_requests.new.total", "3119" },
    { "s2_licensing.licensing.decisions", "447228" },
  };

  g_assert_cmpint (nb_import_source_get_kind (source), ==, NB_IMPORT_SOURCE_PDF);
  g_assert_null (nb_import_source_get_text (source));
  document = poppler_document_new_from_bytes (nb_import_source_get_pdf (source), NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      NbImportLocation location;
      PopplerPage *page;
      PopplerRectangle rect;
      g_autofree char *text = NULL;
      g_autofree char *stripped = NULL;

      g_assert_true (nb_import_source_lookup (source, cells[i].address, &location));
      g_assert_cmpuint (location.page, >=, 1);
      g_assert_cmpint ((int) location.page, <=, poppler_document_get_n_pages (document));
      g_assert_cmpfloat (location.x2, >, location.x1);
      g_assert_cmpfloat (location.y2, >, location.y1);
      /* a number is a word, not a column or a line of the page (on a
       * page set sideways, as tall as it is long) */
      g_assert_cmpfloat (MIN (location.x2 - location.x1, location.y2 - location.y1), <, 30);
      g_assert_cmpfloat (MAX (location.x2 - location.x1, location.y2 - location.y1), <, 80);
      page = poppler_document_get_page (document, (int) location.page - 1);
      rect = (PopplerRectangle) { location.x1, location.y1, location.x2, location.y2 };
      text = poppler_page_get_text_for_area (page, &rect);
      stripped = g_strstrip (g_strdup (text));
      g_object_unref (page);
      g_assert_cmpstr (stripped, ==, cells[i].number);
    }
  g_assert_false (nb_import_source_lookup (source, "no_table.no_row.no_column", NULL));
  g_assert_cmpuint (nb_import_source_get_n_unplaced (source), ==, 0);

  g_assert_finalize_object (document);
  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_finalize_object (g_steal_pointer (&source));
}

static void
test_pdf (void)
{
  assert_pdf_source ("published/huaian-2024.pdf");
}

/* The same PDF with the pages of its tables set sideways: the rectangle
 * is on the page as shown, where the number's glyphs are. */
static void
test_pdf_sideways (void)
{
  assert_pdf_source ("published/huaian-2024-sideways.pdf");
}

/* Text: a cell's bytes spell its number, on its line. */
static void
test_text (void)
{
  g_autoptr(NbImportSource) source = NULL;
  g_autoptr(NbReport) report = import_with_source ("published/huaian-2024-pdf-layout.txt", &source);
  NbImportLocation location;

  g_assert_cmpint (nb_import_source_get_kind (source), ==, NB_IMPORT_SOURCE_TEXT);
  g_assert_null (nb_import_source_get_pdf (source));
  assert_spells (source, "s3_requests.new.natural", "3001");
  assert_spells (source, "s3_requests.new.total", "3119");
  assert_spells (source, "s3_requests.carried_over.total", "34");
  g_assert_true (nb_import_source_lookup (source, "s3_requests.new.total", &location));
  g_assert_cmpuint (line_of (source, &location), ==, 123);
  /* the same number twice on a line: each cell has its own */
  {
    NbImportLocation a, b;

    g_assert_true (nb_import_source_lookup (source, "s3_requests.carried_over.natural", &a));
    g_assert_true (nb_import_source_lookup (source, "s3_requests.carried_over.total", &b));
    g_assert_cmpuint (a.end, <, b.start);
  }
  g_assert_cmpuint (nb_import_source_get_n_unplaced (source), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_finalize_object (g_steal_pointer (&source));
}

/* The number of @address spells @number on line @line of the source. */
static void
assert_spells_on (NbImportSource *source,
                  const char     *address,
                  const char     *number,
                  guint           line)
{
  NbImportLocation location;

  assert_spells (source, address, number);
  g_assert_true (nb_import_source_lookup (source, address, &location));
  g_assert_cmpuint (line_of (source, &location), ==, line);
}

/* pdftotext's default text, whose rows' numbers the importer joins over
 * lines and whose label lines among them it moves after the numbers: each
 * cell still points at its own line of the text as published. */
static void
test_joined_lines (void)
{
  g_autoptr(NbImportSource) source = NULL;
  g_autoptr(NbReport) report = import_with_source ("published/pingtan-2025-page-chrome-serif-pdf-default.txt",
                                                   &source);

  g_assert_cmpint (nb_import_source_get_kind (source), ==, NB_IMPORT_SOURCE_TEXT);
  assert_spells_on (source, "s3_requests.new.natural", "151", 136);
  assert_spells_on (source, "s3_requests.new.total", "154", 140);
  /* （二）部分公开（区分处理的，只计这一 38 0 0 0 / 情形，不计其他情形） / 0 / 0 38 */
  assert_spells_on (source, "s3_requests.partly_granted.natural", "38", 161);
  assert_spells_on (source, "s3_requests.partly_granted.total", "38", 166);
  /* the label's lines before and after the 8 */
  assert_spells_on (source, "s3_requests.other_no_correction.natural", "8", 329);
  assert_spells_on (source, "s3_requests.other_no_correction.total", "8", 337);
  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_finalize_object (g_steal_pointer (&source));
}

/* A crawler's text with digits run together: a row split by its totals
 * points at the run; a row that could not be split is listed with it. */
static void
test_unplaced (void)
{
  g_autoptr(NbImportSource) source = NULL;
  g_autoptr(NbReport) report = import_with_source ("import/huaian-2024-glued.txt", &source);
  NbImportLocation location;
  g_autofree char *run = NULL;

  assert_spells (source, "s3_requests.new.natural", "300153006143119");
  assert_spells (source, "s3_requests.new.total", "300153006143119");

  g_assert_cmpuint (nb_import_source_get_n_unplaced (source), ==, 3);
  g_assert_nonnull (strstr (nb_import_source_get_unplaced_message (source, 0), "「规章」"));
  g_assert_cmpstr (nb_import_source_get_unplaced_where (source, 0), ==, "第 76 行");
  g_assert_true (nb_import_source_get_unplaced_location (source, 0, &location));
  run = spelled (source, &location);
  g_assert_cmpstr (run, ==, "1011");
  g_assert_cmpuint (line_of (source, &location), ==, 76);
  g_assert_nonnull (strstr (nb_import_source_get_unplaced_message (source, 1), "「行政规范性文件」"));
  g_assert_true (nb_import_source_get_unplaced_location (source, 1, &location));
  g_assert_cmpuint (line_of (source, &location), ==, 77);
  /* a row that more than one split fits, tried again after the others */
  g_assert_true (nb_import_source_get_unplaced_location (source, 2, &location));
  g_assert_cmpuint (line_of (source, &location), ==, 188);

  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_finalize_object (g_steal_pointer (&source));
}

/* A web page: the text extracted from its HTML, a line per paragraph or
 * row; a cell's bytes spell its number. */
static void
test_page (void)
{
  g_autoptr(NbImportSource) source = NULL;
  g_autoptr(NbReport) report = import_with_source ("published/pingtan-2024-page.html", &source);
  g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, test_get (report, "s3_requests.new.total"));
  NbImportLocation location;

  g_assert_cmpint (nb_import_source_get_kind (source), ==, NB_IMPORT_SOURCE_PAGE_TEXT);
  g_assert_null (strstr (nb_import_source_get_text (source), "<"));
  assert_spells (source, "s3_requests.new.total", total);
  g_assert_true (nb_import_source_lookup (source, "s3_requests.new.total", &location));
  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_finalize_object (g_steal_pointer (&source));
}

/* Without a source asked for, the import is as before. */
static void
test_no_source (void)
{
  gsize length;
  g_autofree char *data = test_read_data ("published/huaian-2024-pdf-layout.txt", &length);
  g_autoptr(GPtrArray) messages = NULL;
  NbImportSummary summary;
  NbReport *report = nb_import_report_with_source (data, length, NULL, &summary, &messages, NULL, NULL);

  g_assert_nonnull (report);
  g_assert_cmpuint (summary.n_unplaced, ==, 0);
  g_assert_cmpuint (summary.n_placed, >, 0);
  g_assert_finalize_object (report);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-source/pdf", test_pdf);
  g_test_add_func ("/import-source/pdf-sideways", test_pdf_sideways);
  g_test_add_func ("/import-source/text", test_text);
  g_test_add_func ("/import-source/joined-lines", test_joined_lines);
  g_test_add_func ("/import-source/unplaced", test_unplaced);
  g_test_add_func ("/import-source/page", test_page);
  g_test_add_func ("/import-source/no-source", test_no_source);
  return g_test_run ();
}
