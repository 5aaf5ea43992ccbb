import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AERIAL, STREET, startTestServer, type TestServer } from '../../support/server';
import { call, imageId } from './helpers';

let now = Date.now();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: () => now, testMode: { exportDelayMs: 150 } });
});
afterAll(() => server.close());

async function waitFor(id: string, wanted: string[]): Promise<Record<string, unknown>> {
  const seen: string[] = [];
  for (let i = 0; i < 400; i++) {
    const res = await call(server, 'GET', `/exports/${id}`);
    if (seen.at(-1) !== res.json.status) seen.push(res.json.status);
    if (wanted.includes(res.json.status)) return { ...res.json, seen };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`export ${id} never reached ${wanted.join('/')}; saw ${seen.join(' → ')}`);
}

describe('export lifecycle', () => {
  it('201 pending → processing → completed, then a signed ZIP download with Content-Disposition', async () => {
    const created = await call(server, 'POST', '/exports/', {
      key: server.keys.member,
      body: { dataset_name: 'street-scenes', name: 'My Export #1', format: 'coco' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      dataset_name: STREET,
      name: 'My Export #1',
      format: 'coco',
      include_images: false,
      class_filter: null,
      status_filter: null,
      status: 'pending',
      error_message: null,
      file_size: null,
      image_count: null,
      annotation_count: null,
      completed_at: null,
      expires_at: null,
    });
    const early = await call(server, 'GET', `/exports/${created.json.id}/download`);
    expect(early.status).toBe(409);
    expect(early.json.details).toEqual({ status: expect.stringMatching(/^(pending|processing)$/) });

    const done = await waitFor(created.json.id, ['completed', 'failed']);
    expect(done.seen).toContain('processing');
    expect(done).toMatchObject({ status: 'completed', image_count: 12, error_message: null });
    expect(done.annotation_count).toBeGreaterThan(0);
    expect(Date.parse(done.expires_at as string) - Date.parse(done.completed_at as string)).toBe(7 * 86_400_000);

    const link = await call(server, 'GET', `/exports/${created.json.id}/download`, { key: server.keys.viewer });
    expect(link.status).toBe(200);
    expect(link.json.download_url).toMatch(/\/storage\/exports\/.+\?expires=\d+&sig=[0-9a-f]{64}$/);
    const zip = await fetch(link.json.download_url);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toBe('attachment; filename="street-scenes-My_Export__1.zip"');
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.length).toBe(done.file_size);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('fails with error_message when the builder cannot read an image, and the name stays reserved', async () => {
    const id = await imageId(server, AERIAL, 'tile_0.png');
    const meta = await call(server, 'GET', `/images/${id}/metadata`);
    expect(meta.status).toBe(200);
    await rm(join(server.dataDir, 'blobs', id));
    const created = await call(server, 'POST', '/exports/', {
      body: { dataset_name: AERIAL, name: 'broken', include_images: true },
    });
    const done = await waitFor(created.json.id, ['completed', 'failed']);
    expect(done.status).toBe('failed');
    expect(done.error_message).toEqual(expect.any(String));
    expect(done.completed_at).toEqual(expect.any(String));
    expect((await call(server, 'GET', `/exports/${created.json.id}/download`)).json.details).toEqual({
      status: 'failed',
    });
    const dup = await call(server, 'POST', '/exports/', { body: { dataset_name: AERIAL, name: 'broken' } });
    expect(dup.status).toBe(409);
  });

  it('DELETE removes the record and its ZIP (signed URL then 404); admin only', async () => {
    const created = await call(server, 'POST', '/exports/', {
      body: { dataset_name: STREET, name: 'to-delete', format: 'csv' },
    });
    await waitFor(created.json.id, ['completed']);
    const link = await call(server, 'GET', `/exports/${created.json.id}/download`);
    expect((await call(server, 'DELETE', `/exports/${created.json.id}`, { key: server.keys.member })).status).toBe(403);
    const del = await call(server, 'DELETE', `/exports/${created.json.id}`, { key: server.keys.admin });
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await call(server, 'GET', `/exports/${created.json.id}`)).status).toBe(404);
    expect((await fetch(link.json.download_url)).status).toBe(404);
    expect(
      (await call(server, 'POST', '/exports/', { body: { dataset_name: STREET, name: 'to-delete' } })).status,
    ).toBe(201);
  });

  it('expires 7 days after completion', async () => {
    const created = await call(server, 'POST', '/exports/', {
      body: { dataset_name: STREET, name: 'short-lived', format: 'yolo' },
    });
    await waitFor(created.json.id, ['completed']);
    now += 7 * 86_400_000 + 1000;
    try {
      expect((await call(server, 'GET', `/exports/${created.json.id}`)).status).toBe(404);
      const list = await call(server, 'GET', '/exports/?limit=1000');
      expect(list.json.some((e: { id: string }) => e.id === created.json.id)).toBe(false);
    } finally {
      now -= 7 * 86_400_000 + 1000;
    }
  });
});

describe('export create validation', () => {
  it('404 for an unknown dataset_name; 422 for bad format, filters and names', async () => {
    expect((await call(server, 'POST', '/exports/', { body: { dataset_name: 'Nope', name: 'x' } })).status).toBe(404);
    const cases: [Record<string, unknown>, string][] = [
      [{ format: 'tfrecord' }, 'format'],
      [{ class_filter: [] }, 'class_filter'],
      [{ class_filter: ['car', 'spaceship'] }, 'class_filter[1]'],
      [{ class_filter: 'car' }, 'class_filter'],
      [{ status_filter: 'done' }, 'status_filter'],
      [{ include_images: 'yes' }, 'include_images'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: undefined }, 'name'],
    ];
    for (const [patch, field] of cases) {
      const res = await call(server, 'POST', '/exports/', { body: { dataset_name: STREET, name: 'valid', ...patch } });
      expect(res.status, JSON.stringify(patch)).toBe(422);
      expect(res.json.details.errors[0].field).toBe(field);
    }
  });

  it('accepts filters and echoes them', async () => {
    const res = await call(server, 'POST', '/exports/', {
      body: {
        dataset_name: STREET,
        name: 'filtered',
        class_filter: ['car'],
        status_filter: 'complete',
        include_images: true,
        format: 'pictograph',
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ class_filter: ['car'], status_filter: 'complete', include_images: true });
  });
});

describe('GET /exports/', () => {
  it('orders newest first, filters by dataset_name and status, validates both', async () => {
    const list = await call(server, 'GET', '/exports/?limit=1000');
    const created = (list.json as { created_at: string }[]).map((e) => e.created_at);
    expect(created).toEqual([...created].sort().reverse());
    expect(Number(list.headers.get('x-total-count'))).toBe(list.json.length);
    await call(server, 'POST', '/exports/', { body: { dataset_name: AERIAL, name: 'aerial-list' } });
    const aerial = await call(server, 'GET', `/exports/?dataset_name=${encodeURIComponent(AERIAL)}`);
    expect(aerial.json.map((e: { name: string }) => e.name)).toContain('aerial-list');
    expect(aerial.json.every((e: { dataset_name: string }) => e.dataset_name === AERIAL)).toBe(true);
    const failed = await call(server, 'GET', '/exports/?status=failed');
    expect(failed.json.every((e: { status: string }) => e.status === 'failed')).toBe(true);
    expect((await call(server, 'GET', '/exports/?status=done')).status).toBe(400);
    expect((await call(server, 'GET', '/exports/?dataset_name=nope')).status).toBe(404);
  });
});
