import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobKey } from '../../../../../electron/services/catalog/blobStore';
import { openTempCatalog, PROFILE } from './support';

type Temp = Awaited<ReturnType<typeof openTempCatalog>>;
let temp: Temp;

beforeEach(async () => {
  temp = await openTempCatalog();
});
afterEach(async () => {
  await temp.cleanup();
});

const key = (imageId: string, variant: BlobKey['variant'] = 'full'): BlobKey => ({
  profileId: PROFILE,
  imageId,
  variant,
});
const meta = { etag: null, contentType: 'image/png', source: 'server' as const, basedOn: null };
const tick = () => new Promise((r) => setTimeout(r, 3));
const bytes = (fill: number) => new Uint8Array(40).fill(fill);

/** Marks `imageIds` as items of a dataset available offline (migration 002's pin rule). */
function pinOffline(imageIds: string[]): void {
  temp.catalog.offline.enable(PROFILE, 'ds-offline', Date.now());
  temp.catalog.offline.setItems(
    PROFILE,
    'ds-offline',
    imageIds.map((imageId) => ({ imageId, filename: `${imageId}.png`, fileSize: 40 })),
  );
}

describe('eviction never takes pinned images', () => {
  it('skips images of a dataset available offline, however old, and evicts the others', async () => {
    pinOffline(['old-pinned']);
    const blobs = temp.catalog.blobs;
    await blobs.setLimit(100);
    await blobs.put(key('old-pinned'), bytes(1), meta);
    await tick();
    await blobs.put(key('a'), bytes(2), meta);
    await tick();
    await blobs.put(key('b'), bytes(3), meta);
    // 120 bytes > 100: the oldest unpinned one goes, the older pinned one stays.
    expect(await blobs.get(key('old-pinned'))).not.toBeNull();
    expect(await blobs.get(key('a'))).toBeNull();
    expect(await blobs.get(key('b'))).not.toBeNull();
  });

  it('skips images the outbox still needs (queued edit, conflict)', async () => {
    temp.catalog.setExternalPins(() => [{ profileId: PROFILE, imageId: 'queued-edit' }]);
    const blobs = temp.catalog.blobs;
    await blobs.setLimit(100);
    await blobs.put(key('queued-edit'), bytes(1), meta);
    await tick();
    await blobs.put(key('a'), bytes(2), meta);
    await tick();
    await blobs.put(key('b'), bytes(3), meta);
    expect(await blobs.get(key('queued-edit'))).not.toBeNull();
    expect(await blobs.get(key('a'))).toBeNull();
  });

  it('a pin for another profile does not pin this one', async () => {
    temp.catalog.setExternalPins(() => [{ profileId: 'someone-else', imageId: 'x' }]);
    const blobs = temp.catalog.blobs;
    await blobs.setLimit(100);
    await blobs.put(key('x'), bytes(1), meta);
    await tick();
    await blobs.put(key('a'), bytes(2), meta);
    await tick();
    await blobs.put(key('b'), bytes(3), meta);
    expect(await blobs.get(key('x'))).toBeNull();
  });

  it('when everything left is pinned, eviction stops instead of looping (the limit is exceeded)', async () => {
    pinOffline(['p1', 'p2', 'p3']);
    const blobs = temp.catalog.blobs;
    await blobs.setLimit(100);
    for (const [i, id] of ['p1', 'p2', 'p3'].entries()) await blobs.put(key(id), bytes(i + 1), meta);
    expect(blobs.totalBytes).toBe(120);
    for (const id of ['p1', 'p2', 'p3']) expect(await blobs.get(key(id))).not.toBeNull();
  });

  it('disabling the dataset unpins it: the next eviction may take it', async () => {
    pinOffline(['was-pinned']);
    const blobs = temp.catalog.blobs;
    await blobs.put(key('was-pinned'), bytes(1), meta);
    await tick();
    await blobs.put(key('a'), bytes(2), meta);
    temp.catalog.offline.remove(PROFILE, 'ds-offline');
    await blobs.setLimit(50);
    expect(await blobs.get(key('was-pinned'))).toBeNull();
    expect(await blobs.get(key('a'))).not.toBeNull();
  });
});

describe('catalog.clear()', () => {
  it('removes cached bytes and documents except pinned ones and what the outbox needs', async () => {
    pinOffline(['offline-img']);
    temp.catalog.setExternalPins(() => [{ profileId: PROFILE, imageId: 'conflict-img' }]);
    const { blobs, annotations } = temp.catalog;
    const doc = [{ id: 'a1', name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: 1, h: 1 } }];
    for (const [i, id] of ['offline-img', 'conflict-img', 'plain-img'].entries()) {
      await blobs.put(key(id), bytes(i + 1), meta);
      await blobs.put(key(id, 'thumbnail'), bytes(i + 10), { ...meta, source: 'local' });
      annotations.put(PROFILE, id, doc, '"e"', 1);
    }
    const info = await temp.catalog.clear();
    for (const id of ['offline-img', 'conflict-img']) {
      expect(await blobs.get(key(id))).not.toBeNull();
      expect(await blobs.get(key(id, 'thumbnail'))).not.toBeNull();
      expect(annotations.get(PROFILE, id)?.annotations).toEqual(doc);
    }
    expect(await blobs.get(key('plain-img'))).toBeNull();
    expect(await blobs.get(key('plain-img', 'thumbnail'))).toBeNull();
    expect(annotations.get(PROFILE, 'plain-img')).toBeNull();
    expect(info.blobBytes).toBe(160);
  });

  it('an empty cache clears to nothing without error', async () => {
    expect((await temp.catalog.clear()).blobBytes).toBe(0);
  });
});
