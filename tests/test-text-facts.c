/* test-text-facts.c — what the texts say of the report itself: the organ
 * they name (M6), the information-processing fees of section 六 (R8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-checker.h"
#include "nb-import.h"
#include "nb-rules-private.h"
#include "test-util.h"

/* The findings of @rule as message lines, in order; each of @severity. */
static char *
findings_of (NbChecker  *checker,
             const char *rule,
             NbSeverity  severity)
{
  GListModel *findings = nb_checker_get_findings (checker);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

      if (strcmp (nb_finding_get_rule (finding), rule) == 0)
        {
          g_assert_cmpint (nb_finding_get_severity (finding), ==, severity);
          g_string_append_printf (s, "%s\n", nb_finding_get_message (finding));
        }
    }
  return g_string_free (s, FALSE);
}

static char *
organ_findings (NbChecker *checker)
{
  return findings_of (checker, "M6", NB_SEVERITY_INFO);
}

static char *
fee_findings (NbChecker *checker)
{
  return findings_of (checker, "R8", NB_SEVERITY_WARNING);
}

/* Sets a text and returns the organ findings. */
static char *
organ_findings_for (NbChecker     *checker,
                    NbReport      *report,
                    NbTextSection  section,
                    const char    *text)
{
  nb_report_set_text (report, section, text);
  return organ_findings (checker);
}

/* ---- M6 ------------------------------------------------------------------------ */

static void
test_organ_matching (void)
{
  /* abbreviations, fuller names, the government's office */
  g_assert_true (_nb_rules_organ_matches ("示例县政府办公室", "示例县人民政府办公室"));
  g_assert_true (_nb_rules_organ_matches ("示例县政府办", "示例县人民政府办公室"));
  g_assert_true (_nb_rules_organ_matches ("示例县人民政府", "示例县人民政府办公室"));
  g_assert_true (_nb_rules_organ_matches ("淮安市人民政府办公室", "淮安市人民政府"));
  g_assert_true (_nb_rules_organ_matches ("淮安市政府办公室", "淮安市人民政府"));
  g_assert_true (_nb_rules_organ_matches ("淮安市洪泽区人民政府办公室", "洪泽区人民政府"));
  g_assert_true (_nb_rules_organ_matches ("区政府办公室", "淮安市洪泽区人民政府"));
  g_assert_true (_nb_rules_organ_matches ("云南省普洱市人民政府办公室", "普洱市人民政府办公室"));
  g_assert_true (_nb_rules_organ_matches ("中华人民共和国海关总署", "海关总署"));
  g_assert_true (_nb_rules_organ_matches ("示例县卫健委", "示例县卫生健康委员会"));
  g_assert_true (_nb_rules_organ_matches ("示例县 人民政府\n办公室", "示例县人民政府办公室"));

  /* another organ, another level, another department */
  g_assert_false (_nb_rules_organ_matches ("某市交通运输局", "示例县人民政府办公室"));
  g_assert_false (_nb_rules_organ_matches ("示例市人民政府办公室", "示例县人民政府办公室"));
  g_assert_false (_nb_rules_organ_matches ("示例县教育局", "示例县交通运输局"));
  g_assert_false (_nb_rules_organ_matches ("示例县人民政府", "示例县交通运输局"));
}

/* “本报告由……编制”: its subject is the report's organ. */
static void
test_organ_compiled_by (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);   /* 测试市人民政府办公室 */
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *found = NULL;

  found = organ_findings_for (checker, report, NB_TEXT_PREFACE,
                              "本报告由测试市政府办公室根据《中华人民共和国政府信息公开条例》编制。");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);
  found = organ_findings_for (checker, report, NB_TEXT_PREFACE,
                              "本报告由测试市人民政府办公室（以下简称市政府办）负责编制。");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);
  /* the parts of the report are not an organ */
  found = organ_findings_for (checker, report, NB_TEXT_PREFACE,
                              "报告由总体情况、主动公开政府信息情况等六个部分组成。");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);

  /* copied from another organ's report, line breaks of a PDF inside */
  found = organ_findings_for (checker, report, NB_TEXT_PREFACE,
                              "本报告由某市交通\n运输局根据《中华人民共和国政府信息公开条例》编制。"
                              "如对本报告有疑问，请与测试市人民政府办公室联系。");
  g_assert_cmpstr (found, ==,
                   "基本信息 “本报告由某市交通运输局根据《中华人民共和国政府信息公开条例》编制。”："
                   "所写机关“某市交通运输局”与本报告机关“测试市人民政府办公室”不一致\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* “〈organ〉2024年政府信息公开工作年度报告”, of the report's year. */
static void
test_organ_title (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);   /* 2024 */
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *found = NULL;

  found = organ_findings_for (checker, report, NB_TEXT_PREFACE,
                              "根据《中华人民共和国政府信息公开条例》,编制测试市人民政府办公室"
                              "2024年政府信息公开工作年度报告。");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);
  /* a superior's notice, another year's report, another title */
  found = organ_findings_for (checker, report, NB_TEXT_PREFACE,
                              "根据《某市人民政府办公室关于做好2024年政府信息公开工作年度报告"
                              "编制和发布工作的通知》，对照某市交通运输局2023年政府信息公开工作年度报告，"
                              "参照某市交通运输局2024年政府信息公开工作年度报告编制要点编制本报告。");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);

  found = organ_findings_for (checker, report, NB_TEXT_PREFACE,
                              "根据《条例》，编制某市交通运输局2024年度政府信息公开工作年度报告。");
  g_assert_cmpstr (found, ==,
                   "基本信息 “根据《条例》，编制某市交通运输局2024年度政府信息公开工作年度报告。”："
                   "所写机关“某市交通运输局”与本报告机关“测试市人民政府办公室”不一致\n");
  /* the year changed: not this year's title any more */
  nb_report_set_year (report, 2023);
  g_clear_pointer (&found, g_free);
  found = organ_findings (checker);
  g_assert_cmpstr (found, ==, "");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* “2024年，〈organ〉认真落实……”: the subject of section 一's opening. */
static void
test_organ_opening (void)
{
  static const char *const not_read[] = {
    "2024年，测试市政府办公室认真落实《条例》。",
    "2024年，测试市人民政府办公室（以下简称市政府办）认真落实《条例》。",
    "2024年，我市坚持以习近平新时代中国特色社会主义思想为指导。",
    "2024年，本机关认真落实条例。",
    "2024年，在市委市政府的领导下，某市交通运输局认真落实《条例》。",
    "2024年，市政府办公室印发《政务公开工作要点》。",
    "2024年，县委县政府高度重视政务公开工作。",
    "2024年，全市各级各部门认真落实《条例》。",
    "2024年，某市政府信息公开工作在市委、市政府的领导下稳步推进。",
    "2024年，某市政府门户网站发布各类信息5000条。",
    "2024年，根据某市交通运输局要求，开展政务公开工作。",
    "2024年，某市紧紧围绕省政府办公厅部署推进政务公开。",
    "根据市政府办公室要求，2024年，某市交通运输局认真落实《条例》。",
    "全年收到省政府办公厅转办事项3件。",
  };
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (not_read); i++)
    {
      g_autofree char *none = organ_findings_for (checker, report, NB_TEXT_OVERVIEW, not_read[i]);

      g_test_message ("%s", not_read[i]);
      g_assert_cmpstr (none, ==, "");
    }

  found = organ_findings_for (checker, report, NB_TEXT_OVERVIEW,
                              "2024 年，某市交通运输局认真贯彻落实《中华人民共和国政府信息公开条例》。");
  g_assert_cmpstr (found, ==,
                   "第一部分 “2024 年，某市交通运输局认真贯彻落实《中华人民共和国政府信息公开条例》。”："
                   "所写机关“某市交通运输局”与本报告机关“测试市人民政府办公室”不一致\n");
  /* the organ set right re-checks the texts */
  nb_report_set_organ (report, "某市交通运输局");
  g_clear_pointer (&found, g_free);
  found = organ_findings (checker);
  g_assert_cmpstr (found, ==, "");

  /* an office after a department's name */
  g_clear_pointer (&found, g_free);
  found = organ_findings_for (checker, report, NB_TEXT_OVERVIEW,
                              "2024年,某市教育局办公室认真落实《条例》。");
  g_assert_cmpstr (found, ==,
                   "第一部分 “2024年,某市教育局办公室认真落实《条例》。”："
                   "所写机关“某市教育局办公室”与本报告机关“某市交通运输局”不一致\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* The 2019 edition's reports are read alike. */
static void
test_organ_2019 (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2019);   /* 2020 */
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *found = NULL;

  found = organ_findings_for (checker, report, NB_TEXT_PREFACE,
                              "根据《条例》，编制测试市政府办2020年政府信息公开工作年度报告。");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);
  found = organ_findings_for (checker, report, NB_TEXT_OVERVIEW,
                              "2020年，示例县人民政府办公室认真落实《条例》。");
  g_assert_cmpstr (found, ==,
                   "第一部分 “2020年，示例县人民政府办公室认真落实《条例》。”："
                   "所写机关“示例县人民政府办公室”与本报告机关“测试市人民政府办公室”不一致\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* ---- The published reports ------------------------------------------------------ */

/* Each published report, with the findings it has as published (the
 * corpus's known inconsistencies, docs: tests/data/published/SOURCES.md),
 * and how many M6 findings it gets once its organ is another's: the
 * places its texts name their organ. */
static const struct {
  const char *file;
  const char *rules;     /* the rule of each finding, in order */
  guint       named;     /* organs named in the places M6 reads */
} published[] = {
  { "published/puer-2020-published.txt", "", 2 },
  { "published/huaian-2024.pdf", "", 1 },
  { "published/huaian-2024-pdf-layout.txt", "", 1 },
  { "published/huaian-2024-pdf-raw.txt", "", 1 },
  /* pdftotext's default text: 淮安's section 四 not imported (C1); 洪泽's
   * 许可, fees and the rows of 三 out of the form's order not imported
   * (C1), so 2024's T1 is not checked; 2023's 四, whose published totals
   * do not add up, not imported either (C1), so its R4 is not checked */
  { "published/huaian-2024-pdf-default.txt", "C1", 1 },
  { "published/hongze-2023-pdf-default.txt", "C1 C1 C1 C1", 2 },
  { "published/hongze-2024-pdf-default.txt", "C1 C1 C1", 2 },
  /* the one-row （六）: its three items are not imported, so not checked
   * (C1); appeals totals of 0 */
  { "published/hongze-2023.pdf", "C1 R4 R4", 2 },
  /* the one-row （六） as in 2023; “区政府办代表区政府受理政府信息公开申请 17 件”
   * for the district's 95 */
  { "published/hongze-2024.pdf", "C1 T1", 2 },
  /* 平潭, as a crawler saved the page: section 二 runs of digits that
   * split more than one way are not imported (C1); 2020's 自然人 column
   * adds up to 26 for its （七）总计 20; 2022's text says 75 requests for
   * the table's 74 new and 1 carried over.  Their texts name their organ
   * in none of the places M6 reads (平潭综合实验区 ends like no organ) */
  { "published/pingtan-2019.txt", "C1 C1 C1 C1 C1", 0 },
  { "published/pingtan-2020.txt", "C1 C1 C1 C1 C1 R3", 0 },
  { "published/pingtan-2021.txt", "C1", 0 },
  { "published/pingtan-2022.txt", "C1 T1", 0 },
  { "published/pingtan-2023.txt", "C1", 0 },
  { "published/pingtan-2024.txt", "C1", 0 },
  { "published/pingtan-2025.txt", "C1", 0 },
  /* 平潭's own pages: their cells place 行政规范性文件 too, so nothing is
   * left unchecked */
  { "published/pingtan-2023-page.html", "", 0 },
  { "published/pingtan-2024-page.html", "", 0 },
  { "published/pingtan-2025-page.html", "", 0 },
  /* 上海市人民政府办公厅 2019: the 总计 of the rows of 三 but （七） published
   * blank (R2), zeros published as blank cells (R5), and section 一's
   * shares of 258 and 35 taken of a base other than the table's 877 (T1) */
  { "published/shanghai-2019-article.html", "R2 R2 R2 R2 R2 R2 R2 R2 R2 R2 R2 R5 R5 T1 T1", 1 },
  /* 沭阳县 2025, a converter's markdown: section 一 says 749 requests
   * received, the table's 713 new and 36 carried over (T1); its texts
   * name their organ (沐阳, as the OCR read it) in none of the places M6
   * reads */
  { "published/shuyang-2025-converter.md", "T1", 0 },
  /* 上海市科委 2024, a converter's markdown: its title broken over two
   * lines (…政府信息公开工作 / 年度报告) is read joined; 结转下年度
   * published with its 总计 blank (R2 R5 R1); no section 五 heading (R7).  Its “同意公开答复
   * 9 件，部分公开答复 0 件，不予公开答复 2 件，无法提供的 10 件，不予处理 0 件，
   * 其他处理 14 件，转下一年度办理答复的有 1 件” agree with the cells placed */
  { "published/shanghai-kewei-2024-converter.md", "R2 R5 R1 R7", 0 },
  /* 沭阳县发改局 2023, the portal's page: the columns of legal persons
   * published blank (R5) */
  { "published/shuyang-fgj-2023-page.html", "R5", 0 },
  /* 上海市人民政府办公厅 2025, a converter's markdown: 第二十条第（一）项
   * left out (C1), no heading 五 (R7) */
  { "published/shanghai-2025-converter.md", "C1 R7", 1 },
  /* 平潭's 君山片区管理局 2024, the crawler's text: every cell placed */
  { "published/pingtan-junshan-2024.txt", "", 1 },
  /* 海坛片区管理局 2024: no row 规章 (C1), and the rows of 三 with a 总计
   * of 0 for their 5 + 1, 4, 1… not imported (C1) */
  { "published/pingtan-haitan-2024.txt", "C1 C1", 2 },
  /* 财政金融局 2024: the fee run on into the text (C1); section 一's
   * “办结依申请2件，其中公开答复1件，无法提供1件” read as 1 answered of the
   * table's 2 (T1: 公开答复 is not among the phrases that name the kind of
   * answer) */
  { "published/pingtan-czj-2024.txt", "C1 T1", 1 },
  /* 君山片区管理局 2019: 政府集中采购 978407 not imported (C1) */
  { "published/pingtan-junshan-2019.txt", "C1", 1 },
  /* 市场监督管理局 2024: 规范性文件 6856 and no 规章 (C1); （六）2. and 3.
   * published without numbers before （七）总计, none of the three
   * imported (C1) */
  { "published/pingtan-scj-2024.txt", "C1 C1", 2 },
};

static char *
rules_of (NbChecker *checker)
{
  GListModel *findings = nb_checker_get_findings (checker);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

      g_test_message ("%s %s", nb_finding_get_rule (finding), nb_finding_get_message (finding));
      g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", nb_finding_get_rule (finding));
    }
  return g_string_free (s, FALSE);
}

static void
test_published (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      g_autofree char *path = test_data_path (published[i].file);
      g_autofree char *data = NULL, *rules = NULL, *organ = NULL, *found = NULL;
      g_autoptr(NbReport) report = NULL;
      g_autoptr(NbChecker) checker = NULL;
      gsize length;

      g_test_message ("%s", published[i].file);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      report = nb_import_report (data, length, NULL, NULL, NULL);
      g_assert_nonnull (report);
      checker = nb_checker_new (report);
      rules = rules_of (checker);
      g_assert_cmpstr (rules, ==, published[i].rules);

      /* the places M6 reads are found: another organ is told */
      organ = g_strdup (nb_report_get_organ (report));
      nb_report_set_organ (report, "某市交通运输局");
      found = organ_findings (checker);
      g_assert_cmpuint (test_count_rule (checker, "M6"), ==, published[i].named);
      if (published[i].named > 0)
        g_assert_nonnull (strstr (found, organ));
      g_assert_finalize_object (g_steal_pointer (&checker));
    }
}

/* ---- R8 ------------------------------------------------------------------------ */

static char *
fee_findings_for (NbChecker  *checker,
                  NbReport   *report,
                  const char *text)
{
  nb_report_set_text (report, NB_TEXT_OTHER_MATTERS, text);
  return fee_findings (checker);
}

/* Section 六 states this year's fees twice, differently. */
static void
test_fees_differ (void)
{
  static const char *const agree[] = {
    "全年收取信息处理费200元。",
    "本年度收取信息处理费0.02万元，即共收取信息处理费200元。",
    "2023年收取信息处理费100元，2024年收取信息处理费200元。",
    "上年收取信息处理费100元。本年度未收取信息处理费。",
    "按照《政府信息公开信息处理费管理办法》收取信息处理费，标准为每件100元；全年收取信息处理费200元。",
    "超出规定数量的收取信息处理费，其余不收取信息处理费；全年收取信息处理费200元。",
    "2024 年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。",
  };
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;
  g_autofree char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (agree); i++)
    {
      g_autofree char *none = fee_findings_for (checker, report, agree[i]);

      g_test_message ("%s", agree[i]);
      g_assert_cmpstr (none, ==, "");
    }

  found = fee_findings_for (checker, report,
                            "本年度未收取信息处理费。全年共发出收费通知2件，收取信息处理费 350.5 元。");
  g_assert_cmpstr (found, ==,
                   "第六部分 “本年度未收取信息处理费。”与“全年共发出收费通知2件，收取信息处理费 350.5 元。”："
                   "本年收取信息处理费前后不一（0 元、350.5 元）\n");
  finding = g_list_model_get_item (nb_checker_get_findings (checker), 0);
  g_assert_cmpuint (nb_finding_get_section (finding), ==, 6);
  g_assert_null (nb_finding_get_cells (finding)[0]);
  g_clear_pointer (&found, g_free);
  found = fee_findings_for (checker, report, "收取信息处理费0.05万元，合计收取信息处理费600元。");
  g_assert_cmpstr (found, ==,
                   "第六部分 “收取信息处理费0.05万元，合计收取信息处理费600元。”："
                   "本年收取信息处理费前后不一（500 元、600 元）\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* Fees charged, and no request this year or carried over. */
static void
test_fees_without_requests (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(NbFinding) finding = NULL;
  g_autofree char *found = NULL;
  const char * const *cells;

  static const char *const no_requests[] = {
    "s3_requests.new.natural", "s3_requests.carried_over.natural", "s3_requests.granted.natural",
    "s3_requests.partly_granted.natural", "s3_requests.carried_forward.natural",
  };
  for (guint i = 0; i < G_N_ELEMENTS (no_requests); i++)
    test_set (report, no_requests[i], 0);
  found = fee_findings_for (checker, report, "本年度未收取信息处理费。");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);
  found = fee_findings_for (checker, report, "全年收取信息处理费300元。");
  g_assert_cmpstr (found, ==,
                   "第六部分 “全年收取信息处理费300元。”：收取信息处理费 300 元，但第三部分 总计列 "
                   "一、本年新收政府信息公开申请数量 与 二、上年结转政府信息公开申请数量 均为 0，没有可收费的申请\n");
  finding = g_list_model_get_item (nb_checker_get_findings (checker), 0);
  cells = nb_finding_get_cells (finding);
  g_assert_cmpstr (cells[0], ==, "s3_requests.new.total");
  g_assert_cmpstr (cells[1], ==, "s3_requests.carried_over.total");
  g_assert_null (cells[2]);

  /* one request carried over, answered */
  test_set (report, "s3_requests.carried_over.natural", 1);
  test_set (report, "s3_requests.granted.natural", 1);
  g_clear_pointer (&found, g_free);
  found = fee_findings (checker);
  g_assert_cmpstr (found, ==, "");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* More requests dropped for unpaid fees than notices could ask for. */
static void
test_fees_notices (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);   /* 1 carried over */
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *found = NULL;

  /* two requests dropped for unpaid fees, balanced by two more new ones */
  test_set (report, "s3_requests.other_no_fee.natural", 2);
  test_set (report, "s3_requests.new.natural", 24);

  /* none was paid: no fee collected, which is no contradiction */
  found = fee_findings_for (checker, report, "本年度未收取信息处理费。");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);
  found = fee_findings_for (checker, report, "本年度发出收费通知书1份，申请人均未缴费，未收取信息处理费。");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);
  found = fee_findings_for (checker, report, "本年度向申请人发出3份收费通知，未收取信息处理费。");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);
  found = fee_findings_for (checker, report,
                            "对申请人逾期未按收费通知要求缴纳费用的2件申请不再处理，未收取信息处理费。");
  g_assert_cmpstr (found, ==, "");

  g_clear_pointer (&found, g_free);
  found = fee_findings_for (checker, report, "本年度未向申请人发出收费通知，未收取信息处理费。");
  g_assert_cmpstr (found, ==,
                   "第六部分 “本年度未向申请人发出收费通知，未收取信息处理费。”：收费通知 0 件，但第三部分 "
                   "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 为 2 件，"
                   "多于收费通知与 二、上年结转政府信息公开申请数量（1 件）之和\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

/* The 2019 edition has no （六）2, nor R8: its reports came before the
 * fees of 国办函〔2020〕109号. */
static void
test_fees_2019 (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *found = NULL;

  test_set (report, "s3_requests.new.natural", 0);
  test_set (report, "s3_requests.carried_over.natural", 0);
  test_set (report, "s3_requests.granted.natural", 0);
  test_set (report, "s3_requests.partly_granted.natural", 0);
  test_set (report, "s3_requests.carried_forward.natural", 0);
  found = fee_findings_for (checker, report,
                            "本年度未收取信息处理费。全年收取信息处理费300元。未发出收费通知。");
  g_assert_cmpstr (found, ==, "");
  g_assert_finalize_object (g_steal_pointer (&checker));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-facts/organ-matching", test_organ_matching);
  g_test_add_func ("/text-facts/organ-compiled-by", test_organ_compiled_by);
  g_test_add_func ("/text-facts/organ-title", test_organ_title);
  g_test_add_func ("/text-facts/organ-opening", test_organ_opening);
  g_test_add_func ("/text-facts/organ-2019", test_organ_2019);
  g_test_add_func ("/text-facts/published", test_published);
  g_test_add_func ("/text-facts/fees-differ", test_fees_differ);
  g_test_add_func ("/text-facts/fees-without-requests", test_fees_without_requests);
  g_test_add_func ("/text-facts/fees-notices", test_fees_notices);
  g_test_add_func ("/text-facts/fees-2019", test_fees_2019);
  return g_test_run ();
}
