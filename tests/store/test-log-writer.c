/* test-log-writer.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include "mk-log-writer.h"
#include "mk-redact.h"
#include "store-test-util.h"

/* The batch delay when a test must see that nothing is written row by
 * row: far longer than any test runs, so only a flush or a full batch
 * writes. */
#define NEVER_MS (600 * 1000)

typedef struct
{
  char        *dir;
  MkStore     *store;
  char        *user_id;
  GPtrArray   *added;     /* MkLogEntry from log-added, in order */
} Fixture;

static void
on_log_added (MkStore    *store,
              MkLogEntry *entry,
              Fixture    *fixture)
{
  g_ptr_array_add (fixture->added, g_object_ref (entry));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = store_test_make_dir ();
  fixture->store = store_test_open (fixture->dir);
  fixture->user_id = store_test_add_user (fixture->store, "sarah@example.com");
  fixture->added = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->store, "log-added", G_CALLBACK (on_log_added), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->added);
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->user_id);
}

/* Through a connection of its own, as another process would see it. */
static gint64
count_rows (Fixture *fixture)
{
  g_autoptr(MkStore) other = mk_store_open (mk_store_get_path (fixture->store), NULL);
  gint64 count;

  g_assert_nonnull (other);
  count = mk_store_logs_count (other, NULL, NULL);
  g_assert_cmpint (count, >=, 0);
  return count;
}

static void
log_row (MkLogWriter *writer,
         Fixture     *fixture,
         guint        i)
{
  g_autofree char *message = g_strdup_printf ("GET fetch_media: page %u", i);

  mk_log_writer_log (writer, fixture->user_id, MK_PLATFORM_INSTAGRAM, "fetch_media",
                     MK_LOG_STATUS_SUCCESS, message,
                     "{\"method\": \"GET\", \"url\": \"https://graph.instagram.com/me/media\"}",
                     "{\"status\": 200}", "127.0.0.1");
}

static void
test_order_and_flush (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MkLogWriter) writer = mk_log_writer_new (fixture->store);
  g_autoptr(GPtrArray) page = NULL;
  const guint n = 120;

  mk_log_writer_set_batch (writer, NEVER_MS, 1000);
  for (guint i = 0; i < n; i++)
    log_row (writer, fixture, i);

  /* Queued, not written one by one. */
  g_assert_cmpint (count_rows (fixture), ==, 0);
  g_assert_cmpuint (fixture->added->len, ==, 0);

  mk_log_writer_flush (writer);
  g_assert_cmpint (count_rows (fixture), ==, n);

  /* Newest first, in the reverse of the order given; log-added in it. */
  page = mk_store_logs_list_page (fixture->store, NULL, NULL, NULL, 1000, NULL);
  g_assert_cmpuint (page->len, ==, n);
  g_assert_cmpuint (fixture->added->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("GET fetch_media: page %u", i);
      MkLogEntry *stored = g_ptr_array_index (page, n - 1 - i);
      MkLogEntry *added = g_ptr_array_index (fixture->added, i);

      g_assert_cmpstr (mk_log_entry_get_message (stored), ==, expected);
      g_assert_cmpstr (mk_log_entry_get_id (added), ==, mk_log_entry_get_id (stored));
      g_assert_cmpstr (mk_log_entry_get_user_id (stored), ==, fixture->user_id);
      g_assert_cmpstr (mk_log_entry_get_ip_address (stored), ==, "127.0.0.1");
    }

  /* The search index follows the rows. */
  {
    MkLogFilter filter = { .search = "page 119" };

    g_assert_cmpint (mk_store_logs_count (fixture->store, &filter, NULL), ==, 1);
  }
}

/* A full batch is written without anyone asking. */
static void
test_full_batch_commits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MkLogWriter) writer = mk_log_writer_new (fixture->store);

  mk_log_writer_set_batch (writer, NEVER_MS, 5);
  for (guint i = 0; i < 5; i++)
    log_row (writer, fixture, i);

  while (fixture->added->len < 5)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (count_rows (fixture), ==, 5);
}

static void
test_flush_on_dispose (Fixture       *fixture,
                       gconstpointer  data)
{
  MkLogWriter *writer = mk_log_writer_new (fixture->store);

  mk_log_writer_set_batch (writer, NEVER_MS, 1000);
  for (guint i = 0; i < 7; i++)
    log_row (writer, fixture, i);
  g_object_unref (writer);

  g_assert_cmpint (count_rows (fixture), ==, 7);
  g_assert_cmpuint (fixture->added->len, ==, 7);
}

static void
on_flushed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (mk_log_writer_flush_finish (MK_LOG_WRITER (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* flush_async resolves after the rows are in and announced, also when
 * there is nothing to write. */
static void
test_flush_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(MkLogWriter) writer = mk_log_writer_new (fixture->store);
  gboolean done = FALSE;

  mk_log_writer_flush_async (writer, NULL, on_flushed, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  mk_log_writer_set_batch (writer, NEVER_MS, 1000);
  for (guint i = 0; i < 3; i++)
    log_row (writer, fixture, i);
  done = FALSE;
  mk_log_writer_flush_async (writer, NULL, on_flushed, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (fixture->added->len, ==, 3);
  g_assert_cmpint (count_rows (fixture), ==, 3);
}

/* Rows from other threads land too, each thread's in its order. */
static gpointer
log_from_thread (gpointer user_data)
{
  MkLogWriter *writer = user_data;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *message = g_strdup_printf ("thread row %u", i);

      mk_log_writer_log (writer, NULL, MK_PLATFORM_NONE, "fetch_thumbnail",
                         MK_LOG_STATUS_SUCCESS, message, NULL, NULL, NULL);
    }
  return NULL;
}

static void
test_other_threads (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MkLogWriter) writer = mk_log_writer_new (fixture->store);
  GThread *threads[2];
  guint seen[2] = { 0, 0 };

  mk_log_writer_set_batch (writer, 1, 7);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("test-logger", log_from_thread, writer);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  mk_log_writer_flush (writer);

  g_assert_cmpint (count_rows (fixture), ==, 100);
  g_assert_cmpuint (fixture->added->len, ==, 100);
  /* Both threads log the same messages: each number comes twice, and
   * never before the one below it has come as often. */
  for (guint i = 0; i < fixture->added->len; i++)
    {
      const char *message = mk_log_entry_get_message (g_ptr_array_index (fixture->added, i));
      guint n = (guint) g_ascii_strtoull (message + strlen ("thread row "), NULL, 10);

      g_assert_true (n == seen[0] || n == seen[1]);
      if (n == seen[0])
        seen[0]++;
      else
        seen[1]++;
    }
}

/* Redaction is mk_store_log()'s: no token reaches the table, nor what
 * log-added hands out. */
static void
test_redacts (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(MkLogWriter) writer = mk_log_writer_new (fixture->store);
  g_autoptr(GPtrArray) page = NULL;
  g_autofree char *path = g_strdup (mk_store_get_path (fixture->store));
  g_autofree char *contents = NULL;
  gsize length = 0;

  mk_log_writer_log (writer, fixture->user_id, MK_PLATFORM_INSTAGRAM, "fetch_metrics",
                     MK_LOG_STATUS_FAILURE,
                     "GET https://graph.instagram.com/me?fields=id&access_token=IGQVJ-writer-secret-1",
                     "{\"method\": \"GET\", \"url\": \"https://graph.instagram.com/me?access_token=IGQVJ-writer-secret-2\"}",
                     "{\"error\": {\"message\": \"bad\"}, \"access_token\": \"IGQVJ-writer-secret-3\"}",
                     NULL);
  mk_log_writer_flush (writer);

  page = mk_store_logs_list_page (fixture->store, NULL, NULL, NULL, 10, NULL);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpuint (fixture->added->len, ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      MkLogEntry *entry = i == 0 ? g_ptr_array_index (page, 0) : g_ptr_array_index (fixture->added, 0);

      g_assert_null (strstr (mk_log_entry_get_message (entry), "secret"));
      g_assert_null (strstr (mk_log_entry_get_request_payload (entry), "secret"));
      g_assert_null (strstr (mk_log_entry_get_response_payload (entry), "secret"));
      g_assert_nonnull (strstr (mk_log_entry_get_request_payload (entry), MK_REDACTED));
      g_assert_nonnull (strstr (mk_log_entry_get_message (entry), "fields=id"));
    }

  /* Nor the file (the WAL is checkpointed when the last connection goes). */
  g_clear_object (&writer);
  g_clear_object (&fixture->store);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, "writer-secret"));
  fixture->store = store_test_open (fixture->dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/log-writer/order-and-flush", Fixture, NULL, fixture_set_up, test_order_and_flush, fixture_tear_down);
  g_test_add ("/log-writer/full-batch", Fixture, NULL, fixture_set_up, test_full_batch_commits, fixture_tear_down);
  g_test_add ("/log-writer/flush-on-dispose", Fixture, NULL, fixture_set_up, test_flush_on_dispose, fixture_tear_down);
  g_test_add ("/log-writer/flush-async", Fixture, NULL, fixture_set_up, test_flush_async, fixture_tear_down);
  g_test_add ("/log-writer/other-threads", Fixture, NULL, fixture_set_up, test_other_threads, fixture_tear_down);
  g_test_add ("/log-writer/redacts", Fixture, NULL, fixture_set_up, test_redacts, fixture_tear_down);

  return g_test_run ();
}
