import type { Point } from '../../../../shared/api/annotation';
import { MIN_POLYLINE_POINTS } from '../../../../shared/annotations/ops';
import { geometryFields } from '../../../../shared/annotations/shapes';
import type { PathKind } from '../shared/drawingState';
import { PathDrawingState } from '../shared/drawingState';
import { PolylineIdle } from './Idle';

const POLYLINE: PathKind = {
  type: 'polyline',
  minPoints: MIN_POLYLINE_POINTS,
  closesOnFirstPoint: false,
  geometry: (points) => geometryFields({ kind: 'polyline', path: points }),
  idle: () => new PolylineIdle(),
};

/**
 * polyline/Drawing: an open line in progress. Clicks add points (snapped with Ctrl/Cmd), Enter
 * finishes it (2 points at least), Backspace removes the last point, Escape drops it.
 */
export class PolylineDrawing extends PathDrawingState {
  constructor(className: string, points: Point[]) {
    super('polyline/Drawing', className, points, POLYLINE);
  }
}
