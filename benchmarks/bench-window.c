/* bench-window.c — the window the window benchmarks measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-window.h"
#include "nb-report-file.h"

/**
 * bench_window_open:
 * @app: (out): the running application the window belongs to (its
 *   style sheet is the app's), for the caller to keep
 *
 * Opens the report at @path in a window of a new, registered, non-unique
 * application; the caller presents it.  Says why on standard error when
 * it cannot.
 *
 * Returns: (transfer none) (nullable): the window
 */
NbWindow *
bench_window_open (const char     *path,
                   NbApplication **app)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  NbWindow *window;

  *app = nb_application_new ();
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (*app), NULL, &error) ||
      (report = nb_report_load_from_path (path, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  window = nb_window_new (GTK_APPLICATION (*app));
  nb_window_set_report (window, report, path);
  return window;
}
