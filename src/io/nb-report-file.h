/* nb-report-file.h — .nianbao files: strict loading, atomic saving
 *
 * The format is documented in docs/file-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-file.h"
#include "nb-report.h"
#include "nb-report-writer.h"

G_BEGIN_DECLS

typedef enum {
  NB_SAVE_DEFAULT           = 0,
  NB_SAVE_OVERWRITE_CHANGED = 1 << 0,   /* save even if the file changed on disk */
} NbSaveFlags;

NbReport  *nb_report_new_from_data    (const char           *data,
                                       gssize                length,
                                       GError              **error);

NbReport  *nb_report_load_from_path   (const char           *path,
                                       GError              **error);
NbReport  *nb_report_load_from_path_stamped (const char     *path,
                                             NbFileStamp    *stamp,
                                             GError        **error);
gboolean   nb_report_save_to_path     (NbReport             *report,
                                       const char           *path,
                                       GError              **error);
gboolean   nb_report_save_to_writer   (NbReport             *report,
                                       NbFileWriter         *writer,
                                       GError              **error);
gboolean   nb_report_save_to_path_checked (NbReport         *report,
                                           const char       *path,
                                           NbFileStamp      *stamp,
                                           NbSaveFlags       flags,
                                           GError          **error);

void       nb_report_load_async       (GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
NbReport  *nb_report_load_finish      (GAsyncResult         *result,
                                       GError              **error);
NbReport  *nb_report_load_finish_stamped (GAsyncResult      *result,
                                          NbFileStamp       *stamp,
                                          GError           **error);
void       nb_report_save_async       (NbReport             *report,
                                       GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean   nb_report_save_finish      (GAsyncResult         *result,
                                       GError              **error);
void       nb_report_save_checked_async  (NbReport          *report,
                                          GFile             *file,
                                          const NbFileStamp *stamp,
                                          NbSaveFlags        flags,
                                          GCancellable      *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer           user_data);
gboolean   nb_report_save_checked_finish (GAsyncResult      *result,
                                          NbFileStamp       *stamp,
                                          GError           **error);

G_END_DECLS
