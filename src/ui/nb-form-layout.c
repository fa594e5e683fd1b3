/* nb-form-layout.c — the layout of an official form's grid
 *
 * Children sit at a row and a column and may span several of each, as in
 * GtkGridLayout, and lines share out space by the same rules: each line
 * is as wide as its widest single child; a child spanning several lines
 * that needs more gets the difference spread over the expanding lines of
 * its span (over all of them when none expands); extra space goes first
 * towards the natural sizes, then to expanding lines.  Rows are measured
 * for the widths of their columns (height for width).
 *
 * What differs is the cost: a form has hundreds of cells, and every edit
 * of one asks for a new layout.  GtkGridLayout looked each child's
 * attachment up a dozen times per measurement; here a measurement reads
 * each child's attachment once and works on plain arrays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-form-layout"

#include "config.h"

#include <string.h>

#include "nb-form-layout.h"

struct _NbFormLayout
{
  GtkLayoutManager parent_instance;

  GArray *lines_placed;   /* int: each line's position and size, columns then rows */
  guint   serial;         /* bumped when a line moves or changes size */
};

G_DEFINE_FINAL_TYPE (NbFormLayout, nb_form_layout, GTK_TYPE_LAYOUT_MANAGER)

/* Where a child sits; indexed by GtkOrientation: [HORIZONTAL] is its
 * column, [VERTICAL] its row. */
typedef struct {
  int pos[2];
  int span[2];
} Attach;

static GQuark attach_quark (void);
G_DEFINE_QUARK (nb-form-layout-attach, attach)

typedef struct {
  GtkWidget    *widget;
  const Attach *attach;
} Item;

typedef struct {
  int      minimum, natural;
  int      allocation, position;
  gboolean empty;
  gboolean expand;        /* a child of this line alone expands */
  gboolean need_expand;   /* a spanning child expands, and no line of its span does */
} Line;

/* One measurement or allocation: the children to lay out and the lines
 * in both orientations. */
typedef struct {
  GArray *items;
  Line   *lines[2];
  int     n_lines[2];
} Request;

static void
request_init (Request   *request,
              GtkWidget *widget)
{
  request->items = g_array_new (FALSE, FALSE, sizeof (Item));
  request->n_lines[0] = request->n_lines[1] = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, g_object_get_qdata (G_OBJECT (child), attach_quark ()) };

      if (item.attach == NULL || !gtk_widget_should_layout (child))
        continue;
      g_array_append_val (request->items, item);
      for (int o = 0; o < 2; o++)
        request->n_lines[o] = MAX (request->n_lines[o], item.attach->pos[o] + item.attach->span[o]);
    }
  for (int o = 0; o < 2; o++)
    request->lines[o] = g_new0 (Line, request->n_lines[o]);
}

static void
request_clear (Request *request)
{
  g_array_unref (request->items);
  g_free (request->lines[0]);
  g_free (request->lines[1]);
}

/* The size a child is measured for across @orientation: the lines it
 * spans the other way, once those are allocated; -1 before. */
static int
for_size (const Request *request,
          const Item    *item,
          GtkOrientation orientation,
          gboolean       contextual)
{
  GtkOrientation other = 1 - orientation;
  int size = 0;

  if (!contextual)
    return -1;
  for (int i = 0; i < item->attach->span[other]; i++)
    size += request->lines[other][item->attach->pos[other] + i].allocation;
  return size;
}

/* Adds @need - @have to the lines of @item's span, favouring those that
 * expand; @field is the offset of Line's minimum or natural. */
static void
spread (Line       *lines,
        const Item *item,
        int         orientation,
        gsize       field,
        int         need)
{
  int pos = item->attach->pos[orientation], span = item->attach->span[orientation];
  int have = 0, n_expand = 0, extra;
  gboolean all;

  for (int i = pos; i < pos + span; i++)
    {
      have += G_STRUCT_MEMBER (int, &lines[i], field);
      n_expand += lines[i].expand;
    }
  if (have >= need)
    return;

  all = n_expand == 0;
  if (all)
    n_expand = span;
  extra = need - have;
  for (int i = pos; i < pos + span; i++)
    if (all || lines[i].expand)
      {
        int share = extra / n_expand;

        G_STRUCT_MEMBER (int, &lines[i], field) += share;
        extra -= share;
        n_expand--;
      }
}

/* The minimum and natural size of every line across @orientation. */
static void
request_lines (Request        *request,
               GtkOrientation  orientation,
               gboolean        contextual)
{
  Line *lines = request->lines[orientation];

  for (int i = 0; i < request->n_lines[orientation]; i++)
    lines[i] = (Line) { .empty = TRUE };

  /* Children of one line first, then those spanning several. */
  for (guint i = 0; i < request->items->len; i++)
    {
      const Item *item = &g_array_index (request->items, Item, i);
      Line *line = &lines[item->attach->pos[orientation]];
      int minimum, natural;

      if (item->attach->span[orientation] != 1)
        continue;
      gtk_widget_measure (item->widget, orientation, for_size (request, item, orientation, contextual),
                          &minimum, &natural, NULL, NULL);
      line->minimum = MAX (line->minimum, minimum);
      line->natural = MAX (line->natural, natural);
      line->empty = FALSE;
      line->expand |= gtk_widget_compute_expand (item->widget, orientation);
    }

  for (guint i = 0; i < request->items->len; i++)
    {
      const Item *item = &g_array_index (request->items, Item, i);
      int pos = item->attach->pos[orientation], span = item->attach->span[orientation];
      gboolean span_expands = FALSE;
      int minimum, natural;

      if (span == 1)
        continue;
      for (int l = pos; l < pos + span; l++)
        {
          lines[l].empty = FALSE;
          span_expands |= lines[l].expand;
        }
      if (!span_expands && gtk_widget_compute_expand (item->widget, orientation))
        for (int l = pos; l < pos + span; l++)
          lines[l].need_expand = TRUE;

      gtk_widget_measure (item->widget, orientation, for_size (request, item, orientation, contextual),
                          &minimum, &natural, NULL, NULL);
      spread (lines, item, orientation, G_STRUCT_OFFSET (Line, minimum), minimum);
      spread (lines, item, orientation, G_STRUCT_OFFSET (Line, natural), natural);
    }
}

static void
sum_lines (const Request *request,
           GtkOrientation orientation,
           int           *minimum,
           int           *natural)
{
  *minimum = *natural = 0;
  for (int i = 0; i < request->n_lines[orientation]; i++)
    {
      *minimum += request->lines[orientation][i].minimum;
      *natural += request->lines[orientation][i].natural;
    }
}

/* Shares @size out among the lines across @orientation: each gets its
 * minimum, then what is left goes towards the natural sizes, and what
 * is still left to the expanding lines. */
static void
allocate_lines (Request        *request,
                GtkOrientation  orientation,
                int             size)
{
  Line *lines = request->lines[orientation];
  int n = request->n_lines[orientation];
  g_autofree GtkRequestedSize *sizes = g_new (GtkRequestedSize, MAX (n, 1));
  int n_sizes = 0, n_expand = 0, extra, rest, position = 0;

  for (int i = 0; i < n; i++)
    {
      lines[i].expand |= lines[i].need_expand;
      if (lines[i].empty)
        continue;
      size -= lines[i].minimum;
      sizes[n_sizes++] = (GtkRequestedSize) { &lines[i], lines[i].minimum, lines[i].natural };
      n_expand += lines[i].expand;
    }

  size = gtk_distribute_natural_allocation (MAX (0, size), n_sizes, sizes);
  extra = n_expand > 0 ? size / n_expand : 0;
  rest = n_expand > 0 ? size % n_expand : 0;

  for (int i = 0, j = 0; i < n; i++)
    {
      Line *line = &lines[i];

      line->allocation = 0;
      if (!line->empty)
        {
          line->allocation = sizes[j++].minimum_size;
          if (line->expand)
            {
              line->allocation += extra + (rest > 0);
              rest -= rest > 0;
            }
        }
      line->position = position;
      position += line->allocation;
    }
}

static GtkSizeRequestMode
nb_form_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
nb_form_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  Request request;
  gboolean contextual = orientation == GTK_ORIENTATION_VERTICAL && size >= 0;

  request_init (&request, widget);
  if (contextual)
    {
      request_lines (&request, GTK_ORIENTATION_HORIZONTAL, FALSE);
      allocate_lines (&request, GTK_ORIENTATION_HORIZONTAL, size);
    }
  request_lines (&request, orientation, contextual);
  sum_lines (&request, orientation, minimum, natural);
  request_clear (&request);
}

/* Bumps the serial when the lines are not where the last allocation
 * put them: what is drawn along them (a form's rules) stays valid as
 * long as the serial does, though an edit reallocates every child. */
static void
note_lines_placed (NbFormLayout  *self,
                   const Request *request)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (int));

  for (int o = 0; o < 2; o++)
    for (int i = 0; i < request->n_lines[o]; i++)
      {
        g_array_append_val (placed, request->lines[o][i].position);
        g_array_append_val (placed, request->lines[o][i].allocation);
      }
  if (self->lines_placed != NULL && self->lines_placed->len == placed->len &&
      memcmp (self->lines_placed->data, placed->data, placed->len * sizeof (int)) == 0)
    return;
  g_clear_pointer (&self->lines_placed, g_array_unref);
  self->lines_placed = g_steal_pointer (&placed);
  self->serial++;
}

static void
nb_form_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  Request request;

  request_init (&request, widget);
  request_lines (&request, GTK_ORIENTATION_HORIZONTAL, FALSE);
  allocate_lines (&request, GTK_ORIENTATION_HORIZONTAL, width);
  request_lines (&request, GTK_ORIENTATION_VERTICAL, TRUE);
  allocate_lines (&request, GTK_ORIENTATION_VERTICAL, height);
  note_lines_placed (NB_FORM_LAYOUT (manager), &request);

  for (guint i = 0; i < request.items->len; i++)
    {
      const Item *item = &g_array_index (request.items, Item, i);
      GtkAllocation box = { 0 };
      const int *pos = item->attach->pos, *span = item->attach->span;
      const Line *column = &request.lines[GTK_ORIENTATION_HORIZONTAL][pos[GTK_ORIENTATION_HORIZONTAL]];
      const Line *row = &request.lines[GTK_ORIENTATION_VERTICAL][pos[GTK_ORIENTATION_VERTICAL]];

      for (int c = 0; c < span[GTK_ORIENTATION_HORIZONTAL]; c++)
        box.width += column[c].allocation;
      for (int r = 0; r < span[GTK_ORIENTATION_VERTICAL]; r++)
        box.height += row[r].allocation;
      box.x = rtl ? width - column->position - box.width : column->position;
      box.y = row->position;
      gtk_widget_size_allocate (item->widget, &box, -1);
    }
  request_clear (&request);
}

static void
nb_form_layout_finalize (GObject *object)
{
  g_clear_pointer (&NB_FORM_LAYOUT (object)->lines_placed, g_array_unref);

  G_OBJECT_CLASS (nb_form_layout_parent_class)->finalize (object);
}

static void
nb_form_layout_class_init (NbFormLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = nb_form_layout_finalize;

  manager_class->get_request_mode = nb_form_layout_get_request_mode;
  manager_class->measure = nb_form_layout_measure;
  manager_class->allocate = nb_form_layout_allocate;
}

static void
nb_form_layout_init (NbFormLayout *self)
{
}

/**
 * nb_form_layout_attach:
 * Places @child (a child of the layout's widget) at @row and @column,
 * spanning @row_span rows and @column_span columns.
 */
void
nb_form_layout_attach (NbFormLayout *self,
                       GtkWidget    *child,
                       int           row,
                       int           column,
                       int           row_span,
                       int           column_span)
{
  Attach *attach;

  g_return_if_fail (NB_IS_FORM_LAYOUT (self));
  g_return_if_fail (row >= 0 && column >= 0 && row_span >= 1 && column_span >= 1);

  attach = g_new (Attach, 1);
  attach->pos[GTK_ORIENTATION_HORIZONTAL] = column;
  attach->pos[GTK_ORIENTATION_VERTICAL] = row;
  attach->span[GTK_ORIENTATION_HORIZONTAL] = column_span;
  attach->span[GTK_ORIENTATION_VERTICAL] = row_span;
  g_object_set_qdata_full (G_OBJECT (child), attach_quark (), attach, g_free);
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}

/**
 * nb_form_layout_get_serial:
 * Returns: a number that changes whenever a line of the grid moves or
 *   changes size
 */
guint
nb_form_layout_get_serial (NbFormLayout *self)
{
  g_return_val_if_fail (NB_IS_FORM_LAYOUT (self), 0);
  return self->serial;
}
