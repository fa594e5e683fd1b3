/* nb-recovery.c — copies of unsaved reports, kept in case of a crash
 *
 * While a window has unsaved changes it writes the report every few
 * seconds to $XDG_DATA_HOME/nianbao/recovery/<id>.nianbao, with the path
 * of the file it edits in <id>.origin and the stamp of what that file
 * held (the report the edits were made to) in <id>.base.  Saving or
 * discarding removes the copy; a copy found at the next start was left
 * by a crash.  The base stamp tells whether another program changed the
 * file since: then the restore says so, and the first save asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-recovery"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "nb-recovery.h"
#include "nb-report-file.h"

#define BASE_NONE "none"

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

/* “SIZE SHA256” of what the file held, or “none” */
static char *
base_to_text (const NbFileStamp *base)
{
  GString *text;

  if (base == NULL || !base->exists)
    return g_strdup (BASE_NONE);
  text = g_string_new (NULL);
  g_string_append_printf (text, "%" G_GINT64_FORMAT " ", base->size);
  for (guint i = 0; i < sizeof base->sha256; i++)
    g_string_append_printf (text, "%02x", base->sha256[i]);
  return g_string_free (text, FALSE);
}

/* The stamp written by base_to_text(); FALSE when @text is not one. */
static gboolean
base_from_text (NbFileStamp *base,
                const char  *text)
{
  char *end;

  memset (base, 0, sizeof *base);
  if (strcmp (text, BASE_NONE) == 0)
    return TRUE;
  base->size = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != ' ' || strlen (end + 1) != 2 * sizeof base->sha256)
    return FALSE;
  for (guint i = 0; i < sizeof base->sha256; i++)
    {
      int high = g_ascii_xdigit_value (end[1 + 2 * i]);
      int low = g_ascii_xdigit_value (end[2 + 2 * i]);

      if (high < 0 || low < 0)
        return FALSE;
      base->sha256[i] = (guint8) (high << 4 | low);
    }
  base->exists = TRUE;
  return TRUE;
}

/**
 * nb_recovery_write:
 * @original: (nullable): the path of the file the report was opened from
 * @base: (nullable): the stamp of what @original held when the report
 *   was read or last saved
 *
 * Writes (atomically) the recovery copy of a report.
 */
gboolean
nb_recovery_write (const char  *id,
                   NbReport    *report,
                   const char  *original,
                   const NbFileStamp *base,
                   GError     **error)
{
  g_autofree char *dir = nb_recovery_dir ();
  g_autofree char *path = file_in_dir (id, ".nianbao");
  g_autofree char *origin = file_in_dir (id, ".origin");
  g_autofree char *base_path = file_in_dir (id, ".base");
  g_autofree char *data = NULL, *base_text = NULL;
  gsize length;

  g_return_val_if_fail (id != NULL && NB_IS_REPORT (report), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "Cannot make the folder %s", dir);
      return FALSE;
    }
  data = nb_report_to_data (report, &length);
  base_text = base_to_text (base);
  if (original == NULL)
    original = "";
  /* the folder is the user's alone (0700): the copies are as private */
  return nb_file_write_atomically (origin, original, strlen (original), error) &&
         nb_file_write_atomically (base_path, base_text, strlen (base_text), error) &&
         nb_file_write_atomically (path, data, length, error);
}

void
nb_recovery_entry_free (NbRecoveryEntry *entry)
{
  g_free (entry->id);
  g_free (entry->path);
  g_free (entry->original);
  g_free (entry);
}

/* A copy without a readable base (written by an older Nianbao) is taken
 * as based on what the file holds now: nothing to warn of. */
static void
read_base (NbRecoveryEntry *entry)
{
  g_autofree char *path = file_in_dir (entry->id, ".base");
  g_autofree char *text = NULL;

  if (entry->original != NULL &&
      (!g_file_get_contents (path, &text, NULL, NULL) || !base_from_text (&entry->base, text)))
    nb_file_stamp_read (&entry->base, entry->original, NULL);
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
      read_base (entry);
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

/**
 * nb_recovery_entry_changed_on_disk:
 *
 * Returns: whether the file the copy was made from holds something else
 *   now than when the copy was written (another program wrote it, or it
 *   appeared); a file that has gone since is no change to lose
 */
gboolean
nb_recovery_entry_changed_on_disk (const NbRecoveryEntry *entry)
{
  NbFileStamp now;

  if (entry->original == NULL || !nb_file_stamp_read (&now, entry->original, NULL))
    return FALSE;
  return now.exists && !nb_file_stamp_same_content (&entry->base, &now);
}

void
nb_recovery_remove (const char *id)
{
  g_autofree char *path = NULL, *origin = NULL, *base = NULL;

  if (id == NULL)
    return;
  path = file_in_dir (id, ".nianbao");
  origin = file_in_dir (id, ".origin");
  base = file_in_dir (id, ".base");
  g_unlink (path);
  g_unlink (origin);
  g_unlink (base);
}
