/* nb-locale.c — the locale and the translations of a Nianbao program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "nb-locale.h"

/**
 * nb_locale_init:
 *
 * Takes the locale from the environment and binds Nianbao's translations:
 * the installed ones, or those of a build tree that NB_LOCALEDIR names
 * (uninstalled runs: BUILD/po).  Called first by each program's main().
 */
void
nb_locale_init (void)
{
  const char *localedir = g_getenv ("NB_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
