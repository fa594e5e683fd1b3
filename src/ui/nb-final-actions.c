/* nb-final-actions.c — the signed copy in the window: drafts, 定稿, verify
 *
 * A report with errors says so before it prints or exports a copy to
 * sign or publish.  win.finalize freezes it as 定稿 (nb_report_finalize(),
 * as `nianbao finalize` does) and shows it read-only under a banner;
 * win.unfinalize makes it editable again, its history kept.  win.verify
 * compares a published copy with the report (nb_verify_report(), as
 * `nianbao verify` does), and win.compare-version the report with one of
 * its 定稿 versions (nb_verify_version(), as `nianbao compare --version`
 * does).  docs/finalize.md tells the whole story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-accessible.h"
#include "nb-comparison-row.h"
#include "nb-comparison-window.h"
#include "nb-docx-reader.h"
#include "nb-import.h"
#include "nb-report-writer.h"
#include "nb-verify.h"
#include "nb-window-private.h"

/* Differences listed in the verify dialog; the rest are counted. */
#define MAX_LISTED 40

/* ---- a draft says so first --------------------------------------------------- */

static NbFinding *
first_error (NbWindow *self)
{
  GListModel *findings = nb_checker_get_findings (self->checker);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

      if (nb_finding_get_severity (finding) == NB_SEVERITY_ERROR)
        return g_steal_pointer (&finding);
    }
  return NULL;
}

static void
draft_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   NbWindow         *self)
{
  NbWindowFunc proceed = g_object_get_data (G_OBJECT (dialog), "nb-proceed");

  if (self->report == NULL)
    return;
  if (g_str_equal (response, "goto"))
    {
      g_autoptr(NbFinding) finding = first_error (self);

      nb_window_set_findings_visible (self, TRUE);
      if (finding != NULL)
        nb_window_goto_finding (self, finding);
    }
  else if (g_str_equal (response, "draft"))
    proceed (self);
}

/**
 * _nb_window_guard_draft:
 * @proceed: prints, previews or exports the copy to sign or publish
 *
 * Runs @proceed at once for a report without errors.  A report with
 * errors first says how many, and offers to go to the first, to go on
 * with a draft (marked 草稿 on every page, as the print does) or to stop.
 *
 * Returns: (transfer none) (nullable): the dialog asking, or %NULL when
 *   @proceed ran
 */
GtkWidget *
_nb_window_guard_draft (NbWindow     *self,
                        NbWindowFunc  proceed)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint errors;

  if (self->report == NULL)
    return NULL;
  _nb_window_commit_edits (self);
  errors = nb_checker_count (self->checker, NB_SEVERITY_ERROR, -1);
  if (errors == 0)
    {
      proceed (self);
      return NULL;
    }

  /* The footer's words, with no-break spaces: they stay on one line. */
  body = g_strdup_printf (g_dngettext (NULL,
                                       "The report has %u error. A copy printed or exported now "
                                       "is a draft: every page says 草稿 · 未通过核对.",
                                       "The report has %u errors. A copy printed or exported now "
                                       "is a draft: every page says 草稿 · 未通过核对.",
                                       errors), errors);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Report Has Errors"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "draft", _("Continue as _Draft"),
                                    "goto", _("_Go to First Error"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "goto",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "goto");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "nb-proceed", proceed);
  g_signal_connect_object (dialog, "response", G_CALLBACK (draft_response_cb), self,
                           G_CONNECT_DEFAULT);
  nb_accessible_name_responses (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ---- the banner ---------------------------------------------------------------- */

static void
show_banner (NbWindow   *self,
             const char *text,
             gboolean    warning,
             const char *button_label,
             const char *button_action)
{
  gtk_label_set_text (self->final_label, text);
  gtk_image_set_from_icon_name (self->final_icon,
                                warning ? "dialog-warning-symbolic" : "changes-prevent-symbolic");
  if (warning)
    gtk_widget_add_css_class (self->final_banner, "warning");
  else
    gtk_widget_remove_css_class (self->final_banner, "warning");
  /* no button where the banner has nothing to offer */
  gtk_widget_set_visible (GTK_WIDGET (self->final_button), button_label != NULL);
  if (button_label != NULL)
    gtk_button_set_label (self->final_button, button_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->final_button), button_action);
  gtk_widget_set_visible (GTK_WIDGET (self->final_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->final_revealer, TRUE);
}

/**
 * _nb_window_update_final_state:
 * A report finalized (定稿) and unchanged since is shown read-only under
 * a banner with its date and fingerprint.  One whose file was changed
 * outside Nianbao since is not the 定稿 any more (its print does not
 * say 定稿, `nianbao check` fails): it stays editable, under a warning
 * with both fingerprints, until it is finalized again.  A file whose
 * history was changed (the content kept for a version no longer has its
 * fingerprint) is shown under a warning that says which version.
 */
void
_nb_window_update_final_state (NbWindow *self)
{
  NbReportVersion *version = self->report != NULL ? nb_report_get_final_version (self->report)
                                                  : NULL;
  g_autoptr(GError) changed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  gboolean intact = self->report == NULL || nb_report_final_is_intact (self->report, &changed);

  if (version == NULL && intact)
    {
      /* hidden, not only folded: a screen reader finds no empty banner */
      gtk_widget_set_visible (GTK_WIDGET (self->final_revealer), FALSE);
      gtk_revealer_set_reveal_child (self->final_revealer, FALSE);
      _nb_window_set_read_only (self, FALSE);
      return;
    }
  if (intact)
    {
      /* Translators: the banner over a finalized report: its date, its fingerprint */
      text = g_strdup_printf (_("Finalized (定稿) on %s · fingerprint %s"), version->date,
                              version->fingerprint);
      show_banner (self, text, FALSE, _("_Unfinalize…"), "win.unfinalize");
      _nb_window_set_read_only (self, TRUE);
      return;
    }
  now = nb_report_fingerprint (self->report);
  if (version != NULL && g_strcmp0 (now, version->fingerprint) != 0)
    {
      /* Translators: the date a report was finalized, its fingerprint then, its fingerprint when opened */
      text = g_strdup_printf (_("Changed outside Nianbao after it was finalized (定稿) on %s: "
                                "fingerprint %s then, %s when opened. This is not the finalized "
                                "version; check it and finalize it again."),
                              version->date, version->fingerprint, now);
      show_banner (self, text, TRUE, _("_Finalize Again…"), "win.finalize");
    }
  else
    /* a version's kept content was changed: finalizing again would not mend it */
    show_banner (self, changed->message, TRUE, NULL, NULL);
  _nb_window_set_read_only (self, FALSE);
}

/* ---- 定稿 ------------------------------------------------------------------------- */

/**
 * _nb_window_finalize_now:
 * Records the 定稿 version (nb_report_finalize()), forgets the undo
 * history (a 定稿 is not undone into a draft), shows the report
 * read-only and saves it.  The caller has checked for errors.
 */
void
_nb_window_finalize_now (NbWindow *self)
{
  NbReportVersion *version;
  g_autofree char *message = NULL;

  /* A 定稿 changed outside Nianbao: what it holds now is finalized anew. */
  if (nb_report_get_finalized (self->report))
    nb_report_set_finalized (self->report, FALSE);
  version = nb_report_finalize (self->report, NULL);
  nb_undo_stack_forget (self->undo);
  /* unsaved until written: closing asks if the save does not happen */
  _nb_window_mark_unsaved (self);
  _nb_window_update_final_state (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
  if (nb_window_get_modified (self))
    return;
  /* Translators: a toast: the date and the fingerprint of the version just finalized */
  message = g_strdup_printf (_("Finalized (定稿) on %s, fingerprint %s"), version->date,
                             version->fingerprint);
  _nb_window_toast (self, message);
}

/**
 * _nb_window_finalize:
 * What win.finalize does: refuses a report with errors, saying why;
 * asks for a place first for a report never saved (as Save As does);
 * else finalizes at once.
 *
 * Returns: (transfer none) (nullable): the dialog refusing, if any
 */
GtkWidget *
_nb_window_finalize (NbWindow *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint errors;

  if (self->report == NULL || self->read_only)
    return NULL;
  _nb_window_commit_edits (self);
  errors = nb_checker_count (self->checker, NB_SEVERITY_ERROR, -1);
  if (errors > 0)
    {
      body = g_strdup_printf (g_dngettext (NULL,
                                           "The report has %u error. A report with errors "
                                           "cannot be finalized (定稿); the problems panel lists it.",
                                           "The report has %u errors. A report with errors "
                                           "cannot be finalized (定稿); the problems panel lists them.",
                                           errors), errors);
      nb_window_set_findings_visible (self, TRUE);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Finalize the Report"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      nb_accessible_name_responses (ADW_MESSAGE_DIALOG (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }
  if (self->path == NULL)
    {
      self->finalize_pending = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
      return NULL;
    }
  _nb_window_finalize_now (self);
  return NULL;
}

static void
finalize_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _nb_window_finalize (NB_WINDOW (widget));
}

static void
unfinalize_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        NbWindow         *self)
{
  if (!g_str_equal (response, "unfinalize") || self->report == NULL)
    return;
  nb_report_set_finalized (self->report, FALSE);
  _nb_window_mark_unsaved (self);
  _nb_window_update_final_state (self);
  if (self->path != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
}

/**
 * _nb_window_unfinalize:
 * Asks, then makes the report editable again (解除定稿) and saves it; its
 * versions stay, and finalizing again adds one.
 *
 * Returns: (transfer none) (nullable): the dialog asking
 */
GtkWidget *
_nb_window_unfinalize (NbWindow *self)
{
  NbReportVersion *version;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->report == NULL || !self->read_only)
    return NULL;
  version = nb_report_get_final_version (self->report);
  /* Translators: the date and the fingerprint of the finalized version */
  body = g_strdup_printf (_("The report becomes editable again. The finalized version of %s "
                            "(fingerprint %s) stays in its history, and finalizing again records "
                            "a new version. A copy signed or published before no longer matches "
                            "once the report changes."),
                          version->date, version->fingerprint);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unfinalize the Report?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "unfinalize", _("_Unfinalize"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unfinalize",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unfinalize_response_cb), self,
                           G_CONNECT_DEFAULT);
  nb_accessible_name_responses (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
unfinalize_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _nb_window_unfinalize (NB_WINDOW (widget));
}

/* ---- verify a published copy ---------------------------------------------------- */

static const char *
shown (const char *value)
{
  return *value != '\0' ? value : _("(blank)");
}

static void
append_difference (GString                  *list,
                   const NbVerifyDifference *d)
{
  if (list->len > 0)
    g_string_append (list, "\n\n");
  switch (d->kind)
    {
    case NB_VERIFY_CELL_DIFFERS:
      /* Translators: a cell's labels, its value in the report, its value in the published copy */
      g_string_append_printf (list, _("%s: %s in the report, %s published"), d->label,
                              shown (d->expected), shown (d->published));
      break;
    case NB_VERIFY_CELL_NOT_READ:
      g_string_append_printf (list, _("%s: %s in the report, not read in the published copy"),
                              d->label, shown (d->expected));
      break;
    case NB_VERIFY_TEXT_DIFFERS:
      /* Translators: a section's heading, then the passage of the report and of the published copy */
      g_string_append_printf (list, _("%s: the text differs\nreport: %s\npublished: %s"), d->label,
                              shown (d->expected), shown (d->published));
      break;
    case NB_VERIFY_TEXT_NOT_READ:
    default:
      g_string_append_printf (list, _("%s: not read in the published copy (the section was not "
                                      "found)"), d->label);
    }
}

/* The differences, selectable, in a scroller under the dialog's text. */
static GtkWidget *
differences_view (GPtrArray *differences)
{
  GString *list = g_string_new (NULL);
  GtkWidget *label, *scrolled;

  for (guint i = 0; i < differences->len && i < MAX_LISTED; i++)
    append_difference (list, g_ptr_array_index (differences, i));
  if (differences->len > MAX_LISTED)
    g_string_append_printf (list, "\n\n%s", _("… and more"));
  label = gtk_label_new (list->str);
  g_string_free (list, TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_name (label, "differences");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Differences"), -1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  return scrolled;
}

/* What a copy that holds the report's numbers and texts confirms: the
 * 定稿 it is, or why there is none to name (as `nianbao verify` says). */
static char *
same_text (NbWindow   *self,
           const char *name)
{
  NbReportVersion *version = nb_report_get_final_version (self->report);
  g_autoptr(GError) tampered = NULL;

  if (version == NULL)
    return g_strdup_printf (_("“%s” holds exactly the report’s numbers and texts, but the report "
                              "is not finalized (定稿): there is no version to name, and it may "
                              "still change."), name);
  if (!nb_report_final_is_intact (self->report, &tampered))
    return g_strdup_printf (_("“%s” holds exactly the report’s numbers and texts, but %s"), name,
                            tampered->message);
  /* Translators: a file name, the date and the fingerprint of the finalized version */
  return g_strdup_printf (_("“%s” holds exactly the numbers and texts of the 定稿 of %s, "
                            "fingerprint %s."), name, version->date, version->fingerprint);
}

/**
 * _nb_window_verify_path:
 * Reads a published copy (as import does, in the report's edition),
 * compares it with the report (nb_verify_report()) and says the result
 * in a dialog: the version it is, or what differs.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL with @error
 *   when the copy cannot be read or is no report
 */
GtkWidget *
_nb_window_verify_path (NbWindow    *self,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(NbReport) published = NULL;
  NbImportOptions options;
  GtkWidget *dialog;
  gboolean same;
  gsize length;

  g_return_val_if_fail (self->report != NULL, NULL);

  if ((data = nb_import_read_file (path, &length, error)) == NULL)
    return NULL;
  nb_import_options_init (&options);
  options.edition = (int) nb_report_get_edition (self->report);
  published = nb_office_import_report (data, length, &options, &messages, error);
  if (published == NULL)
    return NULL;
  _nb_window_commit_edits (self);
  differences = nb_verify_report (self->report, published, messages);
  same = differences->len == 0;

  if (same)
    body = same_text (self, name);
  else
    /* Translators: a file name, then how many differences */
    body = g_strdup_printf (g_dngettext (NULL,
                                         "“%s” does not hold what the report holds: %u difference.",
                                         "“%s” does not hold what the report holds: %u differences.",
                                         differences->len), name, differences->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   same ? _("The Published Copy Matches")
                                        : _("The Published Copy Differs"),
                                   body);
  if (!same)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), differences_view (differences));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  nb_accessible_name_responses (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
verify_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    NbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || _nb_window_verify_path (self, path, &error) == NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *heading = g_strdup_printf (_("Could Not Verify “%s”"), name);

          _nb_window_show_error (self, heading,
                                 error != NULL ? error->message
                                               : _("Only local files can be verified."));
        }
    }
  g_object_unref (chooser);
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->report == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Verify Published Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Verify"), _("_Cancel"));
  _nb_window_add_published_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (verify_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- compare with a 定稿 version ------------------------------------------------ */

/**
 * _nb_window_compare_with_version:
 * @number: the version, 1 for the first finalized
 *
 * Shows the comparison window with the report against its 定稿 version
 * @number: each cell and text that differs, the version's side first.
 *
 * Returns: (transfer none) (nullable): the comparison window, shown; %NULL
 *   when there is no such version or it kept no content
 */
GtkWidget *
_nb_window_compare_with_version (NbWindow  *self,
                                 guint      number,
                                 GError   **error)
{
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) changed = NULL;
  g_autofree char *fingerprint = NULL, *summary = NULL, *subtitle = NULL, *before = NULL;
  const NbReportVersion *version;
  guint n_texts = 0;
  GtkWidget *window;

  g_return_val_if_fail (self->report != NULL, NULL);

  _nb_window_commit_edits (self);
  differences = nb_verify_version (self->report, number, error);
  if (differences == NULL)
    return NULL;
  version = g_ptr_array_index (nb_report_get_versions (self->report), number - 1);
  fingerprint = nb_report_fingerprint (self->report);
  for (guint i = 0; i < differences->len; i++)
    n_texts += ((NbVerifyDifference *) g_ptr_array_index (differences, i))->kind ==
               NB_VERIFY_TEXT_DIFFERS;
  /* Translators: the counts, the version's date and fingerprint, the report's fingerprint now */
  summary = g_strdup_printf (_("%u cells and %u texts differ from the version finalized (定稿) on "
                               "%s with fingerprint %s; the report now has fingerprint %s."),
                             differences->len - n_texts, n_texts, version->date,
                             version->fingerprint, fingerprint);
  if (!nb_report_final_is_intact (self->report, &changed))
    {
      g_autofree char *plain = g_steal_pointer (&summary);
      summary = g_strconcat (plain, "\n", changed->message, NULL);
    }
  model = nb_differences_to_model (differences);
  window = nb_comparison_window_new (GTK_WINDOW (self), summary, model);
  /* Translators: the version's number, date and fingerprint */
  subtitle = g_strdup_printf (_("定稿 %u of %s · fingerprint %s"), number, version->date,
                              version->fingerprint);
  /* Translators: a column's heading: the version finalized on that day */
  before = g_strdup_printf (_("定稿 of %s"), version->date);
  nb_comparison_window_set_sides (NB_COMPARISON_WINDOW (window),
                                  _("Compared With a Finalized Version"), subtitle, before,
                                  _("Now"));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
choose_version_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            NbWindow         *self)
{
  g_autoptr(GError) error = NULL;
  guint64 number;

  if (self->report == NULL || !g_ascii_string_to_unsigned (response, 10, 1, G_MAXUINT, &number,
                                                           NULL))
    return;
  if (_nb_window_compare_with_version (self, (guint) number, &error) == NULL)
    _nb_window_show_gerror (self, _("Could Not Compare"), NULL, error);
}

/**
 * _nb_window_choose_version:
 * What win.compare-version does: asks which 定稿 version to compare the
 * report with, each by its date and fingerprint (one kept by an older
 * Nianbao without its content cannot be chosen).
 *
 * Returns: (transfer none) (nullable): the dialog asking
 */
GtkWidget *
_nb_window_choose_version (NbWindow *self)
{
  GPtrArray *versions;
  GtkWidget *dialog;

  if (self->report == NULL || nb_report_get_versions (self->report)->len == 0)
    return NULL;
  versions = nb_report_get_versions (self->report);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Compare With a Finalized Version"),
                                   _("Each cell and text that differs between the version "
                                     "chosen and the report as it is now is listed."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  for (guint i = versions->len; i > 0; i--)
    {
      const NbReportVersion *version = g_ptr_array_index (versions, i - 1);
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_autofree char *label = NULL;

      if (version->content != NULL)
        /* Translators: a version to choose: its number, date and fingerprint */
        label = g_strdup_printf (_("定稿 %u of %s · %s"), i, version->date, version->fingerprint);
      else
        /* Translators: a version an older Nianbao recorded without its content */
        label = g_strdup_printf (_("定稿 %u of %s · %s (content not kept)"), i, version->date,
                                 version->fingerprint);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, label);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), id,
                                               version->content != NULL);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (choose_version_response_cb), self,
                           G_CONNECT_DEFAULT);
  nb_accessible_name_responses (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
compare_version_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _nb_window_choose_version (NB_WINDOW (widget));
}

/* ---- the actions ---------------------------------------------------------------- */

void
_nb_window_final_actions_update (NbWindow *self)
{
  gboolean has_report = self->report != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.finalize", has_report && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unfinalize", has_report && self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.verify", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-version",
                                 has_report && nb_report_get_versions (self->report)->len > 0);
}

void
_nb_window_class_final_actions_init (NbWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.finalize", NULL, finalize_action);
  gtk_widget_class_install_action (widget_class, "win.unfinalize", NULL, unfinalize_action);
  gtk_widget_class_install_action (widget_class, "win.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "win.compare-version", NULL,
                                   compare_version_action);
}
