/* nb-zip.c — the ZIP packages of the office formats, in memory
 *
 * DOCX and XLSX files are ZIP packages of XML parts.  libarchive writes
 * them into memory (so that the file on disk is then replaced in one
 * atomic rename) and reads single parts back out of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-office"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "nb-import.h"
#include "nb-zip.h"

struct _NbZipWriter {
  struct archive *archive;
  GByteArray     *bytes;
};

static la_ssize_t
write_cb (struct archive *archive,
          void           *user_data,
          const void     *buffer,
          size_t          length)
{
  NbZipWriter *self = user_data;

  g_byte_array_append (self->bytes, buffer, (guint) length);
  return (la_ssize_t) length;
}

static const char *
archive_message (struct archive *archive)
{
  const char *message = archive_error_string (archive);
  return message != NULL ? message : "?";
}

static gboolean
archive_failed (struct archive  *archive,
                int              status,
                GError         **error)
{
  if (status >= ARCHIVE_WARN)
    return FALSE;
  /* TRANSLATORS: %s is libarchive's own (English) message */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the ZIP package: %s"),
               archive_message (archive));
  return TRUE;
}

/**
 * nb_zip_writer_new:
 * Returns: (transfer full): a writer of a ZIP package (deflated entries)
 *   into memory
 */
NbZipWriter *
nb_zip_writer_new (void)
{
  NbZipWriter *self = g_new0 (NbZipWriter, 1);

  self->bytes = g_byte_array_new ();
  self->archive = archive_write_new ();
  archive_write_set_format_zip (self->archive);
  archive_write_zip_set_compression_deflate (self->archive);
  /* no padding of the last block: the package is exactly its bytes */
  archive_write_set_bytes_in_last_block (self->archive, 1);
  archive_write_open2 (self->archive, self, NULL, write_cb, NULL, NULL);
  return self;
}

void
nb_zip_writer_free (NbZipWriter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->archive, archive_write_free);
  g_clear_pointer (&self->bytes, g_byte_array_unref);
  g_free (self);
}

/**
 * nb_zip_writer_add:
 * Adds one part, stamped with the current time.
 */
gboolean
nb_zip_writer_add (NbZipWriter  *self,
                   const char   *name,
                   const void   *data,
                   gsize         length,
                   GError      **error)
{
  struct archive_entry *entry = archive_entry_new ();
  la_ssize_t written;
  int status;

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) length);
  archive_entry_set_mtime (entry, g_get_real_time () / G_USEC_PER_SEC, 0);
  status = archive_write_header (self->archive, entry);
  archive_entry_free (entry);
  if (archive_failed (self->archive, status, error))
    return FALSE;
  written = archive_write_data (self->archive, data, length);
  if (written < 0 || (gsize) written != length)
    return !archive_failed (self->archive, ARCHIVE_FATAL, error);
  return TRUE;
}

/**
 * nb_zip_writer_finish:
 * Returns: (transfer full): the whole package; the writer takes no more
 *   parts
 */
GBytes *
nb_zip_writer_finish (NbZipWriter  *self,
                      GError      **error)
{
  if (archive_failed (self->archive, archive_write_close (self->archive), error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&self->bytes));
}

/**
 * nb_zip_looks_like:
 * Whether @data starts as a ZIP package does (a local file header).
 */
gboolean
nb_zip_looks_like (const char *data,
                   gsize       length)
{
  return length >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

/**
 * nb_zip_read_entry:
 * @max_size: a part larger than this is refused
 *
 * Returns: (transfer full): the part @name of the package, or %NULL
 *   with @error set when the package is damaged or has no such part
 */
GBytes *
nb_zip_read_entry (const char  *data,
                   gsize        length,
                   const char  *name,
                   gsize        max_size,
                   GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  int status;

  /* the central directory, as Word and LibreOffice write it, not a stream */
  archive_read_support_format_zip_seekable (archive);
  status = archive_read_open_memory (archive, data, length);
  while (status == ARCHIVE_OK
         && (status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      char buffer[16384];
      la_ssize_t n;

      if (g_strcmp0 (archive_entry_pathname (entry), name) != 0)
        continue;
      bytes = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          if (bytes->len + (gsize) n > max_size)
            {
              g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE,
                           _("The part “%s” of the document is too large"), name);
              archive_read_free (archive);
              return NULL;
            }
          g_byte_array_append (bytes, (const guint8 *) buffer, (guint) n);
        }
      status = n < 0 ? ARCHIVE_FATAL : ARCHIVE_EOF;
      break;
    }

  if (status != ARCHIVE_EOF)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The document is not a readable ZIP package: %s"),
                   archive_message (archive));
      archive_read_free (archive);
      return NULL;
    }
  archive_read_free (archive);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The document has no part “%s”"), name);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
