/* nb-similarity.c — how much of a text repeats an earlier one
 *
 * Shared by the checker (X4: section 五 repeats last year's) and the
 * comparison of two years.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-similarity"

#include "config.h"

#include "nb-similarity.h"
#include "nb-text.h"

/* The letters of a text, without spaces and punctuation. */
static GArray *
text_letters (const char *text)
{
  GArray *letters = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!nb_text_is_space (c) && !g_unichar_ispunct (c))
        g_array_append_val (letters, c);
    }
  return letters;
}

/**
 * nb_text_repeated_percent:
 * The share of @text's shingles (runs of NB_SIMILARITY_SHINGLE letters,
 * spaces and punctuation left out) that also occur in @earlier, in
 * percent, rounded down; 0 when either text is shorter than a shingle.
 */
guint
nb_text_repeated_percent (const char *text,
                          const char *earlier)
{
  g_autoptr(GArray) now = text_letters (text);
  g_autoptr(GArray) then = text_letters (earlier);
  g_autoptr(GHashTable) known = NULL;
  guint n_shingles, repeated = 0;

  if (now->len < NB_SIMILARITY_SHINGLE || then->len < NB_SIMILARITY_SHINGLE)
    return 0;

  known = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  for (guint i = 0; i + NB_SIMILARITY_SHINGLE <= then->len; i++)
    g_hash_table_add (known, g_bytes_new (&g_array_index (then, gunichar, i),
                                          NB_SIMILARITY_SHINGLE * sizeof (gunichar)));

  n_shingles = now->len - NB_SIMILARITY_SHINGLE + 1;
  for (guint i = 0; i < n_shingles; i++)
    {
      g_autoptr(GBytes) shingle = g_bytes_new_static (&g_array_index (now, gunichar, i),
                                                      NB_SIMILARITY_SHINGLE * sizeof (gunichar));
      repeated += g_hash_table_contains (known, shingle);
    }
  return repeated * 100 / n_shingles;
}
