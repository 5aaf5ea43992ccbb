import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createMainCore } from '../../electron/core';
import { createRouter, trustedOrigin } from '../../electron/ipc/router';
import { Outbox } from '../../electron/services/outbox/outbox';
import type { SeedFixture } from '../../server/seed/types';
import type { Annotation } from '../../shared/api';
import type { IpcResult, SyncStatus } from '../../shared/ipc';
import { startSwitchableProxy } from '../integration/sync/support/switchableProxy';
import { startTestServer } from '../support/server';
import type { BenchResult } from './types';

const APP = 'app://pictograph';
const ROUNDS = 40;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const boxes = (n: number, mark: number): Annotation[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    name: 'car',
    type: 'bbox',
    bounding_box: { x: i % 500, y: Math.floor(i / 500), w: 4, h: 4 },
    confidence: 1,
    created_by: null,
    attributes: { mark },
  }));

/** The outbox's own write: one transaction, COMMIT with synchronous=FULL (WAL), on this machine's disk. */
async function outboxWrite(): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-outbox-'));
  const outbox = Outbox.open({ dir, log: () => {} });
  try {
    const base = boxes(1_000, 0);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const list = boxes(1_000, round + 1);
      const started = performance.now();
      outbox.enqueueSave({ profileId: 'p', imageId: 'img', annotations: list, ifMatch: '"e"', baseAnnotations: base });
      times.push(performance.now() - started);
    }
    return {
      name: 'sync: outbox write → durable (1,000 annotations)',
      unit: 'ms',
      median: percentile(times, 50),
      p95: percentile(times, 95),
      target: '≤ 10 ms',
      pass: percentile(times, 50) <= 10,
      note: 'Outbox.enqueueSave: one transaction, WAL + synchronous=FULL',
    };
  } finally {
    outbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function tinyFixture(dir: string, images: number): Promise<SeedFixture> {
  const file = join(dir, 'px.png');
  await sharp({ create: { width: 4, height: 4, channels: 3, background: { r: 9, g: 9, b: 9 } } })
    .png()
    .toFile(file);
  return {
    datasets: [
      {
        name: 'Bench sync',
        description: null,
        annotation_types: ['bbox'],
        classes: [{ name: 'car', color: '#ff0000' }],
        images: Array.from({ length: images }, (_, i) => ({
          filename: `img_${String(i).padStart(3, '0')}.png`,
          directory_path: '/',
          mime_type: 'image/png',
          width: 4,
          height: 4,
          status: 'new' as const,
          file,
          annotations: [],
        })),
      },
    ],
  };
}

/**
 * The app's path, offline: `annotations:save` through the router (validation of 1,000 annotations,
 * canonical form, outbox COMMIT) to its durable answer; then 1,000 queued saves over 100 images
 * flushed when the network returns, counting the requests the coalescing left.
 */
async function appPath(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'bench-sync-'));
  const server = await startTestServer({ seed: await tinyFixture(root, 100), rateLimit: 100_000 });
  const proxy = await startSwitchableProxy(server.url);
  const events: SyncStatus[] = [];
  const core = await createMainCore(
    {
      userDataDir: join(root, 'app'),
      appOrigin: APP,
      host: 'harness',
      version: 'bench',
      emit: (name, payload) => {
        if (name === 'event:sync') events.push(payload as SyncStatus);
      },
      keychainService: `pictograph-bench-${randomUUID()}`,
    },
    { sync: { probe: { initialMs: 10, maxMs: 20 } } },
  );
  const router = createRouter({ handlers: core.handlers, isTrustedSender: trustedOrigin(APP) });
  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = (await router.dispatch(channel, request, { senderUrl: `${APP}/index.html` })) as IpcResult<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  try {
    await call('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
    const [dataset] = await call<{ id: string }[]>('datasets:list', {});
    const page = await call<{ items: { id: string }[] }>('images:page', {
      datasetId: dataset!.id,
      limit: 100,
      offset: 0,
    });
    const ids = page.items.map((i) => i.id);
    const etags = new Map<string, string | null>();
    for (const id of ids) etags.set(id, (await call<{ etag: string | null }>('annotations:get', { imageId: id })).etag);

    proxy.up = false;
    const big = ids[0]!;
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const list = boxes(1_000, round);
      const started = performance.now();
      await call('annotations:save', { imageId: big, annotations: list, ifMatch: etags.get(big) });
      times.push(performance.now() - started);
    }
    for (let k = 0; k < 10; k += 1)
      for (const id of ids)
        await call('annotations:save', { imageId: id, annotations: boxes(3, k), ifMatch: etags.get(id) });
    const queued = (await call<SyncStatus>('sync:status', {})).queued;

    const before = proxy.requests.length;
    const started = performance.now();
    proxy.up = true;
    while ((await call<SyncStatus>('sync:status', {})).queued > 0) await new Promise((r) => setTimeout(r, 5));
    const seconds = (performance.now() - started) / 1000;
    const sent = proxy.requests.slice(before).filter((r) => r.method === 'POST' && r.path.includes('/annotations/'));
    return [
      {
        name: 'sync: annotations:save offline → durable answer (1,000 annotations)',
        unit: 'ms',
        median: percentile(times, 50),
        p95: percentile(times, 95),
        target: '≤ 10 ms',
        pass: percentile(times, 50) <= 10,
        note: 'router + §7.3 check + canonical form + outbox COMMIT',
      },
      {
        name: `sync: flush ${queued} queued saves over ${ids.length} images`,
        unit: 's',
        median: seconds,
        p95: seconds,
        note: `${sent.length} save requests after coalescing (one run, loopback pictograph-local)`,
      },
      {
        name: 'sync: requests the flush sent',
        unit: 'requests',
        median: sent.length,
        p95: sent.length,
        target: `= ${ids.length} (one per image)`,
        pass: sent.length === ids.length,
      },
    ];
  } finally {
    await core.dispose();
    await proxy.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

export async function benchSync(): Promise<BenchResult[]> {
  return [await outboxWrite(), ...(await appPath())];
}
