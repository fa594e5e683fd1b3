/* nb-office-common.c — what the office formats share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-office"

#include "config.h"

#include <pango/pango.h>

#include "nb-office-common.h"
#include "nb-page-renderer.h"

static const char *const role_properties[NB_OFFICE_N_FONTS] = {
  [NB_OFFICE_FONT_TITLE] = "title-font",
  [NB_OFFICE_FONT_HEADING] = "heading-font",
  [NB_OFFICE_FONT_SUBHEADING] = "subheading-font",
  [NB_OFFICE_FONT_BODY] = "body-font",
  [NB_OFFICE_FONT_FOLIO] = "folio-font",
};

static char *
entry_family (const char *entry)
{
  PangoFontDescription *desc = pango_font_description_from_string (entry);
  char *family = g_strdup (pango_font_description_get_family (desc));

  pango_font_description_free (desc);
  return family;
}

/**
 * nb_office_font_family:
 * @alternative: (out) (optional) (transfer full): the face's Chinese
 *   name (仿宋 for FangSong), which Word shows, or %NULL
 *
 * The face a Word document names for a role of the print: the first of
 * the print's fallbacks (its default of the renderer's property), the
 * face of the official typography.  Word, WPS and LibreOffice put in
 * their own substitute where it is not installed, as the print falls
 * back along its list.
 *
 * Returns: (transfer full): the family
 */
char *
nb_office_font_family (NbOfficeFont   role,
                       char         **alternative)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (NB_TYPE_PAGE_RENDERER);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                    role_properties[role]);
  const GValue *value = g_param_spec_get_default_value (pspec);
  g_auto(GStrv) entries = g_strsplit (g_value_get_string (value), ",", -1);

  if (alternative != NULL)
    {
      *alternative = NULL;
      for (guint i = 1; entries[i] != NULL && *alternative == NULL; i++)
        {
          g_autofree char *family = entry_family (entries[i]);

          for (const char *p = family; *p != '\0'; p = g_utf8_next_char (p))
            if (g_unichar_iswide (g_utf8_get_char (p)))
              {
                *alternative = g_steal_pointer (&family);
                break;
              }
        }
    }
  return entry_family (entries[0]);
}
