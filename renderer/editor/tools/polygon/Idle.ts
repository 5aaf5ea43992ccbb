import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { pointFor } from '../shared/pathDrawing';
import { PolygonDrawing } from './Drawing';

/** polygon/Idle: a press places the first point of a new polygon (in the class polygons get). */
export class PolygonIdle implements ToolState {
  readonly name = 'polygon/Idle';

  enter(ctx: ToolContext): void {
    ctx.setOverlay({ cursor: 'crosshair', draft: null, snap: null });
  }

  onPointerDown(ctx: ToolContext, e: ToolPointer): Handled {
    if (e.button !== 0 || !ctx.canEdit()) return true;
    const cls = ctx.classFor('polygon');
    if (!cls.ok) {
      ctx.notify(cls.reason);
      return true;
    }
    return new PolygonDrawing(cls.value.name, [pointFor(ctx, e).point]);
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    ctx.setOverlay({ snap: e.mod ? ctx.snap(e.point) : null });
    return true;
  }
}
