/* test-calendar-model.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar's store side: the month query at month and year edges, the
 * filter (SQL and C agree), keyset paging of the agenda, the logged edits,
 * brand completion and the grid's date logic in several time zones.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <time.h>

#include <glib/gstdio.h>

#include "mk-agenda-model.h"
#include "mk-month-model.h"
#include "mk-time.h"
#include "mk-validate.h"
#include "store-test-util.h"

typedef struct {
  char    *dir;
  MkStore *store;
  char    *user_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = store_test_make_dir ();
  f->store = store_test_open (f->dir);
  f->user_id = store_test_add_user (f->store, "cal@example.com");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->user_id);
}

static MkCalendarEntry *
add_entry (Fixture     *f,
           MkEntryType  type,
           const char  *brand,
           const char  *date,
           const char  *time)
{
  g_autoptr(GError) error = NULL;
  MkCalendarEntry *entry = mk_calendar_entry_new ();

  mk_calendar_entry_set_user_id (entry, f->user_id);
  mk_calendar_entry_set_entry_type (entry, type);
  mk_calendar_entry_set_brand_name (entry, brand);
  mk_calendar_entry_set_date (entry, date);
  mk_calendar_entry_set_time (entry, time);
  if (type == MK_ENTRY_TYPE_UPLOAD)
    {
      mk_calendar_entry_set_platform (entry, MK_PLATFORM_YOUTUBE);
      mk_calendar_entry_set_content_type (entry, MK_CONTENT_TYPE_SHORT);
    }
  g_assert_true (mk_store_calendar_insert (f->store, entry, &error));
  g_assert_no_error (error);

  return entry;
}

static void
assert_dates (GListModel         *model,
              const char * const *dates)
{
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, ==, g_strv_length ((GStrv)dates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MkCalendarEntry) entry = g_list_model_get_item (model, i);

      g_assert_cmpstr (mk_calendar_entry_get_date (entry), ==, dates[i]);
    }
}

static void
test_month_edges (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(MkMonthModel) model = mk_month_model_new (f->store);
  const char *dec[] = { "2026-12-01", "2026-12-31", "2026-12-31", NULL };
  const char *jan[] = { "2027-01-01", "2027-01-31", NULL };
  const char *feb_leap[] = { "2028-02-01", "2028-02-29", NULL };
  const char *feb[] = { "2027-02-28", NULL };

  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "A", "2026-11-30", "23:59"));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "B", "2026-12-01", NULL));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "C", "2026-12-31", "23:59"));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_UPLOAD, "D", "2026-12-31", NULL));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "E", "2027-01-01", "00:00"));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "F", "2027-01-31", NULL));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "G", "2027-02-28", NULL));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "H", "2028-02-01", NULL));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "I", "2028-02-29", NULL));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "J", "2028-03-01", NULL));

  /* No user: nothing. */
  mk_month_model_set_month (model, 2026, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  mk_month_model_set_user_id (model, f->user_id);
  assert_dates (G_LIST_MODEL (model), dec);
  {
    /* The whole-day entry comes first within its day. */
    g_autoptr(MkCalendarEntry) e = g_list_model_get_item (G_LIST_MODEL (model), 1);
    g_assert_cmpstr (mk_calendar_entry_get_brand_name (e), ==, "D");
  }

  mk_month_model_set_month (model, 2027, 1);
  assert_dates (G_LIST_MODEL (model), jan);
  mk_month_model_set_month (model, 2027, 2);
  assert_dates (G_LIST_MODEL (model), feb);
  mk_month_model_set_month (model, 2028, 2);
  assert_dates (G_LIST_MODEL (model), feb_leap);

  /* Another account sees none of it. */
  {
    g_autofree char *other = store_test_add_user (f->store, "other@example.com");

    mk_month_model_set_user_id (model, other);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  }
}

static void
count_changes (guint *changes)
{
  (*changes)++;
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* The month read in a thread is the month read on the spot; until it is
 * in, the model is empty and says it is loading. */
static void
test_month_async (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(MkMonthModel) model = mk_month_model_new (f->store);
  g_autoptr(MkMonthModel) sync = mk_month_model_new (f->store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *dec[] = { "2026-12-01", "2026-12-09", "2026-12-31", NULL };

  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "A", "2026-11-30", NULL));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "B", "2026-12-01", "10:00"));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_UPLOAD, "C", "2026-12-09", NULL));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "D", "2026-12-31", "23:59"));

  mk_month_model_set_month (model, 2026, 12);
  mk_month_model_set_user_id_async (model, f->user_id, NULL, async_done_cb, &result);
  g_assert_cmpstr (mk_month_model_get_user_id (model), ==, f->user_id);
  g_assert_true (mk_month_model_is_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  /* Asking for the month being read does not read it again on the spot. */
  mk_month_model_set_month (model, 2026, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  g_assert_true (mk_month_model_set_user_id_finish (model, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (mk_month_model_is_loading (model));
  assert_dates (G_LIST_MODEL (model), dec);

  mk_month_model_set_month (sync, 2026, 12);
  mk_month_model_set_user_id (sync, f->user_id);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MkCalendarEntry) a = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(MkCalendarEntry) b = g_list_model_get_item (G_LIST_MODEL (sync), i);

      g_assert_cmpstr (mk_calendar_entry_get_id (a), ==, mk_calendar_entry_get_id (b));
      g_assert_cmpstr (mk_calendar_entry_get_brand_name (a), ==, mk_calendar_entry_get_brand_name (b));
    }
}

/* A change made while the thread reads is read on the spot, and the
 * thread's rows, now stale, never land. */
static void
test_month_async_superseded (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(MkMonthModel) model = mk_month_model_new (f->store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  MkCalendarFilter uploads = { .has_type = TRUE, .type = MK_ENTRY_TYPE_UPLOAD };
  const char *only_upload[] = { "2026-12-09", NULL };
  guint changes = 0;

  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "B", "2026-12-01", "10:00"));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_UPLOAD, "C", "2026-12-09", NULL));

  mk_month_model_set_month (model, 2026, 12);
  mk_month_model_set_user_id_async (model, f->user_id, NULL, async_done_cb, &result);
  mk_month_model_set_filter (model, &uploads);
  g_assert_false (mk_month_model_is_loading (model));
  assert_dates (G_LIST_MODEL (model), only_upload);

  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_changes), &changes);
  g_assert_true (mk_month_model_set_user_id_finish (model, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 0);
  assert_dates (G_LIST_MODEL (model), only_upload);
}

/* A database the thread cannot read: the error comes back, the model
 * stays empty and is no longer loading. */
static void
test_month_async_error (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(MkMonthModel) model = mk_month_model_new (f->store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (mk_store_get_path (f->store));

  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "B", "2026-12-01", NULL));
  /* The window's connection keeps the file it opened; the thread's opens
   * what is at the path now, which is no database at all. */
  {
    g_autofree char *moved = g_strconcat (path, ".moved", NULL);

    g_assert_cmpint (g_rename (path, moved), ==, 0);
    g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  }

  mk_month_model_set_month (model, 2026, 12);
  mk_month_model_set_user_id_async (model, f->user_id, NULL, async_done_cb, &result);
  g_assert_false (mk_month_model_set_user_id_finish (model, wait_for_result (&result), &error));
  g_assert_nonnull (error);
  g_assert_false (mk_month_model_is_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

/* The agenda's first page read in a thread is the one read on the spot,
 * and paging on from it works; a reload meanwhile wins. */
static void
test_agenda_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(MkAgendaModel) model = mk_agenda_model_new (f->store, 5);
  g_autoptr(MkAgendaModel) sync = mk_agenda_model_new (f->store, 5);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint day = 1; day <= 12; day++)
    {
      g_autofree char *date = mk_time_format_date (2026, 12, day);

      g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "Brand", date, NULL));
    }

  mk_agenda_model_set_from_date (model, "2026-12-03");
  mk_agenda_model_set_user_id_async (model, f->user_id, NULL, async_done_cb, &result);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  /* Nothing is read on the spot meanwhile. */
  g_assert_cmpuint (mk_agenda_model_load_more (model), ==, 0);
  g_assert_true (mk_agenda_model_set_user_id_finish (model, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  g_assert_false (mk_agenda_model_is_complete (model));

  mk_agenda_model_set_from_date (sync, "2026-12-03");
  mk_agenda_model_set_user_id (sync, f->user_id);
  while (mk_agenda_model_load_more (model) > 0)
    ;
  while (mk_agenda_model_load_more (sync) > 0)
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sync)), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(MkCalendarEntry) a = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(MkCalendarEntry) b = g_list_model_get_item (G_LIST_MODEL (sync), i);

      g_assert_cmpstr (mk_calendar_entry_get_id (a), ==, mk_calendar_entry_get_id (b));
    }

  /* Superseded: a new day to start from, set while the thread reads. */
  g_clear_object (&result);
  mk_agenda_model_set_user_id_async (model, NULL, NULL, async_done_cb, &result);
  g_assert_true (mk_agenda_model_set_user_id_finish (model, wait_for_result (&result), &error));
  g_clear_object (&result);
  mk_agenda_model_set_user_id_async (model, f->user_id, NULL, async_done_cb, &result);
  mk_agenda_model_set_from_date (model, "2026-12-11");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_true (mk_agenda_model_set_user_id_finish (model, wait_for_result (&result), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
}

/* A worker's connection reads and cannot write. */
static void
test_reader (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(MkStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(MkCalendarEntry) entry = add_entry (f, MK_ENTRY_TYPE_SHOOT, "A", "2026-12-01", NULL);
  g_autoptr(MkCalendarEntry) other = NULL;

  reader = mk_store_open_reader (mk_store_get_path (f->store), &error);
  g_assert_no_error (error);
  entries = mk_store_calendar_list_range (reader, f->user_id, "2026-12-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);

  other = mk_calendar_entry_new ();
  mk_calendar_entry_set_user_id (other, f->user_id);
  mk_calendar_entry_set_entry_type (other, MK_ENTRY_TYPE_SHOOT);
  mk_calendar_entry_set_brand_name (other, "B");
  mk_calendar_entry_set_date (other, "2026-12-02");
  g_assert_false (mk_store_calendar_insert (reader, other, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A file that is not there is an error, not a new database. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);

    g_assert_null (mk_store_open_reader (missing, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(MkMonthModel) model = mk_month_model_new (f->store);
  g_autoptr(MkCalendarEntry) shoot = add_entry (f, MK_ENTRY_TYPE_SHOOT, "Acme Coffee", "2026-11-03", NULL);
  g_autoptr(MkCalendarEntry) upload = add_entry (f, MK_ENTRY_TYPE_UPLOAD, "Zeta", "2026-11-04", "10:00");
  g_autoptr(MkCalendarEntry) done = add_entry (f, MK_ENTRY_TYPE_SHOOT, "Other", "2026-11-05", NULL);
  g_autoptr(GError) error = NULL;
  struct {
    MkCalendarFilter filter;
    guint            expected;
  } cases[] = {
    { { 0 }, 3 },
    { { .has_type = TRUE, .type = MK_ENTRY_TYPE_UPLOAD }, 1 },
    { { .has_type = TRUE, .type = MK_ENTRY_TYPE_SHOOT }, 2 },
    { { .platform = MK_PLATFORM_YOUTUBE }, 1 },
    { { .platform = MK_PLATFORM_TIKTOK }, 0 },
    { { .has_status = TRUE, .status = MK_ENTRY_STATUS_COMPLETED }, 1 },
    { { .search = "COFFEE" }, 1 },
    { { .search = "spring" }, 1 },   /* in the notes */
    { { .search = "launch" }, 1 },   /* in the campaign */
    { { .search = "100%" }, 0 },
  };

  mk_calendar_entry_set_notes (done, "Spring lookbook");
  mk_calendar_entry_set_status (done, MK_ENTRY_STATUS_COMPLETED);
  g_assert_true (mk_store_calendar_update (f->store, done, &error));
  mk_calendar_entry_set_campaign_name (upload, "Launch week");
  g_assert_true (mk_store_calendar_update (f->store, upload, &error));
  g_assert_no_error (error);

  mk_month_model_set_user_id (model, f->user_id);
  mk_month_model_set_month (model, 2026, 11);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MkCalendarEntry *all[] = { shoot, upload, done };
      guint matches = 0;

      mk_month_model_set_filter (model, &cases[i].filter);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, cases[i].expected);

      /* The C predicate decides as the SQL does. */
      for (guint j = 0; j < G_N_ELEMENTS (all); j++)
        matches += mk_calendar_filter_matches (&cases[i].filter, all[j]);
      g_assert_cmpuint (matches, ==, cases[i].expected);
    }
}

static void
test_agenda_paging (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(MkAgendaModel) model = mk_agenda_model_new (f->store, 50);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  guint expected = 0;
  guint rounds = 0;

  g_assert_true (mk_store_transaction_begin (f->store, &error));
  for (guint i = 0; i < 523; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (base, i / 3);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autofree char *time = (i % 3 == 0) ? NULL : mk_time_format_time ((i * 7) % 24, 0);

      g_object_unref (add_entry (f, i % 2 ? MK_ENTRY_TYPE_UPLOAD : MK_ENTRY_TYPE_SHOOT, "Brand", date, time));
      if (g_strcmp0 (date, "2026-02-01") >= 0)
        expected++;
    }
  g_assert_true (mk_store_transaction_commit (f->store, &error));

  mk_agenda_model_set_from_date (model, "2026-02-01");
  mk_agenda_model_set_user_id (model, f->user_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);
  g_assert_false (mk_agenda_model_is_complete (model));

  while (mk_agenda_model_load_more (model) > 0)
    rounds++;
  g_assert_true (mk_agenda_model_is_complete (model));
  g_assert_cmpuint (rounds, >=, expected / 50 - 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);

  /* In order, each row once. */
  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(MkCalendarEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (g_hash_table_add (seen, g_strdup (mk_calendar_entry_get_id (entry))));
      if (i > 0)
        {
          g_autoptr(MkCalendarEntry) prev = g_list_model_get_item (G_LIST_MODEL (model), i - 1);
          int cmp = g_strcmp0 (mk_calendar_entry_get_date (prev), mk_calendar_entry_get_date (entry));

          if (cmp == 0)
            cmp = g_strcmp0 (mk_calendar_entry_get_time (prev), mk_calendar_entry_get_time (entry));
          if (cmp == 0)
            cmp = g_strcmp0 (mk_calendar_entry_get_id (prev), mk_calendar_entry_get_id (entry));
          g_assert_cmpint (cmp, <, 0);
        }
    }

  /* The filter applies to every page. */
  {
    MkCalendarFilter filter = { .has_type = TRUE, .type = MK_ENTRY_TYPE_UPLOAD };

    mk_agenda_model_set_filter (model, &filter);
    while (mk_agenda_model_load_more (model) > 0)
      ;
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
      {
        g_autoptr(MkCalendarEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);

        g_assert_cmpint (mk_calendar_entry_get_entry_type (entry), ==, MK_ENTRY_TYPE_UPLOAD);
      }
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, expected / 2 - 5);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, expected / 2 + 5);
  }
}

static guint
count_calendar_logs (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  MkLogFilter filter = { .user_id = f->user_id, .action = "update_calendar" };
  gint64 n = mk_store_logs_count (f->store, &filter, &error);

  g_assert_no_error (error);
  return (guint)n;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_logged_edits (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(MkMonthModel) model = mk_month_model_new (f->store);
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(MkCalendarEntry) read = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  mk_month_model_set_user_id (model, f->user_id);
  mk_month_model_set_month (model, 2026, 3);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  mk_calendar_entry_set_user_id (entry, f->user_id);
  mk_calendar_entry_set_brand_name (entry, "Acme");
  mk_calendar_entry_set_date (entry, "2026-03-08");
  mk_calendar_entry_set_time (entry, "02:30");
  g_assert_true (mk_store_calendar_create (f->store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_calendar_logs (f), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  mk_calendar_entry_set_campaign_name (entry, "Spring");
  g_assert_true (mk_store_calendar_edit (f->store, entry, &error));
  g_assert_cmpuint (count_calendar_logs (f), ==, 2);

  /* A move keeps the time, across the DST change in any zone. */
  g_assert_true (mk_store_calendar_move (f->store, mk_calendar_entry_get_id (entry), "2026-03-09", &error));
  g_assert_no_error (error);
  read = mk_store_calendar_get (f->store, mk_calendar_entry_get_id (entry), &error);
  g_assert_cmpstr (mk_calendar_entry_get_date (read), ==, "2026-03-09");
  g_assert_cmpstr (mk_calendar_entry_get_time (read), ==, "02:30");
  g_assert_cmpstr (mk_calendar_entry_get_campaign_name (read), ==, "Spring");
  g_assert_cmpuint (count_calendar_logs (f), ==, 3);

  /* A bad date is refused and logs nothing. */
  g_assert_false (mk_store_calendar_move (f->store, mk_calendar_entry_get_id (entry), "2026-02-30", &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_calendar_logs (f), ==, 3);

  g_assert_true (mk_store_calendar_set_status (f->store, mk_calendar_entry_get_id (entry),
                                               MK_ENTRY_STATUS_COMPLETED, &error));
  g_clear_object (&read);
  read = mk_store_calendar_get (f->store, mk_calendar_entry_get_id (entry), &error);
  g_assert_cmpint (mk_calendar_entry_get_status (read), ==, MK_ENTRY_STATUS_COMPLETED);
  g_assert_cmpuint (count_calendar_logs (f), ==, 4);

  /* A validation failure rolls back and logs nothing. */
  mk_calendar_entry_set_brand_name (entry, "   ");
  g_assert_false (mk_store_calendar_edit (f->store, entry, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "brand_name");
  g_clear_error (&error);
  g_assert_cmpuint (count_calendar_logs (f), ==, 4);

  g_assert_true (mk_store_calendar_remove (f->store, mk_calendar_entry_get_id (entry), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_calendar_logs (f), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* Undo: the same entry comes back with its id. */
  g_assert_true (mk_store_calendar_create (f->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  g_assert_false (mk_store_calendar_remove (f->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
}

static void
test_brands (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) brands = NULL;

  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "Beta", "2026-01-01", NULL));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "Alpha", "2026-01-02", NULL));
  g_object_unref (add_entry (f, MK_ENTRY_TYPE_SHOOT, "Beta", "2026-01-03", NULL));

  brands = mk_store_calendar_list_brands (f->store, f->user_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (brands), ==, 2);
  g_assert_cmpstr (brands[0], ==, "Beta");
  g_assert_cmpstr (brands[1], ==, "Alpha");
}

/* The grid and "today" in zones with and without DST: a week that crosses
 * a DST change still has seven days and every cell is the next day. */
static void
test_zones (void)
{
  const char *zones[] = { "UTC", "America/Los_Angeles", "Asia/Kolkata" };
  /* Los Angeles changes on 2026-03-08 and 2026-11-01. */
  const int months[][2] = { { 2026, 3 }, { 2026, 11 }, { 2026, 12 }, { 2027, 1 }, { 2028, 2 } };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_setenv ("TZ", zones[z], TRUE);
      tzset ();

      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");
        g_autofree char *today = mk_time_today ();

        g_assert_cmpstr (today, ==, expected);
      }

      for (guint m = 0; m < G_N_ELEMENTS (months); m++)
        for (GDateWeekday first = G_DATE_MONDAY; first <= G_DATE_SUNDAY; first++)
          {
            GDate start, day;
            gboolean saw_first = FALSE;
            g_autoptr(GDateTime) local = NULL;

            mk_month_model_grid_start (months[m][0], months[m][1], first, &start);
            g_assert_cmpint (g_date_get_weekday (&start), ==, first);

            day = start;
            for (guint cell = 0; cell < 42; cell++)
              {
                if (g_date_get_day (&day) == 1 && (int)g_date_get_month (&day) == months[m][1])
                  {
                    g_assert_cmpuint (cell, <, 7);
                    saw_first = TRUE;
                  }
                g_date_add_days (&day, 1);
              }
            g_assert_true (saw_first);

            /* A local day at noon, stepped across the change, keeps its wall time. */
            local = g_date_time_new_local (months[m][0], months[m][1], 1, 12, 0, 0);
            for (int d = 0; d < 31; d++)
              {
                g_autoptr(GDateTime) next = g_date_time_add_days (local, d);

                g_assert_cmpint (g_date_time_get_hour (next), ==, 12);
              }
          }
    }

  g_setenv ("TZ", "UTC", TRUE);
  tzset ();
}

static void
test_overdue (void)
{
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();

  mk_calendar_entry_set_date (entry, "2026-11-23");
  g_assert_true (mk_month_model_is_overdue (entry, "2026-11-24"));
  g_assert_false (mk_month_model_is_overdue (entry, "2026-11-23"));
  mk_calendar_entry_set_status (entry, MK_ENTRY_STATUS_COMPLETED);
  g_assert_false (mk_month_model_is_overdue (entry, "2026-11-24"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/calendar/model/month-edges", Fixture, NULL, fixture_set_up, test_month_edges, fixture_tear_down);
  g_test_add ("/calendar/model/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/calendar/model/agenda-paging", Fixture, NULL, fixture_set_up, test_agenda_paging, fixture_tear_down);
  g_test_add ("/calendar/model/logged-edits", Fixture, NULL, fixture_set_up, test_logged_edits, fixture_tear_down);
  g_test_add ("/calendar/model/brands", Fixture, NULL, fixture_set_up, test_brands, fixture_tear_down);
  g_test_add ("/calendar/model/month-async", Fixture, NULL, fixture_set_up, test_month_async, fixture_tear_down);
  g_test_add ("/calendar/model/month-async-superseded", Fixture, NULL, fixture_set_up,
              test_month_async_superseded, fixture_tear_down);
  g_test_add ("/calendar/model/month-async-error", Fixture, NULL, fixture_set_up,
              test_month_async_error, fixture_tear_down);
  g_test_add ("/calendar/model/agenda-async", Fixture, NULL, fixture_set_up, test_agenda_async, fixture_tear_down);
  g_test_add ("/calendar/model/reader", Fixture, NULL, fixture_set_up, test_reader, fixture_tear_down);
  g_test_add_func ("/calendar/model/zones", test_zones);
  g_test_add_func ("/calendar/model/overdue", test_overdue);

  return g_test_run ();
}
