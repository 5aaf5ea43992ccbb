import type { Camera, Rect, Size } from './camera';
import { visibleWorldRect } from './camera';

/** The minimap's largest side in CSS pixels. */
export const MINIMAP_SIZE = 168;

/** Whether the view shows less than the whole image (only then is a minimap useful). */
export function needsMinimap(camera: Camera, view: Size, content: Size): boolean {
  const seen = visibleWorldRect(camera, view);
  return (
    seen.x > 0.5 ||
    seen.y > 0.5 ||
    seen.x + seen.width < content.width - 0.5 ||
    seen.y + seen.height < content.height - 0.5
  );
}

/** The minimap's size for an image: the image's aspect, the longest side MINIMAP_SIZE. */
export function minimapSize(content: Size, size = MINIMAP_SIZE): Size {
  const factor = size / Math.max(1, content.width, content.height);
  return {
    width: Math.max(1, Math.round(content.width * factor)),
    height: Math.max(1, Math.round(content.height * factor)),
  };
}

/** The part of the image in view, in minimap pixels, clipped to the minimap. */
export function viewportInMinimap(camera: Camera, view: Size, content: Size, map: Size): Rect {
  const seen = visibleWorldRect(camera, view);
  const fx = map.width / Math.max(1, content.width);
  const fy = map.height / Math.max(1, content.height);
  const x0 = Math.max(0, seen.x * fx);
  const y0 = Math.max(0, seen.y * fy);
  const x1 = Math.min(map.width, (seen.x + seen.width) * fx);
  const y1 = Math.min(map.height, (seen.y + seen.height) * fy);
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** A point in the minimap → the image point it stands for. */
export function minimapToWorld(point: { x: number; y: number }, content: Size, map: Size): { x: number; y: number } {
  return { x: (point.x / map.width) * content.width, y: (point.y / map.height) * content.height };
}
