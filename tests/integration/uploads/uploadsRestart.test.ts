import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UploadQueueView } from '../../../shared/ipc';
import { STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { fastClient } from '../main/support/coreHarness';
import { openCore, writeImage } from './uploadsHarness';
import type { UploadCore } from './uploadsHarness';

/**
 * A restart in the worst place: the third file's register reached the server, which created the
 * image, but the app quit before the answer arrived. The next start must finish the queue without
 * a second copy of that image (duplicates set to "rename", so a copy would show as "(2)"), and must
 * refuse a queued file that was edited while the app was closed.
 */
let server: TestServer;
let root: string;

beforeAll(async () => {
  server = await startTestServer();
  root = await mkdtemp(join(tmpdir(), 'uploads-restart-'));
});
afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error(`timed out: ${what}`);
}

it('resumes after a restart mid-register without duplicates, re-verifying each file', async () => {
  const userData = join(root, 'userData');
  const keychain = `pictograph-test-${randomUUID()}`;
  const files = [];
  for (let i = 0; i < 8; i++) {
    const path = join(root, 'drop', `r_${i}.jpg`);
    await writeImage(path, 200 + i);
    files.push(path);
  }
  let registers = 0;
  let hungRegister: () => void = () => undefined;
  const registerHung = new Promise<void>((resolve) => (hungRegister = resolve));
  const first: UploadCore = await openCore(userData, keychain, {
    client: {
      ...fastClient,
      retries: 0,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (init?.method === 'POST' && String(input).endsWith('/images/register') && ++registers === 3) {
          hungRegister();
          // The server has registered the image; its answer never reaches the app.
          return new Promise<Response>((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true }),
          );
        }
        return response;
      },
    },
    uploads: { concurrency: 1, retryDelayMs: () => 10 },
  });
  await first.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
  const street = (await first.ok('datasets:list', {})).find((d) => d.name === STREET)!;
  const batch = await first.ok('uploads:add', {
    datasetId: street.id,
    paths: files,
    directory: '/restart',
    duplicates: 'rename',
  });
  await registerHung;
  // The app quits with r_2 mid-register and r_3…r_7 queued; r_7 is edited while it is closed.
  await first.core.dispose();
  await appendFile(files[7]!, 'edited');

  const second = await openCore(userData, keychain, { client: fastClient, uploads: { concurrency: 2 } });
  try {
    const before = await second.ok('uploads:list', { batchId: batch.id });
    expect(before.items.map((i) => i.state)).toEqual([
      'done',
      'done',
      'queued',
      'queued',
      'queued',
      'queued',
      'queued',
      'queued',
    ]);
    const profile = (await second.ok('connection:profiles', {})).find((p) => p.kind !== 'demo' && p.hasKey);
    await second.ok('connection:resume', { profileId: profile!.id });
    let view: UploadQueueView | null = null;
    await until(async () => {
      view = await second.ok('uploads:list', { batchId: batch.id });
      return view.batches[0]!.counts.queued + view.batches[0]!.counts.uploading === 0;
    }, 'the resumed batch');
    const items = view!.items;
    expect(items.map((i) => [i.filename, i.state])).toEqual([
      ['r_0.jpg', 'done'],
      ['r_1.jpg', 'done'],
      ['r_2.jpg', 'done'],
      ['r_3.jpg', 'done'],
      ['r_4.jpg', 'done'],
      ['r_5.jpg', 'done'],
      ['r_6.jpg', 'done'],
      ['r_7.jpg', 'failed'],
    ]);
    expect(items[7]!.message).toBe('r_7.jpg changed after it was queued; it was not uploaded. Add it again.');
    const res = await fetch(
      `${server.url}/api/v1/developer/images/?dataset_id=${street.id}&directory_path=/restart&limit=100`,
      { headers: { 'X-API-Key': server.keys.owner } },
    );
    const onServer = ((await res.json()) as { id: string; filename: string }[]).map((i) => i.filename);
    expect(onServer.sort()).toEqual(['r_0.jpg', 'r_1.jpg', 'r_2.jpg', 'r_3.jpg', 'r_4.jpg', 'r_5.jpg', 'r_6.jpg']);
    expect(items[2]!.imageId).toMatch(/^[0-9a-f-]{36}$/);
  } finally {
    await second.core.dispose();
  }
});
