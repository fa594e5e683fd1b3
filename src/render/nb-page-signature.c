/* nb-page-signature.c — the signature block of the printed report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-render"

#include "config.h"

#include "nb-page-renderer-private.h"
#include "nb-render-common.h"

/* ---- The signature block ------------------------------------------------------- */

#define SEAL_SPACE (45 * MM)

typedef struct {
  PangoLayout *label;
  PangoLayout *value;        /* NULL: a blank to fill in by hand */
  PangoLayout *label2;       /* a second entry on the same line (联系电话) */
  PangoLayout *value2;
} SignatureLine;

static PangoLayout *
signature_layout (NbPageRenderer *self,
                  const char     *text)
{
  PangoLayout *layout = _nb_page_make_layout (self, FONT_BODY, BODY_SIZE, text, -1,
                                              PANGO_ALIGN_LEFT);
  _nb_page_account_layout (self, layout);
  return layout;
}

/* Places @label then @value, or a rule as long as @blank, from @x. */
static double
place_entry (Flow        *f,
             PangoLayout *label,
             PangoLayout *value,
             double       x,
             double       blank,
             double       baseline)
{
  double w;
  double top = baseline - (double) pango_layout_get_baseline (label) / PANGO_SCALE;

  _nb_page_layout_size (label, &w, NULL);
  _nb_flow_add_item (f, (Item) { .kind = ITEM_LAYOUT, .x = x, .y = top,
                                 .layout = g_object_ref (label) });
  _nb_page_add_box (f->page, NB_PAGE_BOX_TEXT, x, top, w, BODY_SIZE * 1.2);
  x += w;
  if (value != NULL)
    {
      _nb_page_layout_size (value, &w, NULL);
      _nb_flow_add_item (f, (Item) { .kind = ITEM_LAYOUT, .x = x, .y = top,
                                     .layout = g_object_ref (value) });
      _nb_page_add_box (f->page, NB_PAGE_BOX_TEXT, x, top, w, BODY_SIZE * 1.2);
      return x + w;
    }
  _nb_flow_add_item (f, (Item) { .kind = ITEM_RULE, .x = x, .y = baseline + 3, .width = blank });
  _nb_page_add_box (f->page, NB_PAGE_BOX_TEXT, x, baseline + 2.5, blank, 1);
  return x + blank;
}

static PangoLayout *
value_layout (NbPageRenderer  *self,
              NbSignatureLine  line)
{
  const char *value = nb_report_get_signature_value (self->report, line);
  return *value != '\0' ? signature_layout (self, value) : NULL;
}

static double
entry_width (PangoLayout *label,
             PangoLayout *value,
             double       blank)
{
  double w1, w2 = blank;

  _nb_page_layout_size (label, &w1, NULL);
  if (value != NULL)
    _nb_page_layout_size (value, &w2, NULL);
  return w1 + w2;
}

/* After section 六, in the right half of the text block, kept on one page:
 * the signature lines, about 45 mm for the seal with （单位盖章） at its
 * foot, and the date. */
void
_nb_flow_signature (Flow *f)
{
  NbPageRenderer *self = f->self;
  NbReport *report = self->report;
  const double x0 = f->left + f->width / 2;
  const double right = f->left + f->width;
  const double blank = 5 * BODY_SIZE;
  const double gap = BODY_SIZE;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *date = nb_render_format_date (nb_report_get_date (report));
  g_autoptr(PangoLayout) date_layout = NULL;
  g_autoptr(PangoLayout) seal = NULL;
  PangoLayout *rows[4][4] = { { NULL } };
  guint n_rows = 0;
  double height, center, w;

  for (NbSignatureLine line = NB_SIGNATURE_HEAD; line <= NB_SIGNATURE_PHONE; line++)
    {
      PangoLayout *label, *value;

      if (!nb_report_get_signature_shown (report, line))
        continue;
      label = signature_layout (self, nb_report_get_signature_label (report, line));
      value = value_layout (self, line);
      g_ptr_array_add (lines, label);
      if (value != NULL)
        g_ptr_array_add (lines, value);

      /* 联系电话 joins the line of 填报人 when both fit in the half */
      if (line == NB_SIGNATURE_PHONE && n_rows > 0 && rows[n_rows - 1][0] != NULL
          && nb_report_get_signature_shown (report, NB_SIGNATURE_PREPARER)
          && x0 + entry_width (rows[n_rows - 1][0], rows[n_rows - 1][1], blank) + gap
             + entry_width (label, value, blank) <= right + EPS)
        {
          rows[n_rows - 1][2] = label;
          rows[n_rows - 1][3] = value;
          continue;
        }
      rows[n_rows][0] = label;
      rows[n_rows][1] = value;
      n_rows++;
    }
  if (nb_report_get_signature_shown (report, NB_SIGNATURE_SEAL))
    seal = signature_layout (self, nb_report_get_signature_label (report, NB_SIGNATURE_SEAL));
  if (*date != '\0')
    date_layout = signature_layout (self, date);

  height = BODY_PITCH + n_rows * BODY_PITCH + SEAL_SPACE + BODY_PITCH;
  _nb_flow_ensure (f, height);
  if (!_nb_flow_at_top (f))
    f->y += BODY_PITCH;

  for (guint i = 0; i < n_rows; i++)
    {
      double baseline = f->y + BODY_PITCH * 0.7;
      double x = place_entry (f, rows[i][0], rows[i][1], x0,
                              MIN (blank, right - x0 - entry_width (rows[i][0], NULL, 0)),
                              baseline);

      if (rows[i][2] != NULL)
        place_entry (f, rows[i][2], rows[i][3], x + gap,
                     right - (x + gap) - entry_width (rows[i][2], NULL, 0), baseline);
      f->y += BODY_PITCH;
    }

  /* The seal overlaps the date; both are centred on the same point, four
   * characters in from the right edge as GB/T 9704 places a date. */
  center = right - 4 * BODY_SIZE - 3 * BODY_SIZE;
  f->y += SEAL_SPACE - BODY_PITCH;
  if (seal != NULL)
    {
      _nb_page_layout_size (seal, &w, NULL);
      _nb_flow_add_item (f, (Item) { .kind = ITEM_LAYOUT, .x = center - w / 2,
                                     .y = f->y + (BODY_PITCH - BODY_SIZE * 1.44) / 2,
                                     .layout = g_object_ref (seal) });
      _nb_page_add_box (f->page, NB_PAGE_BOX_TEXT, center - w / 2, f->y, w, BODY_PITCH);
    }
  f->y += BODY_PITCH;
  if (date_layout != NULL)
    {
      _nb_page_layout_size (date_layout, &w, NULL);
      _nb_flow_add_item (f, (Item) { .kind = ITEM_LAYOUT, .x = center - w / 2,
                                     .y = f->y + (BODY_PITCH - BODY_SIZE * 1.44) / 2,
                                     .layout = g_object_ref (date_layout) });
      _nb_page_add_box (f->page, NB_PAGE_BOX_TEXT, center - w / 2, f->y, w, BODY_PITCH);
    }
  f->y += BODY_PITCH;
}
