/* nb-json-writer.h — a small streaming writer of canonical JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NbJsonWriter NbJsonWriter;

NbJsonWriter *nb_json_writer_new          (void);
void          nb_json_writer_begin_object (NbJsonWriter *self);
void          nb_json_writer_end_object   (NbJsonWriter *self);
void          nb_json_writer_begin_array  (NbJsonWriter *self);
void          nb_json_writer_end_array    (NbJsonWriter *self);
void          nb_json_writer_key          (NbJsonWriter *self,
                                           const char   *key);
void          nb_json_writer_string       (NbJsonWriter *self,
                                           const char   *value);
void          nb_json_writer_int          (NbJsonWriter *self,
                                           gint64        value);
void          nb_json_writer_number_text  (NbJsonWriter *self,
                                           const char   *number);
void          nb_json_writer_boolean      (NbJsonWriter *self,
                                           gboolean      value);
void          nb_json_writer_null         (NbJsonWriter *self);
char         *nb_json_writer_free_to_data (NbJsonWriter *self,
                                           gsize        *length);

G_END_DECLS
