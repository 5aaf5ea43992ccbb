import type { BoundingBox, Point } from '../api/annotation';

/** The eight resize handles of a box, by compass direction (n is the top edge: y grows down). */
export const BOX_HANDLES = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'] as const;
export type BoxHandle = (typeof BOX_HANDLES)[number];

/** The smallest box side resizing leaves, in image pixels (§7.3 wants w, h > 0). */
export const MIN_BOX_SIZE = 1;

/** Where a handle sits on a box. */
export function boxHandlePosition(box: BoundingBox, handle: BoxHandle): Point {
  const x = handle.includes('w') ? box.x : handle.includes('e') ? box.x + box.w : box.x + box.w / 2;
  const y = handle.includes('n') ? box.y : handle.includes('s') ? box.y + box.h : box.y + box.h / 2;
  return { x, y };
}

const FLIP_X: Record<string, string> = { w: 'e', e: 'w' };
const FLIP_Y: Record<string, string> = { n: 's', s: 'n' };

/**
 * Drags `handle` of `original` to `to`: the handle's edges follow the pointer, the opposite ones
 * stay. Dragging past the opposite edge normalises the box (never a negative size) and returns the
 * handle now under the pointer (drag `e` past the left edge and you hold `w`). Each side is at
 * least `minSize`, grown away from the fixed edge.
 */
export function resizeBox(
  original: BoundingBox,
  handle: BoxHandle,
  to: Point,
  minSize = MIN_BOX_SIZE,
): { box: BoundingBox; handle: BoxHandle } {
  let left = original.x;
  let top = original.y;
  let right = original.x + original.w;
  let bottom = original.y + original.h;
  let vertical = handle.includes('n') ? 'n' : handle.includes('s') ? 's' : '';
  let horizontal = handle.includes('w') ? 'w' : handle.includes('e') ? 'e' : '';
  if (horizontal === 'w') left = to.x;
  if (horizontal === 'e') right = to.x;
  if (vertical === 'n') top = to.y;
  if (vertical === 's') bottom = to.y;
  if (left > right) {
    [left, right] = [right, left];
    horizontal = FLIP_X[horizontal] ?? horizontal;
  }
  if (top > bottom) {
    [top, bottom] = [bottom, top];
    vertical = FLIP_Y[vertical] ?? vertical;
  }
  if (right - left < minSize) {
    if (horizontal === 'w') left = right - minSize;
    else right = left + minSize;
  }
  if (bottom - top < minSize) {
    if (vertical === 'n') top = bottom - minSize;
    else bottom = top + minSize;
  }
  return { box: { x: left, y: top, w: right - left, h: bottom - top }, handle: (vertical + horizontal) as BoxHandle };
}
