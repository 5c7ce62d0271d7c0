/* mk-avatar.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a picture may be before it is even decoded: a bigger file or a
 * bigger canvas is almost surely a mistake (a raw photo, a scan) and would
 * hold the worker thread and hundreds of MiB for a 512 px result. */
#define MK_AVATAR_MAX_BYTES  (20 * 1024 * 1024)
#define MK_AVATAR_MAX_PIXELS 8000
/* The stored copy's longest side, at most. */
#define MK_AVATAR_SIZE       512

#define MK_AVATAR_ERROR (mk_avatar_error_quark ())

/**
 * MkAvatarError:
 * @MK_AVATAR_ERROR_TOO_BIG: more than MK_AVATAR_MAX_BYTES
 * @MK_AVATAR_ERROR_TOO_MANY_PIXELS: wider or taller than MK_AVATAR_MAX_PIXELS
 * @MK_AVATAR_ERROR_UNSUPPORTED: not a PNG, JPEG or WebP file
 * @MK_AVATAR_ERROR_BROKEN: looks like one but cannot be decoded
 * @MK_AVATAR_ERROR_FAILED: the copy could not be written
 */
typedef enum {
  MK_AVATAR_ERROR_TOO_BIG,
  MK_AVATAR_ERROR_TOO_MANY_PIXELS,
  MK_AVATAR_ERROR_UNSUPPORTED,
  MK_AVATAR_ERROR_BROKEN,
  MK_AVATAR_ERROR_FAILED,
} MkAvatarError;

GQuark      mk_avatar_error_quark    (void);

/* <data-dir>/avatars: the copies are named "<user-id>-<random>.png", so a
 * new picture never overwrites the one the saved profile still shows
 * (mk-account-service.c removes them by that prefix with the account). */
char       *mk_avatar_dir            (const char          *data_dir);
/* The local path of a stored avatar reference (a file:// URI or a path). */
char       *mk_avatar_reference_to_path (const char       *reference);
/* Removes @reference's file if it is one of ours in @avatars_dir. */
void        mk_avatar_delete         (const char          *avatars_dir,
                                      const char          *reference);

/* Removes every copy of @user_id's in @avatars_dir but @keep_reference's:
 * the one a save replaced, and any a killed process left behind. */
void        mk_avatar_prune          (const char          *avatars_dir,
                                      const char          *user_id,
                                      const char          *keep_reference);

/* In a worker thread: checks @source (size, type, canvas), decodes it,
 * scales it to at most MK_AVATAR_SIZE px keeping its aspect, applies its
 * EXIF orientation and writes a PNG copy atomically into @avatars_dir.
 * Returns the copy's file:// URI and, in @out_texture, the picture. */
void        mk_avatar_import_async   (GFile               *source,
                                      const char          *avatars_dir,
                                      const char          *user_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
char       *mk_avatar_import_finish  (GAsyncResult        *result,
                                      GdkTexture         **out_texture,
                                      GError             **error);

/* Decodes a stored avatar in a worker thread. */
void        mk_avatar_load_async     (const char          *reference,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GdkTexture *mk_avatar_load_finish    (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
