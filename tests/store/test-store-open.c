/* test-store-open.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mk-store-private.h"
#include "store-test-util.h"

static const char * const tables[] = {
  "users", "profiles", "social_connections", "calendar_entries",
  "cached_metrics", "logs", "reviews",
};

static const char * const indexes[] = {
  "calendar_entries_user_date",
  "cached_metrics_user_platform_updated",
  "logs_created", "logs_user_created", "logs_platform_created",
  "logs_status_created", "logs_action_created",
  "reviews_user_created", "reviews_user_published",
};

static gint64
query_int (MkStore    *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (mk_database_query_int (mk_store_get_database (store), sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

static gboolean
schema_has (MkStore    *store,
            const char *type,
            const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema"
                                          " WHERE type = '%s' AND name = '%s'", type, name);

  return query_int (store, sql) == 1;
}

static void
test_migrate_empty (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autoptr(MkStore) store = NULL;
  g_autofree char *journal = NULL;

  store = store_test_open (dir);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (mk_store_get_path (store), ==, path);

  g_assert_cmpint (mk_store_get_schema_version (), >=, 1);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, mk_store_get_schema_version ());

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'"
                                              " AND sql LIKE '%%) STRICT'", tables[i]);

      g_test_message ("table %s", tables[i]);
      g_assert_true (schema_has (store, "table", tables[i]));
      g_assert_cmpint (query_int (store, sql), ==, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    g_assert_true (schema_has (store, "index", indexes[i]));

  /* Tokens are not columns. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM pragma_table_info ('social_connections')"
                                     " WHERE name IN ('access_token', 'refresh_token')"), ==, 0);

  /* The pragmas of every connection. */
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (store, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (query_int (store, "PRAGMA busy_timeout"), ==, 5000);
  journal = mk_database_query_text (mk_store_get_database (store), "PRAGMA journal_mode", NULL);
  g_assert_cmpstr (journal, ==, "wal");

  g_clear_object (&store);

  /* Opening again migrates nothing and loses nothing. */
  {
    g_autoptr(MkStore) again = store_test_open (dir);
    g_autofree char *id = store_test_add_user (again, "sarah@example.com");

    g_assert_cmpint (query_int (again, "PRAGMA user_version"), ==, mk_store_get_schema_version ());
    g_clear_object (&again);
    again = store_test_open (dir);
    g_assert_cmpint (mk_store_users_count (again, NULL), ==, 1);
  }

  store_test_remove_dir (dir);
}

static void
test_empty_file_is_new (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autoptr(MkStore) store = NULL;

  /* A zero-length file holds nothing to lose: it becomes a database. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = store_test_open (dir);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, mk_store_get_schema_version ());

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* The file must be refused with @code, stay byte for byte the same, and get
 * no -wal or -shm beside it. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autofree char *before = store_test_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  store = mk_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MK_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  /* The message says which file. */
  g_assert_nonnull (strstr (error->message, path));

  after = store_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
make_plain_database (const char *path,
                     int         user_version,
                     guint       n_rows)
{
  g_autofree char *sql = NULL;
  sqlite3 *db;

  /* journal_mode=DELETE: what another program would leave behind. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("CREATE TABLE t (x BLOB);"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                         " INSERT INTO t SELECT randomblob (200) FROM n;"
                         "PRAGMA user_version = %d;",
                         n_rows, user_version);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_refuse_not_sqlite (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *big = g_strnfill (8192, 'x');

  g_assert_true (g_file_set_contents (path, "These are my notes, not a database.\n", -1, NULL));
  assert_refused (path, MK_STORE_ERROR_NOT_A_DATABASE);

  /* Long enough to have a header, but the wrong one. */
  g_assert_true (g_file_set_contents (path, big, -1, NULL));
  assert_refused (path, MK_STORE_ERROR_NOT_A_DATABASE);

  /* The magic but nothing after it. */
  g_assert_true (g_file_set_contents (path, "SQLite format 3", 16, NULL));
  assert_refused (path, MK_STORE_ERROR_NOT_A_DATABASE);

  store_test_remove_dir (dir);
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  make_plain_database (path, 0, 200);

  /* Scribble over the third page: a b-tree page with a nonsense header. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);
  memset (contents + 2 * 4096, 0x5a, 512);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  assert_refused (path, MK_STORE_ERROR_CORRUPT);
  store_test_remove_dir (dir);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);

  make_plain_database (path, mk_store_get_schema_version () + 1, 3);
  assert_refused (path, MK_STORE_ERROR_TOO_NEW);

  store_test_remove_dir (dir);
}

static void
test_refuse_too_new_wal (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = NULL;

  /* One of ours from a newer version, closed cleanly (so no -wal). */
  store = store_test_open (dir);
  g_assert_true (mk_database_exec (mk_store_get_database (store),
                                   "PRAGMA user_version = 999", NULL));
  g_clear_object (&store);

  before = store_test_checksum (path);
  store = mk_store_open (path, &error);
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_TOO_NEW);
  after = store_test_checksum (path);
  g_assert_cmpstr (before, ==, after);

  store_test_remove_dir (dir);
}

static void
test_set_aside (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *new_path = NULL;
  g_autofree char *new_wal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  g_assert_true (g_file_set_contents (wal, "stale wal", -1, NULL));
  before = store_test_checksum (path);

  g_assert_true (mk_store_set_aside (path, &new_path, &error));
  g_assert_no_error (error);

  basename = g_path_get_basename (new_path);
  g_assert_true (g_str_has_prefix (basename, "mediakit.db.unusable-"));
  /* "<path>.unusable-YYYYMMDD-HHMMSS" */
  g_assert_cmpuint (strlen (basename), ==, strlen ("mediakit.db.unusable-") + 15);
  g_assert_cmpint (basename[strlen ("mediakit.db.unusable-") + 8], ==, '-');

  after = store_test_checksum (new_path);
  g_assert_cmpstr (before, ==, after);
  new_wal = g_strconcat (new_path, "-wal", NULL);
  g_assert_true (g_file_test (new_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* A new database starts in its place; the old file stays apart. */
  store = store_test_open (dir);
  g_assert_cmpint (mk_store_users_count (store, NULL), ==, 0);
  g_clear_object (&store);
  g_free (after);
  after = store_test_checksum (new_path);
  g_assert_cmpstr (before, ==, after);

  /* Nothing to set aside. */
  g_assert_true (g_unlink (path) == 0);
  g_assert_false (mk_store_set_aside (path, NULL, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);

  store_test_remove_dir (dir);
}

static void
open_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  MkStore **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = mk_store_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
refused_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **out = user_data;

  g_assert_null (mk_store_open_finish (result, out));
}

static void
test_open_async (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *bad = g_build_filename (dir, "notes.db", NULL);
  g_autoptr(GError) error = NULL;
  MkStore *store = NULL;
  MkStore *second = NULL;
  g_autofree char *id = NULL;

  mk_store_open_async (path, NULL, open_cb, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* A second connection on the same file sees the first one's writes. */
  id = store_test_add_user (store, "sarah@example.com");
  mk_store_open_async (path, NULL, open_cb, &second);
  while (second == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (mk_store_users_count (second, NULL), ==, 1);

  g_assert_true (g_file_set_contents (bad, "notes", -1, NULL));
  mk_store_open_async (bad, NULL, refused_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_A_DATABASE);

  g_object_unref (second);
  g_object_unref (store);
  store_test_remove_dir (dir);
}

static void
test_transactions (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autoptr(MkStore) store = store_test_open (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_true (mk_store_transaction_begin (store, &error));
  a = store_test_add_user (store, "a@example.com");

  /* An inner transaction rolls back alone. */
  g_assert_true (mk_store_transaction_begin (store, &error));
  b = store_test_add_user (store, "b@example.com");
  g_assert_true (mk_store_transaction_rollback (store, &error));
  g_assert_no_error (error);

  g_assert_true (mk_store_transaction_begin (store, &error));
  c = store_test_add_user (store, "c@example.com");
  g_assert_true (mk_store_transaction_commit (store, &error));
  g_assert_true (mk_store_transaction_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (mk_store_users_count (store, NULL), ==, 2);
  g_assert_null (mk_store_users_get (store, b, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An outer rollback undoes everything. */
  g_assert_true (mk_store_transaction_begin (store, &error));
  g_free (b);
  b = store_test_add_user (store, "b@example.com");
  g_assert_true (mk_store_transaction_rollback (store, &error));
  g_assert_cmpint (mk_store_users_count (store, NULL), ==, 2);
  g_assert_cmpuint (mk_database_get_transaction_depth (mk_store_get_database (store)), ==, 0);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* Every query a pane runs is served by an index: no table scan, no sort. */
static void
test_query_plans (void)
{
  static const char * const queries[] = {
    "SELECT * FROM calendar_entries WHERE user_id = ?1 AND date BETWEEN ?2 AND ?3 ORDER BY date, time, id",
    "SELECT * FROM cached_metrics WHERE user_id = ?1 AND platform = ?2"
    " ORDER BY last_updated DESC, rowid DESC LIMIT 1",
    "SELECT * FROM cached_metrics WHERE user_id = ?1 AND platform = ?2 AND last_updated >= ?3"
    " ORDER BY last_updated, rowid",
    "SELECT * FROM logs WHERE 1 ORDER BY created_at DESC, id DESC LIMIT ?7",
    "SELECT * FROM logs WHERE 1 AND created_at <= ?5 AND (created_at < ?5 OR id < ?6)"
    " ORDER BY created_at DESC, id DESC LIMIT ?7",
    "SELECT * FROM logs WHERE 1 AND user_id = ?1 AND created_at <= ?5 AND (created_at < ?5 OR id < ?6)"
    " ORDER BY created_at DESC, id DESC LIMIT ?7",
    "SELECT * FROM logs WHERE 1 AND platform = ?2 ORDER BY created_at DESC, id DESC LIMIT ?7",
    "SELECT * FROM logs WHERE 1 AND status = ?4 ORDER BY created_at DESC, id DESC LIMIT ?7",
    "SELECT * FROM logs WHERE 1 AND action = ?3 ORDER BY created_at DESC, id DESC LIMIT ?7",
    "SELECT * FROM reviews WHERE user_id = ?1 ORDER BY created_at DESC, id DESC",
    "SELECT * FROM reviews WHERE user_id = ?1 AND is_published = 1 ORDER BY created_at DESC, id DESC",
    "SELECT * FROM social_connections WHERE user_id = ?1 AND platform = ?2",
    "SELECT * FROM users WHERE email = ?1",
    "SELECT * FROM profiles WHERE slug = ?1",
  };
  g_autofree char *dir = store_test_make_dir ();
  g_autoptr(MkStore) store = store_test_open (dir);
  sqlite3 *db = mk_database_get_handle (mk_store_get_database (store));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", queries[i], NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s; ", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);

      g_test_message ("%s\n  %s", queries[i], plan->str);
      g_assert_nonnull (strstr (plan->str, "INDEX"));
      g_assert_null (strstr (plan->str, "TEMP B-TREE"));
    }

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/migrate-empty", test_migrate_empty);
  g_test_add_func ("/store/open/empty-file", test_empty_file_is_new);
  g_test_add_func ("/store/open/refuse-not-sqlite", test_refuse_not_sqlite);
  g_test_add_func ("/store/open/refuse-corrupt", test_refuse_corrupt);
  g_test_add_func ("/store/open/refuse-too-new", test_refuse_too_new);
  g_test_add_func ("/store/open/refuse-too-new-ours", test_refuse_too_new_wal);
  g_test_add_func ("/store/open/set-aside", test_set_aside);
  g_test_add_func ("/store/open/async", test_open_async);
  g_test_add_func ("/store/transactions", test_transactions);
  g_test_add_func ("/store/query-plans", test_query_plans);

  return g_test_run ();
}
