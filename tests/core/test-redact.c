/* test-redact.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include "mk-redact.h"

typedef enum {
  SHAPE_TEXT,
  SHAPE_JSON,
} ShapeKind;

typedef struct {
  ShapeKind   kind;
  const char *input;
  const char *expected;
} Case;

#define R MK_REDACTED

static const Case cases[] = {
  /* Nothing to do */
  { SHAPE_TEXT, "", "" },
  { SHAPE_TEXT, "nothing secret here", "nothing secret here" },
  { SHAPE_TEXT, "the access_token expired", "the access_token expired" },
  { SHAPE_TEXT,
    "https://www.facebook.com/v24.0/dialog/oauth?client_id=1&redirect_uri=https%3A%2F%2Fwww.facebook.com%2Fconnect%2Flogin_success.html&state=s&scope=pages_show_list",
    "https://www.facebook.com/v24.0/dialog/oauth?client_id=1&redirect_uri=https%3A%2F%2Fwww.facebook.com%2Fconnect%2Flogin_success.html&state=s&scope=pages_show_list" },

  /* URLs and query strings */
  { SHAPE_TEXT,
    "https://graph.instagram.com/v24.0/me?fields=id,username&access_token=EAAB123&x=1",
    "https://graph.instagram.com/v24.0/me?fields=id,username&access_token=" R "&x=1" },
  { SHAPE_TEXT, "?access_token=abc", "?access_token=" R },
  { SHAPE_TEXT, "https://graph.facebook.com/me?ACCESS_TOKEN=abc", "https://graph.facebook.com/me?ACCESS_TOKEN=" R },
  { SHAPE_TEXT, "Access_Token=abc&b=2", "Access_Token=" R "&b=2" },
  { SHAPE_TEXT, "access%5Ftoken=abc&x=1", "access%5Ftoken=" R "&x=1" },
  { SHAPE_TEXT, "access%5ftoken=abc", "access%5ftoken=" R },
  { SHAPE_TEXT, "%61ccess_token=abc", "%61ccess_token=" R },
  { SHAPE_TEXT, "access_token%3Dabc%26x%3D1", "access_token%3D" R "%26x%3D1" },
  { SHAPE_TEXT, "access_token=abc==&x=1", "access_token=" R "&x=1" },
  { SHAPE_TEXT, "access_token=123|abc=def&x=1", "access_token=" R "&x=1" },
  { SHAPE_TEXT, "access_token=one&x=1&access_token=two", "access_token=" R "&x=1&access_token=" R },
  { SHAPE_TEXT, "a?access_token=abc b?refresh_token=def", "a?access_token=" R " b?refresh_token=" R },
  { SHAPE_TEXT, "access_token=", "access_token=" },
  { SHAPE_TEXT, "access_token=&x=1", "access_token=&x=1" },
  { SHAPE_TEXT, "access_token = abc", "access_token = " R },
  { SHAPE_TEXT, "user.password=abc", "user.password=" R },
  { SHAPE_TEXT, "x=1&amp;access_token=abc&amp;y=2", "x=1&amp;access_token=" R "&amp;y=2" },
  { SHAPE_TEXT, "<a href=\"https://x/cb?code=abc\">link</a>", "<a href=\"https://x/cb?code=" R "\">link</a>" },
  { SHAPE_TEXT, "\\u0026access_token=abc", "\\u0026access_token=" R },
  { SHAPE_TEXT, "CLIENT_SECRET=abc\tnext", "CLIENT_SECRET=" R "\tnext" },
  { SHAPE_TEXT, "debug_token?input_token=EAAuser&access_token=123|abc",
    "debug_token?input_token=" R "&access_token=" R },

  /* OAuth redirects, fragments, PKCE */
  { SHAPE_TEXT, "http://127.0.0.1:8080/cb?code=AQBx-y_z&state=s3", "http://127.0.0.1:8080/cb?code=" R "&state=s3" },
  { SHAPE_TEXT, "?code=AQB#_", "?code=" R "#_" },
  { SHAPE_TEXT, "https://x/cb?state=abc&code=4/0AX4Xf#frag", "https://x/cb?state=abc&code=" R "#frag" },
  { SHAPE_TEXT, "code_verifier=dBjftJeZ&code_challenge=E9Melhoa&code_challenge_method=S256",
    "code_verifier=" R "&code_challenge=E9Melhoa&code_challenge_method=S256" },
  { SHAPE_TEXT, "postcode=12345&country_code=DE&error_code=190&access_token_type=x",
    "postcode=12345&country_code=DE&error_code=190&access_token_type=x" },
  { SHAPE_TEXT, "token_type=bearer", "token_type=bearer" },
  { SHAPE_TEXT, "code=190", "code=" R },

  /* Form bodies */
  { SHAPE_TEXT, "grant_type=refresh_token&refresh_token=1//0gx&client_id=123&client_secret=GOCSPX-abc",
    "grant_type=refresh_token&refresh_token=" R "&client_id=123&client_secret=" R },
  { SHAPE_TEXT, "grant_type=fb_exchange_token&fb_exchange_token=EAAshort",
    "grant_type=fb_exchange_token&fb_exchange_token=" R },
  { SHAPE_TEXT, "password=p%40ss%26word%3D1&remember=1", "password=" R "&remember=1" },
  { SHAPE_TEXT, "client_id=1&device_code=AH-1Ng&grant_type=x", "client_id=1&device_code=" R "&grant_type=x" },

  /* Encoded URLs inside URLs */
  { SHAPE_TEXT,
    "next=https%3A%2F%2Fgraph.facebook.com%2Fv24.0%2Fme%3Faccess_token%3DEAAB%26after%3DQVF",
    "next=https%3A%2F%2Fgraph.facebook.com%2Fv24.0%2Fme%3Faccess_token%3D" R "%26after%3DQVF" },
  { SHAPE_TEXT,
    "u=https%253A%252F%252Fx%253Faccess_token%253DEAAB%2526y%253D1",
    "u=https%253A%252F%252Fx%253Faccess_token%253D" R "%2526y%253D1" },

  /* Headers */
  { SHAPE_TEXT, "Authorization: Bearer ya29.a0AfH6", "Authorization: Bearer " R },
  { SHAPE_TEXT, "authorization: OAuth EAAB", "authorization: OAuth " R },
  { SHAPE_TEXT, "AUTHORIZATION:Bearer abc", "AUTHORIZATION:Bearer " R },
  { SHAPE_TEXT, "Authorization: abcdef", "Authorization: " R },
  { SHAPE_TEXT, "Authorization: Bearer", "Authorization: " R },
  { SHAPE_TEXT, "Proxy-Authorization: Basic dXNlcjpwYXNz", "Proxy-Authorization: Basic " R },
  { SHAPE_TEXT, "Authorization: OAuth realm=\"x\", oauth_token=\"abc\"", "Authorization: OAuth " R },
  { SHAPE_TEXT,
    "GET /me HTTP/1.1\r\nHost: graph.facebook.com\r\nAuthorization: Bearer abc\r\nAccept: application/json\r\n",
    "GET /me HTTP/1.1\r\nHost: graph.facebook.com\r\nAuthorization: Bearer " R "\r\nAccept: application/json\r\n" },
  { SHAPE_TEXT, "{\"Authorization\": \"Bearer abc\"}", "{\"Authorization\": \"Bearer " R "\"}" },
  { SHAPE_TEXT, "sent Bearer abcdef to the server", "sent Bearer " R " to the server" },
  { SHAPE_TEXT,
    "WWW-Authenticate: OAuth \"Facebook Platform\" \"invalid_token\" \"bad\"",
    "WWW-Authenticate: OAuth \"Facebook Platform\" \"invalid_token\" \"bad\"" },

  /* name: value lines */
  { SHAPE_TEXT, "error code: 190", "error code: 190" },
  { SHAPE_TEXT, "code: 190, subcode: 463", "code: 190, subcode: 463" },
  { SHAPE_TEXT, "code: AQBxyz", "code: " R },
  { SHAPE_TEXT, "password: hunter2 and more", "password: " R },
  { SHAPE_TEXT, "line one\npassword=hunter2\nline three", "line one\npassword=" R "\nline three" },
  { SHAPE_TEXT, "one\r\naccess_token: abc\r\ntwo", "one\r\naccess_token: " R "\r\ntwo" },

  /* JSON-like text that is not parsed as JSON */
  { SHAPE_TEXT, "{\"access_token\":\"abc\"", "{\"access_token\":\"" R "\"" },
  { SHAPE_TEXT, "{\"access_token\":\"abc", "{\"access_token\":\"" R },
  { SHAPE_TEXT, "{\\\"access_token\\\":\\\"abc\\\",\\\"n\\\":1}", "{\\\"access_token\\\":\\\"" R "\\\",\\\"n\\\":1}" },
  { SHAPE_TEXT, "{\"code\":190,\"password\":12345}", "{\"code\":190,\"password\":" R "}" },
  { SHAPE_TEXT, "{\"a\":\"x\\\"y\",\"password\":\"p\\\"q\"}", "{\"a\":\"x\\\"y\",\"password\":\"" R "\"}" },
  { SHAPE_TEXT, "{\"password\":{\"a\":[1,\"}\"]},\"b\":2}", "{\"password\":\"" R "\",\"b\":2}" },
  { SHAPE_TEXT, "'access_token': 'abc'", "'access_token': '" R "'" },

  /* Unicode */
  { SHAPE_TEXT, "name=Zoë 😀&access_token=é€😀abc&x=ü", "name=Zoë 😀&access_token=" R "&x=ü" },
  { SHAPE_TEXT, "مرحبا password=سر", "مرحبا password=" R },

  /* JSON */
  { SHAPE_JSON, "{\"access_token\":\"EAAB\",\"token_type\":\"bearer\",\"expires_in\":5183944}",
    "{\"access_token\":\"" R "\",\"token_type\":\"bearer\",\"expires_in\":5183944}" },
  { SHAPE_JSON, "{\"data\":[{\"access_token\":\"a\",\"user_id\":\"1\",\"permissions\":\"x,y\"}]}",
    "{\"data\":[{\"access_token\":\"" R "\",\"user_id\":\"1\",\"permissions\":\"x,y\"}]}" },
  { SHAPE_JSON,
    "{\"error\":{\"message\":\"Invalid OAuth access token - Cannot parse access token\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"A1\"}}",
    "{\"error\":{\"message\":\"Invalid OAuth access token - Cannot parse access token\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"A1\"}}" },
  { SHAPE_JSON, "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Invalid code\"}",
    "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Invalid code\"}" },
  { SHAPE_JSON, "{\"Code\":190}", "{\"Code\":190}" },
  { SHAPE_JSON, "{\"code\":\"AQBcode\",\"state\":\"s\"}", "{\"code\":\"" R "\",\"state\":\"s\"}" },
  { SHAPE_JSON, "{\"code\":{\"v\":\"x\"}}", "{\"code\":\"" R "\"}" },
  { SHAPE_JSON,
    "{\"code\":\"92a2b2e3\",\"user_code\":\"A1NWZ9\",\"verification_uri\":\"https://www.facebook.com/device\",\"expires_in\":420,\"interval\":5}",
    "{\"code\":\"" R "\",\"user_code\":\"A1NWZ9\",\"verification_uri\":\"https://www.facebook.com/device\",\"expires_in\":420,\"interval\":5}" },
  { SHAPE_JSON,
    "{\"data\":[],\"paging\":{\"cursors\":{\"after\":\"QVFI\"},\"next\":\"https://graph.instagram.com/v24.0/1/media?access_token=EAAB&after=QVFI\"}}",
    "{\"data\":[],\"paging\":{\"cursors\":{\"after\":\"QVFI\"},\"next\":\"https://graph.instagram.com/v24.0/1/media?access_token=" R "&after=QVFI\"}}" },
  { SHAPE_JSON, "{\"a\":[[{\"b\":[{\"refresh_token\":\"x\"}]}]]}", "{\"a\":[[{\"b\":[{\"refresh_token\":\"" R "\"}]}]]}" },
  { SHAPE_JSON, "{\"access_token\":\"ya29.a\",\"id_token\":\"eyJhbGciOi.eyJzdWIi.sig\",\"expires_in\":3599}",
    "{\"access_token\":\"" R "\",\"id_token\":\"" R "\",\"expires_in\":3599}" },
  { SHAPE_JSON, "{\"password\":{\"hash\":\"x\",\"salt\":\"y\"}}", "{\"password\":\"" R "\"}" },
  { SHAPE_JSON, "{\"client_secret\":[\"a\",\"b\"]}", "{\"client_secret\":\"" R "\"}" },
  { SHAPE_JSON, "{\"access_token\":12345}", "{\"access_token\":\"" R "\"}" },
  { SHAPE_JSON, "{\"password\":true}", "{\"password\":\"" R "\"}" },
  { SHAPE_JSON, "{\"access_token\":null}", "{\"access_token\":null}" },
  { SHAPE_JSON, "{\"access_token\":\"\"}", "{\"access_token\":\"\"}" },
  { SHAPE_JSON, "{\"ACCESS_TOKEN\":\"a\",\"Refresh_Token\":\"b\",\"Authorization\":\"Bearer c\"}",
    "{\"ACCESS_TOKEN\":\"" R "\",\"Refresh_Token\":\"" R "\",\"Authorization\":\"" R "\"}" },
  { SHAPE_JSON, "{\"headers\":{\"Authorization\":\"Bearer abc\",\"Accept\":\"application/json\"}}",
    "{\"headers\":{\"Authorization\":\"" R "\",\"Accept\":\"application/json\"}}" },
  { SHAPE_JSON, "{\"access_token_type\":\"x\",\"code_challenge\":\"y\",\"country_code\":\"DE\",\"postcode\":\"1\"}",
    "{\"access_token_type\":\"x\",\"code_challenge\":\"y\",\"country_code\":\"DE\",\"postcode\":\"1\"}" },
  { SHAPE_JSON, "{\"body\":\"{\\\"access_token\\\":\\\"abc\\\"}\"}", "{\"body\":\"{\\\"access_token\\\":\\\"" R "\\\"}\"}" },
  { SHAPE_JSON, "{\"a\":{\"access_token\":\"x\"},\"b\":{\"access_token\":\"x\"}}",
    "{\"a\":{\"access_token\":\"" R "\"},\"b\":{\"access_token\":\"" R "\"}}" },
  { SHAPE_JSON, "[{\"password\":\"a\"},\"https://x?password=b\",3]", "[{\"password\":\"" R "\"},\"https://x?password=" R "\",3]" },
  { SHAPE_JSON, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}",
    "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}" },
  { SHAPE_JSON, "{ \"access_token\" : \"a\" ,\n \"n\" : [ 1 , 2 ] }", "{\"access_token\":\"" R "\",\"n\":[1,2]}" },
  { SHAPE_JSON, "{\"caption\":\"Zoë 😀 \xe2\x80\xae end\",\"password\":\"pässwörd😀\"}",
    "{\"caption\":\"Zoë 😀 \xe2\x80\xae end\",\"password\":\"" R "\"}" },
  { SHAPE_JSON, "\"https://x?code=abc\"", "\"https://x?code=" R "\"" },
  { SHAPE_JSON, "42", "42" },

  /* Not JSON: always comes back as a JSON string */
  { SHAPE_JSON, "", "\"\"" },
  { SHAPE_JSON, "not json access_token=abc", "\"not json access_token=" R "\"" },
  { SHAPE_JSON, "{\"access_token\":\"abc", "\"{\\\"access_token\\\":\\\"" R "\"" },
  { SHAPE_JSON, "<html><body>502 Bad Gateway</body></html>", "\"<html><body>502 Bad Gateway</body></html>\"" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *out = NULL;

  if (c->kind == SHAPE_TEXT)
    out = mk_redact_text (c->input);
  else
    out = mk_redact_json_text (c->input);

  g_assert_cmpstr (out, ==, c->expected);
}

static void
test_is_secret_name (void)
{
  const char *secret[] = {
    "access_token", "ACCESS_TOKEN", "Access_Token", "refresh_token", "code", "CODE",
    "code_verifier", "device_code", "client_secret", "fb_exchange_token",
    "input_token", "password", "Password", "Authorization", "authorization",
  };
  const char *public[] = {
    "", "postcode", "country_code", "error_code", "code_challenge",
    "code_challenge_method", "access_token_type", "token", "access-token",
    "access%5Ftoken", "user_code", "state", "secret", " access_token",
  };

  for (guint i = 0; i < G_N_ELEMENTS (secret); i++)
    g_assert_true (mk_redact_is_secret_name (secret[i]));
  for (guint i = 0; i < G_N_ELEMENTS (public); i++)
    g_assert_false (mk_redact_is_secret_name (public[i]));
}

static void
test_null (void)
{
  g_assert_false (mk_redact_is_secret_name (NULL));
  g_assert_null (mk_redact_text (NULL));
  g_assert_null (mk_redact_json_text (NULL));
  g_assert_null (mk_redact_json_node (NULL));
}

static void
test_node_untouched (void)
{
  const char *text = "{\"a\":[{\"access_token\":\"abc\"}],\"next\":\"https://x?code=y\"}";
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(JsonNode) redacted = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;

  g_assert_nonnull (node);
  redacted = mk_redact_json_node (node);
  after = json_to_string (node, FALSE);
  out = json_to_string (redacted, FALSE);

  g_assert_cmpstr (after, ==, text);
  g_assert_cmpstr (out, ==, "{\"a\":[{\"access_token\":\"" R "\"}],\"next\":\"https://x?code=" R "\"}");
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *out = mk_redact_json_text ("\xff\xfe password=abc");
  g_autoptr(JsonNode) node = NULL;

  node = json_from_string (out, NULL);
  g_assert_nonnull (node);
  g_assert_cmpstr (json_node_get_string (node), ==, "\xef\xbf\xbd\xef\xbf\xbd password=" R);
}

/* Every shape a secret can come in, with {N} for its name and {V} for its
 * value. The property test checks a random value never survives any of
 * them, for every name. */
static const struct {
  ShapeKind   kind;
  const char *shape;
} shapes[] = {
  { SHAPE_TEXT, "{N}={V}" },
  { SHAPE_TEXT, "?{N}={V}&x=1" },
  { SHAPE_TEXT, "https://h/p?a=1&{N}={V}#frag" },
  { SHAPE_TEXT, "a=1&{N}={V}&b=2&{N}={V}" },
  { SHAPE_TEXT, "{N}: {V}" },
  { SHAPE_TEXT, "{N}:{V}\nnext: line" },
  { SHAPE_TEXT, "line1\r\n{N}: {V}\r\nline3" },
  { SHAPE_TEXT, "{N}: Bearer {V}" },
  { SHAPE_TEXT, "{N}: OAuth {V}" },
  { SHAPE_TEXT, "x {N} = {V} y" },
  { SHAPE_TEXT, "\"{N}\":\"{V}\"" },
  { SHAPE_TEXT, "\"{N}\": \"Bearer {V}\"" },
  { SHAPE_TEXT, "'{N}': '{V}'" },
  { SHAPE_TEXT, "{\\\"{N}\\\":\\\"{V}\\\"}" },
  { SHAPE_TEXT, "{\"{N}\":\"{V}" },
  { SHAPE_TEXT, "{\"{N}\":{\"a\":\"{V}\"" },
  { SHAPE_TEXT, "{E}={V}" },
  { SHAPE_TEXT, "{U}={V}&x=1" },
  { SHAPE_TEXT, "{U}: {V}" },
  { SHAPE_TEXT, "next=https%3A%2F%2Fh%2F%3F{N}%3D{V}%26y%3D1" },
  { SHAPE_TEXT, "u=https%253A%252F%252Fh%253F{N}%253D{V}%2526y%253D1" },
  { SHAPE_TEXT, "<a href=\"https://x/?{N}={V}\">x</a>" },
  { SHAPE_TEXT, "\\u0026{N}={V}" },
  { SHAPE_TEXT, "Zoë 😀 {N}={V} ü" },
  { SHAPE_JSON, "{\"{N}\":\"{V}\"}" },
  { SHAPE_JSON, "{\"a\":[{\"b\":{\"{N}\":\"{V}\"}}]}" },
  { SHAPE_JSON, "{\"{N}\":{\"v\":\"{V}\"}}" },
  { SHAPE_JSON, "{\"{N}\":[\"{V}\"]}" },
  { SHAPE_JSON, "{\"paging\":{\"next\":\"https://g/v?{N}={V}&after=x\"}}" },
  { SHAPE_JSON, "{\"headers\":{\"{N}\":\"Bearer {V}\"}}" },
  { SHAPE_JSON, "{\"{U}\":\"{V}\"}" },
  { SHAPE_JSON, "{\"s\":\"{\\\"{N}\\\":\\\"{V}\\\"}\"}" },
  { SHAPE_JSON, "{\"{N}\":\"{V}" },
  { SHAPE_JSON, "[{\"{N}\":\"{V}\"},{\"{N}\":\"{V}\"}]" },
};

static const char * const names[] = {
  "access_token", "refresh_token", "code", "code_verifier", "device_code",
  "client_secret", "fb_exchange_token", "input_token", "password",
  "Authorization",
};

static char *
random_canary (void)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/+|=";
  GString *s = g_string_new ("Cx");

  for (int i = 0; i < 30; i++)
    g_string_append_c (s, alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)]);

  return g_string_free (s, FALSE);
}

static char *
percent_encode_all (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    g_string_append_printf (s, "%%%02X", (guchar) *p);

  return g_string_free (s, FALSE);
}

static void
test_canary_never_survives (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
      for (guint round = 0; round < 20; round++)
        {
          g_autofree char *canary = random_canary ();
          g_autofree char *encoded = percent_encode_all (names[n]);
          g_autofree char *upper = g_ascii_strup (names[n], -1);
          g_autoptr(GString) input = g_string_new (shapes[s].shape);
          g_autofree char *out = NULL;
          g_autofree char *head = g_strndup (canary, 16);

          g_string_replace (input, "{N}", names[n], 0);
          g_string_replace (input, "{E}", encoded, 0);
          g_string_replace (input, "{U}", upper, 0);
          g_string_replace (input, "{V}", canary, 0);

          if (shapes[s].kind == SHAPE_TEXT)
            out = mk_redact_text (input->str);
          else
            out = mk_redact_json_text (input->str);

          if (strstr (out, head) != NULL || strstr (out, canary + 16) != NULL)
            g_error ("secret survived: %s -> %s", input->str, out);
          g_assert_nonnull (strstr (out, MK_REDACTED));
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/redact/%s/%02u",
                                               cases[i].kind == SHAPE_TEXT ? "text" : "json", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }

  g_test_add_func ("/redact/is-secret-name", test_is_secret_name);
  g_test_add_func ("/redact/null", test_null);
  g_test_add_func ("/redact/node-untouched", test_node_untouched);
  g_test_add_func ("/redact/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/redact/canary-never-survives", test_canary_never_survives);

  return g_test_run ();
}
