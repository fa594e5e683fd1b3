/* nb-findings-panel.c — the list of everything the checker found
 *
 * A GtkListView over the checker's findings: severity icon, the message
 * with its numbers, and where it is.  Activating a row emits
 * ::activate-finding; the window goes to the section and the cell.  A
 * warning's row has a button to mark it 已核实 (verified) with a reason,
 * asked in a small dialog; an acknowledged row shows the reason and a
 * button to withdraw it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-findings-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nb-display-text.h"
#include "nb-findings-panel.h"
#include "nb-ui-resources.h"

struct _NbFindingsPanel
{
  GtkWidget    parent_instance;

  NbChecker   *checker;
  GtkWidget   *box;
  GtkStack    *stack;
  GtkListView *list_view;
  GPtrArray   *rows;        /* of every row's box made, owned (setup_cb()) */
};

G_DEFINE_FINAL_TYPE (NbFindingsPanel, nb_findings_panel, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_FINDING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * nb_finding_location:
 * Returns: (transfer full): where a finding is, as the panel shows it:
 *   the section's number, then the first cell's row and column
 */
char *
nb_finding_location (NbFinding *finding,
                     NbReport  *report)
{
  guint section = nb_finding_get_section (finding);
  const char * const *cells = nb_finding_get_cells (finding);
  GString *s = g_string_new (NULL);

  if (section >= 1 && section <= NB_N_SECTIONS)
    {
      const char *heading = nb_section_heading (section);
      const char *comma = g_utf8_strchr (heading, -1, 0x3001);   /* 、 */

      if (comma != NULL)
        g_string_append_len (s, heading, comma - heading);
      else
        g_string_append (s, heading);
    }
  else
    g_string_append (s, _("Basic Information"));

  if (report != NULL && cells != NULL && cells[0] != NULL)
    {
      g_autofree char *table_key = NULL, *row_key = NULL, *column_key = NULL;

      if (nb_table_parse_address (cells[0], &table_key, &row_key, &column_key))
        {
          NbTable *table = nb_report_get_table (report, table_key);
          const NbTableDef *def = table != NULL ? nb_table_get_def (table) : NULL;
          int r = def != NULL ? nb_table_def_find_row (def, row_key) : -1;
          int c = def != NULL ? nb_table_def_find_column (def, column_key) : -1;

          if (r >= 0 && c >= 0)
            {
              g_autofree char *row_name = nb_table_def_row_name (def, r);
              if (def->n_rows > 1 && *row_name != '\0')
                g_string_append_printf (s, " · %s", row_name);
              g_string_append_printf (s, " · %s", def->columns[c].label);
            }
        }
    }
  return g_string_free (s, FALSE);
}

/* A label ellipsized in its row (the message, the place), in full.
 * Asked for, not set on each bind: setting a tooltip looks up the
 * pointer (X round trips). */
static gboolean
label_query_tooltip_cb (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip)
{
  const char *text = gtk_label_get_text (label);

  if (*text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void verify_button_clicked_cb (GtkButton       *button,
                                      NbFindingsPanel *self);

static GtkWidget *
new_row (NbFindingsPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);

  /* One line per finding: a wrapping message made the list measure
   * every row again at several widths whenever a finding came or went. */
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_ellipsize (GTK_LABEL (message), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_widget_set_has_tooltip (message, TRUE);
  g_signal_connect (message, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
  gtk_label_set_xalign (GTK_LABEL (where), 1);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (where), 30);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_set_has_tooltip (where, TRUE);
  g_signal_connect (where, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
  GtkWidget *verified = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new ();

  gtk_label_set_ellipsize (GTK_LABEL (verified), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (verified), 30);
  gtk_widget_add_css_class (verified, "success");
  gtk_widget_set_has_tooltip (verified, TRUE);
  g_signal_connect (verified, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (verify_button_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), verified);
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

/* The rows of findings that come and go with each edit are not made
 * anew: making one (six widgets, their styles and accessible objects)
 * and destroying it again cost more than all the rest of a key press.
 * The panel keeps every row it made; one whose list item is gone (GTK
 * 4.8 takes the row out before ::teardown) has no parent, and serves
 * the next list item. */
static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          NbFindingsPanel          *self)
{
  GtkWidget *box = NULL;

  for (guint i = 0; i < self->rows->len && box == NULL; i++)
    if (gtk_widget_get_parent (g_ptr_array_index (self->rows, i)) == NULL)
      box = g_ptr_array_index (self->rows, i);
  if (box == NULL)
    {
      box = new_row (self);
      g_ptr_array_add (self->rows, g_object_ref_sink (box));
    }
  gtk_list_item_set_child (item, box);
}

/* The row a screen reader lands on is the list's own item widget, the
 * parent of ours: GTK 4.8 has no gtk_list_item_set_accessible_label(), and
 * names a list item by nothing it holds. */
static void
name_row (GtkWidget  *row,
          const char *severity_name,
          const char *message,
          const char *location)
{
  g_autofree char *name = NULL;

  if (row == NULL)
    return;
  /* Translators: a finding read out: its severity, its message, where it is */
  name = g_strdup_printf (_("%s: %s (%s)"), severity_name, message, location);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* 已核实: a warning's button asks for a reason; an acknowledged one shows
 * it and withdraws it.  Errors have no button: they must be corrected. */
static void
bind_verified (NbFindingsPanel *self,
               NbFinding       *finding,
               GtkWidget       *verified,
               GtkWidget       *button)
{
  const NbAcknowledgement *ack = self->checker != NULL
                                 ? nb_checker_get_acknowledgement (self->checker, finding) : NULL;
  const char *tip = ack != NULL ? _("Withdraw the verification of this warning")
                                : _("Mark this warning as verified, with a reason");
  g_autofree char *text = NULL;

  g_object_set_data (G_OBJECT (button), "nb-finding", finding);
  gtk_widget_set_visible (button, nb_finding_get_severity (finding) == NB_SEVERITY_WARNING);
  gtk_widget_set_visible (verified, ack != NULL);
  if (ack != NULL)
    {
      g_autofree char *reason = nb_display_text (ack->reason, NULL);

      /* Translators: shown on a warning marked as verified, with the reason given */
      text = g_strdup_printf (_("Verified: %s"), reason);
      gtk_label_set_text (GTK_LABEL (verified), text);
    }
  /* Setting a tooltip looks up the pointer (X round trips), and a row
   * reused for another finding mostly keeps its button as it was. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (button), tip) == 0)
    return;
  gtk_button_set_label (GTK_BUTTON (button), ack != NULL ? _("Withdraw") : _("Verified…"));
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
}

typedef struct {
  NbFindingsPanel *panel;
  NbFinding       *finding;
  GtkEditable     *entry;
} VerifyRequest;

static void
verify_request_free (gpointer data)
{
  VerifyRequest *request = data;

  g_object_unref (request->panel);
  g_object_unref (request->finding);
  g_free (request);
}

static void
show_error (GtkWidget    *parent,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("The warning was not marked as verified"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
verify_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           VerifyRequest    *request)
{
  g_autoptr(GError) error = NULL;
  NbChecker *checker = request->panel->checker;

  if (!g_str_equal (response, "verify") || checker == NULL)
    return;
  if (!nb_checker_acknowledge (checker, request->finding,
                               gtk_editable_get_text (request->entry), NULL, &error))
    show_error (GTK_WIDGET (request->panel), error);
}

static void
verify_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "verify", *reason != '\0');
}

static void
ask_reason (NbFindingsPanel *self,
            NbFinding       *finding)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *shown = nb_display_text (nb_finding_get_message (finding), NULL);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            _("Mark the Warning as Verified?"), shown));
  GtkWidget *entry = gtk_entry_new ();
  VerifyRequest *request = g_new0 (VerifyRequest, 1);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why the figures are right as they are"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "verify", _("_Mark as Verified"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "verify", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "verify");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "verify", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (verify_entry_changed_cb), dialog);

  request->panel = g_object_ref (self);
  request->finding = g_object_ref (finding);
  request->entry = GTK_EDITABLE (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (verify_dialog_response_cb), request,
                         (GClosureNotify) (void (*) (void)) verify_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
verify_button_clicked_cb (GtkButton       *button,
                          NbFindingsPanel *self)
{
  NbFinding *finding = g_object_get_data (G_OBJECT (button), "nb-finding");

  if (finding == NULL || self->checker == NULL)
    return;
  if (nb_checker_get_acknowledgement (self->checker, finding) != NULL)
    nb_checker_withdraw (self->checker, finding);
  else
    ask_reason (self, finding);
}

/* The severity's icon, said by its name; a row reused for a finding of
 * the same severity keeps its icon, its style and what a screen reader
 * is told.  Returns: the severity's name */
static const char *
bind_severity (GtkWidget  *icon,
               NbSeverity  severity)
{
  const char *icon_name = severity == NB_SEVERITY_ERROR ? "dialog-error-symbolic"
                        : severity == NB_SEVERITY_WARNING ? "dialog-warning-symbolic"
                        : "dialog-information-symbolic";
  const char *severity_name = nb_severity_get_label (severity);

  if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (icon)), icon_name) == 0)
    return severity_name;
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_remove_css_class (icon, "warning");
  if (severity == NB_SEVERITY_ERROR)
    gtk_widget_add_css_class (icon, "error");
  else if (severity == NB_SEVERITY_WARNING)
    gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  severity_name, -1);
  return severity_name;
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         NbFindingsPanel          *self)
{
  NbFinding *finding = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *message = gtk_widget_get_next_sibling (icon);
  GtkWidget *verified = gtk_widget_get_next_sibling (message);
  GtkWidget *where = gtk_widget_get_next_sibling (verified);
  GtkWidget *button = gtk_widget_get_next_sibling (where);
  g_autofree char *location =
    nb_finding_location (finding, self->checker != NULL ? nb_checker_get_report (self->checker) : NULL);
  g_autofree char *shown = NULL;
  const char *severity_name;

  severity_name = bind_severity (icon, nb_finding_get_severity (finding));
  /* a message may quote a marker of any length from the file */
  shown = nb_display_text (nb_finding_get_message (finding), NULL);
  gtk_label_set_text (GTK_LABEL (message), shown);
  gtk_label_set_text (GTK_LABEL (where), location);
  name_row (gtk_widget_get_parent (box), severity_name, nb_finding_get_message (finding), location);
  bind_verified (self, finding, verified, button);
}

static void
update_page (NbFindingsPanel *self)
{
  GListModel *findings = self->checker != NULL ? nb_checker_get_findings (self->checker) : NULL;

  gtk_stack_set_visible_child_name (self->stack,
                                    findings != NULL && g_list_model_get_n_items (findings) > 0
                                    ? "list" : "empty");
}

static void
findings_changed_cb (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     NbFindingsPanel *self)
{
  update_page (self);
}

/**
 * nb_findings_panel_activate:
 * Does what activating the row at @position does.
 */
void
nb_findings_panel_activate (NbFindingsPanel *self,
                            guint            position)
{
  g_autoptr(NbFinding) finding = NULL;

  g_return_if_fail (NB_IS_FINDINGS_PANEL (self));

  if (self->checker == NULL)
    return;
  finding = g_list_model_get_item (nb_checker_get_findings (self->checker), position);
  if (finding != NULL)
    g_signal_emit (self, signals[ACTIVATE_FINDING], 0, finding);
}

static void
list_view_activate_cb (NbFindingsPanel *self,
                       guint            position)
{
  nb_findings_panel_activate (self, position);
}

static void
nb_findings_panel_dispose (GObject *object)
{
  NbFindingsPanel *self = (NbFindingsPanel *) object;

  nb_findings_panel_set_checker (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_FINDINGS_PANEL);
  /* after the list view, which holds rows until it goes */
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_findings_panel_parent_class)->dispose (object);
}

static void
nb_findings_panel_class_init (NbFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_findings_panel_dispose;

  /**
   * NbFindingsPanel::activate-finding:
   * @finding: the #NbFinding whose row was activated
   */
  signals[ACTIVATE_FINDING] =
    g_signal_new ("activate-finding",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NB_TYPE_FINDING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nbfindings");
  nb_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, NbFindingsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, NbFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, NbFindingsPanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
}

static void
nb_findings_panel_init (NbFindingsPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

GtkWidget *
nb_findings_panel_new (void)
{
  return g_object_new (NB_TYPE_FINDINGS_PANEL, NULL);
}

GtkListView *
nb_findings_panel_get_list_view (NbFindingsPanel *self)
{
  g_return_val_if_fail (NB_IS_FINDINGS_PANEL (self), NULL);
  return self->list_view;
}

/**
 * nb_findings_panel_set_checker:
 * @checker: (nullable): whose findings to list
 */
void
nb_findings_panel_set_checker (NbFindingsPanel *self,
                               NbChecker       *checker)
{
  g_return_if_fail (NB_IS_FINDINGS_PANEL (self));

  if (self->checker == checker)
    return;
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (nb_checker_get_findings (self->checker), self);
  g_set_object (&self->checker, checker);

  if (checker != NULL)
    {
      GListModel *findings = nb_checker_get_findings (checker);
      GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (findings));

      g_signal_connect (findings, "items-changed", G_CALLBACK (findings_changed_cb), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
      g_object_unref (selection);
    }
  else if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  update_page (self);
}
