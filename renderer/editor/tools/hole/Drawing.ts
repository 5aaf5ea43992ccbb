import type { Point } from '../../../../shared/api/annotation';
import { addHole, MIN_RING_POINTS } from '../../../../shared/annotations/ops';
import type { Handled, ToolContext, ToolKey, ToolPointer, ToolState } from '../framework/types';
import { closesAt, pointFor, repeatsLast, showDraft } from '../shared/pathDrawing';
import { HoleIdle } from './Idle';

/**
 * hole/Drawing: an inner ring in progress for polygon `targetId`, drawn like a polygon (click
 * points, click the first or press Enter to close, Backspace, Escape). Closing adds it with
 * `addHole`, which refuses a ring outside the outline; the addition is one undo step.
 */
export class HoleDrawing implements ToolState {
  readonly name = 'hole/Drawing';
  readonly #points: Point[];

  constructor(
    readonly targetId: string,
    points: Point[],
  ) {
    this.#points = points;
  }

  enter(ctx: ToolContext): void {
    showDraft(ctx, 'hole', this.#points, null, false);
  }

  onPointerDown(ctx: ToolContext, e: ToolPointer): Handled {
    if (e.button !== 0) return true;
    if (closesAt(ctx, this.#points, MIN_RING_POINTS, e.point)) return this.#finish(ctx);
    const { point } = pointFor(ctx, e, this.targetId);
    if (!repeatsLast(this.#points, point)) this.#points.push(point);
    showDraft(ctx, 'hole', this.#points, point, false);
    return true;
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    const { point, snapped } = pointFor(ctx, e, this.targetId);
    showDraft(
      ctx,
      'hole',
      this.#points,
      point,
      closesAt(ctx, this.#points, MIN_RING_POINTS, e.point),
      snapped ? point : null,
    );
    return true;
  }

  onKeyDown(ctx: ToolContext, e: ToolKey): Handled {
    if (e.key === 'Enter') return this.#finish(ctx);
    if (e.key === 'Backspace' || e.key === 'Delete') {
      this.#points.pop();
      if (this.#points.length === 0) return new HoleIdle();
      showDraft(ctx, 'hole', this.#points, null, false);
      return true;
    }
    return false;
  }

  onCancel(): Handled {
    return new HoleIdle();
  }

  exit(ctx: ToolContext): void {
    ctx.setOverlay({ draft: null, snap: null });
  }

  #finish(ctx: ToolContext): Handled {
    const target = ctx.annotation(this.targetId);
    if (!target) return new HoleIdle();
    const result = addHole(target, this.#points);
    if (!result.ok) {
      ctx.notify(result.reason);
      // Too few points: keep drawing. Outside the outline: the draft cannot become valid by adding points.
      return this.#points.length < MIN_RING_POINTS ? true : new HoleIdle();
    }
    ctx.update([result.value]);
    return new HoleIdle();
  }
}
