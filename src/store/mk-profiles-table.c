/* mk-profiles-table.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mk-store-private.h"

#define COLUMNS "user_id, slug, display_name, bio, avatar_url, categories, budget_min, budget_max, currency"

static char *
categories_to_json (const char * const *categories)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (categories == NULL)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; categories[i] != NULL; i++)
    json_builder_add_string_value (builder, categories[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Anything but an array of strings cannot pass the schema's CHECK and the
 * app's validation, but a hand-edited file might hold [1, null]: keep the
 * strings and drop the rest rather than refuse to show the profile. */
static char **
categories_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *root;
  JsonArray *array;

  if (json == NULL)
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  builder = g_strv_builder_new ();
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

static MkProfile *
profile_from_row (MkStmt *stmt)
{
  MkProfile *profile = mk_profile_new ();
  g_auto(GStrv) categories = categories_from_json (mk_stmt_column_text (stmt, 5));

  mk_profile_set_user_id (profile, mk_stmt_column_text (stmt, 0));
  mk_profile_set_slug (profile, mk_stmt_column_text (stmt, 1));
  mk_profile_set_display_name (profile, mk_stmt_column_text (stmt, 2));
  mk_profile_set_bio (profile, mk_stmt_column_text (stmt, 3));
  mk_profile_set_avatar_url (profile, mk_stmt_column_text (stmt, 4));
  mk_profile_set_categories (profile, (const char * const *)categories);
  mk_profile_set_budget_min (profile, mk_stmt_column_count (stmt, 6));
  mk_profile_set_budget_max (profile, mk_stmt_column_count (stmt, 7));
  mk_profile_set_currency (profile, mk_stmt_column_text (stmt, 8));
  return profile;
}

gboolean
mk_store_profiles_save (MkStore    *store,
                        MkProfile  *profile,
                        GError    **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autofree char *categories = NULL;

  g_return_val_if_fail (MK_IS_PROFILE (profile), FALSE);

  if (!mk_profile_validate (profile, error))
    return FALSE;

  stmt = mk_database_prepare (db,
                              "INSERT INTO profiles (" COLUMNS ")"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                              " ON CONFLICT (user_id) DO UPDATE SET"
                              " slug = excluded.slug, display_name = excluded.display_name,"
                              " bio = excluded.bio, avatar_url = excluded.avatar_url,"
                              " categories = excluded.categories, budget_min = excluded.budget_min,"
                              " budget_max = excluded.budget_max, currency = excluded.currency",
                              error);
  if (stmt == NULL)
    return FALSE;

  categories = categories_to_json (mk_profile_get_categories (profile));
  mk_stmt_bind_text (stmt, 1, mk_profile_get_user_id (profile));
  mk_stmt_bind_text (stmt, 2, mk_profile_get_slug (profile));
  mk_stmt_bind_text (stmt, 3, mk_profile_get_display_name (profile));
  mk_stmt_bind_optional_text (stmt, 4, mk_profile_get_bio (profile));
  mk_stmt_bind_optional_text (stmt, 5, mk_profile_get_avatar_url (profile));
  mk_stmt_bind_text (stmt, 6, categories);
  mk_stmt_bind_count (stmt, 7, mk_profile_get_budget_min (profile));
  mk_stmt_bind_count (stmt, 8, mk_profile_get_budget_max (profile));
  mk_stmt_bind_text (stmt, 9, mk_profile_get_currency (profile));
  return mk_database_run (db, stmt, error);
}

static MkProfile *
get_one (MkStore     *store,
         const char  *sql,
         const char  *key,
         GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  int rc;

  stmt = mk_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, key);
  rc = mk_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return profile_from_row (stmt);
  if (rc == SQLITE_DONE)
    /* Translators: %s is an account id or a slug */
    mk_store_set_not_found (error, _("There is no profile for %s"), key);
  return NULL;
}

MkProfile *
mk_store_profiles_get (MkStore     *store,
                       const char  *user_id,
                       GError     **error)
{
  g_return_val_if_fail (user_id != NULL, NULL);

  return get_one (store, "SELECT " COLUMNS " FROM profiles WHERE user_id = ?1", user_id, error);
}

MkProfile *
mk_store_profiles_find_by_slug (MkStore     *store,
                                const char  *slug,
                                GError     **error)
{
  g_return_val_if_fail (slug != NULL, NULL);

  return get_one (store, "SELECT " COLUMNS " FROM profiles WHERE slug = ?1", slug, error);
}

gboolean
mk_store_profiles_slug_taken (MkStore     *store,
                              const char  *slug,
                              const char  *except_user_id,
                              GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (slug != NULL, FALSE);

  stmt = mk_database_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM profiles"
                              " WHERE slug = ?1 AND user_id IS NOT ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, slug);
  mk_stmt_bind_text (stmt, 2, except_user_id);
  if (mk_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;

  return sqlite3_column_int (stmt, 0) != 0;
}
