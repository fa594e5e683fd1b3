/* nb-application.c — the Nianbao application: one window per report
 *
 * `nianbao` opens the start view (and offers to restore what a crash
 * left unsaved); `nianbao FILE…` opens each file in its own window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-ui-resources.h"
#include "nb-window.h"

struct _NbApplication
{
  AdwApplication parent_instance;

  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (NbApplication, nb_application, ADW_TYPE_APPLICATION)

static void
offer_recovery_once (NbApplication *self,
                     NbWindow      *window)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  nb_window_offer_recovery (window);
}

static NbWindow *
empty_window (NbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (NB_IS_WINDOW (l->data) && nb_window_get_report (l->data) == NULL)
      return l->data;
  return NULL;
}

static void
nb_application_activate (GApplication *app)
{
  NbApplication *self = NB_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (nb_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
  if (NB_IS_WINDOW (window))
    offer_recovery_once (self, NB_WINDOW (window));
}

static void
nb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  NbApplication *self = NB_APPLICATION (app);
  NbWindow *last = NULL;

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      NbWindow *window = empty_window (self);

      if (window == NULL)
        window = nb_window_new (GTK_APPLICATION (app));
      /* Read the report before the window first shows: its first frame
       * is the report, not the start view. */
      if (path != NULL)
        nb_window_open_path (window, path);
      gtk_window_present (GTK_WINDOW (window));
      last = window;
    }
  if (last != NULL)
    offer_recovery_once (self, last);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Each window asks about its unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  NbWindow *window = nb_window_new (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  static const char *developers[] = { "The Nianbao developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Nianbao"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Write, check and publish the annual report on government information disclosure"),
                         "developer-name", _("The Nianbao developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "new", new_window_action },
  { "about", about_action },
};

static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  /* Takes the theme's lock and reads the theme, as GTK's own reading
   * thread does. */
  gtk_icon_theme_has_icon (task_data, APP_ID);
}

/* GTK starts reading the icon theme in a thread as the display opens,
 * but libadwaita then adds its icons to the theme, which drops what was
 * read: the first icon of the window would read the whole theme again
 * (two index files and a thousand folders), on the main thread, before
 * the first frame.  It is read now, in a thread, while the window is
 * built and the report read. */
static void
read_icon_theme_in_thread (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, g_object_ref (theme), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

static void
nb_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new", { "<Control>n", NULL } },
  };

  nb_ui_ensure_resources ();
  G_APPLICATION_CLASS (nb_application_parent_class)->startup (app);
  read_icon_theme_in_thread ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
nb_application_class_init (NbApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = nb_application_activate;
  app_class->open = nb_application_open;
  app_class->startup = nb_application_startup;
}

static void
nb_application_init (NbApplication *self)
{
}

NbApplication *
nb_application_new (void)
{
  nb_ui_ensure_resources ();
  return g_object_new (NB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/nianbao/Nianbao",
                       NULL);
}
