import { cursorForBoxHandle } from '../../handles';
import type { Handled, ToolContext, ToolKey, ToolPointer, ToolState } from '../framework/types';
import { BoxSelecting } from './BoxSelecting';
import { DraggingVertex } from './DraggingVertex';
import { Pointing } from './Pointing';
import { removeVertexOf } from './removeVertex';
import { ResizingBox } from './ResizingBox';

/**
 * select/Idle: nothing pressed. A press on the selected shape's handle resizes (box) or drags a
 * vertex (Alt removes it; on an edge, inserts one and drags it); on a shape it selects (Shift
 * toggles) and may become a move; on empty space it starts a box-select.
 */
export class SelectIdle implements ToolState {
  readonly name = 'select/Idle';

  enter(ctx: ToolContext): void {
    ctx.setOverlay({ cursor: 'default', marquee: null, snap: null, draft: null });
  }

  onPointerDown(ctx: ToolContext, e: ToolPointer): Handled {
    if (e.button !== 0) return false;
    const handle = ctx.pickHandle(e.point);
    const selected = ctx.session.selection[0];
    if (handle && selected !== undefined) {
      const original = ctx.annotation(selected)!;
      switch (handle.kind) {
        case 'box':
          return ctx.canEdit() ? new ResizingBox(selected, original, handle.handle) : true;
        case 'vertex':
          if (e.alt) {
            removeVertexOf(ctx, selected, handle.ring, handle.index);
            return true;
          }
          ctx.select([selected], { id: selected, ring: handle.ring, index: handle.index });
          return ctx.canEdit() ? new DraggingVertex(selected, original, handle.ring, handle.index) : true;
        case 'edge':
          return ctx.canEdit()
            ? new DraggingVertex(selected, original, handle.ring, handle.index + 1, handle.point)
            : true;
      }
    }
    const hit = ctx.pick(e.point);
    if (hit) {
      if (e.shift) {
        ctx.toggleSelected(hit.id);
        return true;
      }
      const wasSelected = ctx.session.selection.includes(hit.id);
      if (!wasSelected) ctx.select([hit.id]);
      return new Pointing(hit.id, e, wasSelected);
    }
    const keep = e.shift ? ctx.session.selection : [];
    if (!e.shift) ctx.select([]);
    return new BoxSelecting(e, keep);
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    const handle = ctx.pickHandle(e.point);
    const hit = handle ? null : ctx.pick(e.point);
    ctx.setHover(hit?.id ?? null);
    ctx.setOverlay({
      cursor: handle
        ? handle.kind === 'box'
          ? cursorForBoxHandle(handle.handle)
          : 'pointer'
        : hit
          ? 'move'
          : 'default',
    });
    return true;
  }

  /** Delete or Backspace with a vertex selected removes that vertex; otherwise the key is the registry's. */
  onKeyDown(ctx: ToolContext, e: ToolKey): Handled {
    const vertex = ctx.session.vertex;
    if ((e.key === 'Delete' || e.key === 'Backspace') && vertex && !e.mod) {
      removeVertexOf(ctx, vertex.id, vertex.ring, vertex.index);
      return true;
    }
    return false;
  }

  /** Escape: first drops the selected vertex, then the selection. */
  onCancel(ctx: ToolContext): Handled {
    const { vertex, selection } = ctx.session;
    if (vertex) {
      ctx.select([vertex.id]);
      return true;
    }
    if (selection.length > 0) {
      ctx.select([]);
      return true;
    }
    return false;
  }
}
