import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/index';
import type { RunningServer } from '../../server/index';
import { buildBenchDataDir } from './serverDataset';

const CACHE_ROOT = fileURLToPath(new URL('../../.cache/', import.meta.url));

/**
 * The big-dataset fixture (one dataset of `count` images, see serverDataset.ts), built ONCE into
 * `.cache/bench-<count>` and reused by the browser bench and the 100k e2e: building 100,000 rows
 * takes seconds, copying the finished directory well under one. A marker written last means a
 * half-built directory (a killed run) is never mistaken for a finished one.
 */
export async function cachedBenchDataDir(count: number): Promise<{ dir: string; datasetId: string }> {
  const dir = join(CACHE_ROOT, `bench-${count}`);
  const marker = join(dir, 'fixture.json');
  if (existsSync(marker))
    return { dir, datasetId: (JSON.parse(await readFile(marker, 'utf8')) as { datasetId: string }).datasetId };
  const building = `${dir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  const { datasetId } = await buildBenchDataDir(building, count);
  await writeFile(join(building, 'fixture.json'), `${JSON.stringify({ datasetId, count })}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(building, dir);
  return { dir, datasetId };
}

export type BigServer = RunningServer & { datasetId: string };

/**
 * A pictograph-local over a private copy of the cached fixture (the server writes to its data
 * directory), with a quota large enough to index 100,000 images repeatedly.
 */
export async function startBigServer(count: number): Promise<BigServer> {
  const { dir, datasetId } = await cachedBenchDataDir(count);
  const root = await mkdtemp(join(tmpdir(), 'pictograph-big-'));
  const dataDir = join(root, 'data');
  await cp(dir, dataDir, { recursive: true });
  let server: RunningServer;
  try {
    server = await startServer({
      port: 0,
      dataDir,
      seed: 'none',
      rateLimit: 100_000,
      testMode: { rateLimitWindowMs: 30_000 },
      log: () => undefined,
    });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    ...server,
    datasetId,
    close: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
