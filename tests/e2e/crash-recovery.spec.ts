import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Dataset, ImageMeta } from '../../shared/api';
import { STREET, developerGet, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { openEditor } from './pages/openEditor';

/**
 * Issue 12 item 4: a renderer crash reloads the window with a message and loses no edits — not
 * even the ones made in the 1.5 s before autosave would have sent them. The editor stashes every
 * step in main; main turns the stash into a save when the renderer dies.
 */
describe('a renderer crash right after an edit', () => {
  let server: TestServer;
  let app: LaunchedApp;
  let image: ImageMeta;
  let images: ImageMeta[];

  const serverGet = <T>(path: string) => developerGet<T>(server, path);
  const stored = async (id = image.id) =>
    (await serverGet<{ annotations: Annotation[] }>(`/annotations/${id}`)).annotations;

  beforeAll(async () => {
    server = await startTestServer();
    const street = (await serverGet<Dataset[]>('/datasets/')).find((d) => d.name === STREET)!;
    images = await serverGet<ImageMeta[]>(`/images/?dataset_id=${street.id}&limit=1000`);
    image = images.find((i) => i.filename.startsWith('scene_002'))!;
    app = await launchApp({
      serverUrl: server.url,
      apiKey: server.keys.member,
      viewport: { width: 1280, height: 800 },
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it(
    'keeps a box drawn just before the crash: saved to the server, shown after the reload',
    { timeout: 120_000 },
    async () => {
      const before = await stored();
      const editor = await openEditor(app, STREET, image.id);
      await editor.tool('bbox').click();
      await editor.drag({ x: 40, y: 26 }, { x: 60, y: 44 });
      expect(await editor.annotationCount()).toBe(before.length + 1);
      // Well inside the autosave delay: nothing has been saved yet.
      expect(await editor.saveState.getAttribute('data-state')).toBe('dirty');
      expect(await stored()).toHaveLength(before.length);

      await app.crashAndReload();
      expect(app.crashes).toHaveLength(1);
      expect(app.crashes[0]).toMatch(/crashed and was reloaded/);
      expect(app.crashes[0]).toMatch(/Edits on one image that had not been saved yet were recovered\./);

      // The server gets the box (the outbox sends the recovered save)…
      await expect.poll(async () => (await stored()).length, { timeout: 30_000 }).toBe(before.length + 1);
      const box = (await stored()).find((a) => !before.some((b) => b.id === a.id))!;
      expect(box.type).toBe('bbox');
      expect(box.bounding_box!.x).toBeCloseTo(40, 0);
      expect(box.bounding_box!.w).toBeCloseTo(20, 0);
      // …and the reloaded window shows it, with nothing left unsaved.
      const reopened = await openEditor(app, STREET, image.id);
      expect(await reopened.annotationCount()).toBe(before.length + 1);
      expect(await reopened.saveState.getAttribute('data-state')).not.toBe('dirty');
      expect(app.logs.filter((line) => line.startsWith('error') && !line.includes('Renderer'))).toEqual([]);
    },
  );

  it(
    'hands recovered edits the checks refuse back to the editor, unsaved, with the reason',
    { timeout: 120_000 },
    async () => {
      const other = images.find((i) => i.filename.startsWith('scene_003'))!;
      const before = await stored(other.id);
      const got = await app.api.annotations.get({ imageId: other.id });
      if (!got.ok) throw new Error(got.error.message);
      // What a renderer could have stashed mid-edit: a class the dataset does not have.
      const broken = [{ ...got.value.annotations[0]!, name: 'not-a-class' }, ...got.value.annotations.slice(1)];
      const stash = await app.api.drafts.stash({
        imageId: other.id,
        state: 'dirty',
        seq: 1,
        baseEtag: got.value.etag,
        full: broken,
      });
      expect(stash).toMatchObject({ ok: true, value: { kept: true } });

      await app.crashAndReload();
      expect(app.crashes.at(-1)).toMatch(/Edits on one image that had not been saved yet were recovered\./);
      const editor = await openEditor(app, STREET, other.id);
      expect(await editor.annotationCount()).toBe(broken.length);
      // The editor has them as unsaved work: its save is refused with the reason, nothing reaches the server.
      await expect
        .poll(() => editor.saveState.getAttribute('data-state'), { timeout: 15_000 })
        .toMatch(/^(invalid|failed)$/);
      expect(await editor.saveState.innerText()).toMatch(/not-a-class|class/i);
      expect(await stored(other.id)).toEqual(before);
    },
  );
});
