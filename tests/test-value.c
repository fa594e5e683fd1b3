/* test-value.c — parsing and printing exact cell numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nb-value.h"

static void
assert_parses (const char *text,
               NbCellKind  kind,
               gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 number = -1;

  g_assert_true (nb_value_parse (text, kind, &number, &error));
  g_assert_no_error (error);
  g_assert_cmpint (number, ==, expected);
}

static void
assert_refused (const char   *text,
                NbCellKind    kind,
                NbValueError  code)
{
  g_autoptr(GError) error = NULL;
  gint64 number = 42;

  g_assert_false (nb_value_parse (text, kind, &number, &error));
  g_assert_error (error, NB_VALUE_ERROR, (int) code);
  g_assert_cmpint (number, ==, 42);
}

static void
test_parse_counts (void)
{
  assert_parses ("0", NB_CELL_KIND_COUNT, 0);
  assert_parses ("  22 ", NB_CELL_KIND_COUNT, 22);
  assert_parses ("3,985,758", NB_CELL_KIND_COUNT, 3985758);
  assert_parses ("１２", NB_CELL_KIND_COUNT, 12);
  assert_parses ("7.0", NB_CELL_KIND_COUNT, 7);
  assert_parses ("+1036", NB_CELL_KIND_SIGNED, 1036);
  assert_parses ("-8", NB_CELL_KIND_SIGNED, -8);
  assert_parses ("－8", NB_CELL_KIND_SIGNED, -8);
  assert_parses ("999999999999", NB_CELL_KIND_COUNT, NB_VALUE_MAX);

  assert_refused ("", NB_CELL_KIND_COUNT, NB_VALUE_ERROR_INVALID);
  assert_refused ("abc", NB_CELL_KIND_COUNT, NB_VALUE_ERROR_INVALID);
  assert_refused ("12a", NB_CELL_KIND_COUNT, NB_VALUE_ERROR_INVALID);
  assert_refused ("1,23", NB_CELL_KIND_COUNT, NB_VALUE_ERROR_INVALID);
  assert_refused ("-", NB_CELL_KIND_SIGNED, NB_VALUE_ERROR_INVALID);
  assert_refused ("-3", NB_CELL_KIND_COUNT, NB_VALUE_ERROR_NEGATIVE);
  assert_refused ("2.5", NB_CELL_KIND_COUNT, NB_VALUE_ERROR_NOT_WHOLE);
  assert_refused ("1000000000000", NB_CELL_KIND_COUNT, NB_VALUE_ERROR_TOO_LARGE);
  assert_refused ("99999999999999999999999", NB_CELL_KIND_COUNT, NB_VALUE_ERROR_TOO_LARGE);
  assert_refused ("\xff", NB_CELL_KIND_COUNT, NB_VALUE_ERROR_INVALID);
}

static void
test_parse_amounts (void)
{
  /* amounts in millionths of 万元: to the 分, as fees are published */
  assert_parses ("96171.6", NB_CELL_KIND_AMOUNT, 96171600000);
  assert_parses ("24252.311082", NB_CELL_KIND_AMOUNT, 24252311082);
  assert_parses ("0.000001", NB_CELL_KIND_AMOUNT, 1);
  assert_parses ("316441", NB_CELL_KIND_AMOUNT, 316441000000);
  assert_parses ("1,234.5", NB_CELL_KIND_AMOUNT, 1234500000);
  assert_refused ("0.0000001", NB_CELL_KIND_AMOUNT, NB_VALUE_ERROR_TOO_PRECISE);
  assert_refused ("-1", NB_CELL_KIND_AMOUNT, NB_VALUE_ERROR_NEGATIVE);
  assert_refused ("1.2.3", NB_CELL_KIND_AMOUNT, NB_VALUE_ERROR_INVALID);
  /* found by fuzz-load: digits that fit, scaled, overflowed */
  assert_refused ("60006505749828992", NB_CELL_KIND_AMOUNT, NB_VALUE_ERROR_TOO_LARGE);
  assert_refused ("922337203685477580", NB_CELL_KIND_AMOUNT, NB_VALUE_ERROR_TOO_LARGE);
  assert_refused ("92233720368547.758", NB_CELL_KIND_AMOUNT, NB_VALUE_ERROR_TOO_LARGE);
}

static void
test_format (void)
{
  struct { NbCellKind kind; gint64 number; const char *text; } cases[] = {
    { NB_CELL_KIND_COUNT, 0, "0" },
    { NB_CELL_KIND_COUNT, 447228, "447228" },
    { NB_CELL_KIND_SIGNED, -8, "-8" },
    { NB_CELL_KIND_SIGNED, G_MININT64, "-9223372036854775808" },
    { NB_CELL_KIND_AMOUNT, 96171600000, "96171.6" },
    { NB_CELL_KIND_AMOUNT, 24252311082, "24252.311082" },
    { NB_CELL_KIND_AMOUNT, 1, "0.000001" },
    { NB_CELL_KIND_AMOUNT, 316441000000, "316441" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nb_value_format (cases[i].kind, cases[i].number);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The signs published tables, the importer and a paste write instead of
 * a number: one list. */
static void
test_markers (void)
{
  const char *markers[] = { "/", "／", "\\", "-", "--", "－", "–", "—", "——", "无", "不适用" };
  const char *others[] = { "", "0", "-1", "—1", "/ ", " 无", "无无", "不", "n/a" };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    g_assert_true (nb_value_is_marker (markers[i]));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (nb_value_is_marker (others[i]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/value/parse-counts", test_parse_counts);
  g_test_add_func ("/value/parse-amounts", test_parse_amounts);
  g_test_add_func ("/value/format", test_format);
  g_test_add_func ("/value/markers", test_markers);
  return g_test_run ();
}
