/* test-store-media.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mk-database.h"
#include "mk-media-table.h"
#include "mk-store-error.h"
#include "mk-store-private.h"
#include "mk-users-table.h"
#include "mk-validate.h"
#include "store-test-util.h"

typedef struct
{
  char    *dir;
  MkStore *store;
  char    *user_id;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = store_test_make_dir ();
  fixture->store = store_test_open (fixture->dir);
  fixture->user_id = store_test_add_user (fixture->store, "sarah@example.com");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->user_id);
}

static MkMediaItem *
item (const char *media_id,
      const char *published_at,
      gint64      likes)
{
  MkMediaItem *item = mk_media_item_new ();

  mk_media_item_set_platform_media_id (item, media_id);
  mk_media_item_set_media_type (item, MK_MEDIA_TYPE_REEL);
  mk_media_item_set_caption (item, "Golden hour 🌉 <b>\u202e");
  mk_media_item_set_permalink (item, "https://www.instagram.com/reel/x/");
  mk_media_item_set_published_at (item, published_at);
  mk_media_item_set_like_count (item, likes);
  mk_media_item_set_comment_count (item, 3);
  return item;
}

static GPtrArray *
items (MkMediaItem *first,
       ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (MkMediaItem *i = first; i != NULL; i = va_arg (args, MkMediaItem *))
    g_ptr_array_add (array, i);
  va_end (args);
  return array;
}

static void
replace_ok (Fixture    *fixture,
            MkPlatform  platform,
            GPtrArray  *array)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mk_store_media_replace (fixture->store, fixture->user_id, platform, array, &error));
  g_assert_no_error (error);
}

static void
test_replace_and_list (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) first = items (item ("a", "2026-11-01T10:00:00Z", 10),
                                      item ("b", "2026-11-03T10:00:00Z", -1),
                                      item ("c", NULL, 5), NULL);
  g_autoptr(GPtrArray) youtube = items (item ("v1", "2026-11-02T10:00:00Z", 7), NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(GError) error = NULL;
  MkMediaItem *b;

  replace_ok (fixture, MK_PLATFORM_INSTAGRAM, first);
  replace_ok (fixture, MK_PLATFORM_YOUTUBE, youtube);

  listed = mk_store_media_list (fixture->store, fixture->user_id, MK_PLATFORM_INSTAGRAM, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  /* Newest first, undated last. */
  g_assert_cmpstr (mk_media_item_get_platform_media_id (g_ptr_array_index (listed, 0)), ==, "b");
  g_assert_cmpstr (mk_media_item_get_platform_media_id (g_ptr_array_index (listed, 1)), ==, "a");
  g_assert_cmpstr (mk_media_item_get_platform_media_id (g_ptr_array_index (listed, 2)), ==, "c");

  b = g_ptr_array_index (listed, 0);
  /* Unknown stays unknown, not 0; text round-trips untouched. */
  g_assert_cmpint (mk_media_item_get_like_count (b), ==, -1);
  g_assert_cmpint (mk_media_item_get_comment_count (b), ==, 3);
  g_assert_cmpint (mk_media_item_get_view_count (b), ==, -1);
  g_assert_cmpstr (mk_media_item_get_caption (b), ==, "Golden hour 🌉 <b>\u202e");
  g_assert_cmpint (mk_media_item_get_media_type (b), ==, MK_MEDIA_TYPE_REEL);
  g_assert_cmpint (mk_media_item_get_platform (b), ==, MK_PLATFORM_INSTAGRAM);
  g_assert_nonnull (mk_media_item_get_fetched_at (b));

  all = mk_store_media_list (fixture->store, fixture->user_id, MK_PLATFORM_NONE, 0, &error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (mk_media_item_get_platform_media_id (g_ptr_array_index (all, 1)), ==, "v1");

  limited = mk_store_media_list (fixture->store, fixture->user_id, MK_PLATFORM_NONE, 2, &error);
  g_assert_cmpuint (limited->len, ==, 2);
}

static void
test_replace_keeps_thumbnails (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) first = items (item ("a", "2026-11-01T10:00:00Z", 10),
                                      item ("b", "2026-11-03T10:00:00Z", 1), NULL);
  g_autoptr(GPtrArray) second = items (item ("b", "2026-11-03T10:00:00Z", 99),
                                       item ("d", "2026-11-04T10:00:00Z", 1), NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *b_id = NULL;
  MkMediaItem *b = NULL;

  replace_ok (fixture, MK_PLATFORM_INSTAGRAM, first);
  b_id = g_strdup (mk_media_item_get_id (g_ptr_array_index (first, 1)));
  g_assert_true (mk_store_media_set_thumbnail_file (fixture->store, b_id, "b.jpg", &error));
  g_assert_no_error (error);

  replace_ok (fixture, MK_PLATFORM_INSTAGRAM, second);

  listed = mk_store_media_list (fixture->store, fixture->user_id, MK_PLATFORM_INSTAGRAM, 0, &error);
  g_assert_cmpuint (listed->len, ==, 2);  /* "a" is gone from the platform, so from here */
  for (guint i = 0; i < listed->len; i++)
    if (g_strcmp0 (mk_media_item_get_platform_media_id (g_ptr_array_index (listed, i)), "b") == 0)
      b = g_ptr_array_index (listed, i);
  g_assert_nonnull (b);
  g_assert_cmpstr (mk_media_item_get_id (b), ==, b_id);
  g_assert_cmpstr (mk_media_item_get_thumbnail_file (b), ==, "b.jpg");
  g_assert_cmpint (mk_media_item_get_like_count (b), ==, 99);
  /* The caller's item learnt its row id too. */
  g_assert_cmpstr (mk_media_item_get_id (g_ptr_array_index (second, 0)), ==, b_id);
}

static void
test_replace_all_or_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) first = items (item ("a", "2026-11-01T10:00:00Z", 10), NULL);
  g_autoptr(GPtrArray) bad = items (item ("b", "2026-11-03T10:00:00Z", 1),
                                    item ("c", "not a date", 1), NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  replace_ok (fixture, MK_PLATFORM_INSTAGRAM, first);
  g_assert_false (mk_store_media_replace (fixture->store, fixture->user_id, MK_PLATFORM_INSTAGRAM, bad, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_INVALID);
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "published_at");
  g_clear_error (&error);

  listed = mk_store_media_list (fixture->store, fixture->user_id, MK_PLATFORM_INSTAGRAM, 0, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (mk_media_item_get_platform_media_id (g_ptr_array_index (listed, 0)), ==, "a");
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* An account with no posts left empties the cache. */
  replace_ok (fixture, MK_PLATFORM_INSTAGRAM, empty);
  listed = mk_store_media_list (fixture->store, fixture->user_id, MK_PLATFORM_INSTAGRAM, 0, &error);
  g_assert_cmpuint (listed->len, ==, 0);
}

static void
test_duplicates_in_answer (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) dup = items (item ("a", "2026-11-01T10:00:00Z", 10),
                                    item ("a", "2026-11-01T10:00:00Z", 11), NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  replace_ok (fixture, MK_PLATFORM_INSTAGRAM, dup);
  listed = mk_store_media_list (fixture->store, fixture->user_id, MK_PLATFORM_INSTAGRAM, 0, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (mk_media_item_get_like_count (g_ptr_array_index (listed, 0)), ==, 10);
}

static void
test_thumbnail_file_rules (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) first = items (item ("a", "2026-11-01T10:00:00Z", 10), NULL);
  g_autoptr(GError) error = NULL;
  const char *id;

  replace_ok (fixture, MK_PLATFORM_INSTAGRAM, first);
  id = mk_media_item_get_id (g_ptr_array_index (first, 0));

  /* A name only: never a path out of the cache directory. */
  g_assert_false (mk_store_media_set_thumbnail_file (fixture->store, id, "../../.bashrc", &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mk_store_media_set_thumbnail_file (fixture->store, id, ".hidden", &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (mk_store_media_set_thumbnail_file (fixture->store, "00000000-0000-4000-8000-000000000000",
                                                     "x.jpg", &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (mk_store_media_set_thumbnail_file (fixture->store, id, NULL, &error));
  g_assert_no_error (error);

  /* The schema refuses a path too, whoever writes. */
  g_assert_false (mk_database_exec (mk_store_get_database (fixture->store),
                                    "UPDATE media_items SET thumbnail_file = 'a/b.jpg'", &error));
  g_assert_nonnull (error);
}

static void
test_cascade (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) first = items (item ("a", "2026-11-01T10:00:00Z", 10), NULL);
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  replace_ok (fixture, MK_PLATFORM_INSTAGRAM, first);
  g_assert_true (mk_database_exec (mk_store_get_database (fixture->store), "DELETE FROM users", &error));
  g_assert_no_error (error);
  g_assert_true (mk_database_query_int (mk_store_get_database (fixture->store),
                                        "SELECT count(*) FROM media_items", &count, &error));
  g_assert_cmpint (count, ==, 0);
}

static char *
query_plan (MkStore    *store,
            const char *sql)
{
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (mk_database_get_handle (mk_store_get_database (store)),
                                       explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s;", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

static void
test_index_used (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *plan_all = NULL;
  g_autofree char *plan_one = NULL;

  /* The grid's queries walk an index: no sorting of a user's media. */
  plan_all = query_plan (fixture->store,
                         "SELECT * FROM media_items WHERE user_id = 'x'"
                         " ORDER BY published_at DESC, id DESC LIMIT 50");
  g_assert_nonnull (strstr (plan_all, "media_items_user_published"));
  g_assert_null (strstr (plan_all, "TEMP B-TREE"));

  plan_one = query_plan (fixture->store,
                         "SELECT * FROM media_items WHERE user_id = 'x' AND platform = 'youtube'"
                         " ORDER BY published_at DESC, id DESC LIMIT 50");
  g_assert_nonnull (strstr (plan_one, "media_items_user_platform_published"));
  g_assert_null (strstr (plan_one, "TEMP B-TREE"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/media/replace-and-list", test_replace_and_list);
  ADD ("/store/media/keeps-thumbnails", test_replace_keeps_thumbnails);
  ADD ("/store/media/all-or-nothing", test_replace_all_or_nothing);
  ADD ("/store/media/duplicates", test_duplicates_in_answer);
  ADD ("/store/media/thumbnail-file", test_thumbnail_file_rules);
  ADD ("/store/media/cascade", test_cascade);
  ADD ("/store/media/index", test_index_used);

  return g_test_run ();
}
