/* nb-table-page.c — the page of a table section (二、三、四)
 *
 * The official heading, then each table of the section in the official
 * order, section 二's under their captions (第二十条第（一）项 …).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-table-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-table-page.h"

struct _NbTablePage
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GPtrArray *views;   /* of NbTableView, not owned */
};

G_DEFINE_FINAL_TYPE (NbTablePage, nb_table_page, GTK_TYPE_WIDGET)

static void
nb_table_page_dispose (GObject *object)
{
  NbTablePage *self = (NbTablePage *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->views, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_table_page_parent_class)->dispose (object);
}

static void
nb_table_page_class_init (NbTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_table_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nb_table_page_init (NbTablePage *self)
{
  self->views = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (self->box, 24);
  gtk_widget_set_margin_end (self->box, 24);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
nb_table_page_new (NbReport    *report,
                   guint        section,
                   NbUndoStack *undo)
{
  NbTablePage *self;
  GtkWidget *heading;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (section >= 2 && section <= 4, NULL);

  self = g_object_new (NB_TYPE_TABLE_PAGE, NULL);
  heading = gtk_label_new (nb_section_heading (section));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_box_append (GTK_BOX (self->box), heading);

  for (guint i = 0; i < nb_report_get_n_tables (report); i++)
    {
      NbTable *table = nb_report_get_table_at (report, i);
      const NbTableDef *def = nb_table_get_def (table);
      GtkWidget *view;

      if (def->section != section)
        continue;
      if (def->caption != NULL)
        {
          GtkWidget *caption = gtk_label_new (def->caption);
          gtk_label_set_xalign (GTK_LABEL (caption), 0);
          gtk_widget_add_css_class (caption, "heading");
          gtk_widget_set_margin_top (caption, self->views->len > 0 ? 12 : 0);
          gtk_box_append (GTK_BOX (self->box), caption);
        }
      view = nb_table_view_new (table, undo);
      gtk_widget_set_halign (view, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      def->caption != NULL ? def->caption : nb_section_heading (section),
                                      -1);
      gtk_box_append (GTK_BOX (self->box), view);
      g_ptr_array_add (self->views, view);
    }
  return GTK_WIDGET (self);
}

/**
 * nb_table_page_get_view:
 * Returns: (transfer none) (nullable): the view of the table @table_key
 */
NbTableView *
nb_table_page_get_view (NbTablePage *self,
                        const char  *table_key)
{
  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), NULL);

  for (guint i = 0; i < self->views->len; i++)
    {
      NbTableView *view = g_ptr_array_index (self->views, i);
      if (g_strcmp0 (nb_table_get_def (nb_table_view_get_table (view))->key, table_key) == 0)
        return view;
    }
  return NULL;
}

void
nb_table_page_set_findings (NbTablePage *self,
                            GListModel  *findings)
{
  g_return_if_fail (NB_IS_TABLE_PAGE (self));

  for (guint i = 0; i < self->views->len; i++)
    nb_table_view_set_findings (g_ptr_array_index (self->views, i), findings);
}

gboolean
nb_table_page_focus (NbTablePage *self)
{
  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), FALSE);

  return self->views->len > 0 && nb_table_view_focus_cell (g_ptr_array_index (self->views, 0), 0, 0);
}

void
nb_table_page_set_read_only (NbTablePage *self,
                             gboolean     read_only)
{
  g_return_if_fail (NB_IS_TABLE_PAGE (self));

  for (guint i = 0; i < self->views->len; i++)
    nb_table_view_set_read_only (g_ptr_array_index (self->views, i), read_only);
}
