/* mk-reviews-pane.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mk-context.h"
#include "mk-pane.h"
#include "mk-review-card.h"
#include "mk-review-dialog.h"
#include "mk-reviews-import.h"
#include "mk-reviews-io.h"
#include "mk-reviews-model.h"
#include "mk-reviews-pane.h"
#include "mk-window.h"

struct _MkReviewsPane
{
  AdwBin              parent_instance;

  /* Template children */
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkLabel           *average_label;
  GtkLabel           *average_stars_label;
  GtkLabel           *count_label;
  GtkGrid            *distribution_grid;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *rating_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkStack           *list_stack;
  GtkListView        *list_view;

  /* Owned */
  MkContext          *context;
  MkReviewsModel     *model;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GSimpleActionGroup *window_actions;
  GtkLevelBar        *bars[5];
  GtkLabel           *bar_counts[5];
};

static void mk_pane_iface_init (MkPaneInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkReviewsPane, mk_reviews_pane, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MK_TYPE_PANE, mk_pane_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum { SHOW_ALL, SHOW_PUBLISHED, SHOW_UNPUBLISHED, SHOW_VERIFIED };
enum { SORT_NEWEST, SORT_OLDEST, SORT_HIGHEST, SORT_LOWEST };

static const char *
mk_reviews_pane_get_id (MkPane *pane)
{
  return "reviews";
}

static const char *
mk_reviews_pane_get_title (MkPane *pane)
{
  return _("Reviews");
}

static const char *
mk_reviews_pane_get_icon_name (MkPane *pane)
{
  return "starred-symbolic";
}

static const char *
mk_reviews_pane_get_primary_action_name (MkPane *pane)
{
  return "reviews.new";
}

static const char *
mk_reviews_pane_get_primary_action_label (MkPane *pane)
{
  return _("New Review");
}

static void
mk_pane_iface_init (MkPaneInterface *iface)
{
  iface->get_id = mk_reviews_pane_get_id;
  iface->get_title = mk_reviews_pane_get_title;
  iface->get_icon_name = mk_reviews_pane_get_icon_name;
  iface->get_primary_action_name = mk_reviews_pane_get_primary_action_name;
  iface->get_primary_action_label = mk_reviews_pane_get_primary_action_label;
}

/* Summary */

static void
update_summary (MkReviewsPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  double average = mk_reviews_model_get_average (self->model);
  g_autofree char *average_text = NULL;
  g_autofree char *stars = NULL;
  g_autofree char *count = NULL;
  g_autofree char *described = NULL;

  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "empty" : "list");

  /* Translators: the average rating, to one decimal */
  average_text = g_strdup_printf (_("%.1f"), average);
  stars = mk_review_card_format_stars (average);
  count = g_strdup_printf (ngettext ("%u review", "%u reviews", n), n);
  described = g_strdup_printf (_("Average rating %.1f out of 5"), average);
  gtk_label_set_label (self->average_label, average_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->average_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, described, -1);
  gtk_label_set_label (self->average_stars_label, stars);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->average_stars_label), described);
  gtk_label_set_label (self->count_label, count);

  for (int stars_n = 5; stars_n >= 1; stars_n--)
    {
      guint k = mk_reviews_model_get_rating_count (self->model, stars_n);
      g_autofree char *k_text = g_strdup_printf ("%u", k);
      g_autofree char *bar_label = g_strdup_printf (ngettext ("%d star: %u review", "%d stars: %u reviews", k),
                                                    stars_n, k);

      gtk_level_bar_set_value (self->bars[5 - stars_n], n > 0 ? (double) k / n : 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->bars[5 - stars_n]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, bar_label, -1);
      gtk_label_set_label (self->bar_counts[5 - stars_n], k_text);
    }
}

static void
build_distribution (MkReviewsPane *self)
{
  for (int stars = 5; stars >= 1; stars--)
    {
      int row = 5 - stars;
      g_autofree char *number = g_strdup_printf ("%d ★", stars);
      GtkWidget *label = gtk_label_new (number);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      GtkWidget *count = gtk_label_new ("0");

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_label_set_xalign (GTK_LABEL (count), 1);
      gtk_label_set_width_chars (GTK_LABEL (count), 3);
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_add_css_class (count, "dim-label");

      gtk_grid_attach (self->distribution_grid, label, 0, row, 1, 1);
      gtk_grid_attach (self->distribution_grid, bar, 1, row, 1, 1);
      gtk_grid_attach (self->distribution_grid, count, 2, row, 1, 1);
      self->bars[row] = GTK_LEVEL_BAR (bar);
      self->bar_counts[row] = GTK_LABEL (count);
    }
}

/* Filter and sort */

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  MkReviewsPane *self = user_data;
  MkReview *review = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint rating = gtk_drop_down_get_selected (self->rating_dropdown);

  switch (gtk_drop_down_get_selected (self->status_dropdown))
    {
    case SHOW_PUBLISHED:
      if (!mk_review_get_is_published (review))
        return FALSE;
      break;
    case SHOW_UNPUBLISHED:
      if (mk_review_get_is_published (review))
        return FALSE;
      break;
    case SHOW_VERIFIED:
      if (!mk_review_get_is_verified (review))
        return FALSE;
      break;
    default:
      break;
    }

  /* Entries run 5 stars (1) down to 1 star (5). */
  if (rating >= 1 && rating <= 5 && mk_review_get_rating (review) != 6 - (int) rating)
    return FALSE;

  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);

      return contains_casefold (mk_review_get_client_name (review), needle) ||
             contains_casefold (mk_review_get_project_type (review), needle) ||
             contains_casefold (mk_review_get_review_text (review), needle);
    }

  return TRUE;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  MkReviewsPane *self = user_data;
  MkReview *ra = (MkReview *) a, *rb = (MkReview *) b;
  int by_date = g_strcmp0 (mk_review_get_created_at (rb), mk_review_get_created_at (ra));
  int by_rating = mk_review_get_rating (rb) - mk_review_get_rating (ra);

  switch (gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_OLDEST:
      return -by_date;
    case SORT_HIGHEST:
      return by_rating != 0 ? by_rating : by_date;
    case SORT_LOWEST:
      return by_rating != 0 ? -by_rating : by_date;
    default:
      return by_date;
    }
}

static void
update_list_page (MkReviewsPane *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0;

  gtk_stack_set_visible_child_name (self->list_stack, any ? "list" : "no-match");
}

static void
filter_changed_cb (MkReviewsPane *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
sort_changed_cb (MkReviewsPane *self)
{
  if (self->sorter != NULL)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Cards */

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_list_item_set_child (item, mk_review_card_new ());
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  mk_review_card_set_review (MK_REVIEW_CARD (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item));
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  mk_review_card_set_review (MK_REVIEW_CARD (gtk_list_item_get_child (item)), NULL);
}

/* Actions */

static void
toast (MkReviewsPane *self,
       AdwToast      *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (MK_IS_WINDOW (root))
    mk_window_add_toast (MK_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
toast_error (MkReviewsPane *self,
             const GError  *error)
{
  toast (self, adw_toast_new (error->message));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MkReviewsPane *self = MK_REVIEWS_PANE (widget);
  MkReviewDialog *dialog;

  dialog = mk_review_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->model, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MkReviewsPane *self = MK_REVIEWS_PANE (widget);
  MkReview *review = mk_reviews_model_find (self->model, g_variant_get_string (parameter, NULL));
  MkReviewDialog *dialog;

  if (review == NULL)
    return;

  dialog = mk_review_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->model, review);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toggle_published_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MkReviewsPane *self = MK_REVIEWS_PANE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  MkReview *review = mk_reviews_model_find (self->model, id);
  g_autoptr(GError) error = NULL;
  gboolean published;

  if (review == NULL)
    return;

  published = !mk_review_get_is_published (review);
  if (!mk_reviews_model_set_published (self->model, id, published, &error))
    toast_error (self, error);
  else
    toast (self, adw_toast_new (published ? _("Review published") : _("Review hidden from the portfolio")));
}

static void
toggle_verified_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MkReviewsPane *self = MK_REVIEWS_PANE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  MkReview *review = mk_reviews_model_find (self->model, id);
  g_autoptr(GError) error = NULL;

  if (review == NULL)
    return;

  if (!mk_reviews_model_set_verified (self->model, id, !mk_review_get_is_verified (review), &error))
    toast_error (self, error);
}

static void
undo_delete_cb (AdwToast      *toast,
                MkReviewsPane *self)
{
  MkReview *review = g_object_get_data (G_OBJECT (toast), "review");
  g_autoptr(GError) error = NULL;

  if (review != NULL && !mk_reviews_model_restore (self->model, review, &error))
    toast_error (self, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkReviewsPane *self = MK_REVIEWS_PANE (widget);
  g_autoptr(MkReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *undo;

  review = mk_reviews_model_delete (self->model, g_variant_get_string (parameter, NULL), &error);
  if (review == NULL)
    {
      toast_error (self, error);
      return;
    }

  title = g_strdup_printf (_("Deleted the review from %s"), mk_review_get_client_name (review));
  undo = adw_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (undo), "review", g_steal_pointer (&review), g_object_unref);
  g_signal_connect_object (undo, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  toast (self, undo);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkReviewsPane *self = MK_REVIEWS_PANE (widget);

  mk_reviews_import_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, self->model);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  GPtrArray *reviews = g_object_get_data (G_OBJECT (chooser), "reviews");
  MkReviewsPane *self = g_object_get_data (G_OBJECT (chooser), "pane");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !mk_reviews_io_export_file (reviews, path, &error))
        {
          if (error == NULL)
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("Choose a file on this computer"));
          toast_error (self, error);
        }
      else
        {
          g_autofree char *message = g_strdup_printf (ngettext ("Exported %u review", "Exported %u reviews",
                                                                reviews->len), reviews->len);
          toast (self, adw_toast_new (message));
        }
    }

  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkReviewsPane *self = MK_REVIEWS_PANE (widget);
  GListModel *source = g_str_equal (g_variant_get_string (parameter, NULL), "shown")
                       ? G_LIST_MODEL (self->sorted) : G_LIST_MODEL (self->model);
  GPtrArray *reviews = g_ptr_array_new_with_free_func (g_object_unref);
  GtkFileChooserNative *chooser;

  for (guint i = 0; i < g_list_model_get_n_items (source); i++)
    g_ptr_array_add (reviews, g_list_model_get_item (source, i));

  chooser = gtk_file_chooser_native_new (_("Export Reviews"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("reviews.csv"));
  g_object_set_data_full (G_OBJECT (chooser), "reviews", reviews, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (chooser), "pane", g_object_ref (self), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The header bar's "+" lives outside the pane, where the pane's own actions
 * cannot be found; the window gets a one-action group for it. */
static void
window_new_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "reviews.new", NULL);
}

static void
mk_reviews_pane_root (GtkWidget *widget)
{
  MkReviewsPane *self = MK_REVIEWS_PANE (widget);

  GTK_WIDGET_CLASS (mk_reviews_pane_parent_class)->root (widget);

  gtk_widget_insert_action_group (GTK_WIDGET (gtk_widget_get_root (widget)), "reviews",
                                  G_ACTION_GROUP (self->window_actions));
}

static void
mk_reviews_pane_unroot (GtkWidget *widget)
{
  gtk_widget_insert_action_group (GTK_WIDGET (gtk_widget_get_root (widget)), "reviews", NULL);

  GTK_WIDGET_CLASS (mk_reviews_pane_parent_class)->unroot (widget);
}

static void
mk_reviews_pane_constructed (GObject *object)
{
  MkReviewsPane *self = (MkReviewsPane *)object;

  G_OBJECT_CLASS (mk_reviews_pane_parent_class)->constructed (object);

  self->model = mk_reviews_model_new (self->context);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->model)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))));

  g_signal_connect_object (self->model, "notify::average", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_list_page), self,
                           G_CONNECT_SWAPPED);
  update_summary (self);
  update_list_page (self);
}

static void
mk_reviews_pane_dispose (GObject *object)
{
  MkReviewsPane *self = (MkReviewsPane *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_object (&self->window_actions);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (mk_reviews_pane_parent_class)->dispose (object);
}

static void
mk_reviews_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MkReviewsPane *self = MK_REVIEWS_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_reviews_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MkReviewsPane *self = MK_REVIEWS_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_reviews_pane_class_init (MkReviewsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mk_reviews_pane_constructed;
  object_class->dispose = mk_reviews_pane_dispose;
  object_class->get_property = mk_reviews_pane_get_property;
  object_class->set_property = mk_reviews_pane_set_property;
  widget_class->root = mk_reviews_pane_root;
  widget_class->unroot = mk_reviews_pane_unroot;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  g_type_ensure (MK_TYPE_REVIEW_CARD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/reviews/mk-reviews-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, average_label);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, average_stars_label);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, distribution_grid);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, rating_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MkReviewsPane, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_card_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_card_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_card_cb);

  gtk_widget_class_install_action (widget_class, "reviews.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "reviews.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "reviews.toggle-published", "s", toggle_published_action);
  gtk_widget_class_install_action (widget_class, "reviews.toggle-verified", "s", toggle_verified_action);
  gtk_widget_class_install_action (widget_class, "reviews.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "reviews.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "reviews.export", "s", export_action);
}

static void
mk_reviews_pane_init (MkReviewsPane *self)
{
  static const GActionEntry entries[] = {
    { "new", window_new_cb },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  build_distribution (self);

  self->window_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->window_actions), entries,
                                   G_N_ELEMENTS (entries), self);
}
