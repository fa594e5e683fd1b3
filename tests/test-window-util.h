/* test-window-util.h — driving the window in tests (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-table-view.h"
#include "nb-window.h"

G_BEGIN_DECLS

void      window_test_init (int       *argc,
                            char    ***argv);
void      spin           (void);
void      wait_frames    (NbWindow *window,
                          int       frames);
NbWindow *window_with    (NbReport *report);
void      destroy_window (NbWindow *window);
gboolean  window_action_enabled (NbWindow   *window,
                                 const char *action);
GList    *dialogs_of     (NbWindow        *window);
gboolean  send_key       (NbTableView     *view,
                          guint            keyval,
                          GdkModifierType  state);
gboolean  shows_text     (GtkWidget       *widget,
                          const char      *text);
void      click_response (AdwMessageDialog *dialog,
                          const char       *response);

G_END_DECLS
