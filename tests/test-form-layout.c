/* test-form-layout.c — NbFormLayout lays a form out as GtkGridLayout does
 *
 * The same children (wrapping labels, spans over rows and columns, cells
 * that expand) are laid out by both layout managers at several widths:
 * the sizes asked for and every child's place must be the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-form-layout.h"
#include "test-util.h"
#include "test-window-util.h"

/* A bare container for a layout manager. */
#define TEST_TYPE_FORM (test_form_get_type ())
G_DECLARE_FINAL_TYPE (TestForm, test_form, TEST, FORM, GtkWidget)

struct _TestForm
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (TestForm, test_form, GTK_TYPE_WIDGET)

static void
test_form_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (test_form_parent_class)->dispose (object);
}

static void
test_form_class_init (TestFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = test_form_dispose;
}

static void
test_form_init (TestForm *self)
{
}

typedef struct {
  int         row, column, row_span, column_span;
  const char *text;
  gboolean    expand;
} Piece;

/* A small form: a header over spanned columns, a group label over rows,
 * row labels spanning the label columns, and number cells. */
static const Piece pieces[] = {
  { 0, 0, 2, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", FALSE },
  { 0, 3, 1, 3, "申请人情况", FALSE },
  { 1, 3, 1, 1, "自然人", FALSE },
  { 1, 4, 1, 2, "法人或其他组织", FALSE },
  { 2, 0, 1, 3, "一、本年新收政府信息公开申请数量", FALSE },
  { 3, 0, 3, 1, "三、本年度办理结果", FALSE },
  { 3, 1, 1, 2, "（一）予以公开", FALSE },
  { 4, 1, 2, 1, "（三）不予公开", FALSE },
  { 4, 2, 1, 1, "1.属于国家秘密", FALSE },
  { 5, 2, 1, 1, "2.其他法律行政法规禁止公开", FALSE },
  { 2, 3, 1, 1, "40", TRUE }, { 2, 4, 1, 1, "3", TRUE }, { 2, 5, 1, 1, "1234567", TRUE },
  { 3, 3, 1, 1, "20", TRUE }, { 3, 4, 1, 1, "2", TRUE }, { 3, 5, 1, 1, "0", TRUE },
  { 4, 3, 1, 1, "0", TRUE }, { 4, 4, 1, 1, "", TRUE }, { 4, 5, 1, 1, "0", TRUE },
  { 5, 3, 1, 1, "1", TRUE }, { 5, 4, 1, 1, "0", TRUE }, { 5, 5, 1, 1, "0", TRUE },
};

static GtkWidget *
make_piece (const Piece *piece)
{
  GtkWidget *label = gtk_label_new (piece->text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_hexpand (label, piece->expand);
  return label;
}

static GtkWidget *
make_form (gboolean ours)
{
  GtkWidget *form = g_object_new (TEST_TYPE_FORM, NULL);
  GtkLayoutManager *layout = ours ? g_object_new (NB_TYPE_FORM_LAYOUT, NULL) : gtk_grid_layout_new ();

  gtk_widget_set_layout_manager (form, layout);
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      const Piece *p = &pieces[i];
      GtkWidget *child = make_piece (p);

      gtk_widget_set_parent (child, form);
      if (ours)
        nb_form_layout_attach (NB_FORM_LAYOUT (layout), child, p->row, p->column, p->row_span,
                               p->column_span);
      else
        g_object_set (gtk_layout_manager_get_layout_child (layout, child),
                      "row", p->row, "column", p->column,
                      "row-span", p->row_span, "column-span", p->column_span, NULL);
    }
  return form;
}

static void
assert_same_measure (GtkWidget     *grid,
                     GtkWidget     *form,
                     GtkOrientation orientation,
                     int            for_size)
{
  int grid_min, grid_nat, form_min, form_nat;

  gtk_widget_measure (grid, orientation, for_size, &grid_min, &grid_nat, NULL, NULL);
  gtk_widget_measure (form, orientation, for_size, &form_min, &form_nat, NULL, NULL);
  g_assert_cmpint (form_min, ==, grid_min);
  g_assert_cmpint (form_nat, ==, grid_nat);
}

static void
assert_same_places (GtkWidget *grid,
                    GtkWidget *form,
                    int        width)
{
  int height, unused;
  GtkWidget *a, *b;

  gtk_widget_measure (grid, GTK_ORIENTATION_VERTICAL, width, &unused, &height, NULL, NULL);
  gtk_widget_size_allocate (grid, &(GtkAllocation) { 0, 0, width, height }, -1);
  gtk_widget_size_allocate (form, &(GtkAllocation) { 0, 0, width, height }, -1);

  for (a = gtk_widget_get_first_child (grid), b = gtk_widget_get_first_child (form);
       a != NULL && b != NULL;
       a = gtk_widget_get_next_sibling (a), b = gtk_widget_get_next_sibling (b))
    {
      graphene_rect_t in_grid, in_form;

      g_assert_true (gtk_widget_compute_bounds (a, grid, &in_grid));
      g_assert_true (gtk_widget_compute_bounds (b, form, &in_form));
      if (!graphene_rect_equal (&in_grid, &in_form))
        g_error ("“%s” at width %d: %g,%g %g×%g in the grid, %g,%g %g×%g in the form",
                 gtk_label_get_text (GTK_LABEL (a)), width,
                 in_grid.origin.x, in_grid.origin.y, in_grid.size.width, in_grid.size.height,
                 in_form.origin.x, in_form.origin.y, in_form.size.width, in_form.size.height);
    }
  g_assert_null (a);
  g_assert_null (b);
}

static void
test_like_grid_layout (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *grid = make_form (FALSE);
  GtkWidget *form = make_form (TRUE);
  int min, nat;

  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), form);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  g_assert_cmpint (gtk_widget_get_request_mode (form), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  assert_same_measure (grid, form, GTK_ORIENTATION_HORIZONTAL, -1);
  gtk_widget_measure (form, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <, nat);

  /* Natural width, squeezed between minimum and natural, at minimum,
   * and wider than natural (the expanding number columns take it). */
  for (int width = min; width <= nat + 120; width += MAX (1, (nat - min) / 7))
    {
      assert_same_measure (grid, form, GTK_ORIENTATION_VERTICAL, width);
      assert_same_places (grid, form, width);
    }
  assert_same_places (grid, form, nat);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The serial changes when a line moves or changes size, and only then:
 * a new text of the same width is laid out again with the same serial. */
static void
test_serial (void)
{
  GtkWidget *form = g_object_ref_sink (make_form (TRUE));
  NbFormLayout *layout = NB_FORM_LAYOUT (gtk_widget_get_layout_manager (form));
  GtkWidget *number = gtk_widget_get_last_child (form);
  int width, height, unused;
  guint serial;

  gtk_widget_measure (form, GTK_ORIENTATION_HORIZONTAL, -1, &unused, &width, NULL, NULL);
  gtk_widget_measure (form, GTK_ORIENTATION_VERTICAL, width, &unused, &height, NULL, NULL);
  gtk_widget_size_allocate (form, &(GtkAllocation) { 0, 0, width, height }, -1);
  serial = nb_form_layout_get_serial (layout);

  gtk_label_set_text (GTK_LABEL (number), "1");
  gtk_widget_size_allocate (form, &(GtkAllocation) { 0, 0, width, height }, -1);
  g_assert_cmpuint (nb_form_layout_get_serial (layout), ==, serial);

  gtk_widget_size_allocate (form, &(GtkAllocation) { 0, 0, width + 40, height }, -1);
  g_assert_cmpuint (nb_form_layout_get_serial (layout), !=, serial);

  g_object_unref (form);
}

int
main (int argc, char **argv)
{
  test_isolate_home ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form-layout/like-grid-layout", test_like_grid_layout);
  g_test_add_func ("/form-layout/serial", test_serial);
  return g_test_run ();
}
