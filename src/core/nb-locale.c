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
 * (uninstalled runs: BUILD/po).  Called first by each program's main(),
 * before any font is looked up.
 */
void
nb_locale_init (void)
{
  const char *localedir = g_getenv ("NB_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The report is a Chinese document whatever the interface language:
   * fontconfig takes the glyphs a face lacks (brackets, 。) by FC_LANG,
   * else by the locale, and under LANG=zh_CN.UTF-8 the printed
   * sub-headings came out in other faces than under C.UTF-8.  Pango
   * cannot say it per layout (fontconfig's rules run before its hook). */
  g_setenv ("FC_LANG", "zh-cn", FALSE);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
