/* mk-avatar.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mk-avatar.h"

/* Decoding goes in chunks so that a canvas found too big in the header
 * stops the work before the pixels are allocated. */
#define CHUNK_SIZE (64 * 1024)

G_DEFINE_QUARK (mk-avatar-error-quark, mk_avatar_error)

char *
mk_avatar_dir (const char *data_dir)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  /* Canonical, so that the copies' paths can be compared with it. */
  canonical = g_canonicalize_filename (data_dir, NULL);
  return g_build_filename (canonical, "avatars", NULL);
}

char *
mk_avatar_reference_to_path (const char *reference)
{
  if (reference == NULL || *reference == '\0')
    return NULL;

  if (g_str_has_prefix (reference, "file:"))
    return g_filename_from_uri (reference, NULL, NULL);

  if (g_path_is_absolute (reference))
    return g_strdup (reference);

  return NULL;
}

void
mk_avatar_delete (const char *avatars_dir,
                  const char *reference)
{
  g_autofree char *path = mk_avatar_reference_to_path (reference);
  g_autofree char *dir = NULL;

  if (path == NULL || avatars_dir == NULL)
    return;

  /* Only our own copies: a path someone stored by hand is theirs. */
  dir = g_path_get_dirname (path);
  if (g_strcmp0 (dir, avatars_dir) != 0 || !g_str_has_suffix (path, ".png"))
    return;

  if (g_remove (path) != 0 && errno != ENOENT)
    g_message ("Could not remove the old avatar %s: %s", path, g_strerror (errno));
}

void
mk_avatar_prune (const char *avatars_dir,
                 const char *user_id,
                 const char *keep_reference)
{
  g_autofree char *keep = mk_avatar_reference_to_path (keep_reference);
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (avatars_dir == NULL || user_id == NULL)
    return;

  prefix = g_strconcat (user_id, "-", NULL);
  dir = g_dir_open (avatars_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".png"))
        continue;

      path = g_build_filename (avatars_dir, name, NULL);
      if (g_strcmp0 (path, keep) != 0 && g_remove (path) != 0 && errno != ENOENT)
        g_message ("Could not remove the old avatar %s: %s", path, g_strerror (errno));
    }
}

/* By content, not by name or by what the file chooser was told. */
static const char *
sniff_type (const guint8 *data,
            gsize         size)
{
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "image/jpeg";
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";

  return NULL;
}

/* The loaders hand back what they decoded of a cut-off file without an
 * error; its end says whether it is all there. */
static gboolean
is_complete (const guint8 *data,
             gsize         size,
             const char   *mime_type)
{
  if (g_str_equal (mime_type, "image/png"))
    return size >= 12 && memcmp (data + size - 8, "IEND", 4) == 0;

  if (g_str_equal (mime_type, "image/jpeg"))
    {
      /* The end-of-image marker, allowing for padding some cameras add. */
      for (gsize i = size; i >= 2 && size - i < 4096; i--)
        if (data[i - 2] == 0xff && data[i - 1] == 0xd9)
          return TRUE;
      return FALSE;
    }

  if (g_str_equal (mime_type, "image/webp"))
    {
      guint32 riff_size = data[4] | (data[5] << 8) | (data[6] << 16) | ((guint32) data[7] << 24);

      return (guint64) riff_size + 8 <= size;
    }

  return TRUE;
}

typedef struct {
  GFile      *source;
  char       *avatars_dir;
  char       *user_id;

  /* Filled in by the thread */
  char       *uri;
  GdkTexture *texture;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  /* A copy nobody took (the editor closed meanwhile) is not left behind. */
  if (job->uri != NULL)
    {
      g_autofree char *path = g_filename_from_uri (job->uri, NULL, NULL);

      if (path != NULL)
        g_remove (path);
    }

  g_clear_object (&job->source);
  g_free (job->avatars_dir);
  g_free (job->user_id);
  g_free (job->uri);
  g_clear_object (&job->texture);
  g_free (job);
}

typedef struct {
  gboolean too_big;
} Prepared;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Prepared *prepared = user_data;
  double scale;

  if (width <= 0 || height <= 0)
    return;

  if (width > MK_AVATAR_MAX_PIXELS || height > MK_AVATAR_MAX_PIXELS)
    {
      prepared->too_big = TRUE;
      /* The smallest canvas, so whatever the loader does before it is
       * stopped costs nothing. */
      gdk_pixbuf_loader_set_size (loader, 1, 1);
      return;
    }

  /* Loaders that can (JPEG) decode straight at the smaller size. */
  scale = MIN (1.0, (double) MK_AVATAR_SIZE / MAX (width, height));
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int) (width * scale + 0.5)),
                                MAX (1, (int) (height * scale + 0.5)));
}

static GBytes *
read_bounded (GFile         *source,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *local_error = NULL;

  info = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, local_error);
      else
        {
          g_set_error (error, MK_AVATAR_ERROR, MK_AVATAR_ERROR_BROKEN,
                       _("The file could not be read: %s"), local_error->message);
          g_error_free (local_error);
        }
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, MK_AVATAR_ERROR, MK_AVATAR_ERROR_UNSUPPORTED,
                           _("Choose a picture file: PNG, JPEG or WebP"));
      return NULL;
    }

  if (g_file_info_get_size (info) > MK_AVATAR_MAX_BYTES)
    goto too_big;

  /* The size may change between the check and the read: read no more
   * than the limit allows either way. */
  stream = g_file_read (source, cancellable, &local_error);
  if (stream != NULL)
    bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), MK_AVATAR_MAX_BYTES + 1,
                                       cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, local_error);
      else
        {
          g_set_error (error, MK_AVATAR_ERROR, MK_AVATAR_ERROR_BROKEN,
                       _("The file could not be read: %s"), local_error->message);
          g_error_free (local_error);
        }
      return NULL;
    }

  if (g_bytes_get_size (bytes) > MK_AVATAR_MAX_BYTES)
    goto too_big;

  return g_steal_pointer (&bytes);

too_big:
  /* Translators: %d is a number of megabytes */
  g_set_error (error, MK_AVATAR_ERROR, MK_AVATAR_ERROR_TOO_BIG,
               _("The picture is larger than %d MB: choose a smaller file"),
               MK_AVATAR_MAX_BYTES / (1024 * 1024));
  return NULL;
}

static GdkPixbuf *
decode (GBytes        *bytes,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  GdkPixbuf *pixbuf;
  const guint8 *data;
  gsize size;
  const char *mime_type;
  Prepared prepared = { FALSE };
  GError *local_error = NULL;
  int width, height;

  data = g_bytes_get_data (bytes, &size);
  mime_type = sniff_type (data, size);
  if (mime_type == NULL)
    {
      g_set_error_literal (error, MK_AVATAR_ERROR, MK_AVATAR_ERROR_UNSUPPORTED,
                           _("This is not a PNG, JPEG or WebP picture"));
      return NULL;
    }

  if (!is_complete (data, size, mime_type))
    {
      g_set_error_literal (error, MK_AVATAR_ERROR, MK_AVATAR_ERROR_BROKEN,
                           _("The picture cannot be read: the file may be damaged"));
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, &local_error);
  if (loader == NULL)
    {
      g_warning ("No image loader for %s: %s", mime_type, local_error->message);
      g_clear_error (&local_error);
      g_set_error_literal (error, MK_AVATAR_ERROR, MK_AVATAR_ERROR_UNSUPPORTED,
                           _("Pictures of this type cannot be read on this computer"));
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &prepared);

  for (gsize offset = 0; offset < size && !prepared.too_big; offset += CHUNK_SIZE)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          gdk_pixbuf_loader_close (loader, NULL);
          return NULL;
        }

      if (!gdk_pixbuf_loader_write (loader, data + offset, MIN (CHUNK_SIZE, size - offset), &local_error))
        break;
    }

  if (prepared.too_big)
    {
      g_clear_error (&local_error);
      gdk_pixbuf_loader_close (loader, NULL);
      /* Translators: %d is a number of pixels */
      g_set_error (error, MK_AVATAR_ERROR, MK_AVATAR_ERROR_TOO_MANY_PIXELS,
                   _("The picture is wider or taller than %d pixels: choose a smaller one"),
                   MK_AVATAR_MAX_PIXELS);
      return NULL;
    }

  if (local_error != NULL)
    gdk_pixbuf_loader_close (loader, NULL);
  else
    gdk_pixbuf_loader_close (loader, &local_error);

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (local_error != NULL || pixbuf == NULL)
    {
      g_debug ("Could not decode the picture: %s", local_error ? local_error->message : "no pixels");
      g_clear_error (&local_error);
      g_set_error_literal (error, MK_AVATAR_ERROR, MK_AVATAR_ERROR_BROKEN,
                           _("The picture cannot be read: the file may be damaged"));
      return NULL;
    }

  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  width = gdk_pixbuf_get_width (oriented);
  height = gdk_pixbuf_get_height (oriented);

  /* For loaders that ignored the requested size. */
  if (MAX (width, height) > MK_AVATAR_SIZE)
    {
      double scale = (double) MK_AVATAR_SIZE / MAX (width, height);

      return gdk_pixbuf_scale_simple (oriented,
                                      MAX (1, (int) (width * scale + 0.5)),
                                      MAX (1, (int) (height * scale + 0.5)),
                                      GDK_INTERP_BILINEAR);
    }

  return g_steal_pointer (&oriented);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *png = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uuid = NULL;
  gsize png_size = 0;
  GError *error = NULL;

  if ((bytes = read_bounded (job->source, cancellable, &error)) == NULL ||
      (pixbuf = decode (bytes, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &png, &png_size, "png", &error, NULL))
    {
      g_prefix_error (&error, "%s", _("The picture could not be converted: "));
      error->domain = MK_AVATAR_ERROR;
      error->code = MK_AVATAR_ERROR_FAILED;
      g_task_return_error (task, error);
      return;
    }

  if (g_mkdir_with_parents (job->avatars_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, MK_AVATAR_ERROR, MK_AVATAR_ERROR_FAILED,
                               _("The folder for pictures could not be made: %s"),
                               g_strerror (saved_errno));
      return;
    }

  uuid = g_uuid_string_random ();
  name = g_strdup_printf ("%s-%.8s.png", job->user_id, uuid);
  path = g_build_filename (job->avatars_dir, name, NULL);

  /* CONSISTENT: a temporary file beside it, synced, then renamed over. */
  if (!g_file_set_contents_full (path, png, png_size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_prefix_error (&error, "%s", _("The picture could not be saved: "));
      error->domain = MK_AVATAR_ERROR;
      error->code = MK_AVATAR_ERROR_FAILED;
      g_task_return_error (task, error);
      return;
    }

  /* Nobody will take this copy: leave nothing behind. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_remove (path);
      g_task_return_error (task, error);
      return;
    }

  job->texture = gdk_texture_new_for_pixbuf (pixbuf);
  job->uri = g_filename_to_uri (path, NULL, NULL);
  g_task_return_boolean (task, TRUE);
}

void
mk_avatar_import_async (GFile               *source,
                        const char          *avatars_dir,
                        const char          *user_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (G_IS_FILE (source));
  g_return_if_fail (avatars_dir != NULL);
  g_return_if_fail (user_id != NULL);

  job = g_new0 (ImportJob, 1);
  job->source = g_object_ref (source);
  job->avatars_dir = g_strdup (avatars_dir);
  job->user_id = g_strdup (user_id);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_avatar_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

char *
mk_avatar_import_finish (GAsyncResult  *result,
                         GdkTexture   **out_texture,
                         GError       **error)
{
  ImportJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_avatar_import_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  if (out_texture != NULL)
    *out_texture = g_steal_pointer (&job->texture);

  return g_steal_pointer (&job->uri);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autofree char *path = mk_avatar_reference_to_path (task_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkPixbuf *pixbuf;
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, MK_AVATAR_ERROR, MK_AVATAR_ERROR_UNSUPPORTED,
                               _("The picture is not a file on this computer"));
      return;
    }

  /* The same checks as a new picture: the column may have been set by
   * hand or by an older version. */
  file = g_file_new_for_path (path);
  if ((bytes = read_bounded (file, cancellable, &error)) == NULL ||
      (pixbuf = decode (bytes, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
  g_object_unref (pixbuf);
}

void
mk_avatar_load_async (const char          *reference,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_avatar_load_async);
  g_task_set_task_data (task, g_strdup (reference), g_free);
  g_task_run_in_thread (task, load_thread);
}

GdkTexture *
mk_avatar_load_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
