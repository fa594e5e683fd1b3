/* nb-cross-actions.c — the window's actions across reports: linking last
 * year's report, comparing with it, and the 汇总 of units' reports
 *
 * The work is done by the core (src/cross); here are the file choosers,
 * what the comparison found (shown by NbComparisonWindow) and the status
 * board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-accessible.h"
#include "nb-aggregate.h"
#include "nb-compare.h"
#include "nb-comparison-row.h"
#include "nb-comparison-window.h"
#include "nb-cross-year.h"
#include "nb-display-text.h"
#include "nb-unit-status.h"
#include "nb-window-private.h"

/* ---- Lists ---------------------------------------------------------------------- */

/* A row of a column: a label showing the item's @property (of
 * @item_type), as a GtkBuilderListItemFactory template.  A text goes
 * through shown_text() first: an organ or message read from a unit's
 * file is bounded before Pango lays it out (nb_display_text()). */
static const char row_template[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<interface>"
  "  <template class=\"GtkListItem\">"
  "    <property name=\"child\">"
  "      <object class=\"GtkLabel\">"
  "        <property name=\"xalign\">%d</property>"
  "        <property name=\"ellipsize\">end</property>"
  "        <binding name=\"label\">%s</binding>"
  "        <binding name=\"tooltip-text\">%s</binding>"
  "      </object>"
  "    </property>"
  "  </template>"
  "</interface>";

static const char value_lookup[] =
  "<lookup name=\"%s\" type=\"%s\"><lookup name=\"item\">GtkListItem</lookup></lookup>";

static const char text_lookup[] =
  "<closure type=\"gchararray\" function=\"shown_text\">"
  "<lookup name=\"%s\" type=\"%s\"><lookup name=\"item\">GtkListItem</lookup></lookup>"
  "</closure>";

static char *
shown_text (GtkListItem *item,
            const char  *text)
{
  return text != NULL ? nb_display_text (text, NULL) : NULL;
}

static void
add_column (GtkColumnView *view,
            GType          item_type,
            const char    *title,
            const char    *property,
            gboolean       numeric,
            gboolean       expand)
{
  const char *type_name = g_type_name (item_type);
  g_autofree char *value = g_strdup_printf (numeric ? value_lookup : text_lookup, property,
                                            type_name);
  char *ui = g_strdup_printf (row_template, numeric ? 1 : 0, value, value);
  g_autoptr(GBytes) bytes = g_bytes_new_take (ui, strlen (ui));
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  GtkListItemFactory *factory;

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "shown_text",
                                          G_CALLBACK (shown_text));
  factory = gtk_builder_list_item_factory_new_from_bytes (scope, bytes);
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

/* A window over @parent: a header bar, lines of text, and a list. */
static GtkWidget *
list_window (NbWindow      *parent,
             const char    *title,
             GtkWidget     *summary,
             GListModel    *model,
             GtkColumnView **view_out)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (model))));

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (parent));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_margin_start (summary, 12);
  gtk_widget_set_margin_end (summary, 12);
  gtk_widget_set_margin_top (summary, 6);
  gtk_widget_set_margin_bottom (summary, 6);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_widget_add_css_class (view, "data-table");
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  *view_out = GTK_COLUMN_VIEW (view);
  return window;
}

static GtkWidget *
summary_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  return label;
}

/* ---- Last year's report ------------------------------------------------------------ */

/**
 * _nb_window_link_previous:
 * Links last year's report (a .nianbao file or a published report) to the
 * window's report; the checker shows the cross-year findings at once, and
 * the link is saved with the report.
 */
gboolean
_nb_window_link_previous (NbWindow    *self,
                          const char  *path,
                          GError     **error)
{
  NbPreviousLink *link;
  g_autofree char *message = NULL;

  g_return_val_if_fail (self->report != NULL, FALSE);

  if (!nb_report_link_previous (self->report, self->path, path, error))
    return FALSE;
  link = nb_report_get_previous_link (self->report);
  message = g_strdup_printf (_("Linked to the %d report of %s"), nb_previous_link_get_year (link),
                             nb_previous_link_get_organ (link));
  _nb_window_toast (self, message);
  if (nb_checker_count (self->checker, NB_SEVERITY_ERROR, -1) > 0)
    nb_window_set_findings_visible (self, TRUE);
  return TRUE;
}

/**
 * _nb_window_compare_with:
 * @path: last year's report
 *
 * Returns: (transfer none) (nullable): the comparison window, shown
 */
GtkWidget *
_nb_window_compare_with (NbWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(NbReport) last = NULL;
  g_autoptr(NbComparison) comparison = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *window;

  g_return_val_if_fail (self->report != NULL, NULL);

  last = nb_report_load_any (path, error);
  if (last == NULL)
    return NULL;
  comparison = nb_compare_reports (last, self->report);
  model = nb_comparison_to_model (comparison, TRUE);

  g_string_append_printf (text, _("%u cells differ from %s %d; %u big jumps (more than %d %% and "
                                  "more than %d); %u cells only in last year's edition, %u only "
                                  "in this year's."),
                          g_list_model_get_n_items (model), nb_report_get_organ (last),
                          nb_report_get_year (last), comparison->n_big_jumps,
                          NB_COMPARE_JUMP_PERCENT, NB_COMPARE_JUMP_ABSOLUTE,
                          comparison->n_only_last, comparison->n_only_this);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    {
      guint section = nb_text_section_number (i);

      if (section == 0 || *nb_report_get_text (self->report, i) == '\0')
        continue;
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s: %u%% repeats last year's text"),
                              nb_section_heading (section), comparison->repeated_percent[i]);
    }

  window = nb_comparison_window_new (GTK_WINDOW (self), text->str, model);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

typedef enum {
  CHOOSE_LINK,
  CHOOSE_COMPARE,
  CHOOSE_AGGREGATE,
} Choice;

static void
choose_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    NbWindow        *self)
{
  Choice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "choice"));
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    for (guint i = 0; i < g_list_model_get_n_items (files); i++)
      {
        g_autoptr(GFile) file = g_list_model_get_item (files, i);
        char *path = g_file_get_path (file);

        if (path != NULL)
          g_ptr_array_add (paths, path);
      }
  g_ptr_array_add (paths, NULL);
  if (paths->len > 1)
    switch (choice)
      {
      case CHOOSE_LINK:
        if (!_nb_window_link_previous (self, paths->pdata[0], &error))
          _nb_window_show_gerror (self, _("Could Not Link Last Year's Report"), NULL, error);
        break;
      case CHOOSE_COMPARE:
        if (_nb_window_compare_with (self, paths->pdata[0], &error) == NULL)
          _nb_window_show_gerror (self, _("Could Not Compare"), NULL, error);
        break;
      case CHOOSE_AGGREGATE:
      default:
        _nb_window_aggregate_paths (self, (const char * const *) paths->pdata, FALSE);
      }
  g_object_unref (dialog);
}

static void
choose (NbWindow   *self,
        Choice      choice,
        const char *title)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Choose"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), choice == CHOOSE_AGGREGATE);
  g_object_set_data (G_OBJECT (dialog), "choice", GINT_TO_POINTER (choice));
  g_signal_connect (dialog, "response", G_CALLBACK (choose_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
link_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->report != NULL)
    choose (self, CHOOSE_LINK, _("Last Year's Report"));
}

/* Compares with the linked report when its file is where the link says,
 * else asks for one. */
static void
compare_previous_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  NbPreviousLink *link;
  g_autofree char *linked = NULL;
  g_autoptr(GError) error = NULL;

  if (self->report == NULL)
    return;
  link = nb_report_get_previous_link (self->report);
  if (link != NULL)
    {
      if (nb_previous_link_get_base (link) == NULL && self->path != NULL)
        {
          g_autofree char *folder = g_path_get_dirname (self->path);
          nb_previous_link_set_base (link, folder);
        }
      linked = nb_previous_link_resolve (link);
    }
  if (linked != NULL && g_file_test (linked, G_FILE_TEST_IS_REGULAR))
    {
      if (_nb_window_compare_with (self, linked, &error) == NULL)
        _nb_window_show_gerror (self, _("Could Not Compare"), NULL, error);
      return;
    }
  choose (self, CHOOSE_COMPARE, _("Last Year's Report"));
}

/* ---- 汇总 ---------------------------------------------------------------------------- */

static void
add_up_anyway_clicked_cb (GtkWindow *board)
{
  NbWindow *self = g_object_get_data (G_OBJECT (board), "nb-window");
  const char * const *paths = g_object_get_data (G_OBJECT (self), "nb-aggregate-paths");

  if (paths != NULL)
    _nb_window_aggregate_paths (self, paths, TRUE);
  gtk_window_destroy (board);
}

/**
 * _nb_window_show_aggregation:
 * @units: the status board
 * @summary: (nullable): the summary, opened in a new window
 * @error: (nullable): why there is no summary
 *
 * Returns: (transfer none): the status board's window, shown
 */
GtkWidget *
_nb_window_show_aggregation (NbWindow     *self,
                             GListModel   *units,
                             GPtrArray    *notes,
                             NbReport     *summary,
                             const GError *error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkColumnView *view;
  GtkWidget *board;

  if (summary != NULL)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "The sum of %u unit is opened "
                                               "in a new window, unsaved.",
                                               "The sum of %u units is opened in a new window, "
                                               "unsaved.", nb_report_get_units (summary)->len),
                            nb_report_get_units (summary)->len);
  else
    g_string_append (text, error != NULL ? error->message : "");
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_string_append_printf (text, "\n%s", (const char *) notes->pdata[i]);

  board = list_window (self, _("Units' Reports"), summary_label (text->str), units, &view);
  if (g_error_matches (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_MIXED))
    {
      /* the status board says which unit has which edition and year */
      GtkWidget *anyway = gtk_button_new_with_mnemonic (_("Add Up _Anyway"));
      GtkWidget *header = gtk_widget_get_first_child (adw_window_get_content (ADW_WINDOW (board)));

      nb_accessible_name_from_child (anyway);

      gtk_widget_set_tooltip_text (anyway, _("Take the edition and year most units have; cells "
                                             "that edition has no place for are left out"));
      g_object_set_data (G_OBJECT (board), "nb-window", self);
      g_signal_connect_swapped (anyway, "clicked", G_CALLBACK (add_up_anyway_clicked_cb), board);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), anyway);
      g_object_set_data (G_OBJECT (board), "nb-anyway", anyway);
    }
  add_column (view, NB_TYPE_UNIT_STATUS, _("File"), "file", FALSE, TRUE);
  add_column (view, NB_TYPE_UNIT_STATUS, _("Organ"), "organ", FALSE, TRUE);
  add_column (view, NB_TYPE_UNIT_STATUS, _("Edition"), "edition-key", FALSE, FALSE);
  add_column (view, NB_TYPE_UNIT_STATUS, _("Year"), "year", TRUE, FALSE);
  add_column (view, NB_TYPE_UNIT_STATUS, _("Errors"), "errors", TRUE, FALSE);
  add_column (view, NB_TYPE_UNIT_STATUS, _("Warnings"), "warnings", TRUE, FALSE);
  add_column (view, NB_TYPE_UNIT_STATUS, _("Markers"), "markers", TRUE, FALSE);
  add_column (view, NB_TYPE_UNIT_STATUS, _("Why Not Added"), "message", FALSE, TRUE);
  g_object_set_data_full (G_OBJECT (board), "nb-units", g_object_ref (units), g_object_unref);
  gtk_window_present (GTK_WINDOW (board));

  if (summary != NULL)
    {
      NbWindow *window = nb_window_new (gtk_window_get_application (GTK_WINDOW (self)));

      nb_window_set_report (window, summary, NULL);
      _nb_window_mark_unsaved (window);
      gtk_window_present (GTK_WINDOW (window));
      g_object_set_data (G_OBJECT (board), "nb-summary-window", window);
    }
  return board;
}

static void
aggregated_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(NbWindow) self = user_data;
  g_autoptr(GListStore) units = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) summary = nb_aggregate_paths_finish (result, &units, &notes, &error);

  if (units == NULL)
    {
      _nb_window_show_gerror (self, _("Could Not Add Up the Units' Reports"), NULL, error);
      return;
    }
  _nb_window_show_aggregation (self, G_LIST_MODEL (units), notes, summary, error);
}

/**
 * _nb_window_aggregate_paths:
 * @paths: the units' files and folders
 *
 * Runs the 汇总 in a worker thread, then shows the status board and
 * opens the summary.
 */
void
_nb_window_aggregate_paths (NbWindow           *self,
                            const char * const *paths,
                            gboolean            allow_mixed)
{
  NbAggregateOptions options;

  /* kept for “Add Up Anyway” */
  if ((gpointer) paths != g_object_get_data (G_OBJECT (self), "nb-aggregate-paths"))
    g_object_set_data_full (G_OBJECT (self), "nb-aggregate-paths",
                            g_strdupv ((char **) paths), (GDestroyNotify) g_strfreev);
  nb_aggregate_options_init (&options);
  options.allow_mixed = allow_mixed;
  _nb_window_toast (self, _("Adding up the units' reports…"));
  nb_aggregate_paths_async (paths, &options, NULL, aggregated_cb, g_object_ref (self));
}

static void
aggregate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose (NB_WINDOW (widget), CHOOSE_AGGREGATE, _("Units' Reports to Add Up"));
}

void
_nb_window_class_cross_actions_init (NbWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.link-previous", NULL, link_previous_action);
  gtk_widget_class_install_action (widget_class, "win.compare-previous", NULL,
                                   compare_previous_action);
  gtk_widget_class_install_action (widget_class, "win.aggregate", NULL, aggregate_action);
}

void
_nb_window_cross_actions_update (NbWindow *self)
{
  gboolean has_report = self->report != NULL;

  /* the link is in the file: a finalized report (定稿) keeps its own */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.link-previous",
                                 has_report && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-previous", has_report);
}
