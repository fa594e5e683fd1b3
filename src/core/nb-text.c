/* nb-text.c — the white space of a report's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-text"

#include "config.h"

#include <string.h>

#include "nb-text.h"

/**
 * nb_text_skip_spaces:
 * Returns: (transfer none): @text after its leading spaces
 */
const char *
nb_text_skip_spaces (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  while (*text != '\0' && nb_text_is_space (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  return text;
}

/**
 * nb_text_strip:
 * Returns: (transfer full): @text without the spaces around it
 */
char *
nb_text_strip (const char *text)
{
  const char *start, *end;

  g_return_val_if_fail (text != NULL, NULL);

  start = nb_text_skip_spaces (text);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!nb_text_is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

/**
 * nb_text_is_blank:
 * Whether @text holds nothing but spaces.
 */
gboolean
nb_text_is_blank (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return *nb_text_skip_spaces (text) == '\0';
}
