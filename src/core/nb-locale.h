/* nb-locale.h — the locale and the translations of a Nianbao program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void nb_locale_init (void);

G_END_DECLS
