/* nb-json-reader.c — a strict pull reader of JSON text
 *
 * The loader reads a report straight from the text with this reader, in
 * the order of the format, instead of building a tree first: json-glib's
 * parser spends about a millisecond on a report (most of a `nianbao
 * check` over a thousand files), wraps integers past 64 bits without a
 * word, and keeps the last of two equal members.  Here numbers come back
 * as their text, members one by one (so the caller sees duplicates), and
 * every error says where it is.  The reader never recurses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-json-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nb-json-reader.h"
#include "nb-report-file.h"

#define MAX_SKIP_DEPTH 64

struct _NbJsonReader
{
  const char *data;
  const char *end;
  const char *p;
  GString    *name;      /* the last member name read */
  GString    *value;     /* the last string or number read */
  GArray     *expect_comma;   /* per open object: a member was read */
};

NbJsonReader *
nb_json_reader_new (const char *data,
                    gsize       length)
{
  NbJsonReader *self = g_new0 (NbJsonReader, 1);

  self->data = self->p = data;
  self->end = data + length;
  self->name = g_string_new (NULL);
  self->value = g_string_new (NULL);
  self->expect_comma = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return self;
}

void
nb_json_reader_free (NbJsonReader *self)
{
  g_string_free (self->name, TRUE);
  g_string_free (self->value, TRUE);
  g_array_unref (self->expect_comma);
  g_free (self);
}

gsize
nb_json_reader_tell (NbJsonReader *self)
{
  return self->p - self->data;
}

void
nb_json_reader_seek (NbJsonReader *self,
                     gsize         offset)
{
  self->p = self->data + MIN (offset, (gsize) (self->end - self->data));
}

/**
 * nb_json_reader_where:
 * Returns: (transfer full): “line L, column C” of the reader's position
 */
char *
nb_json_reader_where (NbJsonReader *self)
{
  guint line = 1, column = 1;

  for (const char *q = self->data; q < self->p; q++)
    {
      if (*q == '\n')
        line++, column = 1;
      else if (((guchar) *q & 0xC0) != 0x80)
        column++;
    }
  return g_strdup_printf (_("line %u, column %u"), line, column);
}

static gboolean
fail (NbJsonReader  *self,
      GError       **error,
      const char    *what)
{
  g_autofree char *where = nb_json_reader_where (self);

  g_set_error (error, NB_FILE_ERROR, NB_FILE_ERROR_SYNTAX,
               _("The file is not valid JSON at %s: %s"), where, what);
  return FALSE;
}

static void
skip_space (NbJsonReader *self)
{
  while (self->p < self->end &&
         (*self->p == ' ' || *self->p == '\t' || *self->p == '\n' || *self->p == '\r'))
    self->p++;
}

NbJsonKind
nb_json_reader_peek (NbJsonReader *self)
{
  skip_space (self);
  if (self->p >= self->end)
    return NB_JSON_INVALID;
  switch (*self->p)
    {
    case '{': return NB_JSON_OBJECT;
    case '[': return NB_JSON_ARRAY;
    case '"': return NB_JSON_STRING;
    case 't': case 'f': return NB_JSON_BOOLEAN;
    case 'n': return NB_JSON_NULL;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return NB_JSON_NUMBER;
    default: return NB_JSON_INVALID;
    }
}

const char *
nb_json_reader_kind_name (NbJsonKind kind)
{
  switch (kind)
    {
    case NB_JSON_NULL: return _("null");
    case NB_JSON_BOOLEAN: return _("true or false");
    case NB_JSON_NUMBER: return _("a number");
    case NB_JSON_STRING: return _("text");
    case NB_JSON_OBJECT: return _("an object");
    case NB_JSON_ARRAY: return _("a list");
    case NB_JSON_INVALID:
    default: return _("something that is not JSON");
    }
}

static gboolean
expect_char (NbJsonReader  *self,
             char           c,
             GError       **error)
{
  skip_space (self);
  if (self->p < self->end && *self->p == c)
    {
      self->p++;
      return TRUE;
    }
  return fail (self, error, self->p >= self->end ? _("the text ends too early")
                                                 : _("unexpected character"));
}

static gboolean
read_hex4 (NbJsonReader *self,
           gunichar     *out)
{
  gunichar value = 0;

  if (self->end - self->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (self->p[i]);
      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }
  self->p += 4;
  *out = value;
  return TRUE;
}

/* Reads a string literal into @into, its escapes resolved. */
static gboolean
scan_string (NbJsonReader  *self,
             GString       *into,
             GError       **error)
{
  if (!expect_char (self, '"', error))
    return FALSE;
  g_string_truncate (into, 0);

  while (self->p < self->end)
    {
      const char *run = self->p;
      gunichar c, low;

      while (self->p < self->end && *self->p != '"' && *self->p != '\\' &&
             (guchar) *self->p >= 0x20)
        self->p++;
      g_string_append_len (into, run, self->p - run);
      if (self->p >= self->end)
        break;
      if (*self->p == '"')
        {
          self->p++;
          return TRUE;
        }
      if ((guchar) *self->p < 0x20)
        return fail (self, error, _("a control character inside text"));

      self->p++;   /* the backslash */
      if (self->p >= self->end)
        break;
      switch (*self->p++)
        {
        case '"': g_string_append_c (into, '"'); break;
        case '\\': g_string_append_c (into, '\\'); break;
        case '/': g_string_append_c (into, '/'); break;
        case 'b': g_string_append_c (into, '\b'); break;
        case 'f': g_string_append_c (into, '\f'); break;
        case 'n': g_string_append_c (into, '\n'); break;
        case 'r': g_string_append_c (into, '\r'); break;
        case 't': g_string_append_c (into, '\t'); break;
        case 'u':
          if (!read_hex4 (self, &c))
            return fail (self, error, _("a bad \\u escape"));
          if (c >= 0xD800 && c < 0xDC00)
            {
              if (self->end - self->p < 6 || self->p[0] != '\\' || self->p[1] != 'u')
                return fail (self, error, _("a lone surrogate in a \\u escape"));
              self->p += 2;
              if (!read_hex4 (self, &low) || low < 0xDC00 || low > 0xDFFF)
                return fail (self, error, _("a lone surrogate in a \\u escape"));
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            }
          else if (c >= 0xDC00 && c < 0xE000)
            return fail (self, error, _("a lone surrogate in a \\u escape"));
          if (c == 0)
            return fail (self, error, _("a NUL character inside text"));
          g_string_append_unichar (into, c);
          break;
        default:
          return fail (self, error, _("a bad escape inside text"));
        }
    }
  return fail (self, error, _("the text ends inside a string"));
}

/* Whether the last object opened has had a member, so a comma comes next. */
static gboolean *
member_seen (NbJsonReader *self)
{
  return &g_array_index (self->expect_comma, gboolean, self->expect_comma->len - 1);
}

gboolean
nb_json_reader_begin_object (NbJsonReader  *self,
                             GError       **error)
{
  gboolean none = FALSE;

  if (!expect_char (self, '{', error))
    return FALSE;
  g_array_append_val (self->expect_comma, none);
  return TRUE;
}

/**
 * nb_json_reader_next_member:
 * @name: (out): the member's name, valid until the next member is read
 *
 * Returns: %TRUE with the next member's name, its value next to read;
 *   %FALSE at the end of the object (then @error is unset) or on error
 */
gboolean
nb_json_reader_next_member (NbJsonReader  *self,
                            const char   **name,
                            GError       **error)
{
  g_return_val_if_fail (self->expect_comma->len > 0, FALSE);

  skip_space (self);
  if (self->p < self->end && *self->p == '}')
    {
      self->p++;
      g_array_set_size (self->expect_comma, self->expect_comma->len - 1);
      return FALSE;
    }
  if (*member_seen (self) && !expect_char (self, ',', error))
    return FALSE;
  *member_seen (self) = TRUE;
  if (!scan_string (self, self->name, error) || !expect_char (self, ':', error))
    return FALSE;
  *name = self->name->str;
  return TRUE;
}

gboolean
nb_json_reader_begin_array (NbJsonReader  *self,
                            GError       **error)
{
  gboolean none = FALSE;

  if (!expect_char (self, '[', error))
    return FALSE;
  g_array_append_val (self->expect_comma, none);
  return TRUE;
}

/**
 * nb_json_reader_next_element:
 *
 * Returns: %TRUE when an element follows, to be read next; %FALSE at the
 *   end of the list (then @error is unset) or on error
 */
gboolean
nb_json_reader_next_element (NbJsonReader  *self,
                             GError       **error)
{
  g_return_val_if_fail (self->expect_comma->len > 0, FALSE);

  skip_space (self);
  if (self->p < self->end && *self->p == ']')
    {
      self->p++;
      g_array_set_size (self->expect_comma, self->expect_comma->len - 1);
      return FALSE;
    }
  if (*member_seen (self) && !expect_char (self, ',', error))
    return FALSE;
  *member_seen (self) = TRUE;
  return TRUE;
}

gboolean
nb_json_reader_read_string (NbJsonReader  *self,
                            const char   **value,
                            GError       **error)
{
  if (!scan_string (self, self->value, error))
    return FALSE;
  *value = self->value->str;
  return TRUE;
}

/**
 * nb_json_reader_read_number:
 * @text: (out): the number as written, valid until the next read
 * @whole: (out): whether it has neither fraction nor exponent
 */
gboolean
nb_json_reader_read_number (NbJsonReader  *self,
                            const char   **text,
                            gboolean      *whole,
                            GError       **error)
{
  const char *start;

  skip_space (self);
  start = self->p;
  *whole = TRUE;

#define DIGITS(at_least_one)                                              \
  G_STMT_START {                                                           \
    const char *from = self->p;                                            \
    while (self->p < self->end && g_ascii_isdigit (*self->p))              \
      self->p++;                                                           \
    if ((at_least_one) && self->p == from)                                 \
      return fail (self, error, _("a malformed number"));                 \
  } G_STMT_END

  if (self->p < self->end && *self->p == '-')
    self->p++;
  if (self->p < self->end && *self->p == '0')
    self->p++;
  else
    DIGITS (TRUE);
  if (self->p < self->end && *self->p == '.')
    {
      self->p++;
      *whole = FALSE;
      DIGITS (TRUE);
    }
  if (self->p < self->end && (*self->p == 'e' || *self->p == 'E'))
    {
      self->p++;
      *whole = FALSE;
      if (self->p < self->end && (*self->p == '+' || *self->p == '-'))
        self->p++;
      DIGITS (TRUE);
    }
#undef DIGITS

  g_string_truncate (self->value, 0);
  g_string_append_len (self->value, start, self->p - start);
  *text = self->value->str;
  return TRUE;
}

static gboolean
read_word (NbJsonReader  *self,
           const char    *word,
           GError       **error)
{
  gsize length = strlen (word);

  skip_space (self);
  if ((gsize) (self->end - self->p) >= length && memcmp (self->p, word, length) == 0)
    {
      self->p += length;
      return TRUE;
    }
  return fail (self, error, _("unexpected word"));
}

gboolean
nb_json_reader_read_boolean (NbJsonReader  *self,
                             gboolean      *value,
                             GError       **error)
{
  skip_space (self);
  *value = self->p < self->end && *self->p == 't';
  return read_word (self, *value ? "true" : "false", error);
}

gboolean
nb_json_reader_read_null (NbJsonReader  *self,
                          GError       **error)
{
  return read_word (self, "null", error);
}

/**
 * nb_json_reader_skip_value:
 * Skips one value, checking its syntax, without recursion.
 */
gboolean
nb_json_reader_skip_value (NbJsonReader  *self,
                           GError       **error)
{
  guint depth = 0;
  gboolean first = TRUE;   /* no element yet in the innermost container */
  GString *closers = g_string_new (NULL);
  gboolean ok = FALSE;

  do
    {
      const char *ignored;
      gboolean whole, boolean;

      skip_space (self);
      if (depth > 0 && self->p < self->end && *self->p == closers->str[depth - 1])
        {
          self->p++;
          depth--;
          g_string_truncate (closers, depth);
          first = FALSE;
          continue;
        }
      if (depth > 0 && !first && !expect_char (self, ',', error))
        goto out;
      if (depth > 0 && closers->str[depth - 1] == '}' &&
          (!scan_string (self, self->name, error) || !expect_char (self, ':', error)))
        goto out;

      switch (nb_json_reader_peek (self))
        {
        case NB_JSON_OBJECT:
        case NB_JSON_ARRAY:
          if (depth >= MAX_SKIP_DEPTH)
            {
              fail (self, error, _("the data is nested too deeply"));
              goto out;
            }
          g_string_append_c (closers, *self->p == '{' ? '}' : ']');
          self->p++;
          depth++;
          first = TRUE;
          continue;
        case NB_JSON_STRING:
          if (!scan_string (self, self->value, error))
            goto out;
          break;
        case NB_JSON_NUMBER:
          if (!nb_json_reader_read_number (self, &ignored, &whole, error))
            goto out;
          break;
        case NB_JSON_BOOLEAN:
          if (!nb_json_reader_read_boolean (self, &boolean, error))
            goto out;
          break;
        case NB_JSON_NULL:
          if (!nb_json_reader_read_null (self, error))
            goto out;
          break;
        case NB_JSON_INVALID:
        default:
          fail (self, error, self->p >= self->end ? _("the text ends too early")
                                                  : _("unexpected character"));
          goto out;
        }
      first = FALSE;
    }
  while (depth > 0);
  ok = TRUE;

out:
  g_string_free (closers, TRUE);
  return ok;
}

/**
 * nb_json_reader_end:
 * Checks that nothing but white space follows.
 */
gboolean
nb_json_reader_end (NbJsonReader  *self,
                    GError       **error)
{
  skip_space (self);
  if (self->p == self->end)
    return TRUE;
  return fail (self, error, _("more text after the end of the report"));
}
