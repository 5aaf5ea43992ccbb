import { describe, expect, it } from 'vitest';
import { ExportPoller, pollDelayMs } from '../../../../../electron/services/exports/poller';
import { AppError } from '../../../../../electron/services/errors';
import type { ExportRecord } from '../../../../../shared/api';

const record = (status: string): ExportRecord => ({
  id: 'e1',
  dataset_id: 'd1',
  dataset_name: 'D',
  name: 'n',
  format: 'csv',
  include_images: false,
  class_filter: null,
  status_filter: null,
  status,
  error_message: status === 'failed' ? 'boom' : null,
  file_size: status === 'completed' ? 10 : null,
  image_count: null,
  annotation_count: null,
  created_at: '2024-01-01T00:00:00.000Z',
  completed_at: null,
  expires_at: null,
});

/** A poller whose sleep records the waits and whose server answers from a script. */
function scripted(answers: (ExportRecord | Error)[], extra: { timeoutMs?: number } = {}) {
  const waits: number[] = [];
  const changes: string[] = [];
  let clock = 0;
  const poller = new ExportPoller({
    get: async () => {
      const next = answers.shift() ?? record('processing');
      if (next instanceof Error) throw next;
      return next;
    },
    onChange: (r) => changes.push(r.status),
    log: () => undefined,
    timing: { ...extra },
    now: () => clock,
    sleep: async (ms, signal) => {
      waits.push(ms);
      clock += ms;
      if (signal?.aborted) throw new Error('aborted');
      await Promise.resolve();
    },
  });
  return { poller, waits, changes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('export polling (§13.8)', () => {
  it('waits 2 s, growing 1.5× to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => pollDelayMs(n))).toEqual([2000, 3000, 4500, 6750, 10000, 10000, 10000]);
  });

  it('reports each change and stops at a final status', async () => {
    const { poller, waits, changes } = scripted([
      record('pending'),
      record('processing'),
      record('processing'),
      record('completed'),
    ]);
    poller.follow(record('pending'));
    await settle();
    expect(changes).toEqual(['processing', 'completed']);
    expect(waits).toEqual([2000, 3000, 4500, 6750]);
    expect(poller.isFollowing('e1')).toBe(false);
  });

  it('keeps going through network errors, stops quietly on 404', async () => {
    const network = new AppError({ code: 'network', message: 'down' });
    const gone = new AppError({ code: 'not_found', message: 'gone' });
    const { poller, waits, changes } = scripted([network, record('processing'), gone]);
    poller.follow(record('pending'));
    await settle();
    expect(changes).toEqual(['processing']);
    expect(waits).toHaveLength(3);
    expect(poller.isFollowing('e1')).toBe(false);
  });

  it('stop() and dispose() end the loop; a final record is never followed', async () => {
    const { poller } = scripted([]);
    poller.follow(record('completed'));
    expect(poller.isFollowing('e1')).toBe(false);
    poller.follow(record('pending'));
    expect(poller.isFollowing('e1')).toBe(true);
    await poller.dispose();
    expect(poller.isFollowing('e1')).toBe(false);
  });

  it('gives up after the timeout', async () => {
    const { poller, waits } = scripted([], { timeoutMs: 20_000 });
    poller.follow(record('pending'));
    await settle();
    expect(poller.isFollowing('e1')).toBe(false);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20_000);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThan(30_000);
  });
});
