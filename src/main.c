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
#include <locale.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "nb-cli.h"

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
  const char *localedir = g_getenv ("NB_LOCALEDIR");   /* uninstalled runs: build/po */

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && nb_cli_is_command (argv[1]))
    return nb_cli_run (argc, argv);
  return run_window (argv);
}
