/* test-pdf.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hostile-strings.h"
#include "mk-export-error.h"
#include "mk-pdf-renderer.h"
#include "mk-portfolio.h"

/* The PDF is read back with poppler's command-line tools, the way a brand's
 * viewer would read it, rather than trusting our own idea of what we drew. */

static GDateTime *
utc (int year, int month, int day)
{
  return g_date_time_new_utc (year, month, day, 12, 0, 0);
}

static MkPortfolio *
make_sample (void)
{
  MkPortfolio *doc = mk_portfolio_new ();
  g_autoptr(GDateTime) when = utc (2026, 11, 24);
  const char *categories[] = { "Travel", "Фотография", NULL };

  mk_portfolio_set_display_name (doc, "Sarah Lens");
  mk_portfolio_set_slug (doc, "sarah-lens");
  /* Latin, Cyrillic, CJK and Arabic: each needs a different font. */
  mk_portfolio_set_bio (doc, "Slow travel from Lisbon. Путешествия и фото. 旅行と写真 مرحبا بكم");
  mk_portfolio_set_categories (doc, categories);
  mk_portfolio_set_budget (doc, 500, 2000, "EUR");
  mk_portfolio_set_include_budget (doc, TRUE);
  mk_portfolio_set_contact (doc, "https://sarah.example/contact");
  mk_portfolio_add_stat (doc, MK_PLATFORM_INSTAGRAM, 48266, 4.4, when);
  mk_portfolio_add_stat (doc, MK_PLATFORM_YOUTUBE, 23754, 6.4, when);
  mk_portfolio_add_review (doc, "Lumen Skincare", "Product Review", 5,
                           "Drove our best week of sales.", TRUE, when);
  mk_portfolio_add_review (doc, "Pixel & Pine", NULL, 4,
                           "Great engagement on the carousel.", FALSE, when);

  return doc;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (poppler-utils)", name);

      g_test_skip (message);
      return FALSE;
    }

  return TRUE;
}

static char *
run_tool (const char *tool,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv_pdftotext[] = { tool, "-enc", "UTF-8", path, "-", NULL };
  const char *argv_other[] = { tool, path, NULL };
  const char * const *argv = g_str_equal (tool, "pdftotext") ? argv_pdftotext : argv_other;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static char *
export_to_temp (MkPortfolio  *doc,
                MkPaperSize   paper,
                char        **out_dir)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mk-test-pdf-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "kit.pdf", NULL);
  g_assert_true (mk_pdf_export_file (doc, paper, path, &error));
  g_assert_no_error (error);

  *out_dir = dir;
  return path;
}

static void
remove_temp (const char *dir,
             const char *path)
{
  g_unlink (path);
  g_rmdir (dir);
}

/* Whitespace-free copy, so a line break pdftotext put where the layout
 * wrapped does not hide a phrase. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

static void
assert_has_text (const char *haystack,
                 const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (haystack, squeezed) == NULL)
    g_error ("“%s” is not in the PDF text:\n%s", needle, haystack);
}

/* The PDF's objects, without the contents of its streams: dictionary keys
 * such as /JavaScript only ever appear there, while compressed streams can
 * hold any byte sequence by chance. */
static const char *
find_bytes (const char *data,
            gsize       size,
            const char *needle)
{
  gsize length = strlen (needle);

  /* Not strstr(): the streams hold NUL bytes. */
  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return data + i;

  return NULL;
}

static GString *
pdf_objects (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  GString *out = g_string_new (NULL);
  gsize i = 0;

  while (i < size)
    {
      const char *start = find_bytes (data + i, size - i, "stream");
      const char *end;

      /* "endstream" only ends a stream we already skipped. */
      if (start == NULL || (start > data && start[-1] == 'd'))
        {
          gsize stop = start == NULL ? size : (gsize) (start - data) + 6;

          for (gsize j = i; j < stop; j++)
            g_string_append_c (out, data[j] != '\0' ? data[j] : ' ');
          i = stop;
          continue;
        }

      g_string_append_len (out, data + i, start + 6 - (data + i));
      end = find_bytes (start, size - (start - data), "endstream");
      g_assert_nonnull (end);
      i = end - data;
    }

  return out;
}

static void
test_pdf_facts (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;

  if (!have_program ("pdftotext"))
    return;

  path = export_to_temp (doc, MK_PAPER_SIZE_A4, &dir);
  text = run_tool ("pdftotext", path);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  squeezed = squeeze (text);

  assert_has_text (squeezed, "Sarah Lens");
  assert_has_text (squeezed, "/p/sarah-lens");
  assert_has_text (squeezed, "Slow travel from Lisbon.");
  assert_has_text (squeezed, "Путешествия и фото.");
  assert_has_text (squeezed, "旅行と写真");
  assert_has_text (squeezed, "Фотография");
  assert_has_text (squeezed, "Budget: 500–2,000 EUR");
  assert_has_text (squeezed, "Audience");
  assert_has_text (squeezed, "Instagram");
  assert_has_text (squeezed, "48,266");
  assert_has_text (squeezed, "4.4%");
  assert_has_text (squeezed, "23,754");
  assert_has_text (squeezed, "(likes + comments) ÷ followers, over recent posts");
  assert_has_text (squeezed, "As of 24 November 2026");
  assert_has_text (squeezed, "4.5");
  assert_has_text (squeezed, "2 reviews");
  assert_has_text (squeezed, "Drove our best week of sales.");
  assert_has_text (squeezed, "Lumen Skincare · Product Review · Verified client");
  assert_has_text (squeezed, "Pixel & Pine");
  assert_has_text (squeezed, "https://sarah.example/contact");
  assert_has_text (squeezed, "Page 1 of 1");

  /* Arabic comes back in visual or logical order depending on poppler;
   * either way its letters are there, not boxes or replacement marks. */
  g_assert_nonnull (g_utf8_strchr (squeezed, -1, 0x0645));   /* ARABIC LETTER MEEM */
  g_assert_null (g_utf8_strchr (squeezed, -1, 0xfffd));

  remove_temp (dir, path);
}

static void
test_pdf_fonts_embedded (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  if (!have_program ("pdffonts"))
    return;

  path = export_to_temp (doc, MK_PAPER_SIZE_A4, &dir);
  fonts = run_tool ("pdffonts", path);
  lines = g_strsplit (fonts, "\n", -1);

  /* name type encoding emb sub uni object ID: after the two header
   * lines, every font must say "yes" to embedded. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      fields = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      n = g_strv_length (fields);
      g_assert_cmpuint (n, >=, 7);
      g_assert_cmpstr (fields[n - 5], ==, "yes");
      n_fonts++;
    }

  /* At least Latin and a CJK face; with Noto installed more. */
  g_assert_cmpuint (n_fonts, >=, 2);
  g_assert_nonnull (strstr (fonts, "CJK"));

  remove_temp (dir, path);
}

static void
check_paper (MkPaperSize  paper,
             const char  *expected)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;

  path = export_to_temp (doc, paper, &dir);
  info = run_tool ("pdfinfo", path);

  if (strstr (info, expected) == NULL)
    g_error ("expected “%s” in:\n%s", expected, info);
  g_assert_nonnull (strstr (info, "Title:           Sarah Lens — Media Kit"));
  g_assert_nonnull (strstr (info, "Author:          Sarah Lens"));
  g_assert_nonnull (strstr (info, "CreationDate:"));
  g_assert_nonnull (strstr (info, "JavaScript:      no"));

  remove_temp (dir, path);
}

static void
test_pdf_paper (void)
{
  double width, height;

  if (!have_program ("pdfinfo"))
    return;

  check_paper (MK_PAPER_SIZE_A4, "Page size:       595.276 x 841.89 pts (A4)");
  check_paper (MK_PAPER_SIZE_LETTER, "Page size:       612 x 792 pts (letter)");

  g_assert_cmpint (mk_paper_size_from_string ("a4"), ==, MK_PAPER_SIZE_A4);
  g_assert_cmpint (mk_paper_size_from_string ("letter"), ==, MK_PAPER_SIZE_LETTER);
  g_assert_cmpint (mk_paper_size_from_string ("auto"), ==, MK_PAPER_SIZE_AUTO);
  g_assert_cmpint (mk_paper_size_from_string ("tabloid"), ==, MK_PAPER_SIZE_AUTO);
  /* The tests run in C.UTF-8, whose paper is A4. */
  g_assert_cmpint (mk_paper_size_resolve (MK_PAPER_SIZE_AUTO), ==, MK_PAPER_SIZE_A4);
  mk_paper_size_get_points (MK_PAPER_SIZE_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
}

static void
test_pdf_no_actions (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(MkPortfolio) other = make_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GString) objects = NULL;
  g_autoptr(GString) plain_objects = NULL;

  pdf = mk_pdf_render (doc, MK_PAPER_SIZE_A4, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  objects = pdf_objects (pdf);
  g_assert_null (strstr (objects->str, "/JavaScript"));
  g_assert_null (strstr (objects->str, "/JS"));
  g_assert_null (strstr (objects->str, "/Launch"));
  g_assert_null (strstr (objects->str, "/OpenAction"));
  g_assert_null (strstr (objects->str, "/AA"));
  /* The https contact line is the one link. */
  g_assert_nonnull (strstr (objects->str, "/URI (https://sarah.example/contact)"));

  /* Any other scheme stays text, never a link. */
  mk_portfolio_set_contact (other, "javascript:alert(1)");
  plain = mk_pdf_render (other, MK_PAPER_SIZE_A4, &error);
  g_assert_no_error (error);
  plain_objects = pdf_objects (plain);
  g_assert_null (strstr (plain_objects->str, "/URI"));
  g_assert_null (strstr (plain_objects->str, "/JavaScript"));
  g_assert_null (strstr (plain_objects->str, "/JS"));
}

/* Printable ASCII only: pdftotext's order for bidi text and what it does
 * with U+FFFD are its business, not ours. */
static gboolean
is_plain_ascii (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7f)
      return FALSE;
  return TRUE;
}

static void
test_pdf_hostile (void)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  g_autoptr(GString) bio = g_string_new (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) categories = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GString) objects = NULL;
  guint checked = 0;

  if (!have_program ("pdftotext"))
    return;

  g_assert_cmpuint (G_N_ELEMENTS (hostile), >=, 50);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      /* The end mark keeps a final '-' off the line end, where pdftotext
       * would take it for a hyphenation and drop it. */
      g_string_append_printf (bio, "[%u]%s[end]\n", i, hostile[i]);
      g_strv_builder_add (builder, hostile[i]);
      mk_portfolio_add_review (doc, hostile[i], hostile[(i + 1) % G_N_ELEMENTS (hostile)],
                               1 + i % 5, hostile[i], i % 2, NULL);
    }
  categories = g_strv_builder_end (builder);

  mk_portfolio_set_display_name (doc, hostile[0]);
  mk_portfolio_set_bio (doc, bio->str);
  mk_portfolio_set_categories (doc, (const char * const *) categories);
  mk_portfolio_set_contact (doc, hostile[12]);
  mk_portfolio_set_max_reviews (doc, G_N_ELEMENTS (hostile));

  path = export_to_temp (doc, MK_PAPER_SIZE_LETTER, &dir);
  text = run_tool ("pdftotext", path);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  squeezed = squeeze (text);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *tagged = NULL;

      if (!is_plain_ascii (hostile[i]))
        continue;
      tagged = g_strdup_printf ("[%u]%s[end]", i, hostile[i]);
      assert_has_text (squeezed, tagged);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 40);

  /* Many pages, all numbered. */
  g_assert_nonnull (strstr (squeezed, "Page2of"));

  {
    g_autoptr(GError) error = NULL;

    pdf = mk_pdf_render (doc, MK_PAPER_SIZE_A4, &error);
    g_assert_no_error (error);
  }
  objects = pdf_objects (pdf);
  g_assert_null (strstr (objects->str, "/JavaScript"));
  g_assert_null (strstr (objects->str, "/JS"));
  g_assert_null (strstr (objects->str, "/Launch"));
  g_assert_null (strstr (objects->str, "/OpenAction"));
  g_assert_null (strstr (objects->str, "/URI"));

  remove_temp (dir, path);
}

static void
test_pdf_avatar (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) without = NULL;
  g_autoptr(GString) objects = NULL;
  g_autoptr(GString) plain_objects = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-pdf-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "avatar.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.9, 0.3, 0.2);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  without = mk_pdf_render (doc, MK_PAPER_SIZE_A4, &error);
  g_assert_no_error (error);
  plain_objects = pdf_objects (without);
  g_assert_null (strstr (plain_objects->str, "/Subtype /Image"));

  /* The picture is drawn (an image object), not the monogram. */
  mk_portfolio_set_avatar_path (doc, png);
  pdf = mk_pdf_render (doc, MK_PAPER_SIZE_A4, &error);
  g_assert_no_error (error);
  objects = pdf_objects (pdf);
  g_assert_nonnull (strstr (objects->str, "/Subtype /Image"));

  remove_temp (dir, png);
}

/* How many pixels of the first page, drawn as the preview draws it, are
 * exactly @rgb: the accent bars and pills are flat boxes of it. */
static guint
count_pixels (MkPortfolio *doc,
              guint32      rgb)
{
  g_autoptr(MkPdfPlan) plan = mk_pdf_plan_new (doc, MK_PAPER_SIZE_A4);
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint count = 0;

  mk_pdf_plan_get_page_size (plan, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  mk_pdf_render_to_cairo (plan, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                               y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        count += (row[x] & 0xffffff) == rgb;
    }

  cairo_surface_destroy (surface);
  return count;
}

/* The accent colour of Preferences → Export reaches the PDF too. */
static void
test_pdf_accent (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();

  g_assert_cmpuint (count_pixels (doc, 0x26a269), ==, 0);
  g_assert_true (mk_portfolio_set_accent_color (doc, "#26A269", NULL));
  /* The bar over the header alone is ~500 × 5 points. */
  g_assert_cmpuint (count_pixels (doc, 0x26a269), >, 2000);
}

/* One enormous bio must flow over pages, not run off the first. */
static void
test_plan_long_text (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GString) bio = g_string_new (NULL);
  g_autoptr(MkPdfPlan) plan = NULL;
  g_autoptr(MkPdfPlan) short_plan = NULL;
  double width, height;

  short_plan = mk_pdf_plan_new (doc, MK_PAPER_SIZE_A4);
  g_assert_cmpuint (mk_pdf_plan_get_n_pages (short_plan), ==, 1);

  for (guint i = 0; i < 3000; i++)
    g_string_append (bio, "word ");
  mk_portfolio_set_bio (doc, bio->str);
  plan = mk_pdf_plan_new (doc, MK_PAPER_SIZE_LETTER);
  g_assert_cmpuint (mk_pdf_plan_get_n_pages (plan), >=, 3);
  mk_pdf_plan_get_page_size (plan, &width, &height);
  g_assert_cmpfloat (width, ==, 612);

  /* Every page draws without a cairo error, here on an image surface
   * as the preview does. */
  for (guint i = 0; i < mk_pdf_plan_get_n_pages (plan); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 153, 198);
      cairo_t *cr = cairo_create (surface);

      cairo_scale (cr, 0.25, 0.25);
      mk_pdf_render_to_cairo (plan, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-pdf-XXXXXX", NULL);
  g_autofree char *in_the_way = g_build_filename (dir, "kit.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "nowhere", "kit.pdf", NULL);

  g_assert_cmpint (g_mkdir (in_the_way, 0700), ==, 0);
  g_assert_false (mk_pdf_export_file (doc, MK_PAPER_SIZE_A4, in_the_way, &error));
  g_assert_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_false (mk_pdf_export_file (doc, MK_PAPER_SIZE_A4, missing, &error));
  g_assert_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE);

  g_rmdir (in_the_way);
  g_rmdir (dir);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (mk_pdf_export_file_finish (MK_PORTFOLIO (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_pdf_async (void)
{
  g_autoptr(MkPortfolio) doc = make_sample ();
  g_autofree char *dir = g_dir_make_tmp ("mk-test-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kit.pdf", NULL);
  g_autofree char *contents = NULL;
  gboolean done = FALSE;
  gsize length = 0;

  mk_pdf_export_file_async (doc, MK_PAPER_SIZE_A4, path, NULL, on_exported, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 5, "%PDF-", 5);

  remove_temp (dir, path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/pdf/facts", test_pdf_facts);
  g_test_add_func ("/export/pdf/fonts-embedded", test_pdf_fonts_embedded);
  g_test_add_func ("/export/pdf/paper", test_pdf_paper);
  g_test_add_func ("/export/pdf/no-actions", test_pdf_no_actions);
  g_test_add_func ("/export/pdf/hostile", test_pdf_hostile);
  g_test_add_func ("/export/pdf/avatar", test_pdf_avatar);
  g_test_add_func ("/export/pdf/plan-long-text", test_plan_long_text);
  g_test_add_func ("/export/pdf/accent", test_pdf_accent);
  g_test_add_func ("/export/pdf/unwritable", test_pdf_unwritable);
  g_test_add_func ("/export/pdf/async", test_pdf_async);

  return g_test_run ();
}
