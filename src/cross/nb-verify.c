/* nb-verify.c — a report against the copy that was published
 *
 * The published copy is read back by the importer (in the report's
 * edition) before it comes here.  Every table cell is compared as the
 * report prints it (number, marker or blank), so `/` against `0` or a
 * blank differs.  A published cell that the importer reported it could
 * not read or place (a message on the cell, its row or its table) is
 * “not read”, never a match.  The texts are compared without their
 * white space (nb_verify_text_key()): a PDF breaks lines and pages
 * where its layout needs, and spaces the layout adds are not the text's.
 * The same comparison tells what changed since a 定稿 version: its kept
 * content against the report now, with no importer's messages.
 * Nothing here changes either report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-verify"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "nb-import.h"
#include "nb-text.h"
#include "nb-verify.h"

/* Characters either side of a differing passage, and the most of it shown. */
#define PASSAGE_CONTEXT 8
#define PASSAGE_MAX     40

void
nb_verify_difference_free (NbVerifyDifference *difference)
{
  if (difference == NULL)
    return;
  g_free (difference->address);
  g_free (difference->label);
  g_free (difference->expected);
  g_free (difference->published);
  g_free (difference);
}

static void
add_difference (GPtrArray    *differences,
                NbVerifyKind  kind,
                char         *address,
                char         *label,
                char         *expected,
                char         *published)
{
  NbVerifyDifference *difference = g_new0 (NbVerifyDifference, 1);

  *difference = (NbVerifyDifference) { kind, address, label, expected, published };
  g_ptr_array_add (differences, difference);
}

/* Whether an import message on @where (`table`, `table.row`, a cell or a
 * text section's key) concerns @address. */
static gboolean
covers (const char *where,
        const char *address)
{
  gsize n = strlen (where);

  return strncmp (where, address, n) == 0 && (address[n] == '\0' || address[n] == '.');
}

/* Whether the importer said of @address, at @severity or worse, that it
 * was not read: a cell or row not placed is an error, a section not found
 * a warning. */
static gboolean
not_read (GPtrArray        *messages,
          const char       *address,
          NbImportSeverity  severity)
{
  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      const NbImportMessage *message = g_ptr_array_index (messages, i);

      if (message->severity >= severity && message->address != NULL &&
          covers (message->address, address))
        return TRUE;
    }
  return FALSE;
}

static void
verify_table (GPtrArray *differences,
              NbTable   *table,
              NbTable   *published,
              GPtrArray *messages)
{
  const NbTableDef *def = nb_table_get_def (table);

  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      {
        g_autofree char *address = nb_table_cell_address (table, r, c);
        g_autofree char *expected = nb_table_format_cell (table, r, c);
        g_autofree char *shown = nb_table_format_cell (published, r, c);
        gboolean unread = nb_table_get_state (published, r, c) == NB_CELL_EMPTY &&
                          not_read (messages, address, NB_IMPORT_SEVERITY_ERROR);

        if (!unread && strcmp (expected, shown) == 0)
          continue;
        add_difference (differences, unread ? NB_VERIFY_CELL_NOT_READ : NB_VERIFY_CELL_DIFFERS,
                        g_steal_pointer (&address), nb_table_def_cell_label (def, r, c),
                        g_steal_pointer (&expected), unread ? g_strdup ("") : g_steal_pointer (&shown));
      }
}

/**
 * nb_verify_text_key:
 * Returns: (transfer full): @text as the comparison sees it: without any
 *   white space (nb_text_is_space()), so that lines and paragraphs
 *   broken elsewhere, and spaces a layout put between a number and a
 *   word, compare equal
 */
char *
nb_verify_text_key (const char *text)
{
  GString *key = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!nb_text_is_space (g_utf8_get_char (p)))
      g_string_append_unichar (key, g_utf8_get_char (p));
  return g_string_free (key, FALSE);
}

/* @text[@start, @end) with its context, cut to PASSAGE_MAX characters. */
static char *
passage (const gunichar *text,
         glong           length,
         glong           start,
         glong           end)
{
  glong from = MAX (0, start - PASSAGE_CONTEXT);
  glong to = MIN (length, MIN (end, start + PASSAGE_MAX) + PASSAGE_CONTEXT);
  g_autofree char *middle = g_ucs4_to_utf8 (text + from, to - from, NULL, NULL, NULL);

  return g_strconcat (from > 0 ? "…" : "", middle, to < length ? "…" : "", NULL);
}

static void
verify_text (GPtrArray     *differences,
             NbReport      *report,
             NbReport      *published,
             NbTextSection  section,
             GPtrArray     *messages)
{
  guint number = nb_text_section_number (section);
  const char *key = nb_text_section_key (section);
  const char *label = number > 0 ? nb_section_heading (number) : key;
  g_autofree char *a = nb_verify_text_key (nb_report_get_text (report, section));
  g_autofree char *b = nb_verify_text_key (nb_report_get_text (published, section));
  g_autofree gunichar *x = NULL, *y = NULL;
  gboolean unread = *b == '\0' && not_read (messages, key, NB_IMPORT_SEVERITY_WARNING);
  glong nx, ny, prefix = 0, suffix = 0;

  if (!unread && strcmp (a, b) == 0)
    return;
  x = g_utf8_to_ucs4_fast (a, -1, &nx);
  y = g_utf8_to_ucs4_fast (b, -1, &ny);
  if (unread)
    {
      add_difference (differences, NB_VERIFY_TEXT_NOT_READ, g_strdup (key), g_strdup (label),
                      passage (x, nx, 0, nx), g_strdup (""));
      return;
    }
  while (prefix < nx && prefix < ny && x[prefix] == y[prefix])
    prefix++;
  while (suffix < nx - prefix && suffix < ny - prefix && x[nx - 1 - suffix] == y[ny - 1 - suffix])
    suffix++;
  add_difference (differences, NB_VERIFY_TEXT_DIFFERS, g_strdup (key), g_strdup (label),
                  passage (x, nx, prefix, nx - suffix), passage (y, ny, prefix, ny - suffix));
}

/**
 * nb_verify_report:
 * @report: the report as it was finalized
 * @published: the published copy, imported in @report's edition; or
 *   the report as it is now, for what changed since the 定稿 @report
 * @messages: (element-type NbImportMessage) (nullable): the importer's
 *   messages on @published; %NULL when it was not imported
 *
 * Returns: (transfer container) (element-type NbVerifyDifference): every
 *   cell, then every text section, that the published copy does not hold
 *   as @report has it, in the report's order; empty when the copy is exact
 */
GPtrArray *
nb_verify_report (NbReport  *report,
                  NbReport  *published,
                  GPtrArray *messages)
{
  GPtrArray *differences;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (NB_IS_REPORT (published), NULL);
  g_return_val_if_fail (nb_report_get_edition (report) == nb_report_get_edition (published), NULL);

  differences = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_verify_difference_free);
  for (guint t = 0; t < nb_report_get_n_tables (report); t++)
    verify_table (differences, nb_report_get_table_at (report, t),
                  nb_report_get_table_at (published, t), messages);
  for (NbTextSection s = 0; s < NB_N_TEXT_SECTIONS; s++)
    verify_text (differences, report, published, s, messages);
  return differences;
}

/**
 * nb_verify_version:
 * @report: a report with a 定稿 history
 * @number: a version of it, 1 for the first finalized
 *
 * What changed since version @number: every cell and text section of
 * the content kept for that version that @report no longer holds as it
 * was (nb_verify_report(), the version as the expected side).
 *
 * Returns: (transfer container) (element-type NbVerifyDifference)
 *   (nullable): the differences, empty when the report holds that
 *   version exactly; %NULL when it has no such version or the version
 *   kept no content (recorded before versions kept it)
 */
GPtrArray *
nb_verify_version (NbReport  *report,
                   guint      number,
                   GError   **error)
{
  GPtrArray *versions;
  const NbReportVersion *version;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  versions = nb_report_get_versions (report);
  if (number < 1 || number > versions->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   g_dngettext (GETTEXT_PACKAGE,
                                "There is no finalized version %u: the report has %u version",
                                "There is no finalized version %u: the report has %u versions",
                                versions->len), number, versions->len);
      return NULL;
    }
  version = g_ptr_array_index (versions, number - 1);
  if (version->content == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Version %u, finalized on %s, was recorded by an older Nianbao that kept only "
                     "its fingerprint (%s), not its content"),
                   number, version->date, version->fingerprint);
      return NULL;
    }
  return nb_verify_report (version->content, report, NULL);
}
