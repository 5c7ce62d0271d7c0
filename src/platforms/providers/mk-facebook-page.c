/* mk-facebook-page.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include "mk-facebook-page.h"

struct _MkFacebookPage
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *category;
};

G_DEFINE_FINAL_TYPE (MkFacebookPage, mk_facebook_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mk_facebook_page_finalize (GObject *object)
{
  MkFacebookPage *self = (MkFacebookPage *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->category);

  G_OBJECT_CLASS (mk_facebook_page_parent_class)->finalize (object);
}

static void
mk_facebook_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MkFacebookPage *self = MK_FACEBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_TITLE:
      g_value_set_string (value, mk_facebook_page_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_facebook_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MkFacebookPage *self = MK_FACEBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_CATEGORY:
      self->category = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_facebook_page_class_init (MkFacebookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_facebook_page_finalize;
  object_class->get_property = mk_facebook_page_get_property;
  object_class->set_property = mk_facebook_page_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_facebook_page_init (MkFacebookPage *self)
{
}

MkFacebookPage *
mk_facebook_page_new (const char *id,
                      const char *name,
                      const char *category)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (MK_TYPE_FACEBOOK_PAGE,
                       "id", id,
                       "name", name,
                       "category", category,
                       NULL);
}

const char *
mk_facebook_page_get_id (MkFacebookPage *self)
{
  g_return_val_if_fail (MK_IS_FACEBOOK_PAGE (self), NULL);
  return self->id;
}

const char *
mk_facebook_page_get_name (MkFacebookPage *self)
{
  g_return_val_if_fail (MK_IS_FACEBOOK_PAGE (self), NULL);
  return self->name;
}

const char *
mk_facebook_page_get_category (MkFacebookPage *self)
{
  g_return_val_if_fail (MK_IS_FACEBOOK_PAGE (self), NULL);
  return self->category;
}

const char *
mk_facebook_page_get_title (MkFacebookPage *self)
{
  g_return_val_if_fail (MK_IS_FACEBOOK_PAGE (self), NULL);
  return self->name != NULL && *self->name != '\0' ? self->name : self->id;
}
