/* test-html.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hostile-strings.h"
#include "html-checks.h"
#include "mk-export-error.h"
#include "mk-html-escape.h"
#include "mk-html-renderer.h"
#include "mk-portfolio.h"

/* ------------------------------------------------------------------ */
/* Escaping                                                            */

static void
test_escape_table (void)
{
  static const struct {
    const char *input;
    const char *text;
    const char *attr;
  } cases[] = {
    { "plain", "plain", "plain" },
    { "<", "&lt;", "&lt;" },
    { ">", "&gt;", "&gt;" },
    { "&", "&amp;", "&amp;" },
    { "\"", "&quot;", "&quot;" },
    { "'", "&#39;", "&#39;" },
    { "&amp;", "&amp;amp;", "&amp;amp;" },
    { "</script>", "&lt;/script&gt;", "&lt;/script&gt;" },
    { "\"><img src=x onerror=alert(1)>",
      "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
      "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" },
    { "a\tb\nc\rd", "a\tb\nc\rd", "a&#9;b&#10;c&#13;d" },
    { "\x01\x1b[0m\x7f", "\xef\xbf\xbd\xef\xbf\xbd[0m\xef\xbf\xbd", "\xef\xbf\xbd\xef\xbf\xbd[0m\xef\xbf\xbd" },
    { "\xc2\x85", "\xef\xbf\xbd", "\xef\xbf\xbd" },                 /* C1 NEL */
    { "\xef\xbf\xbe", "\xef\xbf\xbd", "\xef\xbf\xbd" },             /* U+FFFE */
    { "\xef\xb7\x90", "\xef\xbf\xbd", "\xef\xbf\xbd" },             /* U+FDD0 */
    { "caf\xc3\xa9 \xf0\x9f\x98\x80", "caf\xc3\xa9 \xf0\x9f\x98\x80", "caf\xc3\xa9 \xf0\x9f\x98\x80" },
    { "\xe2\x80\xae" "abc", "\xe2\x80\xae" "abc", "\xe2\x80\xae" "abc" },   /* kept, isolated by the page */
    { "a\xffz", "a\xef\xbf\xbdz", "a\xef\xbf\xbdz" },
    { "\xc0\xbc", "\xef\xbf\xbd\xef\xbf\xbd", "\xef\xbf\xbd\xef\xbf\xbd" }, /* overlong '<' */
    { "", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mk_html_escape_text (cases[i].input, -1);
      g_autofree char *attr = mk_html_escape_attr (cases[i].input, -1);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (attr, ==, cases[i].attr);
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }

  /* With a length, NUL bytes are input like any other and never reach the
   * page; NULL is the empty string. */
  {
    g_autofree char *text = mk_html_escape_text ("a\0<b", 4);
    g_autofree char *none = mk_html_escape_attr (NULL, -1);

    g_assert_cmpstr (text, ==, "a\xef\xbf\xbd&lt;b");
    g_assert_cmpstr (none, ==, "");
  }
}

static void
test_safe_url (void)
{
  static const struct {
    const char *url;
    gboolean    allowed;
  } cases[] = {
    { "https://example.com", TRUE },
    { "https://example.com/kit?a=1&b=2#top", TRUE },
    { "HTTPS://EXAMPLE.COM/", TRUE },
    { "https://user@example.com/", TRUE },
    { "https://example.com/\"onmouseover=\"alert(1)", TRUE },  /* the quote is escaped later */
    { "javascript:alert(1)", FALSE },
    { "JaVaScRiPt:alert(1)", FALSE },
    { "javascript://example.com/%0Aalert(1)", FALSE },
    { " javascript:alert(1)", FALSE },
    { "\x01javascript:alert(1)", FALSE },
    { "java\tscript:alert(1)", FALSE },
    { "java\nscript:alert(1)", FALSE },
    { "vbscript:msgbox(1)", FALSE },
    { "data:text/html;base64,PHNjcmlwdD4=", FALSE },
    { "http://example.com/", FALSE },
    { "//example.com/", FALSE },
    { "/p/sarah", FALSE },
    { "example.com", FALSE },
    { "https:", FALSE },
    { "https://", FALSE },
    { "https:///path", FALSE },
    { "https:example.com", FALSE },
    { "https://example.com/ x", FALSE },
    { " https://example.com/", FALSE },
    { "https://example.com/\x7f", FALSE },
    { "https:\\\\evil.example", FALSE },
    { "https://exa\xffmple.com", FALSE },
    { "mailto:me@example.com", FALSE },
    { "file:///etc/passwd", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = mk_html_safe_url (cases[i].url);

      if (cases[i].allowed)
        g_assert_cmpstr (url, ==, cases[i].url);
      else if (url != NULL)
        g_error ("%s should have been dropped", cases[i].url);
    }
}

/* ------------------------------------------------------------------ */
/* Rendering                                                           */

static GDateTime *
utc (int year,
     int month,
     int day)
{
  return g_date_time_new_utc (year, month, day, 12, 0, 0);
}

static MkPortfolio *
make_sample (void)
{
  MkPortfolio *doc = mk_portfolio_new ();
  const char *categories[] = { "Fashion", "Travel", NULL };
  g_autoptr(GDateTime) as_of = utc (2026, 11, 24);
  g_autoptr(GDateTime) d1 = utc (2026, 1, 10);
  g_autoptr(GDateTime) d2 = utc (2026, 6, 2);
  g_autoptr(GDateTime) d3 = utc (2026, 9, 15);
  g_autoptr(GDateTime) d4 = utc (2026, 10, 1);

  mk_portfolio_set_language (doc, "en");
  mk_portfolio_set_display_name (doc, "Sarah Lee");
  mk_portfolio_set_slug (doc, "sarah");
  mk_portfolio_set_bio (doc, "Slow travel and honest fashion.");
  mk_portfolio_set_categories (doc, categories);
  mk_portfolio_set_budget (doc, 500, 2000, "USD");
  mk_portfolio_add_stat (doc, MK_PLATFORM_INSTAGRAM, 1234567, 3.456, as_of);
  mk_portfolio_add_stat (doc, MK_PLATFORM_YOUTUBE, 48200, 5.0, as_of);
  mk_portfolio_add_review (doc, "Acme Outdoor", "Brand Campaign", 5,
                           "Delivered ahead of schedule.", TRUE, d1);
  mk_portfolio_add_review (doc, "Northwind", "Product Review", 4,
                           "Great reach with our audience.", FALSE, d2);
  mk_portfolio_add_review (doc, "Globex", NULL, 4,
                           "Would book again.", FALSE, d3);
  mk_portfolio_add_review (doc, "Initech", "Event", 3,
                           "Solid work, slow replies.", FALSE, d4);

  return doc;
}

static void
test_render_sample (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  html = mk_html_render (doc, &error);
  g_assert_no_error (error);
  html_check_page (html);

  g_assert_nonnull (strstr (html, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (html, "<title>Sarah Lee — Media Kit</title>"));
  g_assert_nonnull (strstr (html, "<h1 dir=\"auto\">Sarah Lee</h1>"));
  g_assert_nonnull (strstr (html, "/p/sarah"));
  g_assert_nonnull (strstr (html, "Slow travel and honest fashion."));
  g_assert_nonnull (strstr (html, "<li dir=\"auto\">Fashion</li>"));
  g_assert_nonnull (strstr (html, "<header"));
  g_assert_nonnull (strstr (html, "<main>"));
  g_assert_nonnull (strstr (html, "<footer>Made with Mediakit</footer>"));

  /* Figures, formatted. */
  g_assert_nonnull (strstr (html, "1,234,567"));
  g_assert_nonnull (strstr (html, "48,200"));
  g_assert_nonnull (strstr (html, "3.5%"));
  g_assert_nonnull (strstr (html, "Followers"));
  g_assert_nonnull (strstr (html, "Engagement rate"));
  g_assert_nonnull (strstr (html, "As of 24 November 2026"));
  g_assert_nonnull (strstr (html, "(likes + comments) ÷ views"));

  /* Reviews: (5 + 4 + 4 + 3) / 4 = 4.0, four of them; three quoted: the
   * best, then the two newest of the rest. */
  g_assert_nonnull (strstr (html, "<span class=\"average\">4.0</span>"));
  g_assert_nonnull (strstr (html, "4 reviews"));
  g_assert_nonnull (strstr (html, "Delivered ahead of schedule."));
  g_assert_nonnull (strstr (html, "Solid work, slow replies."));
  g_assert_nonnull (strstr (html, "Would book again."));
  g_assert_null (strstr (html, "Great reach with our audience."));
  g_assert_nonnull (strstr (html, "Verified client"));

  /* The budget is private unless asked for. */
  g_assert_null (strstr (html, "USD"));

  /* Light, dark, phone and paper. */
  g_assert_nonnull (strstr (html, "prefers-color-scheme:dark"));
  g_assert_nonnull (strstr (html, "@media print"));
  g_assert_nonnull (strstr (html, "@media (max-width:600px)"));
  g_assert_nonnull (strstr (html, "--accent:#3584e4"));
}

static void
test_render_options (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  mk_portfolio_set_include_budget (doc, TRUE);
  mk_portfolio_set_max_reviews (doc, 1);
  mk_portfolio_set_contact (doc, "https://sarah.example/contact");
  g_assert_true (mk_portfolio_set_accent_color (doc, "#E01B24", &error));
  g_assert_no_error (error);

  html = mk_html_render (doc, &error);
  g_assert_no_error (error);
  html_check_page (html);

  g_assert_nonnull (strstr (html, "Budget: 500–2,000 USD"));
  g_assert_nonnull (strstr (html, "--accent:#e01b24;--accent-soft:rgba(224,27,36,.14)"));
  g_assert_nonnull (strstr (html, "<a href=\"https://sarah.example/contact\" rel=\"noopener noreferrer\""));
  g_assert_nonnull (strstr (html, "Delivered ahead of schedule."));
  g_assert_null (strstr (html, "Would book again."));
  g_assert_null (strstr (html, "Solid work"));
}

/* Sections left out by Preferences → Export are not on the page, not even
 * hidden; the accent colour chosen there is the page's. */
static void
test_render_sections_left_out (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  static const char * const sections[] = { MK_PORTFOLIO_SECTION_BUDGET, NULL };

  mk_portfolio_apply_sections (doc, sections);
  g_assert_true (mk_portfolio_set_accent_color (doc, "#26a269", &error));
  html = mk_html_render (doc, &error);
  g_assert_no_error (error);
  html_check_page (html);

  g_assert_nonnull (strstr (html, "--accent:#26a269;"));
  g_assert_nonnull (strstr (html, "Budget: 500–2,000 USD"));
  g_assert_null (strstr (html, "class=\"stats\""));
  g_assert_null (strstr (html, "1,234,567"));
  g_assert_null (strstr (html, "class=\"reviews\""));
  g_assert_null (strstr (html, "Delivered ahead of schedule."));
  g_assert_null (strstr (html, "Acme Outdoor"));
  g_assert_nonnull (strstr (html, "<h1 dir=\"auto\">Sarah Lee</h1>"));
}

static void
test_render_empty_sections (void)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  mk_portfolio_set_display_name (doc, "Nobody Yet");
  mk_portfolio_set_contact (doc, "javascript:alert(1)");
  html = mk_html_render (doc, &error);
  g_assert_no_error (error);
  html_check_page (html);

  g_assert_null (strstr (html, "class=\"stats\""));
  g_assert_null (strstr (html, "class=\"reviews\""));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<a "));
  /* No avatar: a monogram instead. */
  g_assert_nonnull (strstr (html, "aria-hidden=\"true\">N</div>"));
}


static void
check_hostile (const char *s)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  g_autoptr(GDateTime) when = utc (2026, 3, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *valid = g_utf8_make_valid (s, -1);
  g_autofree char *escaped = mk_html_escape_text (s, -1);
  const char *categories[] = { s, "Fashion", s, NULL };
  g_autofree char *stripped = g_strstrip (g_strdup (valid));
  gboolean blank = stripped[0] == '\0';

  mk_portfolio_set_display_name (doc, s);
  mk_portfolio_set_slug (doc, s);
  mk_portfolio_set_bio (doc, s);
  mk_portfolio_set_categories (doc, categories);
  mk_portfolio_set_contact (doc, s);
  mk_portfolio_set_language (doc, s);
  mk_portfolio_set_budget (doc, 100, 900, s);
  mk_portfolio_set_include_budget (doc, TRUE);
  mk_portfolio_add_stat (doc, MK_PLATFORM_INSTAGRAM, 98765, 4.2, when);
  mk_portfolio_add_review (doc, s, s, 5, s, TRUE, when);
  mk_portfolio_add_review (doc, "Plain Client", "Campaign", 4, "A plain review.", FALSE, when);

  html = mk_html_render (doc, &error);
  g_assert_no_error (error);
  html_check_page (html);

  /* The content is still there, escaped, next to ours. */
  g_assert_nonnull (strstr (html, "98,765"));
  g_assert_nonnull (strstr (html, "A plain review."));
  g_assert_nonnull (strstr (html, "Plain Client"));
  g_assert_nonnull (strstr (html, "<li dir=\"auto\">Fashion</li>"));
  if (!blank)
    {
      g_autofree char *heading = g_strdup_printf ("<h1 dir=\"auto\">%s</h1>", escaped);
      g_autofree char *quote = g_strdup_printf ("<blockquote dir=\"auto\">%s</blockquote>", escaped);

      g_assert_nonnull (strstr (html, heading));
      g_assert_nonnull (strstr (html, quote));
    }
}

static void
test_render_hostile (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (hostile), >=, 50);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_test_message ("hostile string %u", i);
      check_hostile (hostile[i]);
    }

  /* And a long one, past any fixed buffer. */
  {
    g_autoptr(GString) big = g_string_new (NULL);

    for (guint i = 0; i < 5000; i++)
      g_string_append (big, "<b>\"&'\xe2\x80\xae");
    check_hostile (big->str);
  }
}

static void
test_render_all_hostile_at_once (void)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) categories = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_strv_builder_add (builder, hostile[i]);
  categories = g_strv_builder_end (builder);

  mk_portfolio_set_display_name (doc, "Sarah");
  mk_portfolio_set_categories (doc, (const char * const *) categories);
  mk_portfolio_set_max_reviews (doc, 20);
  for (guint i = 0; i < 20; i++)
    mk_portfolio_add_review (doc, hostile[i], hostile[i + 20], 1 + i % 5, hostile[i + 40], i % 2, NULL);

  html = mk_html_render (doc, &error);
  g_assert_no_error (error);
  html_check_page (html);
}

static void
test_render_accent_rejected (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  g_assert_false (mk_portfolio_set_accent_color (doc, "red;}</style><script>", &error));
  g_assert_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_INVALID_OPTION);

  html = mk_html_render (doc, NULL);
  html_check_page (html);
  g_assert_nonnull (strstr (html, "--accent:#3584e4"));
}

/* ------------------------------------------------------------------ */
/* Avatar                                                              */

static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x60, 0xf8, 0x0f,
  0x00, 0x01, 0x04, 0x01, 0x00, 0x5f, 0xe5, 0xc3, 0x4b, 0x00, 0x00, 0x00,
  0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mk-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
test_avatar_png (void)
{
  g_autofree char *dir = make_temp_dir ();
  /* The name says JPEG; the content decides. */
  g_autofree char *path = g_build_filename (dir, "avatar.jpg", NULL);
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autofree char *base64 = g_base64_encode (tiny_png, sizeof tiny_png);
  g_autofree char *expected = NULL;
  g_autofree char *html = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) tiny_png, sizeof tiny_png, NULL));
  mk_portfolio_set_avatar_path (doc, path);
  html = mk_html_render (doc, NULL);
  html_check_page (html);

  expected = g_strdup_printf ("src=\"data:image/png;base64,%s\" dir=\"auto\" alt=\"Sarah Lee\"", base64);
  g_assert_nonnull (strstr (html, expected));

  remove_tree (dir);
}

static void
test_avatar_refused (void)
{
  static const char * const contents[] = {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
    "GIF89a",
    "",
  };
  g_autofree char *dir = make_temp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *path = g_build_filename (dir, "avatar.png", NULL);
      g_autoptr(MkPortfolio) doc = make_sample ();
      g_autofree char *html = NULL;

      g_assert_true (g_file_set_contents (path, contents[i], -1, NULL));
      mk_portfolio_set_avatar_path (doc, path);

      g_test_expect_message ("mediakit-export", G_LOG_LEVEL_WARNING, "*Leaving the avatar out*");
      html = mk_html_render (doc, NULL);
      g_test_assert_expected_messages ();

      html_check_page (html);
      g_assert_null (strstr (html, "<img"));
    }

  /* Remote and missing files are not fetched and do not fail the export. */
  {
    static const char * const paths[] = {
      "https://evil.example/avatar.png",
      "/nonexistent/avatar.png",
    };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(MkPortfolio) doc = make_sample ();
        g_autofree char *html = NULL;

        mk_portfolio_set_avatar_path (doc, paths[i]);
        g_test_expect_message ("mediakit-export", G_LOG_LEVEL_WARNING, "*Leaving the avatar out*");
        html = mk_html_render (doc, NULL);
        g_test_assert_expected_messages ();
        html_check_page (html);
        g_assert_null (strstr (html, "evil.example"));
      }
  }

  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Writing the file                                                    */

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_export_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kit.html", NULL);
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = mk_html_render (doc, NULL);
  g_autofree char *written = NULL;

  /* Over an older file too: the new one replaces it whole. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (mk_html_export_file (doc, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  /* No temporary file left beside it. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

static void
assert_write_error_names (const GError *error,
                          const char   *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_assert_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, shown));
}

static void
test_export_refuses_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kit.html", NULL);
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (mk_html_export_file (doc, path, &error));
  assert_write_error_names (error, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_cmpuint (count_entries (path), ==, 0);

  remove_tree (dir);
}

static void
test_export_refuses_missing_parent (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "kit.html", NULL);
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *under_file = g_build_filename (file, "kit.html", NULL);
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GError) error = NULL;

  g_assert_false (mk_html_export_file (doc, path, &error));
  assert_write_error_names (error, path);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A file where the folder should be. */
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  g_assert_false (mk_html_export_file (doc, under_file, &error));
  assert_write_error_names (error, under_file);
  g_clear_error (&error);

  g_assert_false (mk_html_export_file (doc, "", &error));
  g_assert_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE);

  remove_tree (dir);
}

static void
test_export_refuses_unwritable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(MkPortfolio) doc = NULL;
  g_autoptr(GError) error = NULL;

  /* Root writes anywhere, so the folder's mode proves nothing there. */
  if (geteuid () == 0)
    {
      g_test_skip ("running as root: permissions are not enforced");
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "kit.html", NULL);
  doc = make_sample ();

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  g_assert_false (mk_html_export_file (doc, path, &error));
  assert_write_error_names (error, path);

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

typedef struct
{
  GError   *error;
  gboolean  done;
} ExportResult;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportResult *res = user_data;

  mk_html_export_file_finish (MK_PORTFOLIO (source), result, &res->error);
  res->done = TRUE;
}

static void
test_export_async (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kit.html", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "kit.html", NULL);
  g_autoptr(MkPortfolio) doc = make_sample ();
  ExportResult good = { NULL, FALSE };
  ExportResult bad = { NULL, FALSE };

  mk_html_export_file_async (doc, path, NULL, on_exported, &good);
  while (!good.done)
    g_main_context_iteration (NULL, TRUE);
  mk_html_export_file_async (doc, bad_path, NULL, on_exported, &bad);
  while (!bad.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (good.error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_write_error_names (bad.error, bad_path);
  g_clear_error (&bad.error);

  remove_tree (dir);
}

static void
test_export_web (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mk-test-web-XXXXXX", NULL);
  g_autofree char *expected = g_build_filename (dir, "p", "sarah-lens", "index.html", NULL);
  g_autofree char *path = NULL;
  g_autofree char *html = NULL;
  g_autofree char *blocker = NULL;
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GError) error = NULL;
  const char * const bad_slugs[] = { "../escape", "..", ".hidden", "a/b", "a\\b", "", "sarah lens",
                                     "caf\xc3\xa9", NULL };

  mk_portfolio_set_slug (doc, "sarah-lens");
  g_assert_true (mk_html_export_web (doc, dir, &path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  html_check_page (html);
  g_assert_nonnull (strstr (html, "Content-Security-Policy"));

  /* Again over the old one: replaced, not refused. */
  g_assert_true (mk_html_export_web (doc, dir, NULL, &error));
  g_assert_no_error (error);

  /* No slug can write outside the chosen folder. */
  for (guint i = 0; bad_slugs[i] != NULL; i++)
    {
      mk_portfolio_set_slug (doc, bad_slugs[i]);
      g_assert_false (mk_html_export_web (doc, dir, NULL, &error));
      g_assert_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_INVALID_OPTION);
      g_clear_error (&error);
    }

  /* A file where the "p" folder should be. */
  blocker = g_dir_make_tmp ("mk-test-web-XXXXXX", NULL);
  {
    g_autofree char *p = g_build_filename (blocker, "p", NULL);

    g_assert_true (g_file_set_contents (p, "x", 1, NULL));
    mk_portfolio_set_slug (doc, "sarah-lens");
    g_assert_false (mk_html_export_web (doc, blocker, NULL, &error));
    g_assert_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE);
    g_clear_error (&error);
  }

  remove_tree (blocker);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/html/escape-table", test_escape_table);
  g_test_add_func ("/export/html/safe-url", test_safe_url);
  g_test_add_func ("/export/html/render-sample", test_render_sample);
  g_test_add_func ("/export/html/render-options", test_render_options);
  g_test_add_func ("/export/html/render-empty-sections", test_render_empty_sections);
  g_test_add_func ("/export/html/render-sections-left-out", test_render_sections_left_out);
  g_test_add_func ("/export/html/render-hostile", test_render_hostile);
  g_test_add_func ("/export/html/render-all-hostile-at-once", test_render_all_hostile_at_once);
  g_test_add_func ("/export/html/render-accent-rejected", test_render_accent_rejected);
  g_test_add_func ("/export/html/avatar-png", test_avatar_png);
  g_test_add_func ("/export/html/avatar-refused", test_avatar_refused);
  g_test_add_func ("/export/html/export-file", test_export_file);
  g_test_add_func ("/export/html/export-refuses-directory", test_export_refuses_directory);
  g_test_add_func ("/export/html/export-refuses-missing-parent", test_export_refuses_missing_parent);
  g_test_add_func ("/export/html/export-refuses-unwritable", test_export_refuses_unwritable);
  g_test_add_func ("/export/html/export-async", test_export_async);
  g_test_add_func ("/export/html/export-web", test_export_web);

  return g_test_run ();
}
