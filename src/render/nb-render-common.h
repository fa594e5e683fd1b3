/* nb-render-common.h — what the printed pages and the HTML export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* The heading of the findings a draft's print lists after the report
 * (Chinese whatever the interface language, as the footer is); an
 * import of that print ends the report's text there. */
#define NB_RENDER_CHECK_LIST_HEADING "附：核对结果（草稿，不属于报告正文）"

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
