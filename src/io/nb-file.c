/* nb-file.c — the file layer: bounded reading, the one atomic write, stamps
 *
 * Every file Nianbao reads as a whole is read here, within a size limit;
 * every file it writes goes through nb_file_write_atomically().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "nb-file.h"

G_DEFINE_QUARK (nb-file-error-quark, nb_file_error)

/**
 * nb_file_read_limited:
 * @limit: the most bytes a file may have
 * @length: (out): the number of bytes read
 *
 * Reads the whole regular file at @path, at most @limit bytes.
 * The size is checked on the open file before anything is read, and the
 * read stops one byte past the limit, so a file that grows meanwhile
 * cannot fill the memory either.  Devices, pipes and folders are refused:
 * a link to /dev/zero or a FIFO named report.nianbao would otherwise be
 * read for ever.
 *
 * Returns: (transfer full) (nullable): the content of @path, nul-terminated
 */
char *
nb_file_read_limited (const char  *path,
                      gsize        limit,
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
  if ((guint64) st.st_size > limit)
    {
      close (fd);
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a report (%lld bytes; at most %d)"),
                   name, (long long) st.st_size, (int) limit);
      return NULL;
    }

  capacity = (gsize) st.st_size + 1;
  data = g_malloc (capacity + 1);
  for (;;)
    {
      gssize n;

      if (size == capacity)
        {
          if (capacity > limit)
            break;
          capacity = MIN (capacity * 2, limit + 1);
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
  if (size > limit)
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a report (more than %d bytes)"),
                   name, (int) limit);
      return NULL;
    }
  data[size] = '\0';
  *length = size;
  return g_steal_pointer (&data);
}

/**
 * nb_file_read:
 * @length: (out): the number of bytes read
 *
 * Reads a report's file: nb_file_read_limited() at NB_FILE_MAX_SIZE.
 *
 * Returns: (transfer full) (nullable): the content of @path, nul-terminated
 */
char *
nb_file_read (const char  *path,
              gsize       *length,
              GError     **error)
{
  return nb_file_read_limited (path, NB_FILE_MAX_SIZE, length, error);
}

/**
 * nb_file_stamp_set:
 * @stamp: (out): the stamp of @data, which @path holds
 */
void
nb_file_stamp_set (NbFileStamp *stamp,
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
  data = nb_file_read (path, &length, &local_error);
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
  nb_file_stamp_set (stamp, data, length, path);
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

/* ---- Writing ---------------------------------------------------------------- */

struct _NbFileWriter {
  char          *path;       /* as the caller named it, for messages */
  char          *target;     /* the file written: @path with symbolic links resolved */
  char          *temporary;  /* beside @target until committed or removed */
  gboolean       to_stdout;
  int            fd;
  GOutputStream *stream;
  char          *notice;
};

/* What went wrong, in words for the person saving, without the name of
 * the temporary file that the system's message would have. */
static const char *
failure_reason (const GError *error)
{
  if (error->domain == G_FILE_ERROR)
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
        break;
      }
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NO_SPACE:
        return _("the disk is full");
      case G_IO_ERROR_READ_ONLY:
        return _("the disk is read-only");
      case G_IO_ERROR_PERMISSION_DENIED:
        return _("there is no permission to write in that folder");
      default:
        break;
      }
  return error->message;
}

/* Sets @error to “Could not save PATH: REASON. The file on disk was not
 * changed.” from @cause. */
static void
set_save_error (GError       **error,
                const char    *path,
                const GError  *cause)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
               _("Could not save “%s”: %s. The file on disk was not changed."),
               name, failure_reason (cause));
}

static void
set_save_errno (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autoptr(GError) cause = g_error_new_literal (G_FILE_ERROR,
                                                 g_file_error_from_errno (saved_errno),
                                                 g_strerror (saved_errno));

  set_save_error (error, path, cause);
}

/* The file that writing @path replaces: symbolic links are followed, so
 * that a link keeps pointing at the report, which gets the new content.
 * The folders on the way are resolved as the system resolves them when it
 * opens @path (realpath): “..” after a linked folder is the parent of the
 * folder it links to, not of the link.  Sets @open_file when a link went
 * through /proc, as /dev/stdout does: the file there is one that a
 * process has open, not one it named. */
static char *
resolve_links (const char *path,
               gboolean   *open_file)
{
  g_autofree char *here = g_get_current_dir ();
  g_autofree char *current = g_path_is_absolute (path) ? g_strdup (path)
                                                        : g_build_filename (here, path, NULL);

  *open_file = FALSE;
  /* as many links as the kernel follows (MAXSYMLINKS) */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *folder = g_path_get_dirname (current);
      g_autofree char *base = g_path_get_basename (current);
      g_autofree char *real = realpath (folder, NULL);
      g_autofree char *link = NULL;

      /* a missing folder stays as named, for check_target() to refuse */
      if (real == NULL)
        break;
      *open_file |= g_str_has_prefix (real, "/proc/");
      g_free (current);
      current = g_build_filename (real, base, NULL);
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        break;
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                          : g_build_filename (real, link, NULL);
    }
  return g_steal_pointer (&current);
}

/* Refuses what cannot be replaced by a new regular file: a missing
 * folder, a folder, a device or a pipe.  Sets @existing when a regular
 * file is there. */
static gboolean
check_target (const char  *path,
              const char  *target,
              gboolean     open_file,
              GStatBuf    *existing,
              gboolean    *exists,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (target);
  GStatBuf st;

  if (g_stat (folder, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_autofree char *folder_name = g_filename_display_name (folder);

      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                   _("Could not save “%s”: the folder “%s” does not exist. "
                     "The file on disk was not changed."), name, folder_name);
      return FALSE;
    }
  *exists = g_stat (target, existing) == 0;
  /* a link that names no file, as /dev/stdout to a pipe does through
   * /proc: what the system opens for @path */
  if (!*exists && g_stat (path, existing) == 0 && !S_ISREG (existing->st_mode))
    *exists = TRUE;
  if (*exists && S_ISDIR (existing->st_mode))
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                   _("Could not save “%s”: that name is a folder. "
                     "The file on disk was not changed."), name);
      return FALSE;
    }
  if (*exists && !S_ISREG (existing->st_mode))
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                   _("Could not save “%s”: it is not a regular file but a device or a pipe, "
                     "which is never replaced (write to standard output with “-o -”)."), name);
      return FALSE;
    }
  /* `-o /dev/stdout >> log`: renaming over the open file would replace
   * the log, not add to it */
  if (open_file)
    {
      g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO,
                   _("Could not save “%s”: it names a file that is open (as standard output is), "
                     "which is never replaced (write to standard output with “-o -”)."), name);
      return FALSE;
    }
  return TRUE;
}

/* What writing a new file under @path means for its other names. */
static char *
links_notice (const char     *path,
              const GStatBuf *st)
{
  g_autofree char *name = NULL;

  if (st->st_nlink <= 1)
    return NULL;
  name = g_filename_display_name (path);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” had %u other name (a hard link); "
                                       "that name keeps the old content",
                                       "“%s” had %u other names (hard links); "
                                       "those names keep the old content",
                                       st->st_nlink - 1),
                          name, (guint) st->st_nlink - 1);
}

/**
 * nb_file_links_notice:
 *
 * For a caller that writes @path through a function that does not hand
 * out its #NbFileWriter (a report's checked save): asked before writing.
 *
 * Returns: (transfer full) (nullable): what nb_file_writer_get_notice()
 *   will say when @path is written now
 */
char *
nb_file_links_notice (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  return links_notice (path, &st);
}

/**
 * nb_file_writer_new:
 * @path: the file to write
 *
 * Starts writing @path the one way Nianbao writes files: into a temporary
 * file beside it, which nb_file_writer_commit() flushes to disk and
 * renames over @path; until then, and whenever anything fails, @path is
 * left as it was, byte for byte.  A symbolic link is followed and its
 * target written; the new file keeps the mode of the one it replaces;
 * folders, devices and pipes are refused, as are a missing folder and
 * a file reached through /proc (`-o /dev/stdout`: use the stdout writer).
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error
 */
NbFileWriter *
nb_file_writer_new (const char  *path,
                    GError     **error)
{
  g_autoptr(NbFileWriter) writer = g_new0 (NbFileWriter, 1);
  g_autofree char *folder = NULL, *base = NULL;
  GStatBuf existing;
  gboolean exists, open_file;

  g_return_val_if_fail (path != NULL, NULL);

  writer->fd = -1;
  writer->path = g_strdup (path);
  writer->target = resolve_links (path, &open_file);
  if (!check_target (path, writer->target, open_file, &existing, &exists, error))
    return NULL;

  folder = g_path_get_dirname (writer->target);
  base = g_path_get_basename (writer->target);
  writer->temporary = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  writer->fd = g_mkstemp_full (writer->temporary, O_RDWR | O_CLOEXEC, 0666);
  if (writer->fd < 0)
    {
      set_save_errno (error, path, errno);
      g_clear_pointer (&writer->temporary, g_free);
      return NULL;
    }
  /* created 0666 less the umask, as any new file; one that replaces a
   * file takes that file's mode */
  if (exists)
    {
      fchmod (writer->fd, existing.st_mode & 07777);
      writer->notice = links_notice (path, &existing);
    }
  writer->stream = g_unix_output_stream_new (writer->fd, FALSE);
  return g_steal_pointer (&writer);
}

/**
 * nb_file_writer_new_for_stdout:
 *
 * A writer to standard output, for a command told `-o -`: written as it
 * comes, nothing is renamed.
 *
 * Returns: (transfer full): the writer
 */
NbFileWriter *
nb_file_writer_new_for_stdout (void)
{
  NbFileWriter *writer = g_new0 (NbFileWriter, 1);

  writer->path = g_strdup (_("standard output"));
  writer->to_stdout = TRUE;
  writer->fd = STDOUT_FILENO;
  writer->stream = g_unix_output_stream_new (writer->fd, FALSE);
  return writer;
}

/**
 * nb_file_writer_get_stream:
 *
 * Returns: (transfer none): the stream to write the content to; it
 *   belongs to the writer (do not close it)
 */
GOutputStream *
nb_file_writer_get_stream (NbFileWriter *writer)
{
  return writer->stream;
}

/**
 * nb_file_writer_get_path:
 *
 * Returns: (nullable): the file being written, as it was named; %NULL
 *   for standard output
 */
const char *
nb_file_writer_get_path (NbFileWriter *writer)
{
  return writer->to_stdout ? NULL : writer->path;
}

/**
 * nb_file_writer_get_notice:
 *
 * Returns: (nullable): what the person saving should know although
 *   nothing failed: that the file had other names (hard links), which
 *   keep the old content, since the new content is a new file
 */
const char *
nb_file_writer_get_notice (NbFileWriter *writer)
{
  return writer->notice;
}

/**
 * nb_file_writer_write:
 *
 * Writes @data to the stream; the error names the file and the reason.
 */
gboolean
nb_file_writer_write (NbFileWriter  *writer,
                      const char    *data,
                      gsize          length,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &local_error))
    return TRUE;
  set_save_error (error, writer->path, local_error);
  return FALSE;
}

/**
 * nb_file_writer_fail:
 * @cause: why what was to be written could not be made (the renderer's
 *   error, a write error of the stream)
 *
 * Sets @error for the file from @cause, for a producer that wrote into
 * the stream and failed: the same words as a failure here.
 */
void
nb_file_writer_fail (NbFileWriter  *writer,
                     const GError  *cause,
                     GError       **error)
{
  set_save_error (error, writer->path, cause);
}

/* Flushes the folder's entry to disk too; a file system that cannot
 * (some network ones) has still renamed. */
static void
sync_folder (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/**
 * nb_file_writer_commit:
 *
 * Flushes what was written to disk and renames it over the file; on
 * failure the temporary file is removed and the file is as it was.
 *
 * Returns: %FALSE with @error (“Could not save …: the disk is full. The
 *   file on disk was not changed.”)
 */
gboolean
nb_file_writer_commit (NbFileWriter  *writer,
                       GError       **error)
{
  int fd = writer->fd;

  g_return_val_if_fail (writer->fd >= 0, FALSE);

  if (writer->to_stdout)
    {
      writer->fd = -1;
      return TRUE;
    }
  writer->fd = -1;
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (writer->temporary);
      g_clear_pointer (&writer->temporary, g_free);
      set_save_errno (error, writer->path, saved_errno);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (writer->temporary);
      g_clear_pointer (&writer->temporary, g_free);
      set_save_errno (error, writer->path, saved_errno);
      return FALSE;
    }
  if (rename (writer->temporary, writer->target) != 0)
    {
      int saved_errno = errno;

      g_unlink (writer->temporary);
      g_clear_pointer (&writer->temporary, g_free);
      set_save_errno (error, writer->path, saved_errno);
      return FALSE;
    }
  g_clear_pointer (&writer->temporary, g_free);
  sync_folder (writer->target);
  return TRUE;
}

/**
 * nb_file_writer_free:
 *
 * Frees the writer; a writer that was not committed removes its
 * temporary file, leaving the file as it was.
 */
void
nb_file_writer_free (NbFileWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_object (&writer->stream);
  if (writer->temporary != NULL)
    {
      close (writer->fd);
      g_unlink (writer->temporary);
      g_free (writer->temporary);
    }
  g_free (writer->path);
  g_free (writer->target);
  g_free (writer->notice);
  g_free (writer);
}

/**
 * nb_file_write_atomically:
 *
 * Writes @data to @path with an #NbFileWriter: @path then holds either
 * what it held before or all of @data.
 */
gboolean
nb_file_write_atomically (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(NbFileWriter) writer = nb_file_writer_new (path, error);

  return writer != NULL &&
         nb_file_writer_write (writer, data, length, error) &&
         nb_file_writer_commit (writer, error);
}
