import type { Point } from '../../../../shared/api/annotation';
import type { Handled, ToolContext, ToolKey, ToolPointer, ToolState } from '../framework/types';
import { closesAt, pointFor, repeatsLast, showDraft } from './pathDrawing';

/** What tells a polygon's Drawing state from a polyline's: everything else is the same machine. */
export interface PathKind {
  type: 'polygon' | 'polyline';
  minPoints: number;
  /** A click on the first point finishes the path (a polygon closes its ring); a polyline never closes. */
  closesOnFirstPoint: boolean;
  /** The wire geometry of the finished path (`polygon.paths` or `polyline.path`). */
  geometry(points: Point[]): Record<string, unknown>;
  /** The tool's resting state, returned when the draft is finished, emptied or cancelled. */
  idle(): ToolState;
}

/**
 * A path being drawn, shared by polygon/Drawing and polyline/Drawing (each a subclass naming its
 * kind). A click adds a point (snapped with Ctrl/Cmd; the same point twice adds nothing); Enter —
 * or, for a polygon, a click on the first point — finishes it once it has enough points;
 * Backspace takes back the last point (none left: idle); Escape drops the draft. The finished path
 * enters the document as one undo step and is selected.
 */
export class PathDrawingState implements ToolState {
  readonly #points: Point[];
  readonly #kind: PathKind;

  constructor(
    readonly name: string,
    readonly className: string,
    points: Point[],
    kind: PathKind,
  ) {
    this.#points = points;
    this.#kind = kind;
  }

  get points(): readonly Point[] {
    return this.#points;
  }

  enter(ctx: ToolContext): void {
    showDraft(ctx, this.#kind.type, this.#points, null, false);
  }

  onPointerDown(ctx: ToolContext, e: ToolPointer): Handled {
    if (e.button !== 0) return true;
    if (this.#closing(ctx, e.point)) return this.#finish(ctx);
    const { point } = pointFor(ctx, e);
    if (!repeatsLast(this.#points, point)) this.#points.push(point);
    showDraft(ctx, this.#kind.type, this.#points, point, false);
    return true;
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    const { point, snapped } = pointFor(ctx, e);
    showDraft(ctx, this.#kind.type, this.#points, point, this.#closing(ctx, e.point), snapped ? point : null);
    return true;
  }

  onKeyDown(ctx: ToolContext, e: ToolKey): Handled {
    if (e.key === 'Enter') return this.#finish(ctx);
    if (e.key === 'Backspace' || e.key === 'Delete') {
      this.#points.pop();
      if (this.#points.length === 0) return this.#kind.idle();
      showDraft(ctx, this.#kind.type, this.#points, null, false);
      return true;
    }
    return false;
  }

  onCancel(): Handled {
    return this.#kind.idle();
  }

  exit(ctx: ToolContext): void {
    ctx.setOverlay({ draft: null, snap: null });
  }

  #closing(ctx: ToolContext, point: Point): boolean {
    return this.#kind.closesOnFirstPoint && closesAt(ctx, this.#points, this.#kind.minPoints, point);
  }

  #finish(ctx: ToolContext): Handled {
    const { type, minPoints } = this.#kind;
    if (this.#points.length < minPoints) {
      ctx.notify(`a ${type} needs at least ${minPoints} points`);
      return true;
    }
    const id = ctx.newId();
    ctx.insert([{ id, name: this.className, type, ...this.#kind.geometry(this.#points.slice()) }]);
    ctx.select([id]);
    return this.#kind.idle();
  }
}
