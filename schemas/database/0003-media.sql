-- 0003-media.sql
--
-- Copyright 2026 The Mediakit authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The recent media of each connected platform (issue #5): what the portfolio
-- grid shows and what the engagement rate is computed from. A cache, not a
-- history: each successful fetch replaces a platform's rows, so a post
-- deleted on the platform disappears here too. Thumbnails are files in the
-- thumbnail cache directory; the row only names the file, which stays NULL
-- until the download finished.
--
-- Counts are NULL when the platform did not say (hidden likes, comments
-- turned off), never 0: an unknown count must not drag an average down.

CREATE TABLE media_items (
  id                TEXT NOT NULL PRIMARY KEY
                    CONSTRAINT id CHECK (length (id) = 36 AND id NOT GLOB '*[^0-9a-f-]*' AND substr (id, 9, 1) = '-' AND substr (id, 14, 1) = '-' AND substr (id, 19, 1) = '-' AND substr (id, 24, 1) = '-' AND length (replace (id, '-', '')) = 32),
  user_id           TEXT NOT NULL
                    REFERENCES users (id) ON DELETE CASCADE,
  platform          TEXT NOT NULL
                    CONSTRAINT platform CHECK (platform IN ('instagram', 'facebook', 'youtube')),
  platform_media_id TEXT NOT NULL
                    CONSTRAINT platform_media_id CHECK (length (platform_media_id) BETWEEN 1 AND 255),
  -- image, video, carousel (Instagram CAROUSEL_ALBUM), reel (Instagram
  -- REELS), story, short (YouTube), post (a Facebook post: /posts does not
  -- say whether it holds a photo, a video or only text).
  media_type        TEXT NOT NULL
                    CONSTRAINT media_type CHECK (media_type IN ('image', 'video', 'carousel', 'reel', 'short', 'story', 'post')),
  caption           TEXT,
  permalink         TEXT
                    CONSTRAINT permalink CHECK (permalink GLOB 'https://*' OR permalink GLOB 'http://*'),
  -- Signed CDN addresses that expire: a source for the download, not a
  -- permanent link.
  thumbnail_url     TEXT
                    CONSTRAINT thumbnail_url CHECK (thumbnail_url GLOB 'https://*' OR thumbnail_url GLOB 'http://*'),
  -- A bare file name inside the cache directory, never a path.
  thumbnail_file    TEXT
                    CONSTRAINT thumbnail_file CHECK (length (thumbnail_file) BETWEEN 1 AND 255
                                                     AND instr (thumbnail_file, '/') = 0
                                                     AND thumbnail_file NOT GLOB '.*'),
  like_count        INTEGER
                    CONSTRAINT like_count CHECK (like_count >= 0),
  comment_count     INTEGER
                    CONSTRAINT comment_count CHECK (comment_count >= 0),
  -- Facebook only (the contract's engagement formula adds them).
  share_count       INTEGER
                    CONSTRAINT share_count CHECK (share_count >= 0),
  view_count        INTEGER
                    CONSTRAINT view_count CHECK (view_count >= 0),
  published_at      TEXT
                    CONSTRAINT published_at CHECK (strftime ('%Y-%m-%dT%H:%M:%SZ', published_at, '+0 seconds') IS published_at),
  fetched_at        TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    CONSTRAINT fetched_at CHECK (strftime ('%Y-%m-%dT%H:%M:%SZ', fetched_at, '+0 seconds') IS fetched_at),
  UNIQUE (user_id, platform, platform_media_id)
) STRICT;

-- The portfolio grid: a user's newest media of all platforms, or of one.
CREATE INDEX media_items_user_published ON media_items (user_id, published_at, id);
CREATE INDEX media_items_user_platform_published
  ON media_items (user_id, platform, published_at, id);
