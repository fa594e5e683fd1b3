/* nb-recovery.h — copies of unsaved reports, kept in case of a crash
 *
 * GTK-free.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-file.h"
#include "nb-report.h"

G_BEGIN_DECLS

typedef struct {
  char *id;
  char *path;       /* the recovery copy */
  char *original;   /* the file it was a copy of, or NULL for a new report */
  gint64 modified;  /* when the copy was written, in seconds since the epoch */
  NbFileStamp base; /* what the original held when the copy was written */
} NbRecoveryEntry;

char      *nb_recovery_dir         (void);
gboolean   nb_recovery_write       (const char  *id,
                                    NbReport    *report,
                                    const char  *original,
                                    const NbFileStamp *base,
                                    GError     **error);
GPtrArray *nb_recovery_list        (void);
NbReport  *nb_recovery_load        (const NbRecoveryEntry *entry,
                                    GError     **error);
gboolean   nb_recovery_entry_changed_on_disk (const NbRecoveryEntry *entry);
void       nb_recovery_remove      (const char  *id);
void       nb_recovery_entry_free  (NbRecoveryEntry *entry);

G_END_DECLS
