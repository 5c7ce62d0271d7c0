/* mk-connection.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-connection.h"
#include "mk-validate.h"

struct _MkConnection
{
  GObject parent_instance;

  char         *id;
  char         *user_id;
  MkPlatform    platform;
  char         *platform_user_id;
  char         *account_name;
  char         *token_expires_at;
  gboolean      is_connected;
};

G_DEFINE_FINAL_TYPE (MkConnection, mk_connection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_PLATFORM,
  PROP_PLATFORM_USER_ID,
  PROP_ACCOUNT_NAME,
  PROP_TOKEN_EXPIRES_AT,
  PROP_IS_CONNECTED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mk_connection_finalize (GObject *object)
{
  MkConnection *self = (MkConnection *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->platform_user_id, g_free);
  g_clear_pointer (&self->account_name, g_free);
  g_clear_pointer (&self->token_expires_at, g_free);

  G_OBJECT_CLASS (mk_connection_parent_class)->finalize (object);
}

static void
mk_connection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MkConnection *self = MK_CONNECTION (object);

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

    case PROP_PLATFORM_USER_ID:
      g_value_set_string (value, self->platform_user_id);
      break;

    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->account_name);
      break;

    case PROP_TOKEN_EXPIRES_AT:
      g_value_set_string (value, self->token_expires_at);
      break;

    case PROP_IS_CONNECTED:
      g_value_set_boolean (value, self->is_connected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_connection_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MkConnection *self = MK_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      mk_connection_set_id (self, g_value_get_string (value));
      break;

    case PROP_USER_ID:
      mk_connection_set_user_id (self, g_value_get_string (value));
      break;

    case PROP_PLATFORM:
      mk_connection_set_platform (self, g_value_get_enum (value));
      break;

    case PROP_PLATFORM_USER_ID:
      mk_connection_set_platform_user_id (self, g_value_get_string (value));
      break;

    case PROP_ACCOUNT_NAME:
      mk_connection_set_account_name (self, g_value_get_string (value));
      break;

    case PROP_TOKEN_EXPIRES_AT:
      mk_connection_set_token_expires_at (self, g_value_get_string (value));
      break;

    case PROP_IS_CONNECTED:
      mk_connection_set_is_connected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_connection_class_init (MkConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_connection_finalize;
  object_class->get_property = mk_connection_get_property;
  object_class->set_property = mk_connection_set_property;

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

  properties [PROP_PLATFORM_USER_ID] =
    g_param_spec_string ("platform-user-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The handle shown to the user, e.g. "@sarah"; optional. */
  properties [PROP_ACCOUNT_NAME] =
    g_param_spec_string ("account-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_TOKEN_EXPIRES_AT] =
    g_param_spec_string ("token-expires-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_IS_CONNECTED] =
    g_param_spec_boolean ("is-connected", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_connection_init (MkConnection *self)
{
  self->platform = MK_PLATFORM_NONE;
  self->is_connected = TRUE;
}

MkConnection *
mk_connection_new (void)
{
  return g_object_new (MK_TYPE_CONNECTION, NULL);
}

/* A detached copy, for editing in a dialog without touching the original. */
MkConnection *
mk_connection_copy (MkConnection *self)
{
  MkConnection *copy;

  g_return_val_if_fail (MK_IS_CONNECTION (self), NULL);

  copy = mk_connection_new ();
  mk_connection_set_id (copy, self->id);
  mk_connection_set_user_id (copy, self->user_id);
  mk_connection_set_platform (copy, self->platform);
  mk_connection_set_platform_user_id (copy, self->platform_user_id);
  mk_connection_set_account_name (copy, self->account_name);
  mk_connection_set_token_expires_at (copy, self->token_expires_at);
  mk_connection_set_is_connected (copy, self->is_connected);

  return copy;
}

const char *
mk_connection_get_id (MkConnection *self)
{
  g_return_val_if_fail (MK_IS_CONNECTION (self), NULL);

  return self->id;
}

void
mk_connection_set_id (MkConnection *self,
                      const char *value)
{
  g_return_if_fail (MK_IS_CONNECTION (self));

  if (g_strcmp0 (self->id, value) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
mk_connection_get_user_id (MkConnection *self)
{
  g_return_val_if_fail (MK_IS_CONNECTION (self), NULL);

  return self->user_id;
}

void
mk_connection_set_user_id (MkConnection *self,
                           const char *value)
{
  g_return_if_fail (MK_IS_CONNECTION (self));

  if (g_strcmp0 (self->user_id, value) == 0)
    return;

  g_free (self->user_id);
  self->user_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_ID]);
}

MkPlatform 
mk_connection_get_platform (MkConnection *self)
{
  g_return_val_if_fail (MK_IS_CONNECTION (self), 0);

  return self->platform;
}

void
mk_connection_set_platform (MkConnection *self,
                            MkPlatform value)
{
  g_return_if_fail (MK_IS_CONNECTION (self));

  if (self->platform == value)
    return;

  self->platform = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLATFORM]);
}

const char *
mk_connection_get_platform_user_id (MkConnection *self)
{
  g_return_val_if_fail (MK_IS_CONNECTION (self), NULL);

  return self->platform_user_id;
}

void
mk_connection_set_platform_user_id (MkConnection *self,
                                    const char *value)
{
  g_return_if_fail (MK_IS_CONNECTION (self));

  if (g_strcmp0 (self->platform_user_id, value) == 0)
    return;

  g_free (self->platform_user_id);
  self->platform_user_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLATFORM_USER_ID]);
}

const char *
mk_connection_get_account_name (MkConnection *self)
{
  g_return_val_if_fail (MK_IS_CONNECTION (self), NULL);

  return self->account_name;
}

void
mk_connection_set_account_name (MkConnection *self,
                                const char *value)
{
  g_return_if_fail (MK_IS_CONNECTION (self));

  if (g_strcmp0 (self->account_name, value) == 0)
    return;

  g_free (self->account_name);
  self->account_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT_NAME]);
}

const char *
mk_connection_get_token_expires_at (MkConnection *self)
{
  g_return_val_if_fail (MK_IS_CONNECTION (self), NULL);

  return self->token_expires_at;
}

void
mk_connection_set_token_expires_at (MkConnection *self,
                                    const char *value)
{
  g_return_if_fail (MK_IS_CONNECTION (self));

  if (g_strcmp0 (self->token_expires_at, value) == 0)
    return;

  g_free (self->token_expires_at);
  self->token_expires_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOKEN_EXPIRES_AT]);
}

gboolean 
mk_connection_get_is_connected (MkConnection *self)
{
  g_return_val_if_fail (MK_IS_CONNECTION (self), FALSE);

  return self->is_connected;
}

void
mk_connection_set_is_connected (MkConnection *self,
                                gboolean value)
{
  g_return_if_fail (MK_IS_CONNECTION (self));

  value = !!value;
  if (self->is_connected == value)
    return;

  self->is_connected = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IS_CONNECTED]);
}

gboolean
mk_connection_validate (MkConnection  *self,
                        GError       **error)
{
  g_return_val_if_fail (MK_IS_CONNECTION (self), FALSE);

  if (!mk_validate_uuid ("id", self->id, FALSE, error) ||
      !mk_validate_uuid ("user_id", self->user_id, TRUE, error))
    return FALSE;

  if (!mk_platform_is_connectable (self->platform))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "platform",
                             _("Platform must be Instagram, Facebook or YouTube"));
      return FALSE;
    }

  /* Translators: the name of a field, used in messages such as "Platform account id is required" */
  return mk_validate_text ("platform_user_id", _("Platform account id"), self->platform_user_id, 255,
                           MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, error) &&
         mk_validate_text ("account_name", _("Account name"), self->account_name, 100,
                           MK_VALIDATE_TEXT_SINGLE_LINE, error) &&
         mk_validate_timestamp ("token_expires_at", _("Token expiry"), self->token_expires_at, FALSE, error);
}
