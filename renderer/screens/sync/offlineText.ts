import type { OfflineStatus } from '../../../shared/ipc';
import { formatBytes, formatCount } from '../../format/numbers';

/** One line about a dataset's offline copy: how far, how big, what went wrong. */
export function describeOffline(status: OfflineStatus | undefined): string {
  if (!status) return 'Only what you open is cached';
  const size = formatBytes(status.bytes.total);
  const items = `${formatCount(status.items.done)} of ${formatCount(status.items.total)} images`;
  switch (status.state) {
    case 'off':
      return 'Only what you open is cached';
    case 'queued':
      return status.error ? `Waiting for the network (${items})` : 'Waiting to download';
    case 'downloading':
      return `Downloading ${items} · ${formatBytes(status.bytes.done)} of ${size}`;
    case 'paused':
      return `Paused at ${items}`;
    case 'complete':
      return `Available offline · ${size}`;
    case 'failed':
      return status.failureCount > 0
        ? `${formatCount(status.failureCount)} images failed · ${items}`
        : (status.error?.message ?? 'The download stopped');
  }
}
