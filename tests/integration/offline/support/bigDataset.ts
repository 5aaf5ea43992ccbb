import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { createStore } from '../../../../server/store';
import { BlobStore } from '../../../../server/store/blobs';
import { inTransaction, openDatabase } from '../../../../server/store/db';
import { sha256Hex } from '../../../../server/util/hash';
import { newId } from '../../../../server/util/ids';
import { canonicalizeAnnotations } from '../../../../server/validation/annotations';
import { IMAGE_STATUSES } from '../../../../shared/api';
import type { KnownImageStatus } from '../../../../shared/api';

/**
 * A pictograph-local data directory with one dataset of `count` images whose statuses cycle through
 * new, in_progress and complete, written straight through the store in one transaction (the approach
 * of tests/bench/serverDataset.ts: seconds, where 10,000 uploads would take minutes). Every image
 * shares one small JPEG blob and a one-box list.
 */
export async function buildStatusMixDataDir(
  dataDir: string,
  count: number,
): Promise<{ datasetId: string; byStatus: Record<KnownImageStatus, string[]> }> {
  await mkdir(dataDir, { recursive: true });
  const blobs = new BlobStore(dataDir);
  await blobs.ensureDirs();
  const jpeg = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#406080' } })
    .jpeg()
    .toBuffer();
  await blobs.writeAtomic(blobs.blobPath('shared.jpg'), jpeg);
  const db = openDatabase(join(dataDir, 'pictograph-local.db'));
  const store = createStore(db);
  const classes = [{ name: 'car', color: '#e6194b', type: 'bbox' }];
  const canonical = canonicalizeAnnotations(
    [{ id: 'b0', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 1, w: 4, h: 4 } }],
    { classes, annotationTypes: ['bbox'] },
  );
  if (!canonical.ok) throw new Error('fixture annotations invalid');
  const at = new Date().toISOString();
  const datasetId = newId();
  const byStatus: Record<KnownImageStatus, string[]> = { new: [], in_progress: [], complete: [] };
  const sha = sha256Hex(jpeg);
  inTransaction(db, () => {
    store.datasets.insert({
      id: datasetId,
      name: 'Big listing',
      slug: 'big-listing',
      description: null,
      annotation_types: ['bbox'],
      classes,
      created_at: at,
      updated_at: at,
    });
    for (let i = 0; i < count; i++) {
      const id = newId();
      const status = IMAGE_STATUSES[i % IMAGE_STATUSES.length]!;
      byStatus[status].push(id);
      store.images.insert({
        id,
        dataset_id: datasetId,
        filename: `img_${String(i).padStart(6, '0')}.jpg`,
        directory_path: `/dir${i % 10}`,
        width: 16,
        height: 12,
        file_size: jpeg.length,
        mime_type: 'image/jpeg',
        sha256: sha,
        blob: 'shared.jpg',
        status,
        annotation_count: 1,
        min_confidence: null,
        is_archived: false,
        created_at: at,
        updated_at: at,
      });
      store.annotations.put(id, { json: canonical.list.json, etag: canonical.list.etag });
    }
    store.meta.set('org', JSON.stringify({ name: 'Big', slug: 'big' }));
    store.meta.set('signing_secret', sha256Hex(datasetId));
    store.meta.set('initialized_at', at);
  });
  db.close();
  return { datasetId, byStatus };
}
