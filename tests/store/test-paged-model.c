/* test-paged-model.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MkPagedModel, the keyset-paged GListModel under the agenda and the
 * activity log, with a subclass that pages through numbers 0..N-1.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include "mk-paged-model.h"

/* The items: plain GObjects carrying their number. */
static GQuark number_quark;

static GObject *
number_new (guint n)
{
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_qdata (object, number_quark, GUINT_TO_POINTER (n + 1));
  return object;
}

static guint
number_of (gpointer object)
{
  g_assert_true (G_IS_OBJECT (object));
  return GPOINTER_TO_UINT (g_object_get_qdata (object, number_quark)) - 1;
}

#define TEST_TYPE_NUMBERS (test_numbers_get_type ())
G_DECLARE_FINAL_TYPE (TestNumbers, test_numbers, TEST, NUMBERS, MkPagedModel)

struct _TestNumbers
{
  MkPagedModel parent_instance;

  guint        total;
  guint        fetches;
  guint        last_limit;
  gboolean     fail;
  /* The number after which the last fetch read, G_MAXUINT for the start. */
  guint        last_after;
};

G_DEFINE_FINAL_TYPE (TestNumbers, test_numbers, MK_TYPE_PAGED_MODEL)

static GPtrArray *
test_numbers_fetch_page (MkPagedModel  *model,
                         gpointer       last,
                         guint          limit,
                         GError       **error)
{
  TestNumbers *self = TEST_NUMBERS (model);
  GPtrArray *page;
  guint from;

  self->fetches++;
  self->last_limit = limit;
  self->last_after = last != NULL ? number_of (last) : G_MAXUINT;

  if (self->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "disk on fire");
      return NULL;
    }

  from = last != NULL ? number_of (last) + 1 : 0;
  page = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint n = from; n < self->total && page->len < limit; n++)
    g_ptr_array_add (page, number_new (n));
  return page;
}

static void
test_numbers_class_init (TestNumbersClass *klass)
{
  MK_PAGED_MODEL_CLASS (klass)->fetch_page = test_numbers_fetch_page;
}

static void
test_numbers_init (TestNumbers *self)
{
}

static TestNumbers *
test_numbers_new (guint total,
                  guint page_size)
{
  TestNumbers *self = g_object_new (TEST_TYPE_NUMBERS, "item-type", G_TYPE_OBJECT, NULL);

  self->total = total;
  mk_paged_model_set_page_size (MK_PAGED_MODEL (self), page_size);
  return self;
}

typedef struct {
  guint position, removed, added, emissions;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->emissions++;
}

static void
assert_in_order (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_assert_cmpuint (number_of (item), ==, i);
    }
}

static void
drain_idles (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_nothing_before_reload (void)
{
  g_autoptr(TestNumbers) model = test_numbers_new (10, 4);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (mk_paged_model_is_complete (MK_PAGED_MODEL (model)));
  g_assert_cmpuint (mk_paged_model_load_more (MK_PAGED_MODEL (model)), ==, 0);
  g_assert_cmpuint (model->fetches, ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == G_TYPE_OBJECT);
}

static void
test_pages_in_order (void)
{
  g_autoptr(TestNumbers) model = test_numbers_new (10, 4);
  Change change = { 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);

  mk_paged_model_reload (MK_PAGED_MODEL (model));
  g_assert_cmpuint (change.emissions, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 4);
  g_assert_cmpuint (model->last_limit, ==, 4);
  g_assert_cmpuint (model->last_after, ==, G_MAXUINT);
  g_assert_false (mk_paged_model_is_complete (MK_PAGED_MODEL (model)));

  /* Each next page is asked for after the last item held. */
  g_assert_cmpuint (mk_paged_model_load_more (MK_PAGED_MODEL (model)), ==, 4);
  g_assert_cmpuint (model->last_after, ==, 3);
  g_assert_cmpuint (change.position, ==, 4);
  g_assert_cmpuint (change.added, ==, 4);

  /* A short page is the end; nothing is read after it. */
  g_assert_cmpuint (mk_paged_model_load_more (MK_PAGED_MODEL (model)), ==, 2);
  g_assert_cmpuint (model->last_after, ==, 7);
  g_assert_true (mk_paged_model_is_complete (MK_PAGED_MODEL (model)));
  g_assert_cmpuint (mk_paged_model_load_more (MK_PAGED_MODEL (model)), ==, 0);
  g_assert_cmpuint (model->fetches, ==, 3);
  g_assert_cmpuint (change.emissions, ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  assert_in_order (G_LIST_MODEL (model));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 10));
}

/* When the total is a multiple of the page size the end shows as an
 * empty page, which changes nothing. */
static void
test_exact_multiple (void)
{
  g_autoptr(TestNumbers) model = test_numbers_new (8, 4);
  Change change = { 0 };

  mk_paged_model_reload (MK_PAGED_MODEL (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_assert_cmpuint (mk_paged_model_load_more (MK_PAGED_MODEL (model)), ==, 4);
  g_assert_false (mk_paged_model_is_complete (MK_PAGED_MODEL (model)));
  g_assert_cmpuint (mk_paged_model_load_more (MK_PAGED_MODEL (model)), ==, 0);
  g_assert_true (mk_paged_model_is_complete (MK_PAGED_MODEL (model)));
  g_assert_cmpuint (change.emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 8);
}

/* Asking for an item in the last half page reads on from an idle, never
 * from inside get_item(); asking near the top does not. */
static void
test_reads_on_near_the_end (void)
{
  g_autoptr(TestNumbers) model = test_numbers_new (100, 10);
  Change change = { 0 };
  GObject *item;

  mk_paged_model_reload (MK_PAGED_MODEL (model));
  drain_idles ();
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);

  item = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_object_unref (item);
  drain_idles ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_assert_cmpuint (model->fetches, ==, 1);

  item = g_list_model_get_item (G_LIST_MODEL (model), 7);
  g_assert_cmpuint (number_of (item), ==, 7);
  g_object_unref (item);
  /* Not yet: items-changed may not come from inside get_item(). */
  g_assert_cmpuint (change.emissions, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);

  /* Asking again before the idle ran schedules nothing more. */
  item = g_list_model_get_item (G_LIST_MODEL (model), 9);
  g_object_unref (item);
  drain_idles ();
  g_assert_cmpuint (model->fetches, ==, 2);
  g_assert_cmpuint (change.emissions, ==, 1);
  g_assert_cmpuint (change.position, ==, 10);
  g_assert_cmpuint (change.added, ==, 10);
  assert_in_order (G_LIST_MODEL (model));
}

/* A reload drops what was read and the pending idle with it. */
static void
test_reload_starts_again (void)
{
  g_autoptr(TestNumbers) model = test_numbers_new (100, 10);
  Change change = { 0 };
  GObject *item;

  mk_paged_model_reload (MK_PAGED_MODEL (model));
  mk_paged_model_load_more (MK_PAGED_MODEL (model));
  mk_paged_model_load_more (MK_PAGED_MODEL (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30);

  item = g_list_model_get_item (G_LIST_MODEL (model), 29);
  g_object_unref (item);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  mk_paged_model_reload (MK_PAGED_MODEL (model));
  g_assert_cmpuint (change.removed, ==, 30);
  g_assert_cmpuint (change.added, ==, 10);
  g_assert_cmpuint (model->last_after, ==, G_MAXUINT);

  drain_idles ();
  g_assert_cmpuint (change.emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  assert_in_order (G_LIST_MODEL (model));
}

/* A failed read ends the list (with a warning) rather than failing again
 * on every scroll; a reload tries again. */
static void
test_error_ends_the_list (void)
{
  g_autoptr(TestNumbers) model = test_numbers_new (100, 10);

  mk_paged_model_reload (MK_PAGED_MODEL (model));
  model->fail = TRUE;
  g_test_expect_message ("mediakit-store", G_LOG_LEVEL_WARNING, "*disk on fire*");
  g_assert_cmpuint (mk_paged_model_load_more (MK_PAGED_MODEL (model)), ==, 0);
  g_test_assert_expected_messages ();
  g_assert_true (mk_paged_model_is_complete (MK_PAGED_MODEL (model)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_assert_cmpuint (mk_paged_model_load_more (MK_PAGED_MODEL (model)), ==, 0);
  g_assert_cmpuint (model->fetches, ==, 2);

  model->fail = FALSE;
  mk_paged_model_reload (MK_PAGED_MODEL (model));
  g_assert_false (mk_paged_model_is_complete (MK_PAGED_MODEL (model)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
}

static void
test_prepend (void)
{
  g_autoptr(TestNumbers) model = test_numbers_new (5, 10);
  g_autoptr(GObject) extra = number_new (99);
  g_autoptr(GObject) first = NULL;
  Change change = { 0 };

  g_assert_null (mk_paged_model_peek_first (MK_PAGED_MODEL (model)));
  mk_paged_model_reload (MK_PAGED_MODEL (model));
  g_assert_cmpuint (number_of (mk_paged_model_peek_first (MK_PAGED_MODEL (model))), ==, 0);

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  mk_paged_model_prepend (MK_PAGED_MODEL (model), extra);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 6);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (first == extra);
  g_assert_true (mk_paged_model_peek_first (MK_PAGED_MODEL (model)) == (gpointer)extra);
}

static void
test_page_size (void)
{
  g_autoptr(TestNumbers) model = test_numbers_new (5000, 0);

  g_assert_cmpuint (mk_paged_model_get_page_size (MK_PAGED_MODEL (model)), ==, 200);
  mk_paged_model_set_page_size (MK_PAGED_MODEL (model), 100000);
  g_assert_cmpuint (mk_paged_model_get_page_size (MK_PAGED_MODEL (model)), ==, 1000);
  mk_paged_model_reload (MK_PAGED_MODEL (model));
  g_assert_cmpuint (model->last_limit, ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000);
}

/* A short first page is not the end; the pages after it are full size. */
static void
test_first_page_size (void)
{
  g_autoptr(TestNumbers) model = test_numbers_new (100, 30);

  mk_paged_model_set_first_page_size (MK_PAGED_MODEL (model), 8);
  mk_paged_model_reload (MK_PAGED_MODEL (model));
  g_assert_cmpuint (model->last_limit, ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 8);
  g_assert_false (mk_paged_model_is_complete (MK_PAGED_MODEL (model)));

  g_assert_cmpuint (mk_paged_model_load_more (MK_PAGED_MODEL (model)), ==, 30);
  g_assert_cmpuint (model->last_limit, ==, 30);
  g_assert_cmpuint (model->last_after, ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 38);
  assert_in_order (G_LIST_MODEL (model));

  /* And again after a reload. */
  mk_paged_model_reload (MK_PAGED_MODEL (model));
  g_assert_cmpuint (model->last_limit, ==, 8);

  /* Fewer rows than the first page: the end. */
  model->total = 5;
  mk_paged_model_reload (MK_PAGED_MODEL (model));
  g_assert_true (mk_paged_model_is_complete (MK_PAGED_MODEL (model)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
}

/* Disposing with a read pending must not run it afterwards. */
static void
test_dispose_cancels_idle (void)
{
  TestNumbers *model = test_numbers_new (100, 10);
  GObject *item;

  mk_paged_model_reload (MK_PAGED_MODEL (model));
  item = g_list_model_get_item (G_LIST_MODEL (model), 9);
  g_object_unref (item);
  g_object_unref (model);
  drain_idles ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  number_quark = g_quark_from_static_string ("test-number");

  g_test_add_func ("/paged-model/nothing-before-reload", test_nothing_before_reload);
  g_test_add_func ("/paged-model/pages-in-order", test_pages_in_order);
  g_test_add_func ("/paged-model/exact-multiple", test_exact_multiple);
  g_test_add_func ("/paged-model/reads-on-near-the-end", test_reads_on_near_the_end);
  g_test_add_func ("/paged-model/reload-starts-again", test_reload_starts_again);
  g_test_add_func ("/paged-model/error-ends-the-list", test_error_ends_the_list);
  g_test_add_func ("/paged-model/prepend", test_prepend);
  g_test_add_func ("/paged-model/page-size", test_page_size);
  g_test_add_func ("/paged-model/first-page-size", test_first_page_size);
  g_test_add_func ("/paged-model/dispose-cancels-idle", test_dispose_cancels_idle);

  return g_test_run ();
}
