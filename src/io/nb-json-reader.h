/* nb-json-reader.h — a strict pull reader of JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NB_JSON_NULL,
  NB_JSON_BOOLEAN,
  NB_JSON_NUMBER,
  NB_JSON_STRING,
  NB_JSON_OBJECT,
  NB_JSON_ARRAY,
  NB_JSON_INVALID,
} NbJsonKind;

typedef struct _NbJsonReader NbJsonReader;

NbJsonReader *nb_json_reader_new           (const char    *data,
                                            gsize          length);
void          nb_json_reader_free          (NbJsonReader  *self);
gsize         nb_json_reader_tell          (NbJsonReader  *self);
void          nb_json_reader_seek          (NbJsonReader  *self,
                                            gsize          offset);
NbJsonKind    nb_json_reader_peek          (NbJsonReader  *self);
const char   *nb_json_reader_kind_name     (NbJsonKind     kind);
gboolean      nb_json_reader_begin_object  (NbJsonReader  *self,
                                            GError       **error);
gboolean      nb_json_reader_next_member   (NbJsonReader  *self,
                                            const char   **name,
                                            GError       **error);
gboolean      nb_json_reader_begin_array   (NbJsonReader  *self,
                                            GError       **error);
gboolean      nb_json_reader_next_element  (NbJsonReader  *self,
                                            GError       **error);
gboolean      nb_json_reader_read_string   (NbJsonReader  *self,
                                            const char   **value,
                                            GError       **error);
gboolean      nb_json_reader_read_number   (NbJsonReader  *self,
                                            const char   **text,
                                            gboolean      *whole,
                                            GError       **error);
gboolean      nb_json_reader_read_boolean  (NbJsonReader  *self,
                                            gboolean      *value,
                                            GError       **error);
gboolean      nb_json_reader_read_null     (NbJsonReader  *self,
                                            GError       **error);
gboolean      nb_json_reader_skip_value    (NbJsonReader  *self,
                                            GError       **error);
gboolean      nb_json_reader_end           (NbJsonReader  *self,
                                            GError       **error);
char         *nb_json_reader_where         (NbJsonReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbJsonReader, nb_json_reader_free)

G_END_DECLS
