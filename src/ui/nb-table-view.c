/* nb-table-view.c — a statistical table drawn as the official form
 *
 * An NbFormLayout holds the header cells with the edition's row and
 * column spans, the row labels with their groups merged, and one
 * NbTableCell per number.  The view listens to the table and to the
 * findings and updates only the cells that change; it edits cells in
 * place with one GtkText that moves from cell to cell, and works from
 * the keyboard as a spreadsheet does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-table-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-form-layout.h"
#include "nb-paste.h"
#include "nb-render-common.h"
#include "nb-table-view.h"
#include "nb-value.h"

struct _NbTableView
{
  GtkWidget     parent_instance;

  NbTable      *table;
  NbUndoStack  *undo;
  GListModel   *findings;
  GPtrArray    *cells;        /* of NbTableCell, row-major */
  GHashTable   *addresses;    /* cell address -> cell index + 1 */
  GPtrArray    *finding_cells; /* of GArray: each finding's cells, as indices into cells */
  GtkWidget    *editor;       /* GtkText, owned */
  int           editing;      /* cell index, or -1 */
  int           cursor;       /* the cell last focused, or -1 */
  int           context;      /* the cell of the context menu */
  GtkWidget    *menu;         /* GtkPopoverMenu */
  GtkWidget    *note_popover;
  GtkWidget    *note_entry;
  GPtrArray    *sticky;       /* the label columns' widgets, not owned */
  GtkAdjustment *hadjustment; /* of the scrolled window around the view */
  GArray       *rules;        /* graphene_rect_t: the rules of the grid, then of the labels */
  guint         n_grid_rules; /* of which the grid's */
  guint         rules_serial; /* the layout's serial they were measured at, + 1 */
  int           rules_width, rules_height;
  gboolean      read_only;    /* the report is finalized (定稿) */
  gint64        refused_at;   /* when an edit was last refused, monotonic µs */
};

G_DEFINE_FINAL_TYPE (NbTableView, nb_table_view, GTK_TYPE_WIDGET)

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_columns (NbTableView *self)
{
  return nb_table_get_def (self->table)->n_columns;
}

static guint
n_rows (NbTableView *self)
{
  return nb_table_get_def (self->table)->n_rows;
}

static NbTableCell *
cell_at_index (NbTableView *self,
               int          index)
{
  return g_ptr_array_index (self->cells, index);
}

static void
refresh_cell (NbTableView *self,
              guint        row,
              guint        column)
{
  guint index = row * n_columns (self) + column;
  NbCellDisplay display = { NULL };

  nb_cell_display_compute (&display, self->table, row, column, self->findings);
  nb_table_cell_apply (cell_at_index (self, index), &display);
  nb_cell_display_clear (&display);
}

/**
 * nb_table_view_refresh:
 * Brings every cell up to date with the table and the findings.
 */
void
nb_table_view_refresh (NbTableView *self)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  for (guint r = 0; r < n_rows (self); r++)
    for (guint c = 0; c < n_columns (self); c++)
      refresh_cell (self, r, c);
}

static void
table_cell_changed_cb (NbTable     *table,
                       guint        row,
                       guint        column,
                       NbTableView *self)
{
  refresh_cell (self, row, column);

  /* A total's tooltip spells out its parts: refresh the totals too. */
  {
    const NbTableDef *def = nb_table_get_def (table);
    for (guint c = 0; c < def->n_columns; c++)
      if (c != column && def->columns[c].n_parts > 0)
        refresh_cell (self, row, c);
    for (guint r = 0; r < def->n_rows; r++)
      if (r != row && def->rows[r].n_parts > 0)
        refresh_cell (self, r, column);
  }
}

/* The cells of this table that @finding names, as indices into
 * self->cells. */
static GArray *
finding_cells (NbTableView *self,
               NbFinding   *finding)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));
  const char * const *cells = nb_finding_get_cells (finding);

  for (guint j = 0; cells != NULL && cells[j] != NULL; j++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->addresses, cells[j]));

      if (index != 0)
        {
          index--;
          g_array_append_val (indices, index);
        }
    }
  return indices;
}

static void
add_cells (GHashTable *set,
           GArray     *indices)
{
  for (guint i = 0; i < indices->len; i++)
    g_hash_table_add (set, GUINT_TO_POINTER (g_array_index (indices, guint, i) + 1));
}

/* Only the cells that the findings which went or came name change look:
 * self->finding_cells follows the findings, so that those which went
 * still say which cells they named. */
static void
findings_items_changed_cb (GListModel  *model,
                           guint        position,
                           guint        removed,
                           guint        added,
                           NbTableView *self)
{
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer index;

  for (guint i = position; i < position + removed; i++)
    add_cells (touched, g_ptr_array_index (self->finding_cells, i));
  g_ptr_array_remove_range (self->finding_cells, position, removed);
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (model, i);
      GArray *cells = finding_cells (self, finding);

      add_cells (touched, cells);
      g_ptr_array_insert (self->finding_cells, i, cells);
    }
  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &index, NULL))
    {
      guint i = GPOINTER_TO_UINT (index) - 1;
      refresh_cell (self, i / n_columns (self), i % n_columns (self));
    }
}

static int
focused_index (NbTableView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (NB_IS_TABLE_CELL (w))
      return (int) (nb_table_cell_get_row (NB_TABLE_CELL (w)) * n_columns (self) +
                    nb_table_cell_get_column (NB_TABLE_CELL (w)));
  return -1;
}

/* A finalized report takes no edit.  The user is told why, but not once
 * per key: every key typed would queue another toast. */
static gboolean
refuse_edit (NbTableView *self)
{
  gint64 now = g_get_monotonic_time ();

  if (!self->read_only)
    return FALSE;
  if (self->refused_at == 0 || now - self->refused_at > 4 * G_TIME_SPAN_SECOND)
    g_signal_emit (self, signals[MESSAGE], 0,
                   _("The report is finalized (定稿): unfinalize it to make changes"));
  self->refused_at = now;
  return TRUE;
}

static void
stop_editing (NbTableView *self)
{
  int index = self->editing;

  if (index < 0)
    return;
  self->editing = -1;
  nb_table_cell_set_editor (cell_at_index (self, index), NULL);
}

/**
 * nb_table_view_enter_text:
 * Writes what was typed into a cell as one undoable step.  Text that the
 * cell cannot hold is kept as its entry (nb_table_set_entry()): shown,
 * saved and undoable like a value, with the reason in its tooltip.
 *
 * Returns: whether the table took the text as a value
 */
gboolean
nb_table_view_enter_text (NbTableView *self,
                          guint        row,
                          guint        column,
                          const char  *text)
{
  gboolean ok;

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (row < n_rows (self) && column < n_columns (self), FALSE);

  if (self->read_only)
    return FALSE;
  if (self->undo != NULL)
    nb_undo_stack_begin (self->undo, _("Type a number"));
  ok = nb_table_set_text (self->table, row, column, text, NULL);
  if (!ok)
    nb_table_set_entry (self->table, row, column, text);
  if (self->undo != NULL)
    nb_undo_stack_end (self->undo);
  return ok;
}

/**
 * nb_table_view_commit_edit:
 * Ends editing, writing what was typed.
 */
void
nb_table_view_commit_edit (NbTableView *self)
{
  int index = self->editing;
  g_autofree char *text = NULL;
  NbTableCell *cell;

  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  if (index < 0)
    return;
  cell = cell_at_index (self, index);
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  stop_editing (self);

  /* Unchanged: nothing to write (keeps automatic totals automatic). */
  if (g_strcmp0 (text, nb_table_cell_get_text (cell)) == 0)
    return;
  nb_table_view_enter_text (self, nb_table_cell_get_row (cell), nb_table_cell_get_column (cell),
                            text);
}

/**
 * nb_table_view_cancel_edit:
 * Ends editing without writing what was typed.  A cell that holds an
 * entry it cannot take gets its previous value back (an undoable step):
 * Esc is the way back from a wrong entry.
 */
void
nb_table_view_cancel_edit (NbTableView *self)
{
  int index = self->editing;
  guint row, column;

  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  if (index < 0)
    return;
  stop_editing (self);
  row = index / n_columns (self);
  column = index % n_columns (self);
  if (nb_table_get_entry (self->table, row, column) != NULL)
    {
      if (self->undo != NULL)
        nb_undo_stack_begin (self->undo, _("Restore the previous value"));
      nb_table_set_entry (self->table, row, column, NULL);
      if (self->undo != NULL)
        nb_undo_stack_end (self->undo);
    }
  gtk_widget_grab_focus (GTK_WIDGET (cell_at_index (self, index)));
}

gboolean
nb_table_view_is_editing (NbTableView *self)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);
  return self->editing >= 0;
}

GtkEditable *
nb_table_view_get_editor (NbTableView *self)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  return GTK_EDITABLE (self->editor);
}

/**
 * nb_table_view_begin_edit:
 * @initial_text: (nullable): the text to start with; %NULL for what the
 *   cell shows, selected
 */
void
nb_table_view_begin_edit (NbTableView *self,
                          guint        row,
                          guint        column,
                          const char  *initial_text)
{
  guint index = row * n_columns (self) + column;
  NbTableCell *cell;
  g_autofree char *description = NULL;

  g_return_if_fail (NB_IS_TABLE_VIEW (self));
  g_return_if_fail (row < n_rows (self) && column < n_columns (self));

  if (self->editing == (int) index)
    return;
  nb_table_view_commit_edit (self);
  if (refuse_edit (self))
    return;

  cell = cell_at_index (self, index);
  self->cursor = index;
  gtk_editable_set_text (GTK_EDITABLE (self->editor),
                         initial_text != NULL ? initial_text : nb_table_cell_get_text (cell));
  /* The focus moves to the editor: a screen reader says the cell's row
   * and column, what it held and the findings on it. */
  description = g_strjoin ("\n", nb_table_cell_get_position (cell),
                           nb_table_cell_get_display (cell)->tooltip, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  nb_table_cell_get_display (cell)->accessible_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  nb_table_cell_set_editor (cell, self->editor);
  self->editing = index;
  gtk_widget_grab_focus (self->editor);
  if (initial_text == NULL)
    gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
  else
    gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
}

NbTableCell *
nb_table_view_get_cell (NbTableView *self,
                        guint        row,
                        guint        column)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  g_return_val_if_fail (row < n_rows (self) && column < n_columns (self), NULL);
  return cell_at_index (self, row * n_columns (self) + column);
}

gboolean
nb_table_view_focus_cell (NbTableView *self,
                          guint        row,
                          guint        column)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);

  if (row >= n_rows (self) || column >= n_columns (self))
    return FALSE;
  nb_table_view_commit_edit (self);
  self->cursor = row * n_columns (self) + column;
  return gtk_widget_grab_focus (GTK_WIDGET (cell_at_index (self, self->cursor)));
}

/**
 * nb_table_view_get_cursor:
 * The cell with the keyboard focus, or last focused.
 */
gboolean
nb_table_view_get_cursor (NbTableView *self,
                          guint       *row,
                          guint       *column)
{
  int index;

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);

  index = focused_index (self);
  if (index < 0)
    index = self->cursor;
  if (index < 0)
    return FALSE;
  *row = index / n_columns (self);
  *column = index % n_columns (self);
  return TRUE;
}

/**
 * nb_table_view_paste_text:
 * Fills the table from pasted text (see nb_paste_parse()), a row or a
 * block starting at (@row, @column), as one undoable step.
 *
 * Returns: how many cells were written
 */
guint
nb_table_view_paste_text (NbTableView *self,
                          guint        row,
                          guint        column,
                          const char  *text,
                          guint       *n_refused,
                          guint       *n_outside)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint written = 0, refused = 0, outside = 0;

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  nb_table_view_commit_edit (self);
  if (refuse_edit (self))
    return 0;
  rows = nb_paste_parse (text);

  if (self->undo != NULL)
    nb_undo_stack_begin (self->undo, _("Paste"));
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (rows, i);

      for (guint j = 0; cells[j] != NULL; j++)
        {
          guint r = row + i, c = column + j;

          if (r >= n_rows (self) || c >= n_columns (self))
            {
              if (*cells[j] != '\0')
                outside++;
              continue;
            }
          if (nb_table_view_enter_text (self, r, c, cells[j]))
            written++;
          else
            refused++;
        }
    }
  if (self->undo != NULL)
    nb_undo_stack_end (self->undo);

  if (n_refused != NULL)
    *n_refused = refused;
  if (n_outside != NULL)
    *n_outside = outside;
  return written;
}

/**
 * nb_table_view_copy_text:
 * Returns: (transfer full): the table as tab-separated text, a line per
 *   row led by its name, after a line of column labels; what spreadsheets
 *   paste, and what nb_table_view_paste_text() reads back
 */
char *
nb_table_view_copy_text (NbTableView *self)
{
  const NbTableDef *def;
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  def = nb_table_get_def (self->table);

  for (guint c = 0; c < def->n_columns; c++)
    g_string_append_printf (s, "\t%s", def->columns[c].full_label);
  g_string_append_c (s, '\n');
  for (guint r = 0; r < def->n_rows; r++)
    {
      g_autofree char *name = nb_table_def_row_name (def, r);

      g_string_append (s, name);
      for (guint c = 0; c < def->n_columns; c++)
        {
          g_autofree char *value = nb_table_format_cell (self->table, r, c);
          g_string_append_printf (s, "\t%s", value);
        }
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(NbTableView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  guint row, column, refused = 0, outside = 0, written;

  if (text == NULL || self->table == NULL || !nb_table_view_get_cursor (self, &row, &column))
    return;
  written = nb_table_view_paste_text (self, row, column, text, &refused, &outside);
  if (refused > 0 || outside > 0 || written == 0)
    {
      g_autofree char *message = NULL;

      if (written == 0 && refused == 0)
        message = g_strdup (_("Nothing to paste: no numbers in the clipboard"));
      else
        /* Translators: the numbers of pasted cells written, refused, and beyond the table */
        message = g_strdup_printf (_("Pasted %u cells; %u not numbers the cells can hold; %u beyond the table"),
                                   written, refused, outside);
      g_signal_emit (self, signals[MESSAGE], 0, message);
    }
}

static void
paste_clipboard (NbTableView *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, g_object_ref (self));
}

static void
copy_clipboard (NbTableView *self)
{
  g_autofree char *text = nb_table_view_copy_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  g_signal_emit (self, signals[MESSAGE], 0, _("Table copied as tab-separated text"));
}

static void
clear_cell (NbTableView *self,
            guint        row,
            guint        column)
{
  if (refuse_edit (self))
    return;
  if (self->undo != NULL)
    nb_undo_stack_begin (self->undo, _("Clear a cell"));
  nb_table_clear (self->table, row, column);
  if (self->undo != NULL)
    nb_undo_stack_end (self->undo);
}

static void
popup_menu (NbTableView *self,
            int          index)
{
  graphene_rect_t bounds;
  GdkRectangle rect;
  guint row = index / n_columns (self), column = index % n_columns (self);

  self->context = index;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.restore-total",
                                 !self->read_only && nb_table_is_overridden (self->table, row, column));
  if (!gtk_widget_compute_bounds (GTK_WIDGET (cell_at_index (self, index)), GTK_WIDGET (self),
                                  &bounds))
    return;
  rect.x = bounds.origin.x;
  rect.y = bounds.origin.y;
  rect.width = bounds.size.width;
  rect.height = bounds.size.height;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Moves the focus by (dr, dc); Tab wraps to the next or previous row. */
static gboolean
move (NbTableView *self,
      int          index,
      int          dr,
      int          dc,
      gboolean     wrap)
{
  int rows = n_rows (self), columns = n_columns (self);
  int row = index / columns + dr, column = index % columns + dc;

  if (wrap && column >= columns)
    {
      column = 0;
      row++;
    }
  else if (wrap && column < 0)
    {
      column = columns - 1;
      row--;
    }
  if (row < 0 || row >= rows || column < 0 || column >= columns)
    return FALSE;
  return nb_table_view_focus_cell (self, row, column);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                NbTableView           *self)
{
  gboolean control = (state & GDK_CONTROL_MASK) != 0;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  int index = self->editing >= 0 ? self->editing : focused_index (self);
  guint row, column;
  gunichar c;

  if (index < 0)
    return FALSE;
  row = index / n_columns (self);
  column = index % n_columns (self);

  if (self->editing >= 0)
    {
      switch (keyval)
        {
        case GDK_KEY_Escape:
          nb_table_view_cancel_edit (self);
          return TRUE;
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
          nb_table_view_commit_edit (self);
          if (!move (self, index, shift ? -1 : 1, 0, FALSE))
            nb_table_view_focus_cell (self, row, column);
          return TRUE;
        case GDK_KEY_Tab:
        case GDK_KEY_ISO_Left_Tab:
          nb_table_view_commit_edit (self);
          if (!move (self, index, 0, (shift || keyval == GDK_KEY_ISO_Left_Tab) ? -1 : 1, TRUE))
            nb_table_view_focus_cell (self, row, column);
          return TRUE;
        case GDK_KEY_Up:
        case GDK_KEY_Down:
          nb_table_view_commit_edit (self);
          if (!move (self, index, keyval == GDK_KEY_Up ? -1 : 1, 0, FALSE))
            nb_table_view_focus_cell (self, row, column);
          return TRUE;
        default:
          return FALSE;
        }
    }

  if (control && !alt)
    {
      switch (keyval)
        {
        case GDK_KEY_c:
        case GDK_KEY_C:
          copy_clipboard (self);
          return TRUE;
        case GDK_KEY_v:
        case GDK_KEY_V:
          paste_clipboard (self);
          return TRUE;
        case GDK_KEY_Home:
          return nb_table_view_focus_cell (self, 0, 0);
        case GDK_KEY_End:
          return nb_table_view_focus_cell (self, n_rows (self) - 1, n_columns (self) - 1);
        default:
          return FALSE;
        }
    }

  switch (keyval)
    {
    case GDK_KEY_Up:
      move (self, index, -1, 0, FALSE);
      return TRUE;
    case GDK_KEY_Down:
      move (self, index, 1, 0, FALSE);
      return TRUE;
    case GDK_KEY_Left:
      move (self, index, 0, -1, FALSE);
      return TRUE;
    case GDK_KEY_Right:
      move (self, index, 0, 1, FALSE);
      return TRUE;
    case GDK_KEY_Home:
      return nb_table_view_focus_cell (self, row, 0);
    case GDK_KEY_End:
      return nb_table_view_focus_cell (self, row, n_columns (self) - 1);
    case GDK_KEY_Tab:
      /* At the last cell the focus leaves the table. */
      return move (self, index, 0, 1, TRUE);
    case GDK_KEY_ISO_Left_Tab:
      return move (self, index, 0, -1, TRUE);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      move (self, index, shift ? -1 : 1, 0, FALSE);
      return TRUE;
    case GDK_KEY_F2:
      nb_table_view_begin_edit (self, row, column, NULL);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      clear_cell (self, row, column);
      return TRUE;
    case GDK_KEY_Menu:
      popup_menu (self, index);
      return TRUE;
    case GDK_KEY_F10:
      if (shift)
        {
          popup_menu (self, index);
          return TRUE;
        }
      return FALSE;
    default:
      break;
    }

  /* Typing replaces. */
  c = gdk_keyval_to_unicode (keyval);
  if (!alt && c != 0 && g_unichar_isprint (c))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      nb_table_view_begin_edit (self, row, column, buf);
      return TRUE;
    }
  return FALSE;
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 NbTableView     *self)
{
  NbTableCell *cell = NB_TABLE_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  guint row = nb_table_cell_get_row (cell), column = nb_table_cell_get_column (cell);
  guint index = row * n_columns (self) + column;

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    {
      nb_table_view_focus_cell (self, row, column);
      popup_menu (self, index);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (self->editing == (int) index)
    return;
  nb_table_view_begin_edit (self, row, column, NULL);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller,
                     NbTableView             *self)
{
  NbTableCell *cell = NB_TABLE_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  self->cursor = nb_table_cell_get_row (cell) * n_columns (self) + nb_table_cell_get_column (cell);
}

static void
editor_focus_leave_cb (GtkEventControllerFocus *controller,
                       NbTableView             *self)
{
  GtkRoot *root = gtk_widget_get_root (self->editor);

  /* Clicking elsewhere writes what was typed.  The window merely losing
   * the keyboard to another window (the editor stays its focus widget)
   * leaves the edit open, as a spreadsheet does. */
  if (root != NULL && gtk_root_get_focus (root) == self->editor)
    return;
  if (self->editing >= 0 && self->cells != NULL)
    nb_table_view_commit_edit (self);
}

/**
 * nb_table_view_set_note:
 * @note: (nullable): the note, or %NULL or "" to remove it
 *
 * Writes a cell's note as one undoable step.
 */
void
nb_table_view_set_note (NbTableView *self,
                        guint        row,
                        guint        column,
                        const char  *note)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));
  g_return_if_fail (row < n_rows (self) && column < n_columns (self));

  if (refuse_edit (self))
    return;
  if (self->undo != NULL)
    nb_undo_stack_begin (self->undo, _("Edit a note"));
  nb_table_set_note (self->table, row, column, note);
  if (self->undo != NULL)
    nb_undo_stack_end (self->undo);
}

/* The cell the cell actions act on: the context menu's, else the cursor's. */
static int
action_cell (NbTableView *self)
{
  return self->context >= 0 ? self->context : self->cursor;
}

static void
note_entry_activate_cb (GtkEntry    *entry,
                        NbTableView *self)
{
  int index = action_cell (self);
  guint row = index / n_columns (self), column = index % n_columns (self);

  if (index < 0)
    return;
  nb_table_view_set_note (self, row, column, gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_popover_popdown (GTK_POPOVER (self->note_popover));
  nb_table_view_focus_cell (self, row, column);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NbTableView *self = NB_TABLE_VIEW (widget);
  int index = action_cell (self);
  guint row = index / n_columns (self), column = index % n_columns (self);
  const char *note;
  graphene_rect_t bounds;

  if (index < 0 || refuse_edit (self))
    return;
  self->context = index;
  note = nb_table_get_note (self->table, row, column);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
  if (gtk_widget_compute_bounds (GTK_WIDGET (cell_at_index (self, index)), widget, &bounds))
    {
      GdkRectangle rect = { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };
      gtk_popover_set_pointing_to (GTK_POPOVER (self->note_popover), &rect);
    }
  gtk_popover_popup (GTK_POPOVER (self->note_popover));
  gtk_widget_grab_focus (self->note_entry);
}

static void
restore_total_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NbTableView *self = NB_TABLE_VIEW (widget);
  int index = action_cell (self);
  guint row = index / n_columns (self), column = index % n_columns (self);

  if (index < 0 || refuse_edit (self))
    return;
  if (self->undo != NULL)
    nb_undo_stack_begin (self->undo, _("Restore automatic total"));
  nb_table_restore_total (self->table, row, column);
  if (self->undo != NULL)
    nb_undo_stack_end (self->undo);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NbTableView *self = NB_TABLE_VIEW (widget);
  int index = action_cell (self);

  if (index < 0)
    return;
  clear_cell (self, index / n_columns (self), index % n_columns (self));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_clipboard (NB_TABLE_VIEW (widget));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NbTableView *self = NB_TABLE_VIEW (widget);

  if (self->context >= 0)
    self->cursor = self->context;
  paste_clipboard (self);
}

/* ---- building the grid ---------------------------------------------------- */

static void
place (NbTableView *self,
       GtkWidget   *child,
       int          row,
       int          column,
       int          row_span,
       int          column_span)
{
  NbFormLayout *layout = NB_FORM_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  /* What stands in the label columns stays in view when the grid
   * scrolls sideways (see nb_table_view_snapshot()). */
  if (column + column_span <= (int) nb_table_get_def (self->table)->n_label_columns)
    {
      gtk_widget_add_css_class (child, "sticky");
      g_ptr_array_add (self->sticky, child);
    }

  gtk_widget_set_parent (child, GTK_WIDGET (self));
  nb_form_layout_attach (layout, child, row, column, row_span, column_span);
}

static GtkWidget *
make_label (const char        *text,
            const char        *css_class,
            GtkAccessibleRole  role,
            int                max_chars,
            float              xalign)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text != NULL ? text : "",
                                   "accessible-role", role,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "max-width-chars", max_chars,
                                   /* Row labels keep a readable width in a
                                    * narrow window: the grid scrolls instead. */
                                   "width-chars", g_str_equal (css_class, "header") ? -1 : MIN (max_chars, 14),
                                   "xalign", xalign,
                                   "justify", xalign == 0.5f ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT,
                                   NULL);
  gtk_widget_add_css_class (label, "gridcell");
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
build (NbTableView *self)
{
  const NbTableDef *def = nb_table_get_def (self->table);
  guint nl = def->n_label_columns, nh = def->n_header_rows;
  gboolean narrow = def->n_columns > 10;

  for (guint i = 0; i < def->n_header_cells; i++)
    {
      const NbHeaderCell *h = &def->header[i];
      /* A table of a few columns gives each header a line of its own
       * (本年处理决定数量, not 本年处理决/定数量). */
      int chars = h->column_span > 1 ? 8 * h->column_span : narrow ? 2 : def->n_columns <= 4 ? 16 : 5;
      GtkWidget *label;

      /* The header cell over the label columns explains the rows. */
      if (nl > 0 && h->column < nl)
        chars = 24;
      label = make_label (h->text, "header", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER, chars, 0.5f);
      if (h->word_chars > 0)
        {
          g_autoptr(PangoAttrList) words = nb_render_word_attributes (h->text, h->word_chars);
          gtk_label_set_attributes (GTK_LABEL (label), words);
        }
      place (self, label, h->row, h->column, h->row_span, h->column_span);
    }

  for (guint r = 0; r < def->n_rows; r++)
    {
      const NbRowDef *row = &def->rows[r];
      int grid_row = nh + r;

      if (nl > 0)
        {
          if (row->group == NULL)
            place (self, make_label (row->label, "rowlabel", GTK_ACCESSIBLE_ROLE_ROW_HEADER, 30, 0.0f),
                   grid_row, 0, 1, nl);
          else
            {
              guint first_label_column = row->subgroup != NULL ? 2 : 1;

              /* A group's cell is placed at its first row, spanning its run. */
              if (r == 0 || !nb_table_def_same_label (def, 0, r - 1, r))
                {
                  guint span = 1;
                  while (r + span < def->n_rows && nb_table_def_same_label (def, 0, r, r + span))
                    span++;
                  place (self, make_label (row->group, "grouplabel", GTK_ACCESSIBLE_ROLE_ROW_HEADER, 4, 0.5f),
                         grid_row, 0, span, 1);
                }
              if (row->subgroup != NULL &&
                  (r == 0 || !nb_table_def_same_label (def, 1, r - 1, r)))
                {
                  guint span = 1;
                  while (r + span < def->n_rows && nb_table_def_same_label (def, 1, r, r + span))
                    span++;
                  place (self, make_label (row->subgroup, "grouplabel", GTK_ACCESSIBLE_ROLE_ROW_HEADER, 8, 0.0f),
                         grid_row, 1, span, 1);
                }
              place (self, make_label (row->label, "rowlabel", GTK_ACCESSIBLE_ROLE_ROW_HEADER,
                                       first_label_column == 1 ? 30 : 24, 0.0f),
                     grid_row, first_label_column, 1, nl - first_label_column);
            }
        }

      for (guint c = 0; c < def->n_columns; c++)
        {
          GtkWidget *cell = nb_table_cell_new (r, c, def->n_rows, def->n_columns);
          GtkGesture *click = gtk_gesture_click_new ();
          GtkEventController *focus = gtk_event_controller_focus_new ();

          gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
          g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), self);
          gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));
          g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), self);
          gtk_widget_add_controller (cell, focus);
          gtk_widget_add_css_class (cell, "gridcell");
          /* Where the cell is in the form, counted from 1 as ARIA does,
           * header rows and label columns included (the grid's size). */
          gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                          GTK_ACCESSIBLE_RELATION_ROW_INDEX, grid_row + 1,
                                          GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) (nl + c + 1),
                                          -1);
          if (narrow)
            gtk_widget_add_css_class (cell, "narrow");
          place (self, cell, grid_row, nl + c, 1, 1);
          g_ptr_array_add (self->cells, cell);
          g_hash_table_insert (self->addresses, nb_table_cell_address (self->table, r, c),
                               GUINT_TO_POINTER (self->cells->len));
        }
    }
}

/* ---- row labels kept in view ---------------------------------------------- */

/* How far the view's left edge is scrolled out of sight. */
static double
sticky_offset (NbTableView *self)
{
  GtkWidget *scrolled;
  graphene_rect_t bounds;

  if (self->hadjustment == NULL || self->sticky->len == 0)
    return 0;
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (self), scrolled, &bounds))
    return 0;
  return MAX (0, -bounds.origin.x);
}

/* The form's thin rules: the text's colour at 35 % over the view's
 * background, made opaque so that rules crossing at a corner do not
 * darken it. */
static GdkRGBA
rule_color (NbTableView *self)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, bg;
  float a;

  gtk_style_context_get_color (style, &fg);
  a = 0.35f * fg.alpha;
  if (!gtk_style_context_lookup_color (style, "view_bg_color", &bg))
    return (GdkRGBA) { fg.red, fg.green, fg.blue, a };
  return (GdkRGBA) { bg.red + (fg.red - bg.red) * a, bg.green + (fg.green - bg.green) * a,
                     bg.blue + (fg.blue - bg.blue) * a, 1.0f };
}

/* One rule: along @at (a row's y or a column's x), from @from to @to. */
typedef struct {
  float at, from, to;
} Rule;

static int
compare_rules (gconstpointer a,
               gconstpointer b)
{
  const Rule *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return (x->from > y->from) - (x->from < y->from);
}

/* Appends @rules to @rects, joining the pieces that continue one
 * another: a line across a row is one rectangle, not one per cell. */
static void
join_rules (GArray   *rects,
            GArray   *rules,
            gboolean  horizontal)
{
  g_array_sort (rules, compare_rules);
  for (guint i = 0; i < rules->len;)
    {
      Rule line = g_array_index (rules, Rule, i);

      for (i++; i < rules->len; i++)
        {
          const Rule *next = &g_array_index (rules, Rule, i);
          if (next->at != line.at || next->from > line.to)
            break;
          line.to = MAX (line.to, next->to);
        }
      g_array_append_val (rects, *(horizontal ? &GRAPHENE_RECT_INIT (line.from, line.at, line.to - line.from, 1)
                                              : &GRAPHENE_RECT_INIT (line.at, line.from, 1, line.to - line.from)));
    }
}

/* Appends to @rects the right and bottom rules of @cells, and @edge (the
 * view's top or left rule), on the pixels their transparent CSS borders
 * reserve.  Drawn as a few long rectangles: as two-sided CSS borders,
 * GTK filled every side of every cell and of the view as an antialiased
 * path, which made a frame of section 三's grid take some 70 ms to
 * paint. */
static void
measure_rules (NbTableView *self,
               GPtrArray   *cells,
               Rule         edge,
               gboolean     edge_is_row,
               GArray      *rects)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Rule));
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Rule));

  g_array_append_val (edge_is_row ? rows : columns, edge);

  for (guint i = 0; i < cells->len; i++)
    {
      graphene_rect_t b;
      float right, bottom;

      if (!gtk_widget_compute_bounds (g_ptr_array_index (cells, i), GTK_WIDGET (self), &b))
        continue;
      right = b.origin.x + b.size.width;
      bottom = b.origin.y + b.size.height;
      g_array_append_val (rows, ((Rule) { bottom - 1, b.origin.x, right }));
      g_array_append_val (columns, ((Rule) { right - 1, b.origin.y, bottom }));
    }
  join_rules (rects, rows, TRUE);
  join_rules (rects, columns, FALSE);
}

/* The rules, measured again only when the layout moved a line: a key
 * press reallocates every cell but seldom moves one (about 1.3 million
 * instructions a frame for section 三 before). */
static void
update_rules (NbTableView *self,
              GPtrArray   *cells)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint serial = nb_form_layout_get_serial (NB_FORM_LAYOUT (gtk_widget_get_layout_manager (widget))) + 1;

  if (self->rules_serial == serial && self->rules_width == gtk_widget_get_width (widget) &&
      self->rules_height == gtk_widget_get_height (widget))
    return;
  g_array_set_size (self->rules, 0);
  measure_rules (self, cells, (Rule) { 0, 0, gtk_widget_get_width (widget) }, TRUE, self->rules);
  self->n_grid_rules = self->rules->len;
  measure_rules (self, self->sticky, (Rule) { 0, 0, gtk_widget_get_height (widget) }, FALSE, self->rules);
  self->rules_serial = serial;
  self->rules_width = gtk_widget_get_width (widget);
  self->rules_height = gtk_widget_get_height (widget);
}

static void
append_rules (GtkSnapshot   *snapshot,
              GArray        *rules,
              guint          from,
              guint          to,
              const GdkRGBA *color)
{
  for (guint i = from; i < to; i++)
    gtk_snapshot_append_color (snapshot, color, &g_array_index (rules, graphene_rect_t, i));
}

/* Below the width the grid needs, it scrolls sideways: the label columns
 * are drawn where the view's left edge would be, over the numbers, so
 * that a row's name stays in view. */
static void
nb_table_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  NbTableView *self = NB_TABLE_VIEW (widget);
  double offset = sticky_offset (self);
  GdkRGBA color = rule_color (self);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child) && !gtk_widget_has_css_class (child, "sticky"))
      {
        gtk_widget_snapshot_child (widget, child, snapshot);
        if (gtk_widget_has_css_class (child, "gridcell"))
          g_ptr_array_add (cells, child);
      }
  update_rules (self, cells);
  append_rules (snapshot, self->rules, 0, self->n_grid_rules, &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) offset, 0));
  for (guint i = 0; i < self->sticky->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->sticky, i), snapshot);
  append_rules (snapshot, self->rules, self->n_grid_rules, self->rules->len, &color);
  gtk_snapshot_restore (snapshot);
}

static void
hadjustment_changed_cb (GtkAdjustment *adjustment,
                        NbTableView   *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
nb_table_view_map (GtkWidget *widget)
{
  NbTableView *self = NB_TABLE_VIEW (widget);
  GtkWidget *scrolled;

  GTK_WIDGET_CLASS (nb_table_view_parent_class)->map (widget);

  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      self->hadjustment = g_object_ref (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)));
      g_signal_connect (self->hadjustment, "value-changed", G_CALLBACK (hadjustment_changed_cb), self);
    }
}

static void
nb_table_view_unmap (GtkWidget *widget)
{
  NbTableView *self = NB_TABLE_VIEW (widget);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  g_clear_object (&self->hadjustment);

  GTK_WIDGET_CLASS (nb_table_view_parent_class)->unmap (widget);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
nb_table_view_dispose (GObject *object)
{
  NbTableView *self = (NbTableView *) object;
  GtkWidget *child;

  if (self->editing >= 0)
    stop_editing (self);
  if (self->editor != NULL)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (self->editor);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
          g_signal_handlers_disconnect_by_data (controller, self);
        }
    }
  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_clear_object (&self->findings);
  if (self->table != NULL)
    g_signal_handlers_disconnect_by_data (self->table, self);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->note_popover, gtk_widget_unparent);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->sticky, g_ptr_array_unref);
  g_clear_object (&self->editor);
  g_clear_object (&self->table);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (nb_table_view_parent_class)->dispose (object);
}

static void
nb_table_view_finalize (GObject *object)
{
  NbTableView *self = (NbTableView *) object;

  g_hash_table_unref (self->addresses);
  g_ptr_array_unref (self->finding_cells);
  g_array_unref (self->rules);

  G_OBJECT_CLASS (nb_table_view_parent_class)->finalize (object);
}

static void
nb_table_view_class_init (NbTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_table_view_dispose;
  object_class->finalize = nb_table_view_finalize;
  widget_class->snapshot = nb_table_view_snapshot;
  widget_class->map = nb_table_view_map;
  widget_class->unmap = nb_table_view_unmap;

  /**
   * NbTableView::message:
   * @text: something to tell the user in passing (a toast)
   */
  signals[MESSAGE] =
    g_signal_new ("message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "cell.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "cell.restore-total", NULL, restore_total_action);
  gtk_widget_class_install_action (widget_class, "cell.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "cell.copy-table", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "cell.paste", NULL, paste_action);

  gtk_widget_class_set_layout_manager_type (widget_class, NB_TYPE_FORM_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nbtableview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
nb_table_view_init (NbTableView *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *box, *hint;

  self->editing = -1;
  self->cursor = -1;
  self->context = -1;
  self->cells = g_ptr_array_new ();
  self->sticky = g_ptr_array_new ();
  self->rules = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->finding_cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  /* A GtkText is no accessible of its own (its entry speaks for it)
   * unless given a role: as a text box, a screen reader finds the editor
   * with its text, focused and named as the cell. */
  self->editor = g_object_ref_sink (g_object_new (GTK_TYPE_TEXT,
                                                  "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX,
                                                  NULL));
  gtk_widget_set_hexpand (self->editor, TRUE);
  gtk_editable_set_alignment (GTK_EDITABLE (self->editor), 1.0);
  /* As narrow as the cell: a GtkText asks for 150 px unless told its
   * widest, and the column would widen while typing; it scrolls instead. */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->editor), 3);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->editor), 3);
  gtk_widget_add_css_class (self->editor, "numeric");
  /* The editor can outlive the view (the window holds its focus widget):
   * the handler goes with the view. */
  g_signal_connect_object (focus, "leave", G_CALLBACK (editor_focus_leave_cb), self, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (self->editor, focus);

  g_menu_append (menu, _("Add or Edit _Note…"), "cell.edit-note");
  g_menu_append (menu, _("_Restore Automatic Total"), "cell.restore-total");
  g_menu_append (menu, _("C_lear"), "cell.clear");
  g_menu_append (menu, _("_Copy Table"), "cell.copy-table");
  g_menu_append (menu, _("_Paste"), "cell.paste");
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  self->note_popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  hint = gtk_label_new (_("A note printed beside the number"));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  self->note_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->note_entry), _("Note"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->note_entry), 24);
  g_signal_connect (self->note_entry, "activate", G_CALLBACK (note_entry_activate_cb), self);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), self->note_entry);
  gtk_popover_set_child (GTK_POPOVER (self->note_popover), box);
  gtk_widget_set_parent (self->note_popover, GTK_WIDGET (self));
}

/**
 * nb_table_view_new:
 * @undo: (nullable): where the view's edits are grouped into steps
 */
GtkWidget *
nb_table_view_new (NbTable     *table,
                   NbUndoStack *undo)
{
  NbTableView *self;
  g_autofree char *size = NULL;

  g_return_val_if_fail (NB_IS_TABLE (table), NULL);

  self = g_object_new (NB_TYPE_TABLE_VIEW, NULL);
  self->table = g_object_ref (table);
  self->undo = undo != NULL ? g_object_ref (undo) : NULL;
  build (self);
  g_signal_connect_object (table, "cell-changed", G_CALLBACK (table_cell_changed_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT,
                                  (int) (nb_table_get_def (table)->n_rows +
                                         nb_table_get_def (table)->n_header_rows),
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT,
                                  (int) (nb_table_get_def (table)->n_columns +
                                         nb_table_get_def (table)->n_label_columns),
                                  -1);
  /* GTK 4.8 passes on neither count: the size is said in words too. */
  size = g_strdup_printf (_("rows: %u, columns: %u"),
                          nb_table_get_def (table)->n_rows, nb_table_get_def (table)->n_columns);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, size, -1);
  nb_table_view_refresh (self);
  return GTK_WIDGET (self);
}

NbTable *
nb_table_view_get_table (NbTableView *self)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  return self->table;
}

/**
 * nb_table_view_set_findings:
 * @findings: (nullable): a model of #NbFinding, kept up to date by a checker
 */
void
nb_table_view_set_findings (NbTableView *self,
                            GListModel  *findings)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  if (self->findings == findings)
    return;
  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_set_object (&self->findings, findings);
  g_ptr_array_set_size (self->finding_cells, 0);
  if (findings != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

          g_ptr_array_add (self->finding_cells, finding_cells (self, finding));
        }
      g_signal_connect (findings, "items-changed", G_CALLBACK (findings_items_changed_cb), self);
    }
  nb_table_view_refresh (self);
}

/**
 * nb_table_view_set_read_only:
 * While @read_only (the report is finalized, 定稿), the view shows and
 * copies the table but takes no edit: typing, pasting, clearing and
 * notes are refused with a message.
 */
void
nb_table_view_set_read_only (NbTableView *self,
                             gboolean     read_only)
{
  static const char *const edit_actions[] = { "cell.edit-note", "cell.clear", "cell.paste" };

  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  self->read_only = !!read_only;
  /* the window wrote what was being typed first (_nb_window_commit_edits) */
  if (self->read_only)
    stop_editing (self);
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], !self->read_only);
}

gboolean
nb_table_view_get_read_only (NbTableView *self)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);
  return self->read_only;
}
