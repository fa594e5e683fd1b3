/* nb-types.h — forward declarations shared by the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _NbReport  NbReport;
typedef struct _NbTable   NbTable;
typedef struct _NbFinding NbFinding;
typedef struct _NbChecker NbChecker;
typedef struct _NbPreviousLink NbPreviousLink;

/**
 * NbEdition:
 * @NB_EDITION_2019: 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports
 * @NB_EDITION_2021: 国办公开办函〔2021〕30号, used from the 2021 report on
 */
typedef enum {
  NB_EDITION_2019,
  NB_EDITION_2021,
} NbEdition;

#define NB_N_EDITIONS 2

/**
 * NbTextSection:
 * The free-text parts of a report, in the order they are printed.
 */
typedef enum {
  NB_TEXT_PREFACE,
  NB_TEXT_OVERVIEW,
  NB_TEXT_PROBLEMS,
  NB_TEXT_OTHER_MATTERS,
} NbTextSection;

#define NB_N_TEXT_SECTIONS 4

G_END_DECLS
