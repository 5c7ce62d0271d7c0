/* mk-review.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-review.h"
#include "mk-validate.h"

struct _MkReview
{
  GObject parent_instance;

  char         *id;
  char         *user_id;
  char         *client_name;
  char         *client_email;
  int           rating;
  char         *review_text;
  char         *project_type;
  gboolean      is_verified;
  gboolean      is_published;
  char         *created_at;
};

G_DEFINE_FINAL_TYPE (MkReview, mk_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_CLIENT_NAME,
  PROP_CLIENT_EMAIL,
  PROP_RATING,
  PROP_REVIEW_TEXT,
  PROP_PROJECT_TYPE,
  PROP_IS_VERIFIED,
  PROP_IS_PUBLISHED,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mk_review_finalize (GObject *object)
{
  MkReview *self = (MkReview *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->client_email, g_free);
  g_clear_pointer (&self->review_text, g_free);
  g_clear_pointer (&self->project_type, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (mk_review_parent_class)->finalize (object);
}

static void
mk_review_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MkReview *self = MK_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;

    case PROP_CLIENT_EMAIL:
      g_value_set_string (value, self->client_email);
      break;

    case PROP_RATING:
      g_value_set_int (value, self->rating);
      break;

    case PROP_REVIEW_TEXT:
      g_value_set_string (value, self->review_text);
      break;

    case PROP_PROJECT_TYPE:
      g_value_set_string (value, self->project_type);
      break;

    case PROP_IS_VERIFIED:
      g_value_set_boolean (value, self->is_verified);
      break;

    case PROP_IS_PUBLISHED:
      g_value_set_boolean (value, self->is_published);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_review_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MkReview *self = MK_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      mk_review_set_id (self, g_value_get_string (value));
      break;

    case PROP_USER_ID:
      mk_review_set_user_id (self, g_value_get_string (value));
      break;

    case PROP_CLIENT_NAME:
      mk_review_set_client_name (self, g_value_get_string (value));
      break;

    case PROP_CLIENT_EMAIL:
      mk_review_set_client_email (self, g_value_get_string (value));
      break;

    case PROP_RATING:
      mk_review_set_rating (self, g_value_get_int (value));
      break;

    case PROP_REVIEW_TEXT:
      mk_review_set_review_text (self, g_value_get_string (value));
      break;

    case PROP_PROJECT_TYPE:
      mk_review_set_project_type (self, g_value_get_string (value));
      break;

    case PROP_IS_VERIFIED:
      mk_review_set_is_verified (self, g_value_get_boolean (value));
      break;

    case PROP_IS_PUBLISHED:
      mk_review_set_is_published (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      mk_review_set_created_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_review_class_init (MkReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_review_finalize;
  object_class->get_property = mk_review_get_property;
  object_class->set_property = mk_review_set_property;

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

  properties [PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CLIENT_EMAIL] =
    g_param_spec_string ("client-email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* 1 to 5 stars; 0 until set, which validation refuses. */
  properties [PROP_RATING] =
    g_param_spec_int ("rating", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_REVIEW_TEXT] =
    g_param_spec_string ("review-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_PROJECT_TYPE] =
    g_param_spec_string ("project-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_IS_VERIFIED] =
    g_param_spec_boolean ("is-verified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_IS_PUBLISHED] =
    g_param_spec_boolean ("is-published", NULL, NULL,
                          TRUE,
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
mk_review_init (MkReview *self)
{
  self->is_published = TRUE;
}

MkReview *
mk_review_new (void)
{
  return g_object_new (MK_TYPE_REVIEW, NULL);
}

/* A detached copy, for editing in a dialog without touching the original. */
MkReview *
mk_review_copy (MkReview *self)
{
  MkReview *copy;

  g_return_val_if_fail (MK_IS_REVIEW (self), NULL);

  copy = mk_review_new ();
  mk_review_set_id (copy, self->id);
  mk_review_set_user_id (copy, self->user_id);
  mk_review_set_client_name (copy, self->client_name);
  mk_review_set_client_email (copy, self->client_email);
  mk_review_set_rating (copy, self->rating);
  mk_review_set_review_text (copy, self->review_text);
  mk_review_set_project_type (copy, self->project_type);
  mk_review_set_is_verified (copy, self->is_verified);
  mk_review_set_is_published (copy, self->is_published);
  mk_review_set_created_at (copy, self->created_at);

  return copy;
}

const char *
mk_review_get_id (MkReview *self)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), NULL);

  return self->id;
}

void
mk_review_set_id (MkReview *self,
                  const char *value)
{
  g_return_if_fail (MK_IS_REVIEW (self));

  if (g_strcmp0 (self->id, value) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
mk_review_get_user_id (MkReview *self)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), NULL);

  return self->user_id;
}

void
mk_review_set_user_id (MkReview *self,
                       const char *value)
{
  g_return_if_fail (MK_IS_REVIEW (self));

  if (g_strcmp0 (self->user_id, value) == 0)
    return;

  g_free (self->user_id);
  self->user_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_ID]);
}

const char *
mk_review_get_client_name (MkReview *self)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), NULL);

  return self->client_name;
}

void
mk_review_set_client_name (MkReview *self,
                           const char *value)
{
  g_return_if_fail (MK_IS_REVIEW (self));

  if (g_strcmp0 (self->client_name, value) == 0)
    return;

  g_free (self->client_name);
  self->client_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT_NAME]);
}

const char *
mk_review_get_client_email (MkReview *self)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), NULL);

  return self->client_email;
}

void
mk_review_set_client_email (MkReview *self,
                            const char *value)
{
  g_return_if_fail (MK_IS_REVIEW (self));

  if (g_strcmp0 (self->client_email, value) == 0)
    return;

  g_free (self->client_email);
  self->client_email = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT_EMAIL]);
}

int 
mk_review_get_rating (MkReview *self)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), 0);

  return self->rating;
}

void
mk_review_set_rating (MkReview *self,
                      int value)
{
  g_return_if_fail (MK_IS_REVIEW (self));

  if (self->rating == value)
    return;

  self->rating = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RATING]);
}

const char *
mk_review_get_review_text (MkReview *self)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), NULL);

  return self->review_text;
}

void
mk_review_set_review_text (MkReview *self,
                           const char *value)
{
  g_return_if_fail (MK_IS_REVIEW (self));

  if (g_strcmp0 (self->review_text, value) == 0)
    return;

  g_free (self->review_text);
  self->review_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVIEW_TEXT]);
}

const char *
mk_review_get_project_type (MkReview *self)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), NULL);

  return self->project_type;
}

void
mk_review_set_project_type (MkReview *self,
                            const char *value)
{
  g_return_if_fail (MK_IS_REVIEW (self));

  if (g_strcmp0 (self->project_type, value) == 0)
    return;

  g_free (self->project_type);
  self->project_type = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROJECT_TYPE]);
}

gboolean 
mk_review_get_is_verified (MkReview *self)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), FALSE);

  return self->is_verified;
}

void
mk_review_set_is_verified (MkReview *self,
                           gboolean value)
{
  g_return_if_fail (MK_IS_REVIEW (self));

  value = !!value;
  if (self->is_verified == value)
    return;

  self->is_verified = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IS_VERIFIED]);
}

gboolean 
mk_review_get_is_published (MkReview *self)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), FALSE);

  return self->is_published;
}

void
mk_review_set_is_published (MkReview *self,
                            gboolean value)
{
  g_return_if_fail (MK_IS_REVIEW (self));

  value = !!value;
  if (self->is_published == value)
    return;

  self->is_published = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IS_PUBLISHED]);
}

const char *
mk_review_get_created_at (MkReview *self)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), NULL);

  return self->created_at;
}

void
mk_review_set_created_at (MkReview *self,
                          const char *value)
{
  g_return_if_fail (MK_IS_REVIEW (self));

  if (g_strcmp0 (self->created_at, value) == 0)
    return;

  g_free (self->created_at);
  self->created_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gboolean
mk_review_validate (MkReview  *self,
                    GError   **error)
{
  g_return_val_if_fail (MK_IS_REVIEW (self), FALSE);

  return mk_validate_uuid ("id", self->id, FALSE, error) &&
         mk_validate_uuid ("user_id", self->user_id, TRUE, error) &&
         /* Translators: the name of a field, used in messages such as "Client name is required" */
         mk_validate_text ("client_name", _("Client name"), self->client_name, 100,
                           MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, error) &&
         mk_validate_email ("client_email", self->client_email, FALSE, error) &&
         mk_validate_rating (self->rating, error) &&
         mk_validate_text ("review_text", _("Review"), self->review_text, 0,
                           MK_VALIDATE_TEXT_REQUIRED, error) &&
         mk_validate_text ("project_type", _("Project type"), self->project_type, 100,
                           MK_VALIDATE_TEXT_SINGLE_LINE, error) &&
         mk_validate_timestamp ("created_at", _("Creation time"), self->created_at, FALSE, error);
}
