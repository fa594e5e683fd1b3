/* nb-rules-private.h — what the files of the rules share
 *
 * The rules are checked in nb-rules-table.c, nb-rules-text.c,
 * nb-rules-facts.c (what the texts say of the report: its organ, its
 * fees) and nb-rules.c (identity, and the groups the checker runs), on the
 * recording helpers of nb-rules-common.c; nb-rules-messages.c turns what
 * they record into findings.  Internal to the checker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-rules.h"

G_BEGIN_DECLS

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
  RULE_E1_ENTRY,
  RULE_C1_NOT_IMPORTED,
  RULE_S1_OVERVIEW,
  RULE_S2_OTHER_MATTERS,
  RULE_M1_ORGAN,
  RULE_M2_YEAR,
  RULE_M3_TITLE,
  RULE_M4_EDITION,
  RULE_M5_PERIOD,
  RULE_X1_CARRY_OVER,
  RULE_X2_IN_FORCE,
  RULE_X2_NOT_COMPARABLE,
  RULE_X3_ITEMS,
  RULE_X4_REPEATED,
  RULE_X5_ORGAN,
  RULE_X6_YEAR,
  RULE_X7_JUMP,
  RULE_T1_TEXT_REQUESTS,
  RULE_T2_TEXT_APPEALS,
  RULE_M6_ORGAN,
  N_RULES
} Rule;

#define NO_TABLE G_MAXUINT16

/* Section 五 repeating more than this share of last year's is penalised
 * by assessments (report-formats.md §5.3, X4). */
#define X4_LIMIT_PERCENT 50

/* X7: a figure more than X7_FACTOR times last year's, or less than a
 * X7_FACTOR-th of it, when the larger is at least X7_FLOOR (below, a
 * small office's 1 → 6 requests says nothing). */
#define X7_FACTOR 5
#define X7_FLOOR  20

/* What a number in section 一 is about. */
typedef enum {
  FIGURE_NEW,               /* 三 一、本年新收 总计 */
  FIGURE_CARRIED_OVER,      /* 三 二、上年结转 总计 */
  FIGURE_RESULT,            /* 三 （七）总计 总计 */
  FIGURE_CARRIED_FORWARD,   /* 三 四、结转下年度继续办理 总计 */
  FIGURE_RATE,              /* 办结率: （七）总计 ÷ (一 + 二), in percent */
  FIGURE_GRANTED_OR_PARTLY, /* 三 （一）予以公开 + （二）部分公开, 总计 column */
  FIGURE_GRANTED,           /* 三 （一）予以公开 */
  FIGURE_PARTLY,            /* 三 （二）部分公开 */
  FIGURE_DENIED,            /* 三 （三）不予公开, its eight rows */
  FIGURE_UNABLE,            /* 三 （四）无法提供, its three rows */
  FIGURE_DECLINED,          /* 三 （五）不予处理, its five rows */
  FIGURE_SHARE,             /* “……N件，占P%”: P against N ÷ the requests */
  FIGURE_PARTS,             /* “N件，其中a件、b件”: a + b no more than N */
  FIGURE_REVIEW,            /* 四 行政复议 总计 */
  FIGURE_LITIGATION,        /* 四 未经复议直接起诉 总计 + 复议后起诉 总计 */
  FIGURE_ALL_UPHELD,        /* “均获维持”: 四 no case corrected, other or pending */
} Figure;

/* What R8 found: n[1] & 0xFF of its record (the rest is a hash of the
 * sentences it quotes). */
typedef enum {
  FEES_NOT_MENTIONED,      /* （六）2 > 0, and section 六 says nothing of fees */
  FEES_DIFFER,             /* section 六 states two amounts of this year's fees */
  FEES_WITHOUT_REQUESTS,   /* fees charged, and no request to charge them on */
  FEES_MORE_DROPPED,       /* （六）2 > the notices sent + the requests carried over */
} FeesFinding;

gint64    _nb_rules_not_upheld         (NbTable             *appeals,
                                        guint                blocks,
                                        GArray              *columns,
                                        gboolean            *ok);

/* Whether section 三's row @row_key is one of those @figure adds up. */
gboolean  _nb_rules_figure_has_row     (Figure               figure,
                                        const char          *row_key);

/* nb-rules-common.c */
void      _nb_rules_record             (GArray              *records,
                                        Rule                 rule,
                                        guint                section,
                                        guint                table,
                                        guint                where,
                                        gint64               n0,
                                        gint64               n1,
                                        gint64               n2,
                                        gint64               n3);
gint64    _nb_rules_number_by_key      (NbTable             *table,
                                        const char          *row_key,
                                        const char          *column_key,
                                        gboolean            *present);
gboolean  _nb_rules_imported_by_key    (NbTable             *table,
                                        const char          *row_key,
                                        const char          *column_key);
gboolean  _nb_rules_is_blank_text      (const char          *text);
void      _nb_rules_sentence_bounds    (const char          *text,
                                        guint                offset,
                                        const char         **start,
                                        const char         **end);
gint64    _nb_rules_sentence_hash      (const char          *text,
                                        guint                offset);

/* nb-rules-facts.c */
gboolean  _nb_rules_organ_matches      (const char          *named,
                                        const char          *organ);
void      _nb_rules_check_organ_texts  (NbReport            *report,
                                        GArray              *records);
void      _nb_rules_check_fees         (NbReport            *report,
                                        NbTable             *requests,
                                        guint                table_index,
                                        GArray              *records);

/* nb-rules-table.c */
void      _nb_rules_check_table        (NbReport            *report,
                                        NbReport            *previous,
                                        guint                table_index,
                                        GArray              *records);

/* nb-rules-text.c */
void      _nb_rules_check_texts        (NbReport            *report,
                                        NbReport            *previous,
                                        GArray              *records);
void      _nb_rules_check_text_figures (NbReport            *report,
                                        const NbTextFigures *figures,
                                        GArray              *records);
const char *
          _nb_rules_text_figure_phrase (const char          *text,
                                        guint                at);

G_END_DECLS
