/* test-store-logs.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "mk-redact.h"
#include "mk-validate.h"
#include "store-test-util.h"

static void
test_log_redacts (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autoptr(MkStore) store = store_test_open (dir);
  g_autofree char *user = store_test_add_user (store, "sarah@example.com");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  MkLogEntry *entry;

  g_assert_true (mk_store_log (store, user, MK_PLATFORM_INSTAGRAM, "fetch_metrics",
                               MK_LOG_STATUS_FAILURE,
                               "GET https://graph.instagram.com/me?fields=id&access_token=IGQVJ-secret-1",
                               "{\"url\": \"https://graph.instagram.com/me?access_token=IGQVJ-secret-2\","
                               " \"access_token\": \"IGQVJ-secret-3\"}",
                               "not json, access_token=IGQVJ-secret-4",
                               "192.0.2.1",
                               &error));
  g_assert_no_error (error);

  page = mk_store_logs_list_page (store, NULL, NULL, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  entry = g_ptr_array_index (page, 0);

  /* No secret reaches the row; everything else does. */
  g_assert_null (strstr (mk_log_entry_get_message (entry), "secret"));
  g_assert_null (strstr (mk_log_entry_get_request_payload (entry), "secret"));
  g_assert_null (strstr (mk_log_entry_get_response_payload (entry), "secret"));
  g_assert_nonnull (strstr (mk_log_entry_get_message (entry), MK_REDACTED));
  g_assert_nonnull (strstr (mk_log_entry_get_message (entry), "fields=id"));
  g_assert_nonnull (strstr (mk_log_entry_get_request_payload (entry), MK_REDACTED));

  /* Payload text that is not JSON is stored as a JSON string. */
  g_assert_true (mk_validate_json ("response_payload", mk_log_entry_get_response_payload (entry), NULL));

  g_assert_cmpstr (mk_log_entry_get_user_id (entry), ==, user);
  g_assert_cmpint (mk_log_entry_get_platform (entry), ==, MK_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (mk_log_entry_get_action (entry), ==, "fetch_metrics");
  g_assert_cmpint (mk_log_entry_get_status (entry), ==, MK_LOG_STATUS_FAILURE);
  g_assert_cmpstr (mk_log_entry_get_ip_address (entry), ==, "192.0.2.1");
  g_assert_true (mk_validate_timestamp ("created_at", "x", mk_log_entry_get_created_at (entry), TRUE, NULL));

  /* All optional parts may be missing. */
  g_assert_true (mk_store_log (store, NULL, MK_PLATFORM_NONE, "app_start", MK_LOG_STATUS_SUCCESS,
                               NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The action is required, and TikTok has no logs of its own. */
  g_assert_false (mk_store_log (store, NULL, MK_PLATFORM_NONE, "", MK_LOG_STATUS_SUCCESS,
                                NULL, NULL, NULL, NULL, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "action");
  g_clear_error (&error);
  g_assert_false (mk_store_log (store, NULL, MK_PLATFORM_TIKTOK, "sync", MK_LOG_STATUS_SUCCESS,
                                NULL, NULL, NULL, NULL, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "platform");

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
insert_log (MkStore     *store,
            const char  *user,
            MkPlatform   platform,
            const char  *action,
            MkLogStatus  status,
            const char  *created_at)
{
  g_autoptr(MkLogEntry) entry = mk_log_entry_new ();
  g_autoptr(GError) error = NULL;

  mk_log_entry_set_user_id (entry, user);
  mk_log_entry_set_platform (entry, platform);
  mk_log_entry_set_action (entry, action);
  mk_log_entry_set_status (entry, status);
  mk_log_entry_set_created_at (entry, created_at);
  g_assert_true (mk_store_logs_insert (store, entry, &error));
  g_assert_no_error (error);
}

/* Walks all pages and checks that they are newest first, without gaps or
 * repeats; returns the number of rows seen. */
static guint
walk_pages (MkStore           *store,
            const MkLogFilter *filter,
            guint              page_size)
{
  g_autofree char *last_created = NULL;
  g_autofree char *last_id = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint total = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = mk_store_logs_list_page (store, filter, last_created, last_id,
                                                           page_size, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, page_size);
      if (page->len == 0)
        break;

      for (guint i = 0; i < page->len; i++)
        {
          MkLogEntry *entry = g_ptr_array_index (page, i);
          const char *created = mk_log_entry_get_created_at (entry);
          const char *id = mk_log_entry_get_id (entry);

          if (last_created != NULL)
            {
              int cmp = strcmp (created, last_created);

              g_assert_true (cmp < 0 || (cmp == 0 && strcmp (id, last_id) < 0));
            }
          g_assert_true (g_hash_table_add (seen, g_strdup (id)));

          if (filter != NULL && filter->user_id != NULL)
            g_assert_cmpstr (mk_log_entry_get_user_id (entry), ==, filter->user_id);
          if (filter != NULL && filter->platform != MK_PLATFORM_NONE)
            g_assert_cmpint (mk_log_entry_get_platform (entry), ==, filter->platform);
          if (filter != NULL && filter->has_status)
            g_assert_cmpint (mk_log_entry_get_status (entry), ==, filter->status);
          if (filter != NULL && filter->action != NULL)
            g_assert_cmpstr (mk_log_entry_get_action (entry), ==, filter->action);

          g_free (last_created);
          g_free (last_id);
          last_created = g_strdup (created);
          last_id = g_strdup (id);
          total++;
        }
    }

  g_assert_cmpint (mk_store_logs_count (store, filter, NULL), ==, total);
  return total;
}

static void
test_pages (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autoptr(MkStore) store = store_test_open (dir);
  g_autofree char *sarah = store_test_add_user (store, "sarah@example.com");
  g_autofree char *lee = store_test_add_user (store, "lee@example.com");
  static const MkPlatform platforms[] = {
    MK_PLATFORM_NONE, MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE,
  };
  static const char * const actions[] = { "fetch_metrics", "refresh_token", "login" };
  MkLogFilter filter = { 0 };
  g_autoptr(GError) error = NULL;

  /* 300 rows over 20 seconds: many share a created_at, so the id has to
   * break ties for the pages to be right. */
  g_assert_true (mk_store_transaction_begin (store, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *created = g_strdup_printf ("2026-11-24T18:20:%02uZ", (i * 7) % 20);

      insert_log (store, i % 3 == 0 ? lee : sarah, platforms[i % 4], actions[i % 3],
                  i % 5 == 0 ? MK_LOG_STATUS_FAILURE : MK_LOG_STATUS_SUCCESS, created);
    }
  g_assert_true (mk_store_transaction_commit (store, &error));

  g_assert_cmpuint (walk_pages (store, NULL, 7), ==, 300);
  g_assert_cmpuint (walk_pages (store, NULL, 1000), ==, 300);

  filter.user_id = lee;
  g_assert_cmpuint (walk_pages (store, &filter, 9), ==, 100);

  filter = (MkLogFilter) { .platform = MK_PLATFORM_FACEBOOK };
  g_assert_cmpuint (walk_pages (store, &filter, 10), ==, 75);

  filter = (MkLogFilter) { .has_status = TRUE, .status = MK_LOG_STATUS_FAILURE };
  g_assert_cmpuint (walk_pages (store, &filter, 10), ==, 60);

  /* status = success (0) differs from "any status". */
  filter = (MkLogFilter) { .has_status = TRUE, .status = MK_LOG_STATUS_SUCCESS };
  g_assert_cmpuint (walk_pages (store, &filter, 25), ==, 240);

  filter = (MkLogFilter) { .action = "login", .user_id = lee };
  g_assert_cmpuint (walk_pages (store, &filter, 10), ==, 0);
  filter = (MkLogFilter) { .action = "fetch_metrics", .user_id = lee, .platform = MK_PLATFORM_YOUTUBE };
  g_assert_cmpuint (walk_pages (store, &filter, 4), ==, 25);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
test_same_second_order (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autoptr(MkStore) store = store_test_open (dir);
  g_autoptr(GPtrArray) page = NULL;

  /* Written in one second, shown newest first in the order written. */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *action = g_strdup_printf ("step_%02u", i);

      insert_log (store, NULL, MK_PLATFORM_NONE, action, MK_LOG_STATUS_SUCCESS,
                  "2026-11-24T18:20:00Z");
    }

  page = mk_store_logs_list_page (store, NULL, NULL, NULL, 100, NULL);
  g_assert_cmpuint (page->len, ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *action = g_strdup_printf ("step_%02u", 49 - i);

      g_assert_cmpstr (mk_log_entry_get_action (g_ptr_array_index (page, i)), ==, action);
    }

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/logs/redacts", test_log_redacts);
  g_test_add_func ("/store/logs/pages", test_pages);
  g_test_add_func ("/store/logs/same-second", test_same_second_order);

  return g_test_run ();
}
