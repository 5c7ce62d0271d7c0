/* test-store-migrations.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every schema version that has existed has a fixture in fixtures/
 * (schema-vN.sql, a database as version N left it, with rows in every
 * table). Each must migrate to the newest schema keeping every row (counts
 * and a hash of every column it had), end with exactly the schema of a new
 * database, and a migration that fails at any write leaves a whole schema
 * (the old one, or a newer one) with every row. */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "mk-faulty-vfs.h"
#include "mk-store-private.h"
#include "store-test-util.h"

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s", message);
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, i);

          g_string_append (out, text != NULL ? text : "∅");
          g_string_append_c (out, '\x1f');
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  return g_string_free (out, FALSE);
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_integrity (sqlite3 *db)
{
  g_autofree char *result = raw_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (result, ==, "ok\x1f\n");
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* The tables, views and indexes, as SQLite keeps them. */
static char *
schema_of (sqlite3 *db)
{
  return raw_text (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The schema that migrations 1 to @version build on an empty database,
 * run straight from schemas/database/ without the store. */
static char *
reference_schema (int version)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "schemas", "database", NULL);
  g_autofree char *tmp = store_test_make_dir ();
  g_autofree char *path = g_build_filename (tmp, "reference.db", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  sqlite3 *db;
  char *schema;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".sql") && atoi (name) >= 1 && atoi (name) <= version)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, ==, (guint)version);

  db = raw_open (path);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *sql = read_file (file);

      raw_exec (db, sql);
    }
  schema = schema_of (db);
  sqlite3_close (db);

  store_test_remove_dir (tmp);
  return schema;
}

static char *
fixture_path (int version)
{
  g_autofree char *name = g_strdup_printf ("schema-v%d.sql", version);

  return g_test_build_filename (G_TEST_DIST, "store", "fixtures", name, NULL);
}

/* Loads fixture @version into a new file @path with plain SQLite. */
static void
load_fixture (int         version,
              const char *path)
{
  g_autofree char *fixture = fixture_path (version);
  g_autofree char *sql = read_file (fixture);
  sqlite3 *db = raw_open (path);

  raw_exec (db, sql);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, version);
  sqlite3_close (db);
}

/* Row counts and a SHA-256 of every column of every table the fixture has,
 * in a fixed order. Columns a
 * later schema adds are not part of it: the old rows must be the same. */
static char *
data_of (sqlite3 *db,
         GStrv    tables)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *info_sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid",
                                                   tables[t]);
      g_autofree char *columns = raw_text (db, info_sql);
      g_auto(GStrv) names = g_strsplit (g_strstrip (columns), "\x1f\n", -1);
      g_autoptr(GString) select = g_string_new ("SELECT ");
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[t]);
      g_autofree char *rows = NULL;
      g_autofree char *hash = NULL;

      for (guint c = 0; names[c] != NULL; c++)
        {
          char *sep = strchr (names[c], '\x1f');

          if (sep != NULL)
            *sep = '\0';
          g_string_append_printf (select, "%squote (\"%s\")", c > 0 ? ", " : "", names[c]);
        }
      g_string_append_printf (select, " FROM %s ORDER BY 1, 2, 3", tables[t]);

      rows = raw_text (db, select->str);
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, rows, -1);
      g_string_append_printf (out, "%s: %" G_GINT64_FORMAT " rows, %u columns, %s\n",
                              tables[t], raw_int (db, count_sql), g_strv_length (names), hash);
    }

  return g_strdup (out->str);
}

/* Schema 2 indexes the log messages (0002 rebuilds the index for the rows
 * already there): the fixtures' two messages with these words are found. */
static void
assert_logs_searchable (sqlite3 *db)
{
  if (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'logs_fts'") == 0)
    return;
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM logs_fts WHERE logs_fts MATCH 'metrics OR reconnect'"),
                   ==, 2);
}

static GStrv
tables_of (sqlite3 *db)
{
  g_autofree char *list = raw_text (db,
                                    "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                    " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'logs_fts%'"
                                    " ORDER BY name");
  GStrv tables = g_strsplit (g_strstrip (list), "\x1f\n", -1);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      char *sep = strchr (tables[i], '\x1f');

      if (sep != NULL)
        *sep = '\0';
    }
  return tables;
}

static char *
latest_schema (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autoptr(MkStore) store = store_test_open (dir);
  char *schema = schema_of (mk_database_get_handle (mk_store_get_database (store)));

  g_clear_object (&store);
  store_test_remove_dir (dir);
  return schema;
}

static void
test_every_version_has_a_fixture (void)
{
  for (int v = 1; v <= mk_store_get_schema_version (); v++)
    {
      g_autofree char *path = fixture_path (v);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("Schema version %d has no fixture %s: dump one with rows in every table", v, path);
    }
}

/* The fixture is what migrations 1 to N build, and fills every table. */
static void
test_fixture_is_faithful (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *expected = reference_schema (version);
  g_autofree char *actual = NULL;
  g_auto(GStrv) tables = NULL;
  sqlite3 *db;

  load_fixture (version, path);
  db = raw_open (path);
  actual = schema_of (db);
  g_assert_cmpstr (actual, ==, expected);

  tables = tables_of (db);
  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[t]);

      if (raw_int (db, sql) < 2)
        g_error ("The fixture of schema %d has fewer than two rows in %s", version, tables[t]);
    }
  sqlite3_close (db);

  store_test_remove_dir (dir);
}

static void
test_upgrade (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *fresh = latest_schema ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = NULL;
  g_auto(GStrv) tables = NULL;
  sqlite3 *db;

  load_fixture (version, path);
  db = raw_open (path);
  tables = tables_of (db);
  before = data_of (db, tables);
  sqlite3_close (db);

  store = mk_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, mk_store_get_schema_version ());
  assert_integrity (db);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  after = data_of (db, tables);
  schema = schema_of (db);
  assert_logs_searchable (db);
  sqlite3_close (db);

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (schema, ==, fresh);

  store_test_remove_dir (dir);
}

/* Every write (then every sync) of the migrations fails in turn: what is
 * left is a whole schema of some version from the old one to the newest,
 * never a mix, with every row; and once the disk works the same file
 * opens and finishes migrating. */
static void
test_interrupted (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  static const MkFault faults[] = { MK_FAULT_WRITE, MK_FAULT_SYNC };
  int latest = mk_store_get_schema_version ();
  g_autoptr(GPtrArray) schemas = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) tables = NULL;
  g_autofree char *before = NULL;

  g_ptr_array_add (schemas, NULL);
  for (int v = 1; v <= latest; v++)
    g_ptr_array_add (schemas, reference_schema (v));

  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    for (guint nth = 1; ; nth++)
      {
        g_autofree char *dir = store_test_make_dir ();
        g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
        g_autofree char *schema = NULL;
        g_autofree char *after = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(MkStore) store = NULL;
        gboolean fired;
        gint64 reached;
        sqlite3 *db;

        load_fixture (version, path);
        if (before == NULL)
          {
            db = raw_open (path);
            tables = tables_of (db);
            before = data_of (db, tables);
            sqlite3_close (db);
          }

        mk_faulty_vfs_arm (faults[f], nth);
        store = mk_store_open (path, &error);
        mk_faulty_vfs_disarm ();
        fired = mk_faulty_vfs_fired ();
        g_assert_true ((store == NULL) == fired);
        if (store == NULL)
          g_assert_true (error->domain == MK_STORE_ERROR &&
                         (error->code == MK_STORE_ERROR_IO || error->code == MK_STORE_ERROR_FULL));
        g_clear_object (&store);
        g_clear_error (&error);

        db = raw_open (path);
        reached = raw_int (db, "PRAGMA user_version");
        g_assert_cmpint (reached, >=, version);
        g_assert_cmpint (reached, <=, latest);
        assert_integrity (db);
        schema = schema_of (db);
        g_assert_cmpstr (schema, ==, g_ptr_array_index (schemas, reached));
        after = data_of (db, tables);
        g_assert_cmpstr (after, ==, before);
        assert_logs_searchable (db);
        sqlite3_close (db);

        if (!fired)
          {
            g_assert_cmpint (reached, ==, latest);
            store_test_remove_dir (dir);
            break;
          }

        store = mk_store_open (path, &error);
        g_assert_no_error (error);
        g_clear_object (&store);
        db = raw_open (path);
        g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, latest);
        sqlite3_close (db);

        store_test_remove_dir (dir);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mk_faulty_vfs_install ();

  g_test_add_func ("/store/migrations/every-version-has-a-fixture", test_every_version_has_a_fixture);
  for (int v = 1; v <= mk_store_get_schema_version (); v++)
    {
      g_autofree char *faithful = g_strdup_printf ("/store/migrations/v%d/fixture", v);
      g_autofree char *upgrade = g_strdup_printf ("/store/migrations/v%d/upgrade", v);
      g_autofree char *interrupted = g_strdup_printf ("/store/migrations/v%d/interrupted", v);
      g_autofree char *path = fixture_path (v);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      g_test_add_data_func (faithful, GINT_TO_POINTER (v), test_fixture_is_faithful);
      g_test_add_data_func (upgrade, GINT_TO_POINTER (v), test_upgrade);
      if (v < mk_store_get_schema_version ())
        g_test_add_data_func (interrupted, GINT_TO_POINTER (v), test_interrupted);
    }

  return g_test_run ();
}
