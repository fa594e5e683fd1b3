/* test-bounded.c — texts that would cost without bound or mislead
 *
 * tests/data/bad-cost/ holds reports that load (they are valid) but whose
 * texts, laid out as they are, froze the window and printed for minutes
 * (100,000 combining accents on one character), or turn a line around
 * (U+202E) or break the PDF (U+FFFF); a title of a million characters and
 * a marker of a megabyte are made here.  Each is checked and printed;
 * the time is printed, never asserted (benchmarks/run measures them;
 * meson's timeout catches a hang).  nb_display_text() is the one bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "nb-display-text.h"
#include "nb-html-export.h"
#include "nb-page-renderer.h"
#include "nb-report-file.h"
#include "test-util.h"

static void
assert_display (const char *text,
                const char *expected,
                gboolean    expected_changed)
{
  gboolean changed;
  g_autofree char *shown = nb_display_text (text, &changed);

  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpint (changed, ==, expected_changed);
}

static void
test_display_text (void)
{
  g_autoptr(GString) accents = g_string_new ("a");
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *shown = NULL;

  assert_display ("示例县人民政府办公室", "示例县人民政府办公室", FALSE);
  assert_display ("", "", FALSE);
  /* marks: four kept on a character, the count starts again on the next */
  for (guint i = 0; i < 10; i++)
    g_string_append (accents, "\u0301");
  g_string_append (accents, "e\u0301");
  assert_display (accents->str, "a\u0301\u0301\u0301\u0301e\u0301", TRUE);
  /* bidi controls and noncharacters show as U+FFFD; the marks stay */
  assert_display ("甲\u202e乙\u2066丙\u200f丁", "甲\uFFFD乙\uFFFD丙\u200f丁", TRUE);
  assert_display ("甲\uffff乙\ufdd0", "甲\uFFFD乙\uFFFD", TRUE);
  g_assert_true (nb_display_text_has_bidi_controls ("a\u202eb"));
  g_assert_false (nb_display_text_has_bidi_controls ("a\u200fb"));
  /* length: NB_DISPLAY_MAX_CHARS characters, then “…” */
  for (guint i = 0; i < NB_DISPLAY_MAX_CHARS; i++)
    g_string_append (long_text, "年");
  assert_display (long_text->str, long_text->str, FALSE);
  g_string_append (long_text, "度");
  shown = nb_display_text (long_text->str, NULL);
  g_assert_cmpuint (g_utf8_strlen (shown, -1), ==, NB_DISPLAY_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (shown, "年\u2026"));
}

/* Checks and prints @report; returns the microseconds it took. */
static gint64
check_and_print (NbReport   *report,
                 const char *what)
{
  g_autofree char *dir = g_dir_make_tmp ("nb-bounded-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *html = NULL;
  g_autoptr(NbChecker) checker = NULL;
  g_autoptr(NbPageRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time (), elapsed;

  checker = nb_checker_new (report);
  /* a finding quotes a text it names, cut short: never the whole text */
  for (guint i = 0; i < g_list_model_get_n_items (nb_checker_get_findings (checker)); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (nb_checker_get_findings (checker), i);

      g_assert_cmpuint (strlen (nb_finding_get_message (finding)), <, 2000);
    }
  renderer = nb_page_renderer_new (report);
  g_assert_true (nb_page_renderer_write_pdf (renderer, pdf, &error));
  g_assert_no_error (error);
  html = nb_html_export (report, NULL, FALSE);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("%s: checked, printed (%u pages) and exported in %.3f s", what,
                  nb_page_renderer_paginate (renderer), elapsed / 1e6);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_remove (pdf);
  g_rmdir (dir);
  return elapsed;
}

static NbReport *
load_bad_cost (const char *name)
{
  g_autofree char *relative = g_build_filename ("bad-cost", name, NULL);
  g_autofree char *path = test_data_path (relative);
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_load_from_path (path, &error);

  g_assert_no_error (error);
  return report;
}

static void
test_accents (void)
{
  g_autoptr(NbReport) report = load_bad_cost ("accents-100000.nianbao");

  g_assert_cmpuint (g_utf8_strlen (nb_report_get_organ (report), -1), >, 100000);
  check_and_print (report, "100,000 accents on one character of the organ");
}

static void
test_long_title (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(GString) title = g_string_new (NULL);

  for (guint i = 0; i < 1000000; i++)
    g_string_append (title, "年");
  nb_report_set_title (report, title->str);
  check_and_print (report, "a title of 1,000,000 characters");
}

static void
test_long_marker (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbTable *table = nb_report_get_table (report, "s2_regulations");
  g_autoptr(GString) marker = g_string_new (NULL);

  while (marker->len < 1024 * 1024)
    g_string_append (marker, "不适用");
  nb_table_set_marker (table, 0, 0, marker->str);
  g_assert_cmpstr (nb_table_get_marker (table, 0, 0), ==, marker->str);
  check_and_print (report, "a cell marker of 1 MB");
}

/* U+FFFF in the organ once broke the PDF (cairo refused the title). */
static void
test_noncharacters (void)
{
  g_autoptr(NbReport) report = load_bad_cost ("noncharacters.nianbao");

  check_and_print (report, "noncharacters in the organ");
}

/* U+202E in the organ, a text and a marker: in the web page each such
 * text is isolated in <bdi>, so it turns nothing around outside it; the
 * page's <title> shows U+FFFD. */
static void
test_bidi (void)
{
  g_autoptr(NbReport) organ = load_bad_cost ("bidi-controls.nianbao");
  g_autoptr(NbReport) texts = load_bad_cost ("bidi-text-marker.nianbao");
  g_autoptr(NbReport) clean = test_clean_report (NB_EDITION_2021);
  g_autofree char *html = NULL, *plain = NULL;

  check_and_print (organ, "bidi controls in the organ");
  check_and_print (texts, "bidi controls in a text and a marker");

  html = nb_html_export (organ, NULL, FALSE);
  g_assert_nonnull (strstr (html, "<h1><bdi>示例县\u202e人民政府\u202d办公室\u2067"));
  g_assert_nonnull (strstr (html, "</bdi></h1>"));
  g_assert_nonnull (strstr (html, "<title>示例县\uFFFD人民政府\uFFFD办公室\uFFFD"));
  g_clear_pointer (&html, g_free);

  html = nb_html_export (texts, NULL, FALSE);
  g_assert_nonnull (strstr (html, "<td class=\"n\"><bdi>\u202e不适用</bdi></td>"));
  g_assert_nonnull (strstr (html, "<p><bdi>\u202e"));

  /* a report without controls has no <bdi> at all */
  plain = nb_html_export (clean, NULL, FALSE);
  g_assert_null (strstr (plain, "<bdi>"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bounded/display-text", test_display_text);
  g_test_add_func ("/bounded/accents", test_accents);
  g_test_add_func ("/bounded/long-title", test_long_title);
  g_test_add_func ("/bounded/long-marker", test_long_marker);
  g_test_add_func ("/bounded/noncharacters", test_noncharacters);
  g_test_add_func ("/bounded/bidi", test_bidi);
  return g_test_run ();
}
