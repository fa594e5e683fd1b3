/* nb-import-sections.c — finding the parts of a report in positioned text
 *
 * The section headings (一、 to 六、, worded a little differently at
 * times), a table of 二 printed away from its caption (by its header), the
 * edition the tables' labels belong to, the title with the organ and the
 * year, and the text of the text sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nb-import-private.h"
#include "nb-render-common.h"

/* ---- Headings and captions -------------------------------------------------- */

static const char *const numerals[NB_N_SECTIONS] = { "一", "二", "三", "四", "五", "六" };

/* The words of a heading without the marks a converter puts around it:
 * markdown's `#`, `**`, `>` and a closing colon. */
static char *
undecorated (const char *norm)
{
  const char *p = norm;
  gsize len;

  while (*p == '#' || *p == '*' || *p == '>' || *p == '_')
    p++;
  len = strlen (p);
  while (len > 0 && (p[len - 1] == '*' || p[len - 1] == '#' || p[len - 1] == ':' || p[len - 1] == '_'))
    len--;
  return g_strndup (p, len);
}

/* How close @rest is to the words of section @s's heading, in tenths of
 * the longer of the two (the longest common subsequence). */
static gsize
heading_likeness (const char *rest,
                  guint       s)
{
  g_autofree char *heading = nb_import_normalize (nb_section_heading (s));
  g_autofree gunichar *a = NULL, *b = NULL;
  glong na, nb;

  a = g_utf8_to_ucs4_fast (rest, -1, &na);
  b = g_utf8_to_ucs4_fast (heading + strlen (numerals[s - 1]) + 1, -1, &nb);
  if (na < 2)
    return 0;
  return nb_import_lcs_length (a, (gsize) na, b, (gsize) nb) * 10 / (gsize) MAX (na, nb);
}

/* Which section heading a cell is (1–6), or 0.  The words after the
 * numeral may differ a little from the form (五、存在问题及改进情况). */
static guint
heading_number (const NbImportCell *cell)
{
  g_autofree char *norm = undecorated (cell->norm);
  glong n_chars = g_utf8_strlen (norm, -1);
  const char *rest;

  if (n_chars < 4 || n_chars > 40)
    return 0;
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    {
      if (!g_str_has_prefix (norm, numerals[s - 1]))
        continue;
      rest = norm + strlen (numerals[s - 1]);
      if (*rest != ',' && *rest != '.' && *rest != ':')
        return 0;
      return heading_likeness (rest + 1, s) >= 6 ? s : 0;
    }
  return 0;
}

/* The section whose heading's words a cell has nearly word for word,
 * whatever its number: a converter's `## 表三：…`, a heading with no
 * numeral, or the tables of an annex numbered anew (一、主动公开政府信息
 * 情况 for section 二).  0 if none. */
static guint
heading_by_words (const NbImportCell *cell)
{
  g_autofree char *norm = undecorated (cell->norm);
  glong n_chars = g_utf8_strlen (norm, -1);
  const char *rest = norm;

  if (n_chars < 4 || n_chars > 40)
    return 0;
  if (g_str_has_prefix (rest, "表"))
    rest += strlen ("表");
  else if (g_str_has_prefix (rest, "第"))
    rest += strlen ("第");
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    if (g_str_has_prefix (rest, numerals[s - 1]))
      {
        rest += strlen (numerals[s - 1]);
        if (g_str_has_prefix (rest, "部分"))
          rest += strlen ("部分");
        else if (*rest == ',' || *rest == '.' || *rest == ':')
          rest++;
        else
          return 0;
        break;
      }
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    if (heading_likeness (rest, s) >= 9)
      return s;
  return 0;
}

/* The cell of each section heading (heading[1] to heading[6]), in order;
 * -1 for one not found.  A heading not found by its numeral is looked for
 * by its words, between the headings found on either side. */
void
nb_import_find_headings (NbImporter *im,
                         int        *heading)
{
  guint from = 0;

  heading[0] = -1;
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    {
      heading[s] = -1;
      for (guint i = from; i < im->doc->cells->len; i++)
        if (!im->is_value[i] && heading_number (nb_importer_cell (im, i)) == s)
          {
            heading[s] = (int) i;
            from = i + 1;
            break;
          }
    }
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    {
      guint start = 0, end = im->doc->cells->len;

      if (heading[s] >= 0)
        continue;
      for (guint t = 1; t < s; t++)
        if (heading[t] >= 0)
          start = (guint) heading[t] + 1;
      for (guint t = NB_N_SECTIONS; t > s; t--)
        if (heading[t] >= 0)
          end = (guint) heading[t];
      for (guint i = start; i < end; i++)
        if (!im->is_value[i] && heading_by_words (nb_importer_cell (im, i)) == s)
          {
            g_autofree char *where = nb_importer_where (im, i);

            heading[s] = (int) i;
            nb_importer_add_message (im, NB_IMPORT_SEVERITY_INFO, NULL,
                                     "「%s」（原文%s）按其文字作为第%s节的标题：%s",
                                     nb_importer_cell (im, i)->text, where,
                                     numerals[s - 1], nb_section_heading (s));
            break;
          }
    }
}

/* Whether @text holds the label of every column of @def. */
static gboolean
holds_header (const char       *text,
              const NbTableDef *def)
{
  for (guint c = 0; c < def->n_columns; c++)
    {
      g_autofree char *label = nb_import_normalize (def->columns[c].label);

      if (strstr (text, label) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Whether a line's text holds the header of @def of section 二, and of no
 * other table of the section (in 2019, （五） and （六） have the same). */
static gboolean
is_header_of (NbImporter       *im,
              const char       *text,
              const NbTableDef *def)
{
  if (!holds_header (text, def))
    return FALSE;
  for (guint t = 0; t < im->edition->n_tables; t++)
    {
      const NbTableDef *other = &im->edition->tables[t];

      if (other != def && other->section == 2 && holds_header (text, other))
        return FALSE;
    }
  return TRUE;
}

/* The first cell of the one line in @from … @to - 1, outside @own_from …
 * @own_to - 1, whose cells hold the header of @def (every column label,
 * and no other table's of section 二): where a converter printed a table
 * away from its caption.  -1 when there is none or more than one. */
int
nb_import_find_header (NbImporter       *im,
                       const NbTableDef *def,
                       guint             from,
                       guint             to,
                       guint             own_from,
                       guint             own_to)
{
  int found = -1;
  guint i = from;

  while (i < to)
    {
      const NbImportLine *line = nb_importer_line_of (im, i);
      guint line_end = MIN (to, line->first_cell + line->n_cells);
      g_autoptr(GString) text = g_string_new (NULL);
      guint first = i;

      for (; i < line_end; i++)
        g_string_append (text, nb_importer_cell (im, i)->norm);
      if ((first >= own_from && first < own_to) || !is_header_of (im, text->str, def))
        continue;
      if (found >= 0)
        return -1;
      found = (int) first;
    }
  return found;
}

/* ---- Edition, organ, year --------------------------------------------------- */

static void
add_labels (GPtrArray          *labels,
            const NbEditionDef *edition)
{
  for (guint t = 0; t < edition->n_tables; t++)
    {
      const NbTableDef *def = &edition->tables[t];

      if (def->caption != NULL)
        g_ptr_array_add (labels, nb_import_normalize (def->caption));
      for (guint h = 0; h < def->n_header_cells; h++)
        g_ptr_array_add (labels, nb_import_normalize (def->header[h].text));
      for (guint r = 0; r < def->n_rows; r++)
        {
          if (def->rows[r].label != NULL)
            g_ptr_array_add (labels, nb_import_normalize (def->rows[r].label));
          if (def->rows[r].group != NULL)
            g_ptr_array_add (labels, nb_import_normalize (def->rows[r].group));
          if (def->rows[r].subgroup != NULL)
            g_ptr_array_add (labels, nb_import_normalize (def->rows[r].subgroup));
        }
      for (guint c = 0; c < def->n_columns; c++)
        g_ptr_array_add (labels, nb_import_normalize (def->columns[c].label));
    }
}

/* How many labels found only in @edition (and in no label of the other)
 * occur in @text. */
guint
nb_import_count_edition_signals (NbEdition   edition,
                                 const char *text)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) other = g_ptr_array_new_with_free_func (g_free);
  guint count = 0;

  add_labels (own, nb_edition_get (edition));
  add_labels (other, nb_edition_get (edition == NB_EDITION_2019 ? NB_EDITION_2021 : NB_EDITION_2019));
  for (guint i = 0; i < own->len; i++)
    {
      const char *label = own->pdata[i];
      gboolean shared = g_utf8_strlen (label, -1) < 3;

      for (guint j = 0; j < other->len && !shared; j++)
        shared = strstr (other->pdata[j], label) != NULL;
      for (guint j = 0; j < i && !shared; j++)
        shared = strcmp (own->pdata[j], label) == 0;   /* count each once */
      if (!shared && strstr (text, label) != NULL)
        count++;
    }
  return count;
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (nb_text_is_space (c))
        continue;
      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
plausible_organ (const char *organ)
{
  glong n = g_utf8_strlen (organ, -1);

  if (n < 2 || n > 40)
    return FALSE;
  for (const char *p = organ; *p; p++)
    if (g_ascii_isdigit (*p))
      return FALSE;
  return strstr (organ, "。") == NULL && strstr (organ, "，") == NULL;
}

void
nb_import_title_clear (NbImportTitle *info)
{
  g_free (info->organ);
  g_free (info->title);
  memset (info, 0, sizeof *info);
  info->line = -1;
}

/* Reads the title (or the opening sentence) in cell @i, or in @joined
 * (cell @i and the line after it); FALSE if it has none. */
static gboolean
read_title_line (NbImporter    *im,
                 GRegex        *regex,
                 guint          i,
                 const char    *joined,
                 NbImportTitle *info)
{
  g_autofree char *text = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *year = NULL, *middle = NULL, *prefix = NULL;
  int start, stop;
  const char *cut, *lead;   /* lead: past the ASCII before the title */

  if (strlen (joined != NULL ? joined : nb_importer_cell (im, i)->text) > 2000)
    return FALSE;
  text = squeeze (joined != NULL ? joined : nb_importer_cell (im, i)->text);
  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;
  year = g_match_info_fetch (match, 1);
  middle = g_match_info_fetch (match, 2);
  g_match_info_fetch_pos (match, 0, &start, &stop);
  prefix = g_strndup (text, (gsize) start);

  /* the organ before the year: after the last punctuation, after 编制 */
  cut = lead = prefix;
  for (const char *p = prefix; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* ASCII other than letters is no part of an organ's name: a
       * crawler's "标题:" or a folder's "…/97791_" before it */
      if (c < 128 && !g_ascii_isalpha ((char) c))
        cut = lead = g_utf8_next_char (p);
      else if (c == 0xFF0C || c == 0x3002 || c == 0xFF1A || c == 0xFF1B || c == 0x300B ||
               c == 0x201D || c == 0xFF09 || c == 0x3001)
        cut = g_utf8_next_char (p);
    }
  if (strstr (cut, "编制") != NULL)
    cut = g_strrstr (cut, "编制") + strlen ("编制");
  if (g_str_has_prefix (cut, "关于"))
    cut += strlen ("关于");

  nb_import_title_clear (info);
  info->year = atoi (year);
  info->line = (int) i;
  info->standalone = strstr (text, "。") == NULL && g_utf8_strlen (text, -1) <= 80;
  if (plausible_organ (cut))
    info->organ = g_strdup (cut);
  else if (plausible_organ (middle))
    info->organ = g_strdup (middle);
  else if (*cut == '\0' && *middle == '\0' && i > 0)
    {
      /* a two-line title: the organ on the line before */
      g_autofree char *previous = squeeze (nb_importer_cell (im, i - 1)->text);
      if (plausible_organ (previous))
        {
          info->organ = g_steal_pointer (&previous);
          if (info->standalone)
            info->title = g_strconcat (info->organ, text, NULL);
        }
    }
  if (info->standalone && info->title == NULL)
    {
      gsize from = (gsize) (lead - prefix);

      info->title = g_strndup (text + from, (gsize) stop - from);
    }
  return TRUE;
}

/* The title: the last title line standing alone before section 一 (a web
 * page repeats it after its navigation), else the first sentence naming
 * the report (根据…，编制…2020年政府信息公开工作年度报告。). */
void
nb_import_find_title (NbImporter    *im,
                      guint          end_cell,
                      NbImportTitle *info)
{
  g_autoptr(GRegex) regex = g_regex_new ("((?:19|20|21)[0-9]{2})年度?(.{0,40}?)政府信息公开[^。，,；;]{0,12}?报告",
                                         0, 0, NULL);
  NbImportTitle candidate = { 0 };

  memset (info, 0, sizeof *info);
  info->line = -1;
  candidate.line = -1;
  end_cell = MIN (end_cell, MIN (im->doc->cells->len, 400u));
  for (guint i = 0; i < end_cell; i++)
    {
      if (im->is_value[i])
        continue;
      if (!read_title_line (im, regex, i, NULL, &candidate))
        {
          /* a PDF's title or opening sentence broken over two lines (政府
           * 信息公开工 / 作年度报告), in the PDF or in its text: read
           * joined, and a title ends on the second line */
          const NbImportCell *cell = nb_importer_cell (im, i), *next;
          g_autofree char *joined = NULL;

          if (i + 1 >= end_cell || im->is_value[i + 1] ||
              nb_importer_line_of (im, i)->n_cells != 1)
            continue;
          next = nb_importer_cell (im, i + 1);
          if (next->line != cell->line + 1 || nb_importer_line_of (im, i + 1)->n_cells != 1)
            continue;
          joined = g_strconcat (cell->text, next->text, NULL);
          if (!read_title_line (im, regex, i, joined, &candidate))
            continue;
          if (candidate.standalone)
            candidate.line = (int) i + 1;
        }
      if (candidate.standalone || info->line < 0 || !info->standalone)
        {
          if (info->line >= 0 && !info->standalone && !candidate.standalone)
            continue;   /* keep the first sentence */
          nb_import_title_clear (info);
          *info = candidate;
          memset (&candidate, 0, sizeof candidate);
          candidate.line = -1;
        }
    }
  nb_import_title_clear (&candidate);
}

/* ---- Text sections ---------------------------------------------------------- */

/* How a section's text sets numbers and Latin words beside Chinese
 * characters: apart by a space (WPS's 2024 年 as converters write it) or
 * not (2024年); a line wrapped between them is joined the same way. */
typedef enum {
  JOIN_PARAGRAPH,   /* a new paragraph, not a wrapped line */
  JOIN_TIGHT,
  JOIN_SPACED,
} Join;

static gboolean
is_ideograph (gunichar c)
{
  return c >= 0x4E00 && c <= 0x9FFF;
}

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 128 && g_ascii_isalnum ((char) c);
}

/* Whether a Latin letter or digit and a Chinese character meet: @a then @b. */
static gboolean
meet (gunichar a,
      gunichar b)
{
  return (is_ascii_alnum (a) && is_ideograph (b)) || (is_ideograph (a) && is_ascii_alnum (b));
}

static void
append_paragraph (GString    *out,
                  const char *text,
                  Join        join)
{
  g_autofree char *t = nb_text_strip (text);

  if (*t == '\0')
    return;
  if (out->len > 0 && join == JOIN_PARAGRAPH)
    g_string_append_c (out, '\n');
  else if (out->len > 0)
    {
      /* a wrapped line: Chinese joins directly; two Latin words or
       * numbers keep a space between them, and a number beside Chinese
       * one as the text does elsewhere */
      gunichar last = g_utf8_get_char (g_utf8_prev_char (out->str + out->len));
      gunichar next = g_utf8_get_char (t);

      if ((is_ascii_alnum (last) && is_ascii_alnum (next)) || (join == JOIN_SPACED && meet (last, next)))
        g_string_append_c (out, ' ');
    }
  g_string_append (out, t);
}

/* JOIN_SPACED when the lines of @first_cell … @end_cell - 1 set a number
 * or a Latin word apart from a Chinese character by a space more often
 * than they set it beside one. */
static Join
wrap_join (NbImporter *im,
           guint       first_cell,
           guint       end_cell)
{
  int spaced = 0;
  guint last_line = G_MAXUINT;

  for (guint i = first_cell; i < end_cell && i < im->doc->cells->len; i++)
    {
      const char *p = nb_importer_line_of (im, i)->text;
      gunichar before = 0, before_space = 0;

      if (nb_importer_cell (im, i)->line == last_line)
        continue;
      last_line = nb_importer_cell (im, i)->line;
      for (; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == ' ')
            {
              before_space = before;
              before = ' ';
              continue;
            }
          spaced += before == ' ' && meet (before_space, c) ? 1 : meet (before, c) ? -1 : 0;
          before = c;
        }
    }
  return spaced > 0 ? JOIN_SPACED : JOIN_TIGHT;
}

/* The text between two cells: a paragraph per line (per cell and <br>
 * in HTML); in PDF text, wrapped lines are joined and a paragraph starts
 * with an indented line. */
char *
nb_import_section_text (NbImporter *im,
                        guint       first_cell,
                        guint       end_cell)
{
  GString *out = g_string_new (NULL);
  guint last_line = G_MAXUINT;
  Join wrapped = im->pdf_text ? wrap_join (im, first_cell, end_cell) : JOIN_PARAGRAPH;

  for (guint i = first_cell; i < end_cell && i < im->doc->cells->len; i++)
    {
      const NbImportLine *line = nb_importer_line_of (im, i);

      if (im->html)
        {
          g_auto(GStrv) pieces = g_strsplit (nb_importer_cell (im, i)->text, "\n", -1);
          for (guint k = 0; pieces[k] != NULL; k++)
            append_paragraph (out, pieces[k], JOIN_PARAGRAPH);
          continue;
        }
      if (nb_importer_cell (im, i)->line == last_line)
        continue;
      last_line = nb_importer_cell (im, i)->line;
      append_paragraph (out, line->text, line->indent < 2 ? wrapped : JOIN_PARAGRAPH);
    }
  return g_string_free (out, FALSE);
}

/* Fields of the lines a portal prints under an article's headline (and
 * a crawler keeps): a paragraph that starts with one and its colon is
 * the portal's. */
static const char *const header_fields[] = {
  "来源", "时间", "发布时间", "发布日期", "发布机构", "作者", "浏览次数", "阅读次数", "点击数", "索引号",
  "字号", "文号", "栏目", "原文链接", "成文日期", "主题分类", "发文机关",
};

static gboolean
is_header_field (const char *paragraph)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_fields); i++)
    if (g_str_has_prefix (paragraph, header_fields[i]))
      {
        const char *p = paragraph + strlen (header_fields[i]);

        while (*p == ' ')
          p++;
        if (*p == ':' || g_str_has_prefix (p, "："))
          return TRUE;
      }
  return FALSE;
}

/* Words of the buttons and links a portal prints there, one after the
 * other where a converter ran them together (“文字版文件下载相关链接：”). */
static const char *const header_words[] = {
  "微信", "微博", "QQ空间", "全真版", "文字版", "文件下载", "相关链接：", "相关链接", "分享到：", "分享到",
  "【打印】", "打印", "【关闭】", "关闭", "*", "•", "-",
};

/* @paragraph past the portal's header words at its start (and Lynx's
 * link numbers, `[57]`, before them). */
static const char *
skip_header_words (const char *paragraph)
{
  const char *p = paragraph;
  gboolean skipped = TRUE;

  while (skipped)
    {
      skipped = FALSE;
      while (*p != '\0' && nb_text_is_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '[' && g_ascii_isdigit (p[1]))
        {
          const char *close = p + 1;
          while (g_ascii_isdigit (*close))
            close++;
          if (*close == ']')
            p = close + 1, skipped = TRUE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (header_words) && !skipped; i++)
        if (g_str_has_prefix (p, header_words[i]))
          p += strlen (header_words[i]), skipped = TRUE;
    }
  return p;
}

/* Buttons and links that end the portal's lines under the headline where
 * a converter ran them on into the report's first sentence, in one
 * paragraph with the source and time (“来源：……QQ空间-   [全真版](javascript:;)
 * ……文件下载相关链接：本报告根据……”); looked for near its start only. */
static const char *const header_ends[] = {
  "微信", "微博", "QQ空间", "全真版", "文字版", "文件下载", "相关链接：", "相关链接", "分享到：", "分享到",
  "【打印】", "【关闭】", "javascript:;)",
};
#define HEADER_END_REACH 360   /* bytes: 120 CJK characters */

/* The report's text in @paragraph, one of the preface's first: past the
 * portal's words at its start, and in a line of its fields past the last
 * of its buttons and links; "" when it is the portal's alone. */
static const char *
report_text_in (const char *paragraph)
{
  const char *start = skip_header_words (paragraph), *end = NULL;

  if (!is_header_field (start))
    return start;
  {
    /* a page printed to PDF runs its date line on into the report's first
     * sentence: the date alone is the portal's */
    g_autoptr(GRegex) date_line = g_regex_new ("^(?:发布日期|发布时间|时间|日期|成文日期)\\s*[:：]\\s*"
                                               "[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?"
                                               "(?:\\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\\s*", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    int date_end;

    if (g_regex_match (date_line, start, 0, &match) && g_match_info_fetch_pos (match, 0, NULL, &date_end) &&
        start[date_end] != '\0')
      return start + date_end;
  }
  for (guint i = 0; i < G_N_ELEMENTS (header_ends); i++)
    {
      const char *at = g_strstr_len (start, HEADER_END_REACH, header_ends[i]);

      for (; at != NULL; at = g_strstr_len (at + 1, HEADER_END_REACH - (at + 1 - start), header_ends[i]))
        if (end == NULL || at + strlen (header_ends[i]) > end)
          end = at + strlen (header_ends[i]);
    }
  return end != NULL ? skip_header_words (end) : start + strlen (start);
}

/* @text, the preface, without the portal's lines under the headline
 * (source, time, share buttons, versions, links) before the report's
 * first sentence, which a whole page's text or print, and a page whose
 * body holds its date line, give; said in a message. */
char *
nb_import_cut_page_header (NbImporter *im,
                           const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  guint first = 0;
  const char *start = NULL;

  for (; paragraphs[first] != NULL; first++)
    if (*(start = report_text_in (paragraphs[first])) != '\0')
      break;
  if (paragraphs[first] == NULL || (first == 0 && start == paragraphs[0]))
    return g_strdup (text);
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_INFO, NULL,
                           _("Under the title, the page's own lines (source, time, links) were not "
                             "imported as the report's"));
  {
    g_autofree char *rest = g_strjoinv ("\n", paragraphs + first + 1);
    return paragraphs[first + 1] != NULL ? g_strconcat (start, "\n", rest, NULL) : g_strdup (start);
  }
}

/* The date that signs a report, its year, month and day captured. */
#define SIGNED_DATE "((?:19|20|21)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日"

/* Whether @paragraph (squeezed) is a line of the signature block that
 * Nianbao prints after section 六, in its default wording
 * (单位负责人（签字）：, 审核人：, 填报人：, 联系电话：, （单位盖章）). */
static gboolean
is_signature_line (const char *paragraph)
{
  for (guint l = 0; l < NB_N_SIGNATURE_LINES; l++)
    if (g_str_has_prefix (paragraph, nb_signature_line_default_label ((NbSignatureLine) l)))
      return TRUE;
  return FALSE;
}

/* The date, the office and the signature lines under the last section
 * (the signature block): the date goes to the report's date, all leave
 * the text; the office only beside a date or a signature line. */
char *
nb_import_strip_signature (NbImporter *im,
                           const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (paragraphs);
  g_autoptr(GRegex) regex = g_regex_new ("^" SIGNED_DATE "$", 0, 0, NULL);
  gboolean dated = FALSE, signed_off = FALSE;

  while (n > 1)
    {
      g_autofree char *last = squeeze (paragraphs[n - 1]);
      g_autoptr(GMatchInfo) match = NULL;

      if (!dated && g_regex_match (regex, last, 0, &match))
        {
          g_autofree char *y = g_match_info_fetch (match, 1);
          g_autofree char *m = g_match_info_fetch (match, 2);
          g_autofree char *d = g_match_info_fetch (match, 3);
          int year = atoi (y), month = atoi (m), day = atoi (d);
          g_autofree char *date = NULL;

          if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
            break;
          date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
          nb_report_set_date (im->report, date);
          nb_importer_add_message (im, NB_IMPORT_SEVERITY_INFO, NULL,
                                   _("The date under the report, %s, is kept as the report's date"), date);
          dated = TRUE;
        }
      else if (!(signed_off && strcmp (last, nb_report_get_organ (im->report)) == 0) &&
               !is_signature_line (last))
        break;
      signed_off = TRUE;
      g_clear_pointer (&paragraphs[--n], g_free);
    }
  return g_strjoinv ("\n", paragraphs);
}

/* Words that begin a government portal's own text under an article:
 * its attachment and print links, the QR code for phones, the links to
 * the next article, and the footer every 政府网站 carries (主办单位,
 * 版权所有, 网站标识码, the ICP and police registration numbers). */
static const char *const trailer_starts[] = {
  "附件下载", "扫一扫在手机上查看当前页面", "【打印", "【关闭", "[打印", "[关闭", "打印本页", "关闭窗口",
  "上一篇", "下一篇", "相关链接", "相关文章", "相关阅读", "分享到", "主办单位", "版权所有",
  "网站标识码", "(BUTTON)", "IFRAME:", "References", ":::",
};
static const char *const trailer_anywhere[] = { "ICP备", "公网安备", "javascript:", "](http" };
/* The words above that also begin the page's text where a converter
 * ran it on from the report's last sentence (w3m, pandoc's plain text:
 * “……情况。附件下载扫一扫……”; pandoc's markdown: “……情况。:::: {#file…”). */
static const char *const trailer_after_sentence[] = {
  "附件下载", "扫一扫在手机上查看当前页面", "打印本页", "关闭窗口", ":::",
};

static gboolean
is_trailer_paragraph (const char *squeezed)
{
  for (guint i = 0; i < G_N_ELEMENTS (trailer_starts); i++)
    if (g_str_has_prefix (squeezed, trailer_starts[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (trailer_anywhere); i++)
    if (strstr (squeezed, trailer_anywhere[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Where in @paragraph the page's text starts after a sentence of the
 * report, or where Nianbao's draft print starts the findings it lists
 * after the report (run on from the signature's last line), or NULL. */
static const char *
trailer_after_sentence_in (const char *paragraph)
{
  const char *first = strstr (paragraph, NB_RENDER_CHECK_LIST_HEADING);

  for (guint i = 0; i < G_N_ELEMENTS (trailer_after_sentence); i++)
    for (const char *at = strstr (paragraph, trailer_after_sentence[i]); at != NULL;
         at = strstr (at + 1, trailer_after_sentence[i]))
      {
        gunichar before = at > paragraph ? g_utf8_get_char (g_utf8_prev_char (at)) : 0;

        if (before == 0x3002 || before == 0xFF01 || before == 0xFF1F || before == 0xFF1B)
          {
            if (first == NULL || at < first)
              first = at;
            break;
          }
      }
  return first;
}

/* @paragraph, or its sentences and then the office and the date that a
 * converter ran on from its last sentence (“……情况。沭阳县发展和改革局
 * 2024年1月17日”), as three paragraphs. */
static char *
part_run_on_signature (NbImporter   *im,
                       const GRegex *run_on,
                       const char   *paragraph)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *office = NULL, *sentences = NULL, *date = NULL;

  if (!g_regex_match (run_on, paragraph, 0, &match))
    return g_strdup (paragraph);
  office = g_match_info_fetch (match, 2);
  if (strcmp (office, nb_report_get_organ (im->report)) != 0)
    return g_strdup (paragraph);
  sentences = g_match_info_fetch (match, 1);
  date = g_match_info_fetch (match, 3);
  return g_strjoin ("\n", sentences, office, date, NULL);
}

/* Whether @squeezed is a date under the report (@date matches it), the
 * line before it (@before, squeezed) its office: the report's signature
 * ends there. */
static gboolean
ends_signature (NbImporter   *im,
                const GRegex *date,
                const char   *before,
                const char   *squeezed)
{
  return before != NULL && strcmp (before, nb_report_get_organ (im->report)) == 0 &&
         g_regex_match (date, squeezed, 0, NULL);
}

/* @text, the last section's, without the page's own text after the
 * report (a whole page's text as Lynx, w3m or pandoc write it, or the
 * page printed, whose last section would run on to the end of the page):
 * from the first words of the portal's, or after the office and date
 * that sign the report; said in a message. */
char *
nb_import_cut_page_trailer (NbImporter *im,
                            const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) parted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) run_on = g_regex_new ("^(.*[。！？])\\s*(\\S+)\\s*(" SIGNED_DATE ")\\s*$", 0, 0, NULL);
  g_autoptr(GRegex) date = g_regex_new ("^" SIGNED_DATE "$", 0, 0, NULL);
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *before = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (parted, part_run_on_signature (im, run_on, lines[i]));
  g_ptr_array_add (parted, NULL);
  {
    g_autofree char *joined = g_strjoinv ("\n", (char **) parted->pdata);
    paragraphs = g_strsplit (joined, "\n", -1);
  }
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *squeezed = squeeze (paragraphs[i]);
      const char *cut = is_trailer_paragraph (squeezed) ? paragraphs[i]
                                                        : trailer_after_sentence_in (paragraphs[i]);
      g_autofree char *words = NULL;

      if (cut == NULL && ends_signature (im, date, before, squeezed) && paragraphs[i + 1] != NULL)
        cut = paragraphs[++i];
      g_free (before);
      before = g_steal_pointer (&squeezed);
      if (cut == NULL)
        continue;
      words = g_utf8_substring (cut, 0, MIN (g_utf8_strlen (cut, -1), 12));
      nb_importer_add_message (im, NB_IMPORT_SEVERITY_INFO, NULL,
                               _("After the last section, the page's own text (from “%s” on) was not "
                                 "imported as the report's"), words);
      *(char *) cut = '\0';
      for (guint k = i + (*paragraphs[i] == '\0' ? 0 : 1); paragraphs[k] != NULL; k++)
        g_clear_pointer (&paragraphs[k], g_free);
      break;
    }
  return g_strjoinv ("\n", paragraphs);
}

int
nb_import_next_heading (const int *heading,
                        guint      section,
                        int        fallback)
{
  for (guint s = section + 1; s <= NB_N_SECTIONS; s++)
    if (heading[s] >= 0)
      return heading[s];
  return fallback;
}
