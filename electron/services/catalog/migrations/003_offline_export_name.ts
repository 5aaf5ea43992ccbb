// Migration 3: the name of the export an offline download asked for, written BEFORE the request.
// A restart that never heard the answer (the app quit while the create was on the wire) finds that
// export by name instead of making a second one (docs/offline.md, "Available offline").
export const sql = `
ALTER TABLE offline_datasets ADD COLUMN export_name TEXT;
`;
