/* mk-reviews-io.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <string.h>

#include "mk-reviews-io.h"
#include "mk-store.h"

typedef struct {
  char      *path;     /* db path or nothing */
  char      *user_id;
  GFile     *file;
  GPtrArray *reviews;
} IoData;

static void
io_data_free (IoData *data)
{
  g_free (data->path);
  g_free (data->user_id);
  g_clear_object (&data->file);
  g_clear_pointer (&data->reviews, g_ptr_array_unref);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  IoData *data = task_data;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GError *error = NULL;
  MkReviewsCsvImport *import;

  if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  import = mk_reviews_csv_read (contents, length, data->user_id, &error);
  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) mk_reviews_csv_import_free);
}

void
mk_reviews_io_load_async (GFile               *file,
                          const char          *user_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  IoData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (user_id != NULL);

  data = g_new0 (IoData, 1);
  data->file = g_object_ref (file);
  data->user_id = g_strdup (user_id);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_reviews_io_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) io_data_free);
  g_task_run_in_thread (task, load_thread);
}

MkReviewsCsvImport *
mk_reviews_io_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  IoData *data = task_data;
  g_autoptr(MkStore) store = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  store = mk_store_open (data->path, &error);
  if (store == NULL || !mk_store_reviews_import (store, data->user_id, data->reviews, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
mk_reviews_io_import_async (const char          *db_path,
                            const char          *user_id,
                            GPtrArray           *reviews,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  IoData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (user_id != NULL);
  g_return_if_fail (reviews != NULL);

  data = g_new0 (IoData, 1);
  data->path = g_strdup (db_path);
  data->user_id = g_strdup (user_id);
  data->reviews = g_ptr_array_ref (reviews);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_reviews_io_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) io_data_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
mk_reviews_io_import_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
mk_reviews_io_export_file (GPtrArray   *reviews,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *csv = mk_reviews_csv_write (reviews);

  return g_file_set_contents_full (path, csv, strlen (csv),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
