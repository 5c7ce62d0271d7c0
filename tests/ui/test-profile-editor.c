/* test-profile-editor.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile editor under Xvfb: a bad slug or one another account uses
 * marks the slug row and keeps Save off; a valid form saves the profile and
 * writes one update_profile logs row; the Portfolio pane opens it only for
 * a signed-in account. Categories are pills (add, refuse a duplicate,
 * remove from the keyboard, stored as a JSON array); a picture is scaled
 * and copied in a thread, a bad one leaves the old; closing with changes
 * asks first; a new account starts from defaults made from its email.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "mk-context.h"
#include "mk-avatar.h"
#include "mk-profile-editor.h"
#include "mk-tag-entry.h"
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

  g_autofree char *avatars = g_build_filename (f->dir, "avatars", NULL);
  g_autofree char *pictures = g_build_filename (f->dir, "pictures", NULL);
  const char *dirs[] = { avatars, pictures };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[i], name, NULL);

          g_remove (path);
        }
      g_rmdir (dirs[i]);
    }

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

static MkTagEntry *
tag_entry (MkProfileEditor *editor)
{
  GtkWidget *entry = find_named (GTK_WIDGET (editor), "categories_entry");

  g_assert_true (MK_IS_TAG_ENTRY (entry));
  return MK_TAG_ENTRY (entry);
}

/* Types each tag into the entry and presses Enter. */
static void
add_tags (MkProfileEditor *editor,
          ...)
{
  GtkWidget *row = find_named (GTK_WIDGET (tag_entry (editor)), "category_entry");
  const char *tag;
  va_list args;

  g_assert_nonnull (row);
  va_start (args, editor);
  while ((tag = va_arg (args, const char *)) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), tag);
      g_signal_emit_by_name (row, "entry-activated");
    }
  va_end (args);
}

static GtkWidget *
find_with_tooltip (GtkWidget  *widget,
                   const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
column_text (Fixture    *f,
             const char *sql)
{
  g_autofree char *db = g_build_filename (f->dir, "mediakit.db", NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return text;
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
  add_tags (editor, " travel", "food ", "Tech", NULL);
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
  {
    const char *expected[] = { "travel", "food", "Tech", NULL };
    g_autofree char *raw = column_text (f, "SELECT categories FROM profiles");

    g_assert_cmpstrv (mk_tag_entry_get_tags (tag_entry (editor)), expected);
    /* The column holds a JSON array. */
    g_assert_cmpstr (raw, ==, "[\"travel\",\"food\",\"Tech\"]");
  }
  g_assert_false (has_error (editor, "slug_row"));
  g_assert_true (can_save (editor));

  /* Escape closes without saving. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.cancel", NULL);
  settle ();
  g_assert_null (editor);
  g_assert_cmpint (count_logs (f, "update_profile"), ==, 1);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Until the editor has read the picture (a worker thread). */
static void
wait_idle (MkProfileEditor *editor)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, timeout_cb, &timed_out);

  while (mk_profile_editor_get_busy (editor) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  settle ();
}

static void
fill_minimal (MkProfileEditor *editor)
{
  set_text (editor, "slug_row", "ada-lovelace");
  set_text (editor, "name_row", "Ada Lovelace");
  settle ();
  g_assert_true (can_save (editor));
}

static MkProfile *
saved_profile (Fixture *f)
{
  return mk_store_profiles_get (mk_context_get_store (f->context), mk_context_get_user_id (f->context), NULL);
}

static void
save (MkProfileEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.save", NULL);
  settle ();
  g_assert_null (editor);
}

static void
wait_for_count (MkTagEntry *tags,
                guint       count)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (g_strv_length ((char **) mk_tag_entry_get_tags (tags)) != count && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  settle ();
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  MkProfileEditor *editor = open_editor (f);
  MkTagEntry *tags = tag_entry (editor);
  GtkWidget *error_label = find_named (GTK_WIDGET (tags), "category_error");
  GtkWidget *remove;
  GtkWidget *suggestion;
  GtkWidget *focus;
  g_autoptr(MkProfile) saved = NULL;
  g_autofree char *raw = NULL;

  fill_minimal (editor);
  add_tags (editor, "Travel", "Food", NULL);
  g_assert_cmpuint (g_strv_length ((char **) mk_tag_entry_get_tags (tags)), ==, 2);
  g_assert_false (gtk_widget_get_visible (error_label));

  /* A duplicate, whatever its case, is refused beside the field. */
  add_tags (editor, "  TRAVEL ", NULL);
  g_assert_cmpuint (g_strv_length ((char **) mk_tag_entry_get_tags (tags)), ==, 2);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "TRAVEL"));
  g_assert_true (gtk_widget_has_css_class (find_named (GTK_WIDGET (tags), "category_entry"), "error"));
  /* What was typed stays, to be fixed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (tags), "category_entry"))),
                   ==, "  TRAVEL ");
  set_text (editor, "category_entry", "Gam");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* Suggestions follow what is typed and leave out what is there. */
  g_assert_null (find_with_tooltip (GTK_WIDGET (tags), "Add Travel"));
  suggestion = find_with_tooltip (GTK_WIDGET (tags), "Add Gaming");
  g_assert_nonnull (suggestion);
  g_assert_null (find_with_tooltip (GTK_WIDGET (tags), "Add Beauty"));
  g_signal_emit_by_name (suggestion, "clicked");
  settle ();
  g_assert_cmpstr (mk_tag_entry_get_tags (tags)[2], ==, "Gaming");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (tags), "category_entry"))), ==, "");

  /* Tab from the field before reaches the first pill's ×, and the next
   * Tab the second's. */
  g_assert_true (gtk_widget_grab_focus (find_named (GTK_WIDGET (editor), "name_row")));
  for (guint i = 0; i < 5 && !GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (editor))); i++)
    gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (editor)) == find_with_tooltip (GTK_WIDGET (tags), "Remove Travel"));
  gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (editor)) == find_with_tooltip (GTK_WIDGET (tags), "Remove Food"));

  /* Remove from the keyboard: the × of a pill takes focus and Enter
   * (activate) removes it; focus stays among the pills. */
  remove = find_with_tooltip (GTK_WIDGET (tags), "Remove Travel");
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_get_focusable (remove));
  g_assert_true (gtk_widget_grab_focus (remove));
  g_assert_true (gtk_widget_activate (remove));
  /* A button shows itself pressed for a moment before it clicks. */
  wait_for_count (tags, 2);
  {
    const char *expected[] = { "Food", "Gaming", NULL };

    g_assert_cmpstrv (mk_tag_entry_get_tags (tags), expected);
  }
  g_assert_null (find_with_tooltip (GTK_WIDGET (tags), "Remove Travel"));
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_true (focus == find_with_tooltip (GTK_WIDGET (tags), "Remove Food"));

  /* Eleven are too many. */
  add_tags (editor, "c", "d", "e", "f", "g", "h", "i", "j", "k", NULL);
  g_assert_cmpuint (g_strv_length ((char **) mk_tag_entry_get_tags (tags)), ==, 10);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (tags), "category_entry"))), ==, "k");

  save (editor);
  saved = saved_profile (f);
  g_assert_cmpuint (g_strv_length ((char **) mk_profile_get_categories (saved)), ==, 10);
  raw = column_text (f, "SELECT categories FROM profiles");
  g_assert_true (g_str_has_prefix (raw, "[\"Food\",\"Gaming\",\"c\","));
  g_assert_true (g_str_has_suffix (raw, ",\"j\"]"));
}

static char *
write_picture (Fixture    *f,
               const char *name,
               const char *type,
               int         width,
               int         height)
{
  g_autofree char *dir = g_build_filename (f->dir, "pictures", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, type, &error, NULL));
  g_assert_no_error (error);

  return path;
}

static char *
write_bytes (Fixture    *f,
             const char *name,
             const char *contents,
             gssize      length)
{
  g_autofree char *dir = g_build_filename (f->dir, "pictures", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static guint
count_avatar_files (Fixture *f)
{
  g_autofree char *avatars = g_build_filename (f->dir, "avatars", NULL);
  g_autoptr(GDir) dir = g_dir_open (avatars, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
avatar_error_shown (MkProfileEditor *editor)
{
  GtkWidget *label = find_named (GTK_WIDGET (editor), "avatar_error");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

static void
choose (MkProfileEditor *editor,
        const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  mk_profile_editor_set_avatar_file (editor, file);
  g_assert_true (mk_profile_editor_get_busy (editor));
  /* Nothing is saved while the picture is read. */
  g_assert_false (can_save (editor));
  wait_idle (editor);
}

/* The stored copy: in <data-dir>/avatars, a PNG of @width × @height. */
static void
assert_avatar (Fixture    *f,
               const char *reference,
               int         width,
               int         height)
{
  g_autofree char *path = mk_avatar_reference_to_path (reference);
  g_autofree char *dir = NULL;
  g_autofree char *avatars = g_build_filename (f->dir, "avatars", NULL);
  g_autofree char *format_name = NULL;
  GdkPixbufFormat *format;
  int w = 0, h = 0;

  g_assert_nonnull (path);
  dir = g_path_get_dirname (path);
  g_assert_cmpstr (dir, ==, avatars);
  format = gdk_pixbuf_get_file_info (path, &w, &h);
  g_assert_nonnull (format);
  format_name = gdk_pixbuf_format_get_name (format);
  g_assert_cmpstr (format_name, ==, "png");
  g_assert_cmpint (w, ==, width);
  g_assert_cmpint (h, ==, height);
}

static void
test_avatar (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *png = write_picture (f, "wide.png", "png", 1200, 800);
  g_autofree char *jpeg = write_picture (f, "tall.jpg", "jpeg", 300, 600);
  g_autofree char *small = write_picture (f, "small.jpg", "jpeg", 100, 50);
  g_autoptr(MkProfile) first = NULL;
  g_autoptr(MkProfile) second = NULL;
  g_autoptr(MkProfile) third = NULL;
  g_autofree char *first_path = NULL;
  MkProfileEditor *editor = open_editor (f);

  fill_minimal (editor);

  /* Scaled to 512 on the long side, keeping the aspect; a PNG copy. */
  choose (editor, png);
  g_assert_false (avatar_error_shown (editor));
  g_assert_true (can_save (editor));
  g_assert_true (gtk_widget_get_visible (find_named (GTK_WIDGET (editor), "avatar_remove_button")));
  save (editor);
  first = saved_profile (f);
  assert_avatar (f, mk_profile_get_avatar_url (first), 512, 341);
  g_assert_true (g_str_has_prefix (mk_profile_get_avatar_url (first), "file:///"));
  g_assert_cmpuint (count_avatar_files (f), ==, 1);
  first_path = mk_avatar_reference_to_path (mk_profile_get_avatar_url (first));

  /* A JPEG replaces it; the file the profile no longer shows goes on save,
   * and so does a copy a killed editor left behind. Other accounts' stay. */
  {
    g_autofree char *orphan = g_strdup_printf ("%s/avatars/%s-0badf00d.png", f->dir,
                                               mk_context_get_user_id (f->context));
    g_autofree char *others = g_strdup_printf ("%s/avatars/someone-else-0badf00d.png", f->dir);

    g_assert_true (g_file_set_contents (orphan, "png", -1, NULL));
    g_assert_true (g_file_set_contents (others, "png", -1, NULL));
    editor = open_editor (f);
    choose (editor, jpeg);
    g_assert_cmpuint (count_avatar_files (f), ==, 4);
    save (editor);
    g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (others, G_FILE_TEST_EXISTS));
    g_remove (others);
  }
  second = saved_profile (f);
  assert_avatar (f, mk_profile_get_avatar_url (second), 256, 512);
  g_assert_false (g_file_test (first_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_avatar_files (f), ==, 1);
  g_clear_object (&second);

  /* The same picture again is a new copy; the old one goes. */
  editor = open_editor (f);
  choose (editor, jpeg);
  g_assert_cmpuint (count_avatar_files (f), ==, 2);
  save (editor);
  second = saved_profile (f);
  assert_avatar (f, mk_profile_get_avatar_url (second), 256, 512);
  g_assert_false (g_file_test (first_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_avatar_files (f), ==, 1);

  /* Small pictures are not blown up; and a choice not saved is dropped
   * with the editor. */
  editor = open_editor (f);
  choose (editor, small);
  g_assert_cmpuint (count_avatar_files (f), ==, 2);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  settle ();
  g_assert_null (editor);
  g_assert_cmpuint (count_avatar_files (f), ==, 1);
  third = saved_profile (f);
  g_assert_cmpstr (mk_profile_get_avatar_url (third), ==, mk_profile_get_avatar_url (second));

  {
    g_autoptr(GFile) file = g_file_new_for_path (small);
    g_autoptr(MkProfile) fourth = NULL;

    editor = open_editor (f);
    mk_profile_editor_set_avatar_file (editor, file);
    wait_idle (editor);
    save (editor);
    fourth = saved_profile (f);
    assert_avatar (f, mk_profile_get_avatar_url (fourth), 100, 50);
  }
}

static void
test_avatar_webp (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *webp = NULL;
  g_autoptr(MkProfile) saved = NULL;
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();
  gboolean writable = FALSE;
  MkProfileEditor *editor;

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_autofree char *name = gdk_pixbuf_format_get_name (l->data);

      if (g_strcmp0 (name, "webp") == 0)
        writable = gdk_pixbuf_format_is_writable (l->data);
    }

  /* build-aux/dev installs webp-pixbuf-loader; without it WebP cannot be
   * read at all, which this test is here to catch. */
  g_assert_true (writable);

  webp = write_picture (f, "square.webp", "webp", 900, 900);
  editor = open_editor (f);
  fill_minimal (editor);
  choose (editor, webp);
  g_assert_false (avatar_error_shown (editor));
  save (editor);
  saved = saved_profile (f);
  assert_avatar (f, mk_profile_get_avatar_url (saved), 512, 512);
}

static void
test_avatar_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *good = write_picture (f, "good.png", "png", 64, 64);
  g_autofree char *text = write_bytes (f, "notes.png", "just some text, not a picture", -1);
  g_autofree char *gif = write_bytes (f, "anim.gif", "GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14);
  g_autofree char *wide = write_picture (f, "wide.png", "png", MK_AVATAR_MAX_PIXELS + 1, 2);
  g_autofree char *truncated = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(MkProfile) before = NULL;
  g_autoptr(MkProfile) after = NULL;
  gsize length;
  struct {
    const char *path;
    const char *says;
  } *c, cases[] = {
    { text, "PNG, JPEG or WebP" },
    { gif, "PNG, JPEG or WebP" },
    { NULL, "damaged" },          /* truncated, filled in below */
    { NULL, "20 MB" },            /* huge */
    { wide, "8000 pixels" },
  };
  MkProfileEditor *editor = open_editor (f);

  /* A PNG cut in the middle of its pixels. */
  {
    g_autofree char *big = write_picture (f, "big.png", "png", 400, 400);
    g_autoptr(GdkPixbuf) noisy = gdk_pixbuf_new_from_file (big, NULL);

    /* Noise, so that the compressed data is long enough to cut. */
    for (int i = 0; i < gdk_pixbuf_get_rowstride (noisy) * 400; i++)
      gdk_pixbuf_get_pixels (noisy)[i] = g_random_int_range (0, 256);
    g_assert_true (gdk_pixbuf_save (noisy, big, "png", NULL, NULL));
    g_assert_true (g_file_get_contents (big, &contents, &length, NULL));
    truncated = write_bytes (f, "cut.png", contents, length / 2);
  }

  /* Over the byte limit, without writing 20 MiB: a sparse file with a PNG
   * signature. */
  {
    g_autoptr(GFile) file = NULL;
    g_autoptr(GFileOutputStream) out = NULL;

    huge = g_build_filename (f->dir, "pictures", "huge.png", NULL);
    file = g_file_new_for_path (huge);
    out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL);
    g_assert_nonnull (out);
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), "\x89PNG\r\n\x1a\n", 8, NULL, NULL, NULL));
    g_assert_true (g_seekable_truncate (G_SEEKABLE (out), MK_AVATAR_MAX_BYTES + 1, NULL, NULL));
    g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL));
  }

  cases[2].path = truncated;
  cases[3].path = huge;

  fill_minimal (editor);
  choose (editor, good);
  save (editor);
  before = saved_profile (f);
  g_assert_nonnull (mk_profile_get_avatar_url (before));

  editor = open_editor (f);
  for (c = cases; c < cases + G_N_ELEMENTS (cases); c++)
    {
      g_test_message ("refused: %s", c->path);
      choose (editor, c->path);
      g_assert_true (avatar_error_shown (editor));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (editor), "avatar_error"))),
                                c->says));
      /* Nothing new in the data dir, and the old picture is still the
       * profile's: saving now keeps it. */
      g_assert_cmpuint (count_avatar_files (f), ==, 1);
      g_assert_true (can_save (editor));
    }

  /* A good one clears the message. */
  choose (editor, good);
  g_assert_false (avatar_error_shown (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.remove-avatar", NULL);
  settle ();
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (editor), "avatar_remove_button")));
  g_assert_cmpuint (count_avatar_files (f), ==, 1);
  save (editor);

  /* Removed: no reference, no file. */
  after = saved_profile (f);
  g_assert_null (mk_profile_get_avatar_url (after));
  g_assert_cmpuint (count_avatar_files (f), ==, 0);
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  AdwMessageDialog *dialog = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == parent &&
        gtk_widget_get_visible (l->data))
      dialog = l->data;

  return dialog;
}

/* As a click does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  MkProfileEditor *editor = open_editor (f);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  /* Untouched: Escape closes at once. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.cancel", NULL);
  settle ();
  g_assert_null (editor);

  /* Typed and typed back is no change either. */
  editor = open_editor (f);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  set_text (editor, "name_row", "Ada");
  set_text (editor, "name_row", "");
  gtk_window_close (GTK_WINDOW (editor));
  settle ();
  g_assert_null (editor);

  /* A change asks first; Keep Editing keeps everything. */
  editor = open_editor (f);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  fill_minimal (editor);
  add_tags (editor, "Travel", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "profile.cancel", NULL);
  settle ();
  g_assert_nonnull (editor);
  dialog = find_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "keep");
  respond (dialog, "keep");
  settle ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "name_row"))),
                   ==, "Ada Lovelace");

  /* The window manager's close asks too; Discard closes, nothing saved. */
  gtk_window_close (GTK_WINDOW (editor));
  settle ();
  dialog = find_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  settle ();
  g_assert_null (editor);
  g_assert_false (has_profile (f));

  /* Saving asks nothing. */
  editor = open_editor (f);
  fill_minimal (editor);
  save (editor);
  g_assert_true (has_profile (f));
}

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *other_id = add_user (f, "other@example.com");
  g_autofree char *new_id = add_user (f, "ada.lovelace+work@example.com");
  g_autoptr(MkProfile) other = mk_profile_new ();
  g_autoptr(MkProfile) saved = NULL;
  MkProfileEditor *editor;

  mk_profile_set_user_id (other, other_id);
  mk_profile_set_slug (other, "ada-lovelace-work");
  mk_profile_set_display_name (other, "Someone Else");
  g_assert_true (mk_store_profiles_save (mk_context_get_store (f->context), other, NULL));

  mk_context_set_user_id (f->context, new_id);
  editor = open_editor (f);
  mk_profile_editor_fill_defaults (editor);
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "name_row"))),
                   ==, "Ada Lovelace Work");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Create Your Profile");
  /* The address the email suggests is taken: the next free one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "slug_row"))),
                   ==, "ada-lovelace-work-2");
  g_assert_true (can_save (editor));

  /* Defaults are the starting point: closing asks nothing, saves nothing. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  gtk_window_close (GTK_WINDOW (editor));
  settle ();
  g_assert_null (editor);
  g_assert_false (has_profile (f));

  editor = open_editor (f);
  mk_profile_editor_fill_defaults (editor);
  save (editor);
  saved = saved_profile (f);
  g_assert_cmpstr (mk_profile_get_slug (saved), ==, "ada-lovelace-work-2");

  /* A saved profile is never overwritten by defaults. */
  editor = open_editor (f);
  set_text (editor, "name_row", "Countess");
  save (editor);
  editor = open_editor (f);
  mk_profile_editor_fill_defaults (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "name_row"))),
                   ==, "Countess");
  gtk_window_destroy (GTK_WINDOW (editor));
  settle ();
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
  g_test_add ("/profile-editor/tags", Fixture, NULL, fixture_set_up, test_tags, fixture_tear_down);
  g_test_add ("/profile-editor/avatar", Fixture, NULL, fixture_set_up, test_avatar, fixture_tear_down);
  g_test_add ("/profile-editor/avatar-webp", Fixture, NULL, fixture_set_up, test_avatar_webp, fixture_tear_down);
  g_test_add ("/profile-editor/avatar-refused", Fixture, NULL, fixture_set_up,
              test_avatar_refused, fixture_tear_down);
  g_test_add ("/profile-editor/discard", Fixture, NULL, fixture_set_up, test_discard, fixture_tear_down);
  g_test_add ("/profile-editor/defaults", Fixture, NULL, fixture_set_up, test_defaults, fixture_tear_down);

  return g_test_run ();
}
