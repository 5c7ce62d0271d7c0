-- 0002-logs-search.sql
--
-- Copyright 2026 The Mediakit authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The activity pane's filters (issue #8). It always shows the signed-in
-- user's rows, so every index it ranges over starts with user_id and ends
-- with (created_at, id), the keyset order it pages in; a date range is a
-- range on created_at inside the same index.

CREATE INDEX logs_user_platform_created ON logs (user_id, platform, created_at, id);
CREATE INDEX logs_user_status_created ON logs (user_id, status, created_at, id);
CREATE INDEX logs_user_action_created ON logs (user_id, action, created_at, id);
CREATE INDEX logs_user_platform_status_created
  ON logs (user_id, platform, status, created_at, id);

-- Word search in messages: LIKE '%word%' cannot use a B-tree index, so an
-- FTS5 index over logs.message, keyed by the rowid. External content: the
-- text is stored once, in logs.
--
-- No triggers keep it in sync: with trusted_schema=OFF (set on every
-- connection, see mk-store.c) SQLite refuses to touch a virtual table from
-- a trigger. mk-logs-table.c, the only writer and deleter of logs rows,
-- updates it in the same transaction instead; "rebuild" repairs it should
-- anything else ever change logs.
CREATE VIRTUAL TABLE logs_fts USING fts5 (
  message,
  content = 'logs',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO logs_fts (logs_fts) VALUES ('rebuild');
