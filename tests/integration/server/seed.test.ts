import { DEMO_SEED_CACHE } from '../../support/seedCache';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/index';
import { buildDemoSeed, type SeedFixture } from '../../../server/seed';

/**
 * The full demo workspace loaded into a real pictograph-local. The seed cache is shared with the
 * other demo tests (the first run in a fresh tmp paints ~560 images once; later runs reuse it).
 */
const SEED_CACHE = DEMO_SEED_CACHE;

let fixture: SeedFixture;
let firstLog: string[];
let server: RunningServer;
let dataDir: string;
const api = (path: string) => `${server.url}/api/v1/developer${path}`;
const get = async (path: string) => {
  const res = await fetch(api(path), { headers: { 'X-API-Key': server.keys.viewer } });
  return { res, json: res.headers.get('content-type')?.includes('json') ? await res.json() : undefined };
};

beforeAll(async () => {
  firstLog = [];
  const started = performance.now();
  fixture = await buildDemoSeed(SEED_CACHE, { log: (line) => firstLog.push(line) });
  console.log(
    `demo seed: ${((performance.now() - started) / 1000).toFixed(1)} s (${firstLog.some((l) => l.includes('painting')) ? 'cold' : 'cached'})`,
  );
  dataDir = await mkdtemp(join(tmpdir(), 'seed-integration-'));
  server = await startServer({ port: 0, dataDir, seed: 'demo', seedCacheDir: SEED_CACHE, log: () => undefined });
}, 600_000);
afterAll(async () => {
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the demo seed in pictograph-local', () => {
  it('a second build reuses the cache and gives the same fixture', async () => {
    const log: string[] = [];
    const again = await buildDemoSeed(SEED_CACHE, { log: (line) => log.push(line) });
    expect(log.some((line) => line.includes('painting'))).toBe(false);
    expect(again).toEqual(fixture);
  }, 120_000);

  it('serves the four datasets with the seeded counts', async () => {
    const { json } = await get('/datasets/');
    const byName = new Map(
      (json as { name: string; image_count: number; annotation_count: number }[]).map((d) => [d.name, d]),
    );
    for (const dataset of fixture.datasets) {
      const served = byName.get(dataset.name);
      expect(served, dataset.name).toBeDefined();
      expect(served!.image_count).toBe(dataset.images.length);
      expect(served!.annotation_count).toBe(dataset.images.reduce((sum, image) => sum + image.annotations.length, 0));
    }
    expect(byName.get('Street scenes')!.image_count).toBe(500);
    expect(byName.get('Inbox')!.image_count).toBe(0);
  });

  it('serves the 10,000-polygon tile with its bytes and annotations, verbatim', async () => {
    const datasets = (await get('/datasets/')).json as { id: string; name: string }[];
    const aerial = datasets.find((d) => d.name === 'Aerial tiles')!;
    const seeded = fixture.datasets
      .find((d) => d.name === 'Aerial tiles')!
      .images.find((i) => i.annotations.length === 10_000)!;
    const listed = (
      await get(`/images/?dataset_id=${aerial.id}&filename=${seeded.filename}&directory_path=${seeded.directory_path}`)
    ).json as { id: string; width: number; annotation_count: number }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ width: 4096, annotation_count: 10_000 });
    const annotations = (await get(`/annotations/${listed[0]!.id}`)).json as { annotations: unknown[] };
    expect(annotations.annotations).toEqual(seeded.annotations);
    const bytes = await get(`/images/${listed[0]!.id}`);
    expect(bytes.res.status).toBe(200);
    expect(bytes.res.headers.get('content-type')).toBe('image/jpeg');
    expect(Number(bytes.res.headers.get('content-length'))).toBeGreaterThan(500_000);
    await bytes.res.arrayBuffer();
  });
});
