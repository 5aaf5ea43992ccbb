import type { Point } from '../../../../shared/api/annotation';
import { MIN_RING_POINTS } from '../../../../shared/annotations/ops';
import { geometryFields } from '../../../../shared/annotations/shapes';
import type { PathKind } from '../shared/drawingState';
import { PathDrawingState } from '../shared/drawingState';
import { PolygonIdle } from './Idle';

const POLYGON: PathKind = {
  type: 'polygon',
  minPoints: MIN_RING_POINTS,
  closesOnFirstPoint: true,
  geometry: (points) => geometryFields({ kind: 'polygon', rings: [points] }),
  idle: () => new PolygonIdle(),
};

/**
 * polygon/Drawing: points placed so far. A click adds one (snapped with Ctrl/Cmd); a click on the
 * first point or Enter closes it (3 points at least); Backspace takes back the last one; Escape
 * drops the whole draft. The finished polygon enters the document as one undo step.
 */
export class PolygonDrawing extends PathDrawingState {
  constructor(className: string, points: Point[]) {
    super('polygon/Drawing', className, points, POLYGON);
  }
}
