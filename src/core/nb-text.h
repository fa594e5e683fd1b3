/* nb-text.h — the white space of a report's text
 *
 * One definition of a space for every layer: what people type, what a
 * web page, a PDF copy or a spreadsheet carries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * nb_text_is_space:
 * Whether @c is white space in a report's text: ASCII white space (with
 * the vertical tab Word writes for a line break), every Unicode space and
 * line or paragraph separator (the ideographic space U+3000, the no-break
 * space U+00A0 …), and the zero-width space and byte order mark that text
 * copied from a web page carries.
 *
 * Inline, and without a table look-up, because the checker reads every
 * character of section 一 after each edit.
 */
static inline gboolean
nb_text_is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x3000 || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

const char *nb_text_skip_spaces (const char *text);
char       *nb_text_strip       (const char *text);
gboolean    nb_text_is_blank    (const char *text);

G_END_DECLS
