/* test-chromium.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hostile-strings.h"
#include "mk-html-renderer.h"
#include "mk-portfolio.h"

/* The exported page as a real browser sees it: headless Chromium loads the
 * file, runs whatever would run, and dumps the resulting DOM. Hostile
 * strings must come back as text, nothing may have executed, with the
 * Content-Security-Policy in place and with it cut out (so the escaping
 * alone is proven, not just the policy). A control page with a real
 * script shows scripts do run in this browser, so "nothing ran" means
 * something. One browser launch per page. */

#define TITLE "Sarah — Media Kit"
#define N_HOSTILE_REVIEWS 19
#define CSP_START "<meta http-equiv=\"Content-Security-Policy\""

static char *chromium;
static char *work_dir;

static char *
dump_dom (const char *html,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autofree char *uri = NULL;
  g_autofree char *profile = g_build_filename (work_dir, "profile", NULL);
  g_autofree char *profile_arg = g_strconcat ("--user-data-dir=", profile, NULL);
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (path, html, -1, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = {
      "timeout", "60", chromium, "--headless", "--no-sandbox", "--disable-gpu",
      "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run",
      profile_arg, "--dump-dom", uri, NULL
    };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) || out == NULL || *out == '\0')
    g_error ("%s --dump-dom failed:\n%s", chromium, err);

  return out;
}

/* Chromium serialises text with &, <, > and no-break space escaped. */
static char *
as_dom_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }

  return g_string_free (out, FALSE);
}

/* Every element in the DOM, with its attributes: none is a script or an
 * event handler, none points anywhere but data: or https:, and none was
 * added by a hostile string that ran. Text cannot hold '<' once
 * serialised, so each '<' + letter opens an element. */
static void
check_elements (const char *dom)
{
  guint n_elements = 0;

  for (const char *p = strchr (dom, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      g_autofree char *element = NULL;
      const char *q = p + 1;

      if (!g_ascii_isalpha (*q))
        continue;

      while (g_ascii_isalnum (*q) || *q == '-')
        q++;
      element = g_ascii_strdown (p + 1, q - p - 1);
      g_assert_cmpstr (element, !=, "script");
      g_assert_cmpstr (element, !=, "iframe");
      g_assert_cmpstr (element, !=, "object");
      g_assert_cmpstr (element, !=, "embed");
      g_assert_cmpstr (element, !=, "svg");
      g_assert_cmpstr (element, !=, "form");
      g_assert_cmpstr (element, !=, "base");
      n_elements++;

      /* Attributes: name, then an optional "value". */
      for (;;)
        {
          g_autofree char *attribute = NULL;
          const char *name;

          while (*q == ' ' || *q == '\n' || *q == '\t')
            q++;
          if (*q == '>' || *q == '/' || *q == '\0')
            break;

          name = q;
          while (*q != '\0' && *q != '=' && *q != ' ' && *q != '>' && *q != '/')
            q++;
          attribute = g_ascii_strdown (name, q - name);
          g_assert_false (g_str_has_prefix (attribute, "on"));
          g_assert_cmpstr (attribute, !=, "data-pwned");
          g_assert_cmpstr (attribute, !=, "style");

          if (*q == '=')
            {
              const char *end;

              g_assert_cmpint (q[1], ==, '"');
              end = strchr (q + 2, '"');
              g_assert_nonnull (end);
              if (g_str_equal (attribute, "href"))
                g_assert_true (g_str_has_prefix (q + 2, "https://"));
              if (g_str_equal (attribute, "src"))
                g_assert_true (g_str_has_prefix (q + 2, "data:image/"));
              q = end + 1;
            }
        }
    }

  g_assert_cmpuint (n_elements, >, 20);
}

#define N_HOSTILE_MEDIA 24

static MkPortfolio *
make_hostile_doc (void)
{
  MkPortfolio *doc = mk_portfolio_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autoptr(GString) bio = g_string_new (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) categories = NULL;

  g_assert_cmpuint (G_N_ELEMENTS (hostile), >=, 50);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_string_append_printf (bio, "[%u]%s[end]\n", i, hostile[i]);
      g_strv_builder_add (builder, hostile[i]);
    }

  /* A document shows at most 20 reviews: the best, below, and these 19,
   * whose names, captions (project types) and texts are all hostile. */
  for (guint i = 0; i < N_HOSTILE_REVIEWS; i++)
    mk_portfolio_add_review (doc, hostile[i], hostile[i + N_HOSTILE_REVIEWS], 1 + i % 4,
                             hostile[i + 2 * N_HOSTILE_REVIEWS], i % 2, when);
  categories = g_strv_builder_end (builder);

  mk_portfolio_set_display_name (doc, "Sarah");
  mk_portfolio_set_slug (doc, "sarah");
  mk_portfolio_set_bio (doc, bio->str);
  mk_portfolio_set_categories (doc, (const char * const *) categories);
  mk_portfolio_set_contact (doc, "<a href=\"javascript:document.title='PWNED'\">mail me</a>");
  mk_portfolio_add_stat (doc, MK_PLATFORM_INSTAGRAM, 48266, 4.4, when);
  mk_portfolio_add_review (doc, "Lumen Skincare", "Product Review", 5,
                           "Drove our best week of sales.", TRUE, when);
  mk_portfolio_set_max_reviews (doc, N_HOSTILE_REVIEWS + 1);

  /* Media captions and permalinks come from the platforms: as hostile as
   * anything a person types. */
  for (guint i = 0; i < N_HOSTILE_MEDIA; i++)
    mk_portfolio_add_media (doc, MK_PLATFORM_INSTAGRAM, MK_MEDIA_TYPE_IMAGE,
                            hostile[i + 3], hostile[i], 10, 2, -1, when, NULL);
  mk_portfolio_set_max_media (doc, N_HOSTILE_MEDIA);

  return doc;
}

static gboolean
is_plain (const char *s)
{
  /* Strings the page changes on purpose (controls and noncharacters to
   * U+FFFD) or that are only blank are left to test-html. */
  if (*s == '\0' || !g_utf8_validate (s, -1, NULL))
    return FALSE;
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0xfdd0 && c <= 0xfdef) ||
          (c & 0xfffe) == 0xfffe)
        return FALSE;
    }
  return TRUE;
}

static void
check_dom (const char *dom,
           gboolean    with_csp)
{
  guint checked = 0;

  g_assert_nonnull (strstr (dom, "<title>" TITLE "</title>"));
  g_assert_null (strstr (dom, "PWNED</title>"));
  {
    g_autofree char *lower = g_ascii_strdown (dom, -1);

    g_assert_null (strstr (lower, "<script"));
  }
  check_elements (dom);

  if (with_csp)
    g_assert_nonnull (strstr (dom, CSP_START));
  else
    g_assert_null (strstr (dom, CSP_START));

  /* The facts. */
  g_assert_nonnull (strstr (dom, "<h1 dir=\"auto\">Sarah</h1>"));
  g_assert_nonnull (strstr (dom, "48,266"));
  g_assert_nonnull (strstr (dom, "4.4%"));
  g_assert_nonnull (strstr (dom, "Drove our best week of sales."));
  g_assert_nonnull (strstr (dom, "Lumen Skincare"));

  /* Each hostile string, as text, exactly. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *tagged = NULL;
      g_autofree char *text = NULL;

      if (!is_plain (hostile[i]))
        continue;
      tagged = g_strdup_printf ("[%u]%s[end]", i, hostile[i]);
      text = as_dom_text (tagged);
      if (strstr (dom, text) == NULL)
        g_error ("hostile string %u is not in the DOM as text: %s", i, text);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 50);

  /* And in the reviews, in their places. */
  for (guint i = 0; i < N_HOSTILE_REVIEWS; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;

      if (is_plain (hostile[i]))
        {
          g_autofree char *escaped = as_dom_text (hostile[i]);

          name = g_strdup_printf ("<bdi class=\"client\" dir=\"auto\">%s</bdi>", escaped);
          if (strstr (dom, name) == NULL)
            g_error ("review name %u is not in the DOM as text: %s", i, name);
        }
      if (is_plain (hostile[i + 2 * N_HOSTILE_REVIEWS]))
        {
          g_autofree char *escaped = as_dom_text (hostile[i + 2 * N_HOSTILE_REVIEWS]);

          text = g_strdup_printf ("<blockquote dir=\"auto\">%s</blockquote>", escaped);
          if (strstr (dom, text) == NULL)
            g_error ("review text %u is not in the DOM as text: %s", i, text);
        }
    }

  /* And the media captions (short ones: long ones are cut on purpose). */
  for (guint i = 0; i < N_HOSTILE_MEDIA; i++)
    {
      const char *caption = hostile[i + 3];
      g_autofree char *stripped = g_strstrip (g_strdup (caption));

      if (is_plain (caption) && g_utf8_strlen (caption, -1) < 120 && *stripped != '\0')
        {
          g_autofree char *escaped = as_dom_text (caption);
          g_autofree char *tile = g_strdup_printf ("<p class=\"caption\" dir=\"auto\">%s</p>", escaped);

          if (strstr (dom, tile) == NULL)
            g_error ("media caption %u is not in the DOM as text: %s", i, tile);
        }
    }
}

static void
test_scripts_run_here (void)
{
  /* The control: if this browser did not run scripts at all, the checks
   * below would pass for the wrong reason. */
  g_autofree char *dom = dump_dom ("<!DOCTYPE html><html><head><title>Before</title></head>"
                                   "<body><script>document.title='PWNED'</script></body></html>",
                                   "control.html");

  g_assert_nonnull (strstr (dom, "<title>PWNED</title>"));
}

static void
test_hostile_with_csp (void)
{
  g_autoptr(MkPortfolio) doc = make_hostile_doc ();
  g_autofree char *html = mk_html_render (doc, NULL);
  g_autofree char *dom = dump_dom (html, "with-csp.html");

  check_dom (dom, TRUE);
}

static void
test_hostile_without_csp (void)
{
  g_autoptr(MkPortfolio) doc = make_hostile_doc ();
  g_autofree char *html = mk_html_render (doc, NULL);
  g_autofree char *dom = NULL;
  char *meta = strstr (html, CSP_START);
  char *end;

  /* Cut the policy out, leaving the rest byte for byte. */
  g_assert_nonnull (meta);
  end = strchr (meta, '>');
  g_assert_nonnull (end);
  memmove (meta, end + 1, strlen (end + 1) + 1);
  g_assert_null (strstr (html, "Content-Security-Policy"));

  dom = dump_dom (html, "without-csp.html");
  check_dom (dom, FALSE);
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

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  const char * const names[] = { "chromium", "chromium-browser", "google-chrome", NULL };
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; chromium == NULL && names[i] != NULL; i++)
    chromium = g_find_program_in_path (names[i]);
  if (chromium == NULL)
    {
      g_printerr ("chromium is not installed; skipping the browser tests\n");
      return 77;
    }

  work_dir = g_dir_make_tmp ("mk-test-chromium-XXXXXX", NULL);
  g_assert_nonnull (work_dir);

  g_test_add_func ("/export/chromium/scripts-run-here", test_scripts_run_here);
  g_test_add_func ("/export/chromium/hostile-with-csp", test_hostile_with_csp);
  g_test_add_func ("/export/chromium/hostile-without-csp", test_hostile_without_csp);

  status = g_test_run ();

  remove_tree (work_dir);
  g_free (work_dir);
  g_free (chromium);

  return status;
}
