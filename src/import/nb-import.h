/* nb-import.h — turning a published report back into an NbReport
 *
 * Accepts the PDF itself (its text layer), the page's HTML, text flattened
 * from it (cells on lines between `|` lines, inline `a | b |` rows,
 * markdown rows, cells on their own lines), `pdftotext -layout` text, and
 * copies in Traditional characters.
 * Numbers are placed by the fixed row and column order of the edition and
 * every row is confirmed by its label; what cannot be placed is listed in
 * the import messages, never guessed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-report.h"
#include "nb-import-source.h"

G_BEGIN_DECLS

/* Inputs above this size are refused. */
#define NB_IMPORT_MAX_SIZE (32 * 1024 * 1024)

#define NB_IMPORT_ERROR (nb_import_error_quark ())

typedef enum {
  NB_IMPORT_ERROR_TOO_LARGE,    /* larger than NB_IMPORT_MAX_SIZE */
  NB_IMPORT_ERROR_ENCODING,     /* not UTF-8 text */
  NB_IMPORT_ERROR_NOT_REPORT,   /* no section heading and no table of a report */
  NB_IMPORT_ERROR_PDF,          /* a PDF that cannot be opened (damaged, protected) */
  NB_IMPORT_ERROR_NO_TEXT,      /* a PDF without a text layer (a scan) */
  NB_IMPORT_ERROR_SCAN_TEXT,    /* a scan whose text layer text recognition laid over it */
  NB_IMPORT_ERROR_FORMAT,       /* an office document of a kind not read (.doc, .wps, .odt, .xlsx) */
  NB_IMPORT_ERROR_ATTACHMENT,   /* a web page that only links to the report's file */
} NbImportError;

typedef enum {
  NB_IMPORT_SEVERITY_INFO,      /* what the importer decided (edition detected, ...) */
  NB_IMPORT_SEVERITY_WARNING,   /* imported, but look at it (label typo, ...) */
  NB_IMPORT_SEVERITY_ERROR,     /* data not placed, or a part of the report missing */
} NbImportSeverity;

typedef struct {
  NbImportSeverity  severity;
  char             *message;   /* Chinese when it quotes labels, else translated */
  char             *address;   /* `table.row.column`, `table.row`, `table`, or NULL */
} NbImportMessage;

/* Edition to use: detect it from the headers and rows. */
#define NB_IMPORT_DETECT_EDITION (-1)

/* What happened to the cells of the tables. */
typedef struct {
  guint n_placed;     /* a number or a marker put in its cell */
  guint n_blank;      /* left blank, as published */
  guint n_unplaced;   /* numbers of the source that were not placed */
} NbImportSummary;

typedef struct {
  int         year;      /* 0: detect from the title or the opening sentence */
  const char *organ;     /* NULL: detect likewise */
  int         edition;   /* an NbEdition, or NB_IMPORT_DETECT_EDITION */
} NbImportOptions;

GQuark     nb_import_error_quark          (void);
void       nb_import_options_init         (NbImportOptions   *options);
char      *nb_import_read_file            (const char        *path,
                                           gsize             *length,
                                           GError           **error);
NbReport  *nb_import_report               (const char        *data,
                                           gsize              length,
                                           const NbImportOptions *options,
                                           GPtrArray        **messages,
                                           GError           **error);
NbReport  *nb_import_report_full          (const char        *data,
                                           gsize              length,
                                           const NbImportOptions *options,
                                           NbImportSummary   *summary,
                                           GPtrArray        **messages,
                                           GError           **error);
NbReport  *nb_import_report_with_source   (const char        *data,
                                           gsize              length,
                                           const NbImportOptions *options,
                                           NbImportSummary   *summary,
                                           GPtrArray        **messages,
                                           NbImportSource   **source,
                                           GError           **error);
void       nb_import_message_free         (NbImportMessage   *message);
gboolean   nb_import_messages_have_errors (GPtrArray         *messages);
char      *nb_import_message_to_string    (const NbImportMessage *message);
char      *nb_import_message_to_words     (const NbImportMessage *message);

G_END_DECLS
