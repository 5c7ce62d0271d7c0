/* mk-html-renderer.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mk-export-error.h"
#include "mk-export-file.h"
#include "mk-export-format.h"
#include "mk-html-escape.h"
#include "mk-html-renderer.h"

/* Nothing may load: no script, no font, no remote picture, no form; the
 * avatar is a data: URI and the style sheet is inline. */
#define CONTENT_SECURITY_POLICY \
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; " \
  "base-uri 'none'; form-action 'none'"

/* The accent is only decoration (borders, pills); text keeps the neutral
 * colours so any accent stays readable in light, dark and print. */
static const char style_sheet[] =
  "*{box-sizing:border-box}"
  "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
  ":root{--bg:#f6f5f4;--surface:#fff;--text:#241f31;--muted:#5e5c64;"
  "--border:rgba(0,0,0,.1);--star:#c88800;color-scheme:light dark}"
  "@media (prefers-color-scheme:dark){:root{--bg:#1d1d20;--surface:#2b2b30;"
  "--text:#f6f5f4;--muted:#b8b6be;--border:rgba(255,255,255,.12);--star:#f6d32d}}"
  "body{margin:0;background:var(--bg);color:var(--text);"
  "font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Cantarell,\"Noto Sans\",Roboto,sans-serif;"
  "overflow-wrap:anywhere}"
  ".page{max-width:960px;margin:0 auto;padding:2rem 1.25rem 1rem}"
  ".profile{display:grid;grid-template-columns:auto 1fr;gap:1.5rem;align-items:center;"
  "background:var(--surface);border:1px solid var(--border);border-top:6px solid var(--accent);"
  "border-radius:16px;padding:1.75rem}"
  ".avatar{width:128px;height:128px;border-radius:50%;object-fit:cover;display:block;"
  "background:var(--accent-soft)}"
  ".initial{display:grid;place-items:center;font-size:3rem;font-weight:700}"
  "h1{margin:0;font-size:2rem;line-height:1.2}"
  ".slug{margin:.25rem 0 0;color:var(--muted);font-family:ui-monospace,\"DejaVu Sans Mono\",monospace}"
  ".bio{margin:.75rem 0 0;white-space:pre-line}"
  ".pills{list-style:none;margin:1rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}"
  ".pills li{background:var(--accent-soft);border:1px solid var(--accent);border-radius:999px;"
  "padding:.125rem .75rem;font-size:.875rem}"
  ".budget{margin:.75rem 0 0;color:var(--muted)}"
  "section{margin-top:2rem}"
  "h2{font-size:1.25rem;margin:0 0 1rem}"
  ".cards,.quotes{display:grid;gap:1rem}"
  ".cards{grid-template-columns:repeat(auto-fit,minmax(220px,1fr))}"
  ".quotes{grid-template-columns:repeat(auto-fit,minmax(280px,1fr))}"
  ".card,.quote,.contact p{background:var(--surface);border:1px solid var(--border);"
  "border-radius:12px;padding:1.25rem;break-inside:avoid}"
  ".card{border-top:4px solid var(--accent)}"
  ".card h3{margin:0 0 .75rem;font-size:1rem}"
  ".figure{margin:0 0 .5rem;display:flex;flex-direction:column}"
  ".value{font-size:2rem;font-weight:700;line-height:1.15;font-variant-numeric:tabular-nums}"
  ".label,.caption,.as-of,figcaption{color:var(--muted);font-size:.875rem}"
  ".caption,.as-of{margin:.25rem 0 0;font-size:.8125rem}"
  ".summary{display:flex;align-items:baseline;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem}"
  ".average{font-size:1.5rem;font-weight:700}"
  ".stars{color:var(--star);letter-spacing:.1em}"
  ".summary .stars{font-size:1.375rem}"
  ".quote{margin:0;display:flex;flex-direction:column;gap:.5rem;border-left:4px solid var(--accent)}"
  "blockquote{margin:0;white-space:pre-line}"
  ".client{color:var(--text);font-weight:600}"
  ".contact p{margin:0}"
  ".tiles{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(260px,1fr))}"
  ".tile{margin:0;background:var(--surface);border:1px solid var(--border);border-radius:12px;"
  "overflow:hidden;display:flex;flex-direction:column;break-inside:avoid}"
  ".thumb{display:block;width:100%;aspect-ratio:1;object-fit:cover;background:var(--accent-soft)}"
  ".tile-body{padding:.75rem 1rem 1rem;display:flex;flex-direction:column;gap:.25rem}"
  ".badge{margin:0;font-size:.75rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;"
  "color:var(--muted)}"
  ".tile .caption{margin:0;color:var(--text);font-size:.875rem}"
  ".counts{margin:0;color:var(--muted);font-size:.8125rem;font-variant-numeric:tabular-nums}"
  "a{color:inherit;text-decoration-color:var(--accent);text-decoration-thickness:2px}"
  "footer{margin:2.5rem 0 1rem;text-align:center;color:var(--muted);font-size:.8125rem}"
  "@media (max-width:600px){.page{padding:1rem .75rem}"
  ".profile{grid-template-columns:1fr;justify-items:center;text-align:center;padding:1.25rem}"
  ".pills{justify-content:center}.avatar{width:96px;height:96px}h1{font-size:1.625rem}"
  ".value{font-size:1.75rem}}"
  "@media print{:root{--bg:#fff;--surface:#fff;--text:#000;--muted:#444;--border:#bbb;--star:#8a6100}"
  "@page{margin:15mm}body{font-size:11pt}.page{max-width:none;padding:0}"
  "h2,.summary{break-after:avoid}.profile{break-inside:avoid}}";

static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *escaped = mk_html_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
append_attr (GString    *out,
             const char *text)
{
  g_autofree char *escaped = mk_html_escape_attr (text, -1);

  g_string_append (out, escaped);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
append_stars (GString *out,
              double   rating)
{
  g_autofree char *label = NULL;
  int filled = CLAMP ((int) round (rating), 0, 5);

  /* Translators: the accessible name of a row of stars, e.g. "4.5 out of 5 stars" */
  label = g_strdup_printf (_("%.1f out of 5 stars"), rating);

  g_string_append (out, "<span class=\"stars\" role=\"img\" aria-label=\"");
  append_attr (out, label);
  g_string_append (out, "\">");
  for (int i = 0; i < 5; i++)
    g_string_append (out, i < filled ? "★" : "☆");
  g_string_append (out, "</span>");
}

static void
append_head (GString     *out,
             MkPortfolio *doc)
{
  const char *name = mk_portfolio_get_display_name (doc);
  const char *accent = mk_portfolio_get_accent_color (doc);
  g_autofree char *title = NULL;
  guint r, g, b;

  if (!is_blank (name))
    /* Translators: the title of the exported page; %s is the creator's name */
    title = g_strdup_printf (_("%s — Media Kit"), name);
  else
    title = g_strdup (_("Media Kit"));

  /* MkPortfolio only holds "#rrggbb", so this cannot fail. */
  if (sscanf (accent, "#%02x%02x%02x", &r, &g, &b) != 3)
    g_return_if_reached ();

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  append_attr (out, mk_portfolio_get_language (doc));
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\""
                        CONTENT_SECURITY_POLICY "\">\n"
                        "<meta name=\"referrer\" content=\"no-referrer\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"color-scheme\" content=\"light dark\">\n"
                        "<title>");
  append_text (out, title);
  g_string_append (out, "</title>\n<style>");
  g_string_append_printf (out, ":root{--accent:#%02x%02x%02x;--accent-soft:rgba(%u,%u,%u,.14)}",
                          r, g, b, r, g, b);
  g_string_append (out, style_sheet);
  g_string_append (out, "</style>\n</head>\n");
}

static void
append_avatar (GString     *out,
               MkPortfolio *doc,
               const char  *name)
{
  g_autoptr(GBytes) avatar = NULL;
  const char *mime_type = NULL;

  avatar = mk_portfolio_load_avatar (doc, &mime_type);
  if (avatar != NULL)
    {
      g_autofree char *base64 = NULL;
      gsize size = 0;
      const guchar *data = g_bytes_get_data (avatar, &size);

      base64 = g_base64_encode (data, size);
      /* mime_type is one of three constants, base64 has no quote. */
      g_string_append_printf (out, "<img class=\"avatar\" width=\"128\" height=\"128\" "
                                   "src=\"data:%s;base64,%s\" dir=\"auto\" alt=\"",
                              mime_type, base64);
      append_attr (out, name);
      g_string_append (out, "\">\n");
    }
  else
    {
      char initial[8] = { 0, };

      /* A monogram keeps the header's shape; screen readers get the name
       * from the heading next to it. Format and control characters
       * (U+202E…) are skipped: they would show nothing or turn the page. */
      for (const char *p = name != NULL ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c))
            {
              g_unichar_to_utf8 (g_unichar_toupper (c), initial);
              break;
            }
        }

      g_string_append (out, "<div class=\"avatar initial\" aria-hidden=\"true\">");
      append_text (out, initial);
      g_string_append (out, "</div>\n");
    }
}

static void
append_header (GString     *out,
               MkPortfolio *doc)
{
  const char *name = mk_portfolio_get_display_name (doc);
  const char *slug = mk_portfolio_get_slug (doc);
  const char *bio = mk_portfolio_get_bio (doc);
  const char * const *categories = mk_portfolio_get_categories (doc);
  gint64 budget_min, budget_max;
  const char *currency;

  g_string_append (out, "<header class=\"profile\">\n");
  append_avatar (out, doc, name);
  g_string_append (out, "<div class=\"identity\">\n<h1 dir=\"auto\">");
  append_text (out, !is_blank (name) ? name : _("Media Kit"));
  g_string_append (out, "</h1>\n");

  if (!is_blank (slug))
    {
      g_autofree char *link = g_strconcat ("/p/", slug, NULL);

      g_string_append (out, "<p class=\"slug\" dir=\"auto\">");
      append_text (out, link);
      g_string_append (out, "</p>\n");
    }

  if (!is_blank (bio))
    {
      g_string_append (out, "<p class=\"bio\" dir=\"auto\">");
      append_text (out, bio);
      g_string_append (out, "</p>\n");
    }

  if (categories[0] != NULL)
    {
      g_string_append (out, "<ul class=\"pills\" aria-label=\"");
      append_attr (out, _("Categories"));
      g_string_append (out, "\">");
      for (guint i = 0; categories[i] != NULL; i++)
        {
          g_string_append (out, "<li dir=\"auto\">");
          append_text (out, categories[i]);
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul>\n");
    }

  if (mk_portfolio_get_budget (doc, &budget_min, &budget_max, &currency))
    {
      g_autofree char *budget = mk_export_format_budget (budget_min, budget_max, currency);
      /* Translators: %s is a budget range such as "500–2,000 USD" */
      g_autofree char *line = g_strdup_printf (_("Budget: %s"), budget);

      g_string_append (out, "<p class=\"budget\">");
      append_text (out, line);
      g_string_append (out, "</p>\n");
    }

  g_string_append (out, "</div>\n</header>\n");
}

static void
append_figure (GString    *out,
               const char *value,
               const char *label)
{
  g_string_append (out, "<p class=\"figure\"><span class=\"value\">");
  append_text (out, value);
  g_string_append (out, "</span><span class=\"label\">");
  append_text (out, label);
  g_string_append (out, "</span></p>\n");
}

static void
append_stats (GString     *out,
              MkPortfolio *doc)
{
  gboolean opened = FALSE;

  for (guint i = 0; i < mk_portfolio_get_n_stats (doc); i++)
    {
      const MkPortfolioStat *stat = mk_portfolio_get_stat (doc, i);
      const char *platform = mk_platform_get_display_name (stat->platform);

      if (stat->followers < 0 && stat->engagement_rate < 0)
        continue;

      if (!opened)
        {
          g_string_append (out, "<section class=\"stats\" aria-labelledby=\"stats-title\">\n"
                                "<h2 id=\"stats-title\">");
          append_text (out, _("Audience"));
          g_string_append (out, "</h2>\n<div class=\"cards\">\n");
          opened = TRUE;
        }

      g_string_append (out, "<article class=\"card\">\n<h3>");
      append_text (out, platform != NULL ? platform : _("Other"));
      g_string_append (out, "</h3>\n");

      if (stat->followers >= 0)
        {
          g_autofree char *count = mk_export_format_count (stat->followers);

          append_figure (out, count, _("Followers"));
        }

      if (stat->engagement_rate >= 0)
        {
          g_autofree char *rate = mk_export_format_rate (stat->engagement_rate);

          append_figure (out, rate, _("Engagement rate"));
          g_string_append (out, "<p class=\"caption\">");
          append_text (out, mk_export_get_formula_caption (stat->platform));
          g_string_append (out, "</p>\n");
        }

      if (stat->as_of != NULL)
        {
          g_autofree char *date = mk_export_format_date (stat->as_of);
          /* Translators: %s is a date, e.g. "As of 24 November 2026" */
          g_autofree char *line = g_strdup_printf (_("As of %s"), date);

          g_string_append (out, "<p class=\"as-of\">");
          append_text (out, line);
          g_string_append (out, "</p>\n");
        }

      g_string_append (out, "</article>\n");
    }

  if (opened)
    g_string_append (out, "</div>\n</section>\n");
}

static void
append_tile (GString                *out,
             MkPortfolio            *doc,
             guint                   index)
{
  const MkPortfolioMedia *media = mk_portfolio_get_media (doc, index);
  const char *platform = mk_platform_get_display_name (media->platform);
  g_autofree char *caption = mk_export_format_caption (media->caption);
  g_autofree char *counts = mk_export_format_media_counts (media);
  g_autofree char *badge = mk_export_format_media_badge (media);
  g_autofree char *url = mk_html_safe_url (media->permalink);
  g_autoptr(GBytes) thumbnail = NULL;
  const char *mime_type = NULL;

  g_string_append (out, "<article class=\"tile\">\n");

  thumbnail = mk_portfolio_load_thumbnail (doc, index, &mime_type);
  if (thumbnail != NULL)
    {
      gsize size = 0;
      const guchar *data = g_bytes_get_data (thumbnail, &size);
      g_autofree char *base64 = g_base64_encode (data, size);

      /* The caption is right below: the picture adds nothing for a screen
       * reader that the text does not say. */
      g_string_append_printf (out, "<img class=\"thumb\" alt=\"\" "
                                   "src=\"data:%s;base64,%s\">\n", mime_type, base64);
    }
  else
    g_string_append (out, "<div class=\"thumb\" aria-hidden=\"true\"></div>\n");

  g_string_append (out, "<div class=\"tile-body\">\n<p class=\"badge\">");
  append_text (out, badge);
  g_string_append (out, "</p>\n");

  if (!is_blank (caption))
    {
      g_string_append (out, "<p class=\"caption\" dir=\"auto\">");
      append_text (out, caption);
      g_string_append (out, "</p>\n");
    }

  if (*counts != '\0')
    {
      g_string_append (out, "<p class=\"counts\">");
      append_text (out, counts);
      g_string_append (out, "</p>\n");
    }

  if (url != NULL)
    {
      /* Translators: %s is a platform name such as "Instagram" */
      g_autofree char *label = g_strdup_printf (_("View on %s"),
                                                platform != NULL ? platform : _("the web"));

      g_string_append (out, "<p class=\"counts\"><a rel=\"noopener noreferrer\" href=\"");
      append_attr (out, url);
      g_string_append (out, "\">");
      append_text (out, label);
      g_string_append (out, "</a></p>\n");
    }

  g_string_append (out, "</div>\n</article>\n");
}

static void
append_media (GString     *out,
              MkPortfolio *doc)
{
  guint n_media = mk_portfolio_get_n_media (doc);

  if (n_media == 0)
    return;

  g_string_append (out, "<section class=\"media\" aria-labelledby=\"media-title\">\n"
                        "<h2 id=\"media-title\">");
  append_text (out, _("Top Media"));
  g_string_append (out, "</h2>\n<div class=\"tiles\">\n");

  for (guint i = 0; i < n_media; i++)
    append_tile (out, doc, i);

  g_string_append (out, "</div>\n</section>\n");
}

static void
append_quote (GString                 *out,
              const MkPortfolioReview *review)
{
  g_string_append (out, "<figure class=\"quote\">\n");
  append_stars (out, review->rating);
  g_string_append (out, "\n<blockquote dir=\"auto\">");
  append_text (out, review->text);
  g_string_append (out, "</blockquote>\n<figcaption><bdi class=\"client\" dir=\"auto\">");
  append_text (out, review->client_name);
  g_string_append (out, "</bdi>");

  if (!is_blank (review->project_type))
    {
      g_string_append (out, " · <bdi dir=\"auto\">");
      append_text (out, review->project_type);
      g_string_append (out, "</bdi>");
    }

  if (review->verified)
    {
      g_string_append (out, " · ");
      append_text (out, _("Verified client"));
    }

  g_string_append (out, "</figcaption>\n</figure>\n");
}

static void
append_reviews (GString     *out,
                MkPortfolio *doc)
{
  guint count = mk_portfolio_get_review_count (doc);
  double average = mk_portfolio_get_review_average (doc);
  g_autoptr(GPtrArray) featured = NULL;
  g_autofree char *average_text = NULL;
  g_autofree char *count_text = NULL;

  if (count == 0)
    return;

  average_text = g_strdup_printf ("%.1f", average);
  count_text = g_strdup_printf (ngettext ("%u review", "%u reviews", count), count);

  g_string_append (out, "<section class=\"reviews\" aria-labelledby=\"reviews-title\">\n"
                        "<h2 id=\"reviews-title\">");
  append_text (out, _("Reviews"));
  g_string_append (out, "</h2>\n<p class=\"summary\">");
  append_stars (out, average);
  g_string_append (out, "<span class=\"average\">");
  append_text (out, average_text);
  g_string_append (out, "</span><span class=\"count\">");
  append_text (out, count_text);
  g_string_append (out, "</span></p>\n");

  featured = mk_portfolio_dup_featured_reviews (doc);
  if (featured->len > 0)
    {
      g_string_append (out, "<div class=\"quotes\">\n");
      for (guint i = 0; i < featured->len; i++)
        append_quote (out, g_ptr_array_index (featured, i));
      g_string_append (out, "</div>\n");
    }

  g_string_append (out, "</section>\n");
}

static void
append_contact (GString     *out,
                MkPortfolio *doc)
{
  const char *contact = mk_portfolio_get_contact (doc);
  g_autofree char *url = NULL;

  if (is_blank (contact))
    return;

  g_string_append (out, "<section class=\"contact\" aria-labelledby=\"contact-title\">\n"
                        "<h2 id=\"contact-title\">");
  append_text (out, _("Contact"));
  g_string_append (out, "</h2>\n<p dir=\"auto\">");

  /* A contact line that is one web address becomes a link; anything else,
   * including other schemes, stays plain text. */
  url = mk_html_safe_url (contact);
  if (url != NULL)
    {
      g_string_append (out, "<a href=\"");
      append_attr (out, url);
      g_string_append (out, "\" rel=\"noopener noreferrer\" dir=\"auto\">");
      append_text (out, contact);
      g_string_append (out, "</a>");
    }
  else
    {
      append_text (out, contact);
    }

  g_string_append (out, "</p>\n</section>\n");
}

char *
mk_html_render (MkPortfolio  *doc,
                GError      **error)
{
  GString *out;

  g_return_val_if_fail (MK_IS_PORTFOLIO (doc), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_string_sized_new (16 * 1024);

  append_head (out, doc);
  g_string_append (out, "<body>\n<div class=\"page\">\n");
  append_header (out, doc);
  g_string_append (out, "<main>\n");
  append_stats (out, doc);
  append_media (out, doc);
  append_reviews (out, doc);
  append_contact (out, doc);
  g_string_append (out, "</main>\n<footer>");
  append_text (out, _("Made with Mediakit"));
  g_string_append (out, "</footer>\n</div>\n</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

gboolean
mk_html_export_file (MkPortfolio  *doc,
                     const char   *path,
                     GError      **error)
{
  g_autofree char *html = NULL;

  g_return_val_if_fail (MK_IS_PORTFOLIO (doc), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  html = mk_html_render (doc, error);
  if (html == NULL)
    return FALSE;

  return mk_export_write_file (path, html, strlen (html), error);
}

static gboolean
is_folder_name (const char *slug)
{
  if (slug == NULL || slug[0] == '\0' || slug[0] == '.' || strlen (slug) > 200)
    return FALSE;

  for (const char *p = slug; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;

  return TRUE;
}

gboolean
mk_html_export_web (MkPortfolio  *doc,
                    const char   *folder,
                    char        **out_path,
                    GError      **error)
{
  const char *slug;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (MK_IS_PORTFOLIO (doc), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  slug = mk_portfolio_get_slug (doc);
  if (!is_folder_name (slug))
    {
      g_autofree char *shown = g_utf8_make_valid (slug != NULL ? slug : "", -1);

      g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_INVALID_OPTION,
                   _("The profile address “%s” cannot be used as a folder name; "
                     "use only letters, digits and dashes"), shown);
      return FALSE;
    }

  dir = g_build_filename (folder, "p", slug, NULL);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE,
                   _("Could not create the folder “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }

  path = g_build_filename (dir, "index.html", NULL);
  if (!mk_html_export_file (doc, path, error))
    return FALSE;

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return TRUE;
}

static void
export_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (mk_html_export_file (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mk_html_export_file_async (MkPortfolio         *doc,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MK_IS_PORTFOLIO (doc));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (doc, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_html_export_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, export_file_thread);
}

gboolean
mk_html_export_file_finish (MkPortfolio   *doc,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (doc), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, doc), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_html_export_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
