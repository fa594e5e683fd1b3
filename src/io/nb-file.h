/* nb-file.h — the file layer: bounded reading, the one atomic write, stamps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NB_FILE_MAX_SIZE       (16 * 1024 * 1024)

#define NB_FILE_ERROR (nb_file_error_quark ())

typedef enum {
  NB_FILE_ERROR_IO,          /* the file cannot be read or written */
  NB_FILE_ERROR_TOO_LARGE,   /* the file is larger than NB_FILE_MAX_SIZE */
  NB_FILE_ERROR_ENCODING,    /* not UTF-8 text */
  NB_FILE_ERROR_SYNTAX,      /* not JSON */
  NB_FILE_ERROR_NOT_REPORT,  /* JSON, but not a Nianbao report */
  NB_FILE_ERROR_VERSION,     /* written by a newer Nianbao */
  NB_FILE_ERROR_EDITION,     /* unknown edition */
  NB_FILE_ERROR_TYPE,        /* a member has the wrong type */
  NB_FILE_ERROR_VALUE,       /* a value is out of range (negative count, too large, ...) */
  NB_FILE_ERROR_MISSING,     /* a required member is missing */
  NB_FILE_ERROR_UNKNOWN,     /* a member that the format does not have */
  NB_FILE_ERROR_DUPLICATE,   /* a member appears twice in one object */
  NB_FILE_ERROR_CHANGED,     /* the file on disk changed since it was loaded */
} NbFileError;

GQuark     nb_file_error_quark        (void);

/* What a file held when it was loaded or saved: to notice that another
 * program changed it since (nb_report_save_to_path_checked()).  A plain
 * struct: keep one per open document. */
typedef struct {
  gboolean exists;       /* FALSE: no file (a new report) */
  gint64   size;         /* bytes; -1: too large to be a report */
  gint64   mtime;        /* µs since 1970, for messages only: content decides */
  guint8   sha256[32];   /* of the content */
} NbFileStamp;

char      *nb_file_read               (const char           *path,
                                       gsize                *length,
                                       GError              **error);
char      *nb_file_read_limited       (const char           *path,
                                       gsize                 limit,
                                       gsize                *length,
                                       GError              **error);

void       nb_file_stamp_set          (NbFileStamp          *stamp,
                                       const char           *data,
                                       gsize                 length,
                                       const char           *path);
gboolean   nb_file_stamp_read         (NbFileStamp          *stamp,
                                       const char           *path,
                                       GError              **error);
gboolean   nb_file_stamp_same_content (const NbFileStamp    *a,
                                       const NbFileStamp    *b);

typedef struct _NbFileWriter NbFileWriter;

NbFileWriter  *nb_file_writer_new            (const char     *path,
                                              GError        **error);
NbFileWriter  *nb_file_writer_new_for_stdout (void);
GOutputStream *nb_file_writer_get_stream     (NbFileWriter   *writer);
const char    *nb_file_writer_get_path       (NbFileWriter   *writer);
const char    *nb_file_writer_get_notice     (NbFileWriter   *writer);
gboolean       nb_file_writer_write          (NbFileWriter   *writer,
                                              const char     *data,
                                              gsize           length,
                                              GError        **error);
void           nb_file_writer_fail           (NbFileWriter   *writer,
                                              const GError   *cause,
                                              GError        **error);
gboolean       nb_file_writer_commit         (NbFileWriter   *writer,
                                              GError        **error);
void           nb_file_writer_free           (NbFileWriter   *writer);
char          *nb_file_links_notice          (const char     *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbFileWriter, nb_file_writer_free)

gboolean   nb_file_write_atomically   (const char           *path,
                                       const char           *data,
                                       gsize                 length,
                                       GError              **error);

G_END_DECLS
