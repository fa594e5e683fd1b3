/* nb-json-writer.c — a small streaming writer of canonical JSON
 *
 * The files are read with json-glib (nb-json-reader.c) but written here:
 * json-glib's generator prints a number as a double with 17 digits
 * (json-glib 1.6.6 writes 96171.6 as 96171.600000000006 and 0.1 as
 * 0.10000000000000001), and our amounts are exact decimals.  This writer prints numbers as given, members in the order
 * written, two spaces of indent: the same report always gives the same
 * bytes, which the fingerprint and the save → load → save round trip
 * rely on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-json-writer"

#include "config.h"

#include "nb-json-writer.h"

struct _NbJsonWriter
{
  GString *out;
  guint    depth;
  gboolean first;       /* no value yet in the current container */
  gboolean after_key;   /* a key was written; its value comes next */
};

NbJsonWriter *
nb_json_writer_new (void)
{
  NbJsonWriter *self = g_new0 (NbJsonWriter, 1);

  self->out = g_string_sized_new (8192);
  self->first = TRUE;
  return self;
}

static void
newline (NbJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->depth; i++)
    g_string_append (self->out, "  ");
}

/* Separates a value (or a key) from what came before it. */
static void
begin_value (NbJsonWriter *self)
{
  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->depth > 0)
    {
      if (!self->first)
        g_string_append_c (self->out, ',');
      newline (self);
    }
  self->first = FALSE;
}

static void
open_container (NbJsonWriter *self,
                char          bracket)
{
  begin_value (self);
  g_string_append_c (self->out, bracket);
  self->depth++;
  self->first = TRUE;
}

static void
close_container (NbJsonWriter *self,
                 char          bracket)
{
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (!self->first)
    newline (self);
  g_string_append_c (self->out, bracket);
  self->first = FALSE;
}

void
nb_json_writer_begin_object (NbJsonWriter *self)
{
  open_container (self, '{');
}

void
nb_json_writer_end_object (NbJsonWriter *self)
{
  close_container (self, '}');
}

void
nb_json_writer_begin_array (NbJsonWriter *self)
{
  open_container (self, '[');
}

void
nb_json_writer_end_array (NbJsonWriter *self)
{
  close_container (self, ']');
}

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
nb_json_writer_key (NbJsonWriter *self,
                    const char   *key)
{
  begin_value (self);
  append_quoted (self->out, key);
  g_string_append (self->out, ": ");
  self->after_key = TRUE;
}

/**
 * nb_json_writer_string:
 * @value: (nullable): valid UTF-8, or %NULL for null
 */
void
nb_json_writer_string (NbJsonWriter *self,
                       const char   *value)
{
  if (value == NULL)
    {
      nb_json_writer_null (self);
      return;
    }
  begin_value (self);
  append_quoted (self->out, value);
}

void
nb_json_writer_int (NbJsonWriter *self,
                    gint64        value)
{
  begin_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

/**
 * nb_json_writer_number_text:
 * @number: a number already written as JSON writes numbers (96171.6)
 */
void
nb_json_writer_number_text (NbJsonWriter *self,
                            const char   *number)
{
  begin_value (self);
  g_string_append (self->out, number);
}

void
nb_json_writer_boolean (NbJsonWriter *self,
                        gboolean      value)
{
  begin_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
nb_json_writer_null (NbJsonWriter *self)
{
  begin_value (self);
  g_string_append (self->out, "null");
}

/**
 * nb_json_writer_free_to_data:
 * Returns: (transfer full): the document, ending with a newline
 */
char *
nb_json_writer_free_to_data (NbJsonWriter *self,
                             gsize        *length)
{
  GString *out = self->out;

  g_warn_if_fail (self->depth == 0);
  g_string_append_c (out, '\n');
  g_free (self);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
