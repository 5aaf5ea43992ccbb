import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Dataset, ImageMeta } from '../../shared/api';
import { STREET, developerGet, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import type { EditorPage } from './pages/EditorPage';
import { openEditor } from './pages/openEditor';
import { RewriteProxy } from './pages/rewriteProxy';

const ANNOTATIONS = /\/annotations\/[^/]+$/;

/**
 * A save is a full overwrite (issue 9 item 6): what the editor does not understand must leave
 * exactly as it came. The proxy serves the image's list with things pictograph-local would not
 * store as they are, and captures the body the app sends after an edit elsewhere on the image.
 */
describe('editor: round trip of what the editor does not understand', () => {
  let server: TestServer;
  let proxy: RewriteProxy;
  let app: LaunchedApp | undefined;
  let image: ImageMeta;
  let stored: Annotation[];

  const serverGet = <T>(path: string) => developerGet<T>(server, path);

  beforeAll(async () => {
    server = await startTestServer();
    const street = (await serverGet<Dataset[]>('/datasets/')).find((d) => d.name === STREET)!;
    const images = await serverGet<ImageMeta[]>(`/images/?dataset_id=${street.id}&limit=1000`);
    image = images.find((i) => i.filename.startsWith('scene_002'))!;
  });
  beforeEach(async () => {
    proxy = await RewriteProxy.start(server.url);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await proxy.close();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Serves the stored list with `extra` appended, opens the image and duplicates the first stored annotation. */
  async function openAndEditElsewhere(extra: object): Promise<EditorPage> {
    // Read now: an earlier test of this file may have saved this image.
    stored = (await serverGet<{ annotations: Annotation[] }>(`/annotations/${image.id}`)).annotations;
    proxy.rewrite = (request, json) =>
      request.method === 'GET' && ANNOTATIONS.test(request.path.split('?')[0]!)
        ? { ...(json as object), annotations: [...(json as { annotations: unknown[] }).annotations, extra] }
        : undefined;
    app = await launchApp({ serverUrl: proxy.url, apiKey: server.keys.member, viewport: { width: 1280, height: 800 } });
    const editor = await openEditor(app, STREET, image.id);
    const page = editor.page;
    expect(await editor.annotationCount()).toBe(stored.length + 1);
    await page.locator(`[data-testid="editor.list.row"][data-annotation-id="${stored[0]!.id}"]`).click();
    await page.getByTestId('viewer.canvas').focus();
    await page.keyboard.press('Control+d');
    await expect.poll(() => editor.annotationCount()).toBe(stored.length + 2);
    await page.keyboard.press('Control+s');
    return editor;
  }

  it('sends unknown fields and odd attributes back byte-identical after an edit elsewhere', async () => {
    // As a server serves it (§7.3, canonical: known keys first in their order, the box exactly
    // {x,y,w,h}, unknown keys after, in their order) with nesting, unicode, null, empty containers and
    // attribute shapes the panel cannot edit.
    const odd = {
      id: 'odd-1',
      name: 'car',
      type: 'bbox',
      bounding_box: { x: 5, y: 5, w: 12, h: 9 },
      confidence: 0.3333333333333333,
      created_by: null,
      attributes: { list: [1, 'two', { three: 3 }], deep: { a: { b: {} } }, empty: '', flag: true, n: -0.125 },
      zeta: { nested: [1, { a: null }, []], 'ü-ß': 'träm 🚋' },
      _private: [null],
    };
    const editor = await openAndEditElsewhere(odd);
    await editor.waitForSaved();
    const posts = proxy.sent('POST', ANNOTATIONS);
    expect(posts.length).toBeGreaterThan(0);
    const sent = (JSON.parse(posts.at(-1)!.body) as { annotations: unknown[] }).annotations;
    expect(sent).toHaveLength(stored.length + 2);
    const back = sent.find((a) => (a as { id: string }).id === 'odd-1');
    expect(JSON.stringify(back)).toBe(JSON.stringify(odd));
    // The stored annotations the edit did not touch go back exactly as the server sent them too.
    for (const original of stored) {
      const again = sent.find((a) => (a as { id: string }).id === original.id);
      expect(JSON.stringify(again)).toBe(JSON.stringify(original));
    }
  });

  it('keeps an unknown annotation type in the list; the save is refused naming it (the contract allows four types), nothing sent', async () => {
    const future = {
      id: 'future-1',
      name: 'car',
      type: 'ellipse',
      ellipse: { cx: 20, cy: 15, rx: 6, ry: 3, rotation: 0.5 },
      attributes: { odd: [{}] },
      unknown: { kept: true },
    };
    const editor = await openAndEditElsewhere(future);
    await expect
      .poll(() => editor.saveState.getAttribute('data-state'), { timeout: 30_000, interval: 50 })
      .toBe('invalid');
    expect(await editor.selection()).toEqual(['future-1']);
    expect(await editor.canvas.getAttribute('data-problems')).toBe('future-1');
    expect(await editor.saveState.innerText()).toMatch(
      /^Not saved: type must be one of bbox, polygon, polyline, keypoint/,
    );
    expect(proxy.sent('POST', ANNOTATIONS)).toEqual([]);
    // Still in the document, untouched: deleting it is the user's choice, never the editor's.
    expect(await editor.annotationCount()).toBe(stored.length + 2);
  });
});
