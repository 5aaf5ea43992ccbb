import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Annotation, Dataset, ImageMeta } from '../../shared/api';
import { generateApiKey } from '../../server/util/apiKeys';
import { STREET, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';
import { SyncPage } from './pages/SyncPage';

/**
 * Issue 10's "done when", through the harness: a dataset taken offline, the server gone, browsing and
 * editing offline, the app restarted, the server back, every edit on the server; a colleague's edit
 * of another annotation merged, of the same annotation offered as a conflict and resolved both ways.
 */
describe('offline and sync, end to end', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    while (cleanup.length > 0) await cleanup.pop()!().catch(() => {});
  });

  it('available offline → server gone → browse and edit → restart → server back → merged, conflicts resolved', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'offline-e2e-server-'));
    const userDataDir = await mkdtemp(join(tmpdir(), 'offline-e2e-app-'));
    cleanup.push(
      () => rm(dataDir, { recursive: true, force: true }),
      () => rm(userDataDir, { recursive: true, force: true }),
    );
    // The owner key survives server restarts (§11); the app keeps it in its keychain across its own restart.
    const ownerKey = generateApiKey();
    const keychainService = `pictograph-review-test-${randomUUID()}`;
    let server: TestServer = await startTestServer({ dataDir, ownerKey });
    const port = Number(new URL(server.url).port);
    cleanup.push(() => server.close());

    const api = `${server.url}/api/v1/developer`;
    const headers = { 'X-API-Key': ownerKey, 'content-type': 'application/json' };
    const get = async <T>(path: string): Promise<{ body: T; etag: string | null }> => {
      const res = await fetch(`${api}${path}`, { headers });
      expect(res.status).toBe(200);
      return { body: (await res.json()) as T, etag: res.headers.get('etag') };
    };
    const colleagueSaves = async (imageId: string, annotations: Annotation[]) => {
      const res = await fetch(`${api}/annotations/${imageId}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ annotations }),
      });
      expect(res.status).toBe(200);
    };
    const serverList = async (imageId: string) =>
      (await get<{ annotations: Annotation[] }>(`/annotations/${imageId}`)).body.annotations;

    const street = (await get<Dataset[]>('/datasets/')).body.find((d) => d.name === STREET)!;
    const images = (await get<ImageMeta[]>(`/images/?dataset_id=${street.id}&limit=100`)).body;
    // Three images with a car and a road: A (merge), B (keep mine), C (take theirs).
    const [a, b, c] = images.filter((i) => i.annotation_count >= 2).map((i) => i.id) as [string, string, string];
    const mark = (list: Annotation[], id: string, tag: string): Annotation[] =>
      list.map((x) => (x.id === id ? { ...x, edit_mark: tag } : x));
    const carOf = (list: Annotation[]) => list.find((x) => x.name === 'car')!.id;
    const roadOf = (list: Annotation[]) => list.find((x) => x.name === 'road')!.id;

    // 1. Mark Street Scenes available offline from its card; wait for the whole download.
    let app: LaunchedApp = await launchApp({ serverUrl: server.url, apiKey: ownerKey, userDataDir, keychainService });
    cleanup.push(() => app.close());
    const datasets = new DatasetsPage(app.page);
    let sync = new SyncPage(app.page);
    await datasets.waitForCards();
    const card = datasets.card(STREET);
    // A controlled switch: it turns on when main answers, so click (check() wants the change at once).
    await card.getByTestId('offline.toggle.switch').click();
    await expect
      .poll(() => card.getByTestId('offline.toggle').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('complete');
    expect(await card.getByTestId('offline.toggle.progress').innerText()).toMatch(/^Available offline · [\d.]+ KB$/);

    // 2. A colleague edits while we still have the version the download took.
    const theirsA = await serverList(a);
    const theirsB = await serverList(b);
    const theirsC = await serverList(c);
    await colleagueSaves(a, mark(theirsA, roadOf(theirsA), 'colleague'));
    await colleagueSaves(b, mark(theirsB, carOf(theirsB), 'colleague'));
    await colleagueSaves(c, mark(theirsC, carOf(theirsC), 'colleague'));

    // 3. The network goes away.
    await server.close();

    // 4. Browse offline: the dataset, every thumbnail, the lists; edit three images.
    await datasets.open(STREET);
    await expect.poll(() => datasets.loadedThumbnailCount(), { timeout: 30_000 }).toBe(images.length);
    await expect.poll(() => new ShellPage(app.page).connectionState.getAttribute('data-state')).toBe('offline');
    for (const [imageId, tag] of [
      [a, 'mine-a'],
      [b, 'mine-b'],
      [c, 'mine-c'],
    ] as const) {
      const doc = await app.api.annotations.get({ imageId });
      if (!doc.ok) expect.fail(doc.error.message);
      const saved = await app.api.annotations.save({
        imageId,
        annotations: mark(doc.value.annotations, carOf(doc.value.annotations), tag),
        ifMatch: doc.value.etag,
      });
      expect(saved).toMatchObject({ ok: true, value: { durable: true, synced: false, state: 'queued' } });
    }
    await expect.poll(() => sync.indicatorText()).toBe('3 edits saved offline');

    // 5. The app restarts, still offline: the edits are still queued.
    await app.close();
    app = await launchApp({ userDataDir, keychainService });
    sync = new SyncPage(app.page);
    const profiles = await app.api.connection.profiles();
    if (!profiles.ok) expect.fail(profiles.error.message);
    const profile = profiles.value.find((p) => p.baseUrl === server.url)!;
    expect((await app.api.connection.resume({ profileId: profile.id })).ok).toBe(true);
    await new ShellPage(app.page).waitUntilShown();
    await expect.poll(() => sync.indicatorText()).toBe('3 edits saved offline');
    await sync.indicator.click();
    expect(await app.page.getByTestId('sync.details.queueItem').count()).toBe(3);
    await app.page.keyboard.press('Escape');

    // 6. The network returns (same address, same data): the queue flushes by itself.
    server = await startTestServer({ dataDir, ownerKey, port });
    await expect.poll(() => sync.indicatorText(), { timeout: 60_000 }).toBe('2 conflicts to resolve');
    // A: the colleague changed the road, we changed the car: both are on the server.
    const mergedA = await serverList(a);
    expect(mergedA.find((x) => x.id === carOf(mergedA))!.edit_mark).toBe('mine-a');
    expect(mergedA.find((x) => x.id === roadOf(mergedA))!.edit_mark).toBe('colleague');

    // 7. B and C changed the same car on both sides: resolved in the UI, keep mine and take theirs.
    await sync.openConflictsDialog();
    expect(await sync.conflictItems.count()).toBe(2);
    await sync.chooseConflict(b);
    await expect.poll(() => app.page.getByTestId('resolver.mine.canvas').getAttribute('data-drawn')).toBe('image');
    expect(await app.page.getByTestId('resolver.dispute').count()).toBe(1);
    await app.page.getByTestId('resolver.keepMine').click();
    await expect.poll(() => sync.conflictItems.count()).toBe(1);
    await sync.chooseConflict(c);
    await app.page.getByTestId('resolver.takeTheirs').click();
    await app.page.getByTestId('conflicts.none').waitFor();
    await app.page.getByTestId('conflicts.dialog.close').click();
    await expect.poll(() => sync.indicatorText(), { timeout: 30_000 }).toBe('All edits synced');

    const finalB = await serverList(b);
    const finalC = await serverList(c);
    expect(finalB.find((x) => x.id === carOf(finalB))!.edit_mark).toBe('mine-b');
    expect(finalC.find((x) => x.id === carOf(finalC))!.edit_mark).toBe('colleague');
    expect(app.logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  });
});
