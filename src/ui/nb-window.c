/* nb-window.c — one report in a window
 *
 * A start view when no report is open; otherwise the section sidebar,
 * one page per section, and the findings panel.  The window owns the
 * report, its checker (which keeps the findings up to date by itself)
 * and its undo stack, and keeps a recovery copy while there are unsaved
 * changes.  Actions live in nb-window-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-accessible.h"
#include "nb-display-text.h"
#include "nb-findings-panel.h"
#include "nb-info-page.h"
#include "nb-recovery.h"
#include "nb-report-file.h"
#include "nb-table-page.h"
#include "nb-text-page.h"
#include "nb-ui-resources.h"
#include "nb-error-words.h"
#include "nb-window-private.h"

/* Seconds between recovery copies while there are unsaved changes. */
#define AUTOSAVE_SECONDS 5

/* The problems panel's height without settings (as the schema's default):
 * four rows, under a quarter of a 1024×700 screen. */
#define DEFAULT_FINDINGS_HEIGHT 160

G_DEFINE_FINAL_TYPE (NbWindow, nb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FINDINGS_VISIBLE,
  PROP_SIDEBAR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
settings_or_null (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

void
_nb_window_toast (NbWindow   *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* @heading, with “%s” where @name goes, never broken mid-word. */
static GtkWidget *
error_dialog (NbWindow   *self,
              const char *heading,
              const char *name,
              const char *body)
{
  g_autofree char *markup = nb_error_heading_markup (heading, name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, body);

  adw_message_dialog_set_heading_use_markup (ADW_MESSAGE_DIALOG (dialog), TRUE);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), markup);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  return dialog;
}

void
_nb_window_show_error (NbWindow   *self,
                       const char *heading,
                       const char *message)
{
  gtk_window_present (GTK_WINDOW (error_dialog (self, heading, NULL, message)));
}

/* What went wrong in plain words; the technical message (the file, the
 * JSON path, the line and column) only under 详细信息. */
void
_nb_window_show_gerror (NbWindow     *self,
                        const char   *heading,
                        const char   *name,
                        const GError *error)
{
  const char *words = nb_error_plain_words (error);
  GtkWidget *dialog = error_dialog (self, heading, name, words != NULL ? words : error->message);

  if (words != NULL)
    {
      GtkWidget *detail = g_object_new (GTK_TYPE_LABEL, "label", error->message, "wrap", TRUE,
                                        "wrap-mode", PANGO_WRAP_WORD_CHAR, "selectable", TRUE,
                                        "xalign", 0.0f, "max-width-chars", 40, NULL);
      GtkWidget *expander = gtk_expander_new (_("Details"));

      gtk_widget_add_css_class (detail, "caption");
      gtk_expander_set_child (GTK_EXPANDER (expander), detail);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), expander);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- title, badges, findings button ----------------------------------------- */

/* The report's title as the window shows it: bounded for Pango. */
static gboolean
title_shown_cb (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *title = g_value_get_string (from);

  g_value_take_string (to, title != NULL ? nb_display_text (title, NULL) : NULL);
  return TRUE;
}

static void
update_title (NbWindow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  /* A report's title is bound to the window's (report_bindings). */
  if (self->report == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Nianbao"));
      adw_window_title_set_title (self->window_title, _("Nianbao"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  name = self->path != NULL ? g_path_get_basename (self->path) : g_strdup (_("New report"));
  if (nb_window_get_modified (self))
    /* Translators: the file name, then a mark that it has unsaved changes */
    subtitle = g_strdup_printf (_("%s — unsaved"), name);
  else
    subtitle = g_strdup (name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static gboolean
section_started (NbWindow *self,
                 guint     section)
{
  NbReport *report = self->report;

  if (section == 0)
    return *nb_report_get_organ (report) != '\0' && nb_report_get_year (report) > 0;
  if (nb_section_is_text (section))
    {
      for (NbTextSection s = 0; s < NB_N_TEXT_SECTIONS; s++)
        if (nb_text_section_number (s) == section && *nb_report_get_text (report, s) != '\0')
          return TRUE;
      return FALSE;
    }
  for (guint i = 0; i < nb_report_get_n_tables (report); i++)
    {
      NbTable *table = nb_report_get_table_at (report, i);
      if (nb_table_get_def (table)->section == section && !nb_table_is_blank (table))
        return TRUE;
    }
  return FALSE;
}

/* What the problems button says to a tooltip and a screen reader. */
static char *
findings_button_text (NbWindow *self)
{
  if (self->report == NULL || self->shown_errors < 0)
    return g_strdup (_("Show Problems (F8)"));
  return g_strdup_printf (_("Problems: %u errors, %u warnings (F8)"),
                          self->shown_errors, self->shown_warnings);
}

/* Asked for, not set: setting a tooltip looks up the pointer (round
 * trips to an X server), and the counts change with edits. */
static gboolean
findings_button_query_tooltip_cb (NbWindow   *self,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  g_autofree char *text = findings_button_text (self);

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The message of an error that was not there at the last count, if
 * @announce; keeps this count's messages for the next. */
static char *
take_new_error (NbWindow *self,
                gboolean  announce)
{
  GListModel *findings = nb_checker_get_findings (self->checker);
  GHashTable *now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *news = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      const char *message = nb_finding_get_message (finding);

      if (nb_finding_get_severity (finding) != NB_SEVERITY_ERROR)
        continue;
      if (announce && news == NULL && !g_hash_table_contains (self->shown_error_messages, message))
        /* Translators: %s is the message of an error that typing just made */
        news = g_strdup_printf (_("New error: %s"), message);
      g_hash_table_add (now, g_strdup (message));
    }
  g_hash_table_unref (self->shown_error_messages);
  self->shown_error_messages = now;
  return news;
}

static void
update_state (NbWindow *self)
{
  guint errors, warnings;
  g_autofree char *count = NULL;
  g_autofree char *tip = NULL;
  g_autofree char *news = NULL;
  gboolean errors_changed;

  if (self->report == NULL || self->checker == NULL)
    return;

  for (guint s = 0; s <= NB_N_SECTIONS; s++)
    nb_section_row_set_state (NB_SECTION_ROW (self->rows[s]),
                              nb_checker_count (self->checker, NB_SEVERITY_ERROR, s),
                              nb_checker_count (self->checker, NB_SEVERITY_WARNING, s),
                              section_started (self, s));

  errors = nb_checker_count (self->checker, NB_SEVERITY_ERROR, -1);
  warnings = nb_checker_count (self->checker, NB_SEVERITY_WARNING, -1);
  if ((int) errors == self->shown_errors && (int) warnings == self->shown_warnings)
    return;
  errors_changed = (int) errors != self->shown_errors;
  if (errors_changed)
    news = take_new_error (self, self->shown_errors >= 0 && (int) errors > self->shown_errors);
  self->shown_errors = errors;
  self->shown_warnings = warnings;

  gtk_widget_remove_css_class (GTK_WIDGET (self->findings_button), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->findings_button), "warning");
  if (errors > 0)
    {
      count = g_strdup_printf ("%u", errors);
      gtk_image_set_from_icon_name (self->findings_icon, "dialog-error-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->findings_button), "error");
    }
  else if (warnings > 0)
    {
      count = g_strdup_printf ("%u", warnings);
      gtk_image_set_from_icon_name (self->findings_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->findings_button), "warning");
    }
  else
    gtk_image_set_from_icon_name (self->findings_icon, "object-select-symbolic");
  gtk_label_set_text (self->findings_label, count != NULL ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->findings_label), count != NULL);

  /* GTK 4.8 has no gtk_accessible_announce (): the button's name and
   * description change, once per change of the counts and not on every
   * key, and say a new error's message. */
  tip = findings_button_text (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  if (errors_changed)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, news != NULL ? news : "",
                                    -1);
}

/**
 * nb_window_get_findings_text:
 * Returns: what the findings button shows: the count, or "" when clean
 */
const char *
nb_window_get_findings_text (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return gtk_label_get_text (self->findings_label);
}

static gboolean
update_state_cb (gpointer data)
{
  NbWindow *self = data;

  self->state_source = 0;
  update_state (self);
  return G_SOURCE_REMOVE;
}

/* The checker tells of each group of rules in turn: the counts are
 * updated once they all have, so that the problems button changes (and
 * a screen reader hears it) once per edit. */
static void
findings_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     NbWindow   *self)
{
  if (self->state_source == 0)
    self->state_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_state_cb, self, NULL);
}

/* ---- the problems panel ------------------------------------------------------ */

/* Puts the divider at the panel's remembered height, but gives a panel
 * remembered from a taller window no more than half of this one. */
static void
place_findings_divider (NbWindow *self,
                        int       paned_height)
{
  int height = MIN (self->findings_height, paned_height / 2);

  self->placing_findings = TRUE;
  gtk_paned_set_position (self->findings_paned, paned_height - height);
  self->placing_findings = FALSE;
  self->findings_paned_height = paned_height;
  self->findings_placed = TRUE;
}

static void update_findings_panel (NbWindow *self);

static gboolean
place_findings_tick_cb (GtkWidget     *paned,
                        GdkFrameClock *clock,
                        gpointer       data)
{
  NbWindow *self = data;

  if (gtk_widget_get_height (paned) <= 0)
    return G_SOURCE_CONTINUE;
  self->findings_tick = 0;
  update_findings_panel (self);
  return G_SOURCE_REMOVE;
}

/* The panel shows when asked for and there is a report.  The first time,
 * the divider goes where the panel is as tall as it was last: that needs
 * the window's height, so a window not laid out yet shows its panel one
 * frame later rather than at the wrong height. */
static void
update_findings_panel (NbWindow *self)
{
  gboolean shown = self->report != NULL && self->findings_visible;
  GtkWidget *paned = GTK_WIDGET (self->findings_paned);

  if (shown && !self->findings_placed)
    {
      if (gtk_widget_get_height (paned) <= 0)
        {
          if (self->findings_tick == 0)
            self->findings_tick = gtk_widget_add_tick_callback (paned, place_findings_tick_cb,
                                                                self, NULL);
          return;
        }
      place_findings_divider (self, gtk_widget_get_height (paned));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->findings_panel), shown);
}

/* The divider moved.  The panel keeps its height when the window changes
 * size (it does not resize with the paned); only a move at the same
 * height is the user's, and is remembered. */
static void
findings_paned_position_cb (NbWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->findings_paned));
  int panel;

  if (self->placing_findings || height <= 0 ||
      !gtk_widget_get_visible (GTK_WIDGET (self->findings_panel)))
    return;
  if (height != self->findings_paned_height)
    {
      self->findings_paned_height = height;
      return;
    }
  panel = height - gtk_paned_get_position (self->findings_paned);
  if (panel == self->findings_height)
    return;
  self->findings_height = panel;
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "findings-height", MAX (panel, 40));
}

gboolean
nb_window_get_findings_visible (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  return self->findings_visible;
}

/**
 * nb_window_set_findings_visible:
 * Shows or hides the problems panel (win.show-findings, F8), in this
 * window and, remembered, in the next.  The problems button in the
 * header bar keeps the count of errors either way.
 */
void
nb_window_set_findings_visible (NbWindow *self,
                                gboolean  visible)
{
  g_return_if_fail (NB_IS_WINDOW (self));

  visible = !!visible;
  if (self->findings_visible == visible)
    return;
  self->findings_visible = visible;
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "findings-visible", visible);
  update_findings_panel (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDINGS_VISIBLE]);
}

/**
 * nb_window_get_findings_height:
 * Returns: the problems panel's height, from the divider down, as the
 *   window keeps it (and the settings remember it)
 */
int
nb_window_get_findings_height (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), 0);
  return self->findings_height;
}

/* ---- recovery -------------------------------------------------------------- */

/**
 * nb_window_write_recovery:
 * Writes the recovery copy now (the window does so every few seconds
 * while there are unsaved changes).
 */
gboolean
nb_window_write_recovery (NbWindow  *self,
                          GError   **error)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);

  if (self->report == NULL)
    return TRUE;
  return nb_recovery_write (self->recovery_id, self->report, self->path, &self->stamp, error);
}

const char *
nb_window_get_recovery_id (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->recovery_id;
}

static gboolean
autosave_cb (gpointer data)
{
  NbWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;
  if (nb_window_get_modified (self) && !nb_window_write_recovery (self, &error))
    g_warning ("Cannot write the recovery copy: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (NbWindow *self)
{
  if (nb_window_get_modified (self))
    {
      if (self->autosave_source == 0)
        self->autosave_source = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      nb_recovery_remove (self->recovery_id);
    }
}

static void
undo_notify_cb (NbUndoStack *undo,
                GParamSpec  *pspec,
                NbWindow    *self)
{
  update_title (self);
  _nb_window_actions_update (self);
}

static void
report_changed_cb (NbReport *report,
                   NbWindow *self)
{
  schedule_autosave (self);
  update_state (self);
}

/* ---- the report's pages ------------------------------------------------------ */

static void
table_view_message_cb (NbTableView *view,
                       const char  *message,
                       NbWindow    *self)
{
  _nb_window_toast (self, message);
}

static void
clear_report_view (NbWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);
  for (guint s = 0; s <= NB_N_SECTIONS; s++)
    {
      g_autofree char *name = g_strdup_printf ("section-%u", s);
      GtkWidget *page = gtk_stack_get_child_by_name (self->section_stack, name);

      if (page != NULL)
        gtk_stack_remove (self->section_stack, page);
      self->pages[s] = NULL;
      self->rows[s] = NULL;
    }
}

static const char *
section_title (guint section)
{
  return section == 0 ? _("Basic Information") : nb_section_heading (section);
}

static void
set_page_read_only (GtkWidget *page,
                    gboolean   read_only)
{
  if (NB_IS_TABLE_PAGE (page))
    nb_table_page_set_read_only (NB_TABLE_PAGE (page), read_only);
  else if (NB_IS_TEXT_PAGE (page))
    nb_text_page_set_read_only (NB_TEXT_PAGE (page), read_only);
  else if (NB_IS_INFO_PAGE (page))
    nb_info_page_set_read_only (NB_INFO_PAGE (page), read_only);
}

/**
 * _nb_window_set_read_only:
 * A finalized report (定稿) is shown read-only: its pages, built and to
 * be built, take no edit, and the actions that change it are off.
 */
void
_nb_window_set_read_only (NbWindow *self,
                          gboolean  read_only)
{
  self->read_only = !!read_only;
  _nb_window_commit_edits (self);
  for (guint s = 0; s <= NB_N_SECTIONS; s++)
    if (self->pages[s] != NULL)
      set_page_read_only (self->pages[s], self->read_only);
  _nb_window_actions_update (self);
}

/* Pages are built when first shown (or needed), so that a report opens
 * fast: a table page holds a few hundred widgets. */
static GtkWidget *
ensure_page (NbWindow *self,
             guint     section)
{
  GtkWidget *page, *scrolled;
  g_autofree char *name = NULL;

  if (self->pages[section] != NULL || self->report == NULL)
    return self->pages[section];

  if (section == 0)
    page = nb_info_page_new (self->report);
  else if (nb_section_is_text (section))
    page = nb_text_page_new (self->report, section);
  else
    {
      page = nb_table_page_new (self->report, section, self->undo);
      nb_table_page_set_findings (NB_TABLE_PAGE (page), nb_checker_get_findings (self->checker));
      for (guint i = 0; i < nb_report_get_n_tables (self->report); i++)
        {
          const NbTableDef *def = nb_table_get_def (nb_report_get_table_at (self->report, i));
          NbTableView *view = nb_table_page_get_view (NB_TABLE_PAGE (page), def->key);

          if (view != NULL)
            g_signal_connect_object (view, "message", G_CALLBACK (table_view_message_cb), self,
                                     G_CONNECT_DEFAULT);
        }
    }
  self->pages[section] = page;
  set_page_read_only (page, self->read_only);

  name = g_strdup_printf ("section-%u", section);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), page);
  nb_accessible_set_label (scrolled, section_title (section));
  gtk_stack_add_named (self->section_stack, scrolled, name);
  return page;
}

/* After the first frame, the other pages are built one by one while
 * the window is idle, so that switching to them is instant. */
static gboolean
prebuild_cb (gpointer data)
{
  NbWindow *self = data;

  for (guint s = 0; s <= NB_N_SECTIONS; s++)
    if (self->report != NULL && self->pages[s] == NULL)
      {
        ensure_page (self, s);
        return G_SOURCE_CONTINUE;
      }
  self->prebuild_source = 0;
  return G_SOURCE_REMOVE;
}

static void
build_report_view (NbWindow *self)
{
  for (guint s = 0; s <= NB_N_SECTIONS; s++)
    {
      self->rows[s] = nb_section_row_new (s, section_title (s));
      gtk_list_box_append (self->sidebar, self->rows[s]);
    }
  if (self->prebuild_source == 0)
    self->prebuild_source = g_idle_add_full (G_PRIORITY_LOW, prebuild_cb, self, NULL);

  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (self->rows[0]));
}

static void
drop_report (NbWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->prebuild_source, g_source_remove);
  g_clear_handle_id (&self->state_source, g_source_remove);
  nb_findings_panel_set_checker (self->findings_panel, NULL);
  clear_report_view (self);
  g_signal_group_set_target (self->findings_signals, NULL);
  g_signal_group_set_target (self->undo_signals, NULL);
  g_signal_group_set_target (self->report_signals, NULL);
  g_binding_group_set_source (self->report_bindings, NULL);
  g_clear_object (&self->checker);
  g_clear_object (&self->undo);
  g_clear_object (&self->report);
  g_clear_pointer (&self->path, g_free);
  self->recovered = FALSE;
  self->read_only = FALSE;
  self->finalize_pending = FALSE;
}

static gboolean
update_recent_cb (gpointer data)
{
  NbWindow *self = data;

  self->recent_source = 0;
  _nb_window_update_recent (self);
  return G_SOURCE_REMOVE;
}

/**
 * _nb_window_queue_update_recent:
 * Lists the recent reports (the start view and the Open menu) once the
 * window is idle: that reads each report for its title, and opening a
 * report changes the list before the window first shows.
 */
void
_nb_window_queue_update_recent (NbWindow *self)
{
  if (self->recent_source == 0)
    self->recent_source = g_idle_add_full (G_PRIORITY_LOW, update_recent_cb, self, NULL);
}

/**
 * nb_window_set_report:
 * @report: (nullable): the report to show, or %NULL for the start view
 * @path: (nullable): the file it was read from
 *
 * Shows @report, as saved.
 */
void
nb_window_set_report (NbWindow   *self,
                      NbReport   *report,
                      const char *path)
{
  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (report == NULL || NB_IS_REPORT (report));

  nb_recovery_remove (self->recovery_id);
  _nb_window_end_import_review (self);
  drop_report (self);

  if (report != NULL)
    {
      self->report = g_object_ref (report);
      self->path = g_strdup (path);
      /* what is on disk now: the report shown is based on it */
      memset (&self->stamp, 0, sizeof self->stamp);
      if (path != NULL)
        nb_file_stamp_read (&self->stamp, path, NULL);
      self->checker = nb_checker_new (report);
      self->shown_errors = self->shown_warnings = -1;
      self->undo = nb_undo_stack_new (report);

      build_report_view (self);
      nb_findings_panel_set_checker (self->findings_panel, self->checker);

      g_signal_group_set_target (self->findings_signals, nb_checker_get_findings (self->checker));
      g_signal_group_set_target (self->undo_signals, self->undo);
      g_signal_group_set_target (self->report_signals, report);
      g_binding_group_set_source (self->report_bindings, report);
      gtk_stack_set_visible_child_name (self->main_stack, "report");
      update_findings_panel (self);
      /* GTK loads a hidden status page's icon (an SVG, through librsvg)
       * when the window is shown. */
      adw_status_page_set_icon_name (self->start_page, NULL);
      update_state (self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "start");
      update_findings_panel (self);
      adw_status_page_set_icon_name (self->start_page, APP_ID);
      _nb_window_queue_update_recent (self);
    }

  _nb_window_update_final_state (self);
  update_title (self);
  _nb_window_actions_update (self);
}

/**
 * nb_window_load_path:
 * Reads a report and shows it.  On failure the window stays as it was.
 */
gboolean
nb_window_load_path (NbWindow    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(NbReport) report = NULL;
  NbFileStamp stamp;

  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);

  report = nb_report_load_from_path_stamped (path, &stamp, error);
  if (report == NULL)
    return FALSE;
  nb_window_set_report (self, report, path);
  self->stamp = stamp;
  _nb_window_add_recent (self, path);
  return TRUE;
}

/**
 * nb_window_open_path:
 * Like nb_window_load_path(), telling the user in a dialog what failed.
 * A published report (a PDF, page, text or Word document, by its name)
 * is imported instead.
 */
gboolean
nb_window_open_path (NbWindow   *self,
                     const char *path)
{
  g_autoptr(GError) error = NULL;

  if (_nb_window_is_published_path (path))
    {
      if (_nb_window_import_path (self, path, &error))
        return TRUE;
      {
        g_autofree char *name = g_path_get_basename (path);
        _nb_window_show_gerror (self, _("Could Not Import “%s”"), name, error);
      }
      return FALSE;
    }
  if (!nb_window_load_path (self, path, &error))
    {
      g_autofree char *name = g_path_get_basename (path);

      /* Translators: %s is a file name */
      _nb_window_show_gerror (self, _("Could Not Open “%s”"), name, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * nb_window_save_to_path:
 * @flags: %NB_SAVE_OVERWRITE_CHANGED to write over a file that another
 *   program changed since the window read or wrote it
 *
 * Writes the report (atomically) and marks it saved.  Saving to the
 * report's own file fails with %NB_FILE_ERROR_CHANGED when another
 * program changed that file meanwhile; the edits stay in the window.
 */
gboolean
nb_window_save_to_path (NbWindow     *self,
                        const char   *path,
                        NbSaveFlags   flags,
                        GError      **error)
{
  NbFileStamp stamp = { 0 };

  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->report != NULL, FALSE);

  _nb_window_commit_edits (self);
  /* a new name is written as it is; the own file only as last seen */
  if (g_strcmp0 (self->path, path) == 0)
    stamp = self->stamp;
  if (!nb_report_save_to_path_checked (self->report, path, &stamp, flags, error))
    return FALSE;
  self->stamp = stamp;
  if (g_strcmp0 (self->path, path) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (path);
    }
  self->recovered = FALSE;
  nb_undo_stack_set_clean (self->undo);
  schedule_autosave (self);
  _nb_window_add_recent (self, path);
  update_title (self);
  _nb_window_actions_update (self);
  return TRUE;
}

/**
 * nb_window_restore_recovery:
 * Shows a report restored from a recovery copy: it stays unsaved, and
 * saving writes to the file it was a copy of.  The report is based on
 * what that file held when the copy was written, not on what it holds
 * now: if another program wrote it since, the first save asks, as any
 * save over an outside change does.
 */
void
nb_window_restore_recovery (NbWindow              *self,
                            const NbRecoveryEntry *entry,
                            NbReport              *report)
{
  g_return_if_fail (NB_IS_WINDOW (self));

  nb_window_set_report (self, report, entry->original);
  if (entry->original != NULL)
    self->stamp = entry->base;
  g_free (self->recovery_id);
  self->recovery_id = g_strdup (entry->id);
  _nb_window_mark_unsaved (self);
}

/**
 * _nb_window_commit_edits:
 * Writes what is being typed in a cell, so that saving, printing or
 * exporting includes it.
 */
void
_nb_window_commit_edits (NbWindow *self)
{
  if (self->report == NULL)
    return;
  for (guint i = 0; i < nb_report_get_n_tables (self->report); i++)
    {
      const NbTableDef *def = nb_table_get_def (nb_report_get_table_at (self->report, i));
      NbTableView *view = self->pages[def->section] != NULL
                        ? nb_table_page_get_view (NB_TABLE_PAGE (self->pages[def->section]), def->key)
                        : NULL;

      if (view != NULL)
        nb_table_view_commit_edit (view);
    }
}

void
_nb_window_mark_unsaved (NbWindow *self)
{
  self->recovered = TRUE;
  update_title (self);
  _nb_window_actions_update (self);
  schedule_autosave (self);
}

NbReport *
nb_window_get_report (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->report;
}

const char *
nb_window_get_path (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->path;
}

gboolean
nb_window_get_modified (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  return self->report != NULL &&
         (self->recovered || nb_undo_stack_get_modified (self->undo));
}

NbUndoStack *
nb_window_get_undo_stack (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->undo;
}

NbChecker *
nb_window_get_checker (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->checker;
}

NbFindingsPanel *
nb_window_get_findings_panel (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->findings_panel;
}

NbSectionRow *
nb_window_get_section_row (NbWindow *self,
                           guint     section)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (section <= NB_N_SECTIONS, NULL);
  return self->rows[section] != NULL ? NB_SECTION_ROW (self->rows[section]) : NULL;
}

void
nb_window_show_section (NbWindow *self,
                        guint     section)
{
  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (section <= NB_N_SECTIONS);

  if (self->rows[section] != NULL)
    gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (self->rows[section]));
}

guint
nb_window_get_section (NbWindow *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (NB_IS_WINDOW (self), 0);
  row = gtk_list_box_get_selected_row (self->sidebar);
  return row != NULL ? nb_section_row_get_section (NB_SECTION_ROW (row)) : 0;
}

/**
 * nb_window_get_table_view:
 * Returns: (transfer none) (nullable): the view of a table of the report
 */
NbTableView *
nb_window_get_table_view (NbWindow   *self,
                          const char *table_key)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  if (self->report == NULL)
    return NULL;
  for (guint i = 0; i < nb_report_get_n_tables (self->report); i++)
    {
      const NbTableDef *def = nb_table_get_def (nb_report_get_table_at (self->report, i));

      if (g_strcmp0 (def->key, table_key) == 0)
        return nb_table_page_get_view (NB_TABLE_PAGE (ensure_page (self, def->section)), table_key);
    }
  return NULL;
}

/**
 * nb_window_goto_finding:
 * Selects the finding's section and focuses its first cell (or the
 * section's editor).
 */
gboolean
nb_window_goto_finding (NbWindow  *self,
                        NbFinding *finding)
{
  const char * const *cells;
  guint section;

  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (NB_IS_FINDING (finding), FALSE);

  if (self->report == NULL)
    return FALSE;
  section = MIN (nb_finding_get_section (finding), NB_N_SECTIONS);
  nb_window_show_section (self, section);

  cells = nb_finding_get_cells (finding);
  if (cells != NULL && cells[0] != NULL)
    {
      g_autofree char *table_key = NULL, *row_key = NULL, *column_key = NULL;

      if (nb_table_parse_address (cells[0], &table_key, &row_key, &column_key))
        {
          NbTableView *view = nb_window_get_table_view (self, table_key);
          const NbTableDef *def = view != NULL ? nb_table_get_def (nb_table_view_get_table (view)) : NULL;
          int r = def != NULL ? nb_table_def_find_row (def, row_key) : -1;
          int c = def != NULL ? nb_table_def_find_column (def, column_key) : -1;

          if (r >= 0 && c >= 0)
            return nb_table_view_focus_cell (view, r, c);
        }
    }

  _nb_window_focus_section (self, section);
  return TRUE;
}

/**
 * _nb_window_focus_section:
 * Puts the focus where work on @section starts: the organ's field, the
 * section's text, the first cell of its first table.  (Not the first
 * focusable widget: on the information page that is the page's scroller,
 * which neither the user nor a screen reader sees as a place.)
 *
 * Returns: whether the focus moved there
 */
gboolean
_nb_window_focus_section (NbWindow *self,
                          guint     section)
{
  ensure_page (self, section);
  if (NB_IS_TEXT_PAGE (self->pages[section]))
    return nb_text_page_focus (NB_TEXT_PAGE (self->pages[section]));
  if (NB_IS_INFO_PAGE (self->pages[section]))
    return nb_info_page_focus (NB_INFO_PAGE (self->pages[section]));
  if (NB_IS_TABLE_PAGE (self->pages[section]))
    return nb_table_page_focus (NB_TABLE_PAGE (self->pages[section]));
  return FALSE;
}

/* ---- callbacks ------------------------------------------------------------- */

static void
sidebar_row_selected_cb (NbWindow      *self,
                         GtkListBoxRow *row)
{
  g_autofree char *name = NULL;

  if (row == NULL)
    return;
  ensure_page (self, nb_section_row_get_section (NB_SECTION_ROW (row)));
  name = g_strdup_printf ("section-%u", nb_section_row_get_section (NB_SECTION_ROW (row)));
  gtk_stack_set_visible_child_name (self->section_stack, name);
}

/* Return on a section goes into it: the keyboard (and a screen reader)
 * need not Tab through the sections after it, each of which the focus
 * would show on its way. */
static void
sidebar_row_activated_cb (NbWindow      *self,
                          GtkListBoxRow *row)
{
  sidebar_row_selected_cb (self, row);
  _nb_window_focus_section (self, nb_section_row_get_section (NB_SECTION_ROW (row)));
}

static void
findings_panel_activate_finding_cb (NbWindow  *self,
                                    NbFinding *finding)
{
  nb_window_goto_finding (self, finding);
}

static void
recent_row_activated_cb (NbWindow      *self,
                         GtkListBoxRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (path != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", path);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         NbWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", path);
    }
  return TRUE;
}

/* ---- closing --------------------------------------------------------------- */

/**
 * _nb_window_destroy_from:
 * @dialog: the dialog whose answer closes the window
 *
 * Destroys the window from the answer of a dialog transient for it.  The
 * dialog outlives the window (it goes once its answer is handled, the
 * window freed by then), so it is let go of the window first: a dialog
 * still transient for a freed window touches it as it goes.
 */
void
_nb_window_destroy_from (NbWindow  *self,
                         GtkWindow *dialog)
{
  gtk_window_set_transient_for (dialog, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   NbWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      nb_recovery_remove (self->recovery_id);
      self->closing = TRUE;
      _nb_window_destroy_from (self, GTK_WINDOW (dialog));
    }
  else if (g_str_equal (response, "save"))
    {
      self->closing = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
      /* Saving may need a file name first (Save As); the window closes
       * once the report is saved. */
      if (!nb_window_get_modified (self))
        _nb_window_destroy_from (self, GTK_WINDOW (dialog));
    }
}

static void
save_window_size (NbWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
nb_window_close_request (GtkWindow *window)
{
  NbWindow *self = NB_WINDOW (window);
  GtkWidget *dialog;

  save_window_size (self);
  _nb_window_commit_edits (self);
  if (self->closing || !nb_window_get_modified (self))
    {
      nb_recovery_remove (self->recovery_id);
      return GTK_WINDOW_CLASS (nb_window_parent_class)->close_request (window);
    }

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("The report has changes that are not saved. Closing without saving loses them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- GObject --------------------------------------------------------------- */

static void
nb_window_dispose (GObject *object)
{
  NbWindow *self = (NbWindow *) object;

  drop_report (self);
  g_clear_handle_id (&self->menus_source, g_source_remove);
  g_clear_handle_id (&self->recent_source, g_source_remove);
  if (self->findings_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->findings_paned), self->findings_tick);
  self->findings_tick = 0;
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_WINDOW);

  G_OBJECT_CLASS (nb_window_parent_class)->dispose (object);
}

static void
nb_window_finalize (GObject *object)
{
  NbWindow *self = (NbWindow *) object;

  g_free (self->recovery_id);
  g_hash_table_unref (self->shown_error_messages);
  g_clear_object (&self->report_signals);
  g_clear_object (&self->report_bindings);
  g_clear_object (&self->undo_signals);
  g_clear_object (&self->findings_signals);

  G_OBJECT_CLASS (nb_window_parent_class)->finalize (object);
}

static void
nb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NbWindow *self = NB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FINDINGS_VISIBLE:
      g_value_set_boolean (value, nb_window_get_findings_visible (self));
      break;
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, gtk_widget_get_visible (self->sidebar_scroller));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NbWindow *self = NB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FINDINGS_VISIBLE:
      nb_window_set_findings_visible (self, g_value_get_boolean (value));
      break;
    case PROP_SIDEBAR_VISIBLE:
      if (gtk_widget_get_visible (self->sidebar_scroller) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (self->sidebar_scroller, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_window_class_init (NbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nb_window_dispose;
  object_class->finalize = nb_window_finalize;
  object_class->get_property = nb_window_get_property;
  object_class->set_property = nb_window_set_property;
  window_class->close_request = nb_window_close_request;

  nb_ui_ensure_resources ();
  g_type_ensure (NB_TYPE_FINDINGS_PANEL);

  /**
   * NbWindow:findings-visible:
   * Whether the findings panel shows (the win.show-findings action).
   */
  properties[PROP_FINDINGS_VISIBLE] =
    g_param_spec_boolean ("findings-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * NbWindow:sidebar-visible:
   * Whether the section sidebar shows (win.show-sidebar, F9): a small
   * screen gives its width to the tables.
   */
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nb_window_class_actions_init (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, save_button);
  /* Only named for screen readers (gtk_widget_get_template_child ()). */
  gtk_widget_class_bind_template_child_full (widget_class, "new_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "start_open_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "start_import_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_button);
  gtk_widget_class_bind_template_callback (widget_class, findings_button_query_tooltip_cb);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_icon);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, final_revealer);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, final_banner);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, final_icon);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, final_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, final_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, sidebar_scroller);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_paned);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, main_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, findings_panel_activate_finding_cb);
  gtk_widget_class_bind_template_callback (widget_class, findings_paned_position_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
}

/* The menus' popovers are built after the first frame: nobody opens a
 * menu before the window shows, and they cost start-up time. */
static gboolean
attach_menus_cb (gpointer data)
{
  NbWindow *self = data;

  self->menus_source = 0;
  gtk_menu_button_set_menu_model (self->menu_button, self->main_menu);
  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (self->recent_menu));
  return G_SOURCE_REMOVE;
}

/**
 * _nb_window_show_help_overlay:
 * The keyboard shortcuts window, built the first time it is asked for
 * (GTK would build it for every window at start), then set as the
 * window's help overlay so that it shows the application's accelerators.
 */
void
_nb_window_show_help_overlay (NbWindow *self)
{
  if (!self->help_overlay_set)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/nianbao/Nianbao/ui/help-overlay.ui");
      GtkShortcutsWindow *overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
      self->help_overlay_set = TRUE;
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self))));
}

/* The names GTK 4.8 gets wrong in the template (see nb-accessible.c). */
static void
name_for_screen_readers (NbWindow *self)
{
  static const char *const text_buttons[] = { "new_button", "start_open_button", "start_import_button", NULL };

  nb_accessible_name_split_button (self->open_button);
  nb_accessible_name_from_child (self->save_button);
  nb_accessible_name_from_children (GTK_WIDGET (self), NB_TYPE_WINDOW, text_buttons);
  /* An AdwStatusPage scrolls its content in a scroller of its own. */
  nb_accessible_set_label (nb_accessible_find_part (GTK_WIDGET (self->start_page), GTK_TYPE_SCROLLED_WINDOW),
                           _("Start"));
}

static void
nb_window_init (NbWindow *self)
{
  static const char *const undo_properties[] = {
    "notify::modified", "notify::can-undo", "notify::can-redo",
  };
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  name_for_screen_readers (self);
  self->finding_cursor = -1;
  self->findings_height = DEFAULT_FINDINGS_HEIGHT;
  self->recovery_id = g_uuid_string_random ();
  self->shown_error_messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = settings_or_null ();

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      self->findings_visible = g_settings_get_boolean (self->settings, "findings-visible");
      self->findings_height = g_settings_get_int (self->settings, "findings-height");
    }

  self->report_signals = g_signal_group_new (NB_TYPE_REPORT);
  g_signal_group_connect_object (self->report_signals, "changed", G_CALLBACK (report_changed_cb),
                                 self, G_CONNECT_AFTER);
  self->report_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->report_bindings, "title", self, "title",
                             G_BINDING_SYNC_CREATE, title_shown_cb, NULL, NULL, NULL);
  g_binding_group_bind_full (self->report_bindings, "title", self->window_title, "title",
                             G_BINDING_SYNC_CREATE, title_shown_cb, NULL, NULL, NULL);
  self->undo_signals = g_signal_group_new (NB_TYPE_UNDO_STACK);
  for (guint i = 0; i < G_N_ELEMENTS (undo_properties); i++)
    g_signal_group_connect_object (self->undo_signals, undo_properties[i],
                                   G_CALLBACK (undo_notify_cb), self, G_CONNECT_DEFAULT);
  self->findings_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->findings_signals, "items-changed",
                                 G_CALLBACK (findings_changed_cb), self, G_CONNECT_DEFAULT);

  _nb_window_actions_init (self);
  self->menus_source = g_idle_add_full (G_PRIORITY_LOW, attach_menus_cb, self, NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  nb_window_set_report (self, NULL, NULL);
}

/**
 * nb_window_new:
 * @application: (nullable): the application the window belongs to
 */
NbWindow *
nb_window_new (GtkApplication *application)
{
  return g_object_new (NB_TYPE_WINDOW, "application", application, NULL);
}

/* ---- crash recovery --------------------------------------------------------- */

static gboolean
recovery_in_use (NbWindow   *self,
                 const char *id)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (g_strcmp0 (self->recovery_id, id) == 0)
    return TRUE;
  if (app != NULL)
    for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
      if (NB_IS_WINDOW (l->data) && g_strcmp0 (NB_WINDOW (l->data)->recovery_id, id) == 0)
        return TRUE;
  return FALSE;
}

static GPtrArray *
stray_recovery (NbWindow *self)
{
  GPtrArray *entries = nb_recovery_list ();

  for (guint i = entries->len; i > 0; i--)
    {
      NbRecoveryEntry *entry = g_ptr_array_index (entries, i - 1);
      if (recovery_in_use (self, entry->id))
        g_ptr_array_remove_index (entries, i - 1);
    }
  return entries;
}

/**
 * nb_window_restore_all_recovery:
 * Opens every recovery copy left by a crash: the first in this window
 * if it shows nothing, the others in new windows.
 *
 * Returns: how many reports were restored
 */
guint
nb_window_restore_all_recovery (NbWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  guint restored = 0;

  g_return_val_if_fail (NB_IS_WINDOW (self), 0);

  entries = stray_recovery (self);
  for (guint i = 0; i < entries->len; i++)
    {
      NbRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = nb_recovery_load (entry, &error);
      NbWindow *window = self;

      if (report == NULL)
        {
          _nb_window_show_gerror (self, _("Could Not Restore a Report"), NULL, error);
          continue;
        }
      if (self->report != NULL || restored > 0)
        {
          GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
          if (app == NULL)
            break;
          window = nb_window_new (app);
          gtk_window_present (GTK_WINDOW (window));
        }
      nb_window_restore_recovery (window, entry, report);
      restored++;
    }
  return restored;
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      NbWindow         *self)
{
  if (g_str_equal (response, "restore"))
    nb_window_restore_all_recovery (self);
  else if (g_str_equal (response, "discard"))
    {
      g_autoptr(GPtrArray) entries = stray_recovery (self);
      for (guint i = 0; i < entries->len; i++)
        nb_recovery_remove (((NbRecoveryEntry *) g_ptr_array_index (entries, i))->id);
    }
}

/**
 * nb_window_offer_recovery:
 * Asks whether to restore the reports a crash left unsaved, if any.
 *
 * Returns: (transfer none) (nullable): the dialog asking, or %NULL
 */
GtkWidget *
nb_window_offer_recovery (NbWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *dialog;
  GString *body;

  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  entries = stray_recovery (self);
  if (entries->len == 0)
    return NULL;

  body = g_string_new (g_dngettext (NULL,
                                    "Nianbao stopped before a report was saved. Its last changes were kept:",
                                    "Nianbao stopped before some reports were saved. Their last changes were kept:",
                                    entries->len));
  for (guint i = 0; i < entries->len; i++)
    {
      NbRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *name = entry->original != NULL ? g_path_get_basename (entry->original)
                                                      : g_strdup (_("New report"));
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (entry->modified);
      g_autofree char *time = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("");

      g_string_append_printf (body, "\n%s (%s)", name, time);
      if (nb_recovery_entry_changed_on_disk (entry))
        g_string_append_printf (body, "\n%s",
                                _("Another program changed this file after the copy was kept; "
                                  "saving will ask before overwriting those changes."));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), body->str);
  g_string_free (body, TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
