/* nb-zip.h — the ZIP packages of the office formats, in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NbZipWriter NbZipWriter;

NbZipWriter *nb_zip_writer_new     (void);
void         nb_zip_writer_free    (NbZipWriter  *self);
gboolean     nb_zip_writer_add     (NbZipWriter  *self,
                                    const char   *name,
                                    const void   *data,
                                    gsize         length,
                                    GError      **error);
GBytes      *nb_zip_writer_finish  (NbZipWriter  *self,
                                    GError      **error);

gboolean     nb_zip_looks_like     (const char   *data,
                                    gsize         length);
GBytes      *nb_zip_read_entry     (const char   *data,
                                    gsize         length,
                                    const char   *name,
                                    gsize         max_size,
                                    GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbZipWriter, nb_zip_writer_free)

G_END_DECLS
