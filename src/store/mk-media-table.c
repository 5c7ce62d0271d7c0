/* mk-media-table.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-media-table.h"
#include "mk-store-private.h"
#include "mk-time.h"
#include "mk-uuid.h"
#include "mk-validate.h"

#define COLUMNS "id, user_id, platform, platform_media_id, media_type, caption, permalink," \
                " thumbnail_url, thumbnail_file, like_count, comment_count, share_count," \
                " view_count, published_at, fetched_at"

static MkMediaItem *
item_from_row (MkStmt *stmt)
{
  MkMediaItem *item = mk_media_item_new ();
  MkPlatform platform = MK_PLATFORM_NONE;
  MkMediaType type = MK_MEDIA_TYPE_IMAGE;

  mk_platform_from_string (mk_stmt_column_text (stmt, 2), &platform);
  mk_media_type_from_string (mk_stmt_column_text (stmt, 4), &type);
  mk_media_item_set_id (item, mk_stmt_column_text (stmt, 0));
  mk_media_item_set_user_id (item, mk_stmt_column_text (stmt, 1));
  mk_media_item_set_platform (item, platform);
  mk_media_item_set_platform_media_id (item, mk_stmt_column_text (stmt, 3));
  mk_media_item_set_media_type (item, type);
  mk_media_item_set_caption (item, mk_stmt_column_text (stmt, 5));
  mk_media_item_set_permalink (item, mk_stmt_column_text (stmt, 6));
  mk_media_item_set_thumbnail_url (item, mk_stmt_column_text (stmt, 7));
  mk_media_item_set_thumbnail_file (item, mk_stmt_column_text (stmt, 8));
  mk_media_item_set_like_count (item, mk_stmt_column_count (stmt, 9));
  mk_media_item_set_comment_count (item, mk_stmt_column_count (stmt, 10));
  mk_media_item_set_share_count (item, mk_stmt_column_count (stmt, 11));
  mk_media_item_set_view_count (item, mk_stmt_column_count (stmt, 12));
  mk_media_item_set_published_at (item, mk_stmt_column_text (stmt, 13));
  mk_media_item_set_fetched_at (item, mk_stmt_column_text (stmt, 14));
  return item;
}

/* platform_media_id → (id, thumbnail_file) of the rows there are now. */
static GHashTable *
load_existing (MkDatabase  *db,
               const char  *user_id,
               MkPlatform   platform,
               GError     **error)
{
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_strfreev);
  g_autoptr(MkStmt) stmt = NULL;
  int rc;

  stmt = mk_database_prepare (db,
                              "SELECT platform_media_id, id, thumbnail_file FROM media_items"
                              " WHERE user_id = ?1 AND platform = ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  mk_stmt_bind_text (stmt, 2, mk_platform_to_string (platform));
  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 3);

      row[0] = g_strdup (mk_stmt_column_text (stmt, 1));
      row[1] = g_strdup (mk_stmt_column_text (stmt, 2));
      g_hash_table_insert (existing, g_strdup (mk_stmt_column_text (stmt, 0)), row);
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&existing) : NULL;
}

static gboolean
write_items (MkDatabase  *db,
             const char  *user_id,
             MkPlatform   platform,
             GPtrArray   *items,
             GError     **error)
{
  g_autoptr(GHashTable) existing = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(MkStmt) del = NULL;
  g_autofree char *now = mk_time_now_timestamp ();

  existing = load_existing (db, user_id, platform, error);
  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      MkMediaItem *item = g_ptr_array_index (items, i);
      const char *media_id = mk_media_item_get_platform_media_id (item);
      char **old = media_id != NULL ? g_hash_table_lookup (existing, media_id) : NULL;
      g_autoptr(MkStmt) stmt = NULL;

      g_return_val_if_fail (MK_IS_MEDIA_ITEM (item), FALSE);

      mk_media_item_set_user_id (item, user_id);
      mk_media_item_set_platform (item, platform);
      if (old != NULL)
        {
          /* The same post: same row id, so a thumbnail download that is
           * under way for it still finds it. */
          mk_media_item_set_id (item, old[0]);
          if (mk_media_item_get_thumbnail_file (item) == NULL)
            mk_media_item_set_thumbnail_file (item, old[1]);
        }
      else if (mk_media_item_get_id (item) == NULL)
        {
          g_autofree char *id = mk_uuid_new ();
          mk_media_item_set_id (item, id);
        }
      if (mk_media_item_get_fetched_at (item) == NULL)
        mk_media_item_set_fetched_at (item, now);

      if (!mk_media_item_validate (item, error))
        return FALSE;

      /* A platform listing the same post twice (paging shifting under a
       * new upload) must not fail the whole fetch: the first one wins. */
      if (!g_hash_table_add (seen, (gpointer) media_id))
        continue;

      stmt = mk_database_prepare (db,
                                  "INSERT INTO media_items (" COLUMNS ")"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
                                  " ON CONFLICT (user_id, platform, platform_media_id) DO UPDATE SET"
                                  " media_type = excluded.media_type, caption = excluded.caption,"
                                  " permalink = excluded.permalink, thumbnail_url = excluded.thumbnail_url,"
                                  " thumbnail_file = excluded.thumbnail_file, like_count = excluded.like_count,"
                                  " comment_count = excluded.comment_count, share_count = excluded.share_count,"
                                  " view_count = excluded.view_count, published_at = excluded.published_at,"
                                  " fetched_at = excluded.fetched_at",
                                  error);
      if (stmt == NULL)
        return FALSE;

      mk_stmt_bind_text (stmt, 1, mk_media_item_get_id (item));
      mk_stmt_bind_text (stmt, 2, user_id);
      mk_stmt_bind_text (stmt, 3, mk_platform_to_string (platform));
      mk_stmt_bind_text (stmt, 4, media_id);
      mk_stmt_bind_text (stmt, 5, mk_media_type_to_string (mk_media_item_get_media_type (item)));
      mk_stmt_bind_optional_text (stmt, 6, mk_media_item_get_caption (item));
      mk_stmt_bind_optional_text (stmt, 7, mk_media_item_get_permalink (item));
      mk_stmt_bind_optional_text (stmt, 8, mk_media_item_get_thumbnail_url (item));
      mk_stmt_bind_optional_text (stmt, 9, mk_media_item_get_thumbnail_file (item));
      mk_stmt_bind_count (stmt, 10, mk_media_item_get_like_count (item));
      mk_stmt_bind_count (stmt, 11, mk_media_item_get_comment_count (item));
      mk_stmt_bind_count (stmt, 12, mk_media_item_get_share_count (item));
      mk_stmt_bind_count (stmt, 13, mk_media_item_get_view_count (item));
      mk_stmt_bind_optional_text (stmt, 14, mk_media_item_get_published_at (item));
      mk_stmt_bind_text (stmt, 15, mk_media_item_get_fetched_at (item));
      if (!mk_database_run (db, stmt, error))
        return FALSE;
    }

  del = mk_database_prepare (db, "DELETE FROM media_items WHERE id = ?1", error);
  if (del == NULL)
    return FALSE;

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, existing);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        if (g_hash_table_contains (seen, key))
          continue;
        sqlite3_reset (del);
        mk_stmt_bind_text (del, 1, ((char **)value)[0]);
        if (!mk_database_run (db, del, error))
          return FALSE;
      }
  }

  return TRUE;
}

gboolean
mk_store_media_replace (MkStore     *store,
                        const char  *user_id,
                        MkPlatform   platform,
                        GPtrArray   *items,
                        GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);

  g_return_val_if_fail (user_id != NULL, FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (!mk_platform_is_connectable (platform))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "platform",
                             _("Platform must be Instagram, Facebook or YouTube"));
      return FALSE;
    }

  if (!mk_database_begin (db, error))
    return FALSE;

  if (!write_items (db, user_id, platform, items, error) ||
      !mk_database_commit (db, error))
    {
      mk_database_rollback (db, NULL);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
mk_store_media_list (MkStore     *store,
                     const char  *user_id,
                     MkPlatform   platform,
                     guint        limit,
                     GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = mk_store_new_object_array ();
  int rc;

  g_return_val_if_fail (user_id != NULL, NULL);

  /* Both walk an index backwards (media_items_user_published or
   * media_items_user_platform_published); NULL dates sort first in the
   * index, so last here. */
  if (platform == MK_PLATFORM_NONE)
    stmt = mk_database_prepare (db,
                                "SELECT " COLUMNS " FROM media_items WHERE user_id = ?1"
                                " ORDER BY published_at DESC, id DESC LIMIT ?3",
                                error);
  else
    stmt = mk_database_prepare (db,
                                "SELECT " COLUMNS " FROM media_items WHERE user_id = ?1 AND platform = ?2"
                                " ORDER BY published_at DESC, id DESC LIMIT ?3",
                                error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  if (platform != MK_PLATFORM_NONE)
    mk_stmt_bind_text (stmt, 2, mk_platform_to_string (platform));
  mk_stmt_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : -1);

  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&items) : NULL;
}

gboolean
mk_store_media_set_thumbnail_file (MkStore     *store,
                                   const char  *media_id,
                                   const char  *file,
                                   GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(MkMediaItem) probe = mk_media_item_new ();

  g_return_val_if_fail (media_id != NULL, FALSE);

  /* The same file-name rule as a whole item. */
  mk_media_item_set_thumbnail_file (probe, file);
  mk_media_item_set_user_id (probe, "00000000-0000-0000-0000-000000000000");
  mk_media_item_set_platform (probe, MK_PLATFORM_INSTAGRAM);
  mk_media_item_set_platform_media_id (probe, "probe");
  if (!mk_media_item_validate (probe, error))
    return FALSE;

  stmt = mk_database_prepare (db, "UPDATE media_items SET thumbnail_file = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, media_id);
  mk_stmt_bind_optional_text (stmt, 2, file);
  if (!mk_database_run (db, stmt, error))
    return FALSE;

  if (mk_database_changes (db) == 0)
    {
      mk_store_set_not_found (error, _("This media item is no longer in the cache"));
      return FALSE;
    }
  return TRUE;
}
