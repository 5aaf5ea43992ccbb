import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobKey } from '../../../../../electron/services/catalog/blobStore';
import { openTempCatalog } from './support';

let temp: Awaited<ReturnType<typeof openTempCatalog>>;
beforeEach(async () => {
  temp = await openTempCatalog();
});
afterEach(async () => {
  await temp.cleanup();
});

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const serverMeta = (etag: string) => ({ etag, contentType: 'image/png', source: 'server' as const, basedOn: null });
const key = (imageId: string, variant: BlobKey['variant'] = 'full'): BlobKey => ({
  profileId: 'p',
  imageId,
  variant,
});
const blobDir = () => join(temp.dir, 'blobs');
async function blobFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const shard of await readdir(blobDir())) out.push(...(await readdir(join(blobDir(), shard))));
  return out.sort();
}

describe('BlobStore', () => {
  it('stores content-addressed blobs under ab/<sha256> and survives a reopen', async () => {
    const bytes = bytesOf('image-one');
    const stored = await temp.catalog.blobs.put(key('img1'), bytes, serverMeta('"e1"'));
    expect(stored).toMatchObject({ hash: sha(bytes), etag: '"e1"', contentType: 'image/png', size: bytes.byteLength });
    expect(await readdir(join(blobDir(), sha(bytes).slice(0, 2)))).toEqual([sha(bytes)]);

    const reopened = await temp.reopen();
    const hit = await reopened.blobs.get(key('img1'));
    expect(hit?.etag).toBe('"e1"');
    expect(Buffer.from(hit!.bytes).toString()).toBe('image-one');
    expect(reopened.blobs.totalBytes).toBe(bytes.byteLength);
    expect(await reopened.blobs.get(key('other'))).toBeNull();
    expect(await reopened.blobs.get(key('img1', 'thumbnail'))).toBeNull();
  });

  it('replaces an entry and removes the file nobody references any more; equal content is one file', async () => {
    const blobs = temp.catalog.blobs;
    await blobs.put(key('k'), bytesOf('v1'), serverMeta('"1"'));
    await blobs.put(key('shared'), bytesOf('v1'), serverMeta('"1"'));
    expect(blobs.totalBytes).toBe(2);
    await blobs.put(key('k'), bytesOf('v2'), serverMeta('"2"'));
    // v1 is still used by "shared"
    expect(await blobFiles()).toEqual([sha(bytesOf('v1')), sha(bytesOf('v2'))].sort());
    await blobs.put(key('shared'), bytesOf('v3'), serverMeta('"3"'));
    expect(await blobFiles()).toEqual([sha(bytesOf('v2')), sha(bytesOf('v3'))].sort());
    expect(blobs.totalBytes).toBe(4);
  });

  it('evicts least recently used entries past its size limit', async () => {
    const blobs = temp.catalog.blobs;
    await blobs.setLimit(100);
    const tick = () => new Promise((r) => setTimeout(r, 3));
    await blobs.put(key('a'), new Uint8Array(40).fill(1), serverMeta('"a"'));
    await tick();
    await blobs.put(key('b'), new Uint8Array(40).fill(2), serverMeta('"b"'));
    await tick();
    await blobs.get(key('a')); // a is now more recent than b
    await tick();
    await blobs.put(key('c'), new Uint8Array(40).fill(3), serverMeta('"c"'));
    expect(await blobs.get(key('b'))).toBeNull();
    expect(await blobs.get(key('a'))).not.toBeNull();
    expect(await blobs.get(key('c'))).not.toBeNull();
    expect(blobs.totalBytes).toBeLessThanOrEqual(100);
    expect((await blobFiles()).length).toBe(2);
  });

  it('a lower limit from settings evicts at once', async () => {
    const blobs = temp.catalog.blobs;
    for (const name of ['a', 'b', 'c', 'd']) {
      await blobs.put(key(name), new Uint8Array(1000).fill(name.charCodeAt(0)), serverMeta(name));
      await new Promise((r) => setTimeout(r, 3));
    }
    expect(blobs.totalBytes).toBe(4000);
    await blobs.setLimit(2500);
    expect(blobs.totalBytes).toBeLessThanOrEqual(2250);
    expect(await blobs.get(key('a'))).toBeNull();
    expect(await blobs.get(key('d'))).not.toBeNull();
  });

  it('sweeps orphaned files and stale temp files, keeping indexed ones and fresh temp files', async () => {
    const kept = await temp.catalog.blobs.put(key('k'), bytesOf('kept'), serverMeta('"k"'));
    const orphan = sha(bytesOf('orphan'));
    await mkdir(join(blobDir(), orphan.slice(0, 2)), { recursive: true });
    await writeFile(join(blobDir(), orphan.slice(0, 2), orphan), 'orphan');
    const stale = join(blobDir(), kept.hash.slice(0, 2), 'x.123.tmp');
    await writeFile(stale, 'half');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, old, old);
    await writeFile(join(blobDir(), kept.hash.slice(0, 2), 'y.456.tmp'), 'being written');
    expect(await temp.catalog.blobs.sweepOrphans()).toBe(2);
    expect(await blobFiles()).toEqual([kept.hash, 'y.456.tmp'].sort());
  });

  it('a vanished file is a miss, and the entry is forgotten', async () => {
    const stored = await temp.catalog.blobs.put(key('k'), bytesOf('gone'), serverMeta('"g"'));
    await rm(join(blobDir(), stored.hash.slice(0, 2), stored.hash));
    expect(await temp.catalog.blobs.get(key('k'))).toBeNull();
    expect(temp.catalog.blobs.totalBytes).toBe(0);
  });

  it('a damaged file (bytes no longer match their hash) is a miss, not a crash', async () => {
    const stored = await temp.catalog.blobs.put(key('k'), bytesOf('original'), serverMeta('"o"'));
    await writeFile(join(blobDir(), stored.hash.slice(0, 2), stored.hash), 'tampered'); // same length, other bytes
    expect(await temp.catalog.blobs.get(key('k'))).toBeNull();
    expect(temp.logs.some((l) => l.includes('missing or damaged'))).toBe(true);
    // And the store works on: the image can be cached again.
    await temp.catalog.blobs.put(key('k'), bytesOf('original'), serverMeta('"o"'));
    expect(Buffer.from((await temp.catalog.blobs.get(key('k')))!.bytes).toString()).toBe('original');
  });
});
