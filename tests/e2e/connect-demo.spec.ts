import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { ConnectPage } from './pages/ConnectPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';

/**
 * The demo workspace from a first launch. Slow the first time on a machine (the sample images are
 * drawn once and cached in .cache/demo-seed), so one spec with a generous timeout.
 */
describe('demo workspace', () => {
  let app: LaunchedApp;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens from the connect screen and lists the sample datasets', { timeout: 600_000 }, async () => {
    const connect = new ConnectPage(app.page);
    await connect.waitUntilShown();
    await connect.demo.click();
    expect(await connect.demo.getAttribute('aria-busy')).toBe('true');

    const shell = new ShellPage(app.page);
    await shell.root.or(connect.error).waitFor({ timeout: 560_000 });
    if (await connect.error.isVisible()) throw new Error(`demo failed: ${(await connect.shownError()).message}`);
    expect(await shell.page.getByTestId('shell.workspace').innerText()).toContain('Demo');

    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    expect(await datasets.cards.count()).toBeGreaterThanOrEqual(2);

    const listed = await app.api.datasets.list();
    expect(listed.ok).toBe(true);
    if (listed.ok) expect((await datasets.cardNames()).sort()).toEqual(listed.value.map((d) => d.name).sort());
  });
});
