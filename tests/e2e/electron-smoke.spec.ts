import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElectronApplication, Page } from 'playwright-core';
import { _electron } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectPage } from './pages/ConnectPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';
import { ViewerPage } from './pages/ViewerPage';

/**
 * The real desktop app, end to end: the built main bundle (package.json `main`) in a real Electron,
 * the app:// protocol, the preload, the keychain. No Electron binary can be downloaded on the
 * project's machines, so this runs wherever one is installed (`npx install-electron`, or any
 * machine where `npm ci` fetched it) and is skipped with the reason printed everywhere else.
 * Run: `npm run build && npx vitest run --project e2e tests/e2e/electron-smoke.spec.ts`.
 * `ELECTRON_BINARY=/path/to/electron` points at another binary (a packaged app's, for instance).
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The Electron executable, found the way node_modules/electron does it, without importing it (that would download). */
function findElectron(): { path: string | null; reason: string } {
  if (process.env.ELECTRON_BINARY) {
    return existsSync(process.env.ELECTRON_BINARY)
      ? { path: process.env.ELECTRON_BINARY, reason: '' }
      : { path: null, reason: `ELECTRON_BINARY=${process.env.ELECTRON_BINARY} does not exist` };
  }
  const pathFile = join(repo, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) {
    return { path: null, reason: 'the Electron binary is not installed (node_modules/electron/path.txt is missing)' };
  }
  const binary = join(repo, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary, reason: '' } : { path: null, reason: `${binary} is missing` };
}

const electron = findElectron();
const built = existsSync(join(repo, 'dist-electron', 'main', 'index.mjs'));
const skipReason = !electron.path ? electron.reason : !built ? 'the app is not built (run `npm run build`)' : '';
if (skipReason) console.log(`electron-smoke: skipped — ${skipReason}.`);

describe.skipIf(skipReason !== '')('the desktop app in a real Electron', () => {
  let app: ElectronApplication | null = null;
  let userDataDir = '';
  afterAll(async () => {
    await app?.close().catch(() => {});
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('opens the demo workspace, opens an image, draws a box, saves, and quits', { timeout: 600_000 }, async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'pictograph-electron-'));
    app = await _electron.launch({
      executablePath: electron.path!,
      // `electron .` like `npm start`: main from package.json, a throwaway profile.
      args: [repo, `--user-data-dir=${userDataDir}`],
      cwd: repo,
      timeout: 60_000,
    });
    const page: Page = await app.firstWindow();
    expect(page.url()).toBe('app://pictograph/index.html');

    // The window is locked down: no Node in the page, only the bridge.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { api?: unknown }).api)).toBe('object');

    const connect = new ConnectPage(page);
    await connect.waitUntilShown(60_000);
    await connect.demo.click();
    await new ShellPage(page).waitUntilShown(560_000);
    const datasets = new DatasetsPage(page);
    await datasets.waitForCards(120_000);
    await datasets.open('Street scenes');
    await datasets.images.first().click();
    const viewer = new ViewerPage(page);
    await viewer.root.waitFor();
    await viewer.waitForCrisp();
    const before = Number(await viewer.annotationCount.innerText());

    // The editor (issue 9): bbox tool, drag on the canvas, save, wait for the saved state.
    await page.getByTestId('editor.tool.bbox').click();
    const box = (await viewer.canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.6, { steps: 8 });
    await page.mouse.up();
    await page.getByTestId('editor.save').click();
    await expect
      .poll(async () => (await page.getByTestId('editor.saveState').innerText()).toLowerCase(), { timeout: 30_000 })
      .toContain('saved');
    expect(Number(await viewer.annotationCount.innerText())).toBe(before + 1);

    // Quits cleanly: main disposes its services and the process exits.
    const exited = new Promise<void>((resolve) => app!.process().once('exit', () => resolve()));
    await app.close();
    await exited;
    app = null;
  });
});
