import type { Point } from '../../../../shared/api/annotation';
import { MIN_POLYLINE_POINTS } from '../../../../shared/annotations/ops';
import { geometryFields } from '../../../../shared/annotations/shapes';
import type { Handled, ToolContext, ToolKey, ToolPointer, ToolState } from '../framework/types';
import { pointFor, repeatsLast, showDraft } from '../shared/pathDrawing';
import { PolylineIdle } from './Idle';

/**
 * polyline/Drawing: an open line in progress. Clicks add points (snapped with Ctrl/Cmd), Enter
 * finishes it (2 points at least), Backspace removes the last point, Escape drops it.
 */
export class PolylineDrawing implements ToolState {
  readonly name = 'polyline/Drawing';
  readonly #points: Point[];

  constructor(
    readonly className: string,
    points: Point[],
  ) {
    this.#points = points;
  }

  get points(): readonly Point[] {
    return this.#points;
  }

  enter(ctx: ToolContext): void {
    showDraft(ctx, 'polyline', this.#points, null, false);
  }

  onPointerDown(ctx: ToolContext, e: ToolPointer): Handled {
    if (e.button !== 0) return true;
    const { point } = pointFor(ctx, e);
    if (!repeatsLast(this.#points, point)) this.#points.push(point);
    showDraft(ctx, 'polyline', this.#points, point, false);
    return true;
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    const { point, snapped } = pointFor(ctx, e);
    showDraft(ctx, 'polyline', this.#points, point, false, snapped ? point : null);
    return true;
  }

  onKeyDown(ctx: ToolContext, e: ToolKey): Handled {
    if (e.key === 'Enter') return this.#finish(ctx);
    if (e.key === 'Backspace' || e.key === 'Delete') {
      this.#points.pop();
      if (this.#points.length === 0) return new PolylineIdle();
      showDraft(ctx, 'polyline', this.#points, null, false);
      return true;
    }
    return false;
  }

  onCancel(): Handled {
    return new PolylineIdle();
  }

  exit(ctx: ToolContext): void {
    ctx.setOverlay({ draft: null, snap: null });
  }

  #finish(ctx: ToolContext): Handled {
    if (this.#points.length < MIN_POLYLINE_POINTS) {
      ctx.notify(`a polyline needs at least ${MIN_POLYLINE_POINTS} points`);
      return true;
    }
    const id = ctx.newId();
    const shape = { kind: 'polyline' as const, path: this.#points.slice() };
    ctx.insert([{ id, name: this.className, type: 'polyline', ...geometryFields(shape) }]);
    ctx.select([id]);
    return new PolylineIdle();
  }
}
