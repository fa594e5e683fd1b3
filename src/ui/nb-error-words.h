/* nb-error-words.h — what went wrong, said to the user in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *nb_error_plain_words  (const GError *error);
char       *nb_error_heading_markup (const char *heading,
                                     const char *name);

G_END_DECLS
