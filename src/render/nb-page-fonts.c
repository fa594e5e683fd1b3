/* nb-page-fonts.c — the printed report's fonts and text layouts
 *
 * The Pango context the renderer lays out with, the font of each role
 * (the first installed family of its list), layouts in those fonts, and
 * the account of the faces the pages use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-render"

#include "config.h"

#include <cairo-pdf.h>

#include "nb-display-text.h"
#include "nb-page-renderer-private.h"

void
_nb_page_prepare_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_surface_t *paper = cairo_pdf_surface_create (NULL, 1, 1);

  /* Outline metrics, so that the layout is the same on paper, in the PDF
   * and on the screen.  They are the PDF surface's options (no hinting,
   * grey antialiasing, unrounded glyph positions): cairo then draws a PDF
   * with the very fonts the layout measured, instead of setting up each
   * face and size again and loading every glyph twice. */
  cairo_surface_get_font_options (paper, options);
  cairo_surface_destroy (paper);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
}

/**
 * nb_page_renderer_set_pango_context:
 * @context: (nullable): the context to lay text out with, such as
 *   gtk_print_context_create_pango_context(); %NULL for the renderer's
 *   own (the default cairo font map)
 *
 * Its resolution does not matter (font sizes are absolute); the renderer
 * gives it the font options of cairo's PDF surface (no hinting).  Setting
 * it lays the pages out anew.
 */

PangoContext *
_nb_page_get_context (NbPageRenderer *self)
{
  if (self->context == NULL)
    {
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      _nb_page_prepare_context (self->context);
    }
  return self->context;
}

static gboolean
family_installed (NbPageRenderer *self,
                  const char     *family)
{
  if (self->installed == NULL)
    {
      PangoFontFamily **families = NULL;
      int n = 0;

      self->installed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      pango_font_map_list_families (pango_context_get_font_map (_nb_page_get_context (self)),
                                    &families, &n);
      for (int i = 0; i < n; i++)
        g_hash_table_add (self->installed,
                          g_utf8_casefold (pango_font_family_get_name (families[i]), -1));
      g_free (families);
    }

  {
    g_autofree char *key = g_utf8_casefold (family, -1);
    return g_hash_table_contains (self->installed, key);
  }
}

PangoFontDescription *
_nb_page_resolve_font (NbPageRenderer *self,
                       const char     *spec)
{
  g_auto(GStrv) entries = g_strsplit (spec, ",", -1);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      PangoFontDescription *desc = pango_font_description_from_string (g_strstrip (entries[i]));
      const char *family = pango_font_description_get_family (desc);

      if (family != NULL && family_installed (self, family))
        return desc;
      pango_font_description_free (desc);
    }
  /* None is installed: let fontconfig fall back through the list. */
  return pango_font_description_from_string (spec);
}

void
_nb_page_account_layout (NbPageRenderer *self,
                         PangoLayout    *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  self->unknown_glyphs += pango_layout_get_unknown_glyphs_count (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL)
        {
          PangoFontDescription *desc = pango_font_describe (run->item->analysis.font);
          char *name;

          /* The face without its size: "Noto Serif CJK SC Bold" */
          pango_font_description_unset_fields (desc, PANGO_FONT_MASK_SIZE
                                                     | PANGO_FONT_MASK_VARIATIONS);
          name = pango_font_description_to_string (desc);
          if (!g_hash_table_contains (self->fonts_used, name))
            g_hash_table_add (self->fonts_used, name);
          else
            g_free (name);
          pango_font_description_free (desc);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

/* A layout of @text in a role's font at @size points; @width <= 0 for no
 * wrapping. */
PangoLayout *
_nb_page_make_layout (NbPageRenderer *self,
                      FontRole        role,
                      double          size,
                      const char     *text,
                      double          width,
                      PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (_nb_page_get_context (self));
  PangoFontDescription *desc = pango_font_description_copy (self->desc[role]);
  g_autofree char *shown = NULL;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  shown = nb_display_text (text, NULL);
  pango_layout_set_text (layout, shown, -1);
  return layout;
}

void
_nb_page_layout_size (PangoLayout *layout,
                      double      *width,
                      double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}
