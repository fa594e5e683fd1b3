/* nb-render-common.c — what the printed pages and the HTML export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-render"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-render-common.h"
#include "nb-report-writer.h"
#include "nb-text.h"

/**
 * nb_render_cell_text:
 * Returns: (transfer full): a cell as the printed form shows it: its
 *   number (or marker) with its unit and its note in full-width
 *   parentheses, such as `39（市政府、市政府办印发）`; "" for an empty cell
 */
char *
nb_render_cell_text (NbTable *table,
                     guint    row,
                     guint    column)
{
  g_autofree char *value = nb_table_format_cell (table, row, column);
  const char *unit = nb_table_get_unit (table, row, column);
  const char *note = nb_table_get_note (table, row, column);
  GString *text = g_string_new (value);

  if (text->len > 0 && unit != NULL && nb_table_get_state (table, row, column) == NB_CELL_NUMBER)
    g_string_append (text, unit);
  if (note != NULL && *note != '\0')
    {
      gboolean wrapped = g_str_has_prefix (note, "（") || g_str_has_prefix (note, "(");

      if (!wrapped)
        g_string_append (text, "（");
      g_string_append (text, note);
      if (!wrapped)
        g_string_append (text, "）");
    }
  return g_string_free (text, FALSE);
}

/**
 * nb_render_format_date:
 * @date: a date as the report keeps it, `YYYY-MM-DD`
 *
 * Returns: (transfer full): the date as printed, `2025年1月20日`; "" when
 *   @date is empty; @date itself when it is not in that form
 */
char *
nb_render_format_date (const char *date)
{
  unsigned int year, month, day;
  char rest;

  if (date == NULL || *date == '\0')
    return g_strdup ("");
  if (sscanf (date, "%4u-%2u-%2u%c", &year, &month, &day, &rest) == 3
      && month >= 1 && month <= 12 && day >= 1 && day <= 31)
    return g_strdup_printf ("%u年%u月%u日", year, month, day);
  return g_strdup (date);
}

/**
 * nb_render_paragraphs:
 * Returns: (transfer full): the paragraphs of a text section: its
 *   non-blank lines, without hand-typed indentation or trailing spaces
 */
char **
nb_render_paragraphs (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  GPtrArray *paragraphs = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* without the ideographic spaces clerks type to indent by hand:
       * the renderer indents itself */
      char *p = nb_text_strip (lines[i]);

      if (*p == '\0')
        g_free (p);
      else
        g_ptr_array_add (paragraphs, p);
    }
  g_ptr_array_add (paragraphs, NULL);
  return (char **) g_ptr_array_free (paragraphs, FALSE);
}

/**
 * nb_render_title_lines:
 * Returns: (transfer full): the title cut where it may run on two lines:
 *   the organ, then the rest (`〈年〉年政府信息公开工作年度报告`), as the
 *   淮安 report prints it; one line when the title does not begin with
 *   the organ
 */
char **
nb_render_title_lines (NbReport *report)
{
  const char *title = nb_report_get_title (report);
  const char *organ = nb_report_get_organ (report);
  size_t organ_len = strlen (organ);
  char **lines;

  if (organ_len > 0 && g_str_has_prefix (title, organ) && title[organ_len] != '\0')
    {
      lines = g_new0 (char *, 3);
      lines[0] = g_strdup (organ);
      lines[1] = g_strdup (title + organ_len);
      return lines;
    }
  lines = g_new0 (char *, 2);
  lines[0] = g_strdup (title);
  return lines;
}

/**
 * nb_render_subheading_length:
 * A paragraph that opens with a second-level heading such as
 * （一）主动公开情况。 prints that run in the sub-heading face, as 淮安.
 *
 * Returns: the length in bytes of that run, 0 when there is none
 */
gsize
nb_render_subheading_length (const char *text)
{
  const char *start, *p, *stop;

  if (!g_str_has_prefix (text, "（"))
    return 0;
  start = p = text + strlen ("（");
  while (*p != '\0' && !g_str_has_prefix (p, "）"))
    {
      if (g_utf8_strchr ("一二三四五六七八九十", -1, g_utf8_get_char (p)) == NULL)
        return 0;
      p = g_utf8_next_char (p);
    }
  if (*p == '\0' || p == start)
    return 0;
  stop = strstr (text, "。");
  if (stop != NULL && g_utf8_strlen (text, stop - text) <= 40)
    return (gsize) (stop - text) + strlen ("。");
  if (stop == NULL && g_utf8_strlen (text, -1) <= 40)
    return strlen (text);
  return 0;
}

/* The printed report is a Chinese document whatever the interface
 * language: these words are not translated. */
#define DRAFT_FOOTER     "草稿 · 未通过核对"
#define FINGERPRINT_WORD "指纹"
#define FINAL_MARK       "定稿"

/**
 * nb_render_footer_text:
 * @fingerprint: (nullable): nb_report_fingerprint() of @report
 * @draft: whether the copy is a draft of a report with errors
 *
 * Returns: (transfer full): the footer line of every page: a draft's or a
 *   finalized report's mark, title, year and fingerprint
 */
char *
nb_render_footer_text (NbReport   *report,
                       const char *fingerprint,
                       gboolean    draft)
{
  GString *s = g_string_new (draft ? DRAFT_FOOTER " · " : "");
  int year = nb_report_get_year (report);

  /* a finalized report that still holds what was finalized */
  if (!draft && nb_report_get_finalized (report) && nb_report_final_is_intact (report, NULL))
    g_string_append (s, FINAL_MARK " · ");
  g_string_append (s, nb_report_get_title (report));
  if (year > 0)
    g_string_append_printf (s, " · %d", year);
  if (fingerprint != NULL && *fingerprint != '\0')
    g_string_append_printf (s, " · " FINGERPRINT_WORD " %s", fingerprint);
  return g_string_free (s, FALSE);
}

/**
 * nb_render_word_attributes:
 * @word_chars: the length of @text's words, in characters (NbHeaderCell)
 *
 * Pango may break Chinese after any character, so a narrow header would
 * read 社会公 / 益组织; these attributes keep each word on one line and
 * leave only the ends of words as places to break, on paper and on screen.
 *
 * Returns: (transfer full): attributes for a layout or label of @text
 */
PangoAttrList *
nb_render_word_attributes (const char *text,
                           guint       word_chars)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  g_return_val_if_fail (word_chars > 0, attrs);
  for (const char *word = text; *word != '\0';)
    {
      const char *end = word;
      PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

      for (guint i = 0; i < word_chars && *end != '\0'; i++)
        end = g_utf8_next_char (end);
      attr->start_index = (guint) (word - text);
      attr->end_index = (guint) (end - text);
      pango_attr_list_insert (attrs, attr);
      word = end;
    }
  return attrs;
}
