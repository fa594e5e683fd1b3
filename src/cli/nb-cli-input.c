/* nb-cli-input.c — what the verbs read: published reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "nb-cli-private.h"
#include "nb-import.h"

/**
 * nb_cli_load_input:
 *
 * Reads a published report to import, refusing what is not a regular
 * file or is too large before reading it.
 */
gboolean
nb_cli_load_input (const char  *path,
                   char       **data,
                   gsize       *length,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  /* a device or a pipe would be read for ever */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: not a file that can be imported (a folder, a device or a pipe)"), path);
      return FALSE;
    }
  if (g_file_info_get_size (info) > NB_IMPORT_MAX_SIZE)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the file is too large to be a report (more than %d MiB)"),
                   path, NB_IMPORT_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  return g_file_load_contents (file, NULL, data, length, NULL, error);
}
