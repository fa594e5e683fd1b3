/* nb-rules.c — the rules of the checker
 *
 * Each rule has a stable id (report-formats.md §5 for R, T and X; our own
 * M, N and S rules are listed in docs/rules.md).  Checking writes plain
 * NbRecords; describing one turns it into a finding whose Chinese message
 * names rows and columns with the edition's own labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-rules"

#include "config.h"

#include <string.h>

#include "nb-rules.h"
#include "nb-similarity.h"
#include "nb-table-private.h"
#include "nb-value.h"

typedef enum {
  RULE_R1_BALANCE,
  RULE_R2_ROW_TOTAL,
  RULE_R3_RESULT_TOTAL,
  RULE_R4_APPEAL_TOTAL,
  RULE_R5_BLANK,
  RULE_R6_PUBLISHED,
  RULE_R7_PROBLEMS,
  RULE_R8_FEES,
  RULE_N1_NOT_NUMBER,
  RULE_S1_OVERVIEW,
  RULE_S2_OTHER_MATTERS,
  RULE_M1_ORGAN,
  RULE_M2_YEAR,
  RULE_M3_TITLE,
  RULE_M4_EDITION,
  RULE_X1_CARRY_OVER,
  RULE_X2_IN_FORCE,
  RULE_X2_NOT_COMPARABLE,
  RULE_X3_ITEMS,
  RULE_X4_REPEATED,
  RULE_X5_ORGAN,
  RULE_X6_YEAR,
  RULE_T1_TEXT_REQUESTS,
  RULE_T2_TEXT_APPEALS,
  N_RULES
} Rule;

static const struct {
  const char *id;
  NbSeverity  severity;
} rules[N_RULES] = {
  [RULE_R1_BALANCE] = { "R1", NB_SEVERITY_ERROR },
  [RULE_R2_ROW_TOTAL] = { "R2", NB_SEVERITY_ERROR },
  [RULE_R3_RESULT_TOTAL] = { "R3", NB_SEVERITY_ERROR },
  [RULE_R4_APPEAL_TOTAL] = { "R4", NB_SEVERITY_ERROR },
  [RULE_R5_BLANK] = { "R5", NB_SEVERITY_WARNING },
  [RULE_R6_PUBLISHED] = { "R6", NB_SEVERITY_WARNING },
  [RULE_R7_PROBLEMS] = { "R7", NB_SEVERITY_WARNING },
  [RULE_R8_FEES] = { "R8", NB_SEVERITY_WARNING },
  [RULE_N1_NOT_NUMBER] = { "N1", NB_SEVERITY_WARNING },
  [RULE_S1_OVERVIEW] = { "S1", NB_SEVERITY_ERROR },
  [RULE_S2_OTHER_MATTERS] = { "S2", NB_SEVERITY_WARNING },
  [RULE_M1_ORGAN] = { "M1", NB_SEVERITY_ERROR },
  [RULE_M2_YEAR] = { "M2", NB_SEVERITY_ERROR },
  [RULE_M3_TITLE] = { "M3", NB_SEVERITY_WARNING },
  [RULE_M4_EDITION] = { "M4", NB_SEVERITY_WARNING },
  [RULE_X1_CARRY_OVER] = { "X1", NB_SEVERITY_ERROR },
  [RULE_X2_IN_FORCE] = { "X2", NB_SEVERITY_WARNING },
  [RULE_X2_NOT_COMPARABLE] = { "X2", NB_SEVERITY_INFO },
  [RULE_X3_ITEMS] = { "X3", NB_SEVERITY_WARNING },
  [RULE_X4_REPEATED] = { "X4", NB_SEVERITY_WARNING },
  [RULE_X5_ORGAN] = { "X5", NB_SEVERITY_WARNING },
  [RULE_X6_YEAR] = { "X6", NB_SEVERITY_ERROR },
  [RULE_T1_TEXT_REQUESTS] = { "T1", NB_SEVERITY_WARNING },
  [RULE_T2_TEXT_APPEALS] = { "T2", NB_SEVERITY_WARNING },
};

#define NO_TABLE G_MAXUINT16

/* Section 五 repeating more than this share of last year's is penalised
 * by assessments (report-formats.md §5.3, X4). */
#define X4_LIMIT_PERCENT 50

static const char *const section_names[] = {
  "基本信息", "第一部分", "第二部分", "第三部分", "第四部分", "第五部分", "第六部分",
};

/* ---- Recording ---------------------------------------------------------- */

static void
record (GArray *records,
        Rule    rule,
        guint   section,
        guint   table,
        guint   where,
        gint64  n0,
        gint64  n1,
        gint64  n2,
        gint64  n3)
{
  NbRecord r;

  memset (&r, 0, sizeof r);
  r.rule = rule;
  r.section = section;
  r.table = table;
  r.where = where;
  r.n[0] = n0;
  r.n[1] = n1;
  r.n[2] = n2;
  r.n[3] = n3;
  g_array_append_val (records, r);
}

static gint64
number_by_key (NbTable    *table,
               const char *row_key,
               const char *column_key,
               gboolean   *present)
{
  const NbTableDef *def = nb_table_get_def (table);
  int row = nb_table_def_find_row (def, row_key);
  int column = nb_table_def_find_column (def, column_key);

  if (row < 0 || column < 0 || nb_table_get_state (table, row, column) != NB_CELL_NUMBER)
    {
      if (present != NULL)
        *present = FALSE;
      return 0;
    }
  if (present != NULL)
    *present = TRUE;
  return nb_table_get_number (table, row, column);
}

/* ---- Table rules ---------------------------------------------------------- */

/* R2, R3, R4: a total cell equals the sum of its parts. */
static void
check_total (NbTable *table,
             guint    table_index,
             guint    row,
             guint    column,
             GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  const NbCell *cell = &_nb_table_get_cells (table)[row * def->n_columns + column];
  gboolean any;
  gint64 sum;
  Rule rule;

  any = nb_table_sum_parts (table, row, column, &sum);
  if (cell->state == NB_CELL_EMPTY ? !any
                                   : (cell->state == NB_CELL_NUMBER ? cell->number : 0) == sum)
    return;

  if (def->columns[column].n_parts > 0)
    rule = def->section == 4 ? RULE_R4_APPEAL_TOTAL : RULE_R2_ROW_TOTAL;
  else
    rule = RULE_R3_RESULT_TOTAL;
  record (records, rule, def->section, table_index, row * def->n_columns + column,
          cell->state == NB_CELL_NUMBER ? cell->number : 0, sum, cell->state == NB_CELL_EMPTY, 0);
}

static void
check_totals (NbTable *table,
              guint    table_index,
              GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (def->columns[c].n_parts > 0 || def->rows[r].n_parts > 0)
        check_total (table, table_index, r, c, records);
}

/* R1: for each column, 一 + 二 = 三（七）总计 + 四. */
static void
check_balance (NbTable *table,
               guint    table_index,
               GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  const NbCell *cells = _nb_table_get_cells (table);
  int rows[4] = {
    nb_table_def_find_row (def, "new"),
    nb_table_def_find_row (def, "carried_over"),
    nb_table_def_find_row (def, "result_total"),
    nb_table_def_find_row (def, "carried_forward"),
  };

  for (guint c = 0; c < def->n_columns; c++)
    {
      gint64 n[4];
      gboolean any = FALSE;

      for (guint i = 0; i < 4; i++)
        {
          const NbCell *cell = &cells[rows[i] * def->n_columns + c];

          n[i] = cell->state == NB_CELL_NUMBER ? cell->number : 0;
          any |= cell->state == NB_CELL_NUMBER;
        }
      if (any && n[0] + n[1] != n[2] + n[3])
        record (records, RULE_R1_BALANCE, def->section, table_index, c, n[0], n[1], n[2], n[3]);
    }
}

/* R5: tables 三 and 四 have a number in every cell. */
static void
check_blanks (NbTable *table,
              guint    table_index,
              GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  const NbCell *cells = _nb_table_get_cells (table);
  guint n_cells = def->n_rows * def->n_columns, blank = 0;

  for (guint i = 0; i < n_cells; i++)
    blank += cells[i].state != NB_CELL_NUMBER;
  if (blank > 0)
    record (records, RULE_R5_BLANK, def->section, table_index, 0, blank, 0, 0, 0);
}

/* N1: in section 二, a marker stands where a number belongs. */
static void
check_markers (NbTable *table,
               guint    table_index,
               GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (nb_table_get_state (table, r, c) == NB_CELL_MARKER)
        record (records, RULE_N1_NOT_NUMBER, def->section, table_index,
               r * def->n_columns + c, 0, 0, 0, 0);
}

/* R6 (2019 edition): 本年新公开数量 ≤ 对外公开总数量. */
static void
check_published (NbTable *table,
                 guint    table_index,
                 GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);
  int published = nb_table_def_find_column (def, "published");
  int total = nb_table_def_find_column (def, "total_published");

  if (published < 0 || total < 0)
    return;
  for (guint r = 0; r < def->n_rows; r++)
    if (nb_table_get_state (table, r, published) == NB_CELL_NUMBER &&
        nb_table_get_state (table, r, total) == NB_CELL_NUMBER &&
        nb_table_get_number (table, r, published) > nb_table_get_number (table, r, total))
      record (records, RULE_R6_PUBLISHED, def->section, table_index,
               r,
              nb_table_get_number (table, r, published), nb_table_get_number (table, r, total),
              0, 0);
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
check_fees (NbReport *report,
            NbTable  *table,
            guint     table_index,
            GArray   *records)
{
  gint64 unpaid = number_by_key (table, "other_no_fee", "total", NULL);

  if (unpaid > 0 && !mentions_fees (nb_report_get_text (report, NB_TEXT_OTHER_MATTERS)))
    record (records, RULE_R8_FEES, 6, table_index, 0, unpaid, 0, 0, 0);
}

/* X1: 二、上年结转 equals last year's 四、结转下年度继续办理, per column. */
static void
check_carry_over (NbTable *table,
                  NbTable *last,
                  guint    table_index,
                  GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint c = 0; c < def->n_columns; c++)
    {
      gboolean here, there;
      gint64 now = number_by_key (table, "carried_over", def->columns[c].key, &here);
      gint64 then = number_by_key (last, "carried_forward", def->columns[c].key, &there);

      if ((here || there) && now != then)
        record (records, RULE_X1_CARRY_OVER, def->section, table_index,
               c, now, then, 0, 0);
    }
}

/* X2 (2021 → 2021): 现行有效件数 rolls forward by 制发 − 废止. */
static void
check_in_force (NbTable *table,
                NbTable *last,
                guint    table_index,
                GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);

  if (nb_table_def_find_column (nb_table_get_def (last), "in_force") < 0)
    {
      record (records, RULE_X2_NOT_COMPARABLE, def->section, table_index,
               0, 0, 0, 0, 0);
      return;
    }
  for (guint r = 0; r < def->n_rows; r++)
    {
      const char *key = def->rows[r].key;
      gboolean has_now, has_then;
      gint64 now = number_by_key (table, key, "in_force", &has_now);
      gint64 then = number_by_key (last, key, "in_force", &has_then);
      gint64 issued = number_by_key (table, key, "issued", NULL);
      gint64 repealed = number_by_key (table, key, "repealed", NULL);

      if (has_now && has_then && now != then + issued - repealed)
        record (records, RULE_X2_IN_FORCE, def->section, table_index,
               r, now, then, issued, repealed);
    }
}

/* X3 (2019 → 2019): 上一年项目数量 = last year's 上一年项目数量 + 本年增/减. */
static void
check_items (NbTable *table,
             NbTable *last,
             guint    table_index,
             GArray  *records)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint r = 0; r < def->n_rows; r++)
    {
      const char *key = def->rows[r].key;
      gboolean has_now, has_then, has_change;
      gint64 now = number_by_key (table, key, "prev_items", &has_now);
      gint64 then = number_by_key (last, key, "prev_items", &has_then);
      gint64 change = number_by_key (last, key, "change", &has_change);

      if (has_now && has_then && has_change && now != then + change)
        record (records, RULE_X3_ITEMS, def->section, table_index,
               r, now, then, change, 0);
    }
}

static void
check_table (NbReport *report,
             NbReport *previous,
             guint     table_index,
             GArray   *records)
{
  NbTable *table = nb_report_get_table_at (report, table_index);
  const NbTableDef *def = nb_table_get_def (table);
  NbTable *last = previous != NULL ? nb_report_get_table (previous, def->key) : NULL;
  NbEdition edition = nb_report_get_edition (report);

  check_totals (table, table_index, records);
  if (def->section == 2)
    check_markers (table, table_index, records);
  else
    check_blanks (table, table_index, records);

  if (def->section == 3)
    {
      check_balance (table, table_index, records);
      if (edition == NB_EDITION_2021)
        check_fees (report, table, table_index, records);
      if (last != NULL)
        check_carry_over (table, last, table_index, records);
    }
  else if (strcmp (def->key, "s2_regulations") == 0)
    {
      if (edition == NB_EDITION_2019)
        check_published (table, table_index, records);
      else if (last != NULL)
        check_in_force (table, last, table_index, records);
    }
  else if (def->section == 2 && edition == NB_EDITION_2019 && last != NULL &&
           nb_report_get_edition (previous) == NB_EDITION_2019)
    check_items (table, last, table_index, records);
}

/* ---- Text rules ------------------------------------------------------------ */

static gboolean
is_blank_text (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
        return FALSE;
    }
  return TRUE;
}

/* “无”, “无。”, or nothing, with any spaces or punctuation */
static gboolean
is_nothing (const char *text)
{
  guint letters = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_ispunct (c))
        continue;
      if (c != 0x65E0 /* 无 */ || ++letters > 1)
        return FALSE;
    }
  return TRUE;
}

static void
check_texts (NbReport *report,
             NbReport *previous,
             GArray   *records)
{
  const char *problems = nb_report_get_text (report, NB_TEXT_PROBLEMS);

  if (is_blank_text (nb_report_get_text (report, NB_TEXT_OVERVIEW)))
    record (records, RULE_S1_OVERVIEW, 1, NO_TABLE, 0, 0, 0, 0, 0);
  if (is_nothing (problems))
    record (records, RULE_R7_PROBLEMS, 5, NO_TABLE, 0, 0, 0, 0, 0);
  if (is_blank_text (nb_report_get_text (report, NB_TEXT_OTHER_MATTERS)))
    record (records, RULE_S2_OTHER_MATTERS, 6, NO_TABLE, 0, 0, 0, 0, 0);
  if (previous != NULL && !is_nothing (problems))
    {
      guint percent = nb_text_repeated_percent (problems, nb_report_get_text (previous, NB_TEXT_PROBLEMS));
      if (percent > X4_LIMIT_PERCENT)
        record (records, RULE_X4_REPEATED, 5, NO_TABLE, 0, percent, 0, 0, 0);
    }
}


/* ---- Text against tables (T1, T2) ------------------------------------------- */

/* What a number in section 一 is about. */
typedef enum {
  FIGURE_NEW,               /* 三 一、本年新收 总计 */
  FIGURE_CARRIED_OVER,      /* 三 二、上年结转 总计 */
  FIGURE_RESULT,            /* 三 （七）总计 总计 */
  FIGURE_CARRIED_FORWARD,   /* 三 四、结转下年度继续办理 总计 */
  FIGURE_RATE,              /* 办结率: （七）总计 ÷ (一 + 二), in percent */
  FIGURE_REVIEW,            /* 四 行政复议 总计 */
  FIGURE_LITIGATION,        /* 四 未经复议直接起诉 总计 + 复议后起诉 总计 */
} Figure;

/* The phrases of section 一 that state a table's figure, and the figure.
 * At one place the first phrase that matches wins, so a phrase comes
 * before any shorter phrase it begins with (办结率 before 办结).
 *
 * 收到 and 受理 are read as 本年新收 (report-formats.md §5.2 T3: 淮安
 * 2024 writes “受理政府信息公开申请 3119 件” for row 一 alone; 普洱 2020
 * “受理政府信息依申请公开22件” likewise).  They, and 接收, count only when
 * 申请 stands between them and the number, so that “收到群众来信” is not
 * read as requests.  办结 and 答复 are （七）总计 (淮安: “答复 3050 件（含
 * 上年度结转申请 34 件…）”).  A number followed by 余 or 多 is an estimate
 * and is not compared. */
static const struct {
  const char *phrase;
  guint8      figure;
  guint8      needs_request;    /* 申请 must stand between phrase and number */
  guint8      number_before;    /* “103 件顺延到下年度”: the number may come first */
} text_figures[] = {
  { "结转下年度继续办理", FIGURE_CARRIED_FORWARD, FALSE, TRUE },
  { "结转到下年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE },
  { "结转至下年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE },
  { "结转下年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE },
  { "顺延到下年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE },
  { "顺延至下年度", FIGURE_CARRIED_FORWARD, FALSE, TRUE },
  { "上年度结转", FIGURE_CARRIED_OVER, FALSE, FALSE },
  { "上年结转", FIGURE_CARRIED_OVER, FALSE, FALSE },
  { "新收", FIGURE_NEW, FALSE, FALSE },
  { "收到", FIGURE_NEW, TRUE, FALSE },
  { "受理", FIGURE_NEW, TRUE, FALSE },
  { "接收", FIGURE_NEW, TRUE, FALSE },
  { "办结率", FIGURE_RATE, FALSE, FALSE },
  { "办结", FIGURE_RESULT, FALSE, FALSE },
  { "答复", FIGURE_RESULT, FALSE, FALSE },
  { "行政复议", FIGURE_REVIEW, FALSE, FALSE },
  { "行政诉讼", FIGURE_LITIGATION, FALSE, FALSE },
};

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

static gboolean
is_white (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return c == 0x3000 || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

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

      if (is_white (c))
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
        if (letters_match (l, j, phrases, k))
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

static gint64
total_of (NbTable    *table,
          const char *row_key,
          const char *column_key,
          gboolean   *ok)
{
  gboolean present;
  gint64 n = number_by_key (table, row_key, column_key, &present);

  *ok &= present;
  return n;
}

/* 。；！？ — not a line end: a PDF copy breaks lines inside sentences */
static gboolean
ends_sentence (gunichar c)
{
  return c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == ';';
}

/* The sentence around @offset, between 。；！？. */
static void
sentence_bounds (const char *text,
                 guint       offset,
                 const char **start,
                 const char **end)
{
  const char *p = text + offset;

  *start = p;
  while (*start > text)
    {
      const char *prev = g_utf8_prev_char (*start);
      gunichar c = g_utf8_get_char (prev);

      if (ends_sentence (c))
        break;
      *start = prev;
    }
  *end = p;
  while (**end)
    {
      gunichar c = g_utf8_get_char (*end);

      *end = g_utf8_next_char (*end);
      if (ends_sentence (c))
        break;
    }
}

/* A hash of the sentence around @offset, so that a finding quoting it is
 * renewed when the sentence changes. */
static gint64
sentence_hash (const char *text,
               guint       offset)
{
  const char *start, *end;
  guint32 h = 5381;

  sentence_bounds (text, offset, &start, &end);
  for (const char *p = start; p < end; p++)
    h = h * 33 + (guchar) *p;
  return h;
}

/* What section 一 states: a figure, its number, where. */
typedef struct {
  guint8  figure;     /* Figure */
  guint8  decimals;   /* of a stated rate */
  guint   at;         /* byte offset of the phrase in section 一 */
  gint64  number;
  gint64  hash;       /* of the sentence around it */
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
        if ((text_figures[k].number_before && number_before (&l, i, &number)) ||
            number_after (&l, &phrases, i + length, text_figures[k].needs_request,
                          figure == FIGURE_RATE, &number, &decimals, &end))
          {
            Statement statement = {
              figure, decimals, l.at[i], number, sentence_hash (text, l.at[i]),
            };
            g_array_append_val (figures->statements, statement);
          }
        /* one phrase at a place; go on after it */
        i += length - 1;
        break;
      }
  letters_clear (&l);
  return figures;
}

/* T1, T2: each statement of section 一 against tables 三 and 四. */
static void
check_text_figures (NbReport            *report,
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
        record (records, rule, 1, NO_TABLE, statement->at, number, actual,
                figure | ((gint64) decimals << 8) | (denominator << 16), statement->hash);
    }
}

/* ---- Identity rules -------------------------------------------------------- */

/* UTC is close enough to tell a plausible report year, and needs no
 * time zone look-up on every check. */
static int
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_get_year (now);
}

static void
check_identity (NbReport *report,
                NbReport *previous,
                GArray   *records)
{
  int year = nb_report_get_year (report);
  g_autofree char *year_text = g_strdup_printf ("%d", year);

  if (is_blank_text (nb_report_get_organ (report)))
    record (records, RULE_M1_ORGAN, 0, NO_TABLE, 0, 0, 0, 0, 0);
  if (year < NB_YEAR_MIN || year > this_year ())
    record (records, RULE_M2_YEAR, 0, NO_TABLE, 0, year, this_year (), 0, 0);
  else if (nb_report_has_custom_title (report) &&
           strstr (nb_report_get_title (report), year_text) == NULL)
    record (records, RULE_M3_TITLE, 0, NO_TABLE, 0, year, 0, 0, 0);
  if (year > 0 && nb_edition_for_year (year) != nb_report_get_edition (report))
    record (records, RULE_M4_EDITION, 0, NO_TABLE, 0, year, 0, 0, 0);

  if (previous == NULL)
    return;
  if (g_strcmp0 (nb_report_get_organ (report), nb_report_get_organ (previous)) != 0)
    record (records, RULE_X5_ORGAN, 0, NO_TABLE, 0, 0, 0, 0, 0);
  if (year != nb_report_get_year (previous) + 1)
    record (records, RULE_X6_YEAR, 0, NO_TABLE, 0, year, nb_report_get_year (previous), 0, 0);
}

/* ---- Groups ------------------------------------------------------------------ */

/* Groups, in the order of the findings: identity, each table, texts,
 * texts against tables. */
guint
nb_rules_n_groups (NbReport *report)
{
  return nb_report_get_n_tables (report) + 3;
}

guint
nb_rules_table_group (guint table_index)
{
  return table_index + 1;
}

guint
nb_rules_texts_group (NbReport *report)
{
  return nb_report_get_n_tables (report) + 1;
}

/* T1, T2: section 一 against tables 三 and 四 */
guint
nb_rules_text_tables_group (NbReport *report)
{
  return nb_report_get_n_tables (report) + 2;
}

void
nb_rules_check_group (NbReport            *report,
                      NbReport            *previous,
                      const NbTextFigures *figures,
                      guint                group,
                      GArray              *records)
{
  if (group == NB_RULES_GROUP_IDENTITY)
    check_identity (report, previous, records);
  else if (group == nb_rules_texts_group (report))
    check_texts (report, previous, records);
  else if (group == nb_rules_text_tables_group (report))
    check_text_figures (report, figures, records);
  else
    check_table (report, previous, group - 1, records);
}

/* ---- Describing -------------------------------------------------------------- */

NbSeverity
nb_rules_severity (const NbRecord *record)
{
  return rules[record->rule].severity;
}

const char *
nb_rules_id (const NbRecord *record)
{
  return rules[record->rule].id;
}

guint
nb_rules_section (const NbRecord *record)
{
  return record->section;
}

/* ---- Messages ---------------------------------------------------------------- */

static void
append_number (GString *s,
               gint64   number)
{
  nb_value_append (s, NB_CELL_KIND_SIGNED, number);
}

static void
add_cell (GPtrArray *cells,
          NbTable   *table,
          int        row,
          int        column)
{
  if (row >= 0 && column >= 0)
    g_ptr_array_add (cells, nb_table_cell_address (table, row, column));
}

/* 自然人列, 总计列, 法人或其他组织·商业企业列 */
static void
append_column (GString          *s,
               const NbTableDef *def,
               guint             column)
{
  g_string_append_printf (s, "%s %s列：", section_names[def->section],
                          def->columns[column].full_label);
}

static void
append_row (GString          *s,
            const NbTableDef *def,
            guint             row)
{
  g_autofree char *name = nb_table_def_row_name (def, row);

  g_string_append_printf (s, "%s ", section_names[def->section]);
  if (def->caption != NULL)
    g_string_append_printf (s, "%s ", def->caption);
  g_string_append_printf (s, "“%s”：", name);
}

static void
describe_total (GString          *s,
                GPtrArray        *cells,
                NbTable          *table,
                const NbRecord   *record)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint row = record->where / def->n_columns, column = record->where % def->n_columns;
  gboolean across = def->columns[column].n_parts > 0;
  guint n_parts = across ? def->columns[column].n_parts : def->rows[row].n_parts;
  g_autofree char *total_name = NULL;

  if (across)
    {
      append_row (s, def, row);
      total_name = g_strdup (def->columns[column].label);
    }
  else
    {
      append_column (s, def, column);
      total_name = nb_table_def_row_name (def, row);
    }

  if (record->n[2])
    g_string_append_printf (s, "%s 未填，", total_name);
  else
    {
      g_string_append_printf (s, "%s ", total_name);
      append_number (s, record->n[0]);
      g_string_append (s, " ≠ ");
    }

  add_cell (cells, table, row, column);
  for (guint i = 0; i < n_parts; i++)
    {
      guint part_row = across ? row : row - n_parts + i;
      guint part_column = across ? column - n_parts + i : column;
      g_autofree char *part_name = across ? g_strdup (def->columns[part_column].label)
                                          : nb_table_def_row_name (def, part_row);

      if (n_parts <= 6)
        {
          if (i > 0)
            g_string_append (s, " + ");
          g_string_append_printf (s, "%s ", part_name);
          append_number (s, nb_table_get_number (table, part_row, part_column));
        }
      add_cell (cells, table, part_row, part_column);
    }
  if (n_parts > 6)
    g_string_append_printf (s, "%s 至 %s 之和",
                            def->rows[row - n_parts].label, def->rows[row - 1].label);
  g_string_append (s, " = ");
  append_number (s, record->n[1]);
}

static void
describe_balance (GString        *s,
                  GPtrArray      *cells,
                  NbTable        *table,
                  const NbRecord *record)
{
  const NbTableDef *def = nb_table_get_def (table);
  static const char *const keys[] = { "new", "carried_over", "result_total", "carried_forward" };

  append_column (s, def, record->where);
  for (guint i = 0; i < 4; i++)
    {
      int row = nb_table_def_find_row (def, keys[i]);
      g_autofree char *name = nb_table_def_row_name (def, row);

      g_string_append (s, i == 0 ? "" : i == 2 ? " ≠ " : " + ");
      g_string_append_printf (s, "%s ", name);
      append_number (s, record->n[i]);
      add_cell (cells, table, row, record->where);
    }
}

static void
describe_blanks (GString        *s,
                 GPtrArray      *cells,
                 NbTable        *table,
                 const NbRecord *record)
{
  const NbTableDef *def = nb_table_get_def (table);

  g_string_append_printf (s, "%s有 %" G_GINT64_FORMAT " 个单元格未填数字（数量为零时应填 0）",
                          section_names[def->section], record->n[0]);
  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (nb_table_get_state (table, r, c) != NB_CELL_NUMBER)
        add_cell (cells, table, r, c);
}

static void
describe_table_rule (GString        *s,
                     GPtrArray      *cells,
                     NbReport       *previous,
                     NbTable        *table,
                     const NbRecord *record)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint row = record->where;

  switch ((Rule) record->rule)
    {
    case RULE_R2_ROW_TOTAL: case RULE_R3_RESULT_TOTAL: case RULE_R4_APPEAL_TOTAL:
      describe_total (s, cells, table, record);
      break;
    case RULE_R1_BALANCE:
      describe_balance (s, cells, table, record);
      break;
    case RULE_R5_BLANK:
      describe_blanks (s, cells, table, record);
      break;
    case RULE_N1_NOT_NUMBER:
      append_row (s, def, record->where / def->n_columns);
      g_string_append_printf (s, "%s 填写的“%s”不是数字",
                              def->columns[record->where % def->n_columns].label,
                              nb_table_get_marker (table, record->where / def->n_columns,
                                                   record->where % def->n_columns));
      add_cell (cells, table, record->where / def->n_columns, record->where % def->n_columns);
      break;
    case RULE_R6_PUBLISHED:
      {
        int published = nb_table_def_find_column (def, "published");
        int total = nb_table_def_find_column (def, "total_published");

        append_row (s, def, row);
        g_string_append_printf (s, "%s %" G_GINT64_FORMAT " 大于 %s %" G_GINT64_FORMAT,
                                def->columns[published].label, record->n[0],
                                def->columns[total].label, record->n[1]);
        add_cell (cells, table, row, published);
        add_cell (cells, table, row, total);
      }
      break;
    case RULE_R8_FEES:
      {
        int fee_row = nb_table_def_find_row (def, "other_no_fee");

        g_string_append_printf (s, "第三部分 %s %s 为 %" G_GINT64_FORMAT
                                " 件，说明发出过收费通知，但%s未说明信息处理费收取情况",
                                def->rows[fee_row].subgroup, def->rows[fee_row].label,
                                record->n[0], nb_section_heading (6));
        add_cell (cells, table, fee_row, nb_table_def_find_column (def, "total"));
      }
      break;
    case RULE_X1_CARRY_OVER:
      {
        int here = nb_table_def_find_row (def, "carried_over");
        int there = nb_table_def_find_row (def, "carried_forward");

        append_column (s, def, record->where);
        g_string_append_printf (s, "%s %" G_GINT64_FORMAT " ≠ 上年报告 %s %" G_GINT64_FORMAT,
                                def->rows[here].label, record->n[0],
                                def->rows[there].label, record->n[1]);
        add_cell (cells, table, here, record->where);
      }
      break;
    case RULE_X2_IN_FORCE:
      {
        int in_force = nb_table_def_find_column (def, "in_force");

        append_row (s, def, row);
        g_string_append_printf (s, "%s %" G_GINT64_FORMAT " ≠ 上年 %" G_GINT64_FORMAT
                                " + %s %" G_GINT64_FORMAT " − %s %" G_GINT64_FORMAT
                                " = %" G_GINT64_FORMAT,
                                def->columns[in_force].label, record->n[0], record->n[1],
                                def->columns[nb_table_def_find_column (def, "issued")].label,
                                record->n[2],
                                def->columns[nb_table_def_find_column (def, "repealed")].label,
                                record->n[3], record->n[1] + record->n[2] - record->n[3]);
        add_cell (cells, table, row, in_force);
      }
      break;
    case RULE_X2_NOT_COMPARABLE:
      g_string_append_printf (s, "上年报告为%d年版格式，其第二部分 %s 与本年口径不同，未作跨年比对",
                              previous != NULL ? nb_report_get_year (previous) : 0,
                              def->caption);
      if (previous != NULL)
        {
          g_string_truncate (s, 0);
          g_string_append_printf (s, "上年报告为%s年版格式，其第二部分 %s 与本年口径不同，未作跨年比对",
                                  nb_report_get_edition_def (previous)->key, def->caption);
        }
      break;
    case RULE_X3_ITEMS:
      {
        int items = nb_table_def_find_column (def, "prev_items");
        int change = nb_table_def_find_column (def, "change");

        append_row (s, def, row);
        g_string_append_printf (s, "%s %" G_GINT64_FORMAT " ≠ 上年报告 %s %" G_GINT64_FORMAT
                                " + %s ",
                                def->columns[items].label, record->n[0],
                                def->columns[items].label, record->n[1],
                                def->columns[change].label);
        append_number (s, record->n[2]);
        g_string_append (s, " = ");
        append_number (s, record->n[1] + record->n[2]);
        add_cell (cells, table, row, items);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Quotes text without its line breaks (a PDF copy breaks lines anywhere). */
static void
append_quote (GString    *s,
              const char *from,
              const char *to)
{
  for (const char *p = from; p < to; p++)
    if (*p != '\n' && *p != '\r')
      g_string_append_c (s, *p);
}

/* T1, T2: 第一部分 “…全年新收政府信息公开申请46件…”：新收 46 件，但第三部分 … 为 45 */
static void
describe_text_figure (GString        *s,
                      GPtrArray      *cells,
                      NbReport       *report,
                      const NbRecord *record)
{
  const char *text = nb_report_get_text (report, NB_TEXT_OVERVIEW);
  Figure figure = record->n[2] & 0xFF;
  guint decimals = (record->n[2] >> 8) & 0xFF;
  gint64 denominator = record->n[2] >> 16;
  const char *start, *end, *phrase = "";
  NbTable *requests = nb_report_get_table (report, "s3_requests");
  NbTable *appeals = nb_report_get_table (report, "s4_appeals");
  const NbTableDef *rdef = nb_table_get_def (requests);
  const NbTableDef *adef = nb_table_get_def (appeals);
  int total = nb_table_def_find_column (rdef, "total");
  glong length;

  for (guint k = 0; k < G_N_ELEMENTS (text_figures); k++)
    if (strncmp (text + record->where, text_figures[k].phrase, strlen (text_figures[k].phrase)) == 0)
      {
        phrase = text_figures[k].phrase;
        break;
      }

  sentence_bounds (text, record->where, &start, &end);
  length = g_utf8_strlen (start, end - start);
  g_string_append_printf (s, "%s “", section_names[1]);
  if (length <= 80)
    append_quote (s, start, end);
  else
    {
      /* about 30 characters either side of the phrase */
      const char *from = text + record->where, *to = text + record->where;

      for (int i = 0; i < 30 && from > start; i++)
        from = g_utf8_prev_char (from);
      for (int i = 0; i < 40 && to < end; i++)
        to = g_utf8_next_char (to);
      if (from > start)
        g_string_append (s, "…");
      append_quote (s, from, to);
      if (to < end)
        g_string_append (s, "…");
    }
  g_string_append (s, "”：");

  if (figure == FIGURE_RATE)
    {
      int rt = nb_table_def_find_row (rdef, "result_total");
      int nw = nb_table_def_find_row (rdef, "new");
      int co = nb_table_def_find_row (rdef, "carried_over");
      g_autofree char *rt_name = nb_table_def_row_name (rdef, rt);
      g_autofree char *nw_name = nb_table_def_row_name (rdef, nw);
      g_autofree char *co_name = nb_table_def_row_name (rdef, co);
      gint64 scale = 1;

      for (guint d = 0; d < decimals; d++)
        scale *= 10;
      g_string_append_printf (s, "%s %" G_GINT64_FORMAT, phrase, record->n[0] / scale);
      if (decimals > 0)
        g_string_append_printf (s, ".%0*" G_GINT64_FORMAT, (int) decimals, record->n[0] % scale);
      g_string_append_printf (s, "%%，但第三部分 总计列 %s %" G_GINT64_FORMAT " ÷（%s + %s）%"
                              G_GINT64_FORMAT " = %" G_GINT64_FORMAT ".%01" G_GINT64_FORMAT "%%",
                              rt_name, record->n[1], nw_name, co_name, denominator,
                              record->n[1] * 100 / denominator,
                              record->n[1] * 1000 / denominator % 10);
      add_cell (cells, requests, rt, total);
      add_cell (cells, requests, nw, total);
      add_cell (cells, requests, co, total);
      return;
    }

  g_string_append_printf (s, "%s %" G_GINT64_FORMAT " 件，但", phrase, record->n[0]);
  if (figure == FIGURE_REVIEW || figure == FIGURE_LITIGATION)
    {
      const char *keys[2] = { figure == FIGURE_REVIEW ? "review_total" : "direct_total",
                              figure == FIGURE_REVIEW ? NULL : "after_review_total" };

      g_string_append_printf (s, "%s ", section_names[4]);
      for (guint i = 0; i < 2 && keys[i] != NULL; i++)
        {
          int column = nb_table_def_find_column (adef, keys[i]);

          g_string_append_printf (s, "%s%s", i > 0 ? " + " : "", adef->columns[column].full_label);
          add_cell (cells, appeals, 0, column);
        }
    }
  else
    {
      static const char *const row_keys[] = {
        [FIGURE_NEW] = "new", [FIGURE_CARRIED_OVER] = "carried_over",
        [FIGURE_RESULT] = "result_total", [FIGURE_CARRIED_FORWARD] = "carried_forward",
      };
      int row = nb_table_def_find_row (rdef, row_keys[figure]);

      g_string_append_printf (s, "%s %s列 %s", section_names[3], rdef->columns[total].label,
                              rdef->rows[row].label);
      add_cell (cells, requests, row, total);
    }
  g_string_append_printf (s, " 为 %" G_GINT64_FORMAT, record->n[1]);
}

static void
describe_report_rule (GString        *s,
                      NbReport       *report,
                      NbReport       *previous,
                      const NbRecord *record)
{
  switch ((Rule) record->rule)
    {
    case RULE_S1_OVERVIEW:
      g_string_append_printf (s, "%s 尚未填写", nb_section_heading (1));
      break;
    case RULE_R7_PROBLEMS:
      g_string_append_printf (s, "%s 为空或只写了“无”", nb_section_heading (5));
      break;
    case RULE_S2_OTHER_MATTERS:
      g_string_append_printf (s, "%s 为空；没有需要报告的事项时应写“无”",
                              nb_section_heading (6));
      break;
    case RULE_X4_REPEATED:
      g_string_append_printf (s, "%s 与上年报告重复约 %" G_GINT64_FORMAT "%%（超过 %d%%）",
                              nb_section_heading (5), record->n[0], X4_LIMIT_PERCENT);
      break;
    case RULE_M1_ORGAN:
      g_string_append (s, "未填写机关名称");
      break;
    case RULE_M2_YEAR:
      if (record->n[0] == 0)
        g_string_append (s, "未填写报告年度");
      else
        g_string_append_printf (s, "报告年度 %" G_GINT64_FORMAT " 不在 %d 至 %" G_GINT64_FORMAT
                                " 之间", record->n[0], NB_YEAR_MIN, record->n[1]);
      break;
    case RULE_M3_TITLE:
      g_string_append_printf (s, "标题“%s”未写明报告年度 %" G_GINT64_FORMAT,
                              nb_report_get_title (report), record->n[0]);
      break;
    case RULE_M4_EDITION:
      {
        const NbEditionDef *expected = nb_edition_get (nb_edition_for_year (record->n[0]));

        g_string_append_printf (s, "%" G_GINT64_FORMAT "年度报告应使用%s年版格式（%s），"
                                "本报告为%s年版",
                                record->n[0], expected->key, expected->document,
                                nb_report_get_edition_def (report)->key);
      }
      break;
    case RULE_X5_ORGAN:
      g_string_append_printf (s, "机关名称“%s”与上年报告“%s”不同",
                              nb_report_get_organ (report), nb_report_get_organ (previous));
      break;
    case RULE_X6_YEAR:
      g_string_append_printf (s, "报告年度 %" G_GINT64_FORMAT " 不是上年报告年度 %"
                              G_GINT64_FORMAT " 的下一年", record->n[0], record->n[1]);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * nb_rules_describe:
 * Returns: (transfer full): the finding for @record, its message written
 *   from the report as it is now
 */
NbFinding *
nb_rules_describe (NbReport       *report,
                   NbReport       *previous,
                   const NbRecord *record)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  if (record->table != NO_TABLE)
    describe_table_rule (message, cells, previous,
                         nb_report_get_table_at (report, record->table), record);
  else if (record->rule == RULE_T1_TEXT_REQUESTS || record->rule == RULE_T2_TEXT_APPEALS)
    describe_text_figure (message, cells, report, record);
  else
    describe_report_rule (message, report, previous, record);
  g_ptr_array_add (cells, NULL);

  return nb_finding_new (rules[record->rule].id, rules[record->rule].severity,
                         record->section, message->str,
                         (const char * const *) cells->pdata);
}
