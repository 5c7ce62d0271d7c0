/* mk-profile.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-profile.h"
#include "mk-validate.h"

struct _MkProfile
{
  GObject parent_instance;

  char         *user_id;
  char         *slug;
  char         *display_name;
  char         *bio;
  char         *avatar_url;
  char        **categories;
  gint64        budget_min;
  gint64        budget_max;
  char         *currency;
};

G_DEFINE_FINAL_TYPE (MkProfile, mk_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USER_ID,
  PROP_SLUG,
  PROP_DISPLAY_NAME,
  PROP_BIO,
  PROP_AVATAR_URL,
  PROP_CATEGORIES,
  PROP_BUDGET_MIN,
  PROP_BUDGET_MAX,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mk_profile_finalize (GObject *object)
{
  MkProfile *self = (MkProfile *)object;

  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->bio, g_free);
  g_clear_pointer (&self->avatar_url, g_free);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (mk_profile_parent_class)->finalize (object);
}

static void
mk_profile_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MkProfile *self = MK_PROFILE (object);

  switch (prop_id)
    {
    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_BIO:
      g_value_set_string (value, self->bio);
      break;

    case PROP_AVATAR_URL:
      g_value_set_string (value, self->avatar_url);
      break;

    case PROP_CATEGORIES:
      g_value_set_boxed (value, self->categories);
      break;

    case PROP_BUDGET_MIN:
      g_value_set_int64 (value, self->budget_min);
      break;

    case PROP_BUDGET_MAX:
      g_value_set_int64 (value, self->budget_max);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_profile_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MkProfile *self = MK_PROFILE (object);

  switch (prop_id)
    {
    case PROP_USER_ID:
      mk_profile_set_user_id (self, g_value_get_string (value));
      break;

    case PROP_SLUG:
      mk_profile_set_slug (self, g_value_get_string (value));
      break;

    case PROP_DISPLAY_NAME:
      mk_profile_set_display_name (self, g_value_get_string (value));
      break;

    case PROP_BIO:
      mk_profile_set_bio (self, g_value_get_string (value));
      break;

    case PROP_AVATAR_URL:
      mk_profile_set_avatar_url (self, g_value_get_string (value));
      break;

    case PROP_CATEGORIES:
      mk_profile_set_categories (self, g_value_get_boxed (value));
      break;

    case PROP_BUDGET_MIN:
      mk_profile_set_budget_min (self, g_value_get_int64 (value));
      break;

    case PROP_BUDGET_MAX:
      mk_profile_set_budget_max (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      mk_profile_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_profile_class_init (MkProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_profile_finalize;
  object_class->get_property = mk_profile_get_property;
  object_class->set_property = mk_profile_set_property;

  properties [PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The sharable link name, e.g. "sarah" for /p/sarah. */
  properties [PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_BIO] =
    g_param_spec_string ("bio", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_AVATAR_URL] =
    g_param_spec_string ("avatar-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Tags such as "Fashion"; stored as a JSON array. */
  properties [PROP_CATEGORIES] =
    g_param_spec_boxed ("categories", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_BUDGET_MIN] =
    g_param_spec_int64 ("budget-min", NULL, NULL,
                        G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_BUDGET_MAX] =
    g_param_spec_int64 ("budget-max", NULL, NULL,
                        G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         "USD",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_profile_init (MkProfile *self)
{
  self->budget_min = -1;
  self->budget_max = -1;
  self->currency = g_strdup ("USD");
}

MkProfile *
mk_profile_new (void)
{
  return g_object_new (MK_TYPE_PROFILE, NULL);
}

/* A detached copy, for editing in a dialog without touching the original. */
MkProfile *
mk_profile_copy (MkProfile *self)
{
  MkProfile *copy;

  g_return_val_if_fail (MK_IS_PROFILE (self), NULL);

  copy = mk_profile_new ();
  mk_profile_set_user_id (copy, self->user_id);
  mk_profile_set_slug (copy, self->slug);
  mk_profile_set_display_name (copy, self->display_name);
  mk_profile_set_bio (copy, self->bio);
  mk_profile_set_avatar_url (copy, self->avatar_url);
  mk_profile_set_categories (copy, (const char * const *)self->categories);
  mk_profile_set_budget_min (copy, self->budget_min);
  mk_profile_set_budget_max (copy, self->budget_max);
  mk_profile_set_currency (copy, self->currency);

  return copy;
}

const char *
mk_profile_get_user_id (MkProfile *self)
{
  g_return_val_if_fail (MK_IS_PROFILE (self), NULL);

  return self->user_id;
}

void
mk_profile_set_user_id (MkProfile *self,
                        const char *value)
{
  g_return_if_fail (MK_IS_PROFILE (self));

  if (g_strcmp0 (self->user_id, value) == 0)
    return;

  g_free (self->user_id);
  self->user_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_ID]);
}

const char *
mk_profile_get_slug (MkProfile *self)
{
  g_return_val_if_fail (MK_IS_PROFILE (self), NULL);

  return self->slug;
}

void
mk_profile_set_slug (MkProfile *self,
                     const char *value)
{
  g_return_if_fail (MK_IS_PROFILE (self));

  if (g_strcmp0 (self->slug, value) == 0)
    return;

  g_free (self->slug);
  self->slug = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SLUG]);
}

const char *
mk_profile_get_display_name (MkProfile *self)
{
  g_return_val_if_fail (MK_IS_PROFILE (self), NULL);

  return self->display_name;
}

void
mk_profile_set_display_name (MkProfile *self,
                             const char *value)
{
  g_return_if_fail (MK_IS_PROFILE (self));

  if (g_strcmp0 (self->display_name, value) == 0)
    return;

  g_free (self->display_name);
  self->display_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISPLAY_NAME]);
}

const char *
mk_profile_get_bio (MkProfile *self)
{
  g_return_val_if_fail (MK_IS_PROFILE (self), NULL);

  return self->bio;
}

void
mk_profile_set_bio (MkProfile *self,
                    const char *value)
{
  g_return_if_fail (MK_IS_PROFILE (self));

  if (g_strcmp0 (self->bio, value) == 0)
    return;

  g_free (self->bio);
  self->bio = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BIO]);
}

const char *
mk_profile_get_avatar_url (MkProfile *self)
{
  g_return_val_if_fail (MK_IS_PROFILE (self), NULL);

  return self->avatar_url;
}

void
mk_profile_set_avatar_url (MkProfile *self,
                           const char *value)
{
  g_return_if_fail (MK_IS_PROFILE (self));

  if (g_strcmp0 (self->avatar_url, value) == 0)
    return;

  g_free (self->avatar_url);
  self->avatar_url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AVATAR_URL]);
}

const char * const *
mk_profile_get_categories (MkProfile *self)
{
  g_return_val_if_fail (MK_IS_PROFILE (self), NULL);

  return (const char * const *)self->categories;
}

void
mk_profile_set_categories (MkProfile *self,
                           const char * const *value)
{
  g_return_if_fail (MK_IS_PROFILE (self));

  if (self->categories == (char **)value)
    return;
  if (self->categories != NULL && value != NULL &&
      g_strv_equal ((const char * const *)self->categories, value))
    return;

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **)value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATEGORIES]);
}

gint64 
mk_profile_get_budget_min (MkProfile *self)
{
  g_return_val_if_fail (MK_IS_PROFILE (self), -1);

  return self->budget_min;
}

void
mk_profile_set_budget_min (MkProfile *self,
                           gint64 value)
{
  g_return_if_fail (MK_IS_PROFILE (self));

  if (self->budget_min == value)
    return;

  self->budget_min = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUDGET_MIN]);
}

gint64 
mk_profile_get_budget_max (MkProfile *self)
{
  g_return_val_if_fail (MK_IS_PROFILE (self), -1);

  return self->budget_max;
}

void
mk_profile_set_budget_max (MkProfile *self,
                           gint64 value)
{
  g_return_if_fail (MK_IS_PROFILE (self));

  if (self->budget_max == value)
    return;

  self->budget_max = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUDGET_MAX]);
}

const char *
mk_profile_get_currency (MkProfile *self)
{
  g_return_val_if_fail (MK_IS_PROFILE (self), NULL);

  return self->currency;
}

void
mk_profile_set_currency (MkProfile *self,
                         const char *value)
{
  g_return_if_fail (MK_IS_PROFILE (self));

  if (g_strcmp0 (self->currency, value) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENCY]);
}

gboolean
mk_profile_validate (MkProfile  *self,
                     GError    **error)
{
  g_return_val_if_fail (MK_IS_PROFILE (self), FALSE);

  return mk_validate_uuid ("user_id", self->user_id, TRUE, error) &&
         mk_validate_slug (self->slug, error) &&
         /* Translators: the name of a field, used in messages such as "Display name is required" */
         mk_validate_text ("display_name", _("Display name"), self->display_name, 100,
                           MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, error) &&
         mk_validate_text ("bio", _("Bio"), self->bio, 0, MK_VALIDATE_TEXT_NONE, error) &&
         mk_validate_text ("avatar_url", _("Avatar address"), self->avatar_url, 0,
                           MK_VALIDATE_TEXT_SINGLE_LINE, error) &&
         mk_validate_categories ((const char * const *)self->categories, error) &&
         mk_validate_budget (self->budget_min, self->budget_max, error) &&
         mk_validate_currency (self->currency, error);
}
