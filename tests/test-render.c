/* test-render.c — printed pages, the PDF export and the HTML export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include <pango/pangocairo.h>

#include "nb-checker.h"
#include "nb-html-export.h"
#include "nb-report-file.h"
#include "nb-page-renderer.h"
#include "nb-render-common.h"
#include "nb-value.h"

#define EPS 0.01
#define NOTE "市政府、市政府办印发"

static const char *const overview[] = {
  "2024年，本机关坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，圆满完成了各项任务。",
  "（一）主动公开情况。全年主动公开各类政府信息5500余条，新增公开市政府规章1件、市政府及市政府办公室行政规范性文件11件，制作政策解读21个。",
  "（二）依申请公开情况。全年新收政府信息公开申请3119件，上年结转34件，办结3050件，结转下年度继续办理103件。",
  "（三）政府信息管理情况。严格落实公开前审查机制，全面清理行政规范性文件，做好政府信息公开属性源头认定。",
  "（四）平台建设情况。优化政府网站政府信息公开专栏，推进政务新媒体规范化建设，实现“一网通查”。",
  "（五）监督保障情况。将政务公开纳入年度综合考核，组织开展业务培训2次，未发生因政府信息公开工作被追责的情况。",
};

static void
fill_texts (NbReport *report,
            gboolean  long_text)
{
  g_autoptr(GString) text = g_string_new (NULL);

  nb_report_set_text (report, NB_TEXT_PREFACE,
                      "本报告根据《中华人民共和国政府信息公开条例》编制。报告所列统计期限自1月1日至12月31日。"
                      "如对本报告有疑问，请与本机关联系（地址：翔宇南道1号，邮编：223001，电话：0517-83605210）。");
  for (guint i = 0; i < G_N_ELEMENTS (overview); i++)
    g_string_append_printf (text, "%s\n", overview[i]);
  if (long_text)
    {
      /* 80 numbered paragraphs of growing length: many pages. */
      for (guint i = 1; i <= 80; i++)
        {
          g_string_append_printf (text, "第%u段：", i);
          for (guint j = 0; j < 1 + i % 7; j++)
            g_string_append (text, "围绕保障民生、深化改革、科技创新等工作主线，及时公开政策文件和解读材料，回应社会关切。");
          g_string_append_c (text, '\n');
        }
    }
  nb_report_set_text (report, NB_TEXT_OVERVIEW, text->str);
  nb_report_set_text (report, NB_TEXT_PROBLEMS,
                      "　　一是政策解读形式还不够丰富；二是基层政务公开标准化规范化水平有待提高。\n"
                      "下一步，将丰富解读形式，加强业务培训。");
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, "本年度收取信息处理费3940元。");
}

/* Every cell that is not a total gets a number of its own (totals follow
 * them); one amount is 96171.6, one cell carries a note, one a unit. */
static NbReport *
sample_report (NbEdition edition,
               gboolean  long_text)
{
  NbReport *report = nb_report_new (edition);
  gint64 next = 101;

  nb_report_set_organ (report, "淮安市人民政府");
  nb_report_set_year (report, edition == NB_EDITION_2019 ? 2020 : 2024);
  nb_report_set_date (report, "2025-01-20");
  fill_texts (report, long_text);

  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    {
      NbTable *table = nb_report_get_table_at (report, t);
      const NbTableDef *def = nb_table_get_def (table);

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++)
          {
            if (nb_table_def_is_total (def, r, c))
              continue;
            switch (def->columns[c].kind)
              {
              case NB_CELL_KIND_AMOUNT:
                g_assert_true (nb_table_set_text (table, r, c, "96171.6", NULL));
                break;
              case NB_CELL_KIND_SIGNED:
                g_assert_true (nb_table_set_number (table, r, c, -next, NULL));
                break;
              case NB_CELL_KIND_COUNT:
              default:
                g_assert_true (nb_table_set_number (table, r, c, next, NULL));
                break;
              }
            next += 7;
          }
    }
  nb_table_set_note (nb_report_get_table (report, "s2_regulations"), 1, 2, NOTE);
  if (edition == NB_EDITION_2019)
    {
      NbTable *procurement = nb_report_get_table (report, "s2_procurement");
      g_assert_true (nb_table_set_text (procurement, 0, 1, "251000", NULL));
      nb_table_set_unit (procurement, 0, 1, "元");
    }
  return report;
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static char *
strip_space (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  const char *keep = g_getenv ("NB_RENDER_OUTPUT_DIR");
  char *dir;

  if (keep != NULL)
    {
      g_mkdir_with_parents (keep, 0755);
      return g_strdup (keep);
    }
  dir = g_dir_make_tmp ("nb-render-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static void
remove_output (const char *dir,
               const char *path)
{
  if (g_getenv ("NB_RENDER_OUTPUT_DIR") != NULL)
    return;
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_rmdir (dir);
}

/* Every laid-out box lies inside the text block (folios under it, on the
 * paper); no two cells of a page overlap. */
static void
assert_layout_inside (NbPageRenderer *renderer)
{
  double x, y, w, h, paper_w, paper_h;
  guint n_pages = nb_page_renderer_paginate (renderer);

  nb_page_renderer_get_text_block (renderer, &x, &y, &w, &h);
  nb_page_renderer_get_paper_size (renderer, &paper_w, &paper_h);
  g_assert_cmpfloat (x + w, <=, paper_w);
  g_assert_cmpfloat (y + h, <=, paper_h);

  for (guint p = 0; p < n_pages; p++)
    {
      guint n = 0;
      const NbPageBox *boxes = nb_page_renderer_get_boxes (renderer, p, &n);
      guint n_folios = 0;

      g_assert_cmpuint (n, >, 2);
      for (guint i = 0; i < n; i++)
        {
          const NbPageBox *b = &boxes[i];

          g_assert_cmpfloat (b->width, >=, 0);
          g_assert_cmpfloat (b->height, >, 0);
          if (b->kind == NB_PAGE_BOX_FOLIO)
            {
              n_folios++;
              g_assert_cmpfloat (b->y, >=, y + h);
              g_assert_cmpfloat (b->y + b->height, <=, paper_h);
              continue;
            }
          g_assert_cmpfloat (b->x, >=, x - EPS);
          g_assert_cmpfloat (b->x + b->width, <=, x + w + EPS);
          g_assert_cmpfloat (b->y, >=, y - EPS);
          g_assert_cmpfloat (b->y + b->height, <=, y + h + EPS);
        }
      g_assert_cmpuint (n_folios, ==, 2);

      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            const NbPageBox *a = &boxes[i], *b = &boxes[j];
            double ox, oy;

            if (a->kind != NB_PAGE_BOX_CELL || b->kind != NB_PAGE_BOX_CELL)
              continue;
            ox = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
            oy = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);
            g_assert_false (ox > EPS && oy > EPS);
          }
    }
  g_assert_null (nb_page_renderer_get_boxes (renderer, n_pages, &(guint) { 0 }));
}

static guint
pdf_page_count (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* Every face used is one that a role's list names: fontconfig picked
 * none of its own (such as a sans face for the body). */
static void
assert_font_named (NbPageRenderer *renderer,
                   const char     *font)
{
  static const char *const roles[] = { "title-font", "heading-font", "subheading-font",
                                       "body-font", "table-font", "folio-font" };
  PangoFontDescription *desc = pango_font_description_from_string (font);
  const char *family = pango_font_description_get_family (desc);
  gboolean named = FALSE;

  for (guint r = 0; r < G_N_ELEMENTS (roles) && !named; r++)
    {
      g_autofree char *list = NULL;
      g_auto(GStrv) entries = NULL;

      g_object_get (renderer, roles[r], &list, NULL);
      entries = g_strsplit (list, ",", -1);
      for (guint i = 0; entries[i] != NULL && !named; i++)
        {
          PangoFontDescription *entry = pango_font_description_from_string (g_strstrip (entries[i]));
          named = g_ascii_strcasecmp (pango_font_description_get_family (entry), family) == 0;
          pango_font_description_free (entry);
        }
    }
  if (!named)
    g_error ("the PDF uses %s, which no font role names", font);
  pango_font_description_free (desc);
}

static void
assert_fonts_embedded (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n_fonts = 0;

  /* name, type, encoding, emb, sub, uni, object, id: emb is the fourth
   * column from the right. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      GPtrArray *fields = g_ptr_array_new ();
      guint n;

      for (guint k = 0; words[k] != NULL; k++)
        if (*words[k] != '\0')
          g_ptr_array_add (fields, words[k]);
      n = fields->len;
      if (n >= 7)
        {
          g_assert_cmpstr (g_ptr_array_index (fields, n - 5), ==, "yes");   /* emb */
          g_assert_cmpstr (g_ptr_array_index (fields, n - 3), ==, "yes");   /* uni */
          n_fonts++;
        }
      g_ptr_array_unref (fields);
    }
  g_assert_cmpuint (n_fonts, >=, 2);
}

static void
assert_contains (const char *haystack,
                 const char *label)
{
  g_autofree char *needle = strip_space (label);

  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is missing from the text of the PDF", label);
}

static char *
pdf_text (const char *path,
          gboolean    raw)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", raw ? "-raw" : "-layout", path, "-", NULL };
  return run_tool (argv);
}

/* Every label of the edition and every cell's text can be read back from
 * the PDF (in drawing order, so a label wrapped in its cell reads whole). */
static void
assert_report_text (NbReport   *report,
                    const char *raw)
{
  const NbEditionDef *def = nb_report_get_edition_def (report);
  g_autofree char *flat = strip_space (raw);
  g_auto(GStrv) tokens = g_strsplit_set (raw, " \n\f", -1);
  g_autoptr(GHashTable) words = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; tokens[i] != NULL; i++)
    g_hash_table_add (words, tokens[i]);

  assert_contains (flat, nb_report_get_title (report));
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    assert_contains (flat, nb_section_heading (s));

  for (guint t = 0; t < def->n_tables; t++)
    {
      const NbTableDef *td = &def->tables[t];
      NbTable *table = nb_report_get_table_at (report, t);

      if (td->caption != NULL)
        assert_contains (flat, td->caption);
      for (guint i = 0; i < td->n_header_cells; i++)
        assert_contains (flat, td->header[i].text);
      for (guint r = 0; r < td->n_rows; r++)
        {
          if (td->rows[r].label != NULL)
            assert_contains (flat, td->rows[r].label);
          if (td->rows[r].group != NULL)
            assert_contains (flat, td->rows[r].group);
          if (td->rows[r].subgroup != NULL)
            assert_contains (flat, td->rows[r].subgroup);
          for (guint c = 0; c < td->n_columns; c++)
            {
              g_autofree char *text = nb_render_cell_text (table, r, c);

              g_assert_cmpstr (text, !=, "");
              if (nb_table_get_note (table, r, c) == NULL)
                {
                  if (!g_hash_table_contains (words, text))
                    g_error ("the number %s of %s is missing from the PDF", text, td->key);
                }
              else
                assert_contains (flat, text);
            }
        }
    }
}

static void
check_pdf (NbEdition edition)
{
  g_autoptr(NbReport) report = sample_report (edition, FALSE);
  g_autoptr(NbPageRenderer) renderer = nb_page_renderer_new (report);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, edition == NB_EDITION_2019 ? "sample-2019.pdf"
                                                                            : "sample-2021.pdf", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *info = NULL;
  g_auto(GStrv) fonts = NULL;
  guint n_pages;

  g_object_set (renderer, "fingerprint", "0123abcd", NULL);
  n_pages = nb_page_renderer_paginate (renderer);
  {
    /* GB/T 9704: A4, text block 156 × 225 mm at 28 mm from the left, 37 mm from the top */
    double x, y, w, h, paper_w, paper_h;

    nb_page_renderer_get_text_block (renderer, &x, &y, &w, &h);
    nb_page_renderer_get_paper_size (renderer, &paper_w, &paper_h);
    g_assert_cmpfloat_with_epsilon (paper_w, 210 * 72 / 25.4, 0.01);
    g_assert_cmpfloat_with_epsilon (paper_h, 297 * 72 / 25.4, 0.01);
    g_assert_cmpfloat_with_epsilon (x, 28 * 72 / 25.4, 0.01);
    g_assert_cmpfloat_with_epsilon (y, 37 * 72 / 25.4, 0.01);
    g_assert_cmpfloat_with_epsilon (w, 156 * 72 / 25.4, 0.01);
    g_assert_cmpfloat_with_epsilon (h, 225 * 72 / 25.4, 0.01);
  }
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (n_pages, <=, 8);
  g_assert_true (nb_page_renderer_write_pdf (renderer, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (path), ==, n_pages);
  assert_layout_inside (renderer);
  assert_fonts_embedded (path);

  g_assert_cmpuint (nb_page_renderer_get_unknown_glyphs (renderer), ==, 0);
  fonts = nb_page_renderer_get_fonts_used (renderer);
  g_assert_cmpuint (g_strv_length (fonts), >=, 3);
  for (guint i = 0; fonts[i] != NULL; i++)
    assert_font_named (renderer, fonts[i]);

  raw = pdf_text (path, TRUE);
  assert_report_text (report, raw);
  flat = strip_space (raw);
  assert_contains (flat, overview[1]);
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *folio = g_strdup_printf ("— %u —", p);
      g_assert_nonnull (strstr (raw, folio));
    }
  g_assert_nonnull (strstr (raw, "0123abcd"));

  /* The signature block, on the paper copy */
  assert_contains (flat, "单位负责人（签字）：");
  assert_contains (flat, "审核人：");
  assert_contains (flat, "填报人：");
  assert_contains (flat, "联系电话：");
  assert_contains (flat, "（单位盖章）");
  assert_contains (flat, "2025年1月20日");

  {
    const char *argv[] = { "pdfinfo", path, NULL };
    info = run_tool (argv);
    g_assert_nonnull (strstr (info, nb_report_get_title (report)));
  }

  remove_output (dir, path);
  g_assert_finalize_object (g_steal_pointer (&renderer));
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_pdf_2021 (void)
{
  check_pdf (NB_EDITION_2021);
}

static void
test_pdf_2019 (void)
{
  check_pdf (NB_EDITION_2019);
}

/* Long text sections run over many pages, in order, inside the text block;
 * the tables still come out whole. */
static void
test_long_text (void)
{
  g_autoptr(NbReport) report = sample_report (NB_EDITION_2021, TRUE);
  g_autoptr(NbReport) short_report = sample_report (NB_EDITION_2021, FALSE);
  g_autoptr(NbPageRenderer) renderer = nb_page_renderer_new (report);
  g_autoptr(NbPageRenderer) short_renderer = nb_page_renderer_new (short_report);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "long-2021.pdf", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *flat = NULL;
  g_auto(GStrv) lines = NULL;
  GString *body = g_string_new (NULL);
  const char *at;
  guint n_pages;

  n_pages = nb_page_renderer_paginate (renderer);
  g_assert_cmpuint (n_pages, >=, nb_page_renderer_paginate (short_renderer) + 8);
  assert_layout_inside (renderer);
  g_assert_true (nb_page_renderer_write_pdf (renderer, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (path), ==, n_pages);

  /* Without the folio lines, the paragraphs read in order. */
  raw = pdf_text (path, TRUE);
  assert_report_text (report, raw);
  lines = g_strsplit (raw, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "— ") && strstr (lines[i], "政府信息公开工作年度报告 ·") == NULL)
      g_string_append (body, lines[i]);
  flat = strip_space (body->str);
  g_string_free (body, TRUE);
  at = flat;
  for (guint i = 1; i <= 80; i++)
    {
      g_autofree char *marker = g_strdup_printf ("第%u段：围绕保障民生", i);
      const char *found = strstr (at, marker);

      g_assert_nonnull (found);
      at = found + strlen (marker);
    }

  /* The text changed: the pages follow. */
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "短。");
  g_assert_cmpuint (nb_page_renderer_paginate (renderer), <=,
                    nb_page_renderer_paginate (short_renderer));
  assert_layout_inside (renderer);
  remove_output (dir, path);
  g_assert_finalize_object (g_steal_pointer (&renderer));
  g_assert_finalize_object (g_steal_pointer (&short_renderer));
  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_finalize_object (g_steal_pointer (&short_report));
}

static const char *const lone_marks[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬" };

/* The mark a line of the page is made of, or NULL for any other line. */
static const char *
line_mark (const char *raw)
{
  g_autofree char *line = strip_space (raw);

  for (guint m = 0; m < G_N_ELEMENTS (lone_marks) && *line != '\0'; m++)
    {
      const char *p = line;

      while (g_str_has_prefix (p, lone_marks[m]))
        p += strlen (lone_marks[m]);
      if (*p == '\0')
        return lone_marks[m];
    }
  return NULL;
}

/* The marks of a page's lines, NULL for other lines, blank lines left out. */
static GPtrArray *
page_marks (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  GPtrArray *marks = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = strip_space (lines[i]);
      if (*line != '\0')
        g_ptr_array_add (marks, (gpointer) line_mark (lines[i]));
    }
  return marks;
}

/* How many lines of @mark run from @from in steps of @step. */
static guint
run_of (GPtrArray  *marks,
        int         from,
        int         step,
        const char *mark)
{
  guint n = 0;

  for (int i = from; i >= 0 && i < (int) marks->len && marks->pdata[i] == mark; i += step)
    n++;
  return n;
}

/* Paragraphs of 1 to 7 lines, each of one character repeated, run over
 * several pages: wherever a page breaks one, at least two of its lines
 * stand on each side (no orphan, no widow). */
static void
test_no_lone_lines (void)
{
  g_autoptr(NbReport) report = sample_report (NB_EDITION_2021, FALSE);
  g_autoptr(NbPageRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "lone-lines.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) paragraphs = g_string_new (NULL);
  guint n_split = 0;

  for (guint i = 0; i < 40; i++)
    {
      guint n_lines = 1 + (i * 5) % 7;   /* 1, 6, 4, 2, 7, 5, 3, … */

      /* 28 characters a line, the first indented two */
      for (guint c = 0; c < 28 * n_lines - 6; c++)
        g_string_append (paragraphs, lone_marks[i % G_N_ELEMENTS (lone_marks)]);
      g_string_append_c (paragraphs, '\n');
    }
  nb_report_set_text (report, NB_TEXT_OVERVIEW, paragraphs->str);
  renderer = nb_page_renderer_new (report);
  g_assert_true (nb_page_renderer_write_pdf (renderer, path, &error));
  g_assert_no_error (error);

  text = pdf_text (path, FALSE);
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; pages[p] != NULL && pages[p + 1] != NULL; p++)
    {
      g_autoptr(GPtrArray) here = page_marks (pages[p]);
      g_autoptr(GPtrArray) next = page_marks (pages[p + 1]);
      int last = (int) here->len - 1;
      const char *mark;

      while (last >= 0 && here->pdata[last] == NULL)   /* the folio and the footer */
        last--;
      mark = last >= 0 ? here->pdata[last] : NULL;
      if (mark == NULL || next->len == 0 || next->pdata[0] != mark)
        continue;
      g_test_message ("page %u: a paragraph of %s broken %u + %u lines", p + 1, mark,
                      run_of (here, last, -1, mark), run_of (next, 0, 1, mark));
      g_assert_cmpuint (run_of (here, last, -1, mark), >=, 2);
      g_assert_cmpuint (run_of (next, 0, 1, mark), >=, 2);
      n_split++;
    }
  /* the pages did break paragraphs */
  g_assert_cmpuint (n_split, >=, 2);
  remove_output (dir, path);
}

/* The blanks to sign on (rules, one point high) of @page all begin and
 * end at the same place. */
static void
assert_even_blanks (NbPageRenderer *renderer,
                    guint           page,
                    guint           expected)
{
  guint n_boxes, n_rules = 0;
  const NbPageBox *boxes = nb_page_renderer_get_boxes (renderer, page, &n_boxes);
  const NbPageBox *first = NULL;

  for (guint i = 0; i < n_boxes; i++)
    if (boxes[i].kind == NB_PAGE_BOX_TEXT && boxes[i].height <= 1)
      {
        first = first != NULL ? first : &boxes[i];
        g_assert_cmpfloat_with_epsilon (boxes[i].x, first->x, 0.01);
        g_assert_cmpfloat_with_epsilon (boxes[i].width, first->width, 0.01);
        g_assert_cmpfloat (boxes[i].width, >=, 3 * 16.0 - 0.01);
        n_rules++;
      }
  g_assert_cmpuint (n_rules, ==, expected);
}

/* The signature block: lines and wording from the report, left out when
 * the renderer is told to. */
static void
test_signature (void)
{
  g_autoptr(NbReport) report = sample_report (NB_EDITION_2021, FALSE);
  g_autoptr(NbPageRenderer) renderer = nb_page_renderer_new (report);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "signature.pdf", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *flat = NULL;
  guint with_block;

  /* by default, four blanks in one column */
  assert_even_blanks (renderer, nb_page_renderer_paginate (renderer) - 1, 4);

  nb_report_set_signature_shown (report, NB_SIGNATURE_REVIEWER, FALSE);
  nb_report_set_signature_label (report, NB_SIGNATURE_HEAD, "局长（签字）：");
  nb_report_set_signature_value (report, NB_SIGNATURE_PREPARER, "王小明");
  nb_report_set_signature_value (report, NB_SIGNATURE_PHONE, "0517-83605210");
  g_assert_true (nb_report_has_custom_signature_label (report, NB_SIGNATURE_HEAD));
  g_assert_cmpstr (nb_signature_line_default_label (NB_SIGNATURE_HEAD), ==, "单位负责人（签字）：");
  nb_report_set_date (report, "2025-03-05");

  with_block = nb_page_renderer_paginate (renderer);
  assert_layout_inside (renderer);
  g_assert_true (nb_page_renderer_write_pdf (renderer, path, &error));
  g_assert_no_error (error);
  raw = pdf_text (path, TRUE);
  flat = strip_space (raw);
  /* narrow headers break between words, never 社会公 / 益组织 */
  g_assert_nonnull (strstr (raw, "商业\n企业\n"));
  g_assert_nonnull (strstr (raw, "社会\n公益\n组织\n"));
  g_assert_nonnull (strstr (raw, "法律\n服务\n机构\n"));
  assert_contains (flat, "局长（签字）：");
  assert_contains (flat, "填报人：王小明");
  assert_contains (flat, "联系电话：0517-83605210");
  assert_contains (flat, "2025年3月5日");
  /* the organ signs above the seal's place and the date */
  {
    g_autofree char *foot = g_strconcat (nb_report_get_organ (report), "（单位盖章）2025年3月5日", NULL);
    assert_contains (flat, foot);
  }
  g_assert_null (strstr (flat, "审核人"));
  g_assert_null (strstr (flat, "单位负责人"));
  g_clear_pointer (&raw, g_free);
  g_clear_pointer (&flat, g_free);

  g_object_set (renderer, "include-signature", FALSE, NULL);
  g_assert_cmpuint (nb_page_renderer_paginate (renderer), <=, with_block);
  assert_layout_inside (renderer);
  g_assert_true (nb_page_renderer_write_pdf (renderer, path, &error));
  g_assert_no_error (error);
  raw = pdf_text (path, TRUE);
  flat = strip_space (raw);
  g_assert_null (strstr (flat, "局长"));
  g_assert_null (strstr (flat, "填报人"));
  g_assert_null (strstr (flat, "（单位盖章）"));
  g_assert_null (strstr (flat, "2025年3月5日"));

  remove_output (dir, path);
  g_assert_finalize_object (g_steal_pointer (&renderer));
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* An empty report, a huge number, a very long organ, a landscape page, a
 * Pango context of the caller's: nothing leaves the text block. */
static void
test_edges (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2019);
  g_autoptr(NbPageRenderer) renderer = nb_page_renderer_new (report);
  PangoContext *context;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "edges.pdf", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *flat = NULL;
  guint n_portrait;

  /* Empty: the form with blank cells */
  g_assert_cmpuint (nb_page_renderer_paginate (renderer), >=, 2);
  assert_layout_inside (renderer);
  g_assert_true (nb_page_renderer_write_pdf (renderer, path, &error));
  g_assert_no_error (error);
  raw = pdf_text (path, TRUE);
  flat = strip_space (raw);
  assert_contains (flat, "政府信息公开工作年度报告");
  assert_contains (flat, nb_edition_find_table (nb_edition_get (NB_EDITION_2019), "s3_requests")->header[0].text);
  g_assert_null (strstr (flat, "年月日"));

  /* The largest numbers shrink or wrap inside their cells */
  nb_report_set_organ (report, "某某省某某市某某县某某乡镇人民政府某某办公室某某股某某组某某某某某某某某某某某");
  nb_report_set_year (report, 2020);
  for (guint c = 0; c < 15; c++)
    g_assert_true (nb_table_set_number (nb_report_get_table (report, "s4_appeals"), 0, c,
                                        NB_VALUE_MAX - c, NULL));
  g_assert_true (nb_table_set_number (nb_report_get_table (report, "s3_requests"), 0, 0,
                                      NB_VALUE_MAX, NULL));
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS,
                      "https://www.example.gov.cn/a/very/long/address/without/any/space/to/break/at/"
                      "0123456789012345678901234567890123456789012345678901234567890123456789");
  n_portrait = nb_page_renderer_paginate (renderer);
  assert_layout_inside (renderer);
  g_assert_cmpuint (nb_page_renderer_get_unknown_glyphs (renderer), ==, 0);

  g_object_set (renderer, "landscape", TRUE, NULL);
  g_assert_cmpuint (nb_page_renderer_paginate (renderer), >, n_portrait);
  assert_layout_inside (renderer);

  /* The caller's context (a print context's, a widget's) */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 300);
  nb_page_renderer_set_pango_context (renderer, context);
  g_object_unref (context);
  g_object_set (renderer, "landscape", FALSE, NULL);
  g_assert_cmpuint (nb_page_renderer_paginate (renderer), ==, n_portrait);
  assert_layout_inside (renderer);
  g_assert_true (nb_page_renderer_write_pdf (renderer, path, &error));
  g_assert_no_error (error);

  remove_output (dir, path);
  g_assert_finalize_object (g_steal_pointer (&renderer));
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_pdf_error (void)
{
  g_autoptr(NbReport) report = sample_report (NB_EDITION_2021, FALSE);
  g_autoptr(NbPageRenderer) renderer = nb_page_renderer_new (report);
  g_autoptr(GError) error = NULL;

  g_assert_false (nb_page_renderer_write_pdf (renderer, "/nonexistent-dir/x/report.pdf", &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);
  /* the message names the folder that is missing */
  g_assert_nonnull (strstr (error->message, "“/nonexistent-dir/x” does not exist"));
  g_assert_finalize_object (g_steal_pointer (&renderer));
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_common (void)
{
  g_autoptr(NbReport) report = nb_report_new (NB_EDITION_2021);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *date = nb_render_format_date ("2025-01-20");

  g_assert_cmpstr (date, ==, "2025年1月20日");
  g_free (g_steal_pointer (&date));
  date = nb_render_format_date ("");
  g_assert_cmpstr (date, ==, "");

  nb_report_set_organ (report, "淮安市人民政府");
  nb_report_set_year (report, 2024);
  lines = nb_render_title_lines (report);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==, "淮安市人民政府");
  g_assert_cmpstr (lines[1], ==, "2024年政府信息公开工作年度报告");

  paragraphs = nb_render_paragraphs ("　　第一段。\n\n  第二段。  \n");
  g_assert_cmpuint (g_strv_length (paragraphs), ==, 2);
  g_assert_cmpstr (paragraphs[0], ==, "第一段。");
  g_assert_cmpstr (paragraphs[1], ==, "第二段。");
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* ---- HTML ------------------------------------------------------------------- */

typedef struct {
  const char *name;
  int         rowspan, colspan;
  GString    *text;
} HtmlCell;

typedef struct {
  GPtrArray *tables;     /* of GPtrArray (rows) of GPtrArray (HtmlCell *) */
  GPtrArray *rows;       /* of the table being read */
  GPtrArray *row;
  HtmlCell  *cell;
  gboolean   in_head;
  GArray    *n_head_rows;  /* per table: rows in <thead> */
  GString   *captions;
  gboolean   in_caption;
} HtmlReader;

static void
html_cell_free (gpointer data)
{
  HtmlCell *cell = data;
  g_string_free (cell->text, TRUE);
  g_free (cell);
}

static void
html_start (GMarkupParseContext  *context,
            const char           *name,
            const char          **attr_names,
            const char          **attr_values,
            gpointer              user_data,
            GError              **error)
{
  HtmlReader *reader = user_data;

  g_assert_cmpstr (name, !=, "script");
  if (strcmp (name, "table") == 0)
    {
      g_assert_null (reader->rows);
      reader->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_ptr_array_add (reader->tables, reader->rows);
      g_array_append_val (reader->n_head_rows, (guint) { 0 });
    }
  else if (strcmp (name, "thead") == 0)
    reader->in_head = TRUE;
  else if (strcmp (name, "caption") == 0)
    reader->in_caption = TRUE;
  else if (strcmp (name, "tr") == 0)
    {
      g_assert_nonnull (reader->rows);
      g_assert_null (reader->row);
      reader->row = g_ptr_array_new_with_free_func (html_cell_free);
      g_ptr_array_add (reader->rows, reader->row);
      if (reader->in_head)
        g_array_index (reader->n_head_rows, guint, reader->n_head_rows->len - 1)++;
    }
  else if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    {
      g_assert_nonnull (reader->row);
      g_assert_null (reader->cell);
      /* header cells are <th>, all others <td> */
      g_assert_cmpint (reader->in_head, ==, strcmp (name, "th") == 0);
      reader->cell = g_new0 (HtmlCell, 1);
      reader->cell->name = name[1] == 'h' ? "th" : "td";
      reader->cell->rowspan = reader->cell->colspan = 1;
      reader->cell->text = g_string_new (NULL);
      for (guint i = 0; attr_names[i] != NULL; i++)
        {
          if (strcmp (attr_names[i], "rowspan") == 0)
            reader->cell->rowspan = atoi (attr_values[i]);
          else if (strcmp (attr_names[i], "colspan") == 0)
            reader->cell->colspan = atoi (attr_values[i]);
        }
      g_ptr_array_add (reader->row, reader->cell);
    }
}

static void
html_end (GMarkupParseContext  *context,
          const char           *name,
          gpointer              user_data,
          GError              **error)
{
  HtmlReader *reader = user_data;

  if (strcmp (name, "table") == 0)
    reader->rows = NULL;
  else if (strcmp (name, "thead") == 0)
    reader->in_head = FALSE;
  else if (strcmp (name, "caption") == 0)
    reader->in_caption = FALSE;
  else if (strcmp (name, "tr") == 0)
    reader->row = NULL;
  else if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    reader->cell = NULL;
}

static void
html_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 length,
           gpointer              user_data,
           GError              **error)
{
  HtmlReader *reader = user_data;

  if (reader->cell != NULL)
    g_string_append_len (reader->cell->text, text, (gssize) length);
  if (reader->in_caption)
    g_string_append_len (reader->captions, text, (gssize) length);
}

static const GMarkupParser html_parser = { html_start, html_end, html_text, NULL, NULL };

/* Reads the page as XML (it is written well-formed) and checks each table
 * against the edition: header cells with the edition's spans in order, a
 * group label cell per run of rows with the run's rowspan, and every row
 * filling the grid exactly. */
static void
check_html_tables (NbReport   *report,
                   const char *html)
{
  const NbEditionDef *def = nb_report_get_edition_def (report);
  HtmlReader reader = { 0 };
  GMarkupParseContext *context;
  g_autoptr(GError) error = NULL;

  reader.tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  reader.n_head_rows = g_array_new (FALSE, TRUE, sizeof (guint));
  reader.captions = g_string_new (NULL);
  context = g_markup_parse_context_new (&html_parser, 0, &reader, NULL);
  /* GMarkup does not know <!DOCTYPE>: parse from <html> on. */
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  g_markup_parse_context_parse (context, html + strlen ("<!DOCTYPE html>\n"), -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  g_assert_cmpuint (reader.tables->len, ==, def->n_tables);
  for (guint t = 0; t < def->n_tables; t++)
    {
      const NbTableDef *td = &def->tables[t];
      NbTable *table = nb_report_get_table_at (report, t);
      GPtrArray *rows = g_ptr_array_index (reader.tables, t);
      guint n_grid = td->n_label_columns + td->n_columns;
      guint next_header = 0;
      g_autofree guint *covered = g_new0 (guint, n_grid);   /* rows still covered by a rowspan */

      g_assert_cmpuint (g_array_index (reader.n_head_rows, guint, t), ==, td->n_header_rows);
      g_assert_cmpuint (rows->len, ==, td->n_header_rows + td->n_rows);
      if (td->caption != NULL)
        g_assert_nonnull (strstr (reader.captions->str, td->caption));

      for (guint r = 0; r < rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (rows, r);
          guint column = 0;

          for (guint i = 0; i < row->len; i++)
            {
              HtmlCell *cell = g_ptr_array_index (row, i);

              while (column < n_grid && covered[column] > 0)
                column++;
              g_assert_cmpuint (column + cell->colspan, <=, n_grid);
              if (r < td->n_header_rows)
                {
                  const NbHeaderCell *h = &td->header[next_header++];

                  g_assert_cmpuint (h->row, ==, r);
                  g_assert_cmpuint (h->column, ==, column);
                  g_assert_cmpint (h->row_span, ==, cell->rowspan);
                  g_assert_cmpint (h->column_span, ==, cell->colspan);
                  g_assert_cmpstr (h->text, ==, cell->text->str);
                }
              else
                {
                  guint data_row = r - td->n_header_rows;
                  const NbRowDef *rd = &td->rows[data_row];
                  guint nl = td->n_label_columns;

                  if (column >= nl)
                    {
                      g_autofree char *text = nb_render_cell_text (table, data_row, column - nl);
                      g_assert_cmpstr (cell->text->str, ==, text);
                      g_assert_cmpint (cell->rowspan, ==, 1);
                    }
                  else if (column == 0 && rd->group != NULL)
                    {
                      guint run = 0;

                      while (data_row + run < td->n_rows && td->rows[data_row + run].group == rd->group)
                        run++;
                      g_assert_cmpstr (cell->text->str, ==, rd->group);
                      g_assert_cmpint (cell->rowspan, ==, run);
                    }
                  else if (column == 1 && rd->subgroup != NULL)
                    {
                      guint run = 0;

                      while (data_row + run < td->n_rows
                             && td->rows[data_row + run].subgroup == rd->subgroup)
                        run++;
                      g_assert_cmpstr (cell->text->str, ==, rd->subgroup);
                      g_assert_cmpint (cell->rowspan, ==, run);
                    }
                  else
                    {
                      g_assert_cmpstr (cell->text->str, ==, rd->label);
                      g_assert_cmpuint (column + cell->colspan, ==, nl);
                    }
                }
              for (int c = 0; c < cell->colspan; c++)
                covered[column + c] = (guint) cell->rowspan;
              column += (guint) cell->colspan;
            }
          /* The row fills the grid */
          for (guint c = 0; c < n_grid; c++)
            {
              g_assert_cmpuint (covered[c], >, 0);
              covered[c]--;
            }
        }
      g_assert_cmpuint (next_header, ==, td->n_header_cells);
    }

  g_ptr_array_unref (reader.tables);
  g_array_unref (reader.n_head_rows);
  g_string_free (reader.captions, TRUE);
}

static void
test_html_tables (void)
{
  for (NbEdition e = NB_EDITION_2019; e <= NB_EDITION_2021; e++)
    {
      g_autoptr(NbReport) report = sample_report (e, FALSE);
      g_autofree char *html = nb_html_export (report, "0123abcd", FALSE);

      check_html_tables (report, html);
      g_assert_nonnull (strstr (html, "<meta name=\"nianbao-fingerprint\" content=\"0123abcd\" />"));
      g_assert_nonnull (strstr (html, "<h1>淮安市人民政府"));
      for (guint s = 1; s <= NB_N_SECTIONS; s++)
        g_assert_nonnull (strstr (html, nb_section_heading (s)));
      g_assert_nonnull (strstr (html, "<p>（一）主动公开情况。"));
      /* The signature block is the paper copy's only */
      g_assert_null (strstr (html, "单位负责人"));
      g_assert_null (strstr (html, "盖章"));
      g_assert_null (strstr (html, "2025年1月20日"));
      if (e == NB_EDITION_2021)
        {
          g_assert_nonnull (strstr (html, "<td rowspan=\"22\">三、本年度办理结果</td>"));
          g_assert_nonnull (strstr (html, ">96171.6<"));
        }
      else
        {
          g_assert_nonnull (strstr (html, "<td rowspan=\"20\">三、本年度办理结果</td>"));
          g_assert_nonnull (strstr (html, ">251000元<"));
        }
      g_assert_nonnull (strstr (html, "（" NOTE "）</td>"));
      g_assert_finalize_object (g_steal_pointer (&report));
    }
}

static void
test_html_escaping (void)
{
  g_autoptr(NbReport) report = sample_report (NB_EDITION_2021, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "hostile.html", NULL);
  g_autofree char *read_back = NULL;

  nb_report_set_organ (report, "<script>alert(1)</script> & 某局");
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "a < b && c > d \"quoted\" 'single' </p><p>");
  nb_table_set_note (nb_report_get_table (report, "s3_requests"), 0, 0, "<b>注</b>&");
  html = nb_html_export (report, "\"><script>", FALSE);

  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "</p><p>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 某局"));
  g_assert_nonnull (strstr (html, "a &lt; b &amp;&amp; c &gt; d &quot;quoted&quot;"));
  g_assert_nonnull (strstr (html, "（&lt;b&gt;注&lt;/b&gt;&amp;）"));
  check_html_tables (report, html);

  g_assert_true (nb_html_export_to_path (report, NULL, FALSE, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &read_back, NULL, NULL));
  g_assert_true (g_utf8_validate (read_back, -1, NULL));
  g_assert_null (strstr (read_back, "nianbao-fingerprint"));
  g_assert_false (nb_html_export_to_path (report, NULL, FALSE, "/nonexistent-dir/x.html", &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);

  remove_output (dir, path);
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* Writes @report's PDF (a draft or not, with its checker) and returns
 * its text, without white space. */
static char *
pdf_flat_text (NbReport  *report,
               NbChecker *checker,
               gboolean   draft)
{
  g_autoptr(NbPageRenderer) renderer = nb_page_renderer_new (report);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "checked.pdf", NULL);
  g_autofree char *raw = NULL;

  g_object_set (renderer, "draft", draft, "checker", checker, NULL);
  g_assert_true (nb_page_renderer_write_pdf (renderer, path, &error));
  g_assert_no_error (error);
  raw = pdf_text (path, TRUE);
  remove_output (dir, path);
  return strip_space (raw);
}

/* A draft ends with its check list, the acknowledged warning shown with
 * its reason; a copy that is not a draft prints none. */
static void
test_check_list (void)
{
  g_autoptr(NbReport) report = sample_report (NB_EDITION_2021, FALSE);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  GListModel *findings = nb_checker_get_findings (checker);
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL, *clean = NULL;
  g_autofree char *reason = NULL;
  gboolean acknowledged = FALSE;

  /* a warning (T1: section 一 says otherwise than the table) and an error */
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "全年新收政府信息公开申请999999件。");
  nb_report_set_organ (report, "");
  for (guint i = 0; !acknowledged && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (nb_finding_get_rule (finding), "T1"))
        acknowledged = nb_checker_acknowledge (checker, finding, "已与台账核对无误", NULL, &error);
    }
  g_assert_no_error (error);
  g_assert_true (acknowledged);

  draft = pdf_flat_text (report, checker, TRUE);
  g_assert_nonnull (strstr (draft, "附：核对结果"));
  g_assert_nonnull (strstr (draft, "错误M1：未填写机关名称"));
  g_assert_nonnull (strstr (draft, "警告T1（已核实）"));
  reason = strip_space ("已核实：已与台账核对无误");
  g_assert_nonnull (strstr (draft, reason));

  clean = pdf_flat_text (report, checker, FALSE);
  g_assert_null (strstr (clean, "核对结果"));
  g_assert_null (strstr (clean, "已核实"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/common", test_common);
  g_test_add_func ("/render/pdf-2021", test_pdf_2021);
  g_test_add_func ("/render/pdf-2019", test_pdf_2019);
  g_test_add_func ("/render/long-text", test_long_text);
  g_test_add_func ("/render/signature", test_signature);
  g_test_add_func ("/render/no-lone-lines", test_no_lone_lines);
  g_test_add_func ("/render/edges", test_edges);
  g_test_add_func ("/render/pdf-error", test_pdf_error);
  g_test_add_func ("/render/html-tables", test_html_tables);
  g_test_add_func ("/render/html-escaping", test_html_escaping);
  g_test_add_func ("/render/check-list", test_check_list);

  return g_test_run ();
}
