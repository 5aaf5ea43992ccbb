import type { Bounds } from '../../../../shared/geometry/bounds';
import { boundsFromCorners } from '../../../../shared/geometry/bounds';
import { DRAG_THRESHOLD_PX } from '../framework/constants';
import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { SelectIdle } from './Idle';

/**
 * select/BoxSelecting: dragging a selection rectangle from empty space. On release it selects every
 * pickable shape the rectangle touches (with Alt: only those wholly inside), added to the selection
 * that was kept when Shift was held. A drag shorter than the threshold is a click on empty space.
 */
export class BoxSelecting implements ToolState {
  readonly name = 'select/BoxSelecting';
  constructor(
    readonly down: ToolPointer,
    readonly keep: readonly string[],
  ) {}

  enter(ctx: ToolContext): void {
    ctx.setOverlay({ cursor: 'crosshair' });
  }

  #rectTo(e: ToolPointer): Bounds | null {
    const travelled = Math.hypot(e.screen.x - this.down.screen.x, e.screen.y - this.down.screen.y);
    return travelled < DRAG_THRESHOLD_PX ? null : boundsFromCorners(this.down.point, e.point);
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    ctx.setOverlay({ marquee: this.#rectTo(e) });
    return true;
  }

  onPointerUp(ctx: ToolContext, e: ToolPointer): Handled {
    const rect = this.#rectTo(e);
    if (rect) {
      const ids = ctx.boxSelect(rect, e.alt ? 'contain' : 'intersect');
      ctx.select([...this.keep, ...ids]);
    }
    return new SelectIdle();
  }

  onCancel(): Handled {
    return new SelectIdle();
  }

  exit(ctx: ToolContext): void {
    ctx.setOverlay({ marquee: null });
  }
}
