/* nb-import.c — import of published reports, stage by stage
 *
 * 1. The source (PDF, HTML in any usual encoding, text) is read into
 *    positioned text: lines of cells (nb-import-doc.h; nb-import-pdf.c,
 *    nb-import-html.c, nb-import-text.c).
 * 2. The section headings, the edition and the captions of section 二 are
 *    found and cut it into regions, one per table (nb-import-sections.c).
 * 3. In each region, groups of numbers are matched to the table's rows and
 *    columns and placed (nb-import-table.c).
 * 4. The text sections, the title, the organ and the year are taken.
 * Nothing is guessed: what cannot be placed is listed in the messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nb-file.h"
#include "nb-import-private.h"

/* Fewer Traditional characters than this are left alone. */
#define MIN_TRADITIONAL 5

/* As many row labels read with a character wrong or more: OCR's text. */
#define MISREAD_LABELS 3

/* ---- Options -------------------------------------------------------------- */

void
nb_import_options_init (NbImportOptions *options)
{
  options->year = 0;
  options->organ = NULL;
  options->edition = NB_IMPORT_DETECT_EDITION;
}

/**
 * nb_import_read_file:
 * @length: (out): the number of bytes read
 *
 * Reads a published copy (PDF, web page, text, Word document) to import:
 * a regular file of at most NB_IMPORT_MAX_SIZE bytes, refused before
 * anything is read otherwise.
 *
 * Returns: (transfer full) (nullable): the content of @path, nul-terminated
 */
char *
nb_import_read_file (const char  *path,
                     gsize       *length,
                     GError     **error)
{
  return nb_file_read_limited (path, NB_IMPORT_MAX_SIZE, length, error);
}

/* ---- Stage 1: the source into positioned text -------------------------------- */

/* Drops control characters (but tabs, line and page breaks) in place: a
 * stray backspace or escape copied with a page would otherwise keep “1”
 * from being read as a number and “规\a章” from matching its row.  A
 * vertical tab (Word's line break) becomes a space.  They are ASCII, so
 * never part of a UTF-8 sequence. */
static void
strip_controls (char *text)
{
  char *out = text;

  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\v')
        *out++ = ' ';
      else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
        continue;
      else
        *out++ = *p;
    }
  *out = '\0';
}

/* The charset a page declares in its first bytes (meta charset or
 * http-equiv Content-Type), or NULL. */
static char *
declared_charset (const char *data,
                  gsize       length)
{
  g_autofree char *head = g_ascii_strdown (data, (gssize) MIN (length, (gsize) 4096));
  g_autoptr(GRegex) regex = g_regex_new ("<meta[^>]*charset\\s*=\\s*[\"']?([a-z0-9_-]+)",
                                         G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  /* NUL bytes would cut the head short; they are refused later anyway */
  if (g_regex_match_full (regex, head, (gssize) MIN (length, (gsize) 4096), 0, 0, &match, NULL))
    return g_match_info_fetch (match, 1);
  return NULL;
}

/* The line (from 1) of the first character cut in half in @data when
 * @data is UTF-8 text with a few such characters, else 0.  html2text
 * 1.3.2a, for one, counts a table cell's width in bytes and cuts Chinese
 * labels between the bytes of a character: its texts of the six pages of
 * the corpus have 1.4 to 6.8 stray bytes for every 100 whole characters
 * that are not ASCII, while those pages saved as GB18030 make 290 to 590
 * stray bytes for every 100 sequences that happen to be valid UTF-8. */
static guint
broken_utf8_line (const char *data,
                  gsize       length)
{
  const char *end = data + length, *p = data;
  guint whole = 0, broken = 0, line = 1, first_broken_line = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          if (broken++ == 0)
            first_broken_line = line;
          p++;
          continue;
        }
      whole += c >= 0x80;
      line += c == '\n';
      p = g_utf8_next_char (p);
    }
  return broken > 0 && whole >= 20 && broken * 5 <= whole ? first_broken_line : 0;
}

/* The source as UTF-8: a UTF-16 page (with a byte-order mark) is
 * converted, and so is a page or text that is not UTF-8 — from the charset
 * it declares, else from GB18030, the superset of GB2312 and GBK that
 * Chinese portals and Windows editors use when they say nothing. */
static char *
to_utf8 (const char  *data,
         gsize        length,
         gsize       *utf8_length,
         const char **charset,
         GError     **error)
{
  g_autofree char *declared = NULL;
  const char *from = NULL;
  char *converted;
  gboolean text;   /* 8-bit text: no byte-order mark and no NUL */
  guint broken_line;

  *charset = NULL;
  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    from = "UTF-16LE", data += 2, length -= 2;
  else if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    from = "UTF-16BE", data += 2, length -= 2;
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  text = from == NULL && memchr (data, '\0', length) == NULL;
  if (text && g_utf8_validate (data, (gssize) length, NULL))
    {
      *utf8_length = length;
      return g_strndup (data, length);
    }
  if (text && (broken_line = broken_utf8_line (data, length)) > 0)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_ENCODING,
                   _("The file is UTF-8 text with characters cut in half, the first on line %u: the tool "
                     "that made it broke them; import the page or PDF itself, or convert it with another tool"),
                   broken_line);
      return NULL;
    }
  if (text)
    {
      declared = declared_charset (data, length);
      /* GB2312 and GBK pages use GB18030's characters more often than they admit */
      if (declared == NULL || strcmp (declared, "gb2312") == 0 || strcmp (declared, "gbk") == 0 ||
          strcmp (declared, "utf-8") == 0 || strcmp (declared, "utf8") == 0)
        from = "GB18030";
      else
        from = declared;
    }
  converted = from != NULL ? g_convert (data, (gssize) length, "UTF-8", from, NULL, utf8_length, NULL) : NULL;
  if (converted == NULL || memchr (converted, '\0', *utf8_length) != NULL)
    {
      g_free (converted);
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_ENCODING,
                   _("The file is neither UTF-8, GB18030 (GBK) nor UTF-16 text; save the page or text "
                     "as UTF-8 and import it again"));
      return NULL;
    }
  *charset = g_intern_string (g_str_has_prefix (from, "UTF-16") ? "UTF-16" : from);
  return converted;
}

static gboolean
check_not_full (NbImporter  *im,
                GError     **error)
{
  if (!im->doc->full)
    return TRUE;
  g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE,
               _("The file has more than %d lines or table cells; a report has a few thousand"),
               NB_IMPORT_MAX_CELLS);
  return FALSE;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static gboolean
read_source (NbImporter  *im,
             const char  *data,
             gsize        length,
             guint       *n_converted,
             GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *copy = NULL;
  const char *charset;
  gsize copy_length;

  if (length > NB_IMPORT_MAX_SIZE)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE,
                   _("The file is too large to be a report (more than %d MiB)"),
                   NB_IMPORT_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (is_blank (data, length))
    {
      /* a download or a copy that went wrong: said plainly */
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_REPORT,
                   _("The file is empty: it holds no text at all. Download or save the report again"));
      return FALSE;
    }
  if (nb_import_looks_like_pdf (data, length))
    {
      im->pdf_text = TRUE;
      *n_converted = 0;
      return nb_import_read_pdf (im->doc, data, length, error) && check_not_full (im, error);
    }
  copy = to_utf8 (data, length, &copy_length, &charset, error);
  if (copy == NULL)
    return FALSE;
  if (charset != NULL)
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_INFO, NULL,
                             _("The file is %s text; it was read as such"), charset);

  /* Traditional copies: convert the characters of labels and titles; a
   * Simplified text with a stray 於 or 後 is left as it is */
  strip_controls (copy);
  text = nb_import_to_simplified (copy, n_converted);
  if (*n_converted < MIN_TRADITIONAL)
    {
      g_free (text);
      text = g_steal_pointer (&copy);
      *n_converted = 0;
    }

  im->html = nb_import_looks_like_html (text, strlen (text)) && !nb_import_looks_like_markdown (text);
  if (im->html)
    nb_import_parse_html (im->doc, text, strlen (text));
  else
    nb_import_read_text (im->doc, text, &im->pdf_text);
  im->ocr = !im->html && nb_import_looks_like_ocr (text);
  if (im->ocr)
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_INFO, NULL,
                             _("The text reads as an OCR tool's (such as “〈一)” for “（一）”), which may misread "
                               "digits: a number is placed only where a total of the form checks it"));
  /* kept for display beside the report: the text as read */
  if (im->source != NULL && !im->html)
    im->text = g_steal_pointer (&text);
  return check_not_full (im, error);
}

/* ---- Stage 2: edition and regions ------------------------------------------- */

static NbEdition
detect_edition (NbImporter            *im,
                const int             *heading,
                const NbImportOptions *options,
                NbImportTitle         *title)
{
  int table_start = heading[2] >= 0 ? heading[2] : heading[1] >= 0 ? heading[1] : 0;
  int table_end = nb_import_next_heading (heading, 4, (int) im->doc->cells->len);
  g_autoptr(GString) all = g_string_new (NULL);
  NbEdition edition;
  guint n2019, n2021;

  for (int i = table_start; i < table_end; i++)
    g_string_append (all, nb_importer_cell (im, (guint) i)->norm);
  n2019 = nb_import_count_edition_signals (NB_EDITION_2019, all->str);
  n2021 = nb_import_count_edition_signals (NB_EDITION_2021, all->str);

  nb_import_find_title (im, heading[1] >= 0 ? (guint) heading[1] : G_MAXUINT, title);
  if (options->year > 0)
    title->year = options->year;

  if (options->edition >= 0 && options->edition < NB_N_EDITIONS)
    edition = (NbEdition) options->edition;
  else if (n2019 == 0 && n2021 == 0)
    {
      edition = nb_edition_for_year (title->year > 0 ? title->year : 2021);
      if (title->year > 0)
        nb_importer_add_message (im, NB_IMPORT_SEVERITY_INFO, NULL,
                                 _("No table headers tell the format; the %s format is used, as for the year %d"),
                                 nb_edition_get (edition)->key, title->year);
      else
        nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, NULL,
                                 _("Neither the format nor the year could be recognised; the %s format is used"),
                                 nb_edition_get (edition)->key);
    }
  else
    {
      edition = n2021 >= n2019 ? NB_EDITION_2021 : NB_EDITION_2019;
      if (n2019 > 0 && n2021 > 0)
        nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, NULL,
                                 "表格中既有 %s 版格式的标签，也有 %s 版格式的标签（旧格式或混用格式），按 %s 版导入",
                                 nb_edition_get (NB_EDITION_2019)->key, nb_edition_get (NB_EDITION_2021)->key,
                                 nb_edition_get (edition)->key);
    }
  if (title->year > 0 && nb_edition_for_year (title->year) != edition)
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, NULL,
                             _("The report is for %d but uses the %s format"), title->year,
                             nb_edition_get (edition)->key);
  return edition;
}

/* Where section 二 starts: its heading, or 一's when it has none. */
static int
section2_start (const int *heading)
{
  return heading[2] >= 0 ? heading[2] : heading[1] >= 0 ? heading[1] : 0;
}

/* Whether the text is Chinese as a tool that read UTF-8 as Latin-1 (or
 * Windows-1252) left it: 年 as “å¹´”, each character a lead letter à … ï
 * and two more from the upper half.  wkhtmltopdf prints a local page
 * without a charset so; nothing can be read back for certain. */
static gboolean
is_mojibake (NbImporter *im)
{
  guint n_garbled = 0, n_chinese = 0;

  for (guint i = 0; i < im->doc->cells->len && i < 400; i++)
    for (const char *p = nb_importer_cell (im, i)->text; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        const char *next = g_utf8_next_char (p);

        n_chinese += c >= 0x4E00 && c <= 0x9FFF;
        n_garbled += c >= 0xE0 && c <= 0xEF && *next != '\0' && g_utf8_get_char (next) >= 0x80;
      }
  return n_garbled >= 20 && n_garbled > 10 * n_chinese;
}

/* The cell of each caption of section 二 (caption[t] for table t of the
 * edition, -1 if not found); FALSE if none was found. */
static gboolean
find_captions (NbImporter         *im,
               const NbEditionDef *def,
               const int          *heading,
               int                *caption,
               guint               n_captions)
{
  int from = section2_start (heading);
  int to = nb_import_next_heading (heading, 2, (int) im->doc->cells->len);
  gboolean any = FALSE;

  for (guint t = 0; t < n_captions; t++)
    caption[t] = -1;
  for (guint t = 0; t < def->n_tables && t < n_captions; t++)
    {
      g_autofree char *norm = NULL;
      gsize l;

      if (def->tables[t].caption == NULL)
        continue;
      norm = nb_import_normalize (def->tables[t].caption);
      l = strlen (norm);
      for (int i = from; i < to; i++)
        {
          const char *cell = nb_importer_cell (im, (guint) i)->norm;
          if (strlen (cell) <= l + 30 && strstr (cell, norm) != NULL)
            {
              caption[t] = i;
              any = TRUE;
              break;
            }
        }
    }
  return any;
}

/* ---- Stage 3: the tables ---------------------------------------------------- */

/* Cells start … end - 1 of the source hold a table; start < 0: not found. */
typedef struct {
  int start, end;
} Region;

/* Whether the region holds a number or a marker. */
static gboolean
region_has_values (NbImporter   *im,
                   const Region *region)
{
  for (int i = region->start; i < region->end; i++)
    if (im->is_value[i] == NB_IMPORT_VALUE_NUMBER || im->is_value[i] == NB_IMPORT_VALUE_MARKER)
      return TRUE;
  return FALSE;
}

/* A table of 二 whose caption has nothing under it, the next caption right
 * after it (a converter's: 第二十条第（一）项 then 第二十条第（五）项), and whose
 * header stands once elsewhere in the section (after the other tables):
 * its region is moved there, up to the next caption, and cut off the
 * region it was in. */
static void
move_table_apart (NbImporter *im,
                  Region     *regions,
                  guint       t,
                  int         from,
                  int         to)
{
  const NbTableDef *def = &im->edition->tables[t];
  Region *own = &regions[t];
  int header, end = to;
  g_autofree char *where = NULL;

  if (own->start < 0 || region_has_values (im, own))
    return;
  header = nb_import_find_header (im, def, (guint) from, (guint) to, (guint) own->start, (guint) own->end);
  if (header < 0)
    return;
  for (guint u = 0; u < im->edition->n_tables; u++)
    {
      Region *other = &regions[u];

      if (im->edition->tables[u].section != 2 || other->start < 0)
        continue;
      /* up to the next caption, its own included */
      if (other->start - 1 > header && other->start - 1 < end)
        end = other->start - 1;
      if (u != t && other->start <= header && header < other->end)
        other->end = header;
    }
  where = nb_importer_where (im, (guint) header);
  nb_importer_add_message (im, NB_IMPORT_SEVERITY_INFO, def->key,
                           "%s下没有表格，按表头导入原文%s的表格", nb_import_table_name (def), where);
  *own = (Region) { header, end };
}

/* The region of each table: in 二 from its caption to the next caption or
 * the section's end, else its section. */
static void
find_regions (NbImporter *im,
              const int  *heading,
              const int  *caption,
              guint       n_captions,
              Region     *regions)
{
  const NbEditionDef *def = im->edition;
  int n_cells = (int) im->doc->cells->len;
  int s2_end = nb_import_next_heading (heading, 2, n_cells);
  int s2_start = section2_start (heading);

  for (guint t = 0; t < def->n_tables; t++)
    {
      const NbTableDef *tdef = &def->tables[t];
      int start, end;

      if (tdef->section == 2)
        {
          start = t < n_captions ? caption[t] : -1;
          end = s2_end;
          for (guint u = 0; u < def->n_tables && u < n_captions; u++)
            if (caption[u] > start && caption[u] < end)
              end = caption[u];
        }
      else
        {
          start = heading[tdef->section];
          end = nb_import_next_heading (heading, tdef->section, n_cells);
        }
      regions[t] = start < 0 ? (Region) { -1, -1 } : (Region) { start + 1, MAX (end, start + 1) };
    }
  for (guint t = 0; t < def->n_tables; t++)
    if (def->tables[t].section == 2)
      move_table_apart (im, regions, t, s2_start, s2_end);
}

static void
import_tables (NbImporter *im,
               const int  *heading,
               const int  *caption,
               guint       n_captions)
{
  const NbEditionDef *def = im->edition;
  g_autofree Region *regions = g_new (Region, def->n_tables);

  /* every cell is not imported until a value read from the source is
   * placed in it (nb-import-table.c writes through NbTable, which drops
   * the mark): what the import misses stays marked, and the checker does
   * not count it as the published report's */
  for (guint t = 0; t < def->n_tables; t++)
    nb_table_mark_not_imported (nb_report_get_table (im->report, def->tables[t].key));

  find_regions (im, heading, caption, n_captions, regions);
  for (guint t = 0; t < def->n_tables; t++)
    {
      const NbTableDef *tdef = &def->tables[t];

      if (regions[t].start < 0)
        {
          nb_importer_add_message (im, NB_IMPORT_SEVERITY_ERROR, tdef->key,
                                   "缺少表格：%s", nb_import_table_name (tdef));
          continue;
        }
      nb_import_table (im, nb_report_get_table (im->report, tdef->key),
                       (guint) regions[t].start, (guint) regions[t].end);
    }
  /* a text whose form labels came out with a character wrong again and
   * again is OCR's too: none held has more than two (平潭君山 2024's, as
   * published), Tesseract's of 淮安 five */
  if (!im->ocr && !im->html && !im->doc->positioned && im->n_label_typos >= MISREAD_LABELS)
    {
      im->ocr = TRUE;
      nb_importer_add_message (im, NB_IMPORT_SEVERITY_INFO, NULL,
                               _("%u of the form's row labels read with a character wrong, as an OCR tool "
                                 "reads a page, and it may misread digits too: a number is placed only where "
                                 "a total of the form checks it"),
                               im->n_label_typos);
    }
  if (im->ocr)
    for (guint t = 0; t < def->n_tables; t++)
      if (regions[t].start >= 0)
        nb_import_table_hold_unchecked (im, nb_report_get_table (im->report, def->tables[t].key));
}

/* ---- Stage 4: title, organ, year and the text sections ----------------------- */

static void
import_identity (NbImporter            *im,
                 const NbImportOptions *options,
                 const NbImportTitle   *title)
{
  if (options->organ != NULL && *options->organ != '\0')
    nb_report_set_organ (im->report, options->organ);
  else if (title->organ != NULL)
    nb_report_set_organ (im->report, title->organ);
  else
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, NULL,
                             _("The name of the office was not found in the title; set it before saving"));
  if (title->year >= NB_YEAR_MIN && title->year <= NB_YEAR_MAX)
    nb_report_set_year (im->report, title->year);
  else
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, NULL,
                             _("The year of the report was not found in the title; set it before saving"));
  if (title->title != NULL && (options->organ == NULL || *options->organ == '\0') && options->year <= 0)
    {
      g_autofree char *derived = nb_report_derive_title (nb_report_get_organ (im->report),
                                                         nb_report_get_year (im->report));
      if (strcmp (derived, title->title) != 0)
        nb_report_set_title (im->report, title->title);
    }
}

/* Whether cell @i is read inside a web page's body (the element holding
 * its tables): a section headed there ends where that element ends, before
 * the page's navigation and footer. */
static gboolean
in_body (NbImporter *im,
         int         i)
{
  return i >= 0 && im->doc->body_end > im->doc->body_start && (guint) i >= im->doc->body_start &&
         (guint) i < im->doc->body_end;
}

static void
import_texts (NbImporter          *im,
              const int           *heading,
              const NbImportTitle *title)
{
  guint n_cells = im->doc->cells->len;
  int first = heading[1] >= 0 ? heading[1] : nb_import_next_heading (heading, 1, -1);
  guint end_cell = first >= 0 ? (guint) first : 0;
  guint start_cell = title->line < 0 ? 0 : (guint) title->line + (title->standalone ? 1 : 0);

  /* a title above the body (the portal's headline): the preface starts
   * in the body, past the page's date, share buttons and tabs */
  if (in_body (im, first) && start_cell < im->doc->body_start)
    start_cell = im->doc->body_start;

  for (NbTextSection t = 0; t < NB_N_TEXT_SECTIONS; t++)
    {
      guint s = nb_text_section_number (t);
      g_autofree char *body_text = NULL;
      guint end;
      int next;

      /* the preface, before section 一, is read below */
      if (s == 0)
        continue;
      if (heading[s] < 0)
        {
          nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, nb_text_section_key (t),
                                   "缺少一节：%s", nb_section_heading (s));
          continue;
        }
      next = nb_import_next_heading (heading, s, -1);
      end = next >= 0 ? (guint) next : n_cells;
      if (in_body (im, heading[s]))
        end = MIN (end, im->doc->body_end);
      body_text = nb_import_section_text (im, (guint) heading[s] + 1, end);
      if (next < 0)
        {
          /* the last section: without the page's text after the report
           * (a page's body ends where the report does), and without its
           * signature */
          g_autofree char *report_text = in_body (im, heading[s]) ? g_steal_pointer (&body_text)
                                                                  : nb_import_cut_page_trailer (im, body_text);

          g_free (body_text);
          body_text = nb_import_strip_signature (im, report_text);
        }
      nb_report_set_text (im->report, t, body_text);
    }
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    if (!nb_section_is_text (s) && heading[s] < 0)
      nb_importer_add_message (im, NB_IMPORT_SEVERITY_WARNING, NULL, "缺少一节的标题：%s",
                               nb_section_heading (s));

  /* the preface: after the title (or from the opening sentence) to 一 */
  if (title->line >= 0 && start_cell < end_cell)
    {
      g_autofree char *preface = nb_import_section_text (im, start_cell, end_cell);
      g_autofree char *report_text = nb_import_cut_page_header (im, preface);

      nb_report_set_text (im->report, NB_TEXT_PREFACE, report_text);
    }
  else if (title->line < 0 && end_cell > 0)
    nb_importer_add_message (im, NB_IMPORT_SEVERITY_INFO, NULL,
                             _("No title was found; the text before section 1 was not imported"));
}

/* ---- The import --------------------------------------------------------------- */

static void
importer_clear (NbImporter *im)
{
  g_clear_pointer (&im->doc, nb_import_doc_free);
  g_clear_pointer (&im->messages, g_ptr_array_unref);
  g_clear_pointer (&im->is_value, g_free);
  g_clear_pointer (&im->joined, g_free);
  g_clear_pointer (&im->placed_from, g_hash_table_unref);
  g_clear_pointer (&im->text, g_free);
  g_clear_object (&im->report);
  g_clear_object (&im->source);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NbImporter, importer_clear)

static void
classify_cells (NbImporter *im)
{
  guint n_cells = im->doc->cells->len;

  im->is_value = g_new0 (guint8, n_cells + 1);
  im->joined = g_new0 (guint8, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    {
      NbImportValue value;
      im->is_value[i] = (guint8) nb_import_parse_value (nb_importer_cell (im, i)->text, &value);
      nb_import_value_clear (&value);
    }
}

/**
 * nb_import_report_with_source:
 * @data: the published report: a PDF, a web page, or text
 * @length: its length in bytes
 * @options: (nullable): forced year, organ or edition
 * @summary: (out) (optional): how many table cells were placed, published
 *   blank, and not placed
 * @messages: (out) (transfer full) (element-type NbImportMessage): what the
 *   import decided and what it could not place
 * @source: (out) (optional) (transfer full): the source kept for display,
 *   with where each cell's number came from and what was not placed
 * @error: set when the input cannot be imported at all
 *
 * Returns: (transfer full): a new report, or %NULL with @error set
 */
NbReport *
nb_import_report_with_source (const char             *data,
                              gsize                   length,
                              const NbImportOptions  *options,
                              NbImportSummary        *summary,
                              GPtrArray             **messages,
                              NbImportSource        **source,
                              GError                **error)
{
  NbImportOptions defaults;
  g_auto(NbImporter) im = { 0 };
  g_auto(NbImportTitle) title = { 0 };
  int heading[NB_N_SECTIONS + 1];
  int caption[8];
  guint n_converted = 0;
  NbEdition edition;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (data == NULL)
    data = "";
  if (options == NULL)
    {
      nb_import_options_init (&defaults);
      options = &defaults;
    }
  if (messages != NULL)
    *messages = NULL;
  if (source != NULL)
    *source = NULL;

  im.doc = nb_import_doc_new ();
  im.messages = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_import_message_free);
  im.placed_from = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (source != NULL)
    im.source = nb_import_source_new_private ();
  if (!read_source (&im, data, length, &n_converted, error))
    return NULL;
  classify_cells (&im);

  nb_import_find_headings (&im, heading);
  edition = detect_edition (&im, heading, options, &title);
  if (!find_captions (&im, nb_edition_get (edition), heading, caption, G_N_ELEMENTS (caption)))
    {
      gboolean found = FALSE;

      for (guint s = 1; s <= NB_N_SECTIONS; s++)
        found |= heading[s] >= 0;
      if (!found && is_mojibake (&im))
        {
          g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_REPORT,
                       _("The text is garbled (such as “å¹´” for 年): the tool that made the file "
                         "read Chinese text in the wrong encoding. Import the web page or the "
                         "original PDF instead"));
          return NULL;
        }
      if (!found && im.doc->attachment != NULL)
        {
          g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_ATTACHMENT,
                       _("This page holds no report, only a link to “%s”: download that file "
                         "and import it"), im.doc->attachment);
          return NULL;
        }
      if (!found)
        {
          g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_REPORT,
                       _("This is not a government information disclosure annual report: "
                         "none of its section headings or tables was found"));
          return NULL;
        }
    }

  im.report = nb_report_new (edition);
  im.edition = nb_report_get_edition_def (im.report);
  if (n_converted > 0)
    nb_importer_add_message (&im, NB_IMPORT_SEVERITY_INFO, NULL,
                             _("%u Traditional characters were converted to Simplified ones"), n_converted);
  import_identity (&im, options, &title);
  import_tables (&im, heading, caption, G_N_ELEMENTS (caption));
  if (im.n_blank > 0)
    nb_importer_add_message (&im, NB_IMPORT_SEVERITY_INFO, NULL,
                             _("%u table cells were published blank and are imported blank"), im.n_blank);
  import_texts (&im, heading, &title);

  if (summary != NULL)
    {
      summary->n_placed = im.n_placed;
      summary->n_blank = im.n_blank;
      summary->n_unplaced = im.n_unplaced;
    }
  if (messages != NULL)
    *messages = g_steal_pointer (&im.messages);
  if (source != NULL)
    {
      g_autoptr(GBytes) pdf = im.doc->positioned ? g_bytes_new (data, length) : NULL;

      nb_import_source_resolve_private (im.source, im.doc, pdf, g_steal_pointer (&im.text));
      *source = g_steal_pointer (&im.source);
    }
  return g_steal_pointer (&im.report);
}

/**
 * nb_import_report_full:
 * Like nb_import_report_with_source(), without the source.
 */
NbReport *
nb_import_report_full (const char             *data,
                       gsize                   length,
                       const NbImportOptions  *options,
                       NbImportSummary        *summary,
                       GPtrArray             **messages,
                       GError                **error)
{
  return nb_import_report_with_source (data, length, options, summary, messages, NULL, error);
}

/**
 * nb_import_report:
 * Like nb_import_report_full(), without the summary.
 */
NbReport *
nb_import_report (const char             *data,
                  gsize                   length,
                  const NbImportOptions  *options,
                  GPtrArray             **messages,
                  GError                **error)
{
  return nb_import_report_full (data, length, options, NULL, messages, error);
}
