/* test-faults.c — faults while saving: a folder that cannot be written, a
 * disk that fills up, a failing flush or rename, a file changed on disk by
 * another program.  In every one the file that was there stays as it was,
 * byte for byte, no temporary file is left, and the error says what
 * happened.
 *
 * The faults are injected: this program defines open(), write(),
 * fallocate(), fsync() and rename() itself, so the calls that GLib makes
 * while saving come here first; for paths under the test's folder they
 * fail as asked, everything else passes through to the C library.  (CI
 * runs as root, where a read-only folder is writable; an injected EROFS
 * holds for everyone.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
/* the plain and the 64-bit names are both defined below, by hand */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "nb-page-renderer.h"
#include "nb-report-file.h"
#include "test-util.h"

/* ---- Fault injection ------------------------------------------------------- */

static struct {
  char   *dir;            /* faults only for files under this folder */
  int     create_errno;   /* creating a file fails so */
  gint64  write_limit;    /* bytes written before ENOSPC; < 0: no limit */
  gint64  written;
  int     fallocate_errno;
  int     fsync_errno;
  int     rename_errno;
  gboolean kill_at_limit;  /* the process is killed, as by a timeout, at write_limit */
} fault = { NULL, 0, -1, 0, 0, 0, 0, FALSE };

static void
fault_clear (void)
{
  g_clear_pointer (&fault.dir, g_free);
  fault.create_errno = fault.fallocate_errno = fault.fsync_errno = fault.rename_errno = 0;
  fault.write_limit = -1;
  fault.written = 0;
  fault.kill_at_limit = FALSE;
}

static gboolean
path_under_fault_dir (const char *path)
{
  gsize n;

  if (fault.dir == NULL || path == NULL)
    return FALSE;
  n = strlen (fault.dir);
  return strncmp (path, fault.dir, n) == 0 && path[n] == '/';
}

static gboolean
fd_under_fault_dir (int fd)
{
  char link[64], path[4096];
  ssize_t n;

  if (fault.dir == NULL)
    return FALSE;
  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, path, sizeof path - 1);
  if (n < 0)
    return FALSE;
  path[n] = '\0';
  return path_under_fault_dir (path);
}

#define REAL(name) ((__typeof__ (&name)) dlsym (RTLD_NEXT, #name))

static int
open_common (const char *name,
             const char *path,
             int         flags,
             mode_t      mode)
{
  int (*real) (const char *, int, ...) = dlsym (RTLD_NEXT, name);

  if ((flags & O_CREAT) && fault.create_errno != 0 && path_under_fault_dir (path))
    {
      errno = fault.create_errno;
      return -1;
    }
  return real (path, flags, mode);
}

int open (const char *path, int flags, ...);
int open64 (const char *path, int flags, ...);

int
open (const char *path,
      int         flags,
      ...)
{
  mode_t mode = 0;
  va_list args;

  va_start (args, flags);
  if (flags & (O_CREAT | O_TMPFILE))
    mode = va_arg (args, mode_t);
  va_end (args);
  return open_common ("open", path, flags, mode);
}

int
open64 (const char *path,
        int         flags,
        ...)
{
  mode_t mode = 0;
  va_list args;

  va_start (args, flags);
  if (flags & (O_CREAT | O_TMPFILE))
    mode = va_arg (args, mode_t);
  va_end (args);
  return open_common ("open64", path, flags, mode);
}

ssize_t
write (int         fd,
       const void *buffer,
       size_t      count)
{
  if (fault.write_limit >= 0 && fd_under_fault_dir (fd))
    {
      gint64 room = fault.write_limit - fault.written;

      if (room <= 0 && fault.kill_at_limit)
        raise (SIGKILL);
      if (room <= 0)
        {
          errno = ENOSPC;
          return -1;
        }
      count = MIN ((gint64) count, room);   /* a short write, then ENOSPC */
      fault.written += count;
    }
  return REAL (write) (fd, buffer, count);
}

int fallocate64 (int fd, int mode, off64_t offset, off64_t length);

int
fallocate (int   fd,
           int   mode,
           off_t offset,
           off_t length)
{
  if (fault.fallocate_errno != 0 && fd_under_fault_dir (fd))
    {
      errno = fault.fallocate_errno;
      return -1;
    }
  return REAL (fallocate) (fd, mode, offset, length);
}

int
fallocate64 (int     fd,
             int     mode,
             off64_t offset,
             off64_t length)
{
  if (fault.fallocate_errno != 0 && fd_under_fault_dir (fd))
    {
      errno = fault.fallocate_errno;
      return -1;
    }
  return REAL (fallocate64) (fd, mode, offset, length);
}

int
fsync (int fd)
{
  if (fault.fsync_errno != 0 && fd_under_fault_dir (fd))
    {
      errno = fault.fsync_errno;
      return -1;
    }
  return REAL (fsync) (fd);
}

int
rename (const char *from,
        const char *to)
{
  if (fault.rename_errno != 0 && path_under_fault_dir (to))
    {
      errno = fault.rename_errno;
      return -1;
    }
  return REAL (rename) (from, to);
}

/* ---- Helpers ------------------------------------------------------------------ */

typedef struct {
  char     *dir;
  char     *path;
  NbReport *report;     /* what is saved at @path */
  char     *on_disk;    /* its bytes */
  gsize     length;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nianbao-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "report.nianbao", NULL);
  fixture->report = test_clean_report (NB_EDITION_2021);
  g_assert_true (nb_report_save_to_path (fixture->report, fixture->path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture->path, &fixture->on_disk, &fixture->length, NULL));

  /* the user's edit that is about to be saved */
  test_set (fixture->report, "s3_requests.new.natural", 23);
  test_set (fixture->report, "s3_requests.granted.natural", 17);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  fault_clear ();
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->on_disk);
  g_assert_finalize_object (fixture->report);
}

/* The file holds what it held, and nothing else is in the folder. */
static void
assert_intact (Fixture *fixture)
{
  g_autofree char *now = NULL;
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->path, &now, &length, NULL));
  g_assert_cmpmem (now, length, fixture->on_disk, fixture->length);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strcmp (name, "report.nianbao") != 0)
      g_error ("a file was left behind: %s", name);

  loaded = nb_report_load_from_path (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_get (loaded, "s3_requests.new.natural"), ==, 22);
}

/* Saves with the fault set; expects an I/O error that says @says and that
 * the file on disk was not changed. */
static void
assert_save_fails (Fixture    *fixture,
                   const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_name (fixture->path);
  gboolean saved;

  fault.dir = g_strdup (fixture->dir);
  saved = nb_report_save_to_path (fixture->report, fixture->path, &error);
  fault_clear ();

  g_assert_false (saved);
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” not in “%s”", says, error->message);
  g_assert_nonnull (strstr (error->message, "The file on disk was not changed"));
  /* not the name of GLib's temporary file */
  g_assert_null (strstr (error->message, "report.nianbao."));
  assert_intact (fixture);
  g_clear_error (&error);

  /* once the fault is gone, the same save works */
  g_assert_true (nb_report_save_to_path (fixture->report, fixture->path, &error));
  g_assert_no_error (error);
}

/* ---- Faults ------------------------------------------------------------------- */

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  fault.create_errno = EROFS;
  assert_save_fails (fixture, "the disk is read-only");
}

static void
test_permission_denied (Fixture       *fixture,
                        gconstpointer  data)
{
  fault.create_errno = EACCES;
  assert_save_fails (fixture, "no permission to write in that folder");
}

static void
test_disk_full_mid_write (Fixture       *fixture,
                          gconstpointer  data)
{
  /* the first 1000 bytes of the new text go in, then the disk is full */
  fault.write_limit = 1000;
  assert_save_fails (fixture, "the disk is full");
}

static void
test_disk_full_at_once (Fixture       *fixture,
                        gconstpointer  data)
{
  fault.write_limit = 0;
  assert_save_fails (fixture, "the disk is full");
}

/* A file system that cannot reserve space (FAT on a USB stick): the save
 * goes on and works. */
static void
test_no_fallocate (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) loaded = NULL;

  fault.dir = g_strdup (fixture->dir);
  fault.fallocate_errno = EOPNOTSUPP;
  g_assert_true (nb_report_save_to_path (fixture->report, fixture->path, &error));
  fault_clear ();
  g_assert_no_error (error);
  loaded = nb_report_load_from_path (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_get (loaded, "s3_requests.new.natural"), ==, 23);
}

/* Space cannot be reserved, and then the disk is full. */
static void
test_disk_full_reserving (Fixture       *fixture,
                          gconstpointer  data)
{
  fault.fallocate_errno = ENOSPC;
  fault.write_limit = 4096;
  assert_save_fails (fixture, "the disk is full");
}

static void
test_flush_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  fault.fsync_errno = EIO;
  assert_save_fails (fixture, "the disk reported an error");
}

static void
test_rename_fails (Fixture       *fixture,
                   gconstpointer  data)
{
  fault.rename_errno = EIO;
  assert_save_fails (fixture, "the disk reported an error");
}

/* No injection: a folder that is a regular file stops root too. */
static void
test_parent_is_a_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (fixture->path, "report.nianbao", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (nb_report_save_to_path (fixture->report, inside, &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "The file on disk was not changed"));
  assert_intact (fixture);
}

/* No injection: a folder without write permission, when not root. */
static void
test_real_read_only_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);
  if (g_access (fixture->dir, W_OK) == 0)
    {
      g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
      g_test_message ("running as root: a read-only folder is writable; "
                      "/faults/read-only-folder injects the failure instead");
      return;
    }
  g_assert_false (nb_report_save_to_path (fixture->report, fixture->path, &error));
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no permission to write"));
  assert_intact (fixture);
}

/* ---- Changed on disk ---------------------------------------------------------- */

static void
write_as_another_program (const char *path,
                          const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autofree char *name = g_filename_display_name (fixture->path);
  g_autofree char *theirs = NULL, *now = NULL;
  NbFileStamp stamp, on_disk;

  report = nb_report_load_from_path_stamped (fixture->path, &stamp, &error);
  g_assert_no_error (error);
  g_assert_true (stamp.exists);
  g_assert_cmpint (stamp.size, ==, fixture->length);
  g_assert_true (nb_file_stamp_read (&on_disk, fixture->path, &error));
  g_assert_true (nb_file_stamp_same_content (&stamp, &on_disk));

  /* nothing changed: the checked save saves, and the stamp follows */
  test_set (report, "s3_requests.new.natural", 23);
  test_set (report, "s3_requests.granted.natural", 17);
  g_assert_true (nb_report_save_to_path_checked (report, fixture->path, &stamp, NB_SAVE_DEFAULT,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (nb_file_stamp_read (&on_disk, fixture->path, &error));
  g_assert_true (nb_file_stamp_same_content (&stamp, &on_disk));

  /* another program writes the file: the save is refused, theirs stays */
  {
    g_autoptr(NbReport) other = test_clean_report (NB_EDITION_2021);

    nb_report_set_organ (other, "另一个程序写的");
    theirs = nb_report_to_data (other, NULL);
  }
  write_as_another_program (fixture->path, theirs);
  test_set (report, "s3_requests.new.natural", 24);
  test_set (report, "s3_requests.granted.natural", 18);
  g_assert_false (nb_report_save_to_path_checked (report, fixture->path, &stamp, NB_SAVE_DEFAULT,
                                                  &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_CHANGED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, "changed on disk"));
  g_assert_nonnull (strstr (error->message, "the file on disk was not changed"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (fixture->path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, theirs);
  g_clear_pointer (&now, g_free);

  /* asked again: refused again (the stamp did not move) */
  g_assert_false (nb_report_save_to_path_checked (report, fixture->path, &stamp, NB_SAVE_DEFAULT,
                                                  &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_CHANGED);
  g_clear_error (&error);

  /* “overwrite”: saved, and the stamp is of what was written */
  g_assert_true (nb_report_save_to_path_checked (report, fixture->path, &stamp,
                                                 NB_SAVE_OVERWRITE_CHANGED, &error));
  g_assert_no_error (error);
  {
    g_autoptr(NbReport) loaded = nb_report_load_from_path (fixture->path, &error);
    g_assert_cmpint (test_get (loaded, "s3_requests.new.natural"), ==, 24);
  }
  g_assert_true (nb_file_stamp_read (&on_disk, fixture->path, &error));
  g_assert_true (nb_file_stamp_same_content (&stamp, &on_disk));

  /* the same bytes written again (a copy back, a touch): not a change */
  g_assert_true (g_file_get_contents (fixture->path, &now, NULL, NULL));
  write_as_another_program (fixture->path, now);
  g_assert_true (nb_report_save_to_path_checked (report, fixture->path, &stamp, NB_SAVE_DEFAULT,
                                                 &error));
  g_assert_no_error (error);

  /* replaced by a file too large to be a report: a change */
  g_assert_cmpint (truncate (fixture->path, NB_FILE_MAX_SIZE + 10), ==, 0);
  g_assert_false (nb_report_save_to_path_checked (report, fixture->path, &stamp, NB_SAVE_DEFAULT,
                                                  &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_CHANGED);
  g_clear_error (&error);

  /* deleted since: nothing to lose, the save puts it back */
  g_assert_cmpint (g_remove (fixture->path), ==, 0);
  g_assert_true (nb_report_save_to_path_checked (report, fixture->path, &stamp, NB_SAVE_DEFAULT,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));

  /* a fault while saving leaves the stamp as it was */
  {
    NbFileStamp before = stamp;

    test_set (report, "s3_requests.new.natural", 25);
    test_set (report, "s3_requests.granted.natural", 19);
    fault.dir = g_strdup (fixture->dir);
    fault.write_limit = 100;
    g_assert_false (nb_report_save_to_path_checked (report, fixture->path, &stamp,
                                                    NB_SAVE_DEFAULT, &error));
    fault_clear ();
    g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);
    g_clear_error (&error);
    g_assert_true (nb_file_stamp_same_content (&stamp, &before));
    g_assert_true (nb_report_save_to_path_checked (report, fixture->path, &stamp,
                                                   NB_SAVE_DEFAULT, &error));
    g_assert_no_error (error);
  }
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The window's way: load and save in worker threads, with the stamp. */
static void
test_changed_on_disk_async (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GAsyncResult) loaded = NULL, refused = NULL, saved = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  NbFileStamp stamp, on_disk;

  nb_report_load_async (file, NULL, async_done_cb, &loaded);
  report = nb_report_load_finish_stamped (wait_for (&loaded), &stamp, &error);
  g_assert_no_error (error);
  g_assert_true (nb_file_stamp_read (&on_disk, fixture->path, &error));
  g_assert_true (nb_file_stamp_same_content (&stamp, &on_disk));

  write_as_another_program (fixture->path, "{}");
  nb_report_save_checked_async (report, file, &stamp, NB_SAVE_DEFAULT, NULL, async_done_cb,
                                &refused);
  g_assert_false (nb_report_save_checked_finish (wait_for (&refused), &stamp, &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_true (nb_file_stamp_same_content (&stamp, &on_disk));

  nb_report_save_checked_async (report, file, &stamp, NB_SAVE_OVERWRITE_CHANGED, NULL,
                                async_done_cb, &saved);
  g_assert_true (nb_report_save_checked_finish (wait_for (&saved), &stamp, &error));
  g_assert_no_error (error);
  g_assert_true (nb_file_stamp_read (&on_disk, fixture->path, &error));
  g_assert_true (nb_file_stamp_same_content (&stamp, &on_disk));
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* A new report, or “Save As”: no stamp, no check. */
static void
test_no_stamp (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  NbFileStamp none = { 0 };
  NbFileStamp missing;
  g_autofree char *elsewhere = g_build_filename (fixture->dir, "missing.nianbao", NULL);

  g_assert_true (nb_report_save_to_path_checked (fixture->report, fixture->path, NULL,
                                                 NB_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (nb_report_save_to_path_checked (fixture->report, fixture->path, &none,
                                                 NB_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (none.exists);

  g_assert_true (nb_file_stamp_read (&missing, elsewhere, &error));
  g_assert_no_error (error);
  g_assert_false (missing.exists);
}

/* ---- Links, modes, special files ---------------------------------------------- */

static char *
contents (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Saving through a symbolic link writes the report it points at; the
 * link stays a link. */
static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "link.nianbao", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) loaded = NULL;

  g_assert_cmpint (symlink ("report.nianbao", link), ==, 0);
  g_assert_true (nb_report_save_to_path (fixture->report, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  loaded = nb_report_load_from_path (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_get (loaded, "s3_requests.new.natural"), ==, 23);
}

/* A link reached through a linked folder: its “..” is taken from the
 * folder the link is in, as the system takes it, so the report is
 * written and no file appears beside the linked folder. */
static void
test_symlink_linked_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *inner = g_build_filename (fixture->dir, "deep", "inner", NULL);
  g_autofree char *up = g_build_filename (inner, "up.nianbao", NULL);
  g_autofree char *aliases = g_build_filename (fixture->dir, "x", "y", NULL);
  g_autofree char *alias = g_build_filename (aliases, "alias", NULL);
  g_autofree char *through = g_build_filename (alias, "up.nianbao", NULL);
  g_autofree char *beside = g_build_filename (fixture->dir, "x", "report.nianbao", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) loaded = NULL;

  g_assert_cmpint (g_mkdir_with_parents (inner, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (aliases, 0700), ==, 0);
  g_assert_cmpint (symlink ("../../deep/inner", alias), ==, 0);
  g_assert_cmpint (symlink ("../../report.nianbao", up), ==, 0);
  g_assert_true (nb_report_save_to_path (fixture->report, through, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (up, G_FILE_TEST_IS_SYMLINK));
  loaded = nb_report_load_from_path (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_get (loaded, "s3_requests.new.natural"), ==, 23);

  g_remove (beside);
  g_remove (alias);
  g_remove (up);
  g_rmdir (aliases);
  g_rmdir (inner);
  *strrchr (aliases, G_DIR_SEPARATOR) = '\0';
  *strrchr (inner, G_DIR_SEPARATOR) = '\0';
  g_rmdir (aliases);
  g_rmdir (inner);
}

/* A second name of the file keeps the old bytes (a save writes a new
 * file), and the writer says so. */
static void
test_hard_link (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.nianbao", NULL);
  g_autofree char *text = nb_report_to_data (fixture->report, NULL);
  g_autofree char *now = NULL, *kept = NULL, *asked = NULL;
  g_autoptr(NbFileWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (link (fixture->path, other), ==, 0);
  asked = nb_file_links_notice (fixture->path);
  writer = nb_file_writer_new (fixture->path, &error);
  g_assert_no_error (error);
  /* the window asks before a checked save: the same words */
  g_assert_cmpstr (asked, ==, nb_file_writer_get_notice (writer));
  g_test_message ("%s", nb_file_writer_get_notice (writer));
  g_assert_nonnull (strstr (nb_file_writer_get_notice (writer), "1 other name (a hard link)"));
  g_assert_true (nb_file_writer_write (writer, text, strlen (text), &error));
  g_assert_true (nb_file_writer_commit (writer, &error));
  g_assert_no_error (error);
  now = contents (fixture->path);
  g_assert_cmpstr (now, ==, text);
  kept = contents (other);
  g_assert_cmpmem (kept, strlen (kept), fixture->on_disk, fixture->length);
}

/* A private file stays private. */
static void
test_mode_kept (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
  g_assert_true (nb_report_save_to_path (fixture->report, fixture->path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* a new file: the usual mode, 0666 less the umask */
  {
    g_autofree char *fresh = g_build_filename (fixture->dir, "new.nianbao", NULL);
    mode_t mask = umask (022);

    g_assert_true (nb_report_save_to_path (fixture->report, fresh, &error));
    umask (mask);
    g_assert_cmpint (g_stat (fresh, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 07777, ==, 0644);
  }
}

/* A pipe (or a device, such as /dev/stdout as root) is never replaced. */
static void
test_special_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.nianbao", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (nb_report_save_to_path (fixture->report, fifo, &error));
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_assert_nonnull (strstr (error->message, "-o -"));
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_remove (fifo);
  assert_intact (fixture);

  /* /dev/stdout when it is a pipe: a link through /proc that names no
   * file; the message says what it is */
  {
    g_autofree char *end = NULL;
    int fds[2];

    g_clear_error (&error);
    g_assert_cmpint (pipe (fds), ==, 0);
    end = g_strdup_printf ("/proc/self/fd/%d", fds[1]);
    g_assert_false (nb_report_save_to_path (fixture->report, end, &error));
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "not a regular file"));
    close (fds[0]);
    close (fds[1]);
  }

  /* `-o /dev/stdout >> log`: the log is an open regular file, which a
   * rename would replace; it is refused and keeps its bytes */
  {
    g_autofree char *end = NULL;
    int fd = g_open (fixture->path, O_WRONLY | O_APPEND, 0);

    g_clear_error (&error);
    g_assert_cmpint (fd, >=, 0);
    end = g_strdup_printf ("/dev/fd/%d", fd);
    g_assert_false (nb_report_save_to_path (fixture->report, end, &error));
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "a file that is open"));
    close (fd);
    assert_intact (fixture);
  }
}

/* ---- The PDF ------------------------------------------------------------------ */

static void
export_pdf (Fixture *fixture,
            GError **error)
{
  g_autoptr(NbPageRenderer) renderer = nb_page_renderer_new (fixture->report);

  g_assert_false (nb_page_renderer_write_pdf (renderer, fixture->path, error));
}

/* The disk fills up in the middle of the PDF: the old file stays. */
static void
test_pdf_disk_full (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fault.dir = g_strdup (fixture->dir);
  fault.write_limit = 20000;
  export_pdf (fixture, &error);
  fault_clear ();
  g_assert_error (error, NB_FILE_ERROR, NB_FILE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_assert_nonnull (strstr (error->message, "The file on disk was not changed"));
  assert_intact (fixture);
}

/* Killed in the middle of the PDF (a timeout, a power cut of the
 * process): the old file stays; only the temporary is left. */
static void
test_pdf_killed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *now = NULL;
  const char *name;
  gboolean temporary_left = FALSE;
  gsize length;

  if (g_test_subprocess ())
    {
      /* the parent's folder, not this fixture's */
      g_autoptr(NbPageRenderer) renderer = nb_page_renderer_new (fixture->report);
      const char *parent = g_getenv ("NB_TEST_PARENT_DIR");
      g_autofree char *path = g_build_filename (parent, "report.nianbao", NULL);

      fault.dir = g_strdup (parent);
      fault.write_limit = 20000;
      fault.kill_at_limit = TRUE;
      nb_page_renderer_write_pdf (renderer, path, NULL);
      return;
    }
  g_setenv ("NB_TEST_PARENT_DIR", fixture->dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  g_assert_true (g_file_get_contents (fixture->path, &now, &length, NULL));
  g_assert_cmpmem (now, length, fixture->on_disk, fixture->length);
  /* it was killed while writing: its temporary file is there */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    temporary_left |= g_str_has_prefix (name, ".report.nianbao.");
  g_assert_true (temporary_left);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) \
  g_test_add ("/faults/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("permission-denied", test_permission_denied);
  ADD ("disk-full-mid-write", test_disk_full_mid_write);
  ADD ("disk-full-at-once", test_disk_full_at_once);
  ADD ("disk-full-reserving", test_disk_full_reserving);
  ADD ("no-fallocate", test_no_fallocate);
  ADD ("flush-fails", test_flush_fails);
  ADD ("rename-fails", test_rename_fails);
  ADD ("parent-is-a-file", test_parent_is_a_file);
  ADD ("real-read-only-folder", test_real_read_only_folder);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("changed-on-disk-async", test_changed_on_disk_async);
  ADD ("no-stamp", test_no_stamp);
  ADD ("symlink", test_symlink);
  ADD ("symlink-linked-folder", test_symlink_linked_folder);
  ADD ("hard-link", test_hard_link);
  ADD ("mode-kept", test_mode_kept);
  ADD ("special-file", test_special_file);
  ADD ("pdf-disk-full", test_pdf_disk_full);
  ADD ("pdf-killed", test_pdf_killed);
#undef ADD
  return g_test_run ();
}
