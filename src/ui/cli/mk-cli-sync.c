/* mk-cli-sync.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-cli"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mk-cli-sync.h"

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* No window and no running loop here: the command line turns the default
 * context itself until the answer is in. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* ngettext() wants an unsigned long; counts beyond it are plural anyway. */
static gulong
plural_of (gint64 count)
{
  return (gulong) CLAMP (count, 0, (gint64) G_MAXLONG);
}

static void
print_success (MkStore    *store,
               const char *user_id,
               MkPlatform  platform)
{
  g_autoptr(MkMetricsSnapshot) latest = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *number = NULL;
  gint64 count;
  double rate;

  latest = mk_store_metrics_latest (store, user_id, platform, NULL);
  g_string_append_printf (line, "%s: ", mk_platform_get_display_name (platform));
  if (latest == NULL)
    {
      /* Stored a moment ago; not finding it would be a bug, not a failure
       * of the platform. */
      g_string_append (line, _("updated"));
      g_print ("%s\n", line->str);
      return;
    }

  count = mk_metrics_snapshot_get_follower_count (latest);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  if (count >= 0)
    g_string_append_printf (line, ngettext ("%s follower", "%s followers", plural_of (count)), number);
  else
    g_string_append (line, _("followers unknown"));
  g_string_append (line, ", ");

  rate = mk_metrics_snapshot_get_engagement_rate (latest);
  if (isnan (rate))
    g_string_append (line, _("engagement rate unknown"));
  else
    g_string_append_printf (line, _("engagement rate %.2f %%"), rate);
  g_string_append (line, ", ");

  count = mk_metrics_snapshot_get_media_count (latest);
  g_free (number);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  if (count >= 0)
    g_string_append_printf (line, ngettext ("%s post", "%s posts", plural_of (count)), number);
  else
    g_string_append (line, _("number of posts unknown"));

  g_print ("%s\n", line->str);
}

int
mk_cli_sync (MkContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) thumbnails = NULL;
  g_autoptr(GError) error = NULL;
  MkSyncService *sync;
  GListModel *statuses;
  guint printed = 0;
  gboolean ok;

  sync = mk_context_get_sync_service (context);
  if (sync == NULL)
    {
      const GError *why = mk_context_get_platforms_error (context);

      g_printerr ("mediakit: %s\n", why != NULL ? why->message : _("No account is open."));
      return 1;
    }

  mk_sync_service_sync_async (sync, NULL, on_done, &result);
  ok = mk_sync_service_sync_finish (sync, wait_for (&result), &error);

  if (g_error_matches (error, MK_SYNC_ERROR, MK_SYNC_ERROR_NOTHING_CONNECTED))
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  statuses = mk_sync_service_get_statuses (sync);
  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(MkSyncStatus) status = g_list_model_get_item (statuses, i);
      MkPlatform platform = mk_sync_status_get_platform (status);

      if (!mk_sync_status_get_connected (status))
        continue;

      printed++;
      if (mk_sync_status_get_state (status) == MK_SYNC_STATE_DONE)
        print_success (mk_context_get_store (context), mk_context_get_user_id (context), platform);
      else
        g_print ("%s: %s\n", mk_platform_get_display_name (platform),
                 mk_sync_status_get_message (status) != NULL
                 ? mk_sync_status_get_message (status) : _("not updated"));
    }

  /* The media cache is only whole with its thumbnails: a cron job that
   * syncs expects the window to find them. */
  mk_sync_service_wait_thumbnails_async (sync, NULL, on_done, &thumbnails);
  mk_sync_service_wait_thumbnails_finish (sync, wait_for (&thumbnails), NULL);

  /* The sync's own rows are written by now; this is for any other row
   * still queued, since the thread does not outlive the process. */
  mk_context_flush_logs (context);

  if (!ok)
    {
      if (printed == 0)
        g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  return 0;
}
