/* test-profile-editor.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile editor under Xvfb: a bad slug or one another account uses
 * marks the slug row and keeps Save off; a valid form saves the profile and
 * writes one update_profile logs row; the Portfolio pane opens it only for
 * a signed-in account.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mk-context.h"
#include "mk-profile-editor.h"
#include "portfolio/mk-portfolio-pane.h"

typedef struct {
  char      *dir;
  MkContext *context;
} Fixture;

static char *
add_user (Fixture    *f,
          const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkUser) user = mk_user_new ();

  mk_user_set_email (user, email);
  mk_user_set_password_hash (user, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo");
  g_assert_true (mk_store_users_insert (mk_context_get_store (f->context), user, &error));
  g_assert_no_error (error);

  return g_strdup (mk_user_get_id (user));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;

  f->dir = g_dir_make_tmp ("mediakit-test-profile-XXXXXX", &error);
  g_assert_no_error (error);
  f->context = mk_context_new (f->dir, &error);
  g_assert_no_error (error);

  user_id = add_user (f, "profile@example.com");
  mk_context_set_user_id (f->context, user_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "mediakit.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_clear_object (&f->context);
  g_remove (db);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
settle (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
set_text (MkProfileEditor *editor,
          const char      *name,
          const char      *text)
{
  GtkWidget *row = find_named (GTK_WIDGET (editor), name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
has_error (MkProfileEditor *editor,
           const char      *name)
{
  GtkWidget *row = find_named (GTK_WIDGET (editor), name);

  g_assert_nonnull (row);
  return gtk_widget_has_css_class (row, "error");
}

static gboolean
can_save (MkProfileEditor *editor)
{
  GtkWidget *button = find_named (GTK_WIDGET (editor), "save_button");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static gint64
count_logs (Fixture    *f,
            const char *action)
{
  MkLogFilter filter = { .action = action };

  return mk_store_logs_count (mk_context_get_store (f->context), &filter, NULL);
}

static MkProfileEditor *
open_editor (Fixture *f)
{
  MkProfileEditor *editor = mk_profile_editor_new (NULL, mk_context_get_store (f->context),
                                                   mk_context_get_user_id (f->context));

  gtk_window_present (GTK_WINDOW (editor));
  settle ();
  return editor;
}

static gboolean
has_profile (Fixture *f)
{
  g_autoptr(MkProfile) profile = mk_store_profiles_get (mk_context_get_store (f->context),
                                                        mk_context_get_user_id (f->context), NULL);

  return profile != NULL;
}

static void
test_bad_slug (Fixture       *f,
               gconstpointer  data)
{
  MkProfileEditor *editor = open_editor (f);

  /* An empty form is not yet wrong where nobody has typed, but it cannot
   * be saved either. */
  g_assert_false (can_save (editor));
  g_assert_false (has_error (editor, "slug_row"));

  set_text (editor, "name_row", "Ada Lovelace");
  set_text (editor, "slug_row", "Ada Lovelace!");
  settle ();
  g_assert_true (has_error (editor, "slug_row"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (find_named (GTK_WIDGET (editor), "slug_row")));
  g_assert_false (has_error (editor, "name_row"));
  g_assert_false (can_save (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.save", NULL);
  settle ();
  g_assert_false (has_profile (f));

  set_text (editor, "slug_row", "ada-lovelace");
  settle ();
  g_assert_false (has_error (editor, "slug_row"));
  g_assert_null (gtk_widget_get_tooltip_text (find_named (GTK_WIDGET (editor), "slug_row")));
  g_assert_true (can_save (editor));

  /* Budgets: whole numbers of at least 0, min ≤ max. */
  set_text (editor, "budget_min_row", "-5");
  g_assert_true (has_error (editor, "budget_min_row"));
  g_assert_false (can_save (editor));
  set_text (editor, "budget_min_row", "900");
  set_text (editor, "budget_max_row", "100");
  g_assert_false (has_error (editor, "budget_min_row"));
  g_assert_true (has_error (editor, "budget_max_row"));
  g_assert_false (can_save (editor));
  set_text (editor, "budget_max_row", "");
  g_assert_false (has_error (editor, "budget_max_row"));
  g_assert_true (can_save (editor));

  set_text (editor, "name_row", "");
  g_assert_true (has_error (editor, "name_row"));
  g_assert_false (can_save (editor));

  gtk_window_destroy (GTK_WINDOW (editor));
  settle ();
  g_assert_cmpint (count_logs (f, "update_profile"), ==, 0);
}

static void
test_taken_slug (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *other_id = add_user (f, "other@example.com");
  g_autoptr(MkProfile) other = mk_profile_new ();
  g_autoptr(GError) error = NULL;
  MkProfileEditor *editor;

  mk_profile_set_user_id (other, other_id);
  mk_profile_set_slug (other, "taken-slug");
  mk_profile_set_display_name (other, "Someone Else");
  g_assert_true (mk_store_profiles_save (mk_context_get_store (f->context), other, &error));
  g_assert_no_error (error);

  editor = open_editor (f);
  set_text (editor, "name_row", "Ada Lovelace");
  set_text (editor, "slug_row", "taken-slug");
  settle ();
  g_assert_true (has_error (editor, "slug_row"));
  g_assert_false (can_save (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.save", NULL);
  settle ();
  g_assert_false (has_profile (f));
  g_assert_cmpint (count_logs (f, "update_profile"), ==, 0);

  set_text (editor, "slug_row", "free-slug");
  g_assert_false (has_error (editor, "slug_row"));
  g_assert_true (can_save (editor));

  gtk_window_destroy (GTK_WINDOW (editor));
  settle ();
}

static void
test_saves (Fixture       *f,
            gconstpointer  data)
{
  MkProfileEditor *editor = open_editor (f);
  GtkWidget *bio_view = find_named (GTK_WIDGET (editor), "bio_view");
  GtkWidget *currency_row = find_named (GTK_WIDGET (editor), "currency_row");
  g_autoptr(MkProfile) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *categories;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  set_text (editor, "slug_row", "ada-lovelace");
  set_text (editor, "name_row", "Ada Lovelace");
  set_text (editor, "categories_row", " travel, food ,, Tech ");
  set_text (editor, "budget_min_row", "500");
  set_text (editor, "budget_max_row", "2500");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (bio_view)),
                            "Analytical engines.\nAnd poetry.", -1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (currency_row), 1);
  settle ();
  g_assert_true (can_save (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.save", NULL);
  settle ();
  g_assert_null (editor);

  saved = mk_store_profiles_get (mk_context_get_store (f->context),
                                 mk_context_get_user_id (f->context), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_profile_get_slug (saved), ==, "ada-lovelace");
  g_assert_cmpstr (mk_profile_get_display_name (saved), ==, "Ada Lovelace");
  g_assert_cmpstr (mk_profile_get_bio (saved), ==, "Analytical engines.\nAnd poetry.");
  categories = mk_profile_get_categories (saved);
  g_assert_nonnull (categories);
  g_assert_cmpuint (g_strv_length ((char **)categories), ==, 3);
  g_assert_cmpstr (categories[0], ==, "travel");
  g_assert_cmpstr (categories[1], ==, "food");
  g_assert_cmpstr (categories[2], ==, "Tech");
  g_assert_cmpint (mk_profile_get_budget_min (saved), ==, 500);
  g_assert_cmpint (mk_profile_get_budget_max (saved), ==, 2500);
  g_assert_cmpstr (mk_profile_get_currency (saved), ==, "EUR");
  g_assert_cmpint (count_logs (f, "update_profile"), ==, 1);

  /* Reopened, the form shows what was saved, and its own slug is not
   * "taken". */
  editor = open_editor (f);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "slug_row"))),
                   ==, "ada-lovelace");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "categories_row"))),
                   ==, "travel, food, Tech");
  g_assert_false (has_error (editor, "slug_row"));
  g_assert_true (can_save (editor));

  /* Escape closes without saving. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.cancel", NULL);
  settle ();
  g_assert_null (editor);
  g_assert_cmpint (count_logs (f, "update_profile"), ==, 1);
}

static void
test_portfolio_button (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *user_id = g_strdup (mk_context_get_user_id (f->context));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = g_object_new (MK_TYPE_PORTFOLIO_PANE, "context", f->context, NULL);
  GtkWidget *button;
  MkProfileEditor *editor = NULL;

  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  button = find_button_with_action (pane, "portfolio.edit-profile");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));

  mk_context_set_user_id (f->context, NULL);
  settle ();
  g_assert_false (gtk_widget_get_sensitive (button));

  mk_context_set_user_id (f->context, user_id);
  settle ();
  g_assert_true (gtk_widget_get_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  settle ();
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (MK_IS_PROFILE_EDITOR (l->data))
      editor = l->data;
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/profile-editor/bad-slug", Fixture, NULL, fixture_set_up, test_bad_slug, fixture_tear_down);
  g_test_add ("/profile-editor/taken-slug", Fixture, NULL, fixture_set_up, test_taken_slug, fixture_tear_down);
  g_test_add ("/profile-editor/saves", Fixture, NULL, fixture_set_up, test_saves, fixture_tear_down);
  g_test_add ("/profile-editor/portfolio-button", Fixture, NULL, fixture_set_up,
              test_portfolio_button, fixture_tear_down);

  return g_test_run ();
}
