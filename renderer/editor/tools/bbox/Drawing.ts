import { MIN_BOX_SIZE } from '../../../../shared/annotations/resizeBox';
import { boundsFromCorners } from '../../../../shared/geometry/bounds';
import { MIN_DRAW_PX } from '../framework/constants';
import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { BoxIdle } from './Idle';

/**
 * bbox/Drawing: dragging out a box from the press point. On release a box at least MIN_DRAW_PX on
 * screen each way (and MIN_BOX_SIZE in the image) becomes one undo step and is selected; anything
 * smaller was a stray click and is dropped with a notice. Escape drops it.
 */
export class BoxDrawing implements ToolState {
  readonly name = 'bbox/Drawing';

  constructor(
    readonly className: string,
    readonly down: ToolPointer,
  ) {}

  enter(ctx: ToolContext): void {
    ctx.setOverlay({
      draft: { kind: 'bbox', points: [this.down.point, this.down.point], cursor: null, closing: false },
    });
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    ctx.setOverlay({ draft: { kind: 'bbox', points: [this.down.point, e.point], cursor: e.point, closing: false } });
    return true;
  }

  onPointerUp(ctx: ToolContext, e: ToolPointer): Handled {
    const wide = Math.abs(e.screen.x - this.down.screen.x) >= MIN_DRAW_PX;
    const high = Math.abs(e.screen.y - this.down.screen.y) >= MIN_DRAW_PX;
    if (!wide || !high) {
      ctx.notify('drag to draw a box');
      return new BoxIdle();
    }
    const b = boundsFromCorners(this.down.point, e.point);
    const box = {
      x: b.minX,
      y: b.minY,
      w: Math.max(MIN_BOX_SIZE, b.maxX - b.minX),
      h: Math.max(MIN_BOX_SIZE, b.maxY - b.minY),
    };
    const id = ctx.newId();
    ctx.insert([{ id, name: this.className, type: 'bbox', bounding_box: box }]);
    ctx.select([id]);
    return new BoxIdle();
  }

  onCancel(): Handled {
    return new BoxIdle();
  }

  exit(ctx: ToolContext): void {
    ctx.setOverlay({ draft: null });
  }
}
