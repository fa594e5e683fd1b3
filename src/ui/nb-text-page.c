/* nb-text-page.c — the page of a text section (一、五、六)
 *
 * A roomy editor per text of the section, with a one-line hint of what
 * the format expects there and a character count.  Section 一 also has
 * the optional preface printed before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-text-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-text-page.h"
#include "nb-ui-resources.h"

typedef struct {
  NbTextPage    *page;
  NbTextSection  text;
  GtkTextBuffer *buffer;
  GtkWidget     *view;
  GtkWidget     *count;
} Editor;

struct _NbTextPage
{
  GtkWidget  parent_instance;

  NbReport  *report;
  GtkWidget *box;
  GtkLabel  *heading;
  GPtrArray *editors;   /* of Editor */
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (NbTextPage, nb_text_page, GTK_TYPE_WIDGET)

/* What each text's editor says the format expects, and its height */
static const struct {
  const char *hint;
  int         height;
} texts[NB_N_TEXT_SECTIONS] = {
  [NB_TEXT_PREFACE] = {
    N_("Printed before section 一: the legal basis of the report and what it covers."), 80 },
  [NB_TEXT_OVERVIEW] = {
    N_("The year’s work on disclosure: proactive disclosure, requests, platforms, supervision."),
    320 },
  [NB_TEXT_PROBLEMS] = {
    N_("The main problems, and how last year’s problems were rectified; the format asks for both."),
    360 },
  [NB_TEXT_OTHER_MATTERS] = {
    N_("Other matters, including the information-processing fees collected this year (how many notices, how much)."),
    360 },
};

/* The page a text is edited on: its section's; the preface, printed
 * before section 一, on the page of 一. */
static guint
text_page (NbTextSection text)
{
  return MAX (nb_text_section_number (text), 1);
}

static void
update_count (Editor *editor)
{
  int n = gtk_text_buffer_get_char_count (editor->buffer);
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%d character", "%d characters", n), n);

  gtk_label_set_text (GTK_LABEL (editor->count), text);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   Editor        *editor)
{
  NbTextPage *self = editor->page;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  update_count (editor);
  if (self->updating)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->updating = TRUE;
  nb_report_set_text (self->report, editor->text, text);
  self->updating = FALSE;
}

static void
report_text_changed_cb (NbReport   *report,
                        guint       section,
                        NbTextPage *self)
{
  if (self->updating)
    return;
  for (guint i = 0; i < self->editors->len; i++)
    {
      Editor *editor = g_ptr_array_index (self->editors, i);

      if (editor->text != section)
        continue;
      self->updating = TRUE;
      gtk_text_buffer_set_text (editor->buffer, nb_report_get_text (report, section), -1);
      self->updating = FALSE;
    }
}

static void
add_editor (NbTextPage    *self,
            NbTextSection  text,
            const char    *title,
            const char    *hint,
            int            height)
{
  Editor *editor = g_new0 (Editor, 1);
  GtkWidget *scrolled, *label, *hint_label, *footer;
  /* What a screen reader calls the text and its scroller. */
  const char *name = title != NULL ? title : gtk_label_get_text (self->heading);

  editor->page = self;
  editor->text = text;

  if (title != NULL)
    {
      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (self->box), label);
    }
  hint_label = gtk_label_new (hint);
  gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
  gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
  gtk_widget_add_css_class (hint_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), hint_label);

  editor->view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (editor->view), GTK_WRAP_WORD_CHAR);
  /* Tab leaves the text: the report's legal text holds no tab characters
   * (the print indents its paragraphs) */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (editor->view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (editor->view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (editor->view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (editor->view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (editor->view), 12);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (editor->view), 4);
  gtk_widget_add_css_class (editor->view, "report-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint, -1);
  editor->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor->view));
  gtk_text_buffer_set_enable_undo (editor->buffer, FALSE);
  gtk_text_buffer_set_text (editor->buffer, nb_report_get_text (self->report, text), -1);
  g_signal_connect (editor->buffer, "changed", G_CALLBACK (buffer_changed_cb), editor);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), editor->view);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_add_css_class (scrolled, "text-frame");
  gtk_widget_set_vexpand (scrolled, height > 200);
  gtk_box_append (GTK_BOX (self->box), scrolled);

  footer = editor->count = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (footer), 1);
  gtk_widget_add_css_class (footer, "dim-label");
  gtk_widget_add_css_class (footer, "caption");
  gtk_box_append (GTK_BOX (self->box), footer);
  update_count (editor);

  g_ptr_array_add (self->editors, editor);
}

static void
nb_text_page_dispose (GObject *object)
{
  NbTextPage *self = (NbTextPage *) object;

  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);
  if (self->editors != NULL)
    for (guint i = 0; i < self->editors->len; i++)
      {
        Editor *editor = g_ptr_array_index (self->editors, i);
        g_signal_handlers_disconnect_by_data (editor->buffer, editor);
      }
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_TEXT_PAGE);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_text_page_parent_class)->dispose (object);
}

static void
nb_text_page_class_init (NbTextPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_text_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  nb_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-text-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbTextPage, box);
  gtk_widget_class_bind_template_child (widget_class, NbTextPage, heading);
}

static void
nb_text_page_init (NbTextPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editors = g_ptr_array_new_with_free_func (g_free);
}

/**
 * nb_text_page_new:
 * @section: a section written as text (nb_section_is_text())
 */
GtkWidget *
nb_text_page_new (NbReport *report,
                  guint     section)
{
  NbTextPage *self;
  guint n_texts = 0;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (nb_section_is_text (section), NULL);

  self = g_object_new (NB_TYPE_TEXT_PAGE, NULL);
  self->report = g_object_ref (report);
  gtk_label_set_text (self->heading, nb_section_heading (section));

  for (NbTextSection s = 0; s < NB_N_TEXT_SECTIONS; s++)
    n_texts += text_page (s) == section;
  for (NbTextSection s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      const char *title = NULL;

      if (text_page (s) != section)
        continue;
      /* Where a page has more than one text, each has a heading. */
      if (s == NB_TEXT_PREFACE)
        title = _("Preface (optional)");
      else if (n_texts > 1)
        title = nb_section_heading (section);
      add_editor (self, s, title, _(texts[s].hint), texts[s].height);
    }

  g_signal_connect_object (report, "text-changed", G_CALLBACK (report_text_changed_cb), self,
                           G_CONNECT_DEFAULT);
  return GTK_WIDGET (self);
}

/**
 * nb_text_page_get_buffer:
 * Returns: (transfer none) (nullable): the buffer editing @text on this page
 */
GtkTextBuffer *
nb_text_page_get_buffer (NbTextPage    *self,
                         NbTextSection  text)
{
  g_return_val_if_fail (NB_IS_TEXT_PAGE (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      Editor *editor = g_ptr_array_index (self->editors, i);
      if (editor->text == text)
        return editor->buffer;
    }
  return NULL;
}

gboolean
nb_text_page_focus (NbTextPage *self)
{
  Editor *editor;

  g_return_val_if_fail (NB_IS_TEXT_PAGE (self), FALSE);

  editor = g_ptr_array_index (self->editors, self->editors->len - 1);
  return gtk_widget_grab_focus (editor->view);
}

/**
 * nb_text_page_set_read_only:
 * While the report is finalized (定稿) its texts can be read, selected
 * and copied, not edited.
 */
void
nb_text_page_set_read_only (NbTextPage *self,
                            gboolean    read_only)
{
  g_return_if_fail (NB_IS_TEXT_PAGE (self));

  for (guint i = 0; i < self->editors->len; i++)
    {
      Editor *editor = g_ptr_array_index (self->editors, i);

      gtk_text_view_set_editable (GTK_TEXT_VIEW (editor->view), !read_only);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (editor->view), !read_only);
    }
}
