/* nb-import-pdf.c — reading a PDF's text layer into positioned text
 *
 * poppler gives every character of a page with its box.  The characters
 * are put back into the lines a reader sees by their vertical centres
 * (poppler's own reading order runs cells of a table in any order), each
 * line is sorted left to right and cut into cells where a gap is wider
 * than a space (or, in a line of three or more CJK words, where two words
 * stand further apart than the characters of a word: a table's header
 * printed by Chromium), and every cell keeps its left and right edge, so
 * that the table stage can tell the columns of a row apart by where its
 * numbers stand.  A page whose text runs down, up or upside down (a
 * table set sideways) is read turned upright, its cells' places then on
 * the upright page (NbImportPage).  Page numbers and Nianbao's footer
 * lines are dropped; a paragraph starts with an indented line, as in
 * `pdftotext -layout` text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "nb-import.h"
#include "nb-import-doc.h"

/* Characters whose vertical centres are closer than this part of their
 * height stand on one line. */
#define SAME_LINE 0.3
/* A gap wider than this part of the line's height separates two cells
 * (a space is about a quarter). */
#define CELL_GAP 0.6
/* A line of a table's header whose cells Chromium printed as narrow as
 * their text (nowrap), only their padding apart, has its words closer
 * than CELL_GAP: 0.31 em apart in 上海 2019's header of 三 (商业企业 科研机构
 * 社会公益组织 …), 0.57 em in its header of 四, where the spacing between
 * the characters of a word is 0.  So a gap between two CJK characters
 * (not punctuation) wider than the usual gap between them in its cell by
 * more than this part of the font size parts two words ... */
#define WORD_GAP 0.2
/* ... and a line of this many words or more apart by such gaps, or by
 * CELL_GAP, is cut into cells at them.  A space typed in a label or in
 * running text is as wide (WPS's in SimSun, 0.45 to 0.51 em: 第二十条
 * 第（一）项, 4.无正当理由大量反复 申请; Chromium's, 0.25 to 0.32 em:
 * 2026年12月07日 星期一) but alone in its line; text justified in a cell
 * (社 会, 0.7 em apart in 沭阳's header) or in a paragraph widens every gap
 * of the cell alike, and so the usual one.  Headers of WPS and
 * LibreOffice are cut so too (洪泽's 结果 其他, 0.50 em; 普洱's 科研 社会公,
 * 0.71 em), and a portal's links a space apart (0.25 em), no report's text. */
#define WORDS_APART 3
/* A character drawn again over itself (fake bold) within this part of its
 * width is one character. */
#define OVERDRAWN 0.3
/* A number that ends a cell, before another cell of the line, stands in a
 * cell of its own when a gap wider than this part of the line's font size
 * parts it from the words before it: a table's label and its first
 * number, apart only by the cells' padding (LibreOffice's tables without
 * borders, numbers at the start of their column, 0.3 to 0.5).  A word
 * space before a number of running text is about a quarter (Word's, up to
 * 0.35), and running text has no cells after it. */
#define NUMBER_GAP 0.28
/* At the end of the line, where running text ends as often, only gaps
 * wider than this. */
#define NUMBER_GAP_AT_END 0.45

typedef struct {
  gunichar c;
  gboolean after_space;   /* poppler put a space before it (a word space of the text) */
  gboolean word_start;    /* a word of a row of cells starts here (WORD_GAP) */
  double   x1, y1, x2, y2;
} Glyph;

static double
centre_y (const Glyph *g)
{
  return (g->y1 + g->y2) / 2;
}

static int
compare_centre_y (gconstpointer a,
                  gconstpointer b)
{
  double ya = centre_y (a), yb = centre_y (b);

  return ya < yb ? -1 : ya > yb;
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  return ga->x1 < gb->x1 ? -1 : ga->x1 > gb->x1;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* A character this many times taller than the page's usual ones is of a
 * watermark laid over the text (a draft's 草稿: Nianbao prints it at 96 pt
 * over 16 pt text, 6 times), which would otherwise join the lines it
 * crosses and swallow their numbers; a title in 二号 (22 pt) is 1.4 times
 * text in 三号, and 2.9 times a table's in 六号 (7.5 pt). */
#define WATERMARK_RATIO 4.0

/* Drops from @glyphs, a page's, those of a watermark. */
static void
drop_watermark (GArray *glyphs)
{
  g_autoptr(GArray) heights = g_array_sized_new (FALSE, FALSE, sizeof (double), glyphs->len);
  double usual;
  guint kept = 0;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      double h = g->y2 - g->y1;

      g_array_append_val (heights, h);
    }
  if (heights->len == 0)
    return;
  g_array_sort (heights, compare_double);
  usual = g_array_index (heights, double, heights->len / 2);
  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);

      if (g->y2 - g->y1 <= WATERMARK_RATIO * usual)
        g_array_index (glyphs, Glyph, kept++) = *g;
    }
  g_array_set_size (glyphs, kept);
}

static gboolean
is_visible (gunichar c)
{
  return c >= 0x20 && !nb_text_is_space (c);
}

/* How a page's text is turned (NbImportPage): the way most of its
 * characters follow the one before them in poppler's order, where they
 * stand next to it (within ADJACENT of their size). */
#define ADJACENT 1.5

static guint
text_turns (const GArray *glyphs)
{
  guint votes[4] = { 0 }, best = 0;
  const Glyph *a = NULL;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *b = &g_array_index (glyphs, Glyph, i);
      double dx, dy, size;

      if (!is_visible (b->c))
        continue;
      if (a != NULL)
        {
          dx = (b->x1 + b->x2 - a->x1 - a->x2) / 2;
          dy = (b->y1 + b->y2 - a->y1 - a->y2) / 2;
          size = MAX (MAX (a->x2 - a->x1, a->y2 - a->y1), MAX (b->x2 - b->x1, b->y2 - b->y1));
          if (hypot (dx, dy) <= ADJACENT * size)
            {
              if (fabs (dx) >= fabs (dy))
                votes[dx >= 0 ? 0 : 2]++;
              else
                votes[dy > 0 ? 1 : 3]++;
            }
        }
      a = b;
    }
  for (guint t = 1; t < 4; t++)
    if (votes[t] > votes[best])
      best = t;
  return best;
}

/* The characters of a page, spaces included, with their boxes on the
 * page as shown, in poppler's order. */
static GArray *
shown_glyphs (PopplerPage *page)
{
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  const char *p = text;

  if (text == NULL || !poppler_page_get_text_layout (page, &boxes, &n_boxes))
    return glyphs;
  for (guint i = 0; i < n_boxes && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      Glyph g = { g_utf8_get_char (p), FALSE, FALSE,
                  MIN (boxes[i].x1, boxes[i].x2), MIN (boxes[i].y1, boxes[i].y2),
                  MAX (boxes[i].x1, boxes[i].x2), MAX (boxes[i].y1, boxes[i].y2) };

      g_array_append_val (glyphs, g);
    }
  return glyphs;
}

/* The visible characters of a page with their boxes on the page turned
 * so that its text stands upright (@shown: the page as shown, and how its
 * text is turned on it: a table set sideways), top to bottom, but a
 * watermark's. */
static GArray *
page_glyphs (PopplerPage  *page,
             NbImportPage *shown)
{
  g_autoptr(GArray) all = shown_glyphs (page);
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  gboolean after_space = FALSE;

  poppler_page_get_size (page, &shown->width, &shown->height);
  shown->turns = text_turns (all);
  for (guint i = 0; i < all->len; i++)
    {
      Glyph g = g_array_index (all, Glyph, i);

      nb_import_page_turn_upright (shown, &g.x1, &g.y1, &g.x2, &g.y2);
      if (!is_visible (g.c))
        {
          /* a space narrower than a tenth of its height is the stretch
           * of a justified line that poppler took for one, not a typed
           * space, which is a quarter of an em or more (Nianbao's print:
           * 1.1 pt between 。 and 全 in 16 pt text) */
          after_space = g.c == ' ' && g.x2 - g.x1 >= 0.1 * (g.y2 - g.y1);
          continue;
        }
      g.after_space = after_space;
      after_space = FALSE;
      if (g.y2 - g.y1 <= 0)
        continue;
      g_array_append_val (glyphs, g);
    }
  drop_watermark (glyphs);
  g_array_sort (glyphs, compare_centre_y);
  return glyphs;
}

typedef struct {
  guint  first, n;     /* glyphs of the line, left to right */
  double height;       /* the tallest character's box, at most TALLEST_BOX em of a CJK
                        * character's width: what its gaps are measured by */
  double x;            /* the first character's left edge */
  double em;           /* the width of its widest character (a CJK one: the font size) */
} Line;

/* poppler gives a character the height of its font's box: 1.0 to 1.5
 * times a CJK character's width in the PDFs of WPS, LibreOffice, Chromium
 * and wkhtmltopdf held, but 2.6 in Chromium's print in Noto Serif CJK,
 * where 0.6 of it (CELL_GAP) is wider than the 1.3 em between two cells'
 * numbers (151 3 read as one cell).  A line's height counts no more than
 * this part of its widest CJK character. */
#define TALLEST_BOX 1.5

/* A character drawn again over itself (fake bold). */
static gboolean
is_overdrawn (const Glyph *last,
              const Glyph *g)
{
  return g->c == last->c && fabs (g->x1 - last->x1) < OVERDRAWN * (last->x2 - last->x1);
}

/* A character set as Chinese text sets it: a CJK one, or the curly
 * quotes “ ” ‘ ’ that Chinese text shares with Latin, full width in its
 * fonts. */
static gboolean
is_set_as_cjk (gunichar c)
{
  return c >= 0x2E80 || (c >= 0x2018 && c <= 0x201F);
}

/* Two CJK characters side by side, neither of them a punctuation mark. */
static gboolean
are_cjk_letters (const Glyph *last,
                 const Glyph *g)
{
  return last->c >= 0x2E80 && g->c >= 0x2E80 && !g_unichar_ispunct (last->c) &&
         !g_unichar_ispunct (g->c) && !is_overdrawn (last, g);
}

/* Marks the words of a cell, glyphs first … end - 1 of a line, that stand
 * apart by WORD_GAP; returns how many it marked. */
static guint
mark_words (Glyph  *glyphs,
            guint   first,
            guint   end,
            double  em)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  double usual;
  guint n_marked = 0;

  for (guint i = first + 1; i < end; i++)
    if (are_cjk_letters (&glyphs[i - 1], &glyphs[i]))
      {
        double gap = glyphs[i].x1 - glyphs[i - 1].x2;
        g_array_append_val (gaps, gap);
      }
  if (gaps->len == 0)
    return 0;
  g_array_sort (gaps, compare_double);
  usual = g_array_index (gaps, double, gaps->len / 2);
  for (guint i = first + 1; i < end; i++)
    if (are_cjk_letters (&glyphs[i - 1], &glyphs[i]) &&
        glyphs[i].x1 - glyphs[i - 1].x2 - usual > WORD_GAP * em)
      {
        glyphs[i].word_start = TRUE;
        n_marked++;
      }
  return n_marked;
}

/* Marks where the words of a row of cells start (WORDS_APART) in a line
 * of @n glyphs sorted left to right. */
static void
mark_row_words (Glyph  *glyphs,
                guint   n,
                double  height,
                double  em)
{
  guint n_words = 1, first = 0;

  for (guint i = 1; i <= n; i++)
    if (i == n || glyphs[i].x1 - glyphs[i - 1].x2 > CELL_GAP * height)
      {
        n_words += mark_words (glyphs, first, i, em);
        if (i < n && are_cjk_letters (&glyphs[i - 1], &glyphs[i]))
          n_words++;
        first = i;
      }
  if (n_words < WORDS_APART)
    for (guint i = 0; i < n; i++)
      glyphs[i].word_start = FALSE;
}

/* Cuts the page's glyphs (sorted by centre) into lines and sorts each. */
static GArray *
find_lines (GArray *glyphs)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));

  for (guint i = 0; i < glyphs->len; )
    {
      const Glyph *first = &g_array_index (glyphs, Glyph, i);
      double sum = centre_y (first), height = first->y2 - first->y1;
      Line line = { i, 1, height, 0, first->x2 - first->x1 };
      double cjk_em = is_set_as_cjk (first->c) ? first->x2 - first->x1 : 0;

      for (guint j = i + 1; j < glyphs->len; j++)
        {
          const Glyph *g = &g_array_index (glyphs, Glyph, j);
          double h = g->y2 - g->y1;

          if (centre_y (g) - sum / line.n > SAME_LINE * MIN (h, line.height))
            break;
          sum += centre_y (g);
          line.height = MAX (line.height, h);
          line.em = MAX (line.em, g->x2 - g->x1);
          if (is_set_as_cjk (g->c))
            cjk_em = MAX (cjk_em, g->x2 - g->x1);
          line.n++;
        }
      if (cjk_em > 0)
        line.height = MIN (line.height, TALLEST_BOX * cjk_em);
      qsort (&g_array_index (glyphs, Glyph, i), line.n, sizeof (Glyph), compare_x);
      line.x = g_array_index (glyphs, Glyph, i).x1;
      mark_row_words (&g_array_index (glyphs, Glyph, i), line.n, line.height, line.em);
      g_array_append_val (lines, line);
      i += line.n;
    }
  return lines;
}

typedef struct {
  GString *text;
  double   x_start, x_end;
  double   y_start, y_end;
} Cell;

static void
cell_clear (Cell *cell)
{
  g_string_free (cell->text, TRUE);
}

/* A character of a number as printed in a table's cell. */
static gboolean
is_number_char (gunichar c)
{
  return g_unichar_isdigit (c) || c == '.' || c == ',' || c == '%' || c == 0xFF05 || c == 0xFF0E;
}

/* The cells of a line: its characters, cut at gaps wider than a space,
 * and a number that ends a cell cut from the words before it when a gap
 * wider than a word space parts them (NUMBER_GAP). */
static GArray *
line_cells (GArray     *glyphs,
            const Line *line)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  const Glyph *last = NULL;
  /* in the open cell: where a number after a wide gap starts (its byte in
   * the text, its left edge and the right edge of the words before it) */
  gsize number_at = 0;
  double number_x = 0, words_end = 0, number_gap = 0;

  g_array_set_clear_func (cells, (GDestroyNotify) cell_clear);
  for (guint i = line->first; i <= line->first + line->n; i++)
    {
      const Glyph *g = i < line->first + line->n ? &g_array_index (glyphs, Glyph, i) : NULL;
      Cell *cell;
      gboolean fresh_cell;

      if (g != NULL && last != NULL && is_overdrawn (last, g))
        continue;
      fresh_cell = g == NULL || last == NULL || g->word_start ||
                   g->x1 - last->x2 > CELL_GAP * line->height;
      if (fresh_cell && number_at > 0 &&
          number_gap > (g == NULL ? NUMBER_GAP_AT_END : NUMBER_GAP) * line->em)
        {
          /* the open cell ends in a number after a wide gap: two cells */
          Cell *open = &g_array_index (cells, Cell, cells->len - 1);
          Cell number = { g_string_new (open->text->str + number_at), number_x, open->x_end,
                           open->y_start, open->y_end };

          g_string_truncate (open->text, number_at);
          g_strchomp (open->text->str);
          g_string_set_size (open->text, strlen (open->text->str));
          open->x_end = words_end;
          g_array_append_val (cells, number);
        }
      if (fresh_cell)
        number_at = 0;
      if (g == NULL)
        break;
      if (fresh_cell)
        {
          Cell cell_new = { g_string_new (NULL), g->x1, g->x2, g->y1, g->y2 };
          g_array_append_val (cells, cell_new);
        }
      else
        {
          cell = &g_array_index (cells, Cell, cells->len - 1);
          if (g->after_space || (g->x1 - last->x2 > CELL_GAP * line->height / 3 &&
                                 !(is_set_as_cjk (g->c) && is_set_as_cjk (last->c))))
            {
              /* a space between words or numbers in running text (a
               * justified line's gaps between Chinese characters are not) */
              g_string_append_c (cell->text, ' ');
            }
          if (g_unichar_isdigit (g->c) && !is_number_char (last->c) &&
              g->x1 - last->x2 > NUMBER_GAP * line->em)
            {
              number_at = cell->text->len;
              number_x = g->x1;
              number_gap = g->x1 - last->x2;
              words_end = cell->x_end;
            }
          else if (!is_number_char (g->c))
            number_at = 0;
        }
      cell = &g_array_index (cells, Cell, cells->len - 1);
      g_string_append_unichar (cell->text, g->c);
      cell->x_end = MAX (cell->x_end, g->x2);
      cell->y_start = MIN (cell->y_start, g->y1);
      cell->y_end = MAX (cell->y_end, g->y2);
      last = g;
    }
  return cells;
}

static void
add_page (NbImportDoc *doc,
          PopplerPage *page,
          guint        page_number,
          guint       *n_glyphs)
{
  NbImportPage shown;
  g_autoptr(GArray) glyphs = page_glyphs (page, &shown);
  g_autoptr(GArray) lines = find_lines (glyphs);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  double left = G_MAXDOUBLE, width = shown.turns % 2 == 0 ? shown.width : shown.height;

  if (doc->pages->len < page_number)
    g_array_set_size (doc->pages, page_number);
  g_array_index (doc->pages, NbImportPage, page_number - 1) = shown;
  *n_glyphs += glyphs->len;
  for (guint l = 0; l < lines->len; l++)
    left = MIN (left, g_array_index (lines, Line, l).x);

  for (guint l = 0; l < lines->len; l++)
    {
      const Line *line = &g_array_index (lines, Line, l);
      g_autoptr(GArray) cells = line_cells (glyphs, line);
      guint first_cell = doc->cells->len;
      guint indent;

      g_string_truncate (text, 0);
      g_ptr_array_set_size (texts, 0);
      for (guint c = 0; c < cells->len; c++)
        {
          Cell *cell = &g_array_index (cells, Cell, c);
          if (c > 0)
            g_string_append (text, "  ");
          g_string_append (text, cell->text->str);
          g_ptr_array_add (texts, cell->text->str);
        }
      if (nb_import_is_page_number (text->str) || nb_import_is_page_footer (text->str))
        continue;
      /* in characters of the line's size, as a paragraph's first line is set */
      indent = line->em > 0 ? (guint) lround ((line->x - left) / line->em) : 0;
      nb_import_doc_add_line (doc, text->str, indent, cells->len >= 2,
                              (char **) texts->pdata, texts->len);
      nb_import_doc_set_source (doc, page_number, l + 1);
      for (guint c = 0; c < cells->len; c++)
        {
          Cell *cell = &g_array_index (cells, Cell, c);
          nb_import_doc_set_cell_extent (doc, first_cell + c, cell->x_start, cell->x_end,
                                         cell->y_start, cell->y_end);
          /* a table wider than the page (LibreOffice's): 22 shows as 2 */
          g_array_index (doc->cells, NbImportCell, first_cell + c).cut_off =
            cell->x_start < 0 || cell->x_end > width;
        }
    }
}

/* A picture covering this part of a page or more is the page itself, a
 * scan's (a page's letterhead or seal is a small part of it). */
#define SCANNED_PAGE 0.8

/* Whether a picture covers @page, @shown as add_page() read it
 * (SCANNED_PAGE). */
static gboolean
is_scanned (PopplerPage        *page,
            const NbImportPage *shown)
{
  GList *images = poppler_page_get_image_mapping (page);
  gboolean scanned = FALSE;

  for (GList *l = images; l != NULL && !scanned; l = l->next)
    {
      const PopplerRectangle *area = &((PopplerImageMapping *) l->data)->area;

      scanned = fabs ((area->x2 - area->x1) * (area->y2 - area->y1)) >= SCANNED_PAGE * shown->width * shown->height;
    }
  poppler_page_free_image_mapping (images);
  return scanned;
}

gboolean
nb_import_looks_like_pdf (const char *data,
                          gsize       length)
{
  /* the header may follow some bytes of junk (1024 by the PDF spec) */
  gsize n = MIN (length, (gsize) 1024);

  for (gsize i = 0; i + 5 <= n; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

/**
 * nb_import_read_pdf:
 * Reads the text layer of every page into @doc.
 *
 * Returns: FALSE with @error set when the PDF cannot be opened or has no
 *   text at all (a scan)
 */
gboolean
nb_import_read_pdf (NbImportDoc  *doc,
                    const char   *data,
                    gsize         length,
                    GError      **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  guint n_glyphs = 0;
  gboolean all_scanned = TRUE;   /* every page with text so far */
  int n_pages;

  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_PDF,
                     _("The PDF is protected by a password; open it, save an unprotected copy and import that"));
      else
        g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_PDF,
                     _("The PDF cannot be read: %s"), local_error->message);
      return FALSE;
    }
  doc->positioned = TRUE;
  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages && !doc->full; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      guint before = n_glyphs;

      if (page == NULL)
        continue;
      add_page (doc, page, (guint) i + 1, &n_glyphs);
      /* image mapping draws the page: only while the answer is open */
      if (n_glyphs > before && all_scanned)
        all_scanned = is_scanned (page, &g_array_index (doc->pages, NbImportPage, i));
      g_object_unref (page);
    }
  g_object_unref (document);
  /* text on every page over a picture of it: OCR's, laid over a scan,
   * which places its words only roughly and may misread any digit */
  if (n_glyphs > 0 && all_scanned)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_SCAN_TEXT,
                   _("The PDF is a scan whose text was laid over the pictures of its pages by text recognition "
                     "(OCR), which places words only roughly and may misread digits, so its tables cannot be "
                     "read from the pages; import the text the recognition gives (or pdftotext -layout's of "
                     "this PDF), whose numbers are placed only where a total checks them"));
      return FALSE;
    }
  if (n_glyphs == 0)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NO_TEXT,
                   _("The PDF has no text, only images of pages (a scan); run text recognition "
                     "(OCR) on it and import the text it gives"));
      return FALSE;
    }
  return TRUE;
}
