import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AERIAL, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';
import { ViewerPage } from './pages/ViewerPage';

/**
 * The viewer steps through the browser's order (`catalog:position`). When that order cannot be
 * read — here the dataset was never indexed and indexing it failed because the server went away —
 * next and previous are disabled and the header says why.
 */
describe('viewer without the dataset order', () => {
  let server: TestServer;
  let app: LaunchedApp;
  let serverClosed = false;

  beforeAll(async () => {
    server = await startTestServer();
    app = await launchApp({ serverUrl: server.url, apiKey: server.keys.member });
    await new ShellPage(app.page).waitUntilShown();
    await new DatasetsPage(app.page).waitForCards();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    if (!serverClosed) await server?.close();
  });

  it('disables next and previous and shows the reason when the position cannot be read', async () => {
    const value = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const aerial = value(await app.api.datasets.list()).find((d) => d.name === AERIAL)!;
    const image = value(await app.api.images.page({ datasetId: aerial.id, limit: 3, offset: 0 })).items[1]!;
    // Seen one by one (as a link would), so the viewer can show it offline; the dataset never indexed.
    value(await app.api.images.metadata({ imageId: image.id }));
    value(await app.api.annotations.get({ imageId: image.id }));
    const { url } = value(await app.api.media.url({ imageId: image.id, variant: 'full' }));
    expect(await app.page.evaluate(async (u) => (await fetch(u)).status, url)).toBe(200);
    await server.close();
    serverClosed = true;
    value(await app.api.catalog.refresh({ datasetId: aerial.id }));
    await expect
      .poll(async () => value(await app.api.catalog.status({ datasetId: aerial.id })).state, { timeout: 30_000 })
      .toBe('error');

    expect(app.core.shell.openDeepLink(`pictograph-review://open?dataset=${aerial.id}&image=${image.id}`)).toBe(true);
    const viewer = new ViewerPage(app.page);
    await viewer.root.waitFor();
    await expect.poll(() => viewer.imageId()).toBe(image.id);
    await expect.poll(() => viewer.filename.innerText(), { timeout: 30_000 }).toContain(image.filename);

    await expect.poll(() => viewer.position.innerText()).toBe('No order');
    expect(await viewer.position.getAttribute('title')).toMatch(
      /^Next and previous are unavailable: the dataset's order could not be read \(This dataset's order is not known on this computer: indexing it failed \(Could not reach 127\.0\.0\.1:\d+/,
    );
    expect(await viewer.next.isDisabled()).toBe(true);
    expect(await viewer.previous.isDisabled()).toBe(true);
    // The keys do nothing either: still the same image.
    await viewer.root.focus();
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('ArrowLeft');
    expect(await viewer.imageId()).toBe(image.id);
  });
});
