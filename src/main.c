/* main.c — one binary: the headless command line, or the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "nb-cli.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && nb_cli_is_command (argv[1]))
    return nb_cli_run (argc, argv);

  g_printerr ("%s\n", _("The window is not built yet; use a command such as “nianbao check”."));
  return 2;
}
