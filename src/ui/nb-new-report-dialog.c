/* nb-new-report-dialog.c — asks what a new report is for
 *
 * Organ (remembered from last time), year (last calendar year: reports
 * are written in January for the year before) and the format, which
 * follows the year unless chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-new-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-accessible.h"
#include "nb-new-report-dialog.h"
#include "nb-report-file.h"
#include "nb-text.h"
#include "nb-ui-resources.h"

struct _NbNewReportDialog
{
  AdwWindow      parent_instance;

  AdwEntryRow   *organ_row;
  GtkSpinButton *year_spin;
  AdwComboRow   *edition_row;
  AdwActionRow  *previous_row;
  GtkWidget     *previous_clear;
  GtkWidget     *create_button;
  NbReport      *previous;
  char          *previous_path;
};

G_DEFINE_FINAL_TYPE (NbNewReportDialog, nb_new_report_dialog, ADW_TYPE_WINDOW)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * nb_new_report_default_year:
 * The year a report written today is most likely for: last year.
 */
int
nb_new_report_default_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return CLAMP (g_date_time_get_year (now) - 1, NB_YEAR_MIN, NB_YEAR_MAX);
}

static void
year_changed_cb (NbNewReportDialog *self)
{
  NbEdition edition = nb_edition_for_year (gtk_spin_button_get_value_as_int (self->year_spin));

  adw_combo_row_set_selected (self->edition_row, edition == NB_EDITION_2021 ? 0 : 1);
}

/* 二、上年结转 is last year's 四、结转下年度继续办理, column by column. */
static void
carry_over (NbReport *report,
            NbReport *previous)
{
  NbTable *table = nb_report_get_table (report, "s3_requests");
  NbTable *last = nb_report_get_table (previous, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  const NbTableDef *last_def = nb_table_get_def (last);
  int to = nb_table_def_find_row (def, "carried_over");
  int from = nb_table_def_find_row (last_def, "carried_forward");

  for (guint c = 0; c < def->n_columns; c++)
    {
      int lc = nb_table_def_find_column (last_def, def->columns[c].key);

      if (lc < 0 || def->columns[c].n_parts > 0 ||
          nb_table_get_state (last, from, lc) != NB_CELL_NUMBER)
        continue;
      nb_table_set_number (table, to, c, nb_table_get_number (last, from, lc), NULL);
    }
}

/**
 * nb_new_report_dialog_build:
 * Returns: (transfer full): the report the dialog describes
 */
NbReport *
nb_new_report_dialog_build (NbNewReportDialog *self)
{
  NbEdition edition = adw_combo_row_get_selected (self->edition_row) == 0 ? NB_EDITION_2021
                                                                          : NB_EDITION_2019;
  NbReport *report = nb_report_new (edition);
  g_autofree char *organ = nb_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->organ_row)));

  nb_report_set_organ (report, organ);
  nb_report_set_year (report, gtk_spin_button_get_value_as_int (self->year_spin));
  if (self->previous != NULL)
    carry_over (report, self->previous);
  return report;
}

/**
 * nb_new_report_dialog_set_previous_path:
 * @path: (nullable): last year's report, or %NULL for none
 *
 * Returns: %FALSE, with @error set, when the file cannot be read
 */
gboolean
nb_new_report_dialog_set_previous_path (NbNewReportDialog  *self,
                                        const char         *path,
                                        GError            **error)
{
  g_autoptr(NbReport) previous = NULL;

  g_return_val_if_fail (NB_IS_NEW_REPORT_DIALOG (self), FALSE);

  if (path != NULL)
    {
      previous = nb_report_load_from_path (path, error);
      if (previous == NULL)
        return FALSE;
    }
  g_set_object (&self->previous, previous);
  g_free (self->previous_path);
  self->previous_path = g_strdup (path);

  if (previous != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      adw_action_row_set_subtitle (self->previous_row, name);
      /* Last year's report: this year is the one after it. */
      if (nb_report_get_year (previous) > 0)
        gtk_spin_button_set_value (self->year_spin, nb_report_get_year (previous) + 1);
    }
  else
    adw_action_row_set_subtitle (self->previous_row, _("None"));
  gtk_widget_set_visible (self->previous_clear, previous != NULL);
  return TRUE;
}

/**
 * nb_new_report_dialog_get_previous_path:
 * Returns: (nullable): the file of last year's report, if one was chosen
 */
const char *
nb_new_report_dialog_get_previous_path (NbNewReportDialog *self)
{
  g_return_val_if_fail (NB_IS_NEW_REPORT_DIALOG (self), NULL);
  return self->previous_path;
}

NbReport *
nb_new_report_dialog_get_previous (NbNewReportDialog *self)
{
  g_return_val_if_fail (NB_IS_NEW_REPORT_DIALOG (self), NULL);
  return self->previous;
}

static void
previous_response_cb (GtkNativeDialog   *chooser,
                      int                response,
                      NbNewReportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !nb_new_report_dialog_set_previous_path (self, path, &error))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Read Last Year’s Report"),
                                                      error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  g_object_unref (chooser);
}

static void
previous_choose_clicked_cb (NbNewReportDialog *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Last Year’s Report"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Nianbao reports"));
  gtk_file_filter_add_pattern (filter, "*.nianbao");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (previous_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
previous_clear_clicked_cb (NbNewReportDialog *self)
{
  nb_new_report_dialog_set_previous_path (self, NULL, NULL);
}

/**
 * nb_new_report_dialog_create:
 * Emits ::create with the report and closes the dialog.
 */
void
nb_new_report_dialog_create (NbNewReportDialog *self)
{
  g_autoptr(NbReport) report = nb_new_report_dialog_build (self);

  g_signal_emit (self, signals[CREATE], 0, report, self->previous);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_clicked_cb (NbNewReportDialog *self)
{
  nb_new_report_dialog_create (self);
}

static void
nb_new_report_dialog_dispose (GObject *object)
{
  NbNewReportDialog *self = (NbNewReportDialog *) object;

  g_clear_object (&self->previous);
  g_clear_pointer (&self->previous_path, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), NB_TYPE_NEW_REPORT_DIALOG);
  G_OBJECT_CLASS (nb_new_report_dialog_parent_class)->dispose (object);
}

static void
nb_new_report_dialog_class_init (NbNewReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_new_report_dialog_dispose;

  /**
   * NbNewReportDialog::create:
   * @report: the new report
   * @previous: (nullable): last year's report, if one was chosen
   */
  signals[CREATE] =
    g_signal_new ("create",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, NB_TYPE_REPORT, NB_TYPE_REPORT);

  nb_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-new-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, organ_row);
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, edition_row);
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, previous_row);
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, previous_clear);
  /* Only named for screen readers (gtk_widget_get_template_child ()). */
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "previous_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "identity_group", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "previous_group", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, previous_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nb_new_report_dialog_init (NbNewReportDialog *self)
{
  static const char *const text_buttons[] = { "cancel_button", "previous_button", NULL };
  g_autoptr(GtkStringList) editions = gtk_string_list_new (NULL);
  g_autofree char *e2021 = NULL, *e2019 = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  nb_accessible_name_from_children (GTK_WIDGET (self), NB_TYPE_NEW_REPORT_DIALOG, text_buttons);
  nb_accessible_name_from_child (self->create_button);
  /* The lists and the scroller libadwaita builds inside its widgets. */
  nb_accessible_name_part (GTK_WIDGET (self), NB_TYPE_NEW_REPORT_DIALOG, "page", GTK_TYPE_SCROLLED_WINDOW,
                           _("New Report"));
  nb_accessible_name_part (GTK_WIDGET (self), NB_TYPE_NEW_REPORT_DIALOG, "identity_group", GTK_TYPE_LIST_BOX,
                           _("Organ, Year and Format"));
  nb_accessible_name_part (GTK_WIDGET (self), NB_TYPE_NEW_REPORT_DIALOG, "previous_group", GTK_TYPE_LIST_BOX,
                           _("Start from Last Year’s Report"));
  nb_accessible_set_label (nb_accessible_find_part (GTK_WIDGET (self->edition_row), GTK_TYPE_LIST_VIEW),
                           _("Format"));

  /* Translators: %s is the number of the official document that set a format */
  e2021 = g_strdup_printf (_("2021 format (%s)"), nb_edition_get (NB_EDITION_2021)->document);
  e2019 = g_strdup_printf (_("2019 format (%s)"), nb_edition_get (NB_EDITION_2019)->document);
  gtk_string_list_append (editions, e2021);
  gtk_string_list_append (editions, e2019);
  adw_combo_row_set_model (self->edition_row, G_LIST_MODEL (editions));

  gtk_spin_button_set_value (self->year_spin, nb_new_report_default_year ());
  year_changed_cb (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
}

/**
 * nb_new_report_dialog_new:
 * @organ: (nullable): the organ to propose
 */
GtkWidget *
nb_new_report_dialog_new (GtkWindow  *parent,
                          const char *organ)
{
  NbNewReportDialog *self = g_object_new (NB_TYPE_NEW_REPORT_DIALOG,
                                          "transient-for", parent,
                                          NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->organ_row), organ != NULL ? organ : "");
  return GTK_WIDGET (self);
}
