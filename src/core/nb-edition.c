/* nb-edition.c — the 2019 and 2021 report formats
 *
 * Labels are legal text, copied character for character from the
 * official forms (see docs/editions.md for the sources).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-edition"

#include "nb-edition.h"

#include <string.h>

#define N_ELEMENTS(a) G_N_ELEMENTS (a)

/* ---- Section 二 ---------------------------------------------------------- */

static const char CAPTION_1[] = "第二十条第（一）项";
static const char CAPTION_5[] = "第二十条第（五）项";
static const char CAPTION_6[] = "第二十条第（六）项";
static const char CAPTION_8[] = "第二十条第（八）项";
static const char CAPTION_9[] = "第二十条第（九）项";
static const char CONTENT[] = "信息内容";

/* 2021 edition */

static const NbHeaderCell regulations_2021_header[] = {
  { 0, 0, 1, 1, CONTENT }, { 0, 1, 1, 1, "本年制发件数" },
  { 0, 2, 1, 1, "本年废止件数" }, { 0, 3, 1, 1, "现行有效件数" },
};
static const NbColumnDef regulations_2021_columns[] = {
  { "issued", "本年制发件数", "本年制发件数", NB_CELL_KIND_COUNT, 0 },
  { "repealed", "本年废止件数", "本年废止件数", NB_CELL_KIND_COUNT, 0 },
  { "in_force", "现行有效件数", "现行有效件数", NB_CELL_KIND_COUNT, 0 },
};
static const NbRowDef regulations_2021_rows[] = {
  { "rules", NULL, NULL, "规章", NULL, 0 },
  { "normative", NULL, NULL, "行政规范性文件", NULL, 0 },
};

static const NbHeaderCell decisions_2021_header[] = {
  { 0, 0, 1, 1, CONTENT }, { 0, 1, 1, 1, "本年处理决定数量" },
};
static const NbColumnDef decisions_2021_columns[] = {
  { "decisions", "本年处理决定数量", "本年处理决定数量", NB_CELL_KIND_COUNT, 0 },
};
static const NbRowDef licensing_2021_rows[] = {
  { "licensing", NULL, NULL, "行政许可", NULL, 0 },
};
static const NbRowDef enforcement_rows[] = {
  { "penalty", NULL, NULL, "行政处罚", NULL, 0 },
  { "coercion", NULL, NULL, "行政强制", NULL, 0 },
};

static const NbHeaderCell fees_2021_header[] = {
  { 0, 0, 1, 1, CONTENT }, { 0, 1, 1, 1, "本年收费金额（单位：万元）" },
};
static const NbColumnDef fees_2021_columns[] = {
  { "amount", "本年收费金额（单位：万元）", "本年收费金额（单位：万元）", NB_CELL_KIND_AMOUNT, 0 },
};
static const NbRowDef fees_rows[] = {
  { "fees", NULL, NULL, "行政事业性收费", NULL, 0 },
};

/* 2019 edition */

static const NbHeaderCell regulations_2019_header[] = {
  { 0, 0, 1, 1, CONTENT }, { 0, 1, 1, 1, "本年新制作数量" },
  { 0, 2, 1, 1, "本年新公开数量" }, { 0, 3, 1, 1, "对外公开总数量" },
};
static const NbColumnDef regulations_2019_columns[] = {
  { "made", "本年新制作数量", "本年新制作数量", NB_CELL_KIND_COUNT, 0 },
  { "published", "本年新公开数量", "本年新公开数量", NB_CELL_KIND_COUNT, 0 },
  { "total_published", "对外公开总数量", "对外公开总数量", NB_CELL_KIND_COUNT, 0 },
};
static const NbRowDef regulations_2019_rows[] = {
  { "rules", NULL, NULL, "规章", NULL, 0 },
  { "normative", NULL, NULL, "规范性文件", NULL, 0 },
};

static const NbHeaderCell items_2019_header[] = {
  { 0, 0, 1, 1, CONTENT }, { 0, 1, 1, 1, "上一年项目数量" },
  { 0, 2, 1, 1, "本年增/减" }, { 0, 3, 1, 1, "处理决定数量" },
};
static const NbColumnDef items_2019_columns[] = {
  { "prev_items", "上一年项目数量", "上一年项目数量", NB_CELL_KIND_COUNT, 0 },
  { "change", "本年增/减", "本年增/减", NB_CELL_KIND_SIGNED, 0 },
  { "decisions", "处理决定数量", "处理决定数量", NB_CELL_KIND_COUNT, 0 },
};
static const NbRowDef licensing_2019_rows[] = {
  { "licensing", NULL, NULL, "行政许可", NULL, 0 },
  { "other_services", NULL, NULL, "其他对外管理服务事项", NULL, 0 },
};

/* (八) has the first two columns of (五) and (六). */
static const NbHeaderCell fees_2019_header[] = {
  { 0, 0, 1, 1, CONTENT }, { 0, 1, 1, 1, "上一年项目数量" }, { 0, 2, 1, 1, "本年增/减" },
};

static const NbHeaderCell procurement_header[] = {
  { 0, 0, 1, 1, CONTENT }, { 0, 1, 1, 1, "采购项目数量" }, { 0, 2, 1, 1, "采购总金额" },
};
static const NbColumnDef procurement_columns[] = {
  { "projects", "采购项目数量", "采购项目数量", NB_CELL_KIND_COUNT, 0 },
  { "amount", "采购总金额", "采购总金额", NB_CELL_KIND_AMOUNT, 0 },
};
static const NbRowDef procurement_rows[] = {
  { "procurement", NULL, NULL, "政府集中采购", NULL, 0 },
};

/* ---- Section 三 ---------------------------------------------------------- */

static const NbHeaderCell requests_header[] = {
  { 0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" },
  { 0, 3, 1, 7, "申请人情况" },
  { 1, 3, 2, 1, "自然人" },
  { 1, 4, 1, 5, "法人或其他组织" },
  { 1, 9, 2, 1, "总计" },
  { 2, 4, 1, 1, "商业企业", 2 },
  { 2, 5, 1, 1, "科研机构", 2 },
  { 2, 6, 1, 1, "社会公益组织", 2 },
  { 2, 7, 1, 1, "法律服务机构", 2 },
  { 2, 8, 1, 1, "其他" },
};

static const NbColumnDef requests_columns[] = {
  { "natural", "自然人", "自然人", NB_CELL_KIND_COUNT, 0 },
  { "commercial", "商业企业", "法人或其他组织·商业企业", NB_CELL_KIND_COUNT, 0 },
  { "research", "科研机构", "法人或其他组织·科研机构", NB_CELL_KIND_COUNT, 0 },
  { "nonprofit", "社会公益组织", "法人或其他组织·社会公益组织", NB_CELL_KIND_COUNT, 0 },
  { "legal_service", "法律服务机构", "法人或其他组织·法律服务机构", NB_CELL_KIND_COUNT, 0 },
  { "other", "其他", "法人或其他组织·其他", NB_CELL_KIND_COUNT, 0 },
  { "total", "总计", "总计", NB_CELL_KIND_COUNT, 6 },
};

static const char RESULTS[] = "三、本年度办理结果";
static const char DENIED[] = "（三）不予公开";
static const char UNABLE[] = "（四）无法提供";
static const char DECLINED[] = "（五）不予处理";
static const char OTHER[] = "（六）其他处理";

#define REQUEST_ROWS_HEAD \
  { "new", NULL, NULL, "一、本年新收政府信息公开申请数量", "第一项", 0 }, \
  { "carried_over", NULL, NULL, "二、上年结转政府信息公开申请数量", "第二项", 0 }, \
  { "granted", RESULTS, NULL, "（一）予以公开", NULL, 0 }, \
  { "partly_granted", RESULTS, NULL, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开", 0 }, \
  { "denied_secret", RESULTS, DENIED, "1.属于国家秘密", NULL, 0 }, \
  { "denied_law", RESULTS, DENIED, "2.其他法律行政法规禁止公开", NULL, 0 }, \
  { "denied_security", RESULTS, DENIED, "3.危及“三安全一稳定”", NULL, 0 }, \
  { "denied_third_party", RESULTS, DENIED, "4.保护第三方合法权益", NULL, 0 }, \
  { "denied_internal", RESULTS, DENIED, "5.属于三类内部事务信息", NULL, 0 }, \
  { "denied_process", RESULTS, DENIED, "6.属于四类过程性信息", NULL, 0 }, \
  { "denied_case_file", RESULTS, DENIED, "7.属于行政执法案卷", NULL, 0 }, \
  { "denied_inquiry", RESULTS, DENIED, "8.属于行政查询事项", NULL, 0 }, \
  { "unable_not_held", RESULTS, UNABLE, "1.本机关不掌握相关政府信息", NULL, 0 }, \
  { "unable_needs_making", RESULTS, UNABLE, "2.没有现成信息需要另行制作", NULL, 0 }, \
  { "unable_unclear", RESULTS, UNABLE, "3.补正后申请内容仍不明确", NULL, 0 }, \
  { "declined_petition", RESULTS, DECLINED, "1.信访举报投诉类申请", NULL, 0 }, \
  { "declined_repeat", RESULTS, DECLINED, "2.重复申请", NULL, 0 }, \
  { "declined_publication", RESULTS, DECLINED, "3.要求提供公开出版物", NULL, 0 }, \
  { "declined_excessive", RESULTS, DECLINED, "4.无正当理由大量反复申请", NULL, 0 }, \
  { "declined_confirm", RESULTS, DECLINED, "5.要求行政机关确认或重新出具已获取信息", NULL, 0 }

#define REQUEST_ROWS_TAIL(n_outcomes) \
  { "result_total", RESULTS, NULL, "（七）总计", "（七）总计", n_outcomes }, \
  { "carried_forward", NULL, NULL, "四、结转下年度继续办理", "第四项", 0 }

static const NbRowDef requests_2019_rows[] = {
  REQUEST_ROWS_HEAD,
  { "other", RESULTS, NULL, OTHER, NULL, 0 },
  REQUEST_ROWS_TAIL (19),
};

static const NbRowDef requests_2021_rows[] = {
  REQUEST_ROWS_HEAD,
  { "other_no_correction", RESULTS, OTHER,
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", NULL, 0 },
  { "other_no_fee", RESULTS, OTHER,
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", NULL, 0 },
  { "other_misc", RESULTS, OTHER, "3.其他", NULL, 0 },
  REQUEST_ROWS_TAIL (21),
};

/* ---- Section 四 ---------------------------------------------------------- */

static const NbHeaderCell appeals_header[] = {
  { 0, 0, 1, 5, "行政复议" },
  { 0, 5, 1, 10, "行政诉讼" },
  { 1, 0, 2, 1, "结果维持", 2 }, { 1, 1, 2, 1, "结果纠正", 2 }, { 1, 2, 2, 1, "其他结果", 2 },
  { 1, 3, 2, 1, "尚未审结", 2 }, { 1, 4, 2, 1, "总计" },
  { 1, 5, 1, 5, "未经复议直接起诉" },
  { 1, 10, 1, 5, "复议后起诉" },
  { 2, 5, 1, 1, "结果维持", 2 }, { 2, 6, 1, 1, "结果纠正", 2 }, { 2, 7, 1, 1, "其他结果", 2 },
  { 2, 8, 1, 1, "尚未审结", 2 }, { 2, 9, 1, 1, "总计" },
  { 2, 10, 1, 1, "结果维持", 2 }, { 2, 11, 1, 1, "结果纠正", 2 }, { 2, 12, 1, 1, "其他结果", 2 },
  { 2, 13, 1, 1, "尚未审结", 2 }, { 2, 14, 1, 1, "总计" },
};

#define APPEAL_BLOCK(prefix, group)                                                   \
  { prefix "_upheld", "结果维持", group "·结果维持", NB_CELL_KIND_COUNT, 0 },         \
  { prefix "_corrected", "结果纠正", group "·结果纠正", NB_CELL_KIND_COUNT, 0 },      \
  { prefix "_other", "其他结果", group "·其他结果", NB_CELL_KIND_COUNT, 0 },          \
  { prefix "_pending", "尚未审结", group "·尚未审结", NB_CELL_KIND_COUNT, 0 },        \
  { prefix "_total", "总计", group "·总计", NB_CELL_KIND_COUNT, 4 }

static const NbColumnDef appeals_columns[] = {
  APPEAL_BLOCK ("review", "行政复议"),
  APPEAL_BLOCK ("direct", "行政诉讼·未经复议直接起诉"),
  APPEAL_BLOCK ("after_review", "行政诉讼·复议后起诉"),
};

static const NbRowDef appeals_rows[] = {
  { "cases", NULL, NULL, NULL, NULL, 0 },
};

/* ---- Tables and editions --------------------------------------------------- */

#define TABLE(key, section, caption, n_label, n_header_rows, header, rows, columns) \
  { key, section, caption, n_label, n_header_rows, header, N_ELEMENTS (header),     \
    rows, N_ELEMENTS (rows), columns, N_ELEMENTS (columns) }

static const NbTableDef tables_2019[] = {
  TABLE ("s2_regulations", 2, CAPTION_1, 1, 1, regulations_2019_header,
         regulations_2019_rows, regulations_2019_columns),
  TABLE ("s2_licensing", 2, CAPTION_5, 1, 1, items_2019_header,
         licensing_2019_rows, items_2019_columns),
  TABLE ("s2_enforcement", 2, CAPTION_6, 1, 1, items_2019_header,
         enforcement_rows, items_2019_columns),
  { "s2_fees", 2, CAPTION_8, 1, 1, fees_2019_header, N_ELEMENTS (fees_2019_header),
    fees_rows, N_ELEMENTS (fees_rows), items_2019_columns, 2 },
  TABLE ("s2_procurement", 2, CAPTION_9, 1, 1, procurement_header,
         procurement_rows, procurement_columns),
  TABLE ("s3_requests", 3, NULL, 3, 3, requests_header, requests_2019_rows, requests_columns),
  TABLE ("s4_appeals", 4, NULL, 0, 3, appeals_header, appeals_rows, appeals_columns),
};

static const NbTableDef tables_2021[] = {
  TABLE ("s2_regulations", 2, CAPTION_1, 1, 1, regulations_2021_header,
         regulations_2021_rows, regulations_2021_columns),
  TABLE ("s2_licensing", 2, CAPTION_5, 1, 1, decisions_2021_header,
         licensing_2021_rows, decisions_2021_columns),
  TABLE ("s2_enforcement", 2, CAPTION_6, 1, 1, decisions_2021_header,
         enforcement_rows, decisions_2021_columns),
  TABLE ("s2_fees", 2, CAPTION_8, 1, 1, fees_2021_header, fees_rows, fees_2021_columns),
  TABLE ("s3_requests", 3, NULL, 3, 3, requests_header, requests_2021_rows, requests_columns),
  TABLE ("s4_appeals", 4, NULL, 0, 3, appeals_header, appeals_rows, appeals_columns),
};

static const NbEditionDef editions[NB_N_EDITIONS] = {
  { NB_EDITION_2019, "2019", "国办公开办函〔2019〕60号", tables_2019, N_ELEMENTS (tables_2019) },
  { NB_EDITION_2021, "2021", "国办公开办函〔2021〕30号", tables_2021, N_ELEMENTS (tables_2021) },
};

static const char *const section_headings[NB_N_SECTIONS] = {
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
};

static const struct {
  const char *key;
  guint section;   /* 0: before section 一 */
} text_sections[NB_N_TEXT_SECTIONS] = {
  [NB_TEXT_PREFACE] = { "preface", 0 },
  [NB_TEXT_OVERVIEW] = { "overview", 1 },
  [NB_TEXT_PROBLEMS] = { "problems", 5 },
  [NB_TEXT_OTHER_MATTERS] = { "other_matters", 6 },
};

const NbEditionDef *
nb_edition_get (NbEdition edition)
{
  g_return_val_if_fail (edition < NB_N_EDITIONS, NULL);
  return &editions[edition];
}

gboolean
nb_edition_from_key (const char *key,
                     NbEdition  *edition)
{
  for (guint i = 0; i < NB_N_EDITIONS; i++)
    {
      if (g_strcmp0 (key, editions[i].key) == 0)
        {
          *edition = editions[i].edition;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * nb_edition_for_year:
 * Reports up to 2020 use the 2019 format; later ones the 2021 format.
 */
NbEdition
nb_edition_for_year (int year)
{
  return year <= 2020 ? NB_EDITION_2019 : NB_EDITION_2021;
}

const NbTableDef *
nb_edition_find_table (const NbEditionDef *def,
                       const char         *table_key)
{
  for (guint i = 0; i < def->n_tables; i++)
    if (strcmp (def->tables[i].key, table_key) == 0)
      return &def->tables[i];
  return NULL;
}

int
nb_table_def_find_row (const NbTableDef *def,
                       const char       *row_key)
{
  for (guint i = 0; i < def->n_rows; i++)
    if (strcmp (def->rows[i].key, row_key) == 0)
      return (int) i;
  return -1;
}

int
nb_table_def_find_column (const NbTableDef *def,
                          const char       *column_key)
{
  for (guint i = 0; i < def->n_columns; i++)
    if (strcmp (def->columns[i].key, column_key) == 0)
      return (int) i;
  return -1;
}

/**
 * nb_table_def_is_total:
 * Whether a cell is computed from other cells of its row or column.
 */
gboolean
nb_table_def_is_total (const NbTableDef *def,
                       guint             row,
                       guint             column)
{
  return def->rows[row].n_parts > 0 || def->columns[column].n_parts > 0;
}

/**
 * nb_table_def_same_label:
 * @level: 0 for the group label (first label column), 1 for the subgroup
 *
 * Whether rows @a and @b share one merged label cell at @level: the
 * same label (by identity, as the definitions write it) in the same run.
 */
gboolean
nb_table_def_same_label (const NbTableDef *def,
                         guint             level,
                         guint             a,
                         guint             b)
{
  const NbRowDef *x = &def->rows[a], *y = &def->rows[b];

  if (level == 0)
    return x->group != NULL && x->group == y->group;
  return x->subgroup != NULL && x->subgroup == y->subgroup && x->group == y->group;
}

/**
 * nb_table_def_label_rows:
 * @level: 0 for the group label, 1 for the subgroup
 *
 * Returns: how many rows the merged label cell that opens at @row spans
 *   at @level; 0 when @row has no label at that level or continues the
 *   label of the row above
 */
guint
nb_table_def_label_rows (const NbTableDef *def,
                         guint             level,
                         guint             row)
{
  const NbRowDef *r = &def->rows[row];
  guint end = row + 1;

  if ((level == 0 ? r->group : r->subgroup) == NULL
      || (row > 0 && nb_table_def_same_label (def, level, row - 1, row)))
    return 0;
  while (end < def->n_rows && nb_table_def_same_label (def, level, row, end))
    end++;
  return end - row;
}

/**
 * nb_table_def_row_name:
 * The row as messages name it: its short name, or its label behind the
 * label of its sub-group (（三）不予公开 1.属于国家秘密).
 */
char *
nb_table_def_row_name (const NbTableDef *def,
                       guint             row)
{
  const NbRowDef *r = &def->rows[row];

  if (r->short_name != NULL)
    return g_strdup (r->short_name);
  if (r->subgroup != NULL)
    return g_strconcat (r->subgroup, " ", r->label, NULL);
  return g_strdup (r->label != NULL ? r->label : "");
}

/**
 * nb_table_def_cell_label:
 * Returns: (transfer full): the cell as the edition labels it, with the
 *   table's caption, the row's sub-group and label, and the column's full
 *   label: `第二十条第（一）项 规章 · 现行有效件数`,
 *   `（三）不予公开 1.属于国家秘密 · 总计`
 */
char *
nb_table_def_cell_label (const NbTableDef *def,
                         guint             row,
                         guint             column)
{
  const NbRowDef *r = &def->rows[row];
  GString *s = g_string_new (NULL);

  if (def->caption != NULL)
    g_string_append_printf (s, "%s ", def->caption);
  if (r->subgroup != NULL)
    g_string_append_printf (s, "%s %s · ", r->subgroup, r->label);
  else if (r->label != NULL)
    g_string_append_printf (s, "%s · ", r->label);
  g_string_append (s, def->columns[column].full_label);
  return g_string_free (s, FALSE);
}

const char *
nb_section_heading (guint section)
{
  g_return_val_if_fail (section >= 1 && section <= NB_N_SECTIONS, NULL);
  return section_headings[section - 1];
}

const char *
nb_text_section_key (NbTextSection section)
{
  g_return_val_if_fail (section < NB_N_TEXT_SECTIONS, NULL);
  return text_sections[section].key;
}

gboolean
nb_text_section_from_key (const char    *key,
                          NbTextSection *section)
{
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    {
      if (g_strcmp0 (key, text_sections[i].key) == 0)
        {
          *section = (NbTextSection) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * nb_text_section_number:
 * The report section (1–6) a text belongs to; 0 for the preface.
 */
guint
nb_text_section_number (NbTextSection section)
{
  g_return_val_if_fail (section < NB_N_TEXT_SECTIONS, 0);
  return text_sections[section].section;
}

/**
 * nb_section_is_text:
 * Whether report section @section (1–6) is written as text (一, 五 and
 * 六), not as tables.
 */
gboolean
nb_section_is_text (guint section)
{
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    if (section > 0 && text_sections[i].section == section)
      return TRUE;
  return FALSE;
}
