import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { pointFor } from '../shared/pathDrawing';
import { PolylineDrawing } from './Drawing';

/** polyline/Idle: a press places the first point of a new polyline. */
export class PolylineIdle implements ToolState {
  readonly name = 'polyline/Idle';

  enter(ctx: ToolContext): void {
    ctx.setOverlay({ cursor: 'crosshair', draft: null, snap: null });
  }

  onPointerDown(ctx: ToolContext, e: ToolPointer): Handled {
    if (e.button !== 0 || !ctx.canEdit()) return true;
    const cls = ctx.classFor('polyline');
    if (!cls.ok) {
      ctx.notify(cls.reason);
      return true;
    }
    return new PolylineDrawing(cls.value.name, [pointFor(ctx, e).point]);
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    ctx.setOverlay({ snap: e.mod ? ctx.snap(e.point) : null });
    return true;
  }
}
