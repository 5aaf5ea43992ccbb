import type { DownloadItem } from '../../../shared/api';
import { IMAGE_STATUSES } from '../../../shared/api';
import type { UseClient } from './exportAnnotations';

export interface Listing {
  items: DownloadItem[];
  /** Images the listing could not name (more than 10,000 of one status). */
  unlisted: number;
}

/**
 * §7.1 `GET /datasets/{id}/download`: up to 10,000 images per counted request, each with a signed
 * image URL (not counted) and its annotation file's URL. A bigger dataset is listed once per status
 * (three requests for up to 30,000); what still does not fit is reported, never silently skipped.
 */
export async function readListing(use: UseClient, datasetId: string, signal: AbortSignal): Promise<Listing> {
  const all = await use((client) => client.getDownloadListing(datasetId, {}, signal));
  if (!all.truncated) return { items: all.items, unlisted: 0 };
  const items: DownloadItem[] = [];
  let unlisted = 0;
  for (const status of IMAGE_STATUSES) {
    const part = await use((client) => client.getDownloadListing(datasetId, { statusFilter: status }, signal));
    items.push(...part.items);
    unlisted += part.total_items - part.items.length;
  }
  return { items, unlisted };
}

/**
 * Fresh signed URLs for a download that outlived them (§10: one hour): the listing is read again,
 * once for all the workers that found their URL expired at the same moment.
 */
export class SignedUrls {
  readonly #use: UseClient;
  readonly #datasetId: string;
  readonly #signal: AbortSignal;
  readonly #byId = new Map<string, DownloadItem>();
  #generation = 0;
  #refreshing: Promise<void> | null = null;
  /** How many times the listing was read again (the report and tests). */
  refreshes = 0;

  constructor(use: UseClient, datasetId: string, signal: AbortSignal, items: readonly DownloadItem[]) {
    this.#use = use;
    this.#datasetId = datasetId;
    this.#signal = signal;
    for (const item of items) this.#byId.set(item.id, item);
  }

  get generation(): number {
    return this.#generation;
  }

  item(imageId: string): DownloadItem | undefined {
    return this.#byId.get(imageId);
  }

  /** Re-reads the listing unless another worker already did since `seenGeneration`. */
  async refresh(seenGeneration: number): Promise<void> {
    if (seenGeneration !== this.#generation) return;
    this.#refreshing ??= (async () => {
      try {
        const listing = await readListing(this.#use, this.#datasetId, this.#signal);
        for (const item of listing.items) this.#byId.set(item.id, item);
        this.refreshes++;
        this.#generation++;
      } finally {
        this.#refreshing = null;
      }
    })();
    await this.#refreshing;
  }
}
