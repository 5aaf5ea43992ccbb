import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Dataset, ImageMeta } from '../../shared/api';
import { STREET, developerGet, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import type { EditorPage } from './pages/EditorPage';
import { openEditor } from './pages/openEditor';

/**
 * The editor (issue 9) against a real pictograph-local: draw, edit, change class, undo/redo,
 * save and read back from the server exactly (every field the editor does not understand kept
 * byte-identical), approve and go on, a colleague's save in between, a viewer key.
 */
describe('annotation editor', () => {
  let server: TestServer;
  let app: LaunchedApp | undefined;
  let street: Dataset;
  let images: ImageMeta[];

  const serverGet = <T>(path: string, key?: string) => developerGet<T>(server, path, key);
  const stored = async (imageId: string) =>
    (await serverGet<{ annotations: Annotation[] }>(`/annotations/${imageId}`)).annotations;
  const imageNamed = (name: string) => images.find((image) => image.filename.startsWith(name))!;

  beforeAll(async () => {
    server = await startTestServer();
    street = (await serverGet<Dataset[]>('/datasets/')).find((d) => d.name === STREET)!;
    images = await serverGet<ImageMeta[]>(`/images/?dataset_id=${street.id}&limit=1000`);
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function openImage(imageId: string, apiKey = server.keys.member): Promise<EditorPage> {
    app = await launchApp({ serverUrl: server.url, apiKey, viewport: { width: 1280, height: 800 } });
    return openEditor(app, STREET, imageId);
  }

  it('draws a box and a polygon with a hole, edits a vertex, changes a class with a number key, undoes and redoes, saves exactly', async () => {
    const image = imageNamed('scene_001');
    const before = await stored(image.id);
    const editor = await openImage(image.id);
    const page = app!.page;
    expect(await editor.annotationCount()).toBe(before.length);

    // A box by dragging with the bbox tool.
    await editor.tool('bbox').click();
    expect(await editor.tool('bbox').getAttribute('aria-pressed')).toBe('true');
    await editor.drag({ x: 40, y: 26 }, { x: 60, y: 44 });
    expect(await editor.annotationCount()).toBe(before.length + 1);
    // Undo takes the box away, redo brings it back (and Ctrl+Y redoes too).
    await page.keyboard.press('Control+z');
    expect(await editor.annotationCount()).toBe(before.length);
    // The bulk layer follows an undo at once (not one change late).
    await editor.waitForDrawnCount(before.length);
    await page.keyboard.press('Control+Shift+z');
    expect(await editor.annotationCount()).toBe(before.length + 1);
    await editor.waitForDrawnCount(before.length + 1);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    expect(await editor.annotationCount()).toBe(before.length + 1);

    // A polygon from the keyboard's P, three clicks and Enter; then a hole in it with H.
    await page.keyboard.press('p');
    await editor.click(34, 2);
    await editor.click(62, 2);
    await editor.click(62, 22);
    await editor.click(34, 22);
    await page.keyboard.press('Enter');
    expect(await editor.annotationCount()).toBe(before.length + 2);
    const polygonId = (await editor.selection())[0]!;
    expect(polygonId).toBeTruthy();
    await page.keyboard.press('h');
    await editor.click(44, 8);
    await editor.click(52, 8);
    await editor.click(48, 16);
    await page.keyboard.press('Enter');

    // Vertex editing with the select tool: drag the polygon's corner (62, 22) to (63, 24).
    await page.keyboard.press('v');
    await editor.click(36, 20);
    expect(await editor.selection()).toEqual([polygonId]);
    await editor.drag({ x: 62, y: 22 }, { x: 63, y: 24 });

    // Select the box and press 5: the dataset's fifth class ('person' takes any type; 2 = 'road' is polygons only).
    await editor.click(50, 40);
    const boxId = (await editor.selection())[0]!;
    expect(boxId).not.toBe(polygonId);
    await page.keyboard.press('5');
    const fifth = street.classes[4]!.name;

    // Undo puts the class back, redo applies it again.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+s');
    expect(await editor.waitForSaved()).toMatch(/^Saved/);

    const after = await stored(image.id);
    expect(after).toHaveLength(before.length + 2);
    // Everything that was there is byte-identical (unknown fields, odd attributes, order).
    expect(JSON.stringify(after.slice(0, before.length))).toBe(JSON.stringify(before));
    const box = after.find((a) => a.id === boxId)!;
    expect(box).toMatchObject({ type: 'bbox', name: fifth });
    expect(box.bounding_box!.x).toBeCloseTo(40, 0);
    expect(box.bounding_box!.w).toBeCloseTo(20, 0);
    const polygon = after.find((a) => a.id === polygonId)!;
    expect(polygon.type).toBe('polygon');
    expect(polygon.polygon!.paths).toHaveLength(2);
    const outer = polygon.polygon!.paths[0]!;
    expect(outer.some((p) => Math.abs(p.x - 63) < 0.6 && Math.abs(p.y - 24) < 0.6)).toBe(true);
    expect(polygon.polygon!.paths[1]).toHaveLength(3);
  });

  it('lists annotations by class, selects from the list, edits an attribute, duplicates from the context menu', async () => {
    const image = imageNamed('scene_005');
    const before = await stored(image.id);
    const editor = await openImage(image.id);
    const page = app!.page;
    const rows = page.getByTestId('editor.list.row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(before.length);
    const zoom = async () => Number.parseInt(await page.getByTestId('viewer.zoom').innerText(), 10);
    const fitted = await zoom();
    await page.locator('[data-testid="editor.list.row"][data-annotation-id="car-5"]').click();
    expect(await editor.selection()).toEqual(['car-5']);
    // …and zoomed to: the 10×8 car would want far more than the cap, so it stops at 800 %.
    await expect.poll(zoom).toBe(800);
    expect(fitted).toBeLessThan(800);
    // A string attribute is editable; the road's odd `attributes: []` is shown read-only and kept.
    const occluded = page.getByTestId('editor.attribute.occluded');
    expect(await occluded.inputValue()).toBe('false');
    await occluded.fill('true');
    await occluded.press('Enter');
    // The class picker refuses a class made for another type, and says why.
    await page.getByTestId('editor.classPicker').selectOption('road');
    expect(await page.getByTestId('editor.notice').innerText()).toMatch(/polygon/);
    expect(await page.getByTestId('editor.classPicker').inputValue()).toBe('car');
    await page.getByTestId('viewer.canvas').focus();
    await page.keyboard.press('Shift+F10');
    await editor.contextMenu.waitFor();
    await page.getByTestId('editor.contextMenu.editor.duplicate').click();
    expect(await editor.annotationCount()).toBe(before.length + 1);
    await page.keyboard.press('Control+s');
    await editor.waitForSaved();
    const after = await stored(image.id);
    expect(after.find((a) => a.id === 'car-5')).toEqual({
      ...before.find((a) => a.id === 'car-5'),
      attributes: { occluded: 'true' },
    });
    const copy = after[after.length - 1]!;
    expect(copy.id).not.toBe('car-5');
    expect(copy).toMatchObject({ name: 'car', type: 'bbox', attributes: { occluded: 'true' } });
    expect(JSON.stringify(after.find((a) => a.id === 'road-5'))).toBe(
      JSON.stringify(before.find((a) => a.id === 'road-5')),
    );
  });

  it('approves an image and goes to the next unreviewed one with the keyboard', async () => {
    const image = images.find((i) => i.status !== 'complete' && i.filename.startsWith('scene_'))!;
    const editor = await openImage(image.id);
    const page = app!.page;
    await page.getByTestId('review.approve').click();
    await expect.poll(() => editor.status.innerText(), { timeout: 15_000 }).toBe('Complete');
    const meta = await serverGet<ImageMeta>(`/images/${image.id}/metadata`);
    expect(meta.status).toBe('complete');
    await page.getByTestId('viewer.canvas').focus();
    await page.keyboard.press('u');
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="viewer"]')?.getAttribute('data-image-id') !== id,
      image.id,
      { timeout: 15_000 },
    );
    const nextId = await page.getByTestId('viewer').getAttribute('data-image-id');
    const next = await serverGet<ImageMeta>(`/images/${nextId}/metadata`);
    expect(next.status).not.toBe('complete');
  });

  it('shows the choice when a colleague saved the same annotation in between', async () => {
    const image = imageNamed('scene_003');
    const editor = await openImage(image.id);
    const page = app!.page;
    // The colleague (another key) moves car-3 on the server after the editor loaded it.
    const current = await fetch(`${server.url}/api/v1/developer/annotations/${image.id}`, {
      headers: { 'X-API-Key': server.keys.admin },
    });
    const etag = current.headers.get('etag')!;
    const theirs = ((await current.json()) as { annotations: Annotation[] }).annotations.map((a) =>
      a.id === 'car-3' ? { ...a, bounding_box: { ...a.bounding_box!, y: 20 } } : a,
    );
    const put = await fetch(`${server.url}/api/v1/developer/annotations/${image.id}`, {
      method: 'POST',
      headers: { 'X-API-Key': server.keys.admin, 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify({ annotations: theirs }),
    });
    expect(put.status).toBe(200);

    // Mine: the same car moved elsewhere, then saved.
    // (7, 10) is inside car-3 and outside the road triangle drawn over it.
    await editor.click(7, 10);
    expect(await editor.selection()).toEqual(['car-3']);
    await editor.drag({ x: 7, y: 10 }, { x: 11, y: 34 });
    await page.keyboard.press('Control+s');
    await editor.conflict.waitFor({ timeout: 30_000 });
    expect(await editor.saveState.getAttribute('data-state')).toBe('conflict');
    await page.getByTestId('editor.conflict.theirs').click();
    await expect.poll(async () => editor.saveState.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    const stillTheirs = (await stored(image.id)).find((a) => a.id === 'car-3')!;
    expect(stillTheirs.bounding_box!.y).toBe(20);
  });

  it('gives a viewer key the read-only mode: tools disabled with the reason, nothing saved', async () => {
    const image = imageNamed('scene_005');
    const before = await stored(image.id);
    const editor = await openImage(image.id, server.keys.viewer);
    await editor.readOnly.waitFor();
    expect(await editor.readOnly.innerText()).toMatch(/viewer role/);
    expect(await editor.tool('bbox').isDisabled()).toBe(true);
    expect(await editor.save.isDisabled()).toBe(true);
    await editor.drag({ x: 100, y: 100 }, { x: 200, y: 200 });
    expect(await editor.annotationCount()).toBe(before.length);
    expect(await editor.saveState.getAttribute('data-state')).toBe('readonly');
    expect(JSON.stringify(await stored(image.id))).toBe(JSON.stringify(before));
  });
});
