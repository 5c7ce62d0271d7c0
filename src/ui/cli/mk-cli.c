/* mk-cli.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli.h"
#include "mk-cli-account.h"
#include "mk-cli-backup.h"
#include "mk-cli-ics.h"
#include "mk-cli-reviews.h"
#include "mk-cli-sync.h"
#include "mk-demo.h"
#include "mk-demo-pictures.h"
#include "export/mk-export-defaults.h"
#include "mk-html-renderer.h"
#include "mk-pdf-renderer.h"
#include "mk-portfolio.h"

static const GOptionEntry option_entries[] = {
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the workspace in DIR instead of the default one"), N_("DIR") },
  { "account", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Act on the account with this email"), N_("EMAIL") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill the workspace with a demo creator (no network needed)"), NULL },
  { "create-account", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Create a local account; the password is read from standard input"), N_("EMAIL") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the media kit of the account’s profile to FILE.html or FILE.pdf"), N_("FILE") },
  { "sync", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fetch all connected platforms now and print a summary"), NULL },
  { "import-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import calendar entries from an iCalendar file"), N_("FILE") },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export calendar entries as iCalendar"), N_("FILE") },
  { "import-reviews", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import reviews from a CSV file"), N_("FILE") },
  { "export-reviews", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export reviews as CSV"), N_("FILE") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a verified copy of the workspace’s database to FILE"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the workspace’s database by the backup FILE, once it is verified"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

/* Options whose issue has not landed yet: they answer honestly rather than
 * pretending to work. */
static const char * const not_yet_available[] = {
  NULL,
};

const GOptionEntry *
mk_cli_get_option_entries (void)
{
  return option_entries;
}

static MkContext *
open_existing (const char  *data_dir,
               GError     **error)
{
  g_autofree char *db_path = g_build_filename (data_dir, "mediakit.db", NULL);

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no Mediakit workspace in “%s”. Create one with --demo or by starting Mediakit."),
                   data_dir);
      return NULL;
    }

  return mk_context_new (data_dir, error);
}

/* --account may be left out when the workspace holds exactly one account. */
static char *
resolve_account (MkStore     *store,
                 const char  *email,
                 GError     **error)
{
  g_autoptr(GPtrArray) users = NULL;

  if (email != NULL)
    {
      g_autoptr(MkUser) user = mk_store_users_find_by_email (store, email, error);

      if (user == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("There is no account “%s” in this workspace."), email);
          return NULL;
        }

      return g_strdup (mk_user_get_id (user));
    }

  users = mk_store_users_list (store, error);
  if (users == NULL)
    return NULL;

  if (users->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This workspace has no account yet. Create one with --create-account EMAIL or --demo."));
      return NULL;
    }

  if (users->len > 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This workspace has several accounts: choose one with --account EMAIL."));
      return NULL;
    }

  return g_strdup (mk_user_get_id (g_ptr_array_index (users, 0)));
}

static int
run_demo (const char *data_dir)
{
  g_autoptr(MkContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;

  context = mk_context_new (data_dir, &error);
  if (context == NULL)
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  if (!mk_demo_fill (mk_context_get_store (context), &user_id, &error) ||
      !mk_demo_draw_thumbnails (context, user_id, &error))
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  g_print (_("The demo workspace is ready in %s (account %s).\n"), data_dir, MK_DEMO_EMAIL);
  return 0;
}

static gboolean
export_pdf (MkContext    *context,
            MkPortfolio  *portfolio,
            const char   *path,
            GError      **error)
{
  g_autofree char *paper = NULL;

  if (mk_context_has_settings ())
    paper = g_settings_get_string (mk_context_get_settings (context), "paper-size");

  return mk_pdf_export_file (portfolio, mk_paper_size_from_string (paper), path, error);
}

static int
run_export (const char *data_dir,
            const char *account,
            const char *path)
{
  g_autoptr(MkContext) context = NULL;
  g_autoptr(MkPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *thumbnail_dir = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (!g_str_has_suffix (lower, ".html") && !g_str_has_suffix (lower, ".htm") &&
      !g_str_has_suffix (lower, ".pdf"))
    {
      g_printerr (_("mediakit: cannot tell the format of “%s”: name the file .html or .pdf\n"), path);
      return 2;
    }

  if ((context = open_existing (data_dir, &error)) == NULL ||
      (user_id = resolve_account (mk_context_get_store (context), account, &error)) == NULL ||
      (portfolio = mk_portfolio_gather_full (mk_context_get_store (context), user_id,
                                             thumbnail_dir = g_build_filename (mk_context_get_cache_dir (context),
                                                                               "thumbnails", NULL),
                                             &error)) == NULL)
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  /* The defaults a new Export dialog starts from (Preferences → Export);
   * what a dialog remembers per profile is not a script's business. */
  mk_export_defaults_apply (mk_context_has_settings () ? mk_context_get_settings (context) : NULL,
                            portfolio);

  if (!(g_str_has_suffix (lower, ".pdf")
        ? export_pdf (context, portfolio, path, &error)
        : mk_html_export_file (portfolio, path, &error)))
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  g_print (_("Media kit written to %s\n"), path);
  return 0;
}

/* --import-reviews / --export-reviews: their work is in mk-cli-reviews.c. */
static int
run_reviews (const char *data_dir,
             const char *account,
             const char *import_path,
             const char *export_path)
{
  g_autoptr(MkContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;
  int status = 0;

  if ((context = open_existing (data_dir, &error)) == NULL ||
      (user_id = resolve_account (mk_context_get_store (context), account, &error)) == NULL)
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  if (import_path != NULL)
    status = mk_cli_reviews_import (context, user_id, import_path);
  if (status == 0 && export_path != NULL)
    status = mk_cli_reviews_export (context, user_id, export_path);
  return status;
}

/* --import-ics / --export-ics: their work is in mk-cli-ics.c. */
static int
run_ics (const char *data_dir,
         const char *account,
         const char *import_path,
         const char *export_path)
{
  g_autoptr(MkContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;
  int status = 0;

  if ((context = open_existing (data_dir, &error)) == NULL ||
      (user_id = resolve_account (mk_context_get_store (context), account, &error)) == NULL)
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  if (import_path != NULL)
    status = mk_cli_ics_import (context, user_id, import_path);
  if (status == 0 && export_path != NULL)
    status = mk_cli_ics_export (context, user_id, export_path);
  return status;
}

/* --sync: its work is in mk-cli-sync.c. */
static int
run_sync (const char *data_dir,
          const char *account)
{
  g_autoptr(MkContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;

  if ((context = open_existing (data_dir, &error)) == NULL ||
      (user_id = resolve_account (mk_context_get_store (context), account, &error)) == NULL)
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  mk_context_set_user_id (context, user_id);
  return mk_cli_sync (context);
}

int
mk_cli_run (GVariantDict *options,
            const char   *data_dir)
{
  const char *account = NULL;
  const char *export_path = NULL;
  const char *create_account = NULL;
  const char *import_reviews = NULL;
  const char *export_reviews = NULL;
  const char *import_ics = NULL;
  const char *export_ics = NULL;
  gboolean demo;
  gboolean sync;
  int status;

  for (guint i = 0; not_yet_available[i] != NULL; i++)
    {
      if (g_variant_dict_contains (options, not_yet_available[i]))
        {
          g_printerr (_("mediakit: --%s is not available yet in this version of Mediakit\n"),
                      not_yet_available[i]);
          return 2;
        }
    }

  g_variant_dict_lookup (options, "account", "&s", &account);
  g_variant_dict_lookup (options, "create-account", "&s", &create_account);
  if (create_account != NULL)
    return mk_cli_create_account (data_dir, create_account);
  if (g_variant_dict_contains (options, "backup") || g_variant_dict_contains (options, "restore"))
    return mk_cli_backup_run (options, data_dir);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import-reviews", "^&ay", &import_reviews);
  g_variant_dict_lookup (options, "export-reviews", "^&ay", &export_reviews);
  g_variant_dict_lookup (options, "import-ics", "^&ay", &import_ics);
  g_variant_dict_lookup (options, "export-ics", "^&ay", &export_ics);
  demo = g_variant_dict_contains (options, "demo");
  sync = g_variant_dict_contains (options, "sync");

  if (!demo && !sync && export_path == NULL && import_reviews == NULL && export_reviews == NULL &&
      import_ics == NULL && export_ics == NULL)
    return -1;

  if (demo && (status = run_demo (data_dir)) != 0)
    return status;

  if ((import_reviews != NULL || export_reviews != NULL) &&
      (status = run_reviews (data_dir, account, import_reviews, export_reviews)) != 0)
    return status;

  if ((import_ics != NULL || export_ics != NULL) &&
      (status = run_ics (data_dir, account, import_ics, export_ics)) != 0)
    return status;

  /* After imports, before the export: the media kit gets fresh figures. */
  if (sync && (status = run_sync (data_dir, account)) != 0)
    return status;

  if (export_path != NULL)
    return run_export (data_dir, account, export_path);

  return 0;
}

gboolean
mk_cli_sign_in_demo (MkContext *context)
{
  g_autoptr(GPtrArray) users = NULL;
  MkUser *user;

  users = mk_store_users_list (mk_context_get_store (context), NULL);
  if (users == NULL || users->len != 1)
    return FALSE;

  user = g_ptr_array_index (users, 0);
  if (g_ascii_strcasecmp (mk_user_get_email (user), MK_DEMO_EMAIL) != 0)
    return FALSE;

  mk_context_set_user_id (context, mk_user_get_id (user));
  return TRUE;
}
