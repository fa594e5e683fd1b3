/* nb-page-renderer.c — the printed report: page layout, drawing, PDF
 *
 * One renderer lays out a whole report once (nb_page_renderer_paginate())
 * into pages of positioned items, then draws any page on any cairo
 * context: the PDF export, the print operation and the preview all draw
 * the same pages.  This file holds the object, the pagination and the
 * drawing; the fonts, the flow of text, the tables and the signature
 * block are in nb-page-fonts.c, nb-page-flow.c, nb-page-table.c and
 * nb-page-signature.c.
 *
 * Geometry follows GB/T 9704-2012 (see print-layout.md): A4, text block
 * 156 × 225 mm at 37 mm from the top and 28 mm from the left, body in
 * 16 pt 仿宋 on a pitch of 22 lines per text block.  Everything is
 * computed in points; fonts are given absolute sizes so that the layout
 * does not depend on the resolution of the Pango context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "nb-display-text.h"
#include "nb-page-renderer-private.h"

/* Each entry is a Pango font description; the first whose family is
 * installed is used, so that fontconfig never picks a face of the wrong
 * style on its own.  After the faces of the official typography come
 * the TrueType faces of Debian's fonts-arphic-* and fonts-wqy-zenhei,
 * then Noto CJK: cairo embeds a subset of a TrueType face glyph by glyph,
 * but copies a Noto CJK face's whole 15-24 MB CFF table twice to subset
 * it (the sample report's PDF: 0.29 s and 668 kB with Noto, 0.11 s and
 * 117 kB with the TrueType faces).  Those faces are named with their own
 * weights (UMing is Light, Zen Hei Medium): Pango measures a face with a
 * description of the face, and when that equals ours it reuses our
 * fontset instead of matching and sorting the fonts again, in two
 * threads, for every size. */
static const struct {
  const char *property;
  const char *fallbacks;
} font_roles[N_FONTS] = {
  [FONT_TITLE] = { "title-font",
                   "FZXiaoBiaoSong-B05S, FZXiaoBiaoSong-B05, 方正小标宋简体, "
                   "AR PL SungtiL GB Bold, Noto Serif CJK SC Bold" },
  [FONT_HEADING] = { "heading-font",
                     "SimHei, 黑体, WenQuanYi Zen Hei Medium, Noto Sans CJK SC" },
  [FONT_SUBHEADING] = { "subheading-font",
                        "KaiTi, 楷体, KaiTi_GB2312, 楷体_GB2312, AR PL KaitiM GB, "
                        "Noto Serif CJK SC Bold" },
  [FONT_BODY] = { "body-font",
                  "FangSong, 仿宋, FangSong_GB2312, 仿宋_GB2312, AR PL UMing CN Light, "
                  "Noto Serif CJK SC" },
  [FONT_TABLE] = { "table-font",
                   "FangSong, 仿宋, FangSong_GB2312, 仿宋_GB2312, AR PL UMing CN Light, "
                   "Noto Serif CJK SC" },
  [FONT_FOLIO] = { "folio-font", "SimSun, 宋体, AR PL UMing CN Light, Noto Serif CJK SC" },
};

/* ---- The renderer ------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (NbPageRenderer, nb_page_renderer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_PAPER_WIDTH,
  PROP_PAPER_HEIGHT,
  PROP_LANDSCAPE,
  PROP_MARGIN_TOP,
  PROP_MARGIN_LEFT,
  PROP_TEXT_WIDTH,
  PROP_TEXT_HEIGHT,
  PROP_FONT_FIRST,
  PROP_FONT_LAST = PROP_FONT_FIRST + N_FONTS - 1,
  PROP_INCLUDE_SIGNATURE,
  PROP_DRAFT,
  PROP_FINGERPRINT,
  PROP_CHECKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
invalidate (NbPageRenderer *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

static void
report_changed_cb (NbReport       *report,
                   NbPageRenderer *self)
{
  invalidate (self);
}

static void
nb_page_renderer_constructed (GObject *object)
{
  NbPageRenderer *self = (NbPageRenderer *) object;

  G_OBJECT_CLASS (nb_page_renderer_parent_class)->constructed (object);

  g_return_if_fail (NB_IS_REPORT (self->report));
  g_signal_connect_object (self->report, "changed",
                           G_CALLBACK (report_changed_cb), self, G_CONNECT_DEFAULT);
}

static void
nb_page_renderer_finalize (GObject *object)
{
  NbPageRenderer *self = (NbPageRenderer *) object;

  invalidate (self);
  g_clear_object (&self->report);
  g_clear_object (&self->context);
  for (guint i = 0; i < N_FONTS; i++)
    {
      g_free (self->fonts[i]);
      g_clear_pointer (&self->desc[i], pango_font_description_free);
    }
  g_free (self->fingerprint);
  g_clear_object (&self->checker);
  g_clear_pointer (&self->installed, g_hash_table_unref);
  g_clear_pointer (&self->fonts_used, g_hash_table_unref);

  G_OBJECT_CLASS (nb_page_renderer_parent_class)->finalize (object);
}

static void
nb_page_renderer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NbPageRenderer *self = NB_PAGE_RENDERER (object);

  if (prop_id >= PROP_FONT_FIRST && prop_id <= PROP_FONT_LAST)
    {
      g_value_set_string (value, self->fonts[prop_id - PROP_FONT_FIRST]);
      return;
    }

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_PAPER_WIDTH:
      g_value_set_double (value, self->paper_width);
      break;
    case PROP_PAPER_HEIGHT:
      g_value_set_double (value, self->paper_height);
      break;
    case PROP_LANDSCAPE:
      g_value_set_boolean (value, self->landscape);
      break;
    case PROP_MARGIN_TOP:
      g_value_set_double (value, self->margin_top);
      break;
    case PROP_MARGIN_LEFT:
      g_value_set_double (value, self->margin_left);
      break;
    case PROP_TEXT_WIDTH:
      g_value_set_double (value, self->text_width);
      break;
    case PROP_TEXT_HEIGHT:
      g_value_set_double (value, self->text_height);
      break;
    case PROP_INCLUDE_SIGNATURE:
      g_value_set_boolean (value, self->include_signature);
      break;
    case PROP_FINGERPRINT:
      g_value_set_string (value, self->fingerprint);
      break;
    case PROP_DRAFT:
      g_value_set_boolean (value, self->draft);
      break;
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_page_renderer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NbPageRenderer *self = NB_PAGE_RENDERER (object);

  if (prop_id >= PROP_FONT_FIRST && prop_id <= PROP_FONT_LAST)
    {
      const char *spec = g_value_get_string (value);
      guint role = prop_id - PROP_FONT_FIRST;

      g_free (self->fonts[role]);
      self->fonts[role] = g_strdup (spec != NULL && *spec != '\0' ? spec : font_roles[role].fallbacks);
      invalidate (self);
      return;
    }

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    case PROP_PAPER_WIDTH:
      self->paper_width = g_value_get_double (value);
      break;
    case PROP_PAPER_HEIGHT:
      self->paper_height = g_value_get_double (value);
      break;
    case PROP_LANDSCAPE:
      self->landscape = g_value_get_boolean (value);
      break;
    case PROP_MARGIN_TOP:
      self->margin_top = g_value_get_double (value);
      break;
    case PROP_MARGIN_LEFT:
      self->margin_left = g_value_get_double (value);
      break;
    case PROP_TEXT_WIDTH:
      self->text_width = g_value_get_double (value);
      break;
    case PROP_TEXT_HEIGHT:
      self->text_height = g_value_get_double (value);
      break;
    case PROP_INCLUDE_SIGNATURE:
      self->include_signature = g_value_get_boolean (value);
      break;
    case PROP_FINGERPRINT:
      g_free (self->fingerprint);
      self->fingerprint = g_value_dup_string (value);
      break;
    case PROP_DRAFT:
      self->draft = g_value_get_boolean (value);
      break;
    case PROP_CHECKER:
      g_set_object (&self->checker, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  invalidate (self);
}

static void
nb_page_renderer_class_init (NbPageRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = nb_page_renderer_constructed;
  object_class->finalize = nb_page_renderer_finalize;
  object_class->get_property = nb_page_renderer_get_property;
  object_class->set_property = nb_page_renderer_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * NbPageRenderer:paper-width:
   * The paper's width in millimetres, portrait (A4: 210).
   */
  properties[PROP_PAPER_WIDTH] =
    g_param_spec_double ("paper-width", NULL, NULL, 50, 2000, 210, rw);
  properties[PROP_PAPER_HEIGHT] =
    g_param_spec_double ("paper-height", NULL, NULL, 50, 2000, 297, rw);
  /**
   * NbPageRenderer:landscape:
   * Turns the paper; the text block keeps its size where it fits and
   * shrinks where it does not.
   */
  properties[PROP_LANDSCAPE] =
    g_param_spec_boolean ("landscape", NULL, NULL, FALSE, rw);
  /**
   * NbPageRenderer:margin-top:
   * From the paper's top edge to the text block, in millimetres
   * (GB/T 9704: 37).  The margins and the text block size are given, the
   * right and bottom margins follow.
   */
  properties[PROP_MARGIN_TOP] =
    g_param_spec_double ("margin-top", NULL, NULL, 0, 500, 37, rw);
  properties[PROP_MARGIN_LEFT] =
    g_param_spec_double ("margin-left", NULL, NULL, 0, 500, 28, rw);
  properties[PROP_TEXT_WIDTH] =
    g_param_spec_double ("text-width", NULL, NULL, 60, 2000, 156, rw);
  properties[PROP_TEXT_HEIGHT] =
    g_param_spec_double ("text-height", NULL, NULL, 60, 2000, 225, rw);
  /**
   * NbPageRenderer:title-font:
   * A comma-separated list of Pango font descriptions without sizes; the
   * first whose family is installed is used.  The other *-font
   * properties work the same way; setting %NULL restores the default.
   */
  for (guint i = 0; i < N_FONTS; i++)
    properties[PROP_FONT_FIRST + i] =
      g_param_spec_string (font_roles[i].property, NULL, NULL, font_roles[i].fallbacks,
                           rw | G_PARAM_CONSTRUCT);
  /**
   * NbPageRenderer:include-signature:
   * Whether the signature block follows section 六 (the paper copy).
   */
  properties[PROP_INCLUDE_SIGNATURE] =
    g_param_spec_boolean ("include-signature", NULL, NULL, TRUE, rw);
  /**
   * NbPageRenderer:fingerprint:
   * The short fingerprint of the report's content printed in the footer
   * of every page (nb_report_fingerprint()), or %NULL for none.
   */
  properties[PROP_FINGERPRINT] =
    g_param_spec_string ("fingerprint", NULL, NULL, NULL, rw);
  /**
   * NbPageRenderer:draft:
   * Whether the report still has errors: every page then says so in its
   * footer (草稿 · 未通过核对) and under a light 草稿 across the page, so
   * that an unchecked copy is never taken for the one to sign.
   */
  properties[PROP_DRAFT] =
    g_param_spec_boolean ("draft", NULL, NULL, FALSE, rw);
  /**
   * NbPageRenderer:checker:
   * The report's checker, or %NULL.  A draft then ends with its check
   * list: the errors and warnings, acknowledged ones labelled 已核实 with
   * their reasons.  A copy that is not a draft prints none: it is the
   * document to sign, and its fingerprint covers the acknowledgements.
   */
  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, NB_TYPE_CHECKER, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_page_renderer_init (NbPageRenderer *self)
{
  self->paper_width = 210;
  self->paper_height = 297;
  self->margin_top = 37;
  self->margin_left = 28;
  self->text_width = 156;
  self->text_height = 225;
  self->include_signature = TRUE;
}

/**
 * nb_page_renderer_new:
 * Returns: (transfer full): a renderer of @report's pages, with the
 *   GB/T 9704 page (A4) and the default fonts
 */
NbPageRenderer *
nb_page_renderer_new (NbReport *report)
{
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  return g_object_new (NB_TYPE_PAGE_RENDERER, "report", report, NULL);
}

/**
 * nb_page_renderer_get_report:
 * Returns: (transfer none): the report
 */
NbReport *
nb_page_renderer_get_report (NbPageRenderer *self)
{
  g_return_val_if_fail (NB_IS_PAGE_RENDERER (self), NULL);
  return self->report;
}
void
nb_page_renderer_set_pango_context (NbPageRenderer *self,
                                    PangoContext   *context)
{
  g_return_if_fail (NB_IS_PAGE_RENDERER (self));
  g_return_if_fail (context == NULL || PANGO_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  if (context != NULL)
    _nb_page_prepare_context (context);
  g_clear_pointer (&self->installed, g_hash_table_unref);
  invalidate (self);
}
/* ---- Pagination ------------------------------------------------------------------- */

/**
 * nb_page_renderer_get_paper_size:
 * @width: (out) (optional): in points
 * @height: (out) (optional): in points
 */
void
nb_page_renderer_get_paper_size (NbPageRenderer *self,
                                 double         *width,
                                 double         *height)
{
  double w, h;

  g_return_if_fail (NB_IS_PAGE_RENDERER (self));

  w = (self->landscape ? self->paper_height : self->paper_width) * MM;
  h = (self->landscape ? self->paper_width : self->paper_height) * MM;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/**
 * nb_page_renderer_get_text_block:
 * The text block (版心) in points from the paper's top-left corner: the
 * set size, shrunk where the paper is too small for it (leaving 10 mm on
 * the right and 25 mm at the foot for the folios).
 */
void
nb_page_renderer_get_text_block (NbPageRenderer *self,
                                 double         *x,
                                 double         *y,
                                 double         *width,
                                 double         *height)
{
  double paper_width, paper_height;

  g_return_if_fail (NB_IS_PAGE_RENDERER (self));

  nb_page_renderer_get_paper_size (self, &paper_width, &paper_height);
  if (x != NULL)
    *x = self->margin_left * MM;
  if (y != NULL)
    *y = self->margin_top * MM;
  if (width != NULL)
    *width = MAX (20 * MM, MIN (self->text_width * MM,
                                paper_width - (self->margin_left + 10) * MM));
  if (height != NULL)
    *height = MAX (40 * MM, MIN (self->text_height * MM,
                                 paper_height - (self->margin_top + 25) * MM));
}

static void
layout_report (NbPageRenderer *self)
{
  NbReport *report = self->report;
  const NbEditionDef *edition = nb_report_get_edition_def (report);
  double paper_height, height;
  Flow f = { self };

  for (guint i = 0; i < N_FONTS; i++)
    {
      g_clear_pointer (&self->desc[i], pango_font_description_free);
      self->desc[i] = _nb_page_resolve_font (self, self->fonts[i]);
    }
  g_clear_pointer (&self->fonts_used, g_hash_table_unref);
  self->fonts_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unknown_glyphs = 0;

  self->pages = g_ptr_array_new_with_free_func (_nb_page_free);
  nb_page_renderer_get_paper_size (self, NULL, &paper_height);
  nb_page_renderer_get_text_block (self, &f.left, &f.top, &f.width, &height);
  f.bottom = f.top + height;
  _nb_flow_new_page (&f);

  _nb_flow_title (&f);
  _nb_flow_text (&f, nb_report_get_text (report, NB_TEXT_PREFACE));

  for (guint section = 1; section <= NB_N_SECTIONS; section++)
    {
      g_autoptr(GPtrArray) tables = NULL;

      tables = g_ptr_array_new_with_free_func ((GDestroyNotify) _nb_table_layout_free);

      for (guint i = 0; i < edition->n_tables; i++)
        if (edition->tables[i].section == section)
          g_ptr_array_add (tables, _nb_table_layout_new (self, nb_report_get_table_at (report, i),
                                                         f.width));

      if (tables->len > 0)
        {
          _nb_flow_heading (&f, section,
                            _nb_table_layout_first_height (g_ptr_array_index (tables, 0)));
          for (guint i = 0; i < tables->len; i++)
            _nb_flow_table (&f, g_ptr_array_index (tables, i));
          /* A blank line under the tables */
          if (f.y + BODY_PITCH <= f.bottom)
            f.y += BODY_PITCH / 2;
        }
      else
        {
          const char *text = "";

          for (NbTextSection s = 0; s < NB_N_TEXT_SECTIONS; s++)
            if (nb_text_section_number (s) == section)
              text = nb_report_get_text (report, s);
          _nb_flow_heading (&f, section, *text != '\0' ? 2 * BODY_PITCH : 0);
          _nb_flow_text (&f, text);
        }
    }

  if (self->include_signature)
    _nb_flow_signature (&f);
  if (self->draft && self->checker != NULL)
    {
      g_auto(GStrv) lines = nb_checker_get_check_list (self->checker);

      if (lines[0] != NULL)
        _nb_flow_check_list (&f, (const char * const *) lines);
    }

  _nb_flow_add_folios (self, &f, paper_height);
}

/**
 * nb_page_renderer_paginate:
 * Lays the report out, unless nothing changed since the last time.
 *
 * Returns: the number of pages
 */
guint
nb_page_renderer_paginate (NbPageRenderer *self)
{
  g_return_val_if_fail (NB_IS_PAGE_RENDERER (self), 0);

  if (self->pages == NULL)
    layout_report (self);
  return self->pages->len;
}

/**
 * nb_page_renderer_get_boxes:
 * @n_boxes: (out): how many
 *
 * What was laid out on @page (counted from 0), for checks and for hit
 * testing in a preview.
 *
 * Returns: (array length=n_boxes) (transfer none): the boxes, valid until
 *   the next change of the report or the renderer
 */
const NbPageBox *
nb_page_renderer_get_boxes (NbPageRenderer *self,
                            guint           page,
                            guint          *n_boxes)
{
  Page *p;

  g_return_val_if_fail (NB_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (n_boxes != NULL, NULL);

  *n_boxes = 0;
  if (page >= nb_page_renderer_paginate (self))
    return NULL;
  p = g_ptr_array_index (self->pages, page);
  *n_boxes = p->boxes->len;
  return (const NbPageBox *) (gpointer) p->boxes->data;
}

/**
 * nb_page_renderer_get_fonts_used:
 * Returns: (transfer full): the fonts the glyphs of the pages come from,
 *   as Pango font descriptions without size ("Noto Serif CJK SC Bold"),
 *   sorted, for the print preview and the export log
 */
char **
nb_page_renderer_get_fonts_used (NbPageRenderer *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autoptr(GList) keys = NULL;
  char **fonts;

  g_return_val_if_fail (NB_IS_PAGE_RENDERER (self), NULL);

  nb_page_renderer_paginate (self);
  keys = g_list_sort (g_hash_table_get_keys (self->fonts_used), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  fonts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return fonts;
}

/**
 * nb_page_renderer_get_unknown_glyphs:
 * Returns: how many characters of the pages no installed font has (each
 *   would print as a box); 0 for a good print
 */
guint
nb_page_renderer_get_unknown_glyphs (NbPageRenderer *self)
{
  g_return_val_if_fail (NB_IS_PAGE_RENDERER (self), 0);

  nb_page_renderer_paginate (self);
  return self->unknown_glyphs;
}

/**
 * nb_page_renderer_draw_page:
 * @cr: where to draw, one user unit a point, the origin at the paper's
 *   top-left corner (GtkPrintOperation: unit %GTK_UNIT_POINTS, full page)
 * @page: the page, counted from 0
 *
 * Returns: %FALSE when there is no such page
 */
gboolean
nb_page_renderer_draw_page (NbPageRenderer *self,
                            cairo_t        *cr,
                            guint           page)
{
  Page *p;

  g_return_val_if_fail (NB_IS_PAGE_RENDERER (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (page >= nb_page_renderer_paginate (self))
    return FALSE;
  p = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  for (guint i = 0; i < p->items->len; i++)
    {
      const Item *item = &g_array_index (p->items, Item, i);

      switch (item->kind)
        {
        case ITEM_RECT:
          cairo_rectangle (cr, item->x, item->y, item->width, item->height);
          if (item->grey >= 0)
            {
              cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);
              cairo_fill_preserve (cr);
            }
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_stroke (cr);
          break;
        case ITEM_RULE:
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, item->x, item->y);
          cairo_rel_line_to (cr, item->width, 0);
          cairo_stroke (cr);
          break;
        case ITEM_LINE:
          cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);
          cairo_move_to (cr, item->x, item->y);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (item->layout,
                                                                            item->line));
          break;
        case ITEM_LAYOUT:
        default:
          cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);
          cairo_move_to (cr, item->x, item->y);
          pango_cairo_show_layout (cr, item->layout);
          break;
        }
    }
  cairo_restore (cr);
  return TRUE;
}

/* cairo's PDF surface writes into the file layer's stream; the first
 * error is kept for the message. */
typedef struct {
  GOutputStream *stream;
  GError        *error;
} PdfSink;

static cairo_status_t
pdf_sink_write (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error == NULL &&
      g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
}

/* Draws every page into a PDF surface writing to @stream. */
static gboolean
write_pdf_to_stream (NbPageRenderer  *self,
                     GOutputStream   *stream,
                     GError         **error)
{
  PdfSink sink = { stream, NULL };
  g_autofree char *title = nb_display_text (nb_report_get_title (self->report), NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  guint n_pages;
  cairo_t *cr;

  n_pages = nb_page_renderer_paginate (self);
  nb_page_renderer_get_paper_size (self, &width, &height);

  surface = cairo_pdf_surface_create_for_stream (pdf_sink_write, &sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Nianbao " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      nb_page_renderer_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("the PDF could not be made (%s)"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * nb_page_renderer_write_pdf_to:
 * @writer: where to write, from nb_file_writer_new() (or standard output)
 *
 * Writes every page as PDF, fonts embedded, titled with the report's
 * title, into @writer's stream, and commits it: a file already at the
 * name is replaced only by a whole PDF.
 */
gboolean
nb_page_renderer_write_pdf_to (NbPageRenderer  *self,
                               NbFileWriter    *writer,
                               GError         **error)
{
  g_autoptr(GError) cause = NULL;

  g_return_val_if_fail (NB_IS_PAGE_RENDERER (self), FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!write_pdf_to_stream (self, nb_file_writer_get_stream (writer), &cause))
    {
      nb_file_writer_fail (writer, cause, error);
      return FALSE;
    }
  return nb_file_writer_commit (writer, error);
}

/**
 * nb_page_renderer_write_pdf:
 * Writes the PDF (see nb_page_renderer_write_pdf_to()) to @path.
 */
gboolean
nb_page_renderer_write_pdf (NbPageRenderer  *self,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(NbFileWriter) writer = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  writer = nb_file_writer_new (path, error);
  return writer != NULL && nb_page_renderer_write_pdf_to (self, writer, error);
}
