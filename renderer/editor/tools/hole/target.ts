import type { Annotation } from '../../../../shared/api/annotation';
import type { ToolContext } from '../framework/types';

/** The one selected polygon holes are added to or removed from, or null with a notice why not. */
export function holeTarget(ctx: ToolContext): Annotation | null {
  const { selection } = ctx.session;
  const annotation = selection.length === 1 ? ctx.annotation(selection[0]!) : undefined;
  if (!annotation || annotation.type !== 'polygon') {
    ctx.notify('select one polygon to add a hole to or remove one from');
    return null;
  }
  return annotation;
}
