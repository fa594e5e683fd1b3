/* nb-screenshot.c — draws the window in a known state to a PNG
 *
 *   nb-screenshot OUT.png REPORT.nianbao [SECTION] [WIDTH | WIDTHxHEIGHT]
 *
 * Opens the report, breaks one balance of section 三 (one more request
 * received by a natural person than handled), shows section 三 and the
 * problems panel, and renders the window as GTK draws it (1280×800).
 * SECTION (0–6) shows another section instead, "start" the start view,
 * "as-is" section 三 of the report as it is (a 定稿 under its banner),
 * "draft" the question a report with errors asks before its PDF export,
 * "toast" section 三 with a toast (it shows over the report, not over
 * the problems), "import" REPORT as a published report imported (a PDF,
 * page or text) with its source beside the grid, the first cell of
 * section 三 focused (or the first number not placed marked), "open"
 * REPORT opened as the window opens a file given to it (a file it cannot
 * read shows what it says of it);
 * WIDTH makes the window that narrow and scrolls the page to its right;
 * WIDTHxHEIGHT makes it that size (a small screen), as it opens.
 * Run by data/screenshots/take.sh under Xvfb; NB_LOCALEDIR points at the
 * build tree's translations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nb-application.h"
#include "nb-locale.h"
#include "nb-source-pane.h"
#include "nb-window-private.h"

typedef struct {
  GApplication *app;
  NbWindow     *window;
  const char   *out;
  int           status;
} Shot;

static gboolean
save_cb (gpointer data)
{
  Shot *shot = data;
  GtkWidget *widget = GTK_WIDGET (shot->window);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* The whole screen (Xvfb at 1280×800) if ImageMagick is there, so the
   * picture has the screen's size; else the window as GTK renders it. */
  g_autofree char *import = g_find_program_in_path ("import");

  if (import != NULL)
    {
      g_autofree char *quoted = g_shell_quote (shot->out);
      g_autofree char *command = g_strdup_printf ("import -window root %s", quoted);
      int wait_status = 0;

      if (g_spawn_command_line_sync (command, NULL, NULL, &wait_status, NULL) &&
          g_spawn_check_wait_status (wait_status, NULL))
        {
          g_print ("%s: the screen\n", shot->out);
          g_object_unref (snapshot);
          gtk_window_destroy (GTK_WINDOW (shot->window));
          g_application_release (shot->app);
          return G_SOURCE_REMOVE;
        }
    }

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, shot->out))
    {
      g_printerr ("Cannot write %s\n", shot->out);
      shot->status = 1;
    }
  else
    g_print ("%s: %d×%d\n", shot->out, width, height);
  gtk_window_destroy (GTK_WINDOW (shot->window));
  g_application_release (shot->app);
  return G_SOURCE_REMOVE;
}

static gboolean
scroll_right_cb (gpointer data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (data, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
  return G_SOURCE_REMOVE;
}

/* The report imported, its source beside it: the number of the first
 * cell of section 三 marked, or the first number not placed. */
static void
show_import (Shot       *shot,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (!_nb_window_import_path (shot->window, path, &error))
    {
      g_printerr ("%s\n", error->message);
      shot->status = 1;
      g_application_release (shot->app);
      return;
    }
  /* what the import says, in its dialog: the pane lists it */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i - 1);
      if (w != GTK_WINDOW (shot->window))
        gtk_window_destroy (w);
    }
  nb_window_show_section (shot->window, 3);
  nb_table_view_focus_cell (nb_window_get_table_view (shot->window, "s3_requests"), 0, 0);
  if (shot->window->source_pane != NULL)
    {
      NbSourcePane *pane = NB_SOURCE_PANE (shot->window->source_pane);

      if (nb_import_source_get_n_unplaced (nb_source_pane_get_source (pane)) > 0)
        nb_source_pane_show_unplaced (pane, 0);
    }
  g_timeout_add (1500, save_cb, shot);
}

static void
activate_cb (GApplication *app,
             Shot         *shot)
{
  /* The application opened its start window; show the report in it. */
  const char *path = g_object_get_data (G_OBJECT (app), "report");
  const char *section = g_object_get_data (G_OBJECT (app), "section");
  const char *width = g_object_get_data (G_OBJECT (app), "width");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;
  NbTableView *view;
  NbTable *table;
  const NbTableDef *def;
  guint row, column;
  g_autofree char *more = NULL;
  const char *height = width != NULL ? strchr (width, 'x') : NULL;

  shot->window = NB_WINDOW (window);
  gtk_window_set_default_size (window, width != NULL ? atoi (width) : 1280,
                               height != NULL ? atoi (height + 1) : 800);
  if (g_strcmp0 (section, "start") == 0)
    {
      g_timeout_add (1500, save_cb, shot);
      return;
    }
  if (g_strcmp0 (section, "import") == 0)
    {
      show_import (shot, path);
      return;
    }
  if (g_strcmp0 (section, "open") == 0)
    {
      nb_window_open_path (shot->window, path);
      g_timeout_add (1500, save_cb, shot);
      return;
    }
  if (!nb_window_load_path (shot->window, path, &error))
    {
      g_printerr ("%s\n", error->message);
      shot->status = 1;
      g_application_release (app);
      return;
    }
  if (g_strcmp0 (section, "as-is") == 0)
    {
      nb_window_show_section (shot->window, 3);
      g_timeout_add (1500, save_cb, shot);
      return;
    }

  view = nb_window_get_table_view (shot->window, "s3_requests");
  table = nb_table_view_get_table (view);
  def = nb_table_get_def (table);
  row = nb_table_def_find_row (def, "new");
  column = nb_table_def_find_column (def, "natural");
  more = g_strdup_printf ("%" G_GINT64_FORMAT, nb_table_get_number (table, row, column) + 1);
  nb_table_view_enter_text (view, row, column, more);
  /* A warning too: section 五 says nothing. */
  nb_report_set_text (nb_window_get_report (shot->window), NB_TEXT_PROBLEMS, "无");

  if (g_strcmp0 (section, "draft") == 0)
    {
      nb_window_show_section (shot->window, 3);
      gtk_widget_activate_action (GTK_WIDGET (shot->window), "win.export-pdf", NULL);
      g_timeout_add (1500, save_cb, shot);
      return;
    }
  nb_window_show_section (shot->window, section != NULL && g_strcmp0 (section, "toast") != 0
                                        ? atoi (section) : 3);
  nb_window_set_findings_visible (shot->window, TRUE);
  if (g_strcmp0 (section, "toast") == 0)
    g_signal_emit_by_name (view, "message",
                           g_dgettext (GETTEXT_PACKAGE, "Table copied as tab-separated text"));
  if (section == NULL)
    nb_table_view_focus_cell (view, row, column);
  if (width != NULL && height == NULL)
    g_timeout_add (1000, scroll_right_cb, view);
  g_timeout_add (1500, save_cb, shot);
}

int
main (int    argc,
      char **argv)
{
  Shot shot = { NULL };
  g_autoptr(NbApplication) app = NULL;

  nb_locale_init ();

  if (argc < 3 || argc > 5)
    {
      g_printerr ("Usage: nb-screenshot OUT.png REPORT.nianbao [SECTION|start|as-is|draft|toast|import] "
                  "[WIDTH|WIDTHxHEIGHT]\n");
      return 2;
    }

  app = nb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  shot.app = G_APPLICATION (app);
  shot.out = argv[1];
  g_object_set_data_full (G_OBJECT (app), "report", g_strdup (argv[2]), g_free);
  if (argc >= 4)
    g_object_set_data_full (G_OBJECT (app), "section", g_strdup (argv[3]), g_free);
  if (argc >= 5)
    g_object_set_data_full (G_OBJECT (app), "width", g_strdup (argv[4]), g_free);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &shot);
  g_application_hold (G_APPLICATION (app));
  g_application_run (G_APPLICATION (app), 1, argv);
  return shot.status;
}
