import type { Annotation } from '../../shared/api/annotation';
import type { PreparedScene } from '../viewer/sceneTypes';
import { indexById } from './document/document';

/**
 * Composes the viewer's bulk drawing with the editor (design §6: only the selected shape is a live
 * node). drawScene draws shape i only when `visible[i] === 1`; this clears the shapes the bulk
 * layer must leave out — those the interaction layer draws live (the selection during a drag) and
 * those hidden one by one (the viewer hides only whole classes). Touches only those shapes: the
 * scene's `source` is increasing (one shape per drawable annotation, in list order), so each id is
 * found by binary search, not by a scan of 10,000 shapes.
 *
 * `visible`: the grid's culling mask for this frame, or null (then a mask of all ones is made).
 * Returns the mask to pass to drawScene (the same array when one was given).
 */
export function maskShapes(
  scene: PreparedScene,
  annotations: readonly Annotation[],
  visible: Uint8Array | null,
  leaveOut: Iterable<string>,
): Uint8Array {
  const mask = visible ?? new Uint8Array(scene.count).fill(1);
  const at = indexById(annotations);
  for (const id of leaveOut) {
    const source = at.get(id);
    if (source === undefined) continue;
    const shape = shapeOfSource(scene.source, source);
    if (shape >= 0) mask[shape] = 0;
  }
  return mask;
}

/** The shape drawn for annotation `source`, or -1 when it has none (not drawable). */
export function shapeOfSource(sources: Uint32Array, source: number): number {
  let lo = 0;
  let hi = sources.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = sources[mid]!;
    if (value === source) return mid;
    if (value < source) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
