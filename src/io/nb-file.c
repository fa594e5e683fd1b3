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
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nb-file.h"

G_DEFINE_QUARK (nb-file-error-quark, nb_file_error)

/**
 * nb_file_read:
 * @length: (out): the number of bytes read
 *
 * Reads the whole regular file at @path, at most NB_FILE_MAX_SIZE bytes.
 * The size is checked on the open file before anything is read, and the
 * read stops one byte past the limit, so a file that grows meanwhile
 * cannot fill the memory either.  Devices, pipes and folders are refused:
 * a link to /dev/zero or a FIFO named report.nianbao would otherwise be
 * read for ever.
 *
 * Returns: (transfer full) (nullable): the content of @path, nul-terminated
 */
char *
nb_file_read (const char  *path,
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

