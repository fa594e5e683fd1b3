/* nb-import-messages.c — what the import says about what it read
 *
 * The error domain every stage refuses a source with, the messages every
 * stage adds to the importer (nb-import-private.h), and where in the
 * source a cell was, for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-import-private.h"

G_DEFINE_QUARK (nb-import-error-quark, nb_import_error)

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

static const char *
severity_word (const NbImportMessage *message)
{
  switch (message->severity)
    {
    case NB_IMPORT_SEVERITY_ERROR: return _("not imported");
    case NB_IMPORT_SEVERITY_WARNING: return _("warning");
    default: return _("note");
    }
}

/**
 * nb_import_message_to_string:
 * Returns: (transfer full): the message as one line, with its severity and address
 */
char *
nb_import_message_to_string (const NbImportMessage *message)
{
  if (message->address != NULL)
    return g_strdup_printf ("%s: [%s] %s", severity_word (message), message->address, message->message);
  return g_strdup_printf ("%s: %s", severity_word (message), message->message);
}

/**
 * nb_import_message_to_words:
 * Returns: (transfer full): @message for the window: its severity and
 *   text, without the key of the cell or table it is about (the text
 *   names them in the form's words)
 */
char *
nb_import_message_to_words (const NbImportMessage *message)
{
  /* Translators: a message of an import: its severity (提示, 警告, 未导入) and its text */
  return g_strdup_printf (_("%s: %s"), severity_word (message), message->message);
}

void
nb_importer_add_message (NbImporter       *im,
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

/* Where a cell was in the source, for messages: “第 3 页第 12 行”. */
char *
nb_importer_where (NbImporter *im,
                   guint       cell)
{
  const NbImportLine *line = nb_importer_line_of (im, cell);

  if (line->page > 0)
    return g_strdup_printf ("第 %u 页第 %u 行", line->page, line->source_line);
  if (line->source_line > 0 && line->source_char > 0)
    return g_strdup_printf ("第 %u 行第 %u 字", line->source_line, line->source_char);
  if (line->source_line > 0)
    return g_strdup_printf ("第 %u 行", line->source_line);
  return g_strdup_printf ("第 %u 段", nb_importer_cell (im, cell)->line + 1);
}

/* The message just added is about cells @first … @last of the source: an
 * import that keeps its source lists it with their place. */
void
nb_importer_locate_message (NbImporter *im,
                            guint       first,
                            guint       last)
{
  const NbImportMessage *message;
  g_autofree char *where = NULL;

  if (im->source == NULL || im->messages->len == 0 || first >= im->doc->cells->len)
    return;
  message = im->messages->pdata[im->messages->len - 1];
  where = nb_importer_where (im, first);
  nb_import_source_note_unplaced (im->source, message->message, where, first, last);
}
