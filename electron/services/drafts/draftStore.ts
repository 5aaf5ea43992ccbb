import type { Annotation } from '../../../shared/api';
import { MAX_ANNOTATIONS_PER_IMAGE } from '../../../shared/annotations/limits';
import type { DraftStash, DraftStashResult } from '../../../shared/ipc';

/** One image's unsaved editor state, as the renderer last stashed it. */
export interface Draft {
  imageId: string;
  seq: number;
  baseEtag: string | null;
  annotations: Annotation[];
  /** Set when a recovery could not queue it as a save (it stays until the editor opens it). */
  refused: string | null;
}

/** At most this many images with unsaved edits at once (autosave empties one within seconds). */
export const MAX_DRAFTS = 32;

const NEED_FULL: DraftStashResult = { kept: false, needFull: true };
const KEPT: DraftStashResult = { kept: true, needFull: false };

/**
 * Main's copy of what the editor has not saved yet, per profile and image, so a renderer crash or
 * reload loses nothing (docs/offline.md, "Drafts"). In memory on purpose: it outlives the
 * renderer, which is what fails; a crash of main itself is covered by the outbox, which every
 * save (autosave 1.5 s after the last change) reaches durably. Records are the renderer's wire
 * objects, checked by the channel schema; the full §7.3 check runs when a draft becomes a save.
 */
export class DraftStore {
  readonly #drafts = new Map<string, Draft>();
  readonly #max: number;

  constructor({ maxDrafts = MAX_DRAFTS }: { maxDrafts?: number } = {}) {
    this.#max = maxDrafts;
  }

  stash(profileId: string, request: DraftStash): DraftStashResult {
    const key = keyOf(profileId, request.imageId);
    if (request.state === 'clean') {
      this.#drafts.delete(key);
      return KEPT;
    }
    const existing = this.#drafts.get(key);
    if (!existing && this.#drafts.size >= this.#max) return { kept: false, needFull: false };
    let annotations: Annotation[] | null;
    if (request.full) {
      annotations = request.full as Annotation[];
    } else {
      if (!existing || existing.seq !== request.after) return NEED_FULL;
      annotations = applyChanges(existing.annotations, request.changes ?? [], request.order ?? null);
      if (!annotations) return NEED_FULL;
    }
    this.#drafts.set(key, {
      imageId: request.imageId,
      seq: request.seq,
      baseEtag: request.baseEtag,
      annotations,
      refused: null,
    });
    return KEPT;
  }

  get(profileId: string, imageId: string): Draft | null {
    return this.#drafts.get(keyOf(profileId, imageId)) ?? null;
  }

  /** Forgets a draft once a save of it (stash `upTo` or later) is durable. */
  saved(profileId: string, imageId: string, upTo: number): void {
    const key = keyOf(profileId, imageId);
    const draft = this.#drafts.get(key);
    if (draft && draft.seq <= upTo) this.#drafts.delete(key);
  }

  drop(profileId: string, imageId: string): void {
    this.#drafts.delete(keyOf(profileId, imageId));
  }

  markRefused(profileId: string, imageId: string, reason: string): void {
    const draft = this.#drafts.get(keyOf(profileId, imageId));
    if (draft) draft.refused = reason;
  }

  list(profileId: string): Draft[] {
    const prefix = keyOf(profileId, '');
    return [...this.#drafts.entries()].filter(([key]) => key.startsWith(prefix)).map(([, draft]) => draft);
  }
}

const keyOf = (profileId: string, imageId: string) => `${profileId}\u0000${imageId}`;

/**
 * The list after the changes: records put by id (in place, or appended when new), removed when
 * null, then rebuilt in `order` when given. Null when they do not fit the list (an order naming an
 * id that is neither kept nor put, a duplicate, more than the per-image limit): the caller asks
 * for the whole list instead of guessing.
 */
export function applyChanges(
  list: readonly Annotation[],
  changes: readonly { id: string; record: Annotation | null }[],
  order: readonly string[] | null,
): Annotation[] | null {
  const byId = new Map<string, Annotation>();
  for (const annotation of list) byId.set(annotation.id, annotation);
  const sequence = list.map((a) => a.id);
  for (const { id, record } of changes) {
    if (record !== null && record.id !== id) return null;
    if (record === null) {
      byId.delete(id);
    } else {
      if (!byId.has(id)) sequence.push(id);
      byId.set(id, record);
    }
  }
  const ids = order ?? sequence.filter((id) => byId.has(id));
  if (ids.length > MAX_ANNOTATIONS_PER_IMAGE || new Set(ids).size !== ids.length) return null;
  const result: Annotation[] = [];
  for (const id of ids) {
    const record = byId.get(id);
    if (!record) return null;
    result.push(record);
  }
  // An order must name every record still present: one left out would vanish silently.
  if (order && result.length !== byId.size) return null;
  return result;
}
