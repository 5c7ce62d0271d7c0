/* mk-calendar-entry.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-calendar-entry.h"
#include "mk-validate.h"

struct _MkCalendarEntry
{
  GObject parent_instance;

  char         *id;
  char         *user_id;
  MkEntryType   entry_type;
  char         *brand_name;
  char         *campaign_name;
  char         *date;
  char         *time;
  MkEntryStatus status;
  char         *notes;
  char         *location;
  MkPlatform    platform;
  MkContentType content_type;
  char         *created_at;
};

G_DEFINE_FINAL_TYPE (MkCalendarEntry, mk_calendar_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_TYPE,
  PROP_BRAND_NAME,
  PROP_CAMPAIGN_NAME,
  PROP_DATE,
  PROP_TIME,
  PROP_STATUS,
  PROP_NOTES,
  PROP_LOCATION,
  PROP_PLATFORM,
  PROP_CONTENT_TYPE,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mk_calendar_entry_finalize (GObject *object)
{
  MkCalendarEntry *self = (MkCalendarEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->brand_name, g_free);
  g_clear_pointer (&self->campaign_name, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->time, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (mk_calendar_entry_parent_class)->finalize (object);
}

static void
mk_calendar_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MkCalendarEntry *self = MK_CALENDAR_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    case PROP_TYPE:
      g_value_set_enum (value, self->entry_type);
      break;

    case PROP_BRAND_NAME:
      g_value_set_string (value, self->brand_name);
      break;

    case PROP_CAMPAIGN_NAME:
      g_value_set_string (value, self->campaign_name);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_PLATFORM:
      g_value_set_enum (value, self->platform);
      break;

    case PROP_CONTENT_TYPE:
      g_value_set_enum (value, self->content_type);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_calendar_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MkCalendarEntry *self = MK_CALENDAR_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      mk_calendar_entry_set_id (self, g_value_get_string (value));
      break;

    case PROP_USER_ID:
      mk_calendar_entry_set_user_id (self, g_value_get_string (value));
      break;

    case PROP_TYPE:
      mk_calendar_entry_set_entry_type (self, g_value_get_enum (value));
      break;

    case PROP_BRAND_NAME:
      mk_calendar_entry_set_brand_name (self, g_value_get_string (value));
      break;

    case PROP_CAMPAIGN_NAME:
      mk_calendar_entry_set_campaign_name (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      mk_calendar_entry_set_date (self, g_value_get_string (value));
      break;

    case PROP_TIME:
      mk_calendar_entry_set_time (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      mk_calendar_entry_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NOTES:
      mk_calendar_entry_set_notes (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      mk_calendar_entry_set_location (self, g_value_get_string (value));
      break;

    case PROP_PLATFORM:
      mk_calendar_entry_set_platform (self, g_value_get_enum (value));
      break;

    case PROP_CONTENT_TYPE:
      mk_calendar_entry_set_content_type (self, g_value_get_enum (value));
      break;

    case PROP_CREATED_AT:
      mk_calendar_entry_set_created_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_calendar_entry_class_init (MkCalendarEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_calendar_entry_finalize;
  object_class->get_property = mk_calendar_entry_get_property;
  object_class->set_property = mk_calendar_entry_set_property;

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

  properties [PROP_TYPE] =
    g_param_spec_enum ("type", NULL, NULL,
                       MK_TYPE_ENTRY_TYPE, MK_ENTRY_TYPE_SHOOT,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_BRAND_NAME] =
    g_param_spec_string ("brand-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CAMPAIGN_NAME] =
    g_param_spec_string ("campaign-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* "YYYY-MM-DD" */
  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* "HH:MM" or NULL for a whole-day entry */
  properties [PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       MK_TYPE_ENTRY_STATUS, MK_ENTRY_STATUS_PENDING,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
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

  properties [PROP_CONTENT_TYPE] =
    g_param_spec_enum ("content-type", NULL, NULL,
                       MK_TYPE_CONTENT_TYPE, MK_CONTENT_TYPE_NONE,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* ISO 8601 UTC; the store fills it on insert when NULL. */
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_calendar_entry_init (MkCalendarEntry *self)
{
  self->entry_type = MK_ENTRY_TYPE_SHOOT;
  self->status = MK_ENTRY_STATUS_PENDING;
  self->platform = MK_PLATFORM_NONE;
  self->content_type = MK_CONTENT_TYPE_NONE;
}

MkCalendarEntry *
mk_calendar_entry_new (void)
{
  return g_object_new (MK_TYPE_CALENDAR_ENTRY, NULL);
}

/* A detached copy, for editing in a dialog without touching the original. */
MkCalendarEntry *
mk_calendar_entry_copy (MkCalendarEntry *self)
{
  MkCalendarEntry *copy;

  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), NULL);

  copy = mk_calendar_entry_new ();
  mk_calendar_entry_set_id (copy, self->id);
  mk_calendar_entry_set_user_id (copy, self->user_id);
  mk_calendar_entry_set_entry_type (copy, self->entry_type);
  mk_calendar_entry_set_brand_name (copy, self->brand_name);
  mk_calendar_entry_set_campaign_name (copy, self->campaign_name);
  mk_calendar_entry_set_date (copy, self->date);
  mk_calendar_entry_set_time (copy, self->time);
  mk_calendar_entry_set_status (copy, self->status);
  mk_calendar_entry_set_notes (copy, self->notes);
  mk_calendar_entry_set_location (copy, self->location);
  mk_calendar_entry_set_platform (copy, self->platform);
  mk_calendar_entry_set_content_type (copy, self->content_type);
  mk_calendar_entry_set_created_at (copy, self->created_at);

  return copy;
}

const char *
mk_calendar_entry_get_id (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), NULL);

  return self->id;
}

void
mk_calendar_entry_set_id (MkCalendarEntry *self,
                          const char *value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (g_strcmp0 (self->id, value) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
mk_calendar_entry_get_user_id (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), NULL);

  return self->user_id;
}

void
mk_calendar_entry_set_user_id (MkCalendarEntry *self,
                               const char *value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (g_strcmp0 (self->user_id, value) == 0)
    return;

  g_free (self->user_id);
  self->user_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_ID]);
}

MkEntryType 
mk_calendar_entry_get_entry_type (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), 0);

  return self->entry_type;
}

void
mk_calendar_entry_set_entry_type (MkCalendarEntry *self,
                                  MkEntryType value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (self->entry_type == value)
    return;

  self->entry_type = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TYPE]);
}

const char *
mk_calendar_entry_get_brand_name (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), NULL);

  return self->brand_name;
}

void
mk_calendar_entry_set_brand_name (MkCalendarEntry *self,
                                  const char *value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (g_strcmp0 (self->brand_name, value) == 0)
    return;

  g_free (self->brand_name);
  self->brand_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BRAND_NAME]);
}

const char *
mk_calendar_entry_get_campaign_name (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), NULL);

  return self->campaign_name;
}

void
mk_calendar_entry_set_campaign_name (MkCalendarEntry *self,
                                     const char *value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (g_strcmp0 (self->campaign_name, value) == 0)
    return;

  g_free (self->campaign_name);
  self->campaign_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN_NAME]);
}

const char *
mk_calendar_entry_get_date (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), NULL);

  return self->date;
}

void
mk_calendar_entry_set_date (MkCalendarEntry *self,
                            const char *value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (g_strcmp0 (self->date, value) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

const char *
mk_calendar_entry_get_time (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), NULL);

  return self->time;
}

void
mk_calendar_entry_set_time (MkCalendarEntry *self,
                            const char *value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (g_strcmp0 (self->time, value) == 0)
    return;

  g_free (self->time);
  self->time = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIME]);
}

MkEntryStatus 
mk_calendar_entry_get_status (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), 0);

  return self->status;
}

void
mk_calendar_entry_set_status (MkCalendarEntry *self,
                              MkEntryStatus value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (self->status == value)
    return;

  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
mk_calendar_entry_get_notes (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), NULL);

  return self->notes;
}

void
mk_calendar_entry_set_notes (MkCalendarEntry *self,
                             const char *value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (g_strcmp0 (self->notes, value) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}

const char *
mk_calendar_entry_get_location (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), NULL);

  return self->location;
}

void
mk_calendar_entry_set_location (MkCalendarEntry *self,
                                const char *value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (g_strcmp0 (self->location, value) == 0)
    return;

  g_free (self->location);
  self->location = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCATION]);
}

MkPlatform 
mk_calendar_entry_get_platform (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), 0);

  return self->platform;
}

void
mk_calendar_entry_set_platform (MkCalendarEntry *self,
                                MkPlatform value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (self->platform == value)
    return;

  self->platform = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLATFORM]);
}

MkContentType 
mk_calendar_entry_get_content_type (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), 0);

  return self->content_type;
}

void
mk_calendar_entry_set_content_type (MkCalendarEntry *self,
                                    MkContentType value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (self->content_type == value)
    return;

  self->content_type = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTENT_TYPE]);
}

const char *
mk_calendar_entry_get_created_at (MkCalendarEntry *self)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), NULL);

  return self->created_at;
}

void
mk_calendar_entry_set_created_at (MkCalendarEntry *self,
                                  const char *value)
{
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (self));

  if (g_strcmp0 (self->created_at, value) == 0)
    return;

  g_free (self->created_at);
  self->created_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gboolean
mk_calendar_entry_validate (MkCalendarEntry  *self,
                            GError          **error)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (self), FALSE);

  if (!mk_validate_uuid ("id", self->id, FALSE, error) ||
      !mk_validate_uuid ("user_id", self->user_id, TRUE, error) ||
      /* Translators: the name of a field, used in messages such as "Brand name is required" */
      !mk_validate_text ("brand_name", _("Brand name"), self->brand_name, 100,
                         MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, error) ||
      !mk_validate_text ("campaign_name", _("Campaign"), self->campaign_name, 200,
                         MK_VALIDATE_TEXT_SINGLE_LINE, error) ||
      !mk_validate_date ("date", _("Date"), self->date, TRUE, error) ||
      !mk_validate_time ("time", _("Time"), self->time, FALSE, error) ||
      !mk_validate_text ("notes", _("Notes"), self->notes, 0, MK_VALIDATE_TEXT_NONE, error) ||
      !mk_validate_text ("location", _("Location"), self->location, 255,
                         MK_VALIDATE_TEXT_SINGLE_LINE, error) ||
      !mk_validate_timestamp ("created_at", _("Creation time"), self->created_at, FALSE, error))
    return FALSE;

  if (self->entry_type == MK_ENTRY_TYPE_SHOOT)
    {
      if (self->platform != MK_PLATFORM_NONE)
        {
          mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "platform",
                                 _("Only an upload has a platform"));
          return FALSE;
        }
      if (self->content_type != MK_CONTENT_TYPE_NONE)
        {
          mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "content_type",
                                 _("Only an upload has a content type"));
          return FALSE;
        }
    }
  else if (self->location != NULL && *self->location != '\0')
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "location",
                             _("Only a shoot has a location"));
      return FALSE;
    }

  return TRUE;
}
