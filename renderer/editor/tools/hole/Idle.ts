import { removeHole } from '../../../../shared/annotations/ops';
import { shapeOf } from '../../../../shared/annotations/shapes';
import { pointInRing } from '../../../../shared/geometry/polygon';
import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { pointFor } from '../shared/pathDrawing';
import { HoleDrawing } from './Drawing';
import { holeTarget } from './target';

/**
 * hole/Idle: works on the single selected polygon. A press starts drawing a new inner ring; an
 * Alt-press inside an existing hole removes that hole (one undo step).
 */
export class HoleIdle implements ToolState {
  readonly name = 'hole/Idle';

  enter(ctx: ToolContext): void {
    ctx.setOverlay({ cursor: 'crosshair', draft: null, snap: null });
  }

  onPointerDown(ctx: ToolContext, e: ToolPointer): Handled {
    if (e.button !== 0) return true;
    const target = holeTarget(ctx);
    if (!target || !ctx.canEdit()) return true;
    if (e.alt) {
      const shape = shapeOf(target);
      const rings = shape?.kind === 'polygon' ? shape.rings : [];
      const hole = rings.findIndex((ring, r) => r > 0 && pointInRing(e.point.x, e.point.y, ring));
      if (hole < 0) {
        ctx.notify('Alt-click inside a hole to remove it');
        return true;
      }
      const result = removeHole(target, hole);
      if (result.ok) ctx.update([result.value]);
      else ctx.notify(result.reason);
      return true;
    }
    return new HoleDrawing(target.id, [pointFor(ctx, e, target.id).point]);
  }
}
