/* nb-page-flow.c — pages of the printed report and text flowing onto them
 *
 * The items and boxes of a page; the title, headings and paragraphs
 * placed line by line on the body's pitch, breaking pages between lines;
 * the folios at the foot of every page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-render"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-page-renderer-private.h"
#include "nb-render-common.h"
#include "nb-report-file.h"

/* ---- Pages ------------------------------------------------------------------ */

static void
item_clear (gpointer data)
{
  Item *item = data;
  g_clear_object (&item->layout);
}

Page *
_nb_page_new (void)
{
  Page *page = g_new0 (Page, 1);

  page->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (page->items, item_clear);
  page->boxes = g_array_new (FALSE, TRUE, sizeof (NbPageBox));
  return page;
}

void
_nb_page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->items);
  g_array_unref (page->boxes);
  g_free (page);
}

void
_nb_page_add_box (Page          *page,
                  NbPageBoxKind  kind,
                  double         x,
                  double         y,
                  double         width,
                  double         height)
{
  NbPageBox box = { kind, x, y, width, height };
  g_array_append_val (page->boxes, box);
}

/* ---- Flowing content onto pages ------------------------------------------------ */

void
_nb_flow_new_page (Flow *f)
{
  f->page = _nb_page_new ();
  g_ptr_array_add (f->self->pages, f->page);
  f->y = f->top;
}

gboolean
_nb_flow_at_top (Flow *f)
{
  return f->y <= f->top + EPS;
}

/* Starts a new page unless @height fits below the current position. */
void
_nb_flow_ensure (Flow   *f,
                 double  height)
{
  if (f->y + height > f->bottom + EPS && !_nb_flow_at_top (f))
    _nb_flow_new_page (f);
}

void
_nb_flow_add_item (Flow *f,
                   Item  item)
{
  g_array_append_val (f->page->items, item);
}

/* Places the lines of @layout (whose width is the text block's) one per
 * @pitch, breaking pages between lines.  With @keep_two, neither the first
 * nor the last line of a paragraph stands alone on a page: its first two
 * lines go together, its last two too, and three lines stay whole. */
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
    _nb_flow_ensure (f, (n_lines == 3 ? 3 : 2) * pitch);

  do
    {
      PangoRectangle logical;
      double line_top, line_height, baseline, step;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      line_height = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - line_top;
      step = MAX (pitch, line_height);

      if (keep_two && n_lines >= 4 && index == n_lines - 2)
        _nb_flow_ensure (f, step + pitch);
      _nb_flow_ensure (f, step);
      _nb_flow_add_item (f, (Item) {
        .kind = ITEM_LINE,
        .x = f->left + (double) logical.x / PANGO_SCALE,
        .y = f->y + (step - line_height) / 2 + baseline,
        .layout = g_object_ref (layout),
        .line = index,
      });
      _nb_page_add_box (f->page, NB_PAGE_BOX_TEXT, f->left + (double) logical.x / PANGO_SCALE,
                        f->y, (double) logical.width / PANGO_SCALE, step);
      f->y += step;
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_assert (index == n_lines);
}

void
_nb_flow_title (Flow *f)
{
  NbPageRenderer *self = f->self;
  g_auto(GStrv) lines = nb_render_title_lines (self->report);
  g_autofree char *joined = g_strjoinv ("", lines);
  g_autoptr(PangoLayout) whole = _nb_page_make_layout (self, FONT_TITLE, TITLE_SIZE, joined, -1,
                                                       PANGO_ALIGN_CENTER);
  double whole_width;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  /* One line when it fits; otherwise the organ on the first line, as the
   * 淮安 report prints it. */
  _nb_page_layout_size (whole, &whole_width, NULL);
  text = whole_width <= f->width + EPS ? g_strdup (joined) : g_strjoinv ("\n", lines);
  layout = _nb_page_make_layout (self, FONT_TITLE, TITLE_SIZE, text, f->width, PANGO_ALIGN_CENTER);
  _nb_page_account_layout (self, layout);
  flow_lines (f, layout, TITLE_PITCH, FALSE);
  f->y += BODY_PITCH;
}

static void
flow_paragraph (Flow       *f,
                const char *text)
{
  NbPageRenderer *self = f->self;
  g_autoptr(PangoLayout) layout = _nb_page_make_layout (self, FONT_BODY, BODY_SIZE, text, f->width,
                                                        PANGO_ALIGN_LEFT);
  gsize sub = nb_render_subheading_length (text);

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
  _nb_page_account_layout (self, layout);
  flow_lines (f, layout, BODY_PITCH, TRUE);
}

void
_nb_flow_text (Flow       *f,
               const char *text)
{
  g_auto(GStrv) paragraphs = nb_render_paragraphs (text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    flow_paragraph (f, paragraphs[i]);
}

/* A section heading, kept on one page with @keep points of what follows. */
void
_nb_flow_heading (Flow   *f,
                  guint   section,
                  double  keep)
{
  NbPageRenderer *self = f->self;
  g_autoptr(PangoLayout) layout = _nb_page_make_layout (self, FONT_HEADING, BODY_SIZE,
                                                        nb_section_heading (section), f->width,
                                                        PANGO_ALIGN_LEFT);

  pango_layout_set_indent (layout, (int) (2 * BODY_SIZE * PANGO_SCALE));
  _nb_page_account_layout (self, layout);
  _nb_flow_ensure (f, BODY_PITCH + keep);
  flow_lines (f, layout, BODY_PITCH, FALSE);
}

/* A draft's check list, on a page of its own after the report: not part
 * of the report's text, and said to be so. */
void
_nb_flow_check_list (Flow               *f,
                     const char * const *lines)
{
  NbPageRenderer *self = f->self;
  g_autoptr(PangoLayout) heading = _nb_page_make_layout (self, FONT_HEADING, BODY_SIZE,
                                                         NB_RENDER_CHECK_LIST_HEADING, f->width,
                                                         PANGO_ALIGN_LEFT);

  _nb_flow_new_page (f);
  _nb_page_account_layout (self, heading);
  flow_lines (f, heading, BODY_PITCH, FALSE);
  for (guint i = 0; lines[i] != NULL; i++)
    flow_paragraph (f, lines[i]);
}

/* ---- Folios ------------------------------------------------------------------- */

#define DRAFT_MARK     "草稿"

/* A draft's 草稿, large and light in the middle of the page, drawn first
 * so that the text stays readable over it. */
static void
add_watermark (NbPageRenderer *self,
               Page           *page,
               Flow           *f,
               double          paper_height)
{
  g_autoptr(PangoLayout) mark = _nb_page_make_layout (self, FONT_HEADING, WATERMARK_SIZE,
                                                      DRAFT_MARK, f->width, PANGO_ALIGN_CENTER);
  double h;
  Item item;

  _nb_page_account_layout (self, mark);
  _nb_page_layout_size (mark, NULL, &h);
  item = (Item) { .kind = ITEM_LAYOUT, .x = f->left, .y = (paper_height - h) / 2,
                  .layout = g_object_ref (mark), .grey = WATERMARK_GREY };
  g_array_prepend_val (page->items, item);
}

/* The page number, `— 1 —`, 7 mm below the text block, and the footer
 * line, small and grey, near the paper's foot. */
void
_nb_flow_add_folios (NbPageRenderer *self,
                     Flow           *f,
                     double          paper_height)
{
  g_autofree char *footer = nb_render_footer_text (self->report, self->fingerprint,
                                                   self->draft);
  /* The same footer line on every page */
  g_autoptr(PangoLayout) line = _nb_page_make_layout (self, FONT_FOLIO, FOOTER_SIZE, footer,
                                                      f->width, PANGO_ALIGN_CENTER);
  double line_height;

  _nb_page_account_layout (self, line);
  _nb_page_layout_size (line, NULL, &line_height);

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);
      g_autofree char *number = g_strdup_printf ("— %u —", i + 1);
      g_autoptr(PangoLayout) folio = _nb_page_make_layout (self, FONT_FOLIO, FOLIO_SIZE, number,
                                                           f->width, PANGO_ALIGN_CENTER);
      double h;
      double y = f->bottom + 7 * MM;
      Item item = { .kind = ITEM_LAYOUT, .x = f->left, .y = y, .layout = g_object_ref (folio) };

      _nb_page_account_layout (self, folio);
      g_array_append_val (page->items, item);
      _nb_page_layout_size (folio, NULL, &h);
      _nb_page_add_box (page, NB_PAGE_BOX_FOLIO, f->left, y, f->width, h);

      y = MAX (y + FOLIO_SIZE * 1.6, paper_height - 10 * MM - line_height);
      item = (Item) { .kind = ITEM_LAYOUT, .x = f->left, .y = y, .layout = g_object_ref (line),
                      .grey = FOOTER_GREY };
      g_array_append_val (page->items, item);
      _nb_page_add_box (page, NB_PAGE_BOX_FOLIO, f->left, y, f->width, line_height);
      if (self->draft)
        add_watermark (self, page, f, paper_height);
    }
}
