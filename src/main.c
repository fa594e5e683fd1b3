/* main.c — one binary: the headless command line, or the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-cli.h"

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("NB_LOCALEDIR");   /* uninstalled runs: build/po */

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && nb_cli_is_command (argv[1]))
    return nb_cli_run (argc, argv);

  /* No verb: the window, with the files named on the command line. */
  {
    g_autoptr(NbApplication) app = nb_application_new ();
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
}
