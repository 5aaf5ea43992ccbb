import type { Annotation, Point } from '../../../../shared/api/annotation';
import { insertVertex, moveVertex } from '../../../../shared/annotations/ops';
import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { SelectIdle } from './Idle';

/**
 * select/DraggingVertex: moving one vertex of the selected polygon, polyline or keypoint. Built
 * with `insertAt`, it first inserts a vertex there (a press on an edge), inside the same undo step:
 * a click on an edge adds a vertex in one step, and Escape takes both back. The snap modifier
 * (Ctrl/Cmd) snaps the vertex to another shape's nearest vertex.
 */
export class DraggingVertex implements ToolState {
  readonly name = 'select/DraggingVertex';
  #original: Annotation;

  constructor(
    readonly id: string,
    original: Annotation,
    readonly ring: number,
    readonly index: number,
    readonly insertAt?: Point,
  ) {
    this.#original = original;
  }

  enter(ctx: ToolContext): void {
    ctx.mark();
    if (this.insertAt) {
      const inserted = insertVertex(this.#original, this.ring, this.index - 1, this.insertAt);
      if (inserted.ok) {
        this.#original = inserted.value;
        ctx.update([inserted.value]);
      }
    }
    ctx.select([this.id], { id: this.id, ring: this.ring, index: this.index });
    ctx.setOverlay({ cursor: 'pointer' });
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    const snapped = e.mod ? ctx.snap(e.point, this.id) : null;
    ctx.setOverlay({ snap: snapped });
    const result = moveVertex(this.#original, this.ring, this.index, snapped ?? e.point);
    if (result.ok) ctx.update([result.value]);
    return true;
  }

  onPointerUp(ctx: ToolContext): Handled {
    ctx.commit();
    return new SelectIdle();
  }

  onCancel(ctx: ToolContext): Handled {
    ctx.revert();
    // An inserted vertex is gone again: keep the shape selected, not a vertex that no longer exists.
    if (this.insertAt) ctx.select([this.id]);
    return new SelectIdle();
  }

  exit(ctx: ToolContext): void {
    ctx.setOverlay({ snap: null });
  }
}
