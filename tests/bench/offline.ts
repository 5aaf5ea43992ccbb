import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createMainCore } from '../../electron/core';
import { createRouter, trustedOrigin } from '../../electron/ipc/router';
import type { SeedFixture } from '../../server/seed/types';
import type { IpcResult, OfflineStatus } from '../../shared/ipc';
import { startRecordingProxy } from '../integration/offline/support/recordingProxy';
import { startTestServer } from '../support/server';
import type { BenchResult } from './types';

const APP = 'app://pictograph';
const IMAGES = 10_000;
/** Distinct pictures cycled over the dataset (the blob store keeps equal bytes once, like real duplicates). */
const DISTINCT = 256;

async function bigFixture(dir: string): Promise<SeedFixture> {
  const files: string[] = [];
  for (let i = 0; i < DISTINCT; i += 1) {
    const file = join(dir, `px_${i}.png`);
    await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: i, g: 255 - i, b: (i * 7) % 256 } } })
      .png()
      .toFile(file);
    files.push(file);
  }
  return {
    datasets: [
      {
        name: 'Bench offline',
        description: null,
        annotation_types: ['bbox'],
        classes: [{ name: 'car', color: '#ff0000' }],
        images: Array.from({ length: IMAGES }, (_, i) => ({
          filename: `img_${String(i).padStart(5, '0')}.png`,
          directory_path: `/part_${i % 10}`,
          mime_type: 'image/png',
          width: 32,
          height: 24,
          status: 'new' as const,
          file: files[i % DISTINCT]!,
          annotations: [
            { id: `car-${i}`, name: 'car', type: 'bbox', bounding_box: { x: 1, y: 1, w: 8, h: 6 }, confidence: 0.9 },
          ],
        })),
      },
    ],
  };
}

/**
 * Taking a 10,000-image dataset offline from a loopback pictograph-local (issue 10 item 6):
 * counted requests (everything under /api/v1/, §3) and wall time from `offline:enable` to
 * `complete`, beside what a naive client spends (bytes, thumbnail and list per image, plus pages).
 */
export async function benchOffline(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'bench-offline-'));
  const server = await startTestServer({ seed: await bigFixture(root), rateLimit: 100_000 });
  const proxy = await startRecordingProxy(server.url);
  const core = await createMainCore({
    userDataDir: join(root, 'app'),
    appOrigin: APP,
    host: 'harness',
    version: 'bench',
    emit: () => {},
    keychainService: `pictograph-bench-${randomUUID()}`,
  });
  const router = createRouter({ handlers: core.handlers, isTrustedSender: trustedOrigin(APP) });
  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = (await router.dispatch(channel, request, { senderUrl: `${APP}/index.html` })) as IpcResult<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  try {
    await call('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
    const [dataset] = await call<{ id: string; image_count: number }[]>('datasets:list', {});
    proxy.requests.length = 0;
    const started = performance.now();
    await call('offline:enable', { datasetId: dataset!.id });
    let status: OfflineStatus | undefined;
    for (;;) {
      status = (await call<OfflineStatus[]>('offline:status', {})).find((s) => s.datasetId === dataset!.id);
      if (status?.state === 'complete' || status?.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const counted = proxy.counted().length;
    // Which routes the quota went to, e.g. "GET /images/ ×10".
    const byRoute = new Map<string, number>();
    for (const r of proxy.counted()) {
      const route = `${r.method} ${r.path
        .split('?')[0]!
        .replace('/api/v1/developer', '')
        .replace(/[0-9a-f-]{36}/g, '{id}')}`;
      byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
    }
    const breakdown = [...byRoute].map(([route, n]) => `${route} ×${n}`).join(', ');
    const signed = proxy.requests.filter((r) => r.path.startsWith('/storage/')).length;
    // A naive client: GET /images/?limit=1000 pages, then per image its bytes, thumbnail and list.
    const naive = Math.ceil(IMAGES / 1000) + 3 * IMAGES;
    return [
      {
        name: `offline: counted requests to take ${IMAGES.toLocaleString('en-US')} images offline`,
        unit: 'requests',
        median: counted,
        p95: counted,
        baseline: naive,
        target: '≤ 25',
        pass: counted <= 25 && status?.state === 'complete',
        note: `naive per-image client: ${naive.toLocaleString('en-US')}; ${signed.toLocaleString('en-US')} signed downloads (not counted); state ${status?.state}, ${status?.items.done}/${status?.items.total} images; ${breakdown}`,
      },
      {
        name: `offline: wall time to take ${IMAGES.toLocaleString('en-US')} images offline`,
        unit: 's',
        median: seconds,
        p95: seconds,
        note: 'one run, loopback pictograph-local: index, listing, one export, 10,000 signed downloads + local thumbnails',
      },
    ];
  } finally {
    await core.dispose();
    await proxy.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}
