/* nb-page-renderer-private.h — what the parts of the page renderer share
 *
 * The renderer (nb-page-renderer.c) owns the pages; the fonts
 * (nb-page-fonts.c) make the layouts; the flow (nb-page-flow.c) places
 * text, folios and the items of a page; tables (nb-page-table.c) and the
 * signature block (nb-page-signature.c) flow through it.  Internal to
 * the render layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "nb-checker.h"
#include "nb-page-renderer.h"

G_BEGIN_DECLS

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
#define WATERMARK_SIZE  96.0
#define WATERMARK_GREY  0.88

typedef enum {
  FONT_TITLE,
  FONT_HEADING,
  FONT_SUBHEADING,
  FONT_BODY,
  FONT_TABLE,
  FONT_FOLIO,
  N_FONTS
} FontRole;

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
  gboolean      draft;
  NbChecker    *checker;      /* a draft's check list comes from it; or NULL */

  /* The layout, or NULL when out of date */
  GPtrArray    *pages;
  PangoFontDescription *desc[N_FONTS];
  GHashTable   *installed;     /* lower-case family names */
  GHashTable   *fonts_used;
  guint         unknown_glyphs;
};

/* Content flowing down the text block of the current page */
typedef struct {
  NbPageRenderer *self;
  Page           *page;
  double          left, top, width, bottom;
  double          y;
} Flow;

typedef struct _NbTableLayout TableLayout;

/* nb-page-fonts.c */
void          _nb_page_prepare_context (PangoContext   *context);
PangoContext *_nb_page_get_context     (NbPageRenderer *self);
PangoFontDescription *
              _nb_page_resolve_font    (NbPageRenderer *self,
                                        const char     *spec);
void          _nb_page_account_layout  (NbPageRenderer *self,
                                        PangoLayout    *layout);
PangoLayout  *_nb_page_make_layout     (NbPageRenderer *self,
                                        FontRole        role,
                                        double          size,
                                        const char     *text,
                                        double          width,
                                        PangoAlignment  alignment);
void          _nb_page_layout_size     (PangoLayout    *layout,
                                        double         *width,
                                        double         *height);

/* nb-page-flow.c */
Page         *_nb_page_new                     (void);
void          _nb_page_free                    (gpointer        data);
void          _nb_page_add_box                 (Page           *page,
                                                NbPageBoxKind   kind,
                                                double          x,
                                                double          y,
                                                double          width,
                                                double          height);
void          _nb_flow_new_page                (Flow           *f);
gboolean      _nb_flow_at_top                  (Flow           *f);
void          _nb_flow_ensure                  (Flow           *f,
                                                double          height);
void          _nb_flow_add_item                (Flow           *f,
                                                Item            item);
void          _nb_flow_title                   (Flow           *f);
void          _nb_flow_check_list              (Flow           *f,
                                                const char * const *lines);
void          _nb_flow_text                    (Flow           *f,
                                                const char     *text);
void          _nb_flow_heading                 (Flow           *f,
                                                guint           section,
                                                double          keep);
void          _nb_flow_add_folios              (NbPageRenderer *self,
                                                Flow           *f,
                                                double          paper_height);

/* nb-page-table.c */
TableLayout  *_nb_table_layout_new             (NbPageRenderer *self,
                                                NbTable        *table,
                                                double          width);
void          _nb_table_layout_free            (TableLayout    *t);
double        _nb_table_layout_first_height    (TableLayout    *t);
void          _nb_flow_table                   (Flow           *f,
                                                TableLayout    *t);

/* nb-page-signature.c */
void          _nb_flow_signature               (Flow           *f);

G_END_DECLS
