import type { Point } from '../../../../shared/api/annotation';
import type { Bounds } from '../../../../shared/geometry/bounds';

/**
 * What the interaction layer draws besides the selected shape's handles (handles.ts): the shape
 * being drawn, the box-select rectangle, the vertex a point will snap to, the cursor, and a notice
 * (why an action was refused). All in image pixels; tools set it, the view only reads it.
 */
export interface DraftShape {
  kind: 'bbox' | 'polygon' | 'polyline' | 'hole';
  /** Placed points (a box: its two corners). */
  points: Point[];
  /** Where the next point would go (the rubber band), when the pointer is over the canvas. */
  cursor: Point | null;
  /** True when a click now would close the shape (the pointer is on its first point). */
  closing: boolean;
}

export type Cursor =
  | 'default'
  | 'pointer'
  | 'move'
  | 'crosshair'
  | 'not-allowed'
  | 'ns-resize'
  | 'ew-resize'
  | 'nwse-resize'
  | 'nesw-resize';

export interface Overlay {
  draft: DraftShape | null;
  marquee: Bounds | null;
  snap: Point | null;
  cursor: Cursor;
  notice: string | null;
}

export const EMPTY_OVERLAY: Overlay = { draft: null, marquee: null, snap: null, cursor: 'default', notice: null };
