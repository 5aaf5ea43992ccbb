import type { Bounds } from '../../../shared/geometry/bounds';

/** A shape spanning more cells than this lives in a short list every query checks instead. */
const MAX_CELLS_PER_SHAPE = 64;

/**
 * A uniform grid over slot bounds that can be edited in place (design §6: pick with a spatial grid,
 * and an edit updates only what changed). The viewer's SpatialGrid (renderer/viewer/grid.ts) is
 * packed once and answers by marking a Uint8Array of every shape, which is right for culling a
 * frame but would cost a scan of all shapes per pick and a full rebuild per edit; this one keeps a
 * small array per cell, so moving one shape touches only its old and new cells, and a query
 * returns just the candidate slots. Shapes outside the extent land in the edge cells, as in the
 * viewer's grid.
 */
export class DynamicGrid {
  readonly cols: number;
  readonly rows: number;
  readonly #extent: Bounds;
  readonly #cellW: number;
  readonly #cellH: number;
  readonly #cells: number[][];
  readonly #large = new Set<number>();
  /** minX, minY, maxX, maxY per slot, NaN for an empty slot. */
  #bounds = new Float64Array(0);
  #stamp = new Uint32Array(0);
  #query = 0;
  /** Reused by `collect`, so a pick allocates nothing. */
  readonly found: number[] = [];

  constructor(extent: Bounds, expectedShapes: number, shapesPerCell = 4) {
    const width = Math.max(1, extent.maxX - extent.minX);
    const height = Math.max(1, extent.maxY - extent.minY);
    this.#extent = { minX: extent.minX, minY: extent.minY, maxX: extent.minX + width, maxY: extent.minY + height };
    const cells = Math.min(65_536, Math.max(1, Math.ceil(expectedShapes / shapesPerCell)));
    const size = Math.sqrt((width * height) / cells);
    this.cols = Math.max(1, Math.min(256, Math.ceil(width / size)));
    this.rows = Math.max(1, Math.min(256, Math.ceil(height / size)));
    this.#cellW = width / this.cols;
    this.#cellH = height / this.rows;
    this.#cells = Array.from({ length: this.cols * this.rows }, () => []);
  }

  #col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.#extent.minX) / this.#cellW)));
  }

  #row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.#extent.minY) / this.#cellH)));
  }

  #ensure(slot: number): void {
    if (slot < this.#stamp.length) return;
    const size = Math.max(16, slot + 1, this.#stamp.length * 2);
    const bounds = new Float64Array(size * 4).fill(Number.NaN);
    bounds.set(this.#bounds);
    this.#bounds = bounds;
    const stamp = new Uint32Array(size);
    stamp.set(this.#stamp);
    this.#stamp = stamp;
  }

  has(slot: number): boolean {
    return slot < this.#stamp.length && !Number.isNaN(this.#bounds[slot * 4]!);
  }

  /** Adds `slot` with bounds `b` (replacing it if present). */
  insert(slot: number, b: Bounds): void {
    this.#ensure(slot);
    if (this.has(slot)) this.remove(slot);
    const o = slot * 4;
    this.#bounds[o] = b.minX;
    this.#bounds[o + 1] = b.minY;
    this.#bounds[o + 2] = b.maxX;
    this.#bounds[o + 3] = b.maxY;
    this.#eachCell(slot, (cell) => cell.push(slot));
  }

  remove(slot: number): void {
    if (!this.has(slot)) return;
    this.#eachCell(slot, (cell) => {
      const at = cell.indexOf(slot);
      // Order inside a cell is irrelevant (z-order is the index's), so swap-remove.
      if (at >= 0) {
        cell[at] = cell[cell.length - 1]!;
        cell.pop();
      }
    });
    this.#large.delete(slot);
    this.#bounds.fill(Number.NaN, slot * 4, slot * 4 + 4);
  }

  /** Calls `visit` with every cell list the slot's stored bounds cover (or marks it large). */
  #eachCell(slot: number, visit: (cell: number[]) => void): void {
    const o = slot * 4;
    const c0 = this.#col(this.#bounds[o]!);
    const r0 = this.#row(this.#bounds[o + 1]!);
    const c1 = this.#col(this.#bounds[o + 2]!);
    const r1 = this.#row(this.#bounds[o + 3]!);
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS_PER_SHAPE) {
      this.#large.add(slot);
      return;
    }
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(this.#cells[r * this.cols + c]!);
  }

  /**
   * Fills `this.found` with each slot whose bounds touch the rectangle (once each) and returns how
   * many. The array is reused by the next query: read it before querying again.
   */
  collect(minX: number, minY: number, maxX: number, maxY: number): number {
    const found = this.found;
    found.length = 0;
    // A fresh stamp per query instead of clearing a "seen" array (wraps after 4 billion queries).
    this.#query = this.#query === 0xffffffff ? 1 : this.#query + 1;
    if (this.#query === 1) this.#stamp.fill(0);
    const q = this.#query;
    const stamp = this.#stamp;
    const bounds = this.#bounds;
    const c0 = this.#col(minX);
    const c1 = this.#col(maxX);
    const r0 = this.#row(minY);
    const r1 = this.#row(maxY);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = this.#cells[r * this.cols + c]!;
        for (let k = 0; k < cell.length; k++) {
          const slot = cell[k]!;
          if (stamp[slot] === q) continue;
          stamp[slot] = q;
          const o = slot * 4;
          if (bounds[o]! <= maxX && bounds[o + 2]! >= minX && bounds[o + 1]! <= maxY && bounds[o + 3]! >= minY)
            found.push(slot);
        }
      }
    }
    for (const slot of this.#large) {
      const o = slot * 4;
      if (bounds[o]! <= maxX && bounds[o + 2]! >= minX && bounds[o + 1]! <= maxY && bounds[o + 3]! >= minY)
        found.push(slot);
    }
    return found.length;
  }
}
