/* test-json.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mk-json.h"

static char *
nested (guint depth)
{
  char *text = g_malloc (depth * 2 + 1);

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  text[depth * 2] = '\0';
  return text;
}

static void
test_depth_cap (void)
{
  g_autofree char *ok = nested (MK_JSON_MAX_DEPTH);
  g_autofree char *deep = nested (MK_JSON_MAX_DEPTH + 1);
  g_autofree char *huge = nested (1000000);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  root = mk_json_parse (ok, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);

  g_assert_null (mk_json_parse (deep, -1, &error));
  g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* A million levels would overflow json-glib's recursion: refused first. */
  g_assert_null (mk_json_parse (huge, -1, &error));
  g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* Brackets inside strings (and escaped quotes) do not count. */
  {
    g_autoptr(GString) text = g_string_new ("{\"a\":\"");
    g_autoptr(JsonNode) node = NULL;

    for (guint i = 0; i < 500; i++)
      g_string_append (text, "[{\\\"");
    g_string_append (text, "\"}");
    node = mk_json_parse (text->str, text->len, &error);
    g_assert_no_error (error);
    g_assert_nonnull (node);
  }
}

/* Emoji arrive as surrogate pairs; a lone half is no character at all. */
static void
test_surrogates (void)
{
  const char *pair = "{\"caption\":\"ok \\ud83d\\ude00\"}";
  const char * const broken[] = {
    "{\"caption\":\"\\ud800 lone\"}",
    "{\"caption\":\"\\udc00\"}",
    "{\"caption\":\"\\ud83d\\u0041\"}",
    "{\"next\":\"https://x/\\ud8026-02\"}",
  };
  g_autoptr(JsonNode) root = NULL;
  const char *caption;

  root = mk_json_parse (pair, -1, NULL);
  g_assert_nonnull (root);
  caption = json_object_get_string_member (json_node_get_object (root), "caption");
  g_assert_cmpstr (caption, ==, "ok \xf0\x9f\x98\x80");

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (mk_json_parse (broken[i], -1, &error));
      g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_INVALID);
    }
}

static void
test_html_empty_truncated (void)
{
  const char *html = "\r\n <!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>";
  const char *truncated_object = "{\"data\":[{\"id\":\"1\"},{\"id\":";
  const char *truncated_string = "{\"data\":\"abc";
  const char *escaped_end = "{\"data\":\"abc\\\"}";
  g_autoptr(GError) error = NULL;

  g_assert_null (mk_json_parse (html, -1, &error));
  g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_HTML);
  g_assert_nonnull (strstr (error->message, "web page"));
  g_clear_error (&error);

  g_assert_null (mk_json_parse ("", 0, &error));
  g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_null (mk_json_parse (" \n\t ", -1, &error));
  g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_null (mk_json_parse (truncated_object, -1, &error));
  g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_TRUNCATED);
  g_clear_error (&error);

  g_assert_null (mk_json_parse (truncated_string, -1, &error));
  g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_TRUNCATED);
  g_clear_error (&error);

  /* \" does not close the string: still cut off. */
  g_assert_null (mk_json_parse (escaped_end, -1, &error));
  g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_TRUNCATED);
  g_clear_error (&error);

  g_assert_null (mk_json_parse ("{\"data\": [1,,]}", -1, &error));
  g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_INVALID);
  g_clear_error (&error);

  /* A NUL inside the counted bytes is not JSON, and not read past. */
  g_assert_null (mk_json_parse ("{\"a\":1}\0{", 9, &error));
  g_assert_error (error, MK_JSON_ERROR, MK_JSON_ERROR_INVALID);
  g_clear_error (&error);

  /* Only the given length is read: a valid prefix of a longer buffer. */
  {
    g_autoptr(JsonNode) root = mk_json_parse ("{\"a\":1}garbage", 7, &error);

    g_assert_no_error (error);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  }
}

static void
test_counts (void)
{
  const char *text = "{\"big\": 9007199254740993, \"neg\": -4, \"str\": \"4821937\","
                     " \"huge\": \"4294967297\", \"over\": \"18446744073709551616\","
                     " \"frac\": 1.5, \"bad\": \"12a\", \"sign\": \"+5\", \"null\": null,"
                     " \"bool\": true, \"obj\": {\"x\": 1}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = mk_json_parse (text, -1, &error);
  JsonObject *object;

  g_assert_no_error (error);
  object = json_node_get_object (root);

  /* 2^53 + 1 survives: never through a double. */
  g_assert_cmpint (mk_json_get_count (object, "big"), ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_cmpint (mk_json_get_count (object, "str"), ==, 4821937);
  g_assert_cmpint (mk_json_get_count (object, "huge"), ==, G_GINT64_CONSTANT (4294967297));
  g_assert_cmpint (mk_json_get_count (object, "neg"), ==, -1);
  g_assert_cmpint (mk_json_get_count (object, "over"), ==, -1);
  g_assert_cmpint (mk_json_get_count (object, "frac"), ==, -1);
  g_assert_cmpint (mk_json_get_count (object, "bad"), ==, -1);
  g_assert_cmpint (mk_json_get_count (object, "sign"), ==, -1);
  g_assert_cmpint (mk_json_get_count (object, "null"), ==, -1);
  g_assert_cmpint (mk_json_get_count (object, "bool"), ==, -1);
  g_assert_cmpint (mk_json_get_count (object, "obj"), ==, -1);
  g_assert_cmpint (mk_json_get_count (object, "absent"), ==, -1);
  g_assert_cmpint (mk_json_get_count (NULL, "absent"), ==, -1);

  /* Wrong types read as absent rather than aborting. */
  g_assert_null (mk_json_get_string (object, "big"));
  g_assert_null (mk_json_get_object (object, "str"));
  g_assert_null (mk_json_get_array (object, "obj"));
  g_assert_true (mk_json_get_boolean (object, "bool", FALSE));
  g_assert_true (mk_json_get_boolean (object, "str", TRUE));
}

static void
test_timestamps (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "2026-11-20T18:04:11+0000", "2026-11-20T18:04:11Z" },       /* Meta */
    { "2025-06-27T16:00:07Z", "2025-06-27T16:00:07Z" },           /* Google */
    { "2025-06-27T16:00:07.123456Z", "2025-06-27T16:00:07Z" },    /* fractional */
    { "2025-06-27T18:00:07+02:00", "2025-06-27T16:00:07Z" },      /* offset */
    { "2025-06-27T01:30:00-0530", "2025-06-27T07:00:00Z" },       /* Meta-style negative */
    { "2025-12-31T23:30:00-01:00", "2026-01-01T00:30:00Z" },      /* crosses a year */
    { "2025-06-27", NULL },
    { "yesterday", NULL },
    { "2025-02-30T10:00:00Z", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = mk_json_normalize_timestamp (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (mk_json_normalize_timestamp (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/depth-cap", test_depth_cap);
  g_test_add_func ("/json/html-empty-truncated", test_html_empty_truncated);
  g_test_add_func ("/json/counts", test_counts);
  g_test_add_func ("/json/surrogates", test_surrogates);
  g_test_add_func ("/json/timestamps", test_timestamps);

  return g_test_run ();
}
