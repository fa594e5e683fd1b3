/* nb-text-page.h — the page of a text section (一、五、六)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_TEXT_PAGE (nb_text_page_get_type ())

G_DECLARE_FINAL_TYPE (NbTextPage, nb_text_page, NB, TEXT_PAGE, GtkWidget)

GtkWidget     *nb_text_page_new        (NbReport      *report,
                                        guint          section);
GtkTextBuffer *nb_text_page_get_buffer (NbTextPage    *self,
                                        NbTextSection  text);
gboolean       nb_text_page_focus      (NbTextPage    *self);
void           nb_text_page_set_read_only (NbTextPage *self,
                                           gboolean    read_only);

G_END_DECLS
