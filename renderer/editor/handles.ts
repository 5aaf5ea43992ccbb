import type { Annotation, Point } from '../../shared/api/annotation';
import type { BoxHandle } from '../../shared/annotations/resizeBox';
import { BOX_HANDLES, boxHandlePosition } from '../../shared/annotations/resizeBox';
import { shapeOf } from '../../shared/annotations/shapes';
import { hitEdge } from '../../shared/geometry/distance';

/**
 * The selected shape's handles (design §6: only the selected shape is a live, editable node): the
 * interaction layer draws these, and the select tool hit-tests them before picking shapes.
 */
export type Handle =
  { kind: 'box'; handle: BoxHandle; point: Point } | { kind: 'vertex'; ring: number; index: number; point: Point };

export type HandleHit = Handle | { kind: 'edge'; ring: number; index: number; point: Point };

export function handlesOf(annotation: Annotation): Handle[] {
  const shape = shapeOf(annotation);
  if (!shape) return [];
  switch (shape.kind) {
    case 'bbox':
      return BOX_HANDLES.map((handle) => ({ kind: 'box', handle, point: boxHandlePosition(shape.box, handle) }));
    case 'polygon':
      return shape.rings.flatMap((ring, r) =>
        ring.map((point, index) => ({ kind: 'vertex' as const, ring: r, index, point })),
      );
    case 'polyline':
      return shape.path.map((point, index) => ({ kind: 'vertex', ring: 0, index, point }));
    case 'keypoint':
      return [{ kind: 'vertex', ring: 0, index: 0, point: shape.point }];
  }
}

/**
 * The handle nearest to `point` within `tolerance` (image pixels); failing that, for polygons and
 * polylines, the nearest edge (where a click inserts a vertex). Null when neither is near.
 */
export function hitHandle(annotation: Annotation, point: Point, tolerance: number): HandleHit | null {
  let best: Handle | null = null;
  const shape = shapeOf(annotation);
  // A small box's handles would cover its whole inside, leaving nowhere to grab it to move it.
  let bestDistance = shape?.kind === 'bbox' ? Math.min(tolerance, Math.min(shape.box.w, shape.box.h) / 4) : tolerance;
  for (const handle of handlesOf(annotation)) {
    const d = Math.hypot(handle.point.x - point.x, handle.point.y - point.y);
    if (d <= bestDistance) {
      best = handle;
      bestDistance = d;
    }
  }
  if (best) return best;
  if (shape?.kind !== 'polygon' && shape?.kind !== 'polyline') return null;
  const rings = shape.kind === 'polygon' ? shape.rings : [shape.path];
  const edge = hitEdge(point.x, point.y, rings, shape.kind === 'polygon', tolerance);
  return edge ? { kind: 'edge', ring: edge.ring, index: edge.index, point: edge.point } : null;
}

/** The resize cursor for a box handle. */
export function cursorForBoxHandle(handle: BoxHandle): 'ns-resize' | 'ew-resize' | 'nwse-resize' | 'nesw-resize' {
  if (handle === 'n' || handle === 's') return 'ns-resize';
  if (handle === 'e' || handle === 'w') return 'ew-resize';
  return handle === 'nw' || handle === 'se' ? 'nwse-resize' : 'nesw-resize';
}
