/* fuzz-import-html.c — libFuzzer target: the importer's HTML path
 * (libxml2's parser, the tree walk, tables, hidden text, Word markup,
 * GBK and UTF-16 pages)
 *
 * Input that does not look like HTML gets a `<table>` in front, so every
 * input goes through the HTML reader.  Any bytes: a report with messages,
 * or an NB_IMPORT_ERROR; an imported report saves to a file that loads
 * again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-import.h"
#include "nb-import-doc.h"
#include "nb-report-file.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) loaded = NULL;
  g_autofree char *input = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (nb_import_looks_like_html ((const char *) data, size))
    input = g_memdup2 (data, size);
  else
    {
      input = g_malloc (size + 7);
      memcpy (input, "<table>", 7);
      memcpy (input + 7, data, size);
      size += 7;
    }

  report = nb_import_report (input, size, NULL, &messages, &error);
  if (report == NULL)
    {
      g_assert (error != NULL && error->domain == NB_IMPORT_ERROR);
      return 0;
    }
  g_assert (messages != NULL);

  text = nb_report_to_data (report, &length);
  loaded = nb_report_new_from_data (text, (gssize) length, &error);
  if (loaded == NULL)
    g_error ("an imported report does not load again: %s\n%s", error->message, text);
  return 0;
}
