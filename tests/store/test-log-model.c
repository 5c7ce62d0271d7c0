/* test-log-model.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activity log below the pane: the page-on-demand model, the filters
 * (search through logs_fts, date range), live rows, retention and export.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "mk-log-export.h"
#include "mk-log-model.h"
#include "store-test-util.h"

typedef struct {
  char    *dir;
  MkStore *store;
  char    *user;
  char    *other;
} Fixture;

/* @n rows, one a minute from 2026-01-01, oldest first; every third row a
 * failure, platforms in turn, a distinctive word every tenth row. */
static void
fill (Fixture *f,
      guint    n)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  static const MkPlatform platforms[] = {
    MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE, MK_PLATFORM_NONE,
  };

  g_assert_true (mk_store_transaction_begin (f->store, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MkLogEntry) entry = mk_log_entry_new ();
      g_autoptr(GDateTime) when = g_date_time_add_minutes (start, i);
      g_autofree char *created_at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *message = g_strdup_printf ("Row %u%s", i, i % 10 == 0 ? " Zebra crossing" : "");
      g_autoptr(GError) error = NULL;

      mk_log_entry_set_user_id (entry, f->user);
      mk_log_entry_set_platform (entry, platforms[i % G_N_ELEMENTS (platforms)]);
      mk_log_entry_set_action (entry, i % 2 == 0 ? "fetch_metrics" : "login");
      mk_log_entry_set_status (entry, i % 3 == 0 ? MK_LOG_STATUS_FAILURE : MK_LOG_STATUS_SUCCESS);
      mk_log_entry_set_message (entry, message);
      mk_log_entry_set_created_at (entry, created_at);
      g_assert_true (mk_store_logs_insert (f->store, entry, &error));
      g_assert_no_error (error);
    }
  g_assert_true (mk_store_transaction_commit (f->store, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = store_test_make_dir ();
  f->store = store_test_open (f->dir);
  f->user = store_test_add_user (f->store, "sarah@example.com");
  f->other = store_test_add_user (f->store, "other@example.com");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->user);
  g_free (f->other);
}

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Pages on demand: one page at first, more only when the end is asked for,
 * newest first without gaps or repeats. */
static void
test_model_pages (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(MkLogModel) model = NULL;
  MkLogFilter filter = { 0 };
  g_autofree char *previous = NULL;
  guint n;

  fill (f, 250);
  model = mk_log_model_new (f->store, 50);
  filter.user_id = f->user;
  mk_log_model_set_filter (model, &filter);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);
  g_assert_false (mk_log_model_is_complete (model));

  /* Asking for an early item reads nothing more. */
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 0));
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);

  /* Asking near the end reads the next page, in an idle. */
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 45));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);

  while (mk_log_model_load_more (model) > 0)
    ;
  g_assert_true (mk_log_model_is_complete (model));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, 250);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MkLogEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *expected = g_strdup_printf ("Row %u", 249 - i);

      g_assert_true (g_str_has_prefix (mk_log_entry_get_message (entry), expected));
      if (previous != NULL)
        g_assert_cmpstr (mk_log_entry_get_created_at (entry), <, previous);
      g_free (previous);
      previous = g_strdup (mk_log_entry_get_created_at (entry));
    }
  drain_main_context ();
}

static guint
count_all (MkLogModel *model)
{
  while (mk_log_model_load_more (model) > 0)
    ;
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
test_model_filters (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(MkLogModel) model = NULL;
  MkLogFilter filter = { 0 };

  fill (f, 120);
  model = mk_log_model_new (f->store, 20);

  filter = (MkLogFilter) { .user_id = f->user, .has_status = TRUE, .status = MK_LOG_STATUS_FAILURE };
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 40);

  filter.platform = MK_PLATFORM_INSTAGRAM;   /* i % 4 == 0 and i % 3 == 0 */
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 10);

  filter = (MkLogFilter) { .user_id = f->user, .action = "login" };
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 60);

  /* Another account sees nothing of these rows. */
  filter = (MkLogFilter) { .user_id = f->other };
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 0);
  g_assert_true (mk_log_model_is_complete (model));

  /* Date range: the second hour, end excluded. */
  filter = (MkLogFilter) { .user_id = f->user,
                           .since = "2026-01-01T01:00:00Z", .until = "2026-01-01T01:30:00Z" };
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 30);

  /* Search: word prefixes, any case, all words required. */
  filter = (MkLogFilter) { .user_id = f->user, .search = "zeb" };
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 12);
  filter.search = "ZEBRA cross";
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 12);
  filter.search = "zebra nothing";
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 0);
  /* Operators and quotes are words, not syntax. */
  filter.search = "\"zebra\" -row* (";
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 12);
  filter.search = " ,, ";
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 120);

  /* Back to everything. */
  mk_log_model_set_filter (model, NULL);
  g_assert_cmpuint (count_all (model), ==, 120);
}

static void
test_model_live (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(MkLogModel) model = NULL;
  g_autoptr(MkLogEntry) first = NULL;
  MkLogFilter filter = { 0 };

  fill (f, 30);
  model = mk_log_model_new (f->store, 10);
  filter = (MkLogFilter) { .user_id = f->user, .has_status = TRUE, .status = MK_LOG_STATUS_FAILURE };
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);

  /* A success does not pass the filter, another user's failure neither. */
  g_assert_true (mk_store_log (f->store, f->user, MK_PLATFORM_YOUTUBE, "fetch_metrics",
                               MK_LOG_STATUS_SUCCESS, "fine", NULL, NULL, NULL, NULL));
  g_assert_true (mk_store_log (f->store, f->other, MK_PLATFORM_YOUTUBE, "fetch_metrics",
                               MK_LOG_STATUS_FAILURE, "theirs", NULL, NULL, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);

  g_assert_true (mk_store_log (f->store, f->user, MK_PLATFORM_YOUTUBE, "fetch_metrics",
                               MK_LOG_STATUS_FAILURE, "access_token=secret-1 went wrong",
                               NULL, NULL, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_null (strstr (mk_log_entry_get_message (first), "secret-1"));
  g_assert_nonnull (strstr (mk_log_entry_get_message (first), "went wrong"));

  /* The live row is searchable at once, in the model and in the table. */
  filter.search = "went";
  mk_log_model_set_filter (model, &filter);
  g_assert_cmpuint (count_all (model), ==, 1);
  g_assert_true (mk_store_log (f->store, f->user, MK_PLATFORM_NONE, "login",
                               MK_LOG_STATUS_FAILURE, "Went away", NULL, NULL, NULL, NULL));
  g_assert_true (mk_store_log (f->store, f->user, MK_PLATFORM_NONE, "login",
                               MK_LOG_STATUS_FAILURE, "Stayed", NULL, NULL, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  mk_log_model_reload (model);
  g_assert_cmpuint (count_all (model), ==, 2);
}

/* Items are made from the page's rows when asked for: the same object for
 * a position while someone holds it (list views compare items), and the
 * details behind a list entry still read in full. */
static void
test_model_items (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(MkLogModel) model = NULL;
  g_autoptr(MkLogEntry) first = NULL;
  g_autoptr(MkLogEntry) again = NULL;
  g_autoptr(MkLogEntry) second = NULL;
  g_autoptr(MkLogEntry) details = NULL;
  g_autoptr(MkLogEntry) live = NULL;
  g_autoptr(MkLogEntry) live_details = NULL;
  g_autoptr(GError) error = NULL;
  MkLogFilter filter = { 0 };
  GWeakRef gone;

  fill (f, 30);
  g_assert_true (mk_store_log (f->store, f->user, MK_PLATFORM_FACEBOOK, "fetch_metrics",
                               MK_LOG_STATUS_FAILURE, "With payloads",
                               "{\"fields\": \"followers_count\", \"access_token\": \"EAAB-secret\"}",
                               "{\"error\": {\"code\": 4}}", "192.0.2.7", NULL));
  model = mk_log_model_new (f->store, 10);
  filter.user_id = f->user;
  mk_log_model_set_filter (model, &filter);

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  second = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_true (first == again);
  g_assert_true (first != second);
  g_assert_cmpstr (mk_log_entry_get_message (first), ==, "With payloads");
  g_assert_cmpint (mk_log_entry_get_platform (first), ==, MK_PLATFORM_FACEBOOK);
  g_assert_cmpint (mk_log_entry_get_status (first), ==, MK_LOG_STATUS_FAILURE);
  g_assert_cmpstr (mk_log_entry_get_action (first), ==, "fetch_metrics");
  /* What a list does not show is not read for it. */
  g_assert_null (mk_log_entry_get_request_payload (first));

  details = mk_log_model_load_details (model, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_log_entry_get_id (details), ==, mk_log_entry_get_id (first));
  g_assert_cmpstr (mk_log_entry_get_user_id (details), ==, f->user);
  g_assert_cmpstr (mk_log_entry_get_ip_address (details), ==, "192.0.2.7");
  g_assert_nonnull (strstr (mk_log_entry_get_request_payload (details), "followers_count"));
  g_assert_null (strstr (mk_log_entry_get_request_payload (details), "EAAB-secret"));
  g_assert_nonnull (strstr (mk_log_entry_get_response_payload (details), "\"code\""));

  /* Once nobody holds it the item goes; the position makes a new one. */
  g_weak_ref_init (&gone, second);
  g_clear_object (&second);
  g_assert_null (g_weak_ref_get (&gone));
  g_weak_ref_clear (&gone);
  second = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_nonnull (second);
  g_assert_true (second != first);

  /* A live row is an item like the others, its details read the same way. */
  g_assert_true (mk_store_log (f->store, f->user, MK_PLATFORM_NONE, "login",
                               MK_LOG_STATUS_SUCCESS, "Live", "{\"a\": 1}", NULL, NULL, NULL));
  live = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (mk_log_entry_get_message (live), ==, "Live");
  g_clear_object (&again);
  again = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_true (again == first);
  live_details = mk_log_model_load_details (model, live, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (mk_log_entry_get_request_payload (live_details), "\"a\""));

  /* After a reload the held items stay valid; positions make new ones. */
  mk_log_model_reload (model);
  g_assert_cmpstr (mk_log_entry_get_message (live), ==, "Live");
  g_clear_object (&again);
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (mk_log_entry_get_id (again), ==, mk_log_entry_get_id (live));
  drain_main_context ();
}

static void
test_purge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;
  MkLogFilter filter = { 0 };
  g_autoptr(MkStore) other_connection = NULL;

  fill (f, 12000);   /* more than one purge batch */

  actions = mk_store_logs_list_actions (f->store, f->user, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (actions), ==, 2);
  g_assert_cmpstr (actions[0], ==, "fetch_metrics");
  g_assert_cmpstr (actions[1], ==, "login");

  /* 2026-01-01 00:00 + 11000 minutes = 2026-01-08T15:20:00Z */
  other_connection = store_test_open (f->dir);
  g_assert_cmpint (mk_store_logs_purge (other_connection, "2026-01-08T15:20:00Z", NULL, &error), ==, 11000);
  g_assert_no_error (error);
  g_assert_cmpint (mk_store_logs_count (f->store, NULL, NULL), ==, 1000);
  g_assert_cmpint (mk_store_logs_purge (other_connection, "2026-01-08T15:20:00Z", NULL, &error), ==, 0);

  /* The search index forgot the purged rows too (1000 rows left, every
   * tenth has the word). */
  filter.search = "zebra";
  g_assert_cmpint (mk_store_logs_count (f->store, &filter, NULL), ==, 100);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *jsonl = g_build_filename (f->dir, "log.jsonl", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "log.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-dir", "log.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GDir) dir = NULL;
  MkLogFilter filter = { 0 };
  JsonObject *object;
  const char *name;

  g_assert_true (mk_store_log (f->store, f->user, MK_PLATFORM_INSTAGRAM, "fetch_metrics",
                               MK_LOG_STATUS_FAILURE, "Said \"no\", twice\nthen stopped",
                               "{\"access_token\": \"IGQ-secret\", \"fields\": [\"id\"]}",
                               "{\"error\": {\"code\": 190}}", "192.0.2.7", NULL));
  g_assert_true (mk_store_log (f->store, f->user, MK_PLATFORM_NONE, "login",
                               MK_LOG_STATUS_SUCCESS, "Signed in", NULL, NULL, NULL, NULL));

  filter = (MkLogFilter) { .user_id = f->user, .has_status = TRUE, .status = MK_LOG_STATUS_FAILURE };
  g_assert_cmpint (mk_log_export_write (f->store, &filter, MK_LOG_EXPORT_JSON_LINES, jsonl, NULL, &error), ==, 1);
  g_assert_no_error (error);
  text = read_text (jsonl);
  g_assert_null (strstr (text, "IGQ-secret"));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  node = json_from_string (lines[0], &error);
  g_assert_no_error (error);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "failure");
  g_assert_cmpstr (json_object_get_string_member (object, "platform"), ==, "instagram");
  g_assert_cmpstr (json_object_get_string_member (object, "ip_address"), ==, "192.0.2.7");
  /* Payloads are JSON values, not strings. */
  g_assert_cmpint (json_node_get_node_type (json_object_get_member (object, "response_payload")), ==, JSON_NODE_OBJECT);
  g_clear_pointer (&text, g_free);

  g_assert_cmpint (mk_log_export_write (f->store, NULL, MK_LOG_EXPORT_CSV, csv, NULL, &error), ==, 2);
  g_assert_no_error (error);
  text = read_text (csv);
  g_assert_true (g_str_has_prefix (text, "id,user_id,platform,action,status,message,"
                                         "request_payload,response_payload,ip_address,created_at\r\n"));
  g_assert_nonnull (strstr (text, ",\"Said \"\"no\"\", twice\nthen stopped\","));
  g_assert_nonnull (strstr (text, ",login,success,Signed in,,,,"));
  g_assert_null (strstr (text, "IGQ-secret"));

  /* A failed export leaves nothing behind and says where. */
  g_assert_cmpint (mk_log_export_write (f->store, NULL, MK_LOG_EXPORT_CSV, missing, NULL, &error), ==, -1);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no-such-dir"));

  /* No temporary file is left beside the exports. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".log."));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  gint64 *out = data;
  g_autoptr(GError) error = NULL;

  *out = mk_log_export_write_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_export_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "async.csv", NULL);
  gint64 written = -2;

  fill (f, 2500);   /* more than one export page */
  mk_log_export_write_async (mk_store_get_path (f->store), NULL, MK_LOG_EXPORT_CSV, csv,
                             NULL, export_done_cb, &written);
  while (written == -2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (written, ==, 2500);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/log-model/pages", test_model_pages);
  ADD ("/log-model/filters", test_model_filters);
  ADD ("/log-model/live", test_model_live);
  ADD ("/log-model/items", test_model_items);
  ADD ("/logs/purge", test_purge);
  ADD ("/logs/export", test_export);
  ADD ("/logs/export-async", test_export_async);
#undef ADD

  return g_test_run ();
}
