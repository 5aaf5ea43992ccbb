import type { Annotation } from '../../../shared/api';
import type { SaveBase, SaveEntry } from '../outbox/types';
import type { SyncCatalog } from './types';

const MAX_LISTS = 64;
const MAX_SUPERSEDED = 256;

/**
 * Which list an incoming save was edited from. The three-way merge is only as good as its base,
 * and the catalog keeps just the newest copy of each image, so this remembers (in memory, LRU):
 *
 * - lists recently handed to the renderer or synced, by ETag (a background revalidation may
 *   replace the catalog's copy while the user still edits the older one);
 * - per ETag, what our own send replaced it with. The renderer reads a queued state (based on the
 *   first queued save's ETag); if that queue is sent before the next save arrives, the next save's
 *   true base is the state the user saw. Sent as is: the new ETag; merged with a colleague's edit:
 *   the old ETag, so the next send meets a 412 and merges again instead of overwriting the
 *   colleague's part the user never saw.
 */
export class EditBases {
  readonly #catalog: SyncCatalog;
  readonly #lists = new Map<string, Annotation[]>();
  readonly #superseded = new Map<string, SaveBase>();

  constructor(catalog: SyncCatalog) {
    this.#catalog = catalog;
  }

  remember(profileId: string, imageId: string, etag: string, annotations: Annotation[]): void {
    const key = keyOf(profileId, imageId, etag);
    this.#lists.delete(key);
    this.#lists.set(key, annotations);
    trim(this.#lists, MAX_LISTS);
  }

  /** After a group of saves was sent (or found already on the server). */
  sent(
    profileId: string,
    imageId: string,
    group: readonly SaveEntry[],
    outcome: { etag: string | null; annotations: Annotation[]; merged: boolean },
  ): void {
    if (outcome.etag !== null) this.remember(profileId, imageId, outcome.etag, outcome.annotations);
    const from = group[0]?.base.etag ?? null;
    const seen = group.at(-1)?.annotations;
    if (from === null || seen === undefined) return;
    const etag = outcome.merged || outcome.etag === null ? from : outcome.etag;
    this.#superseded.set(keyOf(profileId, imageId, from), { etag, annotations: seen });
    trim(this.#superseded, MAX_SUPERSEDED);
  }

  /** The base of a save naming `ifMatch`; `queued`: the image still has saves waiting (they carry the base). */
  baseFor(profileId: string, imageId: string, ifMatch: string | null, queued: boolean): SaveBase {
    if (ifMatch === null) return { etag: null, annotations: null };
    if (!queued) {
      let newer: SaveBase | undefined;
      for (let etag: string | null = ifMatch, hops = 0; etag !== null && hops < 10; hops += 1) {
        const next = this.#superseded.get(keyOf(profileId, imageId, etag));
        if (!next) break;
        newer = next;
        if (next.etag === etag) break;
        etag = next.etag;
      }
      if (newer) return newer;
    }
    const list =
      this.#lists.get(keyOf(profileId, imageId, ifMatch)) ?? this.#catalog.listAt(profileId, imageId, ifMatch);
    return { etag: ifMatch, annotations: list };
  }
}

const keyOf = (profileId: string, imageId: string, etag: string): string => `${profileId}\u0000${imageId}\u0000${etag}`;

function trim<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) map.delete(map.keys().next().value!);
}
