/* nb-report-writer.c — a report as the canonical text of a .nianbao file
 *
 * The same report always gives the same bytes (docs/file-format.md): the
 * fingerprint printed on a copy is computed from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-report-writer"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "nb-previous-link.h"
#include "nb-report-file-private.h"
#include "nb-report-writer.h"
#include "nb-value.h"

static void
write_cell_value (NbJsonWriter *writer,
                  NbTable      *table,
                  guint         row,
                  guint         column)
{
  NbCellKind kind = nb_table_get_kind (table, column);
  g_autofree char *text = NULL;

  if (nb_table_get_state (table, row, column) != NB_CELL_NUMBER)
    {
      nb_json_writer_null (writer);
      return;
    }
  if (kind != NB_CELL_KIND_AMOUNT)
    {
      nb_json_writer_int (writer, nb_table_get_number (table, row, column));
      return;
    }
  /* amounts as strings: exact, and never read back as a double */
  text = nb_value_format (kind, nb_table_get_number (table, row, column));
  nb_json_writer_string (writer, text);
}

static void
write_cell (NbJsonWriter *writer,
            NbTable      *table,
            guint         row,
            guint         column)
{
  const char *note = nb_table_get_note (table, row, column);
  const char *marker = nb_table_get_marker (table, row, column);
  const char *unit = nb_table_get_unit (table, row, column);
  const char *entry = nb_table_get_entry (table, row, column);
  gboolean overridden = nb_table_is_overridden (table, row, column);
  gboolean not_imported = nb_table_is_not_imported (table, row, column);

  if (note == NULL && marker == NULL && unit == NULL && entry == NULL && !overridden &&
      !not_imported)
    {
      write_cell_value (writer, table, row, column);
      return;
    }

  nb_json_writer_begin_object (writer);
  nb_json_writer_key (writer, "value");
  write_cell_value (writer, table, row, column);
  if (marker != NULL)
    {
      nb_json_writer_key (writer, "marker");
      nb_json_writer_string (writer, marker);
    }
  if (note != NULL)
    {
      nb_json_writer_key (writer, "note");
      nb_json_writer_string (writer, note);
    }
  if (unit != NULL)
    {
      nb_json_writer_key (writer, "unit");
      nb_json_writer_string (writer, unit);
    }
  if (overridden)
    {
      nb_json_writer_key (writer, "override");
      nb_json_writer_boolean (writer, TRUE);
    }
  if (entry != NULL)
    {
      nb_json_writer_key (writer, "entry");
      nb_json_writer_string (writer, entry);
    }
  if (not_imported)
    {
      nb_json_writer_key (writer, "imported");
      nb_json_writer_boolean (writer, FALSE);
    }
  nb_json_writer_end_object (writer);
}

/**
 * nb_json_write_tables:
 * Writes `tables.<table>.<row>.<column>` for every cell of the report,
 * each cell by @write_one: shared by the file and the JSON export.
 */
void
nb_json_write_tables (NbJsonWriter  *writer,
                      NbReport      *report,
                      NbCellWriter   write_one)
{
  nb_json_writer_key (writer, "tables");
  nb_json_writer_begin_object (writer);
  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    {
      NbTable *table = nb_report_get_table_at (report, t);
      const NbTableDef *def = nb_table_get_def (table);

      nb_json_writer_key (writer, def->key);
      nb_json_writer_begin_object (writer);
      for (guint r = 0; r < def->n_rows; r++)
        {
          nb_json_writer_key (writer, def->rows[r].key);
          nb_json_writer_begin_object (writer);
          for (guint c = 0; c < def->n_columns; c++)
            {
              nb_json_writer_key (writer, def->columns[c].key);
              write_one (writer, table, r, c);
            }
          nb_json_writer_end_object (writer);
        }
      nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_object (writer);
}

static gboolean
signature_is_default (NbReport        *report,
                      NbSignatureLine  line)
{
  return nb_report_get_signature_shown (report, line) &&
         !nb_report_has_custom_signature_label (report, line) &&
         *nb_report_get_signature_value (report, line) == '\0';
}

/* Only the lines that differ from the defaults are written; a report
 * with the default block has no "signature" member. */
static void
write_signature (NbJsonWriter *writer,
                 NbReport     *report)
{
  gboolean any = FALSE;

  for (guint i = 0; i < NB_N_SIGNATURE_LINES; i++)
    any |= !signature_is_default (report, i);
  if (!any)
    return;

  nb_json_writer_key (writer, "signature");
  nb_json_writer_begin_object (writer);
  for (guint i = 0; i < NB_N_SIGNATURE_LINES; i++)
    {
      if (signature_is_default (report, i))
        continue;
      nb_json_writer_key (writer, nb_signature_line_key (i));
      nb_json_writer_begin_object (writer);
      if (!nb_report_get_signature_shown (report, i))
        {
          nb_json_writer_key (writer, "shown");
          nb_json_writer_boolean (writer, FALSE);
        }
      if (nb_report_has_custom_signature_label (report, i))
        {
          nb_json_writer_key (writer, "label");
          nb_json_writer_string (writer, nb_report_get_signature_label (report, i));
        }
      if (*nb_report_get_signature_value (report, i) != '\0')
        {
          nb_json_writer_key (writer, "value");
          nb_json_writer_string (writer, nb_report_get_signature_value (report, i));
        }
      nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_object (writer);
}

static void
write_texts (NbJsonWriter *writer,
             NbReport     *report)
{
  nb_json_writer_begin_object (writer);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    {
      nb_json_writer_key (writer, nb_text_section_key (i));
      nb_json_writer_string (writer, nb_report_get_text (report, i));
    }
  nb_json_writer_end_object (writer);
}

/**
 * nb_json_write_identity:
 * @writer: an #NbJsonWriter, inside an object
 *
 * Writes whose report @report is: the members `organ`, `year` and
 * `edition`; shared by the export, the link to last year's report in a
 * file and the comparison of two years.
 */
void
nb_json_write_identity (NbJsonWriter *writer,
                        NbReport     *report)
{
  nb_json_writer_key (writer, "organ");
  nb_json_writer_string (writer, nb_report_get_organ (report));
  nb_json_writer_key (writer, "year");
  nb_json_writer_int (writer, nb_report_get_year (report));
  nb_json_writer_key (writer, "edition");
  nb_json_writer_string (writer, nb_report_get_edition_def (report)->key);
}

/* "previous": last year's report, only the cells a link keeps */
static void
write_previous (NbJsonWriter   *writer,
                NbPreviousLink *link)
{
  NbReport *figures = nb_previous_link_get_figures (link);

  nb_json_writer_begin_object (writer);
  nb_json_writer_key (writer, "path");
  nb_json_writer_string (writer, nb_previous_link_get_path (link));
  nb_json_write_identity (writer, figures);
  nb_json_writer_key (writer, "figures");
  nb_json_writer_begin_object (writer);
  for (guint t = 0; t < nb_report_get_n_tables (figures); t++)
    {
      NbTable *table = nb_report_get_table_at (figures, t);
      const NbTableDef *def = nb_table_get_def (table);
      gboolean table_open = FALSE;

      for (guint r = 0; r < def->n_rows; r++)
        {
          gboolean row_open = FALSE;

          for (guint c = 0; c < def->n_columns; c++)
            {
              if (!nb_previous_link_is_linked_cell (def, r, c))
                continue;
              if (!table_open)
                {
                  nb_json_writer_key (writer, def->key);
                  nb_json_writer_begin_object (writer);
                  table_open = TRUE;
                }
              if (!row_open)
                {
                  nb_json_writer_key (writer, def->rows[r].key);
                  nb_json_writer_begin_object (writer);
                  row_open = TRUE;
                }
              nb_json_writer_key (writer, def->columns[c].key);
              write_cell_value (writer, table, r, c);
            }
          if (row_open)
            nb_json_writer_end_object (writer);
        }
      if (table_open)
        nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_object (writer);
  nb_json_writer_key (writer, "problems");
  nb_json_writer_string (writer, nb_report_get_text (figures, NB_TEXT_PROBLEMS));
  nb_json_writer_end_object (writer);
}

/* "units": the units a summary report adds up */
static void
write_units (NbJsonWriter *writer,
             GPtrArray    *units)
{
  nb_json_writer_begin_array (writer);
  for (guint i = 0; i < units->len; i++)
    {
      const NbReportUnit *unit = g_ptr_array_index (units, i);

      nb_json_writer_begin_object (writer);
      nb_json_writer_key (writer, "organ");
      nb_json_writer_string (writer, unit->organ);
      nb_json_writer_key (writer, "file");
      nb_json_writer_string (writer, unit->file);
      nb_json_writer_key (writer, "fingerprint");
      nb_json_writer_string (writer, unit->fingerprint);
      nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_array (writer);
}

static gboolean
versions_keep_content (NbReport *report)
{
  GPtrArray *versions = nb_report_get_versions (report);

  for (guint i = 0; i < versions->len; i++)
    if (((NbReportVersion *) g_ptr_array_index (versions, i))->content != NULL)
      return TRUE;
  return FALSE;
}

/* Before format 5 an amount held at most 4 decimals, one NB_AMOUNT_SCALE
 * / 10⁴ step; fees are published to the 分, 6 decimals of 万元. */
#define FORMAT_4_AMOUNT_STEP (NB_AMOUNT_SCALE / 10000)

static gboolean
table_has_fine_amounts (NbTable *table)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint c = 0; c < def->n_columns; c++)
    if (def->columns[c].kind == NB_CELL_KIND_AMOUNT)
      for (guint r = 0; r < def->n_rows; r++)
        if (nb_table_get_state (table, r, c) == NB_CELL_NUMBER &&
            nb_table_get_number (table, r, c) % FORMAT_4_AMOUNT_STEP != 0)
          return TRUE;
  return FALSE;
}

/* Whether the report, or a 定稿 version's content written with it, holds an
 * amount that format 4 cannot. */
static gboolean
has_fine_amounts (NbReport *report,
                  gboolean  with_versions)
{
  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    if (table_has_fine_amounts (nb_report_get_table_at (report, t)))
      return TRUE;
  if (with_versions)
    {
      GPtrArray *versions = nb_report_get_versions (report);

      for (guint i = 0; i < versions->len; i++)
        {
          NbReport *content = ((NbReportVersion *) g_ptr_array_index (versions, i))->content;

          if (content != NULL && has_fine_amounts (content, FALSE))
            return TRUE;
        }
    }
  return FALSE;
}

/* 5 when an amount has more than 4 decimals; 4 when a 定稿 version keeps
 * its content; 3 when a cell is not imported; 2 when the report holds anything else that version 1 does
 * not have (an entry, a 定稿 version, an acknowledged warning), so that an
 * older Nianbao says the file is newer rather than failing on a member it
 * does not know; otherwise 1, the text of a report unchanged. */
static int
schema_version_for (NbReport *report,
                    gboolean  with_versions)
{
  if (has_fine_amounts (report, with_versions))
    return 5;
  if (with_versions && versions_keep_content (report))
    return 4;
  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    if (nb_table_count_not_imported (nb_report_get_table_at (report, t)) > 0)
      return 3;
  if (with_versions && nb_report_get_versions (report)->len > 0)
    return 2;
  if (nb_report_get_acknowledgements (report)->len > 0)
    return 2;
  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    if (nb_table_has_entries (nb_report_get_table_at (report, t)))
      return 2;
  return 1;
}

static void
write_strv (NbJsonWriter       *writer,
            const char         *key,
            const char * const *strv)
{
  nb_json_writer_key (writer, key);
  nb_json_writer_begin_array (writer);
  for (guint i = 0; strv[i] != NULL; i++)
    nb_json_writer_string (writer, strv[i]);
  nb_json_writer_end_array (writer);
}

/* "acknowledged": the warnings marked 已核实.  Part of the fingerprint:
 * what was verified, and why, is part of the content that is signed. */
static void
write_acknowledged (NbJsonWriter *writer,
                    GPtrArray    *acks)
{
  nb_json_writer_key (writer, "acknowledged");
  nb_json_writer_begin_array (writer);
  for (guint i = 0; i < acks->len; i++)
    {
      const NbAcknowledgement *ack = g_ptr_array_index (acks, i);

      nb_json_writer_begin_object (writer);
      nb_json_writer_key (writer, "rule");
      nb_json_writer_string (writer, ack->rule);
      write_strv (writer, "cells", (const char * const *) ack->cells);
      write_strv (writer, "values", (const char * const *) ack->values);
      nb_json_writer_key (writer, "message");
      nb_json_writer_string (writer, ack->message);
      nb_json_writer_key (writer, "reason");
      nb_json_writer_string (writer, ack->reason);
      nb_json_writer_key (writer, "date");
      nb_json_writer_string (writer, ack->date);
      nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_array (writer);
}

static void write_report (NbJsonWriter *writer,
                          NbReport     *report,
                          gboolean      with_versions);

/* "versions" and "finalized": the report's 定稿 history, each version
 * with its content, written as the report's own text is (without a
 * history of its own) */
static void
write_versions (NbJsonWriter *writer,
                NbReport     *report)
{
  GPtrArray *versions = nb_report_get_versions (report);

  nb_json_writer_key (writer, "versions");
  nb_json_writer_begin_array (writer);
  for (guint i = 0; i < versions->len; i++)
    {
      const NbReportVersion *version = g_ptr_array_index (versions, i);

      nb_json_writer_begin_object (writer);
      nb_json_writer_key (writer, "date");
      nb_json_writer_string (writer, version->date);
      nb_json_writer_key (writer, "fingerprint");
      nb_json_writer_string (writer, version->fingerprint);
      if (version->content != NULL)
        {
          nb_json_writer_key (writer, "content");
          write_report (writer, version->content, FALSE);
        }
      nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_array (writer);
  nb_json_writer_key (writer, "finalized");
  nb_json_writer_boolean (writer, nb_report_get_finalized (report));
}

/* The report's object; without the 定稿 history for the fingerprint of
 * the content, which that history records. */
static void
write_report (NbJsonWriter *writer,
              NbReport     *report,
              gboolean      with_versions)
{
  nb_json_writer_begin_object (writer);
  nb_json_writer_key (writer, "format");
  nb_json_writer_string (writer, NB_FILE_FORMAT_NAME);
  nb_json_writer_key (writer, "schema_version");
  nb_json_writer_int (writer, schema_version_for (report, with_versions));
  nb_json_writer_key (writer, "edition");
  nb_json_writer_string (writer, nb_report_get_edition_def (report)->key);
  nb_json_writer_key (writer, "organ");
  nb_json_writer_string (writer, nb_report_get_organ (report));
  nb_json_writer_key (writer, "year");
  nb_json_writer_int (writer, nb_report_get_year (report));
  nb_json_writer_key (writer, "title");
  nb_json_writer_string (writer, nb_report_has_custom_title (report)
                                   ? nb_report_get_title (report) : NULL);
  nb_json_writer_key (writer, "date");
  nb_json_writer_string (writer, *nb_report_get_date (report) ? nb_report_get_date (report) : NULL);
  write_signature (writer, report);
  nb_json_writer_key (writer, "texts");
  write_texts (writer, report);
  nb_json_write_tables (writer, report, write_cell);
  /* optional members: written only when there is something to say, so
   * that the text of a report without them is as it always was */
  if (nb_report_get_previous_link (report) != NULL)
    {
      nb_json_writer_key (writer, "previous");
      write_previous (writer, nb_report_get_previous_link (report));
    }
  if (nb_report_get_units (report) != NULL)
    {
      nb_json_writer_key (writer, "units");
      write_units (writer, nb_report_get_units (report));
    }
  if (nb_report_get_acknowledgements (report)->len > 0)
    write_acknowledged (writer, nb_report_get_acknowledgements (report));
  if (with_versions && nb_report_get_versions (report)->len > 0)
    write_versions (writer, report);
  nb_json_writer_end_object (writer);
}

/* The canonical text (write_report()). */
static char *
report_to_text (NbReport *report,
                gboolean  with_versions,
                gsize    *length)
{
  NbJsonWriter *writer = nb_json_writer_new ();

  write_report (writer, report, with_versions);
  return nb_json_writer_free_to_data (writer, length);
}

/**
 * nb_report_to_data:
 * @length: (out) (optional): the length of the data
 *
 * Returns: (transfer full): the report as the canonical text of a
 *   .nianbao file: the same report always gives the same bytes
 */
char *
nb_report_to_data (NbReport *report,
                   gsize    *length)
{
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  return report_to_text (report, TRUE, length);
}

/**
 * nb_report_fingerprint:
 * Returns: (transfer full): the first 8 hex digits of the SHA-256 of the
 *   report's canonical file text without its 定稿 history (versions,
 *   finalized); it identifies a printed copy and a finalized version
 */
char *
nb_report_fingerprint (NbReport *report)
{
  gsize length;
  g_autofree char *data = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  data = report_to_text (report, FALSE, &length);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  return g_strndup (digest, 8);
}

/* The first version whose content does not have the fingerprint it was
 * recorded with; -1 when every version kept holds what was finalized. */
static int
find_changed_version (NbReport  *report,
                      char     **fingerprint)
{
  GPtrArray *versions = nb_report_get_versions (report);

  for (guint i = 0; i < versions->len; i++)
    {
      const NbReportVersion *version = g_ptr_array_index (versions, i);

      if (version->content == NULL)
        continue;
      *fingerprint = nb_report_fingerprint (version->content);
      if (g_strcmp0 (*fingerprint, version->fingerprint) != 0)
        return (int) i;
      g_clear_pointer (fingerprint, g_free);
    }
  return -1;
}

/**
 * nb_report_final_is_intact:
 *
 * The 定稿 history must hold what was finalized: each version that keeps
 * its content has the fingerprint it was recorded with, and a finalized
 * report (定稿) has the fingerprint its last version records.  A file
 * changed behind the app's back fails, saying both fingerprints.
 *
 * Returns: %FALSE when a version's content, or the content of a
 *   finalized report, changed since it was finalized; %TRUE otherwise
 */
gboolean
nb_report_final_is_intact (NbReport  *report,
                           GError   **error)
{
  NbReportVersion *version;
  g_autofree char *fingerprint = NULL;
  int changed;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);

  changed = find_changed_version (report, &fingerprint);
  if (changed >= 0)
    {
      version = g_ptr_array_index (nb_report_get_versions (report), changed);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Version %d of the report was finalized on %s with fingerprint %s, but the "
                     "content kept for it now has fingerprint %s: it was changed outside Nianbao"),
                   changed + 1, version->date, version->fingerprint, fingerprint);
      return FALSE;
    }
  version = nb_report_get_final_version (report);
  if (version == NULL)
    return TRUE;
  fingerprint = nb_report_fingerprint (report);
  if (g_strcmp0 (fingerprint, version->fingerprint) == 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The report was finalized on %s with fingerprint %s, but its content now has "
                 "fingerprint %s: it was changed outside Nianbao after it was finalized"),
               version->date, version->fingerprint, fingerprint);
  return FALSE;
}

/**
 * nb_report_finalize:
 * @date: (nullable): the day, `YYYY-MM-DD`; %NULL for today
 *
 * Freezes the report as 定稿: records a version (the date, the
 * fingerprint of the content as it stands and that content, read back
 * from the report's own text without its history) and marks it
 * finalized.  What `nianbao finalize` and the window's 定稿 both do; the
 * caller has checked that the report has no errors (io never runs the
 * checker) and saves it.
 *
 * Returns: (transfer none): the version recorded
 */
NbReportVersion *
nb_report_finalize (NbReport   *report,
                    const char *date)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *data = NULL;
  g_autoptr(NbReport) content = NULL;
  gsize length;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (!nb_report_get_finalized (report), NULL);

  if (date == NULL)
    {
      now = g_date_time_new_now_local ();
      date = today = g_date_time_format (now, "%Y-%m-%d");
    }
  fingerprint = nb_report_fingerprint (report);
  /* the writer's text always reads back: it is what the file holds */
  data = report_to_text (report, FALSE, &length);
  content = _nb_report_read (data, length, NULL);
  g_assert (content != NULL);
  nb_report_add_version (report, nb_report_version_new (date, fingerprint, content));
  nb_report_set_finalized (report, TRUE);
  return nb_report_get_final_version (report);
}
