import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../shared/api';
import { Outbox } from '../../../../../electron/services/outbox/outbox';
import type { SaveEntry } from '../../../../../electron/services/outbox/types';

const logs: string[] = [];
const log = (level: string, message: string) => void logs.push(`${level} ${message}`);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outbox-integrity-'));
  logs.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A list big enough (~3 KB) that each entry sits on pages of its own, marked so its page can be found. */
const listFor = (i: number): Annotation[] => [
  { id: `marker-${String(i).padStart(3, '0')}`, name: 'car', type: 'bbox', bounding_box: { x: i, y: 0, w: 5, h: 5 } },
  ...Array.from({ length: 30 }, (_, k) => ({
    id: `a${i}-${k}`,
    name: 'car',
    type: 'bbox',
    bounding_box: { x: k, y: i, w: 5, h: 5 },
    attributes: { note: 'x'.repeat(40) },
  })),
];

function writeOutbox(count: number): SaveEntry[] {
  const outbox = Outbox.open({ dir, log });
  for (let i = 0; i < count; i += 1)
    outbox.enqueueSave({
      profileId: 'p',
      imageId: `img${i % 7}`,
      annotations: listFor(i),
      ifMatch: `"e${i}"`,
      baseAnnotations: [],
    });
  const all = Array.from({ length: 7 }, (_, k) => outbox.entries('p', `img${k}`)).flat() as SaveEntry[];
  outbox.close(); // checkpoints the WAL into the main file
  return all;
}

/** Overwrites the 4 KiB page holding `marker` with garbage. */
function corruptPageHolding(file: string, marker: string): void {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(Buffer.from(marker));
  expect(at, `marker ${marker} should be in the file`).toBeGreaterThan(0);
  const pageSize = bytes.readUInt16BE(16);
  const start = Math.floor(at / pageSize) * pageSize;
  for (let i = start; i < start + pageSize; i += 1) bytes[i] = (i * 131) % 251;
  writeFileSync(file, bytes);
}

describe('an outbox that fails its integrity check', () => {
  it('is set aside, never deleted; every readable entry is recovered, byte for byte, in order', () => {
    const original = writeOutbox(40);
    const file = join(dir, 'outbox.db');
    corruptPageHolding(file, 'marker-020');
    const damaged = readFileSync(file);

    const outbox = Outbox.open({ dir, log, now: () => new Date('2026-01-02T03:04:05.678Z') });
    try {
      const recovery = outbox.recovery!;
      expect(recovery).toMatchObject({ reason: expect.stringMatching(/integrity check failed|could not be read/) });
      expect(recovery.setAsidePath).toBe(`${file}.damaged-2026-01-02T03-04-05-678Z`);
      expect(readFileSync(recovery.setAsidePath).equals(damaged)).toBe(true);
      // One damaged page costs the rows under it (a leaf: one entry; an interior page: its children).
      expect(recovery.recovered).toBeGreaterThanOrEqual(30);
      expect(recovery.recovered + recovery.unreadable).toBeLessThanOrEqual(40);
      const recovered = Array.from({ length: 7 }, (_, k) => outbox.entries('p', `img${k}`)).flat() as SaveEntry[];
      expect(recovered.length).toBe(recovery.recovered);
      const bySeq = new Map(original.map((e) => [e.seq, e]));
      for (const entry of recovered) expect(entry).toEqual(bySeq.get(entry.seq));
      // The damaged page's entry is the one lost.
      expect(recovered.some((e) => e.annotations[0]!.id === 'marker-020')).toBe(false);
      // The fresh outbox works and numbers new entries after the recovered ones.
      const { seq } = outbox.enqueueSave({
        profileId: 'p',
        imageId: 'img0',
        annotations: [],
        ifMatch: null,
        baseAnnotations: null,
      });
      expect(seq).toBeGreaterThan(Math.max(...original.map((e) => e.seq)));
      expect(logs).toContainEqual(expect.stringMatching(/^warn The outbox failed its integrity check/));
    } finally {
      outbox.close();
    }
  });

  it('an index that disagrees with its table (only the integrity check sees it): set aside, every row recovered', () => {
    writeOutbox(10);
    const file = join(dir, 'outbox.db');
    const bytes = readFileSync(file);
    // The table row stores image_id then kind ("img3save"); the index stores it apart. Changing the
    // row alone leaves a file every query reads happily but whose index no longer matches.
    // (Every copy: a page split leaves stale ones in unused space.)
    let at = bytes.indexOf(Buffer.from('img3save'));
    expect(at).toBeGreaterThan(0);
    for (; at >= 0; at = bytes.indexOf(Buffer.from('img3save'), at + 1)) bytes[at + 3] = '9'.charCodeAt(0);
    writeFileSync(file, bytes);
    const outbox = Outbox.open({ dir, log });
    try {
      expect(outbox.recovery).toMatchObject({
        reason: expect.stringMatching(/^integrity check failed/),
        recovered: 10,
        unreadable: 0,
      });
    } finally {
      outbox.close();
    }
  });

  it('a file that is not a database at all: set aside as it was, a fresh outbox, nothing to recover', () => {
    const file = join(dir, 'outbox.db');
    writeFileSync(file, 'SQLite format 3\u0000 but not really'.repeat(200));
    const outbox = Outbox.open({ dir, log });
    try {
      expect(outbox.recovery).toMatchObject({ recovered: 0, unreadable: 0 });
      expect(
        readFileSync(outbox.recovery!.setAsidePath, 'utf8').startsWith('SQLite format 3\u0000 but not really'),
      ).toBe(true);
      expect(outbox.enqueueReview({ profileId: 'p', imageId: 'i', action: 'approve' }).seq).toBe(1);
    } finally {
      outbox.close();
    }
  });

  it('a file from a newer app version is set aside too, its rows carried over', () => {
    writeOutbox(3);
    const file = join(dir, 'outbox.db');
    const db = new DatabaseSync(file);
    db.exec('PRAGMA user_version = 99');
    db.close();
    const outbox = Outbox.open({ dir, log });
    try {
      expect(outbox.recovery).toMatchObject({ reason: expect.stringMatching(/newer version/), recovered: 3 });
      expect(existsSync(outbox.recovery!.setAsidePath)).toBe(true);
    } finally {
      outbox.close();
    }
  });

  it('a healthy outbox is opened as it is', () => {
    writeOutbox(2);
    const outbox = Outbox.open({ dir, log });
    try {
      expect(outbox.recovery).toBeNull();
      expect(outbox.pendingImages('p')).toEqual(['img0', 'img1']);
    } finally {
      outbox.close();
    }
  });
});
