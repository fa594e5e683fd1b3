/* window-main.c — nianbao-window: the window, with the files named on the
 * command line; `nianbao` without a verb starts it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-application.h"
#include "nb-locale.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(NbApplication) app = NULL;

  nb_locale_init ();

  app = nb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
