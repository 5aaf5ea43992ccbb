import type { Annotation } from '../../../../shared/api/annotation';
import { resizeBoxAnnotation } from '../../../../shared/annotations/ops';
import type { BoxHandle } from '../../../../shared/annotations/resizeBox';
import { cursorForBoxHandle } from '../../handles';
import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { SelectIdle } from './Idle';

/**
 * select/ResizingBox: dragging one of a box's 8 handles. Computed from the box at the press each
 * time, so crossing the opposite edge flips the box cleanly (resizeBox normalises it) and the
 * cursor follows the handle now under the pointer.
 */
export class ResizingBox implements ToolState {
  readonly name = 'select/ResizingBox';

  constructor(
    readonly id: string,
    readonly original: Annotation,
    readonly handle: BoxHandle,
  ) {}

  enter(ctx: ToolContext): void {
    ctx.mark();
    ctx.setOverlay({ cursor: cursorForBoxHandle(this.handle) });
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    const result = resizeBoxAnnotation(this.original, this.handle, e.point);
    if (result.ok) {
      ctx.update([result.value.annotation]);
      ctx.setOverlay({ cursor: cursorForBoxHandle(result.value.handle) });
    }
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
