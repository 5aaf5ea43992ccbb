import type { DatabaseSync } from 'node:sqlite';
import type { BrowseState, Settings, SettingsPatch } from '../../../shared/ipc';
import { browseStateSchema, settingsPatchSchema } from '../../../shared/ipc';

export const DEFAULT_CACHE_LIMIT_BYTES = 5 * 1024 * 1024 * 1024;

export const DEFAULT_SETTINGS: Settings = { theme: 'system', cacheLimitBytes: DEFAULT_CACHE_LIMIT_BYTES };

/**
 * App settings and per-dataset browse state, persisted in the catalog. Both are re-validated on
 * read with the contract's schemas: a row written by an older app (or edited by hand) that no
 * longer fits is ignored, never handed to the renderer.
 */
export class SettingsRepo {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  get(): Settings {
    const rows = this.#db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const { key, value } of rows) {
      try {
        stored[key] = JSON.parse(value);
      } catch {
        // An unreadable value is as good as absent: the default stands.
      }
    }
    const settings: Settings = { ...DEFAULT_SETTINGS };
    const theme = settingsPatchSchema.shape.theme.safeParse(stored.theme);
    if (theme.success && theme.data !== undefined) settings.theme = theme.data;
    const limit = settingsPatchSchema.shape.cacheLimitBytes.safeParse(stored.cacheLimitBytes);
    if (limit.success && limit.data !== undefined) settings.cacheLimitBytes = limit.data;
    const keymap = settingsPatchSchema.shape.keymap.safeParse(stored.keymap);
    if (keymap.success && keymap.data !== undefined) settings.keymap = keymap.data;
    return settings;
  }

  update(patch: SettingsPatch): Settings {
    const put = this.#db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) put.run(key, JSON.stringify(value));
    return this.get();
  }

  browseState(datasetId: string): BrowseState | null {
    const row = this.#db.prepare('SELECT json FROM browse_state WHERE dataset_id = ?').get(datasetId) as
      { json: string } | undefined;
    if (!row) return null;
    try {
      const parsed = browseStateSchema.safeParse(JSON.parse(row.json));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  saveBrowseState(datasetId: string, state: BrowseState): void {
    this.#db
      .prepare(
        'INSERT INTO browse_state (dataset_id, json) VALUES (?, ?) ON CONFLICT (dataset_id) DO UPDATE SET json = excluded.json',
      )
      .run(datasetId, JSON.stringify(state));
  }
}
