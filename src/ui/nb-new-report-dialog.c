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

#include "nb-new-report-dialog.h"
#include "nb-ui-resources.h"

struct _NbNewReportDialog
{
  AdwWindow      parent_instance;

  AdwEntryRow   *organ_row;
  GtkSpinButton *year_spin;
  AdwComboRow   *edition_row;
  GtkWidget     *create_button;
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
  g_autofree char *organ = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organ_row))));

  nb_report_set_organ (report, organ);
  nb_report_set_year (report, gtk_spin_button_get_value_as_int (self->year_spin));
  return report;
}

/**
 * nb_new_report_dialog_create:
 * Emits ::create with the report and closes the dialog.
 */
void
nb_new_report_dialog_create (NbNewReportDialog *self)
{
  g_autoptr(NbReport) report = nb_new_report_dialog_build (self);

  g_signal_emit (self, signals[CREATE], 0, report);
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
   * @report: the new, empty report
   */
  signals[CREATE] =
    g_signal_new ("create",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NB_TYPE_REPORT);

  nb_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-new-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, organ_row);
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, edition_row);
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nb_new_report_dialog_init (NbNewReportDialog *self)
{
  g_autoptr(GtkStringList) editions = gtk_string_list_new (NULL);
  g_autofree char *e2021 = NULL, *e2019 = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

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
