/* mk-crash-child.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The process that test-crash kills. It writes through the store's own API
 * and, only after COMMIT has returned, tells the parent on stdout what it
 * committed: one line per row, "TABLE KEY". A whole transaction's lines go
 * out in one write(2) below PIPE_BUF, so a kill never splits them. The
 * writer says "ready" once its store is open.
 *
 *   mk-crash-child write DB SEED      random transactions until killed
 *   mk-crash-child ics DB FILE        one .ics import, then exit 0
 *   mk-crash-child reviews DB FILE    one reviews CSV import, then exit 0
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "mk-ics-import.h"
#include "mk-reviews-csv.h"
#include "mk-store.h"

#define MAX_BATCH 12

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("mk-crash-child: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
acknowledge (GString *lines)
{
  const char *data = lines->str;
  gsize left = lines->len;

  g_assert (lines->len < 4096);
  while (left > 0)
    {
      ssize_t n = write (STDOUT_FILENO, data, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        exit (1);
      data += n;
      left -= (gsize)n;
    }
  g_string_truncate (lines, 0);
}

static void
say_ready (void)
{
  g_autoptr(GString) line = g_string_new ("ready\n");

  acknowledge (line);
}

static char *
only_user (MkStore *store)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  users = mk_store_users_list (store, &error);
  if (users == NULL || users->len != 1)
    die ("the workspace must hold one account", error);
  return g_strdup (mk_user_get_id (g_ptr_array_index (users, 0)));
}

static const char *
random_date (GRand *rand)
{
  static char date[16];

  g_snprintf (date, sizeof date, "%04d-%02d-%02d",
              g_rand_int_range (rand, 2024, 2029),
              g_rand_int_range (rand, 1, 13),
              g_rand_int_range (rand, 1, 29));
  return date;
}

/* A calendar entry through the calendar pane's own call: its insert and its
 * log row are one transaction (a savepoint inside a batch). */
static gboolean
write_entry (MkStore     *store,
             const char  *user_id,
             GRand       *rand,
             guint        n,
             GString     *pending,
             GError     **error)
{
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autofree char *brand = g_strdup_printf ("Brand %u", n);

  mk_calendar_entry_set_user_id (entry, user_id);
  mk_calendar_entry_set_brand_name (entry, brand);
  mk_calendar_entry_set_date (entry, random_date (rand));
  if (g_rand_boolean (rand))
    {
      mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_UPLOAD);
      mk_calendar_entry_set_platform (entry, MK_PLATFORM_YOUTUBE);
      mk_calendar_entry_set_content_type (entry, MK_CONTENT_TYPE_VIDEO);
    }
  else
    {
      mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_SHOOT);
      mk_calendar_entry_set_location (entry, "Studio 4");
      mk_calendar_entry_set_time (entry, "14:30");
    }
  mk_calendar_entry_set_notes (entry, "Bring the ring light.\nAnd the tripod.");

  if (!mk_store_calendar_create (store, entry, error))
    return FALSE;
  g_string_append_printf (pending, "calendar_entries %s\n", mk_calendar_entry_get_id (entry));
  return TRUE;
}

static gboolean
write_review (MkStore     *store,
              const char  *user_id,
              GRand       *rand,
              guint        n,
              GString     *pending,
              GError     **error)
{
  g_autoptr(MkReview) review = mk_review_new ();
  g_autofree char *client = g_strdup_printf ("Client %u", n);
  g_autofree char *text = g_strdup_printf ("Great work on campaign %u, “délivered” on time.", n);

  mk_review_set_user_id (review, user_id);
  mk_review_set_client_name (review, client);
  mk_review_set_client_email (review, "brand@example.com");
  mk_review_set_rating (review, g_rand_int_range (rand, 1, 6));
  mk_review_set_review_text (review, text);
  mk_review_set_is_published (review, g_rand_boolean (rand));

  if (!mk_store_reviews_insert (store, review, error))
    return FALSE;
  g_string_append_printf (pending, "reviews %s\n", mk_review_get_id (review));
  return TRUE;
}

/* Log rows are found again by their message, unique per seed and number. */
static gboolean
write_log (MkStore     *store,
           const char  *user_id,
           guint32      seed,
           guint        n,
           GString     *pending,
           GError     **error)
{
  g_autofree char *message = g_strdup_printf ("crash-%u-%u", seed, n);

  if (!mk_store_log (store, user_id, MK_PLATFORM_INSTAGRAM, "fetch_metrics",
                     MK_LOG_STATUS_SUCCESS, message, "{\"fields\":\"followers_count\"}",
                     "{\"followers_count\":1200}", NULL, error))
    return FALSE;
  g_string_append_printf (pending, "logs %s\n", message);
  return TRUE;
}

static gboolean
write_snapshot (MkStore     *store,
                const char  *user_id,
                GRand       *rand,
                GString     *pending,
                GError     **error)
{
  static const MkPlatform platforms[] = {
    MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE,
  };
  g_autoptr(MkMetricsSnapshot) snapshot = mk_metrics_snapshot_new ();

  mk_metrics_snapshot_set_user_id (snapshot, user_id);
  mk_metrics_snapshot_set_platform (snapshot, platforms[g_rand_int_range (rand, 0, 3)]);
  mk_metrics_snapshot_set_follower_count (snapshot, g_rand_int_range (rand, 0, 1000000));
  mk_metrics_snapshot_set_media_count (snapshot, g_rand_int_range (rand, 0, 1000));
  mk_metrics_snapshot_set_engagement_rate (snapshot, g_rand_double_range (rand, 0, 12));

  if (!mk_store_metrics_append (store, snapshot, error))
    return FALSE;
  g_string_append_printf (pending, "cached_metrics %s\n", mk_metrics_snapshot_get_id (snapshot));
  return TRUE;
}

static gboolean
write_one (MkStore     *store,
           const char  *user_id,
           GRand       *rand,
           guint32      seed,
           guint        n,
           GString     *pending,
           GError     **error)
{
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return write_entry (store, user_id, rand, n, pending, error);
    case 1:
      return write_review (store, user_id, rand, n, pending, error);
    case 2:
      return write_log (store, user_id, seed, n, pending, error);
    default:
      return write_snapshot (store, user_id, rand, pending, error);
    }
}

static int
run_writes (const char *db_path,
            guint32     seed)
{
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autofree char *user_id = NULL;
  GError *error = NULL;

  if ((store = mk_store_open (db_path, &error)) == NULL)
    die ("open", error);
  user_id = only_user (store);
  say_ready ();

  for (guint n = 0; ; n++)
    {
      /* Half the time one call in its own transaction, else a batch of
       * several in an explicit one, which is all or nothing. */
      if (g_rand_boolean (rand))
        {
          if (!write_one (store, user_id, rand, seed, n, pending, &error))
            die ("write", error);
        }
      else
        {
          guint batch = g_rand_int_range (rand, 2, MAX_BATCH + 1);

          if (!mk_store_transaction_begin (store, &error))
            die ("begin", error);
          for (guint i = 0; i < batch; i++, n++)
            if (!write_one (store, user_id, rand, seed, n, pending, &error))
              die ("write", error);
          if (!mk_store_transaction_commit (store, &error))
            die ("commit", error);
        }

      acknowledge (pending);
    }

  return 0;
}

static int
run_ics (const char *db_path,
         const char *path)
{
  g_autoptr(MkStore) store = NULL;
  g_autofree char *user_id = NULL;
  GError *error = NULL;
  guint imported = 0;

  if ((store = mk_store_open (db_path, &error)) == NULL)
    die ("open", error);
  user_id = only_user (store);
  say_ready ();
  if (!mk_ics_import_file (store, user_id, path, &imported, NULL, &error))
    die ("import", error);
  g_print ("imported %u\n", imported);
  return 0;
}

static int
run_reviews (const char *db_path,
             const char *path)
{
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkReviewsCsvImport) import = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *contents = NULL;
  GError *error = NULL;
  gsize length;

  if ((store = mk_store_open (db_path, &error)) == NULL)
    die ("open", error);
  user_id = only_user (store);
  say_ready ();
  if (!g_file_get_contents (path, &contents, &length, &error) ||
      (import = mk_reviews_csv_read (contents, length, user_id, &error)) == NULL)
    die ("read", error);
  if (import->problems->len > 0)
    die ("the CSV file has problems", NULL);
  if (!mk_store_reviews_import (store, user_id, import->reviews, &error))
    die ("import", error);
  g_print ("imported %u\n", import->reviews->len);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "write"))
    return run_writes (argv[2], (guint32)g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 4 && g_str_equal (argv[1], "ics"))
    return run_ics (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "reviews"))
    return run_reviews (argv[2], argv[3]);

  g_printerr ("usage: mk-crash-child write|ics|reviews DB SEED|FILE\n");
  return 2;
}
