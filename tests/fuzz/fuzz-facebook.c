/* fuzz-facebook.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Facebook's response mappers (/me/accounts for the sync and for the Page
 * picker, the Page, its posts) on any bytes; see fuzz-platform-checks.h
 * for what they must hold to. */

#include "config.h"

#include "fuzz-platform-checks.h"
#include "mk-facebook-fetch.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) accounts_error = NULL;
  g_autoptr(GError) wanted_error = NULL;
  g_autoptr(GError) page_error = NULL;
  g_autoptr(GError) posts_error = NULL;
  g_autoptr(MkMetricsSnapshot) page = NULL;
  g_autoptr(GError) list_error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) pages = g_list_store_new (MK_TYPE_FACEBOOK_PAGE);
  g_autofree char *pages_next = NULL;
  g_autofree char *page_id = NULL;
  g_autofree char *page_token = NULL;
  g_autofree char *wanted_id = NULL;
  g_autofree char *wanted_token = NULL;
  g_autofree char *next_url = NULL;
  gboolean ok;

  ok = mk_facebook_parse_accounts (text, size, NULL, &page_id, &page_token, &accounts_error);
  check_error (ok, accounts_error);
  if (ok)
    {
      g_assert_nonnull (page_id);
      g_assert_cmpstr (page_id, !=, "");
      g_assert_nonnull (page_token);
    }

  /* Asking for one Page gives that Page, else the first (as above). */
  ok = mk_facebook_parse_accounts (text, size, "1234567890", &wanted_id, &wanted_token, &wanted_error);
  check_error (ok, wanted_error);
  g_assert_cmpint (ok, ==, page_id != NULL);
  if (ok && g_strcmp0 (wanted_id, "1234567890") != 0)
    g_assert_cmpstr (wanted_id, ==, page_id);

  /* The picker's list: sane, distinct ids, UTF-8 names. */
  ok = mk_facebook_parse_page_list (text, size, pages, &pages_next, &list_error);
  check_error (ok, list_error);
  check_next_url (pages_next);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(MkFacebookPage) listed = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *name = mk_facebook_page_get_name (listed);

      g_assert_cmpstr (mk_facebook_page_get_id (listed), !=, "");
      g_assert_null (strchr (mk_facebook_page_get_id (listed), '/'));
      g_assert_true (name == NULL || g_utf8_validate (name, -1, NULL));
    }

  page = mk_facebook_parse_page (text, size, &page_error);
  check_snapshot (page, page_error);

  ok = mk_facebook_parse_posts_page (text, size, items, &next_url, &posts_error);
  check_items (ok, items, posts_error);
  check_next_url (next_url);

  return 0;
}
