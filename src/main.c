/* main.c — the `nianbao` command: a headless verb, or the window
 *
 * The verbs link no GTK: loading GTK and libadwaita alone took 15 ms,
 * more than checking a report.  Without a verb, this process becomes the
 * window program installed beside it (nianbao-window).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "nb-cli.h"
#include "nb-locale.h"

static int
run_window (char **argv)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : g_strdup (BINDIR);
  g_autofree char *window = g_build_filename (dir, "nianbao-window", NULL);

  execv (window, argv);
  g_printerr (_("Could not start the window program “%s”: %s\n"), window, g_strerror (errno));
  return 1;
}

int
main (int    argc,
      char **argv)
{

  nb_locale_init ();

  if (argc > 1 && nb_cli_is_command (argv[1]))
    return nb_cli_run (argc, argv);
  return run_window (argv);
}
