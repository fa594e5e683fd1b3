/* nb-import-private.h — the stages of the import after reading
 *
 * Once the source is positioned text (nb-import-doc.h), the stages share
 * one NbImporter: finding the sections and the edition
 * (nb-import-sections.c), matching a table's rows and columns and placing
 * its numbers (nb-import-table.c), all driven by nb_import_report()
 * (nb-import.c); each adds what it could not read to the messages
 * (nb-import-messages.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-import.h"
#include "nb-import-doc.h"
#include "nb-import-value.h"

G_BEGIN_DECLS

typedef struct {
  NbImportDoc        *doc;
  GPtrArray          *messages;
  NbReport           *report;
  const NbEditionDef *edition;
  guint8             *is_value;     /* per cell, an NbImportValueKind */
  guint8             *joined;       /* per cell: read into a table cell with the lines
                                     * its text was wrapped over (nb-import-table.c) */
  gboolean            pdf_text;     /* PDF or its text: paragraphs by indent */
  gboolean            html;
  gboolean            ocr;          /* text an OCR tool read off a page (nb_import_looks_like_ocr()) */
  guint               n_label_typos; /* row labels matched with one character wrong */
  GHashTable         *placed_from;  /* cell address → 1 + the first source cell its value was read from */
  guint               n_placed;     /* table cells given a number or a marker */
  guint               n_blank;      /* table cells published blank and imported blank */
  guint               n_unplaced;   /* numbers of the source not placed */
  NbImportSource     *source;       /* where the numbers came from, when asked; */
  char               *text;         /* ... and the text read (not a PDF or a page) */
} NbImporter;

void nb_importer_add_message (NbImporter       *im,
                              NbImportSeverity  severity,
                              const char       *address,
                              const char       *format,
                              ...) G_GNUC_PRINTF (4, 5);

static inline NbImportCell *
nb_importer_cell (NbImporter *im,
                  guint       i)
{
  return &g_array_index (im->doc->cells, NbImportCell, i);
}

static inline NbImportLine *
nb_importer_line_of (NbImporter *im,
                     guint       cell)
{
  return &g_array_index (im->doc->lines, NbImportLine, nb_importer_cell (im, cell)->line);
}

char *nb_importer_where (NbImporter *im,
                         guint       cell);
void  nb_importer_locate_message (NbImporter *im,
                                  guint       first,
                                  guint       last);

/* ---- Sections, edition and title (nb-import-sections.c) ---- */

typedef struct {
  int       year;
  char     *organ;
  char     *title;      /* a title line, when one stands alone */
  int       line;       /* the cell of the title or the opening sentence, or -1 */
  gboolean  standalone;
} NbImportTitle;

void      nb_import_title_clear          (NbImportTitle *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NbImportTitle, nb_import_title_clear)

void      nb_import_find_headings        (NbImporter    *im,
                                          int           *heading);
int       nb_import_next_heading         (const int     *heading,
                                          guint          section,
                                          int            fallback);
guint     nb_import_count_edition_signals (NbEdition     edition,
                                          const char    *text);
void      nb_import_find_title           (NbImporter    *im,
                                          guint          end_cell,
                                          NbImportTitle *info);
int       nb_import_find_header          (NbImporter       *im,
                                          const NbTableDef *def,
                                          guint             from,
                                          guint             to,
                                          guint             own_from,
                                          guint             own_to);
char     *nb_import_section_text         (NbImporter    *im,
                                          guint          first_cell,
                                          guint          end_cell);
char     *nb_import_cut_page_header      (NbImporter    *im,
                                          const char    *text);
char     *nb_import_cut_page_trailer     (NbImporter    *im,
                                          const char    *text);
char     *nb_import_strip_signature      (NbImporter    *im,
                                          const char    *text);

/* ---- Tables (nb-import-table.c) ---- */

const char *nb_import_table_name (const NbTableDef *def);
void        nb_import_table      (NbImporter       *im,
                                  NbTable          *table,
                                  guint             start,
                                  guint             end);
void        nb_import_table_hold_unchecked (NbImporter *im,
                                            NbTable    *table);

/* ---- The source kept for display (nb-import-source.c) ---- */

NbImportSource *nb_import_source_new_private     (void);
void            nb_import_source_note_cell       (NbImportSource    *self,
                                                  const char        *address,
                                                  guint              first,
                                                  guint              last);
void            nb_import_source_note_unplaced   (NbImportSource    *self,
                                                  const char        *message,
                                                  const char        *where,
                                                  guint              first,
                                                  guint              last);
void            nb_import_source_resolve_private (NbImportSource    *self,
                                                  const NbImportDoc *doc,
                                                  GBytes            *pdf,
                                                  char              *text);

G_END_DECLS
