/* mk-metrics-snapshot.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "mk-metrics-snapshot.h"
#include "mk-validate.h"

struct _MkMetricsSnapshot
{
  GObject parent_instance;

  char         *id;
  char         *user_id;
  MkPlatform    platform;
  gint64        follower_count;
  gint64        media_count;
  gint64        view_count;
  double        engagement_rate;
  char         *last_updated;
};

G_DEFINE_FINAL_TYPE (MkMetricsSnapshot, mk_metrics_snapshot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_PLATFORM,
  PROP_FOLLOWER_COUNT,
  PROP_MEDIA_COUNT,
  PROP_VIEW_COUNT,
  PROP_ENGAGEMENT_RATE,
  PROP_LAST_UPDATED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mk_metrics_snapshot_finalize (GObject *object)
{
  MkMetricsSnapshot *self = (MkMetricsSnapshot *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->last_updated, g_free);

  G_OBJECT_CLASS (mk_metrics_snapshot_parent_class)->finalize (object);
}

static void
mk_metrics_snapshot_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MkMetricsSnapshot *self = MK_METRICS_SNAPSHOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    case PROP_PLATFORM:
      g_value_set_enum (value, self->platform);
      break;

    case PROP_FOLLOWER_COUNT:
      g_value_set_int64 (value, self->follower_count);
      break;

    case PROP_MEDIA_COUNT:
      g_value_set_int64 (value, self->media_count);
      break;

    case PROP_VIEW_COUNT:
      g_value_set_int64 (value, self->view_count);
      break;

    case PROP_ENGAGEMENT_RATE:
      g_value_set_double (value, self->engagement_rate);
      break;

    case PROP_LAST_UPDATED:
      g_value_set_string (value, self->last_updated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_metrics_snapshot_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MkMetricsSnapshot *self = MK_METRICS_SNAPSHOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      mk_metrics_snapshot_set_id (self, g_value_get_string (value));
      break;

    case PROP_USER_ID:
      mk_metrics_snapshot_set_user_id (self, g_value_get_string (value));
      break;

    case PROP_PLATFORM:
      mk_metrics_snapshot_set_platform (self, g_value_get_enum (value));
      break;

    case PROP_FOLLOWER_COUNT:
      mk_metrics_snapshot_set_follower_count (self, g_value_get_int64 (value));
      break;

    case PROP_MEDIA_COUNT:
      mk_metrics_snapshot_set_media_count (self, g_value_get_int64 (value));
      break;

    case PROP_VIEW_COUNT:
      mk_metrics_snapshot_set_view_count (self, g_value_get_int64 (value));
      break;

    case PROP_ENGAGEMENT_RATE:
      mk_metrics_snapshot_set_engagement_rate (self, g_value_get_double (value));
      break;

    case PROP_LAST_UPDATED:
      mk_metrics_snapshot_set_last_updated (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_metrics_snapshot_class_init (MkMetricsSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_metrics_snapshot_finalize;
  object_class->get_property = mk_metrics_snapshot_get_property;
  object_class->set_property = mk_metrics_snapshot_set_property;

  /* Lower-case UUID; the store makes one on insert when NULL. */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_PLATFORM] =
    g_param_spec_enum ("platform", NULL, NULL,
                       MK_TYPE_PLATFORM, MK_PLATFORM_NONE,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_FOLLOWER_COUNT] =
    g_param_spec_int64 ("follower-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Posts or videos on the account; -1 when unknown. */
  properties [PROP_MEDIA_COUNT] =
    g_param_spec_int64 ("media-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Total views where the platform reports them; -1 when unknown. */
  properties [PROP_VIEW_COUNT] =
    g_param_spec_int64 ("view-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Percent; NAN when unknown. The pspec default is 0 only because GParamSpecDouble rejects a NAN default. */
  properties [PROP_ENGAGEMENT_RATE] =
    g_param_spec_double ("engagement-rate", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* ISO 8601 UTC; the store fills it when NULL. */
  properties [PROP_LAST_UPDATED] =
    g_param_spec_string ("last-updated", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_metrics_snapshot_init (MkMetricsSnapshot *self)
{
  self->platform = MK_PLATFORM_NONE;
  self->follower_count = -1;
  self->media_count = -1;
  self->view_count = -1;
  self->engagement_rate = NAN;
}

MkMetricsSnapshot *
mk_metrics_snapshot_new (void)
{
  return g_object_new (MK_TYPE_METRICS_SNAPSHOT, NULL);
}

/* A detached copy, for editing in a dialog without touching the original. */
MkMetricsSnapshot *
mk_metrics_snapshot_copy (MkMetricsSnapshot *self)
{
  MkMetricsSnapshot *copy;

  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (self), NULL);

  copy = mk_metrics_snapshot_new ();
  mk_metrics_snapshot_set_id (copy, self->id);
  mk_metrics_snapshot_set_user_id (copy, self->user_id);
  mk_metrics_snapshot_set_platform (copy, self->platform);
  mk_metrics_snapshot_set_follower_count (copy, self->follower_count);
  mk_metrics_snapshot_set_media_count (copy, self->media_count);
  mk_metrics_snapshot_set_view_count (copy, self->view_count);
  mk_metrics_snapshot_set_engagement_rate (copy, self->engagement_rate);
  mk_metrics_snapshot_set_last_updated (copy, self->last_updated);

  return copy;
}

const char *
mk_metrics_snapshot_get_id (MkMetricsSnapshot *self)
{
  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (self), NULL);

  return self->id;
}

void
mk_metrics_snapshot_set_id (MkMetricsSnapshot *self,
                            const char *value)
{
  g_return_if_fail (MK_IS_METRICS_SNAPSHOT (self));

  if (g_strcmp0 (self->id, value) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
mk_metrics_snapshot_get_user_id (MkMetricsSnapshot *self)
{
  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (self), NULL);

  return self->user_id;
}

void
mk_metrics_snapshot_set_user_id (MkMetricsSnapshot *self,
                                 const char *value)
{
  g_return_if_fail (MK_IS_METRICS_SNAPSHOT (self));

  if (g_strcmp0 (self->user_id, value) == 0)
    return;

  g_free (self->user_id);
  self->user_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_ID]);
}

MkPlatform 
mk_metrics_snapshot_get_platform (MkMetricsSnapshot *self)
{
  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (self), 0);

  return self->platform;
}

void
mk_metrics_snapshot_set_platform (MkMetricsSnapshot *self,
                                  MkPlatform value)
{
  g_return_if_fail (MK_IS_METRICS_SNAPSHOT (self));

  if (self->platform == value)
    return;

  self->platform = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLATFORM]);
}

gint64 
mk_metrics_snapshot_get_follower_count (MkMetricsSnapshot *self)
{
  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (self), -1);

  return self->follower_count;
}

void
mk_metrics_snapshot_set_follower_count (MkMetricsSnapshot *self,
                                        gint64 value)
{
  g_return_if_fail (MK_IS_METRICS_SNAPSHOT (self));

  if (self->follower_count == value)
    return;

  self->follower_count = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOLLOWER_COUNT]);
}

gint64 
mk_metrics_snapshot_get_media_count (MkMetricsSnapshot *self)
{
  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (self), -1);

  return self->media_count;
}

void
mk_metrics_snapshot_set_media_count (MkMetricsSnapshot *self,
                                     gint64 value)
{
  g_return_if_fail (MK_IS_METRICS_SNAPSHOT (self));

  if (self->media_count == value)
    return;

  self->media_count = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEDIA_COUNT]);
}

gint64 
mk_metrics_snapshot_get_view_count (MkMetricsSnapshot *self)
{
  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (self), -1);

  return self->view_count;
}

void
mk_metrics_snapshot_set_view_count (MkMetricsSnapshot *self,
                                    gint64 value)
{
  g_return_if_fail (MK_IS_METRICS_SNAPSHOT (self));

  if (self->view_count == value)
    return;

  self->view_count = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW_COUNT]);
}

double 
mk_metrics_snapshot_get_engagement_rate (MkMetricsSnapshot *self)
{
  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (self), NAN);

  return self->engagement_rate;
}

void
mk_metrics_snapshot_set_engagement_rate (MkMetricsSnapshot *self,
                                         double value)
{
  g_return_if_fail (MK_IS_METRICS_SNAPSHOT (self));

  /* NAN means unknown; NAN != NAN, so compare the unknown case apart. */
  if ((isnan (self->engagement_rate) && isnan (value)) || self->engagement_rate == value)
    return;

  self->engagement_rate = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENGAGEMENT_RATE]);
}

const char *
mk_metrics_snapshot_get_last_updated (MkMetricsSnapshot *self)
{
  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (self), NULL);

  return self->last_updated;
}

void
mk_metrics_snapshot_set_last_updated (MkMetricsSnapshot *self,
                                      const char *value)
{
  g_return_if_fail (MK_IS_METRICS_SNAPSHOT (self));

  if (g_strcmp0 (self->last_updated, value) == 0)
    return;

  g_free (self->last_updated);
  self->last_updated = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_UPDATED]);
}

static gboolean
validate_count (const char  *field,
                gint64       value,
                GError     **error)
{
  if (value >= -1)
    return TRUE;

  mk_validate_set_error (error, MK_VALIDATE_ERROR_OUT_OF_RANGE, field,
                         _("A count cannot be negative"));
  return FALSE;
}

gboolean
mk_metrics_snapshot_validate (MkMetricsSnapshot  *self,
                              GError            **error)
{
  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (self), FALSE);

  if (!mk_validate_uuid ("id", self->id, FALSE, error) ||
      !mk_validate_uuid ("user_id", self->user_id, TRUE, error))
    return FALSE;

  if (!mk_platform_is_connectable (self->platform))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "platform",
                             _("Platform must be Instagram, Facebook or YouTube"));
      return FALSE;
    }

  if (!validate_count ("follower_count", self->follower_count, error) ||
      !validate_count ("media_count", self->media_count, error) ||
      !validate_count ("view_count", self->view_count, error))
    return FALSE;

  if (!isnan (self->engagement_rate) &&
      (!isfinite (self->engagement_rate) || self->engagement_rate < 0.0))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_OUT_OF_RANGE, "engagement_rate",
                             _("The engagement rate cannot be negative"));
      return FALSE;
    }

  return mk_validate_timestamp ("last_updated", _("Last update"), self->last_updated, FALSE, error);
}
