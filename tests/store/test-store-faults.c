/* test-store-faults.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A disk that fails: every write (or sync) of a representative transaction
 * is made to fail in turn, as an I/O error or a full disk. Each time the
 * call must fail with a message a person understands, the database must
 * stay whole with the same rows, and the same store must work again as
 * soon as the disk does. */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include "mk-faulty-vfs.h"
#include "mk-store-private.h"
#include "store-test-util.h"

#define N_IMPORTED 25

typedef gboolean (*WriteFunc) (MkStore     *store,
                               const char  *user_id,
                               GError     **error);

static gboolean
create_entry (MkStore     *store,
              const char  *user_id,
              GError     **error)
{
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();

  mk_calendar_entry_set_user_id (entry, user_id);
  mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_SHOOT);
  mk_calendar_entry_set_brand_name (entry, "Acme Outdoor");
  mk_calendar_entry_set_campaign_name (entry, "Winter 2026");
  mk_calendar_entry_set_date (entry, "2026-12-03");
  mk_calendar_entry_set_time (entry, "09:30");
  mk_calendar_entry_set_location (entry, "Studio 4, Kreuzberg");
  return mk_store_calendar_create (store, entry, error);
}

static gboolean
import_reviews (MkStore     *store,
                const char  *user_id,
                GError     **error)
{
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_IMPORTED; i++)
    {
      MkReview *review = mk_review_new ();
      g_autofree char *client = g_strdup_printf ("Client %u", i);

      mk_review_set_user_id (review, user_id);
      mk_review_set_client_name (review, client);
      mk_review_set_rating (review, 1 + i % 5);
      mk_review_set_review_text (review, "Delivered on time, and the reel did numbers.");
      g_ptr_array_add (reviews, review);
    }

  return mk_store_reviews_import (store, user_id, reviews, error);
}

static gint64
count (MkStore    *store,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (mk_database_query_int (mk_store_get_database (store), sql, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
assert_whole (MkStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;

  integrity = mk_database_query_text (mk_store_get_database (store), "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpuint (mk_database_get_transaction_depth (mk_store_get_database (store)), ==, 0);
}

typedef struct {
  const char *table;
  WriteFunc   write;
  gint64      added;
  MkFault     fault;
} Case;

static void
test_fault (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "mediakit.db", NULL);
  g_autoptr(MkStore) store = store_test_open (dir);
  g_autofree char *user_id = store_test_add_user (store, "creator@example.com");
  g_autoptr(GError) error = NULL;
  guint failures = 0;
  guint absorbed = 0;

  for (guint nth = 1; ; nth++)
    {
      gint64 rows = count (store, c->table);
      gint64 logs = count (store, "logs");
      gboolean ok;

      mk_faulty_vfs_arm (c->fault, nth);
      ok = c->write (store, user_id, &error);
      mk_faulty_vfs_disarm ();

      if (!mk_faulty_vfs_fired ())
        {
          /* Past the transaction's last write: it went through. */
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (count (store, c->table), ==, rows + c->added);
          break;
        }

      if (ok)
        {
          /* The fault hit a write SQLite may lose without failing the
           * transaction: a checkpoint copying the WAL into the database
           * file after COMMIT (whether one falls on this write depends on
           * how big the WAL grew). The transaction stands, whole. */
          g_assert_no_error (error);
          assert_whole (store);
          g_assert_cmpint (count (store, c->table), ==, rows + c->added);
          absorbed++;
          continue;
        }

      failures++;
      if (c->fault == MK_FAULT_FULL)
        {
          g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_FULL);
          g_assert_nonnull (strstr (error->message, "The disk is full"));
        }
      else
        {
          g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO);
          g_assert_nonnull (strstr (error->message, "Could not write"));
        }
      g_assert_nonnull (strstr (error->message, db_path));
      g_clear_error (&error);

      /* Nothing half-saved, and the same store carries on. */
      assert_whole (store);
      g_assert_cmpint (count (store, c->table), ==, rows);
      g_assert_cmpint (count (store, "logs"), ==, logs);

      g_assert_true (c->write (store, user_id, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count (store, c->table), ==, rows + c->added);
      g_assert_cmpint (count (store, "logs"), ==, logs + 1);
    }

  /* Every write (or sync) of the transaction was tried. */
  g_assert_cmpuint (failures, >, 0);

  /* And what was acknowledged is what another connection finds on disk. */
  {
    gint64 rows = count (store, c->table);
    g_autoptr(MkStore) again = NULL;

    g_clear_object (&store);
    again = mk_store_open (db_path, &error);
    g_assert_no_error (error);
    assert_whole (again);
    g_assert_cmpint (count (again, c->table), ==, rows);
    g_assert_cmpint (count (again, c->table), ==, (gint64)(failures + absorbed + 1) * c->added);
  }

  store_test_remove_dir (dir);
}

/* A full disk while opening: a new database is not created half way. */
static void
test_full_on_create (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "mediakit.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = NULL;

  mk_faulty_vfs_arm (MK_FAULT_FULL, 1);
  store = mk_store_open (db_path, &error);
  mk_faulty_vfs_disarm ();
  g_assert_true (mk_faulty_vfs_fired ());
  g_assert_null (store);
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_FULL);
  g_clear_error (&error);

  /* Space is back: the same path opens, fully migrated. */
  store = mk_store_open (db_path, &error);
  g_assert_no_error (error);
  assert_whole (store);
  g_assert_cmpint (count (store, "users"), ==, 0);
  g_clear_object (&store);

  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { "calendar_entries", create_entry, 1, MK_FAULT_WRITE },
    { "calendar_entries", create_entry, 1, MK_FAULT_FULL },
    { "calendar_entries", create_entry, 1, MK_FAULT_SYNC },
    { "reviews", import_reviews, N_IMPORTED, MK_FAULT_WRITE },
    { "reviews", import_reviews, N_IMPORTED, MK_FAULT_FULL },
    { "reviews", import_reviews, N_IMPORTED, MK_FAULT_SYNC },
  };
  static const char * const fault_names[] = { "none", "write", "full", "sync" };

  g_test_init (&argc, &argv, NULL);
  mk_faulty_vfs_install ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/faults/%s/%s",
                                               cases[i].write == create_entry ? "calendar-create" : "reviews-import",
                                               fault_names[cases[i].fault]);
      g_test_add_data_func (path, &cases[i], test_fault);
    }
  g_test_add_func ("/store/faults/full-on-create", test_full_on_create);

  return g_test_run ();
}
