import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartServerOptions } from '../../server/index';
import type { SeedFixture } from '../../server/seed/types';
import { ARCHIVED_FILENAME, STREET, buildTestFixture } from './serverFixture';

export { AERIAL, ARCHIVED_FILENAME, EMPTY, STREET } from './serverFixture';

export type TestServer = RunningServer & { dataDir: string; fixture: SeedFixture };

/**
 * A real pictograph-local on a random loopback port, in test mode, seeded with the small fixture
 * of serverFixture.ts (one Street Scenes image archived after start). The temp directory is
 * removed on close unless the caller passed its own `dataDir` (e.g. to test restarts).
 */
export async function startTestServer(opts: Partial<StartServerOptions> = {}): Promise<TestServer> {
  const root = await mkdtemp(join(tmpdir(), 'pictograph-local-test-'));
  const ownsDataDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? join(root, 'data');
  const fixture = typeof opts.seed === 'object' ? opts.seed : await buildTestFixture(join(root, 'fixture'));
  let server: RunningServer;
  try {
    server = await startServer({ port: 0, testMode: true, log: () => undefined, ...opts, dataDir, seed: fixture });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  await archiveFixtureImage(server, fixture);
  return {
    ...server,
    dataDir,
    fixture,
    close: async () => {
      await server.close();
      await rm(ownsDataDir ? root : join(root, 'fixture'), { recursive: true, force: true });
      if (!ownsDataDir) await rm(root, { recursive: true, force: true });
    },
  };
}

/** Archives the fixture's archived image through the API (idempotent, so restarts are fine). */
async function archiveFixtureImage(server: RunningServer, fixture: SeedFixture): Promise<void> {
  if (!fixture.datasets.some((d) => d.name === STREET && d.images.some((i) => i.filename === ARCHIVED_FILENAME)))
    return;
  const headers = { 'X-API-Key': server.keys.owner };
  const api = `${server.url}/api/v1/developer`;
  const datasets = (await (await fetch(`${api}/datasets/`, { headers })).json()) as { id: string; name: string }[];
  const street = datasets.find((d) => d.name === STREET);
  if (!street) return;
  const query = `dataset_id=${street.id}&filename=${ARCHIVED_FILENAME}&include_archived=true`;
  const images = (await (await fetch(`${api}/images/?${query}`, { headers })).json()) as { id: string }[];
  for (const image of images) {
    const res = await fetch(`${api}/images/${image.id}?permanent=false`, { method: 'DELETE', headers });
    if (res.status !== 200) throw new Error(`could not archive the fixture image: ${res.status}`);
  }
}

/**
 * A GET on the developer API of a test server, as the owner unless another key is named: what a
 * spec reads to know what the server really holds. Anything but 200 is an error naming the path.
 */
export async function developerGet<T>(server: TestServer, path: string, key = server.keys.owner): Promise<T> {
  const response = await fetch(`${server.url}/api/v1/developer${path}`, { headers: { 'X-API-Key': key } });
  if (response.status !== 200) throw new Error(`GET ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
