/* nb-aggregate.h — 汇总: adding up the units' reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-unit-status.h"

G_BEGIN_DECLS

#define NB_AGGREGATE_ERROR (nb_aggregate_error_quark ())

typedef enum {
  NB_AGGREGATE_ERROR_NO_UNITS,     /* nothing to add up */
  NB_AGGREGATE_ERROR_UNREADABLE,   /* a unit's file could not be read */
  NB_AGGREGATE_ERROR_MIXED,        /* units of different editions or years */
  NB_AGGREGATE_ERROR_DUPLICATE,    /* the same report twice */
  NB_AGGREGATE_ERROR_TOO_LARGE,    /* a sum beyond what a cell holds */
} NbAggregateError;

typedef struct {
  gboolean    allow_mixed;   /* add up units of different editions or years */
  const char *organ;         /* the summary's organ, or NULL */
  const char *exclude;       /* a file not to take from a folder (the summary itself) */
} NbAggregateOptions;

GQuark      nb_aggregate_error_quark   (void);
void        nb_aggregate_options_init  (NbAggregateOptions        *options);
GListStore *nb_aggregate_collect       (const char * const        *paths,
                                        const char                *exclude,
                                        GError                   **error);
void        nb_aggregate_load          (GListStore                *units);
void        nb_aggregate_add_report    (GListStore                *units,
                                        NbReport                  *report,
                                        const char                *name);
NbReport   *nb_aggregate               (GListModel                *units,
                                        const NbAggregateOptions  *options,
                                        GPtrArray                **notes,
                                        GError                   **error);
NbReport   *nb_aggregate_paths         (const char * const        *paths,
                                        const NbAggregateOptions  *options,
                                        GListStore               **units,
                                        GPtrArray                **notes,
                                        GError                   **error);
void        nb_aggregate_paths_async   (const char * const        *paths,
                                        const NbAggregateOptions  *options,
                                        GCancellable              *cancellable,
                                        GAsyncReadyCallback        callback,
                                        gpointer                   user_data);
NbReport   *nb_aggregate_paths_finish  (GAsyncResult              *result,
                                        GListStore               **units,
                                        GPtrArray                **notes,
                                        GError                   **error);

G_END_DECLS
