/* nb-render-common.h — what the printed pages and the HTML export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "nb-report.h"

G_BEGIN_DECLS

char  *nb_render_cell_text       (NbTable     *table,
                                  guint        row,
                                  guint        column);
char  *nb_render_format_date     (const char  *date);
char **nb_render_paragraphs      (const char  *text);
char **nb_render_title_lines     (NbReport    *report);
gsize  nb_render_subheading_length (const char *text);
char  *nb_render_footer_text     (NbReport    *report,
                                  const char  *fingerprint,
                                  gboolean     draft);
PangoAttrList *nb_render_word_attributes (const char *text,
                                          guint       word_chars);

G_END_DECLS
