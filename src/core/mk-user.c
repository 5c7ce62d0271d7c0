/* mk-user.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-user.h"
#include "mk-validate.h"

struct _MkUser
{
  GObject parent_instance;

  char         *id;
  char         *email;
  char         *password_hash;
  char         *created_at;
  int           failed_logins;
  char         *locked_until;
};

G_DEFINE_FINAL_TYPE (MkUser, mk_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EMAIL,
  PROP_PASSWORD_HASH,
  PROP_CREATED_AT,
  PROP_FAILED_LOGINS,
  PROP_LOCKED_UNTIL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mk_user_finalize (GObject *object)
{
  MkUser *self = (MkUser *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->password_hash, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->locked_until, g_free);

  G_OBJECT_CLASS (mk_user_parent_class)->finalize (object);
}

static void
mk_user_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  MkUser *self = MK_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PASSWORD_HASH:
      g_value_set_string (value, self->password_hash);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_FAILED_LOGINS:
      g_value_set_int (value, self->failed_logins);
      break;

    case PROP_LOCKED_UNTIL:
      g_value_set_string (value, self->locked_until);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_user_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  MkUser *self = MK_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      mk_user_set_id (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      mk_user_set_email (self, g_value_get_string (value));
      break;

    case PROP_PASSWORD_HASH:
      mk_user_set_password_hash (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      mk_user_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_FAILED_LOGINS:
      mk_user_set_failed_logins (self, g_value_get_int (value));
      break;

    case PROP_LOCKED_UNTIL:
      mk_user_set_locked_until (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_user_class_init (MkUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_user_finalize;
  object_class->get_property = mk_user_get_property;
  object_class->set_property = mk_user_set_property;

  /* Lower-case UUID; the store makes one on insert when NULL. */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_PASSWORD_HASH] =
    g_param_spec_string ("password-hash", NULL, NULL,
                         NULL,
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

  /* Login throttling: failures since the last success. */
  properties [PROP_FAILED_LOGINS] =
    g_param_spec_int ("failed-logins", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Login throttling: no login before this timestamp. */
  properties [PROP_LOCKED_UNTIL] =
    g_param_spec_string ("locked-until", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_user_init (MkUser *self)
{
}

MkUser *
mk_user_new (void)
{
  return g_object_new (MK_TYPE_USER, NULL);
}

/* A detached copy, for editing in a dialog without touching the original. */
MkUser *
mk_user_copy (MkUser *self)
{
  MkUser *copy;

  g_return_val_if_fail (MK_IS_USER (self), NULL);

  copy = mk_user_new ();
  mk_user_set_id (copy, self->id);
  mk_user_set_email (copy, self->email);
  mk_user_set_password_hash (copy, self->password_hash);
  mk_user_set_created_at (copy, self->created_at);
  mk_user_set_failed_logins (copy, self->failed_logins);
  mk_user_set_locked_until (copy, self->locked_until);

  return copy;
}

const char *
mk_user_get_id (MkUser *self)
{
  g_return_val_if_fail (MK_IS_USER (self), NULL);

  return self->id;
}

void
mk_user_set_id (MkUser *self,
                const char *value)
{
  g_return_if_fail (MK_IS_USER (self));

  if (g_strcmp0 (self->id, value) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
mk_user_get_email (MkUser *self)
{
  g_return_val_if_fail (MK_IS_USER (self), NULL);

  return self->email;
}

void
mk_user_set_email (MkUser *self,
                   const char *value)
{
  g_return_if_fail (MK_IS_USER (self));

  if (g_strcmp0 (self->email, value) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
mk_user_get_password_hash (MkUser *self)
{
  g_return_val_if_fail (MK_IS_USER (self), NULL);

  return self->password_hash;
}

void
mk_user_set_password_hash (MkUser *self,
                           const char *value)
{
  g_return_if_fail (MK_IS_USER (self));

  if (g_strcmp0 (self->password_hash, value) == 0)
    return;

  g_free (self->password_hash);
  self->password_hash = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PASSWORD_HASH]);
}

const char *
mk_user_get_created_at (MkUser *self)
{
  g_return_val_if_fail (MK_IS_USER (self), NULL);

  return self->created_at;
}

void
mk_user_set_created_at (MkUser *self,
                        const char *value)
{
  g_return_if_fail (MK_IS_USER (self));

  if (g_strcmp0 (self->created_at, value) == 0)
    return;

  g_free (self->created_at);
  self->created_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

int 
mk_user_get_failed_logins (MkUser *self)
{
  g_return_val_if_fail (MK_IS_USER (self), 0);

  return self->failed_logins;
}

void
mk_user_set_failed_logins (MkUser *self,
                           int value)
{
  g_return_if_fail (MK_IS_USER (self));

  if (self->failed_logins == value)
    return;

  self->failed_logins = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FAILED_LOGINS]);
}

const char *
mk_user_get_locked_until (MkUser *self)
{
  g_return_val_if_fail (MK_IS_USER (self), NULL);

  return self->locked_until;
}

void
mk_user_set_locked_until (MkUser *self,
                          const char *value)
{
  g_return_if_fail (MK_IS_USER (self));

  if (g_strcmp0 (self->locked_until, value) == 0)
    return;

  g_free (self->locked_until);
  self->locked_until = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCKED_UNTIL]);
}

gboolean
mk_user_validate (MkUser  *self,
                  GError **error)
{
  g_return_val_if_fail (MK_IS_USER (self), FALSE);

  if (!mk_validate_uuid ("id", self->id, FALSE, error) ||
      !mk_validate_email ("email", self->email, TRUE, error) ||
      /* Translators: the name of a field, used in messages such as "Password hash is required" */
      !mk_validate_text ("password_hash", _("Password hash"), self->password_hash, 0,
                         MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, error) ||
      !mk_validate_timestamp ("created_at", _("Creation time"), self->created_at, FALSE, error) ||
      !mk_validate_timestamp ("locked_until", _("Locked until"), self->locked_until, FALSE, error))
    return FALSE;

  if (self->failed_logins < 0)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_OUT_OF_RANGE, "failed_logins",
                             _("The number of failed logins cannot be negative"));
      return FALSE;
    }

  return TRUE;
}
