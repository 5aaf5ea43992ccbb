import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOUD_BASE_URL } from '../../../../../shared/api';
import { CLOUD_PROFILE_ID, DEMO_PROFILE_ID, ProfileStore } from '../../../../../electron/services/session/profileStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profiles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ProfileStore', () => {
  it('starts with the demo workspace and Pictograph cloud', async () => {
    const store = await ProfileStore.open(dir);
    expect(store.list().map((p) => [p.id, p.kind, p.baseUrl])).toEqual([
      [DEMO_PROFILE_ID, 'demo', ''],
      [CLOUD_PROFILE_ID, 'cloud', CLOUD_BASE_URL],
    ]);
    expect(store.lastProfileId).toBeNull();
    expect(store.loadProblem).toBeNull();
  });

  it('persists a custom profile and the last used one across reopen', async () => {
    const store = await ProfileStore.open(dir);
    const custom = store.newCustomProfile('Lab server', 'http://10.0.0.5:8787');
    await store.saveUsed(custom);
    const reopened = await ProfileStore.open(dir);
    expect(reopened.get(custom.id)).toMatchObject({
      name: 'Lab server',
      kind: 'custom',
      baseUrl: 'http://10.0.0.5:8787',
    });
    expect(reopened.get(custom.id)?.lastUsedAt).toEqual(expect.any(String));
    expect(reopened.lastProfileId).toBe(custom.id);
    expect(reopened.findByBaseUrl('http://10.0.0.5:8787')?.id).toBe(custom.id);
    expect(reopened.list()).toHaveLength(3);
  });

  it('replaces a profile in place instead of duplicating it', async () => {
    const store = await ProfileStore.open(dir);
    const custom = store.newCustomProfile('A', 'http://a.test');
    await store.saveUsed(custom);
    await store.saveUsed({ ...custom, name: 'A renamed' });
    const reopened = await ProfileStore.open(dir);
    expect(reopened.list().filter((p) => p.id === custom.id)).toEqual([expect.objectContaining({ name: 'A renamed' })]);
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['wrong shape', '{"version":1,"profiles":"nope","lastProfileId":null}'],
    ['unknown version', '{"version":99,"profiles":[],"lastProfileId":null}'],
    [
      'a key smuggled in',
      '{"version":1,"lastProfileId":null,"profiles":[{"id":"x","name":"x","kind":"custom","baseUrl":"http://x","lastUsedAt":null,"apiKey":"pk"}]}',
    ],
  ])('sets a corrupt file (%s) aside as .corrupt and starts with defaults', async (_label, content) => {
    const path = join(dir, 'profiles.json');
    await writeFile(path, content);
    const store = await ProfileStore.open(dir);
    expect(store.loadProblem).toEqual(expect.any(String));
    expect(store.list().map((p) => p.id)).toEqual([DEMO_PROFILE_ID, CLOUD_PROFILE_ID]);
    expect(await readFile(`${path}.corrupt`, 'utf8')).toBe(content);
    // The next save writes a good file again; the corrupt copy stays for inspection.
    await store.saveUsed(store.newCustomProfile('B', 'http://b.test'));
    expect((await ProfileStore.open(dir)).loadProblem).toBeNull();
    expect(await readFile(`${path}.corrupt`, 'utf8')).toBe(content);
  });

  it('keeps the built-in profiles even when the file lacks them', async () => {
    await writeFile(
      join(dir, 'profiles.json'),
      JSON.stringify({
        version: 1,
        lastProfileId: null,
        profiles: [{ id: 'c1', name: 'C', kind: 'custom', baseUrl: 'http://c', lastUsedAt: null }],
      }),
    );
    const store = await ProfileStore.open(dir);
    expect(
      store
        .list()
        .map((p) => p.id)
        .sort(),
    ).toEqual(['c1', CLOUD_PROFILE_ID, DEMO_PROFILE_ID].sort());
  });

  it('serialises concurrent saves so the file always parses and holds the last state', async () => {
    const store = await ProfileStore.open(dir);
    const profiles = Array.from({ length: 20 }, (_, i) => store.newCustomProfile(`P${i}`, `http://p${i}.test`));
    await Promise.all(profiles.map((p) => store.saveUsed(p)));
    const reopened = await ProfileStore.open(dir);
    expect(reopened.loadProblem).toBeNull();
    expect(reopened.list()).toHaveLength(22);
  });
});
