/* mk-log-entry.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mk-log-entry.h"
#include "mk-validate.h"

struct _MkLogEntry
{
  GObject parent_instance;

  char         *id;
  char         *user_id;
  MkPlatform    platform;
  char         *action;
  MkLogStatus   status;
  char         *message;
  char         *request_payload;
  char         *response_payload;
  char         *ip_address;
  char         *created_at;

  /* Rows read by the store keep their strings in this one allocation (a
   * page of the log is many small objects); a field set later gets its
   * own string, and only those are freed one by one. */
  char         *block;
  gsize         block_size;
};

static inline void
field_free (MkLogEntry *self,
            char       *field)
{
  guintptr start = (guintptr)self->block;

  if (field != NULL && !(self->block != NULL &&
                         (guintptr)field >= start && (guintptr)field < start + self->block_size))
    g_free (field);
}

G_DEFINE_FINAL_TYPE (MkLogEntry, mk_log_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_PLATFORM,
  PROP_ACTION,
  PROP_STATUS,
  PROP_MESSAGE,
  PROP_REQUEST_PAYLOAD,
  PROP_RESPONSE_PAYLOAD,
  PROP_IP_ADDRESS,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mk_log_entry_finalize (GObject *object)
{
  MkLogEntry *self = (MkLogEntry *)object;

  field_free (self, g_steal_pointer (&self->id));
  field_free (self, g_steal_pointer (&self->user_id));
  field_free (self, g_steal_pointer (&self->action));
  field_free (self, g_steal_pointer (&self->message));
  field_free (self, g_steal_pointer (&self->request_payload));
  field_free (self, g_steal_pointer (&self->response_payload));
  field_free (self, g_steal_pointer (&self->ip_address));
  field_free (self, g_steal_pointer (&self->created_at));
  g_clear_pointer (&self->block, g_free);

  G_OBJECT_CLASS (mk_log_entry_parent_class)->finalize (object);
}

static void
mk_log_entry_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MkLogEntry *self = MK_LOG_ENTRY (object);

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

    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_REQUEST_PAYLOAD:
      g_value_set_string (value, self->request_payload);
      break;

    case PROP_RESPONSE_PAYLOAD:
      g_value_set_string (value, self->response_payload);
      break;

    case PROP_IP_ADDRESS:
      g_value_set_string (value, self->ip_address);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_log_entry_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MkLogEntry *self = MK_LOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      mk_log_entry_set_id (self, g_value_get_string (value));
      break;

    case PROP_USER_ID:
      mk_log_entry_set_user_id (self, g_value_get_string (value));
      break;

    case PROP_PLATFORM:
      mk_log_entry_set_platform (self, g_value_get_enum (value));
      break;

    case PROP_ACTION:
      mk_log_entry_set_action (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      mk_log_entry_set_status (self, g_value_get_enum (value));
      break;

    case PROP_MESSAGE:
      mk_log_entry_set_message (self, g_value_get_string (value));
      break;

    case PROP_REQUEST_PAYLOAD:
      mk_log_entry_set_request_payload (self, g_value_get_string (value));
      break;

    case PROP_RESPONSE_PAYLOAD:
      mk_log_entry_set_response_payload (self, g_value_get_string (value));
      break;

    case PROP_IP_ADDRESS:
      mk_log_entry_set_ip_address (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      mk_log_entry_set_created_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_log_entry_class_init (MkLogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_log_entry_finalize;
  object_class->get_property = mk_log_entry_get_property;
  object_class->set_property = mk_log_entry_set_property;

  /* Lower-case UUID; the store makes a time-ordered one when NULL. */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* NULL for events of no account (or of a deleted one). */
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

  /* What happened: fetch_metrics, refresh_token, login, … */
  properties [PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       MK_TYPE_LOG_STATUS, MK_LOG_STATUS_SUCCESS,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* JSON text or NULL */
  properties [PROP_REQUEST_PAYLOAD] =
    g_param_spec_string ("request-payload", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* JSON text or NULL */
  properties [PROP_RESPONSE_PAYLOAD] =
    g_param_spec_string ("response-payload", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_IP_ADDRESS] =
    g_param_spec_string ("ip-address", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* ISO 8601 UTC; the store fills it when NULL. */
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_log_entry_init (MkLogEntry *self)
{
  self->platform = MK_PLATFORM_NONE;
  self->status = MK_LOG_STATUS_SUCCESS;
}

MkLogEntry *
mk_log_entry_new (void)
{
  return g_object_new (MK_TYPE_LOG_ENTRY, NULL);
}

MkLogEntry *
mk_log_entry_new_full (const char  *id,
                       const char  *user_id,
                       MkPlatform   platform,
                       const char  *action,
                       MkLogStatus  status,
                       const char  *message,
                       const char  *request_payload,
                       const char  *response_payload,
                       const char  *ip_address,
                       const char  *created_at)
{
  MkLogEntry *self = g_object_new (MK_TYPE_LOG_ENTRY, NULL);
  const char *values[] = { id, user_id, action, message, request_payload,
                           response_payload, ip_address, created_at };
  char **fields[] = { &self->id, &self->user_id, &self->action, &self->message,
                      &self->request_payload, &self->response_payload,
                      &self->ip_address, &self->created_at };
  gsize lengths[G_N_ELEMENTS (values)];
  gsize size = 0;
  char *p;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      lengths[i] = values[i] != NULL ? strlen (values[i]) + 1 : 0;
      size += lengths[i];
    }

  /* Nobody can be listening yet: no notify per field. */
  self->block = p = g_malloc (MAX (size, 1));
  self->block_size = size;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (values[i] == NULL)
        continue;
      memcpy (p, values[i], lengths[i]);
      *fields[i] = p;
      p += lengths[i];
    }
  self->platform = platform;
  self->status = status;

  return self;
}

/* A detached copy, for editing in a dialog without touching the original. */
MkLogEntry *
mk_log_entry_copy (MkLogEntry *self)
{
  MkLogEntry *copy;

  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), NULL);

  copy = mk_log_entry_new ();
  mk_log_entry_set_id (copy, self->id);
  mk_log_entry_set_user_id (copy, self->user_id);
  mk_log_entry_set_platform (copy, self->platform);
  mk_log_entry_set_action (copy, self->action);
  mk_log_entry_set_status (copy, self->status);
  mk_log_entry_set_message (copy, self->message);
  mk_log_entry_set_request_payload (copy, self->request_payload);
  mk_log_entry_set_response_payload (copy, self->response_payload);
  mk_log_entry_set_ip_address (copy, self->ip_address);
  mk_log_entry_set_created_at (copy, self->created_at);

  return copy;
}

const char *
mk_log_entry_get_id (MkLogEntry *self)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), NULL);

  return self->id;
}

void
mk_log_entry_set_id (MkLogEntry *self,
                     const char *value)
{
  g_return_if_fail (MK_IS_LOG_ENTRY (self));

  if (g_strcmp0 (self->id, value) == 0)
    return;

  field_free (self, self->id);
  self->id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
mk_log_entry_get_user_id (MkLogEntry *self)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), NULL);

  return self->user_id;
}

void
mk_log_entry_set_user_id (MkLogEntry *self,
                          const char *value)
{
  g_return_if_fail (MK_IS_LOG_ENTRY (self));

  if (g_strcmp0 (self->user_id, value) == 0)
    return;

  field_free (self, self->user_id);
  self->user_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_ID]);
}

MkPlatform 
mk_log_entry_get_platform (MkLogEntry *self)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), 0);

  return self->platform;
}

void
mk_log_entry_set_platform (MkLogEntry *self,
                           MkPlatform value)
{
  g_return_if_fail (MK_IS_LOG_ENTRY (self));

  if (self->platform == value)
    return;

  self->platform = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLATFORM]);
}

const char *
mk_log_entry_get_action (MkLogEntry *self)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), NULL);

  return self->action;
}

void
mk_log_entry_set_action (MkLogEntry *self,
                         const char *value)
{
  g_return_if_fail (MK_IS_LOG_ENTRY (self));

  if (g_strcmp0 (self->action, value) == 0)
    return;

  field_free (self, self->action);
  self->action = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTION]);
}

MkLogStatus 
mk_log_entry_get_status (MkLogEntry *self)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), 0);

  return self->status;
}

void
mk_log_entry_set_status (MkLogEntry *self,
                         MkLogStatus value)
{
  g_return_if_fail (MK_IS_LOG_ENTRY (self));

  if (self->status == value)
    return;

  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
mk_log_entry_get_message (MkLogEntry *self)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), NULL);

  return self->message;
}

void
mk_log_entry_set_message (MkLogEntry *self,
                          const char *value)
{
  g_return_if_fail (MK_IS_LOG_ENTRY (self));

  if (g_strcmp0 (self->message, value) == 0)
    return;

  field_free (self, self->message);
  self->message = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MESSAGE]);
}

const char *
mk_log_entry_get_request_payload (MkLogEntry *self)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), NULL);

  return self->request_payload;
}

void
mk_log_entry_set_request_payload (MkLogEntry *self,
                                  const char *value)
{
  g_return_if_fail (MK_IS_LOG_ENTRY (self));

  if (g_strcmp0 (self->request_payload, value) == 0)
    return;

  field_free (self, self->request_payload);
  self->request_payload = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REQUEST_PAYLOAD]);
}

const char *
mk_log_entry_get_response_payload (MkLogEntry *self)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), NULL);

  return self->response_payload;
}

void
mk_log_entry_set_response_payload (MkLogEntry *self,
                                   const char *value)
{
  g_return_if_fail (MK_IS_LOG_ENTRY (self));

  if (g_strcmp0 (self->response_payload, value) == 0)
    return;

  field_free (self, self->response_payload);
  self->response_payload = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESPONSE_PAYLOAD]);
}

const char *
mk_log_entry_get_ip_address (MkLogEntry *self)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), NULL);

  return self->ip_address;
}

void
mk_log_entry_set_ip_address (MkLogEntry *self,
                             const char *value)
{
  g_return_if_fail (MK_IS_LOG_ENTRY (self));

  if (g_strcmp0 (self->ip_address, value) == 0)
    return;

  field_free (self, self->ip_address);
  self->ip_address = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IP_ADDRESS]);
}

const char *
mk_log_entry_get_created_at (MkLogEntry *self)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), NULL);

  return self->created_at;
}

void
mk_log_entry_set_created_at (MkLogEntry *self,
                             const char *value)
{
  g_return_if_fail (MK_IS_LOG_ENTRY (self));

  if (g_strcmp0 (self->created_at, value) == 0)
    return;

  field_free (self, self->created_at);
  self->created_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gboolean
mk_log_entry_validate (MkLogEntry  *self,
                       GError     **error)
{
  g_return_val_if_fail (MK_IS_LOG_ENTRY (self), FALSE);

  if (!mk_validate_uuid ("id", self->id, FALSE, error) ||
      !mk_validate_uuid ("user_id", self->user_id, FALSE, error))
    return FALSE;

  if (self->platform != MK_PLATFORM_NONE && !mk_platform_is_connectable (self->platform))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "platform",
                             _("Platform must be Instagram, Facebook or YouTube"));
      return FALSE;
    }

  /* Translators: the name of a field, used in messages such as "Action is required" */
  return mk_validate_text ("action", _("Action"), self->action, 100,
                           MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, error) &&
         mk_validate_text ("message", _("Message"), self->message, 0, MK_VALIDATE_TEXT_NONE, error) &&
         mk_validate_json ("request_payload", self->request_payload, error) &&
         mk_validate_json ("response_payload", self->response_payload, error) &&
         mk_validate_text ("ip_address", _("IP address"), self->ip_address, 50,
                           MK_VALIDATE_TEXT_SINGLE_LINE, error) &&
         mk_validate_timestamp ("created_at", _("Creation time"), self->created_at, FALSE, error);
}
