import type { Handled, ToolContext, ToolPointer, ToolState } from '../framework/types';
import { MovingKeypoint } from './Moving';

/**
 * keypoint/Idle: a press on an existing keypoint selects it and starts moving it; anywhere else
 * it places a new keypoint (one undo step) and selects it.
 */
export class KeypointIdle implements ToolState {
  readonly name = 'keypoint/Idle';

  enter(ctx: ToolContext): void {
    ctx.setOverlay({ cursor: 'crosshair', draft: null });
  }

  onPointerDown(ctx: ToolContext, e: ToolPointer): Handled {
    if (e.button !== 0) return true;
    const hit = ctx.pick(e.point);
    if (hit && hit.shape.kind === 'keypoint') {
      ctx.select([hit.id]);
      return ctx.canEdit() ? new MovingKeypoint(hit.id, hit.annotation, e.point) : true;
    }
    if (!ctx.canEdit()) return true;
    const cls = ctx.classFor('keypoint');
    if (!cls.ok) {
      ctx.notify(cls.reason);
      return true;
    }
    const id = ctx.newId();
    ctx.insert([{ id, name: cls.value.name, type: 'keypoint', keypoint: { x: e.point.x, y: e.point.y } }]);
    ctx.select([id]);
    return true;
  }

  onPointerMove(ctx: ToolContext, e: ToolPointer): Handled {
    const hit = ctx.pick(e.point);
    ctx.setOverlay({ cursor: hit?.shape.kind === 'keypoint' ? 'move' : 'crosshair' });
    return true;
  }
}
