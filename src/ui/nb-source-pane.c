/* nb-source-pane.c — the published report beside the one imported from it
 *
 * The page of a PDF drawn by poppler, or the text the importer read, with
 * the place of the selected cell's number marked: a translucent box on the
 * page, a tag in the text.  Below, what the import could not place, each
 * row showing its place.  Accepting the import emits ::accepted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "nb-accessible.h"
#include "nb-source-pane.h"
#include "nb-ui-resources.h"

/* The marked place: translucent amber, as a highlighter pen. */
#define MARK_RED   0.96
#define MARK_GREEN 0.76
#define MARK_BLUE  0.05

struct _NbSourcePane
{
  GtkWidget          parent_instance;

  NbImportSource    *source;
  PopplerDocument   *document;       /* a PDF's */
  int                page;           /* shown, 0-based */
  double             scale;          /* pixels a point */
  int                height;         /* of the page at that scale */
  guint              height_source;  /* setting it, after the allocation that measured it */
  gboolean           scroll_pending; /* to the mark, once the page is laid out */
  guint              text_tick;      /* scrolling the text to the mark as it wraps */
  guint              text_frames;
  gboolean           marked;
  NbImportLocation   mark;
  GtkTextTag        *mark_tag;

  /* template children */
  GtkWidget         *box;
  GtkLabel          *name_label;
  GtkWidget         *accept_button;
  GtkLabel          *where_label;
  GtkWidget         *previous_button;
  GtkWidget         *next_button;
  GtkStack          *view_stack;
  GtkScrolledWindow *pdf_scroller;
  GtkDrawingArea    *page_area;
  GtkTextView       *text_view;
  GtkWidget         *unplaced_box;
  GtkLabel          *unplaced_heading;
  GtkListBox        *unplaced_list;
};

G_DEFINE_FINAL_TYPE (NbSourcePane, nb_source_pane, GTK_TYPE_WIDGET)

enum {
  ACCEPTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- The page of a PDF ------------------------------------------------------------ */

static PopplerPage *
shown_page (NbSourcePane *self)
{
  if (self->document == NULL)
    return NULL;
  return poppler_document_get_page (self->document, self->page);
}

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  NbSourcePane *self = data;
  PopplerPage *page = shown_page (self);

  if (page == NULL)
    return;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, self->scale, self->scale);
  poppler_page_render (page, cr);
  if (self->marked && self->mark.page == (guint) self->page + 1)
    {
      double pad = 2.5;

      cairo_rectangle (cr, self->mark.x1 - pad, self->mark.y1 - pad,
                       self->mark.x2 - self->mark.x1 + 2 * pad, self->mark.y2 - self->mark.y1 + 2 * pad);
      cairo_set_source_rgba (cr, MARK_RED, MARK_GREEN, MARK_BLUE, 0.4);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2 / self->scale);
      cairo_set_source_rgba (cr, MARK_RED, MARK_GREEN * 0.7, MARK_BLUE, 0.9);
      cairo_stroke (cr);
    }
  g_object_unref (page);
}

static gboolean
set_height_cb (gpointer data)
{
  NbSourcePane *self = data;

  self->height_source = 0;
  gtk_drawing_area_set_content_height (self->page_area, self->height);
  return G_SOURCE_REMOVE;
}

/* The page as wide as the pane, as tall as that makes it: set once the
 * allocation that gave the width is over (a resize asked for during an
 * allocation is lost). */
static void
size_page (NbSourcePane *self,
           int           width)
{
  PopplerPage *page = shown_page (self);
  double page_width, page_height;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &page_width, &page_height);
  g_object_unref (page);
  if (width <= 0 || page_width <= 0)
    return;
  self->scale = width / page_width;
  self->height = (int) (page_height * self->scale + 0.5);
  if (self->height != gtk_drawing_area_get_content_height (self->page_area) && self->height_source == 0)
    self->height_source = g_idle_add (set_height_cb, self);
}

static void
scroll_to_mark (NbSourcePane *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->pdf_scroller);
  double top, visible;

  if (!self->marked || self->mark.page != (guint) self->page + 1)
    return;
  if (self->scale <= 0)
    {
      self->scroll_pending = TRUE;
      return;
    }
  top = self->mark.y1 * self->scale;
  visible = gtk_adjustment_get_page_size (adjustment);
  /* laid out yet: the page is as tall as its scale makes it */
  if (gtk_adjustment_get_upper (adjustment) < self->height || visible <= 0)
    {
      self->scroll_pending = TRUE;
      return;
    }
  self->scroll_pending = FALSE;
  gtk_adjustment_set_value (adjustment, top - visible / 3);
}

static void
page_area_resize_cb (NbSourcePane *self,
                     int           width,
                     int           height)
{
  double scale = self->scale;

  size_page (self, width);
  if (self->scroll_pending || scale != self->scale)
    scroll_to_mark (self);
}

static void
adjustment_changed_cb (GtkAdjustment *adjustment,
                       NbSourcePane  *self)
{
  if (self->scroll_pending)
    scroll_to_mark (self);
}

static void
update_page_actions (NbSourcePane *self)
{
  int n = self->document != NULL ? poppler_document_get_n_pages (self->document) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.next-page", self->page + 1 < n);
}

static void
show_page (NbSourcePane *self,
           int           page)
{
  if (self->document == NULL || page < 0 || page >= poppler_document_get_n_pages (self->document))
    return;
  self->page = page;
  size_page (self, gtk_widget_get_width (GTK_WIDGET (self->page_area)));
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
  update_page_actions (self);
}

static void
say_where (NbSourcePane *self,
           const char   *what)
{
  g_autofree char *text = NULL;

  if (self->document != NULL)
    {
      /* Translators: “Page 3 of 7 — the number of the selected cell is marked” */
      g_autofree char *page = g_strdup_printf (_("Page %u of %u"), (guint) self->page + 1,
                                               (guint) poppler_document_get_n_pages (self->document));
      text = what != NULL ? g_strdup_printf ("%s — %s", page, what) : g_steal_pointer (&page);
    }
  else
    text = g_strdup (what);
  gtk_label_set_text (self->where_label, text != NULL ? text : "");
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbSourcePane *self = NB_SOURCE_PANE (widget);

  show_page (self, self->page + (g_str_equal (action_name, "source.next-page") ? 1 : -1));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->pdf_scroller), 0);
  say_where (self, NULL);
}

/* ---- The text --------------------------------------------------------------------- */

static void
text_iter_at_byte (GtkTextBuffer *buffer,
                   const char    *text,
                   gsize          byte,
                   GtkTextIter   *iter)
{
  gtk_text_buffer_get_iter_at_offset (buffer, iter, (int) g_utf8_pointer_to_offset (text, text + byte));
}

/* The lines wrap again as the pane takes its width: the text is scrolled
 * to the mark again for the first frames. */
static gboolean
text_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  NbSourcePane *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer), 0.05, TRUE, 0, 0.3);
  if (++self->text_frames < 6)
    return G_SOURCE_CONTINUE;
  self->text_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
mark_text (NbSourcePane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = nb_import_source_get_text (self->source);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->mark_tag, &start, &end);
  if (!self->marked || text == NULL || self->mark.end > strlen (text))
    return;
  text_iter_at_byte (buffer, text, self->mark.start, &start);
  text_iter_at_byte (buffer, text, self->mark.end, &end);
  gtk_text_buffer_apply_tag (buffer, self->mark_tag, &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer), 0.05, TRUE, 0, 0.3);
  self->text_frames = 0;
  if (self->text_tick == 0)
    self->text_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view), text_tick_cb, self, NULL);
}

/* The 1-based line of the text where the mark starts. */
static guint
mark_line (NbSourcePane *self)
{
  const char *text = nb_import_source_get_text (self->source);
  guint line = 1;

  /* lines end as the importer ends them: LF, CR LF or CR */
  for (gsize i = 0; text != NULL && i < self->mark.start && text[i] != '\0'; i++)
    line += text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n');
  return line;
}

/* ---- Marking a place -------------------------------------------------------------- */

static void
set_mark (NbSourcePane           *self,
          const NbImportLocation *location,
          const char             *what)
{
  self->marked = location != NULL;
  if (location != NULL)
    self->mark = *location;
  if (self->document != NULL)
    {
      if (location != NULL)
        show_page (self, (int) location->page - 1);
      gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
      scroll_to_mark (self);
      say_where (self, what);
    }
  else
    {
      g_autofree char *text = NULL;

      mark_text (self);
      if (location != NULL)
        /* Translators: “Line 12 — the number of the selected cell is marked” */
        text = g_strdup_printf (_("Line %u — %s"), mark_line (self), what);
      say_where (self, text != NULL ? text : what);
    }
}

/**
 * nb_source_pane_show_cell:
 * @address: the `table.row.column` of the cell selected in the grid
 *
 * Marks where the cell's number was in the source.
 *
 * Returns: whether that place is known
 */
gboolean
nb_source_pane_show_cell (NbSourcePane *self,
                          const char   *address)
{
  NbImportLocation location;

  g_return_val_if_fail (NB_IS_SOURCE_PANE (self), FALSE);

  gtk_list_box_unselect_all (self->unplaced_list);
  if (address == NULL || !nb_import_source_lookup (self->source, address, &location))
    {
      set_mark (self, NULL, _("The selected cell's number was not read from the published report"));
      return FALSE;
    }
  set_mark (self, &location, _("the number of the selected cell is marked"));
  return TRUE;
}

/**
 * nb_source_pane_show_unplaced:
 * Marks where item @index of what the import could not place was.
 *
 * Returns: whether that place is known
 */
gboolean
nb_source_pane_show_unplaced (NbSourcePane *self,
                              guint         index)
{
  NbImportLocation location;

  g_return_val_if_fail (NB_IS_SOURCE_PANE (self), FALSE);

  if (index >= nb_import_source_get_n_unplaced (self->source) ||
      !nb_import_source_get_unplaced_location (self->source, index, &location))
    return FALSE;
  gtk_list_box_select_row (self->unplaced_list, gtk_list_box_get_row_at_index (self->unplaced_list, (int) index));
  set_mark (self, &location, _("the numbers not placed are marked"));
  return TRUE;
}

/**
 * nb_source_pane_get_highlight:
 * @location: (out) (optional): the place marked
 *
 * Returns: whether a place is marked
 */
gboolean
nb_source_pane_get_highlight (NbSourcePane     *self,
                              NbImportLocation *location)
{
  g_return_val_if_fail (NB_IS_SOURCE_PANE (self), FALSE);

  if (self->marked && location != NULL)
    *location = self->mark;
  return self->marked;
}

/* ---- What was not placed ---------------------------------------------------------- */

static void
unplaced_row_activated_cb (NbSourcePane  *self,
                           GtkListBoxRow *row)
{
  nb_source_pane_show_unplaced (self, (guint) gtk_list_box_row_get_index (row));
}

static void
fill_unplaced (NbSourcePane *self)
{
  guint n = nb_import_source_get_n_unplaced (self->source);
  g_autofree char *heading = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *message = nb_import_source_get_unplaced_message (self->source, i);
      const char *where = nb_import_source_get_unplaced_where (self->source, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label = gtk_label_new (message);
      g_autofree char *name = g_strdup_printf ("%s（%s）", message, where);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (where);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                        nb_import_source_get_unplaced_location (self->source, i, NULL));
      nb_accessible_set_label (row, name);
      gtk_list_box_append (self->unplaced_list, row);
    }
  heading = g_strdup_printf (g_dngettext (NULL, "%u Number Not Placed", "%u Numbers Not Placed", n), n);
  gtk_label_set_text (self->unplaced_heading, heading);
  gtk_widget_set_visible (self->unplaced_box, n > 0);
}

/* ---- The object ------------------------------------------------------------------- */

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[ACCEPTED], 0);
}

static void
nb_source_pane_dispose (GObject *object)
{
  NbSourcePane *self = NB_SOURCE_PANE (object);

  g_clear_handle_id (&self->height_source, g_source_remove);
  if (self->text_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->text_tick);
  self->text_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_SOURCE_PANE);
  g_clear_object (&self->document);
  g_clear_object (&self->source);
  G_OBJECT_CLASS (nb_source_pane_parent_class)->dispose (object);
}

static void
nb_source_pane_class_init (NbSourcePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_source_pane_dispose;

  /**
   * NbSourcePane::accepted:
   * The user accepted the import: the pane can go.
   */
  signals[ACCEPTED] = g_signal_new ("accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "source.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "source.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "source.next-page", NULL, page_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nbsource");
  nb_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-source-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, box);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, name_label);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, accept_button);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, where_label);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, previous_button);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, next_button);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, pdf_scroller);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, page_area);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, text_view);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, unplaced_box);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, unplaced_heading);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, unplaced_list);
  gtk_widget_class_bind_template_callback (widget_class, page_area_resize_cb);
  gtk_widget_class_bind_template_callback (widget_class, unplaced_row_activated_cb);
}

static void
nb_source_pane_init (NbSourcePane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nb_accessible_name_from_child (self->accept_button);
  gtk_drawing_area_set_draw_func (self->page_area, draw_page, self, NULL);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->pdf_scroller), "changed",
                           G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_DEFAULT);
}

/**
 * nb_source_pane_new:
 * @source: what the report was imported from
 * @name: the file's name, shown
 *
 * Returns: (transfer floating): the pane
 */
GtkWidget *
nb_source_pane_new (NbImportSource *source,
                    const char     *name)
{
  NbSourcePane *self;

  g_return_val_if_fail (NB_IS_IMPORT_SOURCE (source), NULL);

  self = g_object_new (NB_TYPE_SOURCE_PANE, NULL);
  self->source = g_object_ref (source);
  gtk_label_set_text (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);
  if (nb_import_source_get_kind (source) == NB_IMPORT_SOURCE_PDF)
    {
      g_autoptr(GError) error = NULL;

      /* the importer read it: it opens */
      self->document = poppler_document_new_from_bytes (nb_import_source_get_pdf (source), NULL, &error);
      if (error != NULL)
        g_warning ("The PDF read by the import does not open: %s", error->message);
    }
  if (self->document != NULL)
    {
      PopplerPage *page = shown_page (self);
      double width = 595, height = 842;

      if (page != NULL)
        {
          poppler_page_get_size (page, &width, &height);
          g_object_unref (page);
        }
      gtk_stack_set_visible_child_name (self->view_stack, "pdf");
      gtk_drawing_area_set_content_height (self->page_area, (int) height);
      update_page_actions (self);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      g_autofree char *text = g_strdup (nb_import_source_get_text (source));

      /* a page break shows as a space: byte for byte, the marks stay put */
      gtk_stack_set_visible_child_name (self->view_stack, "text");
      gtk_text_buffer_set_text (buffer, text != NULL ? g_strdelimit (text, "\f", ' ') : "", -1);
      self->mark_tag = gtk_text_buffer_create_tag (buffer, "source-mark",
                                                   "background-rgba",
                                                   &(GdkRGBA) { MARK_RED, MARK_GREEN, MARK_BLUE, 0.45 },
                                                   "weight", PANGO_WEIGHT_BOLD,
                                                   NULL);
      gtk_widget_set_visible (self->previous_button, FALSE);
      gtk_widget_set_visible (self->next_button, FALSE);
    }
  say_where (self, _("Select a cell to see where its number came from"));
  fill_unplaced (self);
  return GTK_WIDGET (self);
}

/**
 * nb_source_pane_get_source:
 * Returns: (transfer none): what the report was imported from
 */
NbImportSource *
nb_source_pane_get_source (NbSourcePane *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_PANE (self), NULL);

  return self->source;
}

/**
 * nb_source_pane_get_unplaced_list:
 * Returns: (transfer none): the list of what the import could not place
 */
GtkListBox *
nb_source_pane_get_unplaced_list (NbSourcePane *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_PANE (self), NULL);

  return self->unplaced_list;
}
