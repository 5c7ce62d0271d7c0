-- 0001-initial.sql
--
-- Copyright 2026 The Mediakit authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The seven tables of the seed design, by the same names, in SQLite. Every
-- rule the C code validates is here too, so that no writer (an import, a
-- script with the sqlite3 shell, a future bug) can get around it. CHECKs are
-- named after their column, so SQLite's "CHECK constraint failed: <name>"
-- names the column for the user.
--
-- Translation: UUID -> TEXT, lower case; ENUM -> TEXT CHECK IN; TEXT[] and
-- JSONB -> TEXT CHECK json_valid; DECIMAL -> REAL; TIMESTAMP -> TEXT
-- "YYYY-MM-DDTHH:MM:SSZ" (UTC); DATE -> "YYYY-MM-DD"; TIME -> "HH:MM";
-- BOOLEAN -> INTEGER 0 or 1. json_valid (NULL) is 0, not NULL, so nullable
-- JSON columns say "IS NULL OR" explicitly. Date functions with a '+0 …' modifier normalise
-- impossible days (2026-02-30 becomes 2026-03-02), so "f(x, '+0 …') IS x"
-- accepts exactly the real ones.
--
-- social_connections has no access_token or refresh_token: tokens live in
-- the keyring only.

CREATE TABLE users (
  id            TEXT NOT NULL PRIMARY KEY
                CONSTRAINT id CHECK (length (id) = 36 AND id NOT GLOB '*[^0-9a-f-]*' AND substr (id, 9, 1) = '-' AND substr (id, 14, 1) = '-' AND substr (id, 19, 1) = '-' AND substr (id, 24, 1) = '-' AND length (replace (id, '-', '')) = 32),
  email         TEXT NOT NULL COLLATE NOCASE UNIQUE
                CONSTRAINT email CHECK (length (email) BETWEEN 3 AND 255
                                        AND instr (email, '@') > 1
                                        AND email NOT GLOB '*[ ]*'),
  password_hash TEXT NOT NULL
                CONSTRAINT password_hash CHECK (length (password_hash) > 0),
  created_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
                CONSTRAINT created_at CHECK (strftime ('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  -- Login throttling (the accounts feature); not in the seed.
  failed_logins INTEGER NOT NULL DEFAULT 0
                CONSTRAINT failed_logins CHECK (failed_logins >= 0),
  locked_until  TEXT
                CONSTRAINT locked_until CHECK (strftime ('%Y-%m-%dT%H:%M:%SZ', locked_until, '+0 seconds') IS locked_until)
) STRICT;

CREATE TABLE profiles (
  user_id      TEXT NOT NULL PRIMARY KEY
               REFERENCES users (id) ON DELETE CASCADE,
  slug         TEXT NOT NULL UNIQUE
               CONSTRAINT slug CHECK (length (slug) BETWEEN 3 AND 50
                                      AND slug NOT GLOB '*[^a-z0-9-]*'
                                      AND slug NOT GLOB '-*'
                                      AND slug NOT GLOB '*-'
                                      AND instr (slug, '--') = 0),
  display_name TEXT NOT NULL
               CONSTRAINT display_name CHECK (length (trim (display_name)) > 0
                                              AND length (display_name) <= 100),
  bio          TEXT,
  avatar_url   TEXT,
  categories   TEXT
               CONSTRAINT categories CHECK (categories IS NULL
                                            OR (json_valid (categories)
                                                AND json_type (categories) = 'array')),
  budget_min   INTEGER
               CONSTRAINT budget_min CHECK (budget_min >= 0),
  budget_max   INTEGER
               CONSTRAINT budget_max CHECK (budget_max >= 0),
  -- The currency of the budgets; not in the seed.
  currency     TEXT NOT NULL DEFAULT 'USD'
               CONSTRAINT currency CHECK (length (currency) = 3
                                          AND currency NOT GLOB '*[^A-Z]*'),
  CONSTRAINT budget_range CHECK (budget_min <= budget_max)
) STRICT;

CREATE TABLE social_connections (
  id               TEXT NOT NULL PRIMARY KEY
                   CONSTRAINT id CHECK (length (id) = 36 AND id NOT GLOB '*[^0-9a-f-]*' AND substr (id, 9, 1) = '-' AND substr (id, 14, 1) = '-' AND substr (id, 19, 1) = '-' AND substr (id, 24, 1) = '-' AND length (replace (id, '-', '')) = 32),
  user_id          TEXT NOT NULL
                   REFERENCES users (id) ON DELETE CASCADE,
  platform         TEXT NOT NULL
                   CONSTRAINT platform CHECK (platform IN ('instagram', 'facebook', 'youtube')),
  platform_user_id TEXT NOT NULL
                   CONSTRAINT platform_user_id CHECK (length (platform_user_id) BETWEEN 1 AND 255),
  -- The handle shown in the window ("@sarah"); not in the seed.
  account_name     TEXT
                   CONSTRAINT account_name CHECK (length (account_name) <= 100),
  token_expires_at TEXT
                   CONSTRAINT token_expires_at CHECK (strftime ('%Y-%m-%dT%H:%M:%SZ', token_expires_at, '+0 seconds') IS token_expires_at),
  is_connected     INTEGER NOT NULL DEFAULT 1
                   CONSTRAINT is_connected CHECK (is_connected IN (0, 1)),
  UNIQUE (user_id, platform)
) STRICT;

CREATE TABLE calendar_entries (
  id            TEXT NOT NULL PRIMARY KEY
                CONSTRAINT id CHECK (length (id) = 36 AND id NOT GLOB '*[^0-9a-f-]*' AND substr (id, 9, 1) = '-' AND substr (id, 14, 1) = '-' AND substr (id, 19, 1) = '-' AND substr (id, 24, 1) = '-' AND length (replace (id, '-', '')) = 32),
  user_id       TEXT NOT NULL
                REFERENCES users (id) ON DELETE CASCADE,
  type          TEXT NOT NULL
                CONSTRAINT type CHECK (type IN ('shoot', 'upload')),
  brand_name    TEXT NOT NULL
                CONSTRAINT brand_name CHECK (length (trim (brand_name)) > 0
                                             AND length (brand_name) <= 100),
  campaign_name TEXT
                CONSTRAINT campaign_name CHECK (length (campaign_name) <= 200),
  date          TEXT NOT NULL
                CONSTRAINT date CHECK (date (date, '+0 days') IS date),
  time          TEXT
                CONSTRAINT time CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'
                                       AND time <= '23:59'),
  status        TEXT NOT NULL DEFAULT 'pending'
                CONSTRAINT status CHECK (status IN ('pending', 'completed')),
  notes         TEXT,
  location      TEXT
                CONSTRAINT location CHECK (length (location) <= 255),
  platform      TEXT
                CONSTRAINT platform CHECK (platform IN ('instagram', 'facebook', 'youtube', 'tiktok')),
  content_type  TEXT
                CONSTRAINT content_type CHECK (content_type IN ('Reel', 'Post', 'Story', 'Video', 'Short', 'Live')),
  -- For stable ordering and iCalendar's DTSTAMP; not in the seed.
  created_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
                CONSTRAINT created_at CHECK (strftime ('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  CONSTRAINT upload_fields CHECK (type = 'upload' OR (platform IS NULL AND content_type IS NULL)),
  CONSTRAINT shoot_fields CHECK (type = 'shoot' OR location IS NULL)
) STRICT;

-- The calendar pane: one user's month, in date and time order.
CREATE INDEX calendar_entries_user_date ON calendar_entries (user_id, date, time, id);

CREATE TABLE cached_metrics (
  id              TEXT NOT NULL PRIMARY KEY
                  CONSTRAINT id CHECK (length (id) = 36 AND id NOT GLOB '*[^0-9a-f-]*' AND substr (id, 9, 1) = '-' AND substr (id, 14, 1) = '-' AND substr (id, 19, 1) = '-' AND substr (id, 24, 1) = '-' AND length (replace (id, '-', '')) = 32),
  user_id         TEXT NOT NULL
                  REFERENCES users (id) ON DELETE CASCADE,
  platform        TEXT NOT NULL
                  CONSTRAINT platform CHECK (platform IN ('instagram', 'facebook', 'youtube')),
  follower_count  INTEGER
                  CONSTRAINT follower_count CHECK (follower_count >= 0),
  -- Posts or videos, and total views; not in the seed.
  media_count     INTEGER
                  CONSTRAINT media_count CHECK (media_count >= 0),
  view_count      INTEGER
                  CONSTRAINT view_count CHECK (view_count >= 0),
  engagement_rate REAL
                  CONSTRAINT engagement_rate CHECK (engagement_rate >= 0),
  last_updated    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CONSTRAINT last_updated CHECK (strftime ('%Y-%m-%dT%H:%M:%SZ', last_updated, '+0 seconds') IS last_updated)
) STRICT;

-- The snapshot (newest row) and the chart history of one platform.
CREATE INDEX cached_metrics_user_platform_updated
  ON cached_metrics (user_id, platform, last_updated);

CREATE TABLE logs (
  id               TEXT NOT NULL PRIMARY KEY
                   CONSTRAINT id CHECK (length (id) = 36 AND id NOT GLOB '*[^0-9a-f-]*' AND substr (id, 9, 1) = '-' AND substr (id, 14, 1) = '-' AND substr (id, 19, 1) = '-' AND substr (id, 24, 1) = '-' AND length (replace (id, '-', '')) = 32),
  user_id          TEXT
                   REFERENCES users (id) ON DELETE SET NULL,
  platform         TEXT
                   CONSTRAINT platform CHECK (platform IN ('instagram', 'facebook', 'youtube')),
  action           TEXT NOT NULL
                   CONSTRAINT action CHECK (length (trim (action)) > 0
                                            AND length (action) <= 100),
  status           TEXT NOT NULL
                   CONSTRAINT status CHECK (status IN ('success', 'failure')),
  message          TEXT,
  request_payload  TEXT
                   CONSTRAINT request_payload CHECK (request_payload IS NULL
                                                     OR json_valid (request_payload)),
  response_payload TEXT
                   CONSTRAINT response_payload CHECK (response_payload IS NULL
                                                      OR json_valid (response_payload)),
  ip_address       TEXT
                   CONSTRAINT ip_address CHECK (length (ip_address) <= 50),
  created_at       TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
                   CONSTRAINT created_at CHECK (strftime ('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at)
) STRICT;

-- The activity pane pages newest first by (created_at, id), unfiltered or
-- filtered by one of these columns.
CREATE INDEX logs_created ON logs (created_at, id);
CREATE INDEX logs_user_created ON logs (user_id, created_at, id);
CREATE INDEX logs_platform_created ON logs (platform, created_at, id);
CREATE INDEX logs_status_created ON logs (status, created_at, id);
CREATE INDEX logs_action_created ON logs (action, created_at, id);

CREATE TABLE reviews (
  id           TEXT NOT NULL PRIMARY KEY
               CONSTRAINT id CHECK (length (id) = 36 AND id NOT GLOB '*[^0-9a-f-]*' AND substr (id, 9, 1) = '-' AND substr (id, 14, 1) = '-' AND substr (id, 19, 1) = '-' AND substr (id, 24, 1) = '-' AND length (replace (id, '-', '')) = 32),
  user_id      TEXT NOT NULL
               REFERENCES users (id) ON DELETE CASCADE,
  client_name  TEXT NOT NULL
               CONSTRAINT client_name CHECK (length (trim (client_name)) > 0
                                             AND length (client_name) <= 100),
  client_email TEXT
               CONSTRAINT client_email CHECK (length (client_email) <= 255
                                              AND instr (client_email, '@') > 1),
  rating       INTEGER NOT NULL
               CONSTRAINT rating CHECK (rating BETWEEN 1 AND 5),
  review_text  TEXT NOT NULL
               CONSTRAINT review_text CHECK (length (trim (review_text)) > 0),
  project_type TEXT
               CONSTRAINT project_type CHECK (length (project_type) <= 100),
  is_verified  INTEGER NOT NULL DEFAULT 0
               CONSTRAINT is_verified CHECK (is_verified IN (0, 1)),
  is_published INTEGER NOT NULL DEFAULT 1
               CONSTRAINT is_published CHECK (is_published IN (0, 1)),
  created_at   TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
               CONSTRAINT created_at CHECK (strftime ('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at)
) STRICT;

-- The reviews pane (all, newest first) and the export (published only).
CREATE INDEX reviews_user_created ON reviews (user_id, created_at, id);
CREATE INDEX reviews_user_published ON reviews (user_id, is_published, created_at, id);
