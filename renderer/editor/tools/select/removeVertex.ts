import { removeVertex } from '../../../../shared/annotations/ops';
import type { ToolContext } from '../framework/types';

/** Removes one vertex as its own undo step, or shows why not (under 3 per ring, read-only). */
export function removeVertexOf(ctx: ToolContext, id: string, ring: number, index: number): boolean {
  if (!ctx.canEdit()) return false;
  const annotation = ctx.annotation(id);
  if (!annotation) return false;
  const result = removeVertex(annotation, ring, index);
  if (!result.ok) {
    ctx.notify(result.reason);
    return false;
  }
  ctx.update([result.value]);
  ctx.select([id]);
  return true;
}
