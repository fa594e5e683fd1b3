/* nb-comparison-window.c — this year's report against last year's
 *
 * A summary of what changed, then one line per cell that differs
 * (NbComparisonRow): its label, both years' values, the change and a mark
 * on a big jump.  The columns and their rows are in the template.  The
 * same window shows the report against one of its 定稿 versions, its
 * titles saying so (nb_comparison_window_set_sides()): each cell and text
 * that differs, as the version had it and as it is now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-comparison-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-comparison-row.h"
#include "nb-comparison-window.h"
#include "nb-ui-resources.h"

struct _NbComparisonWindow
{
  AdwWindow      parent_instance;

  AdwWindowTitle      *window_title;
  GtkLabel            *summary;
  GtkColumnView       *view;
  GtkColumnViewColumn *cell_column;
  GtkColumnViewColumn *last_column;
  GtkColumnViewColumn *this_column;
  GtkColumnViewColumn *change_column;
  GtkColumnViewColumn *jump_column;
  GListModel    *rows;
};

G_DEFINE_FINAL_TYPE (NbComparisonWindow, nb_comparison_window, ADW_TYPE_WINDOW)

static void
nb_comparison_window_dispose (GObject *object)
{
  NbComparisonWindow *self = (NbComparisonWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_COMPARISON_WINDOW);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (nb_comparison_window_parent_class)->dispose (object);
}

static void
nb_comparison_window_class_init (NbComparisonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_comparison_window_dispose;

  /* the rows' templates look the type up by name */
  g_type_ensure (NB_TYPE_COMPARISON_ROW);
  nb_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-comparison-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbComparisonWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, NbComparisonWindow, view);
  gtk_widget_class_bind_template_child (widget_class, NbComparisonWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, NbComparisonWindow, cell_column);
  gtk_widget_class_bind_template_child (widget_class, NbComparisonWindow, last_column);
  gtk_widget_class_bind_template_child (widget_class, NbComparisonWindow, this_column);
  gtk_widget_class_bind_template_child (widget_class, NbComparisonWindow, change_column);
  gtk_widget_class_bind_template_child (widget_class, NbComparisonWindow, jump_column);
}

static void
nb_comparison_window_init (NbComparisonWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nb_comparison_window_new:
 * @parent: the window of this year's report
 * @summary: what changed, in a few lines
 * @rows: (element-type NbComparisonRow): the cells that differ
 */
GtkWidget *
nb_comparison_window_new (GtkWindow  *parent,
                          const char *summary,
                          GListModel *rows)
{
  NbComparisonWindow *self;
  GtkNoSelection *selection;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);

  self = g_object_new (NB_TYPE_COMPARISON_WINDOW, "transient-for", parent, NULL);
  self->rows = g_object_ref (rows);
  gtk_label_set_text (self->summary, summary);
  selection = gtk_no_selection_new (g_object_ref (rows));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  return GTK_WIDGET (self);
}

/**
 * nb_comparison_window_get_model:
 * Returns: (transfer none): the rows shown
 */
GListModel *
nb_comparison_window_get_model (NbComparisonWindow *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON_WINDOW (self), NULL);
  return self->rows;
}

/**
 * nb_comparison_window_set_sides:
 * @title: the window's title
 * @subtitle: what is compared, under the title
 * @before: the heading of the earlier side's column
 * @after: the heading of the later side's column
 *
 * Makes the window a comparison of the report with one of its 定稿
 * versions (rows from nb_differences_to_model()): its titles say which
 * version, the first column holds cells and texts, both sides are wide
 * enough for a passage, and there is no change to compute nor jump to
 * mark.
 */
void
nb_comparison_window_set_sides (NbComparisonWindow *self,
                                const char         *title,
                                const char         *subtitle,
                                const char         *before,
                                const char         *after)
{
  g_return_if_fail (NB_IS_COMPARISON_WINDOW (self));

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_column_view_column_set_title (self->cell_column, _("Cell or Text"));
  gtk_column_view_column_set_title (self->last_column, before);
  gtk_column_view_column_set_title (self->this_column, after);
  gtk_column_view_column_set_visible (self->change_column, FALSE);
  gtk_column_view_column_set_visible (self->jump_column, FALSE);
  /* a side may hold a passage of text: room for it */
  gtk_column_view_column_set_expand (self->last_column, TRUE);
  gtk_column_view_column_set_expand (self->this_column, TRUE);
}

/**
 * nb_comparison_window_get_column_title:
 * @index: 0 for the cell, 1 and 2 for the two sides
 * Returns: (transfer none): the heading of that column
 */
const char *
nb_comparison_window_get_column_title (NbComparisonWindow *self,
                                       guint               index)
{
  GtkColumnViewColumn *columns[] = { self->cell_column, self->last_column, self->this_column };

  g_return_val_if_fail (NB_IS_COMPARISON_WINDOW (self), NULL);
  g_return_val_if_fail (index < G_N_ELEMENTS (columns), NULL);
  return gtk_column_view_column_get_title (columns[index]);
}
