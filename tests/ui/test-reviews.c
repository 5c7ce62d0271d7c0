/* test-reviews.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reviews section under Xvfb: adding a review through the dialog changes
 * the summary; every change through the model writes a logs row; Undo after
 * a delete brings the review back.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mk-context.h"
#include "mk-review-dialog.h"
#include "mk-reviews-model.h"
#include "mk-reviews-pane.h"
#include "mk-validate.h"

typedef struct {
  char      *dir;
  MkContext *context;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkUser) user = mk_user_new ();

  f->dir = g_dir_make_tmp ("mediakit-test-reviews-XXXXXX", &error);
  g_assert_no_error (error);
  f->context = mk_context_new (f->dir, &error);
  g_assert_no_error (error);

  mk_user_set_email (user, "reviews@example.com");
  mk_user_set_password_hash (user, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo");
  g_assert_true (mk_store_users_insert (mk_context_get_store (f->context), user, &error));
  g_assert_no_error (error);
  mk_context_set_user_id (f->context, mk_user_get_id (user));
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

static gint64
count_logs (Fixture    *f,
            const char *action)
{
  MkLogFilter filter = { .action = action };

  return mk_store_logs_count (mk_context_get_store (f->context), &filter, NULL);
}

static MkReview *
make_review (const char *name,
             int         rating)
{
  MkReview *review = mk_review_new ();

  mk_review_set_client_name (review, name);
  mk_review_set_rating (review, rating);
  mk_review_set_review_text (review, "Lovely work.");
  return review;
}

static void
test_model_logs (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(MkReviewsModel) model = mk_reviews_model_new (f->context);
  g_autoptr(MkReview) review = make_review ("Acme", 4);
  g_autoptr(MkReview) deleted = NULL;
  g_autoptr(MkReview) edited = NULL;
  g_autoptr(MkReview) bad = make_review ("", 4);
  g_autoptr(GError) error = NULL;
  const char *id;

  g_assert_true (mk_reviews_model_add (model, review, &error));
  g_assert_no_error (error);
  id = mk_review_get_id (review);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpint (count_logs (f, "add_review"), ==, 1);

  /* A rejected write changes nothing and logs nothing. */
  g_assert_false (mk_reviews_model_add (model, bad, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (count_logs (f, "add_review"), ==, 1);

  edited = mk_review_copy (review);
  mk_review_set_rating (edited, 2);
  g_assert_true (mk_reviews_model_update (model, edited, &error));
  g_assert_cmpfloat (mk_reviews_model_get_average (model), ==, 2.0);
  g_assert_cmpint (count_logs (f, "edit_review"), ==, 1);

  g_assert_true (mk_reviews_model_set_published (model, id, FALSE, &error));
  g_assert_false (mk_review_get_is_published (mk_reviews_model_find (model, id)));
  g_assert_cmpint (count_logs (f, "unpublish_review"), ==, 1);
  g_assert_cmpint (mk_store_reviews_count (mk_context_get_store (f->context),
                                           mk_context_get_user_id (f->context), TRUE, NULL), ==, 0);

  g_assert_true (mk_reviews_model_set_verified (model, id, TRUE, &error));
  g_assert_true (mk_review_get_is_verified (mk_reviews_model_find (model, id)));
  g_assert_cmpint (count_logs (f, "verify_review"), ==, 1);

  deleted = mk_reviews_model_delete (model, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpint (count_logs (f, "delete_review"), ==, 1);

  g_assert_true (mk_reviews_model_restore (model, deleted, &error));
  g_assert_no_error (error);
  g_assert_nonnull (mk_reviews_model_find (model, id));
  g_assert_true (mk_review_get_is_verified (mk_reviews_model_find (model, id)));
  g_assert_cmpint (count_logs (f, "restore_review"), ==, 1);

  /* Signing out empties the list. */
  mk_context_set_user_id (f->context, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_label_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
settle (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
test_dialog_changes_average (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(MkReviewsModel) model = mk_reviews_model_new (f->context);
  g_autoptr(MkReview) first = make_review ("First", 2);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane;
  MkReviewDialog *dialog;
  GtkWidget *average, *name_row, *text_view, *star;
  int min_width;

  /* One review before the pane opens, so the summary is shown. */
  g_assert_true (mk_reviews_model_add (model, first, NULL));
  pane = g_object_new (MK_TYPE_REVIEWS_PANE, "context", f->context, NULL);

  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  /* The window must fit a phone: 360 px wide. */
  gtk_widget_measure (pane, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 340);

  average = find_label_with_class (pane, "review-average");
  g_assert_nonnull (average);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (average)), ==, "2.0");

  /* The pane's own model: reach it through the dialog it opens. */
  gtk_widget_activate_action (pane, "reviews.new", NULL);
  settle ();
  dialog = NULL;
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (MK_IS_REVIEW_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);

  /* Save stays off until the required fields and the rating are set. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL);
  settle ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (average)), ==, "2.0");
  g_assert_cmpint (count_logs (f, "add_review"), ==, 1);

  name_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Second Client");
  text_view = find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "Great shoot.", -1);
  star = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "5 stars");
  g_assert_nonnull (star);
  g_signal_emit_by_name (star, "clicked");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL);
  settle ();

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (average)), ==, "3.5");
  g_assert_cmpint (count_logs (f, "add_review"), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/reviews/model-logs", Fixture, NULL, fixture_set_up, test_model_logs, fixture_tear_down);
  g_test_add ("/reviews/dialog-changes-average", Fixture, NULL, fixture_set_up,
              test_dialog_changes_average, fixture_tear_down);

  return g_test_run ();
}
