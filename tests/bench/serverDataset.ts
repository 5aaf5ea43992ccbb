import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { BlobStore } from '../../server/store/blobs';
import { createStore } from '../../server/store';
import { inTransaction, openDatabase } from '../../server/store/db';
import { sha256Hex } from '../../server/util/hash';
import { newId } from '../../server/util/ids';
import { canonicalizeAnnotations } from '../../server/validation/annotations';

/**
 * Builds a data directory holding one dataset of `count` images straight through the store's
 * repositories (no HTTP, one transaction). Every row shares one small JPEG blob and a 5-box list.
 */
export async function buildBenchDataDir(
  dataDir: string,
  count: number,
): Promise<{ datasetId: string; imageIds: string[] }> {
  await mkdir(dataDir, { recursive: true });
  const blobs = new BlobStore(dataDir);
  await blobs.ensureDirs();
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
    .jpeg()
    .toBuffer();
  await blobs.writeAtomic(blobs.blobPath('shared.jpg'), jpeg);
  const db = openDatabase(join(dataDir, 'pictograph-local.db'));
  const store = createStore(db);
  const classes = [{ name: 'car', color: '#e6194b', type: 'bbox' }];
  const boxes = Array.from({ length: 5 }, (_, i) => ({
    id: `b${i}`,
    name: 'car',
    type: 'bbox',
    bounding_box: { x: i * 10, y: 5, w: 8, h: 8 },
    confidence: 0.5 + i / 10,
  }));
  const canonical = canonicalizeAnnotations(boxes, { classes, annotationTypes: ['bbox'] });
  if (!canonical.ok) throw new Error('bench annotations invalid');
  const at = new Date().toISOString();
  const datasetId = newId();
  const imageIds: string[] = [];
  const sha = sha256Hex(jpeg);
  inTransaction(db, () => {
    store.datasets.insert({
      id: datasetId,
      name: 'Bench 100k',
      slug: 'bench-100k',
      description: null,
      annotation_types: ['bbox'],
      classes,
      created_at: at,
      updated_at: at,
    });
    for (let i = 0; i < count; i++) {
      const id = newId();
      imageIds.push(id);
      store.images.insert({
        id,
        dataset_id: datasetId,
        filename: `img_${String(i).padStart(6, '0')}.jpg`,
        directory_path: `/dir${i % 10}`,
        width: 64,
        height: 48,
        file_size: jpeg.length,
        mime_type: 'image/jpeg',
        sha256: sha,
        blob: 'shared.jpg',
        status: 'in_progress',
        annotation_count: 5,
        min_confidence: 0.5,
        is_archived: false,
        created_at: at,
        updated_at: at,
      });
      store.annotations.put(id, { json: canonical.list.json, etag: canonical.list.etag });
    }
    store.meta.set('org', JSON.stringify({ name: 'Bench', slug: 'bench' }));
    store.meta.set('signing_secret', sha256Hex(datasetId));
    store.meta.set('initialized_at', at);
  });
  db.close();
  return { datasetId, imageIds };
}
