/* nb-html-export.c — the report as one web page, for the portal
 *
 * One standalone UTF-8 page: the title, the texts as paragraphs, and the
 * statistical tables as HTML tables with exactly the official forms'
 * merged cells (the edition's header spans; a label shared by
 * consecutive rows as one cell with a rowspan).  Every cell is one
 * <th> (header) or <td> (data rows, labels included); every text of the
 * report is escaped.  The signature block belongs to the paper copy and
 * is never part of this page.  It reads without CSS; the small style
 * sheet only rules the tables.  The page is also well-formed XML (void
 * elements closed with " />"), so that strict tools can read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-render"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-display-text.h"
#include "nb-html-export.h"
#include "nb-report-file.h"
#include "nb-render-common.h"

static const char style_sheet[] =
  "body{max-width:52em;margin:2em auto;padding:0 1em;line-height:1.8;"
  "font-family:FangSong,\"Noto Serif CJK SC\",serif}\n"
  "h1{text-align:center;font-size:1.6em;line-height:1.4}\n"
  "h2{font-size:1.15em;font-family:SimHei,\"Noto Sans CJK SC\",sans-serif}\n"
  "p{text-indent:2em;text-align:justify;margin:0}\n"
  "table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:.9em;line-height:1.4}\n"
  "caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
  "th,td{border:1px solid #000;padding:.3em .4em;vertical-align:middle}\n"
  "th{font-weight:normal;text-align:center}\n"
  "td.n{text-align:center;font-variant-numeric:tabular-nums}\n";

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_string_append (html, escaped);
}

/* A text of the report: escaped, and in a <bdi> when it has a bidi
 * control (U+202E …), so that the control turns around nothing outside
 * it: the isolate ends any embedding or override begun inside. */
static void
append_report_text (GString    *html,
                    const char *text)
{
  gboolean isolate = text != NULL && nb_display_text_has_bidi_controls (text);

  if (isolate)
    g_string_append (html, "<bdi>");
  append_escaped (html, text);
  if (isolate)
    g_string_append (html, "</bdi>");
}

static void
append_spans (GString *html,
              guint    row_span,
              guint    column_span)
{
  if (row_span > 1)
    g_string_append_printf (html, " rowspan=\"%u\"", row_span);
  if (column_span > 1)
    g_string_append_printf (html, " colspan=\"%u\"", column_span);
}

static void
append_paragraphs (GString    *html,
                   const char *text)
{
  g_auto(GStrv) paragraphs = nb_render_paragraphs (text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_string_append (html, "<p>");
      append_report_text (html, paragraphs[i]);
      g_string_append (html, "</p>\n");
    }
}

/* Opens a merged label cell at the first row of its run. */
static void
append_group_cell (GString          *html,
                   const NbTableDef *def,
                   gboolean          subgroup,
                   guint             row)
{
  guint n_rows = nb_table_def_label_rows (def, subgroup, row);

  if (n_rows == 0)
    return;
  g_string_append (html, "<td");
  append_spans (html, n_rows, 1);
  g_string_append (html, ">");
  append_escaped (html, subgroup ? def->rows[row].subgroup : def->rows[row].group);
  g_string_append (html, "</td>");
}

static void
append_table (GString *html,
              NbTable *table)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint nl = def->n_label_columns;

  g_string_append_printf (html, "<table id=\"%s\">\n", def->key);
  if (def->caption != NULL)
    {
      g_string_append (html, "<caption>");
      append_escaped (html, def->caption);
      g_string_append (html, "</caption>\n");
    }

  g_string_append (html, "<thead>\n");
  for (guint r = 0; r < def->n_header_rows; r++)
    {
      g_string_append (html, "<tr>");
      for (guint i = 0; i < def->n_header_cells; i++)
        {
          const NbHeaderCell *cell = &def->header[i];

          if (cell->row != r)
            continue;
          g_string_append (html, "<th");
          append_spans (html, cell->row_span, cell->column_span);
          g_string_append (html, ">");
          append_escaped (html, cell->text);
          g_string_append (html, "</th>");
        }
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</thead>\n<tbody>\n");

  for (guint r = 0; r < def->n_rows; r++)
    {
      const NbRowDef *row = &def->rows[r];

      g_string_append (html, "<tr>");
      if (nl > 0)
        {
          guint first = row->group == NULL ? 0 : row->subgroup == NULL ? 1 : 2;

          append_group_cell (html, def, FALSE, r);
          append_group_cell (html, def, TRUE, r);
          g_string_append (html, "<td");
          append_spans (html, 1, nl - first);
          g_string_append (html, ">");
          append_escaped (html, row->label);
          g_string_append (html, "</td>");
        }
      for (guint c = 0; c < def->n_columns; c++)
        {
          g_autofree char *text = nb_render_cell_text (table, r, c);

          g_string_append (html, "<td class=\"n\">");
          append_report_text (html, text);
          g_string_append (html, "</td>");
        }
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</tbody>\n</table>\n");
}

/**
 * nb_html_export:
 * @fingerprint: (nullable): the report's fingerprint (nb_report_fingerprint()),
 *   written in a <meta name="nianbao-fingerprint"> element
 * @draft: whether the report has errors: the page then says
 *   草稿 · 未通过核对 above its title (and in a <meta name="nianbao-status">)
 *
 * Returns: (transfer full): the report as a standalone UTF-8 HTML page
 */
char *
nb_html_export (NbReport   *report,
                const char *fingerprint,
                gboolean    draft)
{
  const NbEditionDef *edition;
  g_autofree char *title = NULL;
  GString *html;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  edition = nb_report_get_edition_def (report);
  html = g_string_sized_new (16 * 1024);

  g_string_append (html,
                   "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\" />\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
                   "<meta name=\"generator\" content=\"Nianbao " PACKAGE_VERSION "\" />\n");
  g_string_append_printf (html, "<meta name=\"nianbao-edition\" content=\"%s\" />\n", edition->key);
  if (fingerprint != NULL && *fingerprint != '\0')
    {
      g_string_append (html, "<meta name=\"nianbao-fingerprint\" content=\"");
      append_escaped (html, fingerprint);
      g_string_append (html, "\" />\n");
    }
  if (draft)
    g_string_append (html, "<meta name=\"nianbao-status\" content=\"draft\" />\n");
  /* <title> holds no elements: its controls are shown as U+FFFD */
  title = nb_display_text (nb_report_get_title (report), NULL);
  g_string_append (html, "<title>");
  append_escaped (html, title);
  g_string_append_printf (html, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
                          style_sheet);
  if (draft)
    g_string_append (html, "<p class=\"draft\">草稿 · 未通过核对</p>\n");
  else if (nb_report_get_finalized (report) && nb_report_final_is_intact (report, NULL))
    g_string_append_printf (html, "<p class=\"final\">定稿 %s · 指纹 %s</p>\n",
                            nb_report_get_final_version (report)->date,
                            nb_report_get_final_version (report)->fingerprint);
  g_string_append (html, "<h1>");
  append_report_text (html, nb_report_get_title (report));
  g_string_append (html, "</h1>\n");

  append_paragraphs (html, nb_report_get_text (report, NB_TEXT_PREFACE));
  for (guint section = 1; section <= NB_N_SECTIONS; section++)
    {
      g_string_append_printf (html, "<h2>");
      append_escaped (html, nb_section_heading (section));
      g_string_append (html, "</h2>\n");
      for (NbTextSection s = 0; s < NB_N_TEXT_SECTIONS; s++)
        if (nb_text_section_number (s) == section)
          append_paragraphs (html, nb_report_get_text (report, s));
      for (guint i = 0; i < edition->n_tables; i++)
        if (edition->tables[i].section == section)
          append_table (html, nb_report_get_table_at (report, i));
    }

  /* The fingerprint stays in the <meta> element: a visible line after
   * section 六 would read as part of its text to an importer. */
  g_string_append (html, "</body>\n</html>\n");
  return g_string_free (html, FALSE);
}

/**
 * nb_html_export_to_path:
 * Writes nb_html_export() to @path, atomically.
 */
gboolean
nb_html_export_to_path (NbReport    *report,
                        const char  *fingerprint,
                        gboolean     draft,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *html = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  html = nb_html_export (report, fingerprint, draft);
  return nb_file_write_atomically (path, html, strlen (html), error);
}
