/* nb-report-file.c — .nianbao files: strict loading, atomic saving
 *
 * A .nianbao file is UTF-8 JSON (docs/file-format.md).  Loading is strict:
 * every member is checked against the format and the report's edition as
 * it is read (with json-glib, under the strict checks of nb-json-reader.c); a
 * failure names the JSON path, what was expected and what was found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-report-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nb-json-reader.h"
#include "nb-json-writer.h"
#include "nb-previous-link.h"
#include "nb-report-export.h"
#include "nb-report-file-private.h"
#include "nb-value.h"


G_DEFINE_QUARK (nb-file-error-quark, nb_file_error)

/* ---- Writing ------------------------------------------------------------- */

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
  gboolean overridden = nb_table_is_overridden (table, row, column);

  if (note == NULL && marker == NULL && unit == NULL && !overridden)
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
  nb_json_writer_end_object (writer);
}

/**
 * _nb_json_write_tables:
 * Writes `tables.<table>.<row>.<column>` for every cell of the report,
 * each cell by @write_one: shared by the file and the JSON export.
 */
void
_nb_json_write_tables (NbJsonWriter  *writer,
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
  NbJsonWriter *writer = nb_json_writer_new ();

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  nb_json_writer_begin_object (writer);
  nb_json_writer_key (writer, "format");
  nb_json_writer_string (writer, NB_FILE_FORMAT_NAME);
  nb_json_writer_key (writer, "schema_version");
  nb_json_writer_int (writer, NB_FILE_SCHEMA_VERSION);
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
  _nb_json_write_tables (writer, report, write_cell);
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
  nb_json_writer_end_object (writer);

  return nb_json_writer_free_to_data (writer, length);
}

/**
 * nb_report_fingerprint:
 * Returns: (transfer full): the first 8 hex digits of the SHA-256 of the
 *   report's canonical file text; it identifies a printed copy
 */
char *
nb_report_fingerprint (NbReport *report)
{
  gsize length;
  g_autofree char *data = nb_report_to_data (report, &length);
  g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                         (const guchar *) data, length);

  return g_strndup (digest, 8);
}

/**
 * nb_report_new_from_data:
 * @data: the text of a .nianbao file
 * @length: its length, or -1 when it is nul-terminated
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error
 *   naming what is wrong and where
 */
NbReport *
nb_report_new_from_data (const char  *data,
                         gssize       length,
                         GError     **error)
{
  const char *end;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if ((gsize) length > NB_FILE_MAX_SIZE)
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_TOO_LARGE,
                   _("The file is too large to be a report (%lld bytes; at most %d)"),
                   (long long) length, NB_FILE_MAX_SIZE);
      return NULL;
    }
  if (!g_utf8_validate (data, length, &end))
    {
      g_autofree char *where = nb_json_where (data, end - data);

      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_ENCODING,
                   _("The file is not UTF-8 text at %s (is it a report at all?)"), where);
      return NULL;
    }
  return _nb_report_read (data, length, error);
}

/* ---- Paths and async ---------------------------------------------------------- */

/* Reads the whole regular file at @path, at most NB_FILE_MAX_SIZE bytes.
 * The size is checked on the open file before anything is read, and the
 * read stops one byte past the limit, so a file that grows meanwhile
 * cannot fill the memory either.  Devices, pipes and folders are refused:
 * a link to /dev/zero or a FIFO named report.nianbao would otherwise be
 * read for ever. */
static char *
read_file (const char  *path,
           gsize       *length,
           GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize size = 0, capacity;
  int fd, saved_errno;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                   _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                   _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                   S_ISDIR (st.st_mode) ? _("Could not read “%s”: it is a folder")
                                        : _("Could not read “%s”: it is not a regular file"),
                   name);
      return NULL;
    }
  if (st.st_size > NB_FILE_MAX_SIZE)
    {
      close (fd);
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a report (%lld bytes; at most %d)"),
                   name, (long long) st.st_size, NB_FILE_MAX_SIZE);
      return NULL;
    }

  capacity = (gsize) st.st_size + 1;
  data = g_malloc (capacity + 1);
  for (;;)
    {
      gssize n;

      if (size == capacity)
        {
          if (capacity > NB_FILE_MAX_SIZE)
            break;
          capacity = MIN (capacity * 2, (gsize) NB_FILE_MAX_SIZE + 1);
          data = g_realloc (data, capacity + 1);
        }
      n = read (fd, data + size, capacity - size);
      if (n == 0)
        break;
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          saved_errno = errno;
          close (fd);
          g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                       _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
          return NULL;
        }
      size += n;
    }
  close (fd);
  if (size > NB_FILE_MAX_SIZE)
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a report (more than %d bytes)"),
                   name, NB_FILE_MAX_SIZE);
      return NULL;
    }
  data[size] = '\0';
  *length = size;
  return g_steal_pointer (&data);
}

static void
stamp_set (NbFileStamp *stamp,
           const char  *data,
           gsize        length,
           const char  *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize digest_length = sizeof stamp->sha256;
  GStatBuf st;

  g_checksum_update (checksum, (const guchar *) data, length);
  g_checksum_get_digest (checksum, stamp->sha256, &digest_length);
  stamp->exists = TRUE;
  stamp->size = length;
  stamp->mtime = 0;
  if (g_stat (path, &st) == 0)
    stamp->mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
}

/**
 * nb_file_stamp_read:
 * @stamp: (out): what is at @path now
 *
 * Reads the file at @path to stamp it.  A missing file is not an error:
 * @stamp then says it does not exist.
 *
 * Returns: %FALSE with @error when the file exists but cannot be read
 */
gboolean
nb_file_stamp_read (NbFileStamp  *stamp,
                    const char   *path,
                    GError      **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (stamp != NULL && path != NULL, FALSE);

  memset (stamp, 0, sizeof *stamp);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return TRUE;
  data = read_file (path, &length, &local_error);
  if (data == NULL)
    {
      /* too large to be a report: it is certainly not the one that was saved */
      if (g_error_matches (local_error, NB_FILE_ERROR, NB_FILE_ERROR_TOO_LARGE))
        {
          stamp->exists = TRUE;
          stamp->size = -1;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  stamp_set (stamp, data, length, path);
  return TRUE;
}

/**
 * nb_file_stamp_same_content:
 * Returns: whether @a and @b stamp the same content (or both no file);
 *   the time of modification does not count
 */
gboolean
nb_file_stamp_same_content (const NbFileStamp *a,
                            const NbFileStamp *b)
{
  if (!a->exists || !b->exists)
    return a->exists == b->exists;
  return a->size == b->size && memcmp (a->sha256, b->sha256, sizeof a->sha256) == 0;
}

/**
 * nb_report_load_from_path_stamped:
 * @stamp: (out) (optional): the stamp of the bytes that were loaded, for
 *   nb_report_save_to_path_checked()
 *
 * Returns: (transfer full) (nullable): the report in the file at @path
 */
NbReport *
nb_report_load_from_path_stamped (const char   *path,
                                  NbFileStamp  *stamp,
                                  GError      **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  NbReport *report;

  data = read_file (path, &length, error);
  if (data == NULL)
    return NULL;
  report = nb_report_new_from_data (data, length, &local_error);
  if (report == NULL)
    {
      g_set_error (error, NB_FILE_ERROR, local_error->code,
                   _("“%s” cannot be opened. %s"), name, local_error->message);
      return NULL;
    }
  if (nb_report_get_previous_link (report) != NULL)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *folder = g_path_get_dirname (absolute);

      nb_previous_link_set_base (nb_report_get_previous_link (report), folder);
    }
  if (stamp != NULL)
    stamp_set (stamp, data, length, path);
  return report;
}

/**
 * nb_report_load_from_path:
 * Returns: (transfer full) (nullable): the report in the file at @path
 */
NbReport *
nb_report_load_from_path (const char  *path,
                          GError     **error)
{
  return nb_report_load_from_path_stamped (path, NULL, error);
}

/**
 * nb_report_save_to_path_checked:
 * @stamp: (inout) (optional): what the file held when it was loaded or
 *   last saved here; on success, the stamp of what was written
 * @flags: %NB_SAVE_OVERWRITE_CHANGED to save over changes made by others
 *
 * Saves like nb_report_save_to_path(), but first reads the file at @path:
 * when @stamp says it held something else, nothing is written and the
 * error is %NB_FILE_ERROR_CHANGED (unless @flags say to overwrite).  A
 * file that has gone since is not a change: the save puts it back.  With
 * @stamp %NULL, or a stamp of no file, nothing is checked (a new report,
 * or “Save As”, where the file chooser asked).
 */
static void rebase_link (NbReport   *report,
                         const char *path);

/* The check and the write of nb_report_save_to_path_checked(), on the
 * report's text (also from a worker thread). */
static gboolean
save_data_checked (const char   *path,
                   const char   *data,
                   gsize         length,
                   NbFileStamp  *stamp,
                   NbSaveFlags   flags,
                   GError      **error)
{
  if (stamp != NULL && stamp->exists && (flags & NB_SAVE_OVERWRITE_CHANGED) == 0)
    {
      NbFileStamp now;

      if (!nb_file_stamp_read (&now, path, error))
        return FALSE;
      if (now.exists && !nb_file_stamp_same_content (stamp, &now))
        {
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_CHANGED,
                       _("“%s” was changed on disk by another program since it was opened. "
                         "Saving now would overwrite those changes; the file on disk was not "
                         "changed."), name);
          return FALSE;
        }
    }

  if (!nb_file_write_atomically (path, data, length, error))
    return FALSE;
  if (stamp != NULL)
    stamp_set (stamp, data, length, path);
  return TRUE;
}

gboolean
nb_report_save_to_path_checked (NbReport     *report,
                                const char   *path,
                                NbFileStamp  *stamp,
                                NbSaveFlags   flags,
                                GError      **error)
{
  gsize length;
  g_autofree char *data = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rebase_link (report, path);
  data = nb_report_to_data (report, &length);
  return save_data_checked (path, data, length, stamp, flags, error);
}

/**
 * nb_report_save_to_path:
 * Saves atomically (a link to last year's report is first rewritten
 * relative to @path's folder): the text is written to a temporary file beside @path,
 * flushed, then renamed over it, so @path holds either the old or the new
 * report, never half of one.
 */
/* A link's path is written relative to the folder the report is saved in. */
static void
rebase_link (NbReport   *report,
             const char *path)
{
  NbPreviousLink *link = nb_report_get_previous_link (report);
  g_autofree char *absolute = NULL, *folder = NULL;

  if (link == NULL || path == NULL)
    return;
  absolute = g_canonicalize_filename (path, NULL);
  folder = g_path_get_dirname (absolute);
  nb_previous_link_rebase (link, folder);
}

gboolean
nb_report_save_to_path (NbReport    *report,
                        const char  *path,
                        GError     **error)
{
  gsize length;
  g_autofree char *data = NULL;

  rebase_link (report, path);
  data = nb_report_to_data (report, &length);

  return nb_file_write_atomically (path, data, length, error);
}

/**
 * nb_file_write_atomically:
 * Writes @data to a temporary file beside @path, flushes it to disk, and
 * renames it over @path: @path then holds either what it held before or
 * all of @data.  The error says the file on disk was not changed.
 */
/* What went wrong, in words for the person saving, without the name of
 * the temporary file that GLib's message has. */
static const char *
save_failure_reason (const GError *error)
{
  if (error->domain != G_FILE_ERROR)
    return NULL;
  switch (error->code)
    {
    case G_FILE_ERROR_NOSPC:
      return _("the disk is full");
    case G_FILE_ERROR_ROFS:
      return _("the disk is read-only");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return _("there is no permission to write in that folder");
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      return _("the folder does not exist");
    case G_FILE_ERROR_ISDIR:
      return _("that name is a folder");
    case G_FILE_ERROR_NAMETOOLONG:
      return _("the name is too long");
    case G_FILE_ERROR_IO:
      return _("the disk reported an error (was it removed?)");
    default:
      return NULL;
    }
}

gboolean
nb_file_write_atomically (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  const char *reason;

  if (g_file_set_contents_full (path, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0666, &local_error))
    return TRUE;

  name = g_filename_display_name (path);
  reason = save_failure_reason (local_error);
  g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
               _("Could not save “%s”: %s. The file on disk was not changed."),
               name, reason != NULL ? reason : local_error->message);
  return FALSE;
}

typedef struct {
  GFile       *file;
  NbFileStamp  stamp;
} LoadData;

static void
load_data_free (LoadData *load)
{
  g_object_unref (load->file);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autofree char *path = g_file_get_path (load->file);
  GError *error = NULL;
  NbReport *report;

  if (path == NULL)
    {
      g_task_return_new_error (task, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                               _("Only local files can be opened"));
      return;
    }
  report = nb_report_load_from_path_stamped (path, &load->stamp, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * nb_report_load_async:
 * Reads and checks the file in a worker thread.
 */
void
nb_report_load_async (GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadData *load = g_new0 (LoadData, 1);

  load->file = g_object_ref (file);
  g_task_set_source_tag (task, nb_report_load_async);
  g_task_set_task_data (task, load, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

NbReport *
nb_report_load_finish (GAsyncResult  *result,
                       GError       **error)
{
  return nb_report_load_finish_stamped (result, NULL, error);
}

/**
 * nb_report_load_finish_stamped:
 * @stamp: (out) (optional): the stamp of the bytes that were loaded
 */
NbReport *
nb_report_load_finish_stamped (GAsyncResult  *result,
                               NbFileStamp   *stamp,
                               GError       **error)
{
  NbReport *report = g_task_propagate_pointer (G_TASK (result), error);

  if (report != NULL && stamp != NULL)
    *stamp = ((LoadData *) g_task_get_task_data (G_TASK (result)))->stamp;
  return report;
}

typedef struct {
  GFile       *file;
  GBytes      *data;
  gboolean     checked;
  NbFileStamp  stamp;
  NbSaveFlags  flags;
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_object_unref (save->file);
  g_bytes_unref (save->data);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autofree char *path = g_file_get_path (save->file);
  GError *error = NULL;
  gsize length;
  const char *data;

  if (path == NULL)
    {
      g_task_return_new_error (task, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                               _("Reports can only be saved to local files"));
      return;
    }
  data = g_bytes_get_data (save->data, &length);
  if (save_data_checked (path, data, length, save->checked ? &save->stamp : NULL, save->flags,
                         &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_async (NbReport            *report,
            GFile               *file,
            const NbFileStamp   *stamp,
            NbSaveFlags          flags,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SaveData *save = g_new0 (SaveData, 1);
  g_autofree char *path = g_file_get_path (file);
  gsize length;
  char *data;

  rebase_link (report, path);
  data = nb_report_to_data (report, &length);

  save->file = g_object_ref (file);
  save->data = g_bytes_new_take (data, length);
  save->checked = stamp != NULL;
  if (stamp != NULL)
    save->stamp = *stamp;
  save->flags = flags;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, save, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * nb_report_save_async:
 * Takes the report's text now, and writes it atomically in a worker
 * thread (see nb_report_save_to_path()).
 */
void
nb_report_save_async (NbReport            *report,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  save_async (report, file, NULL, NB_SAVE_DEFAULT, nb_report_save_async, cancellable,
              callback, user_data);
}

gboolean
nb_report_save_finish (GAsyncResult  *result,
                       GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * nb_report_save_checked_async:
 * @stamp: (nullable): the document's stamp (copied); %NULL: no check
 *
 * nb_report_save_to_path_checked() in a worker thread: takes the report's
 * text now; nb_report_save_checked_finish() gives the new stamp.
 */
void
nb_report_save_checked_async (NbReport            *report,
                              GFile               *file,
                              const NbFileStamp   *stamp,
                              NbSaveFlags          flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  save_async (report, file, stamp, flags, nb_report_save_checked_async, cancellable,
              callback, user_data);
}

/**
 * nb_report_save_checked_finish:
 * @stamp: (out) (optional): on success, the stamp of what was written
 *
 * Returns: %FALSE with @error; %NB_FILE_ERROR_CHANGED when the file was
 *   changed on disk by another program (nothing was written)
 */
gboolean
nb_report_save_checked_finish (GAsyncResult  *result,
                               NbFileStamp   *stamp,
                               GError       **error)
{
  SaveData *save = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (stamp != NULL)
    {
      if (save->checked)
        *stamp = save->stamp;
      else
        {
          gsize length;
          g_autofree char *path = g_file_get_path (save->file);
          const char *data = g_bytes_get_data (save->data, &length);

          stamp_set (stamp, data, length, path);
        }
    }
  return TRUE;
}
