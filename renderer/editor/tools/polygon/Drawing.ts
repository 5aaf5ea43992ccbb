import type { Point } from '../../../../shared/api/annotation';
import { geometryFields } from '../../../../shared/annotations/shapes';
import { MIN_RING_POINTS } from '../../../../shared/annotations/ops';
import type { Handled, ToolContext, ToolKey, ToolPointer, ToolState } from '../framework/types';
import { closesAt, pointFor, repeatsLast, showDraft } from '../shared/pathDrawing';
import { PolygonIdle } from './Idle';

/**
 * polygon/Drawing: points placed so far. A click adds one (snapped with Ctrl/Cmd); a click on the
 * first point or Enter closes it (3 points at least); Backspace takes back the last one; Escape
 * drops the whole draft. The finished polygon enters the document as one undo step.
 */
export class PolygonDrawing implements ToolState {
  readonly name = 'polygon/Drawing';
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
    showDraft(ctx, 'polygon', this.#points, null, false);
  }

  onPointerDown(ctx: ToolContext, e: ToolPointer): Handled {
    if (e.button !== 0) return true;
    if (closesAt(ctx, this.#points, MIN_RING_POINTS, e.point)) return this.#finish(ctx);
    const { point } = pointFor(ctx, e);
    if (!repeatsLast(this.#points, point)) this.#points.push(point);
    showDraft(ctx, 'polygon', this.#points, point, false);
    return true;
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    const { point, snapped } = pointFor(ctx, e);
    const closing = closesAt(ctx, this.#points, MIN_RING_POINTS, e.point);
    showDraft(ctx, 'polygon', this.#points, point, closing, snapped ? point : null);
    return true;
  }

  onKeyDown(ctx: ToolContext, e: ToolKey): Handled {
    if (e.key === 'Enter') return this.#finish(ctx);
    if (e.key === 'Backspace' || e.key === 'Delete') {
      this.#points.pop();
      if (this.#points.length === 0) return new PolygonIdle();
      showDraft(ctx, 'polygon', this.#points, null, false);
      return true;
    }
    return false;
  }

  onCancel(): Handled {
    return new PolygonIdle();
  }

  exit(ctx: ToolContext): void {
    ctx.setOverlay({ draft: null, snap: null });
  }

  #finish(ctx: ToolContext): Handled {
    if (this.#points.length < MIN_RING_POINTS) {
      ctx.notify(`a polygon needs at least ${MIN_RING_POINTS} points`);
      return true;
    }
    const id = ctx.newId();
    const shape = { kind: 'polygon' as const, rings: [this.#points.slice()] };
    ctx.insert([{ id, name: this.className, type: 'polygon', ...geometryFields(shape) }]);
    ctx.select([id]);
    return new PolygonIdle();
  }
}
