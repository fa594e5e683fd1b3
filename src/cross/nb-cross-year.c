/* nb-cross-year.c — linking last year's report, starting next year's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cross-year"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nb-cross-year.h"
#include "nb-import.h"
#include "nb-report-file.h"

/* Whether @data looks like a .nianbao file rather than a published page. */
static gboolean
looks_like_report_file (const char *data,
                        gsize       length)
{
  gsize i = 0;

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && data[i] == '{';
}

/**
 * nb_report_load_any:
 * @path: a .nianbao file, or a published report (HTML page, text copied
 *   from it, `pdftotext -layout` text) to import
 *
 * Returns: (transfer full) (nullable): the report; a published report
 *   that the importer cannot read completely (numbers left unplaced, a
 *   part missing) is refused, saying what is missing
 */
NbReport *
nb_report_load_any (const char  *path,
                    GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(NbReport) report = NULL;
  gsize length;

  data = nb_import_read_file (path, &length, error);
  if (data == NULL)
    return NULL;
  if (looks_like_report_file (data, length))
    return nb_report_load_from_path (path, error);

  report = nb_import_report (data, length, NULL, &messages, &local_error);
  if (report == NULL)
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_NOT_REPORT,
                   _("“%s” cannot be imported. %s"), name, local_error->message);
      return NULL;
    }
  for (guint i = 0; i < messages->len; i++)
    {
      const NbImportMessage *message = g_ptr_array_index (messages, i);
      g_autofree char *text = NULL;

      if (message->severity != NB_IMPORT_SEVERITY_ERROR)
        continue;
      text = nb_import_message_to_string (message);
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_VALUE,
                   _("“%s” could not be imported completely: %s"), name, text);
      return NULL;
    }
  return g_steal_pointer (&report);
}

/**
 * nb_previous_link_new_for_path:
 * @previous: last year's report
 * @previous_path: (nullable): its file
 * @report_path: (nullable): this year's file, existing or to be saved
 *
 * Returns: (transfer full): a link whose path leads from @report_path's
 *   folder to @previous_path (absolute when @report_path is not known;
 *   saving rewrites it relative to where the report is saved)
 */
NbPreviousLink *
nb_previous_link_new_for_path (NbReport   *previous,
                               const char *previous_path,
                               const char *report_path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *folder = NULL;
  NbPreviousLink *link;

  if (previous_path == NULL)
    return nb_previous_link_new (previous, NULL);

  absolute = g_canonicalize_filename (previous_path, NULL);
  if (report_path == NULL)
    return nb_previous_link_new (previous, absolute);

  {
    g_autofree char *report_absolute = g_canonicalize_filename (report_path, NULL);
    folder = g_path_get_dirname (report_absolute);
  }
  relative = nb_path_relative_to (absolute, folder);
  link = nb_previous_link_new (previous, relative);
  nb_previous_link_set_base (link, folder);
  return link;
}

/**
 * nb_report_link_previous:
 * @report: this year's report
 * @report_path: (nullable): its file
 * @previous_path: last year's report: a .nianbao file or a published
 *   report, which is imported
 *
 * Links @report to last year's: the link and the figures the cross-year
 * rules need are kept in @report (and in its file once saved).
 */
gboolean
nb_report_link_previous (NbReport    *report,
                         const char  *report_path,
                         const char  *previous_path,
                         GError     **error)
{
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(NbPreviousLink) link = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (previous_path != NULL, FALSE);

  previous = nb_report_load_any (previous_path, error);
  if (previous == NULL)
    return FALSE;
  link = nb_previous_link_new_for_path (previous, previous_path, report_path);
  nb_report_set_previous_link (report, link);
  return TRUE;
}

/* Copies 四、结转下年度继续办理 into next year's 二、上年结转, column by
 * column, as shown: a number stays a number, an empty or marker cell
 * leaves the cell empty; the total follows its parts unless last year's
 * total differs from them. */
static void
carry_over (NbTable *to,
            NbTable *from)
{
  const NbTableDef *to_def = nb_table_get_def (to);
  const NbTableDef *from_def = nb_table_get_def (from);
  int forward = nb_table_def_find_row (from_def, "carried_forward");
  int over = nb_table_def_find_row (to_def, "carried_over");

  for (int pass = 0; pass < 2; pass++)
    for (guint c = 0; c < to_def->n_columns; c++)
      {
        int from_column = nb_table_def_find_column (from_def, to_def->columns[c].key);
        gboolean is_number, any;
        gint64 number, sum = 0;

        if (from_column < 0 || nb_table_def_is_total (to_def, over, c) != (pass == 1))
          continue;
        is_number = nb_table_get_state (from, forward, from_column) == NB_CELL_NUMBER;
        number = nb_table_get_number (from, forward, from_column);
        if (pass == 0)
          {
            if (is_number)
              nb_table_set_number (to, over, c, number, NULL);
            continue;
          }
        any = nb_table_sum_parts (to, over, c, &sum);
        if (is_number && (!any || sum != number))
          nb_table_set_number (to, over, c, number, NULL);
      }
}

/**
 * nb_report_new_next_year:
 * @report: this year's report
 * @report_path: (nullable): its file, to link to
 * @next_path: (nullable): where next year's report will be saved
 *
 * Returns: (transfer full): next year's report: the same organ, the next
 *   year in the edition for that year, 二、上年结转 filled from this
 *   year's 四、结转下年度继续办理 in every column, the signature block's
 *   wording and names kept, the texts and every other cell empty, and
 *   this report linked as last year's.  Section 五 must then say how
 *   last year's problems were addressed (nb_next_year_hint()).
 */
NbReport *
nb_report_new_next_year (NbReport   *report,
                         const char *report_path,
                         const char *next_path)
{
  int year = nb_report_get_year (report);
  NbReport *next;
  g_autoptr(NbPreviousLink) link = NULL;
  NbTable *to, *from;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  next = nb_report_new (nb_edition_for_year (year + 1));
  nb_report_set_organ (next, nb_report_get_organ (report));
  nb_report_set_year (next, MIN (year + 1, NB_YEAR_MAX));

  for (guint i = 0; i < NB_N_SIGNATURE_LINES; i++)
    {
      nb_report_set_signature_shown (next, i, nb_report_get_signature_shown (report, i));
      if (nb_report_has_custom_signature_label (report, i))
        nb_report_set_signature_label (next, i, nb_report_get_signature_label (report, i));
      nb_report_set_signature_value (next, i, nb_report_get_signature_value (report, i));
    }

  to = nb_report_get_table (next, "s3_requests");
  from = nb_report_get_table (report, "s3_requests");
  if (to != NULL && from != NULL)
    carry_over (to, from);

  link = nb_previous_link_new_for_path (report, report_path, next_path);
  nb_report_set_previous_link (next, link);
  return next;
}

/**
 * nb_next_year_hint:
 * Returns: what the user must do in the new year's report
 */
const char *
nb_next_year_hint (void)
{
  return _("Section 五 (main problems and improvements) must also report how last year's "
           "problems were addressed; last year's section 五 is kept with the link.");
}
