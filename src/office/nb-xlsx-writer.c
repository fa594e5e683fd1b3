/* nb-xlsx-writer.c — the tables and the 汇总 as spreadsheets (docs/office-formats.md)
 *
 * A report's workbook has one sheet per section with tables (二, 三,
 * 四), each form in its official layout: the edition's header cells as
 * merged ranges, the group labels merged down their rows, every number
 * a number (amounts in 万元), an empty cell left empty, a marker (“/”)
 * kept as text, and every total that equals its parts as a formula
 * (=SUM(...)) that the spreadsheet recomputes.  A last sheet lists the
 * findings the caller passes in.
 *
 * A 汇总's workbook has one row per unit and one column per cell key
 * (table.row.column), and a last row summing each column by formula:
 * what a superior office pastes into its own sheets.
 *
 * libxlsxwriter writes the file into a private temporary folder; it is
 * then copied beside the target and renamed over it (nb-report-file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-office"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "nb-finding.h"
#include "nb-report-file.h"
#include "nb-xlsx-writer.h"

#define CAPTION_FILL 0xEDEDED

typedef struct {
  lxw_workbook *book;
  char         *folder;
  char         *file;
  lxw_format   *header;    /* header cells and group labels: centred */
  lxw_format   *label;     /* row labels */
  lxw_format   *count;     /* whole numbers */
  lxw_format   *amount;    /* 万元, up to six decimals (NB_AMOUNT_DECIMALS) */
  lxw_format   *text;      /* a marker in a number cell */
  lxw_format   *caption;   /* 第二十条第（一）项 */
  lxw_format   *title;
} Book;

static lxw_format *
bordered (lxw_workbook *book,
          uint8_t       align)
{
  lxw_format *format = workbook_add_format (book);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, align);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (format);
  return format;
}

static gboolean
book_open (Book    *b,
           GError **error)
{
  lxw_workbook_options options = { 0 };

  b->folder = g_dir_make_tmp ("nianbao-xlsx-XXXXXX", error);
  if (b->folder == NULL)
    return FALSE;
  b->file = g_build_filename (b->folder, "book.xlsx", NULL);
  options.tmpdir = b->folder;
  b->book = workbook_new_opt (b->file, &options);
  if (b->book == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not start the spreadsheet in “%s”"), b->folder);
      return FALSE;
    }
  b->header = bordered (b->book, LXW_ALIGN_CENTER);
  b->label = bordered (b->book, LXW_ALIGN_LEFT);
  b->count = bordered (b->book, LXW_ALIGN_RIGHT);
  format_set_num_format (b->count, "0");
  b->amount = bordered (b->book, LXW_ALIGN_RIGHT);
  format_set_num_format (b->amount, "0.######");
  b->text = bordered (b->book, LXW_ALIGN_RIGHT);
  b->caption = bordered (b->book, LXW_ALIGN_LEFT);
  format_set_bg_color (b->caption, CAPTION_FILL);
  b->title = workbook_add_format (b->book);
  format_set_bold (b->title);
  return TRUE;
}

/* Closes the workbook when it is open and removes the temporary folder. */
static void
book_clear (Book *b)
{
  if (b->book != NULL)
    workbook_close (g_steal_pointer (&b->book));
  if (b->file != NULL)
    g_unlink (b->file);
  if (b->folder != NULL)
    g_rmdir (b->folder);
  g_clear_pointer (&b->file, g_free);
  g_clear_pointer (&b->folder, g_free);
}

/* Closes the workbook and returns its bytes. */
static GBytes *
book_close (Book    *b,
            GError **error)
{
  g_autofree char *data = NULL;
  gsize length;
  lxw_error status = workbook_close (g_steal_pointer (&b->book));
  gboolean read = FALSE;

  if (status != LXW_NO_ERROR)
    /* TRANSLATORS: %s is libxlsxwriter's own (English) message */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the spreadsheet: %s"),
                 lxw_strerror (status));
  else
    read = g_file_get_contents (b->file, &data, &length, error);
  book_clear (b);
  return read ? g_bytes_new_take (g_steal_pointer (&data), length) : NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Book, book_clear)

static double
cell_number (NbCellKind kind,
             gint64     number)
{
  return kind == NB_CELL_KIND_AMOUNT ? (double) number / NB_AMOUNT_SCALE : (double) number;
}

/* ---- A report's forms ------------------------------------------------------------ */

typedef struct {
  Book             *b;
  lxw_worksheet    *sheet;
  const NbTableDef *def;
  NbTable          *table;
  guint             n_grid;   /* columns of the sheet's forms */
  lxw_row_t         top;      /* the sheet row of the form's first data row */
} Form;

/* A range of the form, merged when it is more than one cell. */
static void
put_text (Form       *f,
          lxw_row_t   row,
          lxw_col_t   col,
          guint       n_rows,
          guint       n_cols,
          const char *text,
          lxw_format *format)
{
  if (n_rows > 1 || n_cols > 1)
    worksheet_merge_range (f->sheet, row, col, row + n_rows - 1, col + n_cols - 1,
                           text != NULL ? text : "", format);
  else if (text != NULL && *text != '\0')
    worksheet_write_string (f->sheet, row, col, text, format);
  else
    worksheet_write_blank (f->sheet, row, col, format);
}

/* The columns a form's column spans: the last one of a form narrower
 * than the sheet's grid takes the rest of it (section 二). */
static guint
grid_span (const Form *f,
           guint       column,
           guint       span)
{
  return column + span == f->def->n_label_columns + f->def->n_columns ? f->n_grid - column : span;
}

/* =SUM() of a total's parts, when the total is what its parts add up to. */
static char *
total_formula (Form  *f,
               guint  r,
               guint  c)
{
  const NbTableDef *def = f->def;
  lxw_col_t col = (lxw_col_t) (def->n_label_columns + c);
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  gint64 sum;

  if (!nb_table_is_total (f->table, r, c) || nb_table_is_overridden (f->table, r, c)
      || !nb_table_sum_parts (f->table, r, c, &sum) || sum != nb_table_get_number (f->table, r, c))
    return NULL;
  /* as the model: a total column sums across, else a total row down */
  if (def->columns[c].n_parts > 0)
    lxw_rowcol_to_range (range, f->top + r, col - def->columns[c].n_parts, f->top + r, col - 1);
  else
    lxw_rowcol_to_range (range, f->top + r - def->rows[r].n_parts, col, f->top + r - 1, col);
  return g_strdup_printf ("=SUM(%s)", range);
}

static void
put_value (Form  *f,
           guint  r,
           guint  c)
{
  lxw_row_t row = f->top + r;
  lxw_col_t col = (lxw_col_t) (f->def->n_label_columns + c);
  guint span = grid_span (f, col, 1);
  NbCellKind kind = nb_table_get_kind (f->table, c);
  lxw_format *format = kind == NB_CELL_KIND_AMOUNT ? f->b->amount : f->b->count;
  const char *note = nb_table_get_note (f->table, r, c);

  if (span > 1)
    worksheet_merge_range (f->sheet, row, col, row, col + span - 1, "", format);
  switch (nb_table_get_state (f->table, r, c))
    {
    case NB_CELL_EMPTY:
      worksheet_write_blank (f->sheet, row, col, format);
      break;
    case NB_CELL_MARKER:
      worksheet_write_string (f->sheet, row, col, nb_table_get_marker (f->table, r, c), f->b->text);
      break;
    case NB_CELL_NUMBER:
    default:
      {
        g_autofree char *formula = total_formula (f, r, c);
        double value = cell_number (kind, nb_table_get_number (f->table, r, c));

        if (formula != NULL)
          worksheet_write_formula_num (f->sheet, row, col, formula, format, value);
        else
          worksheet_write_number (f->sheet, row, col, value, format);
      }
      break;
    }
  /* 39（市政府、市政府办印发）: the number stays a number, the note a comment */
  if (note != NULL && *note != '\0')
    worksheet_write_comment (f->sheet, row, col, note);
}

/* Writes a form from sheet row @row on; returns the row after it. */
static lxw_row_t
put_form (Form      *f,
          lxw_row_t  row)
{
  const NbTableDef *def = f->def;
  guint nl = def->n_label_columns;

  if (def->caption != NULL)
    put_text (f, row++, 0, 1, f->n_grid, def->caption, f->b->caption);
  for (guint i = 0; i < def->n_header_cells; i++)
    {
      const NbHeaderCell *h = &def->header[i];
      put_text (f, row + h->row, h->column, h->row_span, grid_span (f, h->column, h->column_span),
                h->text, f->b->header);
    }
  f->top = row + def->n_header_rows;

  for (guint r = 0; r < def->n_rows; r++)
    {
      const NbRowDef *rd = &def->rows[r];
      guint first = rd->group == NULL ? 0 : rd->subgroup == NULL ? 1 : 2;

      for (guint level = 0; level < first && nl > 0; level++)
        {
          guint n_rows = nb_table_def_label_rows (def, level, r);
          if (n_rows > 0)
            put_text (f, f->top + r, level, n_rows, 1, level == 0 ? rd->group : rd->subgroup,
                      f->b->header);
        }
      if (nl > 0)
        put_text (f, f->top + r, first, 1, nl - first, rd->label, f->b->label);
      for (guint c = 0; c < def->n_columns; c++)
        put_value (f, r, c);
    }
  return f->top + def->n_rows;
}

static void
section_sheet (Book     *b,
               NbReport *report,
               guint     section)
{
  const NbEditionDef *edition = nb_report_get_edition_def (report);
  Form form = { .b = b };
  lxw_row_t row = 2;
  guint nl = 0;

  for (guint i = 0; i < edition->n_tables; i++)
    if (edition->tables[i].section == section)
      {
        nl = edition->tables[i].n_label_columns;
        form.n_grid = MAX (form.n_grid, nl + edition->tables[i].n_columns);
      }
  if (form.n_grid == 0)
    return;

  form.sheet = workbook_add_worksheet (b->book, nb_section_heading (section));
  worksheet_write_string (form.sheet, 0, 0, nb_section_heading (section), b->title);
  /* widths in characters: the labels wide enough for one line of the
   * print's label columns, the numbers for a dozen digits */
  if (nl == 3)
    {
      worksheet_set_column (form.sheet, 0, 0, 8, NULL);
      worksheet_set_column (form.sheet, 1, 1, 12, NULL);
      worksheet_set_column (form.sheet, 2, 2, 44, NULL);
    }
  else if (nl > 0)
    worksheet_set_column (form.sheet, 0, (lxw_col_t) nl - 1, 24, NULL);
  worksheet_set_column (form.sheet, (lxw_col_t) nl, (lxw_col_t) form.n_grid - 1,
                        nl > 0 ? 14 : 10, NULL);

  for (guint i = 0; i < edition->n_tables; i++)
    {
      if (edition->tables[i].section != section)
        continue;
      form.def = &edition->tables[i];
      form.table = nb_report_get_table_at (report, i);
      row = put_form (&form, row) + 1;
    }
}

static void
findings_sheet (Book       *b,
                GListModel *findings)
{
  /* TRANSLATORS: the name of a spreadsheet's sheet (at most 31 characters) */
  lxw_worksheet *sheet = workbook_add_worksheet (b->book, _("Findings"));
  const char *headers[] = { _("Severity"), _("Rule"), _("Section"), _("Cells"), _("Message") };
  guint n = findings != NULL ? g_list_model_get_n_items (findings) : 0;

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, (lxw_col_t) c, headers[c], b->title);
  worksheet_set_column (sheet, 0, 2, 10, NULL);
  worksheet_set_column (sheet, 3, 3, 36, NULL);
  worksheet_set_column (sheet, 4, 4, 90, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *cells = g_strjoinv (", ", (char **) nb_finding_get_cells (finding));
      lxw_row_t row = i + 1;

      worksheet_write_string (sheet, row, 0, nb_severity_get_label (nb_finding_get_severity (finding)),
                              NULL);
      worksheet_write_string (sheet, row, 1, nb_finding_get_rule (finding), NULL);
      if (nb_finding_get_section (finding) > 0)
        worksheet_write_string (sheet, row, 2, nb_section_heading (nb_finding_get_section (finding)),
                                NULL);
      if (*cells != '\0')
        worksheet_write_string (sheet, row, 3, cells, NULL);
      worksheet_write_string (sheet, row, 4, nb_finding_get_message (finding), NULL);
    }
}

/**
 * nb_xlsx_export_report:
 * @findings: (nullable): a list of #NbFinding for the report, from the
 *   caller's checker
 *
 * The report's tables, and the findings, as an .xlsx workbook.
 *
 * Returns: (transfer full): the workbook's bytes, or %NULL with @error set
 */
GBytes *
nb_xlsx_export_report (NbReport    *report,
                       GListModel  *findings,
                       GError     **error)
{
  g_auto(Book) b = { NULL };

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  if (!book_open (&b, error))
    return NULL;
  for (guint section = 1; section <= NB_N_SECTIONS; section++)
    section_sheet (&b, report, section);
  findings_sheet (&b, findings);
  return book_close (&b, error);
}

/* ---- The 汇总 ----------------------------------------------------------------------- */

/* A unit's cell by the stable key of the summary's cell: units of
 * another edition may lack it. */
static NbCellState
unit_cell (NbReport         *unit,
           const NbTableDef *def,
           guint             r,
           guint             c,
           gint64           *number,
           const char      **marker)
{
  NbTable *table = nb_report_get_table (unit, def->key);
  const NbTableDef *udef;
  int ur, uc;

  if (table == NULL)
    return NB_CELL_EMPTY;
  udef = nb_table_get_def (table);
  ur = nb_table_def_find_row (udef, def->rows[r].key);
  uc = nb_table_def_find_column (udef, def->columns[c].key);
  if (ur < 0 || uc < 0)
    return NB_CELL_EMPTY;
  *number = nb_table_get_number (table, (guint) ur, (guint) uc);
  *marker = nb_table_get_marker (table, (guint) ur, (guint) uc);
  return nb_table_get_state (table, (guint) ur, (guint) uc);
}

/* One column of the 汇总: the key and the cell's name, every unit's
 * value, and the sum. */
static void
summary_column (Book             *b,
                lxw_worksheet    *sheet,
                lxw_col_t         col,
                const NbTableDef *def,
                guint             r,
                guint             c,
                GPtrArray        *units)
{
  g_autofree char *key = g_strdup_printf ("%s.%s.%s", def->key, def->rows[r].key,
                                          def->columns[c].key);
  g_autofree char *row_name = nb_table_def_row_name (def, r);
  g_autofree char *name = *row_name != '\0'
                          ? g_strconcat (row_name, "·", def->columns[c].full_label, NULL)
                          : g_strdup (def->columns[c].full_label);
  NbCellKind kind = def->columns[c].kind;
  lxw_format *format = kind == NB_CELL_KIND_AMOUNT ? b->amount : b->count;
  gboolean any = FALSE;
  gint64 sum = 0;
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  lxw_row_t last = (lxw_row_t) (1 + units->len);

  worksheet_write_string (sheet, 0, col, key, b->header);
  worksheet_write_string (sheet, 1, col, name, b->header);
  for (guint u = 0; u < units->len; u++)
    {
      const char *marker = NULL;
      gint64 number = 0;

      switch (unit_cell (units->pdata[u], def, r, c, &number, &marker))
        {
        case NB_CELL_NUMBER:
          worksheet_write_number (sheet, 2 + u, col, cell_number (kind, number), format);
          sum += number;
          any = TRUE;
          break;
        case NB_CELL_MARKER:
          worksheet_write_string (sheet, 2 + u, col, marker, b->text);
          break;
        case NB_CELL_EMPTY:
        default:
          worksheet_write_blank (sheet, 2 + u, col, format);
          break;
        }
    }

  /* the sum of what the units wrote; nothing written, nothing summed */
  if (!any || units->len == 0)
    {
      worksheet_write_blank (sheet, last + 1, col, format);
      return;
    }
  lxw_rowcol_to_range (range, 2, col, last, col);
  {
    g_autofree char *formula = g_strdup_printf ("=SUM(%s)", range);
    worksheet_write_formula_num (sheet, last + 1, col, formula, format, cell_number (kind, sum));
  }
}

/**
 * nb_xlsx_export_summary:
 * @summary: the 汇总 (nb_aggregate()), for its edition and title
 * @units: (element-type NbReport): the units' reports, one row each
 *
 * The 汇总 as an .xlsx workbook: a row per unit (its organ and
 * fingerprint), a column per cell key, and a last row of sums.
 *
 * Returns: (transfer full): the workbook's bytes, or %NULL with @error set
 */
GBytes *
nb_xlsx_export_summary (NbReport    *summary,
                        GPtrArray   *units,
                        GError     **error)
{
  const NbEditionDef *edition;
  g_auto(Book) b = { NULL };
  lxw_worksheet *sheet;
  lxw_col_t col = 2;

  g_return_val_if_fail (NB_IS_REPORT (summary), NULL);
  g_return_val_if_fail (units != NULL, NULL);

  if (!book_open (&b, error))
    return NULL;
  edition = nb_report_get_edition_def (summary);
  /* TRANSLATORS: the name of a spreadsheet's sheet (at most 31 characters) */
  sheet = workbook_add_worksheet (b.book, _("Summary"));
  worksheet_write_string (sheet, 0, 0, _("Unit"), b.header);
  worksheet_write_string (sheet, 0, 1, _("Fingerprint"), b.header);
  worksheet_write_string (sheet, 1, 0, nb_report_get_title (summary), b.header);
  worksheet_write_blank (sheet, 1, 1, b.header);
  worksheet_set_column (sheet, 0, 0, 30, NULL);
  worksheet_set_column (sheet, 1, 1, 18, NULL);

  for (guint u = 0; u < units->len; u++)
    {
      NbReport *unit = units->pdata[u];
      g_autofree char *fingerprint = nb_report_fingerprint (unit);

      worksheet_write_string (sheet, 2 + u, 0, nb_report_get_organ (unit), b.label);
      worksheet_write_string (sheet, 2 + u, 1, fingerprint, b.label);
    }
  worksheet_write_string (sheet, 2 + units->len, 0, _("Total"), b.label);
  worksheet_write_blank (sheet, 2 + units->len, 1, b.label);

  for (guint i = 0; i < edition->n_tables; i++)
    {
      const NbTableDef *def = &edition->tables[i];

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++)
          summary_column (&b, sheet, col++, def, r, c, units);
    }
  worksheet_set_column (sheet, 2, col - 1, 14, NULL);
  worksheet_freeze_panes (sheet, 2, 2);
  return book_close (&b, error);
}
