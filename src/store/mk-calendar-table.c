/* mk-calendar-table.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-store-private.h"
#include "mk-time.h"
#include "mk-uuid.h"
#include "mk-validate.h"

#include <string.h>

#define MAX_DATE(a, b) (g_strcmp0 ((a), (b)) >= 0 ? (a) : (b))

#define COLUMNS "id, user_id, type, brand_name, campaign_name, date, time, status," \
                " notes, location, platform, content_type, created_at"

static MkCalendarEntry *
entry_from_row (MkStmt *stmt)
{
  MkCalendarEntry *entry = mk_calendar_entry_new ();
  MkEntryType type = MK_ENTRY_TYPE_SHOOT;
  MkEntryStatus status = MK_ENTRY_STATUS_PENDING;
  MkPlatform platform = MK_PLATFORM_NONE;
  MkContentType content_type = MK_CONTENT_TYPE_NONE;

  /* The schema's CHECKs allow only known strings, so the fallbacks above
   * are never used for a database of ours. */
  mk_entry_type_from_string (mk_stmt_column_text (stmt, 2), &type);
  mk_entry_status_from_string (mk_stmt_column_text (stmt, 7), &status);
  mk_platform_from_string (mk_stmt_column_text (stmt, 10), &platform);
  mk_content_type_from_string (mk_stmt_column_text (stmt, 11), &content_type);

  mk_calendar_entry_set_id (entry, mk_stmt_column_text (stmt, 0));
  mk_calendar_entry_set_user_id (entry, mk_stmt_column_text (stmt, 1));
  mk_calendar_entry_set_entry_type (entry, type);
  mk_calendar_entry_set_brand_name (entry, mk_stmt_column_text (stmt, 3));
  mk_calendar_entry_set_campaign_name (entry, mk_stmt_column_text (stmt, 4));
  mk_calendar_entry_set_date (entry, mk_stmt_column_text (stmt, 5));
  mk_calendar_entry_set_time (entry, mk_stmt_column_text (stmt, 6));
  mk_calendar_entry_set_status (entry, status);
  mk_calendar_entry_set_notes (entry, mk_stmt_column_text (stmt, 8));
  mk_calendar_entry_set_location (entry, mk_stmt_column_text (stmt, 9));
  mk_calendar_entry_set_platform (entry, platform);
  mk_calendar_entry_set_content_type (entry, content_type);
  mk_calendar_entry_set_created_at (entry, mk_stmt_column_text (stmt, 12));
  return entry;
}

static void
bind_values (MkStmt          *stmt,
             MkCalendarEntry *entry)
{
  mk_stmt_bind_text (stmt, 1, mk_calendar_entry_get_id (entry));
  mk_stmt_bind_text (stmt, 2, mk_calendar_entry_get_user_id (entry));
  mk_stmt_bind_text (stmt, 3, mk_entry_type_to_string (mk_calendar_entry_get_entry_type (entry)));
  mk_stmt_bind_text (stmt, 4, mk_calendar_entry_get_brand_name (entry));
  mk_stmt_bind_optional_text (stmt, 5, mk_calendar_entry_get_campaign_name (entry));
  mk_stmt_bind_text (stmt, 6, mk_calendar_entry_get_date (entry));
  mk_stmt_bind_optional_text (stmt, 7, mk_calendar_entry_get_time (entry));
  mk_stmt_bind_text (stmt, 8, mk_entry_status_to_string (mk_calendar_entry_get_status (entry)));
  mk_stmt_bind_optional_text (stmt, 9, mk_calendar_entry_get_notes (entry));
  mk_stmt_bind_optional_text (stmt, 10, mk_calendar_entry_get_location (entry));
  mk_stmt_bind_text (stmt, 11, mk_platform_to_string (mk_calendar_entry_get_platform (entry)));
  mk_stmt_bind_text (stmt, 12, mk_content_type_to_string (mk_calendar_entry_get_content_type (entry)));
  mk_stmt_bind_text (stmt, 13, mk_calendar_entry_get_created_at (entry));
}

static gboolean
insert_entry (MkStore          *store,
              MkCalendarEntry  *entry,
              gboolean          only_new,
              gboolean         *out_inserted,
              GError          **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (entry), FALSE);

  if (mk_calendar_entry_get_id (entry) == NULL)
    {
      g_autofree char *id = mk_uuid_new ();
      mk_calendar_entry_set_id (entry, id);
    }
  if (mk_calendar_entry_get_created_at (entry) == NULL)
    {
      g_autofree char *now = mk_time_now_timestamp ();
      mk_calendar_entry_set_created_at (entry, now);
    }

  if (!mk_calendar_entry_validate (entry, error))
    return FALSE;

  /* ON CONFLICT names the id alone: any other constraint still fails,
   * where OR IGNORE would drop the row silently. */
  stmt = mk_database_prepare (db,
                              only_new ?
                              "INSERT INTO calendar_entries (" COLUMNS ")"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                              " ON CONFLICT (id) DO NOTHING" :
                              "INSERT INTO calendar_entries (" COLUMNS ")"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, entry);
  if (!mk_database_run (db, stmt, error))
    return FALSE;

  if (out_inserted != NULL)
    *out_inserted = mk_database_changes (db) > 0;
  return TRUE;
}

gboolean
mk_store_calendar_insert (MkStore          *store,
                          MkCalendarEntry  *entry,
                          GError          **error)
{
  return insert_entry (store, entry, FALSE, NULL, error);
}

gboolean
mk_store_calendar_insert_new (MkStore          *store,
                              MkCalendarEntry  *entry,
                              gboolean         *out_inserted,
                              GError          **error)
{
  g_return_val_if_fail (out_inserted != NULL, FALSE);

  return insert_entry (store, entry, TRUE, out_inserted, error);
}

gboolean
mk_store_calendar_update (MkStore          *store,
                          MkCalendarEntry  *entry,
                          GError          **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (entry), FALSE);

  if (!mk_calendar_entry_validate (entry, error))
    return FALSE;

  /* user_id and created_at are never rewritten; bind_values() binds ?13
   * too, which SQLite ignores (SQLITE_RANGE) for this statement. */
  stmt = mk_database_prepare (db,
                              "UPDATE calendar_entries SET type = ?3, brand_name = ?4,"
                              " campaign_name = ?5, date = ?6, time = ?7, status = ?8, notes = ?9,"
                              " location = ?10, platform = ?11, content_type = ?12"
                              " WHERE id = ?1 AND user_id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, entry);
  if (!mk_database_run (db, stmt, error))
    return FALSE;

  if (mk_database_changes (db) == 0)
    {
      mk_store_set_not_found (error, _("There is no calendar entry %s"),
                              mk_calendar_entry_get_id (entry));
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_store_calendar_delete (MkStore     *store,
                          const char  *id,
                          GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  stmt = mk_database_prepare (db, "DELETE FROM calendar_entries WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, id);
  if (!mk_database_run (db, stmt, error))
    return FALSE;

  if (mk_database_changes (db) == 0)
    {
      mk_store_set_not_found (error, _("There is no calendar entry %s"), id);
      return FALSE;
    }

  return TRUE;
}

MkCalendarEntry *
mk_store_calendar_get (MkStore     *store,
                       const char  *id,
                       GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (id != NULL, NULL);

  stmt = mk_database_prepare (db, "SELECT " COLUMNS " FROM calendar_entries WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, id);
  rc = mk_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return entry_from_row (stmt);
  if (rc == SQLITE_DONE)
    mk_store_set_not_found (error, _("There is no calendar entry %s"), id);
  return NULL;
}

GPtrArray *
mk_store_calendar_list_range (MkStore     *store,
                              const char  *user_id,
                              const char  *from_date,
                              const char  *to_date,
                              GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = mk_store_new_object_array ();
  int rc;

  g_return_val_if_fail (user_id != NULL, NULL);
  g_return_val_if_fail (from_date != NULL, NULL);
  g_return_val_if_fail (to_date != NULL, NULL);

  /* Served by calendar_entries_user_date; NULL times sort first (whole-day
   * entries at the top of a day). */
  stmt = mk_database_prepare (db,
                              "SELECT " COLUMNS " FROM calendar_entries"
                              " WHERE user_id = ?1 AND date BETWEEN ?2 AND ?3"
                              " ORDER BY date, time, id",
                              error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  mk_stmt_bind_text (stmt, 2, from_date);
  mk_stmt_bind_text (stmt, 3, to_date);
  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&entries) : NULL;
}

gint64
mk_store_calendar_count (MkStore     *store,
                         const char  *user_id,
                         GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (user_id != NULL, -1);

  stmt = mk_database_prepare (db, "SELECT count(*) FROM calendar_entries WHERE user_id = ?1", error);
  if (stmt == NULL)
    return -1;

  mk_stmt_bind_text (stmt, 1, user_id);
  if (mk_database_step (db, stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/* Whether an entry with @id exists, without building it (or a NOT_FOUND
 * error) as mk_store_calendar_get() would: imports ask this per event. */
gboolean
mk_store_calendar_has_id (MkStore     *store,
                          const char  *id,
                          gboolean    *out_exists,
                          GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (out_exists != NULL, FALSE);

  stmt = mk_database_prepare (db, "SELECT EXISTS (SELECT 1 FROM calendar_entries WHERE id = ?1)", error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, id);
  if (mk_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;

  *out_exists = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Whether @user_id has any entry: one index probe, where count(*) would walk
 * every entry of the account. */
gboolean
mk_store_calendar_any (MkStore     *store,
                       const char  *user_id,
                       GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (user_id != NULL, FALSE);

  stmt = mk_database_prepare (db, "SELECT EXISTS (SELECT 1 FROM calendar_entries WHERE user_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, user_id);
  if (mk_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;

  return sqlite3_column_int (stmt, 0) != 0;
}

/* Filters */

MkCalendarFilter *
mk_calendar_filter_copy (const MkCalendarFilter *filter)
{
  MkCalendarFilter *copy = g_new0 (MkCalendarFilter, 1);

  if (filter != NULL)
    {
      *copy = *filter;
      copy->search = (filter->search != NULL && *filter->search != '\0') ? g_strdup (filter->search) : NULL;
    }

  return copy;
}

void
mk_calendar_filter_free (MkCalendarFilter *filter)
{
  if (filter == NULL)
    return;

  g_free ((char *)filter->search);
  g_free (filter);
}

gboolean
mk_calendar_filter_is_empty (const MkCalendarFilter *filter)
{
  return filter == NULL ||
         (!filter->has_type && !filter->has_status &&
          filter->platform == MK_PLATFORM_NONE &&
          (filter->search == NULL || *filter->search == '\0'));
}

static gboolean
contains_ascii_casefold (const char *haystack,
                         const char *needle_lower)
{
  g_autofree char *lower = NULL;

  if (haystack == NULL)
    return FALSE;

  lower = g_ascii_strdown (haystack, -1);
  return strstr (lower, needle_lower) != NULL;
}

gboolean
mk_calendar_filter_matches (const MkCalendarFilter *filter,
                            MkCalendarEntry        *entry)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (entry), FALSE);

  if (filter == NULL)
    return TRUE;

  if (filter->has_type && mk_calendar_entry_get_entry_type (entry) != filter->type)
    return FALSE;
  if (filter->platform != MK_PLATFORM_NONE && mk_calendar_entry_get_platform (entry) != filter->platform)
    return FALSE;
  if (filter->has_status && mk_calendar_entry_get_status (entry) != filter->status)
    return FALSE;

  if (filter->search != NULL && *filter->search != '\0')
    {
      g_autofree char *needle = g_ascii_strdown (filter->search, -1);

      if (!contains_ascii_casefold (mk_calendar_entry_get_brand_name (entry), needle) &&
          !contains_ascii_casefold (mk_calendar_entry_get_campaign_name (entry), needle) &&
          !contains_ascii_casefold (mk_calendar_entry_get_notes (entry), needle))
        return FALSE;
    }

  return TRUE;
}

/* The WHERE terms of @filter, bound from ?10 on so that they never clash
 * with a query's own parameters. SQLite's lower() folds ASCII only, as
 * g_ascii_strdown() does in mk_calendar_filter_matches(). */
#define FILTER_SQL \
  " AND (?10 IS NULL OR type = ?10)" \
  " AND (?11 IS NULL OR platform = ?11)" \
  " AND (?12 IS NULL OR status = ?12)" \
  " AND (?13 IS NULL OR instr (lower (brand_name), ?13) > 0" \
  "      OR instr (lower (ifnull (campaign_name, '')), ?13) > 0" \
  "      OR instr (lower (ifnull (notes, '')), ?13) > 0)"

static void
bind_filter (MkStmt                 *stmt,
             const MkCalendarFilter *filter)
{
  g_autofree char *needle = NULL;

  if (filter == NULL)
    return;

  if (filter->has_type)
    mk_stmt_bind_text (stmt, 10, mk_entry_type_to_string (filter->type));
  if (filter->platform != MK_PLATFORM_NONE)
    mk_stmt_bind_text (stmt, 11, mk_platform_to_string (filter->platform));
  if (filter->has_status)
    mk_stmt_bind_text (stmt, 12, mk_entry_status_to_string (filter->status));
  if (filter->search != NULL && *filter->search != '\0')
    {
      needle = g_ascii_strdown (filter->search, -1);
      mk_stmt_bind_text (stmt, 13, needle);
    }
}

GPtrArray *
mk_store_calendar_list_range_filtered (MkStore                *store,
                                       const char             *user_id,
                                       const char             *from_date,
                                       const char             *to_date,
                                       const MkCalendarFilter *filter,
                                       GError                **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = mk_store_new_object_array ();
  int rc;

  g_return_val_if_fail (user_id != NULL, NULL);
  g_return_val_if_fail (from_date != NULL, NULL);
  g_return_val_if_fail (to_date != NULL, NULL);

  if (mk_calendar_filter_is_empty (filter))
    return mk_store_calendar_list_range (store, user_id, from_date, to_date, error);

  stmt = mk_database_prepare (db,
                              "SELECT " COLUMNS " FROM calendar_entries"
                              " WHERE user_id = ?1 AND date BETWEEN ?2 AND ?3"
                              FILTER_SQL
                              " ORDER BY date, time, id",
                              error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  mk_stmt_bind_text (stmt, 2, from_date);
  mk_stmt_bind_text (stmt, 3, to_date);
  bind_filter (stmt, filter);
  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&entries) : NULL;
}

GPtrArray *
mk_store_calendar_list_page (MkStore                *store,
                             const char             *user_id,
                             const char             *from_date,
                             const MkCalendarFilter *filter,
                             MkCalendarEntry        *after_entry,
                             guint                   limit,
                             GError                **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = mk_store_new_object_array ();
  int rc;

  g_return_val_if_fail (user_id != NULL, NULL);
  g_return_val_if_fail (from_date != NULL, NULL);
  g_return_val_if_fail (after_entry == NULL || MK_IS_CALENDAR_ENTRY (after_entry), NULL);

  /* A whole-day entry sorts first in its day (NULL time); ifnull(time, '')
   * gives the keyset the same order, since '' sorts before any "HH:MM".
   * The date bound alone is what the index seeks on. */
  stmt = mk_database_prepare (db,
                              "SELECT " COLUMNS " FROM calendar_entries"
                              " WHERE user_id = ?1 AND date >= ?2"
                              " AND (?4 IS NULL OR date > ?2"
                              "      OR (ifnull (time, ''), id) > (?4, ?5))"
                              FILTER_SQL
                              " ORDER BY date, time, id LIMIT ?3",
                              error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  if (after_entry != NULL)
    {
      const char *after_date = mk_calendar_entry_get_date (after_entry);
      const char *after_time = mk_calendar_entry_get_time (after_entry);

      /* Past the last row read: from its date on, and on that date after
       * its (time, id). */
      mk_stmt_bind_text (stmt, 2, MAX_DATE (from_date, after_date));
      if (g_strcmp0 (after_date, from_date) >= 0)
        {
          mk_stmt_bind_text (stmt, 4, after_time != NULL ? after_time : "");
          mk_stmt_bind_text (stmt, 5, mk_calendar_entry_get_id (after_entry));
        }
    }
  else
    mk_stmt_bind_text (stmt, 2, from_date);
  mk_stmt_bind_int64 (stmt, 3, limit > 0 ? limit : 200);
  bind_filter (stmt, filter);

  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&entries) : NULL;
}

GStrv
mk_store_calendar_list_brands (MkStore     *store,
                               const char  *user_id,
                               guint        limit,
                               GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (user_id != NULL, NULL);

  stmt = mk_database_prepare (db,
                              "SELECT brand_name FROM calendar_entries WHERE user_id = ?1"
                              " GROUP BY brand_name ORDER BY count(*) DESC, brand_name"
                              " LIMIT ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  mk_stmt_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);
  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (builder, mk_stmt_column_text (stmt, 0));

  return rc == SQLITE_DONE ? g_strv_builder_end (builder) : NULL;
}

/* Edits that log */

/* Writes the `update_calendar` row; the caller's transaction makes the
 * change and its log one. */
static gboolean
log_edit (MkStore          *store,
          MkCalendarEntry  *entry,
          const char       *op,
          const char       *message,
          GError          **error)
{
  g_autofree char *request = NULL;
  g_autofree char *escaped_id = g_strescape (mk_calendar_entry_get_id (entry), NULL);

  request = g_strdup_printf ("{\"op\":\"%s\",\"id\":\"%s\",\"date\":\"%s\"}",
                             op, escaped_id, mk_calendar_entry_get_date (entry));
  return mk_store_log (store, mk_calendar_entry_get_user_id (entry), mk_calendar_entry_get_platform (entry),
                       "update_calendar", MK_LOG_STATUS_SUCCESS, message, request, NULL, NULL, error);
}

static char *
describe (MkCalendarEntry *entry)
{
  /* Translators: "shoot" or "upload", then the brand name */
  return g_strdup_printf (_("%s “%s” on %s"),
                          mk_entry_type_get_display_name (mk_calendar_entry_get_entry_type (entry)),
                          mk_calendar_entry_get_brand_name (entry),
                          mk_calendar_entry_get_date (entry));
}

typedef gboolean (*EditFunc) (MkStore         *store,
                              MkCalendarEntry *entry,
                              gpointer         data,
                              GError         **error);

static gboolean
run_logged (MkStore          *store,
            MkCalendarEntry  *entry,
            EditFunc          func,
            gpointer          data,
            const char       *op,
            const char       *message,
            GError          **error)
{
  if (!mk_store_transaction_begin (store, error))
    return FALSE;

  if (!func (store, entry, data, error))
    {
      mk_store_transaction_rollback (store, NULL);
      return FALSE;
    }

  if (!log_edit (store, entry, op, message, error))
    {
      mk_store_transaction_rollback (store, NULL);
      return FALSE;
    }

  /* A failed COMMIT (a full disk) leaves the level open: close it. */
  if (!mk_store_transaction_commit (store, error))
    {
      mk_store_transaction_rollback (store, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
do_insert (MkStore *store, MkCalendarEntry *entry, gpointer data, GError **error)
{
  return mk_store_calendar_insert (store, entry, error);
}

static gboolean
do_update (MkStore *store, MkCalendarEntry *entry, gpointer data, GError **error)
{
  return mk_store_calendar_update (store, entry, error);
}

static gboolean
do_delete (MkStore *store, MkCalendarEntry *entry, gpointer data, GError **error)
{
  return mk_store_calendar_delete (store, mk_calendar_entry_get_id (entry), error);
}

gboolean
mk_store_calendar_create (MkStore          *store,
                          MkCalendarEntry  *entry,
                          GError          **error)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (entry), FALSE);

  what = describe (entry);
  /* Translators: %s is e.g. "Shoot “Acme” on 2026-11-24" */
  message = g_strdup_printf (_("Added %s"), what);

  return run_logged (store, entry, do_insert, NULL, "create", message, error);
}

gboolean
mk_store_calendar_edit (MkStore          *store,
                        MkCalendarEntry  *entry,
                        GError          **error)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (entry), FALSE);

  what = describe (entry);
  /* Translators: %s is e.g. "Shoot “Acme” on 2026-11-24" */
  message = g_strdup_printf (_("Changed %s"), what);
  return run_logged (store, entry, do_update, NULL, "update", message, error);
}

gboolean
mk_store_calendar_move (MkStore     *store,
                        const char  *id,
                        const char  *date,
                        GError     **error)
{
  g_autoptr(MkCalendarEntry) entry = NULL;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  if (!mk_validate_date ("date", _("Date"), date, TRUE, error))
    return FALSE;

  entry = mk_store_calendar_get (store, id, error);
  if (entry == NULL)
    return FALSE;

  mk_calendar_entry_set_date (entry, date);
  what = describe (entry);
  /* Translators: %s is e.g. "Shoot “Acme” on 2026-11-24" (the new date) */
  message = g_strdup_printf (_("Moved %s"), what);
  return run_logged (store, entry, do_update, NULL, "move", message, error);
}

gboolean
mk_store_calendar_set_status (MkStore        *store,
                              const char     *id,
                              MkEntryStatus   status,
                              GError        **error)
{
  g_autoptr(MkCalendarEntry) entry = NULL;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  entry = mk_store_calendar_get (store, id, error);
  if (entry == NULL)
    return FALSE;

  mk_calendar_entry_set_status (entry, status);
  what = describe (entry);
  if (status == MK_ENTRY_STATUS_COMPLETED)
    /* Translators: %s is e.g. "Shoot “Acme” on 2026-11-24" */
    message = g_strdup_printf (_("Completed %s"), what);
  else
    /* Translators: %s is e.g. "Shoot “Acme” on 2026-11-24" */
    message = g_strdup_printf (_("Reopened %s"), what);
  return run_logged (store, entry, do_update, NULL,
                     status == MK_ENTRY_STATUS_COMPLETED ? "complete" : "reopen",
                     message, error);
}

gboolean
mk_store_calendar_remove (MkStore     *store,
                          const char  *id,
                          GError     **error)
{
  g_autoptr(MkCalendarEntry) entry = NULL;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  entry = mk_store_calendar_get (store, id, error);
  if (entry == NULL)
    return FALSE;

  what = describe (entry);
  /* Translators: %s is e.g. "Shoot “Acme” on 2026-11-24" */
  message = g_strdup_printf (_("Deleted %s"), what);
  return run_logged (store, entry, do_delete, NULL, "delete", message, error);
}
