/* test-json.c — the JSON layer on its own: the strict reader over
 * json-glib and the canonical writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nb-json-reader.h"
#include "nb-json-writer.h"
#include "test-util.h"

static NbJsonReader *
read_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  NbJsonReader *reader = nb_json_reader_new (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

static void
assert_refused (const char  *text,
                NbJsonError  code,
                const char  *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbJsonReader) reader = nb_json_reader_new (text, strlen (text), &error);

  g_assert_null (reader);
  g_assert_error (error, NB_JSON_ERROR, (int) code);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” not in the message “%s” for %s", says, error->message, text);
}

static const char *
member_string (NbJsonReader *reader,
               const char   *name)
{
  return json_object_get_string_member (json_node_get_object (nb_json_reader_get_root (reader)),
                                        name);
}

static void
test_escapes_and_unicode (void)
{
  g_autoptr(NbJsonReader) reader =
    read_ok ("{\"a\": \"q\\\"b\\\\s\\/n\\nr\\rt\\tb\\bf\\f\", \"u\": \"\\u5e74\\u62a5\", "
             "\"pair\": \"\\ud83d\\ude00\", \"raw\": \"年报\"}");

  g_assert_cmpstr (member_string (reader, "a"), ==, "q\"b\\s/n\nr\rt\tb\bf\f");
  g_assert_cmpstr (member_string (reader, "u"), ==, "年报");
  g_assert_cmpstr (member_string (reader, "pair"), ==, "\xf0\x9f\x98\x80");
  g_assert_cmpstr (member_string (reader, "raw"), ==, "年报");

  assert_refused ("[\"\\x41\"]", NB_JSON_ERROR_SYNTAX, "a bad escape inside text");
  assert_refused ("[\"\\101\"]", NB_JSON_ERROR_SYNTAX, "a bad escape inside text");
  assert_refused ("[\"\\u12\"]", NB_JSON_ERROR_SYNTAX, "a bad \\u escape");
  assert_refused ("[\"\\ud83d\"]", NB_JSON_ERROR_SYNTAX, "a lone surrogate");
  assert_refused ("[\"\\ude00\"]", NB_JSON_ERROR_SYNTAX, "a lone surrogate");
  assert_refused ("[\"\\u0000\"]", NB_JSON_ERROR_SYNTAX, "a NUL character inside text");
  assert_refused ("[\"a\tb\"]", NB_JSON_ERROR_SYNTAX, "line 1, column 4: a control character");
  assert_refused ("[\"年报", NB_JSON_ERROR_SYNTAX, "the text ends inside a string");
}

/* What json-glib's scanner alone would take. */
static void
test_not_json (void)
{
  assert_refused ("\xef\xbb\xbf{}", NB_JSON_ERROR_SYNTAX, "line 1, column 1: unexpected character");
  assert_refused ("{} // done", NB_JSON_ERROR_SYNTAX, "more text after the end");
  assert_refused ("[1 /* one */]", NB_JSON_ERROR_SYNTAX, "unexpected character");
  assert_refused ("['a']", NB_JSON_ERROR_SYNTAX, "unexpected character");
  assert_refused ("var x = {}", NB_JSON_ERROR_SYNTAX, "line 1, column 1: unexpected character");
  assert_refused ("[0x10]", NB_JSON_ERROR_SYNTAX, "a malformed number");
  assert_refused ("[017]", NB_JSON_ERROR_SYNTAX, "a malformed number");
  assert_refused ("[.5]", NB_JSON_ERROR_SYNTAX, "unexpected character");
  assert_refused ("[- 1]", NB_JSON_ERROR_SYNTAX, "a malformed number");
  assert_refused ("[1.]", NB_JSON_ERROR_SYNTAX, "a malformed number");
  assert_refused ("[truth]", NB_JSON_ERROR_SYNTAX, "unexpected word");
  assert_refused ("{}{}", NB_JSON_ERROR_SYNTAX, "more text after the end");
  assert_refused ("  ", NB_JSON_ERROR_SYNTAX, "the text ends too early");
  assert_refused ("{\"a\": [1, 2", NB_JSON_ERROR_SYNTAX, "the text ends too early");
  /* the grammar is json-glib's */
  assert_refused ("[1 2]", NB_JSON_ERROR_SYNTAX, "a comma is missing");
  assert_refused ("{\"a\" 1}", NB_JSON_ERROR_SYNTAX, "a colon is missing");
  assert_refused ("[1, 2,]", NB_JSON_ERROR_SYNTAX, "a comma before the end");
  /* json-glib reads the text without its blanks, but an error names the
   * line and column as written */
  assert_refused ("{\n  \"a\": 1\n  \"b\": 2\n}", NB_JSON_ERROR_SYNTAX,
                  "line 2, column 8: a comma is missing");
  assert_refused ("[true false]", NB_JSON_ERROR_SYNTAX, "a comma is missing");
}

static void
test_depth_and_size (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) many = g_string_new ("[");
  g_autoptr(NbJsonReader) reader = NULL;

  for (guint i = 0; i < NB_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < NB_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  reader = read_ok (deep->str);

  g_string_insert_c (deep, 0, '[');
  g_string_append_c (deep, ']');
  assert_refused (deep->str, NB_JSON_ERROR_DEPTH, "line 1, column 65: the data is nested too deeply");

  for (guint i = 0; i < NB_JSON_MAX_VALUES; i++)
    g_string_append (many, "0,");
  g_string_append (many, "0]");
  assert_refused (many->str, NB_JSON_ERROR_SIZE, "too many values");
}

static void
test_duplicates (void)
{
  assert_refused ("{\"a\": 1, \"a\": 2}", NB_JSON_ERROR_DUPLICATE, "$: the member “a” appears twice");
  assert_refused ("{\"a\": 1, \"\\u0061\": 2}", NB_JSON_ERROR_DUPLICATE, "$: the member “a” appears twice");
  assert_refused ("{\"x\": [0, {\"b\": {\"c\": 1, \"c\": 1}}]}", NB_JSON_ERROR_DUPLICATE,
                  "$.x[1].b: the member “c” appears twice");
  /* the first in the text, even when a later one replaces what holds it */
  assert_refused ("{\"x\": {\"c\": 1, \"c\": 2}, \"x\": 3}", NB_JSON_ERROR_DUPLICATE,
                  "the member “c” appears twice");
}

typedef struct {
  const char   *text;
  NbJsonNumber  kind;
  gint64        value;
} NumberCase;

static void
test_numbers (void)
{
  static const NumberCase cases[] = {
    { "0", NB_JSON_NUMBER_WHOLE, 0 },
    { "-0", NB_JSON_NUMBER_WHOLE, 0 },
    { "9007199254740993", NB_JSON_NUMBER_WHOLE, G_GINT64_CONSTANT (9007199254740993) },
    { "9223372036854775807", NB_JSON_NUMBER_WHOLE, G_MAXINT64 },
    { "-9223372036854775808", NB_JSON_NUMBER_WHOLE, G_MININT64 },
    { "9223372036854775808", NB_JSON_NUMBER_TOO_LARGE, 0 },
    { "-9223372036854775809", NB_JSON_NUMBER_TOO_LARGE, 0 },
    { "99999999999999999999", NB_JSON_NUMBER_TOO_LARGE, 0 },
    { "40.5", NB_JSON_NUMBER_FRACTION, 0 },
    { "40.0", NB_JSON_NUMBER_FRACTION, 0 },
    { "4e1", NB_JSON_NUMBER_EXPONENT, 0 },
    { "1E+400", NB_JSON_NUMBER_EXPONENT, 0 },
    { "-2.5e-3", NB_JSON_NUMBER_EXPONENT, 0 },
  };
  g_autoptr(GString) text = g_string_new ("{\"n\": [");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (text, "%s{\"v\": %s}", i > 0 ? ", " : "", cases[i].text);
  g_string_append (text, "]}");

  {
    g_autoptr(NbJsonReader) reader = read_ok (text->str);
    JsonArray *list = json_object_get_array_member (
      json_node_get_object (nb_json_reader_get_root (reader)), "n");

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        JsonNode *node = json_object_get_member (json_array_get_object_element (list, i), "v");
        const char *literal;
        gint64 value;

        g_assert_cmpint (nb_json_node_kind (node), ==, NB_JSON_NUMBER);
        g_assert_cmpint (nb_json_reader_get_number (reader, node, &value, &literal), ==,
                         cases[i].kind);
        if (cases[i].kind == NB_JSON_NUMBER_WHOLE)
          g_assert_cmpint (value, ==, cases[i].value);
        else
          g_assert_cmpstr (literal, ==, cases[i].text);
      }
  }
}

static void
test_kinds (void)
{
  g_autoptr(NbJsonReader) reader = read_ok ("[null, true, 1, \"a\", {}, []]");
  JsonArray *list = json_node_get_array (nb_json_reader_get_root (reader));
  static const NbJsonKind kinds[] = {
    NB_JSON_NULL, NB_JSON_BOOLEAN, NB_JSON_NUMBER, NB_JSON_STRING, NB_JSON_OBJECT, NB_JSON_ARRAY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpint (nb_json_node_kind (json_array_get_element (list, i)), ==, kinds[i]);
  g_assert_cmpstr (nb_json_kind_name (NB_JSON_ARRAY), ==, "a list");
}

/* The writer: canonical layout, escapes, exact numbers; and what it
 * writes reads back to the same values. */
static void
test_writer (void)
{
  NbJsonWriter *writer = nb_json_writer_new ();
  g_autofree char *data = NULL;
  g_autoptr(NbJsonReader) reader = NULL;
  JsonObject *root;
  gsize length;

  nb_json_writer_begin_object (writer);
  nb_json_writer_key (writer, "text");
  nb_json_writer_string (writer, "\"年报\"\\\n\t\x01");
  nb_json_writer_key (writer, "amount");
  nb_json_writer_number_text (writer, "96171.6");
  nb_json_writer_key (writer, "big");
  nb_json_writer_int (writer, G_MAXINT64);
  nb_json_writer_key (writer, "list");
  nb_json_writer_begin_array (writer);
  nb_json_writer_boolean (writer, TRUE);
  nb_json_writer_null (writer);
  nb_json_writer_end_array (writer);
  nb_json_writer_key (writer, "empty");
  nb_json_writer_begin_object (writer);
  nb_json_writer_end_object (writer);
  nb_json_writer_end_object (writer);
  data = nb_json_writer_free_to_data (writer, &length);

  g_assert_cmpstr (data, ==,
                   "{\n"
                   "  \"text\": \"\\\"年报\\\"\\\\\\n\\t\\u0001\",\n"
                   "  \"amount\": 96171.6,\n"
                   "  \"big\": 9223372036854775807,\n"
                   "  \"list\": [\n"
                   "    true,\n"
                   "    null\n"
                   "  ],\n"
                   "  \"empty\": {}\n"
                   "}\n");
  g_assert_cmpuint (length, ==, strlen (data));

  reader = read_ok (data);
  root = json_node_get_object (nb_json_reader_get_root (reader));
  g_assert_cmpstr (json_object_get_string_member (root, "text"), ==, "\"年报\"\\\n\t\x01");
  g_assert_cmpint (json_object_get_int_member (root, "big"), ==, G_MAXINT64);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/reader/escapes-unicode", test_escapes_and_unicode);
  g_test_add_func ("/json/reader/not-json", test_not_json);
  g_test_add_func ("/json/reader/depth-size", test_depth_and_size);
  g_test_add_func ("/json/reader/duplicates", test_duplicates);
  g_test_add_func ("/json/reader/numbers", test_numbers);
  g_test_add_func ("/json/reader/kinds", test_kinds);
  g_test_add_func ("/json/writer/canonical", test_writer);
  return g_test_run ();
}
