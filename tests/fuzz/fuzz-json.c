/* fuzz-json.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* mk_json_parse(), the one door from network bytes to JSON, on any bytes:
 * a root or an MK_JSON_ERROR, never both; whatever it accepts is nested no
 * deeper than MK_JSON_MAX_DEPTH (the cap that keeps json-glib's recursion off
 * the end of the stack); and the readers never abort on what it returns. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "mk-json.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static guint
depth_of (JsonNode *node)
{
  guint deepest = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          guint depth = depth_of (json_array_get_element (array, i));

          deepest = MAX (deepest, depth);
        }
      return deepest + 1;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &member))
        {
          g_autofree char *text = NULL;
          guint depth;

          g_assert_true (g_utf8_validate (name, -1, NULL));
          /* The readers, on every member: absent or mistyped is not fatal. */
          mk_json_get_object (object, name);
          mk_json_get_array (object, name);
          mk_json_get_string (object, name);
          g_assert_cmpint (mk_json_get_count (object, name), >=, -1);
          mk_json_get_boolean (object, name, FALSE);
          text = mk_json_normalize_timestamp (mk_json_get_string (object, name));
          if (text != NULL)
            g_assert_cmpuint (strlen (text), ==, strlen ("2026-11-20T18:04:11Z"));
          depth = depth_of (member);
          deepest = MAX (deepest, depth);
        }
      return deepest + 1;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_assert_true (g_utf8_validate (json_node_get_string (node), -1, NULL));
      g_assert_cmpint (mk_json_parse_count (json_node_get_string (node)), >=, -1);
    }

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  root = mk_json_parse ((const char *) data, size, &error);
  if (root == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == MK_JSON_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (depth_of (root), <=, MK_JSON_MAX_DEPTH);

  return 0;
}
