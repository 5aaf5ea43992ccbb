import type { Annotation } from '../../../shared/api';
import { canonicalizeForSave, validateAnnotations } from '../../../shared/annotations/validate';
import type { IpcError, ReviewResult, SaveResult, SyncStatus } from '../../../shared/ipc';
import { notSavedError } from '../client/pictographClient';
import type { Emit } from '../events';
import type { Log } from '../log';
import type { Outbox } from '../outbox/outbox';
import type { OutboxEntry, ReviewAction, SaveEntry } from '../outbox/types';
import type { LocalReviewStore } from '../review/localReviewStore';
import { submitReview } from '../review/submitReview';
import { notConnectedError } from '../session/session';
import type { Session } from '../session/session';
import { classifyFailure, retryAfterMs } from './classify';
import { ConnectivityProbe } from './connectivity';
import type { ProbeTiming } from './connectivity';
import { EditBases } from './editBases';
import { sendSaveGroup } from './sendSave';
import { buildStatus } from './status';
import type { SyncCatalog } from './types';

export interface SyncEngineOptions {
  outbox: Outbox;
  session: Session;
  reviews: LocalReviewStore;
  catalog: SyncCatalog;
  emit: Emit;
  log: Log;
  probe?: ProbeTiming;
  /** How long a save waits for the server before answering "on this computer" (default 10 s). */
  interactiveWaitMs?: number;
  /** When a failing server (5xx) is tried again (default 30 s). */
  retryMs?: number;
  now?: () => number;
}

/** What became of one entry a caller is waiting for. */
type Outcome =
  | { kind: 'saved'; etag: string | null; previousCount: number | null; status: string | null; merged: boolean }
  | { kind: 'reviewed'; result: ReviewResult }
  | { kind: 'conflict' }
  | { kind: 'failed'; error: unknown; refused: boolean };

type Stop = 'image' | 'all';

/**
 * Sends the outbox (docs/offline.md): per image in queue order, consecutive saves coalesced into
 * one request (sendSave.ts), reviews one by one; one image at a time so the quota is spent
 * serially (the client waits when `X-RateLimit-Remaining` is 0 and honours Retry-After). A 401, the
 * network or a spent quota pause the whole queue and keep every entry; a failing server is retried
 * later; a refusal parks that image only. Flushes by itself when the connection comes back.
 */
export class SyncEngine {
  readonly #o: SyncEngineOptions;
  readonly #probe: ConnectivityProbe;
  readonly #sending = new Set<string>();
  readonly #locks = new Map<string, Promise<void>>();
  readonly #watched = new Map<number, Outcome | null>();
  #flushing: Promise<void> | null = null;
  #progress: { done: number; total: number } | null = null;
  #rateLimitedUntil = 0;
  #lastSyncAt: string | null = null;
  #lastError: IpcError | null = null;
  #timer: NodeJS.Timeout | null = null;
  #disposed = false;
  readonly #bases: EditBases;

  constructor(options: SyncEngineOptions) {
    this.#o = options;
    this.#probe = new ConnectivityProbe(options.session, options.probe);
    this.#bases = new EditBases(options.catalog);
    // Sends whose catalog update a crash cut off: the catalog learns them now (migrations/002_synced.ts).
    for (const row of options.outbox.syncedJournal())
      this.#catalogSaved(row.profileId, row.imageId, row.annotations, row.etag, null);
  }

  /**
   * `annotations:save`: checked (§7.3, the dataset's rules), written durably, then — when online —
   * sent at once; answers after the send or after `interactiveWaitMs`, whichever is first. A refusal
   * of this very save (403, 404, 422 from the server) removes it again and is thrown: it was never
   * acknowledged, so the editor still has it.
   */
  async save(request: { imageId: string; annotations: Annotation[]; ifMatch: string | null }): Promise<SaveResult> {
    const { imageId, ifMatch } = request;
    const profileId = this.#profileId();
    const rules = this.#o.catalog.rulesForImage(profileId, imageId) ?? undefined;
    const problems = validateAnnotations(request.annotations, rules);
    if (problems.length > 0) throw notSavedError(problems);
    const annotations = canonicalizeForSave(request.annotations);
    // No await from here to the enqueue: a send finishing in between cannot slip past the check.
    const queued = this.#o.outbox.hasQueuedSave(profileId, imageId);
    const base = this.#bases.baseFor(profileId, imageId, ifMatch, queued);
    const { seq, conflictId } = this.#o.outbox.enqueueSave({
      profileId,
      imageId,
      annotations,
      ifMatch: base.etag,
      baseAnnotations: base.annotations,
    });
    this.#changed();
    const answer = (state: SaveResult['state'], o?: Extract<Outcome, { kind: 'saved' }>): SaveResult => ({
      imageId,
      durable: true,
      synced: state === 'synced',
      state,
      merged: o?.merged ?? false,
      previousCount: o?.previousCount ?? null,
      newCount: annotations.length,
      status: o?.status ?? null,
      etag: o?.etag ?? null,
    });
    if (conflictId !== null || seq === null) return answer('conflict');
    const outcome = await this.#sendWaiting(profileId, imageId, seq);
    if (outcome?.kind === 'saved') return answer('synced', outcome);
    if (outcome?.kind === 'conflict') return answer('conflict');
    if (outcome?.kind === 'failed' && outcome.refused) {
      this.#o.outbox.complete(profileId, imageId, [seq], null);
      this.#changed();
      throw outcome.error;
    }
    return answer('queued');
  }

  /** `review:submit`, through the outbox like a save. */
  async review(request: { imageId: string; action: ReviewAction; note?: string | undefined }): Promise<ReviewResult> {
    const profileId = this.#profileId();
    const { seq } = this.#o.outbox.enqueueReview({ profileId, ...request });
    this.#changed();
    const outcome = await this.#sendWaiting(profileId, request.imageId, seq);
    if (outcome?.kind === 'reviewed') return outcome.result;
    if (outcome?.kind === 'failed' && outcome.refused) {
      this.#o.outbox.complete(profileId, request.imageId, [seq], null);
      this.#changed();
      throw outcome.error;
    }
    const status = request.action === 'approve' ? 'complete' : 'in_progress';
    return { imageId: request.imageId, status, storedLocally: false, queued: true };
  }

  /** Sends everything waiting for the signed-in profile; concurrent calls share one run. */
  flush(options: { retryFailed?: boolean } = {}): Promise<void> {
    const profileId = this.#o.session.active?.profile.id;
    if (profileId !== undefined && options.retryFailed === true && this.#o.outbox.retryFailed(profileId) > 0)
      this.#changed();
    this.#flushing ??= this.#runFlush().finally(() => {
      this.#flushing = null;
      this.#progress = null;
      this.#changed();
    });
    return this.#flushing;
  }

  status(): SyncStatus {
    return buildStatus({
      outbox: this.#o.outbox,
      session: this.#o.session,
      sending: this.#sending,
      progress: this.#progress,
      lastSyncAt: this.#lastSyncAt,
      lastError: this.#lastError,
      rateLimitedUntil: this.#rateLimitedUntil,
      now: this.#now(),
    });
  }

  /** event:connection: probe while offline, flush when connected again. */
  onConnectionChanged(): void {
    if (this.#disposed) return;
    this.#probe.update();
    const { state } = this.#o.session.status;
    if (state === 'connected' && this.#hasQueued()) void this.flush();
    this.#changed();
  }

  /** Runs after a conflict was resolved: the resolution takes its place in the queue. */
  kick(profileId: string, imageId: string): void {
    if (this.#canSend()) void this.#syncImage(profileId, imageId);
  }

  /** The signed-in profile, or the one a 401 signed out of (its queue stays its own). */
  currentProfileId(): string | null {
    return this.#o.session.active?.profile.id ?? this.#o.session.status.profile?.id ?? null;
  }

  /**
   * `annotations:get` showed the renderer this list at this ETag: an edit may start from it. Kept
   * here (a few dozen lists) because the catalog holds only the newest copy, and a background
   * revalidation may replace it while the user edits the older one.
   */
  rememberBase(profileId: string, imageId: string, etag: string, annotations: Annotation[]): void {
    this.#bases.remember(profileId, imageId, etag, annotations);
  }

  announce(): void {
    this.#changed();
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    await this.#probe.stop();
    await Promise.allSettled([this.#flushing, ...this.#locks.values()]);
  }

  #profileId(): string {
    const id = this.currentProfileId();
    if (id === null) throw notConnectedError();
    return id;
  }

  async #sendWaiting(profileId: string, imageId: string, seq: number): Promise<Outcome | null> {
    if (!this.#canSend()) return null;
    this.#watched.set(seq, null);
    try {
      const wait = this.#o.interactiveWaitMs ?? 10_000;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.#syncImage(profileId, imageId),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, wait))),
      ]).finally(() => clearTimeout(timer));
      return this.#watched.get(seq) ?? null;
    } finally {
      this.#watched.delete(seq);
    }
  }

  async #runFlush(): Promise<void> {
    const profileId = this.#o.session.active?.profile.id;
    if (profileId === undefined) return;
    const done = new Set<string>();
    let batch = this.#o.outbox.pendingImages(profileId);
    this.#progress = { done: 0, total: batch.length };
    while (batch.length > 0 && this.#canSend()) {
      for (const imageId of batch) {
        if (!this.#canSend() || this.#disposed) return;
        await this.#syncImage(profileId, imageId);
        done.add(imageId);
        this.#progress = { done: done.size, total: this.#progress.total };
        this.#changed();
      }
      // Edits made during the flush join it; an image already tried waits for the next flush.
      batch = this.#o.outbox.pendingImages(profileId).filter((id) => !done.has(id));
      this.#progress = { done: done.size, total: done.size + batch.length };
    }
  }

  /** One image at a time per image: a save arriving mid-send queues behind it. */
  #syncImage(profileId: string, imageId: string): Promise<void> {
    const key = `${profileId}\u0000${imageId}`;
    const previous = this.#locks.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.#drainImage(profileId, imageId));
    const tail = run.catch(() => {});
    this.#locks.set(key, tail);
    void tail.then(() => {
      if (this.#locks.get(key) === tail) this.#locks.delete(key);
    });
    return run;
  }

  async #drainImage(profileId: string, imageId: string): Promise<void> {
    this.#sending.add(imageId);
    this.#changed();
    try {
      for (;;) {
        if (!this.#canSend() || this.#disposed) return;
        const entries = this.#o.outbox.entries(profileId, imageId);
        const head = entries[0];
        if (!head || head.state === 'failed' || this.#o.outbox.hasConflict(profileId, imageId)) return;
        const group = head.kind === 'save' ? leadingSaves(entries) : [head];
        const stop = await this.#sendGroup(profileId, imageId, group);
        if (stop !== null) return;
      }
    } finally {
      this.#sending.delete(imageId);
      this.#changed();
    }
  }

  async #sendGroup(profileId: string, imageId: string, group: OutboxEntry[]): Promise<Stop | null> {
    const { outbox, catalog, session } = this.#o;
    try {
      const head = group[0]!;
      if (head.kind === 'review') {
        if (session.active?.profile.id !== profileId) throw notConnectedError();
        const result = await submitReview(session, this.#o.reviews, {
          imageId,
          action: head.action,
          ...(head.note !== null ? { note: head.note } : {}),
        });
        outbox.complete(profileId, imageId, [head.seq], null);
        catalog.reviewed(profileId, imageId, result.status, result.storedLocally);
        this.#settle(group, { kind: 'reviewed', result });
      } else {
        const rules = catalog.rulesForImage(profileId, imageId) ?? undefined;
        const outcome = await sendSaveGroup({ outbox, session, profileId, imageId, rules }, group as SaveEntry[]);
        if (outcome.kind === 'conflict') {
          this.#o.log('info', 'A queued save conflicts with the server: kept for the user', { imageId });
          this.#settle(group, { kind: 'conflict' });
          return 'image';
        }
        this.#catalogSaved(profileId, imageId, outcome.annotations, outcome.etag, outcome.result?.status ?? null);
        this.#bases.sent(profileId, imageId, group as SaveEntry[], outcome);
        this.#settle(group, {
          kind: 'saved',
          etag: outcome.etag,
          previousCount: outcome.result?.previous_count ?? null,
          status: outcome.result?.status ?? null,
          merged: outcome.merged,
        });
      }
      this.#lastError = null;
      this.#lastSyncAt = new Date(this.#now()).toISOString();
      return null;
    } catch (error) {
      return this.#failed(group, error);
    }
  }

  #failed(group: OutboxEntry[], error: unknown): Stop {
    const { kind, error: ipc } = classifyFailure(error);
    if (ipc.code === 'internal') this.#o.log('error', 'Sending a queued edit failed', { error: String(error) });
    this.#lastError = ipc;
    this.#o.outbox.recordFailure(
      group.map((e) => e.seq),
      ipc,
      kind === 'refused',
    );
    this.#settle(group, { kind: 'failed', error, refused: kind === 'refused' });
    switch (kind) {
      case 'refused':
        return 'image';
      case 'retry':
        this.#later(this.#o.retryMs ?? 30_000);
        return 'image';
      case 'rate-limited':
        this.#rateLimitedUntil = this.#now() + retryAfterMs(ipc);
        this.#later(retryAfterMs(ipc));
        return 'all';
      case 'offline':
        this.#probe.update();
        return 'all';
      case 'signed-out':
        return 'all';
    }
  }

  /** A flush later (a failing server, a spent quota); one timer at a time. */
  #later(ms: number): void {
    if (this.#disposed) return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#rateLimitedUntil = 0;
      void this.flush();
    }, ms);
    this.#timer.unref();
  }

  #catalogSaved(
    profileId: string,
    imageId: string,
    annotations: Annotation[],
    etag: string | null,
    status: string | null,
  ): void {
    this.#o.catalog.saved(profileId, imageId, annotations, etag, status);
    this.#o.outbox.clearSynced(profileId, imageId, etag);
  }

  #settle(group: readonly OutboxEntry[], outcome: Outcome): void {
    for (const e of group) if (this.#watched.has(e.seq)) this.#watched.set(e.seq, outcome);
  }

  #canSend(): boolean {
    const { session, outbox } = this.#o;
    return (
      !this.#disposed &&
      !outbox.unavailable &&
      session.active !== null &&
      session.status.state === 'connected' &&
      this.#rateLimitedUntil <= this.#now()
    );
  }

  #hasQueued(): boolean {
    const profileId = this.#o.session.active?.profile.id;
    return profileId !== undefined && this.#o.outbox.pendingImages(profileId).length > 0;
  }

  #changed(): void {
    if (!this.#disposed) this.#o.emit('event:sync', this.status());
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }
}

/** Consecutive queued saves from the head: they go as one request. */
function leadingSaves(entries: readonly OutboxEntry[]): SaveEntry[] {
  const group: SaveEntry[] = [];
  for (const e of entries) {
    if (e.kind !== 'save' || e.state !== 'queued') break;
    group.push(e);
  }
  return group;
}
