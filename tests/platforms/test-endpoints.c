/* test-endpoints.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include "mk-endpoints.h"

#define LOCAL "https://graph.instagram.com=http://127.0.0.1:8080,https://www.googleapis.com=http://127.0.0.1:8080"

/* A spec and a URL, and what the URL must become. */
static const struct {
  const char *spec;
  const char *url;
  const char *expected;
} map_cases[] = {
  /* The example of architecture.md */
  { LOCAL, "https://graph.instagram.com/v24.0/me?fields=id,username",
    "http://127.0.0.1:8080/v24.0/me?fields=id,username" },
  { LOCAL, "https://www.googleapis.com/youtube/v3/channels?part=snippet&mine=true",
    "http://127.0.0.1:8080/youtube/v3/channels?part=snippet&mine=true" },
  /* Paging links keep their cursors and escapes byte for byte */
  { LOCAL, "https://graph.instagram.com/v24.0/1784/media?access_token=EAAB%7Cx&limit=25&after=QVFIUmx%3D%3D#frag",
    "http://127.0.0.1:8080/v24.0/1784/media?access_token=EAAB%7Cx&limit=25&after=QVFIUmx%3D%3D#frag" },
  /* Origin only, and with an explicit default port */
  { LOCAL, "https://graph.instagram.com", "http://127.0.0.1:8080" },
  { LOCAL, "https://graph.instagram.com/", "http://127.0.0.1:8080/" },
  { LOCAL, "https://graph.instagram.com:443/me", "http://127.0.0.1:8080/me" },
  /* Host and scheme in any case */
  { LOCAL, "HTTPS://Graph.Instagram.COM/me", "http://127.0.0.1:8080/me" },
  /* Other origins, look-alikes and non-URLs stay as they are */
  { LOCAL, "https://graph.facebook.com/v24.0/me", "https://graph.facebook.com/v24.0/me" },
  { LOCAL, "http://graph.instagram.com/me", "http://graph.instagram.com/me" },
  { LOCAL, "https://graph.instagram.com:8443/me", "https://graph.instagram.com:8443/me" },
  { LOCAL, "https://graph.instagram.com.evil.com/me", "https://graph.instagram.com.evil.com/me" },
  { LOCAL, "https://evil.com/https://graph.instagram.com/", "https://evil.com/https://graph.instagram.com/" },
  { LOCAL, "https://scontent.cdninstagram.com/v/t51.jpg?oe=6700", "https://scontent.cdninstagram.com/v/t51.jpg?oe=6700" },
  { LOCAL, "/v24.0/me", "/v24.0/me" },
  { LOCAL, "", "" },
  { LOCAL, "not a url", "not a url" },
  /* OAuth authorize and token URLs */
  { "https://accounts.google.com=http://127.0.0.1:9000,https://oauth2.googleapis.com=http://localhost:9001",
    "https://accounts.google.com/o/oauth2/v2/auth?client_id=1&redirect_uri=http%3A%2F%2F127.0.0.1%3A4321&code_challenge=E9M&state=s",
    "http://127.0.0.1:9000/o/oauth2/v2/auth?client_id=1&redirect_uri=http%3A%2F%2F127.0.0.1%3A4321&code_challenge=E9M&state=s" },
  { "https://accounts.google.com=http://127.0.0.1:9000,https://oauth2.googleapis.com=http://localhost:9001",
    "https://oauth2.googleapis.com/token", "http://localhost:9001/token" },
  { "https://www.instagram.com=http://127.0.0.1:1,https://api.instagram.com=http://127.0.0.2:2",
    "https://www.instagram.com/oauth/authorize?client_id=1&response_type=code",
    "http://127.0.0.1:1/oauth/authorize?client_id=1&response_type=code" },
  { "https://www.instagram.com=http://127.0.0.1:1,https://api.instagram.com=http://127.0.0.2:2",
    "https://api.instagram.com/oauth/access_token", "http://127.0.0.2:2/oauth/access_token" },
  { "https://www.facebook.com=http://127.0.0.1:7", "https://www.facebook.com/v24.0/dialog/oauth?client_id=1",
    "http://127.0.0.1:7/v24.0/dialog/oauth?client_id=1" },
  /* IPv6 loopback keeps its brackets */
  { "https://graph.facebook.com=http://[::1]:8080", "https://graph.facebook.com/me/accounts",
    "http://[::1]:8080/me/accounts" },
  /* https replacements may be anywhere, with or without a port */
  { "https://youtube.googleapis.com=https://proxy.example.com:8443", "https://youtube.googleapis.com/youtube/v3/videos?id=a",
    "https://proxy.example.com:8443/youtube/v3/videos?id=a" },
  { "https://graph.facebook.com=https://10.0.0.1", "https://graph.facebook.com/me", "https://10.0.0.1/me" },
  /* Trailing slashes, spaces and empty entries in the spec */
  { " https://graph.instagram.com/ = http://127.0.0.1:8080/ , ,", "https://graph.instagram.com/me",
    "http://127.0.0.1:8080/me" },
  { "https://graph.instagram.com:443=http://LOCALHOST:80", "https://graph.instagram.com/me", "http://localhost:80/me" },
  /* Empty spec: identity */
  { "", "https://graph.instagram.com/me", "https://graph.instagram.com/me" },
  { NULL, "https://graph.instagram.com/me", "https://graph.instagram.com/me" },
  { ",", "https://graph.instagram.com/me", "https://graph.instagram.com/me" },
};

/* Specs that must be refused, with the error and a piece of text the
 * message must contain so that the user finds the entry. */
static const struct {
  const char *spec;
  int         code;
  const char *mentions;
} bad_cases[] = {
  /* Plain http off the machine */
  { "https://graph.instagram.com=http://10.0.0.1", MK_ENDPOINTS_ERROR_INSECURE, "http://10.0.0.1" },
  { "https://graph.instagram.com=http://example.com:8080", MK_ENDPOINTS_ERROR_INSECURE, "example.com" },
  { "https://graph.instagram.com=http://127.0.0.1.evil.com", MK_ENDPOINTS_ERROR_INSECURE, "127.0.0.1.evil.com" },
  { "https://graph.instagram.com=http://localhost.evil.com", MK_ENDPOINTS_ERROR_INSECURE, "localhost.evil.com" },
  { "https://graph.instagram.com=http://[::ffff:127.0.0.1]", MK_ENDPOINTS_ERROR_INSECURE, "::ffff:127.0.0.1" },
  { "https://graph.instagram.com=http://192.168.1.10:8080", MK_ENDPOINTS_ERROR_INSECURE, "192.168.1.10" },
  { "https://graph.instagram.com=http://[::2]:8080", MK_ENDPOINTS_ERROR_INSECURE, "::2" },
  /* A good entry does not excuse a bad one after it */
  { LOCAL ",https://graph.facebook.com=http://example.com", MK_ENDPOINTS_ERROR_INSECURE,
    "https://graph.facebook.com=http://example.com" },
  /* Malformed */
  { "https://graph.instagram.com", MK_ENDPOINTS_ERROR_INVALID, "https://graph.instagram.com" },
  { "https://graph.instagram.com=", MK_ENDPOINTS_ERROR_INVALID, "https://graph.instagram.com=" },
  { "=http://127.0.0.1:8080", MK_ENDPOINTS_ERROR_INVALID, "=http://127.0.0.1:8080" },
  { "https://graph.instagram.com=127.0.0.1:8080", MK_ENDPOINTS_ERROR_INVALID, "127.0.0.1:8080" },
  { "https://graph.instagram.com=localhost:8080", MK_ENDPOINTS_ERROR_INVALID, "localhost:8080" },
  { "graph.instagram.com=http://127.0.0.1", MK_ENDPOINTS_ERROR_INVALID, "graph.instagram.com" },
  { "https://graph.instagram.com=http://127.0.0.1:8080/v24.0", MK_ENDPOINTS_ERROR_INVALID, "/v24.0" },
  { "https://graph.instagram.com/v24.0=http://127.0.0.1:8080", MK_ENDPOINTS_ERROR_INVALID, "/v24.0" },
  { "https://graph.instagram.com=http://127.0.0.1:8080?x=1", MK_ENDPOINTS_ERROR_INVALID, "?x=1" },
  { "https://graph.instagram.com=http://127.0.0.1:8080#x", MK_ENDPOINTS_ERROR_INVALID, "#x" },
  { "https://graph.instagram.com=http://user:pw@127.0.0.1:8080", MK_ENDPOINTS_ERROR_INVALID, "user:pw@" },
  { "https://graph.instagram.com=ftp://127.0.0.1", MK_ENDPOINTS_ERROR_INVALID, "ftp://127.0.0.1" },
  { "https://graph.instagram.com=http://", MK_ENDPOINTS_ERROR_INVALID, "http://" },
  { "https://graph.instagram.com=http://127.0.0.1:99999", MK_ENDPOINTS_ERROR_INVALID, "99999" },
  /* Not an official origin */
  { "https://example.com=http://127.0.0.1", MK_ENDPOINTS_ERROR_INVALID, "https://example.com" },
  { "http://graph.instagram.com=http://127.0.0.1", MK_ENDPOINTS_ERROR_INVALID, "http://graph.instagram.com" },
  { "https://graph.instagram.com:8443=http://127.0.0.1", MK_ENDPOINTS_ERROR_INVALID, ":8443" },
  { "https://instagram.com=http://127.0.0.1", MK_ENDPOINTS_ERROR_INVALID, "https://instagram.com" },
  /* Twice */
  { "https://graph.instagram.com=http://127.0.0.1:1,https://GRAPH.instagram.com=http://127.0.0.1:2",
    MK_ENDPOINTS_ERROR_INVALID, "https://GRAPH.instagram.com=http://127.0.0.1:2" },
};

static void
test_map (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(MkEndpoints) endpoints = mk_endpoints_parse (map_cases[i].spec, &error);
  g_autofree char *mapped = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (endpoints);

  mapped = mk_endpoints_map (endpoints, map_cases[i].url);
  g_assert_cmpstr (mapped, ==, map_cases[i].expected);
}

static void
test_refused (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(MkEndpoints) endpoints = mk_endpoints_parse (bad_cases[i].spec, &error);

  g_assert_null (endpoints);
  g_assert_error (error, MK_ENDPOINTS_ERROR, bad_cases[i].code);
  if (strstr (error->message, bad_cases[i].mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, bad_cases[i].mentions);
}

static void
test_every_official_origin (void)
{
  const char * const *origins = mk_endpoints_get_official_origins ();
  g_autoptr(GString) spec = g_string_new (NULL);
  g_autoptr(MkEndpoints) endpoints = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  for (n = 0; origins[n] != NULL; n++)
    g_string_append_printf (spec, "%s%s=http://127.0.0.1:%u", n > 0 ? "," : "", origins[n], 8000 + n);

  /* At least the hosts of platform-apis.md §0 */
  g_assert_cmpuint (n, >=, 8);

  endpoints = mk_endpoints_parse (spec->str, &error);
  g_assert_no_error (error);
  g_assert_false (mk_endpoints_is_identity (endpoints));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *url = g_strconcat (origins[i], "/x?y=1", NULL);
      g_autofree char *expected = g_strdup_printf ("http://127.0.0.1:%u/x?y=1", 8000 + i);
      g_autofree char *mapped = mk_endpoints_map (endpoints, url);

      g_assert_cmpstr (mapped, ==, expected);
    }
}

static void
test_identity (void)
{
  g_autoptr(MkEndpoints) endpoints = mk_endpoints_parse ("", NULL);
  g_autoptr(MkEndpoints) local = mk_endpoints_parse (LOCAL, NULL);

  g_assert_true (mk_endpoints_is_identity (endpoints));
  g_assert_false (mk_endpoints_is_identity (local));
  g_assert_null (mk_endpoints_map (endpoints, NULL));
  g_assert_null (mk_endpoints_map (local, NULL));
}

static void
test_from_env (void)
{
  g_autoptr(MkEndpoints) unset = NULL;
  g_autoptr(MkEndpoints) set = NULL;
  g_autoptr(MkEndpoints) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mapped = NULL;

  g_unsetenv (MK_ENDPOINTS_ENV);
  unset = mk_endpoints_new_from_env (&error);
  g_assert_no_error (error);
  g_assert_true (mk_endpoints_is_identity (unset));

  g_setenv (MK_ENDPOINTS_ENV, LOCAL, TRUE);
  set = mk_endpoints_new_from_env (&error);
  g_assert_no_error (error);
  mapped = mk_endpoints_map (set, "https://www.googleapis.com/youtube/v3/videos");
  g_assert_cmpstr (mapped, ==, "http://127.0.0.1:8080/youtube/v3/videos");

  g_setenv (MK_ENDPOINTS_ENV, "https://graph.instagram.com=http://example.com", TRUE);
  bad = mk_endpoints_new_from_env (&error);
  g_assert_null (bad);
  g_assert_error (error, MK_ENDPOINTS_ERROR, MK_ENDPOINTS_ERROR_INSECURE);

  g_unsetenv (MK_ENDPOINTS_ENV);
}

/* Paging links are followed only to the origin asked: a lookalike host, a
 * port or user part glued on, or another scheme is not that origin. */
static void
test_url_is_on_origin (void)
{
  const char *origin = "https://graph.facebook.com";

  g_assert_true (mk_endpoints_url_is_on_origin ("https://graph.facebook.com", origin));
  g_assert_true (mk_endpoints_url_is_on_origin ("https://graph.facebook.com/v19.0/me/accounts?after=x", origin));
  g_assert_true (mk_endpoints_url_is_on_origin ("https://graph.facebook.com?x=1", origin));
  g_assert_true (mk_endpoints_url_is_on_origin ("HTTPS://GRAPH.FACEBOOK.COM/v19.0", origin));
  g_assert_false (mk_endpoints_url_is_on_origin ("https://graph.facebook.com.evil.example/v19.0", origin));
  g_assert_false (mk_endpoints_url_is_on_origin ("https://graph.facebook.com:8443/v19.0", origin));
  g_assert_false (mk_endpoints_url_is_on_origin ("https://graph.facebook.com@evil.example/", origin));
  g_assert_false (mk_endpoints_url_is_on_origin ("http://graph.facebook.com/v19.0", origin));
  g_assert_false (mk_endpoints_url_is_on_origin ("https://graph.facebook.co", origin));
  g_assert_false (mk_endpoints_url_is_on_origin ("", origin));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (map_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/endpoints/map/%02u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_map);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/endpoints/refused/%02u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_refused);
    }

  g_test_add_func ("/endpoints/every-official-origin", test_every_official_origin);
  g_test_add_func ("/endpoints/identity", test_identity);
  g_test_add_func ("/endpoints/from-env", test_from_env);
  g_test_add_func ("/endpoints/url-is-on-origin", test_url_is_on_origin);

  return g_test_run ();
}
