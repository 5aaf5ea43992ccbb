import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MediaBlobCache } from '../../../../../electron/services/media/blobCache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blob-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const serverMeta = (etag: string) => ({ etag, contentType: 'image/png', source: 'server' as const, basedOn: null });

describe('MediaBlobCache', () => {
  it('stores content-addressed blobs and survives a reopen', async () => {
    const cache = await MediaBlobCache.open(dir);
    const bytes = bytesOf('image-one');
    const stored = await cache.put('p/full/img1', bytes, serverMeta('"e1"'));
    expect(stored).toMatchObject({ hash: sha(bytes), etag: '"e1"', contentType: 'image/png', size: bytes.byteLength });
    expect(await readdir(join(dir, 'blobs'))).toEqual([sha(bytes)]);
    await cache.flush();

    const reopened = await MediaBlobCache.open(dir);
    const hit = await reopened.get('p/full/img1');
    expect(hit?.etag).toBe('"e1"');
    expect(Buffer.from(hit!.bytes).toString()).toBe('image-one');
    expect(await reopened.get('p/full/other')).toBeNull();
  });

  it('replaces an entry and removes the blob nobody references any more', async () => {
    const cache = await MediaBlobCache.open(dir);
    await cache.put('k', bytesOf('v1'), serverMeta('"1"'));
    await cache.put('shared', bytesOf('v1'), serverMeta('"1"'));
    await cache.put('k', bytesOf('v2'), serverMeta('"2"'));
    // v1 is still used by "shared"
    expect((await readdir(join(dir, 'blobs'))).sort()).toEqual([sha(bytesOf('v1')), sha(bytesOf('v2'))].sort());
    await cache.put('shared', bytesOf('v3'), serverMeta('"3"'));
    expect((await readdir(join(dir, 'blobs'))).sort()).toEqual([sha(bytesOf('v2')), sha(bytesOf('v3'))].sort());
  });

  it('evicts least recently used entries past its size limit', async () => {
    const cache = await MediaBlobCache.open(dir, 100);
    await cache.put('a', new Uint8Array(40).fill(1), serverMeta('"a"'));
    await new Promise((r) => setTimeout(r, 5));
    await cache.put('b', new Uint8Array(40).fill(2), serverMeta('"b"'));
    await new Promise((r) => setTimeout(r, 5));
    await cache.get('a'); // a is now more recent than b
    await new Promise((r) => setTimeout(r, 5));
    await cache.put('c', new Uint8Array(40).fill(3), serverMeta('"c"'));
    expect(await cache.get('b')).toBeNull();
    expect(await cache.get('a')).not.toBeNull();
    expect(await cache.get('c')).not.toBeNull();
    expect(cache.totalBytes).toBeLessThanOrEqual(100);
  });

  it('starts empty on a corrupt index and removes orphaned blobs and temp files', async () => {
    const cache = await MediaBlobCache.open(dir);
    await cache.put('k', bytesOf('kept?'), serverMeta('"k"'));
    await cache.flush();
    await writeFile(join(dir, 'index.json'), '{"version":1,"entries":{"k":{"hash":"nope"}}}');
    await writeFile(join(dir, 'blobs', 'leftover.123.tmp'), 'half');
    const reopened = await MediaBlobCache.open(dir);
    expect(await reopened.get('k')).toBeNull();
    expect(await readdir(join(dir, 'blobs'))).toEqual([]);
  });

  it('forgets an entry whose blob file vanished', async () => {
    const cache = await MediaBlobCache.open(dir);
    const stored = await cache.put('k', bytesOf('gone'), serverMeta('"g"'));
    await rm(join(dir, 'blobs', stored.hash));
    expect(await cache.get('k')).toBeNull();
    expect(cache.totalBytes).toBe(0);
  });
});
