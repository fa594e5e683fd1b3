/* nb-report-export.c — the JSON interchange data
 *
 * What other programs read (the web portal, a superior office's tools):
 * plain numbers by stable keys, with notes, markers and units beside them
 * rather than inside.  Documented in docs/export-json.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-report-export"

#include "config.h"

#include "nb-file.h"
#include "nb-report-export.h"
#include "nb-report-writer.h"
#include "nb-value.h"

static void
write_number (NbJsonWriter *writer,
              NbTable      *table,
              guint         row,
              guint         column)
{
  g_autofree char *text = NULL;

  if (nb_table_get_state (table, row, column) != NB_CELL_NUMBER)
    {
      nb_json_writer_null (writer);
      return;
    }
  text = nb_value_format (nb_table_get_kind (table, column),
                          nb_table_get_number (table, row, column));
  nb_json_writer_number_text (writer, text);
}

/* One object per kind of annotation, keyed by cell address. */
static void
write_annotations (NbJsonWriter *writer,
                   NbReport     *report,
                   const char   *name,
                   const char   *(*get) (NbTable *, guint, guint))
{
  nb_json_writer_key (writer, name);
  nb_json_writer_begin_object (writer);
  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    {
      NbTable *table = nb_report_get_table_at (report, t);
      const NbTableDef *def = nb_table_get_def (table);

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++)
          {
            const char *value = get (table, r, c);

            if (value != NULL)
              {
                g_autofree char *address = nb_table_cell_address (table, r, c);
                nb_json_writer_key (writer, address);
                nb_json_writer_string (writer, value);
              }
          }
    }
  nb_json_writer_end_object (writer);
}

/**
 * nb_json_write_findings:
 * @writer: an #NbJsonWriter, at the place of a value
 * @findings: a list of #NbFinding
 *
 * Writes the findings as a list of objects with `rule`, `severity`,
 * `section`, `message` and `cells`; shared by the export and
 * `nianbao check --json`.
 */
void
nb_json_write_findings (NbJsonWriter *writer,
                        GListModel   *findings)
{
  guint n = g_list_model_get_n_items (findings);

  nb_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

      nb_json_writer_begin_object (writer);
      nb_json_writer_key (writer, "rule");
      nb_json_writer_string (writer, nb_finding_get_rule (finding));
      nb_json_writer_key (writer, "severity");
      nb_json_writer_string (writer, nb_severity_to_string (nb_finding_get_severity (finding)));
      nb_json_writer_key (writer, "section");
      nb_json_writer_int (writer, nb_finding_get_section (finding));
      nb_json_writer_key (writer, "message");
      nb_json_writer_string (writer, nb_finding_get_message (finding));
      nb_json_writer_key (writer, "cells");
      nb_json_writer_begin_array (writer);
      for (const char * const *cell = nb_finding_get_cells (finding); *cell; cell++)
        nb_json_writer_string (writer, *cell);
      nb_json_writer_end_array (writer);
      nb_json_writer_end_object (writer);
    }
  nb_json_writer_end_array (writer);
}

/**
 * nb_report_export_json:
 * @findings: the report's findings (a list of #NbFinding): the caller
 *   checks the report, the file layer does not
 *
 * Returns: (transfer full): the interchange JSON of the report
 */
char *
nb_report_export_json (NbReport   *report,
                       GListModel *findings,
                       gsize      *length)
{
  NbJsonWriter *writer;
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (findings), NULL);

  writer = nb_json_writer_new ();
  fingerprint = nb_report_fingerprint (report);

  nb_json_writer_begin_object (writer);
  nb_json_writer_key (writer, "export_version");
  nb_json_writer_int (writer, NB_EXPORT_JSON_VERSION);
  nb_json_write_identity (writer, report);
  nb_json_writer_key (writer, "title");
  nb_json_writer_string (writer, nb_report_get_title (report));
  nb_json_writer_key (writer, "date");
  nb_json_writer_string (writer, *nb_report_get_date (report) ? nb_report_get_date (report) : NULL);
  nb_json_writer_key (writer, "fingerprint");
  nb_json_writer_string (writer, fingerprint);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    {
      nb_json_writer_key (writer, nb_text_section_key (i));
      nb_json_writer_string (writer, nb_report_get_text (report, i));
    }
  nb_json_write_tables (writer, report, write_number);
  write_annotations (writer, report, "notes", nb_table_get_note);
  write_annotations (writer, report, "markers", nb_table_get_marker);
  write_annotations (writer, report, "units", nb_table_get_unit);
  nb_json_writer_key (writer, "findings");
  nb_json_write_findings (writer, findings);
  nb_json_writer_end_object (writer);

  return nb_json_writer_free_to_data (writer, length);
}

/**
 * nb_report_export_json_to_path:
 * Writes nb_report_export_json() to @path, atomically.
 */
gboolean
nb_report_export_json_to_path (NbReport    *report,
                               GListModel  *findings,
                               const char  *path,
                               GError     **error)
{
  gsize length;
  g_autofree char *json = nb_report_export_json (report, findings, &length);

  return nb_file_write_atomically (path, json, length, error);
}
