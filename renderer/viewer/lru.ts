/**
 * A bounded least-recently-used map. `onEvict` releases what an entry holds (an ImageBitmap's
 * pixels); `keep` protects entries that must not go (the image on screen) even when oldest.
 */
export class LruCache<K, V> {
  readonly #map = new Map<K, V>();
  readonly #capacity: number;
  readonly #onEvict: (key: K, value: V) => void;
  readonly #keep: (key: K) => boolean;

  constructor(capacity: number, options: { onEvict?: (key: K, value: V) => void; keep?: (key: K) => boolean } = {}) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('LRU capacity must be a positive integer');
    this.#capacity = capacity;
    this.#onEvict = options.onEvict ?? (() => {});
    this.#keep = options.keep ?? (() => false);
  }

  get size(): number {
    return this.#map.size;
  }

  /** The value, marked as just used. */
  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value === undefined) return undefined;
    this.#map.delete(key);
    this.#map.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  set(key: K, value: V): void {
    const old = this.#map.get(key);
    this.#map.delete(key);
    this.#map.set(key, value);
    if (old !== undefined && old !== value) this.#onEvict(key, old);
    this.#trim();
  }

  delete(key: K): void {
    const value = this.#map.get(key);
    if (value === undefined) return;
    this.#map.delete(key);
    this.#onEvict(key, value);
  }

  clear(): void {
    for (const [key, value] of [...this.#map]) {
      this.#map.delete(key);
      this.#onEvict(key, value);
    }
  }

  keys(): K[] {
    return [...this.#map.keys()];
  }

  #trim(): void {
    if (this.#map.size <= this.#capacity) return;
    for (const [key, value] of [...this.#map]) {
      if (this.#map.size <= this.#capacity) return;
      if (this.#keep(key)) continue;
      this.#map.delete(key);
      this.#onEvict(key, value);
    }
  }
}
