/* mk-token-response.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-oauth"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mk-json.h"
#include "mk-token-response.h"

G_DEFINE_BOXED_TYPE (MkTokenResponse, mk_token_response,
                     mk_token_response_copy, mk_token_response_free)

MkTokenResponse *
mk_token_response_new (void)
{
  return g_new0 (MkTokenResponse, 1);
}

MkTokenResponse *
mk_token_response_copy (const MkTokenResponse *self)
{
  MkTokenResponse *copy = mk_token_response_new ();

  copy->access_token = g_strdup (self->access_token);
  copy->refresh_token = g_strdup (self->refresh_token);
  copy->expires_in = self->expires_in;
  copy->scope = g_strdup (self->scope);
  copy->user_id = g_strdup (self->user_id);

  return copy;
}

static void
wipe_string (char **str)
{
  if (*str != NULL)
    {
      memset (*str, 0, strlen (*str));
      g_clear_pointer (str, g_free);
    }
}

void
mk_token_response_free (MkTokenResponse *self)
{
  if (self == NULL)
    return;

  wipe_string (&self->access_token);
  wipe_string (&self->refresh_token);
  g_free (self->scope);
  g_free (self->user_id);
  g_free (self);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *out_value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out_value = json_node_get_int (node);
      return TRUE;
    }

  /* Some servers send numbers as strings ("3599"). */
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_string_to_signed (json_node_get_string (node), 10,
                                     G_MININT64, G_MAXINT64, out_value, NULL);

  return FALSE;
}

static gboolean
is_html (const char *content_type,
         GBytes     *body)
{
  gsize len = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &len) : NULL;

  if (content_type != NULL && g_str_has_prefix (content_type, "text/html"))
    return TRUE;

  while (len > 0 && g_ascii_isspace (*data))
    data++, len--;

  return len > 0 && *data == '<';
}

static void
set_from_rfc6749 (JsonObject  *object,
                  const char  *code,
                  GError     **error)
{
  const char *description = member_string (object, "error_description");
  MkOAuthError kind = MK_OAUTH_ERROR_FAILED;

  if (g_str_equal (code, "invalid_grant"))
    kind = MK_OAUTH_ERROR_INVALID_GRANT;
  else if (g_str_equal (code, "invalid_client") || g_str_equal (code, "unauthorized_client"))
    kind = MK_OAUTH_ERROR_INVALID_CLIENT;
  else if (g_str_equal (code, "access_denied"))
    kind = MK_OAUTH_ERROR_ACCESS_DENIED;
  else if (g_str_equal (code, "expired_token"))
    kind = MK_OAUTH_ERROR_EXPIRED;
  else if (g_str_equal (code, "authorization_pending"))
    kind = MK_OAUTH_ERROR_PENDING;
  else if (g_str_equal (code, "slow_down"))
    kind = MK_OAUTH_ERROR_SLOW_DOWN;
  else if (g_str_equal (code, "invalid_token"))
    kind = MK_OAUTH_ERROR_INVALID_TOKEN;
  else if (g_str_equal (code, "temporarily_unavailable") || g_str_equal (code, "server_error"))
    kind = MK_OAUTH_ERROR_SERVER;

  g_set_error (error, MK_OAUTH_ERROR, kind, "%s%s%s", code,
               description != NULL ? ": " : "",
               description != NULL ? description : "");
}

static void
set_from_graph (JsonObject  *err,
                GError     **error)
{
  const char *message = member_string (err, "message");
  gint64 code = 0;
  gint64 subcode = 0;
  MkOAuthError kind = MK_OAUTH_ERROR_FAILED;
  JsonNode *transient;

  member_int (err, "code", &code);
  member_int (err, "error_subcode", &subcode);
  transient = json_object_get_member (err, "is_transient");

  /* Device login answers with a Graph error whose subcode is what counts. */
  if (subcode == 1349174)
    kind = MK_OAUTH_ERROR_PENDING;
  else if (subcode == 1349172)
    kind = MK_OAUTH_ERROR_SLOW_DOWN;
  else if (subcode == 1349173)
    kind = MK_OAUTH_ERROR_ACCESS_DENIED;
  else if (subcode == 1349152)
    kind = MK_OAUTH_ERROR_EXPIRED;
  else if (code == 190 || code == 102)
    kind = MK_OAUTH_ERROR_INVALID_TOKEN;
  else if (code == 4 || code == 17 || code == 32 || code == 341 || code == 368
           || code == 613 || code == 80001 || code == 80002)
    kind = MK_OAUTH_ERROR_RATE_LIMITED;
  else if (code == 1 || code == 2
           || (transient != NULL && JSON_NODE_HOLDS_VALUE (transient)
               && json_node_get_value_type (transient) == G_TYPE_BOOLEAN
               && json_node_get_boolean (transient)))
    kind = MK_OAUTH_ERROR_SERVER;

  g_set_error (error, MK_OAUTH_ERROR, kind,
               "%s (code %" G_GINT64_FORMAT ")",
               message != NULL ? message : _("The platform refused the request"), code);
}

static void
set_from_google_api (JsonObject  *err,
                     guint        status,
                     GError     **error)
{
  const char *message = member_string (err, "message");
  const char *reason = NULL;
  JsonNode *errors = json_object_get_member (err, "errors");
  MkOAuthError kind = MK_OAUTH_ERROR_FAILED;

  if (errors != NULL && JSON_NODE_HOLDS_ARRAY (errors)
      && json_array_get_length (json_node_get_array (errors)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (errors), 0);

      if (JSON_NODE_HOLDS_OBJECT (first))
        reason = member_string (json_node_get_object (first), "reason");
    }

  if (status == 401)
    kind = MK_OAUTH_ERROR_INVALID_TOKEN;
  else if (status == 429 || status >= 500
           || g_strcmp0 (reason, "rateLimitExceeded") == 0
           || g_strcmp0 (reason, "userRateLimitExceeded") == 0
           || g_strcmp0 (reason, "quotaExceeded") == 0)
    kind = status >= 500 ? MK_OAUTH_ERROR_SERVER : MK_OAUTH_ERROR_RATE_LIMITED;

  g_set_error (error, MK_OAUTH_ERROR, kind, "%s%s%s%s",
               message != NULL ? message : _("The platform refused the request"),
               reason != NULL ? " (" : "", reason != NULL ? reason : "",
               reason != NULL ? ")" : "");
}

gboolean
mk_oauth_check_response (guint         status,
                         const char   *content_type,
                         GBytes       *body,
                         JsonNode    **out_root,
                         GError      **error)
{
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize len = 0;
  JsonObject *object;
  JsonNode *err;

  data = body != NULL ? g_bytes_get_data (body, &len) : NULL;

  /* mk_json_parse() caps the nesting, which json-glib would recurse into. */
  if (len == 0 || is_html (content_type, body)
      || (root = mk_json_parse (data, len, NULL)) == NULL)
    {
      if (status >= 500 || status == 0 || is_html (content_type, body))
        g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_SERVER,
                     _("The platform answered with an error page (HTTP %u); try again later"),
                     status);
      else if (status == 429)
        g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_RATE_LIMITED,
                     _("Too many requests; try again later"));
      else
        g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_MALFORMED,
                     _("The platform’s answer could not be read (HTTP %u)"), status);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_MALFORMED,
                   _("The platform’s answer could not be read (HTTP %u)"), status);
      return TRUE;
    }

  object = json_node_get_object (root);
  err = json_object_get_member (object, "error");

  if (err != NULL && JSON_NODE_HOLDS_VALUE (err)
      && json_node_get_value_type (err) == G_TYPE_STRING)
    {
      set_from_rfc6749 (object, json_node_get_string (err), error);
      return TRUE;
    }

  if (err != NULL && JSON_NODE_HOLDS_OBJECT (err))
    {
      JsonObject *err_object = json_node_get_object (err);

      /* Google APIs carry "errors":[…] or "status"; Meta carries "type"/"fbtrace_id". */
      if (json_object_has_member (err_object, "errors")
          || json_object_has_member (err_object, "status"))
        set_from_google_api (err_object, status, error);
      else
        set_from_graph (err_object, error);
      return TRUE;
    }

  if (member_string (object, "error_type") != NULL)
    {
      const char *message = member_string (object, "error_message");

      /* Instagram's own shape, used by its code exchange for a bad code. */
      g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_GRANT, "%s",
                   message != NULL ? message : _("The platform refused the code"));
      return TRUE;
    }

  if (status >= 500)
    {
      g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_SERVER,
                   _("The platform had a problem (HTTP %u); try again later"), status);
      return TRUE;
    }
  if (status == 429)
    {
      g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_RATE_LIMITED,
                   _("Too many requests; try again later"));
      return TRUE;
    }
  if (status >= 400)
    {
      g_set_error (error, MK_OAUTH_ERROR,
                   status == 401 ? MK_OAUTH_ERROR_INVALID_TOKEN : MK_OAUTH_ERROR_FAILED,
                   _("The platform refused the request (HTTP %u)"), status);
      return TRUE;
    }

  if (out_root != NULL)
    *out_root = g_steal_pointer (&root);

  return FALSE;
}

MkTokenResponse *
mk_token_response_parse (guint        status,
                         const char  *content_type,
                         GBytes      *body,
                         GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(MkTokenResponse) response = NULL;
  JsonObject *object;
  JsonNode *data;
  JsonNode *user_id;
  const char *access_token;

  if (mk_oauth_check_response (status, content_type, body, &root, error))
    return NULL;

  object = json_node_get_object (root);

  /* Instagram's documented code exchange wraps the token in data[0]. */
  data = json_object_get_member (object, "data");
  if (data != NULL && JSON_NODE_HOLDS_ARRAY (data))
    {
      JsonArray *array = json_node_get_array (data);
      JsonNode *first = json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;

      if (first == NULL || !JSON_NODE_HOLDS_OBJECT (first))
        {
          g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_MALFORMED,
                       _("The platform sent no token"));
          return NULL;
        }
      object = json_node_get_object (first);
    }

  access_token = member_string (object, "access_token");
  if (access_token == NULL || *access_token == '\0')
    {
      g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_MALFORMED,
                   _("The platform sent no token"));
      return NULL;
    }

  response = mk_token_response_new ();
  response->access_token = g_strdup (access_token);
  response->refresh_token = g_strdup (member_string (object, "refresh_token"));
  if (response->refresh_token != NULL && *response->refresh_token == '\0')
    g_clear_pointer (&response->refresh_token, g_free);
  if (!member_int (object, "expires_in", &response->expires_in) || response->expires_in < 0)
    response->expires_in = 0;
  response->scope = g_strdup (member_string (object, "scope"));
  if (response->scope == NULL)
    response->scope = g_strdup (member_string (object, "permissions"));

  /* user_id may be a number beyond 2^53: read it as gint64, never double. */
  user_id = json_object_get_member (object, "user_id");
  if (user_id != NULL && JSON_NODE_HOLDS_VALUE (user_id))
    {
      if (json_node_get_value_type (user_id) == G_TYPE_STRING)
        response->user_id = g_strdup (json_node_get_string (user_id));
      else if (json_node_get_value_type (user_id) == G_TYPE_INT64)
        response->user_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (user_id));
    }

  return g_steal_pointer (&response);
}
