/* test-text-rules.c — T1, T2: numbers stated in section 一 against tables 三 and 四
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-checker.h"
#include "nb-import.h"
#include "test-util.h"

/* The T findings as “rule message” lines, in order. */
static char *
text_findings (NbChecker *checker)
{
  GListModel *findings = nb_checker_get_findings (checker);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

      if (nb_finding_get_rule (finding)[0] == 'T')
        {
          g_assert_cmpint (nb_finding_get_severity (finding), ==, NB_SEVERITY_WARNING);
          g_assert_cmpuint (nb_finding_get_section (finding), ==, 1);
          g_string_append_printf (s, "%s %s\n", nb_finding_get_rule (finding),
                                  nb_finding_get_message (finding));
        }
    }
  return g_string_free (s, FALSE);
}

/* A report whose tables hold 淮安 2024's request and appeal totals:
 * 3119 new + 34 carried over = 3050 answered + 103 carried forward;
 * 行政复议 351; 行政诉讼 26 + 20 = 46. */
static NbReport *
huaian_like (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);

  test_set (report, "s3_requests.new.natural", 3119);
  test_set (report, "s3_requests.carried_over.natural", 34);
  test_set (report, "s3_requests.granted.natural", 3044);
  test_set (report, "s3_requests.partly_granted.natural", 6);
  test_set (report, "s3_requests.carried_forward.natural", 103);
  test_set (report, "s4_appeals.cases.review_upheld", 72);
  test_set (report, "s4_appeals.cases.review_corrected", 64);
  test_set (report, "s4_appeals.cases.review_other", 178);
  test_set (report, "s4_appeals.cases.review_pending", 37);
  test_set (report, "s4_appeals.cases.direct_upheld", 26);
  test_set (report, "s4_appeals.cases.after_review_upheld", 20);
  return report;
}

static void
test_matching_sentences (void)
{
  g_autoptr(NbReport) report = huaian_like ();
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *findings = NULL;

  /* 淮安 2024 as pdftotext gives it: line breaks inside words, spaces
   * around numbers, the carried-forward number before its phrase */
  nb_report_set_text (report, NB_TEXT_OVERVIEW,
                      "2024 年，全市共受理政府信息公开申请 3119 件，答\n"
                      "复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n"
                      "答复），均在法定期限内予以答复。政府信息公开行政复议 351\n"
                      "件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n"
                      "未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n"
                      "件。全年主动公开政府信息 5500 余条，收到群众来信 12 件。");
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==, "");

  /* one more case of 行政复议 in the table: the quote leaves out the line breaks */
  test_set (report, "s4_appeals.cases.review_pending", 38);
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==,
                   "T2 第一部分 “政府信息公开行政复议 351件，其中结果维持 72 件，"
                   "结果纠正 64 件，其他结果 178 件，尚未审结 37 件；”：行政复议 351 件，但第四部分 行政复议·总计 为 352\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

static void
test_mismatching_sentence (void)
{
  g_autoptr(NbReport) report = huaian_like ();
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;
  g_autofree char *findings = NULL;
  const char * const *cells;

  nb_report_set_text (report, NB_TEXT_OVERVIEW,
                      "（二）依申请公开情况。全年收到申请3120件，上年结转34件，办结3050件，"
                      "结转下年度继续办理103件。行政复议351件，行政诉讼45件。");
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==,
                   "T1 第一部分 “全年收到申请3120件，上年结转34件，办结3050件，结转下年度继续办理103件。”："
                   "收到 3120 件，但第三部分 总计列 一、本年新收政府信息公开申请数量 为 3119\n"
                   "T2 第一部分 “行政复议351件，行政诉讼45件。”：行政诉讼 45 件，但第四部分 "
                   "行政诉讼·未经复议直接起诉·总计 + 行政诉讼·复议后起诉·总计 为 46\n");
  finding = g_list_model_get_item (nb_checker_get_findings (checker),
                                   g_list_model_get_n_items (nb_checker_get_findings (checker)) - 1);
  cells = nb_finding_get_cells (finding);
  g_assert_cmpstr (cells[0], ==, "s4_appeals.cases.direct_total");
  g_assert_cmpstr (cells[1], ==, "s4_appeals.cases.after_review_total");
  g_assert_null (cells[2]);
  g_clear_object (&finding);

  /* fixing the table clears the finding: tables 三 and 四 re-check the text */
  test_set (report, "s4_appeals.cases.direct_upheld", 25);
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_assert_null (strstr (findings, "T2"));
  g_assert_nonnull (strstr (findings, "T1"));
  test_set (report, "s3_requests.new.natural", 3120);
  test_set (report, "s3_requests.granted.natural", 3045);
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  /* now 收到 3120 holds, but 办结 3050 ≠ （七）总计 3051 */
  g_assert_cmpstr (findings, ==,
                   "T1 第一部分 “全年收到申请3120件，上年结转34件，办结3050件，结转下年度继续办理103件。”："
                   "办结 3050 件，但第三部分 总计列 （七）总计 为 3051\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* Outcomes stated in section 一, as real reports state them, against the
 * outcome rows of section 三 (淮安-like tables: 予以公开 3044, 部分公开 6). */
static void
test_outcomes (void)
{
  g_autoptr(NbReport) report = huaian_like ();
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *findings = NULL;

  /* 3050 ÷ (3119 + 34) = 96.7 % */
  nb_report_set_text (report, NB_TEXT_OVERVIEW,
                      "全年予以公开及部分公开3050件，占96.7%；不予公开0件。");
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==, "");

  /* the 自然人 cell of 予以公开 alone, and a share of no total */
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "全年予以公开及部分公开3044件，占95%。");
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_test_message ("%s", findings);
  g_assert_cmpstr (findings, ==,
                   "T1 第一部分 “全年予以公开及部分公开3044件，占95%。”：予以公开及部分公开 3044 件，"
                   "但第三部分 总计列 （一）予以公开 + （二）部分公开 为 3050\n"
                   "T1 第一部分 “全年予以公开及部分公开3044件，占95%。”：3044 件占 95%，"
                   "但 3044 ÷ 第三部分 总计列（第一项 + 第二项）3153 = 96.5%\n");

  /* 无法提供: the three rows of （四） */
  test_set (report, "s3_requests.unable_not_held.natural", 3);
  test_set (report, "s3_requests.unable_unclear.natural", 4);
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "因信息不存在等原因无法提供5件。");
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==,
                   "T1 第一部分 “因信息不存在等原因无法提供5件。”：无法提供 5 件，"
                   "但第三部分 总计列 （四）无法提供 各项之和 为 7\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* “同意公开答复 9 件”: the kind before 答复 takes the number, not 答复 as
 * all the answers (上海市科委 2024); 转下一年度 is the carry forward. */
static void
test_kinds_of_answers (void)
{
  g_autoptr(NbReport) report = huaian_like ();
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *findings = NULL;

  nb_report_set_text (report, NB_TEXT_OVERVIEW,
                      "所有办结的信息公开申请中同意公开答复 3044 件，部分公开答复 6 件，"
                      "不予公开答复 0 件，转下一年度办理答复的有 103 件。");
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==, "");

  /* each still compared with its own row */
  nb_report_set_text (report, NB_TEXT_OVERVIEW,
                      "同意公开答复 3040 件，转下一年度办理答复的有 100 件。");
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_test_message ("%s", findings);
  g_assert_nonnull (strstr (findings, "”：同意公开 3040 件"));
  g_assert_nonnull (strstr (findings, "”：转下一年度 100 件"));
  g_assert_null (strstr (findings, "”：答复"));

  /* alone, 答复 is all the answers */
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "共答复 3000 件。");
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_assert_nonnull (strstr (findings, "”：答复 3000 件"));
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* “均获维持” while section 四 has cases corrected, other or pending. */
static void
test_all_upheld (void)
{
  g_autoptr(NbReport) report = huaian_like ();
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *findings = NULL;

  /* 行政诉讼 26 + 20 cases, all upheld: true */
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "发生政府信息公开行政诉讼46件，均获维持。");
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==, "");

  /* 行政复议: 64 corrected, 178 other, 37 pending */
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "发生政府信息公开行政复议351件，均获维持。");
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==,
                   "T2 第一部分 “发生政府信息公开行政复议351件，均获维持。”：均获维持，但第四部分 "
                   "行政复议·结果纠正 64、行政复议·其他结果 178、行政复议·尚未审结 37\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* “受理政府信息公开申请2件” against 3 new requests and none carried over. */
static void
test_received_against_new (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *findings = NULL;

  test_set (report, "s3_requests.new.natural", 3);
  test_set (report, "s3_requests.granted.natural", 3);
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "本年度共受理政府信息公开申请2件，均已按时答复。");
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==,
                   "T1 第一部分 “本年度共受理政府信息公开申请2件，均已按时答复。”：受理 2 件，"
                   "但第三部分 总计列 一、本年新收政府信息公开申请数量 为 3\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* “N件，其中a件、b件”: the parts listed add up to more than the total the
 * sentence states; a list that leaves parts out is no fault. */
static void
test_parts_against_total (void)
{
  g_autoptr(NbReport) report = huaian_like ();
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *findings = NULL;

  nb_report_set_text (report, NB_TEXT_OVERVIEW,
                      "政府信息公开行政复议351件，其中结果维持72件，结果纠正64件。");
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==, "");

  nb_report_set_text (report, NB_TEXT_OVERVIEW,
                      "政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结38件。");
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==,
                   "T2 第一部分 “政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结38件。”："
                   "行政复议 351 件，但其中所列各项之和为 352 件\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

static void
test_chinese_numerals (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);   /* 22 new, 1 carried over, 1 forward */
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *findings = NULL;

  nb_report_set_text (report, NB_TEXT_OVERVIEW,
                      "全年新收政府信息公开申请二十二件，上年结转一件，结转下年度继续办理一件。");
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==, "");

  nb_report_set_text (report, NB_TEXT_OVERVIEW,
                      "全年新收政府信息公开申请一百零三件，上年结转十件。");
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==,
                   "T1 第一部分 “全年新收政府信息公开申请一百零三件，上年结转十件。”：新收 103 件，但第三部分 "
                   "总计列 一、本年新收政府信息公开申请数量 为 22\n"
                   "T1 第一部分 “全年新收政府信息公开申请一百零三件，上年结转十件。”：上年结转 10 件，但第三部分 "
                   "总计列 二、上年结转政府信息公开申请数量 为 1\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

static void
test_rate (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);   /* 22 + 1 = 22 answered + 1 */
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *findings = NULL;

  /* 22 ÷ 23 = 95.65 %: 95.7 % and 96 % agree, 100 % does not */
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "办结率95.7%。");
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==, "");
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "办结率96％。");
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==, "");
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "共受理政府信息依申请公开22件,办结率100%。");
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==,
                   "T1 第一部分 “共受理政府信息依申请公开22件,办结率100%。”：办结率 100%，但第三部分 "
                   "总计列 （七）总计 22 ÷（第一项 + 第二项）23 = 95.6%\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* Numbers that are not about requests, estimates, other units. */
static void
test_not_compared (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *findings = NULL;

  nb_report_set_text (report, NB_TEXT_OVERVIEW,
                      "收到群众来信300件；受理网民留言50件；新收各类文件约3000余件；"
                      "答复网民留言788条；没有因政府信息公开被申请行政复议、被提起行政诉讼。"
                      "办结时限为15个工作日。受理行政复议申请2件。新收申请同比增加10件，办结数量较上年减少3件。");
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==, "");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* The published 普洱 2020 report agrees with itself. */
static void
test_puer (void)
{
  g_autofree char *path = test_data_path ("published/puer-2020-published.txt");
  g_autofree char *data = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbChecker) checker = NULL;
  g_autofree char *findings = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  report = nb_import_report (data, length, NULL, NULL, NULL);
  g_assert_nonnull (report);
  g_assert_nonnull (strstr (nb_report_get_text (report, NB_TEXT_OVERVIEW), "受理政府信息依申请公开22件,办结率100%"));
  checker = nb_checker_new (report);
  findings = text_findings (checker);
  g_assert_cmpstr (findings, ==, "");

  /* one request more in the table, and both sentences disagree */
  test_set (report, "s3_requests.new.natural", test_get (report, "s3_requests.new.natural") + 1);
  g_clear_pointer (&findings, g_free);
  findings = text_findings (checker);
  g_assert_nonnull (strstr (findings, "受理 22 件，但第三部分 总计列 一、本年新收政府信息公开申请数量 为 23"));
  g_assert_nonnull (strstr (findings, "办结率 100%"));
  g_assert_finalize_object (g_steal_pointer (&checker));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-rules/matching", test_matching_sentences);
  g_test_add_func ("/text-rules/mismatching", test_mismatching_sentence);
  g_test_add_func ("/text-rules/chinese-numerals", test_chinese_numerals);
  g_test_add_func ("/text-rules/rate", test_rate);
  g_test_add_func ("/text-rules/not-compared", test_not_compared);
  g_test_add_func ("/text-rules/puer-2020", test_puer);
  g_test_add_func ("/text-rules/outcomes", test_outcomes);
  g_test_add_func ("/text-rules/kinds-of-answers", test_kinds_of_answers);
  g_test_add_func ("/text-rules/all-upheld", test_all_upheld);
  g_test_add_func ("/text-rules/received-against-new", test_received_against_new);
  g_test_add_func ("/text-rules/parts-against-total", test_parts_against_total);
  return g_test_run ();
}
