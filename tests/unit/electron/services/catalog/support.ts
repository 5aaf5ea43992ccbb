import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset, ImageMeta } from '../../../../../shared/api';
import { Catalog } from '../../../../../electron/services/catalog/catalog';

/** A real catalog (cache.db + blobs) in a fresh temp folder, with the log lines it wrote. */
export async function openTempCatalog(): Promise<{
  catalog: Catalog;
  dir: string;
  logs: string[];
  reopen(): Promise<Catalog>;
  cleanup(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-'));
  const logs: string[] = [];
  const log = (level: string, message: string, fields?: Record<string, unknown>) =>
    logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  let catalog = await Catalog.open({ dir, log });
  return {
    get catalog() {
      return catalog;
    },
    dir,
    logs,
    async reopen() {
      catalog.close();
      catalog = await Catalog.open({ dir, log });
      return catalog;
    },
    async cleanup() {
      catalog.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const PROFILE = 'profile-1';

export function dataset(id: string, patch: Partial<Dataset> = {}): Dataset {
  return {
    id,
    name: `Dataset ${id}`,
    slug: `dataset-${id}`,
    description: null,
    image_count: 0,
    completed_image_count: 0,
    annotation_count: 0,
    annotation_types: ['bbox', 'polygon'],
    classes: [{ name: 'car', color: '#e6194b', type: 'bbox' }],
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-02T00:00:00.000Z',
    ...patch,
  };
}

export function image(id: string, datasetId: string, patch: Partial<ImageMeta> = {}): ImageMeta {
  return {
    id,
    dataset_id: datasetId,
    filename: `${id}.png`,
    directory_path: '/',
    width: 64,
    height: 48,
    file_size: 100,
    mime_type: 'image/png',
    status: 'new',
    annotation_count: 0,
    min_confidence: null,
    is_archived: false,
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
    ...patch,
  };
}
