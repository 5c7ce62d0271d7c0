/* mk-youtube-provider.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-youtube-fetch.h"
#include "mk-youtube-provider.h"

#define AUTHORIZE_URL   "https://accounts.google.com/o/oauth2/v2/auth"
#define TOKEN_URL       "https://oauth2.googleapis.com/token"
#define DEVICE_CODE_URL "https://oauth2.googleapis.com/device/code"
#define CHANNELS_URL    "https://www.googleapis.com/youtube/v3/channels?part=snippet,contentDetails,statistics&mine=true"
#define SCOPES          "https://www.googleapis.com/auth/youtube.readonly"
#define REFRESH_BELOW   (10 * G_TIME_SPAN_MINUTE)

struct _MkYouTubeProvider
{
  MkPlatformProvider parent_instance;
};

G_DEFINE_FINAL_TYPE (MkYouTubeProvider, mk_youtube_provider, MK_TYPE_PLATFORM_PROVIDER)

static char *
mk_youtube_provider_build_authorize_url (MkPlatformProvider        *provider,
                                         const MkClientCredentials *creds,
                                         const char                *redirect_uri,
                                         const char                *state,
                                         const char                *challenge)
{
  g_autofree char *query = NULL;

  /* access_type=offline and prompt=consent: without them Google sends no
   * refresh token after the first consent, and we could never refresh. */
  query = mk_oauth_form_encode ("client_id", creds->client_id,
                                "redirect_uri", redirect_uri,
                                "response_type", "code",
                                "scope", SCOPES,
                                "code_challenge", challenge,
                                "code_challenge_method", "S256",
                                "state", state,
                                "access_type", "offline",
                                "prompt", "consent",
                                NULL);

  return g_strconcat (AUTHORIZE_URL "?", query, NULL);
}

static MkOAuthCall *
mk_youtube_provider_build_code_exchange (MkPlatformProvider        *provider,
                                         const MkClientCredentials *creds,
                                         const char                *code,
                                         const char                *verifier,
                                         const char                *redirect_uri)
{
  return mk_oauth_call_new ("POST", g_strdup (TOKEN_URL),
                            mk_oauth_form_encode ("code", code,
                                                  "client_id", creds->client_id,
                                                  "client_secret", creds->client_secret,
                                                  "redirect_uri", redirect_uri,
                                                  "grant_type", "authorization_code",
                                                  "code_verifier", verifier,
                                                  NULL));
}

static MkOAuthCall *
mk_youtube_provider_build_refresh (MkPlatformProvider        *provider,
                                   const MkClientCredentials *creds,
                                   const char                *access_token,
                                   const char                *refresh_token)
{
  if (refresh_token == NULL)
    return NULL;

  return mk_oauth_call_new ("POST", g_strdup (TOKEN_URL),
                            mk_oauth_form_encode ("client_id", creds->client_id,
                                                  "client_secret", creds->client_secret,
                                                  "grant_type", "refresh_token",
                                                  "refresh_token", refresh_token,
                                                  NULL));
}

static gboolean
mk_youtube_provider_needs_refresh (MkPlatformProvider *provider,
                                   GDateTime          *now,
                                   GDateTime          *expires_at)
{
  return g_date_time_difference (expires_at, now) < REFRESH_BELOW;
}

static MkOAuthCall *
mk_youtube_provider_build_device_start (MkPlatformProvider        *provider,
                                        const MkClientCredentials *creds)
{
  if (creds->client_id == NULL)
    return NULL;

  return mk_oauth_call_new ("POST", g_strdup (DEVICE_CODE_URL),
                            mk_oauth_form_encode ("client_id", creds->client_id,
                                                  "scope", SCOPES,
                                                  NULL));
}

static MkOAuthCall *
mk_youtube_provider_build_device_poll (MkPlatformProvider        *provider,
                                       const MkClientCredentials *creds,
                                       const char                *device_code)
{
  return mk_oauth_call_new ("POST", g_strdup (TOKEN_URL),
                            mk_oauth_form_encode ("client_id", creds->client_id,
                                                  "client_secret", creds->client_secret,
                                                  "device_code", device_code,
                                                  "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                                                  NULL));
}

static char *
mk_youtube_provider_build_identity_url (MkPlatformProvider *provider)
{
  return g_strdup (CHANNELS_URL);
}

static MkPlatformIdentity *
mk_youtube_provider_parse_identity (MkPlatformProvider  *provider,
                                    JsonNode            *root,
                                    GError             **error)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *items = json_object_get_member (object, "items");
  JsonObject *channel = NULL;
  JsonNode *snippet;
  const char *id;
  MkPlatformIdentity *identity;

  if (items != NULL && JSON_NODE_HOLDS_ARRAY (items)
      && json_array_get_length (json_node_get_array (items)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (items), 0);

      if (JSON_NODE_HOLDS_OBJECT (first))
        channel = json_node_get_object (first);
    }

  id = channel != NULL ? json_object_get_string_member_with_default (channel, "id", NULL) : NULL;
  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_FAILED,
                           _("This Google account has no YouTube channel yet; create one on YouTube first"));
      return NULL;
    }

  identity = g_new0 (MkPlatformIdentity, 1);
  identity->id = g_strdup (id);

  snippet = json_object_get_member (channel, "snippet");
  if (snippet != NULL && JSON_NODE_HOLDS_OBJECT (snippet))
    {
      JsonObject *s = json_node_get_object (snippet);
      const char *handle = json_object_get_string_member_with_default (s, "customUrl", NULL);

      if (handle == NULL)
        handle = json_object_get_string_member_with_default (s, "title", NULL);
      identity->handle = g_strdup (handle);
    }

  return identity;
}

static void
mk_youtube_provider_class_init (MkYouTubeProviderClass *klass)
{
  MkPlatformProviderClass *provider_class = MK_PLATFORM_PROVIDER_CLASS (klass);

  provider_class->platform = MK_PLATFORM_YOUTUBE;
  provider_class->ways = MK_CONNECT_WAY_BROWSER | MK_CONNECT_WAY_DEVICE | MK_CONNECT_WAY_PASTE;
  provider_class->use_pkce = TRUE;
  provider_class->scopes = SCOPES;
  provider_class->build_client_id = BUILD_CLIENT_ID_YOUTUBE;
  provider_class->build_authorize_url = mk_youtube_provider_build_authorize_url;
  provider_class->build_code_exchange = mk_youtube_provider_build_code_exchange;
  provider_class->build_refresh = mk_youtube_provider_build_refresh;
  provider_class->needs_refresh = mk_youtube_provider_needs_refresh;
  provider_class->build_device_start = mk_youtube_provider_build_device_start;
  provider_class->build_device_poll = mk_youtube_provider_build_device_poll;
  provider_class->build_identity_url = mk_youtube_provider_build_identity_url;
  provider_class->parse_identity = mk_youtube_provider_parse_identity;
  mk_youtube_fetch_install (provider_class);
}

static void
mk_youtube_provider_init (MkYouTubeProvider *self)
{
}
