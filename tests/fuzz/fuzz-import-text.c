/* fuzz-import-text.c — libFuzzer target: the importer's text path
 * (flattened page text, `pdftotext -layout` text, markdown rows)
 *
 * Any bytes: a report with messages, or an NB_IMPORT_ERROR; an imported
 * report always saves to a file that loads again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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
  g_autofree char *text = NULL;
  gsize length;

  /* HTML goes to fuzz-import-html */
  if (nb_import_looks_like_html ((const char *) data, size))
    return 0;

  report = nb_import_report ((const char *) data, size, NULL, &messages, &error);
  if (report == NULL)
    {
      g_assert (error != NULL && error->domain == NB_IMPORT_ERROR);
      return 0;
    }
  g_assert (messages != NULL);
  for (guint i = 0; i < messages->len; i++)
    {
      g_autofree char *line = nb_import_message_to_string (g_ptr_array_index (messages, i));
      g_assert (g_utf8_validate (line, -1, NULL));
    }

  text = nb_report_to_data (report, &length);
  loaded = nb_report_new_from_data (text, (gssize) length, &error);
  if (loaded == NULL)
    g_error ("an imported report does not load again: %s\n%s", error->message, text);
  return 0;
}
