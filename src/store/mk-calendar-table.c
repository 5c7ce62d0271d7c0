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

gboolean
mk_store_calendar_insert (MkStore          *store,
                          MkCalendarEntry  *entry,
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

  stmt = mk_database_prepare (db,
                              "INSERT INTO calendar_entries (" COLUMNS ")"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, entry);
  return mk_database_run (db, stmt, error);
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
