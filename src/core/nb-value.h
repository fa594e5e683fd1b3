/* nb-value.h — exact numbers of report cells
 *
 * Counts and signed changes are whole numbers; amounts (万元) are kept as
 * whole multiples of 1/NB_AMOUNT_SCALE, never as floating point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-edition.h"

G_BEGIN_DECLS

/* The largest count the model accepts (and the largest amount, in 万元). */
#define NB_VALUE_MAX G_GINT64_CONSTANT (999999999999)

#define NB_VALUE_ERROR (nb_value_error_quark ())

typedef enum {
  NB_VALUE_ERROR_INVALID,      /* not a number */
  NB_VALUE_ERROR_NEGATIVE,     /* below zero where the column counts */
  NB_VALUE_ERROR_NOT_WHOLE,    /* a fraction where the column counts */
  NB_VALUE_ERROR_TOO_PRECISE,  /* more decimals than NB_AMOUNT_DECIMALS */
  NB_VALUE_ERROR_TOO_LARGE,    /* beyond NB_VALUE_MAX */
} NbValueError;

GQuark    nb_value_error_quark (void);
gboolean  nb_value_parse       (const char  *text,
                                NbCellKind   kind,
                                gint64      *number,
                                GError     **error);
gboolean  nb_value_check       (NbCellKind   kind,
                                gint64       number,
                                GError     **error);
char     *nb_value_format      (NbCellKind   kind,
                                gint64       number);
void      nb_value_append      (GString     *string,
                                NbCellKind   kind,
                                gint64       number);
gboolean  nb_value_is_marker   (const char  *text);

G_END_DECLS
