import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Annotation } from '../../../shared/api';
import type { IpcError } from '../../../shared/ipc';
import type { Log } from '../log';
import { inTransaction } from '../fs/sqliteFiles';
import { openOutboxDb } from './db';
import type { OutboxRecovery } from './db';
import { storageError, storageReason } from './storage';
import { toConflict, toEntry } from './rows';
import type { ConflictRow, EntryRow } from './rows';
import type { ConflictRecord, OutboxEntry, OutboxImageRow, ReviewAction, SaveBase } from './types';

export interface OutboxOptions {
  /** The folder holding `outbox.db` (the userData folder in the app). */
  dir: string;
  log: Log;
  now?: () => Date;
}

export interface EnqueueSaveInput {
  profileId: string;
  imageId: string;
  annotations: Annotation[];
  /** The ETag the edit started from; null is the user's explicit "overwrite". */
  ifMatch: string | null;
  /** The list at `ifMatch` when this computer knows it. */
  baseAnnotations: Annotation[] | null;
}

/**
 * The durable queue under every save and review (docs/offline.md): `outbox.db`, WAL with
 * `synchronous = FULL`. Each write is one transaction and returns only after COMMIT, i.e. after
 * the disk has it — that is the moment a save may be acknowledged "on this computer".
 *
 * When the data folder cannot be written (read-only, full, gone) the outbox does not throw at
 * open: it stays unavailable and every write is refused with a `storage` AppError (the edit is
 * never acknowledged, so the editor keeps it); the next write tries to open again.
 */
export class Outbox {
  readonly recovery: OutboxRecovery | null;
  readonly #options: OutboxOptions;
  #db: DatabaseSync | null;
  #closed = false;

  private constructor(options: OutboxOptions, db: DatabaseSync | null, recovery: OutboxRecovery | null) {
    this.#options = options;
    this.#db = db;
    this.recovery = recovery;
  }

  static open(options: OutboxOptions): Outbox {
    try {
      const { db, recovery } = openOutboxDb(join(options.dir, 'outbox.db'), options.log, options.now);
      return new Outbox(options, db, recovery);
    } catch (error) {
      const reason = storageReason(error);
      if (reason === null) throw error;
      options.log('warn', 'The outbox cannot be opened: saves are refused until it can', { reason });
      return new Outbox(options, null, null);
    }
  }

  /** Writes the save and returns after COMMIT. An image with an open conflict gets its "mine" replaced instead. */
  enqueueSave(input: EnqueueSaveInput): { seq: number | null; conflictId: number | null } {
    return this.#write((db) =>
      inTransaction(db, () => {
        const conflict = db
          .prepare('SELECT id FROM conflicts WHERE profile_id = ? AND image_id = ?')
          .get(input.profileId, input.imageId) as { id: number } | undefined;
        if (conflict) {
          // The user kept editing a conflicted image: the resolver compares their latest state.
          db.prepare('UPDATE conflicts SET mine_json = ? WHERE id = ?').run(
            JSON.stringify(input.annotations),
            conflict.id,
          );
          return { seq: null, conflictId: conflict.id };
        }
        const result = db
          .prepare(
            `INSERT INTO entries (profile_id, image_id, kind, created_ms, payload, base_etag, base_json, force)
             VALUES (?, ?, 'save', ?, ?, ?, ?, ?)`,
          )
          .run(
            input.profileId,
            input.imageId,
            this.#now(),
            JSON.stringify(input.annotations),
            input.ifMatch,
            input.baseAnnotations === null ? null : JSON.stringify(input.baseAnnotations),
            input.ifMatch === null ? 1 : 0,
          );
        return { seq: Number(result.lastInsertRowid), conflictId: null };
      }),
    );
  }

  enqueueReview(input: { profileId: string; imageId: string; action: ReviewAction; note?: string | undefined }): {
    seq: number;
  } {
    return this.#write((db) => {
      const payload = JSON.stringify({ action: input.action, note: input.note ?? null });
      const result = db
        .prepare(`INSERT INTO entries (profile_id, image_id, kind, created_ms, payload) VALUES (?, ?, 'review', ?, ?)`)
        .run(input.profileId, input.imageId, this.#now(), payload);
      return { seq: Number(result.lastInsertRowid) };
    });
  }

  /** Images with queued work for this profile, oldest first; images blocked by a conflict or a failure wait. */
  pendingImages(profileId: string): string[] {
    const db = this.#db;
    if (!db) return [];
    const rows = db
      .prepare(
        `SELECT e.image_id AS imageId, min(e.seq) AS first FROM entries e INDEXED BY entries_by_state
          WHERE e.profile_id = ?
            AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.profile_id = e.profile_id AND c.image_id = e.image_id)
          GROUP BY e.image_id HAVING sum(e.state = 'failed') = 0 ORDER BY first`,
      )
      .all(profileId) as { imageId: string }[];
    return rows.map((r) => r.imageId);
  }

  /** An image's entries in queue order. */
  entries(profileId: string, imageId: string): OutboxEntry[] {
    const db = this.#db;
    if (!db) return [];
    const rows = db
      .prepare('SELECT * FROM entries WHERE profile_id = ? AND image_id = ? ORDER BY seq')
      .all(profileId, imageId) as unknown as EntryRow[];
    return rows.map(toEntry);
  }

  /**
   * The server has these entries' effect: drop them, and rebase the image's later saves on what the
   * server now holds (their merge must start from there, not from the old base).
   */
  complete(profileId: string, imageId: string, seqs: readonly number[], rebase: SaveBase | null): void {
    this.#write((db) =>
      inTransaction(db, () => {
        const drop = db.prepare('DELETE FROM entries WHERE seq = ?');
        for (const seq of seqs) drop.run(seq);
        if (rebase === null) return;
        if (rebase.annotations !== null)
          db.prepare(
            `INSERT INTO synced (profile_id, image_id, etag, json) VALUES (?, ?, ?, ?)
             ON CONFLICT (profile_id, image_id) DO UPDATE SET etag = excluded.etag, json = excluded.json`,
          ).run(profileId, imageId, rebase.etag, JSON.stringify(rebase.annotations));
        db.prepare(
          `UPDATE entries SET base_etag = ?, base_json = ? WHERE profile_id = ? AND image_id = ? AND kind = 'save'`,
        ).run(rebase.etag, rebase.annotations === null ? null : JSON.stringify(rebase.annotations), profileId, imageId);
      }),
    );
  }

  /** A try failed: counted, the error kept; `permanent` parks the image until the user retries. */
  recordFailure(seqs: readonly number[], error: IpcError, permanent: boolean): void {
    this.#write((db) =>
      inTransaction(db, () => {
        const update = db.prepare(
          `UPDATE entries SET attempts = attempts + 1, last_error = ?, state = CASE WHEN ? THEN 'failed' ELSE state END
            WHERE seq = ?`,
        );
        for (const seq of seqs) update.run(JSON.stringify(error), permanent ? 1 : 0, seq);
      }),
    );
  }

  /** `sync:flush` asked by the user: refused entries get another chance. */
  retryFailed(profileId: string): number {
    return this.#write(
      (db) =>
        db.prepare(`UPDATE entries SET state = 'queued' WHERE profile_id = ? AND state = 'failed'`).run(profileId)
          .changes as number,
    );
  }

  /** Saves that could not be merged become one conflict record, in the same transaction. */
  toConflict(seqs: readonly number[], record: Omit<ConflictRecord, 'id' | 'seq' | 'createdMs'>): number {
    return this.#write((db) =>
      inTransaction(db, () => {
        const drop = db.prepare('DELETE FROM entries WHERE seq = ?');
        for (const seq of seqs) drop.run(seq);
        const result = db
          .prepare(
            `INSERT INTO conflicts (seq, profile_id, image_id, created_ms, base_etag, base_json, mine_json, theirs_etag, theirs_json)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            Math.min(...seqs),
            record.profileId,
            record.imageId,
            this.#now(),
            record.base.etag,
            JSON.stringify(record.base.annotations),
            JSON.stringify(record.mine),
            record.theirs.etag,
            JSON.stringify(record.theirs.annotations),
          );
        return Number(result.lastInsertRowid);
      }),
    );
  }

  conflicts(profileId: string | null): ConflictRecord[] {
    const db = this.#db;
    if (!db) return [];
    const rows = (profileId === null
      ? db.prepare('SELECT * FROM conflicts ORDER BY id').all()
      : db
          .prepare('SELECT * FROM conflicts WHERE profile_id = ? ORDER BY id')
          .all(profileId)) as unknown as ConflictRow[];
    return rows.map(toConflict);
  }

  /** What the server took and the catalog may not know yet (see migrations/002_synced.ts). */
  syncedJournal(): { profileId: string; imageId: string; etag: string | null; annotations: Annotation[] }[] {
    const rows = (this.#db?.prepare('SELECT * FROM synced').all() ?? []) as {
      profile_id: string;
      image_id: string;
      etag: string | null;
      json: string;
    }[];
    return rows.map((r) => ({
      profileId: r.profile_id,
      imageId: r.image_id,
      etag: r.etag,
      annotations: JSON.parse(r.json) as Annotation[],
    }));
  }

  /** The catalog has it now. Only the row for this very ETag goes: a newer send keeps its own. */
  clearSynced(profileId: string, imageId: string, etag: string | null): void {
    this.#write((db) =>
      db
        .prepare('DELETE FROM synced WHERE profile_id = ? AND image_id = ? AND etag IS ?')
        .run(profileId, imageId, etag),
    );
  }

  /** Whether saves of this image wait (reads no payloads: cheap on every save). */
  hasQueuedSave(profileId: string, imageId: string): boolean {
    return (
      this.#db
        ?.prepare(`SELECT 1 FROM entries WHERE profile_id = ? AND image_id = ? AND kind = 'save' LIMIT 1`)
        .get(profileId, imageId) !== undefined
    );
  }

  hasConflict(profileId: string, imageId: string): boolean {
    return (
      this.#db?.prepare('SELECT 1 FROM conflicts WHERE profile_id = ? AND image_id = ?').get(profileId, imageId) !==
      undefined
    );
  }

  conflict(id: number): ConflictRecord | null {
    const row = this.#db?.prepare('SELECT * FROM conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
    return row ? toConflict(row) : null;
  }

  /**
   * The user decided: the conflict goes, and unless the decision equals what the server holds the
   * resolved list is queued at the conflict's place, based on theirs' ETag.
   */
  resolve(id: number, resolved: Annotation[] | null): { seq: number | null } {
    return this.#write((db) =>
      inTransaction(db, () => {
        const row = db.prepare('SELECT * FROM conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
        if (!row) return { seq: null };
        db.prepare('DELETE FROM conflicts WHERE id = ?').run(id);
        if (resolved === null) return { seq: null };
        db.prepare(
          `INSERT INTO entries (seq, profile_id, image_id, kind, created_ms, payload, base_etag, base_json, force)
           VALUES (?, ?, ?, 'save', ?, ?, ?, ?, 0)`,
        ).run(
          row.seq,
          row.profile_id,
          row.image_id,
          this.#now(),
          JSON.stringify(resolved),
          row.theirs_etag,
          row.theirs_json,
        );
        return { seq: row.seq };
      }),
    );
  }

  /** What a reopened image should show: the user's latest unsynced state, or null when nothing waits. */
  overlay(
    profileId: string,
    imageId: string,
  ): { annotations: Annotation[]; etag: string | null; state: 'queued' | 'conflict' } | null {
    const conflict = this.hasConflict(profileId, imageId)
      ? this.conflicts(profileId).find((c) => c.imageId === imageId)
      : undefined;
    if (conflict) return { annotations: conflict.mine, etag: conflict.theirs.etag, state: 'conflict' };
    // Only the first save's base and the last save's list: a long queue is not parsed whole.
    const db = this.#db;
    if (!db) return null;
    const pick = (order: 'ASC' | 'DESC', column: 'base_etag' | 'payload') =>
      db
        .prepare(
          `SELECT ${column} AS v FROM entries WHERE profile_id = ? AND image_id = ? AND kind = 'save' ORDER BY seq ${order} LIMIT 1`,
        )
        .get(profileId, imageId) as { v: string | null } | undefined;
    const first = pick('ASC', 'base_etag');
    const last = pick('DESC', 'payload');
    if (!first || !last || last.v === null) return null;
    return { annotations: JSON.parse(last.v) as Annotation[], etag: first.v, state: 'queued' };
  }

  /** Per image: how many entries wait or were refused, and whether a conflict holds it. */
  images(): OutboxImageRow[] {
    const db = this.#db;
    if (!db) return [];
    // Counts from the covering index (entries_by_state); the error text only for parked images.
    const rows = db
      .prepare(
        `SELECT profile_id AS profileId, image_id AS imageId, sum(queued) AS queued, sum(failed) AS failed,
                max(conflict) AS conflict FROM (
           SELECT profile_id, image_id, state = 'queued' AS queued, state = 'failed' AS failed, 0 AS conflict
             FROM entries INDEXED BY entries_by_state
           UNION ALL SELECT profile_id, image_id, 0, 0, 1 FROM conflicts)
         GROUP BY profile_id, image_id ORDER BY profile_id, image_id`,
      )
      .all() as { profileId: string; imageId: string; queued: number; failed: number; conflict: number }[];
    const lastError = db.prepare(
      `SELECT last_error FROM entries WHERE profile_id = ? AND image_id = ? AND state = 'failed' ORDER BY seq DESC LIMIT 1`,
    );
    return rows.map((r) => {
      const error =
        r.failed > 0 ? (lastError.get(r.profileId, r.imageId) as { last_error: string | null } | undefined) : undefined;
      return {
        ...r,
        conflict: r.conflict === 1,
        lastError: error?.last_error ? (JSON.parse(error.last_error) as IpcError) : null,
      };
    });
  }

  /** PRAGMA synchronous of the open connection (2 = FULL), so tests hold the durability setting. */
  synchronousMode(): number | null {
    const row = this.#db?.prepare('PRAGMA synchronous').get() as { synchronous: number } | undefined;
    return row ? Number(row.synchronous) : null;
  }

  /** True while the data folder cannot be written: every write is refused. */
  get unavailable(): boolean {
    return this.#db === null;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db?.close();
    this.#db = null;
  }

  /** Every write: a storage failure becomes a clear `storage` AppError; nothing half-written is acknowledged. */
  #write<T>(work: (db: DatabaseSync) => T): T {
    try {
      return work(this.#openForWrite());
    } catch (error) {
      const reason = storageReason(error);
      if (reason !== null) throw storageError(reason, error);
      throw error;
    }
  }

  #openForWrite(): DatabaseSync {
    if (this.#closed) throw new Error('The outbox is closed');
    if (this.#db) return this.#db;
    // The folder was unwritable at start; it may have been fixed since.
    this.#db = openOutboxDb(join(this.#options.dir, 'outbox.db'), this.#options.log, this.#options.now).db;
    return this.#db;
  }

  #now(): number {
    return (this.#options.now?.() ?? new Date()).getTime();
  }
}
