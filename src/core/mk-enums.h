/* mk-enums.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The string forms are what the database stores; they never change once a
 * database holds them. Display names are translated and may change. */

typedef enum {
  MK_PLATFORM_NONE,
  MK_PLATFORM_INSTAGRAM,
  MK_PLATFORM_FACEBOOK,
  MK_PLATFORM_YOUTUBE,
  MK_PLATFORM_TIKTOK,       /* calendar uploads only: there is no TikTok client */
} MkPlatform;

typedef enum {
  MK_ENTRY_TYPE_SHOOT,
  MK_ENTRY_TYPE_UPLOAD,
} MkEntryType;

typedef enum {
  MK_ENTRY_STATUS_PENDING,
  MK_ENTRY_STATUS_COMPLETED,
} MkEntryStatus;

typedef enum {
  MK_LOG_STATUS_SUCCESS,
  MK_LOG_STATUS_FAILURE,
} MkLogStatus;

typedef enum {
  MK_CONTENT_TYPE_NONE,
  MK_CONTENT_TYPE_REEL,
  MK_CONTENT_TYPE_POST,
  MK_CONTENT_TYPE_STORY,
  MK_CONTENT_TYPE_VIDEO,
  MK_CONTENT_TYPE_SHORT,
  MK_CONTENT_TYPE_LIVE,
} MkContentType;

#define MK_TYPE_PLATFORM     (mk_platform_get_type ())
#define MK_TYPE_ENTRY_TYPE   (mk_entry_type_get_type ())
#define MK_TYPE_ENTRY_STATUS (mk_entry_status_get_type ())
#define MK_TYPE_LOG_STATUS   (mk_log_status_get_type ())
#define MK_TYPE_CONTENT_TYPE (mk_content_type_get_type ())

GType       mk_platform_get_type              (void) G_GNUC_CONST;
GType       mk_entry_type_get_type            (void) G_GNUC_CONST;
GType       mk_entry_status_get_type          (void) G_GNUC_CONST;
GType       mk_log_status_get_type            (void) G_GNUC_CONST;
GType       mk_content_type_get_type          (void) G_GNUC_CONST;

/* "instagram", "facebook", "youtube", "tiktok"; NULL for MK_PLATFORM_NONE. */
const char *mk_platform_to_string             (MkPlatform     platform);
/* NULL or "" give MK_PLATFORM_NONE and TRUE; an unknown string gives FALSE. */
gboolean    mk_platform_from_string           (const char    *str,
                                               MkPlatform    *out_platform);
const char *mk_platform_get_display_name      (MkPlatform     platform);
/* TRUE for the platforms that have a client, a connection and metrics. */
gboolean    mk_platform_is_connectable        (MkPlatform     platform);

/* "shoot", "upload" */
const char *mk_entry_type_to_string           (MkEntryType    type);
gboolean    mk_entry_type_from_string         (const char    *str,
                                               MkEntryType   *out_type);
const char *mk_entry_type_get_display_name    (MkEntryType    type);

/* "pending", "completed" */
const char *mk_entry_status_to_string         (MkEntryStatus  status);
gboolean    mk_entry_status_from_string       (const char    *str,
                                               MkEntryStatus *out_status);
const char *mk_entry_status_get_display_name  (MkEntryStatus  status);

/* "success", "failure" */
const char *mk_log_status_to_string           (MkLogStatus    status);
gboolean    mk_log_status_from_string         (const char    *str,
                                               MkLogStatus   *out_status);
const char *mk_log_status_get_display_name    (MkLogStatus    status);

/* "Reel", "Post", "Story", "Video", "Short", "Live"; NULL for NONE.
 * from_string ignores letter case; NULL or "" give NONE. */
const char *mk_content_type_to_string         (MkContentType  type);
gboolean    mk_content_type_from_string       (const char    *str,
                                               MkContentType *out_type);
const char *mk_content_type_get_display_name  (MkContentType  type);

G_END_DECLS
