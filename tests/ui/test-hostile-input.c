/* test-hostile-input.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of the four forms (calendar entry, review, profile, sign-up)
 * under Xvfb, fed what people paste: over-long text, control characters,
 * invisible-only text, RTL overrides, zero-width joiners, emoji, budgets
 * past 64 bits, dates and times at DST changes. Each case ends either in an
 * inline error beside its field with nothing written, or in a saved row that
 * reads back from SQLite exactly as typed; never in a crash or a half-saved
 * row. (Text that is not UTF-8 cannot reach a GtkEditable; the validation
 * layer's own test, tests/core/test-hostile-input.c, covers raw bytes.)
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "account/mk-account-window.h"
#include "calendar/mk-entry-dialog.h"
#include "mk-account-service.h"
#include "mk-context.h"
#include "mk-validate.h"
#include "profile/mk-profile-editor.h"
#include "profile/mk-tag-entry.h"
#include "reviews/mk-review-dialog.h"
#include "reviews/mk-reviews-model.h"
#include "ui-test-app.h"

static AdwApplication *app;

typedef struct {
  char      *dir;
  char      *db_path;
  MkContext *context;
  char      *user_id;
} Fixture;

/* Valid, hostile text that must come back byte for byte. */
#define RTL_OVERRIDE "\u202egnp.exe"
#define ZWJ_FAMILY   "👩‍👩‍👧‍👦 Family"
#define EMOJI_MIX    "🎬 Café ☕ 🇩🇪 👍🏽"
#define SHOUTING     "<b>'); DROP TABLE reviews;--%s%n"

static char *
repeat (const char *unit,
        guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkUser) user = mk_user_new ();

  f->dir = g_dir_make_tmp ("mk-test-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "mediakit.db", NULL);
  f->context = mk_context_new (f->dir, &error);
  g_assert_no_error (error);

  if (data == NULL)
    {
      mk_user_set_email (user, "hostile@example.com");
      mk_user_set_password_hash (user, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo");
      g_assert_true (mk_store_users_insert (mk_context_get_store (f->context), user, &error));
      g_assert_no_error (error);
      f->user_id = g_strdup (mk_user_get_id (user));
      mk_context_set_user_id (f->context, f->user_id);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->context);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->user_id);
}

/* What SQLite itself holds, on a connection of our own. */
static char **
db_row (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GPtrArray *row = g_ptr_array_new ();

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      g_ptr_array_add (row, g_strdup ((const char *) sqlite3_column_text (stmt, i)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_ptr_array_add (row, NULL);
  return (char **) g_ptr_array_free (row, FALSE);
}

static int
db_count (Fixture    *f,
          const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_auto(GStrv) row = db_row (f, sql);

  return atoi (row[0]);
}

static void
settle (void)
{
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
run_until_null (gpointer *weak,
                guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (*weak != NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return *weak == NULL;
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GtkWidget *found = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));

  g_assert_nonnull (found);
  return found;
}

static void
set_text (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* An entry row that shows its error in its title, coloured. */
static void
assert_row_error (GtkWidget  *row,
                  const char *title)
{
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  if (ADW_IS_PREFERENCES_ROW (row))
    {
      const char *message = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      g_assert_cmpstr (message, !=, title);
      g_assert_cmpstr (message, !=, "");
    }
}

typedef struct {
  const char *field;     /* template child */
  const char *text;      /* NULL: built by the test (long text) */
  const char *column;    /* the column it lands in */
  const char *stored;    /* what reads back; NULL: an inline error */
} FormCase;

/* The entry dialog ------------------------------------------------------- */

static const FormCase entry_cases[] = {
  { "brand_row", "Acme\x1b[2J", "brand_name", NULL },
  { "brand_row", "Acme\u2028Coffee", "brand_name", NULL },
  { "brand_row", "\u200b\u200d", "brand_name", NULL },
  { "brand_row", "\u202e", "brand_name", NULL },
  { "brand_row", RTL_OVERRIDE, "brand_name", RTL_OVERRIDE },
  { "brand_row", ZWJ_FAMILY, "brand_name", ZWJ_FAMILY },
  { "brand_row", "  " EMOJI_MIX "  ", "brand_name", EMOJI_MIX },
  { "brand_row", SHOUTING, "brand_name", SHOUTING },
  { "campaign_row", "Spring\x7f", "campaign_name", NULL },
  { "campaign_row", "Spring\u2029Launch", "campaign_name", NULL },
  { "campaign_row", ZWJ_FAMILY, "campaign_name", ZWJ_FAMILY },
  { "location_row", "Studio\x01" "4", "location", NULL },
  { "location_row", RTL_OVERRIDE, "location", RTL_OVERRIDE },
  { "notes_view", "Bring \x1b[31mlights", "notes", NULL },
  { "notes_view", "Bring\xC2\x85lights", "notes", NULL },
  { "notes_view", "one\ntwo\r\n\tthree " RTL_OVERRIDE " " ZWJ_FAMILY, "notes",
    "one\ntwo\r\n\tthree " RTL_OVERRIDE " " ZWJ_FAMILY },
  /* Wall-clock times on the days Europe/Berlin (TZ here) skips and
   * repeats an hour are kept as typed. */
  { "time_row", "02:30", "time", "02:30" },
  { "time_row", "24:00", "time", NULL },
  { "time_row", "02:30\u200b", "time", NULL },
  { "time_row", "٠٢:٣٠", "time", NULL },
  { "date_row", "2026-10-25", "date", "2026-10-25" },
  { "date_row", "2026-02-29", "date", NULL },
  { "date_row", "2026-03-29T02:30", "date", NULL },
  { "date_row", "２０２６-03-29", "date", NULL },
};

static void
run_entry_case (Fixture        *f,
                const FormCase *c,
                const char     *text)
{
  MkStore *store = mk_context_get_store (f->context);
  MkEntryDialog *dialog = mk_entry_dialog_new (NULL, store, f->user_id, "2026-03-29", NULL);
  gpointer weak = dialog;
  GtkWidget *row = child (dialog, MK_TYPE_ENTRY_DIALOG, c->field);
  g_autofree char *title = NULL;
  int before = db_count (f, "calendar_entries");

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  settle ();

  if (ADW_IS_PREFERENCES_ROW (row))
    title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  if (g_strcmp0 (c->field, "brand_row") != 0)
    set_text (child (dialog, MK_TYPE_ENTRY_DIALOG, "brand_row"), "Acme");
  set_text (row, text);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL);
  settle ();

  if (c->stored == NULL)
    {
      g_assert_nonnull (weak);
      assert_row_error (row, title);
      g_assert_cmpint (db_count (f, "calendar_entries"), ==, before);
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_true (run_until_null (&weak, 2000));
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM calendar_entries ORDER BY rowid DESC LIMIT 1",
                                              c->column);
      g_auto(GStrv) stored = NULL;

      g_assert_true (run_until_null (&weak, 2000));
      g_assert_cmpint (db_count (f, "calendar_entries"), ==, before + 1);
      stored = db_row (f, sql);
      g_assert_cmpstr (stored[0], ==, c->stored);
    }
}

static void
test_entry_dialog (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *brand_100 = repeat ("🎬", 100);
  g_autofree char *brand_101 = repeat ("🎬", 101);
  g_autofree char *campaign_201 = repeat ("x", 201);
  g_autofree char *notes_long = repeat ("👩‍👩‍👧 ", 20000);
  const FormCase long_cases[] = {
    { "brand_row", brand_100, "brand_name", brand_100 },
    { "brand_row", brand_101, "brand_name", NULL },
    { "campaign_row", campaign_201, "campaign_name", NULL },
    { "notes_view", notes_long, "notes", NULL /* set below */ },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entry_cases); i++)
    {
      g_test_message ("entry case %u: %s = %s", i, entry_cases[i].field, entry_cases[i].text);
      run_entry_case (f, &entry_cases[i], entry_cases[i].text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (long_cases); i++)
    {
      FormCase c = long_cases[i];

      g_test_message ("entry long case %u: %s", i, c.field);
      /* Notes have no length limit: 120,000 characters are stored whole. */
      if (g_str_equal (c.field, "notes_view"))
        c.stored = notes_long;
      run_entry_case (f, &c, c.text);
    }
}

/* The review dialog ------------------------------------------------------ */

static const FormCase review_cases[] = {
  { "client_name_row", "Ada\x1b]0;pwned\x07", "client_name", NULL },
  { "client_name_row", "\ufeff\u200b", "client_name", NULL },
  { "client_name_row", "Ada\u2028Lovelace", "client_name", NULL },
  { "client_name_row", RTL_OVERRIDE, "client_name", RTL_OVERRIDE },
  { "client_name_row", ZWJ_FAMILY, "client_name", ZWJ_FAMILY },
  { "client_name_row", SHOUTING, "client_name", SHOUTING },
  { "client_email_row", "ada\u202e@example.com", "client_email", NULL },
  { "client_email_row", "ad\u200ba@example.com", "client_email", NULL },
  { "client_email_row", "ada@example.com\n", "client_email", NULL },
  { "client_email_row", "🎬@example.com", "client_email", "🎬@example.com" },
  { "project_type_row", "Reel\x08\x08\x08\x08", "project_type", NULL },
  { "project_type_row", EMOJI_MIX, "project_type", EMOJI_MIX },
  { "text_view", "Great\x1b[8m hidden", "review_text", NULL },
  { "text_view", "\u200b\n\u200d", "review_text", NULL },
  { "text_view", "Great.\n" RTL_OVERRIDE "\n" ZWJ_FAMILY, "review_text", "Great.\n" RTL_OVERRIDE "\n" ZWJ_FAMILY },
};

/* Where each field's message shows. */
static const char *
review_error_widget (const char *field)
{
  if (g_str_equal (field, "client_name_row")) return "client_name_error";
  if (g_str_equal (field, "client_email_row")) return "client_email_error";
  if (g_str_equal (field, "project_type_row")) return "project_type_error";
  return "review_text_error";
}

static void
run_review_case (Fixture        *f,
                 MkReviewsModel *model,
                 const FormCase *c,
                 const char     *text)
{
  MkReviewDialog *dialog = mk_review_dialog_new (NULL, model, NULL);
  gpointer weak = dialog;
  GtkWidget *row = child (dialog, MK_TYPE_REVIEW_DIALOG, c->field);
  GtkWidget *star = NULL;
  int before = db_count (f, "reviews");

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  settle ();

  set_text (child (dialog, MK_TYPE_REVIEW_DIALOG, "client_name_row"), "Ada");
  set_text (child (dialog, MK_TYPE_REVIEW_DIALOG, "text_view"), "Lovely work.");
  for (GtkWidget *w = gtk_widget_get_first_child (child (dialog, MK_TYPE_REVIEW_DIALOG, "rating_box"));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (g_strcmp0 (gtk_widget_get_tooltip_text (w), "4 stars") == 0)
      star = w;
  g_assert_nonnull (star);
  g_signal_emit_by_name (star, "clicked");

  set_text (row, text);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL);
  settle ();

  if (c->stored == NULL)
    {
      GtkWidget *error = child (dialog, MK_TYPE_REVIEW_DIALOG, review_error_widget (c->field));
      const char *message = GTK_IS_LABEL (error) ? gtk_label_get_label (GTK_LABEL (error))
                                                 : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (error));

      g_assert_nonnull (weak);
      g_assert_true (gtk_widget_get_visible (error));
      g_assert_cmpstr (message, !=, "");
      g_assert_true (gtk_widget_has_css_class (c->field[0] == 't' ? child (dialog, MK_TYPE_REVIEW_DIALOG, "text_frame")
                                                                  : row, "error"));
      g_assert_cmpint (db_count (f, "reviews"), ==, before);
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_true (run_until_null (&weak, 2000));
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s, rating FROM reviews ORDER BY rowid DESC LIMIT 1",
                                              c->column);
      g_auto(GStrv) stored = NULL;

      g_assert_true (run_until_null (&weak, 2000));
      g_assert_cmpint (db_count (f, "reviews"), ==, before + 1);
      stored = db_row (f, sql);
      g_assert_cmpstr (stored[0], ==, c->stored);
      g_assert_cmpstr (stored[1], ==, "4");
    }
}

static void
test_review_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(MkReviewsModel) model = mk_reviews_model_new (f->context);
  g_autofree char *name_101 = repeat ("é", 101);
  g_autofree char *local_250 = repeat ("a", 250);
  g_autofree char *email_long = g_strconcat (local_250, "@example.com", NULL);
  g_autofree char *text_long = repeat ("🎬 great ", 50000);
  const FormCase long_cases[] = {
    { "client_name_row", name_101, "client_name", NULL },
    { "client_email_row", email_long, "client_email", NULL },
    { "text_view", text_long, "review_text", text_long },
  };

  for (guint i = 0; i < G_N_ELEMENTS (review_cases); i++)
    {
      g_test_message ("review case %u: %s = %s", i, review_cases[i].field, review_cases[i].text);
      run_review_case (f, model, &review_cases[i], review_cases[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (long_cases); i++)
    {
      g_test_message ("review long case %u: %s", i, long_cases[i].field);
      run_review_case (f, model, &long_cases[i], long_cases[i].text);
    }
}

/* The profile editor ----------------------------------------------------- */

static const FormCase profile_cases[] = {
  { "slug_row", "ácme", "slug", NULL },
  { "slug_row", "acme\u200b", "slug", NULL },
  { "slug_row", "acme--studio", "slug", NULL },
  { "slug_row", "acme-studio", "slug", "acme-studio" },
  { "name_row", "Acme\x1b[2J", "display_name", NULL },
  { "name_row", "\u200d\u2060", "display_name", NULL },
  { "name_row", "Acme\u2029Studio", "display_name", NULL },
  { "name_row", RTL_OVERRIDE, "display_name", RTL_OVERRIDE },
  { "name_row", ZWJ_FAMILY, "display_name", ZWJ_FAMILY },
  { "bio_view", "Hi\x07there", "bio", NULL },
  { "bio_view", "Hi\n" RTL_OVERRIDE "\n" EMOJI_MIX, "bio", "Hi\n" RTL_OVERRIDE "\n" EMOJI_MIX },
  { "budget_min_row", "-5", "budget_min", NULL },
  { "budget_min_row", "１０", "budget_min", NULL },
  { "budget_min_row", "99999999999999999999", "budget_min", NULL },
  { "budget_min_row", "1e3", "budget_min", NULL },
  { "budget_min_row", "9223372036854775807", "budget_min", "9223372036854775807" },
  { "budget_max_row", "0x10", "budget_max", NULL },
};

static void
run_profile_case (Fixture        *f,
                  const FormCase *c,
                  const char     *text)
{
  MkProfileEditor *editor = mk_profile_editor_new (NULL, mk_context_get_store (f->context), f->user_id);
  gpointer weak = editor;
  GtkWidget *row = child (editor, MK_TYPE_PROFILE_EDITOR, c->field);
  g_autofree char *title = NULL;
  g_autofree char *before = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM profiles WHERE user_id = '%s'", c->column, f->user_id);

  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  gtk_window_present (GTK_WINDOW (editor));
  settle ();
  {
    g_auto(GStrv) row_before = db_row (f, "SELECT slug || display_name || ifnull (bio, '') || ifnull (budget_min, '') || ifnull (budget_max, '') FROM profiles");

    before = g_strdup (row_before[0]);
  }

  if (ADW_IS_PREFERENCES_ROW (row))
    title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  set_text (child (editor, MK_TYPE_PROFILE_EDITOR, "slug_row"), "hostile");
  set_text (child (editor, MK_TYPE_PROFILE_EDITOR, "name_row"), "Hostile");
  set_text (child (editor, MK_TYPE_PROFILE_EDITOR, "budget_min_row"), "");
  set_text (child (editor, MK_TYPE_PROFILE_EDITOR, "budget_max_row"), "");
  set_text (row, text);
  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.save", NULL);
  settle ();

  if (c->stored == NULL)
    {
      g_auto(GStrv) row_after = db_row (f, "SELECT slug || display_name || ifnull (bio, '') || ifnull (budget_min, '') || ifnull (budget_max, '') FROM profiles");

      g_assert_nonnull (weak);
      if (g_str_equal (c->field, "bio_view"))
        g_assert_true (gtk_widget_has_css_class (child (editor, MK_TYPE_PROFILE_EDITOR, "bio_count_label"), "error"));
      else
        assert_row_error (row, title);
      /* Nothing of the form was written, not even the valid fields. */
      g_assert_cmpstr (row_after[0], ==, before);
      gtk_window_destroy (GTK_WINDOW (editor));
      g_assert_true (run_until_null (&weak, 2000));
    }
  else
    {
      g_auto(GStrv) stored = NULL;

      g_assert_true (run_until_null (&weak, 2000));
      stored = db_row (f, sql);
      g_assert_cmpstr (stored[0], ==, c->stored);
    }
}

static void
test_profile_editor (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *name_101 = repeat ("👍🏽", 51);  /* two characters each */
  const FormCase name_long = { "name_row", name_101, "display_name", NULL };
  const char *tags[] = { "\u200b", "Food\nDrink", "Food\u2028Drink", "x\x1b", NULL };
  MkProfileEditor *editor;
  MkTagEntry *categories;
  gpointer weak;
  g_auto(GStrv) stored = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (profile_cases); i++)
    {
      g_test_message ("profile case %u: %s = %s", i, profile_cases[i].field, profile_cases[i].text);
      run_profile_case (f, &profile_cases[i], profile_cases[i].text);
    }
  run_profile_case (f, &name_long, name_long.text);

  /* Categories: refused tags show below the entry and are not added. */
  editor = mk_profile_editor_new (NULL, mk_context_get_store (f->context), f->user_id);
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  gtk_window_present (GTK_WINDOW (editor));
  settle ();
  categories = MK_TAG_ENTRY (child (editor, MK_TYPE_PROFILE_EDITOR, "categories_entry"));
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      int code = i == 0 ? MK_VALIDATE_ERROR_REQUIRED : MK_VALIDATE_ERROR_ENCODING;

      g_assert_false (mk_tag_entry_add (categories, tags[i], &error));
      g_assert_error (error, MK_VALIDATE_ERROR, code);
    }
  g_assert_cmpuint (g_strv_length ((char **) mk_tag_entry_get_tags (categories)), ==, 0);
  g_assert_true (mk_tag_entry_add (categories, ZWJ_FAMILY, NULL));
  g_assert_true (mk_tag_entry_add (categories, RTL_OVERRIDE, NULL));
  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.save", NULL);
  g_assert_true (run_until_null (&weak, 2000));
  stored = db_row (f, "SELECT json_extract (categories, '$[0]'), json_extract (categories, '$[1]') FROM profiles");
  g_assert_cmpstr (stored[0], ==, ZWJ_FAMILY);
  g_assert_cmpstr (stored[1], ==, RTL_OVERRIDE);
}

/* Sign-up ---------------------------------------------------------------- */

static gboolean
is_signed_in (MkContext *context)
{
  return mk_context_get_user_id (context) != NULL;
}

static void
test_sign_up (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(MkAccountService) service = mk_account_service_new (f->context);
  g_autofree char *local_250 = repeat ("a", 250);
  g_autofree char *email_long = g_strconcat (local_250, "@example.com", NULL);
  const char *bad_emails[] = {
    "ada\u202e@example.com", "ad\u200ba@example.com", "ada\n@example.com", "\u200b",
    "ada\x1b@example.com", email_long, NULL,
  };
  const char *password = "👩‍👩‍👧 " RTL_OVERRIDE " pass";
  MkAccountWindow *window = mk_account_window_new (GTK_APPLICATION (app), service);
  GtkWidget *email = child (window, MK_TYPE_ACCOUNT_WINDOW, "sign_up_email");
  GtkWidget *email_error = child (window, MK_TYPE_ACCOUNT_WINDOW, "sign_up_email_error");
  GtkWidget *password_error = child (window, MK_TYPE_ACCOUNT_WINDOW, "sign_up_password_error");
  gboolean timed_out = FALSE;
  g_auto(GStrv) stored = NULL;
  guint id;

  gtk_window_present (GTK_WINDOW (window));
  settle ();
  g_assert_cmpstr (mk_account_window_get_page (window), ==, "sign-up");

  set_text (child (window, MK_TYPE_ACCOUNT_WINDOW, "sign_up_password"), password);
  set_text (child (window, MK_TYPE_ACCOUNT_WINDOW, "sign_up_confirm"), password);
  for (guint i = 0; bad_emails[i] != NULL; i++)
    {
      g_test_message ("sign-up email case %u", i);
      set_text (email, bad_emails[i]);
      gtk_widget_activate_action (GTK_WIDGET (window), "account.sign-up", NULL);
      settle ();
      g_assert_true (gtk_widget_get_visible (email_error));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (email_error)), !=, "");
      g_assert_true (gtk_widget_has_css_class (email, "error"));
      g_assert_false (is_signed_in (f->context));
      g_assert_cmpint (db_count (f, "users"), ==, 0);
    }

  /* Three emoji are three characters, not twelve bytes: too short. */
  set_text (email, "creator@example.com");
  set_text (child (window, MK_TYPE_ACCOUNT_WINDOW, "sign_up_password"), "👩🎬☕");
  set_text (child (window, MK_TYPE_ACCOUNT_WINDOW, "sign_up_confirm"), "👩🎬☕");
  gtk_widget_activate_action (GTK_WIDGET (window), "account.sign-up", NULL);
  settle ();
  g_assert_true (gtk_widget_has_css_class (password_error, "error"));
  g_assert_cmpint (db_count (f, "users"), ==, 0);

  /* A hostile but valid password makes an account. */
  set_text (child (window, MK_TYPE_ACCOUNT_WINDOW, "sign_up_password"), password);
  set_text (child (window, MK_TYPE_ACCOUNT_WINDOW, "sign_up_confirm"), password);
  gtk_widget_activate_action (GTK_WIDGET (window), "account.sign-up", NULL);
  id = g_timeout_add (30000, timeout_cb, &timed_out);
  while (!is_signed_in (f->context) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (is_signed_in (f->context));

  stored = db_row (f, "SELECT email, password_hash FROM users");
  g_assert_cmpstr (stored[0], ==, "creator@example.com");
  g_assert_true (g_str_has_prefix (stored[1], "$argon2id$"));
  g_assert_null (strstr (stored[1], "pass"));
  g_assert_cmpint (db_count (f, "users"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  /* Entries are local wall-clock times: test them where DST happens. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();

  app = ui_test_app_new (&argc, &argv, "io.github.mediakit.Mediakit.TestHostile");

  g_test_add ("/hostile/entry-dialog", Fixture, NULL, fixture_set_up, test_entry_dialog, fixture_tear_down);
  g_test_add ("/hostile/review-dialog", Fixture, NULL, fixture_set_up, test_review_dialog, fixture_tear_down);
  g_test_add ("/hostile/profile-editor", Fixture, NULL, fixture_set_up, test_profile_editor, fixture_tear_down);
  g_test_add ("/hostile/sign-up", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_sign_up, fixture_tear_down);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return ret;
}
