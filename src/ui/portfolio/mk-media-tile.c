/* mk-media-tile.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-export-format.h"
#include "mk-thumbnail-loader.h"
#include "mk-media-tile.h"

/* Decoded at twice the tile's size, for scale 2 screens. */
#define THUMBNAIL_PIXELS 320

struct _MkMediaTile
{
  AdwBin        parent_instance;

  /* Template children */
  GtkStack     *stack;
  GtkImage     *placeholder_icon;
  GtkPicture   *picture;
  GtkLabel     *badge_label;
  GtkLabel     *likes_label;
  GtkLabel     *comments_label;

  /* Owned */
  MkMediaItem  *item;
  GCancellable *cancellable;
  char         *platform_class;
};

G_DEFINE_FINAL_TYPE (MkMediaTile, mk_media_tile, ADW_TYPE_BIN)

static char *
format_count (gint64 count)
{
  if (count < 0)
    return g_strdup ("—");

  if (count >= 1000000)
    /* Translators: a count in millions, e.g. "1.2M" */
    return g_strdup_printf (_("%.1fM"), count / 1000000.0);

  if (count >= 10000)
    /* Translators: a count in thousands, e.g. "12k" */
    return g_strdup_printf (_("%.0fk"), count / 1000.0);

  return mk_export_format_count (count);
}

char *
mk_media_tile_dup_description (MkMediaItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 likes = mk_media_item_get_like_count (item);
  gint64 comments = mk_media_item_get_comment_count (item);
  const char *caption = mk_media_item_get_caption (item);

  /* Translators: "Instagram Reel": a platform and a kind of post */
  g_string_append_printf (text, _("%s %s"),
                          mk_platform_get_display_name (mk_media_item_get_platform (item)),
                          mk_media_type_get_display_name (mk_media_item_get_media_type (item)));

  if (likes >= 0)
    {
      g_autofree char *n = mk_export_format_count (likes);

      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%s like", "%s likes", (gulong) MIN (likes, G_MAXINT)), n);
    }

  if (comments >= 0)
    {
      g_autofree char *n = mk_export_format_count (comments);

      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%s comment", "%s comments", (gulong) MIN (comments, G_MAXINT)), n);
    }

  if (caption != NULL && *caption != '\0')
    {
      g_autofree char *shortened = g_utf8_substring (caption, 0, MIN (g_utf8_strlen (caption, -1), 120));

      g_string_append (text, ": ");
      g_string_append (text, shortened);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  MkMediaTile *self;

  texture = mk_thumbnail_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_MEDIA_TILE (user_data);

  if (texture == NULL)
    {
      /* A missing or broken file keeps the placeholder; the next sync
       * downloads it again. */
      g_debug ("No thumbnail: %s", error->message);
      return;
    }

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->stack, "picture");
}

void
mk_media_tile_set_item (MkMediaTile *self,
                        MkMediaItem *item,
                        const char  *thumbnail_dir)
{
  g_autofree char *description = NULL;
  g_autofree char *likes = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *icon = NULL;
  const char *file;

  g_return_if_fail (MK_IS_MEDIA_TILE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->item, item);

  gtk_picture_set_paintable (self->picture, NULL);
  gtk_stack_set_visible_child_name (self->stack, "placeholder");

  if (self->platform_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->platform_class);
  g_clear_pointer (&self->platform_class, g_free);

  if (item == NULL)
    return;

  self->platform_class = g_strdup (mk_platform_to_string (mk_media_item_get_platform (item)));
  if (self->platform_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), self->platform_class);

  icon = g_strdup_printf ("mk-%s-symbolic", mk_platform_to_string (mk_media_item_get_platform (item)));
  gtk_image_set_from_icon_name (self->placeholder_icon, icon);

  gtk_label_set_label (self->badge_label, mk_media_type_get_display_name (mk_media_item_get_media_type (item)));
  likes = format_count (mk_media_item_get_like_count (item));
  comments = format_count (mk_media_item_get_comment_count (item));
  gtk_label_set_label (self->likes_label, likes);
  gtk_label_set_label (self->comments_label, comments);

  description = mk_media_tile_dup_description (item);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), mk_media_item_get_caption (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  file = mk_media_item_get_thumbnail_file (item);
  if (file != NULL && thumbnail_dir != NULL)
    {
      g_autofree char *path = g_build_filename (thumbnail_dir, file, NULL);

      self->cancellable = g_cancellable_new ();
      mk_thumbnail_load_async (path, THUMBNAIL_PIXELS, self->cancellable, thumbnail_loaded_cb, self);
    }
}

MkMediaItem *
mk_media_tile_get_item (MkMediaTile *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_TILE (self), NULL);

  return self->item;
}

gboolean
mk_media_tile_has_thumbnail (MkMediaTile *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_TILE (self), FALSE);

  return gtk_picture_get_paintable (self->picture) != NULL;
}

static void
mk_media_tile_dispose (GObject *object)
{
  MkMediaTile *self = (MkMediaTile *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);
  g_clear_pointer (&self->platform_class, g_free);


  G_OBJECT_CLASS (mk_media_tile_parent_class)->dispose (object);
}

static void
mk_media_tile_class_init (MkMediaTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_media_tile_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/portfolio/mk-media-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, MkMediaTile, stack);
  gtk_widget_class_bind_template_child (widget_class, MkMediaTile, placeholder_icon);
  gtk_widget_class_bind_template_child (widget_class, MkMediaTile, picture);
  gtk_widget_class_bind_template_child (widget_class, MkMediaTile, badge_label);
  gtk_widget_class_bind_template_child (widget_class, MkMediaTile, likes_label);
  gtk_widget_class_bind_template_child (widget_class, MkMediaTile, comments_label);

  gtk_widget_class_set_css_name (widget_class, "mediatile");
}

static void
mk_media_tile_init (MkMediaTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mk_media_tile_new (void)
{
  return g_object_new (MK_TYPE_MEDIA_TILE, NULL);
}
