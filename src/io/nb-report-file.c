/* nb-report-file.c — .nianbao files: strict loading, atomic saving
 *
 * A .nianbao file is UTF-8 JSON (docs/file-format.md).  Loading is strict:
 * every member is checked against the format and the report's edition as
 * it is read (with json-glib, under the strict checks of nb-json-reader.c); a
 * failure names the JSON path, what was expected and what was found.
 * The text is written by nb-report-writer.c, and read and written on disk
 * by the file layer (nb-file.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-report-file"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nb-json-reader.h"
#include "nb-previous-link.h"
#include "nb-report-file-private.h"

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

/* ---- Paths and async ------------------------------------------------------ */

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

  data = nb_file_read (path, &length, error);
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
    nb_file_stamp_set (stamp, data, length, path);
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
    nb_file_stamp_set (stamp, data, length, path);
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

/**
 * nb_report_save_to_path:
 * Saves atomically with an #NbFileWriter (a link to last year's report is
 * first rewritten relative to @path's folder): @path then holds either
 * the old or the new report, never half of one.
 */
gboolean
nb_report_save_to_path (NbReport    *report,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(NbFileWriter) writer = nb_file_writer_new (path, error);

  return writer != NULL && nb_report_save_to_writer (report, writer, error);
}

/**
 * nb_report_save_to_writer:
 * @writer: from nb_file_writer_new() or nb_file_writer_new_for_stdout()
 *
 * Writes the report with @writer and commits it, as
 * nb_report_save_to_path() does; for a caller that shows the writer's
 * notice (a hard link) or writes to standard output.
 */
gboolean
nb_report_save_to_writer (NbReport      *report,
                          NbFileWriter  *writer,
                          GError       **error)
{
  gsize length;
  g_autofree char *data = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);

  rebase_link (report, nb_file_writer_get_path (writer));
  data = nb_report_to_data (report, &length);
  return nb_file_writer_write (writer, data, length, error) &&
         nb_file_writer_commit (writer, error);
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

          nb_file_stamp_set (stamp, data, length, path);
        }
    }
  return TRUE;
}
