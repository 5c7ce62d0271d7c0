/* mk-sync-waits.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "mk-sync-waits.h"

#define FILE_NAME "sync-waits.ini"

char *
mk_sync_waits_path (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, FILE_NAME, NULL);
}

static char *
key_for (MkPlatform  platform,
         const char *field)
{
  return g_strdup_printf ("%s-%s", mk_platform_to_string (platform), field);
}

void
mk_sync_waits_read (const char       *path,
                    const char       *user_id,
                    const MkPlatform *platforms,
                    MkSyncWait       *waits,
                    guint             n_platforms)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  g_return_if_fail (path != NULL && user_id != NULL);

  memset (waits, 0, n_platforms * sizeof *waits);
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return;

  for (guint i = 0; i < n_platforms; i++)
    {
      g_autofree char *retry_key = key_for (platforms[i], "retry-at");
      g_autofree char *failures_key = key_for (platforms[i], "failures");
      g_autofree char *quota_key = key_for (platforms[i], "quota");
      g_autoptr(GError) error = NULL;
      gint64 retry_at;
      gint failures;

      retry_at = g_key_file_get_int64 (file, user_id, retry_key, &error);
      if (error != NULL || retry_at < 0)
        continue;
      failures = g_key_file_get_integer (file, user_id, failures_key, &error);
      if (error != NULL || failures < 0)
        continue;

      waits[i].retry_at = retry_at;
      waits[i].failures = (guint) failures;
      waits[i].quota = g_key_file_get_boolean (file, user_id, quota_key, NULL);
    }
}

gboolean
mk_sync_waits_write (const char       *path,
                     const char       *user_id,
                     const MkPlatform *platforms,
                     const MkSyncWait *waits,
                     guint             n_platforms,
                     GError          **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_auto(GStrv) groups = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (path != NULL && user_id != NULL, FALSE);

  /* Other accounts' waits stay; an unreadable file is replaced whole. */
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    {
      g_key_file_unref (file);
      file = g_key_file_new ();
    }
  g_key_file_remove_group (file, user_id, NULL);

  for (guint i = 0; i < n_platforms; i++)
    {
      g_autofree char *retry_key = NULL;
      g_autofree char *failures_key = NULL;
      g_autofree char *quota_key = NULL;

      if (waits[i].retry_at == 0 && waits[i].failures == 0)
        continue;

      retry_key = key_for (platforms[i], "retry-at");
      failures_key = key_for (platforms[i], "failures");
      quota_key = key_for (platforms[i], "quota");
      g_key_file_set_int64 (file, user_id, retry_key, waits[i].retry_at);
      g_key_file_set_integer (file, user_id, failures_key, (gint) MIN (waits[i].failures, G_MAXINT));
      g_key_file_set_boolean (file, user_id, quota_key, waits[i].quota);
      any = TRUE;
    }

  /* Nothing waits for anyone: no file at all. */
  groups = g_key_file_get_groups (file, NULL);
  if (!any && groups[0] == NULL)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "%s: %s", path, g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  /* g_key_file_save_to_file() writes a temporary file and renames it. */
  return g_key_file_save_to_file (file, path, error);
}
