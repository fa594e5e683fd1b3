/* test-checker.c — every rule: a report that breaks it, one that does not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nb-checker.h"
#include "nb-import.h"
#include "test-util.h"

/* Returns: (transfer full): the first finding of @rule */
static NbFinding *
find_rule (NbChecker  *checker,
           const char *rule)
{
  GListModel *findings = nb_checker_get_findings (checker);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      NbFinding *finding = g_list_model_get_item (findings, i);
      if (g_strcmp0 (nb_finding_get_rule (finding), rule) == 0)
        return finding;
      g_object_unref (finding);
    }
  g_assert_not_reached ();
}

static void
assert_clean (NbChecker *checker)
{
  GListModel *findings = nb_checker_get_findings (checker);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      g_test_message ("unexpected %s: %s", nb_finding_get_rule (finding),
                      nb_finding_get_message (finding));
    }
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
}

static void
test_clean_reports (void)
{
  for (NbEdition e = NB_EDITION_2019; e <= NB_EDITION_2021; e++)
    {
      g_autoptr(NbReport) report = test_clean_report (e);
      g_autoptr(NbChecker) checker = nb_checker_new (report);

      assert_clean (checker);
      g_assert_finalize_object (g_steal_pointer (&checker));
      g_assert_finalize_object (g_steal_pointer (&report));
    }
}

static void
test_r1_balance (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;
  const char * const *cells;

  /* 22 + 1 = 16 + 6 + 1; one more new request breaks it in two columns */
  test_set (report, "s3_requests.new.natural", 23);
  g_assert_cmpuint (test_count_rule (checker, "R1"), ==, 2);
  finding = find_rule (checker, "R1");
  g_assert_cmpint (nb_finding_get_severity (finding), ==, NB_SEVERITY_ERROR);
  g_assert_cmpuint (nb_finding_get_section (finding), ==, 3);
  g_assert_cmpstr (nb_finding_get_message (finding), ==,
                   "第三部分 自然人列：第一项 23 + 第二项 1 ≠ （七）总计 22 + 第四项 1");
  cells = nb_finding_get_cells (finding);
  g_assert_cmpstr (cells[0], ==, "s3_requests.new.natural");
  g_assert_cmpstr (cells[3], ==, "s3_requests.carried_forward.natural");
  g_assert_null (cells[4]);

  g_assert_true (nb_checker_count (checker, NB_SEVERITY_ERROR, 3) == 2);
  test_set (report, "s3_requests.carried_forward.natural", 2);
  g_assert_cmpuint (test_count_rule (checker, "R1"), ==, 0);
  assert_clean (checker);
}

static void
test_r2_row_total (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;

  test_set (report, "s3_requests.granted.total", 17);
  g_assert_cmpuint (test_count_rule (checker, "R2"), ==, 1);
  finding = find_rule (checker, "R2");
  g_assert_true (g_str_has_prefix (nb_finding_get_message (finding),
                                   "第三部分 “（一）予以公开”：总计 17 ≠ 自然人 16 + 商业企业 0"));
  g_assert_true (g_str_has_suffix (nb_finding_get_message (finding), "= 16"));
  g_assert_cmpstr (nb_finding_get_cells (finding)[0], ==, "s3_requests.granted.total");

  nb_table_restore_totals (nb_report_get_table (report, "s3_requests"));
  g_assert_cmpuint (test_count_rule (checker, "R2"), ==, 0);
}

static void
test_r2_blank_total (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  NbTable *table = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (table);
  g_autoptr(NbFinding) finding = NULL;

  /* Shanghai 2019 published a blank 总计 beside numbers */
  nb_table_clear (table, nb_table_def_find_row (def, "granted"), nb_table_def_find_column (def, "total"));
  finding = find_rule (checker, "R2");
  g_assert_nonnull (strstr (nb_finding_get_message (finding), "总计 未填"));
}

static void
test_r3_result_total (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;

  test_set (report, "s3_requests.result_total.research", 3);
  /* the override breaks R3 in its column, and R1 there and in 总计 */
  g_assert_cmpuint (test_count_rule (checker, "R3"), ==, 1);
  finding = find_rule (checker, "R3");
  g_assert_cmpstr (nb_finding_get_message (finding), ==,
                   "第三部分 法人或其他组织·科研机构列：（七）总计 3 ≠ "
                   "（一）予以公开 至 3.其他 之和 = 0");
  g_assert_cmpuint (test_count_rule (checker, "R1"), ==, 2);

  test_set (report, "s3_requests.result_total.research", 0);
  g_assert_cmpuint (test_count_rule (checker, "R3"), ==, 0);
}

static void
test_r4_appeal_total (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;

  test_set (report, "s4_appeals.cases.direct_total", 5);
  finding = find_rule (checker, "R4");
  g_assert_cmpuint (nb_finding_get_section (finding), ==, 4);
  g_assert_cmpstr (nb_finding_get_message (finding), ==,
                   "第四部分 行政诉讼·未经复议直接起诉：总计 5 ≠ 结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 0");
  test_set (report, "s4_appeals.cases.direct_upheld", 5);
  g_assert_cmpuint (test_count_rule (checker, "R4"), ==, 0);

  /* a cell of that unnamed row is named by its block too */
  {
    NbTable *appeals = nb_report_get_table (report, "s4_appeals");
    const NbTableDef *def = nb_table_get_def (appeals);

    nb_table_set_entry (appeals, 0, (guint) nb_table_def_find_column (def, "review_pending"), "x");
    g_clear_object (&finding);
    finding = find_rule (checker, "E1");
    g_assert_true (g_str_has_prefix (nb_finding_get_message (finding),
                                     "第四部分 行政复议·尚未审结 填写的“x”"));
  }
}

static void
test_r5_blank_cells (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  NbTable *appeals = nb_report_get_table (report, "s4_appeals");
  g_autoptr(NbFinding) finding = NULL;

  nb_table_clear (appeals, 0, 1);
  nb_table_set_marker (appeals, 0, 2, "/");
  finding = find_rule (checker, "R5");
  g_assert_cmpint (nb_finding_get_severity (finding), ==, NB_SEVERITY_WARNING);
  g_assert_cmpstr (nb_finding_get_message (finding), ==,
                   "第四部分有 2 个单元格未填数字（数量为零时应填 0）");
  g_assert_cmpstr (nb_finding_get_cells (finding)[1], ==, "s4_appeals.cases.review_other");

  nb_table_set_number (appeals, 0, 1, 0, NULL);
  nb_table_set_number (appeals, 0, 2, 0, NULL);
  g_assert_cmpuint (test_count_rule (checker, "R5"), ==, 0);
}

static void
test_r6_published (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;

  test_set (report, "s2_regulations.normative.published", 7);
  test_set (report, "s2_regulations.normative.total_published", 5);
  finding = find_rule (checker, "R6");
  g_assert_cmpstr (nb_finding_get_message (finding), ==,
                   "第二部分 第二十条第（一）项 “规范性文件”：本年新公开数量 7 大于 对外公开总数量 5");
  test_set (report, "s2_regulations.normative.total_published", 39);
  g_assert_cmpuint (test_count_rule (checker, "R6"), ==, 0);
}

static void
test_text_rules (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);

  nb_report_set_text (report, NB_TEXT_OVERVIEW, "  ");
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "无。");
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, NULL);
  g_assert_cmpuint (test_count_rule (checker, "S1"), ==, 1);
  g_assert_cmpuint (test_count_rule (checker, "R7"), ==, 1);
  g_assert_cmpuint (test_count_rule (checker, "S2"), ==, 1);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_ERROR, 1), ==, 1);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, 5), ==, 1);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, 6), ==, 1);

  nb_report_set_text (report, NB_TEXT_OVERVIEW, "概述。");
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "一是公开不够及时。");
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, "无。");
  assert_clean (checker);
}

static void
test_r8_fees (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;

  /* two requests dropped for unpaid fees, balanced by two more new ones */
  test_set (report, "s3_requests.other_no_fee.natural", 2);
  test_set (report, "s3_requests.new.natural", 24);
  finding = find_rule (checker, "R8");
  g_assert_cmpuint (nb_finding_get_section (finding), ==, 6);
  g_assert_nonnull (strstr (nb_finding_get_message (finding),
                            "2.申请人逾期未按收费通知要求缴纳费用"));
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, "全年收取信息处理费 200 元。");
  g_assert_cmpuint (test_count_rule (checker, "R8"), ==, 0);
  assert_clean (checker);
}

static void
test_n1_marker (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  NbTable *enforcement = nb_report_get_table (report, "s2_enforcement");
  g_autoptr(NbFinding) finding = NULL;

  nb_table_set_marker (enforcement, 1, 2, "-");
  finding = find_rule (checker, "N1");
  g_assert_cmpstr (nb_finding_get_message (finding), ==,
                   "第二部分 第二十条第（六）项 “行政强制”：处理决定数量 填写的“-”不是数字");
  nb_table_set_number (enforcement, 1, 2, 0, NULL);
  g_assert_cmpuint (test_count_rule (checker, "N1"), ==, 0);
}

static void
test_identity_rules (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;

  nb_report_set_organ (report, "");
  nb_report_set_year (report, 0);
  g_assert_cmpuint (test_count_rule (checker, "M1"), ==, 1);
  g_assert_cmpuint (test_count_rule (checker, "M2"), ==, 1);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_ERROR, 0), ==, 2);

  nb_report_set_organ (report, "测试市人民政府办公室");
  nb_report_set_year (report, 2020);
  g_assert_cmpuint (test_count_rule (checker, "M2"), ==, 0);
  finding = find_rule (checker, "M4");
  g_assert_cmpstr (nb_finding_get_message (finding), ==,
                   "2020年度报告应使用2019年版格式（国办公开办函〔2019〕60号），本报告为2021年版");
  nb_report_set_year (report, 2024);
  nb_report_set_title (report, "测试市人民政府办公室政府信息公开工作年度报告");
  g_assert_cmpuint (test_count_rule (checker, "M3"), ==, 1);
  nb_report_set_title (report, NULL);
  assert_clean (checker);
}

static NbReport *
last_year_of (NbReport *report)
{
  NbReport *last = test_clean_report (nb_report_get_edition (report));

  nb_report_set_year (last, nb_report_get_year (report) - 1);
  nb_report_set_text (last, NB_TEXT_PROBLEMS, "上年的问题是信息发布不够及时，已整改。");
  /* its 1 carried forward is this year's 1 carried over */
  return last;
}

static void
test_x1_carry_over (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) last = last_year_of (report);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;

  nb_checker_set_previous (checker, last);
  assert_clean (checker);

  test_set (last, "s3_requests.carried_forward.natural", 3);
  nb_checker_refresh (checker);
  finding = find_rule (checker, "X1");
  g_assert_cmpint (nb_finding_get_severity (finding), ==, NB_SEVERITY_ERROR);
  g_assert_cmpstr (nb_finding_get_message (finding), ==,
                   "第三部分 自然人列：二、上年结转政府信息公开申请数量 1 ≠ 上年报告 "
                   "四、结转下年度继续办理 3");
  g_assert_cmpuint (test_count_rule (checker, "X1"), ==, 2);   /* 自然人 and 总计 */
}

static guint
count_cells (NbFinding *finding)
{
  const char * const *cells = nb_finding_get_cells (finding);
  guint n = 0;

  while (cells != NULL && cells[n] != NULL)
    n++;
  return n;
}

/* C1: a table with cells the import could not place is not checked
 * against them; once they are filled in, the rules run as ever. */
static void
test_c1_not_imported (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  NbTable *requests = nb_report_get_table (report, "s3_requests");
  const NbTableDef *def = nb_table_get_def (requests);
  guint granted = (guint) nb_table_def_find_row (def, "granted");
  g_autoptr(NbFinding) finding = NULL;

  /* published: （七）总计 22 and the sentence of section 一; the row of
   * 予以公开 (16) is what the page lost */
  test_set (report, "s3_requests.result_total.natural", 22);
  test_set (report, "s3_requests.result_total.total", 22);
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "2024年，本机关予以公开16件。");
  assert_clean (checker);
  test_miss_row (requests, "granted");

  /* not a published error: no R3 for 自然人 or 总计, no R5 for the blanks,
   * no T1 against the missing row; C1 says so once, with the cells */
  g_assert_cmpuint (test_count_rule (checker, "R1"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "R2"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "R3"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "R5"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "T1"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "C1"), ==, 1);
  finding = find_rule (checker, "C1");
  g_assert_cmpint (nb_finding_get_severity (finding), ==, NB_SEVERITY_INFO);
  g_assert_cmpuint (nb_finding_get_section (finding), ==, 3);
  g_assert_cmpstr (nb_finding_get_message (finding), ==, "第三部分表格：无法核对，7 个单元格未能导入");
  g_assert_cmpuint (count_cells (finding), ==, 7);
  g_assert_cmpstr (nb_finding_get_cells (finding)[0], ==, "s3_requests.granted.natural");
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_ERROR, 0), ==, 0);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_WARNING, 0), ==, 0);
  g_clear_object (&finding);

  /* filling a cell in: one fewer; the 自然人 column is whole again and
   * checked (the wrong 15), the 总计 column still adds up a marked cell */
  test_set (report, "s3_requests.granted.natural", 15);
  finding = find_rule (checker, "C1");
  g_assert_cmpstr (nb_finding_get_message (finding), ==, "第三部分表格：无法核对，6 个单元格未能导入");
  g_clear_object (&finding);
  g_assert_cmpuint (test_count_rule (checker, "R3"), ==, 1);
  finding = find_rule (checker, "R3");
  g_assert_nonnull (strstr (nb_finding_get_message (finding), "自然人列"));
  g_clear_object (&finding);

  /* the whole row filled in: every rule runs again */
  for (guint c = 1; c < def->n_columns; c++)
    if (nb_table_is_total (requests, granted, c))
      nb_table_restore_total (requests, granted, c);
    else
      nb_table_set_number (requests, granted, c, 0, NULL);
  g_assert_cmpuint (test_count_rule (checker, "C1"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "R3"), ==, 1);
  g_assert_cmpuint (test_count_rule (checker, "T1"), ==, 1);
  test_set (report, "s3_requests.granted.natural", 16);
  assert_clean (checker);
}

/* X1 leaves out a carried-over figure that was not imported, this year's
 * or last year's. */
static void
test_c1_across_years (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) last = last_year_of (report);
  g_autoptr(NbChecker) checker = nb_checker_new (report);

  test_set (last, "s3_requests.carried_forward.natural", 3);
  nb_checker_set_previous (checker, last);
  g_assert_cmpuint (test_count_rule (checker, "X1"), ==, 2);

  test_miss_row (nb_report_get_table (report, "s3_requests"), "carried_over");
  g_assert_cmpuint (test_count_rule (checker, "X1"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "C1"), ==, 1);

  /* this year's row filled in, last year's row not imported */
  test_set (report, "s3_requests.carried_over.natural", 1);
  for (guint c = 1; c < 6; c++)
    nb_table_set_number (nb_report_get_table (report, "s3_requests"),
                         nb_table_def_find_row (nb_table_get_def (nb_report_get_table (report, "s3_requests")),
                                                "carried_over"), c, 0, NULL);
  nb_table_restore_total (nb_report_get_table (report, "s3_requests"),
                          nb_table_def_find_row (nb_table_get_def (nb_report_get_table (report, "s3_requests")),
                                                 "carried_over"), 6);
  g_assert_cmpuint (test_count_rule (checker, "C1"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "X1"), ==, 2);
  test_miss_row (nb_report_get_table (last, "s3_requests"), "carried_forward");
  nb_checker_refresh (checker);
  g_assert_cmpuint (test_count_rule (checker, "X1"), ==, 0);
  /* C1 is of this report's tables only */
  g_assert_cmpuint (test_count_rule (checker, "C1"), ==, 0);
}

/* A real page that lost two rows of section 三 (普洱 2020 without （一）予以
 *公开 and （二）部分公开): C1, and none of the errors the missing rows
 * would give, as they gave before cells were marked. */
static void
test_c1_partial_import (void)
{
  g_autofree char *path = test_data_path ("import/puer-2020-rows-missing.txt");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbChecker) checker = NULL;
  g_autoptr(NbFinding) finding = NULL;
  NbTable *requests;
  const NbTableDef *def;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  report = nb_import_report (data, length, NULL, &messages, &error);
  g_assert_no_error (error);
  g_assert_true (nb_import_messages_have_errors (messages));
  checker = nb_checker_new (report);

  finding = find_rule (checker, "C1");
  g_assert_cmpstr (nb_finding_get_message (finding), ==, "第三部分表格：无法核对，14 个单元格未能导入");
  g_assert_cmpuint (count_cells (finding), ==, 14);
  g_assert_cmpuint (test_count_rule (checker, "C1"), ==, 1);
  g_assert_cmpuint (test_count_rule (checker, "R1"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "R2"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "R3"), ==, 0);
  g_assert_cmpuint (nb_checker_count (checker, NB_SEVERITY_ERROR, 0), ==, 0);
  /* section 一 states 22 requests and a rate of 100%: still checked,
   * against cells that were imported */
  g_assert_cmpuint (test_count_rule (checker, "T1"), ==, 0);

  /* taking the missing rows for blanks brings back the errors of old:
   * （七）总计 22 as published against the rows that remain */
  requests = nb_report_get_table (report, "s3_requests");
  def = nb_table_get_def (requests);
  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (nb_table_is_not_imported (requests, r, c))
        test_place (requests, r, c);
  g_assert_cmpuint (test_count_rule (checker, "C1"), ==, 0);
  g_assert_cmpuint (test_count_rule (checker, "R3"), ==, 1);
  g_clear_object (&finding);
  finding = find_rule (checker, "R3");
  g_assert_nonnull (strstr (nb_finding_get_message (finding), "（七）总计 22 ≠"));
}

static void
test_x1_across_editions (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) last = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;

  nb_report_set_year (report, 2021);
  nb_report_set_year (last, 2020);
  test_set (last, "s3_requests.carried_forward.natural", 4);
  nb_checker_set_previous (checker, last);
  g_assert_cmpuint (test_count_rule (checker, "X1"), ==, 2);
  /* 2019 → 2021: 现行有效件数 has no counterpart, which is said */
  finding = find_rule (checker, "X2");
  g_assert_cmpint (nb_finding_get_severity (finding), ==, NB_SEVERITY_INFO);
  g_assert_nonnull (strstr (nb_finding_get_message (finding), "2019年版"));
}

static void
test_x2_in_force (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) last = last_year_of (report);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;

  test_set (last, "s2_regulations.normative.in_force", 60);
  test_set (report, "s2_regulations.normative.issued", 8);
  test_set (report, "s2_regulations.normative.repealed", 2);
  test_set (report, "s2_regulations.normative.in_force", 66);
  nb_checker_set_previous (checker, last);
  g_assert_cmpuint (test_count_rule (checker, "X2"), ==, 0);

  test_set (report, "s2_regulations.normative.in_force", 70);
  finding = find_rule (checker, "X2");
  g_assert_cmpint (nb_finding_get_severity (finding), ==, NB_SEVERITY_WARNING);
  g_assert_cmpstr (nb_finding_get_message (finding), ==,
                   "第二部分 第二十条第（一）项 “行政规范性文件”：现行有效件数 70 ≠ 上年 60 + "
                   "本年制发件数 8 − 本年废止件数 2 = 66");
}

static void
test_x3_items (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbReport) last = last_year_of (report);
  g_autoptr(NbChecker) checker = nb_checker_new (report);

  test_set (last, "s2_licensing.licensing.prev_items", 100);
  test_set (last, "s2_licensing.licensing.change", -8);
  test_set (report, "s2_licensing.licensing.prev_items", 92);
  nb_checker_set_previous (checker, last);
  g_assert_cmpuint (test_count_rule (checker, "X3"), ==, 0);
  test_set (report, "s2_licensing.licensing.prev_items", 100);
  g_assert_cmpuint (test_count_rule (checker, "X3"), ==, 1);
}

static void
test_x4_repeated_text (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) last = last_year_of (report);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  const char *problems = "一是政策解读质量仍需提升，个别单位解读内容简单；二是队伍建设还需加强。";

  nb_report_set_text (last, NB_TEXT_PROBLEMS, problems);
  nb_report_set_text (report, NB_TEXT_PROBLEMS, "一是信息发布审核流程有待优化；二是依申请公开答复质量需要提高。");
  nb_checker_set_previous (checker, last);
  g_assert_cmpuint (test_count_rule (checker, "X4"), ==, 0);
  nb_report_set_text (report, NB_TEXT_PROBLEMS, problems);
  g_assert_cmpuint (test_count_rule (checker, "X4"), ==, 1);
}

static void
test_x5_x6_identity (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) last = last_year_of (report);
  g_autoptr(NbChecker) checker = nb_checker_new (report);

  nb_checker_set_previous (checker, last);
  assert_clean (checker);
  nb_report_set_organ (last, "另一机关");
  nb_report_set_year (last, 2020);
  nb_checker_refresh (checker);
  g_assert_cmpuint (test_count_rule (checker, "X5"), ==, 1);
  g_assert_cmpuint (test_count_rule (checker, "X6"), ==, 1);
  nb_checker_set_previous (checker, NULL);
  assert_clean (checker);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_cell_severity_and_signals (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  NbSeverity severity;
  guint changes = 0;

  g_assert_false (nb_checker_get_cell_severity (checker, "s3_requests.new.natural", &severity));
  test_set (report, "s3_requests.new.natural", 30);
  g_assert_true (nb_checker_get_cell_severity (checker, "s3_requests.new.natural", &severity));
  g_assert_cmpint (severity, ==, NB_SEVERITY_ERROR);

  /* an edit that changes no finding leaves the list alone */
  g_signal_connect_swapped (nb_checker_get_findings (checker), "items-changed",
                            G_CALLBACK (count_cb), &changes);
  test_set (report, "s2_licensing.licensing.decisions", 12);
  g_assert_cmpuint (changes, ==, 0);
  test_set (report, "s3_requests.new.natural", 22);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (nb_checker_get_cell_severity (checker, "s3_requests.new.natural", &severity));

  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* M5: the 统计期限 a text states is of the report's year; a change of
 * the year re-checks the texts. */
static void
test_m5_period (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;

  nb_report_set_year (report, 2024);
  nb_report_set_text (report, NB_TEXT_PREFACE,
                      "本报告根据条例编制。统计期限自2023年1月1日至2023年12月31日。");
  finding = find_rule (checker, "M5");
  g_assert_cmpuint (nb_finding_get_section (finding), ==, 0);
  g_assert_cmpstr (nb_finding_get_message (finding), ==,
                   "基本信息 “统计期限自2023年1月1日至2023年12月31日。”：统计期限的年份 2023 不是报告年度 2024");
  nb_report_set_year (report, 2023);
  g_assert_cmpuint (test_count_rule (checker, "M5"), ==, 0);
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "统计期限为2023年度。");
  g_assert_cmpuint (test_count_rule (checker, "M5"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/checker/clean-reports", test_clean_reports);
  g_test_add_func ("/checker/R1-balance", test_r1_balance);
  g_test_add_func ("/checker/R2-row-total", test_r2_row_total);
  g_test_add_func ("/checker/R2-blank-total", test_r2_blank_total);
  g_test_add_func ("/checker/R3-result-total", test_r3_result_total);
  g_test_add_func ("/checker/R4-appeal-total", test_r4_appeal_total);
  g_test_add_func ("/checker/M5-period", test_m5_period);
  g_test_add_func ("/checker/R5-blank-cells", test_r5_blank_cells);
  g_test_add_func ("/checker/R6-published", test_r6_published);
  g_test_add_func ("/checker/S1-R7-S2-texts", test_text_rules);
  g_test_add_func ("/checker/R8-fees", test_r8_fees);
  g_test_add_func ("/checker/N1-marker", test_n1_marker);
  g_test_add_func ("/checker/M1-M4-identity", test_identity_rules);
  g_test_add_func ("/checker/X1-carry-over", test_x1_carry_over);
  g_test_add_func ("/checker/X1-X2-across-editions", test_x1_across_editions);
  g_test_add_func ("/checker/C1-not-imported", test_c1_not_imported);
  g_test_add_func ("/checker/C1-across-years", test_c1_across_years);
  g_test_add_func ("/checker/C1-partial-import", test_c1_partial_import);
  g_test_add_func ("/checker/X2-in-force", test_x2_in_force);
  g_test_add_func ("/checker/X3-items", test_x3_items);
  g_test_add_func ("/checker/X4-repeated-text", test_x4_repeated_text);
  g_test_add_func ("/checker/X5-X6-identity", test_x5_x6_identity);
  g_test_add_func ("/checker/cell-severity-and-signals", test_cell_severity_and_signals);
  return g_test_run ();
}
