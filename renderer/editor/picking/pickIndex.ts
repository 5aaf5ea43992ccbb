import type { Annotation, Point } from '../../../shared/api/annotation';
import type { Shape } from '../../../shared/annotations/shapes';
import { shapeBounds, shapeOf, shapeRings } from '../../../shared/annotations/shapes';
import type { Bounds } from '../../../shared/geometry/bounds';
import { boundsContain, boundsContainPoint, boundsIntersect, ringsBounds } from '../../../shared/geometry/bounds';
import { nearAnyEdge } from '../../../shared/geometry/distance';
import { pointInRings } from '../../../shared/geometry/polygon';
import { ringsIntersectBounds } from '../../../shared/geometry/rectHit';
import { nearestVertex } from '../../../shared/geometry/snap';
import { indexById } from '../document/document';
import type { DocumentDiff } from '../history/diff';
import { DynamicGrid } from './dynamicGrid';

/** One indexed annotation: its record, its readable geometry and that geometry's vertices. */
interface Entry {
  annotation: Annotation;
  shape: Shape;
  rings: Point[][];
  bounds: Bounds;
}

export interface PickHit {
  id: string;
  annotation: Annotation;
  shape: Shape;
}

/** Which annotations a query may return (hidden and locked ones are not pickable). */
export type Accept = (annotation: Annotation) => boolean;

export type BoxSelectMode = 'intersect' | 'contain';

const acceptAll: Accept = () => true;

/**
 * The editor's picking index (issue 9 item 8): annotations in a DynamicGrid by their bounds, with
 * the exact hit tests on top. Built once per document; `applyDiff` updates only the annotations a
 * diff touched (and the drawing order when it changed), so a vertex drag at 10,000 shapes costs one
 * shape's cells. Annotations the editor cannot read (unknown types, malformed geometry) are not
 * indexed: they are shown and kept, never picked.
 */
export class PickIndex {
  #grid: DynamicGrid;
  #entries: (Entry | undefined)[] = [];
  #slotOf = new Map<string, number>();
  #free: number[] = [];
  /** Drawing order per slot (the document index): the topmost hit wins. */
  #z = new Int32Array(0);

  constructor(list: readonly Annotation[], imageSize: { width: number; height: number } | null = null) {
    this.#grid = this.#build(list, imageSize);
  }

  get size(): number {
    return this.#slotOf.size;
  }

  /** Drops everything and indexes `list` (a new image, a server refresh). */
  rebuild(list: readonly Annotation[], imageSize: { width: number; height: number } | null = null): void {
    this.#entries = [];
    this.#slotOf = new Map();
    this.#free = [];
    this.#grid = this.#build(list, imageSize);
  }

  #build(list: readonly Annotation[], imageSize: { width: number; height: number } | null): DynamicGrid {
    const entries = list.map(toEntry);
    const extent = imageSize
      ? { minX: 0, minY: 0, maxX: imageSize.width, maxY: imageSize.height }
      : (ringsBounds(entries.flatMap((e) => (e ? [boundsRing(e.bounds)] : []))) ?? {
          minX: 0,
          minY: 0,
          maxX: 1,
          maxY: 1,
        });
    // Room for growth: shapes drawn later land in the same grid.
    const grid = new DynamicGrid(extent, Math.max(64, list.length));
    this.#grid = grid;
    this.#z = new Int32Array(Math.max(16, list.length));
    list.forEach((annotation, i) => {
      const entry = entries[i];
      if (entry) this.#insert(annotation.id, entry, i);
    });
    return grid;
  }

  #insert(id: string, entry: Entry, z: number): void {
    const slot = this.#free.pop() ?? this.#entries.length;
    this.#entries[slot] = entry;
    this.#slotOf.set(id, slot);
    if (slot >= this.#z.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.#z.length * 2));
      grown.set(this.#z);
      this.#z = grown;
    }
    this.#z[slot] = z;
    this.#grid.insert(slot, entry.bounds);
  }

  #remove(id: string): void {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return;
    this.#grid.remove(slot);
    this.#entries[slot] = undefined;
    this.#slotOf.delete(id);
    this.#free.push(slot);
  }

  /**
   * Brings the index in line with `list` after `diff` (from History): only the changed annotations
   * are re-indexed; the drawing order is re-read only when the diff changed it.
   */
  applyDiff(list: readonly Annotation[], diff: DocumentDiff): void {
    const at = indexById(list);
    for (const change of diff.changes) {
      this.#remove(change.id);
      const entry = change.after ? toEntry(change.after) : undefined;
      if (entry && change.after) this.#insert(change.id, entry, at.get(change.id) ?? 0);
    }
    if (diff.order) for (const [id, slot] of this.#slotOf) this.#z[slot] = at.get(id) ?? 0;
  }

  /**
   * The topmost accepted annotation under (x, y): inside a box or a polygon's filled area (holes
   * excluded, even-odd), or within `tolerance` image pixels of an outline, a polyline or a keypoint.
   */
  pick(x: number, y: number, tolerance: number, accept: Accept = acceptAll): PickHit | null {
    const grid = this.#grid;
    const count = grid.collect(x - tolerance, y - tolerance, x + tolerance, y + tolerance);
    let best = -1;
    let bestZ = -1;
    for (let k = 0; k < count; k++) {
      const slot = grid.found[k]!;
      const z = this.#z[slot]!;
      if (z <= bestZ) continue;
      const entry = this.#entries[slot]!;
      if (hits(entry, x, y, tolerance) && accept(entry.annotation)) {
        best = slot;
        bestZ = z;
      }
    }
    if (best < 0) return null;
    const entry = this.#entries[best]!;
    return { id: entry.annotation.id, annotation: entry.annotation, shape: entry.shape };
  }

  /** The nearest vertex of an accepted annotation within `radius` (not of `exclude`), or null. */
  snap(x: number, y: number, radius: number, accept: Accept = acceptAll, exclude?: string): Point | null {
    const count = this.#grid.collect(x - radius, y - radius, x + radius, y + radius);
    const candidates: Point[][][] = [];
    for (let k = 0; k < count; k++) {
      const entry = this.#entries[this.#grid.found[k]!]!;
      if (entry.annotation.id !== exclude && accept(entry.annotation)) candidates.push(entry.rings);
    }
    return nearestVertex(x, y, candidates, radius);
  }

  /**
   * Ids of accepted annotations the rectangle selects, in drawing order: `intersect` any that its
   * outline or area touches; `contain` only those lying wholly inside it.
   */
  boxSelect(rect: Bounds, mode: BoxSelectMode = 'intersect', accept: Accept = acceptAll): string[] {
    const count = this.#grid.collect(rect.minX, rect.minY, rect.maxX, rect.maxY);
    const chosen: { id: string; z: number }[] = [];
    for (let k = 0; k < count; k++) {
      const slot = this.#grid.found[k]!;
      const entry = this.#entries[slot]!;
      const selected =
        mode === 'contain'
          ? boundsContain(rect, entry.bounds)
          : boundsIntersect(rect, entry.bounds) && touches(entry, rect);
      if (selected && accept(entry.annotation)) chosen.push({ id: entry.annotation.id, z: this.#z[slot]! });
    }
    return chosen.sort((a, b) => a.z - b.z).map((c) => c.id);
  }
}

function toEntry(annotation: Annotation): Entry | undefined {
  const shape = shapeOf(annotation);
  if (!shape) return undefined;
  return { annotation, shape, rings: shapeRings(shape), bounds: shapeBounds(shape) };
}

const boundsRing = (b: Bounds): Point[] => [
  { x: b.minX, y: b.minY },
  { x: b.maxX, y: b.maxY },
];

function hits(entry: Entry, x: number, y: number, tolerance: number): boolean {
  if (!boundsContainPoint(entry.bounds, x, y, tolerance)) return false;
  switch (entry.shape.kind) {
    case 'bbox':
      return true;
    case 'polygon':
      return pointInRings(x, y, entry.rings) || nearAnyEdge(x, y, entry.rings, true, tolerance);
    case 'polyline':
    case 'keypoint':
      return nearAnyEdge(x, y, entry.rings, false, tolerance);
  }
}

function touches(entry: Entry, rect: Bounds): boolean {
  switch (entry.shape.kind) {
    case 'bbox':
      return true;
    case 'polygon':
      return ringsIntersectBounds(entry.rings, true, rect);
    case 'polyline':
    case 'keypoint':
      return ringsIntersectBounds(entry.rings, false, rect);
  }
}
