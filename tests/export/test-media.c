/* test-media.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "hostile-strings.h"
#include "html-checks.h"
#include "mk-html-escape.h"
#include "mk-html-renderer.h"
#include "mk-media-table.h"
#include "mk-pdf-renderer.h"
#include "mk-portfolio.h"
#include "mk-store.h"

/* The media kit's "Top Media" (issue #7.1): gathered from the media cache
 * by engagement, rendered by both renderers with thumbnails inlined, every
 * caption escaped and only https permalinks kept. */

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

/* A real PNG of @size pixels in one colour, as a sync would have cached. */
static void
write_png (const char *path,
           int         size,
           double      red)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, red, 0.4, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Rows of `pdfimages -list` that are pictures (not their alpha masks). */
static guint
count_images (const char *list)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  guint n = 0;

  /* page num type …: the third field. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);

      if (g_strv_length (fields) > 2 && g_str_equal (fields[2], "image"))
        n++;
    }
  return n;
}

static MkMediaItem *
media (const char *platform_media_id,
       MkMediaType type,
       const char *caption,
       gint64      likes,
       gint64      comments,
       const char *published_at,
       const char *thumbnail_file)
{
  MkMediaItem *item = mk_media_item_new ();
  g_autofree char *permalink = g_strdup_printf ("https://www.instagram.com/p/%s/", platform_media_id);

  mk_media_item_set_platform_media_id (item, platform_media_id);
  mk_media_item_set_media_type (item, type);
  mk_media_item_set_caption (item, caption);
  mk_media_item_set_permalink (item, permalink);
  mk_media_item_set_like_count (item, likes);
  mk_media_item_set_comment_count (item, comments);
  mk_media_item_set_published_at (item, published_at);
  mk_media_item_set_thumbnail_file (item, thumbnail_file);
  return item;
}

static void
test_gather_by_engagement (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-media-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *thumbs = g_build_filename (dir, "thumbnails", NULL);
  g_autofree char *png = g_build_filename (thumbs, "best.png", NULL);
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkUser) user = mk_user_new ();
  g_autoptr(MkProfile) profile = mk_profile_new ();
  g_autoptr(GPtrArray) instagram = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) youtube = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) facebook = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MkPortfolio) doc = NULL;
  g_autoptr(MkPortfolio) without = NULL;
  const MkPortfolioMedia *first;
  g_autoptr(GBytes) thumbnail = NULL;
  const char *mime_type = NULL;

  g_assert_no_error (error);
  store = mk_store_open (db, &error);
  g_assert_no_error (error);

  mk_user_set_email (user, "media@example.com");
  mk_user_set_password_hash (user, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  g_assert_true (mk_store_users_insert (store, user, &error));
  mk_profile_set_user_id (profile, mk_user_get_id (user));
  mk_profile_set_slug (profile, "media-test");
  mk_profile_set_display_name (profile, "Media Test");
  g_assert_true (mk_store_profiles_save (store, profile, &error));
  g_assert_no_error (error);

  /* Newest is not best: the most likes + comments comes first, unknown
   * counts count as nothing, and a tie goes to the newer post. */
  g_ptr_array_add (instagram, media ("new", MK_MEDIA_TYPE_IMAGE, "Newest, quiet",
                                     10, 1, "2026-11-20T10:00:00Z", NULL));
  g_ptr_array_add (instagram, media ("best", MK_MEDIA_TYPE_REEL, "The big one",
                                     9000, 300, "2026-10-01T10:00:00Z", "best.png"));
  g_ptr_array_add (instagram, media ("hidden", MK_MEDIA_TYPE_IMAGE, "Likes hidden",
                                     -1, -1, "2026-11-19T10:00:00Z", NULL));
  g_ptr_array_add (youtube, media ("tie-old", MK_MEDIA_TYPE_VIDEO, "Tie, older",
                                   500, 0, "2026-09-01T10:00:00Z", NULL));
  g_ptr_array_add (youtube, media ("tie-new", MK_MEDIA_TYPE_SHORT, "Tie, newer",
                                   400, 100, "2026-09-02T10:00:00Z", NULL));
  g_ptr_array_add (facebook, media ("fb-quiet", MK_MEDIA_TYPE_POST, "Small page, still shown",
                                    2, 1, "2026-08-01T10:00:00Z", NULL));
  mk_media_item_set_user_id (g_ptr_array_index (facebook, 0), mk_user_get_id (user));
  g_assert_true (mk_store_media_replace (store, mk_user_get_id (user), MK_PLATFORM_FACEBOOK,
                                         facebook, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < instagram->len; i++)
    mk_media_item_set_user_id (g_ptr_array_index (instagram, i), mk_user_get_id (user));
  for (guint i = 0; i < youtube->len; i++)
    mk_media_item_set_user_id (g_ptr_array_index (youtube, i), mk_user_get_id (user));
  g_assert_true (mk_store_media_replace (store, mk_user_get_id (user), MK_PLATFORM_INSTAGRAM,
                                         instagram, &error));
  g_assert_no_error (error);
  g_assert_true (mk_store_media_replace (store, mk_user_get_id (user), MK_PLATFORM_YOUTUBE,
                                         youtube, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir_with_parents (thumbs, 0700), ==, 0);
  write_png (png, 64, 0.9);

  doc = mk_portfolio_gather_full (store, mk_user_get_id (user), thumbs, &error);
  g_assert_no_error (error);
  /* Each platform's best leads (Facebook's quiet post included), then the
   * rest by engagement. */
  g_assert_cmpuint (mk_portfolio_get_n_media (doc), ==, 6);
  g_assert_cmpstr (mk_portfolio_get_media (doc, 0)->caption, ==, "The big one");
  g_assert_cmpstr (mk_portfolio_get_media (doc, 1)->caption, ==, "Tie, newer");
  g_assert_cmpstr (mk_portfolio_get_media (doc, 2)->caption, ==, "Small page, still shown");
  g_assert_cmpstr (mk_portfolio_get_media (doc, 3)->caption, ==, "Tie, older");
  g_assert_cmpstr (mk_portfolio_get_media (doc, 4)->caption, ==, "Newest, quiet");
  g_assert_cmpstr (mk_portfolio_get_media (doc, 5)->caption, ==, "Likes hidden");

  first = mk_portfolio_get_media (doc, 0);
  g_assert_cmpint (first->platform, ==, MK_PLATFORM_INSTAGRAM);
  g_assert_cmpint (first->media_type, ==, MK_MEDIA_TYPE_REEL);
  g_assert_cmpint (first->likes, ==, 9000);
  g_assert_cmpint (mk_portfolio_get_media (doc, 5)->likes, ==, -1);
  g_assert_cmpstr (first->permalink, ==, "https://www.instagram.com/p/best/");
  thumbnail = mk_portfolio_load_thumbnail (doc, 0, &mime_type);
  g_assert_nonnull (thumbnail);
  g_assert_cmpstr (mime_type, ==, "image/png");
  g_assert_null (mk_portfolio_load_thumbnail (doc, 1, NULL));

  /* max-media trims what the renderers see, best first. */
  mk_portfolio_set_max_media (doc, 2);
  g_assert_cmpuint (mk_portfolio_get_n_media (doc), ==, 2);

  /* Without a thumbnail dir the media are there, their pictures not. */
  without = mk_portfolio_gather (store, mk_user_get_id (user), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mk_portfolio_get_n_media (without), ==, 6);
  g_assert_null (mk_portfolio_load_thumbnail (without, 0, NULL));

  g_clear_object (&store);
  remove_tree (dir);
}

static MkPortfolio *
make_doc (const char *thumbnail_path)
{
  MkPortfolio *doc = mk_portfolio_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 2, 9, 0, 0);

  mk_portfolio_set_language (doc, "en");
  mk_portfolio_set_display_name (doc, "Tile Maker");
  mk_portfolio_add_media (doc, MK_PLATFORM_INSTAGRAM, MK_MEDIA_TYPE_REEL,
                          "Sunrise over the fjord", "https://www.instagram.com/reel/abc/",
                          12045, 310, -1, when, thumbnail_path);
  mk_portfolio_add_media (doc, MK_PLATFORM_YOUTUBE, MK_MEDIA_TYPE_VIDEO,
                          "Packing for ten days", "javascript:alert(1)",
                          800, -1, 45000, when, NULL);
  return doc;
}

static void
test_html_tiles (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-media-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "thumb.png", NULL);
  g_autoptr(MkPortfolio) doc = NULL;
  g_autoptr(MkPortfolio) empty = mk_portfolio_new ();
  g_autofree char *html = NULL;
  g_autofree char *empty_html = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base64 = NULL;
  g_autofree char *expected_img = NULL;
  gsize length = 0;

  write_png (png, 48, 0.2);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  base64 = g_base64_encode ((const guchar *) contents, length);
  doc = make_doc (png);

  html = mk_html_render (doc, &error);
  g_assert_no_error (error);
  html_check_page (html);

  g_assert_nonnull (strstr (html, "<h2 id=\"media-title\">Top Media</h2>"));
  g_assert_nonnull (strstr (html, "Sunrise over the fjord"));
  g_assert_nonnull (strstr (html, "Instagram · Reel"));
  g_assert_nonnull (strstr (html, "12,045 likes · 310 comments"));
  /* Unknown comments are left out, not shown as 0. */
  g_assert_nonnull (strstr (html, "800 likes · 45,000 views"));
  expected_img = g_strdup_printf ("src=\"data:image/png;base64,%s\"", base64);
  g_assert_nonnull (strstr (html, expected_img));
  /* The second tile has no picture: a placeholder, not a broken image. */
  g_assert_nonnull (strstr (html, "<div class=\"thumb\" aria-hidden=\"true\"></div>"));
  g_assert_nonnull (strstr (html, "href=\"https://www.instagram.com/reel/abc/\""));
  g_assert_nonnull (strstr (html, "View on Instagram"));
  g_assert_null (strstr (html, "javascript:"));
  g_assert_null (strstr (html, "View on YouTube"));

  /* Captions are cut for the tile. */
  {
    g_autoptr(MkPortfolio) wordy = mk_portfolio_new ();
    g_autoptr(GString) caption = g_string_new (NULL);
    g_autofree char *wordy_html = NULL;

    for (guint i = 0; i < 100; i++)
      g_string_append (caption, "word ");
    mk_portfolio_add_media (wordy, MK_PLATFORM_FACEBOOK, MK_MEDIA_TYPE_POST, caption->str,
                            NULL, 1, 1, -1, NULL, NULL);
    wordy_html = mk_html_render (wordy, NULL);
    g_assert_nonnull (strstr (wordy_html, "word…</p>"));
    g_assert_null (strstr (wordy_html, caption->str));
  }

  /* No media: no section. */
  empty_html = mk_html_render (empty, NULL);
  g_assert_null (strstr (empty_html, "media-title"));

  remove_tree (dir);
}

static void
test_html_hostile_captions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
      g_autofree char *html = NULL;
      g_autofree char *valid = g_utf8_make_valid (hostile[i], -1);
      g_autofree char *stripped = g_strstrip (g_strdup (valid));

      g_test_message ("hostile caption %u", i);
      mk_portfolio_set_display_name (doc, "Plain Name");
      /* The same string as caption and as permalink. */
      mk_portfolio_add_media (doc, MK_PLATFORM_INSTAGRAM, MK_MEDIA_TYPE_IMAGE,
                              hostile[i], hostile[i], 5, 5, -1, NULL, hostile[i]);
      html = mk_html_render (doc, NULL);
      html_check_page (html);
      g_assert_nonnull (strstr (html, "class=\"tile\""));

      if (stripped[0] != '\0' && g_utf8_strlen (valid, -1) < 120)
        {
          g_autofree char *escaped = mk_html_escape_text (valid, -1);
          g_autofree char *tile = g_strdup_printf ("<p class=\"caption\" dir=\"auto\">%s</p>", escaped);

          g_assert_nonnull (strstr (html, tile));
        }
    }
}

static void
test_pdf_tiles_and_emoji (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-media-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "thumb.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "kit.pdf", NULL);
  g_autoptr(MkPortfolio) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *images = NULL;

  write_png (png, 400, 0.7);
  doc = make_doc (png);
  /* Emoji the creator typed must come out as emoji, from an emoji face,
   * not as tofu boxes from the text face. */
  mk_portfolio_set_bio (doc, "Travel \xe2\x9c\x88\xef\xb8\x8f and food \xf0\x9f\x8d\x9c");

  g_assert_true (mk_pdf_export_file (doc, MK_PAPER_SIZE_A4, pdf, &error));
  g_assert_no_error (error);

  text = run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, "Top Media"));
  g_assert_nonnull (strstr (text, "Sunrise over the fjord"));
  g_assert_nonnull (strstr (text, "12,045 likes · 310 comments"));
  g_assert_nonnull (strstr (text, "View on Instagram"));
  g_assert_null (strstr (text, "View on YouTube"));

  /* The text faces have no emoji; the colour emoji face is drawn as small
   * pictures. So: the thumbnail plus one picture per emoji, and never a
   * replacement box in the text. */
  g_assert_null (strstr (text, "\xef\xbf\xbd"));
  images = run_tool ((const char *[]) { "pdfimages", "-list", pdf, NULL });
  g_assert_cmpuint (count_images (images), ==, 3);

  mk_portfolio_set_bio (doc, "Travel and food");
  g_assert_true (mk_pdf_export_file (doc, MK_PAPER_SIZE_A4, pdf, &error));
  g_assert_no_error (error);
  g_free (images);
  images = run_tool ((const char *[]) { "pdfimages", "-list", pdf, NULL });
  g_assert_cmpuint (count_images (images), ==, 1);

  g_unlink (pdf);
  g_unlink (png);
  g_rmdir (dir);
}

/* A JPEG thumbnail (what the platforms' CDNs serve) goes into the PDF as
 * the original bytes, not decoded and compressed again; a wide one is
 * still shown to cover its square. */
static void
test_pdf_jpeg_passthrough (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-media-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "wide.png", NULL);
  g_autofree char *jpeg = g_build_filename (dir, "wide.jpg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "kit.pdf", NULL);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(MkPortfolio) doc = NULL;
  g_autofree char *images = NULL;

  write_png (png, 64, 0.3);
  pixbuf = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GdkPixbuf) wide = gdk_pixbuf_scale_simple (pixbuf, 480, 270, GDK_INTERP_BILINEAR);

    g_assert_true (gdk_pixbuf_save (wide, jpeg, "jpeg", &error, "quality", "80", NULL));
    g_assert_no_error (error);
  }

  doc = make_doc (jpeg);
  g_assert_true (mk_pdf_export_file (doc, MK_PAPER_SIZE_A4, pdf, &error));
  g_assert_no_error (error);

  images = run_tool ((const char *[]) { "pdfimages", "-list", pdf, NULL });
  g_assert_cmpuint (count_images (images), ==, 1);
  if (strstr (images, " 480   270 ") == NULL || strstr (images, "jpeg") == NULL)
    g_error ("the JPEG was not embedded as it is:\n%s", images);

  g_unlink (pdf);
  g_unlink (jpeg);
  g_unlink (png);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/media/gather-by-engagement", test_gather_by_engagement);
  g_test_add_func ("/export/media/html-tiles", test_html_tiles);
  g_test_add_func ("/export/media/html-hostile-captions", test_html_hostile_captions);
  g_test_add_func ("/export/media/pdf-tiles-and-emoji", test_pdf_tiles_and_emoji);
  g_test_add_func ("/export/media/pdf-jpeg-passthrough", test_pdf_jpeg_passthrough);

  return g_test_run ();
}
