/* nb-info-page.c — the report's basic information (基本信息)
 *
 * Organ, year, the format (fixed when the report is made), the title
 * (made from organ and year unless written) and the date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-info-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-accessible.h"
#include "nb-display-text.h"
#include "nb-info-page.h"
#include "nb-text.h"
#include "nb-ui-resources.h"

struct _NbInfoPage
{
  GtkWidget      parent_instance;

  NbReport      *report;
  GtkWidget     *clamp;
  AdwEntryRow   *organ_row;
  GtkSpinButton *year_spin;
  AdwActionRow  *edition_row;
  AdwEntryRow   *title_row;
  GtkWidget     *title_reset;
  AdwEntryRow   *date_row;
  gboolean       updating;
  gboolean       read_only;   /* the report is finalized (定稿) */
};

G_DEFINE_FINAL_TYPE (NbInfoPage, nb_info_page, GTK_TYPE_WIDGET)

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Shows a text from the file as it may be laid out (nb_display_text()).
 * A text that had to be shortened or cleaned is shown but cannot be
 * edited here: an edit would write the shortened text over the whole. */
static void
set_file_text_entry (NbInfoPage  *self,
                     AdwEntryRow *row,
                     const char  *text)
{
  gboolean changed;
  g_autofree char *shown = nb_display_text (text, &changed);

  set_entry (row, shown);
  gtk_editable_set_editable (GTK_EDITABLE (row), !changed && !self->read_only);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row),
                               changed ? _("This text is too long, has too many accents or has "
                                           "direction controls, and is shown shortened; it cannot "
                                           "be edited here")
                                       : NULL);
}

static void
update_from_report (NbInfoPage *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  set_file_text_entry (self, self->organ_row, nb_report_get_organ (self->report));
  if (nb_report_get_year (self->report) > 0)
    gtk_spin_button_set_value (self->year_spin, nb_report_get_year (self->report));
  set_file_text_entry (self, self->title_row, nb_report_get_title (self->report));
  set_entry (self->date_row, nb_report_get_date (self->report));
  gtk_editable_set_editable (GTK_EDITABLE (self->date_row), !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_spin), !self->read_only);
  gtk_widget_set_sensitive (self->title_reset,
                            !self->read_only && nb_report_has_custom_title (self->report));
  self->updating = FALSE;
}

static void
report_notify_cb (NbReport   *report,
                  GParamSpec *pspec,
                  NbInfoPage *self)
{
  update_from_report (self);
}

static void
organ_changed_cb (GtkEditable *editable,
                  NbInfoPage  *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  nb_report_set_organ (self->report, gtk_editable_get_text (editable));
  self->updating = FALSE;
  update_from_report (self);
}

static void
year_changed_cb (GtkSpinButton *spin,
                 NbInfoPage    *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  nb_report_set_year (self->report, gtk_spin_button_get_value_as_int (spin));
  self->updating = FALSE;
  update_from_report (self);
}

static void
title_changed_cb (GtkEditable *editable,
                  NbInfoPage  *self)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *derived = NULL;

  if (self->updating)
    return;
  derived = nb_report_derive_title (nb_report_get_organ (self->report),
                                    nb_report_get_year (self->report));
  self->updating = TRUE;
  nb_report_set_title (self->report, g_strcmp0 (text, derived) == 0 ? NULL : text);
  self->updating = FALSE;
  gtk_widget_set_sensitive (self->title_reset, nb_report_has_custom_title (self->report));
}

/* A date as the file format has it: YYYY-MM-DD, a real day. */
static gboolean
is_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  iso = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  return date != NULL;
}

static void
date_changed_cb (GtkEditable *editable,
                 NbInfoPage  *self)
{
  g_autofree char *text = NULL;
  gboolean valid;

  if (self->updating)
    return;
  /* Only a whole date reaches the report; what is typed stays on show,
   * marked, until it is one. */
  text = nb_text_strip (gtk_editable_get_text (editable));
  valid = *text == '\0' || is_date (text);
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_row), NULL);
      self->updating = TRUE;
      nb_report_set_date (self->report, text);
      self->updating = FALSE;
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_row),
                                   _("Write the date as year-month-day, such as 2025-01-20"));
    }
}

static void
title_reset_clicked_cb (NbInfoPage *self)
{
  nb_report_set_title (self->report, NULL);
}

static void
nb_info_page_dispose (GObject *object)
{
  NbInfoPage *self = (NbInfoPage *) object;

  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_INFO_PAGE);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_info_page_parent_class)->dispose (object);
}

static void
nb_info_page_class_init (NbInfoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_info_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  nb_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-info-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, organ_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, edition_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, title_reset);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, date_row);
  /* Only named for screen readers (gtk_widget_get_template_child ()). */
  gtk_widget_class_bind_template_child_full (widget_class, "identity_group", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "title_group", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, title_reset_clicked_cb);
}

static void
nb_info_page_init (NbInfoPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A preferences group lists its rows in a list of its own, which a
   * screen reader announces on entering it. */
  nb_accessible_name_part (GTK_WIDGET (self), NB_TYPE_INFO_PAGE, "identity_group", GTK_TYPE_LIST_BOX,
                           _("Organ, Year and Format"));
  nb_accessible_name_part (GTK_WIDGET (self), NB_TYPE_INFO_PAGE, "title_group", GTK_TYPE_LIST_BOX,
                           _("Title and Date"));
}

GtkWidget *
nb_info_page_new (NbReport *report)
{
  NbInfoPage *self;
  const NbEditionDef *def;
  g_autofree char *edition = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  self = g_object_new (NB_TYPE_INFO_PAGE, NULL);
  self->report = g_object_ref (report);
  def = nb_report_get_edition_def (report);
  /* Translators: %s is the number of the official document that set the format */
  edition = g_strdup_printf (_("Set by %s; fixed when the report was made"), def->document);
  adw_action_row_set_subtitle (self->edition_row, edition);
  update_from_report (self);

  g_signal_connect (self->organ_row, "changed", G_CALLBACK (organ_changed_cb), self);
  g_signal_connect (self->year_spin, "value-changed", G_CALLBACK (year_changed_cb), self);
  g_signal_connect (self->title_row, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect_object (report, "notify", G_CALLBACK (report_notify_cb), self, G_CONNECT_DEFAULT);
  return GTK_WIDGET (self);
}

gboolean
nb_info_page_focus (NbInfoPage *self)
{
  g_return_val_if_fail (NB_IS_INFO_PAGE (self), FALSE);
  return gtk_widget_grab_focus (GTK_WIDGET (self->organ_row));
}

/**
 * nb_info_page_set_read_only:
 * While the report is finalized (定稿) its identity is shown, not edited.
 */
void
nb_info_page_set_read_only (NbInfoPage *self,
                            gboolean    read_only)
{
  g_return_if_fail (NB_IS_INFO_PAGE (self));

  self->read_only = !!read_only;
  update_from_report (self);
}
