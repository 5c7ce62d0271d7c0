/* mk-window.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-application.h"
#include "mk-pane.h"
#include "mk-window-private.h"

#include "activity/mk-activity-pane.h"
#include "calendar/mk-calendar-pane.h"
#include "metrics/mk-metrics-pane.h"
#include "portfolio/mk-portfolio-pane.h"
#include "reviews/mk-reviews-pane.h"

G_DEFINE_FINAL_TYPE (MkWindow, mk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sections, in the order of the view switcher and of Alt+1…Alt+5. The
 * switcher needs their titles and icons before any pane exists: a pane is
 * built the first time its section is shown, so start-up pays for one. */
typedef struct
{
  const char *id;
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
} MkSection;

static const MkSection sections[] = {
  { "calendar", N_("Calendar"), "x-office-calendar-symbolic", mk_calendar_pane_get_type },
  { "portfolio", N_("Portfolio"), "image-x-generic-symbolic", mk_portfolio_pane_get_type },
  { "metrics", N_("Metrics"), "network-cellular-signal-excellent-symbolic", mk_metrics_pane_get_type },
  { "reviews", N_("Reviews"), "starred-symbolic", mk_reviews_pane_get_type },
  { "activity", N_("Activity"), "document-open-recent-symbolic", mk_activity_pane_get_type },
};

static void
mk_window_add_panes (MkWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      AdwViewStackPage *page;
      GtkWidget *bin = adw_bin_new ();

      page = adw_view_stack_add_titled (self->stack, bin, sections[i].id, _(sections[i].title));
      adw_view_stack_page_set_icon_name (page, sections[i].icon_name);
    }

  /* Only now, with every section in: under callgrind, adding the five
   * pages to a stack the switcher already watched cost 41 M instructions
   * of the first frame, and giving it the full stack costs 12 M. */
  adw_view_switcher_title_set_stack (self->switcher_title, self->stack);
}

/* The pane of the visible section, built on first use. */
static MkPane *
mk_window_ensure_visible_pane (MkWindow *self)
{
  GtkWidget *bin = adw_view_stack_get_visible_child (self->stack);
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  GtkWidget *pane;

  if (bin == NULL || name == NULL)
    return NULL;

  pane = adw_bin_get_child (ADW_BIN (bin));
  if (pane != NULL)
    return MK_PANE (pane);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_str_equal (sections[i].id, name))
        {
          pane = g_object_new (sections[i].get_type (), "context", self->context, NULL);
          adw_bin_set_child (ADW_BIN (bin), pane);
          return MK_PANE (pane);
        }
    }

  return NULL;
}

static void
mk_window_update_primary_action (MkWindow *self)
{
  MkPane *pane = mk_window_ensure_visible_pane (self);
  const char *action_name = NULL;
  const char *label = NULL;

  if (pane != NULL)
    {
      action_name = mk_pane_get_primary_action_name (pane);
      label = mk_pane_get_primary_action_label (pane);
    }

  /* A button that does nothing is worse than none. */
  if (action_name == NULL || label == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->primary_action_button), FALSE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_action_button), NULL);
      return;
    }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_action_button), action_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->primary_action_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->primary_action_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->primary_action_button), TRUE);
}

static void
mk_window_visible_child_changed_cb (MkWindow *self)
{
  const char *section = adw_view_stack_get_visible_child_name (self->stack);

  mk_window_update_primary_action (self);

  if (section != NULL)
    g_settings_set_string (mk_context_get_settings (self->context), "last-section", section);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

/* The style is the application's, but the window is what exists whenever the
 * style can be seen, and it follows the setting while it lives. */
static void
mk_window_color_scheme_changed_cb (MkWindow *self)
{
  g_autofree char *scheme = NULL;
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  scheme = g_settings_get_string (mk_context_get_settings (self->context), "color-scheme");

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
mk_window_restore_state (MkWindow *self)
{
  GSettings *settings = mk_context_get_settings (self->context);
  g_autofree char *section = NULL;
  int width;
  int height;

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 600));

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  section = g_settings_get_string (settings, "last-section");
  if (adw_view_stack_get_child_by_name (self->stack, section) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, section);
}

static void
mk_window_save_size (MkWindow *self)
{
  GSettings *settings = mk_context_get_settings (self->context);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  /* A maximized window keeps the size it had before, so that unmaximizing
   * it after the next start goes back to that size. */
  if (!maximized)
    {
      int width;
      int height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }

  g_settings_set_boolean (settings, "window-maximized", maximized);
}

static void
mk_window_stop_watching_first_frame (MkWindow *self)
{
  if (self->first_frame_clock != NULL)
    g_clear_signal_handler (&self->first_frame_handler, self->first_frame_clock);

  self->first_frame_handler = 0;
  g_clear_weak_pointer (&self->first_frame_clock);
}

static gboolean
mk_window_quit_after_first_frame_cb (gpointer data)
{
  MkWindow *self = MK_WINDOW (data);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));

  gtk_window_destroy (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
mk_window_quit_soon (MkWindow *self)
{
  /* Quitting from inside the frame clock's emission would tear the surface
   * down under it, hence the idle. */
  g_idle_add_full (G_PRIORITY_HIGH,
                   mk_window_quit_after_first_frame_cb,
                   g_object_ref (self),
                   g_object_unref);
}

/* The start-up benchmark reads these lines: CLOCK_MONOTONIC, the clock the
 * benchmark took before it started us. */
static void
mk_window_report_frame (const char *what)
{
  g_print ("%s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
}

static void
mk_window_content_painted_cb (MkWindow      *self,
                              GdkFrameClock *frame_clock)
{
  mk_window_stop_watching_first_frame (self);
  mk_window_report_frame ("content-frame");
  mk_window_quit_soon (self);
}

/* @callback runs after the next paint (and stops watching): the first
 * frame, then the one with content. */
static void
mk_window_watch_next_paint (MkWindow  *self,
                            GCallback  callback)
{
  mk_window_stop_watching_first_frame (self);
  g_set_weak_pointer (&self->first_frame_clock, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  if (self->first_frame_clock == NULL)
    {
      mk_window_quit_soon (self);
      return;
    }
  self->first_frame_handler = g_signal_connect_object (self->first_frame_clock, "after-paint",
                                                       callback, self, G_CONNECT_SWAPPED);
}

static void
mk_window_pane_loaded_cb (MkWindow *self,
                          MkPane   *pane)
{
  g_signal_handlers_disconnect_by_func (pane, mk_window_pane_loaded_cb, self);
  mk_window_watch_next_paint (self, G_CALLBACK (mk_window_content_painted_cb));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* after-paint of the first frame. A pane that reads its content in a
 * thread shows it a frame or so later ("content-frame"); the window quits
 * once that is painted too, so both times and the memory of a window with
 * its content can be measured. */
static void
mk_window_after_paint_cb (MkWindow      *self,
                          GdkFrameClock *frame_clock)
{
  MkPane *pane = mk_window_ensure_visible_pane (self);

  mk_window_stop_watching_first_frame (self);
  mk_window_report_frame ("first-frame");

  if (pane != NULL && mk_pane_is_loading (pane))
    {
      g_signal_connect_object (pane, "loaded", G_CALLBACK (mk_window_pane_loaded_cb), self,
                               G_CONNECT_SWAPPED);
      return;
    }

  mk_window_report_frame ("content-frame");
  mk_window_quit_soon (self);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Figures older than the sync interval are fetched again once the window
 * shows; after the first frame, so start-up does not wait for it. */
static gboolean
mk_window_sync_if_stale_cb (gpointer data)
{
  g_autoptr(MkWindow) self = g_weak_ref_get (data);
  MkSyncService *sync;

  if (self != NULL &&
      mk_context_get_store (self->context) != NULL &&
      mk_context_get_user_id (self->context) != NULL &&
      (sync = mk_context_get_sync_service (self->context)) != NULL)
    mk_sync_service_sync_if_stale (sync);

  return G_SOURCE_REMOVE;
}

static void
mk_window_map (GtkWidget *widget)
{
  MkWindow *self = MK_WINDOW (widget);

  GTK_WIDGET_CLASS (mk_window_parent_class)->map (widget);

  if (!self->quit_after_first_frame)
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, self);
      g_idle_add_full (G_PRIORITY_LOW, mk_window_sync_if_stale_cb, ref, weak_ref_free);
    }

  if (self->quit_after_first_frame && self->first_frame_handler == 0)
    {
      mk_window_watch_next_paint (self, G_CALLBACK (mk_window_after_paint_cb));
      self->quit_after_first_frame = FALSE;
    }
}

static gboolean
mk_window_close_request (GtkWindow *window)
{
  mk_window_save_size (MK_WINDOW (window));

  return GTK_WINDOW_CLASS (mk_window_parent_class)->close_request (window);
}

/* The bottom bar gets the stack the first time it shows (a narrow window),
 * not before: its buttons cost the first frame and nobody sees them. */
static void
mk_window_title_visible_cb (MkWindow *self)
{
  if (adw_view_switcher_title_get_title_visible (self->switcher_title) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
}

static void
mk_window_constructed (GObject *object)
{
  MkWindow *self = (MkWindow *)object;
  GSettings *settings;

  G_OBJECT_CLASS (mk_window_parent_class)->constructed (object);

  g_return_if_fail (MK_IS_CONTEXT (self->context));

  settings = mk_context_get_settings (self->context);

  mk_window_add_panes (self);
  mk_window_restore_state (self);
  mk_window_update_primary_action (self);

  /* Connected only now, so that filling the stack does not overwrite the
   * section that was saved. */
  g_signal_connect_object (self->stack,
                           "notify::visible-child",
                           G_CALLBACK (mk_window_visible_child_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->switcher_title,
                           "notify::title-visible",
                           G_CALLBACK (mk_window_title_visible_cb),
                           self,
                           G_CONNECT_SWAPPED);
  mk_window_title_visible_cb (self);

  g_signal_connect_object (settings,
                           "changed::color-scheme",
                           G_CALLBACK (mk_window_color_scheme_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  mk_window_color_scheme_changed_cb (self);
}

static void
mk_window_dispose (GObject *object)
{
  MkWindow *self = (MkWindow *)object;

  mk_window_stop_watching_first_frame (self);

  G_OBJECT_CLASS (mk_window_parent_class)->dispose (object);
}

static void
mk_window_finalize (GObject *object)
{
  MkWindow *self = (MkWindow *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (mk_window_parent_class)->finalize (object);
}

static void
mk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MkWindow *self = MK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SECTION:
      g_value_set_string (value, mk_window_get_section (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MkWindow *self = MK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SECTION:
      mk_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_window_class_init (MkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = mk_window_constructed;
  object_class->dispose = mk_window_dispose;
  object_class->finalize = mk_window_finalize;
  object_class->get_property = mk_window_get_property;
  object_class->set_property = mk_window_set_property;

  widget_class->map = mk_window_map;

  window_class->close_request = mk_window_close_request;

  /**
   * MkWindow:context:
   *
   * The services of the data directory this window shows.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         MK_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * MkWindow:section:
   *
   * The id of the visible section: "calendar", "portfolio", "metrics",
   * "reviews" or "activity".
   */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MkWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, primary_action_button);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, switcher_bar);

  _mk_window_class_actions_init (klass);
}

static void
mk_window_init (MkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->quit_after_first_frame = mk_application_quit_after_first_frame_requested ();

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * mk_window_new:
 * @app: the application the window belongs to
 * @context: the services of the data directory to show
 *
 * Returns: (transfer none): a new window, owned by its toplevel list
 */
MkWindow *
mk_window_new (GtkApplication *app,
               MkContext      *context)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (MK_IS_CONTEXT (context), NULL);

  return g_object_new (MK_TYPE_WINDOW,
                       "application", app,
                       "context", context,
                       NULL);
}

MkContext *
mk_window_get_context (MkWindow *self)
{
  g_return_val_if_fail (MK_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * mk_window_add_toast:
 * @self: a #MkWindow
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast above the content, as adw_toast_overlay_add_toast() does.
 */
void
mk_window_add_toast (MkWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (MK_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
mk_window_get_section (MkWindow *self)
{
  g_return_val_if_fail (MK_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * mk_window_set_section:
 * @self: a #MkWindow
 * @name: a section id, as mk_pane_get_id() returns
 *
 * Shows the section @name.
 */
void
mk_window_set_section (MkWindow   *self,
                       const char *name)
{
  g_return_if_fail (MK_IS_WINDOW (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (adw_view_stack_get_child_by_name (self->stack, name) != NULL);

  adw_view_stack_set_visible_child_name (self->stack, name);
}
