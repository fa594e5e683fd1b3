/* nb-recovery.c — copies of unsaved reports, kept in case of a crash
 *
 * While a window has unsaved changes it writes the report every few
 * seconds to $XDG_DATA_HOME/nianbao/recovery/<id>.nianbao, with the path
 * of the file it edits in <id>.origin.  Saving or discarding removes the
 * copy; a copy found at the next start was left by a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-recovery"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "nb-recovery.h"
#include "nb-report-file.h"

char *
nb_recovery_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "nianbao", "recovery", NULL);
}

static char *
file_in_dir (const char *id,
             const char *suffix)
{
  g_autofree char *dir = nb_recovery_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/**
 * nb_recovery_write:
 * @original: (nullable): the path of the file the report was opened from
 *
 * Writes (atomically) the recovery copy of a report.
 */
gboolean
nb_recovery_write (const char  *id,
                   NbReport    *report,
                   const char  *original,
                   GError     **error)
{
  g_autofree char *dir = nb_recovery_dir ();
  g_autofree char *path = file_in_dir (id, ".nianbao");
  g_autofree char *origin = file_in_dir (id, ".origin");
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (id != NULL && NB_IS_REPORT (report), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "Cannot make the folder %s", dir);
      return FALSE;
    }
  data = nb_report_to_data (report, &length);
  if (!g_file_set_contents_full (origin, original != NULL ? original : "", -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

void
nb_recovery_entry_free (NbRecoveryEntry *entry)
{
  g_free (entry->id);
  g_free (entry->path);
  g_free (entry->original);
  g_free (entry);
}

/**
 * nb_recovery_list:
 * Returns: (transfer full) (element-type NbRecoveryEntry): the recovery
 *   copies there are, newest first
 */
GPtrArray *
nb_recovery_list (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_recovery_entry_free);
  g_autofree char *dir_path = nb_recovery_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return entries;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      NbRecoveryEntry *entry;
      g_autofree char *origin = NULL;
      GStatBuf st;

      if (!g_str_has_suffix (name, ".nianbao"))
        continue;
      entry = g_new0 (NbRecoveryEntry, 1);
      entry->id = g_strndup (name, strlen (name) - strlen (".nianbao"));
      entry->path = g_build_filename (dir_path, name, NULL);
      origin = file_in_dir (entry->id, ".origin");
      if (g_file_get_contents (origin, &entry->original, NULL, NULL) && *entry->original == '\0')
        g_clear_pointer (&entry->original, g_free);
      if (g_stat (entry->path, &st) == 0)
        entry->modified = st.st_mtime;
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

NbReport *
nb_recovery_load (const NbRecoveryEntry *entry,
                  GError               **error)
{
  return nb_report_load_from_path (entry->path, error);
}

void
nb_recovery_remove (const char *id)
{
  g_autofree char *path = NULL, *origin = NULL;

  if (id == NULL)
    return;
  path = file_in_dir (id, ".nianbao");
  origin = file_in_dir (id, ".origin");
  g_unlink (path);
  g_unlink (origin);
}
