// Migration 1: the outbox's first schema (docs/offline.md). SQL text in a TypeScript module so it
// survives bundling into Electron's main process, like the catalog's migrations.
//
// `entries` is the queue: one row per save or review action, in the order the user made them
// (`seq`, AUTOINCREMENT so a number is never reused — a resolved conflict re-enters the queue at
// its old place). A save carries the state the user saved and its base: the ETag the edit started
// from and, when known, the list at that ETag (the three-way merge needs it). `conflicts` holds
// what could not be merged: both versions and the base, one per image, until the user decides.
export const sql = `
CREATE TABLE entries (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id  TEXT NOT NULL,
  image_id    TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('save', 'review')),
  created_ms  INTEGER NOT NULL,
  payload     TEXT NOT NULL, -- save: the annotation list (JSON); review: {"action","note"}
  base_etag   TEXT,          -- save: the ETag the edit started from
  base_json   TEXT,          -- save: the list at base_etag, NULL when unknown
  force       INTEGER NOT NULL DEFAULT 0 CHECK (force IN (0, 1)), -- the user chose "overwrite"
  state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT           -- JSON IpcError of the last failed try
) STRICT;

CREATE INDEX entries_by_image ON entries (profile_id, image_id, seq);

CREATE TABLE conflicts (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  seq         INTEGER NOT NULL, -- where the conflicted saves stood in the queue
  profile_id  TEXT NOT NULL,
  image_id    TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  base_etag   TEXT,
  base_json   TEXT NOT NULL,
  mine_json   TEXT NOT NULL,
  theirs_etag TEXT,
  theirs_json TEXT NOT NULL,
  UNIQUE (profile_id, image_id)
) STRICT;
`;
