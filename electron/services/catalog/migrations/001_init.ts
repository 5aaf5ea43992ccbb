// Migration 1: the catalog's first schema. Migrations are TypeScript modules holding SQL text (not
// .sql files read at run time) so they survive bundling into Electron's main process.
//
// Rows are scoped by connection profile: two profiles may reach different servers, so a dataset is
// (profile_id, id) and everything under it hangs off the dataset's integer key `ds`, which keeps
// the per-dataset indexes small. Timestamps the UI sorts by are epoch milliseconds (`*_ms`): the
// wire's ISO strings may carry any offset, so their text does not sort.
export const sql = `
CREATE TABLE datasets (
  ds                 INTEGER PRIMARY KEY,
  profile_id         TEXT NOT NULL,
  id                 TEXT NOT NULL,
  name               TEXT NOT NULL,
  json               TEXT NOT NULL, -- the Dataset as the server sent it (unknown fields kept)
  updated_at         TEXT NOT NULL,
  synced_ms          INTEGER NOT NULL,
  index_state        TEXT NOT NULL DEFAULT 'idle',
  indexed_count      INTEGER NOT NULL DEFAULT 0,
  index_total        INTEGER,
  index_skipped      INTEGER NOT NULL DEFAULT 0,
  indexed_at         TEXT,
  indexed_updated_at TEXT, -- the dataset's updated_at that the last complete index saw
  index_error        TEXT, -- JSON IpcError of the last failed index
  UNIQUE (profile_id, id)
) STRICT;

CREATE TABLE images (
  key              INTEGER PRIMARY KEY,
  ds               INTEGER NOT NULL REFERENCES datasets(ds) ON DELETE CASCADE,
  id               TEXT NOT NULL,
  filename         TEXT NOT NULL,
  directory_path   TEXT NOT NULL,
  status           TEXT NOT NULL, -- verbatim from the server
  status_group     TEXT NOT NULL, -- displayStatus(status): annotate/review count as in_progress
  annotation_count INTEGER NOT NULL,
  min_confidence   REAL,
  updated_ms       INTEGER NOT NULL,
  json             TEXT NOT NULL, -- the ImageMeta (without inline annotations)
  synced_ms        INTEGER NOT NULL,
  index_gen        INTEGER NOT NULL DEFAULT 0, -- which index run last saw it (vanished = older)
  UNIQUE (ds, id)
) STRICT;
CREATE INDEX images_by_id ON images (id);
-- One index per sort, each ending in the (filename, id) tie-break so a page is an index walk, and
-- carrying status_group and directory_path so the common filters are checked inside the index
-- (no row lookups while skipping to a deep offset or counting).
CREATE INDEX images_filename ON images (ds, filename, id, status_group, directory_path);
CREATE INDEX images_confidence
  ON images (ds, min_confidence IS NULL, min_confidence, filename, id, status_group, directory_path);
-- "Highest confidence first, still without a confidence last" walks this one backwards.
CREATE INDEX images_confidence_desc
  ON images (ds, min_confidence IS NOT NULL, min_confidence, filename, id, status_group, directory_path);
CREATE INDEX images_annotations ON images (ds, annotation_count, filename, id, status_group, directory_path);
CREATE INDEX images_updated ON images (ds, updated_ms, filename, id, status_group, directory_path);
CREATE INDEX images_status ON images (ds, status_group, filename, id);
CREATE INDEX images_directory ON images (ds, directory_path, filename, id);

-- Annotation documents are keyed by image id, not by an images row: annotations:get may run for an
-- image whose metadata this catalog has not stored yet.
CREATE TABLE annotation_docs (
  profile_id TEXT NOT NULL,
  image_id   TEXT NOT NULL,
  etag       TEXT,
  json       TEXT NOT NULL, -- Annotation[]
  synced_ms  INTEGER NOT NULL, -- 0 = written locally after a save, revalidate on next read
  PRIMARY KEY (profile_id, image_id)
) STRICT;

-- Filled whenever a document is cached: the "class present" filter.
CREATE TABLE annotation_classes (
  profile_id TEXT NOT NULL,
  image_id   TEXT NOT NULL,
  class_name TEXT NOT NULL,
  PRIMARY KEY (profile_id, image_id, class_name)
) STRICT, WITHOUT ROWID;

-- The blob store's index: files live at blobs/<hash[0:2]>/<hash>, shared by equal content.
CREATE TABLE media_blobs (
  profile_id     TEXT NOT NULL,
  image_id       TEXT NOT NULL,
  variant        TEXT NOT NULL,
  hash           TEXT NOT NULL,
  etag           TEXT, -- the server's, sent back as If-None-Match; null for thumbnails made here
  size           INTEGER NOT NULL,
  content_type   TEXT NOT NULL,
  source         TEXT NOT NULL, -- 'server' | 'local'
  based_on       TEXT, -- a local thumbnail: the hash of the full image it was made from
  last_access_ms INTEGER NOT NULL,
  PRIMARY KEY (profile_id, image_id, variant)
) STRICT;
CREATE INDEX media_blobs_hash ON media_blobs (hash);
CREATE INDEX media_blobs_lru ON media_blobs (last_access_ms);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL -- JSON
) STRICT;

CREATE TABLE browse_state (
  dataset_id TEXT PRIMARY KEY,
  json       TEXT NOT NULL
) STRICT;
`;
