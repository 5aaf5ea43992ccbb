import type { Annotation, Point } from '../../../../shared/api/annotation';
import { moveAnnotation } from '../../../../shared/annotations/ops';
import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { KeypointIdle } from './Idle';

/** keypoint/Moving: dragging a keypoint; the drag is one undo step, Escape puts it back. */
export class MovingKeypoint implements ToolState {
  readonly name = 'keypoint/Moving';

  constructor(
    readonly id: string,
    readonly original: Annotation,
    readonly origin: Point,
  ) {}

  enter(ctx: ToolContext): void {
    ctx.mark();
    ctx.setOverlay({ cursor: 'move' });
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    const moved = moveAnnotation(this.original, e.point.x - this.origin.x, e.point.y - this.origin.y);
    if (moved.ok) ctx.update([moved.value]);
    return true;
  }

  onPointerUp(ctx: ToolContext): Handled {
    ctx.commit();
    return new KeypointIdle();
  }

  onCancel(ctx: ToolContext): Handled {
    ctx.revert();
    return new KeypointIdle();
  }
}
