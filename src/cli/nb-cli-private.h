/* nb-cli-private.h — the verbs of the command line
 *
 * Each verb takes its own argv (argv[0] is the verb) and returns the
 * process exit status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int nb_cli_aggregate (int argc, char **argv);
int nb_cli_check (int argc, char **argv);
int nb_cli_compare (int argc, char **argv);
int nb_cli_export (int argc, char **argv);
int nb_cli_import (int argc, char **argv);
int nb_cli_link (int argc, char **argv);
int nb_cli_next (int argc, char **argv);

G_END_DECLS
