/* nb-paste.h — reading numbers pasted from WPS, Excel or a web page
 *
 * GTK-free, so that it is tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *nb_paste_parse       (const char *text);
char      *nb_paste_clean_cell  (const char *cell);
gboolean   nb_paste_is_marker   (const char *cell);

G_END_DECLS
