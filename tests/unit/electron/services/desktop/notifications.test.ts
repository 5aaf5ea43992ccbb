import { describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../../../../shared/api';
import type { SyncStatus } from '../../../../../shared/ipc';
import { freshNotificationMemory, notificationFor } from '../../../../../electron/services/desktop/notifications';

const record = (status: string, id = 'e1') =>
  ({ id, status, name: 'nightly', dataset_name: 'street-scenes' }) as unknown as ExportRecord;
const sync = (patch: Partial<SyncStatus>) =>
  ({ failed: 0, conflicts: 0, outboxUnavailable: false, lastError: null, ...patch }) as SyncStatus;

describe('notificationFor', () => {
  it('an export that completed is told once, whatever the pushes', () => {
    const memory = freshNotificationMemory();
    expect(notificationFor('event:export', record('pending'), memory)).toBeNull();
    expect(notificationFor('event:export', record('completed'), memory)).toEqual({
      title: 'Export ready',
      body: '"nightly" of street-scenes can be downloaded.',
    });
    expect(notificationFor('event:export', record('completed'), memory)).toBeNull();
    expect(notificationFor('event:export', record('completed', 'e2'), memory)).not.toBeNull();
  });

  it('a failed export is not an "export ready"', () => {
    expect(notificationFor('event:export', record('failed'), freshNotificationMemory())).toBeNull();
  });

  it('sync: told when refused changes grow, with the reason; not again for the same count', () => {
    const memory = freshNotificationMemory();
    const error = { code: 'invalid_request' as const, message: 'Annotation 7 is outside the image.' };
    expect(notificationFor('event:sync', sync({ failed: 1, lastError: error }), memory)).toEqual({
      title: 'Sync failed',
      body: '1 change was refused by the server and kept on this computer. Annotation 7 is outside the image.',
    });
    expect(notificationFor('event:sync', sync({ failed: 1, lastError: error }), memory)).toBeNull();
    expect(notificationFor('event:sync', sync({ failed: 0 }), memory)).toBeNull();
    expect(notificationFor('event:sync', sync({ failed: 3 }), memory)?.body).toBe(
      '3 changes were refused by the server and kept on this computer.',
    );
  });

  it('sync: a new conflict, and an outbox that cannot be written, are told', () => {
    const memory = freshNotificationMemory();
    expect(notificationFor('event:sync', sync({ conflicts: 2 }), memory)).toEqual({
      title: 'Sync needs you',
      body: "2 images' edits conflict with a colleague's: open Sync to choose.",
    });
    expect(notificationFor('event:sync', sync({ conflicts: 2, outboxUnavailable: true }), memory)?.title).toBe(
      'Edits cannot be saved',
    );
    expect(notificationFor('event:sync', sync({ conflicts: 2, outboxUnavailable: true }), memory)).toBeNull();
  });

  it('a sync queue that only grows or drains is not worth a notification', () => {
    expect(notificationFor('event:sync', sync({ queued: 5 }), freshNotificationMemory())).toBeNull();
  });

  it('other events and malformed payloads give nothing', () => {
    const memory = freshNotificationMemory();
    expect(notificationFor('event:upload', { batch: {} }, memory)).toBeNull();
    expect(notificationFor('event:export', null, memory)).toBeNull();
    expect(notificationFor('event:sync', 'failed', memory)).toBeNull();
  });
});
