/* nb-ui-resources.c — the window's GResource
 *
 * The resource is compiled into the static nb-ui library with manual
 * registration (a constructor in a static library runs only if the
 * linker happens to keep its object); every class with a template
 * registers it first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-ui-resources.h"
#include "nb-resources.h"

void
nb_ui_ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      nb_register_resource ();
      g_once_init_leave (&done, 1);
    }
}
