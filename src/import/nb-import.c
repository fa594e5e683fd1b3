/* nb-import.c — import of published reports
 *
 * The input (HTML or text) is first read into lines of cells
 * (nb-import-private.h).  Section headings and the captions of section
 * 二 cut it into regions, one per table.  In a region, runs of number
 * cells form groups; each group is matched to the next row of the
 * edition's table, in the fixed order of the form, and the row's label
 * must be found right before the group (or starting before it and
 * wrapping around it, as in PDF text).  A group whose label does not
 * match, or whose count of cells is not the table's count of columns, is
 * listed in the messages and not placed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nb-import.h"
#include "nb-import-private.h"
#include "nb-text.h"
#include "nb-value.h"

G_DEFINE_QUARK (nb-import-error-quark, nb_import_error)

/* Labels are compared over at most this many characters each side of a group. */
#define WINDOW_CHARS 400
/* A label whose characters are spread over more than this many extra
 * characters (group labels interleaved by PDF extraction) is no match. */
#define LOOSE_SLACK 12
/* Groups of numbers left over after a table's last row: listed one by one
 * up to this many, then counted. */
#define MAX_REPORTED_GROUPS 20
/* Fewer Traditional characters than this are left alone. */
#define MIN_TRADITIONAL 5

/* ---- Messages -------------------------------------------------------------- */

void
nb_import_options_init (NbImportOptions *options)
{
  options->year = 0;
  options->organ = NULL;
  options->edition = NB_IMPORT_DETECT_EDITION;
}

void
nb_import_message_free (NbImportMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->message);
  g_free (message->address);
  g_free (message);
}

/**
 * nb_import_messages_have_errors:
 * Whether some data could not be placed or a part of the report is missing.
 */
gboolean
nb_import_messages_have_errors (GPtrArray *messages)
{
  for (guint i = 0; messages != NULL && i < messages->len; i++)
    if (((NbImportMessage *) messages->pdata[i])->severity == NB_IMPORT_SEVERITY_ERROR)
      return TRUE;
  return FALSE;
}

/**
 * nb_import_message_to_string:
 * Returns: (transfer full): the message as one line, with its severity and address
 */
char *
nb_import_message_to_string (const NbImportMessage *message)
{
  const char *severity;

  switch (message->severity)
    {
    case NB_IMPORT_SEVERITY_ERROR: severity = _("not imported"); break;
    case NB_IMPORT_SEVERITY_WARNING: severity = _("warning"); break;
    default: severity = _("note"); break;
    }
  if (message->address != NULL)
    return g_strdup_printf ("%s: [%s] %s", severity, message->address, message->message);
  return g_strdup_printf ("%s: %s", severity, message->message);
}

typedef struct {
  NbImportDoc      *doc;
  GPtrArray        *messages;
  NbReport         *report;
  const NbEditionDef *edition;
  guint8           *is_value;     /* per cell */
  gboolean          pdf_text;     /* `pdftotext -layout` text: paragraphs by indent */
  gboolean          html;
  guint             n_blank;      /* blank cells imported as blank */
} Importer;

G_GNUC_PRINTF (4, 5)
static void
add_message (Importer         *im,
             NbImportSeverity  severity,
             const char       *address,
             const char       *format,
             ...)
{
  NbImportMessage *message = g_new0 (NbImportMessage, 1);
  va_list args;

  va_start (args, format);
  message->message = g_strdup_vprintf (format, args);
  va_end (args);
  message->severity = severity;
  message->address = g_strdup (address);
  g_ptr_array_add (im->messages, message);
}

/* ---- The intermediate form ------------------------------------------------ */

NbImportDoc *
nb_import_doc_new (void)
{
  NbImportDoc *doc = g_new0 (NbImportDoc, 1);

  doc->lines = g_array_new (FALSE, FALSE, sizeof (NbImportLine));
  doc->cells = g_array_new (FALSE, FALSE, sizeof (NbImportCell));
  doc->text = g_string_new (NULL);
  return doc;
}

void
nb_import_doc_free (NbImportDoc *doc)
{
  if (doc == NULL)
    return;
  for (guint i = 0; i < doc->lines->len; i++)
    g_free (g_array_index (doc->lines, NbImportLine, i).text);
  for (guint i = 0; i < doc->cells->len; i++)
    {
      NbImportCell *cell = &g_array_index (doc->cells, NbImportCell, i);
      g_free (cell->text);
      g_free (cell->norm);
    }
  g_array_unref (doc->lines);
  g_array_unref (doc->cells);
  if (doc->cell != NULL)
    g_string_free (doc->cell, TRUE);
  if (doc->row != NULL)
    g_ptr_array_unref (doc->row);
  g_string_free (doc->text, TRUE);
  g_free (doc);
}

void
nb_import_doc_add_line (NbImportDoc  *doc,
                        const char   *text,
                        guint         indent,
                        gboolean      is_row,
                        char        **cells,
                        guint         n_cells)
{
  NbImportLine line = { 0 };

  line.text = g_strdup (text);
  line.first_cell = doc->cells->len;
  line.n_cells = n_cells;
  line.indent = indent;
  line.is_row = is_row;
  for (guint i = 0; i < n_cells; i++)
    {
      NbImportCell cell;

      cell.text = nb_text_strip (cells[i]);
      cell.norm = nb_import_normalize (cell.text);
      cell.line = doc->lines->len;
      g_array_append_val (doc->cells, cell);
    }
  g_array_append_val (doc->lines, line);
}

/**
 * nb_import_normalize:
 * Label matching form (spec §11.2): NFKC, no whitespace, `、`/`，` as `,`,
 * curly and corner quotes as `"`, and a numbered item `1、`, `1,` or `1．`
 * as `1.`.
 */
char *
nb_import_normalize (const char *text)
{
  g_autofree char *nfkc = NULL;
  GString *out;
  const char *p;

  /* most cells are ASCII numbers: NFKC leaves ASCII alone */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  nfkc = *p == '\0' ? g_strdup (text) : g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (nfkc));
  for (p = nfkc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (nb_text_is_space (c))
        continue;
      switch (c)
        {
        case 0x3001: /* 、 */
          c = ',';
          break;
        case 0x201C: case 0x201D: case 0x2018: case 0x2019:
        case 0x300C: case 0x300D: case '\'':
          c = '"';
          break;
        default:
          break;
        }
      if ((c == ',' || c == '.') && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]))
        {
          const char *q = nb_text_skip_spaces (g_utf8_next_char (p));

          if (!g_ascii_isdigit (*q))
            c = '.';
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* ---- Text input ------------------------------------------------------------ */

static gboolean
is_page_number (const char *line)
{
  g_autofree char *norm = NULL;
  const char *p;
  gboolean dash_before = FALSE, digits = FALSE;

  if (strlen (line) > 24 ||
      !(*line == '-' || g_str_has_prefix (line, "—") || g_str_has_prefix (line, "–") ||
        g_str_has_prefix (line, "－") || g_str_has_prefix (line, "第")))
    return FALSE;
  p = norm = nb_import_normalize (line);

  /* -4-, - 4 -, —4—, 第4页 */
  if (g_str_has_prefix (p, "第"))
    {
      p += strlen ("第");
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
      return digits && strcmp (p, "页") == 0;
    }
  while (*p == '-' || g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–"))
    {
      dash_before = TRUE;
      p = *p == '-' ? p + 1 : g_utf8_next_char (p);
    }
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (!dash_before || !digits || (p - norm) > 12)
    return FALSE;
  if (!(*p == '-' || g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–")))
    return FALSE;   /* -15 is a number */
  while (*p == '-' || g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–"))
    p = *p == '-' ? p + 1 : g_utf8_next_char (p);
  return *p == '\0';
}

/* A line of only `|`, `-`, `:` and spaces (markdown rule, flattened row end). */
static gboolean
is_rule_line (const char *line)
{
  gboolean pipe = FALSE;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '|' || c == 0xFF5C)
        pipe = TRUE;
      else if (c != '-' && c != ':' && !nb_text_is_space (c))
        return FALSE;
    }
  return pipe;
}

static guint
indent_of (const char *line)
{
  guint indent = 0;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ' ')
        indent++;
      else if (c == '\t' || c == 0x3000)
        indent += 2;
      else
        break;
    }
  return indent;
}

/* Splits at `|` (or `｜`); an outer empty piece before the first or after
 * the last bar is no cell. */
static GPtrArray *
split_pipes (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stripped = nb_text_strip (line);
  GString *cell = g_string_new (NULL);
  gboolean leading = TRUE;

  for (const char *p = stripped; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c == 0 || c == '|' || c == 0xFF5C)
        {
          g_autofree char *text = nb_text_strip (cell->str);
          if (!(leading && *text == '\0') && !(c == 0 && *text == '\0'))
            g_ptr_array_add (cells, g_steal_pointer (&text));
          leading = FALSE;
          g_string_truncate (cell, 0);
          if (c == 0)
            break;
        }
      else
        g_string_append_unichar (cell, c);
    }
  g_string_free (cell, TRUE);
  return cells;
}

/* Splits at runs of two or more spaces (columns of `pdftotext -layout`). */
static GPtrArray *
split_columns (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stripped = nb_text_strip (line);
  GString *cell = g_string_new (NULL);
  guint spaces = 0;

  for (const char *p = stripped; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (nb_text_is_space (c))
        {
          spaces += (c == '\t' || c == 0x3000) ? 2 : 1;
          continue;
        }
      if (spaces >= 2 && cell->len > 0)
        {
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (spaces > 0 && cell->len > 0)
        g_string_append_c (cell, ' ');
      spaces = 0;
      g_string_append_unichar (cell, c);
    }
  if (cell->len > 0)
    g_ptr_array_add (cells, g_strdup (cell->str));
  g_string_free (cell, TRUE);
  return cells;
}

static void
read_text (NbImportDoc *doc,
           const char  *text,
           gboolean    *pdf_text)
{
  guint n_page_numbers = 0, n_column_rows = 0;
  g_autoptr(GString) buffer = g_string_new (NULL);

  for (const char *next = text; *next != '\0'; )
    {
      const char *end = strchr (next, '\n');
      gsize l = end != NULL ? (gsize) (end - next) : strlen (next);
      const char *line;
      g_autoptr(GPtrArray) cells = NULL;
      g_autofree char *stripped = NULL;
      gboolean is_row = FALSE;

      g_string_truncate (buffer, 0);
      g_string_append_len (buffer, next, (gssize) l);
      next += l + (end != NULL ? 1 : 0);
      if (buffer->len > 0 && buffer->str[buffer->len - 1] == '\r')
        g_string_truncate (buffer, buffer->len - 1);
      line = buffer->str;
      stripped = nb_text_strip (line);
      if (*stripped == '\0' || is_rule_line (stripped))
        continue;
      if (is_page_number (stripped))
        {
          n_page_numbers++;
          continue;
        }
      if (strchr (stripped, '|') != NULL || strstr (stripped, "｜") != NULL)
        {
          cells = split_pipes (stripped);
          is_row = TRUE;
        }
      else
        {
          cells = split_columns (stripped);
          is_row = cells->len >= 2;
          n_column_rows += is_row;
        }
      if (cells->len == 0)
        continue;
      nb_import_doc_add_line (doc, stripped, indent_of (line), is_row,
                              (char **) cells->pdata, cells->len);
    }
  *pdf_text = n_page_numbers > 0 || n_column_rows >= 3;
}

/* ---- Cell values ---------------------------------------------------------- */

typedef enum {
  VALUE_NONE,     /* text: no value */
  VALUE_BLANK,
  VALUE_MARKER,
  VALUE_NUMBER,
} ValueKind;

typedef struct {
  ValueKind  kind;
  char      *number;   /* the digits as published, with sign and separators */
  const char *unit;    /* static */
  char      *note;
  char      *marker;
} Value;

static void
value_clear (Value *value)
{
  g_free (value->number);
  g_free (value->note);
  g_free (value->marker);
  memset (value, 0, sizeof *value);
}

static gboolean
is_number_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19) ||
         c == ',' || c == '.' || c == 0xFF0C || c == 0xFF0E;
}

static gboolean
is_digit_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Reads a published cell: blank, a marker, or a number with an optional
 * unit (元, 万元) and an optional note in brackets. */
static ValueKind
parse_value (const char *text,
             Value      *value)
{
  g_autofree char *t = nb_text_strip (text);
  const char *p = t, *number_start, *number_end;
  gboolean any_digit = FALSE;

  memset (value, 0, sizeof *value);
  if (*t == '\0')
    return value->kind = VALUE_BLANK;
  if (nb_value_is_marker (t))
    {
      value->marker = g_strdup (t);
      return value->kind = VALUE_MARKER;
    }

  number_start = p;
  if (*p)
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '+' || c == '-' || c == 0xFF0B || c == 0xFF0D || c == 0x2212)
        p = g_utf8_next_char (p);
    }
  while (*p && is_number_char (g_utf8_get_char (p)))
    {
      any_digit |= is_digit_char (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  if (!any_digit)
    return VALUE_NONE;
  number_end = p;
  p = nb_text_skip_spaces (p);
  if (g_str_has_prefix (p, "万元"))
    {
      value->unit = "万元";
      p += strlen ("万元");
    }
  else if (g_str_has_prefix (p, "元"))
    {
      value->unit = "元";
      p += strlen ("元");
    }
  p = nb_text_skip_spaces (p);
  if (*p == '(' || g_str_has_prefix (p, "（"))
    {
      const char *open_end = *p == '(' ? p + 1 : p + strlen ("（");
      const char *last = g_utf8_prev_char (p + strlen (p));
      gunichar close = g_utf8_get_char (last);
      g_autofree char *note = NULL;

      if ((close != ')' && close != 0xFF09) || last < open_end)
        return VALUE_NONE;
      note = g_strndup (open_end, (gsize) (last - open_end));
      value->note = nb_text_strip (note);
      p = last + strlen (last);
    }
  if (*p != '\0')
    {
      g_clear_pointer (&value->note, g_free);
      value->unit = NULL;
      return VALUE_NONE;
    }
  value->number = g_strndup (number_start, (gsize) (number_end - number_start));
  return value->kind = VALUE_NUMBER;
}

/* ---- Naming ---------------------------------------------------------------- */

static const char *
table_name (const NbTableDef *def)
{
  return def->caption != NULL ? def->caption : nb_section_heading (def->section);
}

static char *
row_name (const NbTableDef *def,
          guint             row)
{
  char *name = nb_table_def_row_name (def, row);

  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (table_name (def));
    }
  return name;
}

static char *
row_address (const NbTableDef *def,
             guint             row)
{
  return g_strconcat (def->key, ".", def->rows[row].key, NULL);
}

/* ---- Headings and captions -------------------------------------------------- */

static const char *const numerals[NB_N_SECTIONS] = { "一", "二", "三", "四", "五", "六" };

static gsize
lcs_length (const gunichar *a,
            gsize           na,
            const gunichar *b,
            gsize           nb)
{
  g_autofree gsize *prev = g_new0 (gsize, nb + 1);
  g_autofree gsize *cur = g_new0 (gsize, nb + 1);

  for (gsize i = 1; i <= na; i++)
    {
      for (gsize j = 1; j <= nb; j++)
        cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : MAX (prev[j], cur[j - 1]);
      memcpy (prev, cur, (nb + 1) * sizeof (gsize));
    }
  return prev[nb];
}

/* Which section heading a cell is (1–6), or 0.  The words after the
 * numeral may differ a little from the form (五、存在问题及改进情况). */
static guint
heading_number (const NbImportCell *cell)
{
  glong n_chars = g_utf8_strlen (cell->norm, -1);
  const char *rest;

  if (n_chars < 4 || n_chars > 40)
    return 0;
  for (guint s = 1; s <= NB_N_SECTIONS; s++)
    {
      g_autofree char *heading = NULL;
      g_autofree gunichar *a = NULL, *b = NULL;
      glong na, nb;

      if (!g_str_has_prefix (cell->norm, numerals[s - 1]))
        continue;
      rest = cell->norm + strlen (numerals[s - 1]);
      if (*rest != ',' && *rest != '.')
        return 0;
      rest++;
      heading = nb_import_normalize (nb_section_heading (s));
      a = g_utf8_to_ucs4_fast (rest, -1, &na);
      b = g_utf8_to_ucs4_fast (heading + strlen (numerals[s - 1]) + 1, -1, &nb);
      if (na >= 2 && lcs_length (a, (gsize) na, b, (gsize) nb) * 10 >= (gsize) MAX (na, nb) * 6)
        return s;
      return 0;
    }
  return 0;
}

/* ---- Groups of number cells and row matching -------------------------------- */

typedef struct {
  guint first, last;    /* value cells, inclusive */
  gboolean all_blank;
} Group;

static NbImportCell *
cell_at (Importer *im,
         guint     i)
{
  return &g_array_index (im->doc->cells, NbImportCell, i);
}

static NbImportLine *
line_of (Importer *im,
         guint     cell)
{
  return &g_array_index (im->doc->lines, NbImportLine, cell_at (im, cell)->line);
}

static GArray *
find_groups (Importer *im,
             guint     start,
             guint     end)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (Group));
  Group current = { 0 };
  gboolean open = FALSE;

  for (guint i = start; i < end; i++)
    {
      if (!im->is_value[i])
        {
          if (open)
            g_array_append_val (groups, current);
          open = FALSE;
          continue;
        }
      if (open && cell_at (im, current.last)->line != cell_at (im, i)->line &&
          (line_of (im, i)->is_row || line_of (im, current.last)->is_row))
        {
          g_array_append_val (groups, current);
          open = FALSE;
        }
      if (!open)
        {
          current.first = i;
          current.all_blank = TRUE;
          open = TRUE;
        }
      current.last = i;
      if (im->is_value[i] != VALUE_BLANK)
        current.all_blank = FALSE;
    }
  if (open)
    g_array_append_val (groups, current);
  return groups;
}

typedef enum {
  MATCH_NONE,
  MATCH_FOREIGN,   /* the other edition's label of the same row (规范性文件 in 2021) */
  MATCH_TYPO,
  MATCH_LOOSE,
  MATCH_EXACT,
} MatchLevel;

typedef struct {
  MatchLevel level;
  gsize start, end;     /* in the window */
} Match;

/* Whether a and b differ by at most one insertion, deletion or substitution. */
static gboolean
within_one_edit (const gunichar *a,
                 gsize           na,
                 const gunichar *b,
                 gsize           nb)
{
  gsize i = 0, j = 0;
  gboolean edited = FALSE;

  if ((na > nb ? na - nb : nb - na) > 1)
    return FALSE;
  while (i < na && j < nb)
    {
      if (a[i] == b[j])
        {
          i++, j++;
          continue;
        }
      if (edited)
        return FALSE;
      edited = TRUE;
      if (na > nb)
        i++;
      else if (nb > na)
        j++;
      else
        i++, j++;
    }
  return !(edited && (i < na || j < nb)) && (na - i) + (nb - j) <= (edited ? 0u : 1u);
}

/* Looks for a label in the window.  The match must start at or after
 * @from and before @n_lead (the label starts before the numbers); one that
 * runs on past the numbers (a label wrapped around them in PDF text) must
 * have most of its characters before them, so that the next row's label
 * is never taken for this one's. */
static Match
find_label (const gunichar *w,
            gsize           nw,
            gsize           n_lead,
            gsize           from,
            const gunichar *l,
            gsize           nl)
{
  Match m = { MATCH_NONE, 0, 0 };
  gsize need = MIN (nl, MAX ((gsize) 4, nl / 2));

  if (nl == 0)
    return m;
  for (gsize i = from; i < n_lead && i + nl <= nw; i++)
    if (n_lead - i >= need && memcmp (w + i, l, nl * sizeof (gunichar)) == 0)
      return (Match) { MATCH_EXACT, i, i + nl };
  for (gsize i = from; i < n_lead; i++)
    {
      gsize j = i, k = 0, in_lead = 0;

      if (w[i] != l[0])
        continue;
      while (j < nw && k < nl && j - i < nl + LOOSE_SLACK)
        {
          if (w[j] == l[k])
            {
              k++;
              in_lead += j < n_lead;
            }
          j++;
        }
      if (k == nl && in_lead >= need)
        return (Match) { MATCH_LOOSE, i, j };
    }
  if (nl >= 4)
    for (gsize i = from; i < n_lead; i++)
      for (gsize len = nl - 1; len <= nl + 1; len++)
        if (i + len <= nw && n_lead - i >= MIN (len, need) && within_one_edit (w + i, len, l, nl))
          return (Match) { MATCH_TYPO, i, i + len };
  return m;
}

typedef struct {
  gunichar *w;
  gsize     nw, n_lead;
  char     *lead_text;   /* the published text right before the group, for messages */
} Window;

static void
window_clear (Window *window)
{
  g_free (window->w);
  g_free (window->lead_text);
}

static void
build_window (Importer    *im,
              GArray      *groups,
              guint        g,
              guint        start,
              guint        end,
              Window      *window)
{
  const Group *group = &g_array_index (groups, Group, g);
  guint lead_start = g > 0 ? g_array_index (groups, Group, g - 1).last + 1 : start;
  guint trail_end = g + 1 < groups->len ? g_array_index (groups, Group, g + 1).first : end;
  g_autoptr(GString) lead = g_string_new (NULL);
  g_autoptr(GString) trail = g_string_new (NULL);
  g_autofree gunichar *wl = NULL, *wt = NULL;
  glong nl, nt;
  gsize skip;

  window->lead_text = NULL;
  for (guint i = lead_start; i < group->first; i++)
    {
      g_string_append (lead, cell_at (im, i)->norm);
      if (lead->len > WINDOW_CHARS * 8)
        g_string_erase (lead, 0, lead->len - WINDOW_CHARS * 4);
      if (*cell_at (im, i)->text != '\0')
        {
          g_free (window->lead_text);
          window->lead_text = g_strdup (cell_at (im, i)->text);
        }
    }
  for (guint i = group->last + 1; i < trail_end && trail->len < WINDOW_CHARS * 4; i++)
    g_string_append (trail, cell_at (im, i)->norm);

  wl = g_utf8_to_ucs4_fast (lead->str, -1, &nl);
  wt = g_utf8_to_ucs4_fast (trail->str, -1, &nt);
  skip = nl > WINDOW_CHARS ? (gsize) nl - WINDOW_CHARS : 0;
  nl -= (glong) skip;
  nt = MIN (nt, WINDOW_CHARS);
  window->w = g_new (gunichar, (gsize) (nl + nt) + 1);
  memcpy (window->w, wl + skip, (gsize) nl * sizeof (gunichar));
  memcpy (window->w + nl, wt, (gsize) nt * sizeof (gunichar));
  window->nw = (gsize) (nl + nt);
  window->n_lead = (gsize) nl;
}

static gunichar *
row_label (const NbTableDef *def,
           guint             row,
           gsize            *n)
{
  g_autofree char *norm = nb_import_normalize (def->rows[row].label != NULL ? def->rows[row].label : "");
  glong len;
  gunichar *label = g_utf8_to_ucs4_fast (norm, -1, &len);

  *n = (gsize) len;
  return label;
}

static Match
match_row (const NbTableDef *def,
           guint             row,
           const Window     *window,
           gsize             from)
{
  gsize nl;
  g_autofree gunichar *label = row_label (def, row, &nl);

  return find_label (window->w, window->nw, window->n_lead, from, label, nl);
}

/* The label must be the last thing before the numbers (or run on past
 * them): a bracketed annotation or a few stray characters (group labels
 * set one character per line) may follow it, not another row's label. */
static gboolean
label_ends_lead (const Window *window,
                 const Match  *m)
{
  gsize rest;

  if (m->end >= window->n_lead)
    return TRUE;
  rest = window->n_lead - m->end;
  if (rest <= 6)
    return TRUE;
  return window->w[m->end] == '(' && window->w[window->n_lead - 1] == ')';
}

/* The other edition's label for the same row, word for word; only where
 * the labels differ. */
static Match
match_foreign_row (Importer         *im,
                   const NbTableDef *def,
                   guint             row,
                   const Window     *window)
{
  const NbEditionDef *other_edition =
    nb_edition_get (im->edition->edition == NB_EDITION_2019 ? NB_EDITION_2021 : NB_EDITION_2019);
  const NbTableDef *other = nb_edition_find_table (other_edition, def->key);
  Match m = { MATCH_NONE, 0, 0 };
  int other_row;

  if (other == NULL || def->rows[row].label == NULL)
    return m;
  other_row = nb_table_def_find_row (other, def->rows[row].key);
  if (other_row < 0 || other->rows[other_row].label == NULL ||
      strcmp (other->rows[other_row].label, def->rows[row].label) == 0)
    return m;
  m = match_row (other, (guint) other_row, window, 0);
  if (m.level != MATCH_EXACT || !label_ends_lead (window, &m))
    return (Match) { MATCH_NONE, 0, 0 };
  m.level = MATCH_FOREIGN;
  return m;
}

/* Labels of a table's columns that the other edition's table of the same
 * key does not have (本年制发件数 against 本年新制作数量). */
static guint
count_own_columns (const NbTableDef *def,
                   const NbTableDef *other,
                   const char       *header)
{
  guint n = 0;

  for (guint c = 0; c < def->n_columns; c++)
    {
      g_autofree char *label = nb_import_normalize (def->columns[c].label);
      gboolean shared = FALSE;

      for (guint o = 0; o < other->n_columns && !shared; o++)
        {
          g_autofree char *theirs = nb_import_normalize (other->columns[o].label);
          shared = strstr (theirs, label) != NULL || strstr (label, theirs) != NULL;
        }
      if (!shared && strstr (header, label) != NULL)
        n++;
    }
  return n;
}

/* Whether the header above the numbers is the other edition's. */
static gboolean
header_is_foreign (Importer         *im,
                   const NbTableDef *def,
                   guint             start,
                   guint             end)
{
  const NbEditionDef *other_edition =
    nb_edition_get (im->edition->edition == NB_EDITION_2019 ? NB_EDITION_2021 : NB_EDITION_2019);
  const NbTableDef *other = nb_edition_find_table (other_edition, def->key);
  g_autoptr(GString) header = g_string_new (NULL);

  if (other == NULL)
    return FALSE;
  for (guint i = start; i < end && header->len < 4000; i++)
    g_string_append (header, cell_at (im, i)->norm);
  return count_own_columns (def, other, header->str) == 0 &&
         count_own_columns (other, def, header->str) > 0;
}

static char *
group_text (Importer    *im,
            const Group *group)
{
  GString *text = g_string_new (NULL);

  for (guint i = group->first; i <= group->last; i++)
    {
      const char *t = cell_at (im, i)->text;
      if (i - group->first == 40)
        {
          g_string_append_printf (text, " | …（共 %u 个）", group->last - group->first + 1);
          break;
        }
      if (i > group->first)
        g_string_append (text, " | ");
      g_string_append (text, *t != '\0' ? t : "（空）");
    }
  return g_string_free (text, FALSE);
}

static void
place_value (Importer   *im,
             NbTable    *table,
             guint       row,
             guint       column,
             const char *text)
{
  const NbTableDef *def = nb_table_get_def (table);
  NbCellKind kind = def->columns[column].kind;
  g_autofree char *address = nb_table_cell_address (table, row, column);
  g_autoptr(GError) error = NULL;
  Value value;
  gint64 number;

  switch (parse_value (text, &value))
    {
    case VALUE_NONE:
      break;
    case VALUE_BLANK:
      nb_table_clear (table, row, column);
      im->n_blank++;
      break;
    case VALUE_MARKER:
      nb_table_set_marker (table, row, column, value.marker);
      break;
    case VALUE_NUMBER:
      {
        gunichar first = g_utf8_get_char (value.number);
        gboolean sign = first == '+' || first == '-' || first == 0xFF0B ||
                        first == 0xFF0D || first == 0x2212;

        if (sign && kind != NB_CELL_KIND_SIGNED)
          add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                       "「%s」一栏不带正负号，「%s」未填入", def->columns[column].full_label, text);
        else if (!nb_value_parse (value.number, kind, &number, &error) ||
                 !nb_table_set_number (table, row, column, number, &error))
          add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                       "「%s」未填入：%s", text, error->message);
        else
          {
            if (value.unit != NULL)
              nb_table_set_unit (table, row, column, value.unit);
            if (value.note != NULL && *value.note != '\0')
              nb_table_set_note (table, row, column, value.note);
          }
      }
      break;
    }
  value_clear (&value);
}

static void
place_group (Importer    *im,
             NbTable     *table,
             guint        row,
             const Group *group)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint n = group->last - group->first + 1;

  if (n != def->n_columns)
    {
      g_autofree char *name = row_name (def, row);
      g_autofree char *address = row_address (def, row);
      g_autofree char *values = group_text (im, group);

      add_message (im, NB_IMPORT_SEVERITY_ERROR, address,
                   "%s「%s」：找到 %u 个数据，表中应有 %u 栏，分不清各数属于哪一栏，此行未填入：%s",
                   table_name (def), name, n, def->n_columns, values);
      return;
    }
  for (guint c = 0; c < def->n_columns; c++)
    place_value (im, table, row, c, cell_at (im, group->first + c)->text);
}

static void
report_group (Importer    *im,
              NbTable     *table,
              const Group *group,
              const char  *label)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autofree char *values = group_text (im, group);

  if (label != NULL)
    add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                 "%s：「%s」后的数据对不上表中应在此处的行，未导入：%s", table_name (def), label, values);
  else
    add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                 "%s：无法确定所在行的数据，未导入：%s", table_name (def), values);
}

static void
report_missing_row (Importer         *im,
                    const NbTableDef *def,
                    guint             row,
                    const char       *why)
{
  g_autofree char *name = row_name (def, row);
  g_autofree char *address = row_address (def, row);

  add_message (im, NB_IMPORT_SEVERITY_ERROR, address, "%s：%s「%s」", table_name (def), why, name);
}

static void
import_table (Importer *im,
              NbTable  *table,
              guint     start,
              guint     end)
{
  const NbTableDef *def = nb_table_get_def (table);
  g_autoptr(GArray) groups = find_groups (im, start, end);
  guint r = 0, g = 0, placed = 0;
  guint first_missing = G_MAXUINT;

  if (groups->len > 0 && header_is_foreign (im, def, start, g_array_index (groups, Group, 0).first))
    {
      add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                   "%s：表头不是 %s 版格式的表头（可能是另一版格式），此表未导入",
                   table_name (def), im->edition->key);
      return;
    }

  if (def->n_label_columns == 0 || def->rows[0].label == NULL)
    {
      /* Section 四: no labels; the one row of numbers after the header. */
      int chosen = -1;

      for (guint i = 0; i < groups->len && chosen < 0; i++)
        {
          const Group *group = &g_array_index (groups, Group, i);
          if (group->last - group->first + 1 == def->n_columns)
            chosen = (int) i;
        }
      for (guint i = 0; i < groups->len && chosen < 0; i++)
        if (!g_array_index (groups, Group, i).all_blank)
          chosen = (int) i;
      if (chosen < 0)
        {
          add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                       "%s：未找到表格中的数据", table_name (def));
          return;
        }
      place_group (im, table, 0, &g_array_index (groups, Group, chosen));
      for (guint i = 0, n_reported = 0; i < groups->len && n_reported < MAX_REPORTED_GROUPS; i++)
        if ((int) i != chosen && !g_array_index (groups, Group, i).all_blank)
          {
            report_group (im, table, &g_array_index (groups, Group, i), NULL);
            n_reported++;
          }
      nb_table_drop_equal_overrides (table);
      return;
    }

  while (r < def->n_rows && g < groups->len)
    {
      const Group *group = &g_array_index (groups, Group, g);
      Window window;
      Match m;

      build_window (im, groups, g, start, end, &window);
      m = match_row (def, r, &window, 0);
      if (m.level != MATCH_NONE && !label_ends_lead (&window, &m))
        m.level = MATCH_NONE;
      if (m.level == MATCH_NONE)
        m = match_foreign_row (im, def, r, &window);
      if (m.level != MATCH_NONE)
        {
          /* the next row's label between this label and the numbers:
           * this row was published without numbers */
          if (r + 1 < def->n_rows && match_row (def, r + 1, &window, m.end).level >= MATCH_LOOSE)
            {
              report_missing_row (im, def, r, "这一行没有数据，未填入");
              r++;
              window_clear (&window);
              continue;
            }
          if (m.level == MATCH_FOREIGN)
            {
              g_autofree char *published = g_ucs4_to_utf8 (window.w + m.start, (glong) (m.end - m.start),
                                                           NULL, NULL, NULL);
              g_autofree char *address = row_address (def, r);
              add_message (im, NB_IMPORT_SEVERITY_WARNING, address,
                           "%s：行标签「%s」是另一版格式的标签，按 %s 版的「%s」导入",
                           table_name (def), published, im->edition->key, def->rows[r].label);
            }
          else if (m.level == MATCH_TYPO)
            {
              g_autofree char *published = g_ucs4_to_utf8 (window.w + m.start, (glong) (m.end - m.start),
                                                           NULL, NULL, NULL);
              g_autofree char *address = row_address (def, r);
              add_message (im, NB_IMPORT_SEVERITY_WARNING, address,
                           "%s：行标签「%s」与格式中的「%s」差一个字，按「%s」导入",
                           table_name (def), published, def->rows[r].label, def->rows[r].label);
            }
          place_group (im, table, r, group);
          placed++;
          r++, g++;
          window_clear (&window);
          continue;
        }

      if (group->all_blank)
        {
          g++;
          window_clear (&window);
          continue;
        }

      /* an extra row before the expected one? */
      if (g + 1 < groups->len)
        {
          Window next;
          MatchLevel level;

          build_window (im, groups, g + 1, start, end, &next);
          level = match_row (def, r, &next, 0).level;
          window_clear (&next);
          if (level >= MATCH_LOOSE)
            {
              report_group (im, table, group, window.lead_text);
              g++;
              window_clear (&window);
              continue;
            }
        }

      /* expected rows missing before this one? */
      {
        guint skip = 0;

        for (guint k = 1; k <= 3 && r + k < def->n_rows && skip == 0; k++)
          if (match_row (def, r + k, &window, 0).level >= MATCH_LOOSE)
            skip = k;
        if (skip > 0)
          {
            for (guint k = 0; k < skip; k++)
              report_missing_row (im, def, r + k, "缺少一行");
            r += skip;
            window_clear (&window);
            continue;
          }
      }

      report_group (im, table, group, window.lead_text);
      report_missing_row (im, def, r, "未找到这一行（标签不符）");
      r++, g++;
      window_clear (&window);
    }

  if (placed == 0 && r == 0)
    add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key, "%s：未找到表格中的数据", table_name (def));
  else
    {
      first_missing = r;
      for (guint k = first_missing; k < def->n_rows; k++)
        report_missing_row (im, def, k, "缺少一行（原文可能不完整）");
    }
  for (guint n_reported = 0; g < groups->len; g++)
    {
      const Group *group = &g_array_index (groups, Group, g);
      if (group->all_blank)
        continue;
      if (n_reported++ == MAX_REPORTED_GROUPS)
        {
          guint rest = 0;
          for (; g < groups->len; g++)
            rest += !g_array_index (groups, Group, g).all_blank;
          add_message (im, NB_IMPORT_SEVERITY_ERROR, def->key,
                       "%s：另有 %u 组数据未导入", table_name (def), rest);
          break;
        }
      {
        Window window;
        build_window (im, groups, g, start, end, &window);
        report_group (im, table, group, window.lead_text);
        window_clear (&window);
      }
    }
  nb_table_drop_equal_overrides (table);
}

/* ---- Edition, organ, year --------------------------------------------------- */

static void
add_labels (GPtrArray          *labels,
            const NbEditionDef *edition)
{
  for (guint t = 0; t < edition->n_tables; t++)
    {
      const NbTableDef *def = &edition->tables[t];

      if (def->caption != NULL)
        g_ptr_array_add (labels, nb_import_normalize (def->caption));
      for (guint h = 0; h < def->n_header_cells; h++)
        g_ptr_array_add (labels, nb_import_normalize (def->header[h].text));
      for (guint r = 0; r < def->n_rows; r++)
        {
          if (def->rows[r].label != NULL)
            g_ptr_array_add (labels, nb_import_normalize (def->rows[r].label));
          if (def->rows[r].group != NULL)
            g_ptr_array_add (labels, nb_import_normalize (def->rows[r].group));
          if (def->rows[r].subgroup != NULL)
            g_ptr_array_add (labels, nb_import_normalize (def->rows[r].subgroup));
        }
      for (guint c = 0; c < def->n_columns; c++)
        g_ptr_array_add (labels, nb_import_normalize (def->columns[c].label));
    }
}

/* How many labels found only in @edition (and in no label of the other)
 * occur in @text. */
static guint
count_edition_signals (NbEdition   edition,
                       const char *text)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) other = g_ptr_array_new_with_free_func (g_free);
  guint count = 0;

  add_labels (own, nb_edition_get (edition));
  add_labels (other, nb_edition_get (edition == NB_EDITION_2019 ? NB_EDITION_2021 : NB_EDITION_2019));
  for (guint i = 0; i < own->len; i++)
    {
      const char *label = own->pdata[i];
      gboolean shared = g_utf8_strlen (label, -1) < 3;

      for (guint j = 0; j < other->len && !shared; j++)
        shared = strstr (other->pdata[j], label) != NULL;
      for (guint j = 0; j < i && !shared; j++)
        shared = strcmp (own->pdata[j], label) == 0;   /* count each once */
      if (!shared && strstr (text, label) != NULL)
        count++;
    }
  return count;
}

typedef struct {
  int   year;
  char *organ;
  char *title;      /* a title line, when one stands alone */
  int   line;       /* the cell of the title or the opening sentence, or -1 */
  gboolean standalone;
} TitleInfo;

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (nb_text_is_space (c))
        continue;
      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
plausible_organ (const char *organ)
{
  glong n = g_utf8_strlen (organ, -1);

  if (n < 2 || n > 40)
    return FALSE;
  for (const char *p = organ; *p; p++)
    if (g_ascii_isdigit (*p))
      return FALSE;
  return strstr (organ, "。") == NULL && strstr (organ, "，") == NULL;
}

static void
title_info_clear (TitleInfo *info)
{
  g_free (info->organ);
  g_free (info->title);
  memset (info, 0, sizeof *info);
  info->line = -1;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TitleInfo, title_info_clear)

/* Reads the title (or the opening sentence) in cell @i; FALSE if it has none. */
static gboolean
read_title_line (Importer  *im,
                 GRegex    *regex,
                 guint      i,
                 TitleInfo *info)
{
  g_autofree char *text = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *year = NULL, *middle = NULL, *prefix = NULL;
  int start, stop;
  const char *cut;

  if (strlen (cell_at (im, i)->text) > 2000)
    return FALSE;
  text = squeeze (cell_at (im, i)->text);
  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;
  year = g_match_info_fetch (match, 1);
  middle = g_match_info_fetch (match, 2);
  g_match_info_fetch_pos (match, 0, &start, &stop);
  prefix = g_strndup (text, (gsize) start);

  /* the organ before the year: after the last punctuation, after 编制 */
  cut = prefix;
  for (const char *p = prefix; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 128 && strchr (",.:;!?)", (int) c) != NULL)
        cut = g_utf8_next_char (p);
      else if (c == 0xFF0C || c == 0x3002 || c == 0xFF1A || c == 0xFF1B || c == 0x300B ||
               c == 0x201D || c == 0xFF09 || c == 0x3001)
        cut = g_utf8_next_char (p);
    }
  if (strstr (cut, "编制") != NULL)
    cut = g_strrstr (cut, "编制") + strlen ("编制");
  if (g_str_has_prefix (cut, "关于"))
    cut += strlen ("关于");

  title_info_clear (info);
  info->year = atoi (year);
  info->line = (int) i;
  info->standalone = strstr (text, "。") == NULL && g_utf8_strlen (text, -1) <= 80;
  if (plausible_organ (cut))
    info->organ = g_strdup (cut);
  else if (plausible_organ (middle))
    info->organ = g_strdup (middle);
  else if (*cut == '\0' && *middle == '\0' && i > 0)
    {
      /* a two-line title: the organ on the line before */
      g_autofree char *previous = squeeze (cell_at (im, i - 1)->text);
      if (plausible_organ (previous))
        {
          info->organ = g_steal_pointer (&previous);
          if (info->standalone)
            info->title = g_strconcat (info->organ, text, NULL);
        }
    }
  if (info->standalone && info->title == NULL)
    info->title = g_strndup (text, (gsize) stop);
  return TRUE;
}

/* The title: the last title line standing alone before section 一 (a web
 * page repeats it after its navigation), else the first sentence naming
 * the report (根据…，编制…2020年政府信息公开工作年度报告。). */
static void
find_title (Importer  *im,
            guint      end_cell,
            TitleInfo *info)
{
  g_autoptr(GRegex) regex = g_regex_new ("((?:19|20|21)[0-9]{2})年度?(.{0,40}?)政府信息公开[^。，,；;]{0,12}?报告",
                                         0, 0, NULL);
  TitleInfo candidate = { 0 };

  memset (info, 0, sizeof *info);
  info->line = -1;
  candidate.line = -1;
  end_cell = MIN (end_cell, MIN (im->doc->cells->len, 400u));
  for (guint i = 0; i < end_cell; i++)
    {
      if (im->is_value[i] || !read_title_line (im, regex, i, &candidate))
        continue;
      if (candidate.standalone || info->line < 0 || !info->standalone)
        {
          if (info->line >= 0 && !info->standalone && !candidate.standalone)
            continue;   /* keep the first sentence */
          title_info_clear (info);
          *info = candidate;
          memset (&candidate, 0, sizeof candidate);
          candidate.line = -1;
        }
    }
  title_info_clear (&candidate);
}

/* ---- Text sections ---------------------------------------------------------- */

static void
append_paragraph (GString    *out,
                  const char *text,
                  gboolean    join)
{
  g_autofree char *t = nb_text_strip (text);

  if (*t == '\0')
    return;
  if (out->len > 0 && !join)
    g_string_append_c (out, '\n');
  else if (out->len > 0)
    {
      /* a wrapped line: CJK joins directly, a number or a Latin word
       * keeps the space the layout gave it */
      gunichar last = g_utf8_get_char (g_utf8_prev_char (out->str + out->len));
      gunichar next = g_utf8_get_char (t);
      if ((last < 128 && g_ascii_isalnum ((char) last)) || (next < 128 && g_ascii_isalnum ((char) next)))
        g_string_append_c (out, ' ');
    }
  g_string_append (out, t);
}

/* The text between two cells: a paragraph per line (per cell and <br>
 * in HTML); in PDF text, wrapped lines are joined and a paragraph starts
 * with an indented line. */
static char *
section_text (Importer *im,
              guint     first_cell,
              guint     end_cell)
{
  GString *out = g_string_new (NULL);
  guint last_line = G_MAXUINT;

  for (guint i = first_cell; i < end_cell && i < im->doc->cells->len; i++)
    {
      const NbImportLine *line = line_of (im, i);

      if (im->html)
        {
          g_auto(GStrv) pieces = g_strsplit (cell_at (im, i)->text, "\n", -1);
          for (guint k = 0; pieces[k] != NULL; k++)
            append_paragraph (out, pieces[k], FALSE);
          continue;
        }
      if (cell_at (im, i)->line == last_line)
        continue;
      last_line = cell_at (im, i)->line;
      append_paragraph (out, line->text, im->pdf_text && line->indent < 2);
    }
  return g_string_free (out, FALSE);
}

/* The date and the office under the last section (the signature block):
 * the date goes to the report's date, both leave the text. */
static char *
strip_signature (Importer   *im,
                 const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (paragraphs);
  g_autoptr(GRegex) regex = g_regex_new ("^((?:19|20|21)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日$", 0, 0, NULL);
  gboolean dated = FALSE;

  for (guint k = 0; k < 2 && n > 1; k++)
    {
      g_autofree char *last = squeeze (paragraphs[n - 1]);
      g_autoptr(GMatchInfo) match = NULL;

      if (!dated && g_regex_match (regex, last, 0, &match))
        {
          g_autofree char *y = g_match_info_fetch (match, 1);
          g_autofree char *m = g_match_info_fetch (match, 2);
          g_autofree char *d = g_match_info_fetch (match, 3);
          int year = atoi (y), month = atoi (m), day = atoi (d);
          g_autofree char *date = NULL;

          if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
            break;
          date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
          nb_report_set_date (im->report, date);
          add_message (im, NB_IMPORT_SEVERITY_INFO, NULL,
                       _("The date under the report, %s, is kept as the report's date"), date);
          dated = TRUE;
        }
      else if (dated && strcmp (last, nb_report_get_organ (im->report)) == 0)
        ;
      else
        break;
      g_clear_pointer (&paragraphs[--n], g_free);
    }
  return g_strjoinv ("\n", paragraphs);
}

/* ---- The import --------------------------------------------------------------- */

static int
next_heading (const int *heading,
              guint      section,
              int        fallback)
{
  for (guint s = section + 1; s <= NB_N_SECTIONS; s++)
    if (heading[s] >= 0)
      return heading[s];
  return fallback;
}

/* Drops control characters (but tabs, line and page breaks) in place: a
 * stray backspace or escape copied with a page would otherwise keep “1”
 * from being read as a number and “规\a章” from matching its row.  A
 * vertical tab (Word's line break) becomes a space.  They are ASCII, so
 * never part of a UTF-8 sequence. */
static void
strip_controls (char *text)
{
  char *out = text;

  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\v')
        *out++ = ' ';
      else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
        continue;
      else
        *out++ = *p;
    }
  *out = '\0';
}

/**
 * nb_import_report:
 * @data: the published report: HTML or text, UTF-8
 * @length: its length in bytes
 * @options: (nullable): forced year, organ or edition
 * @messages: (out) (transfer full) (element-type NbImportMessage): what the
 *   import decided and what it could not place
 * @error: set when the input cannot be imported at all
 *
 * Returns: (transfer full): a new report, or %NULL with @error set
 */
NbReport *
nb_import_report (const char             *data,
                  gsize                   length,
                  const NbImportOptions  *options,
                  GPtrArray             **messages,
                  GError                **error)
{
  NbImportOptions defaults;
  g_autoptr(NbImportDoc) doc = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_import_message_free);
  g_autofree guint8 *is_value = NULL;
  Importer im = { 0 };
  int heading[NB_N_SECTIONS + 1];
  int caption[8];
  guint n_cells, n_converted = 0;
  NbEdition edition;
  g_auto(TitleInfo) title = { 0 };
  const char *body;
  gsize body_length;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (data == NULL)
    data = "";

  if (options == NULL)
    {
      nb_import_options_init (&defaults);
      options = &defaults;
    }
  if (messages != NULL)
    *messages = NULL;

  if (length > NB_IMPORT_MAX_SIZE)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE,
                   _("The file is too large to be a report (more than %d MiB)"),
                   NB_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, (gssize) length, NULL))
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_ENCODING,
                   _("The file is not UTF-8 text; save the page or text as UTF-8 and import it again"));
      return NULL;
    }

  body = data;
  body_length = length;
  if (body_length >= 3 && memcmp (body, "\xEF\xBB\xBF", 3) == 0)
    body += 3, body_length -= 3;

  /* Traditional copies: convert the characters of labels and titles; a
   * Simplified text with a stray 於 or 後 is left as it is */
  {
    g_autofree char *copy = g_strndup (body, body_length);
    strip_controls (copy);
    text = nb_import_to_simplified (copy, &n_converted);
    if (n_converted < MIN_TRADITIONAL)
      {
        g_free (text);
        text = g_steal_pointer (&copy);
        n_converted = 0;
      }
  }

  im.doc = doc = nb_import_doc_new ();
  im.messages = list;
  im.html = nb_import_looks_like_html (text, strlen (text));
  if (im.html)
    nb_import_parse_html (doc, text, strlen (text));
  else
    read_text (doc, text, &im.pdf_text);

  n_cells = doc->cells->len;
  is_value = g_new0 (guint8, n_cells + 1);
  im.is_value = is_value;
  for (guint i = 0; i < n_cells; i++)
    {
      Value value;
      is_value[i] = (guint8) parse_value (cell_at (&im, i)->text, &value);
      value_clear (&value);
    }

  /* section headings, in order */
  {
    guint from = 0;

    heading[0] = -1;
    for (guint s = 1; s <= NB_N_SECTIONS; s++)
      {
        heading[s] = -1;
        for (guint i = from; i < n_cells; i++)
          if (!is_value[i] && heading_number (cell_at (&im, i)) == s)
            {
              heading[s] = (int) i;
              from = i + 1;
              break;
            }
      }
  }

  /* edition */
  {
    int table_start = heading[2] >= 0 ? heading[2] : heading[1] >= 0 ? heading[1] : 0;
    int table_end = next_heading (heading, 4, (int) n_cells);
    g_autoptr(GString) all = g_string_new (NULL);
    guint n2019, n2021;

    for (int i = table_start; i < table_end; i++)
      g_string_append (all, cell_at (&im, (guint) i)->norm);
    n2019 = count_edition_signals (NB_EDITION_2019, all->str);
    n2021 = count_edition_signals (NB_EDITION_2021, all->str);

    find_title (&im, heading[1] >= 0 ? (guint) heading[1] : G_MAXUINT, &title);
    if (options->year > 0)
      title.year = options->year;

    if (options->edition >= 0 && options->edition < NB_N_EDITIONS)
      edition = (NbEdition) options->edition;
    else if (n2019 == 0 && n2021 == 0)
      {
        edition = nb_edition_for_year (title.year > 0 ? title.year : 2021);
        if (title.year > 0)
          add_message (&im, NB_IMPORT_SEVERITY_INFO, NULL,
                       _("No table headers tell the format; the %s format is used, as for the year %d"),
                       nb_edition_get (edition)->key, title.year);
        else
          add_message (&im, NB_IMPORT_SEVERITY_WARNING, NULL,
                       _("Neither the format nor the year could be recognised; the %s format is used"),
                       nb_edition_get (edition)->key);
      }
    else
      {
        edition = n2021 >= n2019 ? NB_EDITION_2021 : NB_EDITION_2019;
        if (n2019 > 0 && n2021 > 0)
          add_message (&im, NB_IMPORT_SEVERITY_WARNING, NULL,
                       "表格中既有 %s 版格式的标签，也有 %s 版格式的标签（旧格式或混用格式），按 %s 版导入",
                       nb_edition_get (NB_EDITION_2019)->key, nb_edition_get (NB_EDITION_2021)->key,
                       nb_edition_get (edition)->key);
      }
    if (title.year > 0 && nb_edition_for_year (title.year) != edition)
      add_message (&im, NB_IMPORT_SEVERITY_WARNING, NULL,
                   _("The report is for %d but uses the %s format"), title.year,
                   nb_edition_get (edition)->key);
  }

  /* captions of section 二 */
  {
    const NbEditionDef *def = nb_edition_get (edition);
    int from = heading[2] >= 0 ? heading[2] : heading[1] >= 0 ? heading[1] : 0;
    int to = next_heading (heading, 2, (int) n_cells);
    gboolean any = FALSE;

    for (guint t = 0; t < def->n_tables && t < G_N_ELEMENTS (caption); t++)
      {
        g_autofree char *norm = NULL;
        gsize l;

        caption[t] = -1;
        if (def->tables[t].caption == NULL)
          continue;
        norm = nb_import_normalize (def->tables[t].caption);
        l = strlen (norm);
        for (int i = from; i < to; i++)
          {
            const char *cell = cell_at (&im, (guint) i)->norm;
            if (strlen (cell) <= l + 30 && strstr (cell, norm) != NULL)
              {
                caption[t] = i;
                any = TRUE;
                break;
              }
          }
      }

    if (!any)
      {
        gboolean found = FALSE;
        for (guint s = 1; s <= NB_N_SECTIONS; s++)
          found |= heading[s] >= 0;
        if (!found)
          {
            g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_REPORT,
                         _("This is not a government information disclosure annual report: "
                           "none of its section headings or tables was found"));
            return NULL;
          }
      }
  }

  im.report = nb_report_new (edition);
  im.edition = nb_report_get_edition_def (im.report);
  if (n_converted > 0)
    add_message (&im, NB_IMPORT_SEVERITY_INFO, NULL,
                 _("%u Traditional characters were converted to Simplified ones"), n_converted);

  /* organ, year, title */
  if (options->organ != NULL && *options->organ != '\0')
    nb_report_set_organ (im.report, options->organ);
  else if (title.organ != NULL)
    nb_report_set_organ (im.report, title.organ);
  else
    add_message (&im, NB_IMPORT_SEVERITY_WARNING, NULL,
                 _("The name of the office was not found in the title; set it before saving"));
  if (title.year >= NB_YEAR_MIN && title.year <= NB_YEAR_MAX)
    nb_report_set_year (im.report, title.year);
  else
    add_message (&im, NB_IMPORT_SEVERITY_WARNING, NULL,
                 _("The year of the report was not found in the title; set it before saving"));
  if (title.title != NULL && (options->organ == NULL || *options->organ == '\0') && options->year <= 0)
    {
      g_autofree char *derived = nb_report_derive_title (nb_report_get_organ (im.report),
                                                         nb_report_get_year (im.report));
      if (strcmp (derived, title.title) != 0)
        nb_report_set_title (im.report, title.title);
    }

  /* tables */
  {
    const NbEditionDef *def = im.edition;
    int s2_end = next_heading (heading, 2, (int) n_cells);

    for (guint t = 0; t < def->n_tables; t++)
      {
        const NbTableDef *tdef = &def->tables[t];
        NbTable *table = nb_report_get_table (im.report, tdef->key);
        int start = -1, end = (int) n_cells;

        if (tdef->section == 2)
          {
            start = caption[t];
            end = s2_end;
            for (guint u = 0; u < def->n_tables; u++)
              if (u < G_N_ELEMENTS (caption) && caption[u] > start && caption[u] < end)
                end = caption[u];
          }
        else
          {
            start = heading[tdef->section];
            end = next_heading (heading, tdef->section, (int) n_cells);
          }
        if (start < 0)
          {
            add_message (&im, NB_IMPORT_SEVERITY_ERROR, tdef->key,
                         "缺少表格：%s", table_name (tdef));
            continue;
          }
        import_table (&im, table, (guint) start + 1, (guint) MAX (end, start + 1));
      }
  }
  if (im.n_blank > 0)
    add_message (&im, NB_IMPORT_SEVERITY_INFO, NULL,
                 _("%u table cells were published blank and are imported blank"), im.n_blank);

  /* text sections */
  {
    for (NbTextSection t = 0; t < NB_N_TEXT_SECTIONS; t++)
      {
        guint s = nb_text_section_number (t);
        g_autofree char *body_text = NULL;
        int next;

        /* the preface, before section 一, is read below */
        if (s == 0)
          continue;
        if (heading[s] < 0)
          {
            add_message (&im, NB_IMPORT_SEVERITY_WARNING, nb_text_section_key (t),
                         "缺少一节：%s", nb_section_heading (s));
            continue;
          }
        next = next_heading (heading, s, -1);
        body_text = section_text (&im, (guint) heading[s] + 1, next >= 0 ? (guint) next : n_cells);
        if (next < 0)
          {
            char *unsigned_text = strip_signature (&im, body_text);
            g_free (body_text);
            body_text = unsigned_text;
          }
        nb_report_set_text (im.report, t, body_text);
      }
    for (guint s = 1; s <= NB_N_SECTIONS; s++)
      if (!nb_section_is_text (s) && heading[s] < 0)
        add_message (&im, NB_IMPORT_SEVERITY_WARNING, NULL, "缺少一节的标题：%s", nb_section_heading (s));

    /* the preface: after the title (or from the opening sentence) to 一 */
    {
      int first = heading[1] >= 0 ? heading[1] : next_heading (heading, 1, -1);
      guint end_cell = first >= 0 ? (guint) first : 0;
      guint start_cell = title.line < 0 ? 0 : (guint) title.line + (title.standalone ? 1 : 0);

      if (title.line >= 0 && start_cell < end_cell)
        {
          g_autofree char *preface = section_text (&im, start_cell, end_cell);
          nb_report_set_text (im.report, NB_TEXT_PREFACE, preface);
        }
      else if (title.line < 0 && end_cell > 0)
        add_message (&im, NB_IMPORT_SEVERITY_INFO, NULL,
                     _("No title was found; the text before section 1 was not imported"));
    }
  }

  if (messages != NULL)
    *messages = g_steal_pointer (&list);
  return im.report;
}
