/* test-util.h — reports built in code for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-checker.h"
#include "nb-report.h"

G_BEGIN_DECLS

NbReport *test_clean_report   (NbEdition    edition);
void      test_set            (NbReport    *report,
                               const char  *address,
                               gint64       number);
gint64    test_get            (NbReport    *report,
                               const char  *address);
char     *test_data_path      (const char  *relative);
char     *test_read_data      (const char  *relative,
                               gsize       *length);
void      test_isolate_home   (void);
guint     test_count_rule     (NbChecker   *checker,
                               const char  *rule);
void      test_place          (NbTable     *table,
                               guint        row,
                               guint        column);
void      test_miss_row       (NbTable     *table,
                               const char  *row_key);

G_END_DECLS
