/* fuzz-import-pdf.c — libFuzzer target: the importer's PDF path (poppler's
 * text layer, lines and cells rebuilt by position, columns by their spans)
 *
 * Input that does not start like a PDF gets a PDF header in front, so
 * every input goes to poppler.  Any bytes: a report with messages, or an
 * NB_IMPORT_ERROR; an imported report always saves to a file that loads
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
  static const char header[] = "%PDF-1.4\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) loaded = NULL;
  g_autofree char *input = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (nb_import_looks_like_pdf ((const char *) data, size))
    input = g_memdup2 (data, size);
  else
    {
      input = g_malloc (size + strlen (header));
      memcpy (input, header, strlen (header));
      memcpy (input + strlen (header), data, size);
      size += strlen (header);
    }

  report = nb_import_report (input, size, NULL, &messages, &error);
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
