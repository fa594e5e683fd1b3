/* nb-previous-link.c — last year's report, as this year's file remembers it
 *
 * A link names last year's file (a path relative to this year's file, or
 * absolute) and keeps a copy of the figures the cross-year rules read, so
 * that the rules still work when either file moves:
 *
 * - section 三 row 四、结转下年度继续办理, every column (X1);
 * - 2021 edition: section 二 (一) 现行有效件数 of every row (X2);
 * - 2019 edition: section 二 上一年项目数量 and 本年增/减 of every row (X3);
 * - the text of section 五 (X4), the organ (X5) and the year (X6).
 *
 * The figures are held as a report of last year's edition in which only
 * those cells are filled, so the checker reads them as it reads a whole
 * report.  A link does not change once made; linking anew makes a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-previous-link"

#include "config.h"

#include <string.h>

#include "nb-previous-link.h"

struct _NbPreviousLink
{
  GObject   parent_instance;

  char     *path;
  char     *base;      /* the folder a relative path starts from, or NULL */
  NbReport *figures;
};

G_DEFINE_FINAL_TYPE (NbPreviousLink, nb_previous_link, G_TYPE_OBJECT)

static void
nb_previous_link_finalize (GObject *object)
{
  NbPreviousLink *self = (NbPreviousLink *) object;

  g_free (self->path);
  g_free (self->base);
  g_clear_object (&self->figures);

  G_OBJECT_CLASS (nb_previous_link_parent_class)->finalize (object);
}

static void
nb_previous_link_class_init (NbPreviousLinkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_previous_link_finalize;
}

static void
nb_previous_link_init (NbPreviousLink *self)
{
}

/**
 * nb_previous_link_is_linked_cell:
 * Whether a link keeps the cell (@row, @column) of a table of @def.
 */
gboolean
nb_previous_link_is_linked_cell (const NbTableDef *def,
                                 guint             row,
                                 guint             column)
{
  const char *column_key;

  g_return_val_if_fail (row < def->n_rows && column < def->n_columns, FALSE);

  if (strcmp (def->key, "s3_requests") == 0)
    return strcmp (def->rows[row].key, "carried_forward") == 0;
  if (def->section != 2)
    return FALSE;
  column_key = def->columns[column].key;
  return strcmp (column_key, "in_force") == 0 || strcmp (column_key, "prev_items") == 0 ||
         strcmp (column_key, "change") == 0;
}

/**
 * nb_previous_link_count_cells:
 * Returns: how many cells a link to a report of @edition keeps
 */
guint
nb_previous_link_count_cells (NbEdition edition)
{
  const NbEditionDef *def = nb_edition_get (edition);
  guint n = 0;

  for (guint t = 0; t < def->n_tables; t++)
    for (guint r = 0; r < def->tables[t].n_rows; r++)
      for (guint c = 0; c < def->tables[t].n_columns; c++)
        n += nb_previous_link_is_linked_cell (&def->tables[t], r, c);
  return n;
}

/* Copies the linked cells of one table as they are shown: a number stays
 * a number, anything else (empty, a marker) is left empty; a total keeps
 * a value that differs from the sum of its parts. */
static void
copy_linked_cells (NbTable *to,
                   NbTable *from)
{
  const NbTableDef *def = nb_table_get_def (to);

  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < def->n_rows; r++)
      for (guint c = 0; c < def->n_columns; c++)
        {
          gboolean is_number, any;
          gint64 number, sum = 0;

          if (!nb_previous_link_is_linked_cell (def, r, c) ||
              nb_table_def_is_total (def, r, c) != (pass == 1))
            continue;
          is_number = nb_table_get_state (from, r, c) == NB_CELL_NUMBER;
          number = nb_table_get_number (from, r, c);
          if (pass == 0)
            {
              if (is_number)
                nb_table_set_number (to, r, c, number, NULL);
              continue;
            }
          any = nb_table_sum_parts (to, r, c, &sum);
          if (is_number && (!any || sum != number))
            nb_table_set_number (to, r, c, number, NULL);
          else if (!is_number && any)
            nb_table_clear (to, r, c);
        }
}

/**
 * nb_previous_link_new:
 * @previous: last year's report
 * @path: (nullable): where it is, relative to this year's file or absolute
 *
 * Returns: (transfer full): a link keeping @previous's organ, year,
 *   edition, the cells of nb_previous_link_is_linked_cell() and the text
 *   of section 五
 */
NbPreviousLink *
nb_previous_link_new (NbReport   *previous,
                      const char *path)
{
  g_autoptr(NbReport) figures = NULL;

  g_return_val_if_fail (NB_IS_REPORT (previous), NULL);

  figures = nb_report_new (nb_report_get_edition (previous));
  nb_report_set_organ (figures, nb_report_get_organ (previous));
  nb_report_set_year (figures, nb_report_get_year (previous));
  nb_report_set_text (figures, NB_TEXT_PROBLEMS,
                      nb_report_get_text (previous, NB_TEXT_PROBLEMS));
  for (guint t = 0; t < nb_report_get_n_tables (figures); t++)
    copy_linked_cells (nb_report_get_table_at (figures, t),
                       nb_report_get_table_at (previous, t));
  return nb_previous_link_new_from_figures (figures, path);
}

/**
 * nb_previous_link_new_from_figures:
 * @figures: a report holding only what a link keeps (as read from a file)
 * @path: (nullable): where last year's file is
 *
 * Returns: (transfer full): a link; it keeps a reference to @figures,
 *   which must not be changed afterwards
 */
NbPreviousLink *
nb_previous_link_new_from_figures (NbReport   *figures,
                                   const char *path)
{
  NbPreviousLink *self;

  g_return_val_if_fail (NB_IS_REPORT (figures), NULL);

  self = g_object_new (NB_TYPE_PREVIOUS_LINK, NULL);
  self->figures = g_object_ref (figures);
  self->path = g_strdup (path != NULL && *path != '\0' ? path : NULL);
  return self;
}

/**
 * nb_previous_link_get_path:
 * Returns: (nullable): last year's file, relative to this year's file's
 *   folder or absolute; %NULL when the link was made from a report that
 *   has no file
 */
const char *
nb_previous_link_get_path (NbPreviousLink *self)
{
  g_return_val_if_fail (NB_IS_PREVIOUS_LINK (self), NULL);
  return self->path;
}

void
nb_previous_link_set_path (NbPreviousLink *self,
                           const char     *path)
{
  g_return_if_fail (NB_IS_PREVIOUS_LINK (self));

  if (path != NULL && *path == '\0')
    path = NULL;
  g_free (self->path);
  self->path = g_strdup (path);
}

/**
 * nb_previous_link_get_base:
 * Returns: (nullable): the folder of this year's file, from which a
 *   relative path starts (known once the file was loaded or saved)
 */
const char *
nb_previous_link_get_base (NbPreviousLink *self)
{
  g_return_val_if_fail (NB_IS_PREVIOUS_LINK (self), NULL);
  return self->base;
}

void
nb_previous_link_set_base (NbPreviousLink *self,
                           const char     *folder)
{
  g_return_if_fail (NB_IS_PREVIOUS_LINK (self));

  g_free (self->base);
  self->base = folder != NULL ? g_canonicalize_filename (folder, NULL) : NULL;
}

/**
 * nb_previous_link_resolve:
 * Returns: (transfer full) (nullable): last year's file as an absolute
 *   path, or %NULL when the link has no path, or a relative one and no
 *   base
 */
char *
nb_previous_link_resolve (NbPreviousLink *self)
{
  g_return_val_if_fail (NB_IS_PREVIOUS_LINK (self), NULL);

  if (self->path == NULL)
    return NULL;
  if (g_path_is_absolute (self->path))
    return g_canonicalize_filename (self->path, NULL);
  if (self->base == NULL)
    return NULL;
  return g_canonicalize_filename (self->path, self->base);
}

/**
 * nb_path_relative_to:
 * @path: an absolute path
 * @folder: an absolute folder
 *
 * Returns: (transfer full): @path written relative to @folder, with `..`
 *   where needed (`../2023/report.nianbao`)
 */
char *
nb_path_relative_to (const char *path,
                     const char *folder)
{
  g_autofree char *canonical_path = g_canonicalize_filename (path, NULL);
  g_autofree char *canonical_folder = g_canonicalize_filename (folder, NULL);
  g_auto(GStrv) to = g_strsplit (canonical_path, G_DIR_SEPARATOR_S, -1);
  g_auto(GStrv) from = g_strsplit (canonical_folder, G_DIR_SEPARATOR_S, -1);
  GString *relative = g_string_new (NULL);
  guint common = 0;

  while (to[common] != NULL && from[common] != NULL && strcmp (to[common], from[common]) == 0)
    common++;
  for (guint i = common; from[i] != NULL; i++)
    if (*from[i] != '\0')
      g_string_append (relative, ".." G_DIR_SEPARATOR_S);
  for (guint i = common; to[i] != NULL; i++)
    {
      if (*to[i] == '\0')
        continue;
      g_string_append (relative, to[i]);
      if (to[i + 1] != NULL)
        g_string_append (relative, G_DIR_SEPARATOR_S);
    }
  return g_string_free (relative, FALSE);
}

/**
 * nb_previous_link_rebase:
 * @folder: the folder this year's file is (being) saved in
 *
 * Rewrites the path relative to @folder, so that it still leads to last
 * year's file from there; a path that cannot be resolved is left as it is.
 */
void
nb_previous_link_rebase (NbPreviousLink *self,
                         const char     *folder)
{
  g_autofree char *target = NULL;

  g_return_if_fail (NB_IS_PREVIOUS_LINK (self));
  g_return_if_fail (folder != NULL);

  target = nb_previous_link_resolve (self);
  if (target != NULL)
    {
      g_free (self->path);
      self->path = nb_path_relative_to (target, folder);
    }
  nb_previous_link_set_base (self, folder);
}

const char *
nb_previous_link_get_organ (NbPreviousLink *self)
{
  g_return_val_if_fail (NB_IS_PREVIOUS_LINK (self), NULL);
  return nb_report_get_organ (self->figures);
}

int
nb_previous_link_get_year (NbPreviousLink *self)
{
  g_return_val_if_fail (NB_IS_PREVIOUS_LINK (self), 0);
  return nb_report_get_year (self->figures);
}

NbEdition
nb_previous_link_get_edition (NbPreviousLink *self)
{
  g_return_val_if_fail (NB_IS_PREVIOUS_LINK (self), NB_EDITION_2021);
  return nb_report_get_edition (self->figures);
}

/**
 * nb_previous_link_get_figures:
 * Returns: (transfer none): a report of last year's edition, organ and
 *   year in which only the linked cells and section 五 are filled; the
 *   checker reads it as last year's report
 */
NbReport *
nb_previous_link_get_figures (NbPreviousLink *self)
{
  g_return_val_if_fail (NB_IS_PREVIOUS_LINK (self), NULL);
  return self->figures;
}
