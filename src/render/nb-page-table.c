/* nb-page-table.c — the forms of the printed report
 *
 * A table's layout (column widths, type size, the heights its cells
 * need), then its rows placed across pages, the header repeated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-render"

#include "config.h"

#include <string.h>

#include "nb-page-renderer-private.h"
#include "nb-render-common.h"

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

struct _NbTableLayout
{
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
};

static void
cell_clear (gpointer data)
{
  Cell *cell = data;
  g_clear_object (&cell->layout);
}

void
_nb_table_layout_free (TableLayout *t)
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TableLayout, _nb_table_layout_free)

/* Column widths and type size of each form, within @width points.
 *
 * Section 二: 10.5 pt (5号); the 信息内容 column takes a third, the value
 *   columns share the rest (so the sub-tables line up as one form).
 * Section 三: 9 pt (小五); label columns of 10, 18 and 46 mm (group label
 *   two characters a line, sub-group four, item fourteen) and seven
 *   numeric columns of 11.7 mm, three characters of header a line, broken
 *   between words (社会 / 公益 / 组织), up to six digits before the type
 *   shrinks.
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

/* Labels keep 1.5 mm from their rules even in the small forms; numbers
 * take the narrower padding so that six digits fit a column. */
static double
cell_pad_x (TableLayout *t,
            CellStyle    style)
{
  return style == CELL_LABEL || style == CELL_CAPTION ? MAX (t->pad_x, 1.5 * MM) : t->pad_x;
}

static double
cell_inner_width (TableLayout *t,
                  CellStyle    style,
                  guint        column,
                  guint        column_span)
{
  return t->column_x[column + column_span] - t->column_x[column] - 2 * cell_pad_x (t, style);
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
  PangoLayout *layout = _nb_page_make_layout (self, FONT_TABLE, t->size, text, inner,
                                              PANGO_ALIGN_CENTER);
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
                      : _nb_page_make_layout (self, FONT_TABLE, t->size, text, inner, alignment);
      g_hash_table_insert (t->layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

static Cell
make_cell_with (NbPageRenderer *self,
                TableLayout    *t,
                guint           row,
                guint           column,
                guint           row_span,
                guint           column_span,
                CellStyle       style,
                PangoLayout    *layout)
{
  Cell cell = { row, column, row_span, column_span, style, layout, 0 };
  double height;

  _nb_page_account_layout (self, cell.layout);
  _nb_page_layout_size (cell.layout, NULL, &height);
  cell.need = height + 2 * t->pad_y;
  return cell;
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
  double inner = cell_inner_width (t, style, column, column_span);

  return make_cell_with (self, t, row, column, row_span, column_span, style,
                         cell_layout (self, t, style, inner, text));
}

static Cell
make_header_cell (NbPageRenderer     *self,
                  TableLayout        *t,
                  const NbHeaderCell *h,
                  guint               shift)
{
  double inner = cell_inner_width (t, CELL_HEADER, h->column, h->column_span);
  g_autoptr(PangoAttrList) attrs = NULL;
  PangoLayout *layout;

  if (h->word_chars == 0)
    return make_cell (self, t, h->row + shift, h->column, h->row_span, h->column_span,
                      CELL_HEADER, h->text);
  /* a layout of its own, not one shared through t->layouts */
  layout = _nb_page_make_layout (self, FONT_TABLE, t->size, h->text, inner, PANGO_ALIGN_CENTER);
  attrs = nb_render_word_attributes (pango_layout_get_text (layout), h->word_chars);
  pango_layout_set_attributes (layout, attrs);
  return make_cell_with (self, t, h->row + shift, h->column, h->row_span, h->column_span,
                         CELL_HEADER, layout);
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

TableLayout *
_nb_table_layout_new (NbPageRenderer *self,
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
      Cell cell = make_header_cell (self, t, &def->header[i], shift);
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

  _nb_flow_add_item (f, (Item) {
    .kind = ITEM_RECT, .x = x, .y = y, .width = width, .height = height,
    .grey = style == CELL_CAPTION ? CAPTION_GREY : -1,
  });
  _nb_page_add_box (f->page, NB_PAGE_BOX_CELL, x, y, width, height);
  _nb_flow_add_item (f, (Item) {
    .kind = ITEM_LAYOUT, .x = x + cell_pad_x (t, style), .y = text_y,
    .layout = g_object_ref (layout),
  });
  _nb_page_add_box (f->page, NB_PAGE_BOX_TEXT,
                    x + cell_pad_x (t, style) + (double) logical.x / PANGO_SCALE,
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
double
_nb_table_layout_first_height (TableLayout *t)
{
  return t->head_total + fragment_heights (t, 0, MIN (t->def->n_rows, 4), NULL);
}

/* Places a table, splitting it between rows across pages; each page
 * repeats the header rows. */
void
_nb_flow_table (Flow        *f,
                TableLayout *t)
{
  guint n = t->def->n_rows;
  guint a = 0;

  while (a < n)
    {
      double room;
      guint b = a + 1;

      _nb_flow_ensure (f, a == 0 ? _nb_table_layout_first_height (t)
                                 : t->head_total + fragment_heights (t, a, b, NULL));
      room = f->bottom - f->y - t->head_total;
      while (b < n && fragment_heights (t, a, b + 1, NULL) <= room + EPS)
        b++;
      place_header (f, t);
      place_rows (f, t, a, b);
      a = b;
      if (a < n)
        _nb_flow_new_page (f);
    }
}
