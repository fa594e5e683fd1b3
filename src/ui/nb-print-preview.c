/* nb-print-preview.c — the printed pages, shown inside the application
 *
 * GTK's own preview hands a temporary PDF to an external viewer that a
 * desktop may lack and a Flatpak sandbox may not be allowed to start.
 * This window draws the renderer's own pages (the same pages the printer
 * and the PDF get), white paper on the window's background, one drawing
 * area a page, and lists the fonts the pages really use.  Print and
 * Export PDF close it and hand on to the window's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-print-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-accessible.h"
#include "nb-print-operation.h"
#include "nb-print-preview.h"

#define ZOOM_MIN  0.25
#define ZOOM_MAX  4.0
#define PAGE_MARGIN 24          /* around the pages, as in the template */
#define POINTS_TO_PIXELS (96.0 / 72.0)

struct _NbPrintPreview
{
  AdwWindow        parent_instance;

  NbPageRenderer  *renderer;
  guint            n_pages;
  double           zoom;
  char            *fonts_text;

  /* template children */
  AdwWindowTitle  *window_title;
  GtkButton       *zoom_button;
  GtkScrolledWindow *scroller;
  GtkBox          *pages_box;
  GtkLabel        *fonts_label;
  GtkLabel        *glyphs_label;
};

G_DEFINE_FINAL_TYPE (NbPrintPreview, nb_print_preview, ADW_TYPE_WINDOW)

/* The steps of Zoom In and Zoom Out, as document viewers have them. */
static const double zoom_levels[] = { 0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

/* What a scrolling key does. */
typedef enum {
  SCROLL_PAGE_UP,
  SCROLL_PAGE_DOWN,
  SCROLL_START,
  SCROLL_END,
} ScrollKind;

static void
paper_size (NbPrintPreview *self,
            double         *width,
            double         *height)
{
  nb_page_renderer_get_paper_size (self->renderer, width, height);
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  NbPrintPreview *self = NB_PRINT_PREVIEW (user_data);
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "page"));
  double paper_width, paper_height;

  if (self->renderer == NULL)
    return;
  /* Paper is white whatever the theme; the renderer draws in black. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  paper_size (self, &paper_width, &paper_height);
  cairo_scale (cr, width / paper_width, height / paper_height);
  nb_page_renderer_draw_page (self->renderer, cr, page);
}

static void
update_sizes (NbPrintPreview *self)
{
  double paper_width, paper_height;
  int width, height;
  g_autofree char *percent = NULL;

  paper_size (self, &paper_width, &paper_height);
  width = (int) (paper_width * POINTS_TO_PIXELS * self->zoom + 0.5);
  height = (int) (paper_height * POINTS_TO_PIXELS * self->zoom + 0.5);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (child), width);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (child), height);
    }

  /* Translators: the zoom of the print preview, as in “100%” */
  percent = g_strdup_printf (_("%.0f%%"), self->zoom * 100);
  gtk_button_set_label (self->zoom_button, percent);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->zoom > ZOOM_MIN);
}

static void
build_pages (NbPrintPreview *self)
{
  GtkWidget *child;
  g_auto(GStrv) fonts = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *subtitle = NULL;
  guint unknown;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);

  self->n_pages = nb_page_renderer_paginate (self->renderer);
  for (guint i = 0; i < self->n_pages; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      /* Translators: what a screen reader says for a page of the print preview */
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, self->n_pages);

      g_object_set_data (G_OBJECT (area), "page", GUINT_TO_POINTER (i));
      gtk_widget_add_css_class (area, "preview-page");
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, self, NULL);
      gtk_box_append (self->pages_box, area);
    }

  subtitle = g_strdup_printf (g_dngettext (NULL, "%u page", "%u pages", self->n_pages), self->n_pages);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  fonts = nb_page_renderer_get_fonts_used (self->renderer);
  joined = g_strjoinv (", ", fonts);
  g_free (self->fonts_text);
  /* Translators: followed by the fonts of the printed pages, such as “Noto Serif CJK SC, Noto Sans CJK SC” */
  self->fonts_text = g_strdup_printf (_("Fonts used: %s"), joined);
  gtk_label_set_text (self->fonts_label, self->fonts_text);

  unknown = nb_page_renderer_get_unknown_glyphs (self->renderer);
  if (unknown > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (NULL, "%u character has no glyph in the installed fonts and prints as a box",
                                      "%u characters have no glyph in the installed fonts and print as boxes",
                                      unknown), unknown);
      gtk_label_set_text (self->glyphs_label, message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->glyphs_label), unknown > 0);

  update_sizes (self);
}

/* Closes the preview and runs one of the window's actions ("win.print"). */
static void
hand_on (NbPrintPreview *self,
         const char     *action)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GtkWidget) keep = parent != NULL ? g_object_ref (GTK_WIDGET (parent)) : NULL;

  gtk_window_destroy (GTK_WINDOW (self));
  if (keep != NULL)
    gtk_widget_activate_action (keep, action, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  hand_on (NB_PRINT_PREVIEW (widget), "win.print");
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  hand_on (NB_PRINT_PREVIEW (widget), "win.export-pdf");
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NbPrintPreview *self = NB_PRINT_PREVIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > self->zoom + 0.001)
      {
        nb_print_preview_set_zoom (self, zoom_levels[i]);
        return;
      }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NbPrintPreview *self = NB_PRINT_PREVIEW (widget);

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < self->zoom - 0.001)
      {
        nb_print_preview_set_zoom (self, zoom_levels[i - 1]);
        return;
      }
}

/* The page's width fills the visible width (less the margins). */
static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NbPrintPreview *self = NB_PRINT_PREVIEW (widget);
  double paper_width, paper_height;
  int available = gtk_widget_get_width (GTK_WIDGET (self->scroller)) - 2 * PAGE_MARGIN - 16;

  if (available <= 0)
    return;
  paper_size (self, &paper_width, &paper_height);
  nb_print_preview_set_zoom (self, available / (paper_width * POINTS_TO_PIXELS));
}

/* Page Up, Page Down, Home and End scroll the pages wherever
 * the focus is (the pages themselves take none). */
static gboolean
scroll_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  NbPrintPreview *self = NB_PRINT_PREVIEW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  switch ((ScrollKind) g_variant_get_int32 (args))
    {
    case SCROLL_PAGE_UP:
      value -= page * 0.9;
      break;
    case SCROLL_PAGE_DOWN:
      value += page * 0.9;
      break;
    case SCROLL_START:
      value = gtk_adjustment_get_lower (adjustment);
      break;
    case SCROLL_END:
    default:
      value = gtk_adjustment_get_upper (adjustment);
      break;
    }
  gtk_adjustment_set_value (adjustment, value);
  return TRUE;
}

static void
nb_print_preview_dispose (GObject *object)
{
  NbPrintPreview *self = NB_PRINT_PREVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_PRINT_PREVIEW);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (nb_print_preview_parent_class)->dispose (object);
}

static void
nb_print_preview_finalize (GObject *object)
{
  NbPrintPreview *self = NB_PRINT_PREVIEW (object);

  g_free (self->fonts_text);

  G_OBJECT_CLASS (nb_print_preview_parent_class)->finalize (object);
}

static void
nb_print_preview_class_init (NbPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_print_preview_dispose;
  object_class->finalize = nb_print_preview_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nianbao/Nianbao/ui/nb-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, NbPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, NbPrintPreview, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, NbPrintPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, NbPrintPreview, pages_box);
  gtk_widget_class_bind_template_child (widget_class, NbPrintPreview, fonts_label);
  gtk_widget_class_bind_template_child (widget_class, NbPrintPreview, glyphs_label);
  /* Only named for screen readers (gtk_widget_get_template_child ()). */
  gtk_widget_class_bind_template_child_full (widget_class, "print_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_fit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, scroll_cb, "i", SCROLL_PAGE_UP);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, scroll_cb, "i", SCROLL_PAGE_DOWN);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, scroll_cb, "i", SCROLL_START);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, scroll_cb, "i", SCROLL_END);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, scroll_cb, "i", SCROLL_START);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, scroll_cb, "i", SCROLL_END);
}

static void
nb_print_preview_init (NbPrintPreview *self)
{
  static const char *const text_buttons[] = { "print_button", "export_button", NULL };

  self->zoom = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
  nb_accessible_name_from_children (GTK_WIDGET (self), NB_TYPE_PRINT_PREVIEW, text_buttons);
}

/**
 * nb_print_preview_new:
 * @parent: the report's window; Print and Export PDF run its
 *   `win.print` and `win.export-pdf` actions
 * @settings: (nullable): the application's settings (print fonts,
 *   signature block), as the print operation reads them
 *
 * Returns: (transfer none): a modal preview of @report's printed pages;
 *   present it
 */
GtkWidget *
nb_print_preview_new (GtkWindow *parent,
                      NbReport  *report,
                      GSettings *settings)
{
  NbPrintPreview *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  self = g_object_new (NB_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  self->renderer = nb_print_operation_make_renderer (report, settings, NULL);
  build_pages (self);
  return GTK_WIDGET (self);
}

/**
 * nb_print_preview_get_renderer:
 * Returns: (transfer none): the renderer whose pages are shown
 */
NbPageRenderer *
nb_print_preview_get_renderer (NbPrintPreview *self)
{
  g_return_val_if_fail (NB_IS_PRINT_PREVIEW (self), NULL);
  return self->renderer;
}

/**
 * nb_print_preview_get_n_pages:
 * Returns: how many pages are shown
 */
guint
nb_print_preview_get_n_pages (NbPrintPreview *self)
{
  g_return_val_if_fail (NB_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}

/**
 * nb_print_preview_get_page:
 * Returns: (transfer none) (nullable): the widget that shows @page
 *   (counted from 0)
 */
GtkWidget *
nb_print_preview_get_page (NbPrintPreview *self,
                           guint           page)
{
  GtkWidget *child;

  g_return_val_if_fail (NB_IS_PRINT_PREVIEW (self), NULL);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
  for (guint i = 0; child != NULL && i < page; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

double
nb_print_preview_get_zoom (NbPrintPreview *self)
{
  g_return_val_if_fail (NB_IS_PRINT_PREVIEW (self), 1.0);
  return self->zoom;
}

/**
 * nb_print_preview_set_zoom:
 * @zoom: 1.0 shows the paper at its size on a 96 dpi screen; kept between
 *   0.25 and 4
 */
void
nb_print_preview_set_zoom (NbPrintPreview *self,
                           double          zoom)
{
  g_return_if_fail (NB_IS_PRINT_PREVIEW (self));

  self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  update_sizes (self);
}

/**
 * nb_print_preview_get_fonts_text:
 * Returns: the line that lists the fonts of the pages
 */
const char *
nb_print_preview_get_fonts_text (NbPrintPreview *self)
{
  g_return_val_if_fail (NB_IS_PRINT_PREVIEW (self), NULL);
  return self->fonts_text;
}
