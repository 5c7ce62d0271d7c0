/* mk-bench-export.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Media kit export on a full portfolio (three platforms, an avatar, 50
 * media items with thumbnails, 200 published reviews): our PDF export against headless Chromium printing
 * our own HTML to PDF, both measured here in the same run so the machine's
 * speed divides out, and the HTML export on its own. Prints
 * `bench NAME VALUE UNIT`. */

#include "config.h"

#include <stdlib.h>

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "mk-html-renderer.h"
#include "mk-pdf-renderer.h"
#include "mk-portfolio.h"

#define REVIEWS      200
#define MEDIA        50
#define PDF_RUNS     7
#define HTML_RUNS    21
#define CHROME_RUNS  3

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static char *
write_avatar (const char *dir)
{
  char *path = g_build_filename (dir, "avatar.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 512, 512);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 512, 512);

  cairo_pattern_add_color_stop_rgb (gradient, 0, 0.21, 0.52, 0.89);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 0.93, 0.35, 0.45);
  cairo_set_source (cr, gradient);
  cairo_paint (cr);
  cairo_surface_write_to_png (surface, path);

  cairo_pattern_destroy (gradient);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return path;
}

/* Platforms hand out JPEG thumbnails (Instagram's and YouTube's CDNs do),
 * about 320 pixels wide: the sync caches them as they come. */
static char *
write_thumbnail (const char *dir,
                 const char *avatar)
{
  char *path = g_build_filename (dir, "thumbnail.jpg", NULL);
  g_autoptr(GdkPixbuf) source = gdk_pixbuf_new_from_file (avatar, NULL);
  g_autoptr(GdkPixbuf) small = NULL;

  g_assert (source != NULL);
  small = gdk_pixbuf_scale_simple (source, 320, 320, GDK_INTERP_BILINEAR);
  if (!gdk_pixbuf_save (small, path, "jpeg", NULL, "quality", "85", NULL))
    g_error ("could not write %s", path);

  return path;
}

static MkPortfolio *
make_portfolio (const char *avatar,
                const char *thumbnail)
{
  MkPortfolio *doc = mk_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *categories[] = { "Travel", "Lifestyle", "Beauty", "Tech", NULL };

  mk_portfolio_set_display_name (doc, "Sarah Lens");
  mk_portfolio_set_slug (doc, "sarah-lens");
  mk_portfolio_set_bio (doc, "Lifestyle and travel creator from Lisbon. Honest reviews, slow "
                             "travel and small brands with big ideas. Путешествия. 旅行と写真.");
  mk_portfolio_set_categories (doc, categories);
  mk_portfolio_set_budget (doc, 500, 2000, "EUR");
  mk_portfolio_set_include_budget (doc, TRUE);
  mk_portfolio_set_contact (doc, "https://sarah.example/contact");
  mk_portfolio_set_avatar_path (doc, avatar);
  mk_portfolio_add_stat (doc, MK_PLATFORM_INSTAGRAM, 48266, 4.4, now);
  mk_portfolio_add_stat (doc, MK_PLATFORM_YOUTUBE, 23754, 6.4, now);
  mk_portfolio_add_stat (doc, MK_PLATFORM_FACEBOOK, 12837, 2.1, now);
  mk_portfolio_set_max_reviews (doc, 20);

  /* The gather hands over the most engaging media; the kit shows as many
   * as max-media allows, each with its thumbnail inlined. */
  for (guint i = 0; i < MEDIA; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (now, -(int) i);
      g_autofree char *caption = g_strdup_printf ("Post %u: golden hour in Lisbon, a new "
                                                  "serum and the view from the tram.", i);

      mk_portfolio_add_media (doc, MK_PLATFORM_INSTAGRAM, MK_MEDIA_TYPE_IMAGE, caption,
                              "https://www.instagram.com/p/example/", 5000 - i * 10, 120 + i,
                              -1, when, thumbnail);
    }
  mk_portfolio_set_max_media (doc, 24);

  for (guint i = 0; i < REVIEWS; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (now, -(int) i);
      g_autofree char *client = g_strdup_printf ("Client %u", i);
      g_autofree char *text = g_strdup_printf ("Review %u: delivered on time, clear briefs, "
                                               "great engagement on the campaign and an "
                                               "audience that trusts the recommendation.", i);

      mk_portfolio_add_review (doc, client, "Sponsored Post", 3 + i % 3, text, i % 2, when);
    }

  return doc;
}

static double
time_chromium (const char *chromium,
               const char *dir,
               const char *html_path)
{
  g_autofree char *uri = g_filename_to_uri (html_path, NULL, NULL);
  g_autofree char *pdf = g_build_filename (dir, "chromium.pdf", NULL);
  g_autofree char *print_arg = g_strconcat ("--print-to-pdf=", pdf, NULL);
  g_autofree char *profile = g_build_filename (dir, "profile", NULL);
  g_autofree char *profile_arg = g_strconcat ("--user-data-dir=", profile, NULL);
  const char *argv[] = {
    chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-pdf-header-footer", profile_arg, print_arg, uri, NULL
  };
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start;

  g_unlink (pdf);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) ||
      !g_file_test (pdf, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("mk-bench-export: chromium failed: %s\n",
                  error != NULL ? error->message : "no PDF written");
      exit (1);
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-bench-export-XXXXXX", &error);
  g_autofree char *avatar = NULL;
  g_autofree char *thumbnail = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *chromium = NULL;
  g_autoptr(MkPortfolio) doc = NULL;
  double pdf_ms[PDF_RUNS], html_ms[HTML_RUNS], chrome_ms[CHROME_RUNS];
  double pdf, html, chrome;

  if (dir == NULL)
    {
      g_printerr ("mk-bench-export: %s\n", error->message);
      return 1;
    }

  avatar = write_avatar (dir);
  thumbnail = write_thumbnail (dir, avatar);
  doc = make_portfolio (avatar, thumbnail);
  html_path = g_build_filename (dir, "kit.html", NULL);
  pdf_path = g_build_filename (dir, "kit.pdf", NULL);

  /* Warm up fontconfig and the avatar once, as the app has by then. */
  if (!mk_pdf_export_file (doc, MK_PAPER_SIZE_A4, pdf_path, &error) ||
      !mk_html_export_file (doc, html_path, &error))
    {
      g_printerr ("mk-bench-export: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < HTML_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      mk_html_export_file (doc, html_path, NULL);
      html_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  html = median (html_ms, HTML_RUNS);
  g_print ("bench html_export %.2f ms\n", html);

  chromium = g_find_program_in_path ("chromium");
  if (chromium == NULL)
    chromium = g_find_program_in_path ("chromium-browser");
  if (chromium == NULL)
    {
      g_printerr ("mk-bench-export: chromium is not installed; no pdf_export_vs_chromium\n");
      return 0;
    }

  /* Alternating, so a slow spell of the machine hits both. */
  for (guint i = 0; i < MAX (PDF_RUNS, CHROME_RUNS); i++)
    {
      if (i < PDF_RUNS)
        {
          gint64 start = g_get_monotonic_time ();

          mk_pdf_export_file (doc, MK_PAPER_SIZE_A4, pdf_path, NULL);
          pdf_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
        }
      if (i < CHROME_RUNS)
        chrome_ms[i] = time_chromium (chromium, dir, html_path);
    }
  pdf = median (pdf_ms, PDF_RUNS);
  chrome = median (chrome_ms, CHROME_RUNS);

  g_printerr ("mk-bench-export: PDF %.1f ms, Chromium %.1f ms\n", pdf, chrome);
  g_print ("bench pdf_export_vs_chromium %.3f x\n", pdf / chrome);

  {
    const char *argv_rm[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  NULL, NULL, NULL, NULL);
  }

  return 0;
}
