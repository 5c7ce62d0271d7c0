/* test-store-schema.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "store-test-util.h"

/* These tests go around the C code on purpose: raw SQL on a plain sqlite3
 * connection (as the sqlite3 shell or an import script would), to prove that
 * the schema itself enforces every rule. */

#define U1 "00000000-0000-4000-8000-000000000001"
#define U2 "00000000-0000-4000-8000-000000000002"

static const char baseline[] =
  "INSERT INTO users (id, email, password_hash) VALUES"
  " ('" U1 "', 'sarah@example.com', 'h'), ('" U2 "', 'lee@example.com', 'h');"
  "INSERT INTO profiles (user_id, slug, display_name, categories, budget_min, budget_max)"
  " VALUES ('" U1 "', 'sarah', 'Sarah', '[\"Fashion\"]', 100, 500);"
  "INSERT INTO social_connections (id, user_id, platform, platform_user_id)"
  " VALUES ('00000000-0000-4000-8000-0000000000c1', '" U1 "', 'instagram', '1784');"
  "INSERT INTO calendar_entries (id, user_id, type, brand_name, date, time, location)"
  " VALUES ('00000000-0000-4000-8000-0000000000e1', '" U1 "', 'shoot', 'Glossier', '2026-11-24', '18:20', 'Studio');"
  "INSERT INTO calendar_entries (id, user_id, type, brand_name, date, platform, content_type)"
  " VALUES ('00000000-0000-4000-8000-0000000000e2', '" U1 "', 'upload', 'Nike', '2026-11-25', 'tiktok', 'Short');"
  "INSERT INTO cached_metrics (id, user_id, platform, follower_count, engagement_rate)"
  " VALUES ('00000000-0000-4000-8000-0000000000a1', '" U1 "', 'youtube', 1200, 3.5);"
  "INSERT INTO logs (id, user_id, platform, action, status, request_payload)"
  " VALUES ('00000000-0000-4000-8000-0000000000f1', '" U1 "', 'facebook', 'fetch_metrics', 'success', '{}');"
  "INSERT INTO reviews (id, user_id, client_name, rating, review_text)"
  " VALUES ('00000000-0000-4000-8000-0000000000b1', '" U1 "', 'Acme', 5, 'Great');";

typedef struct {
  const char *sql;
  const char *error;   /* NULL: must succeed; else a part of SQLite's message */
} Case;

#define OK NULL

static const Case cases[] = {
  /* users */
  { "UPDATE users SET id = '00000000-0000-4000-8000-00000000000A' WHERE id = '" U1 "'", "constraint failed: id" },
  { "UPDATE users SET id = 'not-a-uuid' WHERE id = '" U1 "'", "constraint failed: id" },
  { "UPDATE users SET email = 'SARAH@example.com' WHERE id = '" U2 "'", "UNIQUE constraint failed: users.email" },
  { "UPDATE users SET email = 'no-at-sign' WHERE id = '" U2 "'", "constraint failed: email" },
  { "UPDATE users SET email = '@example.com' WHERE id = '" U2 "'", "constraint failed: email" },
  { "UPDATE users SET email = 'a b@example.com' WHERE id = '" U2 "'", "constraint failed: email" },
  { "UPDATE users SET email = NULL WHERE id = '" U2 "'", "NOT NULL constraint failed: users.email" },
  { "UPDATE users SET password_hash = '' WHERE id = '" U2 "'", "constraint failed: password_hash" },
  { "UPDATE users SET created_at = '2026-11-24 18:20:00' WHERE id = '" U2 "'", "constraint failed: created_at" },
  { "UPDATE users SET created_at = '2026-02-30T18:20:00Z' WHERE id = '" U2 "'", "constraint failed: created_at" },
  { "UPDATE users SET created_at = '2026-11-24T24:00:00Z' WHERE id = '" U2 "'", "constraint failed: created_at" },
  { "UPDATE users SET created_at = '2026-11-24T18:20:00Z' WHERE id = '" U2 "'", OK },
  { "UPDATE users SET failed_logins = -1 WHERE id = '" U2 "'", "constraint failed: failed_logins" },
  { "UPDATE users SET failed_logins = 'many' WHERE id = '" U2 "'", "cannot store TEXT value in INTEGER column" },
  { "UPDATE users SET locked_until = 'tomorrow' WHERE id = '" U2 "'", "constraint failed: locked_until" },
  { "UPDATE users SET locked_until = '2026-11-24T18:35:00Z' WHERE id = '" U2 "'", OK },
  /* profiles */
  { "UPDATE profiles SET slug = 'ab'", "constraint failed: slug" },
  { "UPDATE profiles SET slug = '123456789012345678901234567890123456789012345678901'", "constraint failed: slug" },
  { "UPDATE profiles SET slug = '12345678901234567890123456789012345678901234567890'", OK },
  { "UPDATE profiles SET slug = 'Sarah'", "constraint failed: slug" },
  { "UPDATE profiles SET slug = 'sarah_lee'", "constraint failed: slug" },
  { "UPDATE profiles SET slug = '-sarah'", "constraint failed: slug" },
  { "UPDATE profiles SET slug = 'sarah-'", "constraint failed: slug" },
  { "UPDATE profiles SET slug = 'sarah--lee'", "constraint failed: slug" },
  { "UPDATE profiles SET slug = 'sarah-lee-2'", OK },
  { "INSERT INTO profiles (user_id, slug, display_name) VALUES ('" U2 "', 'sarah', 'Lee')", "UNIQUE constraint failed: profiles.slug" },
  { "INSERT INTO profiles (user_id, slug, display_name) VALUES ('00000000-0000-4000-8000-000000000009', 'nobody', 'X')", "FOREIGN KEY constraint failed" },
  { "UPDATE profiles SET display_name = '   '", "constraint failed: display_name" },
  { "UPDATE profiles SET display_name = printf ('%.101c', 'x')", "constraint failed: display_name" },
  { "UPDATE profiles SET display_name = printf ('%.100c', 'x')", OK },
  { "UPDATE profiles SET categories = 'Fashion'", "constraint failed: categories" },
  { "UPDATE profiles SET categories = '{\"a\": 1}'", "constraint failed: categories" },
  { "UPDATE profiles SET categories = '[]'", OK },
  { "UPDATE profiles SET budget_min = -1", "constraint failed: budget_min" },
  { "UPDATE profiles SET budget_max = -1, budget_min = NULL", "constraint failed: budget_max" },
  { "UPDATE profiles SET budget_min = 600", "constraint failed: budget_range" },
  { "UPDATE profiles SET budget_min = 500", OK },
  { "UPDATE profiles SET budget_min = NULL, budget_max = NULL", OK },
  { "UPDATE profiles SET currency = 'usd'", "constraint failed: currency" },
  { "UPDATE profiles SET currency = 'EURO'", "constraint failed: currency" },
  { "UPDATE profiles SET currency = 'EUR'", OK },
  /* social_connections */
  { "UPDATE social_connections SET platform = 'tiktok'", "constraint failed: platform" },
  { "UPDATE social_connections SET platform = 'Instagram'", "constraint failed: platform" },
  { "UPDATE social_connections SET platform = 'youtube'", OK },
  { "UPDATE social_connections SET platform_user_id = ''", "constraint failed: platform_user_id" },
  { "UPDATE social_connections SET is_connected = 2", "constraint failed: is_connected" },
  { "UPDATE social_connections SET is_connected = 0", OK },
  { "UPDATE social_connections SET token_expires_at = '2026-11-24'", "constraint failed: token_expires_at" },
  { "INSERT INTO social_connections (id, user_id, platform, platform_user_id)"
    " VALUES ('00000000-0000-4000-8000-0000000000c2', '" U1 "', 'instagram', '99')",
    "UNIQUE constraint failed: social_connections.user_id, social_connections.platform" },
  { "INSERT INTO social_connections (id, user_id, platform, platform_user_id, access_token)"
    " VALUES ('00000000-0000-4000-8000-0000000000c3', '" U1 "', 'facebook', '99', 'EAAB')",
    "no column named access_token" },
  /* calendar_entries */
  { "UPDATE calendar_entries SET type = 'meeting'", "constraint failed: type" },
  { "UPDATE calendar_entries SET brand_name = ''", "constraint failed: brand_name" },
  { "UPDATE calendar_entries SET brand_name = printf ('%.101c', 'x')", "constraint failed: brand_name" },
  { "UPDATE calendar_entries SET campaign_name = printf ('%.201c', 'x')", "constraint failed: campaign_name" },
  { "UPDATE calendar_entries SET campaign_name = printf ('%.200c', 'x')", OK },
  { "UPDATE calendar_entries SET date = '2026-02-30'", "constraint failed: date" },
  { "UPDATE calendar_entries SET date = '2026-13-01'", "constraint failed: date" },
  { "UPDATE calendar_entries SET date = '24/11/2026'", "constraint failed: date" },
  { "UPDATE calendar_entries SET date = '2024-02-29'", OK },
  { "UPDATE calendar_entries SET time = '24:00'", "constraint failed: time" },
  { "UPDATE calendar_entries SET time = '9:30'", "constraint failed: time" },
  { "UPDATE calendar_entries SET time = '09:30:00'", "constraint failed: time" },
  { "UPDATE calendar_entries SET time = '23:59'", OK },
  { "UPDATE calendar_entries SET status = 'done'", "constraint failed: status" },
  { "UPDATE calendar_entries SET status = 'completed'", OK },
  { "UPDATE calendar_entries SET platform = 'myspace' WHERE type = 'upload'", "constraint failed: platform" },
  { "UPDATE calendar_entries SET content_type = 'reel' WHERE type = 'upload'", "constraint failed: content_type" },
  { "UPDATE calendar_entries SET content_type = 'Live' WHERE type = 'upload'", OK },
  { "UPDATE calendar_entries SET platform = 'youtube' WHERE type = 'shoot'", "constraint failed: upload_fields" },
  { "UPDATE calendar_entries SET location = 'Paris' WHERE type = 'upload'", "constraint failed: shoot_fields" },
  { "UPDATE calendar_entries SET location = printf ('%.256c', 'x') WHERE type = 'shoot'", "constraint failed: location" },
  /* cached_metrics */
  { "UPDATE cached_metrics SET platform = 'tiktok'", "constraint failed: platform" },
  { "UPDATE cached_metrics SET follower_count = -1", "constraint failed: follower_count" },
  { "UPDATE cached_metrics SET engagement_rate = -0.5", "constraint failed: engagement_rate" },
  { "UPDATE cached_metrics SET follower_count = NULL, engagement_rate = NULL", OK },
  { "UPDATE cached_metrics SET last_updated = 'yesterday'", "constraint failed: last_updated" },
  /* logs */
  { "UPDATE logs SET action = ''", "constraint failed: action" },
  { "UPDATE logs SET action = printf ('%.101c', 'x')", "constraint failed: action" },
  { "UPDATE logs SET action = printf ('%.100c', 'x')", OK },
  { "UPDATE logs SET status = 'ok'", "constraint failed: status" },
  { "UPDATE logs SET platform = 'tiktok'", "constraint failed: platform" },
  { "UPDATE logs SET platform = NULL, user_id = NULL", OK },
  { "UPDATE logs SET request_payload = '{not json'", "constraint failed: request_payload" },
  { "UPDATE logs SET response_payload = 'access_token=abc'", "constraint failed: response_payload" },
  { "UPDATE logs SET response_payload = '[1, {\"a\": null}]'", OK },
  { "UPDATE logs SET ip_address = printf ('%.51c', '1')", "constraint failed: ip_address" },
  { "UPDATE logs SET user_id = '00000000-0000-4000-8000-000000000009'", "FOREIGN KEY constraint failed" },
  /* reviews */
  { "UPDATE reviews SET rating = 0", "constraint failed: rating" },
  { "UPDATE reviews SET rating = 6", "constraint failed: rating" },
  { "UPDATE reviews SET rating = 1", OK },
  { "UPDATE reviews SET rating = 4.5", "cannot store REAL value in INTEGER column" },
  { "UPDATE reviews SET client_name = ' '", "constraint failed: client_name" },
  { "UPDATE reviews SET client_name = printf ('%.101c', 'x')", "constraint failed: client_name" },
  { "UPDATE reviews SET client_email = 'acme'", "constraint failed: client_email" },
  { "UPDATE reviews SET client_email = 'pr@acme.com'", OK },
  { "UPDATE reviews SET review_text = ''", "constraint failed: review_text" },
  { "UPDATE reviews SET review_text = NULL", "NOT NULL constraint failed: reviews.review_text" },
  { "UPDATE reviews SET project_type = printf ('%.101c', 'x')", "constraint failed: project_type" },
  { "UPDATE reviews SET is_verified = 2", "constraint failed: is_verified" },
  { "UPDATE reviews SET is_published = -1", "constraint failed: is_published" },
  { "UPDATE reviews SET is_published = 0, is_verified = 1", OK },
};

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3 *
open_raw (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autoptr(MkStore) store = store_test_open (dir);
  sqlite3 *db;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_ok (db, "PRAGMA foreign_keys = ON");
  exec_ok (db, baseline);
  return db;
}

static void
test_constraints (void)
{
  g_autofree char *dir = store_test_make_dir ();
  sqlite3 *db = open_raw (dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *message = NULL;
      int rc;

      g_test_message ("%s", cases[i].sql);
      exec_ok (db, "SAVEPOINT one_case");
      rc = sqlite3_exec (db, cases[i].sql, NULL, NULL, &message);
      if (cases[i].error == NULL)
        {
          if (rc != SQLITE_OK)
            g_error ("expected success: %s: %s", cases[i].sql, message);
        }
      else
        {
          if (rc == SQLITE_OK)
            g_error ("expected “%s”: %s", cases[i].error, cases[i].sql);
          if (strstr (message, cases[i].error) == NULL)
            g_error ("expected “%s”, got “%s”: %s", cases[i].error, message, cases[i].sql);
        }
      sqlite3_free (message);
      exec_ok (db, "ROLLBACK TO one_case; RELEASE one_case");
    }

  sqlite3_close (db);
  store_test_remove_dir (dir);
}

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_cascade (void)
{
  g_autofree char *dir = store_test_make_dir ();
  sqlite3 *db = open_raw (dir);
  static const char * const owned[] = {
    "profiles", "social_connections", "calendar_entries", "cached_metrics", "reviews",
  };

  exec_ok (db, "DELETE FROM users WHERE id = '" U1 "'");
  for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", owned[i]);

      g_test_message ("%s", owned[i]);
      g_assert_cmpint (count (db, sql), ==, 0);
    }

  /* The log row stays, without its user. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM logs WHERE user_id IS NULL"), ==, 1);

  sqlite3_close (db);
  store_test_remove_dir (dir);
}

static void
test_defaults (void)
{
  g_autofree char *dir = store_test_make_dir ();
  sqlite3 *db = open_raw (dir);

  /* DEFAULT NOW() is a UTC timestamp in the one accepted form. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM users WHERE created_at GLOB"
                              " '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'"), ==, 2);
  g_assert_cmpint (count (db, "SELECT failed_logins FROM users WHERE id = '" U1 "'"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM profiles WHERE currency = 'USD'"), ==, 1);
  g_assert_cmpint (count (db, "SELECT is_connected FROM social_connections"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM calendar_entries WHERE status = 'pending'"), ==, 2);
  g_assert_cmpint (count (db, "SELECT is_verified * 10 + is_published FROM reviews"), ==, 1);

  sqlite3_close (db);
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/schema/constraints", test_constraints);
  g_test_add_func ("/store/schema/cascade", test_cascade);
  g_test_add_func ("/store/schema/defaults", test_defaults);

  return g_test_run ();
}
