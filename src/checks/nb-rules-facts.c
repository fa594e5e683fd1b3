/* nb-rules-facts.c — what the texts say of the report itself
 *
 * The organ a text names where it describes the report (M6), and what
 * section 六 says of the information-processing fees, against section 三
 * (R8).  Both read a text without its white space: a PDF copy breaks
 * lines and puts spaces around numbers anywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-rules"

#include "config.h"

#include <string.h>

#include "nb-rules-private.h"
#include "nb-text.h"

/* ---- A text without white space ------------------------------------------- */

typedef struct {
  char  *s;        /* the text without white space, full-width digits as ASCII */
  guint *at;       /* at[i]: byte offset in the text of the character byte i of s is in */
  gsize  length;   /* of s; at[length] is the text's length */
} Compact;

static void
compact_init (Compact    *c,
              const char *text)
{
  gsize n = strlen (text), j = 0;

  c->s = g_malloc (n + 1);
  c->at = g_new (guint, n + 1);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (nb_text_is_space (u))
        continue;
      if (u >= 0xFF10 && u <= 0xFF19)
        {
          c->at[j] = p - text;
          c->s[j++] = (char) ('0' + (u - 0xFF10));
          continue;
        }
      for (const char *q = p; q < next && *q; q++)
        {
          c->at[j] = p - text;
          c->s[j++] = *q;
        }
    }
  c->s[j] = '\0';
  c->at[j] = n;
  c->length = j;
}

static void
compact_clear (Compact *c)
{
  g_free (c->s);
  g_free (c->at);
}

/* The byte offset in @text just after the character that ends at byte @end of @c. */
static guint
compact_text_end (const Compact *c,
                  const char    *text,
                  gsize          end)
{
  guint last;

  if (end == 0)
    return c->at[0];
  last = c->at[end - 1];
  return (guint) (g_utf8_next_char (text + last) - text);
}

/* Whether the text had white space before byte @i of @c (0 < @i ≤ length). */
static gboolean
compact_gap_before (const Compact *c,
                    const char    *text,
                    gsize          i)
{
  return c->at[i] > compact_text_end (c, text, i);
}

static gboolean
starts_with (const char *p,
             const char *word)
{
  return strncmp (p, word, strlen (word)) == 0;
}

/* Whether [start, end) contains @word. */
static gboolean
span_has (const char *start,
          const char *end,
          const char *word)
{
  gsize n = strlen (word);

  for (const char *p = start; p + n <= end; p++)
    if (*p == *word && memcmp (p, word, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
span_has_any (const char        *start,
              const char        *end,
              const char *const *words,
              gsize              n_words)
{
  for (gsize i = 0; i < n_words; i++)
    if (span_has (start, end, words[i]))
      return TRUE;
  return FALSE;
}

/* Punctuation ends a name, a clause or a number's reach. */
static gboolean
is_punct_at (const char *p)
{
  return *p != '\0' && g_unichar_ispunct (g_utf8_get_char (p));
}

#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

/* ---- M6: the organ the texts name ------------------------------------------- */

/* At most this many characters in an organ's name. */
#define NAME_MAX_CHARS 30

/* A text names its organ in a place or two; past this many places of one
 * kind it is not a report's text, and reading on would only cost time
 * (the texts are checked again after every edit). */
#define MAX_PLACES 16

/* The endings of an organ's name; where two begin alike, the longer first. */
static const char *const organ_endings[] = {
  "街道办事处", "人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府办公厅", "政府",
  "管委会", "委员会", "办公室", "办公厅", "中心", "局", "委", "厅", "办", "院", "署",
};

/* The offices that may follow another ending (某县教育局办公室). */
static const char *const office_endings[] = { "办公室", "办公厅", "办" };

/* Words a name does not start with: pronouns, the whole area, a level
 * without a place (市政府办公室 is the city's, whoever reports), and
 * prepositions (“根据市政府办公室要求”). */
static const char *const not_name_starts[] = {
  "我", "该", "在", "经", "由", "对", "为", "以", "据", "各", "本机关", "本单位", "本部门", "本局",
  "本委", "本办", "本厅", "本院", "本中心", "本级", "根据", "依据", "依照", "遵照", "按照",
  "结合", "围绕", "针对", "随着", "通过", "全市", "全县", "全区", "全省", "全镇", "全乡", "全年",
  "全面", "上级", "中共", "省", "市", "县", "区", "州",
};

/* Words no organ's name contains: verbs and adverbs of the sentence that
 * follows a subject, and the party (县委, 党政办: not a government organ). */
static const char *const not_name_words[] = {
  "的", "党", "关于", "坚持", "认真", "贯彻", "落实", "深入", "持续", "进一步", "紧紧", "紧扣",
  "严格", "始终", "积极", "高度", "聚焦", "立足", "围绕", "不断", "切实", "扎实", "大力", "着力",
  "统筹", "加强", "强化", "注重", "按照", "根据", "要求", "领导", "指导", "部署", "印发",
};

/* The length of the organ ending that starts at @p, or 0. */
static gsize
ending_at (const char         *p,
           const char *const  *endings,
           gsize               n_endings)
{
  for (gsize i = 0; i < n_endings; i++)
    if (starts_with (p, endings[i]))
      return strlen (endings[i]);
  return 0;
}

/* Whether [start, end) is an organ's name: it ends with an organ ending,
 * and is not a pronoun, a party committee or a clause. */
static gboolean
is_organ_name (const char *start,
               const char *end)
{
  glong chars = g_utf8_strlen (start, end - start);
  gboolean ends = FALSE;

  if (chars < 3 || chars > NAME_MAX_CHARS)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (organ_endings) && !ends; i++)
    {
      gsize n = strlen (organ_endings[i]);

      ends = (gsize) (end - start) > n && memcmp (end - n, organ_endings[i], n) == 0;
      /* 县委, 党委, 工委: committees of the party */
      if (ends && strcmp (organ_endings[i], "委") == 0)
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (end - n));

          ends = g_utf8_strchr ("省市县区州镇乡党工", -1, before) == NULL;
        }
    }
  if (!ends)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (not_name_starts); i++)
    if (starts_with (start, not_name_starts[i]))
      return FALSE;
  return !span_has_any (start, end, not_name_words, G_N_ELEMENTS (not_name_words));
}

/* A name in its comparable form: without white space, punctuation and
 * 中华人民共和国, with 政府 for 人民政府 (示例县政府办公室 is 示例县人民政府办公室). */
static gunichar *
normalise_organ (const char *name,
                 glong      *n)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char *p = name;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (starts_with (p, "中华人民共和国"))
        p += strlen ("中华人民共和国");
      else if (starts_with (p, "人民政府"))
        {
          g_string_append (s, "政府");
          p += strlen ("人民政府");
        }
      else
        {
          if (!nb_text_is_space (c) && !g_unichar_ispunct (c))
            g_string_append_unichar (s, c);
          p = g_utf8_next_char (p);
        }
    }
  return g_utf8_to_ucs4_fast (s->str, -1, n);
}

/* Whether @a's characters all appear in @b in order: an abbreviation
 * leaves out characters (示例县政府办 of 示例县政府办公室), a fuller name
 * adds levels (淮安市洪泽区政府 of 洪泽区政府). */
static gboolean
is_subsequence (const gunichar *a,
                glong           n_a,
                const gunichar *b,
                glong           n_b)
{
  glong i = 0;

  for (glong j = 0; i < n_a && j < n_b; j++)
    if (a[i] == b[j])
      i++;
  return i == n_a;
}

/* Whether the name a text gives @named is the report's @organ, a short
 * form of it, a fuller form, or the office of the government that
 * reports (条例 第三条: a government's office runs its disclosure, and
 * writes its report: 淮安市人民政府办公室 for 淮安市人民政府). */
gboolean
_nb_rules_organ_matches (const char *named,
                         const char *organ)
{
  glong n_named, n_organ;
  g_autofree gunichar *a = normalise_organ (named, &n_named);
  g_autofree gunichar *b = normalise_organ (organ, &n_organ);
  static const gunichar office[] = { 0x529E, 0x516C, 0x5BA4 };   /* 办公室 */
  static const gunichar hall[] = { 0x529E, 0x516C, 0x5385 };     /* 办公厅 */

  if (is_subsequence (a, n_named, b, n_organ) || is_subsequence (b, n_organ, a, n_named))
    return TRUE;
  /* the government's office: 政府 + 办公室 or 办公厅 */
  if (n_organ >= 2 && b[n_organ - 2] == 0x653F /* 政 */ && b[n_organ - 1] == 0x5E9C /* 府 */)
    {
      g_autofree gunichar *office_b = g_new (gunichar, n_organ + 3);

      for (guint k = 0; k < 2; k++)
        {
          memcpy (office_b, b, n_organ * sizeof (gunichar));
          memcpy (office_b + n_organ, k == 0 ? office : hall, sizeof office);
          if (is_subsequence (a, n_named, office_b, n_organ + 3))
            return TRUE;
        }
    }
  return FALSE;
}

/* Returns whether @named (bytes @start to @end of @c) is another organ,
 * recorded. */
static gboolean
record_organ (const char    *text,
              const Compact *c,
              gsize          start,
              gsize          end,
              NbTextSection  section,
              const char    *organ,
              GArray        *records)
{
  g_autofree char *named = g_strndup (c->s + start, end - start);
  guint at = c->at[start];

  if (_nb_rules_organ_matches (named, organ))
    return FALSE;
  _nb_rules_record (records, RULE_M6_ORGAN, nb_text_section_number (section), NO_TABLE, at,
                    compact_text_end (c, text, end), section, _nb_rules_sentence_hash (text, at),
                    g_str_hash (organ));
  return TRUE;
}

/* The words that end the subject of “本报告由……编制”. */
static const char *const compiled_by_ends[] = {
  "根据", "依据", "依照", "按照", "遵照", "结合", "编制", "编写", "制作", "汇总", "负责", "组织",
  "牵头", "会同", "在",
};

/* “本报告由淮安市人民政府办公室根据《条例》编制”: the organ between 由 and
 * the verb. */
static gboolean
check_compiled_by (const char    *text,
                   const Compact *c,
                   NbTextSection  section,
                   const char    *organ,
                   GArray        *records)
{
  guint places = 0;

  for (const char *hit = strstr (c->s, "报告由"); hit != NULL && places++ < MAX_PLACES;
       hit = strstr (hit + 1, "报告由"))
    {
      const char *start = hit + strlen ("报告由"), *p = start;

      for (glong chars = 0; *p && chars <= NAME_MAX_CHARS; p = g_utf8_next_char (p), chars++)
        if (is_punct_at (p) ||
            ending_at (p, compiled_by_ends, G_N_ELEMENTS (compiled_by_ends)) > 0)
          break;
      if (*p != '\0' && p > start && is_organ_name (start, p) &&
          record_organ (text, c, start - c->s, p - c->s, section, organ, records))
        return TRUE;
    }
  return FALSE;
}

/* The words before the organ in “编制普洱市人民政府办公室2020年政府信息公开
 * 工作年度报告”. */
static const char *const title_leads[] = {
  "本报告为", "本报告是", "报告为", "编制", "编写", "制作", "发布", "公布", "形成", "现将", "特将",
  "现予", "的",
};

/* What may follow the title: its end, or a verb (“……年度报告。”, “……年度报告
 * 现予公布”); not more words of another title (“……年度报告编制要点”). */
static gboolean
title_ends_at (const Compact *c,
               const char    *text,
               gsize          i)
{
  return i >= c->length || compact_gap_before (c, text, i) || is_punct_at (c->s + i) ||
         starts_with (c->s + i, "现") || starts_with (c->s + i, "予以") ||
         starts_with (c->s + i, "公布") || starts_with (c->s + i, "如下") ||
         starts_with (c->s + i, "由");
}

/* “〈organ〉2024年政府信息公开工作年度报告” of the report's year: the organ
 * before the year. */
static gboolean
check_title_phrase (const char    *text,
                    const Compact *c,
                    NbTextSection  section,
                    const char    *organ,
                    int            year,
                    GArray        *records)
{
  static const char phrase[] = "政府信息公开工作年度报告";
  guint places = 0;

  for (const char *hit = strstr (c->s, phrase); hit != NULL && places++ < MAX_PLACES;
       hit = strstr (hit + 1, phrase))
    {
      const char *y = hit, *start;
      glong chars = 0;
      gboolean bounded = TRUE;   /* the name's start is known */

      if (y - c->s >= (gssize) strlen ("年度") && starts_with (y - strlen ("年度"), "年度"))
        y -= strlen ("年度");
      else if (y - c->s >= (gssize) strlen ("年") && starts_with (y - strlen ("年"), "年"))
        y -= strlen ("年");
      else
        continue;
      if (y - c->s < 4 || !IS_DIGIT (y[-1]) || !IS_DIGIT (y[-2]) || !IS_DIGIT (y[-3]) ||
          !IS_DIGIT (y[-4]) || (y - c->s > 4 && IS_DIGIT (y[-5])) ||
          g_ascii_strtoll (y - 4, NULL, 10) != year ||
          !title_ends_at (c, text, hit + strlen (phrase) - c->s))
        continue;
      y -= 4;
      /* back to the start of the clause or line, then past the verb
       * before the organ */
      for (start = y; start > c->s; chars++)
        {
          const char *prev = g_utf8_prev_char (start);

          if (is_punct_at (prev) || compact_gap_before (c, text, start - c->s))
            break;
          if (chars == NAME_MAX_CHARS)
            {
              bounded = FALSE;
              break;
            }
          start = prev;
        }
      for (const char *p = start; p < y; p = g_utf8_next_char (p))
        {
          gsize lead = ending_at (p, title_leads, G_N_ELEMENTS (title_leads));

          if (lead > 0 && p + lead <= y)
            {
              start = p + lead;
              bounded = TRUE;
            }
        }
      if (bounded && is_organ_name (start, y) &&
          record_organ (text, c, start - c->s, y - c->s, section, organ, records))
        return TRUE;
    }
  return FALSE;
}

/* What 政府 begins besides an organ: 政府信息, 政府网站 … */
static const char *const government_things[] = {
  "信息", "网站", "门户", "公报", "工作", "常务", "规章", "文件",
};

/* Whether the @n bytes at @p end with @suffix. */
static gboolean
ends_with_len (const char *p,
                      gsize       n,
                      const char *suffix)
{
  gsize k = strlen (suffix);

  return n >= k && memcmp (p + n - k, suffix, k) == 0;
}

/* “2024年，普洱市人民政府办公室认真落实……”: the subject of section 一's
 * first clause, to the end of its first organ ending (with an office
 * after it: 某县教育局办公室). */
static void
check_opening (const char    *text,
               const Compact *c,
               const char    *organ,
               GArray        *records)
{
  const char *p = c->s, *start;
  gsize n = 0;

  if (!IS_DIGIT (p[0]) || !IS_DIGIT (p[1]) || !IS_DIGIT (p[2]) || !IS_DIGIT (p[3]) ||
      !starts_with (p + 4, "年"))
    return;
  p += 4 + strlen ("年");
  if (starts_with (p, "度"))
    p += strlen ("度");
  if (starts_with (p, "以来"))
    p += strlen ("以来");
  if (starts_with (p, "，"))
    p += strlen ("，");
  else if (*p == ',')
    p++;
  else
    return;

  start = p;
  for (glong chars = 0; *p && chars < NAME_MAX_CHARS; p = g_utf8_next_char (p), chars++)
    {
      if (is_punct_at (p))
        return;
      n = ending_at (p, organ_endings, G_N_ELEMENTS (organ_endings));
      /* “2024年，示例市政府信息公开工作……”: the work, not an organ */
      if (n > 0 && ends_with_len (p, n, "政府") &&
          ending_at (p + n, government_things, G_N_ELEMENTS (government_things)) > 0)
        n = 0;
      if (n > 0)
        break;
    }
  if (n == 0 || *p == '\0')
    return;
  /* 局 + 办公室, 政府 + 办; not 办公室 + 办 */
  if (g_strrstr_len (p, n, "办") == NULL)
    p += n + ending_at (p + n, office_endings, G_N_ELEMENTS (office_endings));
  else
    p += n;
  if (is_organ_name (start, p))
    record_organ (text, c, start - c->s, p - c->s, NB_TEXT_OVERVIEW, organ, records);
}

/* M6: the organ named where a text describes the report — the subject
 * of “本报告由……编制”, the organ of the title “……2024年政府信息公开工作年度
 * 报告”, the subject of section 一's opening “2024年，……” — is the
 * report's organ or a form of it.  Other organs a report names (“根据市
 * 政府办公室要求”) are not read. */
void
_nb_rules_check_organ_texts (NbReport *report,
                             GArray   *records)
{
  static const NbTextSection sections[] = { NB_TEXT_PREFACE, NB_TEXT_OVERVIEW };
  const char *organ = nb_report_get_organ (report);

  if (_nb_rules_is_blank_text (organ))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const char *text = nb_report_get_text (report, sections[i]);
      Compact c;

      if (*text == '\0')
        continue;
      /* one finding a text: the first name that is another organ's */
      compact_init (&c, text);
      if (!check_compiled_by (text, &c, sections[i], organ, records) &&
          !check_title_phrase (text, &c, sections[i], organ, nb_report_get_year (report), records) &&
          sections[i] == NB_TEXT_OVERVIEW)
        check_opening (text, &c, organ, records);
      compact_clear (&c);
    }
}

/* ---- R8: the information-processing fees of section 六 --------------------- */

/* What section 六 states of this year's fees, or of the fee notices. */
typedef struct {
  guint  at;      /* byte offset in the text */
  gint64 value;   /* an amount in 分 (1/100 元), or a number of notices */
} FeeFact;

/* Punctuation that ends a clause; not the colon of “信息处理费：0元”. */
static gboolean
is_clause_end_at (const char *p)
{
  static const char *const ends[] = { "，", "。", "；", "！", "？", "、", "（", "）", "《", "》", "“", "”" };
  guchar b = (guchar) *p;

  if (b < 0x80)
    return b == ',' || b == ';' || b == '!' || b == '?' || b == '(' || b == ')';
  /* the lead bytes of these marks (U+2000…, U+3000…, U+FF00…); not of
   * the Chinese characters between them */
  if (b != 0xE2 && b != 0xE3 && b != 0xEF)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (ends); i++)
    if (starts_with (p, ends[i]))
      return TRUE;
  return FALSE;
}

/* A clause or a sentence is read this many characters either side at
 * most: section 六 is read after every edit of section 三, and a text
 * without punctuation must not cost the square of its length. */
#define CLAUSE_MAX_CHARS   60
#define SENTENCE_MAX_CHARS 200

static const char *
clause_start (const char *s,
              const char *p)
{
  for (guint n = 0; p > s && n < CLAUSE_MAX_CHARS; n++)
    {
      const char *prev = g_utf8_prev_char (p);

      if (is_clause_end_at (prev))
        break;
      p = prev;
    }
  return p;
}

static const char *
clause_end (const char *p)
{
  for (guint n = 0; *p && n < CLAUSE_MAX_CHARS && !is_clause_end_at (p); n++)
    p = g_utf8_next_char (p);
  return p;
}

static gboolean
is_sentence_end_at (const char *p)
{
  return starts_with (p, "。") || starts_with (p, "；") || starts_with (p, "！") ||
         starts_with (p, "？") || *p == ';' || *p == '!' || *p == '?';
}

/* Words of a sentence about other years than the report's. */
static const char *const other_period_words[] = {
  "上年", "去年", "上一年", "前年", "同比", "较上", "比上", "累计", "以来", "历年",
};

/* Whether the sentence around @p compares years, or names two: its fees
 * are not this year's alone (“2023年收取100元，2024年收取200元”). */
static gboolean
is_other_period (const char *s,
                 const char *p)
{
  const char *start = p, *end = p;
  gint64 first = 0;

  for (guint n = 0; start > s && n < SENTENCE_MAX_CHARS; n++)
    {
      const char *prev = g_utf8_prev_char (start);

      if (is_sentence_end_at (prev))
        break;
      start = prev;
    }
  for (guint n = 0; *end && n < SENTENCE_MAX_CHARS && !is_sentence_end_at (end); n++)
    end = g_utf8_next_char (end);
  if (span_has_any (start, end, other_period_words, G_N_ELEMENTS (other_period_words)))
    return TRUE;
  for (const char *q = start; q + 4 < end; q++)
    if (IS_DIGIT (q[0]) && IS_DIGIT (q[1]) && IS_DIGIT (q[2]) && IS_DIGIT (q[3]) &&
        (q == start || !IS_DIGIT (q[-1])) && starts_with (q + 4, "年"))
      {
        gint64 year = g_ascii_strtoll (q, NULL, 10);

        if (first != 0 && year != first)
          return TRUE;
        first = year;
        q += 3;
      }
  return FALSE;
}

/* An amount at @p: 3940元, 0.5万元, 零元, in 分 (1/100 元); exact or not read. */
static gboolean
read_amount (const char *p,
             gint64     *fen)
{
  gint64 whole = 0, fraction = 0;
  guint digits = 0, decimals = 0, places;

  if (starts_with (p, "零元"))
    {
      *fen = 0;
      return TRUE;
    }
  for (; IS_DIGIT (*p) && digits < 12; p++, digits++)
    whole = whole * 10 + (*p - '0');
  if (digits == 0 || IS_DIGIT (*p))
    return FALSE;
  if (*p == '.' && IS_DIGIT (p[1]))
    for (p++; IS_DIGIT (*p) && decimals < 7; p++, decimals++)
      fraction = fraction * 10 + (*p - '0');
  if (starts_with (p, "元"))
    places = 2;
  else if (starts_with (p, "万元"))
    {
      places = 6;
      whole *= 10000;
    }
  else
    return FALSE;
  if (decimals > places)
    return FALSE;
  for (guint d = decimals; d < places; d++)
    fraction *= 10;
  *fen = whole * 100 + fraction;
  return TRUE;
}

/* Words that make a figure after 信息处理费 a rate, not what was charged. */
static const char *const fee_rate_words[] = { "每", "标准", "超", "按", "以上", "以下" };

/* Words before 信息处理费 that say none was charged. */
static const char *const no_fee_words[] = {
  "未收取", "没有收取", "未曾收取", "未收", "未产生", "未发生", "未涉及",
};

/* “全年收取信息处理费 3940 元”, “信息处理费收入0.5万元”; “未收取信息处理费”
 * is 0.  Policy (“不收取”, “免收”: of which requests?) and rates
 * (“每件100元”) are not read. */
static gboolean
read_fee_at (const char *s,
             const char *hit,
             gint64     *fen)
{
  const char *from = clause_start (s, hit), *to = clause_end (hit);
  const char *p = hit + strlen ("信息处理费");

  for (glong chars = 0; p < to && chars < 10; p = g_utf8_next_char (p), chars++)
    if (IS_DIGIT (*p) || starts_with (p, "零元"))
      {
        if (span_has_any (hit, p, fee_rate_words, G_N_ELEMENTS (fee_rate_words)) ||
            !span_has (from, to, "收"))
          return FALSE;
        return read_amount (p, fen);
      }
  if (span_has_any (from, hit, no_fee_words, G_N_ELEMENTS (no_fee_words)) ||
      (hit - from >= (gssize) strlen ("无") && starts_with (hit - strlen ("无"), "无")))
    {
      *fen = 0;
      return TRUE;
    }
  return FALSE;
}

/* A count right after @p: “3件”, “书3份”, “共3份”. */
static gboolean
read_count_after (const char *p,
                  gint64     *count)
{
  static const char *const nouns[] = { "书", "单", "函" };
  static const char *const totals[] = { "共计", "合计", "共" };
  static const char *const units[] = { "件", "份", "次", "张", "个" };
  gint64 n = 0;
  guint digits = 0;

  p += ending_at (p, nouns, G_N_ELEMENTS (nouns));
  p += ending_at (p, totals, G_N_ELEMENTS (totals));
  for (; IS_DIGIT (*p) && digits < 9; p++, digits++)
    n = n * 10 + (*p - '0');
  if (digits == 0 || IS_DIGIT (*p) || ending_at (p, units, G_N_ELEMENTS (units)) == 0)
    return FALSE;
  *count = n;
  return TRUE;
}

/* A count right before @p: “3份收费通知”. */
static gboolean
read_count_before (const char *s,
                   const char *p,
                   gint64     *count)
{
  static const char *const units[] = { "件", "份", "次", "张" };
  const char *digits;

  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize n = strlen (units[i]);

      if (p - s < (gssize) n + 1 || memcmp (p - n, units[i], n) != 0 || !IS_DIGIT (p[-n - 1]))
        continue;
      for (digits = p - n - 1; digits > s && IS_DIGIT (digits[-1]) && p - n - digits < 9; digits--)
        ;
      *count = g_ascii_strtoll (digits, NULL, 10);
      return TRUE;
    }
  return FALSE;
}

/* Verbs of sending a notice, after 未 or 没有 in “未发出收费通知”. */
static const char *const send_words[] = { "发出", "出具", "下发", "发送", "发放", "开具", "送达" };

/* “发出收费通知3件”, “3份收费通知”; “未发出收费通知” is 0. */
static gboolean
read_notices_at (const char *s,
                 const char *hit,
                 gsize       length,
                 gint64     *count)
{
  const char *from = clause_start (s, hit);

  if (read_count_after (hit + length, count) || read_count_before (from, hit, count))
    return TRUE;
  for (const char *p = from; p < hit; p = g_utf8_next_char (p))
    if (starts_with (p, "未") || starts_with (p, "没有"))
      {
        /* a verb of sending between the first negation and the notice */
        if (!span_has_any (p, hit, send_words, G_N_ELEMENTS (send_words)))
          break;
        *count = 0;
        return TRUE;
      }
  if (hit - from >= (gssize) strlen ("无") && starts_with (hit - strlen ("无"), "无"))
    {
      *count = 0;
      return TRUE;
    }
  return FALSE;
}

/* Section 六 states its fees once or twice; the rules need the first
 * statements only, and a text of thousands is not read to its end. */
#define MAX_FACTS 8

/* The fee statements (“信息处理费”) or notice statements (“收费通知”,
 * “缴费通知”) of section 六 about this year, in order. */
static GArray *
read_fee_facts (const Compact *c,
                gboolean       notices)
{
  static const char *const fee_words[] = { "信息处理费" };
  static const char *const notice_words[] = { "收费通知", "缴费通知" };
  const char *const *words = notices ? notice_words : fee_words;
  gsize n_words = notices ? G_N_ELEMENTS (notice_words) : G_N_ELEMENTS (fee_words);
  GArray *facts = g_array_new (FALSE, FALSE, sizeof (FeeFact));

  for (const char *p = c->s; *p && facts->len < MAX_FACTS; p = g_utf8_next_char (p))
    {
      gsize length = ending_at (p, words, n_words);
      FeeFact fact = { c->at[p - c->s], 0 };
      gboolean read;

      if (length == 0)
        continue;
      read = notices ? read_notices_at (c->s, p, length, &fact.value)
                     : read_fee_at (c->s, p, &fact.value);
      if (read && !is_other_period (c->s, p))
        g_array_append_val (facts, fact);
      p += length - 1;
    }
  return facts;
}

/* R8 (2021 edition): requests dropped for unpaid fees imply fee notices,
 * which section 六 should explain. */
static gboolean
mentions_fees (const char *text)
{
  return strstr (text, "信息处理费") != NULL || strstr (text, "收费") != NULL ||
         strstr (text, "收取") != NULL;
}

static void
record_fees (GArray      *records,
             guint        table_index,
             FeesFinding  kind,
             const char  *text,
             guint        at,
             guint        at_too,
             gint64       n0,
             gint64       n2,
             gint64       n3)
{
  gint64 hash = _nb_rules_sentence_hash (text, at);

  /* a finding that quotes two sentences is renewed when either changes */
  if (at_too != at)
    hash = (hash * 33 + _nb_rules_sentence_hash (text, at_too)) & G_MAXUINT32;

  _nb_rules_record (records, RULE_R8_FEES, 6, table_index, at, n0, kind | (hash << 8), n2, n3);
}

/* R8, what section 六 says against itself and against section 三; see
 * docs/rules.md for why these and no more. */
void
_nb_rules_check_fees (NbReport *report,
                      NbTable  *requests,
                      guint     table_index,
                      GArray   *records)
{
  const char *text = nb_report_get_text (report, NB_TEXT_OTHER_MATTERS);
  gboolean unpaid_known = TRUE, requests_known = TRUE;
  gint64 unpaid = _nb_rules_number_by_key (requests, "other_no_fee", "total", &unpaid_known);
  gint64 carried = _nb_rules_number_by_key (requests, "carried_over", "total", &requests_known);
  gint64 received = carried + _nb_rules_number_by_key (requests, "new", "total", &requests_known);
  g_autoptr(GArray) fees = NULL, notices = NULL;
  Compact c;

  /* cells a partial import could not place say nothing of the report */
  unpaid_known = unpaid_known && _nb_rules_imported_by_key (requests, "other_no_fee", "total");
  requests_known = requests_known && _nb_rules_imported_by_key (requests, "carried_over", "total") &&
                   _nb_rules_imported_by_key (requests, "new", "total");
  if (unpaid > 0 && unpaid_known && !mentions_fees (text))
    _nb_rules_record (records, RULE_R8_FEES, 6, table_index, 0, unpaid, FEES_NOT_MENTIONED, 0, 0);
  if (strstr (text, "信息处理费") == NULL && strstr (text, "通知") == NULL)
    return;

  compact_init (&c, text);
  fees = read_fee_facts (&c, FALSE);
  notices = read_fee_facts (&c, TRUE);
  compact_clear (&c);

  /* two amounts of this year's fees */
  for (guint i = 1; i < fees->len; i++)
    {
      const FeeFact *first = &g_array_index (fees, FeeFact, 0), *other = &g_array_index (fees, FeeFact, i);

      if (other->value != first->value)
        {
          record_fees (records, table_index, FEES_DIFFER, text, first->at, other->at, other->at,
                       first->value, other->value);
          break;
        }
    }
  /* fees charged, but no request this year or carried over to charge them on */
  for (guint i = 0; i < fees->len && requests_known && received == 0; i++)
    if (g_array_index (fees, FeeFact, i).value > 0)
      {
        const FeeFact *fee = &g_array_index (fees, FeeFact, i);

        record_fees (records, table_index, FEES_WITHOUT_REQUESTS, text, fee->at, fee->at, 0,
                     fee->value, 0);
        break;
      }
  /* more requests dropped for unpaid fees than notices could have asked for */
  if (notices->len > 0 && unpaid_known && requests_known)
    {
      const FeeFact *sent = &g_array_index (notices, FeeFact, 0);

      if (unpaid > sent->value + carried)
        record_fees (records, table_index, FEES_MORE_DROPPED, text, sent->at, sent->at, unpaid,
                     sent->value, carried);
    }
}
