/* test-portfolio.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Portfolio section under Xvfb: the profile header, the combined reach,
 * the grid of recent posts from the store (activating one asks to open its
 * permalink), thumbnails decoded off the main thread, the review summary
 * with its quotes, and the header folding at phone widths.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "mk-context.h"
#include "mk-export-format.h"
#include "mk-media-table.h"
#include "mk-metrics-table.h"
#include "mk-profiles-table.h"
#include "mk-reviews-table.h"
#include "mk-time.h"
#include "mk-users-table.h"
#include "mk-window.h"
#include "portfolio/mk-media-tile.h"
#include "portfolio/mk-portfolio-header.h"
#include "portfolio/mk-portfolio-pane.h"
#include "portfolio/mk-thumbnail-loader.h"
#include "ui-test-app.h"

#define N_MEDIA 5

static AdwApplication *app;
static MkContext *context;
static char *user_id;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
find_one (GtkWidget *widget,
          GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);

  return NULL;
}

static char *
hours_ago (int hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_hours (now, -hours);

  return mk_time_format_timestamp (then);
}

static gboolean
open_uri_cb (MkPortfolioPane *pane,
             const char      *uri,
             char           **out_uri)
{
  g_free (*out_uri);
  *out_uri = g_strdup (uri);

  /* Handled: the browser is not started. */
  return TRUE;
}

static void write_thumbnail (const char *dir, const char *name);

static void
test_portfolio (void)
{
  MkWindow *window = mk_window_new (GTK_APPLICATION (app), context);
  g_autoptr(GPtrArray) tiles = g_ptr_array_new ();
  g_autofree char *reach = mk_export_format_count (12345 + 678);
  g_autofree char *opened = NULL;
  GtkWidget *pane;
  GtkWidget *grid;
  MkMediaTile *with_thumbnail = NULL;
  guint main_thread_decodes = mk_thumbnail_get_main_thread_decodes ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  mk_window_set_section (window, "portfolio");
  gtk_window_present (GTK_WINDOW (window));
  settle (300);

  pane = find_one (GTK_WIDGET (window), MK_TYPE_PORTFOLIO_PANE);
  g_assert_nonnull (pane);

  /* Header: name, slug, bio, categories as pills, budget. */
  g_assert_nonnull (find_label (pane, "Ana Costa"));
  g_assert_nonnull (find_label (pane, "@ana-costa"));
  g_assert_nonnull (find_label (pane, "Food and travel in Porto."));
  g_assert_nonnull (find_label (pane, "Food"));
  g_assert_nonnull (find_label (pane, "Travel"));
  {
    g_autofree char *budget = mk_export_format_budget (300, 3000, "EUR");
    g_autofree char *text = g_strdup_printf ("Budget: %s", budget);
    g_assert_nonnull (find_label (pane, text));
  }

  /* Combined reach: the newest snapshot of each platform, summed. */
  g_assert_nonnull (find_label (pane, reach));
  g_assert_nonnull (find_label (pane, "Combined reach"));

  /* The grid shows every stored post, newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (mk_portfolio_pane_get_media_model (MK_PORTFOLIO_PANE (pane))), ==, N_MEDIA);
  grid = find_one (pane, GTK_TYPE_GRID_VIEW);
  g_assert_nonnull (grid);
  collect (grid, MK_TYPE_MEDIA_TILE, tiles);
  g_assert_cmpuint (tiles->len, ==, N_MEDIA);

  /* Activating the third post asks for its permalink, and only that. */
  g_signal_connect (pane, "open-uri", G_CALLBACK (open_uri_cb), &opened);
  g_signal_emit_by_name (grid, "activate", 2);
  g_assert_cmpstr (opened, ==, "https://www.instagram.com/p/post2/");

  /* Post 0 has a thumbnail file; it is decoded in a worker thread. */
  for (guint i = 0; i < tiles->len; i++)
    {
      MkMediaItem *item = mk_media_tile_get_item (g_ptr_array_index (tiles, i));

      if (item != NULL && mk_media_item_get_thumbnail_file (item) != NULL)
        with_thumbnail = g_ptr_array_index (tiles, i);
    }
  g_assert_nonnull (with_thumbnail);
  for (guint i = 0; i < 100 && !mk_media_tile_has_thumbnail (with_thumbnail); i++)
    settle (20);
  g_assert_true (mk_media_tile_has_thumbnail (with_thumbnail));
  g_assert_cmpuint (mk_thumbnail_get_decodes (), >=, 1);
  g_assert_cmpuint (mk_thumbnail_get_main_thread_decodes (), ==, main_thread_decodes);

  /* The others keep their placeholder. */
  for (guint i = 0; i < tiles->len; i++)
    if (g_ptr_array_index (tiles, i) != with_thumbnail)
      g_assert_false (mk_media_tile_has_thumbnail (g_ptr_array_index (tiles, i)));

  /* Review summary: the published reviews only ((4 + 5 + 5) / 3; the
   * hidden 1 is neither counted nor quoted, though it is the newest). */
  g_assert_nonnull (find_label (pane, "4.7"));
  g_assert_nonnull (find_label (pane, "3 published reviews"));

  /* The two newest published reviews are quoted, newest first; the older
   * one and the hidden one are not. */
  {
    GtkWidget *newest = find_label (pane, "“Booked again for spring.”");
    GtkWidget *second = find_label (pane, "“Fine work.”");
    graphene_rect_t a, b;

    g_assert_nonnull (newest);
    g_assert_nonnull (second);
    g_assert_true (gtk_widget_is_drawable (newest));
    g_assert_true (gtk_widget_compute_bounds (newest, pane, &a));
    g_assert_true (gtk_widget_compute_bounds (second, pane, &b));
    g_assert_cmpfloat (a.origin.y, <, b.origin.y);
    g_assert_null (find_label (pane, "“Oldest words.”"));
    g_assert_null (find_label (pane, "“Never again.”"));
  }

  /* At this width the header keeps the details beside the avatar. */
  g_assert_false (mk_portfolio_header_get_folded (MK_PORTFOLIO_HEADER (find_one (pane, MK_TYPE_PORTFOLIO_HEADER))));

  /* At 1100 px the five posts fit one row, and the grid claims no more
   * height than that row (a bare grid view asks for its minimum columns). */
  {
    graphene_rect_t first;
    graphene_rect_t r;

    g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (tiles, 0), GTK_WIDGET (window), &first));
    for (guint i = 1; i < tiles->len; i++)
      {
        g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (tiles, i), GTK_WIDGET (window), &r));
        g_assert_cmpfloat (r.origin.y, ==, first.origin.y);
      }
    g_assert_cmpint (gtk_widget_get_height (grid), <, 2 * first.size.height);
  }

  /* Showing the section again decodes nothing again. */
  {
    guint decodes = mk_thumbnail_get_decodes ();

    mk_window_set_section (window, "calendar");
    settle (100);
    mk_window_set_section (window, "portfolio");
    settle (200);
    g_assert_cmpuint (mk_thumbnail_get_decodes (), ==, decodes);
  }

  /* A thumbnail downloaded by the sync shows without leaving the section. */
  {
    MkSyncService *sync = mk_context_get_sync_service (context);
    MkMediaItem *item = g_list_model_get_item (mk_portfolio_pane_get_media_model (MK_PORTFOLIO_PANE (pane)), 1);
    g_autofree char *path = g_build_filename (mk_sync_service_get_thumbnail_dir (sync), "post1.png", NULL);
    g_autoptr(GError) error = NULL;
    MkMediaTile *tile = NULL;

    write_thumbnail (mk_sync_service_get_thumbnail_dir (sync), "post1.png");
    g_assert_true (mk_store_media_set_thumbnail_file (mk_context_get_store (context), mk_media_item_get_id (item),
                                                      "post1.png", &error));
    g_assert_no_error (error);
    g_signal_emit_by_name (sync, "thumbnail-ready", mk_media_item_get_id (item), path);

    for (guint i = 0; i < 100 && (tile == NULL || !mk_media_tile_has_thumbnail (tile)); i++)
      {
        g_autoptr(GPtrArray) now = g_ptr_array_new ();

        settle (20);
        tile = NULL;
        collect (grid, MK_TYPE_MEDIA_TILE, now);
        for (guint j = 0; j < now->len; j++)
          {
            MkMediaItem *shown = mk_media_tile_get_item (g_ptr_array_index (now, j));

            if (shown != NULL && g_strcmp0 (mk_media_item_get_id (shown), mk_media_item_get_id (item)) == 0)
              tile = g_ptr_array_index (now, j);
          }
      }
    g_assert_nonnull (tile);
    g_assert_true (mk_media_tile_has_thumbnail (tile));
    g_assert_cmpuint (mk_thumbnail_get_main_thread_decodes (), ==, main_thread_decodes);
    g_object_unref (item);
  }

  /* Export is one keyboard stop away, with its label. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    gboolean found = FALSE;

    collect (pane, GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "win.export") == 0)
        {
          found = TRUE;
          g_assert_true (gtk_widget_get_focusable (g_ptr_array_index (buttons, i)));
          g_assert_cmpstr (gtk_button_get_label (g_ptr_array_index (buttons, i)), ==, "_Export Media Kit…");
        }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

/* At 360 px the header folds: the details go under the avatar, full
 * width, the @slug is cut rather than widening the page, and nothing needs
 * a horizontal scroll. */
static void
test_narrow_header (void)
{
  MkWindow *window = mk_window_new (GTK_APPLICATION (app), context);
  GtkWidget *pane, *header, *bio, *slug, *avatar;
  graphene_rect_t header_bounds, bio_bounds, avatar_bounds;
  int minimum = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  mk_window_set_section (window, "portfolio");
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && gtk_widget_get_width (GTK_WIDGET (window)) == 0; i++)
    settle (20);
  settle (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

  pane = find_one (GTK_WIDGET (window), MK_TYPE_PORTFOLIO_PANE);
  header = find_one (pane, MK_TYPE_PORTFOLIO_HEADER);
  avatar = find_one (header, ADW_TYPE_AVATAR);
  bio = find_label (pane, "Food and travel in Porto.");
  slug = find_label (pane, "@ana-costa");
  g_assert_nonnull (header);
  g_assert_nonnull (bio);
  g_assert_nonnull (slug);

  g_assert_true (mk_portfolio_header_get_folded (MK_PORTFOLIO_HEADER (header)));
  g_assert_true (gtk_widget_compute_bounds (header, GTK_WIDGET (window), &header_bounds));
  g_assert_true (gtk_widget_compute_bounds (bio, GTK_WIDGET (window), &bio_bounds));
  g_assert_true (gtk_widget_compute_bounds (avatar, GTK_WIDGET (window), &avatar_bounds));
  g_assert_cmpfloat (header_bounds.origin.x + header_bounds.size.width, <=, 360);
  /* Under the avatar, from the same left edge, across the whole header. */
  g_assert_cmpfloat (bio_bounds.origin.y, >=, avatar_bounds.origin.y + avatar_bounds.size.height);
  g_assert_cmpfloat (bio_bounds.origin.x, ==, avatar_bounds.origin.x);
  g_assert_cmpfloat (bio_bounds.size.width, ==, header_bounds.size.width);

  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (slug)), !=, PANGO_ELLIPSIZE_NONE);
  gtk_widget_measure (header, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 300);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

static void
test_tile_description (void)
{
  g_autoptr(MkMediaItem) item = mk_media_item_new ();
  g_autofree char *text = NULL;

  mk_media_item_set_platform (item, MK_PLATFORM_YOUTUBE);
  mk_media_item_set_media_type (item, MK_MEDIA_TYPE_SHORT);
  mk_media_item_set_like_count (item, 1);
  mk_media_item_set_comment_count (item, -1);
  mk_media_item_set_caption (item, "Hello");
  text = mk_media_tile_dup_description (item);

  /* An unknown count is left out, never said as 0. */
  g_assert_cmpstr (text, ==, "YouTube Short, 1 like: Hello");
}

static void
write_thumbnail (const char *dir,
                 const char *name)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 64);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
}

static void
fill (void)
{
  MkStore *store = mk_context_get_store (context);
  g_autoptr(MkProfile) profile = mk_profile_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const categories[] = { "Food", "Travel", NULL };
  /* Newest first; the newest is hidden, the oldest published one is one
   * too many to quote. */
  static const struct { const char *client; int rating; gboolean published; const char *text; int age; } reviews[] = {
    { "Hidden Co", 1, FALSE, "Never again.", 1 },
    { "Spring Client", 4, TRUE, "Booked again for spring.", 2 },
    { "Middle Client", 5, TRUE, "Fine work.", 24 },
    { "Oldest Client", 5, TRUE, "Oldest words.", 48 },
  };
  static const struct { MkPlatform platform; gint64 followers; } latest[] = {
    { MK_PLATFORM_INSTAGRAM, 12345 }, { MK_PLATFORM_YOUTUBE, 678 },
  };
  g_autoptr(GError) error = NULL;
  MkSyncService *sync;

  mk_profile_set_user_id (profile, user_id);
  mk_profile_set_slug (profile, "ana-costa");
  mk_profile_set_display_name (profile, "Ana Costa");
  mk_profile_set_bio (profile, "Food and travel in Porto.");
  mk_profile_set_categories (profile, categories);
  mk_profile_set_budget_min (profile, 300);
  mk_profile_set_budget_max (profile, 3000);
  mk_profile_set_currency (profile, "EUR");
  g_assert_true (mk_store_profiles_save (store, profile, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (latest); i++)
    for (int age = 48; age >= 0; age -= 24)
      {
        g_autoptr(MkMetricsSnapshot) snapshot = mk_metrics_snapshot_new ();
        g_autofree char *when = hours_ago (age);

        mk_metrics_snapshot_set_user_id (snapshot, user_id);
        mk_metrics_snapshot_set_platform (snapshot, latest[i].platform);
        /* Older rows are smaller: only the newest counts. */
        mk_metrics_snapshot_set_follower_count (snapshot, latest[i].followers - age);
        mk_metrics_snapshot_set_last_updated (snapshot, when);
        g_assert_true (mk_store_metrics_append (store, snapshot, &error));
        g_assert_no_error (error);
      }

  for (guint i = 0; i < N_MEDIA; i++)
    {
      MkMediaItem *item = mk_media_item_new ();
      g_autofree char *id = g_strdup_printf ("post%u", i);
      g_autofree char *url = g_strdup_printf ("https://www.instagram.com/p/post%u/", i);
      g_autofree char *when = hours_ago (i + 1);

      mk_media_item_set_platform_media_id (item, id);
      mk_media_item_set_media_type (item, MK_MEDIA_TYPE_IMAGE);
      mk_media_item_set_permalink (item, url);
      mk_media_item_set_caption (item, id);
      mk_media_item_set_like_count (item, 100 + i);
      mk_media_item_set_comment_count (item, i);
      mk_media_item_set_published_at (item, when);
      if (i == 0)
        mk_media_item_set_thumbnail_file (item, "post0.png");
      g_ptr_array_add (items, item);
    }
  g_assert_true (mk_store_media_replace (store, user_id, MK_PLATFORM_INSTAGRAM, items, &error));
  g_assert_no_error (error);

  sync = mk_context_get_sync_service (context);
  g_assert_nonnull (sync);
  write_thumbnail (mk_sync_service_get_thumbnail_dir (sync), "post0.png");

  for (guint i = 0; i < G_N_ELEMENTS (reviews); i++)
    {
      g_autoptr(MkReview) review = mk_review_new ();
      g_autofree char *when = hours_ago (reviews[i].age);

      mk_review_set_user_id (review, user_id);
      mk_review_set_client_name (review, reviews[i].client);
      mk_review_set_rating (review, reviews[i].rating);
      mk_review_set_review_text (review, reviews[i].text);
      mk_review_set_is_published (review, reviews[i].published);
      mk_review_set_created_at (review, when);
      g_assert_true (mk_store_reviews_insert (store, review, &error));
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  int ret;

  app = ui_test_app_new (&argc, &argv, "io.github.mediakit.Mediakit.TestPortfolio");

  data_dir = g_dir_make_tmp ("mediakit-test-portfolio-XXXXXX", &error);
  g_assert_no_error (error);
  context = mk_context_new (data_dir, &error);
  g_assert_no_error (error);
  {
    g_autoptr(MkUser) user = mk_user_new ();

    mk_user_set_email (user, "portfolio@example.com");
    mk_user_set_password_hash (user, "!");
    g_assert_true (mk_store_users_insert (mk_context_get_store (context), user, &error));
    g_assert_no_error (error);
    user_id = g_strdup (mk_user_get_id (user));
    mk_context_set_user_id (context, user_id);
  }
  fill ();

  g_test_add_func ("/ui/portfolio/tile-description", test_tile_description);
  g_test_add_func ("/ui/portfolio/sections", test_portfolio);
  g_test_add_func ("/ui/portfolio/narrow-header", test_narrow_header);
  ret = g_test_run ();

  g_clear_object (&context);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_free (user_id);

  return ret;
}
