/* nb-cli-private.h — the verbs of the command line
 *
 * Each verb takes its own argv (argv[0] is the verb) and returns the
 * process exit status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "nb-checker.h"
#include "nb-file.h"
#include "nb-report.h"

G_BEGIN_DECLS

int nb_cli_aggregate (int argc, char **argv);
int nb_cli_check (int argc, char **argv);
int nb_cli_compare (int argc, char **argv);
int nb_cli_export (int argc, char **argv);
int nb_cli_finalize (int argc, char **argv);
int nb_cli_import (int argc, char **argv);
int nb_cli_link (int argc, char **argv);
int nb_cli_next (int argc, char **argv);
int nb_cli_verify (int argc, char **argv);

typedef enum {
  NB_CLI_OUTPUT_DEFAULT        = 0,       /* an existing file is replaced (an export) */
  NB_CLI_OUTPUT_REPLACE_FORCED = 1 << 0,  /* only with --force (import, aggregate) */
  NB_CLI_OUTPUT_STDOUT         = 1 << 1,  /* `-` is standard output */
} NbCliOutputFlags;

gboolean      nb_cli_is_stdout    (const char         *output);
gboolean      nb_cli_check_output (const char         *output,
                                   const char * const *inputs,
                                   NbCliOutputFlags    flags,
                                   gboolean            force);
NbFileWriter *nb_cli_open_output  (const char         *output,
                                   GError            **error);
gboolean      nb_cli_write_output (const char         *output,
                                   const char         *data,
                                   gsize               length,
                                   GError            **error);
gboolean      nb_cli_write_bytes  (const char         *output,
                                   GBytes             *bytes,
                                   GError            **error);
gboolean      nb_cli_save_report  (NbReport           *report,
                                   const char         *output,
                                   GError            **error);

typedef void (*NbPrintFunc) (const gchar *format, ...) G_GNUC_PRINTF (1, 2);

void nb_cli_print_findings (const char   *path,
                            NbChecker    *checker,
                            const GError *changed,
                            NbPrintFunc   print);

G_END_DECLS
