// Migration 2: a journal of what the server last took per image, written in the same transaction
// that removes the sent entries. The local catalog is a different database: should the app die
// between the two writes, the catalog keeps the list from before the send, and the next edit would
// be merged against that stale base (its own earlier change looking like a colleague's). At start
// the sync engine replays this journal into the catalog, then clears each row.
export const sql = `
CREATE TABLE synced (
  profile_id TEXT NOT NULL,
  image_id   TEXT NOT NULL,
  etag       TEXT,
  json       TEXT NOT NULL,
  PRIMARY KEY (profile_id, image_id)
) STRICT;
`;
