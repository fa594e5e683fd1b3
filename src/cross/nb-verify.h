/* nb-verify.h — a report against the copy that was published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

typedef enum {
  NB_VERIFY_CELL_DIFFERS,   /* the published cell holds another number, marker or blank */
  NB_VERIFY_CELL_NOT_READ,  /* the importer could not read or place the published cell */
  NB_VERIFY_TEXT_DIFFERS,   /* a passage of a text section differs */
  NB_VERIFY_TEXT_NOT_READ,  /* the section was not found in the published copy */
} NbVerifyKind;

/**
 * NbVerifyDifference:
 * @address: the cell's `table.row.column`, or the text section's key
 * @label: the cell by its labels (nb_table_def_cell_label()), or the
 *   section's heading
 * @expected: the cell as the report prints it, or the report's passage
 *   (white space removed, with a little context); "" for a blank cell
 * @published: the same of the published copy; "" when not read
 */
typedef struct {
  NbVerifyKind  kind;
  char         *address;
  char         *label;
  char         *expected;
  char         *published;
} NbVerifyDifference;

GPtrArray *nb_verify_report            (NbReport                 *report,
                                        NbReport                 *published,
                                        GPtrArray                *messages);
GPtrArray *nb_verify_version           (NbReport                 *report,
                                        guint                     number,
                                        GError                  **error);
char      *nb_verify_text_key          (const char               *text);
void       nb_verify_difference_free   (NbVerifyDifference       *difference);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbVerifyDifference, nb_verify_difference_free)

G_END_DECLS
