import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, ImageMeta } from '../../shared/api';
import { STREET, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import type { EditorPage } from './pages/EditorPage';
import { openEditor } from './pages/openEditor';
import { ShellPage } from './pages/ShellPage';

/**
 * "The keymap remappable in settings, persisted, with conflicts refused" (issue 9 item 4), from the
 * app's Settings dialog with no image open: the editor's actions are listed there too.
 */
describe('keymap from Settings', () => {
  let server: TestServer;
  let app: LaunchedApp | undefined;
  let userDataDir: string;
  let image: ImageMeta;

  beforeAll(async () => {
    server = await startTestServer();
    const get = async <T>(path: string): Promise<T> =>
      (await (
        await fetch(`${server.url}/api/v1/developer${path}`, { headers: { 'X-API-Key': server.keys.owner } })
      ).json()) as T;
    const street = (await get<Dataset[]>('/datasets/')).find((d) => d.name === STREET)!;
    image = (await get<ImageMeta[]>(`/images/?dataset_id=${street.id}&limit=1000`)).find((i) =>
      i.filename.startsWith('scene_001'),
    )!;
    userDataDir = await mkdtemp(join(tmpdir(), 'pictograph-keymap-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(async () => {
    await server?.close();
    await rm(userDataDir, { recursive: true, force: true });
  });

  const launch = async () => {
    // The same profile folder and keychain entry each time: the second launch is a restart.
    app = await launchApp({
      serverUrl: server.url,
      apiKey: server.keys.member,
      userDataDir,
      keychainService: 'pictograph-keymap-spec',
      viewport: { width: 1280, height: 800 },
    });
    await new ShellPage(app.page).waitUntilShown();
    return app;
  };
  const pressed = (editor: EditorPage, tool: string) => editor.tool(tool).getAttribute('aria-pressed');

  it('remaps an editor action from Settings; the new key works, the old does not, a conflict is refused; it survives a restart', async () => {
    const { page } = await launch();
    await page.getByTestId('shell.settings').click();
    await page.getByTestId('settings.keymap').click();
    const bboxRow = page.getByTestId('keymap.row.editor.tool.bbox');
    await bboxRow.waitFor();
    expect((await bboxRow.locator('td').nth(1).innerText()).toLowerCase()).toBe('b');

    // Remap the box tool from B to N.
    await page.getByTestId('keymap.change.editor.tool.bbox').click();
    await page.getByTestId('keymap.record.editor.tool.bbox').press('n');
    await expect.poll(async () => (await bboxRow.locator('td').nth(1).innerText()).toLowerCase()).toBe('n');

    // A key another action answers to (V: the select tool) is refused, with a message, and nothing changes.
    await page.getByTestId('keymap.change.editor.tool.polygon').click();
    await page.getByTestId('keymap.record.editor.tool.polygon').press('v');
    expect(await page.getByTestId('keymap.message').innerText()).toMatch(/v is already used by “Select tool”/i);
    const polygonRow = page.getByTestId('keymap.row.editor.tool.polygon');
    expect((await polygonRow.locator('td').nth(1).innerText()).toLowerCase()).toBe('p');

    await page.getByTestId('keymap.close').click();
    await page.getByTestId('settings.dialog.close').click();
    let editor = await openEditor(app!, STREET, image.id);
    await page.getByTestId('viewer.canvas').focus();
    await page.keyboard.press('b');
    expect(await pressed(editor, 'select')).toBe('true');
    expect(await pressed(editor, 'bbox')).toBe('false');
    await page.keyboard.press('n');
    await expect.poll(() => pressed(editor, 'bbox')).toBe('true');

    // After a restart the mapping is still there.
    await app!.close();
    app = undefined;
    const again = await launch();
    editor = await openEditor(again, STREET, image.id);
    await again.page.getByTestId('viewer.canvas').focus();
    await again.page.keyboard.press('b');
    expect(await pressed(editor, 'bbox')).toBe('false');
    await again.page.keyboard.press('n');
    await expect.poll(() => pressed(editor, 'bbox')).toBe('true');
    await again.page.getByTestId('shell.settings').click();
    await again.page.getByTestId('settings.keymap').click();
    const row = again.page.getByTestId('keymap.row.editor.tool.bbox');
    await expect.poll(async () => (await row.locator('td').nth(1).innerText()).toLowerCase()).toBe('n');
  });
});
