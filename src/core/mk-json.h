/* mk-json.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The one door through which bytes from the network become JSON.
 *
 * json-glib's parser recurses once per nesting level, so a body of a
 * million '[' would exhaust the stack; and a proxy's HTML error page, an
 * empty body or a connection cut mid-answer all deserve a message that says
 * which of them happened rather than "unexpected character at 1:1". So the
 * bytes are scanned first (brackets counted outside strings) and only then
 * handed to json-glib. */

#define MK_JSON_ERROR (mk_json_error_quark ())

/* Deeper than any answer of the platforms we call (they stay under 10). */
#define MK_JSON_MAX_DEPTH 64
/* Far beyond a page of 100 media items (about 100 KiB). */
#define MK_JSON_MAX_SIZE (16 * 1024 * 1024)

typedef enum {
  MK_JSON_ERROR_EMPTY,      /* nothing but white space */
  MK_JSON_ERROR_HTML,       /* a web page, e.g. a proxy's "502 Bad Gateway" */
  MK_JSON_ERROR_TRUNCATED,  /* ends inside a string, an object or an array */
  MK_JSON_ERROR_TOO_DEEP,   /* nested deeper than MK_JSON_MAX_DEPTH */
  MK_JSON_ERROR_TOO_LARGE,  /* longer than MK_JSON_MAX_SIZE */
  MK_JSON_ERROR_INVALID,    /* anything else json-glib refuses */
} MkJsonError;

GQuark    mk_json_error_quark (void);

/* @len may be -1 for a NUL-terminated string. Returns the root node, or
 * NULL with an MK_JSON_ERROR. */
JsonNode *mk_json_parse       (const char  *data,
                               gssize       len,
                               GError     **error);

/* Readers that treat a missing or wrongly typed member as absent, as the
 * platform contract asks ("optional means absent"). Never abort. */
JsonObject *mk_json_get_object  (JsonObject *object,
                                 const char *member);
JsonArray  *mk_json_get_array   (JsonObject *object,
                                 const char *member);
const char *mk_json_get_string  (JsonObject *object,
                                 const char *member);
/* A JSON integer, or a string of decimal digits (YouTube's counts, and
 * ids too large for a double); -1 when absent, negative, fractional or out
 * of range. */
gint64      mk_json_get_count   (JsonObject *object,
                                 const char *member);
/* TRUE/FALSE, or @fallback when absent or not a boolean. */
gboolean    mk_json_get_boolean (JsonObject *object,
                                 const char *member,
                                 gboolean    fallback);

/* A count in decimal text, as mk_json_get_count(); -1 when not one. */
gint64      mk_json_parse_count (const char *text);

/* Meta's "2026-11-20T18:04:11+0000" or Google's RFC 3339
 * ("2026-11-20T18:04:11.123Z", "…+01:00") as our
 * "YYYY-MM-DDTHH:MM:SSZ" in UTC; NULL when not a timestamp. */
char       *mk_json_normalize_timestamp (const char *text);

G_END_DECLS
