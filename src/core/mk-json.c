/* mk-json.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mk-json.h"
#include "mk-time.h"

G_DEFINE_QUARK (mk-json-error-quark, mk_json_error)

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* One pass over the bytes, with json-glib's notion of strings: brackets
 * inside "…" do not count, and \" does not end a string. Anything the scan
 * lets through is still validated by json-glib. */
static gboolean
scan (const char  *data,
      gsize        len,
      GError     **error)
{
  gsize start = 0;
  guint depth = 0;
  gboolean in_string = FALSE;
  /* Where the top-level value is: json-glib 1.6 leaks the first value of
   * '" " {…}' when it refuses the second, so more than one is refused
   * here (found by tests/fuzz/fuzz-json.c). */
  gboolean in_scalar = FALSE;
  gboolean root_done = FALSE;

  while (start < len && is_space (data[start]))
    start++;

  if (start == len)
    {
      g_set_error_literal (error, MK_JSON_ERROR, MK_JSON_ERROR_EMPTY,
                           _("The answer was empty"));
      return FALSE;
    }

  if (data[start] == '<')
    {
      g_set_error_literal (error, MK_JSON_ERROR, MK_JSON_ERROR_HTML,
                           _("The answer was a web page instead of data (often a proxy or server error page)"));
      return FALSE;
    }

  for (gsize i = start; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < len)
            {
              /* json-glib 1.6 leaks its string buffer on a bad escape
               * ("\u0#00"), so those are refused here (found by
               * tests/fuzz/fuzz-instagram.c). One cut off by the end is
               * left to the truncation check below. */
              char e = data[i + 1];
              gsize n = e == 'u' ? 5 : 1;

              for (gsize k = i + 2; e == 'u' && k < i + 6 && k < len; k++)
                if (!g_ascii_isxdigit (data[k]))
                  e = '\0';
              /* A surrogate must come as a high + low pair: json-glib leaks
               * on a lone high one and lets a lone low one through as bytes
               * that are not UTF-8 (both found by fuzz-instagram). */
              if (e == 'u' && i + 6 <= len)
                {
                  guint v = 0;

                  for (gsize k = i + 2; k < i + 6; k++)
                    v = v * 16 + (guint) g_ascii_xdigit_value (data[k]);

                  if (v >= 0xdc00 && v <= 0xdfff)
                    e = '\0';
                  else if (v >= 0xd800 && v <= 0xdbff && i + 12 <= len)
                    {
                      guint low = 0;

                      if (data[i + 6] != '\\' || data[i + 7] != 'u')
                        e = '\0';
                      for (gsize k = i + 8; e != '\0' && k < i + 12; k++)
                        {
                          if (!g_ascii_isxdigit (data[k]))
                            e = '\0';
                          else
                            low = low * 16 + (guint) g_ascii_xdigit_value (data[k]);
                        }
                      if (e != '\0' && (low < 0xdc00 || low > 0xdfff))
                        e = '\0';
                      n = 11;
                    }
                }
              if (e == '\0' || strchr ("\"\\/bfnrtu", e) == NULL)
                {
                  g_set_error_literal (error, MK_JSON_ERROR, MK_JSON_ERROR_INVALID,
                                       _("The answer holds a broken escape in a string"));
                  return FALSE;
                }
              i += n;
            }
          else if (c == '\\')
            i++;
          else if (c == '"')
            {
              in_string = FALSE;
              root_done = depth == 0;
            }
          continue;
        }

      if (depth == 0 && !is_space (c))
        {
          gboolean structural = strchr ("\"[]{},:", c) != NULL;

          if (root_done || (in_scalar && structural))
            {
              g_set_error_literal (error, MK_JSON_ERROR, MK_JSON_ERROR_INVALID,
                                   _("The answer holds more than one value"));
              return FALSE;
            }
          in_scalar = !structural;
        }
      else if (depth == 0 && in_scalar)
        {
          in_scalar = FALSE;
          root_done = TRUE;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > MK_JSON_MAX_DEPTH)
            {
              g_set_error (error, MK_JSON_ERROR, MK_JSON_ERROR_TOO_DEEP,
                           _("The answer is nested more than %d levels deep"),
                           MK_JSON_MAX_DEPTH);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          /* A stray closer is json-glib's to report as invalid. */
          if (depth > 0 && --depth == 0)
            root_done = TRUE;
          break;

        case '\0':
          g_set_error_literal (error, MK_JSON_ERROR, MK_JSON_ERROR_INVALID,
                               _("The answer holds a NUL byte"));
          return FALSE;

        default:
          break;
        }
    }

  if (in_string || depth > 0)
    {
      g_set_error_literal (error, MK_JSON_ERROR, MK_JSON_ERROR_TRUNCATED,
                           _("The answer was cut off before its end"));
      return FALSE;
    }

  return TRUE;
}

JsonNode *
mk_json_parse (const char  *data,
               gssize       len,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  size = len < 0 ? strlen (data) : (gsize)len;
  if (size > MK_JSON_MAX_SIZE)
    {
      g_set_error (error, MK_JSON_ERROR, MK_JSON_ERROR_TOO_LARGE,
                   _("The answer is larger than %d MiB"), MK_JSON_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!scan (data, size, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize)size, &local_error))
    {
      /* json-glib quotes the offending token, raw bytes included (a lone
       * \ud800 escape becomes CESU-8): a message must be UTF-8 to reach a
       * label or a logs row. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, MK_JSON_ERROR, MK_JSON_ERROR_INVALID,
                   _("The answer is not valid JSON: %s"), reason);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, MK_JSON_ERROR, MK_JSON_ERROR_EMPTY,
                           _("The answer was empty"));
      return NULL;
    }

  return root;
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  if (object == NULL)
    return NULL;
  return json_object_get_member (object, member);
}

JsonObject *
mk_json_get_object (JsonObject *object,
                    const char *member)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
mk_json_get_array (JsonObject *object,
                   const char *member)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

const char *
mk_json_get_string (JsonObject *object,
                    const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
mk_json_parse_count (const char *text)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return -1;

  errno = 0;
  value = g_ascii_strtoull (text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value > G_MAXINT64)
    return -1;

  return (gint64)value;
}

gint64
mk_json_get_count (JsonObject *object,
                   const char *member)
{
  JsonNode *node = get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;

  type = json_node_get_value_type (node);
  /* Never through double: counts and ids exceed 2^53. */
  if (type == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);
      return value >= 0 ? value : -1;
    }
  if (type == G_TYPE_STRING)
    return mk_json_parse_count (json_node_get_string (node));

  return -1;
}

gboolean
mk_json_get_boolean (JsonObject *object,
                     const char *member,
                     gboolean    fallback)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

char *
mk_json_normalize_timestamp (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *fixed = NULL;
  gsize len;

  if (text == NULL || strlen (text) < 20 || text[10] != 'T')
    return NULL;

  /* GLib wants "+00:00" in the offset; Meta sends "+0000". */
  len = strlen (text);
  if (len >= 5 && (text[len - 5] == '+' || text[len - 5] == '-') &&
      g_ascii_isdigit (text[len - 4]) && g_ascii_isdigit (text[len - 3]) &&
      g_ascii_isdigit (text[len - 2]) && g_ascii_isdigit (text[len - 1]))
    fixed = g_strdup_printf ("%.*s:%s", (int)(len - 2), text, text + len - 2);
  else
    fixed = g_strdup (text);

  parsed = g_date_time_new_from_iso8601 (fixed, NULL);
  if (parsed == NULL)
    return NULL;

  utc = g_date_time_to_utc (parsed);
  return mk_time_format_timestamp (utc);
}
