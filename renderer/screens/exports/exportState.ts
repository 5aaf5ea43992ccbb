import type { ExportRecord } from '../../../shared/api';
import { formatBytes, pluralize } from '../../format/numbers';

/** Completed exports are kept 7 days (§8); past `expires_at` the ZIP is gone. */
export function isExpired(record: ExportRecord, now: number): boolean {
  if (record.expires_at === null) return false;
  const at = Date.parse(record.expires_at);
  return Number.isFinite(at) && at <= now;
}

function expiryText(record: ExportRecord, now: number): string {
  if (record.expires_at === null) return '';
  const at = Date.parse(record.expires_at);
  if (!Number.isFinite(at)) return '';
  if (at <= now) return ' · expired';
  const days = Math.floor((at - now) / 86_400_000);
  const hours = Math.ceil((at - now) / 3_600_000);
  return days >= 1 ? ` · expires in ${pluralize(days, 'day')}` : ` · expires in ${pluralize(hours, 'hour')}`;
}

/** The state line of an export row: "Waiting to start", "Being built…", "Ready · 1.2 MB · 3 images · expires in 6 days". */
export function exportStateText(record: ExportRecord, now: number): string {
  switch (record.status) {
    case 'pending':
      return 'Waiting to start';
    case 'processing':
      return 'Being built…';
    case 'failed':
      return 'Failed';
    case 'completed': {
      const parts = ['Ready'];
      if (record.file_size !== null) parts.push(formatBytes(record.file_size));
      if (record.image_count !== null) parts.push(pluralize(record.image_count, 'image'));
      if (record.annotation_count !== null) parts.push(pluralize(record.annotation_count, 'annotation'));
      return `${parts.join(' · ')}${expiryText(record, now)}`;
    }
    default:
      // A status this app does not know yet: say it as the server does.
      return `Status: ${record.status}`;
  }
}
