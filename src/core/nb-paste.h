/* nb-paste.h — reading numbers pasted from WPS, Excel or a web page
 *
 * Plain text in, rows of cells out: the window reads the clipboard and
 * writes the cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *nb_paste_parse       (const char *text);
char      *nb_paste_clean_cell  (const char *cell);

G_END_DECLS
