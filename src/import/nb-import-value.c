/* nb-import-value.c — what a published table cell holds
 *
 * Blank, a marker (/, —, 无 ...), or a number with an optional unit
 * (元, 万元) and an optional note in brackets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <string.h>

#include "nb-import-value.h"
#include "nb-text.h"
#include "nb-value.h"

void
nb_import_value_clear (NbImportValue *value)
{
  g_free (value->number);
  g_free (value->note);
  g_free (value->marker);
  memset (value, 0, sizeof *value);
}

static gboolean
is_number_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19) ||
         c == ',' || c == '.' || c == 0xFF0C || c == 0xFF0E;
}

static gboolean
is_digit_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Reads a published cell: blank, a marker, or a number with an optional
 * unit (元, 万元) and an optional note in brackets. */
NbImportValueKind
nb_import_parse_value (const char    *text,
                       NbImportValue *value)
{
  g_autofree char *t = nb_text_strip (text);
  const char *p = t, *number_start, *number_end;
  gboolean any_digit = FALSE;

  memset (value, 0, sizeof *value);
  if (*t == '\0')
    return value->kind = NB_IMPORT_VALUE_BLANK;
  if (nb_value_is_marker (t))
    {
      value->marker = g_strdup (t);
      return value->kind = NB_IMPORT_VALUE_MARKER;
    }

  number_start = p;
  if (*p)
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '+' || c == '-' || c == 0xFF0B || c == 0xFF0D || c == 0x2212)
        p = g_utf8_next_char (p);
    }
  while (*p && is_number_char (g_utf8_get_char (p)))
    {
      any_digit |= is_digit_char (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  if (!any_digit)
    return NB_IMPORT_VALUE_NONE;
  number_end = p;
  p = nb_text_skip_spaces (p);
  if (g_str_has_prefix (p, "万元"))
    {
      value->unit = "万元";
      p += strlen ("万元");
    }
  else if (g_str_has_prefix (p, "元"))
    {
      value->unit = "元";
      p += strlen ("元");
    }
  p = nb_text_skip_spaces (p);
  if (*p == '(' || g_str_has_prefix (p, "（"))
    {
      const char *open_end = *p == '(' ? p + 1 : p + strlen ("（");
      const char *last = g_utf8_prev_char (p + strlen (p));
      gunichar close = g_utf8_get_char (last);

      if ((close != ')' && close != 0xFF09) || last < open_end)
        return NB_IMPORT_VALUE_NONE;
      g_autofree char *note = g_strndup (open_end, (gsize) (last - open_end));

      value->note = nb_text_strip (note);
      p = last + strlen (last);
    }
  if (*p != '\0')
    {
      g_clear_pointer (&value->note, g_free);
      value->unit = NULL;
      return NB_IMPORT_VALUE_NONE;
    }
  value->number = g_strndup (number_start, (gsize) (number_end - number_start));
  return value->kind = NB_IMPORT_VALUE_NUMBER;
}

