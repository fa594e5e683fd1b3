/* nb-table-view.h — a statistical table drawn as the official form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-table.h"
#include "nb-table-cell.h"
#include "nb-undo-stack.h"

G_BEGIN_DECLS

#define NB_TYPE_TABLE_VIEW (nb_table_view_get_type ())

G_DECLARE_FINAL_TYPE (NbTableView, nb_table_view, NB, TABLE_VIEW, GtkWidget)

GtkWidget   *nb_table_view_new           (NbTable      *table,
                                          NbUndoStack  *undo);
NbTable     *nb_table_view_get_table     (NbTableView  *self);
void         nb_table_view_set_findings  (NbTableView  *self,
                                          GListModel   *findings);
void         nb_table_view_refresh       (NbTableView  *self);
NbTableCell *nb_table_view_get_cell      (NbTableView  *self,
                                          guint         row,
                                          guint         column);
gboolean     nb_table_view_focus_cell    (NbTableView  *self,
                                          guint         row,
                                          guint         column);
gboolean     nb_table_view_get_cursor    (NbTableView  *self,
                                          guint        *row,
                                          guint        *column);
void         nb_table_view_begin_edit    (NbTableView  *self,
                                          guint         row,
                                          guint         column,
                                          const char   *initial_text);
gboolean     nb_table_view_is_editing    (NbTableView  *self);
GtkEditable *nb_table_view_get_editor    (NbTableView  *self);
void         nb_table_view_commit_edit   (NbTableView  *self);
void         nb_table_view_cancel_edit   (NbTableView  *self);
gboolean     nb_table_view_enter_text    (NbTableView  *self,
                                          guint         row,
                                          guint         column,
                                          const char   *text);
guint        nb_table_view_paste_text    (NbTableView  *self,
                                          guint         row,
                                          guint         column,
                                          const char   *text,
                                          guint        *n_refused,
                                          guint        *n_outside);
char        *nb_table_view_copy_text     (NbTableView  *self);
void         nb_table_view_set_note      (NbTableView  *self,
                                          guint         row,
                                          guint         column,
                                          const char   *note);
void         nb_table_view_set_read_only (NbTableView  *self,
                                          gboolean      read_only);
gboolean     nb_table_view_get_read_only (NbTableView  *self);

G_END_DECLS
