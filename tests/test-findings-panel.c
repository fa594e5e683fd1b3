/* test-findings-panel.c — a warning marked 已核实 from the findings panel,
 * under a display (Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-findings-panel.h"
#include "nb-window-private.h"
#include "test-util.h"
#include "test-window-util.h"

#define REASON "23件含1件重复申请，已与台账核对"

/* The verify button of the row showing @finding's rule, found in the tree. */
static GtkWidget *
find_verify_button (GtkWidget  *widget,
                    const char *rule)
{
  NbFinding *finding = g_object_get_data (G_OBJECT (widget), "nb-finding");

  if (GTK_IS_BUTTON (widget) && finding != NULL &&
      g_str_equal (nb_finding_get_rule (finding), rule) && gtk_widget_get_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_verify_button (child, rule);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
the_dialog (NbWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        found = ADW_MESSAGE_DIALOG (w);
    }
  return found;
}

static void
test_verify_and_withdraw (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window = NULL;
  NbChecker *checker;
  GtkWidget *panel, *button, *verified;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  nb_report_set_text (report, NB_TEXT_OVERVIEW, "2024年，全年新收政府信息公开申请23件。");
  window = window_with (report);
  checker = nb_window_get_checker (window);
  nb_window_set_findings_visible (window, TRUE);
  spin ();
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 1);

  panel = GTK_WIDGET (nb_window_get_findings_panel (window));
  button = find_verify_button (panel, "T1");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Verified…");

  /* the button asks for a reason; no reason, no verifying */
  g_signal_emit_by_name (button, "clicked");
  spin ();
  dialog = the_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "verify"));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), REASON);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "verify"));
  click_response (dialog, "verify");

  g_assert_null (the_dialog (window));
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 0);
  g_assert_cmpuint (nb_checker_count_acknowledged (checker, -1), ==, 1);
  g_assert_true (nb_window_get_modified (window));

  /* the row shows the reason, and its button withdraws it */
  button = find_verify_button (panel, "T1");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Withdraw");
  verified = gtk_widget_get_prev_sibling (gtk_widget_get_prev_sibling (button));
  g_assert_true (gtk_widget_get_visible (verified));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (verified)), ==, "Verified: " REASON);

  g_signal_emit_by_name (button, "clicked");
  spin ();
  g_assert_null (the_dialog (window));
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, -1), ==, 1);
  button = find_verify_button (panel, "T1");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Verified…");

  destroy_window (window);
}

/* An error's row has no button: it must be corrected. */
static void
test_no_button_on_errors (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  NbWindow *window;

  nb_report_set_organ (report, "");
  window = window_with (report);
  nb_window_set_findings_visible (window, TRUE);
  spin ();
  g_assert_cmpuint (nb_checker_count (nb_window_get_checker (window), NB_SEVERITY_ERROR, -1), ==, 1);
  g_assert_null (find_verify_button (GTK_WIDGET (nb_window_get_findings_panel (window)), "M1"));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/findings-panel/verify-and-withdraw", test_verify_and_withdraw);
  g_test_add_func ("/findings-panel/no-button-on-errors", test_no_button_on_errors);

  return g_test_run ();
}
