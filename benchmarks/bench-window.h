/* bench-window.h — the window the window benchmarks measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-application.h"
#include "nb-window.h"

G_BEGIN_DECLS

NbWindow *bench_window_open (const char     *path,
                             NbApplication **app);

G_END_DECLS
