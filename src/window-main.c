/* window-main.c — nianbao-window: the window, with the files named on the
 * command line; `nianbao` without a verb starts it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "nb-application.h"

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("NB_LOCALEDIR");   /* uninstalled runs: build/po */
  g_autoptr(NbApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = nb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
