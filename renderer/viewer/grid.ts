/**
 * A uniform spatial grid over shape bounds (design §6: culling and picking at ~0.1 µs a query).
 * Cells cover `extent` (normally the image); shapes beyond it land in the edge cells, so far-away
 * annotations are still found, just tested by their exact bounds. Stored CSR-style: one offsets
 * array and one flat item array, no per-cell objects.
 */
export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A shape covering more cells than this is kept in a short list checked on every query. */
const MAX_CELLS_PER_SHAPE = 64;

export class SpatialGrid {
  readonly cols: number;
  readonly rows: number;
  readonly #bounds: Float64Array;
  readonly #extent: Extent;
  readonly #cellW: number;
  readonly #cellH: number;
  readonly #cellStart: Uint32Array;
  readonly #items: Uint32Array;
  readonly #large: Uint32Array;
  readonly #stamp: Uint32Array;
  #query = 0;

  /** `bounds`: minX, minY, maxX, maxY per shape. About `shapesPerCell` shapes per cell on average. */
  constructor(bounds: Float64Array, extent: Extent, shapesPerCell = 8) {
    const count = bounds.length / 4;
    this.#bounds = bounds;
    const width = Math.max(1, extent.maxX - extent.minX);
    const height = Math.max(1, extent.maxY - extent.minY);
    this.#extent = { minX: extent.minX, minY: extent.minY, maxX: extent.minX + width, maxY: extent.minY + height };
    const cells = Math.min(65_536, Math.max(1, Math.ceil(count / shapesPerCell)));
    const size = Math.sqrt((width * height) / cells);
    this.cols = Math.max(1, Math.min(256, Math.ceil(width / size)));
    this.rows = Math.max(1, Math.min(256, Math.ceil(height / size)));
    this.#cellW = width / this.cols;
    this.#cellH = height / this.rows;
    this.#stamp = new Uint32Array(count);

    // Two passes: count per cell, then fill (no growable arrays for 10,000 shapes).
    const perCell = new Uint32Array(this.cols * this.rows + 1);
    const large: number[] = [];
    for (let i = 0; i < count; i++) {
      const [c0, r0, c1, r1] = this.#cellRange(
        bounds[i * 4]!,
        bounds[i * 4 + 1]!,
        bounds[i * 4 + 2]!,
        bounds[i * 4 + 3]!,
      );
      if ((c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS_PER_SHAPE) {
        large.push(i);
        continue;
      }
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) perCell[r * this.cols + c + 1]!++;
    }
    for (let k = 1; k < perCell.length; k++) perCell[k]! += perCell[k - 1]!;
    this.#cellStart = perCell;
    this.#items = new Uint32Array(perCell[perCell.length - 1]!);
    const fill = perCell.slice(0, -1);
    const largeSet = new Set(large);
    for (let i = 0; i < count; i++) {
      if (largeSet.has(i)) continue;
      const [c0, r0, c1, r1] = this.#cellRange(
        bounds[i * 4]!,
        bounds[i * 4 + 1]!,
        bounds[i * 4 + 2]!,
        bounds[i * 4 + 3]!,
      );
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.#items[fill[r * this.cols + c]!++] = i;
    }
    this.#large = Uint32Array.from(large);
  }

  #cellRange(minX: number, minY: number, maxX: number, maxY: number): [number, number, number, number] {
    const col = (x: number) => Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.#extent.minX) / this.#cellW)));
    const row = (y: number) => Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.#extent.minY) / this.#cellH)));
    return [col(minX), row(minY), col(maxX), row(maxY)];
  }

  /**
   * Marks every shape whose bounds touch the rectangle: `out[i] = 1` (the caller clears `out`).
   * Returns how many were marked.
   */
  query(minX: number, minY: number, maxX: number, maxY: number, out: Uint8Array): number {
    const stamp = this.#stamp;
    const bounds = this.#bounds;
    // A fresh stamp per query instead of clearing a "seen" array (wraps after 4 billion queries).
    this.#query = this.#query === 0xffffffff ? 1 : this.#query + 1;
    if (this.#query === 1) stamp.fill(0);
    const q = this.#query;
    let marked = 0;
    const test = (i: number) => {
      if (stamp[i] === q) return;
      stamp[i] = q;
      const b = i * 4;
      if (bounds[b]! <= maxX && bounds[b + 2]! >= minX && bounds[b + 1]! <= maxY && bounds[b + 3]! >= minY) {
        out[i] = 1;
        marked++;
      }
    };
    const [c0, r0, c1, r1] = this.#cellRange(minX, minY, maxX, maxY);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.cols + c;
        for (let k = this.#cellStart[cell]!; k < this.#cellStart[cell + 1]!; k++) test(this.#items[k]!);
      }
    }
    for (let k = 0; k < this.#large.length; k++) test(this.#large[k]!);
    return marked;
  }

  /** Shapes whose bounds contain the point, nearest-first order not implied (for picking). */
  at(x: number, y: number, out: Uint8Array): number {
    return this.query(x, y, x, y, out);
  }
}
