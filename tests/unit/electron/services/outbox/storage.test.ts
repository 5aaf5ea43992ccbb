import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../shared/api';
import { Outbox } from '../../../../../electron/services/outbox/outbox';
import { isAppError } from '../../../../../electron/services/errors';

/**
 * Real read-only and full file systems: a small tmpfs mounted for the test (needs root, which the
 * project's machines and CI run as; elsewhere these tests are skipped and say so).
 */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'outbox-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const MOUNTABLE = canMount();
if (!MOUNTABLE) {
  // Never skip silently: the summary counts the skip, and this line says why.
  console.warn('outbox storage tests skipped: mounting a tmpfs needs root with CAP_SYS_ADMIN, which this run lacks');
}

const box = (id: string): Annotation => ({ id, name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: 5, h: 5 } });
const big = (n: number): Annotation[] =>
  Array.from({ length: n }, (_, i) => ({ ...box(`a${i}`), attributes: { pad: 'x'.repeat(200) } }));
const log = () => {};

let root: string;
let mnt: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'outbox-storage-'));
  mnt = join(root, 'mnt');
  mkdirSync(mnt);
});
afterEach(() => {
  try {
    execFileSync('umount', [mnt], { stdio: 'ignore' });
  } catch {
    // not mounted (skipped test)
  }
  rmSync(root, { recursive: true, force: true });
});

function storageFailure(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the write to be refused');
}

const save = (outbox: Outbox, annotations: Annotation[]) =>
  outbox.enqueueSave({ profileId: 'p', imageId: 'img', annotations, ifMatch: '"e"', baseAnnotations: [] });

describe.skipIf(!MOUNTABLE)('the data folder cannot take the write (real tmpfs)', () => {
  it('read-only: the outbox stays closed, saves are refused with a clear message, and work again once writable', () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]);
    const first = Outbox.open({ dir: mnt, log });
    save(first, [box('kept')]);
    first.close();
    execFileSync('mount', ['-o', 'remount,ro', mnt]);

    const outbox = Outbox.open({ dir: mnt, log });
    try {
      expect(outbox.unavailable).toBe(true);
      const failure = storageFailure(() => save(outbox, [box('new')]));
      expect(failure.code).toBe('storage');
      expect(failure.message).toMatch(
        /^Not saved on this computer: the (app data folder is read-only|outbox file cannot be opened)\. Your edit is still in the editor/,
      );

      execFileSync('mount', ['-o', 'remount,rw', mnt]);
      expect(save(outbox, [box('new')]).seq).toBe(2);
      expect(outbox.entries('p', 'img').map((e) => (e.kind === 'save' ? e.annotations[0]!.id : ''))).toEqual([
        'kept',
        'new',
      ]);
    } finally {
      outbox.close();
    }
  });

  it('full: the save is refused, nothing half-written is left, smaller writes still work', () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]);
    const outbox = Outbox.open({ dir: mnt, log });
    try {
      save(outbox, [box('small')]);
      const failure = storageFailure(() => save(outbox, big(2_000)));
      expect(failure).toEqual({
        code: 'storage',
        message: expect.stringMatching(/^Not saved on this computer: the disk is full\./),
      });
      expect(outbox.entries('p', 'img')).toHaveLength(1);
      expect(outbox.enqueueReview({ profileId: 'p', imageId: 'img', action: 'approve' }).seq).toBeGreaterThan(1);
    } finally {
      outbox.close();
    }
  });
});

describe.runIf(!MOUNTABLE)('without root no tmpfs can be mounted', () => {
  it('says why the real-disk storage tests did not run', () => {
    expect(MOUNTABLE).toBe(false);
  });
});
