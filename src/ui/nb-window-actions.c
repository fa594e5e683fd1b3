/* nb-window-actions.c — what the window's menus, buttons and keys do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-cross-year.h"
#include "nb-display-text.h"
#include "nb-docx-reader.h"
#include "nb-docx-writer.h"
#include "nb-file.h"
#include "nb-new-report-dialog.h"
#include "nb-html-export.h"
#include "nb-import.h"
#include "nb-page-renderer.h"
#include "nb-print-operation.h"
#include "nb-print-preview.h"
#include "nb-report-export.h"
#include "nb-report-file.h"
#include "nb-window-private.h"
#include "nb-xlsx-writer.h"

#define MAX_RECENT 10

/* The type of a .nianbao file (data/io.github.nianbao.Nianbao.mime.xml.in) */
#define REPORT_MIME_TYPE "application/x-nianbao-report"

/* The window a report should open in: this one if it shows nothing,
 * otherwise a new one. */
/* A file chooser may hand back a place that is no local file (a network
 * location without a path). */
static void
not_a_local_file (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The place chosen is not a file on this computer."));
}

static NbWindow *
window_for_open (NbWindow *self)
{
  NbWindow *window;

  if (nb_window_get_report (self) == NULL)
    return self;
  window = nb_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
open_in_window (NbWindow   *self,
                const char *path)
{
  /* Already open in a window of ours: show it. */
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
      if (NB_IS_WINDOW (l->data) && g_strcmp0 (nb_window_get_path (l->data), path) == 0)
        {
          gtk_window_present (l->data);
          return;
        }

  /* a published report is imported, in a new window if this one shows a report */
  if (nb_window_get_report (self) != NULL && !_nb_window_is_published_path (path))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = nb_report_load_from_path (path, &error);
      NbWindow *window;

      /* Check first, so that a bad file opens no empty window. */
      if (report == NULL)
        {
          g_autofree char *name = g_path_get_basename (path);

          _nb_window_show_gerror (self, _("Could Not Open “%s”"), name, error);
          return;
        }
      window = window_for_open (self);
      nb_window_set_report (window, report, path);
      _nb_window_add_recent (window, path);
      return;
    }
  nb_window_open_path (self, path);
}

static void
remember_folder (NbWindow *self,
                 GFile    *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent != NULL ? g_file_get_uri (parent) : NULL;

  if (self->settings != NULL && folder != NULL)
    g_settings_set_string (self->settings, "last-folder", folder);
}

static void
set_folder (NbWindow       *self,
            GtkFileChooser *chooser)
{
  g_autoptr(GFile) dir = NULL;

  if (self->path != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (self->path);
      dir = g_file_new_for_path (folder);
    }
  else if (self->settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");
      if (*uri != '\0')
        dir = g_file_new_for_uri (uri);
    }
  if (dir != NULL && g_file_query_file_type (dir, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    gtk_file_chooser_set_current_folder (chooser, dir, NULL);
}

static void
add_report_filter (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Nianbao reports"));
  gtk_file_filter_add_pattern (filter, "*.nianbao");
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  NbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      remember_folder (self, file);
      if (path != NULL)
        open_in_window (self, path);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Open Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_report_filter (GTK_FILE_CHOOSER (dialog));
  set_folder (self, GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_in_window (NB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     NbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      remember_folder (self, file);
      if (path != NULL && !g_str_has_suffix (path, ".nianbao"))
        {
          char *with_suffix = g_strconcat (path, ".nianbao", NULL);
          g_free (path);
          path = with_suffix;
        }
      if (path == NULL)
        not_a_local_file (&error);
      if (error != NULL || !nb_window_save_to_path (self, path, NB_SAVE_DEFAULT, &error))
        {
          /* unsaved: closing again asks again */
          self->closing = FALSE;
          _nb_window_show_gerror (self, _("Could Not Save the Report"), NULL, error);
        }
      else
        {
          _nb_window_toast (self, _("Saved"));
          if (self->finalize_pending)
            _nb_window_finalize_now (self);
          if (self->closing)
            gtk_window_destroy (GTK_WINDOW (self));
        }
    }
  else
    self->closing = FALSE;
  self->finalize_pending = FALSE;
  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_report_filter (GTK_FILE_CHOOSER (dialog));
  set_folder (self, GTK_FILE_CHOOSER (dialog));
  name = self->path != NULL ? g_path_get_basename (self->path)
                            : g_strconcat (nb_report_get_title (self->report), ".nianbao", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean save_here (NbWindow    *self,
                           NbSaveFlags  flags);

static void
changed_on_disk_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             NbWindow         *self)
{
  if (g_str_equal (response, "overwrite"))
    {
      if (save_here (self, NB_SAVE_OVERWRITE_CHANGED) && self->closing)
        _nb_window_destroy_from (self, GTK_WINDOW (dialog));
    }
  else if (g_str_equal (response, "save-as"))
    save_as_action (GTK_WIDGET (self), "win.save-as", NULL);
  else
    self->closing = FALSE;
}

/* Another program changed the report's file since the window read it:
 * the user decides, and nothing is written until then. */
static void
ask_about_changed_file (NbWindow   *self,
                        const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("The File Was Changed by Another Program"),
                                              message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (changed_on_disk_response_cb),
                           self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saves to the report's own file; says what happened. */
static gboolean
save_here (NbWindow    *self,
           NbSaveFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = nb_file_links_notice (self->path);

  if (nb_window_save_to_path (self, self->path, flags, &error))
    {
      _nb_window_toast (self, notice != NULL ? notice : _("Saved"));
      if (nb_checker_count (self->checker, NB_SEVERITY_ERROR, -1) > 0)
        nb_window_set_findings_visible (self, TRUE);
      return TRUE;
    }
  if (g_error_matches (error, NB_FILE_ERROR, NB_FILE_ERROR_CHANGED))
    ask_about_changed_file (self, error->message);
  else
    {
      self->closing = FALSE;
      _nb_window_show_gerror (self, _("Could Not Save the Report"), NULL, error);
    }
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->report == NULL)
    return;
  if (self->path == NULL)
    save_as_action (GTK_WIDGET (self), "win.save-as", NULL);
  else
    save_here (self, NB_SAVE_DEFAULT);
}

static void
new_report_create_cb (NbNewReportDialog *dialog,
                      NbReport          *report,
                      NbReport          *previous,
                      NbWindow          *self)
{
  NbWindow *window = window_for_open (self);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "default-organ", nb_report_get_organ (report));
  if (previous != NULL && nb_report_get_previous_link (report) == NULL)
    {
      /* linked in the file, so that the cross-year checks survive saving */
      g_autoptr(NbPreviousLink) link =
        nb_previous_link_new_for_path (previous, nb_new_report_dialog_get_previous_path (dialog), NULL);
      nb_report_set_previous_link (report, link);
    }
  nb_window_set_report (window, report, NULL);
  /* What the dialog took (the organ, the year, last year's numbers) is
   * typed work: closing before the first save asks. */
  _nb_window_mark_unsaved (window);
  if (previous != NULL)
    {
      nb_checker_set_previous (nb_window_get_checker (window), previous);
      _nb_window_toast (window, nb_next_year_hint ());
    }
  nb_window_show_section (window, 0);
}

static void
new_report_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  g_autofree char *organ = self->settings != NULL
                         ? g_settings_get_string (self->settings, "default-organ") : NULL;
  GtkWidget *dialog = nb_new_report_dialog_new (GTK_WINDOW (self), organ);

  g_signal_connect_object (dialog, "create", G_CALLBACK (new_report_create_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->undo != NULL)
    nb_undo_stack_undo (self->undo);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->undo != NULL)
    nb_undo_stack_redo (self->undo);
}

static void
restore_totals_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  guint restored = 0;
  g_autofree char *message = NULL;

  if (self->report == NULL)
    return;
  nb_undo_stack_begin (self->undo, _("Restore automatic totals"));
  for (guint i = 0; i < nb_report_get_n_tables (self->report); i++)
    restored += nb_table_restore_totals (nb_report_get_table_at (self->report, i));
  nb_undo_stack_end (self->undo);
  message = g_strdup_printf (g_dngettext (NULL, "%u total follows its parts again",
                                          "%u totals follow their parts again", restored),
                             restored);
  _nb_window_toast (self, restored > 0 ? message : _("All totals are automatic already"));
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _nb_window_show_help_overlay (NB_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Writes the JSON interchange data of the report to @path (atomically). */
gboolean
_nb_window_export_json (NbWindow    *self,
                        const char  *path,
                        GError     **error)
{
  _nb_window_commit_edits (self);
  return nb_report_export_json_to_path (self->report, nb_checker_get_findings (self->checker),
                                        path, error);
}

/* The printed report as PDF, as the command line writes it. */
gboolean
_nb_window_export_pdf (NbWindow    *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(NbPageRenderer) renderer = NULL;
  guint unknown;

  _nb_window_commit_edits (self);
  renderer = nb_print_operation_make_renderer (self->report, self->settings, NULL);
  if (!nb_page_renderer_write_pdf (renderer, path, error))
    return FALSE;
  unknown = nb_page_renderer_get_unknown_glyphs (renderer);
  if (unknown > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (NULL, "%u character has no glyph in the installed fonts and prints as a box",
                                      "%u characters have no glyph in the installed fonts and print as boxes",
                                      unknown), unknown);
      _nb_window_toast (self, message);
    }
  return TRUE;
}

/* The web page of the report (HTML), for the portal. */
gboolean
_nb_window_export_html (NbWindow    *self,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *fingerprint = NULL;

  _nb_window_commit_edits (self);
  fingerprint = nb_report_fingerprint (self->report);
  return nb_html_export_to_path (self->report, fingerprint,
                                 nb_checker_count (self->checker, NB_SEVERITY_ERROR, -1) > 0,
                                 path, error);
}

/* The report as a Word document, with the signature block when the
 * print has it. */
static gboolean
export_docx (NbWindow    *self,
             const char  *path,
             GError     **error)
{
  g_autofree char *fingerprint = NULL;

  _nb_window_commit_edits (self);
  fingerprint = nb_report_fingerprint (self->report);
  return nb_docx_export_to_path (self->report, fingerprint,
                                 self->settings == NULL
                                 || g_settings_get_boolean (self->settings, "include-signature-block"),
                                 nb_checker_count (self->checker, NB_SEVERITY_ERROR, -1) > 0,
                                 path, error);
}

/* The tables as a workbook, with the window's findings. */
static gboolean
export_xlsx (NbWindow    *self,
             const char  *path,
             GError     **error)
{
  g_autoptr(GBytes) book = NULL;
  gsize length;
  const char *data;

  _nb_window_commit_edits (self);
  book = nb_xlsx_export_report (self->report, nb_checker_get_findings (self->checker), error);
  if (book == NULL)
    return FALSE;
  data = g_bytes_get_data (book, &length);
  return nb_file_write_atomically (path, data, length, error);
}

typedef gboolean (*ExportFunc) (NbWindow *self, const char *path, GError **error);

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    NbWindow        *self)
{
  ExportFunc export = g_object_get_data (G_OBJECT (dialog), "export");

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *notice = path != NULL ? nb_file_links_notice (path) : NULL;
      g_autoptr(GError) error = NULL;

      remember_folder (self, file);
      if (path == NULL)
        not_a_local_file (&error);
      if (error != NULL || !export (self, path, &error))
        _nb_window_show_gerror (self, _("Could Not Export the Report"), NULL, error);
      else if (notice != NULL)
        _nb_window_toast (self, notice);
      else
        {
          g_autofree char *name = g_path_get_basename (path);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);
          _nb_window_toast (self, message);
        }
    }
  g_object_unref (dialog);
}

static void
export_with_chooser (NbWindow   *self,
                     const char *title,
                     const char *filter_name,
                     const char *suffix,
                     ExportFunc  export)
{
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;
  g_autofree char *name = NULL;
  g_autofree char *pattern = g_strconcat ("*", suffix, NULL);

  if (self->report == NULL)
    return;
  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  set_folder (self, GTK_FILE_CHOOSER (dialog));
  name = g_strconcat (nb_report_get_title (self->report), suffix, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "export", export);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  export_with_chooser (NB_WINDOW (widget), _("Export as JSON"), _("JSON data"), ".json",
                       _nb_window_export_json);
}

static void
export_pdf_now (NbWindow *self)
{
  export_with_chooser (self, _("Export as PDF"), _("PDF documents"), ".pdf",
                       _nb_window_export_pdf);
}

/* The PDF and the web page are copies to sign or publish: a report with
 * errors says so first (_nb_window_guard_draft()). */
static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _nb_window_guard_draft (NB_WINDOW (widget), export_pdf_now);
}

static void
export_docx_now (NbWindow *self)
{
  export_with_chooser (self, _("Export as Word Document"), _("Word documents"), ".docx",
                       export_docx);
}

/* A Word document is a copy to sign too: asked first as the PDF is. */
static void
export_docx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _nb_window_guard_draft (NB_WINDOW (widget), export_docx_now);
}

static void
export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  export_with_chooser (NB_WINDOW (widget), _("Export Tables as Spreadsheet"), _("Spreadsheets"),
                       ".xlsx", export_xlsx);
}

static void
export_html_now (NbWindow *self)
{
  export_with_chooser (self, _("Export as Web Page"), _("Web pages"), ".html",
                       _nb_window_export_html);
}

static void
export_html_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _nb_window_guard_draft (NB_WINDOW (widget), export_html_now);
}

/* ---- import ------------------------------------------------------------------ */

/* The names a published report's file ends with. */
static const char *const published_suffixes[] = { ".pdf", ".html", ".htm", ".txt", ".md", ".docx" };

/**
 * _nb_window_is_published_path:
 * Whether @path is named as a published report (a PDF, web page, text or
 * Word document) rather than a report of Nianbao's: opened, it is imported.
 */
gboolean
_nb_window_is_published_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (published_suffixes); i++)
    if (g_str_has_suffix (lower, published_suffixes[i]))
      return TRUE;
  return FALSE;
}

/**
 * _nb_window_add_published_filters:
 * The kinds of file a published report comes as, then all files.
 */
void
_nb_window_add_published_filters (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF, web pages, text and Word documents"));
  for (guint i = 0; i < G_N_ELEMENTS (published_suffixes); i++)
    {
      g_autofree char *pattern = g_strconcat ("*", published_suffixes[i], NULL);
      g_autofree char *upper = g_ascii_strup (pattern, -1);

      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_filter_add_pattern (filter, upper);
    }
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

/**
 * _nb_window_import_path:
 * Reads a published report (HTML, text copied from a web page or a PDF)
 * into a new, unsaved report, in this window if it shows nothing.
 * What the importer noticed is shown; a file that is no report changes
 * nothing.
 */
gboolean
_nb_window_import_path (NbWindow    *self,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  NbImportOptions options;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbImportSource) source = NULL;
  NbWindow *window;
  guint shown = 0;
  GString *body;

  if ((data = nb_import_read_file (path, &length, error)) == NULL)
    return FALSE;

  nb_import_options_init (&options);
  report = nb_office_import_report_with_source (data, length, &options, NULL, &messages, &source, error);
  if (report == NULL)
    return FALSE;

  window = window_for_open (self);
  nb_window_set_report (window, report, NULL);
  _nb_window_mark_unsaved (window);
  /* checked against the source beside it, until accepted */
  if (source != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      _nb_window_review_import (window, source, name);
    }

  /* What the importer could not place, or wants looked at. */
  body = g_string_new (NULL);
  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      NbImportMessage *message = g_ptr_array_index (messages, i);

      if (message->severity == NB_IMPORT_SEVERITY_INFO)
        continue;
      if (shown++ < 12)
        {
          g_autofree char *line = nb_import_message_to_words (message);
          g_string_append_printf (body, "%s%s", body->len > 0 ? "\n" : "", line);
        }
    }
  if (shown > 12)
    g_string_append_printf (body, "\n%s", _("… and more; the problems panel lists what the checks find."));
  if (shown > 0)
    _nb_window_show_error (window,
                           nb_import_messages_have_errors (messages)
                           ? _("Imported, but Some Data Was Not Placed")
                           : _("Imported; Please Look at These Places"),
                           body->str);
  /* beside the source, its pane says what to do */
  else if (source == NULL)
    _nb_window_toast (window, _("Imported; save it as a Nianbao report"));
  g_string_free (body, TRUE);
  return TRUE;
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    NbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      remember_folder (self, file);
      if (path == NULL)
        not_a_local_file (&error);
      if (error != NULL || !_nb_window_import_path (self, path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);

          _nb_window_show_gerror (self, _("Could Not Import “%s”"), name, error);
        }
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Import Published Report"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));

  _nb_window_add_published_filters (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  set_folder (self, GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- printing ----------------------------------------------------------------- */

static void
print_finished_cb (NbPrintOperation        *operation,
                   GtkPrintOperationResult  result,
                   const GError            *error,
                   NbWindow                *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (error != NULL)
        _nb_window_show_gerror (self, _("Could Not Print the Report"), NULL, error);
      else
        _nb_window_show_error (self, _("Could Not Print the Report"), NULL);
    }
}

static void
print_preview_requested_cb (NbPrintOperation *operation,
                            NbWindow         *self)
{
  _nb_window_print_preview (self);
}

/**
 * _nb_window_print:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or _EXPORT (with
 *   @export_path) to write the printed pages to a PDF; a preview asked
 *   for (the dialog's Preview button, or _PREVIEW) opens ours
 *
 * Prints the report as the PDF export and the preview lay it out; a
 * failure is shown in an error dialog (and returned in @error when it
 * happens at once).  With errors in the report, the problems panel opens
 * too.
 *
 * Returns: %FALSE when printing failed
 */
gboolean
_nb_window_print (NbWindow                *self,
                  GtkPrintOperationAction  action,
                  const char              *export_path,
                  GError                 **error)
{
  g_autoptr(NbPrintOperation) operation = NULL;

  if (self->report == NULL)
    return FALSE;
  _nb_window_commit_edits (self);
  if (nb_checker_count (self->checker, NB_SEVERITY_ERROR, -1) > 0)
    nb_window_set_findings_visible (self, TRUE);

  operation = nb_print_operation_new (self->report, self->settings);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), export_path);
  g_signal_connect_object (operation, "finished", G_CALLBACK (print_finished_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (operation, "preview-requested", G_CALLBACK (print_preview_requested_cb),
                           self, G_CONNECT_DEFAULT);
  return nb_print_operation_start (operation, action, GTK_WINDOW (self), error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * _nb_window_print_preview:
 * Shows the printed pages in a window of ours (not GTK's preview, which
 * needs an external viewer).
 *
 * Returns: (transfer none) (nullable): the preview window
 */
GtkWidget *
_nb_window_print_preview (NbWindow *self)
{
  GtkWidget *preview;

  if (self->report == NULL)
    return NULL;
  _nb_window_commit_edits (self);
  preview = nb_print_preview_new (GTK_WINDOW (self), self->report, self->settings);
  gtk_window_present (GTK_WINDOW (preview));
  return preview;
}

static void
print_now (NbWindow *self)
{
  _nb_window_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, NULL);
}

static void
print_preview_now (NbWindow *self)
{
  _nb_window_print_preview (self);
}

/* A report with errors says so before it prints (_nb_window_guard_draft()). */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _nb_window_guard_draft (NB_WINDOW (widget), print_now);
}

static void
print_preview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _nb_window_guard_draft (NB_WINDOW (widget), print_preview_now);
}

/* Reports in hand, the actions that need one are enabled. */
static const char *const report_actions[] = {
  "win.save", "win.save-as", "win.export-json", "win.export-pdf",
  "win.export-html", "win.export-docx", "win.export-xlsx", "win.show-findings",
   "win.print", "win.print-preview",
};

void
_nb_window_actions_update (NbWindow *self)
{
  gboolean has_report = self->report != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (report_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), report_actions[i], has_report);
  /* a finalized report (定稿) is not changed, nor undone into a draft */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-totals",
                                 has_report && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_report && !self->read_only && nb_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_report && !self->read_only && nb_undo_stack_can_redo (self->undo));
  _nb_window_cross_actions_update (self);
  _nb_window_final_actions_update (self);

  gtk_widget_set_visible (self->save_button, has_report);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_button), has_report);
}

/* ---- recent files ------------------------------------------------------------ */

void
_nb_window_add_recent (NbWindow   *self,
                       const char *path)
{
  g_autofree char *uri = NULL;
  g_autofree char *exec = NULL;
  GtkRecentData data = { 0 };

  if (path == NULL)
    return;
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return;
  exec = g_strdup_printf ("%s %%u", g_get_prgname ());
  data.mime_type = (char *) REPORT_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = exec;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  /* newest first */
  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

/* The reports of the desktop's recently used files, newest first, at most
 * MAX_RECENT: their URIs. */
static GStrv
recent_reports (void)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) reports = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GList *l = items; l != NULL; l = l->next)
    if (gtk_recent_info_is_local (l->data)
        && g_strcmp0 (gtk_recent_info_get_mime_type (l->data), REPORT_MIME_TYPE) == 0)
      g_ptr_array_add (reports, l->data);
  g_ptr_array_sort (reports, compare_recent);
  for (guint i = 0; i < reports->len && i < MAX_RECENT; i++)
    g_strv_builder_add (builder, gtk_recent_info_get_uri (g_ptr_array_index (reports, i)));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return g_strv_builder_end (builder);
}

void
_nb_window_update_recent (NbWindow *self)
{
  g_auto(GStrv) recent = NULL;
  GtkWidget *child;
  guint shown = 0;

  g_menu_remove_all (self->recent_section);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  recent = recent_reports ();
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *path = g_filename_from_uri (recent[i], NULL, NULL);
      g_autoptr(GFile) file = path != NULL ? g_file_new_for_path (path) : NULL;
      g_autoptr(GFileInfo) info = file != NULL
        ? g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL)
        : NULL;
      g_autofree char *name = path != NULL ? g_path_get_basename (path) : NULL;
      g_autofree char *folder = path != NULL ? g_path_get_dirname (path) : NULL;
      g_autofree char *subtitle = NULL;
      g_autoptr(GMenuItem) item = NULL;
      g_autoptr(GDateTime) modified = NULL;
      g_autofree char *when = NULL;
      GtkWidget *row;

      if (info == NULL)
        continue;
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (path));
      g_menu_append_item (self->recent_section, item);

      modified = g_file_info_get_modification_date_time (info);
      when = modified != NULL ? g_date_time_format (modified, "%Y-%m-%d %H:%M") : g_strdup ("");
      row = adw_action_row_new ();

      /* The start view names each report by its title and year; the
       * files are small and read fast.  A file that no longer reads is
       * listed by its name. */
      {
        g_autoptr(NbReport) report = nb_report_load_from_path (path, NULL);

        if (report != NULL)
          {
            g_autofree char *title = nb_display_text (nb_report_get_title (report), NULL);

            /* Translators: the report's year, its file name, its folder, when it was last saved */
            subtitle = g_strdup_printf (_("%d · %s in %s · saved %s"), nb_report_get_year (report),
                                        name, folder, when);
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          }
        else
          {
            /* Translators: a folder, then when a file in it was last saved */
            subtitle = g_strdup_printf (_("%s · saved %s"), folder, when);
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
          }
      }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  gtk_widget_set_visible (self->recent_heading, shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
}

static void
recent_manager_changed_cb (GtkRecentManager *manager,
                           NbWindow         *self)
{
  _nb_window_queue_update_recent (self);
}

/* The window's actions and their keys, for every window; called from
 * nb_window_class_init().  show-findings is the findings-visible
 * property. */
void
_nb_window_class_actions_init (NbWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    const char                  *name;
    const char                  *parameter_type;
    GtkWidgetActionActivateFunc  activate;
  } actions[] = {
    { "win.new-report", NULL, new_report_action },
    { "win.open", NULL, open_action },
    { "win.open-recent", "s", open_recent_action },
    { "win.import", NULL, import_action },
    { "win.save", NULL, save_action },
    { "win.save-as", NULL, save_as_action },
    { "win.export-json", NULL, export_json_action },
    { "win.export-pdf", NULL, export_pdf_action },
    { "win.export-html", NULL, export_html_action },
    { "win.export-docx", NULL, export_docx_action },
    { "win.export-xlsx", NULL, export_xlsx_action },
    { "win.print", NULL, print_action },
    { "win.print-preview", NULL, print_preview_action },
    { "win.undo", NULL, undo_action },
    { "win.redo", NULL, redo_action },
    { "win.restore-totals", NULL, restore_totals_action },
    { "win.close", NULL, close_action },
    { "win.show-help-overlay", NULL, show_help_overlay_action },
  };
  static const struct {
    guint            key;
    GdkModifierType  modifiers;
    const char      *action;
  } bindings[] = {
    { GDK_KEY_o, GDK_CONTROL_MASK, "win.open" },
    { GDK_KEY_s, GDK_CONTROL_MASK, "win.save" },
    { GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as" },
    { GDK_KEY_z, GDK_CONTROL_MASK, "win.undo" },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo" },
    { GDK_KEY_y, GDK_CONTROL_MASK, "win.redo" },
    /* F8 (the problems) is with the keys the window takes first: nb-keyboard-actions.c */
    { GDK_KEY_F9, 0, "win.show-sidebar" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "win.print" },
    { GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.print-preview" },
    { GDK_KEY_w, GDK_CONTROL_MASK, "win.close" },
    { GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);
  gtk_widget_class_install_property_action (widget_class, "win.show-findings", "findings-visible");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "sidebar-visible");
  _nb_window_class_cross_actions_init (klass);
  _nb_window_class_final_actions_init (klass);
  _nb_window_class_keyboard_actions_init (klass);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].modifiers,
                                         bindings[i].action, NULL);
}

/* Follows the desktop's recently used files; called from nb_window_init(). */
void
_nb_window_actions_init (NbWindow *self)
{
  _nb_window_keyboard_shortcuts_init (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_manager_changed_cb), self, G_CONNECT_DEFAULT);
}
