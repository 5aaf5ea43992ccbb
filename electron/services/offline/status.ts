import type { OfflineStatus } from '../../../shared/ipc';
import type { OfflineRepo } from '../catalog/offlineRepo';

/** How many failures a status carries; the count has them all. */
export const REPORTED_FAILURES = 50;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The `offline:status` / `event:offline` view of one dataset, from what cache.db holds. */
export function offlineStatusOf(repo: OfflineRepo, profileId: string, datasetId: string): OfflineStatus {
  const row = repo.get(profileId, datasetId);
  if (!row) {
    return {
      datasetId,
      state: 'off',
      items: { done: 0, total: 0 },
      bytes: { done: 0, total: 0 },
      annotationsFrom: null,
      failures: [],
      failureCount: 0,
      error: null,
      enabledAt: null,
      completedAt: null,
    };
  }
  const counts = repo.counts(profileId, datasetId);
  return {
    datasetId,
    state: row.state,
    items: { done: counts.done, total: counts.total },
    bytes: { done: counts.bytesDone, total: row.bytesTotal },
    annotationsFrom: row.annotationsFrom,
    failures: counts.failures > 0 ? repo.failures(profileId, datasetId, REPORTED_FAILURES) : [],
    failureCount: counts.failures,
    error: row.error,
    enabledAt: iso(row.enabledMs),
    completedAt: iso(row.completedMs),
  };
}
