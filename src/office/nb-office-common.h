/* nb-office-common.h — what the office formats share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The paragraph and character styles of a Nianbao .docx; the reader
 * knows its own signature block by its style. */
#define NB_DOCX_STYLE_TITLE      "Title"
#define NB_DOCX_STYLE_HEADING    "Heading1"
#define NB_DOCX_STYLE_BODY       "NbBody"
#define NB_DOCX_STYLE_TABLE      "NbTableText"
#define NB_DOCX_STYLE_SIGNATURE  "NbSignature"
#define NB_DOCX_STYLE_SUBHEADING "NbSubheading"

/* The print's font roles (NbPageRenderer's *-font properties). */
typedef enum {
  NB_OFFICE_FONT_TITLE,
  NB_OFFICE_FONT_HEADING,
  NB_OFFICE_FONT_SUBHEADING,
  NB_OFFICE_FONT_BODY,
  NB_OFFICE_FONT_FOLIO,
  NB_OFFICE_N_FONTS
} NbOfficeFont;

char *nb_office_font_family (NbOfficeFont   role,
                             char         **alternative);

G_END_DECLS
