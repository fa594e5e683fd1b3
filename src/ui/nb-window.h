/* nb-window.h — one report in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-checker.h"
#include "nb-findings-panel.h"
#include "nb-recovery.h"
#include "nb-report.h"
#include "nb-report-file.h"
#include "nb-section-row.h"
#include "nb-table-view.h"
#include "nb-undo-stack.h"

G_BEGIN_DECLS

#define NB_TYPE_WINDOW (nb_window_get_type ())

G_DECLARE_FINAL_TYPE (NbWindow, nb_window, NB, WINDOW, AdwApplicationWindow)

NbWindow        *nb_window_new                (GtkApplication *application);
void             nb_window_set_report         (NbWindow       *self,
                                               NbReport       *report,
                                               const char     *path);
gboolean         nb_window_load_path          (NbWindow       *self,
                                               const char     *path,
                                               GError        **error);
gboolean         nb_window_open_path          (NbWindow       *self,
                                               const char     *path);
gboolean         nb_window_save_to_path       (NbWindow       *self,
                                               const char     *path,
                                               NbSaveFlags     flags,
                                               GError        **error);
NbReport        *nb_window_get_report         (NbWindow       *self);
const char      *nb_window_get_path           (NbWindow       *self);
gboolean         nb_window_get_modified       (NbWindow       *self);
NbUndoStack     *nb_window_get_undo_stack     (NbWindow       *self);
NbChecker       *nb_window_get_checker        (NbWindow       *self);
void             nb_window_show_section       (NbWindow       *self,
                                               guint           section);
guint            nb_window_get_section        (NbWindow       *self);
NbTableView     *nb_window_get_table_view     (NbWindow       *self,
                                               const char     *table_key);
NbSectionRow    *nb_window_get_section_row    (NbWindow       *self,
                                               guint           section);
NbFindingsPanel *nb_window_get_findings_panel (NbWindow       *self);
gboolean         nb_window_get_findings_visible (NbWindow     *self);
void             nb_window_set_findings_visible (NbWindow     *self,
                                               gboolean        visible);
int              nb_window_get_findings_height (NbWindow      *self);
gboolean         nb_window_goto_finding       (NbWindow       *self,
                                               NbFinding      *finding);
gboolean         nb_window_write_recovery     (NbWindow       *self,
                                               GError        **error);
const char      *nb_window_get_recovery_id    (NbWindow       *self);
void             nb_window_restore_recovery   (NbWindow       *self,
                                               const NbRecoveryEntry *entry,
                                               NbReport       *report);
const char      *nb_window_get_findings_text  (NbWindow       *self);
GtkWidget       *nb_window_offer_recovery     (NbWindow       *self);
guint            nb_window_restore_all_recovery (NbWindow     *self);

G_END_DECLS
