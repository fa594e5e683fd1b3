/* test-text.c — the one definition of white space, and the report
 * sections written as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nb-edition.h"
#include "nb-text.h"

static void
test_spaces (void)
{
  /* ASCII white space, Word's vertical tab, the Unicode spaces and
   * separators, and the zero-width space and BOM of a web page */
  const gunichar spaces[] = {
    ' ', '\t', '\n', '\v', '\f', '\r', 0x00A0, 0x1680, 0x2000, 0x2007, 0x200A, 0x200B,
    0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF,
  };
  const gunichar others[] = { 'a', '0', '_', 0x85, 0x200C, 0x3001, 0x65E0, 0xFF10 };

  for (guint i = 0; i < G_N_ELEMENTS (spaces); i++)
    g_assert_true (nb_text_is_space (spaces[i]));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (nb_text_is_space (others[i]));

  /* Every Unicode space GLib knows is one of ours. */
  for (gunichar c = 0; c < 0x10000; c++)
    if (g_unichar_isspace (c))
      g_assert_true (nb_text_is_space (c));
}

static void
test_strip_and_blank (void)
{
  g_autofree char *stripped = nb_text_strip ("\u3000\u00a0 12 件\u200b\r\n");
  g_autofree char *empty = nb_text_strip (" \u3000 ");
  g_autofree char *same = nb_text_strip ("无");

  g_assert_cmpstr (stripped, ==, "12 件");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (same, ==, "无");
  g_assert_cmpstr (nb_text_skip_spaces ("\ufeff\u3000一、"), ==, "一、");
  g_assert_true (nb_text_is_blank (""));
  g_assert_true (nb_text_is_blank ("\t\u3000\u00a0\u200b"));
  g_assert_false (nb_text_is_blank (" 。"));
}

static void
test_text_sections (void)
{
  g_assert_false (nb_section_is_text (0));
  g_assert_true (nb_section_is_text (1));
  g_assert_false (nb_section_is_text (2));
  g_assert_false (nb_section_is_text (3));
  g_assert_false (nb_section_is_text (4));
  g_assert_true (nb_section_is_text (5));
  g_assert_true (nb_section_is_text (6));
  g_assert_false (nb_section_is_text (7));

  /* each section written as text has its text; the preface comes before 一 */
  g_assert_cmpuint (nb_text_section_number (NB_TEXT_PREFACE), ==, 0);
  for (NbTextSection s = NB_TEXT_OVERVIEW; s < NB_N_TEXT_SECTIONS; s++)
    g_assert_true (nb_section_is_text (nb_text_section_number (s)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/spaces", test_spaces);
  g_test_add_func ("/text/strip-and-blank", test_strip_and_blank);
  g_test_add_func ("/text/sections", test_text_sections);
  return g_test_run ();
}
