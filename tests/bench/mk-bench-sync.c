/* mk-bench-sync.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-bench"

/* Issue #5.9, two figures of the sync service against the fake platforms
 * (one fake server per platform, as the real ones are separate hosts), with
 * the real keyring (run under build-aux/headless-run):
 *
 *   sync_wall_vs_slowest_platform: every answer held back 200 ms; the wall
 *     time of syncing all three platforms against the slowest platform
 *     synced alone (medians of alternating runs). 1.0 is perfect overlap.
 *   sync_max_main_loop_stall: 500 media items per platform and their
 *     1,500 thumbnails; the longest gap between two ticks of a 1 ms timer on
 *     the main loop, from the start of the sync until the last thumbnail is
 *     recorded. */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "mk-connection-service.h"
#include "mk-endpoints.h"
#include "mk-fake-server.h"
#include "mk-sync-service.h"
#include "store-test-util.h"
#include "sync-test-util.h"

#define N_RUNS       5
#define LATENCY_MS   200
#define STALL_MEDIA  500

static const MkPlatform platforms[] = {
  MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE,
};

typedef struct
{
  MkFakeServer *servers[3];
  char         *dir;
  MkStore      *store;
  MkVault      *vault;
  MkHttp       *http;
} Bench;

/* Each official origin to the fake server of its platform. */
static MkEndpoints *
endpoints_for (Bench *bench)
{
  const char * const *origins = mk_endpoints_get_official_origins ();
  g_autoptr(GString) spec = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  MkEndpoints *endpoints;

  for (guint i = 0; origins[i] != NULL; i++)
    {
      guint server = 2;

      if (g_strrstr (origins[i], "instagram") != NULL)
        server = 0;
      else if (g_strrstr (origins[i], "facebook") != NULL)
        server = 1;
      g_string_append_printf (spec, "%s%s=%s", i > 0 ? "," : "", origins[i],
                              mk_fake_server_get_origin (bench->servers[server]));
    }

  endpoints = mk_endpoints_parse (spec->str, &error);
  g_assert_no_error (error);
  return endpoints;
}

static void
bench_init (Bench *bench)
{
  g_autoptr(MkEndpoints) endpoints = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bench->servers); i++)
    bench->servers[i] = mk_fake_server_new ();
  bench->dir = store_test_make_dir ();
  bench->store = store_test_open (bench->dir);
  bench->vault = mk_vault_new ();
  endpoints = endpoints_for (bench);
  bench->http = mk_http_new (endpoints, bench->store);
}

static void
bench_clear (Bench *bench)
{
  g_autoptr(GPtrArray) users = mk_store_users_list (bench->store, NULL);

  for (guint i = 0; users != NULL && i < users->len; i++)
    sync_test_clear_keyring (bench->store, bench->vault, mk_user_get_id (g_ptr_array_index (users, i)));

  g_clear_object (&bench->http);
  g_clear_object (&bench->vault);
  g_clear_object (&bench->store);
  store_test_remove_dir (bench->dir);
  g_free (bench->dir);
  for (guint i = 0; i < G_N_ELEMENTS (bench->servers); i++)
    mk_fake_server_free (bench->servers[i]);
}

/* A user with the platforms whose bit is set in @mask. */
static MkSyncService *
new_sync (Bench      *bench,
          const char *email,
          guint       mask,
          guint       media_limit)
{
  g_autofree char *user_id = store_test_add_user (bench->store, email);
  g_autofree char *cache = g_build_filename (bench->dir, "cache", NULL);
  g_autoptr(MkConnectionService) connections = NULL;
  MkSyncService *sync;

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    if (mask & (1u << i))
      {
        g_autofree char *id = sync_test_seed_connection (bench->store, bench->vault, user_id, platforms[i],
                                                         "bench-access-token", NULL);
      }

  connections = mk_connection_service_new (bench->store, bench->vault, bench->http, user_id);
  sync = mk_sync_service_new (connections, bench->store, user_id, cache, NULL);
  mk_sync_service_set_media_limit (sync, media_limit);
  return sync;
}

static void
sync_and_wait (MkSyncService *sync)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mk_sync_service_sync_async (sync, NULL, sync_test_on_done, &result);
  if (!mk_sync_service_sync_finish (sync, sync_test_wait (&result), &error))
    g_error ("The sync failed: %s", error->message);
}

static void
wait_thumbnails (MkSyncService *sync)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_sync_service_wait_thumbnails_async (sync, NULL, sync_test_on_done, &result);
  mk_sync_service_wait_thumbnails_finish (sync, sync_test_wait (&result), NULL);
}

/* Thumbnails are not part of the sync's wall time (they follow it); they
 * are waited for between runs so that they do not overlap the next. */
static double
timed_sync (MkSyncService *sync)
{
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  sync_and_wait (sync);
  elapsed = g_get_monotonic_time () - start;
  wait_thumbnails (sync);
  return elapsed / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
bench_wall (void)
{
  Bench bench = { 0 };
  MkSyncService *alone[3];
  g_autoptr(MkSyncService) all = NULL;
  double alone_ms[3][N_RUNS];
  double all_ms[N_RUNS];
  double slowest = 0;
  double together;

  bench_init (&bench);
  for (guint i = 0; i < G_N_ELEMENTS (bench.servers); i++)
    {
      mk_fake_server_set_generated_media (bench.servers[i], 50);
      mk_fake_server_set_latency (bench.servers[i], LATENCY_MS);
    }

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *email = g_strdup_printf ("alone%u@example.com", i);
      alone[i] = new_sync (&bench, email, 1u << i, 0);
    }
  all = new_sync (&bench, "all@example.com", 0x7, 0);

  /* A warm-up of each: connections, the keyring, the worker stores. */
  for (guint i = 0; i < 3; i++)
    timed_sync (alone[i]);
  timed_sync (all);

  for (guint run = 0; run < N_RUNS; run++)
    {
      for (guint i = 0; i < 3; i++)
        alone_ms[i][run] = timed_sync (alone[i]);
      all_ms[run] = timed_sync (all);
    }

  for (guint i = 0; i < 3; i++)
    {
      double m = median (alone_ms[i], N_RUNS);

      g_printerr ("# %s alone: %.0f ms\n", mk_platform_get_display_name (platforms[i]), m);
      slowest = MAX (slowest, m);
      g_object_unref (alone[i]);
    }
  together = median (all_ms, N_RUNS);
  g_printerr ("# all three: %.0f ms\n", together);
  g_print ("bench sync_wall_vs_slowest_platform %.2f x\n", together / slowest);

  g_clear_object (&all);
  bench_clear (&bench);
}

typedef struct
{
  gint64 last;
  gint64 worst;
  gint64 last_cpu;
  gint64 worst_cpu;
  gint64 last_wait;
  gint64 worst_blocked;
} Ticker;

/* Time this thread spent runnable but waiting for a CPU (Linux
 * schedstat), in µs; 0 where that is not available. */
static gint64
thread_runqueue_usec (void)
{
  g_autofree char *text = NULL;
  guint64 run = 0, wait = 0;

  if (!g_file_get_contents ("/proc/thread-self/schedstat", &text, NULL, NULL)
      || sscanf (text, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &run, &wait) != 2)
    return 0;
  return (gint64) (wait / 1000);
}

/* CPU time of this thread: under load, a long gap may be the scheduler's
 * doing; this says how much of it was our own work. */
static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick (gpointer user_data)
{
  Ticker *ticker = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_usec ();
  gint64 wait = g_getenv ("MK_BENCH_VERBOSE") != NULL ? thread_runqueue_usec () : 0;

  if (ticker->last != 0)
    {
      ticker->worst = MAX (ticker->worst, now - ticker->last);
      ticker->worst_cpu = MAX (ticker->worst_cpu, cpu - ticker->last_cpu);
      /* Neither running nor waiting for a CPU: waiting on a lock or disk. */
      ticker->worst_blocked = MAX (ticker->worst_blocked,
                                   (now - ticker->last) - (cpu - ticker->last_cpu) - (wait - ticker->last_wait));
      if (now - ticker->last > 8000 && g_getenv ("MK_BENCH_VERBOSE") != NULL)
        g_printerr ("# stall %.1f ms (cpu %.1f ms, runqueue %.1f ms) at %.3f s\n", (now - ticker->last) / 1000.0,
                    (cpu - ticker->last_cpu) / 1000.0, (wait - ticker->last_wait) / 1000.0, now / 1e6);
    }
  ticker->last = now;
  ticker->last_cpu = cpu;
  ticker->last_wait = wait;
  return G_SOURCE_CONTINUE;
}

static void
bench_stall (void)
{
  Bench bench = { 0 };
  g_autoptr(MkSyncService) sync = NULL;
  Ticker ticker = { 0 };
  guint source;

  bench_init (&bench);
  for (guint i = 0; i < G_N_ELEMENTS (bench.servers); i++)
    mk_fake_server_set_generated_media (bench.servers[i], STALL_MEDIA);
  sync = new_sync (&bench, "stall@example.com", 0x7, STALL_MEDIA);

  source = g_timeout_add (1, tick, &ticker);
  sync_and_wait (sync);
  if (g_getenv ("MK_BENCH_VERBOSE") != NULL)
    g_printerr ("# synced at %.3f s, stall so far %.1f ms\n", g_get_monotonic_time () / 1e6, ticker.worst / 1000.0);
  wait_thumbnails (sync);
  if (g_getenv ("MK_BENCH_VERBOSE") != NULL)
    g_printerr ("# thumbnails at %.3f s\n", g_get_monotonic_time () / 1e6);
  g_source_remove (source);

  g_printerr ("# longest main-thread CPU time between ticks: %.1f ms\n", ticker.worst_cpu / 1000.0);
  if (g_getenv ("MK_BENCH_VERBOSE") != NULL)
    g_printerr ("# longest time blocked (not running, not runnable): %.1f ms\n", ticker.worst_blocked / 1000.0);
  g_print ("bench sync_max_main_loop_stall %.1f ms\n", ticker.worst / 1000.0);

  g_clear_object (&sync);
  bench_clear (&bench);
}

int
main (int   argc,
      char *argv[])
{
  /* The fake server finds its fixtures through GTest's source dir. */
  g_setenv ("G_TEST_SRCDIR", MK_TESTS_SRCDIR, FALSE);
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_error ("mk-bench-sync needs a session bus and a keyring: run it under build-aux/headless-run");

  if (g_getenv ("MK_BENCH_ONLY_STALL") == NULL)
    bench_wall ();
  bench_stall ();
  return 0;
}
