/* test-verify.c — a report against its published copy (nb-verify)
 *
 * The published copies are the report's own web page, read back by the
 * importer as `nianbao verify` reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-html-export.h"
#include "nb-import.h"
#include "nb-verify.h"
#include "test-util.h"

/* @report published as a web page and imported back in @edition. */
static NbReport *
publish (NbReport   *report,
         GPtrArray **messages)
{
  g_autofree char *html = nb_html_export (report, NULL, FALSE);
  g_autoptr(GError) error = NULL;
  NbImportOptions options;
  NbReport *published;

  nb_import_options_init (&options);
  options.edition = (int) nb_report_get_edition (report);
  published = nb_import_report (html, strlen (html), &options, messages, &error);
  g_assert_no_error (error);
  return published;
}

static const NbVerifyDifference *
only_difference (GPtrArray *differences)
{
  g_assert_cmpuint (differences->len, ==, 1);
  return g_ptr_array_index (differences, 0);
}

/* The report's own page holds exactly its numbers and texts. */
static void
test_verify_same (void)
{
  for (guint e = 0; e < NB_N_EDITIONS; e++)
    {
      NbReport *report = test_clean_report ((NbEdition) e);
      g_autoptr(GPtrArray) messages = NULL;
      g_autoptr(GPtrArray) differences = NULL;
      NbReport *published = publish (report, &messages);

      differences = nb_verify_report (report, published, messages);
      g_assert_cmpuint (differences->len, ==, 0);
      g_assert_finalize_object (published);
      g_assert_finalize_object (report);
    }
}

/* One number published otherwise (and so its total), and a `/` published
 * as 0: each cell named by its labels, with both values. */
static void
test_verify_cell (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbReport *copy = test_clean_report (NB_EDITION_2021);
  NbTable *table = nb_report_get_table (report, "s2_regulations");
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *label = nb_table_def_cell_label (nb_table_get_def (table), 0, 1);
  const NbVerifyDifference *d;
  NbReport *published;

  test_set (copy, "s3_requests.new.natural", 23);
  published = publish (copy, &messages);
  differences = nb_verify_report (report, published, messages);
  /* the cell, and the row's total that adds it up */
  g_assert_cmpuint (differences->len, ==, 2);
  d = g_ptr_array_index (differences, 1);
  g_assert_cmpstr (d->address, ==, "s3_requests.new.total");
  g_assert_cmpstr (d->expected, ==, "22");
  g_assert_cmpstr (d->published, ==, "23");
  d = g_ptr_array_index (differences, 0);
  g_assert_cmpint (d->kind, ==, NB_VERIFY_CELL_DIFFERS);
  g_assert_cmpstr (d->address, ==, "s3_requests.new.natural");
  g_assert_nonnull (strstr (d->label, "本年新收政府信息公开申请数量"));
  g_assert_nonnull (strstr (d->label, "自然人"));
  g_assert_cmpstr (d->expected, ==, "22");
  g_assert_cmpstr (d->published, ==, "23");
  g_clear_pointer (&differences, g_ptr_array_unref);

  /* the copy has 0 where the report has its marker */
  nb_table_set_marker (table, 0, 1, "/");
  test_set (report, "s3_requests.new.natural", 23);
  differences = nb_verify_report (report, published, messages);
  d = only_difference (differences);
  g_assert_cmpint (d->kind, ==, NB_VERIFY_CELL_DIFFERS);
  g_assert_cmpstr (d->label, ==, label);
  g_assert_cmpstr (d->expected, ==, "/");
  g_assert_cmpstr (d->published, ==, "0");

  g_assert_finalize_object (published);
  g_assert_finalize_object (copy);
  g_assert_finalize_object (report);
}

/* A row, a table or a section that the importer says it could not read
 * is “not read”, even where both are blank. */
static void
test_verify_not_read (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbReport *published = test_clean_report (NB_EDITION_2021);
  NbTable *table = nb_report_get_table (published, "s4_appeals");
  const NbTableDef *def = nb_table_get_def (table);
  g_autoptr(GPtrArray) messages =
    g_ptr_array_new_with_free_func ((GDestroyNotify) nb_import_message_free);
  g_autoptr(GPtrArray) differences = NULL;
  NbImportMessage *missing = g_new0 (NbImportMessage, 1);
  NbImportMessage *section = g_new0 (NbImportMessage, 1);

  for (guint c = 0; c < def->n_columns; c++)
    {
      nb_table_clear (table, 0, c);
      nb_table_clear (nb_report_get_table (report, "s4_appeals"), 0, c);
    }
  *missing = (NbImportMessage) { NB_IMPORT_SEVERITY_ERROR, g_strdup ("未找到"),
                                 g_strdup ("s4_appeals") };
  *section = (NbImportMessage) { NB_IMPORT_SEVERITY_WARNING, g_strdup ("缺少一节"),
                                 g_strdup ("problems") };
  g_ptr_array_add (messages, missing);
  g_ptr_array_add (messages, section);
  nb_report_set_text (published, NB_TEXT_PROBLEMS, "");

  differences = nb_verify_report (report, published, messages);
  g_assert_cmpuint (differences->len, ==, def->n_columns + 1);
  for (guint c = 0; c < def->n_columns; c++)
    {
      const NbVerifyDifference *d = g_ptr_array_index (differences, c);

      g_assert_cmpint (d->kind, ==, NB_VERIFY_CELL_NOT_READ);
      g_assert_true (g_str_has_prefix (d->address, "s4_appeals."));
      g_assert_cmpstr (d->published, ==, "");
    }
  {
    const NbVerifyDifference *d = g_ptr_array_index (differences, def->n_columns);

    g_assert_cmpint (d->kind, ==, NB_VERIFY_TEXT_NOT_READ);
    g_assert_cmpstr (d->address, ==, "problems");
    g_assert_cmpstr (d->expected, ==, "一是政策解读有待加强。");
  }
  g_assert_finalize_object (published);
  g_assert_finalize_object (report);
}

/* Text broken into other lines and spaced otherwise is the same text; a
 * changed word is shown in its context. */
static void
test_verify_text (void)
{
  NbReport *report = test_clean_report (NB_EDITION_2021);
  NbReport *published = test_clean_report (NB_EDITION_2021);
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *key = nb_verify_text_key (" 全年 46 件，\r\n办结\u300045件。\n");
  const NbVerifyDifference *d;

  g_assert_cmpstr (key, ==, "全年46件，办结45件。");
  nb_report_set_text (report, NB_TEXT_OVERVIEW, "全年新收政府信息公开申请46件，办结45件，结转下年度3件。");
  nb_report_set_text (published, NB_TEXT_OVERVIEW, "全年新收政府信息公开申请46 件，\n办结\n45件，结转下年度3件。");
  differences = nb_verify_report (report, published, NULL);
  g_assert_cmpuint (differences->len, ==, 0);
  g_clear_pointer (&differences, g_ptr_array_unref);

  nb_report_set_text (published, NB_TEXT_OVERVIEW, "全年新收政府信息公开申请64件，办结45件，结转下年度3件。");
  differences = nb_verify_report (report, published, NULL);
  d = only_difference (differences);
  g_assert_cmpint (d->kind, ==, NB_VERIFY_TEXT_DIFFERS);
  g_assert_cmpstr (d->address, ==, "overview");
  g_assert_cmpstr (d->label, ==, "一、总体情况");
  g_assert_cmpstr (d->expected, ==, "…政府信息公开申请46件，办结45件，…");
  g_assert_cmpstr (d->published, ==, "…政府信息公开申请64件，办结45件，…");
  g_assert_finalize_object (published);
  g_assert_finalize_object (report);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/verify/same", test_verify_same);
  g_test_add_func ("/verify/cell", test_verify_cell);
  g_test_add_func ("/verify/not-read", test_verify_not_read);
  g_test_add_func ("/verify/text", test_verify_text);
  return g_test_run ();
}
