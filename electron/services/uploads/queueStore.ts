import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { UploadDuplicateChoice, UploadItemView } from '../../../shared/ipc/channels/uploads';
import type { Log } from '../../../shared/log';
import { SerialQueue, writeFileAtomic } from '../fs/atomicFile';
import type { Fingerprint } from './fileCheck';

/** One queued file as persisted: the view plus what a restart needs to resume without duplicates. */
export interface StoredItem extends UploadItemView {
  profileId: string;
  /** stat at the time it was queued: a file changed since then is not sent */
  queuedSize: number;
  queuedMtimeMs: number;
  /** set once the file passed its checks */
  fingerprint: Fingerprint | null;
  contentType: string | null;
  width: number | null;
  height: number | null;
  /** the server's upload slot, and whether register may already have happened */
  uploadId: string | null;
  phase: 'new' | 'put' | 'registering';
  attempts: number;
}

export interface StoredBatch {
  id: string;
  datasetId: string;
  profileId: string;
  duplicates: UploadDuplicateChoice;
  createdAt: string;
}

export interface QueueFile {
  version: 1;
  batches: StoredBatch[];
  items: StoredItem[];
}

const EMPTY: QueueFile = { version: 1, batches: [], items: [] };

/**
 * The upload queue on disk (`uploads/queue.json`): written atomically after each change (writes
 * coalesce: one in flight, the latest state next), so a crash leaves the previous or the new
 * queue. A file that cannot be parsed is set aside (`queue.json.corrupt-<time>`) and the queue
 * starts empty — the files themselves are still on the user's disk.
 */
export class UploadQueueStore {
  readonly #path: string;
  readonly #log: Log;
  readonly #writes = new SerialQueue();
  #pending: QueueFile | null = null;
  #last: Promise<void> = Promise.resolve();

  constructor(dir: string, log: Log) {
    this.#path = join(dir, 'queue.json');
    this.#log = log;
  }

  async load(): Promise<QueueFile> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch {
      return structuredClone(EMPTY);
    }
    try {
      const parsed = JSON.parse(text) as QueueFile;
      if (parsed.version !== 1 || !Array.isArray(parsed.items) || !Array.isArray(parsed.batches)) {
        throw new Error('not an upload queue');
      }
      return parsed;
    } catch (error) {
      const aside = `${this.#path}.corrupt-${Date.now()}`;
      await rename(this.#path, aside).catch(() => undefined);
      this.#log('warn', 'The upload queue was unreadable and was set aside', { aside, error: String(error) });
      return structuredClone(EMPTY);
    }
  }

  /** Schedules a write of `state` (a snapshot is taken now); queued writes collapse into the latest. */
  save(state: QueueFile): Promise<void> {
    this.#pending = structuredClone(state);
    this.#last = this.#writes
      .run(async () => {
        const next = this.#pending;
        this.#pending = null;
        if (next) await writeFileAtomic(this.#path, JSON.stringify(next));
      })
      .catch((error: unknown) => this.#log('error', 'Could not save the upload queue', { error: String(error) }));
    return this.#last;
  }

  async flushed(): Promise<void> {
    await this.#last;
  }
}
