/* nb-report-file.h — .nianbao files: strict loading, atomic saving
 *
 * The format is documented in docs/file-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_FILE_SCHEMA_VERSION 1
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

NbReport  *nb_report_new_from_data    (const char           *data,
                                       gssize                length,
                                       GError              **error);
char      *nb_report_to_data          (NbReport             *report,
                                       gsize                *length);
char      *nb_report_fingerprint      (NbReport             *report);

NbReport  *nb_report_load_from_path   (const char           *path,
                                       GError              **error);
gboolean   nb_report_save_to_path     (NbReport             *report,
                                       const char           *path,
                                       GError              **error);
gboolean   nb_file_write_atomically   (const char           *path,
                                       const char           *data,
                                       gsize                 length,
                                       GError              **error);

void       nb_report_load_async       (GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
NbReport  *nb_report_load_finish      (GAsyncResult         *result,
                                       GError              **error);
void       nb_report_save_async       (NbReport             *report,
                                       GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean   nb_report_save_finish      (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
