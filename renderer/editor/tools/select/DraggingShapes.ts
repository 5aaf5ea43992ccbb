import type { Annotation, Point } from '../../../../shared/api/annotation';
import { moveAnnotation } from '../../../../shared/annotations/ops';
import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { SelectIdle } from './Idle';

/**
 * select/DraggingShapes: moving the whole selection (boxes, polygons with their holes, polylines,
 * keypoints). Every move is computed from the records as they were at the press, so rounding never
 * accumulates, and the whole drag is one undo step (marked on enter, committed on release).
 */
export class DraggingShapes implements ToolState {
  readonly name = 'select/DraggingShapes';
  #originals: Annotation[] = [];

  constructor(
    readonly ids: readonly string[],
    readonly origin: Point,
    readonly current: Point,
  ) {}

  enter(ctx: ToolContext): void {
    ctx.mark();
    this.#originals = this.ids.flatMap((id) => {
      const annotation = ctx.annotation(id);
      return annotation ? [annotation] : [];
    });
    ctx.setOverlay({ cursor: 'move' });
    this.#moveTo(ctx, this.current);
  }

  #moveTo(ctx: ToolContext, point: Point): void {
    const dx = point.x - this.origin.x;
    const dy = point.y - this.origin.y;
    const moved: Annotation[] = [];
    for (const original of this.#originals) {
      const result = moveAnnotation(original, dx, dy);
      if (result.ok) moved.push(result.value);
    }
    ctx.update(moved);
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    this.#moveTo(ctx, e.point);
    return true;
  }

  onPointerUp(ctx: ToolContext): Handled {
    ctx.commit();
    return new SelectIdle();
  }

  onCancel(ctx: ToolContext): Handled {
    ctx.revert();
    return new SelectIdle();
  }
}
