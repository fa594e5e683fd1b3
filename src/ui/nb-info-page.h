/* nb-info-page.h — the report's basic information (基本信息)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_INFO_PAGE (nb_info_page_get_type ())

G_DECLARE_FINAL_TYPE (NbInfoPage, nb_info_page, NB, INFO_PAGE, GtkWidget)

GtkWidget *nb_info_page_new   (NbReport   *report);
gboolean   nb_info_page_focus (NbInfoPage *self);
void       nb_info_page_set_read_only (NbInfoPage *self,
                                       gboolean    read_only);

G_END_DECLS
