import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMainCore } from '../../electron/core';
import type { MainCore } from '../../electron/core';
import { createRouter, trustedOrigin } from '../../electron/ipc/router';
import { startServer } from '../../server/index';
import { inTransaction, openDatabase } from '../../server/store/db';
import type { CatalogIndexStatus, IpcResult, RateLimitState } from '../../shared/ipc';
import { buildBenchDataDir } from './serverDataset';
import type { BenchResult } from './types';

const APP = 'app://pictograph';
const ROUNDS = 30;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The bench fixture is uniform (one status, one confidence); spread statuses, confidences (some
 * null), counts and update times so filters and sorts do real work.
 */
function varyFixture(dataDir: string): void {
  const db = openDatabase(join(dataDir, 'pictograph-local.db'));
  inTransaction(db, () => {
    db.exec(`UPDATE images SET
      status = CASE rowid % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'in_progress' ELSE 'complete' END,
      min_confidence = CASE WHEN rowid % 7 = 0 THEN NULL ELSE ((rowid * 7919) % 1000) / 1000.0 END,
      annotation_count = rowid % 13,
      updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + ((rowid * 104729) % 9999991), 'unixepoch')`);
  });
  db.close();
}

interface BenchCore {
  core: MainCore;
  call<T>(channel: string, request: unknown): Promise<T>;
  events: { name: string; payload: unknown }[];
}

async function startBenchCore(userDataDir: string): Promise<BenchCore> {
  const events: BenchCore['events'] = [];
  const core = await createMainCore({
    userDataDir,
    appOrigin: APP,
    host: 'harness',
    version: 'bench',
    emit: (name, payload) => events.push({ name, payload }),
    keychainService: `pictograph-bench-${randomUUID()}`,
  });
  const router = createRouter({ handlers: core.handlers, isTrustedSender: trustedOrigin(APP) });
  return {
    core,
    events,
    async call<T>(channel: string, request: unknown): Promise<T> {
      const result = (await router.dispatch(channel, request, { senderUrl: `${APP}/index.html` })) as IpcResult<T>;
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
}

/** Refreshes and resolves with the run's final status and how long it took. */
async function indexOnce(bench: BenchCore, datasetId: string): Promise<{ ms: number; status: CatalogIndexStatus }> {
  const seen = bench.events.length;
  const started = performance.now();
  await bench.call('catalog:refresh', { datasetId, force: true });
  for (;;) {
    const final = bench.events
      .slice(seen)
      .map((e) => (e.name === 'event:catalog-index' ? (e.payload as CatalogIndexStatus) : null))
      .find((s) => s !== null && (s.state === 'ready' || s.state === 'error'));
    if (final) return { ms: performance.now() - started, status: final };
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function withServerDataset<T>(
  count: number,
  work: (bench: BenchCore, datasetId: string) => Promise<T>,
): Promise<T> {
  const root = await mkdtemp(join(tmpdir(), 'bench-catalog-'));
  const dataDir = join(root, 'data');
  const { datasetId } = await buildBenchDataDir(dataDir, count);
  varyFixture(dataDir);
  const server = await startServer({ port: 0, dataDir, seed: 'none', log: () => undefined });
  const bench = await startBenchCore(join(root, 'user'));
  try {
    await bench.call('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
    await bench.call('datasets:list', {});
    return await work(bench, datasetId);
  } finally {
    await bench.core.dispose();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

async function timed(rounds: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * The local catalog (issue 8 §9): counted requests to index 10,000 images, time to index 100,000,
 * and query latency over 100,000 indexed rows through the real router and handlers.
 */
export async function benchCatalog(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];

  const requests = await withServerDataset(10_000, async (bench, datasetId) => {
    const before = (await bench.call<RateLimitState | null>('rateLimit:get', {}))!.remaining;
    const { status } = await indexOnce(bench, datasetId);
    if (status.state !== 'ready') throw new Error(`10k index failed: ${status.error?.message}`);
    const after = (await bench.call<RateLimitState | null>('rateLimit:get', {}))!.remaining;
    return before - after;
  });
  results.push({
    name: 'catalog: counted requests to index 10,000 images',
    unit: 'requests',
    median: requests,
    p95: requests,
    target: '≤ 12',
    pass: requests <= 12,
    note: 'X-RateLimit-Remaining before − after',
  });

  await withServerDataset(100_000, async (bench, datasetId) => {
    const { ms, status } = await indexOnce(bench, datasetId);
    if (status.state !== 'ready') throw new Error(`100k index failed: ${status.error?.message}`);
    results.push({
      name: 'catalog: index 100,000 images (pictograph-local, loopback)',
      unit: 's',
      median: ms / 1000,
      p95: ms / 1000,
      note: `${status.indexed} rows, 101 requests`,
    });
    const spread = (i: number) => ((i * 37) % 100) * 1000;
    const page = await timed(ROUNDS, (i) =>
      bench.call('catalog:query', { datasetId, query: {}, offset: spread(i), limit: 1000 }),
    );
    results.push({
      name: 'catalog: 1,000-row page of 100,000 (catalog:query)',
      unit: 'ms',
      median: percentile(page, 50),
      p95: percentile(page, 95),
      target: '≤ 5 ms median',
      pass: percentile(page, 50) <= 5,
      note: 'router + handler, offsets across the dataset, total included',
    });
    const filtered = { statuses: ['in_progress', 'complete'], sort: 'confidence' };
    const sorted = await timed(ROUNDS, (i) =>
      bench.call('catalog:query', { datasetId, query: filtered, offset: ((i * 37) % 60) * 1000, limit: 1000 }),
    );
    results.push({
      name: 'catalog: filtered, confidence-sorted page over 100,000',
      unit: 'ms',
      median: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      target: '≤ 50 ms median',
      pass: percentile(sorted, 50) <= 50,
      note: '2 of 3 statuses, lowest first, 1,000 rows, total included',
    });
    const anchor = (
      await bench.call<{ items: { id: string }[] }>('catalog:query', {
        datasetId,
        query: filtered,
        offset: 40_000,
        limit: 1,
      })
    ).items[0]!.id;
    const position = await timed(ROUNDS, () =>
      bench.call('catalog:position', { datasetId, query: filtered, imageId: anchor, span: 3 }),
    );
    results.push({
      name: 'catalog: position + neighbours (next/previous) over 100,000',
      unit: 'ms',
      median: percentile(position, 50),
      p95: percentile(position, 95),
      note: 'filtered, confidence-sorted, anchor at ~40,000',
    });
  });
  return results;
}
