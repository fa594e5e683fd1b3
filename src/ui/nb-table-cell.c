/* nb-table-cell.c — one number cell of a table grid
 *
 * Shows an NbCellDisplay: the number right-aligned in tabular figures,
 * a faint dash when empty, an icon when the cell stands out (a finding,
 * an overridden total, a note), and CSS classes for the outline and the
 * tint.  While the cell is edited, NbTableView puts its editor in place
 * of the number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-table-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-table-cell.h"

struct _NbTableCell
{
  GtkWidget      parent_instance;

  guint          row, column;
  char          *position;   /* “row 3 of 28, column 2 of 7”, for screen readers */
  GtkWidget     *pin;
  GtkWidget     *icon;
  GtkWidget     *label;
  GtkWidget     *editor;   /* not owned: NbTableView's, while editing */
  NbCellDisplay  display;
};

G_DEFINE_FINAL_TYPE (NbTableCell, nb_table_cell, GTK_TYPE_WIDGET)

static const char *const look_classes[] = { "cell-error", "cell-warning", "cell-info" };

/* The pin and the icon are made when first needed: most cells never
 * show them, and a form has hundreds of cells. */
static GtkWidget *
ensure_pin (NbTableCell *self)
{
  if (self->pin == NULL)
    {
      self->pin = gtk_image_new_from_icon_name ("view-pin-symbolic");
      gtk_widget_set_valign (self->pin, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->pin, "cell-pin");
      gtk_widget_set_tooltip_text (self->pin, _("Typed over the automatic total"));
      gtk_widget_insert_before (self->pin, GTK_WIDGET (self), gtk_widget_get_first_child (GTK_WIDGET (self)));
    }
  return self->pin;
}

static GtkWidget *
ensure_icon (NbTableCell *self)
{
  if (self->icon == NULL)
    {
      self->icon = gtk_image_new ();
      gtk_widget_set_valign (self->icon, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->icon, "cell-icon");
      gtk_widget_insert_before (self->icon, GTK_WIDGET (self), self->label);
    }
  return self->icon;
}

static void
nb_table_cell_dispose (GObject *object)
{
  NbTableCell *self = (NbTableCell *) object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->pin = self->icon = self->label = self->editor = NULL;
  nb_cell_display_clear (&self->display);

  G_OBJECT_CLASS (nb_table_cell_parent_class)->dispose (object);
}

static void
nb_table_cell_finalize (GObject *object)
{
  g_free (((NbTableCell *) object)->position);

  G_OBJECT_CLASS (nb_table_cell_parent_class)->finalize (object);
}

/* The tooltip is asked for, not set: gtk_widget_set_tooltip_text() looks
 * up the pointer (three round trips to an X server) on every call, and a
 * key press refreshes dozens of cells. */
static gboolean
nb_table_cell_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  NbTableCell *self = NB_TABLE_CELL (widget);

  if (self->display.tooltip == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->display.tooltip);
  return TRUE;
}

static void
nb_table_cell_class_init (NbTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_table_cell_dispose;
  object_class->finalize = nb_table_cell_finalize;
  widget_class->query_tooltip = nb_table_cell_query_tooltip;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nbcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
nb_table_cell_init (NbTableCell *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_box_layout_set_spacing (layout, 2);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_START);
  gtk_label_set_width_chars (GTK_LABEL (self->label), 3);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_add_css_class (self->label, "numeric");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  self->display.look = NB_CELL_LOOK_NONE;
}

GtkWidget *
nb_table_cell_new (guint row,
                   guint column,
                   guint n_rows,
                   guint n_columns)
{
  NbTableCell *self = g_object_new (NB_TYPE_TABLE_CELL, NULL);

  self->row = row;
  self->column = column;
  /* Counted over the rows and columns of numbers, as a clerk counts them. */
  self->position = g_strdup_printf (_("row %u of %u, column %u of %u"),
                                    row + 1, n_rows, column + 1, n_columns);
  return GTK_WIDGET (self);
}

/* Returns: the cell's place among the table's numbers, in words */
const char *
nb_table_cell_get_position (NbTableCell *self)
{
  g_return_val_if_fail (NB_IS_TABLE_CELL (self), NULL);
  return self->position;
}

guint
nb_table_cell_get_row (NbTableCell *self)
{
  g_return_val_if_fail (NB_IS_TABLE_CELL (self), 0);
  return self->row;
}

guint
nb_table_cell_get_column (NbTableCell *self)
{
  g_return_val_if_fail (NB_IS_TABLE_CELL (self), 0);
  return self->column;
}

const NbCellDisplay *
nb_table_cell_get_display (NbTableCell *self)
{
  g_return_val_if_fail (NB_IS_TABLE_CELL (self), NULL);
  return &self->display;
}

/**
 * nb_table_cell_get_text:
 * Returns: what the cell shows: a number, a marker, refused typed text, or ""
 */
const char *
nb_table_cell_get_text (NbTableCell *self)
{
  g_return_val_if_fail (NB_IS_TABLE_CELL (self), NULL);
  return self->display.text != NULL ? self->display.text : "";
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/**
 * nb_table_cell_spoken_value:
 * Returns: what a cell holds, as a screen reader says it: the number, the
 *   marker, the refused text, or “Not filled in” where it shows a dash
 *   (“Not imported” where the import could not place the cell)
 */
const char *
nb_table_cell_spoken_value (const NbCellDisplay *display)
{
  if (display->empty)
    return display->not_imported ? _("Not imported") : _("Not filled in");
  return display->text;
}

/* GTK 4.8 gives a widget of our own neither the Text nor the Value
 * interface, and its AT-SPI backend passes on no value text, so what the
 * cell holds goes where Orca reads it on 4.8 and on later GTK alike: the
 * name is the row and the column (“row · column”), and the description,
 * which Orca speaks after the name and the role when the cell is
 * focused, starts with the value and goes on with the cell's place in
 * the table (GTK 4.8 passes on no row or column index) and the findings
 * on the cell.  Putting the value in the name through a labelled-by label
 * would work on 4.8, which joins the label and the labelled-by names,
 * but later GTK lets labelled-by replace the label, and the cell would
 * lose its row and column.  The label inside says the value too (“未填”
 * rather than its dash) for Orca's review of the cell's contents. */
static void
update_accessible (NbTableCell         *self,
                   const NbCellDisplay *was,
                   const NbCellDisplay *display)
{
  const char *value = nb_table_cell_spoken_value (display);
  gboolean value_changed = was == NULL || g_strcmp0 (nb_table_cell_spoken_value (was), value) != 0;

  /* GTK works through an update, and may send it to the screen reader
   * over D-Bus, whether the value changed or not; a cell refreshed
   * after a key press mostly changes only its tooltip. */
  if (value_changed)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, value,
                                    -1);
  if (was == NULL || g_strcmp0 (was->accessible_label, display->accessible_label) != 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, display->accessible_label,
                                    -1);
  if (value_changed || g_strcmp0 (was->tooltip, display->tooltip) != 0)
    {
      g_autofree char *description = g_strjoin ("\n", value, self->position, display->tooltip, NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  if (was == NULL || (was->look == NB_CELL_LOOK_ERROR) != (display->look == NB_CELL_LOOK_ERROR))
    gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                 GTK_ACCESSIBLE_STATE_INVALID,
                                 display->look == NB_CELL_LOOK_ERROR ? GTK_ACCESSIBLE_INVALID_TRUE
                                                                     : GTK_ACCESSIBLE_INVALID_FALSE,
                                 -1);
}

/**
 * nb_table_cell_apply:
 * Shows @display (copied).
 */
void
nb_table_cell_apply (NbTableCell         *self,
                     const NbCellDisplay *display)
{
  GtkWidget *widget = GTK_WIDGET (self);
  /* the display shown so far; none before the first */
  const NbCellDisplay *was = self->display.accessible_label != NULL ? &self->display : NULL;

  g_return_if_fail (NB_IS_TABLE_CELL (self));

  if (was != NULL && nb_cell_display_equal (was, display))
    return;

  /* an empty cell shows a dash; one the import could not place says so */
  gtk_label_set_text (GTK_LABEL (self->label),
                      !display->empty ? display->text : display->not_imported ? _("Not imported") : "–");
  /* a number keeps its last digits in a narrow column; a word its first letters */
  gtk_label_set_ellipsize (GTK_LABEL (self->label),
                           display->empty && display->not_imported ? PANGO_ELLIPSIZE_END
                                                                   : PANGO_ELLIPSIZE_START);
  set_class (self->label, "dim-label", display->empty);
  set_class (widget, "empty", display->empty);
  set_class (widget, "total", display->is_total);
  set_class (widget, "overridden", display->overridden);
  set_class (widget, "invalid", display->invalid);
  set_class (widget, "not-imported", display->not_imported);
  for (guint i = 0; i < G_N_ELEMENTS (look_classes); i++)
    set_class (widget, look_classes[i], (int) display->look == (int) i);

  if (display->overridden || self->pin != NULL)
    gtk_widget_set_visible (ensure_pin (self), display->overridden);
  if (display->icon_name != NULL || self->icon != NULL)
    gtk_widget_set_visible (ensure_icon (self), display->icon_name != NULL);
  if (display->icon_name != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), display->icon_name);

  update_accessible (self, was, display);

  nb_cell_display_clear (&self->display);
  self->display = *display;
  self->display.text = g_strdup (display->text);
  self->display.tooltip = g_strdup (display->tooltip);
  self->display.accessible_label = g_strdup (display->accessible_label);
}

/**
 * nb_table_cell_set_editor:
 * @editor: (nullable): the widget to edit the cell with, or %NULL to show
 *   the number again
 */
void
nb_table_cell_set_editor (NbTableCell *self,
                          GtkWidget   *editor)
{
  g_return_if_fail (NB_IS_TABLE_CELL (self));

  if (self->editor == editor)
    return;
  if (self->editor != NULL)
    gtk_widget_unparent (self->editor);
  self->editor = editor;
  if (editor != NULL)
    gtk_widget_insert_after (editor, GTK_WIDGET (self), self->label);
  gtk_widget_set_visible (self->label, editor == NULL);
  set_class (GTK_WIDGET (self), "editing", editor != NULL);
}
