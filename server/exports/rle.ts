import type { XY } from './annotationGeometry';

/**
 * §8.1 COCO, revision 2: a polygon with holes becomes an uncompressed COCO RLE, the form
 * pycocotools' `frPyObjects` and Datumaro accept as a dict `{"counts": [...], "size": [h, w]}`
 * (we pick uncompressed over the compressed string form: it needs no LEB128-like codec on either
 * side and readers decode both).
 *
 * Pixels run in column-major order (down each column, then the next column); `counts` alternates
 * outside/inside and always starts with an outside run, possibly 0. A pixel is inside when its
 * centre (x + 0.5, y + 0.5) is inside by the even-odd rule over all rings, an edge (x1,y1)→(x2,y2)
 * counting as crossed when (y1 > py) ≠ (y2 > py) and px < x1 + (py − y1)(x2 − x1)/(y2 − y1): a
 * centre exactly on an edge has one answer, the same on every platform.
 */
export interface UncompressedRle {
  counts: number[];
  size: [number, number];
}

/** Appends runs, merging equal neighbours; starts on an outside run as COCO requires. */
class RunWriter {
  readonly counts: number[] = [0];
  private inside = false;

  push(inside: boolean, length: number): void {
    if (length <= 0) return;
    if (inside !== this.inside) {
      this.counts.push(0);
      this.inside = inside;
    }
    this.counts[this.counts.length - 1]! += length;
  }
}

/** For one pixel row (centre py), the x positions where a horizontal ray crosses an edge, sorted. */
function rowCrossings(rings: readonly (readonly XY[])[], py: number): number[] {
  const crossings: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      if (a.y > py !== b.y > py) crossings.push(a.x + ((py - a.y) * (b.x - a.x)) / (b.y - a.y));
    }
  }
  return crossings.sort((p, q) => p - q);
}

export function polygonToRle(rings: readonly (readonly XY[])[], width: number, height: number): UncompressedRle {
  const xs = rings.flat().map((point) => point.x);
  const ys = rings.flat().map((point) => point.y);
  // Only pixels whose centre lies within the polygon's extent can be inside; the mask covers those.
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - 0.5));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(...xs) - 0.5));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - 0.5));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys) - 0.5));
  const maskWidth = Math.max(0, x1 - x0 + 1);
  const maskHeight = Math.max(0, y1 - y0 + 1);
  const mask = new Uint8Array(maskWidth * maskHeight);
  for (let row = 0; row < maskHeight; row++) {
    const crossings = rowCrossings(rings, y0 + row + 0.5);
    // Walking left to right, a centre is inside when an odd number of crossings lie to its right.
    let right = crossings.length;
    let next = 0;
    for (let col = 0; col < maskWidth; col++) {
      const px = x0 + col + 0.5;
      while (next < crossings.length && crossings[next]! <= px) {
        next++;
        right--;
      }
      if (right % 2 === 1) mask[row * maskWidth + col] = 1;
    }
  }
  const runs = new RunWriter();
  for (let x = 0; x < width; x++) {
    if (x < x0 || x > x1 || maskHeight === 0) {
      runs.push(false, height);
      continue;
    }
    runs.push(false, y0);
    for (let row = 0; row < maskHeight; row++) runs.push(mask[row * maskWidth + (x - x0)] === 1, 1);
    runs.push(false, height - y1 - 1);
  }
  return { counts: runs.counts, size: [height, width] };
}
