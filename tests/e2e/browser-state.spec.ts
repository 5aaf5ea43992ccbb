import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY, STREET, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { BrowserPage } from './pages/BrowserPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';

describe('dataset browser state', () => {
  let server: TestServer;
  let app: LaunchedApp | undefined;
  let userDataDir: string;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  async function open(name: string, dir?: string): Promise<BrowserPage> {
    app = await launchApp({ serverUrl: server.url, apiKey: server.keys.member, ...(dir ? { userDataDir: dir } : {}) });
    await new ShellPage(app.page).waitUntilShown();
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open(name);
    return new BrowserPage(app.page);
  }

  it('remembers the filters, sort and view per dataset across a restart', async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'pictograph-browse-state-'));
    let browser = await open(STREET, userDataDir);
    await browser.waitForItems();
    await browser.sort.selectOption('confidence');
    await browser.statusChip('in_progress').click();
    await browser.listButton.click();
    await browser.list.waitFor();
    const shown = await browser.visibleNames();
    // Saving waits for a pause in the changes; then main has it.
    await expect
      .poll(async () => {
        const datasets = await app!.api.datasets.list();
        const street = datasets.ok ? datasets.value.find((d) => d.name === STREET) : undefined;
        const saved = street ? await app!.api.browse.getState({ datasetId: street.id }) : null;
        return saved?.ok ? saved.value : null;
      })
      .toMatchObject({ view: 'list', query: { sort: 'confidence', statuses: ['in_progress'] } });
    await app!.close();

    browser = await open(STREET, userDataDir);
    await browser.list.waitFor();
    expect(await browser.sort.inputValue()).toBe('confidence');
    expect(await browser.statusChip('in_progress').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => browser.visibleNames()).toEqual(shown);
  });

  it('says when a dataset has no images yet', async () => {
    const browser = await open(EMPTY);
    await browser.empty.waitFor();
    expect(await browser.empty.innerText()).toContain('This dataset has no images yet.');
    expect(await browser.items.count()).toBe(0);
  });
});
