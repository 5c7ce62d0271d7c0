/* mk-preferences-window.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include "account/mk-account-page.h"
#include "backups/mk-backups-group.h"
#include "connections/mk-connections-page.h"
#include "export/mk-export-defaults.h"
#include "mk-preferences-window.h"

struct _MkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  MkAccountPage        *account_page;
  MkBackupsGroup       *backups_group;
  AdwComboRow          *color_scheme_row;
  GtkSpinButton        *sync_interval_spin;
  AdwComboRow          *engagement_formula_row;
  AdwComboRow          *paper_size_row;
  GtkColorButton       *accent_color_button;
  GtkSwitch            *audience_section_switch;
  GtkSwitch            *budget_section_switch;
  GtkSwitch            *media_section_switch;
  GtkSwitch            *reviews_section_switch;
  GtkSpinButton        *log_retention_spin;

  /* Owned */
  MkContext            *context;
};

G_DEFINE_FINAL_TYPE (MkPreferencesWindow, mk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The items of each combo row in the .ui, in the same order: the key's
 * choices, which are stored, while the rows show translated words. */
static const char * const color_scheme_choices[] = { "default", "light", "dark", NULL };
static const char * const engagement_formula_choices[] = { "median", "mean", NULL };
static const char * const paper_size_choices[] = { "auto", "a4", "letter", NULL };

static gboolean
choice_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (choices[i], choice))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **)choices))
    return NULL;

  return g_variant_new_string (choices[selected]);
}

static void
bind_combo_row (GSettings          *settings,
                const char         *key,
                AdwComboRow        *row,
                const char * const *choices)
{
  g_settings_bind_with_mapping (settings, key,
                                row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_to_selected,
                                selected_to_choice,
                                (gpointer)choices,
                                NULL);
}

/* export-accent-color is "#rrggbb"; the button shows the default blue for
 * anything else, as the exports do. */
static gboolean
color_to_rgba (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  g_autofree char *color = mk_export_defaults_check_color (g_variant_get_string (variant, NULL));
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, color))
    return FALSE;

  g_value_set_boxed (value, &rgba);
  return TRUE;
}

static GVariant *
rgba_to_color (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  const GdkRGBA *rgba = g_value_get_boxed (value);

  if (rgba == NULL)
    return NULL;

  return g_variant_new_take_string (mk_export_defaults_rgba_to_color (rgba));
}

/* export-sections is one list, shown as a switch per section: each switch
 * adds or removes its own name, in a fixed order. */
static const char * const section_order[] = {
  MK_PORTFOLIO_SECTION_AUDIENCE,
  MK_PORTFOLIO_SECTION_BUDGET,
  MK_PORTFOLIO_SECTION_MEDIA,
  MK_PORTFOLIO_SECTION_REVIEWS,
  NULL
};

typedef struct
{
  GSettings  *settings;
  const char *section;
} SectionBinding;

static void
section_binding_free (gpointer data)
{
  SectionBinding *binding = data;

  g_object_unref (binding->settings);
  g_free (binding);
}

static gboolean
sections_to_active (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  SectionBinding *binding = user_data;
  g_autofree const char **sections = g_variant_get_strv (variant, NULL);

  g_value_set_boolean (value, g_strv_contains (sections, binding->section));
  return TRUE;
}

static GVariant *
active_to_sections (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  SectionBinding *binding = user_data;
  g_auto(GStrv) current = g_settings_get_strv (binding->settings, "export-sections");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) sections = NULL;

  for (guint i = 0; section_order[i] != NULL; i++)
    {
      gboolean included = g_str_equal (section_order[i], binding->section)
                          ? g_value_get_boolean (value)
                          : g_strv_contains ((const char * const *) current, section_order[i]);

      if (included)
        g_strv_builder_add (builder, section_order[i]);
    }

  sections = g_strv_builder_end (builder);
  return g_variant_new_strv ((const char * const *) sections, -1);
}

static void
bind_section_switch (GSettings  *settings,
                     const char *section,
                     GtkSwitch  *sw)
{
  SectionBinding *binding = g_new0 (SectionBinding, 1);

  binding->settings = g_object_ref (settings);
  binding->section = section;
  g_settings_bind_with_mapping (settings, "export-sections",
                                sw, "active",
                                G_SETTINGS_BIND_DEFAULT,
                                sections_to_active,
                                active_to_sections,
                                binding,
                                section_binding_free);
}

static void
mk_preferences_window_constructed (GObject *object)
{
  MkPreferencesWindow *self = (MkPreferencesWindow *)object;
  GSettings *settings;

  G_OBJECT_CLASS (mk_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (MK_IS_CONTEXT (self->context));

  settings = mk_context_get_settings (self->context);
  mk_account_page_set_context (self->account_page, self->context);
  mk_backups_group_set_context (self->backups_group, self->context);

  bind_combo_row (settings, "color-scheme", self->color_scheme_row, color_scheme_choices);
  bind_combo_row (settings, "engagement-formula", self->engagement_formula_row, engagement_formula_choices);
  bind_combo_row (settings, "paper-size", self->paper_size_row, paper_size_choices);

  mk_export_defaults_label_button (self->accent_color_button);
  g_settings_bind_with_mapping (settings, "export-accent-color",
                                self->accent_color_button, "rgba",
                                G_SETTINGS_BIND_DEFAULT,
                                color_to_rgba, rgba_to_color,
                                NULL, NULL);
  bind_section_switch (settings, MK_PORTFOLIO_SECTION_AUDIENCE, self->audience_section_switch);
  bind_section_switch (settings, MK_PORTFOLIO_SECTION_BUDGET, self->budget_section_switch);
  bind_section_switch (settings, MK_PORTFOLIO_SECTION_MEDIA, self->media_section_switch);
  bind_section_switch (settings, MK_PORTFOLIO_SECTION_REVIEWS, self->reviews_section_switch);

  g_settings_bind (settings, "sync-interval-hours",
                   self->sync_interval_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "log-retention-days",
                   self->log_retention_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (mk_connections_page_new (self->context)));
}

static void
mk_preferences_window_dispose (GObject *object)
{
  MkPreferencesWindow *self = (MkPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (mk_preferences_window_parent_class)->dispose (object);
}

static void
mk_preferences_window_finalize (GObject *object)
{
  MkPreferencesWindow *self = (MkPreferencesWindow *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (mk_preferences_window_parent_class)->finalize (object);
}

static void
mk_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MkPreferencesWindow *self = MK_PREFERENCES_WINDOW (object);

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
mk_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MkPreferencesWindow *self = MK_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_preferences_window_class_init (MkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mk_preferences_window_constructed;
  object_class->dispose = mk_preferences_window_dispose;
  object_class->finalize = mk_preferences_window_finalize;
  object_class->get_property = mk_preferences_window_get_property;
  object_class->set_property = mk_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         MK_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MK_TYPE_ACCOUNT_PAGE);
  g_type_ensure (MK_TYPE_BACKUPS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, account_page);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, sync_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, engagement_formula_row);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, paper_size_row);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, accent_color_button);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, audience_section_switch);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, budget_section_switch);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, media_section_switch);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, reviews_section_switch);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, log_retention_spin);
}

static void
mk_preferences_window_init (MkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mk_preferences_window_new:
 * @context: the services whose settings are edited
 *
 * The window is modal: set its transient parent, then present it.
 *
 * Returns: (transfer none): a new preferences window
 */
MkPreferencesWindow *
mk_preferences_window_new (MkContext *context)
{
  g_return_val_if_fail (MK_IS_CONTEXT (context), NULL);

  return g_object_new (MK_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       NULL);
}
