/* mk-fetch-private.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "mk-format.h"
#include "mk-json.h"
#include "mk-media-item.h"
#include "mk-platform-error.h"

G_BEGIN_DECLS

/* Shared by the three platforms' parsers. Everything in an answer is
 * untrusted: a field of the wrong type is treated as absent, a URL must be
 * http(s), an id must fit the column, text must be UTF-8. */

static inline const char *
mk_fetch_url_or_null (const char *url)
{
  if (url == NULL || !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    return NULL;
  /* Spaces and controls (a fuzzed paging.next) make no URL we should
   * request or store; nor do raw non-ASCII bytes: the platforms send their
   * links percent-encoded, and a lone \ud802 escape decodes to bytes that
   * are not even UTF-8. */
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar)*p <= 0x20 || (guchar)*p >= 0x7f)
      return NULL;
  return url;
}

/* Ids go into SQL (bound), file names and URLs (escaped): still refuse
 * anything that is not a short single-line token. */
static inline gboolean
mk_fetch_id_is_sane (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;
  len = strlen (id);
  if (len == 0 || len > 255)
    return FALSE;
  /* Every platform's ids are ASCII (digits, "page_post", YouTube's
   * [A-Za-z0-9_-]): anything else, an RTL override say, is not one of
   * theirs and would fail the model's validation. */
  for (const char *p = id; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c <= 0x20 || c >= 0x7f || c == '/' || c == '?' || c == '&' || c == '#' || c == ',')
        return FALSE;
    }
  return TRUE;
}

static inline void
mk_fetch_set_malformed (GError     **error,
                        const char  *what)
{
  mk_platform_error_set (error, MK_PLATFORM_ERROR_MALFORMED, -1, 0, 0, "%s", what);
}

/* The root object of a successful answer, or NULL with MALFORMED. */
static inline JsonNode *
mk_fetch_parse_object (const char  *data,
                       gsize        len,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root = mk_json_parse (data, (gssize)len, &local_error);

  if (root == NULL)
    {
      mk_platform_error_set (error, MK_PLATFORM_ERROR_MALFORMED, -1, 0, 0, "%s", local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      json_node_unref (root);
      mk_platform_error_set (error, MK_PLATFORM_ERROR_MALFORMED, -1, 0, 0, "%s",
                             g_dgettext (GETTEXT_PACKAGE, "Unexpected answer: not a JSON object"));
      return NULL;
    }
  return root;
}

static inline char *
mk_fetch_text (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_utf8_make_valid (text, -1);
}

/* A count for a log message: the number, or "?" when unknown. */
static inline char *
mk_fetch_count_text (gint64 count)
{
  return count >= 0 ? mk_format_count (count) : g_strdup ("?");
}

/* Meta's paging.next, NULL when absent: the only end-of-list marker. */
static inline char *
mk_fetch_meta_next (JsonObject *object)
{
  const char *next = mk_json_get_string (mk_json_get_object (object, "paging"), "next");

  return mk_fetch_url_or_null (next) != NULL ? g_strdup (next) : NULL;
}

G_END_DECLS
