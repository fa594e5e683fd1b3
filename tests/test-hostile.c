/* test-hostile.c — crafted and broken files: a clear error, quickly, and
 * the file on disk untouched
 *
 * tests/data/bad/ holds one .nianbao file per kind of damage (and the
 * inputs that fuzzing found); every file there must be listed below with
 * the error it gives.  tests/data/bad-import/ holds inputs of the
 * importer.  What is too large to commit (a 100 MB file, 10,000 nested
 * tables) is made here in a temporary folder.  test-file.c has the
 * classes of damage made by editing the sample in memory; these are the
 * same through the path API, plus what only files can do.
 *
 * Times are printed, never asserted: a hang is caught by the test's
 * timeout in meson, speed by benchmarks/run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "nb-import.h"
#include "nb-report-file.h"
#include "test-util.h"

typedef struct {
  const char  *file;
  NbFileError  code;
  const char  *says;   /* part of the message */
} BadFile;

static const BadFile bad_files[] = {
  { "acknowledged-unknown-cell.nianbao", NB_FILE_ERROR_VALUE,
    "$.acknowledged[0].cells[1]: “s3_requests.no_such_row.total” is not a cell of this report" },
  { "binary-gzip.nianbao", NB_FILE_ERROR_ENCODING, "not UTF-8 text" },
  { "binary-utf16.nianbao", NB_FILE_ERROR_ENCODING, "not UTF-8 text at line 1, column 1" },
  { "binary-zip-header.nianbao", NB_FILE_ERROR_ENCODING, "is it a report at all?" },
  { "bom.nianbao", NB_FILE_ERROR_SYNTAX, "line 1, column 1: unexpected character" },
  { "comment.nianbao", NB_FILE_ERROR_SYNTAX, "line 48, column 24: unexpected character" },
  { "control-nul-escape.nianbao", NB_FILE_ERROR_SYNTAX, "a NUL character inside text" },
  { "control-raw.nianbao", NB_FILE_ERROR_SYNTAX, "a control character inside text" },
  { "deep-arrays-top.nianbao", NB_FILE_ERROR_SYNTAX, "nested too deeply" },
  { "deep-objects.nianbao", NB_FILE_ERROR_SYNTAX, "nested too deeply" },
  { "double-comma.nianbao", NB_FILE_ERROR_SYNTAX, "line 48, column 22: unexpected character" },
  { "duplicate-table.nianbao", NB_FILE_ERROR_DUPLICATE, "$.tables: the member “s2_fees” appears twice" },
  { "duplicate-text.nianbao", NB_FILE_ERROR_DUPLICATE, "$.texts: the member “overview” appears twice" },
  { "duplicate-top.nianbao", NB_FILE_ERROR_DUPLICATE, "$: the member “year” appears twice" },
  { "empty-object.nianbao", NB_FILE_ERROR_NOT_REPORT, "not a Nianbao report" },
  { "exponent-4e1.nianbao", NB_FILE_ERROR_TYPE, "$.tables.s3_requests.new.natural: expected a whole number, found 4e1, which is not a whole number in digits" },
  { "future-schema-version.nianbao", NB_FILE_ERROR_VERSION, "newer version of Nianbao (format 6;" },
  { "fuzz-amount-overflow.nianbao", NB_FILE_ERROR_VALUE, "The number is too large" },
  { "hex-number.nianbao", NB_FILE_ERROR_SYNTAX, "line 48, column 21: a malformed number" },
  { "huge-2p63.nianbao", NB_FILE_ERROR_VALUE, "9223372036854775808 is far too large" },
  { "huge-amount.nianbao", NB_FILE_ERROR_VALUE, "$.tables.s2_fees.fees.amount: The number is too large" },
  { "huge-exponent.nianbao", NB_FILE_ERROR_TYPE, "$.tables.s3_requests.new.natural: expected a whole number, found 1e400, which is not a whole number" },
  { "huge-negative-2p63.nianbao", NB_FILE_ERROR_VALUE, "-9223372036854775809 is far too large" },
  { "huge-schema-version.nianbao", NB_FILE_ERROR_VALUE, "$.schema_version: the number 99999999999999999999" },
  { "infinity.nianbao", NB_FILE_ERROR_SYNTAX, "a malformed number" },
  { "invalid-utf8-lone-escape.nianbao", NB_FILE_ERROR_SYNTAX, "a lone surrogate" },
  { "invalid-utf8-overlong.nianbao", NB_FILE_ERROR_ENCODING, "not UTF-8 text at line 5, column 13" },
  { "invalid-utf8-surrogate.nianbao", NB_FILE_ERROR_ENCODING, "not UTF-8 text at line 5, column 13" },
  { "just-whitespace.nianbao", NB_FILE_ERROR_SYNTAX, "the text ends too early" },
  { "leading-zero.nianbao", NB_FILE_ERROR_SYNTAX, "line 48, column 21: a malformed number" },
  { "min-int64.nianbao", NB_FILE_ERROR_VALUE, "$.tables.s3_requests.new.natural: A count cannot be negative" },
  { "missing-comma.nianbao", NB_FILE_ERROR_SYNTAX, "line 48, column 21: a comma is missing" },
  { "nan-amount.nianbao", NB_FILE_ERROR_VALUE, "Not an amount: “NaN”" },
  { "negative-amount.nianbao", NB_FILE_ERROR_VALUE, "cannot be negative" },
  { "negative-schema-version.nianbao", NB_FILE_ERROR_VALUE, "a format version of 1 or more, found -1" },
  { "negative-year.nianbao", NB_FILE_ERROR_VALUE, "$.year: expected a year up to 2100, found -2024" },
  { "not-imported-with-value.nianbao", NB_FILE_ERROR_VALUE,
    "$.tables.s3_requests.new.natural: a cell that was not imported cannot hold a value" },
  { "single-quote.nianbao", NB_FILE_ERROR_SYNTAX, "line 48, column 9: unexpected character" },
  { "trailing-garbage.nianbao", NB_FILE_ERROR_SYNTAX, "more text after the end of the report" },
  { "truncated-after-key.nianbao", NB_FILE_ERROR_SYNTAX, "the text ends too early" },
  { "truncated-in-escape.nianbao", NB_FILE_ERROR_SYNTAX, "a bad \\u escape" },
  { "truncated-in-string.nianbao", NB_FILE_ERROR_ENCODING, "not UTF-8 text" },
  { "var-assignment.nianbao", NB_FILE_ERROR_SYNTAX, "line 1, column 1: unexpected character" },
  { "wrong-type-cell-boolean.nianbao", NB_FILE_ERROR_TYPE, "expected a whole number, found true or false" },
  { "wrong-type-organ-null.nianbao", NB_FILE_ERROR_TYPE, "$.organ: expected text, found null" },
  { "wrong-type-tables-array.nianbao", NB_FILE_ERROR_TYPE, "$.tables: expected an object, found a list" },
  { "wrong-type-text-number.nianbao", NB_FILE_ERROR_TYPE, "$.texts.overview: expected text or null, found a number" },
};

/* What is on disk, to compare before and after. */
typedef struct {
  char   *bytes;
  gsize   length;
  gint64  mtime;
} Snapshot;

static void
snapshot_take (Snapshot   *snapshot,
               const char *path)
{
  GStatBuf st;

  g_assert_true (g_file_get_contents (path, &snapshot->bytes, &snapshot->length, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  snapshot->mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
}

static void
snapshot_assert_same (Snapshot   *before,
                      const char *path)
{
  Snapshot after;

  snapshot_take (&after, path);
  g_assert_cmpmem (before->bytes, before->length, after.bytes, after.length);
  g_assert_cmpint (before->mtime, ==, after.mtime);
  g_free (after.bytes);
  g_free (before->bytes);
}

/* Loads @path, expecting @code; returns the time it took in µs. */
static gint64
assert_refused (const char  *path,
                NbFileError  code,
                const char  *says)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_name (path);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(NbReport) report = nb_report_load_from_path (path, &error);
  gint64 elapsed = g_get_monotonic_time () - start;

  g_assert_null (report);
  g_assert_error (error, NB_FILE_ERROR, (int) code);
  g_test_message ("%.2f ms: %s", elapsed / 1000.0, error->message);
  /* the message names the file, then says what is wrong */
  g_assert_nonnull (strstr (error->message, name));
  if (says != NULL && strstr (error->message, says) == NULL)
    g_error ("“%s” not in the message “%s”", says, error->message);
  return elapsed;
}

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *relative = g_build_filename ("bad", bad->file, NULL);
  g_autofree char *path = test_data_path (relative);
  Snapshot before;

  /* the loader opens the file in the source tree itself */
  snapshot_take (&before, path);
  assert_refused (path, bad->code, bad->says);
  snapshot_assert_same (&before, path);
}

/* Every file in tests/data/bad/ is listed above with the error it gives. */
static void
test_all_bad_files_listed (void)
{
  g_autofree char *dir_path = test_data_path ("bad");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (bad_files) && !listed; i++)
        listed = strcmp (bad_files[i].file, name) == 0;
      if (!listed)
        g_error ("tests/data/bad/%s is not listed in test-hostile.c", name);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (bad_files));
}

static glong
max_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* A 100 MB file is refused by its size, before it is read: the memory
 * the process ever used does not grow by anything like 100 MB. */
static void
test_huge_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-hostile-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.nianbao", NULL);
  g_autofree char *limit_path = g_build_filename (dir, "limit.nianbao", NULL);
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                        "sample-2024.nianbao", NULL);
  g_autofree char *sample = NULL;
  gsize sample_length;
  glong rss_before;
  FILE *out;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sample_path, &sample, &sample_length, NULL));

  /* a report followed by 100 MB of spaces: valid JSON, were it read */
  out = fopen (path, "wb");
  g_assert_nonnull (out);
  g_assert_cmpuint (fwrite (sample, 1, sample_length, out), ==, sample_length);
  g_assert_cmpint (fseek (out, 100 * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (' ', out), ==, ' ');
  g_assert_cmpint (fclose (out), ==, 0);
  g_assert_cmpint (truncate (path, 100 * 1024 * 1024), ==, 0);

  rss_before = max_rss_kib ();
  assert_refused (path, NB_FILE_ERROR_TOO_LARGE, "too large to be a report (104857600 bytes");
  g_test_message ("peak memory grew by %ld KiB", max_rss_kib () - rss_before);
  g_assert_cmpint (max_rss_kib () - rss_before, <, 8 * 1024);

  /* one byte past the limit */
  g_assert_cmpint (truncate (path, NB_FILE_MAX_SIZE + 1), ==, 0);
  assert_refused (path, NB_FILE_ERROR_TOO_LARGE, "at most 16777216");

  /* the import refuses too much input in the same way */
  {
    g_autofree char *big = g_malloc (NB_IMPORT_MAX_SIZE + 1);
    g_autoptr(NbReport) report = NULL;

    memset (big, ' ', NB_IMPORT_MAX_SIZE + 1);
    report = nb_import_report (big, NB_IMPORT_MAX_SIZE + 1, NULL, NULL, &error);
    g_assert_null (report);
    g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE);
    g_clear_error (&error);
  }

  g_remove (path);
  g_remove (limit_path);
  g_rmdir (dir);
}

/* A link to a device, a named pipe, a folder: refused at once, where a
 * plain read would go on for ever or wait for a writer. */
static void
test_not_regular (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-hostile-XXXXXX", &error);
  g_autofree char *zero = g_build_filename (dir, "zero.nianbao", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.nianbao", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.nianbao", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.nianbao", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("/nonexistent/report.nianbao", dangling), ==, 0);

  assert_refused (zero, NB_FILE_ERROR_IO, "it is not a regular file");
  assert_refused (fifo, NB_FILE_ERROR_IO, "it is not a regular file");
  assert_refused (folder, NB_FILE_ERROR_IO, "it is a folder");
  assert_refused (dangling, NB_FILE_ERROR_IO, "Could not read");

  g_remove (zero);
  g_remove (fifo);
  g_rmdir (folder);
  g_remove (dangling);
  g_rmdir (dir);
}

/* ---- The importer ------------------------------------------------------------- */

/* Imports @data: a report with messages, or an import error; never a
 * crash; returns the time in µs. */
static gint64
import_hostile (const char  *what,
                const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(GPtrArray) messages = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(NbReport) report = nb_import_report (data, length, NULL, &messages, error);
  gint64 elapsed = g_get_monotonic_time () - start;

  if (report == NULL)
    {
      g_assert_true (error == NULL || *error != NULL);
      g_test_message ("%s: %.1f ms, refused: %s", what, elapsed / 1000.0,
                      error != NULL ? (*error)->message : "");
    }
  else
    {
      g_autofree char *saved = nb_report_to_data (report, NULL);
      g_autoptr(NbReport) loaded = nb_report_new_from_data (saved, -1, NULL);

      /* what the importer made is a report that saves and loads */
      g_assert_nonnull (loaded);
      g_assert_nonnull (messages);
      g_test_message ("%s: %.1f ms, imported with %u messages", what, elapsed / 1000.0,
                      messages->len);
      if (messages->len > 0)
        {
          g_autofree char *first = nb_import_message_to_string (g_ptr_array_index (messages, 0));
          g_test_message ("  %s", first);
        }
    }
  return elapsed;
}

static char *
repeat (const char *text,
        guint       n)
{
  GString *out = g_string_sized_new (strlen (text) * n + 1);

  for (guint i = 0; i < n; i++)
    g_string_append (out, text);
  return g_string_free (out, FALSE);
}

static void
test_import_nested_tables (void)
{
  g_autofree char *open = repeat ("<table><tr><td>", 10000);
  g_autofree char *close = repeat ("</td></tr></table>", 10000);
  g_autofree char *page = g_strconcat ("<html><body><p>二、主动公开政府信息情况</p>", open,
                                       "规章", close, "</body></html>", NULL);
  g_autofree char *unclosed = g_strconcat ("<table>", open, "行政规范性文件<td>7<td>2<td>39", NULL);
  g_autofree char *divs = repeat ("<div>", 100000);
  g_autofree char *cells = repeat ("<td>1", 100000);
  g_autofree char *cells_page = g_strconcat ("<table><tr>", cells, NULL);
  g_autoptr(GError) error = NULL;

  import_hostile ("10,000 nested tables", page, strlen (page), &error);
  g_clear_error (&error);
  import_hostile ("10,000 nested tables, never closed", unclosed, strlen (unclosed), &error);
  g_clear_error (&error);
  import_hostile ("100,000 nested <div>", divs, strlen (divs), &error);
  g_clear_error (&error);
  import_hostile ("100,000 cells in one row", cells_page, strlen (cells_page), &error);
  g_clear_error (&error);
}

static void
test_import_broken_markup (void)
{
  static const char *const pages[] = {
    "<table><tr><td>规章<!-- a comment that never ends <td>1",
    "<table><tr><td a=\"never closed attribute>规章</td><td>1</td></tr></table>",
    "<table><tr><td>规章</td><td>&#99999999999999999999;&#x110000;&#0;&#xD800;&amp</td></tr></table>",
    "<table><script>var x = \"<td>1</td>\"; // never closed",
    "<table><tr><td>规章</td><td>1</td></tr></table><",
    "<table><tr><td>规章</td><td>1</td></tr></table></",
    "<table></table></table></table></tr></td></td></td></tr>",
    "<td>",
    "<table",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *what = g_strdup_printf ("broken page %u", i);
      /* with a heading in front, the broken table is read as one */
      g_autofree char *page = g_strconcat ("<p>二、主动公开政府信息情况</p>", pages[i], NULL);

      import_hostile (what, pages[i], strlen (pages[i]), &error);
      g_clear_error (&error);
      import_hostile (what, page, strlen (page), &error);
      g_clear_error (&error);
    }
}

/* Labels and numbers with control characters (a backspace, an escape
 * sequence, a bell copied with a page): they are dropped, so the rows
 * still match and the numbers still read. */
static void
test_import_control_characters (void)
{
  static const char html[] =
    "<p>测试市人民政府办公室2024年政府信息公开工作年度报告</p>"
    "<p>一、总体情况</p><p>本机关\x01认真\x1b[31m落实\x7f条例。\r\r</p>"
    "<p>二、主动公开政府信息情况</p>"
    "<table><tr><td>第二十条第（一）项</td></tr>"
    "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
    "<tr><td>规\x07章</td><td>1\x08</td><td>\x0c" "0</td><td>\x0b" "3</td></tr>"
    "<tr><td>\x1f行政规范性文件</td><td>7</td><td>2</td><td>3\x1b" "9</td></tr></table>";
  static const char text[] =
    "一、总体情况\n本机关\x01认真落实条例。\n二、主动公开政府信息情况\n第二十条第（一）项\n"
    "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "| 规\x07章 | 1 | 0\x08 | 3 |\n| \x1b[1m行政规范性文件 | 7 | 2 | 39 |\n\f\v\r\n";
  const char *inputs[] = { html, text };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) messages = NULL;
      g_autoptr(NbReport) report = nb_import_report (inputs[i], strlen (inputs[i]), NULL,
                                                     &messages, &error);
      const char *overview;

      g_assert_no_error (error);
      import_hostile (i == 0 ? "HTML with control characters" : "text with control characters",
                      inputs[i], strlen (inputs[i]), NULL);
      g_assert_cmpint (test_get (report, "s2_regulations.rules.issued"), ==, 1);
      g_assert_cmpint (test_get (report, "s2_regulations.rules.repealed"), ==, 0);
      g_assert_cmpint (test_get (report, "s2_regulations.rules.in_force"), ==, 3);
      g_assert_cmpint (test_get (report, "s2_regulations.normative.issued"), ==, 7);
      g_assert_cmpint (test_get (report, "s2_regulations.normative.in_force"), ==, 39);
      overview = nb_report_get_text (report, NB_TEXT_OVERVIEW);
      g_assert_nonnull (strstr (overview, "本机关认真"));
      for (const char *p = overview; *p; p++)
        g_assert_true ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t');
      g_assert_finalize_object (g_steal_pointer (&report));
    }

  /* a NUL inside is not text */
  import_hostile ("text with a NUL", "规章\0 1 0 3", 10, &error);
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);
  import_hostile ("invalid UTF-8", "规章 \xff\xfe 1 0 3", 13, &error);
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_ENCODING);
}

/* Long lines and many lines in the text path. */
static void
test_import_text_extremes (void)
{
  g_autofree char *long_line = repeat ("规章 1 ", 200000);
  g_autofree char *pipes = repeat ("|\n", 200000);
  g_autofree char *numbers = repeat ("1 ", 300000);
  g_autofree char *headings = repeat ("一、总体情况\n二、主动公开政府信息情况\n", 5000);
  g_autoptr(GError) error = NULL;

  import_hostile ("one line of 1.6 MB", long_line, strlen (long_line), &error);
  g_clear_error (&error);
  import_hostile ("200,000 lines of |", pipes, strlen (pipes), &error);
  g_clear_error (&error);
  import_hostile ("300,000 numbers on one line", numbers, strlen (numbers), &error);
  g_clear_error (&error);
  import_hostile ("10,000 headings", headings, strlen (headings), &error);
  g_clear_error (&error);
}

/* Inputs in tests/data/bad-import/ (among them what fuzzing found). */
static void
test_import_bad_files (void)
{
  g_autofree char *dir_path = test_data_path ("bad-import");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      import_hostile (name, data, length, &error);
      n++;
    }
  g_test_message ("%u files", n);
  g_assert_cmpuint (n, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/hostile/file/%s", bad_files[i].file);
      g_test_add_data_func (name, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/hostile/file/all-listed", test_all_bad_files_listed);
  g_test_add_func ("/hostile/file/huge", test_huge_file);
  g_test_add_func ("/hostile/file/not-regular", test_not_regular);
  g_test_add_func ("/hostile/import/nested-tables", test_import_nested_tables);
  g_test_add_func ("/hostile/import/broken-markup", test_import_broken_markup);
  g_test_add_func ("/hostile/import/control-characters", test_import_control_characters);
  g_test_add_func ("/hostile/import/text-extremes", test_import_text_extremes);
  g_test_add_func ("/hostile/import/bad-files", test_import_bad_files);
  return g_test_run ();
}
