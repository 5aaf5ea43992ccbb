import type { DatabaseSync } from 'node:sqlite';
import type { Annotation } from '../../../shared/api';
import { inTransaction } from '../fs/sqliteFiles';

export interface CachedAnnotations {
  annotations: Annotation[];
  etag: string | null;
  /** 0 when written here after a save: the server's canonical form is still to be read. */
  syncedMs: number;
}

interface PendingWrite {
  write: () => void;
  timer: ReturnType<typeof setTimeout>;
}

const keyOf = (profileId: string, imageId: string) => `${profileId}\u0000${imageId}`;

/**
 * Annotation documents with their ETags, and the class names in each (the "class present" filter).
 *
 * A document can be written a moment later (`putSoon`): a fresh 10,000-polygon list costs ~100 ms
 * of JSON text and SQLite, which must not sit on main's one thread while the same list crosses to
 * the renderer. The repository keeps that invisible: a read of the document (or a query by class)
 * writes it first, and any other write of the same document replaces it — that one is newer.
 */
export class AnnotationRepo {
  readonly #db: DatabaseSync;
  readonly #pending = new Map<string, PendingWrite>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Stores a document after `delayMs` (see the class comment); a newer putSoon replaces it. */
  putSoon(
    profileId: string,
    imageId: string,
    annotations: readonly Annotation[],
    etag: string | null,
    syncedMs: number,
    delayMs: number,
  ): void {
    const key = keyOf(profileId, imageId);
    this.#settle(key, 'drop');
    const pending: PendingWrite = {
      write: () => void this.#write(profileId, imageId, annotations, etag, syncedMs),
      timer: setTimeout(() => this.#settle(key, 'write'), delayMs),
    };
    this.#pending.set(key, pending);
  }

  /** Writes every document still waiting (queries by class, and before the database closes). */
  flushPending(): void {
    for (const key of [...this.#pending.keys()]) this.#settle(key, 'write');
  }

  get(profileId: string, imageId: string): CachedAnnotations | null {
    this.#settle(keyOf(profileId, imageId), 'write');
    const row = this.#db
      .prepare('SELECT etag, json, synced_ms FROM annotation_docs WHERE profile_id = ? AND image_id = ?')
      .get(profileId, imageId) as { etag: string | null; json: string; synced_ms: number } | undefined;
    if (!row) return null;
    return { annotations: JSON.parse(row.json) as Annotation[], etag: row.etag, syncedMs: row.synced_ms };
  }

  /** Stores a document and its classes; returns true when the document (or its ETag) changed. */
  put(
    profileId: string,
    imageId: string,
    annotations: readonly Annotation[],
    etag: string | null,
    syncedMs: number,
  ): boolean {
    // Whatever waited for this document is older than what is written now.
    this.#settle(keyOf(profileId, imageId), 'drop');
    return this.#write(profileId, imageId, annotations, etag, syncedMs);
  }

  #settle(key: string, how: 'write' | 'drop'): void {
    const pending = this.#pending.get(key);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(key);
    if (how === 'write') pending.write();
  }

  #write(
    profileId: string,
    imageId: string,
    annotations: readonly Annotation[],
    etag: string | null,
    syncedMs: number,
  ): boolean {
    const json = JSON.stringify(annotations);
    return inTransaction(this.#db, () => {
      const old = this.#db
        .prepare('SELECT etag, json FROM annotation_docs WHERE profile_id = ? AND image_id = ?')
        .get(profileId, imageId) as { etag: string | null; json: string } | undefined;
      this.#db
        .prepare(
          `INSERT INTO annotation_docs (profile_id, image_id, etag, json, synced_ms) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (profile_id, image_id) DO UPDATE SET
             etag = excluded.etag, json = excluded.json, synced_ms = excluded.synced_ms`,
        )
        .run(profileId, imageId, etag, json, syncedMs);
      this.#db.prepare('DELETE FROM annotation_classes WHERE profile_id = ? AND image_id = ?').run(profileId, imageId);
      const insert = this.#db.prepare(
        'INSERT OR IGNORE INTO annotation_classes (profile_id, image_id, class_name) VALUES (?, ?, ?)',
      );
      for (const name of new Set(annotations.map((a) => a.name))) insert.run(profileId, imageId, name);
      return old === undefined || old.json !== json || old.etag !== etag;
    });
  }

  /** Forgets documents of images that vanished from the server. */
  removeMany(profileId: string, imageIds: readonly string[]): void {
    if (imageIds.length === 0) return;
    for (const id of imageIds) this.#settle(keyOf(profileId, id), 'drop');
    inTransaction(this.#db, () => {
      const docs = this.#db.prepare('DELETE FROM annotation_docs WHERE profile_id = ? AND image_id = ?');
      const classes = this.#db.prepare('DELETE FROM annotation_classes WHERE profile_id = ? AND image_id = ?');
      for (const id of imageIds) {
        docs.run(profileId, id);
        classes.run(profileId, id);
      }
    });
  }

  /** Images of this dataset whose annotation list is cached (what the class filter can look at). */
  countKnown(profileId: string, ds: number): number {
    this.flushPending();
    return (
      this.#db
        .prepare(
          `SELECT count(*) AS n FROM annotation_docs d JOIN images i ON i.id = d.image_id AND i.ds = ?
            WHERE d.profile_id = ?`,
        )
        .get(ds, profileId) as { n: number }
    ).n;
  }

  /** Class names present in this dataset's cached documents (for the class filter's choices). */
  classNames(profileId: string, ds: number): string[] {
    this.flushPending();
    const rows = this.#db
      .prepare(
        `SELECT DISTINCT c.class_name AS name FROM annotation_classes c JOIN images i ON i.id = c.image_id AND i.ds = ?
          WHERE c.profile_id = ? ORDER BY c.class_name`,
      )
      .all(ds, profileId) as { name: string }[];
    return rows.map((r) => r.name);
  }
}
