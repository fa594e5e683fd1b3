/* nb-error-words.c — what went wrong, said to the user in plain words
 *
 * The errors of the layers below name the file, the JSON path, the line
 * and the column: right for the command line and for a bug report, not
 * for a clerk.  The window says what happened and what to do, from the
 * error's domain and code, and keeps the technical message as a detail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "nb-error-words.h"
#include "nb-file.h"
#include "nb-import.h"

static const char *
file_error_words (NbFileError code)
{
  switch (code)
    {
    case NB_FILE_ERROR_IO:
      return _("The file could not be read or written. Check that it still exists, that you may open it, and that the disk is not full.");
    case NB_FILE_ERROR_TOO_LARGE:
      return _("The file is far larger than a report can be. Check that you chose the right file.");
    case NB_FILE_ERROR_ENCODING:
    case NB_FILE_ERROR_SYNTAX:
    case NB_FILE_ERROR_DUPLICATE:
      return _("This file is damaged or incomplete, so it cannot be opened. Open an earlier copy of it, or the copy Nianbao saved automatically when it offers one.");
    case NB_FILE_ERROR_NOT_REPORT:
      return _("This file is not a Nianbao report. To bring in a published report (a PDF, a web page or a text), use Import.");
    case NB_FILE_ERROR_VERSION:
    case NB_FILE_ERROR_EDITION:
      return _("This report was saved by a newer version of Nianbao. Update Nianbao to open it.");
    case NB_FILE_ERROR_TYPE:
    case NB_FILE_ERROR_VALUE:
    case NB_FILE_ERROR_MISSING:
    case NB_FILE_ERROR_UNKNOWN:
      return _("This report holds something Nianbao cannot accept; it may have been edited outside Nianbao. Open an earlier copy, or correct what the details name.");
    case NB_FILE_ERROR_CHANGED:
      return _("Another program changed the file after you opened it.");
    default:
      return NULL;
    }
}

static const char *
import_error_words (NbImportError code)
{
  switch (code)
    {
    case NB_IMPORT_ERROR_TOO_LARGE:
      return _("The file is far larger than a published report can be. Check that you chose the right file.");
    case NB_IMPORT_ERROR_ENCODING:
      return _("The text of this file could not be read: its encoding is not known, or characters in it are broken. "
               "Import the page or PDF itself, or save the text as UTF-8 and import it again.");
    case NB_IMPORT_ERROR_NOT_REPORT:
      return _("No section or table of an annual report was found in this file. Check that it is the report itself.");
    case NB_IMPORT_ERROR_PDF:
      return _("This PDF cannot be opened: it is damaged or protected. Import the report's web page or an unprotected copy instead.");
    case NB_IMPORT_ERROR_NO_TEXT:
      return _("This PDF holds only pictures of pages (a scan), no text to read. Import the report's web page, or a PDF with text.");
    case NB_IMPORT_ERROR_SCAN_TEXT:
      return _("This PDF is a scan with text recognised (OCR) over its pages, which cannot be read exactly. "
               "Import the recognised text instead: its numbers are placed only where the totals check them.");
    case NB_IMPORT_ERROR_FORMAT:
      return _("Nianbao cannot read this kind of document. Save it as a Word document (.docx) or a PDF, then import that.");
    case NB_IMPORT_ERROR_ATTACHMENT:
      return _("This web page only links to the report, which is a file of its own. Download that file (named in the details) and import it.");
    default:
      return NULL;
    }
}

static const char *
io_error_words (GIOErrorEnum code)
{
  switch (code)
    {
    case G_IO_ERROR_NO_SPACE:
      return _("The disk is full. Free some space, then save again: nothing you typed is lost.");
    case G_IO_ERROR_PERMISSION_DENIED:
    case G_IO_ERROR_READ_ONLY:
      return _("You may not write to this place. Save the report in another folder.");
    case G_IO_ERROR_NOT_FOUND:
      return _("The file is no longer there. It may have been moved or deleted.");
    default:
      return NULL;
    }
}

/**
 * nb_error_plain_words:
 * Returns: (nullable): what @error means and what to do, in the user's
 *   language; %NULL for an error that has nothing plainer than its message
 */
const char *
nb_error_plain_words (const GError *error)
{
  if (error->domain == NB_FILE_ERROR)
    return file_error_words ((NbFileError) error->code);
  if (error->domain == NB_IMPORT_ERROR)
    return import_error_words ((NbImportError) error->code);
  if (error->domain == G_IO_ERROR)
    return io_error_words ((GIOErrorEnum) error->code);
  return NULL;
}

static gboolean
is_cjk (gunichar c)
{
  return c >= 0x2E80;
}

/* @text escaped, each run of Chinese kept on one line (Latin text still
 * breaks at its spaces). */
static void
append_unbroken (GString    *markup,
                 const char *text,
                 gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end;)
    {
      gboolean cjk = is_cjk (g_utf8_get_char (p));
      const char *run = p;
      g_autofree char *escaped = NULL;

      while (p < end && is_cjk (g_utf8_get_char (p)) == cjk)
        p = g_utf8_next_char (p);
      escaped = g_markup_escape_text (run, p - run);
      if (cjk)
        g_string_append_printf (markup, "<span allow_breaks=\"false\">%s</span>", escaped);
      else
        g_string_append (markup, escaped);
    }
}

/**
 * nb_error_heading_markup:
 * @heading: a translated heading, with one “%s” where @name goes, or none
 * @name: (nullable): a file name, say
 *
 * A dialog is narrow, and Pango breaks Chinese after any character:
 * “无法打 / 开…”.  The heading's own Chinese words are kept together;
 * only @name may break anywhere.
 *
 * Returns: (transfer full): Pango markup for the heading
 */
char *
nb_error_heading_markup (const char *heading,
                         const char *name)
{
  GString *markup = g_string_new (NULL);
  const char *slot = name != NULL ? strstr (heading, "%s") : NULL;
  g_autofree char *escaped_name = NULL;

  if (slot == NULL)
    {
      append_unbroken (markup, heading, -1);
      return g_string_free (markup, FALSE);
    }
  escaped_name = g_markup_escape_text (name, -1);
  append_unbroken (markup, heading, slot - heading);
  g_string_append (markup, escaped_name);
  append_unbroken (markup, slot + 2, -1);
  return g_string_free (markup, FALSE);
}
