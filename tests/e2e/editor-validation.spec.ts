import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Dataset, ImageMeta } from '../../shared/api';
import { STREET, developerGet, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import type { EditorPage } from './pages/EditorPage';
import { openEditor } from './pages/openEditor';
import { RewriteProxy } from './pages/rewriteProxy';

const SAVE = /\/annotations\/[^/]+$/;

/**
 * Validation before saving and the server's 422 (issue 9 item 6), through a proxy that stands in
 * for a server answering 422 with `errors[]`, or serving a list pictograph-local would never store.
 */
describe('editor: validation before saving and the server 422', () => {
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
    stored = (await serverGet<{ annotations: Annotation[] }>(`/annotations/${image.id}`)).annotations;
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

  async function open(): Promise<EditorPage> {
    app = await launchApp({ serverUrl: proxy.url, apiKey: server.keys.member, viewport: { width: 1280, height: 800 } });
    return openEditor(app, STREET, image.id);
  }

  /** An edit away from the offender: the last stored annotation is duplicated (appended at the end). */
  async function editElsewhere(editor: EditorPage): Promise<void> {
    const page = editor.page;
    const count = await editor.annotationCount();
    await page.locator(`[data-testid="editor.list.row"][data-annotation-id="${stored.at(-1)!.id}"]`).click();
    await page.getByTestId('viewer.canvas').focus();
    await page.keyboard.press('Control+d');
    await expect.poll(() => editor.annotationCount()).toBe(count + 1);
  }

  async function waitForState(editor: EditorPage, state: string): Promise<void> {
    await expect.poll(() => editor.saveState.getAttribute('data-state'), { timeout: 30_000, interval: 50 }).toBe(state);
  }

  it("attaches the server's 422 entries to their annotation: selected, outlined, its problem shown", async () => {
    expect(stored.length).toBeGreaterThan(1);
    const offender = stored[0]!;
    proxy.answer = (request) =>
      request.method === 'POST' && SAVE.test(request.path)
        ? {
            status: 422,
            body: {
              error: 'validation_error',
              message: 'Validation failed: 1 problem',
              details: {
                errors: [{ index: 0, field: 'bounding_box.w', message: 'is narrower than this server allows' }],
              },
            },
          }
        : undefined;
    const editor = await open();
    await editElsewhere(editor);
    expect(await editor.selection()).not.toEqual([offender.id]);
    await editor.page.keyboard.press('Control+s');
    await waitForState(editor, 'invalid');
    expect(proxy.sent('POST', SAVE).length).toBeGreaterThan(0);
    expect(await editor.selection()).toEqual([offender.id]);
    expect(await editor.canvas.getAttribute('data-problems')).toBe(offender.id);
    expect(await editor.saveState.innerText()).toBe('Not saved: bounding_box.w is narrower than this server allows');
  });

  it('refuses a list with a class not in the dataset before sending: offender selected and outlined, nothing sent', async () => {
    const tram = { id: 'tram-1', name: 'tram', type: 'bbox', bounding_box: { x: 5, y: 5, w: 12, h: 9 } };
    proxy.rewrite = (request, json) =>
      request.method === 'GET' && SAVE.test(request.path.split('?')[0]!)
        ? { ...(json as object), annotations: [...(json as { annotations: unknown[] }).annotations, tram] }
        : undefined;
    const editor = await open();
    expect(await editor.annotationCount()).toBe(stored.length + 1);
    await editElsewhere(editor);
    await editor.page.keyboard.press('Control+s');
    await waitForState(editor, 'invalid');
    expect(await editor.selection()).toEqual(['tram-1']);
    expect(await editor.canvas.getAttribute('data-problems')).toBe('tram-1');
    expect(await editor.saveState.innerText()).toMatch(/^Not saved: name "tram" is not a class of this dataset/);
    expect(proxy.sent('POST', SAVE)).toEqual([]);
  });
});
