/* nb-similarity.h — how much of a text repeats an earlier one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Characters per shingle when comparing texts. */
#define NB_SIMILARITY_SHINGLE 4

guint nb_text_repeated_percent (const char *text,
                                const char *earlier);

G_END_DECLS
