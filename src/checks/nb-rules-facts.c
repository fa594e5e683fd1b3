/* nb-rules-facts.c — what the texts say of the report itself
 *
 * The organ a text names where it describes the report (M6).  It reads a
 * text without its white space: a PDF copy breaks lines and puts spaces
 * around numbers anywhere.
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
