/* mk-export-dialog.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "mk-export-defaults.h"
#include "mk-export-dialog.h"
#include "mk-html-renderer.h"
#include "mk-pdf-renderer.h"
#include "mk-portfolio.h"

#define OPTIONS_FILE  "export-options.ini"
#define PAGE_GAP      24.0

struct _MkExportDialog
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  GtkDrawingArea       *preview;
  AdwPreferencesGroup  *platforms_group;
  GtkSwitch            *budget_switch;
  GtkSwitch            *reviews_switch;
  GtkSpinButton        *reviews_spin;
  GtkSpinButton        *media_spin;
  AdwEntryRow          *contact_row;
  GtkColorButton       *accent_button;
  AdwComboRow          *paper_row;
  AdwStatusPage        *empty_page;

  MkContext            *context;
  char                 *user_id;
  GPtrArray            *platform_switches;  /* of GtkSwitch, platform in "platform" data */
  MkPortfolio          *doc;                /* as shown; replaced, never changed */
  MkPdfPlan            *plan;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gboolean              filling;
};

G_DEFINE_FINAL_TYPE (MkExportDialog, mk_export_dialog, ADW_TYPE_WINDOW)

static const char * const paper_names[] = { "auto", "a4", "letter" };

static void
toast (MkExportDialog *self,
       const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* ------------------------------------------------------------------ */
/* Options, remembered per profile                                     */

/* What a profile starts from: Preferences → Export. */
typedef struct
{
  gboolean  show_platforms;
  gboolean  include_budget;
  gboolean  include_reviews;
  int       max_reviews;
  int       max_media;
  char     *accent_color;
} Defaults;

static void
defaults_clear (Defaults *defaults)
{
  g_clear_pointer (&defaults->accent_color, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Defaults, defaults_clear)

static void
read_defaults (MkExportDialog *self,
               Defaults       *defaults)
{
  GSettings *settings = mk_context_get_settings (self->context);

  defaults->show_platforms = mk_export_defaults_has_section (settings, MK_PORTFOLIO_SECTION_AUDIENCE);
  defaults->include_budget = mk_export_defaults_has_section (settings, MK_PORTFOLIO_SECTION_BUDGET);
  defaults->include_reviews = mk_export_defaults_has_section (settings, MK_PORTFOLIO_SECTION_REVIEWS);
  defaults->max_reviews = MK_PORTFOLIO_DEFAULT_MAX_REVIEWS;
  defaults->max_media = mk_export_defaults_has_section (settings, MK_PORTFOLIO_SECTION_MEDIA)
                        ? MK_PORTFOLIO_DEFAULT_MAX_MEDIA : 0;
  defaults->accent_color = mk_export_defaults_dup_accent_color (settings);
}

/* Only a choice that differs from the default is written: the rest keeps
 * following Preferences when the defaults change there later. */
static void
keep_boolean (GKeyFile   *file,
              const char *group,
              const char *key,
              gboolean    value,
              gboolean    fallback)
{
  if (!value == !fallback)
    g_key_file_remove_key (file, group, key, NULL);
  else
    g_key_file_set_boolean (file, group, key, value);
}

static void
keep_integer (GKeyFile   *file,
              const char *group,
              const char *key,
              int         value,
              int         fallback)
{
  if (value == fallback)
    g_key_file_remove_key (file, group, key, NULL);
  else
    g_key_file_set_integer (file, group, key, value);
}

static gboolean
read_boolean (GKeyFile   *file,
              const char *group,
              const char *key,
              gboolean    fallback)
{
  g_autoptr(GError) error = NULL;
  gboolean value = g_key_file_get_boolean (file, group, key, &error);

  return error == NULL ? value : fallback;
}

static int
read_integer (GKeyFile   *file,
              const char *group,
              const char *key,
              int         fallback)
{
  g_autoptr(GError) error = NULL;
  int value = g_key_file_get_integer (file, group, key, &error);

  return error == NULL ? value : fallback;
}

static char *
options_path (MkExportDialog *self)
{
  return g_build_filename (mk_context_get_data_dir (self->context), OPTIONS_FILE, NULL);
}

static GKeyFile *
load_options (MkExportDialog *self)
{
  g_autofree char *path = options_path (self);
  GKeyFile *file = g_key_file_new ();

  /* Missing or damaged: the defaults, said nowhere; it is only a
   * convenience. */
  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL);
  return file;
}

static void
save_options (MkExportDialog *self)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) hidden_list = NULL;
  g_auto(Defaults) defaults = { 0 };
  g_autofree char *path = NULL;
  const char *group = self->user_id;
  guint n_hidden;

  if (self->filling || self->doc == NULL || self->user_id == NULL)
    return;

  read_defaults (self, &defaults);
  file = load_options (self);

  for (guint i = 0; i < self->platform_switches->len; i++)
    {
      GtkSwitch *sw = g_ptr_array_index (self->platform_switches, i);
      MkPlatform platform = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sw), "platform"));

      if (!gtk_switch_get_active (sw))
        g_strv_builder_add (hidden, mk_platform_to_string (platform));
    }
  hidden_list = g_strv_builder_end (hidden);
  n_hidden = g_strv_length (hidden_list);

  /* The default is every platform shown, or none without the audience
   * section. */
  if (n_hidden == (defaults.show_platforms ? 0 : self->platform_switches->len))
    g_key_file_remove_key (file, group, "hidden-platforms", NULL);
  else
    g_key_file_set_string_list (file, group, "hidden-platforms",
                                (const char * const *) hidden_list, n_hidden);

  keep_boolean (file, group, "include-budget", mk_portfolio_get_include_budget (self->doc),
                defaults.include_budget);
  keep_boolean (file, group, "include-reviews", mk_portfolio_get_include_reviews (self->doc),
                defaults.include_reviews);
  keep_integer (file, group, "max-reviews", (int) mk_portfolio_get_max_reviews (self->doc),
                defaults.max_reviews);
  keep_integer (file, group, "max-media", (int) mk_portfolio_get_max_media (self->doc),
                defaults.max_media);
  if (g_str_equal (mk_portfolio_get_accent_color (self->doc), defaults.accent_color))
    g_key_file_remove_key (file, group, "accent-color", NULL);
  else
    g_key_file_set_string (file, group, "accent-color", mk_portfolio_get_accent_color (self->doc));
  g_key_file_set_string (file, group, "contact",
                         gtk_editable_get_text (GTK_EDITABLE (self->contact_row)));

  path = options_path (self);
  if (!g_key_file_save_to_file (file, path, &error))
    g_warning ("Could not remember the export options: %s", error->message);
}

static MkPaperSize
current_paper (MkExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->paper_row);

  return mk_paper_size_from_string (selected < G_N_ELEMENTS (paper_names) ? paper_names[selected] : "auto");
}

/* ------------------------------------------------------------------ */
/* Document and preview                                                */

static MkPortfolio *
gather (MkExportDialog  *self,
        GError         **error)
{
  MkStore *store = mk_context_get_store (self->context);

  if (store == NULL || self->user_id == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Sign in to export a media kit."));
      return NULL;
    }

  {
    /* Where the sync service keeps thumbnails (mk-sync-service.h). */
    g_autofree char *thumbnail_dir = g_build_filename (mk_context_get_cache_dir (self->context),
                                                       "thumbnails", NULL);

    return mk_portfolio_gather_full (store, self->user_id, thumbnail_dir, error);
  }
}

static void
update_preview_size (MkExportDialog *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->preview));
  guint n_pages;
  double page_width, page_height, scale;

  if (self->plan == NULL || width <= 0)
    return;

  n_pages = mk_pdf_plan_get_n_pages (self->plan);
  mk_pdf_plan_get_page_size (self->plan, &page_width, &page_height);
  scale = MIN ((width - 2 * PAGE_GAP) / page_width, 1.5);
  scale = MAX (scale, 0.1);

  gtk_drawing_area_set_content_height (self->preview,
                                       (int) ceil (n_pages * (page_height * scale + PAGE_GAP) + PAGE_GAP));
}

/* Rebuilds the document from the store and the controls, then the plan
 * that the preview, the PDF and printing all draw from. */
static void
rebuild (MkExportDialog *self)
{
  g_autoptr(MkPortfolio) doc = NULL;
  g_autoptr(GError) error = NULL;
  GdkRGBA rgba;
  g_autofree char *accent = NULL;

  if (self->filling)
    return;

  doc = gather (self, &error);
  if (doc == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  for (guint i = 0; i < self->platform_switches->len; i++)
    {
      GtkSwitch *sw = g_ptr_array_index (self->platform_switches, i);

      if (!gtk_switch_get_active (sw))
        mk_portfolio_remove_stat (doc, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sw), "platform")));
    }

  mk_portfolio_set_include_budget (doc, gtk_switch_get_active (self->budget_switch));
  mk_portfolio_set_include_reviews (doc, gtk_switch_get_active (self->reviews_switch));
  mk_portfolio_set_max_reviews (doc, (guint) gtk_spin_button_get_value_as_int (self->reviews_spin));
  mk_portfolio_set_max_media (doc, (guint) gtk_spin_button_get_value_as_int (self->media_spin));
  mk_portfolio_set_contact (doc, gtk_editable_get_text (GTK_EDITABLE (self->contact_row)));

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->accent_button), &rgba);
  accent = mk_export_defaults_rgba_to_color (&rgba);
  mk_portfolio_set_accent_color (doc, accent, NULL);

  g_set_object (&self->doc, doc);
  g_clear_pointer (&self->plan, mk_pdf_plan_unref);
  self->plan = mk_pdf_plan_new (doc, current_paper (self));

  update_preview_size (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
  save_options (self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  MkExportDialog *self = MK_EXPORT_DIALOG (user_data);
  double page_width, page_height, scale, x, y;

  if (self->plan == NULL)
    return;

  mk_pdf_plan_get_page_size (self->plan, &page_width, &page_height);
  scale = MIN ((width - 2 * PAGE_GAP) / page_width, 1.5);
  scale = MAX (scale, 0.1);
  x = floor ((width - page_width * scale) / 2);
  y = PAGE_GAP;

  for (guint i = 0; i < mk_pdf_plan_get_n_pages (self->plan); i++)
    {
      /* A sheet of paper whatever the theme: the media kit is printed
       * black on white, and the preview shows exactly that. */
      cairo_rectangle (cr, x + 2, y + 3, page_width * scale, page_height * scale);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
      cairo_fill (cr);
      cairo_rectangle (cr, x, y, page_width * scale, page_height * scale);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);

      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      mk_pdf_render_to_cairo (self->plan, cr, i);
      cairo_restore (cr);

      y += page_height * scale + PAGE_GAP;
    }
}

static void
on_preview_resize (GtkDrawingArea *area,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  update_preview_size (MK_EXPORT_DIALOG (user_data));
}

static void
on_option_changed (MkExportDialog *self)
{
  rebuild (self);
}

static void
on_paper_changed (MkExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->paper_row);

  if (!self->filling && selected < G_N_ELEMENTS (paper_names))
    g_settings_set_string (mk_context_get_settings (self->context), "paper-size", paper_names[selected]);
  rebuild (self);
}

/* Fills the controls from the profile's remembered options, and what it
 * never chose from the defaults; the platform switches are the platforms
 * this profile has figures for. */
static void
fill_controls (MkExportDialog *self,
               MkPortfolio    *doc)
{
  g_autoptr(GKeyFile) file = load_options (self);
  g_auto(GStrv) hidden = NULL;
  g_auto(Defaults) defaults = { 0 };
  g_autofree char *accent = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *paper = NULL;
  const char *group = self->user_id;
  gboolean remembered_platforms;
  GdkRGBA rgba;

  self->filling = TRUE;
  read_defaults (self, &defaults);

  remembered_platforms = g_key_file_has_key (file, group, "hidden-platforms", NULL);
  if (remembered_platforms)
    hidden = g_key_file_get_string_list (file, group, "hidden-platforms", NULL, NULL);
  for (guint i = 0; i < mk_portfolio_get_n_stats (doc); i++)
    {
      const MkPortfolioStat *stat = mk_portfolio_get_stat (doc, i);
      const char *name = mk_platform_get_display_name (stat->platform);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      gboolean shown;

      if (remembered_platforms)
        shown = hidden == NULL || !g_strv_contains ((const char * const *) hidden,
                                                    mk_platform_to_string (stat->platform));
      else
        shown = defaults.show_platforms;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : _("Other"));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), shown);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name != NULL ? name : _("Other"), -1);
      g_object_set_data (G_OBJECT (sw), "platform", GINT_TO_POINTER (stat->platform));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      adw_preferences_group_add (self->platforms_group, row);
      g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (on_option_changed), self);
      g_ptr_array_add (self->platform_switches, sw);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->platforms_group), self->platform_switches->len > 0);

  gtk_switch_set_active (self->budget_switch,
                         read_boolean (file, group, "include-budget", defaults.include_budget));
  gtk_switch_set_active (self->reviews_switch,
                         read_boolean (file, group, "include-reviews", defaults.include_reviews));
  gtk_spin_button_set_value (self->reviews_spin,
                             CLAMP (read_integer (file, group, "max-reviews", defaults.max_reviews), 0, 20));
  gtk_spin_button_set_value (self->media_spin,
                             CLAMP (read_integer (file, group, "max-media", defaults.max_media), 0, 24));

  contact = g_key_file_get_string (file, group, "contact", NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), contact != NULL ? contact : "");

  accent = g_key_file_get_string (file, group, "accent-color", NULL);
  if (accent == NULL || !gdk_rgba_parse (&rgba, accent))
    gdk_rgba_parse (&rgba, defaults.accent_color);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->accent_button), &rgba);

  paper = g_settings_get_string (mk_context_get_settings (self->context), "paper-size");
  for (guint i = 0; i < G_N_ELEMENTS (paper_names); i++)
    if (g_str_equal (paper, paper_names[i]))
      adw_combo_row_set_selected (self->paper_row, i);

  self->filling = FALSE;
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

static void
on_file_exported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MkExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == mk_pdf_export_file_async)
    ok = mk_pdf_export_file_finish (MK_PORTFOLIO (source), result, &error);
  else
    ok = mk_html_export_file_finish (MK_PORTFOLIO (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  toast (self, ok ? _("Media kit saved") : error->message);
}

typedef MkExportSaveKind SaveKind;
#define SAVE_PDF  MK_EXPORT_SAVE_PDF
#define SAVE_HTML MK_EXPORT_SAVE_HTML
#define SAVE_WEB  MK_EXPORT_SAVE_WEB

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  MkExportDialog *self = MK_EXPORT_DIALOG (user_data);
  SaveKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    mk_export_dialog_save_to_file (self, kind, file);
}

void
mk_export_dialog_save_to_file (MkExportDialog   *self,
                               MkExportSaveKind  kind,
                               GFile            *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (MK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->doc == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("Choose a folder on this computer"));
      return;
    }

  switch (kind)
    {
    case SAVE_PDF:
      mk_pdf_export_file_async (self->doc, current_paper (self), path, self->cancellable,
                                on_file_exported, g_object_ref (self));
      break;

    case SAVE_HTML:
      mk_html_export_file_async (self->doc, path, self->cancellable,
                                 on_file_exported, g_object_ref (self));
      break;

    case SAVE_WEB:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *written = NULL;

        /* One small file: quick enough to write here. */
        if (mk_html_export_web (self->doc, path, &written, &error))
          {
            g_autofree char *shown = g_filename_display_name (written);
            /* Translators: %s is the path of the page written */
            g_autofree char *message = g_strdup_printf (_("Saved %s"), shown);

            toast (self, message);
          }
        else
          {
            toast (self, error->message);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
choose_file (MkExportDialog *self,
             SaveKind        kind)
{
  const char *slug;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;

  if (self->doc == NULL || self->chooser != NULL)
    return;

  slug = mk_portfolio_get_slug (self->doc);
  if (slug == NULL || *slug == '\0')
    /* Translators: the file name suggested for an exported media kit */
    slug = _("media-kit");

  if (kind == SAVE_WEB)
    {
      self->chooser = gtk_file_chooser_native_new (_("Export for the Web"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                   _("_Export"), NULL);
    }
  else
    {
      self->chooser = gtk_file_chooser_native_new (kind == SAVE_PDF ? _("Save as PDF") : _("Save as HTML"),
                                                   GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                                   _("_Save"), NULL);
      name = g_strconcat (slug, kind == SAVE_PDF ? ".pdf" : ".html", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, kind == SAVE_PDF ? _("PDF documents") : _("Web pages"));
      gtk_file_filter_add_mime_type (filter, kind == SAVE_PDF ? "application/pdf" : "text/html");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      g_object_unref (filter);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  choose_file (MK_EXPORT_DIALOG (widget), SAVE_PDF);
}

static void
export_html_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  choose_file (MK_EXPORT_DIALOG (widget), SAVE_HTML);
}

static void
export_web_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  choose_file (MK_EXPORT_DIALOG (widget), SAVE_WEB);
}

/* ------------------------------------------------------------------ */
/* Print                                                               */

static void
unref_plan_closure (gpointer  data,
                    GClosure *closure)
{
  mk_pdf_plan_unref (data);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                MkPdfPlan         *plan)
{
  gtk_print_operation_set_n_pages (operation, (int) mk_pdf_plan_get_n_pages (plan));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              MkPdfPlan         *plan)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width, page_height, scale;

  /* The plan has its own margins; on other paper than it was laid out
   * for, it is scaled to fit rather than cut. */
  mk_pdf_plan_get_page_size (plan, &page_width, &page_height);
  scale = MIN (gtk_print_context_get_width (context) / page_width,
               gtk_print_context_get_height (context) / page_height);
  cairo_scale (cr, scale, scale);
  mk_pdf_render_to_cairo (plan, cr, (guint) page);
}

static GtkPrintOperation *
new_print_operation (MkExportDialog *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;

  paper = gtk_paper_size_new (mk_paper_size_resolve (current_paper (self)) == MK_PAPER_SIZE_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (self->doc != NULL)
    gtk_print_operation_set_job_name (operation, mk_portfolio_get_display_name (self->doc));

  /* The plan is kept alive by the handlers for as long as printing runs. */
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print),
                         mk_pdf_plan_ref (self->plan), unref_plan_closure, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         mk_pdf_plan_ref (self->plan), unref_plan_closure, 0);

  return operation;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  MkExportDialog *self = MK_EXPORT_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;

  operation = new_print_operation (self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

gboolean
mk_export_dialog_print_to_file (MkExportDialog  *self,
                                const char      *path,
                                GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (MK_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->plan == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("There is no media kit to print."));
      return FALSE;
    }

  operation = new_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* ------------------------------------------------------------------ */
/* Object                                                              */

static void
mk_export_dialog_dispose (GObject *object)
{
  MkExportDialog *self = MK_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (mk_export_dialog_parent_class)->dispose (object);
}

static void
mk_export_dialog_finalize (GObject *object)
{
  MkExportDialog *self = MK_EXPORT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->doc);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->plan, mk_pdf_plan_unref);
  g_clear_pointer (&self->platform_switches, g_ptr_array_unref);
  g_free (self->user_id);

  G_OBJECT_CLASS (mk_export_dialog_parent_class)->finalize (object);
}

static void
mk_export_dialog_class_init (MkExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_export_dialog_dispose;
  object_class->finalize = mk_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/export/mk-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, platforms_group);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, budget_switch);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, reviews_switch);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, reviews_spin);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, media_spin);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, accent_button);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MkExportDialog, empty_page);

  gtk_widget_class_install_action (widget_class, "export.pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "export.html", NULL, export_html_action);
  gtk_widget_class_install_action (widget_class, "export.web", NULL, export_web_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "export.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "export.pdf", NULL);
}

static void
mk_export_dialog_init (MkExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mk_export_defaults_label_button (self->accent_button);

  self->platform_switches = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect (self->preview, "resize", G_CALLBACK (on_preview_resize), self);
}

MkExportDialog *
mk_export_dialog_new (GtkWindow *parent,
                      MkContext *context)
{
  MkExportDialog *self;
  g_autoptr(MkPortfolio) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MK_IS_CONTEXT (context), NULL);

  self = g_object_new (MK_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->user_id = g_strdup (mk_context_get_user_id (context));

  doc = gather (self, &error);
  if (doc == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.pdf", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.html", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.web", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print", FALSE);
      return self;
    }

  fill_controls (self, doc);

  g_signal_connect_swapped (self->budget_switch, "notify::active", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->reviews_switch, "notify::active", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->reviews_spin, "value-changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->media_spin, "value-changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->contact_row, "changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->accent_button, "color-set", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (on_paper_changed), self);

  rebuild (self);

  return self;
}
