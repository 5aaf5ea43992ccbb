import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../shared/api';
import { Outbox } from '../../../../../electron/services/outbox/outbox';

const box = (id: string, x = 0): Annotation => ({
  id,
  name: 'car',
  type: 'bbox',
  bounding_box: { x, y: 0, w: 5, h: 5 },
});
const log = () => {};
let dir: string;
let outbox: Outbox;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  outbox = Outbox.open({ dir, log });
});
afterEach(async () => {
  outbox.close();
  await rm(dir, { recursive: true, force: true });
});

const save = (
  imageId: string,
  annotations: Annotation[],
  ifMatch: string | null = '"e0"',
  base: Annotation[] | null = [box('a')],
) => outbox.enqueueSave({ profileId: 'p', imageId, annotations, ifMatch, baseAnnotations: base });

describe('Outbox', () => {
  it('keeps saves and reviews in order per image, with their base, across a reopen', () => {
    save('img1', [box('a', 1)]);
    outbox.enqueueReview({ profileId: 'p', imageId: 'img1', action: 'approve', note: 'ok' });
    save('img2', [box('b')], null, null);
    save('img1', [box('a', 2)]);
    outbox.close();
    outbox = Outbox.open({ dir, log });
    const entries = outbox.entries('p', 'img1');
    expect(entries.map((e) => e.kind)).toEqual(['save', 'review', 'save']);
    expect(entries[0]).toMatchObject({
      kind: 'save',
      annotations: [box('a', 1)],
      base: { etag: '"e0"', annotations: [box('a')] },
      force: false,
      state: 'queued',
    });
    expect(entries[1]).toMatchObject({ kind: 'review', action: 'approve', note: 'ok' });
    expect(outbox.entries('p', 'img2')[0]).toMatchObject({ force: true, base: { etag: null, annotations: null } });
    expect(outbox.pendingImages('p')).toEqual(['img1', 'img2']);
    expect(outbox.pendingImages('other')).toEqual([]);
  });

  it('overlay: the latest queued state, based on the first save’s ETag; null when nothing waits', () => {
    expect(outbox.overlay('p', 'img1')).toBeNull();
    save('img1', [box('a', 1)], '"e0"');
    save('img1', [box('a', 2)], '"e9"');
    expect(outbox.overlay('p', 'img1')).toEqual({ annotations: [box('a', 2)], etag: '"e0"', state: 'queued' });
  });

  it('complete drops the sent entries and rebases the later saves on what the server took', () => {
    const { seq: s1 } = save('img1', [box('a', 1)]);
    outbox.enqueueReview({ profileId: 'p', imageId: 'img1', action: 'approve' });
    save('img1', [box('a', 2)]);
    outbox.complete('p', 'img1', [s1!], { etag: '"e1"', annotations: [box('a', 1)] });
    const rest = outbox.entries('p', 'img1');
    expect(rest.map((e) => e.kind)).toEqual(['review', 'save']);
    expect(rest[1]).toMatchObject({ base: { etag: '"e1"', annotations: [box('a', 1)] } });
  });

  it('a refusal parks the image until retried; transient failures only count', () => {
    const { seq } = save('img1', [box('a', 1)]);
    outbox.recordFailure([seq!], { code: 'server_error', message: 'boom' }, false);
    expect(outbox.entries('p', 'img1')[0]).toMatchObject({ state: 'queued', attempts: 1 });
    outbox.recordFailure([seq!], { code: 'forbidden', message: 'no' }, true);
    expect(outbox.pendingImages('p')).toEqual([]);
    expect(outbox.images()).toEqual([
      {
        profileId: 'p',
        imageId: 'img1',
        queued: 0,
        failed: 1,
        conflict: false,
        lastError: { code: 'forbidden', message: 'no' },
      },
    ]);
    expect(outbox.retryFailed('p')).toBe(1);
    expect(outbox.pendingImages('p')).toEqual(['img1']);
  });

  it('a conflict replaces its entries in one step, takes later edits as "mine", and resolves at its old place', () => {
    const { seq: s1 } = save('img1', [box('a', 1)]);
    const { seq: s2 } = save('img1', [box('a', 2)]);
    outbox.enqueueReview({ profileId: 'p', imageId: 'img1', action: 'approve' });
    const id = outbox.toConflict([s1!, s2!], {
      profileId: 'p',
      imageId: 'img1',
      base: { etag: '"e0"', annotations: [box('a')] },
      mine: [box('a', 2)],
      theirs: { etag: '"t1"', annotations: [box('a', 7)] },
    });
    expect(outbox.hasConflict('p', 'img1')).toBe(true);
    expect(outbox.pendingImages('p')).toEqual([]);
    expect(save('img1', [box('a', 3)])).toEqual({ seq: null, conflictId: id });
    expect(outbox.overlay('p', 'img1')).toEqual({ annotations: [box('a', 3)], etag: '"t1"', state: 'conflict' });
    expect(outbox.conflict(id)).toMatchObject({ seq: s1, mine: [box('a', 3)], theirs: { etag: '"t1"' } });

    expect(outbox.resolve(id, [box('a', 3)])).toEqual({ seq: s1 });
    const entries = outbox.entries('p', 'img1');
    expect(entries.map((e) => [e.seq, e.kind])).toEqual([
      [s1, 'save'],
      [expect.any(Number), 'review'],
    ]);
    expect(entries[0]).toMatchObject({ base: { etag: '"t1"', annotations: [box('a', 7)] }, force: false });
    expect(outbox.conflicts('p')).toEqual([]);
  });

  it('resolving to what the server holds queues nothing', () => {
    const { seq } = save('img1', [box('a', 1)]);
    const id = outbox.toConflict([seq!], {
      profileId: 'p',
      imageId: 'img1',
      base: { etag: null, annotations: [] },
      mine: [box('a', 1)],
      theirs: { etag: '"t"', annotations: [box('a', 2)] },
    });
    expect(outbox.resolve(id, null)).toEqual({ seq: null });
    expect(outbox.entries('p', 'img1')).toEqual([]);
    expect(outbox.resolve(id, null)).toEqual({ seq: null });
  });

  it('is opened with WAL and synchronous=FULL on STRICT tables', () => {
    outbox.close();
    const db = new DatabaseSync(join(dir, 'outbox.db'));
    try {
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      const strict = db.prepare(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name IN ('entries', 'conflicts')",
      );
      for (const row of strict.all() as { sql: string }[]) expect(row.sql).toMatch(/\) STRICT$/);
    } finally {
      db.close();
    }
    outbox = Outbox.open({ dir, log });
    expect(outbox.synchronousMode()).toBe(2); // FULL: a COMMIT has reached the disk when it returns
  });
});
