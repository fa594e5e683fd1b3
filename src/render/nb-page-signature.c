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

/* A rule to sign on: six characters long, never fewer than three; the
 * block is set flush right and begins no further left than BLOCK_LEFT of
 * the text block's width. */
#define BLANK      (6 * BODY_SIZE)
#define MIN_BLANK  (3 * BODY_SIZE)
#define BLOCK_LEFT 0.35

static PangoLayout *
signature_layout (NbPageRenderer *self,
                  const char     *text,
                  double          width)
{
  PangoLayout *layout = _nb_page_make_layout (self, FONT_BODY, BODY_SIZE, text, width,
                                              PANGO_ALIGN_LEFT);
  _nb_page_account_layout (self, layout);
  return layout;
}

static PangoLayout *
value_layout (NbPageRenderer  *self,
              NbSignatureLine  line,
              double           width)
{
  const char *value = nb_report_get_signature_value (self->report, line);
  return *value != '\0' ? signature_layout (self, value, width) : NULL;
}

static double
layout_width (PangoLayout *layout)
{
  double w;

  _nb_page_layout_size (layout, &w, NULL);
  return w;
}

static guint
layout_lines (PangoLayout *layout)
{
  return layout != NULL ? (guint) pango_layout_get_line_count (layout) : 0;
}

static void
place_layout (Flow        *f,
              PangoLayout *layout,
              double       x,
              double       top)
{
  double w, h;

  _nb_page_layout_size (layout, &w, &h);
  _nb_flow_add_item (f, (Item) { .kind = ITEM_LAYOUT, .x = x, .y = top,
                                 .layout = g_object_ref (layout) });
  _nb_page_add_box (f->page, NB_PAGE_BOX_TEXT, x, top, w, h);
}

/* One line of the block: @label from @x, then @value or a rule to sign
 * on from @column to @right, so that every line's blank starts and ends
 * where the others' do.  Returns the lines it took. */
static guint
place_entry (Flow        *f,
             PangoLayout *label,
             PangoLayout *value,
             double       x,
             double       column,
             double       right)
{
  double baseline = f->y + BODY_PITCH * 0.7;
  double top = baseline - (double) pango_layout_get_baseline (label) / PANGO_SCALE;

  place_layout (f, label, x, top);
  if (value != NULL)
    place_layout (f, value, column, top);
  else
    {
      _nb_flow_add_item (f, (Item) { .kind = ITEM_RULE, .x = column, .y = baseline + 3,
                                     .width = right - column });
      _nb_page_add_box (f->page, NB_PAGE_BOX_TEXT, column, baseline + 2.5, right - column, 1);
    }
  return MAX (MAX (layout_lines (label), layout_lines (value)), 1);
}

/* A line of the foot (the organ, （单位盖章）, the date), centred on
 * @center but never past @right. */
static void
place_centred (Flow        *f,
               PangoLayout *layout,
               double       center,
               double       right)
{
  double w = layout_width (layout);

  place_layout (f, layout, MIN (center - w / 2, right - w),
                f->y + (BODY_PITCH - BODY_SIZE * 1.44) / 2);
  f->y += BODY_PITCH * layout_lines (layout);
}

/* After section 六, kept on one page: the signature lines flush right,
 * their blanks in one column; then about 45 mm for the seal, which covers
 * the organ's name, （单位盖章） and the date at its foot. */
void
_nb_flow_signature (Flow *f)
{
  NbPageRenderer *self = f->self;
  NbReport *report = self->report;
  const double right = f->left + f->width;
  const double widest = f->width * (1 - BLOCK_LEFT);
  const double half = f->width / 2;
  g_autofree char *date = nb_render_format_date (nb_report_get_date (report));
  g_autoptr(PangoLayout) organ = NULL, seal = NULL, date_layout = NULL;
  PangoLayout *labels[NB_SIGNATURE_PHONE + 1] = { NULL }, *values[NB_SIGNATURE_PHONE + 1] = { NULL };
  NbSignatureLine shown[NB_SIGNATURE_PHONE + 1];
  double column = 0, blank = BLANK, x0;
  guint n_shown = 0, n_lines = 0, n_foot;

  for (NbSignatureLine line = NB_SIGNATURE_HEAD; line <= NB_SIGNATURE_PHONE; line++)
    if (nb_report_get_signature_shown (report, line))
      shown[n_shown++] = line;
  for (guint i = 0; i < n_shown; i++)
    {
      labels[i] = signature_layout (self, nb_report_get_signature_label (report, shown[i]),
                                    widest - MIN_BLANK);
      column = MAX (column, layout_width (labels[i]));
      values[i] = value_layout (self, shown[i], -1);
      if (values[i] != NULL)
        blank = MAX (blank, layout_width (values[i]));
    }
  x0 = MAX (right - widest, right - column - blank);
  for (guint i = 0; i < n_shown; i++)
    {
      if (values[i] != NULL && layout_width (values[i]) > right - x0 - column)
        {
          pango_layout_set_width (values[i], (int) ((right - x0 - column) * PANGO_SCALE));
          pango_layout_set_wrap (values[i], PANGO_WRAP_WORD_CHAR);
        }
      n_lines += MAX (layout_lines (labels[i]), layout_lines (values[i]));
    }
  if (*nb_report_get_organ (report) != '\0')
    organ = signature_layout (self, nb_report_get_organ (report), half);
  if (nb_report_get_signature_shown (report, NB_SIGNATURE_SEAL))
    seal = signature_layout (self, nb_report_get_signature_label (report, NB_SIGNATURE_SEAL), half);
  if (*date != '\0')
    date_layout = signature_layout (self, date, half);
  n_foot = layout_lines (organ) + layout_lines (seal) + 1;

  _nb_flow_ensure (f, BODY_PITCH + n_lines * BODY_PITCH
                      + MAX (SEAL_SPACE + BODY_PITCH, n_foot * BODY_PITCH));
  if (!_nb_flow_at_top (f))
    f->y += BODY_PITCH;
  for (guint i = 0; i < n_shown; i++)
    {
      f->y += BODY_PITCH * place_entry (f, labels[i], values[i], x0, x0 + column, right);
      g_object_unref (labels[i]);
      g_clear_object (&values[i]);
    }

  /* the foot ends a seal's height below the lines, four characters in
   * from the right edge as GB/T 9704 places a date */
  f->y += MAX (SEAL_SPACE + BODY_PITCH - n_foot * BODY_PITCH, 0);
  for (guint i = 0; i < 3; i++)
    {
      PangoLayout *layout = (PangoLayout *[]) { organ, seal, date_layout }[i];

      if (layout != NULL)
        place_centred (f, layout, right - 7 * BODY_SIZE, right);
    }
  if (date_layout == NULL)
    f->y += BODY_PITCH;
}
