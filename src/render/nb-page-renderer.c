/* nb-page-renderer.c — the printed report: page layout, drawing, PDF
 *
 * One renderer lays out a whole report once (nb_page_renderer_paginate())
 * into pages of positioned items, then draws any page on any cairo
 * context: the PDF export, the print operation and the preview all draw
 * the same pages.
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

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "nb-display-text.h"
#include "nb-page-renderer.h"
#include "nb-render-common.h"

#define MM (72.0 / 25.4)
#define EPS 0.01

#define BODY_SIZE      16.0                /* 3号 */
#define TITLE_SIZE     22.0                /* 2号 */
#define FOLIO_SIZE     14.0                /* 4号 */
#define FOOTER_SIZE     8.0
#define BODY_PITCH     (225.0 * MM / 22)   /* 22 lines in the 225 mm text block */
#define TITLE_PITCH    34.0
#define RULE_WIDTH      0.5
#define CAPTION_GREY    0.93
#define FOOTER_GREY     0.45

typedef enum {
  FONT_TITLE,
  FONT_HEADING,
  FONT_SUBHEADING,
  FONT_BODY,
  FONT_TABLE,
  FONT_FOLIO,
  N_FONTS
} FontRole;

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

/* ---- Pages ------------------------------------------------------------------ */

typedef enum {
  ITEM_LINE,     /* one line of a layout, its baseline at (x, y) */
  ITEM_LAYOUT,   /* a whole layout, its top-left corner at (x, y) */
  ITEM_RECT,     /* a cell: filled and/or ruled */
  ITEM_RULE,     /* a horizontal rule from (x, y), width long */
} ItemKind;

typedef struct {
  ItemKind     kind;
  double       x, y, width, height;
  PangoLayout *layout;
  int          line;
  double       grey;     /* text colour; RECT: fill grey, < 0 for none */
} Item;

typedef struct {
  GArray *items;
  GArray *boxes;
} Page;

static void
item_clear (gpointer data)
{
  Item *item = data;
  g_clear_object (&item->layout);
}

static Page *
page_new (void)
{
  Page *page = g_new0 (Page, 1);

  page->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (page->items, item_clear);
  page->boxes = g_array_new (FALSE, TRUE, sizeof (NbPageBox));
  return page;
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->items);
  g_array_unref (page->boxes);
  g_free (page);
}

static void
page_add_box (Page          *page,
              NbPageBoxKind  kind,
              double         x,
              double         y,
              double         width,
              double         height)
{
  NbPageBox box = { kind, x, y, width, height };
  g_array_append_val (page->boxes, box);
}

/* ---- The renderer ------------------------------------------------------------ */

struct _NbPageRenderer
{
  GObject       parent_instance;

  NbReport     *report;
  PangoContext *context;

  double        paper_width, paper_height;    /* mm */
  gboolean      landscape;
  double        margin_top, margin_left;      /* mm */
  double        text_width, text_height;      /* mm */
  char         *fonts[N_FONTS];
  gboolean      include_signature;
  char         *fingerprint;

  /* The layout, or NULL when out of date */
  GPtrArray    *pages;
  PangoFontDescription *desc[N_FONTS];
  GHashTable   *installed;     /* lower-case family names */
  GHashTable   *fonts_used;
  guint         unknown_glyphs;
};

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
  PROP_FINGERPRINT,
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

static void
prepare_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_surface_t *paper = cairo_pdf_surface_create (NULL, 1, 1);

  /* Outline metrics, so that the layout is the same on paper, in the PDF
   * and on the screen.  They are the PDF surface's options (no hinting,
   * grey antialiasing, unrounded glyph positions): cairo then draws a PDF
   * with the very fonts the layout measured, instead of setting up each
   * face and size again and loading every glyph twice. */
  cairo_surface_get_font_options (paper, options);
  cairo_surface_destroy (paper);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
}

/**
 * nb_page_renderer_set_pango_context:
 * @context: (nullable): the context to lay text out with, such as
 *   gtk_print_context_create_pango_context(); %NULL for the renderer's
 *   own (the default cairo font map)
 *
 * Its resolution does not matter (font sizes are absolute); the renderer
 * gives it the font options of cairo's PDF surface (no hinting).  Setting
 * it lays the pages out anew.
 */
void
nb_page_renderer_set_pango_context (NbPageRenderer *self,
                                    PangoContext   *context)
{
  g_return_if_fail (NB_IS_PAGE_RENDERER (self));
  g_return_if_fail (context == NULL || PANGO_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  if (context != NULL)
    prepare_context (context);
  g_clear_pointer (&self->installed, g_hash_table_unref);
  invalidate (self);
}

static PangoContext *
get_context (NbPageRenderer *self)
{
  if (self->context == NULL)
    {
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      prepare_context (self->context);
    }
  return self->context;
}

/* ---- Fonts ------------------------------------------------------------------- */

static gboolean
family_installed (NbPageRenderer *self,
                  const char     *family)
{
  if (self->installed == NULL)
    {
      PangoFontFamily **families = NULL;
      int n = 0;

      self->installed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      pango_font_map_list_families (pango_context_get_font_map (get_context (self)),
                                    &families, &n);
      for (int i = 0; i < n; i++)
        g_hash_table_add (self->installed,
                          g_utf8_casefold (pango_font_family_get_name (families[i]), -1));
      g_free (families);
    }

  {
    g_autofree char *key = g_utf8_casefold (family, -1);
    return g_hash_table_contains (self->installed, key);
  }
}

static PangoFontDescription *
resolve_font (NbPageRenderer *self,
              const char     *spec)
{
  g_auto(GStrv) entries = g_strsplit (spec, ",", -1);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      PangoFontDescription *desc = pango_font_description_from_string (g_strstrip (entries[i]));
      const char *family = pango_font_description_get_family (desc);

      if (family != NULL && family_installed (self, family))
        return desc;
      pango_font_description_free (desc);
    }
  /* None is installed: let fontconfig fall back through the list. */
  return pango_font_description_from_string (spec);
}

static void
account_layout (NbPageRenderer *self,
                PangoLayout    *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  self->unknown_glyphs += pango_layout_get_unknown_glyphs_count (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL)
        {
          PangoFontDescription *desc = pango_font_describe (run->item->analysis.font);
          char *name;

          /* The face without its size: "Noto Serif CJK SC Bold" */
          pango_font_description_unset_fields (desc, PANGO_FONT_MASK_SIZE
                                                     | PANGO_FONT_MASK_VARIATIONS);
          name = pango_font_description_to_string (desc);
          if (!g_hash_table_contains (self->fonts_used, name))
            g_hash_table_add (self->fonts_used, name);
          else
            g_free (name);
          pango_font_description_free (desc);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

/* A layout of @text in a role's font at @size points; @width <= 0 for no
 * wrapping. */
static PangoLayout *
make_layout (NbPageRenderer *self,
             FontRole        role,
             double          size,
             const char     *text,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (get_context (self));
  PangoFontDescription *desc = pango_font_description_copy (self->desc[role]);
  g_autofree char *shown = NULL;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  shown = nb_display_text (text, NULL);
  pango_layout_set_text (layout, shown, -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* ---- Flowing content onto pages ------------------------------------------------ */

typedef struct {
  NbPageRenderer *self;
  Page           *page;
  double          left, top, width, bottom;
  double          y;
} Flow;

static void
flow_new_page (Flow *f)
{
  f->page = page_new ();
  g_ptr_array_add (f->self->pages, f->page);
  f->y = f->top;
}

static gboolean
flow_at_top (Flow *f)
{
  return f->y <= f->top + EPS;
}

/* Starts a new page unless @height fits below the current position. */
static void
flow_ensure (Flow   *f,
             double  height)
{
  if (f->y + height > f->bottom + EPS && !flow_at_top (f))
    flow_new_page (f);
}

static void
flow_add_item (Flow *f,
               Item  item)
{
  g_array_append_val (f->page->items, item);
}

/* Places the lines of @layout (whose width is the text block's) one per
 * @pitch, breaking pages between lines.  Keeps the first two lines of a
 * paragraph together. */
static void
flow_lines (Flow        *f,
            PangoLayout *layout,
            double       pitch,
            gboolean     keep_two)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n_lines = pango_layout_get_line_count (layout);
  int index = 0;

  if (keep_two && n_lines > 1)
    flow_ensure (f, 2 * pitch);

  do
    {
      PangoRectangle logical;
      double line_top, line_height, baseline, step;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      line_height = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - line_top;
      step = MAX (pitch, line_height);

      flow_ensure (f, step);
      flow_add_item (f, (Item) {
        .kind = ITEM_LINE,
        .x = f->left + (double) logical.x / PANGO_SCALE,
        .y = f->y + (step - line_height) / 2 + baseline,
        .layout = g_object_ref (layout),
        .line = index,
      });
      page_add_box (f->page, NB_PAGE_BOX_TEXT, f->left + (double) logical.x / PANGO_SCALE,
                    f->y, (double) logical.width / PANGO_SCALE, step);
      f->y += step;
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_assert (index == n_lines);
}

static void
flow_title (Flow *f)
{
  NbPageRenderer *self = f->self;
  g_auto(GStrv) lines = nb_render_title_lines (self->report);
  g_autofree char *joined = g_strjoinv ("", lines);
  g_autoptr(PangoLayout) whole = make_layout (self, FONT_TITLE, TITLE_SIZE, joined, -1,
                                              PANGO_ALIGN_CENTER);
  double whole_width;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  /* One line when it fits; otherwise the organ on the first line, as the
   * 淮安 report prints it. */
  layout_size (whole, &whole_width, NULL);
  text = whole_width <= f->width + EPS ? g_strdup (joined) : g_strjoinv ("\n", lines);
  layout = make_layout (self, FONT_TITLE, TITLE_SIZE, text, f->width, PANGO_ALIGN_CENTER);
  account_layout (self, layout);
  flow_lines (f, layout, TITLE_PITCH, FALSE);
  f->y += BODY_PITCH;
}

/* A paragraph that opens with a second-level heading such as
 * （一）主动公开情况。 prints that run in the sub-heading face, as 淮安. */
static gsize
subheading_length (const char *text)
{
  const char *start, *p, *stop;

  if (!g_str_has_prefix (text, "（"))
    return 0;
  start = p = text + strlen ("（");
  while (*p != '\0' && !g_str_has_prefix (p, "）"))
    {
      if (g_utf8_strchr ("一二三四五六七八九十", -1, g_utf8_get_char (p)) == NULL)
        return 0;
      p = g_utf8_next_char (p);
    }
  if (*p == '\0' || p == start)
    return 0;
  stop = strstr (text, "。");
  if (stop != NULL && g_utf8_strlen (text, stop - text) <= 40)
    return (gsize) (stop - text) + strlen ("。");
  if (stop == NULL && g_utf8_strlen (text, -1) <= 40)
    return strlen (text);
  return 0;
}

static void
flow_paragraph (Flow       *f,
                const char *text)
{
  NbPageRenderer *self = f->self;
  g_autoptr(PangoLayout) layout = make_layout (self, FONT_BODY, BODY_SIZE, text, f->width,
                                               PANGO_ALIGN_LEFT);
  gsize sub = subheading_length (text);

  pango_layout_set_indent (layout, (int) (2 * BODY_SIZE * PANGO_SCALE));
  pango_layout_set_justify (layout, TRUE);
  if (sub > 0)
    {
      PangoFontDescription *desc = pango_font_description_copy (self->desc[FONT_SUBHEADING]);
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *attr;

      pango_font_description_set_absolute_size (desc, BODY_SIZE * PANGO_SCALE);
      attr = pango_attr_font_desc_new (desc);
      attr->start_index = 0;
      attr->end_index = (guint) sub;
      pango_attr_list_insert (attrs, attr);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_font_description_free (desc);
    }
  account_layout (self, layout);
  flow_lines (f, layout, BODY_PITCH, TRUE);
}

static void
flow_text (Flow       *f,
           const char *text)
{
  g_auto(GStrv) paragraphs = nb_render_paragraphs (text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    flow_paragraph (f, paragraphs[i]);
}

/* A section heading, kept on one page with @keep points of what follows. */
static void
flow_heading (Flow   *f,
              guint   section,
              double  keep)
{
  NbPageRenderer *self = f->self;
  g_autoptr(PangoLayout) layout = make_layout (self, FONT_HEADING, BODY_SIZE,
                                               nb_section_heading (section), f->width,
                                               PANGO_ALIGN_LEFT);

  pango_layout_set_indent (layout, (int) (2 * BODY_SIZE * PANGO_SCALE));
  account_layout (self, layout);
  flow_ensure (f, BODY_PITCH + keep);
  flow_lines (f, layout, BODY_PITCH, FALSE);
}

/* ---- Tables ------------------------------------------------------------------- */

typedef enum {
  CELL_CAPTION,   /* 第二十条第（一）项, across the table, shaded */
  CELL_HEADER,
  CELL_LABEL,     /* a row's own label */
  CELL_GROUP,     /* a label shared by consecutive rows */
  CELL_NUMBER,
} CellStyle;

typedef struct {
  guint        row, column, row_span, column_span;
  CellStyle    style;
  PangoLayout *layout;
  double       need;     /* the height its text needs, padding included */
} Cell;

typedef struct {
  const NbTableDef *def;
  guint             n_grid;
  double            column_x[32];    /* grid column edges, from the table's left */
  double            size;            /* type size, points */
  double            pad_x, pad_y, min_height;

  GArray           *head;            /* Cell, rows counted from the table's top */
  guint             n_head_rows;
  double           *head_height;
  double            head_total;

  GArray           *cells;           /* Cell: the data rows' single-row cells */
  double           *row_height;      /* per data row */
  double           *group_need;      /* per data row: need of its group cell, or 0 */
  double           *subgroup_need;
  PangoLayout     **group_layout;
  PangoLayout     **subgroup_layout;
  GHashTable       *layouts;         /* cells of the same text and kind share one */
} TableLayout;

static void
cell_clear (gpointer data)
{
  Cell *cell = data;
  g_clear_object (&cell->layout);
}

static void
table_layout_free (TableLayout *t)
{
  g_array_unref (t->head);
  g_array_unref (t->cells);
  g_free (t->head_height);
  g_free (t->row_height);
  g_free (t->group_need);
  g_free (t->subgroup_need);
  for (guint r = 0; r < t->def->n_rows; r++)
    {
      g_clear_object (&t->group_layout[r]);
      g_clear_object (&t->subgroup_layout[r]);
    }
  g_free (t->group_layout);
  g_free (t->subgroup_layout);
  g_hash_table_unref (t->layouts);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TableLayout, table_layout_free)

/* Column widths and type size of each form, within @width points.
 *
 * Section 二: 10.5 pt (5号); the 信息内容 column takes a third, the value
 *   columns share the rest (so the sub-tables line up as one form).
 * Section 三: 9 pt (小五); label columns of 10, 18 and 46 mm (group label
 *   two characters a line, sub-group four, item fourteen) and seven
 *   numeric columns of 11.7 mm, three characters of header a line
 *   (社会公 / 益组织), up to six digits before the type shrinks.
 * Section 四: 9 pt; fifteen equal columns of 10.4 mm, header words two
 *   characters a line (结果 / 维持), up to five digits at full size.
 * Numbers that do not fit their column shrink, down to 6 pt, before they
 * wrap; nothing ever leaves its cell. */
static void
table_geometry (TableLayout *t,
                double       width)
{
  const NbTableDef *def = t->def;
  double label_width = 0;
  double *x = t->column_x;
  guint c = 0;

  x[0] = 0;
  if (def->section == 3 && def->n_label_columns == 3)
    {
      x[1] = width * 10 / 156;
      x[2] = x[1] + width * 18 / 156;
      x[3] = x[2] + width * 46 / 156;
      label_width = x[3];
      c = 3;
      t->size = 9;
    }
  else if (def->n_label_columns > 0)
    {
      label_width = width * (def->section == 2 ? 0.34 : 0.4);
      for (c = 1; c <= def->n_label_columns; c++)
        x[c] = label_width * c / def->n_label_columns;
      c = def->n_label_columns;
      t->size = def->section == 2 ? 10.5 : 9;
    }
  else
    t->size = def->n_columns > 6 ? 9 : 10.5;

  for (guint i = 1; i <= def->n_columns; i++)
    x[c + i] = label_width + (width - label_width) * i / def->n_columns;

  t->pad_x = t->size > 10 ? 2 * MM : 0.8 * MM;
  t->pad_y = t->size > 10 ? 4 : 2.5;
  t->min_height = t->size > 10 ? 24 : 17;
}

static double
cell_inner_width (TableLayout *t,
                  guint        column,
                  guint        column_span)
{
  return t->column_x[column + column_span] - t->column_x[column] - 2 * t->pad_x;
}

/* A number (with its unit) shrinks to fit its cell, down to 6 pt, before
 * it wraps. */
static PangoLayout *
number_layout (NbPageRenderer *self,
               TableLayout    *t,
               const char     *text,
               double          inner)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLayout *layout = make_layout (self, FONT_TABLE, t->size, text, inner, PANGO_ALIGN_CENTER);
  double size = t->size;

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  while (pango_layout_is_wrapped (layout) && size > 6)
    {
      PangoFontDescription *desc = pango_font_description_copy (self->desc[FONT_TABLE]);

      size -= 0.5;
      pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
    }
  return layout;
}

/* The layout of a cell's text; cells of the same kind, width and text
 * (the zeros of a form, a group label on each of its rows) share one. */
static PangoLayout *
cell_layout (NbPageRenderer *self,
             TableLayout    *t,
             CellStyle       style,
             double          inner,
             const char     *text)
{
  /* A cell with a note wraps. */
  gboolean number = style == CELL_NUMBER && strstr (text, "（") == NULL
                    && strchr (text, '(') == NULL;
  PangoAlignment alignment = style == CELL_LABEL || style == CELL_CAPTION ? PANGO_ALIGN_LEFT
                                                                          : PANGO_ALIGN_CENTER;
  g_autofree char *key = g_strdup_printf ("%d %d %a %s", number, alignment, inner, text);
  PangoLayout *layout = g_hash_table_lookup (t->layouts, key);

  if (layout == NULL)
    {
      layout = number ? number_layout (self, t, text, inner)
                      : make_layout (self, FONT_TABLE, t->size, text, inner, alignment);
      g_hash_table_insert (t->layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

static Cell
make_cell (NbPageRenderer *self,
           TableLayout    *t,
           guint           row,
           guint           column,
           guint           row_span,
           guint           column_span,
           CellStyle       style,
           const char     *text)
{
  double inner = cell_inner_width (t, column, column_span);
  Cell cell = { row, column, row_span, column_span, style, NULL, 0 };
  double height;

  cell.layout = cell_layout (self, t, style, inner, text);
  account_layout (self, cell.layout);
  layout_size (cell.layout, NULL, &height);
  cell.need = height + 2 * t->pad_y;
  return cell;
}

/* Grows the last of @span rows from @first so that they add up to @need. */
static void
stretch_rows (double *heights,
              guint   first,
              guint   span,
              double  need)
{
  double sum = 0;

  for (guint r = first; r < first + span; r++)
    sum += heights[r];
  if (sum < need)
    heights[first + span - 1] += need - sum;
}

static TableLayout *
table_layout_new (NbPageRenderer *self,
                  NbTable        *table,
                  double          width)
{
  const NbTableDef *def = nb_table_get_def (table);
  TableLayout *t = g_new0 (TableLayout, 1);
  guint shift = def->caption != NULL ? 1 : 0;
  guint nl = def->n_label_columns;

  t->def = def;
  t->n_grid = nl + def->n_columns;
  g_assert (t->n_grid < G_N_ELEMENTS (t->column_x));
  table_geometry (t, width);
  t->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* The header: the caption row, then the edition's header cells. */
  t->head = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (t->head, cell_clear);
  t->n_head_rows = def->n_header_rows + shift;
  if (def->caption != NULL)
    {
      Cell cell = make_cell (self, t, 0, 0, 1, t->n_grid, CELL_CAPTION, def->caption);
      g_array_append_val (t->head, cell);
    }
  for (guint i = 0; i < def->n_header_cells; i++)
    {
      const NbHeaderCell *h = &def->header[i];
      Cell cell = make_cell (self, t, h->row + shift, h->column, h->row_span, h->column_span,
                             CELL_HEADER, h->text);
      g_array_append_val (t->head, cell);
    }
  t->head_height = g_new (double, t->n_head_rows);
  for (guint r = 0; r < t->n_head_rows; r++)
    t->head_height[r] = t->min_height;
  for (guint i = 0; i < t->head->len; i++)
    {
      Cell *cell = &g_array_index (t->head, Cell, i);
      if (cell->row_span == 1)
        t->head_height[cell->row] = MAX (t->head_height[cell->row], cell->need);
    }
  for (guint i = 0; i < t->head->len; i++)
    {
      Cell *cell = &g_array_index (t->head, Cell, i);
      if (cell->row_span > 1)
        stretch_rows (t->head_height, cell->row, cell->row_span, cell->need);
    }
  for (guint r = 0; r < t->n_head_rows; r++)
    t->head_total += t->head_height[r];

  /* The data rows: labels where the edition puts them, then the cells. */
  t->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (t->cells, cell_clear);
  t->row_height = g_new (double, def->n_rows);
  t->group_need = g_new0 (double, def->n_rows);
  t->subgroup_need = g_new0 (double, def->n_rows);
  t->group_layout = g_new0 (PangoLayout *, def->n_rows);
  t->subgroup_layout = g_new0 (PangoLayout *, def->n_rows);
  for (guint r = 0; r < def->n_rows; r++)
    {
      const NbRowDef *row = &def->rows[r];

      /* Section 四's one row of numbers stands a little taller, as in
       * the published forms. */
      t->row_height[r] = def->n_rows == 1 && nl == 0 ? 1.4 * t->min_height : t->min_height;
      if (nl > 0)
        {
          guint first = row->group == NULL ? 0 : row->subgroup == NULL ? 1 : 2;
          Cell cell;

          g_assert (first < nl);
          if (row->group != NULL)
            {
              Cell group = make_cell (self, t, r, 0, 1, 1, CELL_GROUP, row->group);
              t->group_layout[r] = g_steal_pointer (&group.layout);
              t->group_need[r] = group.need;
            }
          if (row->subgroup != NULL)
            {
              Cell sub = make_cell (self, t, r, 1, 1, 1, CELL_GROUP, row->subgroup);
              t->subgroup_layout[r] = g_steal_pointer (&sub.layout);
              t->subgroup_need[r] = sub.need;
            }
          cell = make_cell (self, t, r, first, 1, nl - first, CELL_LABEL,
                            row->label != NULL ? row->label : "");
          t->row_height[r] = MAX (t->row_height[r], cell.need);
          g_array_append_val (t->cells, cell);
        }
      for (guint c = 0; c < def->n_columns; c++)
        {
          g_autofree char *text = nb_render_cell_text (table, r, c);
          Cell cell = make_cell (self, t, r, nl + c, 1, 1, CELL_NUMBER, text);

          t->row_height[r] = MAX (t->row_height[r], cell.need);
          g_array_append_val (t->cells, cell);
        }
    }
  return t;
}

/* The heights of data rows [@a, @b) when they are printed together on one
 * page: a group label that spans them gets the room it needs.  Fills
 * @heights (b - a values) when not %NULL; returns the sum. */
static double
fragment_heights (TableLayout *t,
                  guint        a,
                  guint        b,
                  double      *heights)
{
  const NbTableDef *def = t->def;
  g_autofree double *h = g_new (double, b - a);
  double sum = 0;

  for (guint r = a; r < b; r++)
    h[r - a] = t->row_height[r];
  for (int level = 1; level >= 0; level--)
    {
      for (guint r = a; r < b;)
        {
          double need = level ? t->subgroup_need[r] : t->group_need[r];
          guint e = r + 1;

          if (need <= 0)
            {
              r++;
              continue;
            }
          while (e < b && nb_table_def_same_label (def, level, r, e))
            e++;
          stretch_rows (h, r - a, e - r, need);
          r = e;
        }
    }
  for (guint r = a; r < b; r++)
    sum += h[r - a];
  if (heights != NULL)
    memcpy (heights, h, sizeof (double) * (b - a));
  return sum;
}

static void
place_cell (Flow        *f,
            TableLayout *t,
            PangoLayout *layout,
            CellStyle    style,
            double       x,
            double       y,
            double       width,
            double       height)
{
  PangoRectangle logical;
  double text_y;

  pango_layout_get_extents (layout, NULL, &logical);
  text_y = y + (height - (double) logical.height / PANGO_SCALE) / 2;

  flow_add_item (f, (Item) {
    .kind = ITEM_RECT, .x = x, .y = y, .width = width, .height = height,
    .grey = style == CELL_CAPTION ? CAPTION_GREY : -1,
  });
  page_add_box (f->page, NB_PAGE_BOX_CELL, x, y, width, height);
  flow_add_item (f, (Item) {
    .kind = ITEM_LAYOUT, .x = x + t->pad_x, .y = text_y,
    .layout = g_object_ref (layout),
  });
  page_add_box (f->page, NB_PAGE_BOX_TEXT,
                x + t->pad_x + (double) logical.x / PANGO_SCALE,
                text_y + (double) logical.y / PANGO_SCALE,
                (double) logical.width / PANGO_SCALE, (double) logical.height / PANGO_SCALE);
}

static void
place_header (Flow        *f,
              TableLayout *t)
{
  double row_y[33];

  row_y[0] = f->y;
  for (guint r = 0; r < t->n_head_rows; r++)
    row_y[r + 1] = row_y[r] + t->head_height[r];
  for (guint i = 0; i < t->head->len; i++)
    {
      Cell *cell = &g_array_index (t->head, Cell, i);
      double x = f->left + t->column_x[cell->column];

      place_cell (f, t, cell->layout, cell->style, x, row_y[cell->row],
                  t->column_x[cell->column + cell->column_span] - t->column_x[cell->column],
                  row_y[cell->row + cell->row_span] - row_y[cell->row]);
    }
  f->y = row_y[t->n_head_rows];
}

static void
place_rows (Flow        *f,
            TableLayout *t,
            guint        a,
            guint        b)
{
  const NbTableDef *def = t->def;
  g_autofree double *h = g_new (double, b - a);
  g_autofree double *row_y = g_new (double, b - a + 1);

  fragment_heights (t, a, b, h);
  row_y[0] = f->y;
  for (guint r = a; r < b; r++)
    row_y[r - a + 1] = row_y[r - a] + h[r - a];

  /* Group labels, repeated on each page the group runs onto */
  for (int level = 0; level <= 1; level++)
    {
      for (guint r = a; r < b;)
        {
          PangoLayout *layout = level ? t->subgroup_layout[r] : t->group_layout[r];
          guint e = r + 1;

          if (layout == NULL)
            {
              r++;
              continue;
            }
          while (e < b && nb_table_def_same_label (def, level, r, e))
            e++;
          place_cell (f, t, layout, CELL_GROUP, f->left + t->column_x[level], row_y[r - a],
                      t->column_x[level + 1] - t->column_x[level], row_y[e - a] - row_y[r - a]);
          r = e;
        }
    }

  for (guint i = 0; i < t->cells->len; i++)
    {
      Cell *cell = &g_array_index (t->cells, Cell, i);

      if (cell->row < a || cell->row >= b)
        continue;
      place_cell (f, t, cell->layout, cell->style, f->left + t->column_x[cell->column],
                  row_y[cell->row - a],
                  t->column_x[cell->column + cell->column_span] - t->column_x[cell->column],
                  h[cell->row - a]);
    }
  f->y = row_y[b - a];
}

/* The height a table needs on the page it starts on: its header and
 * first rows (up to four), so that a heading never closes a page and a
 * long table does not start with a stub. */
static double
table_first_height (TableLayout *t)
{
  return t->head_total + fragment_heights (t, 0, MIN (t->def->n_rows, 4), NULL);
}

/* Places a table, splitting it between rows across pages; each page
 * repeats the header rows. */
static void
flow_table (Flow        *f,
            TableLayout *t)
{
  guint n = t->def->n_rows;
  guint a = 0;

  while (a < n)
    {
      double room;
      guint b = a + 1;

      flow_ensure (f, a == 0 ? table_first_height (t)
                             : t->head_total + fragment_heights (t, a, b, NULL));
      room = f->bottom - f->y - t->head_total;
      while (b < n && fragment_heights (t, a, b + 1, NULL) <= room + EPS)
        b++;
      place_header (f, t);
      place_rows (f, t, a, b);
      a = b;
      if (a < n)
        flow_new_page (f);
    }
}

/* ---- The signature block ------------------------------------------------------- */

#define SEAL_SPACE (45 * MM)

typedef struct {
  PangoLayout *label;
  PangoLayout *value;        /* NULL: a blank to fill in by hand */
  PangoLayout *label2;       /* a second entry on the same line (联系电话) */
  PangoLayout *value2;
} SignatureLine;

static PangoLayout *
signature_layout (NbPageRenderer *self,
                  const char     *text)
{
  PangoLayout *layout = make_layout (self, FONT_BODY, BODY_SIZE, text, -1, PANGO_ALIGN_LEFT);
  account_layout (self, layout);
  return layout;
}

/* Places @label then @value, or a rule as long as @blank, from @x. */
static double
place_entry (Flow        *f,
             PangoLayout *label,
             PangoLayout *value,
             double       x,
             double       blank,
             double       baseline)
{
  double w;
  double top = baseline - (double) pango_layout_get_baseline (label) / PANGO_SCALE;

  layout_size (label, &w, NULL);
  flow_add_item (f, (Item) { .kind = ITEM_LAYOUT, .x = x, .y = top,
                             .layout = g_object_ref (label) });
  page_add_box (f->page, NB_PAGE_BOX_TEXT, x, top, w, BODY_SIZE * 1.2);
  x += w;
  if (value != NULL)
    {
      layout_size (value, &w, NULL);
      flow_add_item (f, (Item) { .kind = ITEM_LAYOUT, .x = x, .y = top,
                                 .layout = g_object_ref (value) });
      page_add_box (f->page, NB_PAGE_BOX_TEXT, x, top, w, BODY_SIZE * 1.2);
      return x + w;
    }
  flow_add_item (f, (Item) { .kind = ITEM_RULE, .x = x, .y = baseline + 3, .width = blank });
  page_add_box (f->page, NB_PAGE_BOX_TEXT, x, baseline + 2.5, blank, 1);
  return x + blank;
}

static PangoLayout *
value_layout (NbPageRenderer  *self,
              NbSignatureLine  line)
{
  const char *value = nb_report_get_signature_value (self->report, line);
  return *value != '\0' ? signature_layout (self, value) : NULL;
}

static double
entry_width (PangoLayout *label,
             PangoLayout *value,
             double       blank)
{
  double w1, w2 = blank;

  layout_size (label, &w1, NULL);
  if (value != NULL)
    layout_size (value, &w2, NULL);
  return w1 + w2;
}

/* After section 六, in the right half of the text block, kept on one page:
 * the signature lines, about 45 mm for the seal with （单位盖章） at its
 * foot, and the date. */
static void
flow_signature (Flow *f)
{
  NbPageRenderer *self = f->self;
  NbReport *report = self->report;
  const double x0 = f->left + f->width / 2;
  const double right = f->left + f->width;
  const double blank = 5 * BODY_SIZE;
  const double gap = BODY_SIZE;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *date = nb_render_format_date (nb_report_get_date (report));
  g_autoptr(PangoLayout) date_layout = NULL;
  g_autoptr(PangoLayout) seal = NULL;
  PangoLayout *rows[4][4] = { { NULL } };
  guint n_rows = 0;
  double height, center, w;

  for (NbSignatureLine line = NB_SIGNATURE_HEAD; line <= NB_SIGNATURE_PHONE; line++)
    {
      PangoLayout *label, *value;

      if (!nb_report_get_signature_shown (report, line))
        continue;
      label = signature_layout (self, nb_report_get_signature_label (report, line));
      value = value_layout (self, line);
      g_ptr_array_add (lines, label);
      if (value != NULL)
        g_ptr_array_add (lines, value);

      /* 联系电话 joins the line of 填报人 when both fit in the half */
      if (line == NB_SIGNATURE_PHONE && n_rows > 0 && rows[n_rows - 1][0] != NULL
          && nb_report_get_signature_shown (report, NB_SIGNATURE_PREPARER)
          && x0 + entry_width (rows[n_rows - 1][0], rows[n_rows - 1][1], blank) + gap
             + entry_width (label, value, blank) <= right + EPS)
        {
          rows[n_rows - 1][2] = label;
          rows[n_rows - 1][3] = value;
          continue;
        }
      rows[n_rows][0] = label;
      rows[n_rows][1] = value;
      n_rows++;
    }
  if (nb_report_get_signature_shown (report, NB_SIGNATURE_SEAL))
    seal = signature_layout (self, nb_report_get_signature_label (report, NB_SIGNATURE_SEAL));
  if (*date != '\0')
    date_layout = signature_layout (self, date);

  height = BODY_PITCH + n_rows * BODY_PITCH + SEAL_SPACE + BODY_PITCH;
  flow_ensure (f, height);
  if (!flow_at_top (f))
    f->y += BODY_PITCH;

  for (guint i = 0; i < n_rows; i++)
    {
      double baseline = f->y + BODY_PITCH * 0.7;
      double x = place_entry (f, rows[i][0], rows[i][1], x0,
                              MIN (blank, right - x0 - entry_width (rows[i][0], NULL, 0)),
                              baseline);

      if (rows[i][2] != NULL)
        place_entry (f, rows[i][2], rows[i][3], x + gap,
                     right - (x + gap) - entry_width (rows[i][2], NULL, 0), baseline);
      f->y += BODY_PITCH;
    }

  /* The seal overlaps the date; both are centred on the same point, four
   * characters in from the right edge as GB/T 9704 places a date. */
  center = right - 4 * BODY_SIZE - 3 * BODY_SIZE;
  f->y += SEAL_SPACE - BODY_PITCH;
  if (seal != NULL)
    {
      layout_size (seal, &w, NULL);
      flow_add_item (f, (Item) { .kind = ITEM_LAYOUT, .x = center - w / 2,
                                 .y = f->y + (BODY_PITCH - BODY_SIZE * 1.44) / 2,
                                 .layout = g_object_ref (seal) });
      page_add_box (f->page, NB_PAGE_BOX_TEXT, center - w / 2, f->y, w, BODY_PITCH);
    }
  f->y += BODY_PITCH;
  if (date_layout != NULL)
    {
      layout_size (date_layout, &w, NULL);
      flow_add_item (f, (Item) { .kind = ITEM_LAYOUT, .x = center - w / 2,
                                 .y = f->y + (BODY_PITCH - BODY_SIZE * 1.44) / 2,
                                 .layout = g_object_ref (date_layout) });
      page_add_box (f->page, NB_PAGE_BOX_TEXT, center - w / 2, f->y, w, BODY_PITCH);
    }
  f->y += BODY_PITCH;
}

/* ---- Folios ------------------------------------------------------------------- */

/* The footer line: title, year and fingerprint */
static char *
footer_text (NbPageRenderer *self)
{
  GString *s = g_string_new (nb_report_get_title (self->report));
  int year = nb_report_get_year (self->report);

  if (year > 0)
    g_string_append_printf (s, " · %d", year);
  if (self->fingerprint != NULL && *self->fingerprint != '\0')
    {
      g_string_append (s, " · ");
      /* TRANSLATORS: in the footer of printed pages, before the report's fingerprint */
      g_string_append_printf (s, _("fingerprint %s"), self->fingerprint);
    }
  return g_string_free (s, FALSE);
}

/* The page number, `— 1 —`, 7 mm below the text block, and the footer
 * line, small and grey, near the paper's foot. */
static void
add_folios (NbPageRenderer *self,
            Flow           *f,
            double          paper_height)
{
  g_autofree char *footer = footer_text (self);
  /* The same footer line on every page */
  g_autoptr(PangoLayout) line = make_layout (self, FONT_FOLIO, FOOTER_SIZE, footer, f->width,
                                             PANGO_ALIGN_CENTER);
  double line_height;

  account_layout (self, line);
  layout_size (line, NULL, &line_height);

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);
      g_autofree char *number = g_strdup_printf ("— %u —", i + 1);
      g_autoptr(PangoLayout) folio = make_layout (self, FONT_FOLIO, FOLIO_SIZE, number,
                                                  f->width, PANGO_ALIGN_CENTER);
      double h;
      double y = f->bottom + 7 * MM;
      Item item = { .kind = ITEM_LAYOUT, .x = f->left, .y = y, .layout = g_object_ref (folio) };

      account_layout (self, folio);
      g_array_append_val (page->items, item);
      layout_size (folio, NULL, &h);
      page_add_box (page, NB_PAGE_BOX_FOLIO, f->left, y, f->width, h);

      y = MAX (y + FOLIO_SIZE * 1.6, paper_height - 10 * MM - line_height);
      item = (Item) { .kind = ITEM_LAYOUT, .x = f->left, .y = y, .layout = g_object_ref (line),
                      .grey = FOOTER_GREY };
      g_array_append_val (page->items, item);
      page_add_box (page, NB_PAGE_BOX_FOLIO, f->left, y, f->width, line_height);
    }
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
      self->desc[i] = resolve_font (self, self->fonts[i]);
    }
  g_clear_pointer (&self->fonts_used, g_hash_table_unref);
  self->fonts_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unknown_glyphs = 0;

  self->pages = g_ptr_array_new_with_free_func (page_free);
  nb_page_renderer_get_paper_size (self, NULL, &paper_height);
  nb_page_renderer_get_text_block (self, &f.left, &f.top, &f.width, &height);
  f.bottom = f.top + height;
  flow_new_page (&f);

  flow_title (&f);
  flow_text (&f, nb_report_get_text (report, NB_TEXT_PREFACE));

  for (guint section = 1; section <= NB_N_SECTIONS; section++)
    {
      g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_layout_free);

      for (guint i = 0; i < edition->n_tables; i++)
        if (edition->tables[i].section == section)
          g_ptr_array_add (tables, table_layout_new (self, nb_report_get_table_at (report, i),
                                                     f.width));

      if (tables->len > 0)
        {
          flow_heading (&f, section, table_first_height (g_ptr_array_index (tables, 0)));
          for (guint i = 0; i < tables->len; i++)
            flow_table (&f, g_ptr_array_index (tables, i));
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
          flow_heading (&f, section, *text != '\0' ? 2 * BODY_PITCH : 0);
          flow_text (&f, text);
        }
    }

  if (self->include_signature)
    flow_signature (&f);

  add_folios (self, &f, paper_height);
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
