/* mk-instagram-provider.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-instagram-fetch.h"
#include "mk-instagram-provider.h"

#define AUTHORIZE_URL "https://www.instagram.com/oauth/authorize"
#define TOKEN_URL     "https://api.instagram.com/oauth/access_token"
#define GRAPH         "https://graph.instagram.com"
#define SCOPES        "instagram_business_basic,instagram_business_manage_insights"

/* Long-lived tokens live 60 days and may be refreshed once a day old. */
#define LIFETIME      (60 * G_TIME_SPAN_DAY)
#define REFRESH_BELOW (7 * G_TIME_SPAN_DAY)
#define MIN_AGE       G_TIME_SPAN_DAY

struct _MkInstagramProvider
{
  MkPlatformProvider parent_instance;
};

G_DEFINE_FINAL_TYPE (MkInstagramProvider, mk_instagram_provider, MK_TYPE_PLATFORM_PROVIDER)

static char *
mk_instagram_provider_build_authorize_url (MkPlatformProvider        *provider,
                                           const MkClientCredentials *creds,
                                           const char                *redirect_uri,
                                           const char                *state,
                                           const char                *challenge)
{
  g_autofree char *query = NULL;

  query = mk_oauth_form_encode ("client_id", creds->client_id,
                                "redirect_uri", redirect_uri,
                                "response_type", "code",
                                "scope", SCOPES,
                                "state", state,
                                "code_challenge", challenge,
                                "code_challenge_method", challenge != NULL ? "S256" : NULL,
                                NULL);

  return g_strconcat (AUTHORIZE_URL "?", query, NULL);
}

static MkOAuthCall *
mk_instagram_provider_build_code_exchange (MkPlatformProvider        *provider,
                                           const MkClientCredentials *creds,
                                           const char                *code,
                                           const char                *verifier,
                                           const char                *redirect_uri)
{
  return mk_oauth_call_new ("POST", g_strdup (TOKEN_URL),
                            mk_oauth_form_encode ("client_id", creds->client_id,
                                                  "client_secret", creds->client_secret,
                                                  "grant_type", "authorization_code",
                                                  "redirect_uri", redirect_uri,
                                                  "code", code,
                                                  "code_verifier", verifier,
                                                  NULL));
}

static MkOAuthCall *
mk_instagram_provider_build_long_lived_exchange (MkPlatformProvider        *provider,
                                                 const MkClientCredentials *creds,
                                                 const char                *short_token)
{
  g_autofree char *query = NULL;

  query = mk_oauth_form_encode ("grant_type", "ig_exchange_token",
                                "client_secret", creds->client_secret,
                                "access_token", short_token,
                                NULL);

  return mk_oauth_call_new ("GET", g_strconcat (GRAPH "/access_token?", query, NULL), NULL);
}

static MkOAuthCall *
mk_instagram_provider_build_refresh (MkPlatformProvider        *provider,
                                     const MkClientCredentials *creds,
                                     const char                *access_token,
                                     const char                *refresh_token)
{
  g_autofree char *query = NULL;

  if (access_token == NULL)
    return NULL;

  query = mk_oauth_form_encode ("grant_type", "ig_refresh_token",
                                "access_token", access_token,
                                NULL);

  return mk_oauth_call_new ("GET", g_strconcat (GRAPH "/refresh_access_token?", query, NULL), NULL);
}

static gboolean
mk_instagram_provider_needs_refresh (MkPlatformProvider *provider,
                                     GDateTime          *now,
                                     GDateTime          *expires_at)
{
  GTimeSpan left = g_date_time_difference (expires_at, now);

  /* We keep only the expiry, so the age is what 60 days minus what is left
   * says; an expired token cannot be refreshed at all. */
  return left > 0 && left < REFRESH_BELOW && LIFETIME - left >= MIN_AGE;
}

static char *
mk_instagram_provider_build_identity_url (MkPlatformProvider *provider)
{
  return g_strdup_printf (GRAPH "/%s/me?fields=id,user_id,username,name,account_type",
                          mk_platform_provider_get_graph_version (provider));
}

static MkPlatformIdentity *
mk_instagram_provider_parse_identity (MkPlatformProvider  *provider,
                                      JsonNode            *root,
                                      GError             **error)
{
  JsonObject *object = json_node_get_object (root);
  const char *id = json_object_get_string_member_with_default (object, "id", NULL);
  const char *username = json_object_get_string_member_with_default (object, "username", NULL);
  MkPlatformIdentity *identity;

  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_MALFORMED,
                           _("Instagram did not say which account this is"));
      return NULL;
    }

  identity = g_new0 (MkPlatformIdentity, 1);
  identity->id = g_strdup (id);
  identity->handle = username != NULL ? g_strconcat ("@", username, NULL) : NULL;

  return identity;
}

static void
mk_instagram_provider_class_init (MkInstagramProviderClass *klass)
{
  MkPlatformProviderClass *provider_class = MK_PLATFORM_PROVIDER_CLASS (klass);

  provider_class->platform = MK_PLATFORM_INSTAGRAM;
  provider_class->ways = MK_CONNECT_WAY_BROWSER | MK_CONNECT_WAY_PASTE;
  /* Instagram does not document PKCE; the parameters are harmless there and
   * protect the code if it ever honours them. */
  provider_class->use_pkce = TRUE;
  provider_class->scopes = SCOPES;
  provider_class->build_client_id = BUILD_CLIENT_ID_INSTAGRAM;
  provider_class->build_authorize_url = mk_instagram_provider_build_authorize_url;
  provider_class->build_code_exchange = mk_instagram_provider_build_code_exchange;
  provider_class->build_long_lived_exchange = mk_instagram_provider_build_long_lived_exchange;
  provider_class->build_refresh = mk_instagram_provider_build_refresh;
  provider_class->needs_refresh = mk_instagram_provider_needs_refresh;
  provider_class->build_identity_url = mk_instagram_provider_build_identity_url;
  provider_class->parse_identity = mk_instagram_provider_parse_identity;
  mk_instagram_fetch_install (provider_class);
}

static void
mk_instagram_provider_init (MkInstagramProvider *self)
{
}
