// Migration 2: "available offline" datasets (issue 10, docs/offline.md). The download's progress
// lives here, beside what it downloads, so a restart resumes where it stopped; and the rows of
// `offline_items` are the pin rule: the blob store never evicts, and catalog:clear never removes,
// an image listed here (a dataset's items are deleted when it stops being available offline).
export const sql = `
CREATE TABLE offline_datasets (
  profile_id       TEXT NOT NULL,
  dataset_id       TEXT NOT NULL,
  state            TEXT NOT NULL, -- queued | downloading | paused | complete | failed
  enabled_ms       INTEGER NOT NULL,
  completed_ms     INTEGER,
  annotations_from TEXT, -- 'export' | 'per-image', once the annotations are here
  export_id        TEXT, -- the export being waited for: a restart follows it instead of making another
  bytes_total      INTEGER NOT NULL DEFAULT 0,
  error            TEXT, -- JSON IpcError of the failure that stopped it
  PRIMARY KEY (profile_id, dataset_id)
) STRICT;

CREATE TABLE offline_items (
  profile_id       TEXT NOT NULL,
  image_id         TEXT NOT NULL,
  dataset_id       TEXT NOT NULL,
  filename         TEXT NOT NULL,
  file_size        INTEGER NOT NULL,
  image_done       INTEGER NOT NULL DEFAULT 0,
  annotations_done INTEGER NOT NULL DEFAULT 0,
  error            TEXT, -- JSON {what, message} of the last failure of this item
  PRIMARY KEY (profile_id, image_id)
) STRICT;
CREATE INDEX offline_items_by_dataset ON offline_items (profile_id, dataset_id, image_done, annotations_done);
`;
