/* bench-render.c — how long the headless PDF export of a report takes
 *
 * Builds a full 2021-edition sample report in code (every cell filled,
 * texts of a usual length), lays it out and writes it as a PDF, and
 * prints the figures:
 *
 *   bench-render [OUTPUT.pdf]
 *
 * "first" is the first export in the process (font configuration and
 * font loading included), "again" a second export of the same report by
 * a new renderer, "process" the time from the start of main() to the end
 * of the first export; "layout" is the part before the PDF is written
 * (the rest is cairo subsetting, compressing and embedding the fonts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "nb-page-renderer.h"

static const char overview[] =
  "2024年，本机关坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
  "（一）主动公开情况。全年主动公开各类政府信息5500余条，新增公开规章1件、行政规范性文件11件，制作政策解读21个。\n"
  "（二）依申请公开情况。全年新收政府信息公开申请3119件，上年结转34件，办结3050件，结转下年度继续办理103件。\n"
  "（三）政府信息管理情况。严格落实公开前审查机制，全面清理行政规范性文件，做好政府信息公开属性源头认定。\n"
  "（四）平台建设情况。优化政府网站政府信息公开专栏，推进政务新媒体规范化建设。\n"
  "（五）监督保障情况。将政务公开纳入年度综合考核，组织开展业务培训2次。\n";

static NbReport *
sample_report (void)
{
  NbReport *report = nb_report_new (NB_EDITION_2021);
  gint64 next = 3;

  nb_report_set_organ (report, "淮安市人民政府");
  nb_report_set_year (report, 2024);
  nb_report_set_date (report, "2025-01-20");
  nb_report_set_text (report, NB_TEXT_PREFACE,
                      "本报告根据《中华人民共和国政府信息公开条例》编制，所列统计期限自1月1日至12月31日。");
  nb_report_set_text (report, NB_TEXT_OVERVIEW, overview);
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "一是政策解读形式还不够丰富；二是基层政务公开标准化水平有待提高。");
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, "本年度收取信息处理费3940元。");

  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    {
      NbTable *table = nb_report_get_table_at (report, t);
      const NbTableDef *def = nb_table_get_def (table);

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++)
          {
            if (nb_table_def_is_total (def, r, c))
              continue;
            if (def->columns[c].kind == NB_CELL_KIND_AMOUNT)
              nb_table_set_text (table, r, c, "96171.6", NULL);
            else
              nb_table_set_number (table, r, c, next, NULL);
            next = next * 7 % 1009;
          }
    }
  return report;
}

static double
export (NbReport   *report,
        const char *path,
        guint      *n_pages,
        double     *layout_ms)
{
  g_autoptr(NbPageRenderer) renderer = nb_page_renderer_new (report);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_object_set (renderer, "fingerprint", "0123abcd", NULL);
  *n_pages = nb_page_renderer_paginate (renderer);
  *layout_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (!nb_page_renderer_write_pdf (renderer, path, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(NbReport) report = sample_report ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GStatBuf st = { 0 };
  double first, again, process, first_layout, again_layout;
  guint n_pages;

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("nb-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "report.pdf", NULL);
    }

  first = export (report, path, &n_pages, &first_layout);
  process = (g_get_monotonic_time () - start) / 1000.0;
  again = export (report, path, &n_pages, &again_layout);
  g_stat (path, &st);

  g_print ("render: pdf export, first    %7.1f ms (layout %.1f ms; %u pages, %.0f kB)\n",
           first, first_layout, n_pages, st.st_size / 1024.0);
  g_print ("render: pdf export, again    %7.1f ms (layout %.1f ms)\n", again, again_layout);
  g_print ("render: process to first pdf %7.1f ms\n", process);

  if (dir != NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
