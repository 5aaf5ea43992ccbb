import { describe, expect, it } from 'vitest';
import type { EventPayload, OfflineStatus, UploadBatchView } from '../../../../../shared/ipc';
import { INDETERMINATE, NO_PROGRESS, ProgressAggregator } from '../../../../../electron/services/desktop/progress';

const offline = (state: OfflineStatus['state'], done: number, total: number, items = { done: 0, total: 0 }) =>
  ({ datasetId: 'ds1', state, bytes: { done, total }, items }) as OfflineStatus;
const upload = (id: string, queued: number, sent: number, total: number): EventPayload<'event:upload'> => ({
  batch: {
    id,
    bytesSent: sent,
    bytesTotal: total,
    counts: { queued, uploading: 0, done: 0, skipped: 0, failed: 0, cancelled: 0 },
  } as UploadBatchView,
  item: {} as EventPayload<'event:upload'>['item'],
});
const download = (state: 'running' | 'completed' | 'failed' | 'cancelled', received: number, total: number | null) => ({
  downloadId: 'dl1',
  exportId: 'ex1',
  state,
  received,
  total,
  path: null,
  error: null,
});

describe('ProgressAggregator', () => {
  it('nothing running: no bar', () => {
    expect(new ProgressAggregator().value()).toBe(NO_PROGRESS);
  });

  it('one offline download: its byte fraction; done removes the bar', () => {
    const progress = new ProgressAggregator();
    expect(progress.update('event:offline', offline('downloading', 25, 100))).toBe(0.25);
    expect(progress.update('event:offline', offline('downloading', 25, 100))).toBeUndefined();
    expect(progress.update('event:offline', offline('downloading', 50, 100))).toBe(0.5);
    expect(progress.update('event:offline', offline('complete', 100, 100))).toBe(NO_PROGRESS);
  });

  it('no byte sizes in the listing: counts images instead', () => {
    const progress = new ProgressAggregator();
    expect(progress.update('event:offline', offline('downloading', 0, 0, { done: 3, total: 4 }))).toBe(0.75);
  });

  it('jobs of every kind add up by bytes', () => {
    const progress = new ProgressAggregator();
    progress.update('event:offline', offline('downloading', 100, 400));
    progress.update('event:upload', upload('b1', 2, 50, 100));
    expect(progress.update('event:export-download', download('running', 0, 500))).toBeCloseTo(150 / 1000);
    // The upload batch has nothing left: it no longer counts.
    expect(progress.update('event:upload', upload('b1', 0, 100, 100))).toBeCloseTo(100 / 900);
  });

  it('a download of unknown size alone is indeterminate; with a sized job, the sized one shows', () => {
    const progress = new ProgressAggregator();
    expect(progress.update('event:export-download', download('running', 10, null))).toBe(INDETERMINATE);
    expect(progress.update('event:offline', offline('downloading', 30, 100))).toBe(0.3);
    progress.update('event:offline', offline('paused', 30, 100));
    expect(progress.value()).toBe(INDETERMINATE);
    expect(progress.update('event:export-download', download('cancelled', 10, null))).toBe(NO_PROGRESS);
  });

  it('more received than announced never shows over 100 %', () => {
    const progress = new ProgressAggregator();
    expect(progress.update('event:export-download', download('running', 900, 500))).toBe(1);
  });

  it('other events and malformed payloads change nothing', () => {
    const progress = new ProgressAggregator();
    expect(progress.update('event:sync', {} as EventPayload<'event:sync'>)).toBeUndefined();
    expect(progress.update('event:offline', null as never)).toBeUndefined();
    expect(progress.value()).toBe(NO_PROGRESS);
  });
});
