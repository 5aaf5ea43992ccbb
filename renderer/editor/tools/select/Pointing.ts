import { DRAG_THRESHOLD_PX } from '../framework/constants';
import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { DraggingShapes } from './DraggingShapes';
import { SelectIdle } from './Idle';

/**
 * select/Pointing: pressed on a shape, not moved far yet. Moving past the drag threshold starts
 * moving the selection; releasing is a click (on a shape of a multi-selection it selects just it).
 */
export class Pointing implements ToolState {
  readonly name = 'select/Pointing';

  constructor(
    readonly id: string,
    readonly down: ToolPointer,
    readonly wasSelected: boolean,
  ) {}

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    const travelled = Math.hypot(e.screen.x - this.down.screen.x, e.screen.y - this.down.screen.y);
    if (travelled < DRAG_THRESHOLD_PX) return true;
    if (!ctx.canEdit()) return new SelectIdle();
    return new DraggingShapes(ctx.session.selection, this.down.point, e.point);
  }

  onPointerUp(ctx: ToolContext): Handled {
    if (this.wasSelected && ctx.session.selection.length > 1) ctx.select([this.id]);
    return new SelectIdle();
  }

  onCancel(): Handled {
    return new SelectIdle();
  }
}
