/* mk-endpoints.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "mk-endpoints.h"

/* The hosts of docs/platform-apis.md §0, plus youtube.googleapis.com (an
 * alias of the YouTube Data API) and www.google.com, whose /device page the
 * Google device flow sends the user to. All https on the default port. */
static const char * const official_origins[] = {
  "https://graph.instagram.com",
  "https://api.instagram.com",
  "https://www.instagram.com",
  "https://graph.facebook.com",
  "https://www.facebook.com",
  "https://www.googleapis.com",
  "https://youtube.googleapis.com",
  "https://oauth2.googleapis.com",
  "https://accounts.google.com",
  "https://www.google.com",
  NULL
};

typedef struct
{
  char *official_host;  /* lower case; scheme https, port 443 implied */
  char *scheme;         /* of the replacement, lower case */
  char *host;           /* of the replacement, lower case, no brackets */
  int   port;           /* of the replacement, -1 for the scheme's default */
} Override;

struct _MkEndpoints
{
  GObject    parent_instance;

  GPtrArray *overrides;
};

G_DEFINE_FINAL_TYPE (MkEndpoints, mk_endpoints, G_TYPE_OBJECT)

G_DEFINE_QUARK (mk-endpoints-error-quark, mk_endpoints_error)

static void
override_free (Override *override)
{
  g_free (override->official_host);
  g_free (override->scheme);
  g_free (override->host);
  g_free (override);
}

const char * const *
mk_endpoints_get_official_origins (void)
{
  return official_origins;
}

/* Parses one side of an entry, which must be nothing but an origin: a
 * replacement with a path would silently drop or double path segments. */
static GUri *
parse_origin (const char  *entry,
              const char  *text,
              GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *path;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, MK_ENDPOINTS_ERROR, MK_ENDPOINTS_ERROR_INVALID,
                   _("Endpoint override “%s”: “%s” is not a URL such as https://host:port."),
                   entry, text);
      return NULL;
    }

  path = g_uri_get_path (uri);
  if ((path[0] != '\0' && g_strcmp0 (path, "/") != 0) ||
      g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL ||
      g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, MK_ENDPOINTS_ERROR, MK_ENDPOINTS_ERROR_INVALID,
                   _("Endpoint override “%s”: “%s” must be an origin only "
                     "(scheme, host and port), without a path, query, fragment or user name."),
                   entry, text);
      return NULL;
    }

  return g_steal_pointer (&uri);
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* Only a literal address counts: "127.0.0.1.evil.com" is a name that
   * anybody's DNS may point anywhere. */
  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
is_official_host (const char *host)
{
  for (guint i = 0; official_origins[i] != NULL; i++)
    if (g_ascii_strcasecmp (host, official_origins[i] + strlen ("https://")) == 0)
      return TRUE;

  return FALSE;
}

static Override *
parse_entry (const char  *entry,
             GError     **error)
{
  g_autofree char *official_text = NULL;
  g_autoptr(GUri) official = NULL;
  g_autoptr(GUri) replacement = NULL;
  const char *equals = strchr (entry, '=');
  const char *scheme;
  Override *override;

  if (equals == NULL)
    {
      g_set_error (error, MK_ENDPOINTS_ERROR, MK_ENDPOINTS_ERROR_INVALID,
                   _("Endpoint override “%s” is not of the form official-origin=replacement-origin."),
                   entry);
      return NULL;
    }

  official_text = g_strstrip (g_strndup (entry, equals - entry));
  official = parse_origin (entry, official_text, error);
  if (official == NULL)
    return NULL;

  if (g_strcmp0 (g_uri_get_scheme (official), "https") != 0 ||
      (g_uri_get_port (official) != -1 && g_uri_get_port (official) != 443) ||
      !is_official_host (g_uri_get_host (official)))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) official_origins);

      g_set_error (error, MK_ENDPOINTS_ERROR, MK_ENDPOINTS_ERROR_INVALID,
                   _("Endpoint override “%s”: “%s” is not an origin Mediakit uses. Known origins: %s."),
                   entry, official_text, known);
      return NULL;
    }

  {
    g_autofree char *replacement_text = g_strstrip (g_strdup (equals + 1));

    replacement = parse_origin (entry, replacement_text, error);
    if (replacement == NULL)
      return NULL;
  }

  scheme = g_uri_get_scheme (replacement);
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      g_set_error (error, MK_ENDPOINTS_ERROR, MK_ENDPOINTS_ERROR_INVALID,
                   _("Endpoint override “%s”: the replacement must use https:// (or http:// on a loopback address)."),
                   entry);
      return NULL;
    }

  /* Access tokens travel in these requests: in clear text they may only
   * go to this machine. */
  if (g_strcmp0 (scheme, "http") == 0 && !is_loopback_host (g_uri_get_host (replacement)))
    {
      g_set_error (error, MK_ENDPOINTS_ERROR, MK_ENDPOINTS_ERROR_INSECURE,
                   _("Endpoint override “%s”: plain http:// is only allowed on a loopback address "
                     "(127.0.0.1, [::1] or localhost). Use https:// for “%s”."),
                   entry, g_uri_get_host (replacement));
      return NULL;
    }

  override = g_new0 (Override, 1);
  override->official_host = g_ascii_strdown (g_uri_get_host (official), -1);
  override->scheme = g_strdup (scheme);
  override->host = g_ascii_strdown (g_uri_get_host (replacement), -1);
  override->port = g_uri_get_port (replacement);

  return override;
}

#define URL_FLAGS (G_URI_FLAGS_ENCODED_PATH | G_URI_FLAGS_ENCODED_QUERY | \
                   G_URI_FLAGS_ENCODED_FRAGMENT | G_URI_FLAGS_PARSE_RELAXED)

static const Override *
find_override (MkEndpoints *self,
               const char  *host)
{
  for (guint i = 0; i < self->overrides->len; i++)
    {
      const Override *override = g_ptr_array_index (self->overrides, i);

      if (g_ascii_strcasecmp (override->official_host, host) == 0)
        return override;
    }

  return NULL;
}

MkEndpoints *
mk_endpoints_parse (const char  *spec,
                    GError     **error)
{
  g_autoptr(MkEndpoints) self = g_object_new (MK_TYPE_ENDPOINTS, NULL);
  g_auto(GStrv) entries = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (spec == NULL)
    return g_steal_pointer (&self);

  entries = g_strsplit (spec, ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      char *entry = g_strstrip (entries[i]);
      Override *override;

      /* A trailing comma or an empty variable means nothing to replace. */
      if (*entry == '\0')
        continue;

      override = parse_entry (entry, error);
      if (override == NULL)
        return NULL;

      if (find_override (self, override->official_host) != NULL)
        {
          g_set_error (error, MK_ENDPOINTS_ERROR, MK_ENDPOINTS_ERROR_INVALID,
                       _("Endpoint override “%s”: https://%s is replaced more than once."),
                       entry, override->official_host);
          override_free (override);
          return NULL;
        }

      g_ptr_array_add (self->overrides, override);
    }

  return g_steal_pointer (&self);
}

MkEndpoints *
mk_endpoints_new_from_env (GError **error)
{
  return mk_endpoints_parse (g_getenv (MK_ENDPOINTS_ENV), error);
}

char *
mk_endpoints_map (MkEndpoints *self,
                  const char  *url)
{
  g_autofree char *scheme = NULL;
  g_autofree char *userinfo = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  g_autofree char *query = NULL;
  g_autofree char *fragment = NULL;
  const Override *override;
  int port;

  g_return_val_if_fail (MK_IS_ENDPOINTS (self), NULL);

  if (url == NULL)
    return NULL;

  if (self->overrides->len == 0)
    return g_strdup (url);

  /* Path, query and fragment stay encoded, so a signed or cursor-carrying
   * URL is not altered on the way; the host is decoded so that an escaped
   * host cannot slip past to the real service. */
  if (!g_uri_split (url, URL_FLAGS, &scheme, &userinfo, &host, &port,
                    &path, &query, &fragment, NULL) ||
      scheme == NULL || host == NULL ||
      g_ascii_strcasecmp (scheme, "https") != 0 ||
      (port != -1 && port != 443))
    return g_strdup (url);

  override = find_override (self, host);
  if (override == NULL)
    return g_strdup (url);

  return g_uri_join (URL_FLAGS, override->scheme, userinfo,
                     override->host, override->port, path, query, fragment);
}

gboolean
mk_endpoints_is_identity (MkEndpoints *self)
{
  g_return_val_if_fail (MK_IS_ENDPOINTS (self), TRUE);

  return self->overrides->len == 0;
}

static void
mk_endpoints_finalize (GObject *object)
{
  MkEndpoints *self = (MkEndpoints *)object;

  g_clear_pointer (&self->overrides, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_endpoints_parent_class)->finalize (object);
}

static void
mk_endpoints_class_init (MkEndpointsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_endpoints_finalize;
}

static void
mk_endpoints_init (MkEndpoints *self)
{
  self->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) override_free);
}

gboolean
mk_endpoints_url_is_on_origin (const char *url,
                               const char *origin)
{
  gsize len;

  g_return_val_if_fail (url != NULL && origin != NULL, FALSE);

  len = strlen (origin);
  return g_ascii_strncasecmp (url, origin, len) == 0 &&
         (url[len] == '/' || url[len] == '?' || url[len] == '\0');
}
