import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageMeta } from '../../../../../shared/api';
import { LocalReviewStore } from '../../../../../electron/services/review/localReviewStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reviews-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const imageMeta = (id: string, updatedAt: string): ImageMeta => ({
  id,
  dataset_id: 'd1',
  filename: 'a.jpg',
  directory_path: '/',
  width: 10,
  height: 10,
  file_size: 100,
  mime_type: 'image/jpeg',
  status: 'new',
  annotation_count: 0,
  min_confidence: null,
  is_archived: false,
  created_at: '2024-01-01T00:00:00.000Z',
  updated_at: updatedAt,
});

describe('LocalReviewStore', () => {
  it('records decisions per profile and image and reloads them', async () => {
    const store = await LocalReviewStore.open(dir);
    await store.record({ profileId: 'p1', imageId: 'i1', action: 'approve', note: 'looks right' });
    await store.record({ profileId: 'p2', imageId: 'i1', action: 'request_changes', note: null });
    const reopened = await LocalReviewStore.open(dir);
    expect(reopened.get('p1', 'i1')).toMatchObject({ action: 'approve', status: 'complete', note: 'looks right' });
    expect(reopened.get('p2', 'i1')).toMatchObject({ action: 'request_changes', status: 'in_progress' });
    expect(reopened.get('p1', 'i2')).toBeNull();
  });

  it('the newest decision for an image wins', async () => {
    const store = await LocalReviewStore.open(dir);
    await store.record({ profileId: 'p', imageId: 'i', action: 'approve', note: null });
    await store.record({ profileId: 'p', imageId: 'i', action: 'request_changes', note: null });
    expect((await LocalReviewStore.open(dir)).get('p', 'i')?.status).toBe('in_progress');
  });

  it('overlays a decision newer than the server state, not an older one', async () => {
    const store = await LocalReviewStore.open(dir);
    await store.record({ profileId: 'p', imageId: 'i', action: 'approve', note: null });
    expect(store.overlay('p', imageMeta('i', '2000-01-01T00:00:00.000Z')).status).toBe('complete');
    expect(store.overlay('p', imageMeta('i', '2999-01-01T00:00:00.000Z')).status).toBe('new');
    expect(store.overlay('other', imageMeta('i', '2000-01-01T00:00:00.000Z')).status).toBe('new');
  });

  it('sets an unreadable file aside and starts empty', async () => {
    const path = join(dir, 'review-local.json');
    await writeFile(path, '[not json');
    const store = await LocalReviewStore.open(dir);
    expect(store.get('p', 'i')).toBeNull();
    expect(await readFile(`${path}.corrupt`, 'utf8')).toBe('[not json');
    await store.record({ profileId: 'p', imageId: 'i', action: 'approve', note: null });
    expect(JSON.parse(await readFile(path, 'utf8')).decisions).toHaveLength(1);
  });
});
