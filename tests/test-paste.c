/* test-paste.c — reading text pasted from WPS, Excel and web pages
 *
 * The parser is in the core: this test needs no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nb-paste.h"

static void
assert_row (GPtrArray *rows, guint i, const char * const *expected)
{
  GStrv row;

  g_assert_cmpuint (i, <, rows->len);
  row = g_ptr_array_index (rows, i);
  g_assert_cmpstrv (row, expected);
}

static void
test_tabs_and_newlines (void)
{
  g_autoptr(GPtrArray) rows = nb_paste_parse ("16\t6\t0\t\t0\r\n1,234\t2\t3\t4\t5\r\n");
  const char *first[] = { "16", "6", "0", "", "0", NULL };
  const char *second[] = { "1,234", "2", "3", "4", "5", NULL };

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, first);
  assert_row (rows, 1, second);
}

static void
test_spaces_units_labels (void)
{
  /* Copied from a web page: runs of spaces, ideographic spaces, units. */
  g_autoptr(GPtrArray) rows = nb_paste_parse ("（一）予以公开   16件  6 件\u30000\n\n1.属于国家秘密 0 0 0\n");
  const char *first[] = { "16", "6", "0", NULL };
  const char *second[] = { "0", "0", "0", NULL };

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, first);
  assert_row (rows, 1, second);
}

static void
test_header_and_merged_labels (void)
{
  /* A copied table: a header line, then rows led by merged label cells. */
  g_autoptr(GPtrArray) rows =
    nb_paste_parse ("\t自然人\t商业企业\n三、本年度办理结果\t（一）予以公开\t16\t6\n\t\t3.危及“三安全一稳定”\t-\t2\n");
  const char *first[] = { "16", "6", NULL };
  const char *second[] = { "-", "2", NULL };

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, first);
  assert_row (rows, 1, second);
}

static void
test_clean_cell (void)
{
  char *clean;

  clean = nb_paste_clean_cell ("  12.5 万元 ");
  g_assert_cmpstr (clean, ==, "12.5");
  g_free (clean);
  clean = nb_paste_clean_cell ("3件");
  g_assert_cmpstr (clean, ==, "3");
  g_free (clean);
  /* A unit alone is not stripped to nothing. */
  clean = nb_paste_clean_cell ("件");
  g_assert_cmpstr (clean, ==, "件");
  g_free (clean);
  clean = nb_paste_clean_cell ("１２");
  g_assert_cmpstr (clean, ==, "１２");
  g_free (clean);
}

static void
test_nothing (void)
{
  g_autoptr(GPtrArray) empty = nb_paste_parse ("");
  g_autoptr(GPtrArray) words = nb_paste_parse ("自然人\t商业企业\n");
  g_autoptr(GPtrArray) invalid = nb_paste_parse ("\xff\xfe");

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (words->len, ==, 0);
  g_assert_cmpuint (invalid->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/paste/tabs-and-newlines", test_tabs_and_newlines);
  g_test_add_func ("/paste/spaces-units-labels", test_spaces_units_labels);
  g_test_add_func ("/paste/header-and-merged-labels", test_header_and_merged_labels);
  g_test_add_func ("/paste/clean-cell", test_clean_cell);
  g_test_add_func ("/paste/nothing", test_nothing);
  return g_test_run ();
}
