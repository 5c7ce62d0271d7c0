/* mk-redact.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <string.h>

#include "mk-redact.h"

/* The text scanner works on "units" rather than bytes: a unit is one raw
 * byte, one percent escape (%5F), one doubly percent-encoded escape (%255F,
 * as in a redirect_uri inside a redirect_uri), or one JSON/C backslash escape
 * (\" \n \u0026). Working on decoded units lets one scanner see
 * "access%5Ftoken%3Dabc" and {\"access_token\":\"abc\"} for what they are,
 * and stops "%3Faccess_token" from reading as the name "3Faccess_token".
 *
 * The level of a unit is how deeply it is encoded. A value only ends at a
 * delimiter of its own level or a shallower one, so a form body's
 * "password=a%26b" is redacted whole while an encoded URL's
 * "access_token%3Dabc%26x%3D1" still ends at its %26. */
typedef struct
{
  guchar c;      /* the decoded byte */
  guint  len;    /* bytes it takes in the text */
  guint  level;  /* 0 raw, 1 escaped once, 2 escaped twice */
} Unit;

static const char * const secret_names[] = {
  "access_token",
  "refresh_token",
  "code",
  "code_verifier",
  /* Google's device flow polls with device_code exactly as Meta's polls
   * with code: whoever holds it during those minutes gets the tokens. */
  "device_code",
  "client_secret",
  "fb_exchange_token",
  "input_token",
  /* An OpenID Connect answer's signed identity: a bearer of who the user
   * is, and some APIs take it as a credential. */
  "id_token",
  "password",
  "authorization",
};

/* Authorization schemes are kept in front of the redacted credential, since
 * "Bearer" or "OAuth" tells a reader which kind of request went out and
 * gives nothing away. */
static const char * const auth_schemes[] = {
  "bearer",
  "oauth",
  "basic",
  "digest",
  "token",
};

gboolean
mk_redact_is_secret_name (const char *name)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (secret_names); i++)
    if (g_ascii_strcasecmp (name, secret_names[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_auth_scheme (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (auth_schemes); i++)
    if (g_ascii_strcasecmp (word, auth_schemes[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
hex_pair (const char *p,
          const char *end,
          guchar     *out)
{
  if (end - p < 2 || !g_ascii_isxdigit (p[0]) || !g_ascii_isxdigit (p[1]))
    return FALSE;

  *out = (guchar) (g_ascii_xdigit_value (p[0]) << 4 | g_ascii_xdigit_value (p[1]));
  return TRUE;
}

static Unit
read_unit (const char *p,
           const char *end)
{
  Unit u = { (guchar) p[0], 1, 0 };
  guchar byte;

  if (p[0] == '%')
    {
      if (end - p >= 5 && p[1] == '2' && p[2] == '5' && hex_pair (p + 3, end, &byte))
        return (Unit) { byte, 5, 2 };
      if (hex_pair (p + 1, end, &byte))
        return (Unit) { byte, 3, 1 };
    }
  else if (p[0] == '\\' && end - p >= 2)
    {
      guchar hi, lo;

      switch (p[1])
        {
        case 'u':
          /* Only ASCII matters for names and delimiters; anything else is
           * passed over as an opaque six-byte unit. */
          if (end - p >= 6 && hex_pair (p + 2, end, &hi) && hex_pair (p + 4, end, &lo))
            return (Unit) { hi == 0 && lo < 0x80 ? lo : 0x80, 6, 1 };
          return (Unit) { 'u', 2, 1 };
        case 'n':
          return (Unit) { '\n', 2, 1 };
        case 'r':
          return (Unit) { '\r', 2, 1 };
        case 't':
          return (Unit) { '\t', 2, 1 };
        default:
          return (Unit) { (guchar) p[1], 2, 1 };
        }
    }

  return u;
}

static gboolean
is_name_char (guchar c)
{
  /* '.' and '-' are left out on purpose: "user.password" and
   * "Proxy-Authorization" then still end in a secret name. */
  return g_ascii_isalnum (c) || c == '_';
}

static gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_line_end (guchar c)
{
  return c == '\n' || c == '\r';
}

static gboolean
is_quote (guchar c)
{
  return c == '"' || c == '\'';
}

/* Reads a maximal run of name units at @p, decoding it into @name. */
static const char *
read_name (const char *p,
           const char *end,
           GString    *name)
{
  g_string_truncate (name, 0);

  while (p < end)
    {
      Unit u = read_unit (p, end);

      if (!is_name_char (u.c))
        break;

      g_string_append_c (name, (char) g_ascii_tolower (u.c));
      p += u.len;
    }

  return p;
}

static const char *
skip_raw_spaces (const char *p,
                 const char *end)
{
  while (p < end && is_space ((guchar) *p))
    p++;
  return p;
}

/* After a name: an optional closing quote, then '=' or ':' (in any
 * encoding), with spaces allowed around it. Returns where the value starts,
 * or NULL when the name is not followed by a value. */
static const char *
read_separator (const char *p,
                const char *end,
                Unit       *sep,
                gboolean   *json_like)
{
  Unit u;

  *json_like = FALSE;

  if (p < end)
    {
      u = read_unit (p, end);
      if (is_quote (u.c))
        {
          *json_like = TRUE;
          p += u.len;
        }
    }

  p = skip_raw_spaces (p, end);
  if (p >= end)
    return NULL;

  u = read_unit (p, end);
  if (u.c != '=' && u.c != ':')
    return NULL;

  *sep = u;
  return skip_raw_spaces (p + u.len, end);
}

/* A value that is not quoted ends at whitespace or a URL/markup delimiter of
 * its own encoding level or a shallower one. '=' never ends it: base64
 * padding and app tokens ("id|secret") stay inside the value. */
static const char *
unquoted_value_end (const char *p,
                    const char *end,
                    guint       level,
                    gboolean    json_like,
                    gboolean    to_line_end)
{
  while (p < end)
    {
      Unit u = read_unit (p, end);

      if (u.level <= level)
        {
          if (is_line_end (u.c))
            break;
          if (!to_line_end)
            {
              if (is_space (u.c) || strchr ("&#\"'<>", u.c) != NULL)
                break;
              if (json_like && strchr (",}]", u.c) != NULL)
                break;
            }
        }

      p += u.len;
    }

  return p;
}

/* Matches the opening quote @open: same character and same encoding, so
 * that a \" inside a "…" value does not end it. Returns @end when the text
 * stops first (truncated JSON), which redacts to the end. */
static const char *
closing_quote (const char *p,
               const char *end,
               Unit        open)
{
  while (p < end)
    {
      Unit u = read_unit (p, end);

      if (u.c == open.c && u.len == open.len)
        return p;
      p += u.len;
    }

  return end;
}

/* For an object or array value in text that is not valid JSON. */
static const char *
closing_bracket (const char *p,
                 const char *end)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (; p < end; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p + 1 < end)
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && --depth == 0)
        return p + 1;
    }

  return end;
}

/* Copies a leading "Bearer " (any known scheme) of an Authorization value
 * to @out and returns where the credential itself starts. Only done for
 * Authorization, so a password that happens to be "token" still goes. */
static const char *
keep_scheme (const char *p,
             const char *end,
             GString    *out)
{
  const char *q = p;
  g_autofree char *word = NULL;

  while (q < end && g_ascii_isalpha (*q))
    q++;

  if (q == p || q >= end || !is_space ((guchar) *q))
    return p;

  word = g_strndup (p, q - p);
  if (!is_auth_scheme (word))
    return p;

  q = skip_raw_spaces (q, end);
  g_string_append_len (out, p, q - p);
  return q;
}

static gboolean
is_integer (const char *p,
            const char *end)
{
  if (p < end && *p == '-')
    p++;
  if (p >= end)
    return FALSE;
  for (; p < end; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static void
append_redacted (GString    *out,
                 const char *start,
                 const char *stop)
{
  /* An empty value hides nothing, and seeing that it was empty helps
   * whoever reads the log. */
  if (start == stop)
    return;
  g_string_append (out, MK_REDACTED);
}

/* Called with @p at the start of the value of a secret name. Appends the
 * redacted value to @out and returns where scanning resumes, or NULL to say
 * that the value is not a secret after all. */
static const char *
redact_value (const char  *name,
              const char  *p,
              const char  *end,
              Unit         sep,
              gboolean     json_like,
              GString     *out)
{
  gboolean is_authorization = strcmp (name, "authorization") == 0;
  const char *stop;
  Unit u;

  if (p >= end)
    return p;

  u = read_unit (p, end);

  if (is_quote (u.c))
    {
      const char *content = p + u.len;

      g_string_append_len (out, p, u.len);
      stop = closing_quote (content, end, u);
      if (is_authorization)
        content = keep_scheme (content, stop, out);
      append_redacted (out, content, stop);
      return stop;
    }

  if (u.len == 1 && json_like && (u.c == '{' || u.c == '['))
    {
      g_string_append (out, "\"" MK_REDACTED "\"");
      return closing_bracket (p, end);
    }

  /* Meta error bodies and messages carry a numeric "code" (190, 463);
   * an OAuth code is never a bare integer in a "code: …" pair. */
  if (strcmp (name, "code") == 0 && sep.c == ':')
    {
      const char *word_end = unquoted_value_end (p, end, sep.level, TRUE, FALSE);

      if (is_integer (p, word_end))
        return NULL;
    }

  /* "name: value" outside JSON is a header line or a log line: the value is
   * the rest of the line, "Authorization: OAuth a, b" included. */
  stop = unquoted_value_end (p, end, sep.level, json_like,
                             sep.c == ':' && !json_like);

  if (is_authorization)
    p = keep_scheme (p, end, out);
  if (p > stop)
    stop = unquoted_value_end (p, end, sep.level, json_like, FALSE);
  append_redacted (out, p, stop);
  return stop;
}

/* A bare "Bearer xyz" with no header name in front, as in a log message
 * that quotes a token: the token goes. */
static const char *
redact_bare_bearer (const char *p,
                    const char *end,
                    GString    *out)
{
  const char *token = skip_raw_spaces (p, end);
  const char *stop;

  if (token == p)
    return NULL;

  stop = unquoted_value_end (token, end, 0, TRUE, FALSE);
  if (stop == token)
    return NULL;

  g_string_append_len (out, p, token - p);
  g_string_append (out, MK_REDACTED);
  return stop;
}

char *
mk_redact_text (const char *text)
{
  g_autoptr(GString) name = NULL;
  GString *out;
  const char *p;
  const char *end;

  if (text == NULL)
    return NULL;

  name = g_string_new (NULL);
  out = g_string_sized_new (strlen (text) + 16);
  p = text;
  end = text + strlen (text);

  while (p < end)
    {
      Unit u = read_unit (p, end);
      const char *name_end;
      const char *value;
      const char *resume = NULL;
      gboolean json_like;
      Unit sep;

      if (!is_name_char (u.c))
        {
          g_string_append_len (out, p, u.len);
          p += u.len;
          continue;
        }

      name_end = read_name (p, end, name);

      if (mk_redact_is_secret_name (name->str) &&
          (value = read_separator (name_end, end, &sep, &json_like)) != NULL)
        {
          gsize mark = out->len;

          g_string_append_len (out, p, value - p);
          resume = redact_value (name->str, value, end, sep, json_like, out);
          if (resume == NULL)
            g_string_truncate (out, mark);
        }
      else if (strcmp (name->str, "bearer") == 0)
        {
          gsize mark = out->len;

          g_string_append_len (out, p, name_end - p);
          resume = redact_bare_bearer (name_end, end, out);
          if (resume == NULL)
            g_string_truncate (out, mark);
        }

      if (resume != NULL)
        {
          p = resume;
        }
      else
        {
          g_string_append_len (out, p, name_end - p);
          p = name_end;
        }
    }

  return g_string_free (out, FALSE);
}

static JsonNode *
redact_secret_member (const char *name,
                      JsonNode   *value)
{
  /* Nothing to hide in null, and an empty string says "no token" usefully. */
  if (JSON_NODE_HOLDS_NULL (value))
    return json_node_copy (value);

  if (JSON_NODE_HOLDS_VALUE (value))
    {
      GType type = json_node_get_value_type (value);

      if (type == G_TYPE_STRING && *json_node_get_string (value) == '\0')
        return json_node_copy (value);

      /* Meta errors are {"error":{"code":190,…}}: a numeric "code" is an
       * error code and needed to understand the log. An OAuth code is
       * always a string, so only a string "code" is redacted. */
      if (type != G_TYPE_STRING && g_ascii_strcasecmp (name, "code") == 0)
        return json_node_copy (value);
    }

  return json_node_init_string (json_node_alloc (), MK_REDACTED);
}

JsonNode *
mk_redact_json_node (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(JsonObject) copy = json_object_new ();
        g_autoptr(GList) members = NULL;

        /* get_members() keeps the order of the text, which iterators do
         * not; a log reads better when it matches what was sent. */
        members = json_object_get_members (object);
        for (const GList *l = members; l != NULL; l = l->next)
          {
            const char *member = l->data;
            JsonNode *value = json_object_get_member (object, member);
            JsonNode *redacted;

            if (mk_redact_is_secret_name (member))
              redacted = redact_secret_member (member, value);
            else
              redacted = mk_redact_json_node (value);
            json_object_set_member (copy, member, redacted);
          }

        return json_node_init_object (json_node_alloc (), copy);
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        g_autoptr(JsonArray) copy = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (copy, mk_redact_json_node (json_array_get_element (array, i)));

        return json_node_init_array (json_node_alloc (), copy);
      }

    case JSON_NODE_VALUE:
      /* paging.next and error messages carry URLs with tokens in them. */
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *text = mk_redact_text (json_node_get_string (node));

          return json_node_init_string (json_node_alloc (), text);
        }
      return json_node_copy (node);

    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

char *
mk_redact_json_text (const char *json_text)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) redacted = NULL;
  JsonNode *root;

  if (json_text == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  if (json_parser_load_from_data (parser, json_text, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL)
    {
      redacted = mk_redact_json_node (root);
    }
  else
    {
      /* Truncated bodies and HTML error pages still get logged, so they go
       * through the text scanner, which knows "name":"value" pairs too. */
      g_autofree char *valid = g_utf8_make_valid (json_text, -1);
      g_autofree char *text = mk_redact_text (valid);

      redacted = json_node_init_string (json_node_alloc (), text);
    }

  return json_to_string (redacted, FALSE);
}
