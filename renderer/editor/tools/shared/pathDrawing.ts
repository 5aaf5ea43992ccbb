import type { Point } from '../../../../shared/api/annotation';
import { CLOSE_RADIUS_PX } from '../framework/constants';
import type { DraftShape } from '../framework/overlay';
import type { ToolContext, ToolPointer } from '../framework/types';

/**
 * What polygon/Drawing, polyline/Drawing and hole/Drawing share: where a click puts a point
 * (snapped to another shape's vertex while the snap modifier, Ctrl/Cmd, is held) and the draft the
 * interaction layer draws. polygon/Drawing and polyline/Drawing are one machine (drawingState.ts).
 */
export function pointFor(ctx: ToolContext, e: ToolPointer, excludeId?: string): { point: Point; snapped: boolean } {
  const snapped = e.mod ? ctx.snap(e.point, excludeId) : null;
  return snapped ? { point: snapped, snapped: true } : { point: { x: e.point.x, y: e.point.y }, snapped: false };
}

/** True when `point` is on the first point of a draft that has enough points to close. */
export function closesAt(ctx: ToolContext, points: readonly Point[], minPoints: number, point: Point): boolean {
  const first = points[0];
  if (!first || points.length < minPoints) return false;
  return Math.hypot(point.x - first.x, point.y - first.y) <= ctx.tolerance(CLOSE_RADIUS_PX);
}

/** The same point twice in a row (a double click) adds nothing. */
export function repeatsLast(points: readonly Point[], point: Point): boolean {
  const last = points[points.length - 1];
  return last !== undefined && last.x === point.x && last.y === point.y;
}

export function showDraft(
  ctx: ToolContext,
  kind: DraftShape['kind'],
  points: readonly Point[],
  cursor: Point | null,
  closing: boolean,
  snap: Point | null = null,
): void {
  ctx.setOverlay({ draft: { kind, points: [...points], cursor, closing }, snap });
}
