/* nb-value.c — parsing and printing exact cell numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-value"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-text.h"
#include "nb-value.h"

G_DEFINE_QUARK (nb-value-error-quark, nb_value_error)

static gint64
kind_scale (NbCellKind kind)
{
  return kind == NB_CELL_KIND_AMOUNT ? NB_AMOUNT_SCALE : 1;
}

/**
 * nb_value_check:
 * Whether @number (in the kind's units) may stand in a cell of @kind.
 */
gboolean
nb_value_check (NbCellKind   kind,
                gint64       number,
                GError     **error)
{
  gint64 limit = NB_VALUE_MAX * kind_scale (kind);

  if (number < 0 && kind != NB_CELL_KIND_SIGNED)
    {
      g_set_error (error, NB_VALUE_ERROR, NB_VALUE_ERROR_NEGATIVE,
                   _("A count cannot be negative"));
      return FALSE;
    }
  if (number > limit || number < -limit)
    {
      g_set_error (error, NB_VALUE_ERROR, NB_VALUE_ERROR_TOO_LARGE,
                   _("The number is too large (at most %lld)"), (long long) NB_VALUE_MAX);
      return FALSE;
    }
  return TRUE;
}

/* Full-width digits and signs, as typed with a Chinese input method. */
static gunichar
fold_width (gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF19)
    return '0' + (c - 0xFF10);
  switch (c)
    {
    case 0xFF0B: return '+';
    case 0xFF0D: case 0x2212: return '-';
    case 0xFF0E: return '.';
    case 0xFF0C: return ',';
    default: return c;
    }
}

/**
 * nb_value_parse:
 * @text: what the user typed: digits with an optional sign, thousands
 *   separators and, for amounts, a decimal point
 * @kind: the kind of the cell
 * @number: (out): the value in the kind's units
 *
 * Strict: anything but a number, or a number the cell cannot hold, is an
 * error that says why.
 */
gboolean
nb_value_parse (const char  *text,
                NbCellKind   kind,
                gint64      *number,
                GError     **error)
{
  const char *p = text;
  gboolean negative = FALSE, any_digit = FALSE, in_fraction = FALSE;
  guint decimals = 0, group_digits = 0;
  gboolean grouped = FALSE;
  gint64 whole = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    goto invalid;

  p = nb_text_skip_spaces (p);

  if (*p && (fold_width (g_utf8_get_char (p)) == '+' || fold_width (g_utf8_get_char (p)) == '-'))
    {
      negative = fold_width (g_utf8_get_char (p)) == '-';
      p = g_utf8_next_char (p);
    }

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = fold_width (g_utf8_get_char (p));

      if (c >= '0' && c <= '9')
        {
          if (in_fraction && ++decimals > NB_AMOUNT_DECIMALS)
            {
              g_set_error (error, NB_VALUE_ERROR, NB_VALUE_ERROR_TOO_PRECISE,
                           _("At most %d decimal places"), NB_AMOUNT_DECIMALS);
              return FALSE;
            }
          if (whole > G_MAXINT64 / 100)
            {
              g_set_error (error, NB_VALUE_ERROR, NB_VALUE_ERROR_TOO_LARGE,
                           _("The number is too large (at most %lld)"),
                           (long long) NB_VALUE_MAX);
              return FALSE;
            }
          whole = whole * 10 + (c - '0');
          any_digit = TRUE;
          group_digits++;
        }
      else if (c == ',' && any_digit && !in_fraction && (!grouped || group_digits == 3))
        {
          grouped = TRUE;
          group_digits = 0;
        }
      else if (c == '.' && any_digit && !in_fraction && (!grouped || group_digits == 3))
        in_fraction = TRUE;
      else
        break;
    }

  p = nb_text_skip_spaces (p);

  if (*p != '\0' || !any_digit || (grouped && !in_fraction && group_digits != 3))
    goto invalid;

  if (in_fraction && kind != NB_CELL_KIND_AMOUNT)
    {
      /* 3.0 is still whole */
      for (guint i = 0; i < decimals; i++, whole /= 10)
        if (whole % 10 != 0)
          {
            g_set_error (error, NB_VALUE_ERROR, NB_VALUE_ERROR_NOT_WHOLE,
                         _("This cell takes a whole number"));
            return FALSE;
          }
      decimals = 0;
    }

  if (kind == NB_CELL_KIND_AMOUNT)
    for (; decimals < NB_AMOUNT_DECIMALS; decimals++)
      {
        /* 18 digits pass the test above; scaled they would not fit */
        if (whole > G_MAXINT64 / 10)
          {
            g_set_error (error, NB_VALUE_ERROR, NB_VALUE_ERROR_TOO_LARGE,
                         _("The number is too large (at most %lld)"),
                         (long long) NB_VALUE_MAX);
            return FALSE;
          }
        whole *= 10;
      }

  if (negative)
    whole = -whole;

  if (!nb_value_check (kind, whole, error))
    return FALSE;

  *number = whole;
  return TRUE;

invalid:
  g_set_error (error, NB_VALUE_ERROR, NB_VALUE_ERROR_INVALID,
               kind == NB_CELL_KIND_AMOUNT ? _("Not an amount: “%s”") : _("Not a number: “%s”"),
               text);
  return FALSE;
}

/**
 * nb_value_append:
 * Appends @number as it is written in the report: amounts without
 * trailing zeros (96171.6), signed changes with their sign only when
 * negative.
 */
void
nb_value_append (GString    *string,
                 NbCellKind  kind,
                 gint64      number)
{
  guint64 magnitude;

  if (number < 0)
    g_string_append_c (string, '-');
  magnitude = number < 0 ? (guint64) -(number + 1) + 1 : (guint64) number;

  if (kind != NB_CELL_KIND_AMOUNT)
    {
      g_string_append_printf (string, "%" G_GUINT64_FORMAT, magnitude);
      return;
    }

  g_string_append_printf (string, "%" G_GUINT64_FORMAT, magnitude / NB_AMOUNT_SCALE);
  if (magnitude % NB_AMOUNT_SCALE != 0)
    {
      char fraction[NB_AMOUNT_DECIMALS + 1];
      int len;

      len = g_snprintf (fraction, sizeof fraction, "%0*" G_GUINT64_FORMAT,
                        NB_AMOUNT_DECIMALS, magnitude % NB_AMOUNT_SCALE);
      while (len > 0 && fraction[len - 1] == '0')
        fraction[--len] = '\0';
      g_string_append_c (string, '.');
      g_string_append (string, fraction);
    }
}

char *
nb_value_format (NbCellKind kind,
                 gint64     number)
{
  GString *s = g_string_sized_new (24);

  nb_value_append (s, kind, number);
  return g_string_free (s, FALSE);
}

/**
 * nb_value_is_marker:
 * @text: a cell's text, without the spaces around it
 *
 * Whether @text is one of the signs published tables write instead of a
 * number: a slash, a backslash, a dash of any width or length, 无 or
 * 不适用.  A cell holding one is kept as a marker (nb_table_set_marker()).
 */
gboolean
nb_value_is_marker (const char *text)
{
  static const char *const markers[] = {
    "/", "／", "\\", "-", "--", "－", "–", "—", "——", "无", "不适用",
  };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (strcmp (text, markers[i]) == 0)
      return TRUE;
  return FALSE;
}
