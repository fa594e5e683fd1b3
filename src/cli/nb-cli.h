/* nb-cli.h — the headless command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean nb_cli_is_command (const char  *verb);
int      nb_cli_run        (int          argc,
                            char       **argv);

G_END_DECLS
