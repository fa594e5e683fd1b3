/* test-cross-year.c — last year's report through the persisted link,
 * next year's report, the comparison of two years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "nb-checker.h"
#include "nb-compare.h"
#include "nb-comparison-row.h"
#include "nb-cross-year.h"
#include "nb-report-file.h"
#include "test-util.h"

/* The X findings as “rule message” lines, in order. */
static char *
cross_year_findings (NbChecker *checker)
{
  GListModel *findings = nb_checker_get_findings (checker);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

      if (nb_finding_get_rule (finding)[0] == 'X')
        g_string_append_printf (s, "%s %s %s\n", nb_severity_to_string (nb_finding_get_severity (finding)),
                                nb_finding_get_rule (finding), nb_finding_get_message (finding));
    }
  return g_string_free (s, FALSE);
}

static gboolean
has_rule (const char *findings,
          const char *severity_and_rule)
{
  g_autofree char *needle = g_strconcat (severity_and_rule, " ", NULL);

  return strstr (findings, needle) != NULL;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

typedef struct {
  NbEdition last, current;
} Pairing;

static const Pairing pairings[] = {
  { NB_EDITION_2019, NB_EDITION_2019 },
  { NB_EDITION_2019, NB_EDITION_2021 },
  { NB_EDITION_2021, NB_EDITION_2021 },
};

/* Last year's and this year's reports of @pairing, made to break every
 * cross-year rule that applies to it. */
static void
make_pair (const Pairing  *pairing,
           NbReport      **last_out,
           NbReport      **current_out)
{
  NbReport *last = test_clean_report (pairing->last);
  NbReport *current = test_clean_report (pairing->current);
  const char *problems = "一是政策解读质量仍需提升，个别单位解读内容简单；二是队伍建设还需加强。";
  int year = pairing->last == NB_EDITION_2021 ? 2023 : 2019;

  if (pairing->last != pairing->current)
    year = 2020;
  nb_report_set_year (last, year);
  nb_report_set_year (current, year + 1);

  /* X1: carried forward 3 last year, carried over 1 this year */
  test_set (last, "s3_requests.carried_forward.natural", 3);
  test_set (last, "s3_requests.new.natural", 24);
  /* X4: section 五 repeated word for word */
  nb_report_set_text (last, NB_TEXT_PROBLEMS, problems);
  nb_report_set_text (current, NB_TEXT_PROBLEMS, problems);
  /* X5: another organ's name */
  nb_report_set_organ (last, "测试市人民政府办公厅");

  if (pairing->last == NB_EDITION_2021)
    {
      /* X2: 60 + 8 − 2 = 66, but 70 written */
      test_set (last, "s2_regulations.normative.in_force", 60);
      test_set (current, "s2_regulations.normative.issued", 8);
      test_set (current, "s2_regulations.normative.repealed", 2);
      test_set (current, "s2_regulations.normative.in_force", 70);
    }
  if (pairing->last == NB_EDITION_2019 && pairing->current == NB_EDITION_2019)
    {
      /* X3: 100 − 8 = 92, but 100 written */
      test_set (last, "s2_licensing.licensing.prev_items", 100);
      test_set (last, "s2_licensing.licensing.change", -8);
      test_set (current, "s2_licensing.licensing.prev_items", 100);
    }
  *last_out = last;
  *current_out = current;
}

/* Every cross-year rule, in each pairing of editions, found through the
 * link after both files moved and last year's file is gone — exactly as
 * with last year's whole report. */
static void
test_rules_through_link (gconstpointer data)
{
  const Pairing *pairing = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autofree char *last_path = g_build_filename (dir, "2023", "last.nianbao", NULL);
  g_autofree char *last_dir = g_path_get_dirname (last_path);
  g_autofree char *this_dir = g_build_filename (dir, "this", NULL);
  g_autofree char *this_path = g_build_filename (this_dir, "this.nianbao", NULL);
  g_autofree char *moved_dir = g_build_filename (dir, "elsewhere", "deeper", NULL);
  g_autofree char *moved_path = g_build_filename (moved_dir, "this.nianbao", NULL);
  g_autofree char *expected = NULL, *through_link = NULL, *saved = NULL, *again = NULL;
  g_autoptr(NbReport) last = NULL, current = NULL, reloaded = NULL, second = NULL;
  g_autoptr(NbChecker) direct = NULL, linked = NULL;
  NbPreviousLink *link;

  make_pair (pairing, &last, &current);
  direct = nb_checker_new (current);
  nb_checker_set_previous (direct, last);
  expected = cross_year_findings (direct);

  g_assert_true (has_rule (expected, "error X1"));
  g_assert_true (has_rule (expected, "warning X4"));
  g_assert_true (has_rule (expected, "warning X5"));
  if (pairing->last == NB_EDITION_2021)
    g_assert_true (has_rule (expected, "warning X2"));
  else if (pairing->current == NB_EDITION_2021)
    g_assert_true (has_rule (expected, "info X2"));
  else
    g_assert_true (has_rule (expected, "warning X3"));

  g_assert_cmpint (g_mkdir_with_parents (last_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (this_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (moved_dir, 0700), ==, 0);
  g_assert_true (nb_report_save_to_path (last, last_path, &error));
  g_assert_no_error (error);

  g_assert_true (nb_report_link_previous (current, this_path, last_path, &error));
  g_assert_no_error (error);
  link = nb_report_get_previous_link (current);
  g_assert_cmpstr (nb_previous_link_get_path (link), ==, "../2023/last.nianbao");
  g_assert_true (nb_report_save_to_path (current, this_path, &error));
  g_assert_no_error (error);

  /* move this year's file; remove last year's */
  g_assert_cmpint (g_rename (this_path, moved_path), ==, 0);
  g_assert_cmpint (g_remove (last_path), ==, 0);

  reloaded = nb_report_load_from_path (moved_path, &error);
  g_assert_no_error (error);
  linked = nb_checker_new (reloaded);
  through_link = cross_year_findings (linked);
  g_assert_cmpstr (through_link, ==, expected);

  /* save → load → save gives the same bytes, link and all */
  saved = nb_report_to_data (reloaded, NULL);
  second = nb_report_new_from_data (saved, -1, &error);
  g_assert_no_error (error);
  again = nb_report_to_data (second, NULL);
  g_assert_cmpstr (again, ==, saved);

  /* a whole report given to the checker takes the place of the link */
  test_set (last, "s3_requests.carried_forward.natural", 1);
  nb_checker_set_previous (linked, last);
  {
    g_autofree char *with_whole = cross_year_findings (linked);
    g_assert_false (has_rule (with_whole, "error X1"));
  }
  nb_checker_set_previous (linked, NULL);
  {
    g_autofree char *back = cross_year_findings (linked);
    g_assert_cmpstr (back, ==, expected);
  }

  /* unlinking clears the cross-year findings */
  nb_report_set_previous_link (reloaded, NULL);
  {
    g_autofree char *none = cross_year_findings (linked);
    g_assert_cmpstr (none, ==, "");
  }

  g_assert_finalize_object (g_steal_pointer (&linked));
  g_assert_finalize_object (g_steal_pointer (&direct));
  g_assert_finalize_object (g_steal_pointer (&reloaded));
  g_assert_finalize_object (g_steal_pointer (&second));
  remove_tree (dir);
}

/* X6 through the link: the years do not follow. */
static void
test_x6_through_link (void)
{
  g_autoptr(NbReport) last = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) current = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbPreviousLink) link = NULL;
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(NbChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL, *findings = NULL;

  nb_report_set_year (last, 2021);
  nb_report_set_text (last, NB_TEXT_PROBLEMS, "上年的问题是信息发布不够及时，已整改。");
  link = nb_previous_link_new (last, NULL);
  nb_report_set_previous_link (current, link);
  data = nb_report_to_data (current, NULL);
  g_assert_nonnull (strstr (data, "\"previous\": {\n    \"path\": null,"));
  loaded = nb_report_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  checker = nb_checker_new (loaded);
  findings = cross_year_findings (checker);
  g_assert_cmpstr (findings, ==, "error X6 报告年度 2024 不是上年报告年度 2021 的下一年\n");
  g_assert_finalize_object (g_steal_pointer (&checker));
  g_assert_finalize_object (g_steal_pointer (&loaded));
}

/* Saving elsewhere rewrites the path so that it still leads to last year's
 * file; a report without a link is written exactly as before. */
static void
test_link_path_follows_saves (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autofree char *last_path = g_build_filename (dir, "a", "last.nianbao", NULL);
  g_autofree char *last_dir = g_path_get_dirname (last_path);
  g_autofree char *first_path = g_build_filename (dir, "b", "this.nianbao", NULL);
  g_autofree char *first_dir = g_path_get_dirname (first_path);
  g_autofree char *second_path = g_build_filename (dir, "c", "d", "copy.nianbao", NULL);
  g_autofree char *second_dir = g_path_get_dirname (second_path);
  g_autofree char *resolved = NULL, *plain = NULL, *unlinked = NULL;
  g_autoptr(NbReport) last = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) current = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) loaded = NULL;

  g_assert_cmpint (g_mkdir_with_parents (last_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (first_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (second_dir, 0700), ==, 0);
  g_assert_true (nb_report_save_to_path (last, last_path, &error));

  plain = nb_report_to_data (current, NULL);
  /* linked before this year's file exists: the path is absolute until saved */
  g_assert_true (nb_report_link_previous (current, NULL, last_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_path_is_absolute (nb_previous_link_get_path (nb_report_get_previous_link (current))));
  g_assert_true (nb_report_save_to_path (current, first_path, &error));
  g_assert_cmpstr (nb_previous_link_get_path (nb_report_get_previous_link (current)), ==,
                   "../a/last.nianbao");

  loaded = nb_report_load_from_path (first_path, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_save_to_path (loaded, second_path, &error));
  g_assert_cmpstr (nb_previous_link_get_path (nb_report_get_previous_link (loaded)), ==,
                   "../../a/last.nianbao");
  resolved = nb_previous_link_resolve (nb_report_get_previous_link (loaded));
  {
    g_autofree char *canonical = g_canonicalize_filename (last_path, NULL);
    g_assert_cmpstr (resolved, ==, canonical);
  }

  nb_report_set_previous_link (current, NULL);
  unlinked = nb_report_to_data (current, NULL);
  g_assert_cmpstr (unlinked, ==, plain);
  g_assert_null (strstr (plain, "\"previous\""));
  g_assert_null (strstr (plain, "\"units\""));

  g_assert_finalize_object (g_steal_pointer (&loaded));
  remove_tree (dir);
}

typedef struct {
  const char *name;
  const char *from;   /* text of the sample-like link to replace ... */
  const char *to;     /* ... by this */
  NbFileError code;
  const char *where;  /* JSON path the error names */
} BadLink;

static const BadLink bad_links[] = {
  { "unknown-member", "\"organ\": \"测试市人民政府办公室\",\n    \"year\"",
    "\"organ\": \"测试市人民政府办公室\",\n    \"colour\": 1,\n    \"year\"",
    NB_FILE_ERROR_UNKNOWN, "$.previous.colour" },
  { "missing-problems", ",\n    \"problems\": \"一是政策解读有待加强。\"", "",
    NB_FILE_ERROR_MISSING, "$.previous" },
  { "bad-edition", "\"edition\": \"2021\",\n    \"figures\"", "\"edition\": \"2020\",\n    \"figures\"",
    NB_FILE_ERROR_EDITION, "$.previous.edition" },
  { "cell-not-kept", "\"in_force\": 0\n        },\n        \"normative\"",
    "\"in_force\": 0,\n          \"issued\": 0\n        },\n        \"normative\"",
    NB_FILE_ERROR_UNKNOWN, "$.previous.figures.s2_regulations.rules.issued" },
  { "cell-missing", "\"natural\": 1,\n          \"commercial\"", "\"commercial\"",
    NB_FILE_ERROR_MISSING, "$.previous.figures.s3_requests.carried_forward" },
  { "negative-count", "\"natural\": 1,\n          \"commercial\"", "\"natural\": -1,\n          \"commercial\"",
    NB_FILE_ERROR_VALUE, "$.previous.figures.s3_requests.carried_forward.natural" },
  { "fraction", "\"natural\": 1,\n          \"commercial\"", "\"natural\": 1.5,\n          \"commercial\"",
    NB_FILE_ERROR_TYPE, "$.previous.figures.s3_requests.carried_forward.natural" },
  { "table-not-kept", "\"figures\": {", "\"figures\": {\n      \"s4_appeals\": {},",
    NB_FILE_ERROR_UNKNOWN, "$.previous.figures.s4_appeals" },
  { "units-not-a-list", "\n}", ",\n  \"units\": {}\n}", NB_FILE_ERROR_TYPE, "$.units" },
  { "unit-missing-file", "\n}", ",\n  \"units\": [{\"organ\": \"甲\", \"fingerprint\": \"0\"}]\n}",
    NB_FILE_ERROR_MISSING, "$.units[0]" },
  { "duplicate-previous", "\n}", ",\n  \"previous\": null\n}", NB_FILE_ERROR_DUPLICATE, "$" },
};

static void
test_bad_link (gconstpointer data)
{
  const BadLink *bad = data;
  g_autoptr(NbReport) last = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) current = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbPreviousLink) link = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autoptr(GString) broken = NULL;
  g_autoptr(NbReport) loaded = NULL;
  const char *at;

  nb_report_set_year (last, 2023);
  link = nb_previous_link_new (last, "last.nianbao");
  nb_report_set_previous_link (current, link);
  good = nb_report_to_data (current, NULL);
  loaded = nb_report_new_from_data (good, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);

  /* replace the last occurrence (the link comes last) */
  at = g_strrstr (good, bad->from);
  g_assert_nonnull (at);
  broken = g_string_new_len (good, at - good);
  g_string_append (broken, bad->to);
  g_string_append (broken, at + strlen (bad->from));

  loaded = nb_report_new_from_data (broken->str, -1, &error);
  g_assert_null (loaded);
  g_assert_error (error, NB_FILE_ERROR, (int) bad->code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, bad->where));
  g_assert_true (error->message[strlen (bad->where)] == ':');
}

static void
test_units_round_trip (void)
{
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_report_unit_free);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL, *again = NULL;
  NbReportUnit *unit;

  g_ptr_array_add (units, nb_report_unit_new ("甲局", "units/甲.nianbao", "0123abcd"));
  g_ptr_array_add (units, nb_report_unit_new ("乙局", "units/乙.nianbao", "89abcdef"));
  nb_report_set_units (report, units);
  data = nb_report_to_data (report, NULL);
  loaded = nb_report_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nb_report_get_units (loaded)->len, ==, 2);
  unit = g_ptr_array_index (nb_report_get_units (loaded), 1);
  g_assert_cmpstr (unit->organ, ==, "乙局");
  g_assert_cmpstr (unit->file, ==, "units/乙.nianbao");
  g_assert_cmpstr (unit->fingerprint, ==, "89abcdef");
  again = nb_report_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, data);
  g_assert_finalize_object (g_steal_pointer (&loaded));
}

/* Next year's report: organ, year, edition, carry-over, empty texts, link. */
static void
test_next_year (void)
{
  struct { NbEdition edition; int year; NbEdition next_edition; } cases[] = {
    { NB_EDITION_2019, 2020, NB_EDITION_2021 },
    { NB_EDITION_2019, 2019, NB_EDITION_2019 },
    { NB_EDITION_2021, 2024, NB_EDITION_2021 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NbReport) report = test_clean_report (cases[i].edition);
      g_autoptr(NbReport) next = NULL;
      g_autoptr(NbChecker) checker = NULL;
      g_autofree char *findings = NULL;
      NbTable *over;
      guint total;

      nb_report_set_year (report, cases[i].year);
      nb_report_set_signature_value (report, NB_SIGNATURE_PREPARER, "张三");
      test_set (report, "s3_requests.new.commercial", 5);
      test_set (report, "s3_requests.carried_forward.commercial", 5);
      nb_table_set_marker (nb_report_get_table (report, "s3_requests"),
                           nb_table_def_find_row (nb_table_get_def (nb_report_get_table (report, "s3_requests")), "carried_forward"),
                           nb_table_def_find_column (nb_table_get_def (nb_report_get_table (report, "s3_requests")), "research"),
                           "/");

      next = nb_report_new_next_year (report, NULL, NULL);
      g_assert_cmpstr (nb_report_get_organ (next), ==, nb_report_get_organ (report));
      g_assert_cmpint (nb_report_get_year (next), ==, cases[i].year + 1);
      g_assert_cmpint (nb_report_get_edition (next), ==, cases[i].next_edition);
      g_assert_cmpstr (nb_report_get_signature_value (next, NB_SIGNATURE_PREPARER), ==, "张三");
      for (guint t = 0; t < NB_N_TEXT_SECTIONS; t++)
        g_assert_cmpstr (nb_report_get_text (next, t), ==, "");

      over = nb_report_get_table (next, "s3_requests");
      g_assert_cmpint (test_get (next, "s3_requests.carried_over.natural"), ==, 1);
      g_assert_cmpint (test_get (next, "s3_requests.carried_over.commercial"), ==, 5);
      g_assert_cmpint (test_get (next, "s3_requests.carried_over.total"), ==, 6);
      total = nb_table_def_find_column (nb_table_get_def (over), "total");
      g_assert_false (nb_table_is_overridden (over, 1, total));
      /* a marker last year leaves the cell empty; so do the untouched ones */
      g_assert_cmpint (nb_table_get_state (over, 1, nb_table_def_find_column (nb_table_get_def (over), "research")),
                       ==, NB_CELL_EMPTY);
      g_assert_cmpint (nb_table_get_state (over, 1, nb_table_def_find_column (nb_table_get_def (over), "other")),
                       ==, NB_CELL_NUMBER);
      g_assert_cmpint (nb_table_get_state (over, 0, 0), ==, NB_CELL_EMPTY);

      /* linked: organ, year and carry-over agree with last year */
      g_assert_nonnull (nb_report_get_previous_link (next));
      g_assert_cmpint (nb_previous_link_get_year (nb_report_get_previous_link (next)), ==, cases[i].year);
      checker = nb_checker_new (next);
      findings = cross_year_findings (checker);
      if (cases[i].edition == NB_EDITION_2019 && cases[i].next_edition == NB_EDITION_2021)
        g_assert_cmpstr (findings, ==,
                         "info X2 上年报告为2019年版格式，其第二部分 第二十条第（一）项 与本年口径不同，未作跨年比对\n");
      else
        g_assert_cmpstr (findings, ==, "");
      g_assert_finalize_object (g_steal_pointer (&checker));
      g_assert_finalize_object (g_steal_pointer (&next));
    }
  g_assert_nonnull (strstr (nb_next_year_hint (), "last year"));
}

/* X7: a figure more than fivefold last year's, either way, above the
 * floor; a small office's 1 → 6 says nothing. */
static void
test_x7_jump (void)
{
  g_autoptr(NbReport) last = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *findings = NULL;

  nb_report_set_year (last, 2023);
  nb_report_set_year (report, 2024);
  test_set (last, "s3_requests.new.natural", 4);
  test_set (last, "s3_requests.granted.natural", 4);
  test_set (report, "s3_requests.new.natural", 30);
  test_set (report, "s3_requests.granted.natural", 30);
  test_set (last, "s2_licensing.licensing.decisions", 1);
  test_set (report, "s2_licensing.licensing.decisions", 6);
  nb_checker_set_previous (checker, last);
  findings = cross_year_findings (checker);
  /* 第一项 and （一）予以公开 went from 4 to 30; （七）总计 36 against 10 did not */
  g_assert_nonnull (strstr (findings, "info X7 第三部分 “第一项”：总计 本年 30，上年报告 4，相差 5 倍以上\n"));
  g_assert_nonnull (strstr (findings, "info X7 第三部分 “（一）予以公开”：总计 本年 30，上年报告 4，相差 5 倍以上\n"));
  g_assert_null (strstr (strstr (strstr (findings, "X7") + 1, "X7") + 1, "X7"));
  /* 4 → 6 is no jump */
  test_set (report, "s3_requests.new.natural", 6);
  test_set (report, "s3_requests.granted.natural", 6);
  g_clear_pointer (&findings, g_free);
  findings = cross_year_findings (checker);
  g_assert_null (strstr (findings, "X7"));
  /* and the other way: 30 last year, 5 now */
  test_set (last, "s3_requests.new.natural", 30);
  test_set (report, "s3_requests.new.natural", 5);
  nb_checker_set_previous (checker, NULL);
  nb_checker_set_previous (checker, last);
  g_clear_pointer (&findings, g_free);
  findings = cross_year_findings (checker);
  g_assert_nonnull (strstr (findings, "info X7 第三部分 “第一项”：总计 本年 5，上年报告 30，相差 5 倍以上\n"));
  nb_checker_set_previous (checker, NULL);
}

/* A published report, imported, can be last year's. */
static void
test_link_published_report (void)
{
  g_autofree char *puer = test_data_path ("published/puer-2020-published.txt");
  g_autoptr(NbReport) report = test_clean_report (NB_EDITION_2021);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbChecker) checker = NULL;
  g_autofree char *findings = NULL;
  NbPreviousLink *link;

  nb_report_set_organ (report, "普洱市人民政府办公室");
  nb_report_set_year (report, 2021);
  g_assert_true (nb_report_link_previous (report, NULL, puer, &error));
  g_assert_no_error (error);
  link = nb_report_get_previous_link (report);
  g_assert_cmpint (nb_previous_link_get_year (link), ==, 2020);
  g_assert_cmpint (nb_previous_link_get_edition (link), ==, NB_EDITION_2019);
  g_assert_cmpstr (nb_previous_link_get_organ (link), ==, "普洱市人民政府办公室");
  g_assert_cmpint (test_get (nb_previous_link_get_figures (link), "s3_requests.carried_forward.total"), ==, 0);

  /* this year's 1 carried over was not carried forward by 普洱 2020 */
  checker = nb_checker_new (report);
  findings = cross_year_findings (checker);
  g_assert_nonnull (strstr (findings, "error X1 第三部分 自然人列：二、上年结转政府信息公开申请数量 1 ≠ 上年报告 "
                                      "四、结转下年度继续办理 0\n"));
  g_assert_finalize_object (g_steal_pointer (&checker));

  /* a file that is no report is refused, saying so */
  g_assert_false (nb_report_link_previous (report, NULL, "/nonexistent/last.nianbao", &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);
}

static const NbComparedCell *
compared (NbComparison *comparison,
          const char   *address)
{
  for (guint i = 0; i < comparison->n_cells; i++)
    if (strcmp (comparison->cells[i].address, address) == 0)
      return &comparison->cells[i];
  g_assert_not_reached ();
}

static void
test_compare (void)
{
  g_autoptr(NbReport) last = test_clean_report (NB_EDITION_2019);
  g_autoptr(NbReport) current = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbComparison) comparison = NULL;
  g_autofree char *json = NULL, *label = NULL;
  const NbComparedCell *cell;
  guint n_last = 0, n_this = 0;

  nb_report_set_year (last, 2020);
  nb_report_set_year (current, 2021);
  test_set (last, "s2_licensing.licensing.decisions", 100);
  test_set (current, "s2_licensing.licensing.decisions", 151);      /* +51 %, +51: a jump */
  test_set (last, "s2_enforcement.penalty.decisions", 3000);
  test_set (current, "s2_enforcement.penalty.decisions", 3100);     /* +3 %: none */
  test_set (last, "s2_enforcement.coercion.decisions", 2);
  test_set (current, "s2_enforcement.coercion.decisions", 9);       /* +350 %, +7: none */
  test_set (current, "s4_appeals.cases.review_upheld", 13);         /* 2 → 13: +11, a jump */
  nb_report_set_text (last, NB_TEXT_PROBLEMS, "一是政策解读质量仍需提升；二是队伍建设还需加强。");
  nb_report_set_text (current, NB_TEXT_PROBLEMS, "一是政策解读质量仍需提升；二是平台建设还需加强。");

  comparison = nb_compare_reports (last, current);
  cell = compared (comparison, "s2_licensing.licensing.decisions");
  g_assert_cmpint (cell->presence, ==, NB_COMPARE_BOTH);
  g_assert_cmpint (cell->last_value, ==, 100);
  g_assert_cmpint (cell->this_value, ==, 151);
  g_assert_cmpint (cell->change, ==, 51);
  g_assert_true (cell->big_jump);
  g_assert_false (compared (comparison, "s2_enforcement.penalty.decisions")->big_jump);
  g_assert_false (compared (comparison, "s2_enforcement.coercion.decisions")->big_jump);
  g_assert_true (compared (comparison, "s4_appeals.cases.review_upheld")->big_jump);
  g_assert_cmpint (compared (comparison, "s4_appeals.cases.review_total")->change, ==, 11);

  /* rows of one edition only, said plainly */
  cell = compared (comparison, "s2_procurement.procurement.projects");
  g_assert_cmpint (cell->presence, ==, NB_COMPARE_ONLY_LAST);
  g_assert_false (cell->has_change);
  cell = compared (comparison, "s3_requests.other_misc.total");
  g_assert_cmpint (cell->presence, ==, NB_COMPARE_ONLY_THIS);
  cell = compared (comparison, "s3_requests.other.natural");
  g_assert_cmpint (cell->presence, ==, NB_COMPARE_ONLY_LAST);
  label = nb_compared_cell_label (compared (comparison, "s2_regulations.normative.in_force"));
  g_assert_cmpstr (label, ==, "第二十条第（一）项 行政规范性文件 · 现行有效件数");
  for (guint i = 0; i < comparison->n_cells; i++)
    {
      n_last += comparison->cells[i].presence == NB_COMPARE_ONLY_LAST;
      n_this += comparison->cells[i].presence == NB_COMPARE_ONLY_THIS;
    }
  g_assert_cmpuint (n_last, ==, comparison->n_only_last);
  g_assert_cmpuint (n_this, ==, comparison->n_only_this);
  /* 2019 only: (一) made, published, total_published ×2; (五) 3×2 less 行政许可's 处理决定数量;
   * (六) prev_items, change ×2; (八) 2; (九) 2; 三 （六） 7 */
  g_assert_cmpuint (comparison->n_only_last, ==, 6 + 5 + 4 + 2 + 2 + 7);
  /* 2021 only: (一) issued, repealed, in_force ×2; (八) amount; 三 （六）1–3 ×7 */
  g_assert_cmpuint (comparison->n_only_this, ==, 6 + 1 + 21);

  /* texts: section 五 mostly repeated; the shared shingle measure of X4 */
  g_assert_cmpuint (comparison->repeated_percent[NB_TEXT_PROBLEMS], >, 50);
  g_assert_cmpuint (comparison->repeated_percent[NB_TEXT_PROBLEMS], <, 100);
  g_assert_cmpuint (comparison->repeated_percent[NB_TEXT_OTHER_MATTERS], ==, 0);   /* “无。” is too short */

  json = nb_comparison_to_json (comparison, NULL);
  g_assert_nonnull (strstr (json, "\"address\": \"s2_licensing.licensing.decisions\",\n"
                                  "      \"label\": \"第二十条第（五）项 行政许可 · 本年处理决定数量\",\n"
                                  "      \"in\": \"both\",\n      \"last\": 100,\n      \"this\": 151,\n"
                                  "      \"change\": 51,\n      \"big_jump\": true"));
  g_assert_nonnull (strstr (json, "\"in\": \"only_last\""));

  /* the same as rows for a window's list: only what changed */
  {
    g_autoptr(GListModel) model = nb_comparison_to_model (comparison, TRUE);
    g_autoptr(GListModel) everything = nb_comparison_to_model (comparison, FALSE);
    guint n = g_list_model_get_n_items (model), jumps = 0;
    gboolean found = FALSE;

    g_assert_cmpuint (g_list_model_get_n_items (everything), ==, comparison->n_cells);
    g_assert_cmpuint (n, <, comparison->n_cells);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(NbComparisonRow) row = g_list_model_get_item (model, i);
        g_autofree char *change = NULL;

        g_assert_true (nb_comparison_row_get_changed (row));
        jumps += nb_comparison_row_get_big_jump (row);
        if (g_strcmp0 (nb_comparison_row_get_address (row), "s2_licensing.licensing.decisions") == 0)
          {
            found = TRUE;
            g_object_get (row, "change-text", &change, NULL);
            g_assert_cmpstr (change, ==, "+51");
            g_assert_cmpstr (nb_comparison_row_get_last_text (row), ==, "100");
            g_assert_cmpstr (nb_comparison_row_get_this_text (row), ==, "151");
          }
        if (g_strcmp0 (nb_comparison_row_get_address (row), "s2_procurement.procurement.amount") == 0)
          {
            g_assert_cmpint (nb_comparison_row_get_presence (row), ==, NB_COMPARE_ONLY_LAST);
            g_assert_cmpstr (nb_comparison_row_get_this_text (row), ==, "");
            g_assert_cmpstr (nb_comparison_row_get_change_text (row), ==, "");
          }
      }
    g_assert_true (found);
    g_assert_cmpuint (jumps, ==, comparison->n_big_jumps);
  }
}

static void
test_compare_amounts (void)
{
  g_autoptr(NbReport) last = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbReport) current = test_clean_report (NB_EDITION_2021);
  g_autoptr(NbComparison) comparison = NULL;
  g_autofree char *json = NULL;
  const NbComparedCell *cell;

  test_set (last, "s2_fees.fees.amount", 961716 * NB_AMOUNT_SCALE / 10);   /* 96171.6 万元 */
  test_set (current, "s2_fees.fees.amount", 96172 * NB_AMOUNT_SCALE);
  comparison = nb_compare_reports (last, current);
  cell = compared (comparison, "s2_fees.fees.amount");
  g_assert_cmpint (cell->change, ==, 4 * NB_AMOUNT_SCALE / 10);
  g_assert_false (cell->big_jump);
  json = nb_comparison_to_json (comparison, NULL);
  g_assert_nonnull (strstr (json, "\"last\": \"96171.6\",\n      \"this\": \"96172\",\n"
                                  "      \"change\": \"0.4\""));
  g_clear_pointer (&comparison, nb_comparison_free);

  /* 5 万元 → 20 万元: +15 万元 and +300 %: a jump (the limit is 10 万元, not 10 millionths) */
  test_set (last, "s2_fees.fees.amount", 5 * NB_AMOUNT_SCALE);
  test_set (current, "s2_fees.fees.amount", 20 * NB_AMOUNT_SCALE);
  comparison = nb_compare_reports (last, current);
  g_assert_true (compared (comparison, "s2_fees.fees.amount")->big_jump);
  g_clear_pointer (&comparison, nb_comparison_free);
  test_set (current, "s2_fees.fees.amount", 14 * NB_AMOUNT_SCALE);   /* +9 万元 */
  comparison = nb_compare_reports (last, current);
  g_assert_false (compared (comparison, "s2_fees.fees.amount")->big_jump);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pairings); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cross-year/rules-through-link/%s-to-%s",
                                               nb_edition_get (pairings[i].last)->key,
                                               nb_edition_get (pairings[i].current)->key);
      g_test_add_data_func (name, &pairings[i], test_rules_through_link);
    }
  g_test_add_func ("/cross-year/X6-through-link", test_x6_through_link);
  g_test_add_func ("/cross-year/link-path-follows-saves", test_link_path_follows_saves);
  for (guint i = 0; i < G_N_ELEMENTS (bad_links); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cross-year/bad-link/%s", bad_links[i].name);
      g_test_add_data_func (name, &bad_links[i], test_bad_link);
    }
  g_test_add_func ("/cross-year/units-round-trip", test_units_round_trip);
  g_test_add_func ("/cross-year/next-year", test_next_year);
  g_test_add_func ("/cross-year/link-published-report", test_link_published_report);
  g_test_add_func ("/cross-year/compare", test_compare);
  g_test_add_func ("/cross-year/X7-jump", test_x7_jump);
  g_test_add_func ("/cross-year/compare-amounts", test_compare_amounts);
  return g_test_run ();
}
