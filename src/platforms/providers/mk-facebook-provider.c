/* mk-facebook-provider.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-facebook-fetch.h"
#include "mk-facebook-provider.h"

#define DIALOG_ORIGIN "https://www.facebook.com"
#define GRAPH         "https://graph.facebook.com"
#define SCOPES        "pages_show_list,pages_read_engagement"

struct _MkFacebookProvider
{
  MkPlatformProvider parent_instance;
};

G_DEFINE_FINAL_TYPE (MkFacebookProvider, mk_facebook_provider, MK_TYPE_PLATFORM_PROVIDER)

#define VERSION(p) mk_platform_provider_get_graph_version (p)

static char *
mk_facebook_provider_build_authorize_url (MkPlatformProvider        *provider,
                                          const MkClientCredentials *creds,
                                          const char                *redirect_uri,
                                          const char                *state,
                                          const char                *challenge)
{
  g_autofree char *query = NULL;

  query = mk_oauth_form_encode ("client_id", creds->client_id,
                                "redirect_uri", redirect_uri,
                                "state", state,
                                "scope", SCOPES,
                                "response_type", "code",
                                "code_challenge", challenge,
                                "code_challenge_method", challenge != NULL ? "S256" : NULL,
                                NULL);

  return g_strdup_printf (DIALOG_ORIGIN "/%s/dialog/oauth?%s", VERSION (provider), query);
}

static MkOAuthCall *
mk_facebook_provider_build_code_exchange (MkPlatformProvider        *provider,
                                          const MkClientCredentials *creds,
                                          const char                *code,
                                          const char                *verifier,
                                          const char                *redirect_uri)
{
  g_autofree char *query = NULL;

  query = mk_oauth_form_encode ("client_id", creds->client_id,
                                "redirect_uri", redirect_uri,
                                "client_secret", creds->client_secret,
                                "code", code,
                                "code_verifier", verifier,
                                NULL);

  return mk_oauth_call_new ("GET", g_strdup_printf (GRAPH "/%s/oauth/access_token?%s",
                                                    VERSION (provider), query), NULL);
}

static MkOAuthCall *
mk_facebook_provider_build_long_lived_exchange (MkPlatformProvider        *provider,
                                                const MkClientCredentials *creds,
                                                const char                *short_token)
{
  g_autofree char *query = NULL;

  /* Without the app secret there is no exchange: keep the token as is. */
  if (creds->client_secret == NULL)
    return NULL;

  query = mk_oauth_form_encode ("grant_type", "fb_exchange_token",
                                "client_id", creds->client_id,
                                "client_secret", creds->client_secret,
                                "fb_exchange_token", short_token,
                                NULL);

  return mk_oauth_call_new ("GET", g_strdup_printf (GRAPH "/%s/oauth/access_token?%s",
                                                    VERSION (provider), query), NULL);
}

static char *
app_token (const MkClientCredentials *creds)
{
  if (creds->client_id == NULL || creds->client_token == NULL)
    return NULL;
  return g_strdup_printf ("%s|%s", creds->client_id, creds->client_token);
}

static MkOAuthCall *
mk_facebook_provider_build_device_start (MkPlatformProvider        *provider,
                                         const MkClientCredentials *creds)
{
  g_autofree char *token = app_token (creds);

  if (token == NULL)
    return NULL;

  return mk_oauth_call_new ("POST", g_strdup_printf (GRAPH "/%s/device/login", VERSION (provider)),
                            mk_oauth_form_encode ("access_token", token, "scope", SCOPES, NULL));
}

static MkOAuthCall *
mk_facebook_provider_build_device_poll (MkPlatformProvider        *provider,
                                        const MkClientCredentials *creds,
                                        const char                *device_code)
{
  g_autofree char *token = app_token (creds);

  if (token == NULL)
    return NULL;

  return mk_oauth_call_new ("POST", g_strdup_printf (GRAPH "/%s/device/login_status", VERSION (provider)),
                            mk_oauth_form_encode ("access_token", token, "code", device_code, NULL));
}

static char *
mk_facebook_provider_build_identity_url (MkPlatformProvider *provider)
{
  return g_strdup_printf (GRAPH "/%s/me?fields=id,name", VERSION (provider));
}

static MkPlatformIdentity *
mk_facebook_provider_parse_identity (MkPlatformProvider  *provider,
                                     JsonNode            *root,
                                     GError             **error)
{
  JsonObject *object = json_node_get_object (root);
  const char *id = json_object_get_string_member_with_default (object, "id", NULL);
  const char *name = json_object_get_string_member_with_default (object, "name", NULL);
  MkPlatformIdentity *identity;

  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_MALFORMED,
                           _("Facebook did not say which account this is"));
      return NULL;
    }

  identity = g_new0 (MkPlatformIdentity, 1);
  identity->id = g_strdup (id);
  identity->handle = g_strdup (name);

  return identity;
}

static void
mk_facebook_provider_class_init (MkFacebookProviderClass *klass)
{
  MkPlatformProviderClass *provider_class = MK_PLATFORM_PROVIDER_CLASS (klass);

  provider_class->platform = MK_PLATFORM_FACEBOOK;
  provider_class->ways = MK_CONNECT_WAY_BROWSER | MK_CONNECT_WAY_DEVICE | MK_CONNECT_WAY_PASTE;
  provider_class->use_pkce = TRUE;
  provider_class->scopes = SCOPES;
  provider_class->build_client_id = BUILD_CLIENT_ID_FACEBOOK;
  provider_class->build_authorize_url = mk_facebook_provider_build_authorize_url;
  provider_class->build_code_exchange = mk_facebook_provider_build_code_exchange;
  provider_class->build_long_lived_exchange = mk_facebook_provider_build_long_lived_exchange;
  provider_class->build_device_start = mk_facebook_provider_build_device_start;
  provider_class->build_device_poll = mk_facebook_provider_build_device_poll;
  provider_class->build_identity_url = mk_facebook_provider_build_identity_url;
  provider_class->parse_identity = mk_facebook_provider_parse_identity;
  mk_facebook_fetch_install (provider_class);
}

static void
mk_facebook_provider_init (MkFacebookProvider *self)
{
}
