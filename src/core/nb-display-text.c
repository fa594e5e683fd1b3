/* nb-display-text.c — text as it may be handed to Pango
 *
 * A report's texts come from files anyone can write.  Laid out as they
 * are, some would cost without bound or mislead: Pango shapes a cluster
 * of combining marks in time that grows with the square of its length
 * (an organ of 100,000 accents froze the window and took minutes to
 * print), a title of a million characters is laid out, measured and
 * wrapped in one piece, and a bidi control such as U+202E turns the rest
 * of a line around, so that a printed figure or name reads backwards.
 * Every text that the page renderer and the window lay out goes through
 * nb_display_text() first: the cost is then linear in what is shown.
 * The report itself keeps its text as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-display-text"

#include "config.h"

#include <string.h>

#include "nb-display-text.h"

#define ELLIPSIS "\u2026"
#define REPLACEMENT 0xFFFD

/* Embeddings, overrides and isolates (UAX #9): each reorders the text
 * after it.  The marks U+200E, U+200F and U+061C reorder nothing and are
 * left alone. */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Unicode noncharacters: never text; cairo refuses some of them in a PDF. */
static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/**
 * nb_display_text:
 * @text: valid UTF-8
 * @changed: (out) (optional): whether the result differs from @text
 *
 * Returns: (transfer full): @text as it may be laid out: at most
 *   %NB_DISPLAY_MAX_CHARS characters (then “…”), at most
 *   %NB_DISPLAY_MAX_MARKS combining marks on a character, bidi controls
 *   and noncharacters shown as U+FFFD
 */
char *
nb_display_text (const char *text,
                 gboolean   *changed)
{
  GString *out;
  gboolean differs = FALSE;
  guint n_chars = 0, n_marks = 0;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (MIN (strlen (text), 4 * NB_DISPLAY_MAX_CHARS) + 1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        {
          if (++n_marks > NB_DISPLAY_MAX_MARKS)
            {
              differs = TRUE;
              continue;
            }
        }
      else
        n_marks = 0;
      if (n_chars == NB_DISPLAY_MAX_CHARS)
        {
          g_string_append (out, ELLIPSIS);
          differs = TRUE;
          break;
        }
      n_chars++;
      if (is_bidi_control (c) || is_noncharacter (c))
        {
          g_string_append_unichar (out, REPLACEMENT);
          differs = TRUE;
        }
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (changed != NULL)
    *changed = differs;
  return g_string_free (out, FALSE);
}

/**
 * nb_display_text_has_bidi_controls:
 *
 * Returns: whether @text has an embedding, override or isolate control,
 *   which would turn the text after it around unless it is isolated
 */
gboolean
nb_display_text_has_bidi_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_bidi_control (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}
