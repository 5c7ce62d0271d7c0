/* mk-database.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mk-database.h"

struct _MkDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       depth;        /* open transactions, outermost included */

  /* See register_json_functions(). */
  sqlite3      *json_db;
  sqlite3_stmt *json_stmts[2];
};

G_DEFINE_FINAL_TYPE (MkDatabase, mk_database, G_TYPE_OBJECT)

static void
mk_database_finalize (GObject *object)
{
  MkDatabase *self = (MkDatabase *)object;

  if (self->depth > 0)
    g_warning ("Closing %s with %u open transaction(s): rolling back",
               self->path, self->depth);

  /* Statements first: sqlite3_close() refuses while any is alive. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  for (guint i = 0; i < G_N_ELEMENTS (self->json_stmts); i++)
    g_clear_pointer (&self->json_stmts[i], sqlite3_finalize);
  if (self->json_db != NULL)
    sqlite3_close (self->json_db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (mk_database_parent_class)->finalize (object);
}

static void
mk_database_class_init (MkDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_database_finalize;
}

static void
mk_database_init (MkDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)sqlite3_finalize);
}

/* What SQLite said about a constraint, turned into a sentence about the
 * column. SQLite's own text stays in parentheses: it is what a bug report
 * needs. */
static char *
describe_constraint (int         extended,
                     const char *sqlite_message)
{
  const char *what = strrchr (sqlite_message, ':');

  what = what != NULL ? what + 1 : "";
  while (*what == ' ')
    what++;

  switch (extended)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      /* Translators: %s is a column such as "users.email"; the part in parentheses is SQLite's message */
      return g_strdup_printf (_("The value of %s is already in use (%s)"), what, sqlite_message);
    case SQLITE_CONSTRAINT_NOTNULL:
      return g_strdup_printf (_("A value for %s is required (%s)"), what, sqlite_message);
    case SQLITE_CONSTRAINT_CHECK:
      return g_strdup_printf (_("The value of %s is not allowed (%s)"), what, sqlite_message);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return g_strdup_printf (_("The row refers to something that does not exist (%s)"), sqlite_message);
    default:
      return g_strdup_printf (_("The change breaks a rule of the database (%s)"), sqlite_message);
    }
}

static void
set_error_from_code (GError     **error,
                     int          extended,
                     const char  *sqlite_message,
                     const char  *path)
{
  g_autofree char *message = NULL;
  int code;

  switch (extended & 0xff)
    {
    case SQLITE_CONSTRAINT:
      code = MK_STORE_ERROR_CONSTRAINT;
      message = describe_constraint (extended, sqlite_message);
      break;
    case SQLITE_FULL:
      code = MK_STORE_ERROR_FULL;
      /* Translators: %s is a file path */
      message = g_strdup_printf (_("The disk is full: the change to %s was not saved. Free some space and try again."), path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = MK_STORE_ERROR_BUSY;
      /* Translators: %s is a file path */
      message = g_strdup_printf (_("The database %s is busy in another program"), path);
      break;
    case SQLITE_CORRUPT:
      code = MK_STORE_ERROR_CORRUPT;
      message = g_strdup_printf (_("The database %s is damaged (%s)"), path, sqlite_message);
      break;
    case SQLITE_NOTADB:
      code = MK_STORE_ERROR_NOT_A_DATABASE;
      message = g_strdup_printf (_("The file %s is not a database"), path);
      break;
    case SQLITE_IOERR:
      /* A write that the disk refused: the transaction was rolled back. */
      if (extended == SQLITE_IOERR_WRITE || extended == SQLITE_IOERR_FSYNC ||
          extended == SQLITE_IOERR_DIR_FSYNC || extended == SQLITE_IOERR_TRUNCATE)
        {
          code = MK_STORE_ERROR_IO;
          /* Translators: the first %s is a file path, the second SQLite's message */
          message = g_strdup_printf (_("Could not write to the database %s: the disk reported an error, the change was not saved (%s)"),
                                     path, sqlite_message);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = MK_STORE_ERROR_IO;
      message = g_strdup_printf (_("Could not read or write the database %s (%s)"), path, sqlite_message);
      break;
    default:
      code = MK_STORE_ERROR_FAILED;
      message = g_strdup_printf (_("Database error in %s (%s)"), path, sqlite_message);
      break;
    }

  g_set_error_literal (error, MK_STORE_ERROR, code, message);
}

void
mk_database_set_error (MkDatabase  *self,
                       int          rc,
                       GError     **error)
{
  int extended = rc;

  g_return_if_fail (MK_IS_DATABASE (self));

  /* The connection's code is the extended one when the caller only kept the
   * primary (sqlite3_step() returns the extended one anyway). */
  if ((sqlite3_extended_errcode (self->db) & 0xff) == (rc & 0xff))
    extended = sqlite3_extended_errcode (self->db);

  set_error_from_code (error, extended, sqlite3_errmsg (self->db), self->path);
}

/* SQLite 3.40 does not mark its JSON functions innocuous, so with
 * trusted_schema=OFF the schema's json_valid() CHECKs would be refused.
 * These same-named, innocuous stand-ins override them on our connections
 * and ask SQLite's own JSON code, on a private in-memory connection, so the
 * answer is exactly the built-in one (and the sqlite3 shell, which uses the
 * built-ins, agrees with the app). */
enum {
  JSON_VALID,
  JSON_TYPE,
  N_JSON_FUNCTIONS
};

static void
json_function (sqlite3_context  *context,
               int               which,
               sqlite3_value    *value)
{
  static const char * const sql[N_JSON_FUNCTIONS] = {
    "SELECT json_valid (?1)",
    "SELECT json_type (?1)",
  };
  MkDatabase *self = sqlite3_user_data (context);
  sqlite3_stmt *stmt;

  if (self->json_db == NULL &&
      sqlite3_open_v2 (":memory:", &self->json_db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      sqlite3_result_error (context, "cannot evaluate JSON", -1);
      return;
    }

  if (self->json_stmts[which] == NULL &&
      sqlite3_prepare_v2 (self->json_db, sql[which], -1, &self->json_stmts[which], NULL) != SQLITE_OK)
    {
      sqlite3_result_error (context, sqlite3_errmsg (self->json_db), -1);
      return;
    }

  stmt = self->json_stmts[which];
  sqlite3_bind_value (stmt, 1, value);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sqlite3_result_value (context, sqlite3_column_value (stmt, 0));
  else
    sqlite3_result_error (context, sqlite3_errmsg (self->json_db), -1);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
json_valid_function (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  json_function (context, JSON_VALID, argv[0]);
}

static void
json_type_function (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  json_function (context, JSON_TYPE, argv[0]);
}

static gboolean
register_json_functions (MkDatabase *self)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  return sqlite3_create_function_v2 (self->db, "json_valid", 1, flags, self,
                                     json_valid_function, NULL, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function_v2 (self->db, "json_type", 1, flags, self,
                                     json_type_function, NULL, NULL, NULL) == SQLITE_OK;
}

MkDatabase *
mk_database_open (const char  *uri_or_path,
                  const char  *path,
                  int          flags,
                  GError     **error)
{
  g_autoptr(MkDatabase) self = NULL;
  int rc;

  g_return_val_if_fail (uri_or_path != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (MK_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (uri_or_path, &self->db, flags | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      /* Without a handle there is no message to ask for. */
      if (self->db == NULL)
        set_error_from_code (error, rc, sqlite3_errstr (rc), path);
      else
        mk_database_set_error (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  if (!register_json_functions (self))
    {
      mk_database_set_error (self, sqlite3_errcode (self->db), error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

sqlite3 *
mk_database_get_handle (MkDatabase *self)
{
  g_return_val_if_fail (MK_IS_DATABASE (self), NULL);

  return self->db;
}

gboolean
mk_database_exec (MkDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (MK_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      mk_database_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

MkStmt *
mk_database_prepare (MkDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MK_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      mk_database_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
mk_stmt_release (MkStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

int
mk_database_step (MkDatabase  *self,
                  MkStmt      *stmt,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (MK_IS_DATABASE (self), 0);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  mk_database_set_error (self, rc, error);
  return 0;
}

gboolean
mk_database_run (MkDatabase  *self,
                 MkStmt      *stmt,
                 GError     **error)
{
  int rc;

  while ((rc = mk_database_step (self, stmt, error)) == SQLITE_ROW)
    ;

  return rc == SQLITE_DONE;
}

gint64
mk_database_changes (MkDatabase *self)
{
  g_return_val_if_fail (MK_IS_DATABASE (self), 0);

  return sqlite3_changes64 (self->db);
}

/* One-off queries are not cached: pragmas run once per connection. */
static sqlite3_stmt *
query_single (MkDatabase  *self,
              const char  *sql,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      mk_database_set_error (self, rc, error);
      return NULL;
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_FAILED,
                     "No answer to “%s”", sql);
      else
        mk_database_set_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

gboolean
mk_database_query_int (MkDatabase  *self,
                       const char  *sql,
                       gint64      *out_value,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_DATABASE (self), FALSE);

  stmt = query_single (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  if (out_value != NULL)
    *out_value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

char *
mk_database_query_text (MkDatabase  *self,
                        const char  *sql,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  char *text;

  g_return_val_if_fail (MK_IS_DATABASE (self), NULL);

  stmt = query_single (self, sql, error);
  if (stmt == NULL)
    return NULL;

  text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Nested transactions are savepoints, so that a helper that needs a
 * transaction can run inside the demo generator's big one. */
gboolean
mk_database_begin (MkDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MK_IS_DATABASE (self), FALSE);

  /* IMMEDIATE takes the write lock now rather than failing with BUSY half
   * way through when another connection wrote in between. */
  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT mk_%u", self->depth);

  if (!mk_database_exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
mk_database_commit (MkDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE mk_%u", self->depth - 1);

  if (!mk_database_exec (self, sql, error))
    return FALSE;

  self->depth--;
  return TRUE;
}

gboolean
mk_database_rollback (MkDatabase  *self,
                      GError     **error)
{
  g_autofree char *sql = NULL;
  gboolean ret;

  g_return_val_if_fail (MK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO mk_%u; RELEASE mk_%u",
                           self->depth - 1, self->depth - 1);

  /* The level is gone whatever happens: a failed ROLLBACK means SQLite
   * already rolled back on its own (e.g. after SQLITE_FULL). */
  ret = mk_database_exec (self, sql, error);
  self->depth--;
  if (self->depth == 0 && !ret && sqlite3_get_autocommit (self->db))
    {
      g_clear_error (error);
      ret = TRUE;
    }
  return ret;
}

guint
mk_database_get_transaction_depth (MkDatabase *self)
{
  g_return_val_if_fail (MK_IS_DATABASE (self), 0);

  return self->depth;
}

void
mk_stmt_bind_text (MkStmt     *stmt,
                   int         index,
                   const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
mk_stmt_bind_optional_text (MkStmt     *stmt,
                            int         index,
                            const char *value)
{
  mk_stmt_bind_text (stmt, index, value != NULL && *value != '\0' ? value : NULL);
}

void
mk_stmt_bind_int64 (MkStmt *stmt,
                    int     index,
                    gint64  value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
mk_stmt_bind_count (MkStmt *stmt,
                    int     index,
                    gint64  value)
{
  if (value == -1)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

void
mk_stmt_bind_double (MkStmt *stmt,
                     int     index,
                     double  value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

const char *
mk_stmt_column_text (MkStmt *stmt,
                     int     column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

gint64
mk_stmt_column_count (MkStmt *stmt,
                      int     column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;

  return sqlite3_column_int64 (stmt, column);
}

double
mk_stmt_column_double (MkStmt *stmt,
                       int     column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;

  return sqlite3_column_double (stmt, column);
}
