import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type {
  UploadBatchView,
  UploadDuplicateChoice,
  UploadItemState,
  UploadItemView,
  UploadQueueView,
} from '../../../shared/ipc/channels/uploads';
import type { Log } from '../../../shared/log';
import { abortableSleep } from '../client/backoff';
import { AppError, isAppError } from '../errors';
import type { Emit } from '../events';
import type { Session } from '../session/session';
import type { QueueFile, StoredBatch, StoredItem } from './queueStore';
import { UploadQueueStore } from './queueStore';
import { uploadItem } from './uploadItem';
import { expandDrop } from './walk';

export interface UploadsServiceDeps {
  session: Pick<Session, 'use' | 'active'>;
  emit: Emit;
  log: Log;
  /** Folder for `queue.json`. */
  dir: string;
  /** New images arrived in a dataset: the catalog should re-index it (catalog:refresh). */
  onUploaded: (profileId: string, datasetId: string) => void;
  /** Files sent at once (default 4). */
  concurrency?: number;
  /** Attempts per file on transient failures (default 4), with these waits between (default 1, 2, 4 s). */
  attempts?: number;
  retryDelayMs?: (attempt: number) => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const FINAL: ReadonlySet<UploadItemState> = new Set(['done', 'skipped', 'failed', 'cancelled']);
const REFRESH_EVERY = 25;

function view(item: StoredItem): UploadItemView {
  const { id, batchId, datasetId, path, filename, directoryPath, size, state, message, imageId, bytesSent } = item;
  return { id, batchId, datasetId, path, filename, directoryPath, size, state, message, imageId, bytesSent };
}

/**
 * The upload queue (issue 11 item 2): drops become persisted items, a small pool of workers sends
 * them for the signed-in profile, transient failures are retried with backoff, and a restart picks
 * up where it stopped (items in flight go back to the queue and are re-verified before sending).
 */
export class UploadsService {
  readonly #deps: UploadsServiceDeps;
  readonly #store: UploadQueueStore;
  #state: QueueFile = { version: 1, batches: [], items: [] };
  readonly #controllers = new Map<string, AbortController>();
  readonly #workers = new Set<Promise<void>>();
  readonly #doneSinceRefresh = new Map<string, number>();
  #disposed = false;

  private constructor(deps: UploadsServiceDeps) {
    this.#deps = deps;
    this.#store = new UploadQueueStore(deps.dir, deps.log);
  }

  /** Loads the persisted queue; anything that was uploading when the app stopped is queued again. */
  static async open(deps: UploadsServiceDeps): Promise<UploadsService> {
    const service = new UploadsService(deps);
    service.#state = await service.#store.load();
    for (const item of service.#state.items) if (item.state === 'uploading') item.state = 'queued';
    return service;
  }

  /** Expands the drop, records each file's size and mtime, persists the batch and starts sending. */
  async add(input: {
    datasetId: string;
    paths: string[];
    directory: string;
    duplicates: UploadDuplicateChoice;
  }): Promise<UploadBatchView> {
    const profileId = this.#deps.session.active?.profile.id;
    if (!profileId) throw new AppError({ code: 'not_connected', message: 'Sign in before uploading images.' });
    const files = await expandDrop(input.paths, input.directory);
    if (files.length === 0) throw new AppError({ code: 'bad_request', message: 'The drop held no files.' });
    const batch: StoredBatch = {
      id: randomUUID(),
      datasetId: input.datasetId,
      profileId,
      duplicates: input.duplicates,
      createdAt: new Date().toISOString(),
    };
    const items: StoredItem[] = [];
    for (const file of files) {
      const info = await stat(file.path);
      items.push({
        id: randomUUID(),
        batchId: batch.id,
        datasetId: input.datasetId,
        profileId,
        path: file.path,
        filename: file.filename,
        directoryPath: file.directoryPath,
        size: info.size,
        state: 'queued',
        message: null,
        imageId: null,
        bytesSent: 0,
        queuedSize: info.size,
        queuedMtimeMs: info.mtimeMs,
        fingerprint: null,
        contentType: null,
        width: null,
        height: null,
        uploadId: null,
        phase: 'new',
        attempts: 0,
      });
    }
    this.#state.batches.push(batch);
    this.#state.items.push(...items);
    await this.#store.save(this.#state);
    this.pump();
    return this.#batchView(batch);
  }

  list(batchId?: string): UploadQueueView {
    const batches = this.#state.batches.filter((b) => batchId === undefined || b.id === batchId);
    const ids = new Set(batches.map((b) => b.id));
    return {
      batches: batches.map((b) => this.#batchView(b)),
      items: this.#state.items.filter((i) => ids.has(i.batchId)).map(view),
    };
  }

  cancel(target: { batchId: string } | { itemId: string }): number {
    let cancelled = 0;
    for (const item of this.#state.items) {
      const match = 'batchId' in target ? item.batchId === target.batchId : item.id === target.itemId;
      if (!match || FINAL.has(item.state)) continue;
      this.#controllers.get(item.id)?.abort();
      this.#finish(item, 'cancelled', 'Cancelled.');
      cancelled++;
    }
    return cancelled;
  }

  /** Forgets batches with nothing left to do. */
  clear(): number {
    const open = new Set(this.#state.items.filter((i) => !FINAL.has(i.state)).map((i) => i.batchId));
    const before = this.#state.batches.length;
    this.#state.batches = this.#state.batches.filter((b) => open.has(b.id));
    const kept = new Set(this.#state.batches.map((b) => b.id));
    this.#state.items = this.#state.items.filter((i) => kept.has(i.batchId));
    void this.#store.save(this.#state);
    return before - this.#state.batches.length;
  }

  /** Starts workers up to the concurrency for queued items of the signed-in profile. */
  pump(): void {
    const limit = this.#deps.concurrency ?? 4;
    while (!this.#disposed && this.#workers.size < limit && this.#next(false)) {
      const worker: Promise<void> = this.#work()
        .catch((error: unknown) => this.#deps.log('error', 'Upload worker crashed', { error: String(error) }))
        .finally(() => {
          this.#workers.delete(worker);
          if (this.#workers.size === 0) this.#refreshAll();
        });
      this.#workers.add(worker);
    }
  }

  /** Resolves when no worker is running (tests, the benchmark, shutdown). */
  async idle(): Promise<void> {
    while (this.#workers.size > 0) await Promise.all([...this.#workers]);
    await this.#store.flushed();
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    for (const controller of this.#controllers.values()) controller.abort();
    await Promise.all([...this.#workers]);
    // Items stopped by shutdown are not cancelled by the user: they stay queued for the next start.
    await this.#store.save(this.#state);
  }

  #next(claim: boolean): StoredItem | undefined {
    const profileId = this.#deps.session.active?.profile.id;
    const item = this.#state.items.find((i) => i.state === 'queued' && i.profileId === profileId);
    if (item && claim) item.state = 'uploading';
    return item;
  }

  async #work(): Promise<void> {
    for (let item = this.#next(true); item && !this.#disposed; item = this.#next(true)) {
      this.#emit(item);
      await this.#one(item);
    }
  }

  async #one(item: StoredItem): Promise<void> {
    const batch = this.#state.batches.find((b) => b.id === item.batchId);
    const controller = new AbortController();
    this.#controllers.set(item.id, controller);
    try {
      const outcome = await this.#deps.session.use((client) =>
        uploadItem(item, {
          client,
          duplicates: batch?.duplicates ?? 'skip',
          save: () => void this.#store.save(this.#state),
          onBytes: (sent) => {
            item.bytesSent = sent;
            this.#emit(item);
          },
          signal: controller.signal,
        }),
      );
      if (item.state === 'cancelled') return;
      if (this.#disposed && outcome.kind !== 'done') {
        item.state = 'queued'; // stopped by shutdown, not by the user: resume on the next start
        return;
      }
      if (outcome.kind === 'done') {
        item.imageId = outcome.imageId;
        this.#finish(item, 'done', null);
        this.#noteUploaded(item);
      } else if (outcome.kind === 'skipped') this.#finish(item, 'skipped', outcome.message);
      else if (outcome.kind === 'failed') this.#finish(item, 'failed', outcome.message);
      else await this.#retryLater(item, outcome.error, controller.signal);
    } catch (error) {
      if (item.state === 'cancelled') return;
      if (
        this.#disposed ||
        (isAppError(error) && (error.code === 'not_connected' || error.code === 'invalid_api_key'))
      ) {
        // Signed out or shutting down: keep it queued for when we are back.
        item.state = 'queued';
        void this.#store.save(this.#state);
        return;
      }
      this.#finish(item, 'failed', `${item.filename}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.#controllers.delete(item.id);
    }
  }

  async #retryLater(item: StoredItem, error: AppError, signal: AbortSignal): Promise<void> {
    item.attempts++;
    if (item.attempts >= (this.#deps.attempts ?? 4)) {
      this.#finish(item, 'failed', `${item.filename}: ${error.message} (gave up after ${item.attempts} tries)`);
      return;
    }
    const delay = this.#deps.retryDelayMs?.(item.attempts) ?? 1000 * 2 ** (item.attempts - 1);
    await (this.#deps.sleep ?? abortableSleep)(delay, signal).catch(() => undefined);
    if (item.state === 'uploading') {
      item.state = 'queued';
      void this.#store.save(this.#state);
    }
  }

  #finish(item: StoredItem, state: UploadItemState, message: string | null): void {
    item.state = state;
    item.message = message;
    if (state === 'done') item.bytesSent = item.size;
    void this.#store.save(this.#state);
    this.#emit(item);
  }

  #noteUploaded(item: StoredItem): void {
    const key = `${item.profileId}\u0000${item.datasetId}`;
    const count = (this.#doneSinceRefresh.get(key) ?? 0) + 1;
    this.#doneSinceRefresh.set(key, count);
    if (count >= REFRESH_EVERY) this.#refresh(key);
  }

  #refreshAll(): void {
    for (const key of [...this.#doneSinceRefresh.keys()]) this.#refresh(key);
  }

  #refresh(key: string): void {
    this.#doneSinceRefresh.delete(key);
    const [profileId, datasetId] = key.split('\u0000') as [string, string];
    try {
      this.#deps.onUploaded(profileId, datasetId);
    } catch (error) {
      this.#deps.log('warn', 'Could not refresh the catalog after uploads', { datasetId, error: String(error) });
    }
  }

  #emit(item: StoredItem): void {
    const batch = this.#state.batches.find((b) => b.id === item.batchId);
    if (batch) this.#deps.emit('event:upload', { batch: this.#batchView(batch), item: view(item) });
  }

  #batchView(batch: StoredBatch): UploadBatchView {
    const counts: Record<UploadItemState, number> = {
      queued: 0,
      uploading: 0,
      done: 0,
      skipped: 0,
      failed: 0,
      cancelled: 0,
    };
    let bytesTotal = 0;
    let bytesSent = 0;
    let total = 0;
    for (const item of this.#state.items) {
      if (item.batchId !== batch.id) continue;
      total++;
      counts[item.state]++;
      bytesTotal += item.size;
      bytesSent += item.bytesSent;
    }
    const { id, datasetId, duplicates, createdAt } = batch;
    return { id, datasetId, duplicates, createdAt, total, counts, bytesTotal, bytesSent };
  }
}
