/* nb-display-text.h — text as it may be handed to Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* At most this many characters of one text are laid out (about six
 * printed pages of body text); the rest is shown as “…”. */
#define NB_DISPLAY_MAX_CHARS 10000
/* At most this many combining marks on one character are laid out. */
#define NB_DISPLAY_MAX_MARKS 4

char     *nb_display_text     (const char *text,
                               gboolean   *changed);
gboolean  nb_display_text_has_bidi_controls (const char *text);

G_END_DECLS
