/* nb-rules-common.c — what the rules of the checker share
 *
 * Recording what a rule found, reading a table's number by its keys,
 * telling an empty text and the sentence around a place in a text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-rules"

#include "config.h"

#include <string.h>

#include "nb-rules-private.h"
#include "nb-text.h"

/* ---- Recording ---------------------------------------------------------- */

void
_nb_rules_record (GArray *records,
                  Rule    rule,
                  guint   section,
                  guint   table,
                  guint   where,
                  gint64  n0,
                  gint64  n1,
                  gint64  n2,
                  gint64  n3)
{
  NbRecord r;

  memset (&r, 0, sizeof r);
  r.rule = rule;
  r.section = section;
  r.table = table;
  r.where = where;
  r.n[0] = n0;
  r.n[1] = n1;
  r.n[2] = n2;
  r.n[3] = n3;
  g_array_append_val (records, r);
}

gint64
_nb_rules_number_by_key (NbTable    *table,
                         const char *row_key,
                         const char *column_key,
                         gboolean   *present)
{
  const NbTableDef *def = nb_table_get_def (table);
  int row = nb_table_def_find_row (def, row_key);
  int column = nb_table_def_find_column (def, column_key);

  if (row < 0 || column < 0 || nb_table_get_state (table, row, column) != NB_CELL_NUMBER)
    {
      if (present != NULL)
        *present = FALSE;
      return 0;
    }
  if (present != NULL)
    *present = TRUE;
  return nb_table_get_number (table, row, column);
}

/* Whether the cell was imported, or written since (nb_table_is_not_imported()):
 * a rule compares only such cells, since the published value of one the
 * importer could not place is unknown.  A cell the table does not have
 * counts as imported: the rules decide about it as before. */
gboolean
_nb_rules_imported_by_key (NbTable    *table,
                           const char *row_key,
                           const char *column_key)
{
  const NbTableDef *def = nb_table_get_def (table);
  int row = nb_table_def_find_row (def, row_key);
  int column = nb_table_def_find_column (def, column_key);

  return row < 0 || column < 0 || !nb_table_is_not_imported (table, row, column);
}

/* ---- Texts ------------------------------------------------------------------ */

gboolean
_nb_rules_is_blank_text (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!nb_text_is_space (c) && !g_unichar_ispunct (c))
        return FALSE;
    }
  return TRUE;
}

/* 。；！？ — not a line end: a PDF copy breaks lines inside sentences */
static gboolean
ends_sentence (gunichar c)
{
  return c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == ';';
}

/* The sentence around @offset, between 。；！？. */
void
_nb_rules_sentence_bounds (const char *text,
                           guint       offset,
                           const char **start,
                           const char **end)
{
  const char *p = text + offset;

  *start = p;
  while (*start > text)
    {
      const char *prev = g_utf8_prev_char (*start);
      gunichar c = g_utf8_get_char (prev);

      if (ends_sentence (c))
        break;
      *start = prev;
    }
  *end = p;
  while (**end)
    {
      gunichar c = g_utf8_get_char (*end);

      *end = g_utf8_next_char (*end);
      if (ends_sentence (c))
        break;
    }
}

/* A hash of the sentence around @offset, so that a finding quoting it is
 * renewed when the sentence changes. */
gint64
_nb_rules_sentence_hash (const char *text,
                         guint       offset)
{
  const char *start, *end;
  guint32 h = 5381;

  _nb_rules_sentence_bounds (text, offset, &start, &end);
  for (const char *p = start; p < end; p++)
    h = h * 33 + (guchar) *p;
  return h;
}
