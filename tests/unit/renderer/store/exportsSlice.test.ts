import { describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../../../shared/api';
import type { ExportDownloadState } from '../../../../shared/ipc';
import { createAppStore } from '../../../../renderer/store/appStore';
import { selectDatasetExports, selectExportDownload } from '../../../../renderer/store/exportsSlice';

const record = (id: string, createdAt: string, patch: Partial<ExportRecord> = {}): ExportRecord =>
  ({
    id,
    dataset_id: 'd1',
    dataset_name: 'Street Scenes',
    name: id,
    format: 'coco',
    status: 'pending',
    error_message: null,
    created_at: createdAt,
    expires_at: null,
    ...patch,
  }) as ExportRecord;

const download = (downloadId: string, state: ExportDownloadState['state']): ExportDownloadState => ({
  downloadId,
  exportId: 'e1',
  state,
  received: 0,
  total: 10,
  path: state === 'completed' ? '/tmp/x.zip' : null,
  error: null,
});

describe('exportsSlice', () => {
  it('keeps each dataset newest first and replaces a pushed change in place', () => {
    const store = createAppStore();
    store.getState().exportsLoading('d1');
    expect(selectDatasetExports('d1')(store.getState()).loading).toBe(true);
    store
      .getState()
      .exportsLoaded('d1', [record('old', '2026-01-01T00:00:00Z'), record('new', '2026-01-03T00:00:00Z')]);
    store.getState().exportChanged(record('mid', '2026-01-02T00:00:00Z'));
    store.getState().exportChanged(record('old', '2026-01-01T00:00:00Z', { status: 'failed', error_message: 'disk' }));
    const shown = selectDatasetExports('d1')(store.getState());
    expect(shown.records.map((r) => r.id)).toEqual(['new', 'mid', 'old']);
    expect(shown.records[2]).toMatchObject({ status: 'failed', error_message: 'disk' });
    expect(shown.loading).toBe(false);

    store.getState().exportRemoved('d1', 'mid');
    expect(selectDatasetExports('d1')(store.getState()).records.map((r) => r.id)).toEqual(['new', 'old']);
    expect(selectDatasetExports('unknown')(store.getState())).toEqual({ records: [], loading: false, error: null });
  });

  it('a list that failed keeps what was shown and says why', () => {
    const store = createAppStore();
    store.getState().exportsLoaded('d1', [record('a', '2026-01-01T00:00:00Z')]);
    store.getState().exportsFailed('d1', { code: 'network', message: 'down' });
    expect(selectDatasetExports('d1')(store.getState())).toMatchObject({
      records: [{ id: 'a' }],
      error: { code: 'network' },
    });
  });

  it("a running download is not replaced by another download's late event", () => {
    const store = createAppStore();
    store.getState().exportDownloadChanged(download('first', 'cancelled'));
    store.getState().exportDownloadChanged(download('second', 'running'));
    store.getState().exportDownloadChanged(download('first', 'cancelled'));
    expect(selectExportDownload('e1')(store.getState())?.downloadId).toBe('second');
    store.getState().exportDownloadChanged(download('second', 'completed'));
    expect(selectExportDownload('e1')(store.getState())).toMatchObject({ state: 'completed', path: '/tmp/x.zip' });
  });
});
