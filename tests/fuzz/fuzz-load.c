/* fuzz-load.c — libFuzzer target: the .nianbao loader
 *
 * Any bytes: the loader returns a report or an NB_FILE_ERROR, never
 * crashes.  A report it accepts saves to text that loads again to the
 * same text (the canonical form is a fixed point).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-report-file.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_report_new_from_data ((const char *) data, (gssize) size, &error);
  g_autoptr(NbReport) again = NULL;
  g_autofree char *text = NULL, *text_again = NULL;
  gsize length, length_again;

  if (report == NULL)
    {
      g_assert (error != NULL && error->domain == NB_FILE_ERROR);
      g_assert (error->message != NULL && *error->message != '\0');
      return 0;
    }
  g_assert (error == NULL);

  text = nb_report_to_data (report, &length);
  again = nb_report_new_from_data (text, (gssize) length, &error);
  if (again == NULL)
    g_error ("a saved report does not load again: %s\n%s", error->message, text);
  text_again = nb_report_to_data (again, &length_again);
  g_assert (length == length_again && memcmp (text, text_again, length) == 0);
  return 0;
}
