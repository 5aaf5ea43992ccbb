// Migration 3: a covering index for the queue's bookkeeping. `state` sits after the large
// `payload` and `base_json` columns, so reading it from the table walks each row's overflow pages;
// sync:status and "which images wait" run on every save and must not.
export const sql = `
CREATE INDEX entries_by_state ON entries (profile_id, image_id, state, seq);
`;
