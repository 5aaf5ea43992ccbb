import { describe, expect, it } from 'vitest';
import type { OfflineStatus, SyncStatus } from '../../../../shared/ipc';
import { createAppStore } from '../../../../renderer/store/appStore';
import { describeSync } from '../../../../renderer/store/syncSlice';
import { describeOffline } from '../../../../renderer/screens/sync/offlineText';

const idle: SyncStatus = {
  queued: 0,
  failed: 0,
  conflicts: 0,
  images: [],
  flushing: null,
  lastSyncAt: null,
  lastError: null,
  paused: null,
  outboxRecovered: null,
  outboxUnavailable: false,
};

const offline = (patch: Partial<OfflineStatus>): OfflineStatus => ({
  datasetId: 'd1',
  state: 'downloading',
  items: { done: 3, total: 10 },
  bytes: { done: 3 * 1024 * 1024, total: 10 * 1024 * 1024 },
  annotationsFrom: 'export',
  failures: [],
  failureCount: 0,
  error: null,
  enabledAt: '2026-01-01T00:00:00.000Z',
  completedAt: null,
  ...patch,
});

describe('describeSync: the status bar indicator, most urgent first', () => {
  it.each([
    ['nothing known yet', null, true, 'waiting', 'Sync —'],
    ['all sent', idle, true, 'ok', 'All edits synced'],
    ['queued while online', { ...idle, queued: 2 }, true, 'waiting', '2 edits to sync'],
    ['queued while offline', { ...idle, queued: 1 }, false, 'waiting', '1 edit saved offline'],
    ['flushing', { ...idle, queued: 4, flushing: { done: 1, total: 3 } }, true, 'busy', 'Syncing 1 of 3'],
    ['refused', { ...idle, queued: 4, failed: 2 }, true, 'attention', '2 edits refused'],
    [
      'conflicts beat everything but a dead outbox',
      { ...idle, conflicts: 1, failed: 3 },
      true,
      'attention',
      '1 conflict to resolve',
    ],
    [
      'outbox unavailable',
      { ...idle, conflicts: 2, outboxUnavailable: true },
      true,
      'attention',
      'Edits cannot be saved on this computer',
    ],
  ] as const)('%s', (_label, status, online, tone, label) => {
    expect(describeSync(status, online)).toEqual({ tone, label });
  });
});

describe('describeOffline: the toggle’s line', () => {
  it.each([
    ['not marked', undefined, 'Only what you open is cached'],
    ['downloading', offline({}), 'Downloading 3 of 10 images · 3.0 MB of 10 MB'],
    [
      'waiting for the network',
      offline({ state: 'queued', error: { code: 'network', message: 'x' } }),
      'Waiting for the network (3 of 10 images)',
    ],
    ['complete', offline({ state: 'complete', items: { done: 10, total: 10 } }), 'Available offline · 10 MB'],
    ['failures', offline({ state: 'failed', failureCount: 2 }), '2 images failed · 3 of 10 images'],
    ['paused', offline({ state: 'paused' }), 'Paused at 3 of 10 images'],
  ] as const)('%s', (_label, status, text) => {
    expect(describeOffline(status)).toBe(text);
  });
});

describe('the sync slice', () => {
  it('an `off` status removes the dataset; a list replaces them all; reset forgets the workspace', () => {
    const store = createAppStore();
    store.getState().offlineListLoaded([offline({ datasetId: 'a' }), offline({ datasetId: 'b' })]);
    store.getState().offlineReceived(offline({ datasetId: 'a', state: 'off' }));
    expect(Object.keys(store.getState().offlineByDataset)).toEqual(['b']);
    store.getState().syncStatusReceived({ ...idle, queued: 1 });
    store.getState().syncReset();
    expect(store.getState().offlineByDataset).toEqual({});
    expect(store.getState().syncStatus).toBeNull();
  });
});
