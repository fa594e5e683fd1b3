/* nb-rules-text.c — the rules of the report's texts
 *
 * Sections left empty or repeated from last year (S, R7, X4), the
 * 统计期限 against the year (M5), and the numbers section 一 states
 * against tables 三 and 四 (T1, T2).  What the texts say of the report's
 * organ and fees is read in nb-rules-facts.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-rules"

#include "config.h"

#include <string.h>

#include "nb-rules-private.h"
#include "nb-similarity.h"
#include "nb-text.h"

/* ---- Text rules ------------------------------------------------------------ */

/* “无”, “无。”, or nothing, with any spaces or punctuation */
static gboolean
is_nothing (const char *text)
{
  guint letters = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (nb_text_is_space (c) || g_unichar_ispunct (c))
        continue;
      if (c != 0x65E0 /* 无 */ || ++letters > 1)
        return FALSE;
    }
  return TRUE;
}

/* M5: the year of the 统计期限 a text states (“统计期限自2023年1月1日至
 * 2023年12月31日”) is the report's. */
static void
check_period (NbReport      *report,
              NbTextSection  section,
              GArray        *records)
{
  const char *text = nb_report_get_text (report, section);
  const char *period = strstr (text, "统计期限");
  const char *start, *end;
  int year = nb_report_get_year (report);

  if (period == NULL || year <= 0)
    return;
  _nb_rules_sentence_bounds (text, (guint) (period - text), &start, &end);
  for (const char *p = period; p + 4 < end; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && (p == text || !g_ascii_isdigit (p[-1])) &&
        strncmp (p + 4, "年", strlen ("年")) == 0)
      {
        int stated = (int) g_ascii_strtoll (p, NULL, 10);

        if (stated != year)
          {
            _nb_rules_record (records, RULE_M5_PERIOD, nb_text_section_number (section), NO_TABLE,
                              (guint) (period - text), stated, year, section, 0);
            return;
          }
        p += 3;
      }
}

void
_nb_rules_check_texts (NbReport *report,
                       NbReport *previous,
                       GArray   *records)
{
  const char *problems = nb_report_get_text (report, NB_TEXT_PROBLEMS);

  if (_nb_rules_is_blank_text (nb_report_get_text (report, NB_TEXT_OVERVIEW)))
    _nb_rules_record (records, RULE_S1_OVERVIEW, 1, NO_TABLE, 0, 0, 0, 0, 0);
  if (is_nothing (problems))
    _nb_rules_record (records, RULE_R7_PROBLEMS, 5, NO_TABLE, 0, 0, 0, 0, 0);
  if (_nb_rules_is_blank_text (nb_report_get_text (report, NB_TEXT_OTHER_MATTERS)))
    _nb_rules_record (records, RULE_S2_OTHER_MATTERS, 6, NO_TABLE, 0, 0, 0, 0, 0);
  check_period (report, NB_TEXT_PREFACE, records);
  check_period (report, NB_TEXT_OVERVIEW, records);
  _nb_rules_check_organ_texts (report, records);
  if (previous != NULL && !is_nothing (problems))
    {
      guint percent = nb_text_repeated_percent (problems, nb_report_get_text (previous, NB_TEXT_PROBLEMS));
      if (percent > X4_LIMIT_PERCENT)
        _nb_rules_record (records, RULE_X4_REPEATED, 5, NO_TABLE, 0, percent, 0, 0, 0);
    }
}

/* ---- Text against tables (T1, T2) ------------------------------------------- */

/* The phrases of section 一 that state a table's figure, and the figure.
 * At one place the first phrase that matches wins, so a phrase comes
 * before any shorter phrase it begins with (办结率 before 办结).
 *
 * 收到 and 受理 are read as 本年新收 (report-formats.md §5.2 T3: 淮安
 * 2024 writes “受理政府信息公开申请 3119 件” for row 一 alone; 普洱 2020
 * “受理政府信息依申请公开22件” likewise).  They, and 接收, count only when
 * 申请 stands between them and the number, so that “收到群众来信” is not
 * read as requests.  办结 and 答复 are （七）总计 (淮安: “答复 3050 件（含
 * 上年度结转申请 34 件…）”), unless a phrase before it in the clause names
 * the kind of answer (上海市科委 2024: “同意公开答复 9 件，不予公开答复 2 件，
 * 转下一年度办理答复的有 1 件”).  A number followed by 余 or 多 is an
 * estimate and is not compared. */
static const struct {
  const char *phrase;
  guint8      figure;
  guint8      needs_request;    /* 申请 must stand between phrase and number */
  guint8      number_before;    /* “103 件顺延到下年度”: the number may come first */
  guint8      yields;           /* a phrase before it takes the number: “不予公开答复 2 件” */
} text_figures[] = {
  { "结转下年度继续办理", FIGURE_CARRIED_FORWARD, FALSE, TRUE, FALSE },
  { "结转到下年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE, FALSE },
  { "结转至下年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE, FALSE },
  { "结转下年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE, FALSE },
  { "顺延到下年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE, FALSE },
  { "顺延至下年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE, FALSE },
  { "转下一年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE, FALSE },
  { "上年度结转", FIGURE_CARRIED_OVER, FALSE, FALSE, FALSE },
  { "上年结转", FIGURE_CARRIED_OVER, FALSE, FALSE, FALSE },
  { "新收", FIGURE_NEW, FALSE, FALSE, FALSE },
  { "收到", FIGURE_NEW, TRUE, FALSE, FALSE },
  { "受理", FIGURE_NEW, TRUE, FALSE, FALSE },
  { "接收", FIGURE_NEW, TRUE, FALSE, FALSE },
  { "办结率", FIGURE_RATE, FALSE, FALSE, FALSE },
  { "办结", FIGURE_RESULT, FALSE, FALSE, FALSE },
  { "答复", FIGURE_RESULT, FALSE, FALSE, TRUE },
  { "予以公开及部分公开", FIGURE_GRANTED_OR_PARTLY, FALSE, FALSE, FALSE },
  { "予以公开和部分公开", FIGURE_GRANTED_OR_PARTLY, FALSE, FALSE, FALSE },
  { "予以公开或部分公开", FIGURE_GRANTED_OR_PARTLY, FALSE, FALSE, FALSE },
  { "予以公开", FIGURE_GRANTED, FALSE, FALSE, FALSE },
  { "同意公开", FIGURE_GRANTED, FALSE, FALSE, FALSE },
  { "部分公开", FIGURE_PARTLY, FALSE, FALSE, FALSE },
  { "不予公开", FIGURE_DENIED, FALSE, FALSE, FALSE },
  { "无法提供", FIGURE_UNABLE, FALSE, FALSE, FALSE },
  { "不予处理", FIGURE_DECLINED, FALSE, FALSE, FALSE },
  { "行政复议", FIGURE_REVIEW, FALSE, FALSE, FALSE },
  { "行政诉讼", FIGURE_LITIGATION, FALSE, FALSE, FALSE },
  { "均获维持", FIGURE_ALL_UPHELD, FALSE, FALSE, FALSE },
  { "均被维持", FIGURE_ALL_UPHELD, FALSE, FALSE, FALSE },
  { "均予维持", FIGURE_ALL_UPHELD, FALSE, FALSE, FALSE },
  { "全部维持", FIGURE_ALL_UPHELD, FALSE, FALSE, FALSE },
  { "均维持", FIGURE_ALL_UPHELD, FALSE, FALSE, FALSE },
};

/* A figure of section 三 that adds up outcome rows (予以公开 … 不予处理). */
#define IS_OUTCOME(figure) ((figure) >= FIGURE_GRANTED_OR_PARTLY && (figure) <= FIGURE_DECLINED)

gboolean
_nb_rules_figure_has_row (Figure      figure,
                          const char *row_key)
{
  switch (figure)
    {
    case FIGURE_GRANTED_OR_PARTLY:
      return strcmp (row_key, "granted") == 0 || strcmp (row_key, "partly_granted") == 0;
    case FIGURE_GRANTED:
      return strcmp (row_key, "granted") == 0;
    case FIGURE_PARTLY:
      return strcmp (row_key, "partly_granted") == 0;
    case FIGURE_DENIED:
      return g_str_has_prefix (row_key, "denied_");
    case FIGURE_UNABLE:
      return g_str_has_prefix (row_key, "unable_");
    case FIGURE_DECLINED:
      return g_str_has_prefix (row_key, "declined_");
    default:
      return FALSE;
    }
}

/* An ASCII digit (g_ascii_isdigit() would take a gunichar’s low byte). */
#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

/* At most this many characters between a phrase and its number. */
#define TEXT_FIGURE_GAP 12

/* The character at @p: ASCII and the three-byte characters of Chinese
 * text decoded here, anything else by GLib. */
static inline gunichar
char_at (const char *p)
{
  guchar b = (guchar) *p;

  if (b < 0x80)
    return b;
  if ((b & 0xF0) == 0xE0 && p[1] != '\0' && p[2] != '\0')
    return ((gunichar) (b & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return g_utf8_get_char (p);
}

/* Section 一's characters without white space (a PDF copy breaks lines
 * inside words and numbers), with the byte offset of each.  Short texts
 * stay on the stack: this runs after every edit of tables 三 and 四. */
#define LETTERS_ON_STACK 1024

typedef struct {
  gunichar *c;
  guint    *at;
  guint     n;
  gunichar  c_stack[LETTERS_ON_STACK + 1];
  guint     at_stack[LETTERS_ON_STACK + 1];
} Letters;

static void
letters_init (Letters    *l,
              const char *text)
{
  gsize length = strlen (text);   /* at least as many bytes as characters */

  if (length <= LETTERS_ON_STACK)
    {
      l->c = l->c_stack;
      l->at = l->at_stack;
    }
  else
    {
      l->c = g_new (gunichar, length + 1);
      l->at = g_new (guint, length + 1);
    }
  l->n = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = char_at (p);

      if (nb_text_is_space (c))
        continue;
      /* full-width digits and percent sign */
      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF05)
        c = '%';
      l->c[l->n] = c;
      l->at[l->n] = p - text;
      l->n++;
    }
  l->at[l->n] = length;
}

static void
letters_clear (Letters *l)
{
  if (l->c != l->c_stack)
    {
      g_free (l->c);
      g_free (l->at);
    }
}

/* The phrases of text_figures[], decoded once per check. */
#define MAX_PHRASE 12

typedef struct {
  gunichar c[G_N_ELEMENTS (text_figures)][MAX_PHRASE];
  guint8   n[G_N_ELEMENTS (text_figures)];
  guint64  first_mask[4];   /* bit (c & 255) set for each phrase's first character c */
} Phrases;

#define MAY_START_PHRASE(phrases, c) \
  (((phrases)->first_mask[((c) >> 6) & 3] >> ((c) & 63) & 1) != 0)

static void
phrases_init (Phrases *phrases)
{
  memset (phrases->first_mask, 0, sizeof phrases->first_mask);
  for (guint k = 0; k < G_N_ELEMENTS (text_figures); k++)
    {
      guint n = 0;

      for (const char *p = text_figures[k].phrase; *p && n < MAX_PHRASE; p = g_utf8_next_char (p))
        phrases->c[k][n++] = char_at (p);
      phrases->n[k] = n;
      phrases->first_mask[(phrases->c[k][0] >> 6) & 3] |= G_GUINT64_CONSTANT (1) << (phrases->c[k][0] & 63);
    }
}

/* Whether phrase @k starts at letter @i. */
static gboolean
letters_match (const Letters *l,
               guint          i,
               const Phrases *phrases,
               guint          k)
{
  if (l->c[i] != phrases->c[k][0] || i + phrases->n[k] > l->n)
    return FALSE;
  for (guint j = 0; j < phrases->n[k]; j++)
    if (l->c[i + j] != phrases->c[k][j])
      return FALSE;
  return TRUE;
}

static int
chinese_digit (gunichar c)
{
  switch (c)
    {
    case 0x96F6: case 0x3007: return 0;   /* 零 〇 */
    case 0x4E00: return 1;                /* 一 */
    case 0x4E8C: case 0x4E24: return 2;   /* 二 两 */
    case 0x4E09: return 3;                /* 三 */
    case 0x56DB: return 4;                /* 四 */
    case 0x4E94: return 5;                /* 五 */
    case 0x516D: return 6;                /* 六 */
    case 0x4E03: return 7;                /* 七 */
    case 0x516B: return 8;                /* 八 */
    case 0x4E5D: return 9;                /* 九 */
    default: return -1;
    }
}

static int
chinese_unit (gunichar c)
{
  switch (c)
    {
    case 0x5341: return 10;      /* 十 */
    case 0x767E: return 100;     /* 百 */
    case 0x5343: return 1000;    /* 千 */
    case 0x4E07: return 10000;   /* 万 */
    default: return 0;
    }
}

static gboolean
starts_number (gunichar c)
{
  return IS_DIGIT (c) || chinese_digit (c) >= 0 || chinese_unit (c) == 10;
}

/* Reads a number at @i: Arabic digits (with thousands commas and, for a
 * rate, decimals) or Chinese numerals (二十二, 一百零三).  @decimals gets
 * the count of decimal places.  Returns the index after it, or @i. */
static guint
read_text_number (const Letters *l,
                  guint          i,
                  gint64        *number,
                  guint         *decimals)
{
  guint j = i;
  gint64 value = 0;

  *decimals = 0;
  if (j < l->n && IS_DIGIT (l->c[j]))
    {
      while (j < l->n && value < G_GINT64_CONSTANT (100000000000000))
        {
          if (IS_DIGIT (l->c[j]))
            value = value * 10 + (l->c[j] - '0');
          else if ((l->c[j] == ',' || l->c[j] == 0xFF0C) && j + 3 < l->n &&
                   IS_DIGIT (l->c[j + 1]) && IS_DIGIT (l->c[j + 2]) &&
                   IS_DIGIT (l->c[j + 3]) && (j + 4 >= l->n || !IS_DIGIT (l->c[j + 4])))
            ;
          else
            break;
          j++;
        }
      if (j + 1 < l->n && l->c[j] == '.' && IS_DIGIT (l->c[j + 1]))
        for (j++; j < l->n && IS_DIGIT (l->c[j]) && *decimals < 4; j++, (*decimals)++)
          value = value * 10 + (l->c[j] - '0');
      *number = value;
      return j;
    }
  else
    {
      gint64 total = 0, section = 0, digit = 0;
      gboolean any = FALSE;

      for (; j < l->n; j++)
        {
          int d = chinese_digit (l->c[j]), u = chinese_unit (l->c[j]);

          if (d >= 0)
            digit = digit * 10 + d;   /* 二〇二四 reads positionally */
          else if (u == 10000)
            {
              total += (section + digit) * 10000;
              section = digit = 0;
            }
          else if (u > 0)
            {
              section += (digit == 0 ? 1 : digit) * u;
              digit = 0;
            }
          else
            break;
          any = TRUE;
          if (total > G_GINT64_CONSTANT (100000000000000))
            break;
        }
      if (!any)
        return i;
      *number = total + section + digit;
      return j;
    }
}

static gboolean
is_clause_end (gunichar c)
{
  return g_unichar_ispunct (c) || c == 0x548C /* 和 */ || c == 0x53CA /* 及 */ ||
         c == 0x4E0E /* 与 */;
}

/* 增 减 较 比 升 降: words of a change between years */
static gboolean
is_change_word (gunichar c)
{
  return c == 0x589E || c == 0x51CF || c == 0x8F83 || c == 0x6BD4 || c == 0x5347 || c == 0x964D;
}

/* The number stated for the phrase that ends before @i: after at most
 * TEXT_FIGURE_GAP characters of the same clause. */
static gboolean
number_after (const Letters *l,
              const Phrases *phrases,
              guint          i,
              gboolean       needs_request,
              gboolean       rate,
              gint64        *number,
              guint         *decimals,
              guint         *end)
{
  gboolean request = FALSE;
  guint j, after;

  for (j = i; j < l->n && j < i + TEXT_FIGURE_GAP && !starts_number (l->c[j]); j++)
    {
      if (is_clause_end (l->c[j]))
        return FALSE;
      /* “新收申请同比增加10件” states a change, not the count */
      if (is_change_word (l->c[j]))
        return FALSE;
      /* “受理行政复议申请5件”: the number belongs to the later phrase */
      for (guint k = 0; k < G_N_ELEMENTS (text_figures); k++)
        if (!text_figures[k].yields && letters_match (l, j, phrases, k))
          return FALSE;
      if (l->c[j] == 0x7533 /* 申 */ && j + 1 < l->n && l->c[j + 1] == 0x8BF7 /* 请 */)
        request = TRUE;
    }
  if (j >= l->n || !starts_number (l->c[j]) || (needs_request && !request))
    return FALSE;
  after = read_text_number (l, j, number, decimals);
  if (after == j || after >= l->n)
    return FALSE;
  if (rate)
    {
      if (l->c[after] != '%')
        return FALSE;
    }
  else if (*decimals > 0 || (l->c[after] != 0x4EF6 /* 件 */ && l->c[after] != 0x8D77 /* 起 */))
    return FALSE;
  if (after + 1 < l->n && (l->c[after + 1] == 0x4F59 /* 余 */ || l->c[after + 1] == 0x591A /* 多 */))
    return FALSE;
  *end = after + 1;
  return TRUE;
}

/* “另有 103 件顺延到下年度”: “N件” right before the phrase at @i. */
static gboolean
number_before (const Letters *l,
               guint          i,
               gint64        *number)
{
  guint start;

  if (i < 2 || l->c[i - 1] != 0x4EF6 /* 件 */ || !IS_DIGIT (l->c[i - 2]))
    return FALSE;
  for (start = i - 2; start > 0 && IS_DIGIT (l->c[start - 1]); start--)
    ;
  *number = 0;
  for (guint j = start; j < i - 1; j++)
    *number = *number * 10 + (l->c[j] - '0');
  return TRUE;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF1B /* ； */ || c == ';' || c == 0xFF01 || c == 0xFF1F;
}

/* “共受理46件，其中自然人40件、法人9件”: the counts the rest of the
 * sentence lists after 其中, from @i; returns how many, their sum in @sum.
 * A list may leave parts out, so only a sum above the total is wrong. */
static guint
parts_after (const Letters *l,
             guint          i,
             gint64        *sum)
{
  guint n = 0, j = i;

  while (j + 1 < l->n && !is_sentence_end (l->c[j]) &&
         !(l->c[j] == 0x5176 /* 其 */ && l->c[j + 1] == 0x4E2D /* 中 */))
    j++;
  if (j + 1 >= l->n || is_sentence_end (l->c[j]))
    return 0;
  *sum = 0;
  for (j += 2; j < l->n && !is_sentence_end (l->c[j]); j++)
    if (IS_DIGIT (l->c[j]) && (j == 0 || !IS_DIGIT (l->c[j - 1])))
      {
        gint64 part;
        guint decimals, after = read_text_number (l, j, &part, &decimals);

        if (after < l->n && decimals == 0 && l->c[after] == 0x4EF6 /* 件 */)
          {
            *sum += part;
            n++;
          }
        j = after > j ? after - 1 : j;
      }
  return n;
}

/* “……12件，占40%” or “占比40.5%”: the share stated right after a count
 * that ends before @i. */
static gboolean
share_after (const Letters *l,
             guint          i,
             gint64        *percent,
             guint         *decimals)
{
  guint j = i, after;

  if (j < l->n && (l->c[j] == 0xFF0C /* ， */ || l->c[j] == ',' || l->c[j] == 0x3001 /* 、 */))
    j++;
  if (j >= l->n || l->c[j] != 0x5360 /* 占 */)
    return FALSE;
  for (j++; j < l->n && j < i + 10 && !starts_number (l->c[j]); j++)
    if (is_clause_end (l->c[j]))
      return FALSE;
  if (j >= l->n || !IS_DIGIT (l->c[j]))
    return FALSE;
  after = read_text_number (l, j, percent, decimals);
  return after < l->n && l->c[after] == '%';
}

static gint64
total_of (NbTable    *table,
          const char *row_key,
          const char *column_key,
          gboolean   *ok)
{
  gboolean present;
  gint64 n = _nb_rules_number_by_key (table, row_key, column_key, &present);

  /* a figure against a cell the importer could not place says nothing */
  *ok &= present && _nb_rules_imported_by_key (table, row_key, column_key);
  return n;
}

/* What section 一 states: a figure, its number, where. */
typedef struct {
  guint8  figure;     /* Figure */
  guint8  decimals;   /* of a stated rate or share */
  guint   at;         /* byte offset of the phrase in section 一 */
  gint64  number;
  gint64  hash;       /* of the sentence around it */
  gint64  of;         /* a share's count: the N of “N件，占P%” */
} Statement;

struct _NbTextFigures
{
  GArray *statements;   /* of Statement */
};

void
nb_text_figures_free (NbTextFigures *figures)
{
  g_array_unref (figures->statements);
  g_free (figures);
}

/**
 * nb_rules_read_text_figures:
 * Reads the numbers section 一 states about requests and appeals.  The
 * checker keeps the result until section 一 changes, so that an edit of
 * tables 三 and 四 only compares.
 */
NbTextFigures *
nb_rules_read_text_figures (NbReport *report)
{
  NbTextFigures *figures = g_new0 (NbTextFigures, 1);
  const char *text = nb_report_get_text (report, NB_TEXT_OVERVIEW);
  Phrases phrases;
  Letters l;
  guint taken_end = 0;   /* where the number last taken ends */

  figures->statements = g_array_new (FALSE, FALSE, sizeof (Statement));
  if (*text == '\0')
    return figures;

  phrases_init (&phrases);
  letters_init (&l, text);
  for (guint i = 0; i < l.n; i++)
    for (guint k = 0; k < G_N_ELEMENTS (text_figures); k++)
      {
        Figure figure;
        guint length, decimals = 0, end = 0;
        gint64 number = 0;

        if (!MAY_START_PHRASE (&phrases, l.c[i]))
          break;
        if (l.c[i] != phrases.c[k][0] || !letters_match (&l, i, &phrases, k))
          continue;
        figure = text_figures[k].figure;
        length = phrases.n[k];
        if (figure == FIGURE_ALL_UPHELD)
          {
            Statement statement = { figure, 0, l.at[i], 0, _nb_rules_sentence_hash (text, l.at[i]), 0 };
            g_array_append_val (figures->statements, statement);
          }
        else if ((text_figures[k].number_before && number_before (&l, i, &number)) ||
                 number_after (&l, &phrases, i + length, text_figures[k].needs_request,
                               figure == FIGURE_RATE, &number, &decimals, &end))
          {
            Statement statement = {
              figure, decimals, l.at[i], number, _nb_rules_sentence_hash (text, l.at[i]), 0,
            };
            gint64 percent;
            guint share_decimals;

            gint64 parts;

            if (text_figures[k].yields && end > 0 && end == taken_end)
              {
                i += length - 1;
                break;
              }
            taken_end = end;
            g_array_append_val (figures->statements, statement);
            if (figure != FIGURE_RATE && end > 0 && parts_after (&l, end, &parts) >= 2 && parts > number)
              {
                /* decimals: the figure listed, for the rule (T1 or T2) */
                Statement list = { FIGURE_PARTS, figure, statement.at, number, statement.hash, parts };
                g_array_append_val (figures->statements, list);
              }
            if (IS_OUTCOME (figure) && end > 0 && share_after (&l, end, &percent, &share_decimals))
              {
                Statement share = {
                  FIGURE_SHARE, share_decimals, l.at[end], percent, statement.hash, number,
                };
                g_array_append_val (figures->statements, share);
              }
          }
        /* one phrase at a place; go on after it */
        i += length - 1;
        break;
      }
  letters_clear (&l);
  return figures;
}

/* The phrase of a statement that starts at @at in @text, for its message */
const char *
_nb_rules_text_figure_phrase (const char *text,
                              guint       at)
{
  for (guint k = 0; k < G_N_ELEMENTS (text_figures); k++)
    if (strncmp (text + at, text_figures[k].phrase, strlen (text_figures[k].phrase)) == 0)
      return text_figures[k].phrase;
  return "";
}

/* The sum of the outcome rows @figure names, 总计 column. */
static gint64
outcome_sum (NbTable  *requests,
             Figure    figure,
             gboolean *ok)
{
  const NbTableDef *def = nb_table_get_def (requests);
  gint64 sum = 0;

  for (guint r = 0; r < def->n_rows; r++)
    if (_nb_rules_figure_has_row (figure, def->rows[r].key))
      sum += total_of (requests, def->rows[r].key, "total", ok);
  return sum;
}

/* Whether the stated @percent (to @decimals places) is @count ÷ @denominator. */
static gboolean
percent_matches (gint64 percent,
                 guint  decimals,
                 gint64 count,
                 gint64 denominator)
{
  gint64 scale = 1;

  for (guint d = 0; d < decimals; d++)
    scale *= 10;
  /* within half of its last place */
  return denominator > 0 && ABS (percent * denominator - 100 * scale * count) * 2 <= denominator;
}

/* “N件，占P%”: P must be N over one of the totals a report divides by —
 * 新收, 新收 + 上年结转, or （七）总计; the message names 新收 + 上年结转. */
static void
check_share (NbTable         *requests,
             const Statement *statement,
             GArray          *records)
{
  gboolean ok = TRUE;
  gint64 new_requests = total_of (requests, "new", "total", &ok);
  gint64 received = new_requests + total_of (requests, "carried_over", "total", &ok);
  gint64 handled = total_of (requests, "result_total", "total", &ok);

  if (!ok || received == 0 || percent_matches (statement->number, statement->decimals, statement->of, new_requests) ||
      percent_matches (statement->number, statement->decimals, statement->of, received) ||
      percent_matches (statement->number, statement->decimals, statement->of, handled))
    return;
  _nb_rules_record (records, RULE_T1_TEXT_REQUESTS, 1, NO_TABLE, statement->at, statement->number,
                    statement->of, FIGURE_SHARE | ((gint64) statement->decimals << 8) | (received << 16),
                    statement->hash);
}

/* The cases of section 四 that were not upheld: 结果纠正, 其他结果, 尚未审结,
 * of 行政复议 when @blocks has bit 0, of the two 行政诉讼 blocks with bit 1;
 * @columns (nullable) gets the column of each such cell that has cases. */
gint64
_nb_rules_not_upheld (NbTable  *appeals,
                      guint     blocks,
                      GArray   *columns,
                      gboolean *ok)
{
  static const char *const prefixes[] = { "review", "direct", "after_review" };
  static const char *const outcomes[] = { "corrected", "other", "pending" };
  gint64 sum = 0;

  for (guint b = 0; b < G_N_ELEMENTS (prefixes); b++)
    if (blocks & (b == 0 ? 1 : 2))
      for (guint o = 0; o < G_N_ELEMENTS (outcomes); o++)
        {
          g_autofree char *key = g_strconcat (prefixes[b], "_", outcomes[o], NULL);
          gint64 n = total_of (appeals, "cases", key, ok);
          int column = nb_table_def_find_column (nb_table_get_def (appeals), key);

          if (n > 0 && columns != NULL)
            g_array_append_val (columns, column);
          sum += n;
        }
  return sum;
}

/* “行政复议 3 件，均获维持”: the sentence names 复议, 诉讼 or both (neither:
 * both), and none of their cases may have another outcome. */
static void
check_upheld (NbReport        *report,
              NbTable         *appeals,
              const Statement *statement,
              GArray          *records)
{
  const char *text = nb_report_get_text (report, NB_TEXT_OVERVIEW);
  const char *start, *end;
  g_autofree char *sentence = NULL;
  guint blocks;
  gboolean ok = TRUE;
  gint64 others;

  _nb_rules_sentence_bounds (text, statement->at, &start, &end);
  sentence = g_strndup (start, end - start);
  blocks = (strstr (sentence, "复议") != NULL ? 1 : 0) | (strstr (sentence, "诉讼") != NULL ? 2 : 0);
  if (blocks == 0)
    blocks = 3;
  others = _nb_rules_not_upheld (appeals, blocks, NULL, &ok);
  if (ok && others > 0)
    _nb_rules_record (records, RULE_T2_TEXT_APPEALS, 1, NO_TABLE, statement->at, 0, others,
                      FIGURE_ALL_UPHELD | ((gint64) blocks << 8), statement->hash);
}

/* T1, T2: each statement of section 一 against tables 三 and 四. */
void
_nb_rules_check_text_figures (NbReport            *report,
                              const NbTextFigures *figures,
                              GArray              *records)
{
  NbTable *requests = nb_report_get_table (report, "s3_requests");
  NbTable *appeals = nb_report_get_table (report, "s4_appeals");

  if (requests == NULL || appeals == NULL)
    return;

  for (guint s = 0; s < figures->statements->len; s++)
    {
      const Statement *statement = &g_array_index (figures->statements, Statement, s);
      Figure figure = statement->figure;
      Rule rule = figure >= FIGURE_REVIEW ? RULE_T2_TEXT_APPEALS : RULE_T1_TEXT_REQUESTS;
      gint64 number = statement->number, actual, denominator = 0;
      guint decimals = statement->decimals;
      gboolean ok = TRUE, differs;

      if (figure == FIGURE_SHARE)
        {
          check_share (requests, statement, records);
          continue;
        }
      if (figure == FIGURE_PARTS)
        {
          _nb_rules_record (records, statement->decimals >= FIGURE_REVIEW ? RULE_T2_TEXT_APPEALS
                                                                          : RULE_T1_TEXT_REQUESTS,
                            1, NO_TABLE, statement->at, statement->number, statement->of,
                            FIGURE_PARTS, statement->hash);
          continue;
        }
      if (figure == FIGURE_ALL_UPHELD)
        {
          check_upheld (report, appeals, statement, records);
          continue;
        }
      switch (figure)
        {
        case FIGURE_NEW:
          actual = total_of (requests, "new", "total", &ok);
          break;
        case FIGURE_CARRIED_OVER:
          actual = total_of (requests, "carried_over", "total", &ok);
          break;
        case FIGURE_RESULT:
        case FIGURE_RATE:
          actual = total_of (requests, "result_total", "total", &ok);
          denominator = total_of (requests, "new", "total", &ok) +
                        total_of (requests, "carried_over", "total", &ok);
          break;
        case FIGURE_CARRIED_FORWARD:
          actual = total_of (requests, "carried_forward", "total", &ok);
          break;
        case FIGURE_GRANTED_OR_PARTLY:
        case FIGURE_GRANTED:
        case FIGURE_PARTLY:
        case FIGURE_DENIED:
        case FIGURE_UNABLE:
        case FIGURE_DECLINED:
          actual = outcome_sum (requests, figure, &ok);
          break;
        case FIGURE_REVIEW:
          actual = total_of (appeals, "cases", "review_total", &ok);
          break;
        case FIGURE_LITIGATION:
        default:
          actual = total_of (appeals, "cases", "direct_total", &ok) +
                   total_of (appeals, "cases", "after_review_total", &ok);
          break;
        }
      if (!ok)
        continue;

      if (figure == FIGURE_RATE)
        {
          /* the stated rate, to its own decimals, against
           * 100 × actual ÷ denominator: differs by more than half of its
           * last place */
          gint64 scale = 1;

          for (guint d = 0; d < decimals; d++)
            scale *= 10;
          differs = denominator > 0 &&
                    ABS (number * denominator - 100 * scale * actual) * 2 > denominator;
        }
      else
        differs = number != actual;
      if (differs)
        _nb_rules_record (records, rule, 1, NO_TABLE, statement->at, number, actual,
                          figure | ((gint64) decimals << 8) | (denominator << 16),
                          statement->hash);
    }
}
