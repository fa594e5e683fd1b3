/* nb-cli-export.c — `nianbao export`: a report as PDF, HTML, JSON, DOCX or XLSX
 *
 *   nianbao export --format pdf|html|json|docx|xlsx FILE -o OUT
 *
 * The format may be left out when OUT ends in .pdf, .html, .json, .docx
 * or .xlsx; OUT `-` is standard output, and OUT is never FILE itself.
 * Runs with no display.  A report with errors is not printed or
 * published: the PDF, HTML and DOCX are refused, with the findings,
 * unless --draft asks for a copy marked 草稿 · 未通过核对.  Exit status:
 * 0 when written, 1 when the report cannot be read, has errors (without
 * --draft) or the output cannot be written, 2 on a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <malloc.h>
#include <string.h>
#include <glib/gi18n.h>

#include "nb-checker.h"
#include "nb-cli-private.h"
#include "nb-docx-writer.h"
#include "nb-html-export.h"
#include "nb-page-renderer.h"
#include "nb-report-export.h"
#include "nb-report-file.h"
#include "nb-xlsx-writer.h"

enum {
  EXIT_WRITTEN = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef enum {
  EXPORT_FORMAT_PDF,
  EXPORT_FORMAT_HTML,
  EXPORT_FORMAT_JSON,
  EXPORT_FORMAT_DOCX,
  EXPORT_FORMAT_XLSX,
} ExportFormat;

static const struct {
  const char   *name;
  const char   *suffix;
  ExportFormat  format;
} formats[] = {
  { "pdf", ".pdf", EXPORT_FORMAT_PDF },
  { "html", ".html", EXPORT_FORMAT_HTML },
  { "html", ".htm", EXPORT_FORMAT_HTML },
  { "json", ".json", EXPORT_FORMAT_JSON },
  { "docx", ".docx", EXPORT_FORMAT_DOCX },
  { "xlsx", ".xlsx", EXPORT_FORMAT_XLSX },
};

static gboolean
find_format (const char   *name,
             const char   *output,
             ExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      gboolean match = name != NULL ? g_ascii_strcasecmp (name, formats[i].name) == 0
                                    : g_str_has_suffix (output, formats[i].suffix);
      if (match)
        {
          *format = formats[i].format;
          return TRUE;
        }
    }
  return FALSE;
}

/* What was written goes to standard output, unless the export itself
 * does (`-o -`). */
static void
say_written (const char *output,
             const char *line)
{
  if (nb_cli_is_stdout (output))
    g_printerr ("%s\n", line);
  else
    g_print ("%s\n", line);
}

static gboolean
export_pdf (NbReport    *report,
            const char  *fingerprint,
            gboolean     signature,
            gboolean     draft,
            const char  *output,
            GError     **error)
{
  g_autoptr(NbPageRenderer) renderer = nb_page_renderer_new (report);
  g_autoptr(NbChecker) checker = draft ? nb_checker_new (report) : NULL;
  g_autoptr(NbFileWriter) writer = NULL;
  g_auto(GStrv) fonts = NULL;
  g_autofree char *font_list = NULL, *summary = NULL;
  guint n_pages, unknown;

  /* cairo copies each embedded font's whole CFF table (some 24 MB for a
   * Noto CJK face) twice and frees it in between; keeping such blocks in
   * the heap rather than mapping fresh pages for each copy spares
   * thousands of page faults. */
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);
  g_object_set (renderer,
                "fingerprint", fingerprint,
                "include-signature", signature,
                "draft", draft,
                "checker", checker,   /* a draft ends with its check list */
                NULL);
  n_pages = nb_page_renderer_paginate (renderer);
  writer = nb_cli_open_output (output, error);
  if (writer == NULL || !nb_page_renderer_write_pdf_to (renderer, writer, error))
    return FALSE;

  fonts = nb_page_renderer_get_fonts_used (renderer);
  font_list = g_strjoinv (", ", fonts);
  summary = g_strdup_printf (ngettext ("%s: %u page, fonts: %s", "%s: %u pages, fonts: %s",
                                       n_pages),
                             output, n_pages, font_list);
  say_written (output, summary);
  unknown = nb_page_renderer_get_unknown_glyphs (renderer);
  if (unknown > 0)
    g_printerr (ngettext ("Warning: %u character has no glyph in the installed fonts and prints as a box\n",
                          "Warning: %u characters have no glyph in the installed fonts and print as boxes\n",
                          unknown),
                unknown);
  return TRUE;
}

/* The interchange data carries the report's findings: check it here. */
static gboolean
export_json (NbReport    *report,
             const char  *output,
             GError     **error)
{
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  gsize length;
  g_autofree char *json = nb_report_export_json (report, nb_checker_get_findings (checker),
                                                 &length);

  return nb_cli_write_output (output, json, length, error);
}

static gboolean
export_html (NbReport    *report,
             const char  *fingerprint,
             gboolean     draft,
             const char  *output,
             GError     **error)
{
  g_autofree char *html = nb_html_export (report, fingerprint, draft);

  return nb_cli_write_output (output, html, strlen (html), error);
}

/* The workbook's sheet of findings: the checker runs here, in the
 * command line, never in the export module. */
static gboolean
export_xlsx (NbReport    *report,
             const char  *output,
             GError     **error)
{
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autoptr(GBytes) book = nb_xlsx_export_report (report, nb_checker_get_findings (checker),
                                                  error);

  return nb_cli_write_bytes (output, book, error);
}

int
nb_cli_export (int    argc,
               char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  gboolean no_signature = FALSE, draft = FALSE;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format to write: pdf, html, json, docx or xlsx"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write"), N_("OUT") },
    { "no-signature", 0, 0, G_OPTION_ARG_NONE, &no_signature,
      N_("Leave the signature block out of the PDF or DOCX"), NULL },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft,
      N_("Write a report with errors anyway, marked as a draft on every page"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE — write a report as PDF, HTML, JSON, DOCX or XLSX"));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autofree char *fingerprint = NULL;
  ExportFormat format;
  gboolean written = FALSE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", _("Name one report file to export"));
      return EXIT_USAGE;
    }
  if (output == NULL)
    {
      g_printerr ("%s\n", _("Name the file to write with -o OUT"));
      return EXIT_USAGE;
    }
  if (!find_format (format_name, output, &format))
    {
      if (format_name != NULL)
        g_printerr (_("Unknown format “%s”: use pdf, html, json, docx or xlsx\n"), format_name);
      else
        g_printerr ("%s\n", _("Give the format with --format pdf, html, json, docx or xlsx"));
      return EXIT_USAGE;
    }

  report = nb_report_load_from_path (files[0], &error);
  if (report == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  if (!nb_cli_check_output (output, (const char * const *) files, NB_CLI_OUTPUT_STDOUT, FALSE))
    return EXIT_FAILED;
  fingerprint = nb_report_fingerprint (report);
  /* the data formats carry the findings; the documents are what is signed and published */
  if (format != EXPORT_FORMAT_JSON && format != EXPORT_FORMAT_XLSX)
    {
      g_autoptr(NbChecker) checker = nb_checker_new (report);
      guint n_errors = nb_checker_count (checker, NB_SEVERITY_ERROR, -1);

      if (n_errors > 0 && !draft)
        {
          nb_cli_print_findings (files[0], checker, NULL, g_printerr);
          g_printerr (ngettext ("Not written: the report has %u error; correct it, or give --draft "
                                "for a copy marked as a draft\n",
                                "Not written: the report has %u errors; correct them, or give --draft "
                                "for a copy marked as a draft\n", n_errors),
                      n_errors);
          return EXIT_FAILED;
        }
      /* a clean report is never marked as a draft */
      draft = n_errors > 0;
    }

  switch (format)
    {
    case EXPORT_FORMAT_PDF:
      written = export_pdf (report, fingerprint, !no_signature, draft, output, &error);
      break;
    case EXPORT_FORMAT_HTML:
      written = export_html (report, fingerprint, draft, output, &error);
      if (written)
        say_written (output, output);
      break;
    case EXPORT_FORMAT_JSON:
      written = export_json (report, output, &error);
      if (written)
        say_written (output, output);
      break;
    case EXPORT_FORMAT_DOCX:
      {
        g_autoptr(GBytes) docx = nb_docx_export (report, fingerprint, !no_signature, draft, &error);

        written = nb_cli_write_bytes (output, docx, &error);
      }
      if (written)
        say_written (output, output);
      break;
    case EXPORT_FORMAT_XLSX:
      written = export_xlsx (report, output, &error);
      if (written)
        say_written (output, output);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!written)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  return EXIT_WRITTEN;
}
