import type { Annotation } from '../../../shared/api';
import type { DraftStash, DraftStashResult, IpcResult } from '../../../shared/ipc';
import { indexById } from '../document/document';

type Send = (request: DraftStash) => Promise<IpcResult<DraftStashResult>>;

/**
 * What changed from `previous` to `current`, as main applies it (services/drafts/draftStore.ts):
 * records put (new or replaced, by identity: records are immutable) and removed, and the id order
 * only when it is not what main would get by keeping the old order and appending the new ids.
 */
export function draftChanges(
  previous: readonly Annotation[],
  current: readonly Annotation[],
): { changes: { id: string; record: Annotation | null }[]; order: string[] | null } {
  const before = indexById(previous);
  const after = indexById(current);
  const changes: { id: string; record: Annotation | null }[] = [];
  const added: string[] = [];
  for (const record of current) {
    const at = before.get(record.id);
    if (at === undefined) added.push(record.id);
    if (at === undefined || previous[at] !== record) changes.push({ id: record.id, record });
  }
  for (const record of previous) if (!after.has(record.id)) changes.push({ id: record.id, record: null });
  const natural = [...previous.filter((r) => after.has(r.id)).map((r) => r.id), ...added];
  const same = natural.length === current.length && natural.every((id, i) => id === current[i]!.id);
  return { changes, order: same ? null : current.map((r) => r.id) };
}

interface Wanted {
  seq: number;
  list: readonly Annotation[];
  baseEtag: string | null;
  dirty: boolean;
}

/**
 * Keeps main's copy of one image's unsaved state current (issue 12 item 4: a renderer crash loses
 * no edits). Every committed step is numbered and sent; one stash travels at a time and only the
 * newest waiting state follows it, so a burst of steps costs one round trip each way. After the
 * first step of an image only the changed records cross. Best effort by design: a refused or
 * failed stash never blocks editing or saving (autosave still makes the edit durable).
 */
export class DraftStasher {
  readonly #imageId: string;
  readonly #send: Send;
  #seq = 0;
  /** What main holds, as far as we know: null = nothing (the next stash sends the whole list). */
  #held: { seq: number; list: readonly Annotation[] } | null = null;
  #wanted: Wanted | null = null;
  #inFlight = false;

  constructor(imageId: string, send: Send) {
    this.#imageId = imageId;
    this.#send = send;
  }

  /** The number of the newest state handed in (a save of that state sends it as `draftSeq`). */
  get seq(): number {
    return this.#seq;
  }

  /** The document changed: `dirty` false tells main to forget the image's draft. */
  changed(list: readonly Annotation[], baseEtag: string | null, dirty: boolean): number {
    this.#seq += 1;
    this.#wanted = { seq: this.#seq, list, baseEtag, dirty };
    void this.#pump();
    return this.#seq;
  }

  /** A save of state `seq` is durable: main forgot the draft up to it. */
  saved(seq: number): void {
    if (this.#held && this.#held.seq <= seq) this.#held = null;
  }

  async #pump(): Promise<void> {
    if (this.#inFlight || !this.#wanted) return;
    const wanted = this.#wanted;
    this.#wanted = null;
    this.#inFlight = true;
    try {
      const held = this.#held;
      let request: DraftStash;
      if (!wanted.dirty) {
        request = { imageId: this.#imageId, state: 'clean' };
      } else if (held) {
        const { changes, order } = draftChanges(held.list, wanted.list);
        request = {
          imageId: this.#imageId,
          state: 'dirty',
          seq: wanted.seq,
          baseEtag: wanted.baseEtag,
          after: held.seq,
          changes,
          ...(order ? { order } : {}),
        };
      } else {
        request = {
          imageId: this.#imageId,
          state: 'dirty',
          seq: wanted.seq,
          baseEtag: wanted.baseEtag,
          full: [...wanted.list],
        };
      }
      const result = await this.#send(request);
      if (result.ok && result.value.kept) {
        this.#held = wanted.dirty ? { seq: wanted.seq, list: wanted.list } : null;
      } else {
        this.#held = null;
        // Main lost the chain (or never had it): send this state whole, unless a newer one waits.
        if (result.ok && result.value.needFull && !this.#wanted) this.#wanted = wanted;
      }
    } catch {
      this.#held = null;
    } finally {
      this.#inFlight = false;
    }
    await this.#pump();
  }
}
