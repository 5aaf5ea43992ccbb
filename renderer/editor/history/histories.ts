import type { EditorDocument } from '../document/document';
import { History } from './history';

/** Images whose histories are kept for the session; the least recently opened beyond it are dropped. */
export const DEFAULT_KEPT_IMAGES = 50;

/**
 * Per-image histories for the session (issue 9 item 5: switching images keeps each image's
 * history). A Map in least-recently-used order, bounded so a reviewer paging through thousands of
 * images does not keep every image's undo stack in memory.
 */
export class HistoryStore {
  readonly #histories = new Map<string, History>();
  readonly #maxImages: number;
  readonly #stepLimit: number | undefined;

  constructor(maxImages = DEFAULT_KEPT_IMAGES, stepLimit?: number) {
    this.#maxImages = Math.max(1, maxImages);
    this.#stepLimit = stepLimit;
  }

  /**
   * The image's history, created from `load()` the first time (or after it was dropped). An image
   * seen before keeps its document and stacks; `load` is not called.
   */
  open(imageId: string, load: () => EditorDocument): History {
    let history = this.#histories.get(imageId);
    if (history) {
      this.#histories.delete(imageId);
    } else {
      history = new History(load(), this.#stepLimit);
    }
    this.#histories.set(imageId, history);
    while (this.#histories.size > this.#maxImages) {
      const oldest = this.#histories.keys().next().value as string;
      this.#histories.delete(oldest);
    }
    return history;
  }

  peek(imageId: string): History | undefined {
    return this.#histories.get(imageId);
  }

  forget(imageId: string): void {
    this.#histories.delete(imageId);
  }

  get size(): number {
    return this.#histories.size;
  }
}
