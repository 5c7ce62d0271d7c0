/* mk-thumbnail-loader.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "mk-thumbnail-loader.h"

static guint n_decodes;
static guint n_main_thread_decodes;

typedef struct {
  char    *path;
  int      size;
  GThread *caller;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->path);
  g_free (request);
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  g_atomic_int_inc (&n_decodes);
  if (g_thread_self () == request->caller)
    g_atomic_int_inc (&n_main_thread_decodes);

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A thumbnail is shown small; decoding at that size keeps memory low. */
  pixbuf = gdk_pixbuf_new_from_file_at_scale (request->path, request->size, request->size,
                                              TRUE, &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

void
mk_thumbnail_load_async (const char          *path,
                         int                  size,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (path != NULL);
  g_return_if_fail (size > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_thumbnail_load_async);
  request = g_new0 (Request, 1);
  request->path = g_strdup (path);
  request->size = size;
  request->caller = g_thread_self ();
  g_task_set_task_data (task, request, request_free);
  g_task_run_in_thread (task, decode_thread);
}

GdkTexture *
mk_thumbnail_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_thumbnail_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
mk_thumbnail_get_main_thread_decodes (void)
{
  return g_atomic_int_get (&n_main_thread_decodes);
}

guint
mk_thumbnail_get_decodes (void)
{
  return g_atomic_int_get (&n_decodes);
}
