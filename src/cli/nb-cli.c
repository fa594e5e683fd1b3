/* nb-cli.c — the headless command line: check, import, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-cli.h"
#include "nb-cli-private.h"

typedef struct {
  const char *verb;
  int (*run) (int argc, char **argv);
} NbCommand;

static int
cli_version (int    argc,
             char **argv)
{
  g_print ("nianbao %s\n", PACKAGE_VERSION);
  return 0;
}

static const NbCommand commands[] = {
  { "aggregate", nb_cli_aggregate },
  { "check", nb_cli_check },
  { "compare", nb_cli_compare },
  { "export", nb_cli_export },
  { "import", nb_cli_import },
  { "finalize", nb_cli_finalize },
  { "link", nb_cli_link },
  { "next", nb_cli_next },
  { "verify", nb_cli_verify },
  { "--version", cli_version },
  { NULL, NULL },
};

gboolean
nb_cli_is_command (const char *verb)
{
  for (guint i = 0; commands[i].verb != NULL; i++)
    if (g_strcmp0 (commands[i].verb, verb) == 0)
      return TRUE;
  return FALSE;
}

int
nb_cli_run (int    argc,
            char **argv)
{
  for (guint i = 0; commands[i].verb != NULL; i++)
    if (g_strcmp0 (commands[i].verb, argv[1]) == 0)
      return commands[i].run (argc - 1, argv + 1);
  return 2;
}
