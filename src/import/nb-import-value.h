/* nb-import-value.h — what a published table cell holds
 *
 * Read by the table stage to place a cell, and by the text reader to tell
 * a row's numbers from its label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NB_IMPORT_VALUE_NONE,     /* text: no value */
  NB_IMPORT_VALUE_BLANK,
  NB_IMPORT_VALUE_MARKER,
  NB_IMPORT_VALUE_NUMBER,
} NbImportValueKind;

typedef struct {
  NbImportValueKind  kind;
  char              *number;   /* the digits as published, with sign and separators */
  const char        *unit;     /* static */
  char              *note;
  char              *marker;
} NbImportValue;

NbImportValueKind nb_import_parse_value (const char    *text,
                                         NbImportValue *value);
void              nb_import_value_clear (NbImportValue *value);

G_END_DECLS
