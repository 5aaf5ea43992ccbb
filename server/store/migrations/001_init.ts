// Migration 1: the initial schema. Migrations are TypeScript modules holding SQL text (not .sql
// files read at run time) so they survive bundling into Electron's main process.
export const sql = `
-- pictograph-local schema v1. Timestamps are contract ISO strings; *_ms columns are epoch
-- milliseconds used only for expiry arithmetic. Booleans are 0/1 integers.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE datasets (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  slug             TEXT NOT NULL UNIQUE,
  description      TEXT,
  annotation_types TEXT NOT NULL, -- JSON array
  classes          TEXT NOT NULL, -- JSON array of {name, color, type?}
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;

CREATE TABLE images (
  id               TEXT PRIMARY KEY,
  dataset_id       TEXT NOT NULL REFERENCES datasets(id),
  filename         TEXT NOT NULL,
  directory_path   TEXT NOT NULL,
  width            INTEGER,
  height           INTEGER,
  file_size        INTEGER NOT NULL,
  mime_type        TEXT NOT NULL,
  sha256           TEXT NOT NULL,
  blob             TEXT NOT NULL, -- file name under <dataDir>/blobs
  status           TEXT NOT NULL,
  annotation_count INTEGER NOT NULL DEFAULT 0,
  min_confidence   REAL,
  is_archived      INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (dataset_id, directory_path, filename)
) STRICT;

-- Serves the default listing order (filename, directory_path, id) for one dataset.
CREATE INDEX images_listing ON images (dataset_id, is_archived, filename, directory_path, id);

-- One canonical JSON text per image: saves are full overwrites, so a row per annotation buys nothing.
CREATE TABLE annotation_lists (
  image_id  TEXT PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
  list_json TEXT NOT NULL,
  etag      TEXT NOT NULL
) STRICT;

CREATE TABLE reviews (
  seq        INTEGER PRIMARY KEY,
  image_id   TEXT NOT NULL,
  action     TEXT NOT NULL,
  note       TEXT,
  api_key_id TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE api_keys (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  key_hash     TEXT NOT NULL UNIQUE,
  key_prefix   TEXT NOT NULL,
  role         TEXT NOT NULL,
  rate_limit   INTEGER NOT NULL,
  is_active    INTEGER NOT NULL DEFAULT 1,
  last_used_at TEXT,
  created_at   TEXT NOT NULL,
  expires_at   TEXT
) STRICT;

CREATE TABLE uploads (
  id                  TEXT PRIMARY KEY,
  dataset_id          TEXT NOT NULL,
  filename            TEXT NOT NULL,
  directory_path      TEXT NOT NULL,
  content_type        TEXT NOT NULL,
  created_ms          INTEGER NOT NULL,
  register_until_ms   INTEGER NOT NULL,
  byte_count          INTEGER, -- null until the PUT
  registered_image_id TEXT
) STRICT;

CREATE TABLE exports (
  id               TEXT PRIMARY KEY,
  dataset_id       TEXT NOT NULL,
  name             TEXT NOT NULL,
  format           TEXT NOT NULL,
  include_images   INTEGER NOT NULL,
  class_filter     TEXT, -- JSON array or NULL
  status_filter    TEXT,
  status           TEXT NOT NULL,
  error_message    TEXT,
  file_size        INTEGER,
  image_count      INTEGER,
  annotation_count INTEGER,
  created_at       TEXT NOT NULL,
  created_ms       INTEGER NOT NULL,
  completed_at     TEXT,
  expires_at       TEXT,
  expires_ms       INTEGER,
  UNIQUE (dataset_id, name)
) STRICT;

CREATE TABLE idempotency (
  api_key_id  TEXT NOT NULL,
  idem_key    TEXT NOT NULL,
  method      TEXT NOT NULL,
  path        TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  status      INTEGER NOT NULL,
  headers     TEXT NOT NULL, -- JSON object
  body        BLOB,
  created_ms  INTEGER NOT NULL,
  PRIMARY KEY (api_key_id, idem_key)
) STRICT;
`;
