/* fuzz-token-response.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The OAuth token-response parser on any body, under the statuses and
 * content types a token endpoint answers with: it returns either a token
 * (non-empty access token, no negative lifetime) or an MK_OAUTH_ERROR, never
 * both, never neither. Deep JSON nesting must be refused, not recursed into. */

#include "config.h"

#include <stdint.h>

#include "mk-token-response.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_parse (guint       status,
             const char *content_type,
             GBytes     *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkTokenResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) check_error = NULL;
  gboolean failed;

  response = mk_token_response_parse (status, content_type, body, &error);
  if (response == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == MK_OAUTH_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (response->access_token);
      g_assert_cmpstr (response->access_token, !=, "");
      g_assert_cmpint (response->expires_in, >=, 0);
      g_assert_true (response->refresh_token == NULL || *response->refresh_token != '\0');
    }

  failed = mk_oauth_check_response (status, content_type, body, &root, &check_error);
  g_assert_true (failed == (check_error != NULL));
  g_assert_true (failed == (root == NULL));
  if (root != NULL)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  /* A token implies the answer was not an error. */
  if (response != NULL)
    g_assert_false (failed);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);

  check_parse (200, "application/json; charset=UTF-8", body);
  check_parse (200, NULL, body);
  check_parse (400, "application/json", body);
  check_parse (401, "text/javascript", body);
  check_parse (429, "application/json", body);
  check_parse (503, "text/html", body);

  return 0;
}
