import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { BoxDrawing } from './Drawing';

/** bbox/Idle: a press starts dragging out a new box (in the class boxes get). */
export class BoxIdle implements ToolState {
  readonly name = 'bbox/Idle';

  enter(ctx: ToolContext): void {
    ctx.setOverlay({ cursor: 'crosshair', draft: null });
  }

  onPointerDown(ctx: ToolContext, e: ToolPointer): Handled {
    if (e.button !== 0 || !ctx.canEdit()) return true;
    const cls = ctx.classFor('bbox');
    if (!cls.ok) {
      ctx.notify(cls.reason);
      return true;
    }
    return new BoxDrawing(cls.value.name, e);
  }
}
