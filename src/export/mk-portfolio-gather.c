/* mk-portfolio-gather.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-export-error.h"
#include "mk-media-table.h"
#include "mk-portfolio.h"
#include "mk-time.h"

/* Kept apart from mk-portfolio.c: this is the only part of the export that
 * reads the store, and the one place deciding what leaves the database. */

static const MkPlatform metric_platforms[] = {
  MK_PLATFORM_INSTAGRAM,
  MK_PLATFORM_YOUTUBE,
  MK_PLATFORM_FACEBOOK,
};

static gboolean
gather_profile (MkPortfolio  *doc,
                MkStore      *store,
                const char   *user_id,
                GError      **error)
{
  g_autoptr(MkProfile) profile = NULL;
  g_autoptr(GError) local_error = NULL;

  profile = mk_store_profiles_get (store, user_id, &local_error);
  if (profile == NULL)
    {
      if (local_error == NULL
          || g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND))
        g_set_error_literal (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_NO_PROFILE,
                             _("This account has no profile yet: create one before exporting the media kit."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  mk_portfolio_set_display_name (doc, mk_profile_get_display_name (profile));
  mk_portfolio_set_slug (doc, mk_profile_get_slug (profile));
  mk_portfolio_set_bio (doc, mk_profile_get_bio (profile));
  mk_portfolio_set_categories (doc, mk_profile_get_categories (profile));
  mk_portfolio_set_avatar_path (doc, mk_profile_get_avatar_url (profile));
  mk_portfolio_set_budget (doc,
                           mk_profile_get_budget_min (profile),
                           mk_profile_get_budget_max (profile),
                           mk_profile_get_currency (profile));

  return TRUE;
}

static gboolean
gather_metrics (MkPortfolio  *doc,
                MkStore      *store,
                const char   *user_id,
                GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (metric_platforms); i++)
    {
      g_autoptr(MkMetricsSnapshot) snapshot = NULL;
      g_autoptr(GDateTime) as_of = NULL;
      g_autoptr(GError) local_error = NULL;

      snapshot = mk_store_metrics_latest (store, user_id, metric_platforms[i], &local_error);
      if (snapshot == NULL)
        {
          /* A platform never fetched is just not shown. */
          if (local_error == NULL
              || g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND))
            continue;

          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      as_of = mk_time_parse_timestamp (mk_metrics_snapshot_get_last_updated (snapshot));
      mk_portfolio_add_stat (doc,
                             metric_platforms[i],
                             mk_metrics_snapshot_get_follower_count (snapshot),
                             mk_metrics_snapshot_get_engagement_rate (snapshot),
                             as_of);
    }

  return TRUE;
}

static gboolean
gather_reviews (MkPortfolio  *doc,
                MkStore      *store,
                const char   *user_id,
                GError      **error)
{
  g_autoptr(GPtrArray) reviews = NULL;

  reviews = mk_store_reviews_list (store, user_id, TRUE, error);
  if (reviews == NULL)
    return FALSE;

  for (guint i = 0; i < reviews->len; i++)
    {
      MkReview *review = g_ptr_array_index (reviews, i);
      g_autoptr(GDateTime) created_at = NULL;

      /* Moderation is the point of is_published: check again rather than
       * trust that the query filtered. */
      if (!mk_review_get_is_published (review))
        continue;

      created_at = mk_time_parse_timestamp (mk_review_get_created_at (review));
      mk_portfolio_add_review (doc,
                               mk_review_get_client_name (review),
                               mk_review_get_project_type (review),
                               CLAMP (mk_review_get_rating (review), 1, 5),
                               mk_review_get_review_text (review),
                               mk_review_get_is_verified (review),
                               created_at);
    }

  return TRUE;
}

/* The media cache holds each platform's 50 newest items; the kit shows
 * the most engaging of them. */
#define MEDIA_CANDIDATES 150
#define MEDIA_KEPT       24

static gint64
known (gint64 count)
{
  return count > 0 ? count : 0;
}

static gint64
interactions (MkMediaItem *item)
{
  return known (mk_media_item_get_like_count (item))
         + known (mk_media_item_get_comment_count (item))
         + known (mk_media_item_get_share_count (item));
}

/* Most likes + comments (+ shares) first; then the newest. Platforms differ
 * in reach, but a brand asks "which posts did best", and raw interactions
 * answer that without pretending the rates are comparable. */
static int
compare_engagement (gconstpointer a,
                    gconstpointer b)
{
  MkMediaItem *item_a = *(MkMediaItem * const *) a;
  MkMediaItem *item_b = *(MkMediaItem * const *) b;
  gint64 ia = interactions (item_a);
  gint64 ib = interactions (item_b);

  if (ia != ib)
    return ia > ib ? -1 : 1;

  return -g_strcmp0 (mk_media_item_get_published_at (item_a),
                     mk_media_item_get_published_at (item_b));
}

static gboolean
gather_media (MkPortfolio  *doc,
              MkStore      *store,
              const char   *user_id,
              const char   *thumbnail_dir,
              GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;

  items = mk_store_media_list (store, user_id, MK_PLATFORM_NONE, MEDIA_CANDIDATES, error);
  if (items == NULL)
    return FALSE;

  g_ptr_array_sort (items, compare_engagement);

  /* Each platform's best post leads, so a creator big on one platform
   * still shows a brand the others; the rest follow by engagement. */
  {
    g_autoptr(GPtrArray) ordered = g_ptr_array_new_full (items->len, g_object_unref);
    guint seen = 0;

    for (guint i = 0; i < items->len; i++)
      {
        MkMediaItem *item = g_ptr_array_index (items, i);
        guint bit = 1u << mk_media_item_get_platform (item);

        if ((seen & bit) == 0)
          {
            seen |= bit;
            g_ptr_array_add (ordered, g_object_ref (item));
          }
      }
    for (guint i = 0; i < items->len; i++)
      if (!g_ptr_array_find (ordered, g_ptr_array_index (items, i), NULL))
        g_ptr_array_add (ordered, g_object_ref (g_ptr_array_index (items, i)));

    g_ptr_array_unref (items);
    items = g_steal_pointer (&ordered);
  }

  for (guint i = 0; i < items->len && i < MEDIA_KEPT; i++)
    {
      MkMediaItem *item = g_ptr_array_index (items, i);
      g_autoptr(GDateTime) published_at = NULL;
      g_autofree char *thumbnail_path = NULL;
      const char *file = mk_media_item_get_thumbnail_file (item);

      /* The column holds a bare name (a CHECK says so); joining it to the
       * cache dir can not leave that dir. */
      if (thumbnail_dir != NULL && file != NULL)
        thumbnail_path = g_build_filename (thumbnail_dir, file, NULL);

      published_at = mk_time_parse_timestamp (mk_media_item_get_published_at (item));
      mk_portfolio_add_media (doc,
                              mk_media_item_get_platform (item),
                              mk_media_item_get_media_type (item),
                              mk_media_item_get_caption (item),
                              mk_media_item_get_permalink (item),
                              mk_media_item_get_like_count (item),
                              mk_media_item_get_comment_count (item),
                              mk_media_item_get_view_count (item),
                              published_at,
                              thumbnail_path);
    }

  return TRUE;
}

MkPortfolio *
mk_portfolio_gather (MkStore     *store,
                     const char  *user_id,
                     GError     **error)
{
  return mk_portfolio_gather_full (store, user_id, NULL, error);
}

MkPortfolio *
mk_portfolio_gather_full (MkStore     *store,
                          const char  *user_id,
                          const char  *thumbnail_dir,
                          GError     **error)
{
  g_autoptr(MkPortfolio) doc = NULL;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = mk_portfolio_new ();

  /* Calendar entries, connections and client e-mail addresses are private
   * and deliberately never read here. */
  if (!gather_profile (doc, store, user_id, error)
      || !gather_metrics (doc, store, user_id, error)
      || !gather_media (doc, store, user_id, thumbnail_dir, error)
      || !gather_reviews (doc, store, user_id, error))
    return NULL;

  return g_steal_pointer (&doc);
}
