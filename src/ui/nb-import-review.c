/* nb-import-review.c — an imported report checked against its source
 *
 * After 导入 the window shows the published report beside the grid
 * (NbSourcePane): the cell focused in a grid marks where its number came
 * from.  Accepting the import closes the pane; the report stays unsaved
 * until it is saved.  Another report shown ends the review too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-source-pane.h"
#include "nb-table-view.h"
#include "nb-window-private.h"

/* The address of the cell @widget is, or is in (its editor), or NULL. */
static char *
cell_address (GtkWidget *widget)
{
  NbTableCell *cell = NULL;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (NB_IS_TABLE_CELL (w) && cell == NULL)
        cell = NB_TABLE_CELL (w);
      if (NB_IS_TABLE_VIEW (w))
        {
          NbTableView *view = NB_TABLE_VIEW (w);
          guint row, column;

          if (cell != NULL)
            row = nb_table_cell_get_row (cell), column = nb_table_cell_get_column (cell);
          else if (!nb_table_view_get_cursor (view, &row, &column))
            return NULL;
          return nb_table_cell_address (nb_table_view_get_table (view), row, column);
        }
    }
  return NULL;
}

static void
focus_widget_cb (NbWindow   *self,
                 GParamSpec *pspec,
                 gpointer    data)
{
  g_autofree char *address = NULL;

  if (self->source_pane == NULL)
    return;
  address = cell_address (gtk_root_get_focus (GTK_ROOT (self)));
  if (address != NULL)
    nb_source_pane_show_cell (NB_SOURCE_PANE (self->source_pane), address);
}

static void
source_pane_accepted_cb (NbWindow *self)
{
  _nb_window_end_import_review (self);
  _nb_window_toast (self, _("Import accepted; save it as a Nianbao report"));
}

/* Puts the grids (the section stack) into @paned's end child, keeping
 * the keyboard focus where it was: GtkPaned loses track of a focused
 * child taken out of it. */
static void
move_stack (NbWindow  *self,
            GtkPaned  *from,
            gboolean   from_start,
            GtkPaned  *paned,
            gboolean   to_start)
{
  GtkWidget *stack = GTK_WIDGET (self->section_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autoptr(GtkWidget) focused = NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, stack))
    {
      focused = g_object_ref (focus);
      gtk_root_set_focus (GTK_ROOT (self), NULL);
    }
  g_object_ref (stack);
  if (from_start)
    gtk_paned_set_start_child (from, NULL);
  else
    gtk_paned_set_end_child (from, NULL);
  if (to_start)
    gtk_paned_set_start_child (paned, stack);
  else
    gtk_paned_set_end_child (paned, stack);
  g_object_unref (stack);
  if (focused != NULL)
    gtk_widget_grab_focus (focused);
}

/**
 * _nb_window_review_import:
 * @source: what the report shown was imported from
 * @name: the file's name
 *
 * Shows the source beside the grid until the import is accepted.
 */
void
_nb_window_review_import (NbWindow       *self,
                          NbImportSource *source,
                          const char     *name)
{
  GtkWidget *paned;
  int width, height;

  _nb_window_end_import_review (self);
  self->source_pane = nb_source_pane_new (source, name);
  g_signal_connect_object (self->source_pane, "accepted", G_CALLBACK (source_pane_accepted_cb), self,
                           G_CONNECT_SWAPPED);

  /* the grid and the source side by side, each half of the window */
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_wide_handle (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_size_request (self->source_pane, 320, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (paned), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Report and Published Report"), -1);
  move_stack (self, self->paned, FALSE, GTK_PANED (paned), TRUE);
  gtk_paned_set_end_child (GTK_PANED (paned), self->source_pane);
  gtk_paned_set_end_child (self->paned, paned);
  /* not shown yet (a file opened from the command line): as it will be */
  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width == 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_paned_set_position (GTK_PANED (paned), MAX (width - gtk_paned_get_position (self->paned), 800) / 2);
  self->source_paned = paned;
  self->focus_handler = g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_cb), NULL);
}

/**
 * _nb_window_end_import_review:
 * Closes the source pane, if one is shown.
 */
void
_nb_window_end_import_review (NbWindow *self)
{
  if (self->source_paned == NULL)
    return;
  g_clear_signal_handler (&self->focus_handler, self);
  move_stack (self, GTK_PANED (self->source_paned), TRUE, self->paned, FALSE);
  self->source_paned = NULL;
  self->source_pane = NULL;
}
