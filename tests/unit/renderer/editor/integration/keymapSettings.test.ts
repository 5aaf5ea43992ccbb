import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../electron/services/catalog/settingsRepo';
import { openTempCatalog } from '../../../electron/services/catalog/support';

let temp: Awaited<ReturnType<typeof openTempCatalog>>;
beforeEach(async () => {
  temp = await openTempCatalog();
});
afterEach(async () => temp.cleanup());

/** The remapped keys live in the catalog's settings (a real SQLite file), re-validated on read. */
describe('keymap in settings', () => {
  it('persists across a reopen; absent until set', async () => {
    expect(temp.catalog.settings.get()).toEqual(DEFAULT_SETTINGS);
    const keymap = { 'editor.tool.bbox': ['r'], 'editor.undo': ['Mod+z', 'Alt+Backspace'] };
    expect(temp.catalog.settings.update({ keymap }).keymap).toEqual(keymap);
    const reopened = await temp.reopen();
    expect(reopened.settings.get()).toEqual({ ...DEFAULT_SETTINGS, keymap });
  });

  it('ignores a stored keymap that no longer fits (a conflict written by hand)', () => {
    const repo = temp.catalog.settings as unknown as { update(patch: unknown): unknown };
    repo.update({ keymap: { 'editor.tool.bbox': ['r'], 'editor.tool.polygon': ['r'] } });
    expect(temp.catalog.settings.get().keymap).toBeUndefined();
  });
});
