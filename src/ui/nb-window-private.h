/* nb-window-private.h — NbWindow's state, shared by its source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-import.h"
#include "nb-window.h"

G_BEGIN_DECLS

struct _NbWindow
{
  AdwApplicationWindow  parent_instance;

  /* the report */
  NbReport             *report;
  NbChecker            *checker;
  NbUndoStack          *undo;
  /* Follow the report shown, its undo stack and its findings */
  GSignalGroup         *report_signals;
  GBindingGroup        *report_bindings;
  GSignalGroup         *undo_signals;
  GSignalGroup         *findings_signals;
  char                 *path;
  NbFileStamp           stamp;          /* the file at path as last read or written, to
                                           notice another program changing it */
  char                 *recovery_id;
  gboolean              recovered;      /* unsaved though nothing was typed (restored
                                           from a recovery copy, or made from last year's) */
  guint                 autosave_source;
  guint                 prebuild_source;
  guint                 state_source;   /* the findings changed: update_state () */
  int                   shown_errors;   /* what the problems button shows */
  int                   shown_warnings;
  GHashTable           *shown_error_messages; /* at that count: which error is new */
  GtkWidget            *pages[NB_N_SECTIONS + 1];
  GtkWidget            *rows[NB_N_SECTIONS + 1];
  GSettings            *settings;
  gboolean              closing;
  gboolean              read_only;      /* finalized (定稿) and intact: no edits */
  gboolean              finalize_pending; /* 定稿 once Save As has a place */
  int                   finding_cursor;   /* the problem Ctrl+G went to last, or -1 */

  /* template children */
  AdwHeaderBar         *header_bar;
  AdwSplitButton       *open_button;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *menu_button;
  GtkWidget            *save_button;
  GtkToggleButton      *findings_button;
  GtkImage             *findings_icon;
  GtkLabel             *findings_label;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *start_page;
  GtkWidget            *recent_heading;
  GtkListBox           *recent_list;
  GtkPaned             *paned;
  GtkRevealer          *final_revealer;
  GtkWidget            *final_banner;
  GtkImage             *final_icon;
  GtkLabel             *final_label;
  GtkButton            *final_button;
  GtkWidget            *sidebar_scroller;
  GtkListBox           *sidebar;
  GtkStack             *section_stack;
  GtkPaned             *findings_paned;
  NbFindingsPanel      *findings_panel;
  gboolean              findings_visible; /* asked for; shown with a report */
  int                   findings_height;  /* the panel's, from the divider down */
  gboolean              findings_placed;  /* the divider was put at that height */
  gboolean              placing_findings; /* ... just now, by the window */
  int                   findings_paned_height; /* at the divider's last move */
  guint                 findings_tick;    /* waiting for the window's height */
  GMenu                *recent_menu;
  GMenuModel           *main_menu;
  gboolean              help_overlay_set;
  guint                 menus_source;
  guint                 recent_source;
  GMenu                *recent_section;

  /* an import checked against its source (nb-import-review.c) */
  GtkWidget            *source_paned;
  GtkWidget            *source_pane;
  gulong                focus_handler;
};

void      _nb_window_class_actions_init (NbWindowClass  *klass);
void      _nb_window_actions_init       (NbWindow       *self);
void      _nb_window_actions_update     (NbWindow       *self);
gboolean  _nb_window_focus_section      (NbWindow       *self,
                                         guint           section);
void      _nb_window_update_recent      (NbWindow       *self);
void      _nb_window_queue_update_recent (NbWindow       *self);
void      _nb_window_toast              (NbWindow       *self,
                                         const char     *message);
void      _nb_window_show_error         (NbWindow       *self,
                                         const char     *heading,
                                         const char     *message);
void      _nb_window_show_gerror        (NbWindow       *self,
                                         const char     *heading,
                                         const char     *name,
                                         const GError   *error);
gboolean  _nb_window_export_json        (NbWindow       *self,
                                         const char     *path,
                                         GError        **error);
gboolean  _nb_window_export_pdf         (NbWindow       *self,
                                         const char     *path,
                                         GError        **error);
gboolean  _nb_window_export_html        (NbWindow       *self,
                                         const char     *path,
                                         GError        **error);
gboolean  _nb_window_import_path        (NbWindow       *self,
                                         const char     *path,
                                         GError        **error);
gboolean  _nb_window_print              (NbWindow       *self,
                                         GtkPrintOperationAction action,
                                         const char     *export_path,
                                         GError        **error);
GtkWidget *_nb_window_print_preview     (NbWindow       *self);
void      _nb_window_show_help_overlay  (NbWindow       *self);
void      _nb_window_commit_edits       (NbWindow       *self);
void      _nb_window_mark_unsaved       (NbWindow       *self);
void      _nb_window_destroy_from       (NbWindow       *self,
                                         GtkWindow      *dialog);
void      _nb_window_add_recent         (NbWindow       *self,
                                         const char     *path);

/* nb-cross-actions.c: last year's report, the comparison, the 汇总 */
void      _nb_window_class_cross_actions_init (NbWindowClass *klass);
void      _nb_window_cross_actions_update (NbWindow       *self);
gboolean  _nb_window_link_previous      (NbWindow       *self,
                                         const char     *path,
                                         GError        **error);
GtkWidget *_nb_window_compare_with      (NbWindow       *self,
                                         const char     *path,
                                         GError        **error);
void      _nb_window_aggregate_paths    (NbWindow       *self,
                                         const char * const *paths,
                                         gboolean        allow_mixed);
GtkWidget *_nb_window_show_aggregation  (NbWindow       *self,
                                         GListModel     *units,
                                         GPtrArray      *notes,
                                         NbReport       *summary,
                                         const GError   *error);

/* nb-keyboard-actions.c: sections, panes and problems by keyboard */
void      _nb_window_class_keyboard_actions_init (NbWindowClass *klass);
void      _nb_window_keyboard_shortcuts_init (NbWindow      *self);

/* nb-final-actions.c: drafts, 定稿 (finalize) and verifying a published copy */
typedef void (*NbWindowFunc) (NbWindow *self);

void      _nb_window_class_final_actions_init (NbWindowClass *klass);
void      _nb_window_final_actions_update (NbWindow       *self);
void      _nb_window_update_final_state (NbWindow       *self);
void      _nb_window_set_read_only      (NbWindow       *self,
                                         gboolean        read_only);
GtkWidget *_nb_window_guard_draft       (NbWindow       *self,
                                         NbWindowFunc    proceed);
GtkWidget *_nb_window_finalize          (NbWindow       *self);
void      _nb_window_finalize_now       (NbWindow       *self);
GtkWidget *_nb_window_unfinalize        (NbWindow       *self);
GtkWidget *_nb_window_compare_with_version (NbWindow     *self,
                                         guint           number,
                                         GError        **error);
GtkWidget *_nb_window_choose_version    (NbWindow       *self);
GtkWidget *_nb_window_verify_path       (NbWindow       *self,
                                         const char     *path,
                                         GError        **error);

/* nb-import-review.c: an imported report beside its source */
void      _nb_window_review_import      (NbWindow       *self,
                                         NbImportSource *source,
                                         const char     *name);
void      _nb_window_end_import_review  (NbWindow       *self);

/* nb-window-actions.c: what import and verify share */
void      _nb_window_add_published_filters (GtkFileChooser *chooser);
gboolean  _nb_window_is_published_path  (const char     *path);

G_END_DECLS
