import { describe, expect, it } from 'vitest';
import type { UploadBatchView, UploadItemState, UploadItemView } from '../../../../../shared/ipc';
import { batchesOf, describeBatch, MAX_ROWS } from '../../../../../renderer/screens/uploads/uploadQueueView';
import { basename } from '../../../../../renderer/screens/uploads/pathNames';

const counts = (patch: Partial<Record<UploadItemState, number>> = {}): Record<UploadItemState, number> => ({
  queued: 0,
  uploading: 0,
  done: 0,
  skipped: 0,
  failed: 0,
  cancelled: 0,
  ...patch,
});
const batch = (
  id: string,
  datasetId: string,
  createdAt: string,
  patch: Partial<UploadBatchView> = {},
): UploadBatchView => ({
  id,
  datasetId,
  duplicates: 'skip',
  createdAt,
  total: 0,
  counts: counts(),
  bytesTotal: 0,
  bytesSent: 0,
  ...patch,
});
const item = (id: string, batchId: string, state: UploadItemState, filename = `${id}.jpg`): UploadItemView => ({
  id,
  batchId,
  datasetId: 'd1',
  path: `/tmp/${filename}`,
  filename,
  directoryPath: '/',
  size: 10,
  state,
  message: state === 'failed' ? 'broken' : null,
  imageId: null,
  bytesSent: 0,
});

describe('batchesOf', () => {
  it("shows this dataset's batches newest first, problems before progress before done", () => {
    const batches = {
      b1: batch('b1', 'd1', '2026-01-01T00:00:00Z', { counts: counts({ done: 1, failed: 1, queued: 1 }) }),
      b2: batch('b2', 'd1', '2026-01-02T00:00:00Z'),
      other: batch('other', 'd2', '2026-01-03T00:00:00Z'),
    };
    const items = {
      a: item('a', 'b1', 'done'),
      b: item('b', 'b1', 'failed'),
      c: item('c', 'b1', 'queued'),
      d: item('d', 'b1', 'uploading'),
    };
    const rows = batchesOf('d1', batches, items);
    expect(rows.map((r) => r.batch.id)).toEqual(['b2', 'b1']);
    expect(rows[1]!.rows.map((i) => i.state)).toEqual(['failed', 'uploading', 'queued', 'done']);
    expect(rows[1]!.unfinished).toBe(1);
  });

  it(`draws at most ${MAX_ROWS} rows a batch and counts the rest`, () => {
    const items = Object.fromEntries(
      Array.from({ length: MAX_ROWS + 5 }, (_, n) => [`i${n}`, item(`i${n}`, 'b1', 'done')]),
    );
    const [entry] = batchesOf('d1', { b1: batch('b1', 'd1', '2026-01-01T00:00:00Z') }, items);
    expect(entry!.rows).toHaveLength(MAX_ROWS);
    expect(entry!.hidden).toBe(5);
  });

  it('describes a batch in words', () => {
    expect(
      describeBatch(batch('b', 'd', 'x', { total: 50, counts: counts({ done: 45, failed: 3, skipped: 2 }) })),
    ).toBe('45 of 50 uploaded · 3 failed · 2 skipped');
  });

  it('names a picked folder on any OS', () => {
    expect(basename('/home/ann/photos/')).toBe('photos');
    expect(basename('C:\\Users\\ann\\photos')).toBe('photos');
    expect(basename('/')).toBe('/');
  });
});
