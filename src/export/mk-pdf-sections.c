/* mk-pdf-sections.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "mk-export-format.h"
#include "mk-html-escape.h"
#include "mk-pdf-private.h"

/* What goes where on the PDF pages: the same sections, in the same order
 * and with the same words as mk-html-renderer.c, laid out with the flow
 * helpers of mk-pdf-renderer.c. */

void
mk_pdf_layout_header (Flow        *flow,
                      MkPortfolio *doc)
{
  const char *name = mk_portfolio_get_display_name (doc);
  const char *slug = mk_portfolio_get_slug (doc);
  const char *bio = mk_portfolio_get_bio (doc);
  const char * const *categories = mk_portfolio_get_categories (doc);
  double column_x = flow->left + AVATAR_SIZE + 20;
  double column_width = flow->right - column_x;
  double top = flow->y;
  GArray *first_page = flow->page;
  gint64 budget_min, budget_max;
  const char *currency;
  Item *avatar;

  mk_pdf_add_item (flow, ITEM_BOX, flow->left, top, flow->right - flow->left, 5, flow->accent);
  flow->y = top + 18;

  avatar = mk_pdf_add_item (flow, ITEM_AVATAR, flow->left, flow->y, AVATAR_SIZE, AVATAR_SIZE,
                            mk_pdf_mix_with_white (flow->accent, 0.14));
  if (flow->plan->avatar == NULL)
    {
      char initial[8] = { 0, };

      /* As on the HTML page: the first letter or digit, skipping format
       * and control characters that would show nothing. */
      for (const char *p = name != NULL ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c))
            {
              g_unichar_to_utf8 (g_unichar_toupper (c), initial);
              break;
            }
        }
      avatar->layout = mk_pdf_make_layout (flow->plan->context, initial, FONT_FAMILY " Bold 32", -1);
    }

  mk_pdf_flow_text (flow, !mk_pdf_is_blank (name) ? name : _("Media Kit"), FONT_FAMILY " Bold 22",
                    COLOR_TEXT, column_x, column_width, NULL, FALSE);

  if (!mk_pdf_is_blank (slug))
    {
      g_autofree char *link = g_strconcat ("/p/", slug, NULL);

      flow->y += 2;
      mk_pdf_flow_text (flow, link, FONT_MONO " 9.5", COLOR_MUTED, column_x, column_width, NULL, FALSE);
    }

  if (!mk_pdf_is_blank (bio))
    {
      flow->y += 8;
      mk_pdf_flow_text (flow, bio, FONT_FAMILY " 11", COLOR_TEXT, column_x, column_width, NULL, FALSE);
    }

  if (categories[0] != NULL)
    {
      double x = column_x;
      double row_height = 0;

      flow->y += 10;
      for (guint i = 0; categories[i] != NULL; i++)
        {
          g_autoptr(PangoLayout) pill = mk_pdf_make_layout (flow->plan->context, categories[i],
                                                            FONT_FAMILY " 9", column_width - 20);
          double width = mk_pdf_layout_width (pill) + 20;
          double height = mk_pdf_layout_height (pill) + 6;
          Item *box;

          /* A category too long for one line is still shown, as text. */
          if (pango_layout_get_line_count (pill) > 1)
            {
              flow->y += row_height + (row_height > 0 ? 6 : 0);
              mk_pdf_flow_text (flow, categories[i], FONT_FAMILY " 9", COLOR_TEXT,
                                column_x, column_width, NULL, FALSE);
              flow->y += 6;
              x = column_x;
              row_height = 0;
              continue;
            }

          if (x + width > flow->right && x > column_x)
            {
              flow->y += row_height + 6;
              x = column_x;
              row_height = 0;
            }
          mk_pdf_flow_ensure (flow, height);

          box = mk_pdf_add_item (flow, ITEM_BOX, x, flow->y, width, height,
                                 mk_pdf_mix_with_white (flow->accent, 0.14));
          box->radius = height / 2;
          mk_pdf_add_text (flow, pill, x + 10, flow->y + 3, COLOR_TEXT, NULL);
          x += width + 6;
          row_height = MAX (row_height, height);
        }
      flow->y += row_height;
    }

  if (mk_portfolio_get_budget (doc, &budget_min, &budget_max, &currency))
    {
      g_autofree char *budget = mk_export_format_budget (budget_min, budget_max, currency);
      /* Translators: %s is a budget range such as "500–2,000 USD" */
      g_autofree char *line = g_strdup_printf (_("Budget: %s"), budget);

      flow->y += 8;
      mk_pdf_flow_text (flow, line, FONT_FAMILY " 10", COLOR_MUTED, column_x, column_width, NULL, FALSE);
    }

  if (flow->page == first_page)
    flow->y = MAX (flow->y, top + 18 + AVATAR_SIZE);
  flow->y += 14;
}

typedef struct
{
  PangoLayout *layout;
  guint32      color;
  double       space_before;
} CardLine;

static void
card_line (GArray       *lines,
           PangoContext *context,
           const char   *text,
           const char   *font,
           guint32       color,
           double        width,
           double        space_before)
{
  CardLine line = { mk_pdf_make_layout (context, text, font, width), color, space_before };

  g_array_append_val (lines, line);
}

static void
clear_card_line (gpointer data)
{
  g_clear_object (&((CardLine *) data)->layout);
}

static GArray *
stat_card (PangoContext          *context,
           const MkPortfolioStat *stat,
           double                 width)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (CardLine));
  const char *platform = mk_platform_get_display_name (stat->platform);

  g_array_set_clear_func (lines, clear_card_line);
  card_line (lines, context, platform != NULL ? platform : _("Other"),
             FONT_FAMILY " Bold 11", COLOR_TEXT, width, 0);

  if (stat->followers >= 0)
    {
      g_autofree char *count = mk_export_format_count (stat->followers);

      card_line (lines, context, count, FONT_FAMILY " Bold 20", COLOR_TEXT, width, 8);
      card_line (lines, context, _("Followers"), FONT_FAMILY " 9", COLOR_MUTED, width, 0);
    }

  if (stat->engagement_rate >= 0)
    {
      g_autofree char *rate = mk_export_format_rate (stat->engagement_rate);

      card_line (lines, context, rate, FONT_FAMILY " Bold 20", COLOR_TEXT, width, 8);
      card_line (lines, context, _("Engagement rate"), FONT_FAMILY " 9", COLOR_MUTED, width, 0);
      card_line (lines, context, mk_export_get_formula_caption (stat->platform),
                 FONT_FAMILY " 8", COLOR_MUTED, width, 3);
    }

  if (stat->as_of != NULL)
    {
      g_autofree char *date = mk_export_format_date (stat->as_of);
      /* Translators: %s is a date, e.g. "As of 24 November 2026" */
      g_autofree char *line = g_strdup_printf (_("As of %s"), date);

      card_line (lines, context, line, FONT_FAMILY " 8", COLOR_MUTED, width, 3);
    }

  return lines;
}

static double
card_height (GArray *lines)
{
  double height = 2 * CARD_PADDING + 3;

  for (guint i = 0; i < lines->len; i++)
    {
      CardLine *line = &g_array_index (lines, CardLine, i);

      height += line->space_before + mk_pdf_layout_height (line->layout);
    }

  return height;
}

void
mk_pdf_layout_stats (Flow        *flow,
                     MkPortfolio *doc)
{
  const guint columns = 3;
  double card_width = (flow->right - flow->left - (columns - 1) * CARD_GAP) / columns;
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < mk_portfolio_get_n_stats (doc); i++)
    {
      const MkPortfolioStat *stat = mk_portfolio_get_stat (doc, i);

      if (stat->followers < 0 && stat->engagement_rate < 0)
        continue;
      g_ptr_array_add (cards, stat_card (flow->plan->context, stat, card_width - 2 * CARD_PADDING));
    }

  if (cards->len == 0)
    return;

  for (guint row = 0; row * columns < cards->len; row++)
    {
      double row_height = 0;

      for (guint i = row * columns; i < MIN ((row + 1) * columns, cards->len); i++)
        row_height = MAX (row_height, card_height (g_ptr_array_index (cards, i)));

      if (row == 0)
        mk_pdf_flow_heading (flow, _("Audience"), row_height);
      else
        flow->y += CARD_GAP;
      mk_pdf_flow_ensure (flow, row_height);

      for (guint i = row * columns; i < MIN ((row + 1) * columns, cards->len); i++)
        {
          GArray *lines = g_ptr_array_index (cards, i);
          double x = flow->left + (i - row * columns) * (card_width + CARD_GAP);
          double y = flow->y + 3 + CARD_PADDING;
          Item *box;

          box = mk_pdf_add_item (flow, ITEM_BOX, x, flow->y, card_width, row_height, COLOR_SURFACE);
          box->radius = 8;
          mk_pdf_add_item (flow, ITEM_BOX, x, flow->y, card_width, 3, flow->accent);

          for (guint j = 0; j < lines->len; j++)
            {
              CardLine *line = &g_array_index (lines, CardLine, j);

              y += line->space_before;
              mk_pdf_add_text (flow, line->layout, x + CARD_PADDING, y, line->color, NULL);
              y += mk_pdf_layout_height (line->layout);
            }
        }

      flow->y += row_height;
    }
}

static char *
stars_text (double rating)
{
  GString *stars = g_string_new (NULL);
  int filled = CLAMP ((int) round (rating), 0, 5);

  for (int i = 0; i < 5; i++)
    g_string_append (stars, i < filled ? "★" : "☆");

  return g_string_free (stars, FALSE);
}

static void
layout_quote (Flow                    *flow,
              const MkPortfolioReview *review)
{
  double x = flow->left + QUOTE_INDENT;
  double width = flow->right - x;
  g_autofree char *stars = stars_text (review->rating);
  g_autoptr(PangoLayout) stars_layout = mk_pdf_make_layout (flow->plan->context, stars, FONT_FAMILY " 11", -1);
  g_autoptr(GString) caption = g_string_new (review->client_name);
  double stars_height = mk_pdf_layout_height (stars_layout);

  if (!mk_pdf_is_blank (review->project_type))
    g_string_append_printf (caption, " · %s", review->project_type);
  if (review->verified)
    g_string_append_printf (caption, " · %s", _("Verified client"));

  /* Keep the stars with the first lines of the quote. */
  flow->y += 12;
  mk_pdf_flow_ensure (flow, stars_height + 40);
  mk_pdf_add_text (flow, stars_layout, x, flow->y, COLOR_STAR, NULL);
  mk_pdf_add_item (flow, ITEM_BOX, x - QUOTE_INDENT, flow->y, 3, stars_height + 4, flow->accent);
  flow->y += stars_height + 4;

  mk_pdf_flow_text (flow, review->text, FONT_FAMILY " 11", COLOR_TEXT, x, width, NULL, TRUE);
  flow->y += 4;
  mk_pdf_flow_text (flow, caption->str, FONT_FAMILY " 9.5", COLOR_MUTED, x, width, NULL, TRUE);
}

void
mk_pdf_layout_reviews (Flow        *flow,
                       MkPortfolio *doc)
{
  guint count = mk_portfolio_get_review_count (doc);
  g_autoptr(GPtrArray) featured = NULL;
  g_autofree char *stars = NULL;
  g_autofree char *average = NULL;
  g_autofree char *count_text = NULL;
  g_autoptr(PangoLayout) stars_layout = NULL;
  g_autoptr(PangoLayout) average_layout = NULL;
  g_autoptr(PangoLayout) count_layout = NULL;
  double x, height;

  if (count == 0)
    return;

  stars = stars_text (mk_portfolio_get_review_average (doc));
  average = g_strdup_printf ("%.1f", mk_portfolio_get_review_average (doc));
  count_text = g_strdup_printf (ngettext ("%u review", "%u reviews", count), count);

  stars_layout = mk_pdf_make_layout (flow->plan->context, stars, FONT_FAMILY " 15", -1);
  average_layout = mk_pdf_make_layout (flow->plan->context, average, FONT_FAMILY " Bold 15", -1);
  count_layout = mk_pdf_make_layout (flow->plan->context, count_text, FONT_FAMILY " 11", -1);
  height = mk_pdf_layout_height (stars_layout);

  mk_pdf_flow_heading (flow, _("Reviews"), height + 60);

  /* One line, aligned on the baseline as on the HTML page. */
  x = flow->left;
  mk_pdf_add_text (flow, stars_layout, x, flow->y, COLOR_STAR, NULL);
  x += mk_pdf_layout_width (stars_layout) + 8;
  mk_pdf_add_text (flow, average_layout, x,
                   flow->y + pango_units_to_double (pango_layout_get_baseline (stars_layout) -
                                             pango_layout_get_baseline (average_layout)),
            COLOR_TEXT, NULL);
  x += mk_pdf_layout_width (average_layout) + 8;
  mk_pdf_add_text (flow, count_layout, x,
                   flow->y + pango_units_to_double (pango_layout_get_baseline (stars_layout) -
                                             pango_layout_get_baseline (count_layout)),
            COLOR_MUTED, NULL);
  flow->y += height;

  featured = mk_portfolio_dup_featured_reviews (doc);
  for (guint i = 0; i < featured->len; i++)
    layout_quote (flow, g_ptr_array_index (featured, i));
}

void
mk_pdf_layout_contact (Flow        *flow,
                       MkPortfolio *doc)
{
  const char *contact = mk_portfolio_get_contact (doc);
  g_autofree char *url = NULL;

  if (mk_pdf_is_blank (contact))
    return;

  mk_pdf_flow_heading (flow, _("Contact"), 20);

  /* Only a contact line that is one https:// address becomes a link, as on
   * the HTML page; any other scheme stays plain text. */
  url = mk_html_safe_url (contact);
  mk_pdf_flow_text (flow, contact, FONT_FAMILY " 11", url != NULL ? 0x1a5fb4 : COLOR_TEXT,
                    flow->left, flow->right - flow->left, url, FALSE);
}

void
mk_pdf_layout_footer (Flow *flow)
{
  g_autoptr(PangoLayout) layout = mk_pdf_make_layout (flow->plan->context, _("Made with Mediakit"),
                                                      FONT_FAMILY " 8.5", flow->right - flow->left);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  flow->y += SECTION_GAP;
  mk_pdf_flow_ensure (flow, mk_pdf_layout_height (layout));
  mk_pdf_add_text (flow, layout, flow->left, flow->y, COLOR_MUTED, NULL);
  flow->y += mk_pdf_layout_height (layout);
}
