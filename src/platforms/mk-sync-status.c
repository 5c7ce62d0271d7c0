/* mk-sync-status.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-sync"

#include "config.h"

#include "mk-sync-status.h"

struct _MkSyncStatus
{
  GObject      parent_instance;

  MkPlatform   platform;
  gboolean     connected;
  MkSyncState  state;
  double       progress;
  char        *message;
  gboolean     needs_reconnect;
  char        *last_updated;
  GDateTime   *retry_at;
};

G_DEFINE_FINAL_TYPE (MkSyncStatus, mk_sync_status, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MkSyncState, mk_sync_state,
  G_DEFINE_ENUM_VALUE (MK_SYNC_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (MK_SYNC_STATE_SYNCING, "syncing"),
  G_DEFINE_ENUM_VALUE (MK_SYNC_STATE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (MK_SYNC_STATE_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (MK_SYNC_STATE_WAITING, "waiting"))

enum {
  PROP_0,
  PROP_PLATFORM,
  PROP_CONNECTED,
  PROP_STATE,
  PROP_PROGRESS,
  PROP_MESSAGE,
  PROP_NEEDS_RECONNECT,
  PROP_LAST_UPDATED,
  PROP_RETRY_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
static gboolean
replace_str (char       **slot,
             const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
mk_sync_status_finalize (GObject *object)
{
  MkSyncStatus *self = (MkSyncStatus *)object;

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->last_updated, g_free);
  g_clear_pointer (&self->retry_at, g_date_time_unref);

  G_OBJECT_CLASS (mk_sync_status_parent_class)->finalize (object);
}

static void
mk_sync_status_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MkSyncStatus *self = MK_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      g_value_set_enum (value, self->platform);
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, self->connected);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_NEEDS_RECONNECT:
      g_value_set_boolean (value, self->needs_reconnect);
      break;
    case PROP_LAST_UPDATED:
      g_value_set_string (value, self->last_updated);
      break;
    case PROP_RETRY_AT:
      g_value_set_boxed (value, self->retry_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_sync_status_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MkSyncStatus *self = MK_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      self->platform = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_sync_status_class_init (MkSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mk_sync_status_finalize;
  object_class->get_property = mk_sync_status_get_property;
  object_class->set_property = mk_sync_status_set_property;

  properties[PROP_PLATFORM] =
    g_param_spec_enum ("platform", NULL, NULL, MK_TYPE_PLATFORM, MK_PLATFORM_NONE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, FALSE, ro);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, MK_TYPE_SYNC_STATE, MK_SYNC_STATE_IDLE, ro);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, ro);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, ro);
  properties[PROP_NEEDS_RECONNECT] =
    g_param_spec_boolean ("needs-reconnect", NULL, NULL, FALSE, ro);
  properties[PROP_LAST_UPDATED] =
    g_param_spec_string ("last-updated", NULL, NULL, NULL, ro);
  properties[PROP_RETRY_AT] =
    g_param_spec_boxed ("retry-at", NULL, NULL, G_TYPE_DATE_TIME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_sync_status_init (MkSyncStatus *self)
{
}

MkSyncStatus *
mk_sync_status_new (MkPlatform platform)
{
  return g_object_new (MK_TYPE_SYNC_STATUS, "platform", platform, NULL);
}

MkPlatform
mk_sync_status_get_platform (MkSyncStatus *self)
{
  g_return_val_if_fail (MK_IS_SYNC_STATUS (self), MK_PLATFORM_NONE);
  return self->platform;
}

gboolean
mk_sync_status_get_connected (MkSyncStatus *self)
{
  g_return_val_if_fail (MK_IS_SYNC_STATUS (self), FALSE);
  return self->connected;
}

MkSyncState
mk_sync_status_get_state (MkSyncStatus *self)
{
  g_return_val_if_fail (MK_IS_SYNC_STATUS (self), MK_SYNC_STATE_IDLE);
  return self->state;
}

double
mk_sync_status_get_progress (MkSyncStatus *self)
{
  g_return_val_if_fail (MK_IS_SYNC_STATUS (self), 0.0);
  return self->progress;
}

const char *
mk_sync_status_get_message (MkSyncStatus *self)
{
  g_return_val_if_fail (MK_IS_SYNC_STATUS (self), NULL);
  return self->message;
}

gboolean
mk_sync_status_get_needs_reconnect (MkSyncStatus *self)
{
  g_return_val_if_fail (MK_IS_SYNC_STATUS (self), FALSE);
  return self->needs_reconnect;
}

const char *
mk_sync_status_get_last_updated (MkSyncStatus *self)
{
  g_return_val_if_fail (MK_IS_SYNC_STATUS (self), NULL);
  return self->last_updated;
}

GDateTime *
mk_sync_status_get_retry_at (MkSyncStatus *self)
{
  g_return_val_if_fail (MK_IS_SYNC_STATUS (self), NULL);
  return self->retry_at;
}

void
mk_sync_status_set_connected (MkSyncStatus *self,
                              gboolean      connected)
{
  g_return_if_fail (MK_IS_SYNC_STATUS (self));

  connected = !!connected;
  if (self->connected == connected)
    return;
  self->connected = connected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

void
mk_sync_status_set_state (MkSyncStatus *self,
                          MkSyncState   state)
{
  g_return_if_fail (MK_IS_SYNC_STATUS (self));

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
mk_sync_status_set_progress (MkSyncStatus *self,
                             double        progress)
{
  g_return_if_fail (MK_IS_SYNC_STATUS (self));

  progress = CLAMP (progress, 0.0, 1.0);
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

void
mk_sync_status_set_message (MkSyncStatus *self,
                            const char   *message)
{
  g_return_if_fail (MK_IS_SYNC_STATUS (self));

  if (replace_str (&self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

void
mk_sync_status_set_needs_reconnect (MkSyncStatus *self,
                                    gboolean      needs_reconnect)
{
  g_return_if_fail (MK_IS_SYNC_STATUS (self));

  needs_reconnect = !!needs_reconnect;
  if (self->needs_reconnect == needs_reconnect)
    return;
  self->needs_reconnect = needs_reconnect;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_RECONNECT]);
}

void
mk_sync_status_set_last_updated (MkSyncStatus *self,
                                 const char   *last_updated)
{
  g_return_if_fail (MK_IS_SYNC_STATUS (self));

  if (replace_str (&self->last_updated, last_updated))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_UPDATED]);
}

void
mk_sync_status_set_retry_at (MkSyncStatus *self,
                             GDateTime    *retry_at)
{
  g_return_if_fail (MK_IS_SYNC_STATUS (self));

  if (self->retry_at == retry_at
      || (self->retry_at != NULL && retry_at != NULL && g_date_time_equal (self->retry_at, retry_at)))
    return;

  g_clear_pointer (&self->retry_at, g_date_time_unref);
  self->retry_at = retry_at != NULL ? g_date_time_ref (retry_at) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_AT]);
}
