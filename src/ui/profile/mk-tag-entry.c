/* mk-tag-entry.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mk-tag-entry.h"
#include "mk-validate.h"

/* How many suggestions show at once: enough to pick from, few enough not
 * to push the rest of the form down. */
#define MAX_SUGGESTIONS 8

/* The built-in list: the niches brands most often search creators by. */
static const char * const suggestions[] = {
  N_("Beauty"), N_("Comedy"), N_("DIY"), N_("Education"), N_("Family"),
  N_("Fashion"), N_("Fitness"), N_("Food"), N_("Gaming"), N_("Health"),
  N_("Home"), N_("Lifestyle"), N_("Music"), N_("Outdoors"), N_("Pets"),
  N_("Photography"), N_("Sports"), N_("Tech"), N_("Travel"), N_("Wellness"),
  NULL
};

struct _MkTagEntry
{
  AdwBin         parent_instance;

  /* Template children */
  GtkFlowBox    *tags_box;
  AdwEntryRow   *entry_row;
  GtkWidget     *add_button;
  GtkLabel      *error_label;
  GtkFlowBox    *suggestions_box;

  /* Owned */
  GPtrArray     *tags;   /* NULL-terminated, of char * */

  gboolean       disposed;
};

G_DEFINE_FINAL_TYPE (MkTagEntry, mk_tag_entry, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (MkTagEntry *self);

/* A pill's or a suggestion's button is replaced by the change it makes:
 * the change waits for the click to finish with the button. */
typedef struct {
  MkTagEntry *self;
  char       *tag;
  gboolean    add;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_free (pending->tag);
  g_free (pending);
}

static void remove_now (MkTagEntry *self, const char *tag);
static void add_now (MkTagEntry *self, const char *tag);

static gboolean
pending_cb (gpointer user_data)
{
  Pending *pending = user_data;

  /* Gone meanwhile. */
  if (pending->self->disposed)
    return G_SOURCE_REMOVE;

  if (pending->add)
    add_now (pending->self, pending->tag);
  else
    remove_now (pending->self, pending->tag);

  return G_SOURCE_REMOVE;
}

static void
defer (MkTagEntry *self,
       GtkButton  *button,
       gboolean    add)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->tag = g_strdup (g_object_get_data (G_OBJECT (button), "mk-tag"));
  pending->add = add;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, pending_cb, pending, (GDestroyNotify) pending_free);
}

static void
remove_clicked_cb (GtkButton  *button,
                   MkTagEntry *self)
{
  defer (self, button, FALSE);
}

static void
remove_now (MkTagEntry *self,
            const char *tag)
{
  guint index = 0;

  for (guint i = 0; i < self->tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->tags, i), tag) == 0)
      index = i;

  mk_tag_entry_remove (self, tag);

  /* Keyboard users stay in the list: the focus moves to the pill that
   * took this one's place, the one before it, or the entry. */
  if (self->tags->len > 0)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->tags_box,
                                                                MIN (index, self->tags->len - 1));
      GtkWidget *remove = g_object_get_data (G_OBJECT (child), "mk-remove");

      gtk_widget_grab_focus (remove);
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->entry_row));
}

static GtkWidget *
create_pill (MkTagEntry *self,
             const char *tag)
{
  g_autofree char *remove_label = NULL;
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  /* Translators: %s is a category; the label of its pill's × button */
  remove_label = g_strdup_printf (_("Remove %s"), tag);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MK_VALIDATE_CATEGORY_MAX_CHARS);
  gtk_widget_set_margin_start (label, 10);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "mk-tag", g_strdup (tag), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  gtk_widget_add_css_class (box, "mk-tag");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), remove);

  /* Tab goes to the remove buttons, not to the pills around them. */
  gtk_widget_set_focusable (child, FALSE);
  gtk_widget_set_halign (child, GTK_ALIGN_START);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  g_object_set_data (G_OBJECT (child), "mk-remove", remove);

  return child;
}

static void
suggestion_clicked_cb (GtkButton  *button,
                       MkTagEntry *self)
{
  defer (self, button, TRUE);
}

static void
add_now (MkTagEntry *self,
         const char *tag)
{
  g_autoptr(GError) error = NULL;

  if (mk_tag_entry_add (self, tag, &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->entry_row));
    }
  else
    mk_tag_entry_set_error (self, error->message);
}

static gboolean
matches (const char *suggestion,
         const char *typed)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (typed == NULL || *typed == '\0')
    return TRUE;

  a = g_utf8_casefold (suggestion, -1);
  b = g_utf8_casefold (typed, -1);
  return strstr (a, b) != NULL;
}

static void
update_suggestions (MkTagEntry *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry_row))));
  const char * const *tags = (const char * const *) self->tags->pdata;
  GtkFlowBoxChild *child;
  guint shown = 0;

  while ((child = gtk_flow_box_get_child_at_index (self->suggestions_box, 0)) != NULL)
    gtk_flow_box_remove (self->suggestions_box, GTK_WIDGET (child));

  for (guint i = 0; suggestions[i] != NULL && shown < MAX_SUGGESTIONS &&
                    self->tags->len < MK_VALIDATE_CATEGORIES_MAX; i++)
    {
      const char *suggestion = _(suggestions[i]);
      g_autofree char *add_label = NULL;
      GtkWidget *button;
      GtkWidget *item;

      if (mk_validate_category_is_duplicate (tags, suggestion) ||
          !matches (suggestion, typed))
        continue;

      /* Translators: %s is a suggested category; its button adds it */
      add_label = g_strdup_printf (_("Add %s"), suggestion);
      button = gtk_button_new_with_label (suggestion);
      gtk_widget_add_css_class (button, "mk-tag-suggestion");
      gtk_widget_set_tooltip_text (button, add_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
      g_object_set_data_full (G_OBJECT (button), "mk-tag", g_strdup (suggestion), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (suggestion_clicked_cb), self);

      item = gtk_flow_box_child_new ();
      gtk_widget_set_focusable (item, FALSE);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (item), button);
      gtk_flow_box_append (self->suggestions_box, item);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_box), shown > 0);
}

static void
rebuild (MkTagEntry *self)
{
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (self->tags_box, 0)) != NULL)
    gtk_flow_box_remove (self->tags_box, GTK_WIDGET (child));

  for (guint i = 0; i < self->tags->len; i++)
    gtk_flow_box_append (self->tags_box, create_pill (self, g_ptr_array_index (self->tags, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), self->tags->len > 0);
  update_suggestions (self);
}

static void
entry_activated_cb (MkTagEntry *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry_row));

  if (text == NULL || *text == '\0')
    return;

  if (!mk_tag_entry_add (self, text, &error))
    {
      mk_tag_entry_set_error (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), "");
}

static void
entry_changed_cb (MkTagEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry_row));

  mk_tag_entry_set_error (self, NULL);
  gtk_widget_set_sensitive (self->add_button, text != NULL && *text != '\0');
  update_suggestions (self);
}

static void
mk_tag_entry_dispose (GObject *object)
{
  MkTagEntry *self = (MkTagEntry *)object;

  /* AdwBin unparents the template's box itself. */
  self->disposed = TRUE;

  G_OBJECT_CLASS (mk_tag_entry_parent_class)->dispose (object);
}

static void
mk_tag_entry_finalize (GObject *object)
{
  MkTagEntry *self = (MkTagEntry *)object;

  g_clear_pointer (&self->tags, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_tag_entry_parent_class)->finalize (object);
}

static void
mk_tag_entry_class_init (MkTagEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_tag_entry_dispose;
  object_class->finalize = mk_tag_entry_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/profile/mk-tag-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, MkTagEntry, tags_box);
  gtk_widget_class_bind_template_child (widget_class, MkTagEntry, entry_row);
  gtk_widget_class_bind_template_child (widget_class, MkTagEntry, add_button);
  gtk_widget_class_bind_template_child (widget_class, MkTagEntry, error_label);
  gtk_widget_class_bind_template_child (widget_class, MkTagEntry, suggestions_box);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
mk_tag_entry_init (MkTagEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tags = g_ptr_array_new_null_terminated (MK_VALIDATE_CATEGORIES_MAX, g_free, TRUE);
  rebuild (self);
}

GtkWidget *
mk_tag_entry_new (void)
{
  return g_object_new (MK_TYPE_TAG_ENTRY, NULL);
}

const char * const *
mk_tag_entry_get_tags (MkTagEntry *self)
{
  g_return_val_if_fail (MK_IS_TAG_ENTRY (self), NULL);

  return (const char * const *) self->tags->pdata;
}

void
mk_tag_entry_set_tags (MkTagEntry         *self,
                       const char * const *tags)
{
  g_return_if_fail (MK_IS_TAG_ENTRY (self));

  /* As they are, even if they break the rules now: the form says so
   * rather than dropping anything silently. */
  g_ptr_array_set_size (self->tags, 0);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_ptr_array_add (self->tags, g_strdup (tags[i]));

  mk_tag_entry_set_error (self, NULL);
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
mk_tag_entry_add (MkTagEntry  *self,
                  const char  *tag,
                  GError     **error)
{
  g_return_val_if_fail (MK_IS_TAG_ENTRY (self), FALSE);

  if (!mk_validate_category_add ((const char * const *) self->tags->pdata, tag, error))
    return FALSE;

  g_ptr_array_add (self->tags, g_strstrip (g_strdup (tag)));
  mk_tag_entry_set_error (self, NULL);
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
mk_tag_entry_remove (MkTagEntry *self,
                     const char *tag)
{
  g_return_if_fail (MK_IS_TAG_ENTRY (self));

  for (guint i = 0; i < self->tags->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->tags, i), tag) == 0)
        {
          g_ptr_array_remove_index (self->tags, i);
          mk_tag_entry_set_error (self, NULL);
          rebuild (self);
          g_signal_emit (self, signals[CHANGED], 0);
          return;
        }
    }
}

void
mk_tag_entry_set_error (MkTagEntry *self,
                        const char *message)
{
  g_return_if_fail (MK_IS_TAG_ENTRY (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry_row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}
