/* test-window-source.c — an import checked against its source beside the
 * grid; under a display (Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-source-pane.h"
#include "nb-window-private.h"
#include "test-util.h"
#include "test-window-util.h"

/* Imports @name (under tests/data/) in a new window, closing what the
 * import says. */
static NbWindow *
window_importing (const char *name)
{
  g_autofree char *path = test_data_path (name);
  NbWindow *window = window_with (NULL);
  g_autoptr(GError) error = NULL;
  GList *dialogs;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (_nb_window_import_path (window, path, &error));
  g_assert_no_error (error);
  spin ();
  dialogs = dialogs_of (window);
  for (GList *l = dialogs; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (dialogs);
  wait_frames (window, 3);
  return window;
}

static NbSourcePane *
source_pane_of (NbWindow *window)
{
  g_assert_nonnull (window->source_pane);
  g_assert_true (gtk_widget_get_mapped (window->source_pane));
  /* beside the grid */
  g_assert_true (gtk_widget_get_parent (window->source_pane) ==
                 gtk_widget_get_parent (GTK_WIDGET (window->section_stack)));
  return NB_SOURCE_PANE (window->source_pane);
}

/* Focuses a cell of the grid, as a click or the arrow keys do. */
static void
focus_cell (NbWindow   *window,
            guint       section,
            const char *table,
            guint       row,
            guint       column)
{
  nb_window_show_section (window, section);
  spin ();
  g_assert_true (nb_table_view_focus_cell (nb_window_get_table_view (window, table), row, column));
  spin ();
}

static void
assert_marked (NbSourcePane           *pane,
               const NbImportLocation *expected)
{
  NbImportLocation marked;

  g_assert_true (nb_source_pane_get_highlight (pane, &marked));
  g_assert_cmpuint (marked.page, ==, expected->page);
  g_assert_cmpfloat (marked.x1, ==, expected->x1);
  g_assert_cmpfloat (marked.y1, ==, expected->y1);
  g_assert_cmpuint (marked.start, ==, expected->start);
  g_assert_cmpuint (marked.end, ==, expected->end);
}

/* Every control of the pane a user operates has a name for a screen
 * reader: its own label, or the text it shows (test-a11y reads the names
 * as AT-SPI gives them; this pane shows only after an import). */
static void
assert_named (GtkWidget *widget)
{
  gboolean operated = gtk_widget_get_focusable (widget) || GTK_IS_BUTTON (widget) ||
                      GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_LIST_BOX (widget) ||
                      GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_DRAWING_AREA (widget);

  if (operated && gtk_widget_get_visible (widget))
    {
      const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

      if (label == NULL && !GTK_IS_LABEL (widget))
        {
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_error ("%s in the source pane has no accessible name", G_OBJECT_TYPE_NAME (widget));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_named (child);
}

/* Accepting closes the pane and leaves the report unsaved, the grid where it was. */
static void
accept (NbWindow *window)
{
  g_assert_true (gtk_widget_activate_action (window->source_pane, "source.accept", NULL));
  spin ();
  g_assert_null (window->source_pane);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (window->section_stack)) == GTK_WIDGET (window->paned));
  g_assert_true (nb_window_get_modified (window));
  g_assert_null (nb_window_get_path (window));
}

/* A PDF: its page is drawn and the focused cell's words are marked. */
static void
test_pdf (void)
{
  NbWindow *window = window_importing ("published/huaian-2024.pdf");
  NbSourcePane *pane = source_pane_of (window);
  NbImportSource *source = nb_source_pane_get_source (pane);
  NbImportLocation new_total, licensing;

  g_assert_cmpint (nb_import_source_get_kind (source), ==, NB_IMPORT_SOURCE_PDF);
  g_assert_false (nb_source_pane_get_highlight (pane, NULL));
  assert_named (GTK_WIDGET (pane));
  g_assert_true (nb_import_source_lookup (source, "s3_requests.new.total", &new_total));
  g_assert_true (nb_import_source_lookup (source, "s2_licensing.licensing.decisions", &licensing));

  focus_cell (window, 3, "s3_requests", 0, 6);
  assert_marked (pane, &new_total);
  focus_cell (window, 2, "s2_licensing", 0, 0);
  assert_marked (pane, &licensing);
  /* nothing placed there: a report of this PDF has no numbers unplaced */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (pane), NB_TYPE_SOURCE_PANE, "unplaced_box"))));
  wait_frames (window, 2);

  accept (window);
  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
}

/* Text with rows that could not be placed: they are listed, and a click
 * marks their place; the focused cell marks its number. */
static void
test_text (void)
{
  NbWindow *window = window_importing ("import/huaian-2024-glued.txt");
  NbSourcePane *pane = source_pane_of (window);
  NbImportSource *source = nb_source_pane_get_source (pane);
  GtkListBox *list = nb_source_pane_get_unplaced_list (pane);
  GtkListBoxRow *row;
  NbImportLocation cell, unplaced;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GtkTextTag *tag;

  g_assert_cmpint (nb_import_source_get_kind (source), ==, NB_IMPORT_SOURCE_TEXT);
  assert_named (GTK_WIDGET (pane));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (window->source_paned),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (nb_import_source_lookup (source, "s3_requests.new.natural", &cell));
  focus_cell (window, 3, "s3_requests", 0, 0);
  assert_marked (pane, &cell);

  /* the text view shows the text, the number tagged */
  text_view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (pane), NB_TYPE_SOURCE_PANE, "text_view"));
  buffer = gtk_text_view_get_buffer (text_view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "source-mark");
  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      (int) g_utf8_pointer_to_offset (nb_import_source_get_text (source),
                                                                      nb_import_source_get_text (source) + cell.start));
  g_assert_true (gtk_text_iter_has_tag (&iter, tag));

  /* the rows not placed, listed and clickable */
  g_assert_cmpuint (nb_import_source_get_n_unplaced (source), ==, 3);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));
  g_assert_true (shows_text (GTK_WIDGET (row), nb_import_source_get_unplaced_message (source, 0)));
  g_assert_true (shows_text (GTK_WIDGET (row), "第 76 行"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_signal_emit_by_name (row, "activate");
  spin ();
  g_assert_true (nb_import_source_get_unplaced_location (source, 0, &unplaced));
  assert_marked (pane, &unplaced);
  g_assert_cmpuint (unplaced.start, !=, cell.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      (int) g_utf8_pointer_to_offset (nb_import_source_get_text (source),
                                                                      nb_import_source_get_text (source) + unplaced.start));
  g_assert_true (gtk_text_iter_has_tag (&iter, tag));

  accept (window);
  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
}

/* Another report shown ends the review. */
static void
test_other_report (void)
{
  NbWindow *window = window_importing ("published/pingtan-2024-page.html");
  g_autoptr(NbReport) other = nb_report_new (NB_EDITION_2021);

  g_assert_cmpint (nb_import_source_get_kind (nb_source_pane_get_source (source_pane_of (window))), ==,
                   NB_IMPORT_SOURCE_PAGE_TEXT);
  nb_window_set_report (window, other, NULL);
  spin ();
  g_assert_null (window->source_pane);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (window->section_stack)) == GTK_WIDGET (window->paned));
  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
}

/* A published report opened (from the command line, dropped on the
 * window) is imported, its source beside it; a report of Nianbao's opens. */
static void
test_open_published (void)
{
  g_autofree char *published = test_data_path ("published/huaian-2024-pdf-layout.txt");
  g_autofree char *sample = test_data_path ("a11y/errors-2019.nianbao");
  NbWindow *window = window_with (NULL);

  g_assert_true (nb_window_open_path (window, published));
  spin ();
  g_assert_nonnull (nb_window_get_report (window));
  g_assert_null (nb_window_get_path (window));
  g_assert_cmpint (nb_import_source_get_kind (nb_source_pane_get_source (source_pane_of (window))), ==,
                   NB_IMPORT_SOURCE_TEXT);
  g_assert_true (nb_window_open_path (window, sample));
  g_assert_null (window->source_pane);
  g_assert_cmpstr (nb_window_get_path (window), ==, sample);
  nb_window_set_report (window, NULL, NULL);
  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  window_test_init (&argc, &argv);
  g_test_add_func ("/window/source/pdf", test_pdf);
  g_test_add_func ("/window/source/text", test_text);
  g_test_add_func ("/window/source/other-report", test_other_report);
  g_test_add_func ("/window/source/open-published", test_open_published);
  return g_test_run ();
}
