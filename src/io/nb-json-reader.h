/* nb-json-reader.h — strict JSON text read with json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define NB_JSON_MAX_DEPTH  64
#define NB_JSON_MAX_VALUES 200000

#define NB_JSON_ERROR (nb_json_error_quark ())

typedef enum {
  NB_JSON_ERROR_SYNTAX,      /* not JSON (or JSON that json-glib alone would bend) */
  NB_JSON_ERROR_DEPTH,       /* nested deeper than NB_JSON_MAX_DEPTH */
  NB_JSON_ERROR_SIZE,        /* more than NB_JSON_MAX_VALUES values */
  NB_JSON_ERROR_DUPLICATE,   /* a member written twice in one object */
} NbJsonError;

typedef enum {
  NB_JSON_NULL,
  NB_JSON_BOOLEAN,
  NB_JSON_NUMBER,
  NB_JSON_STRING,
  NB_JSON_OBJECT,
  NB_JSON_ARRAY,
} NbJsonKind;

/* What a number node holds, as it was written. */
typedef enum {
  NB_JSON_NUMBER_WHOLE,      /* digits only, within gint64: exact */
  NB_JSON_NUMBER_FRACTION,   /* with a decimal point */
  NB_JSON_NUMBER_EXPONENT,   /* with an exponent (4e1, 1e400) */
  NB_JSON_NUMBER_TOO_LARGE,  /* digits only, beyond gint64 */
} NbJsonNumber;

typedef struct _NbJsonReader NbJsonReader;

GQuark        nb_json_error_quark      (void);
NbJsonReader *nb_json_reader_new       (const char    *data,
                                        gsize          length,
                                        GError       **error);
void          nb_json_reader_free      (NbJsonReader  *self);
JsonNode     *nb_json_reader_get_root  (NbJsonReader  *self);
NbJsonNumber  nb_json_reader_get_number (NbJsonReader *self,
                                         JsonNode     *node,
                                         gint64       *value,
                                         const char  **literal);
NbJsonKind    nb_json_node_kind        (JsonNode      *node);
const char   *nb_json_kind_name        (NbJsonKind     kind);
char         *nb_json_where            (const char    *data,
                                        gsize          offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbJsonReader, nb_json_reader_free)

G_END_DECLS
