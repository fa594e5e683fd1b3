/* nb-undo-stack.h — undo and redo of every change to a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_UNDO_STACK (nb_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (NbUndoStack, nb_undo_stack, NB, UNDO_STACK, GObject)

NbUndoStack *nb_undo_stack_new          (NbReport    *report);
NbReport    *nb_undo_stack_get_report   (NbUndoStack *self);
void         nb_undo_stack_begin        (NbUndoStack *self,
                                         const char  *label);
void         nb_undo_stack_end          (NbUndoStack *self);
void         nb_undo_stack_close_step   (NbUndoStack *self);
gboolean     nb_undo_stack_can_undo     (NbUndoStack *self);
gboolean     nb_undo_stack_can_redo     (NbUndoStack *self);
gboolean     nb_undo_stack_undo         (NbUndoStack *self);
gboolean     nb_undo_stack_redo         (NbUndoStack *self);
gboolean     nb_undo_stack_get_modified (NbUndoStack *self);
void         nb_undo_stack_set_clean    (NbUndoStack *self);
void         nb_undo_stack_forget       (NbUndoStack *self);
guint        nb_undo_stack_get_n_steps  (NbUndoStack *self);

G_END_DECLS
