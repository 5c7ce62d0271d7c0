/* mk-bench-ics.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue #3.9: importing a 10,000-event .ics file (read, libical, validation,
 * duplicate checks, inserts and the log row, in one transaction) against
 * inserting the same rows with one prepared statement in one transaction
 * on a bare SQLite connection to the same schema. Medians of alternating
 * runs, each into a fresh database. Prints
 * `bench ics_import_10k_vs_sqlite RATIO x`. */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "mk-ics-import.h"
#include "mk-ics-reader.h"
#include "mk-ics-writer.h"
#include "mk-store.h"
#include "mk-uuid.h"

#define N_EVENTS 10000
#define N_RUNS   5

static char *
new_workspace (const char  *root,
               guint        n,
               char       **out_user_id)
{
  g_autofree char *dir = g_strdup_printf ("%s/ws-%u", root, n);
  char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkUser) user = mk_user_new ();
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  store = mk_store_open (path, &error);
  g_assert_no_error (error);
  mk_user_set_email (user, "bench@example.com");
  mk_user_set_password_hash (user, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  if (!mk_store_users_insert (store, user, &error))
    g_error ("%s", error->message);
  *out_user_id = g_strdup (mk_user_get_id (user));
  return path;
}

static GPtrArray *
make_entries (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_EVENTS; i++)
    {
      MkCalendarEntry *entry = mk_calendar_entry_new ();
      g_autofree char *id = mk_uuid_new ();
      g_autofree char *brand = g_strdup_printf ("Brand %u", i % 300);
      g_autofree char *campaign = g_strdup_printf ("Campaign %u, part %u", i % 40, i % 7);
      g_autofree char *date = g_strdup_printf ("20%02u-%02u-%02u", 20 + i % 10, 1 + i % 12, 1 + i % 28);
      g_autofree char *time = g_strdup_printf ("%02u:%02u", i % 24, (i * 7) % 60);

      mk_calendar_entry_set_id (entry, id);
      mk_calendar_entry_set_user_id (entry, "00000000-0000-4000-8000-000000000000");
      mk_calendar_entry_set_brand_name (entry, brand);
      mk_calendar_entry_set_campaign_name (entry, campaign);
      mk_calendar_entry_set_date (entry, date);
      mk_calendar_entry_set_time (entry, i % 5 == 0 ? NULL : time);
      mk_calendar_entry_set_notes (entry, "Bring the ring light; the tripod, and the second camera.\nCall the agency first.");
      mk_calendar_entry_set_created_at (entry, "2026-11-24T18:20:00Z");
      if (i % 2 == 0)
        {
          mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_SHOOT);
          mk_calendar_entry_set_location (entry, "Studio 4, Kreuzberg");
        }
      else
        {
          mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_UPLOAD);
          mk_calendar_entry_set_platform (entry, MK_PLATFORM_INSTAGRAM);
          mk_calendar_entry_set_content_type (entry, MK_CONTENT_TYPE_REEL);
        }
      g_ptr_array_add (entries, entry);
    }

  return entries;
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* The floor: the same rows, bound and stepped, nothing else. */
static double
insert_with_sqlite (const char *db_path,
                    const char *user_id,
                    GPtrArray  *entries)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;
  double elapsed;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
                NULL, NULL, NULL);

  start = g_get_monotonic_time ();
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO calendar_entries (id, user_id, type, brand_name,"
                                       " campaign_name, date, time, status, notes, location, platform,"
                                       " content_type, created_at)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      MkCalendarEntry *e = g_ptr_array_index (entries, i);

      sqlite3_bind_text (stmt, 1, mk_calendar_entry_get_id (e), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, user_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, mk_entry_type_to_string (mk_calendar_entry_get_entry_type (e)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, mk_calendar_entry_get_brand_name (e), -1, SQLITE_STATIC);
      bind_optional (stmt, 5, mk_calendar_entry_get_campaign_name (e));
      sqlite3_bind_text (stmt, 6, mk_calendar_entry_get_date (e), -1, SQLITE_STATIC);
      bind_optional (stmt, 7, mk_calendar_entry_get_time (e));
      sqlite3_bind_text (stmt, 8, mk_entry_status_to_string (mk_calendar_entry_get_status (e)), -1, SQLITE_STATIC);
      bind_optional (stmt, 9, mk_calendar_entry_get_notes (e));
      bind_optional (stmt, 10, mk_calendar_entry_get_location (e));
      bind_optional (stmt, 11, mk_platform_to_string (mk_calendar_entry_get_platform (e)));
      bind_optional (stmt, 12, mk_content_type_to_string (mk_calendar_entry_get_content_type (e)));
      sqlite3_bind_text (stmt, 13, mk_calendar_entry_get_created_at (e), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  elapsed = (g_get_monotonic_time () - start) / 1e6;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return elapsed;
}

static double
import_ics (const char *db_path,
            const char *user_id,
            const char *ics_path)
{
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint imported = 0;
  gint64 start;
  double elapsed;

  store = mk_store_open (db_path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  if (!mk_ics_import_file (store, user_id, ics_path, &imported, NULL, &error))
    g_error ("import: %s", error->message);
  elapsed = (g_get_monotonic_time () - start) / 1e6;

  g_assert_cmpuint (imported, ==, N_EVENTS);
  return elapsed;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("mk-bench-ics-XXXXXX", &error);
  g_autofree char *ics_path = g_build_filename (root, "10k.ics", NULL);
  g_autoptr(GPtrArray) entries = make_entries ();
  double baseline[N_RUNS], ours[N_RUNS];
  guint n = 0;

  g_assert_no_error (error);
  if (!mk_ics_export_file (entries, ics_path, &error))
    g_error ("%s", error->message);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autofree char *user_a = NULL;
      g_autofree char *user_b = NULL;
      g_autofree char *db_a = new_workspace (root, n++, &user_a);
      g_autofree char *db_b = new_workspace (root, n++, &user_b);

      baseline[run] = insert_with_sqlite (db_a, user_a, entries);
      ours[run] = import_ics (db_b, user_b, ics_path);
    }

  /* Where the time goes: the parse alone, without the store. */
  {
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) read = NULL;
    gsize length = 0;
    gint64 start;

    g_assert_true (g_file_get_contents (ics_path, &text, &length, NULL));
    start = g_get_monotonic_time ();
    read = mk_ics_read (text, length, "00000000-0000-4000-8000-000000000000", NULL, &error);
    g_assert_no_error (error);
    g_print ("# reading alone (text checks, libical, entries): %.1f ms\n",
             (g_get_monotonic_time () - start) / 1000.0);
  }

  qsort (baseline, N_RUNS, sizeof (double), compare_doubles);
  qsort (ours, N_RUNS, sizeof (double), compare_doubles);
  g_print ("# ics import of %d events: %.1f ms, SQLite prepared inserts: %.1f ms (medians of %d)\n",
           N_EVENTS, ours[N_RUNS / 2] * 1000, baseline[N_RUNS / 2] * 1000, N_RUNS);
  g_print ("bench ics_import_10k_vs_sqlite %.2f x\n", ours[N_RUNS / 2] / baseline[N_RUNS / 2]);

  remove_tree (root);
  return 0;
}
