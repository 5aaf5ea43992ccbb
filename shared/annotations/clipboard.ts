import type { Annotation, Point } from '../api/annotation';
import { annotationSchema } from '../api/annotation';
import type { OpResult } from './ops';
import type { Shape } from './shapes';
import { shapeBounds, shapeOf, translateShape, withShape } from './shapes';

/**
 * Copy and paste of annotations, within and across images. The clipboard text is JSON with a
 * marker, so pasting arbitrary text is refused with a reason instead of creating garbage, and every
 * field of a copied annotation (unknown ones included) survives the trip.
 */
export const CLIPBOARD_KIND = 'pictograph-review/annotations';
/** Refuse absurd clipboard contents before parsing them into the document. */
export const MAX_CLIPBOARD_ANNOTATIONS = 10_000;

export function serializeClipboard(annotations: readonly Annotation[], sourceImageId: string): string {
  return JSON.stringify({ kind: CLIPBOARD_KIND, version: 1, image_id: sourceImageId, annotations });
}

export interface ClipboardContents {
  sourceImageId: string;
  annotations: Annotation[];
}

export function parseClipboard(text: string): OpResult<ClipboardContents> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the clipboard does not hold annotations' };
  }
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== CLIPBOARD_KIND) {
    return { ok: false, reason: 'the clipboard does not hold annotations' };
  }
  const { annotations, image_id: imageId } = value as { annotations?: unknown; image_id?: unknown };
  if (!Array.isArray(annotations)) return { ok: false, reason: 'the clipboard does not hold annotations' };
  if (annotations.length > MAX_CLIPBOARD_ANNOTATIONS) {
    return { ok: false, reason: `at most ${MAX_CLIPBOARD_ANNOTATIONS} annotations can be pasted at once` };
  }
  const parsed: Annotation[] = [];
  for (const raw of annotations) {
    const result = annotationSchema.safeParse(raw);
    if (!result.success) return { ok: false, reason: 'the clipboard holds a damaged annotation' };
    // zod's looseObject keeps unknown keys, but rebuilds the object: take the original text's object.
    parsed.push(raw as Annotation);
  }
  return { ok: true, value: { sourceImageId: typeof imageId === 'string' ? imageId : '', annotations: parsed } };
}

export interface ImageSize {
  width: number;
  height: number;
}

const clampTo = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/**
 * The shape moved (never resized when it fits) so it lies inside the image; a shape larger than
 * the image has its points clamped to the edges instead.
 */
export function clampShapeInto(shape: Shape, image: ImageSize): Shape {
  const b = shapeBounds(shape);
  const dx = b.maxX - b.minX <= image.width ? clampTo(b.minX, 0, image.width - (b.maxX - b.minX)) - b.minX : 0;
  const dy = b.maxY - b.minY <= image.height ? clampTo(b.minY, 0, image.height - (b.maxY - b.minY)) - b.minY : 0;
  const moved = dx === 0 && dy === 0 ? shape : translateShape(shape, dx, dy);
  const clampPoint = (p: Point): Point => ({ x: clampTo(p.x, 0, image.width), y: clampTo(p.y, 0, image.height) });
  switch (moved.kind) {
    case 'bbox': {
      const x0 = clampTo(moved.box.x, 0, image.width);
      const y0 = clampTo(moved.box.y, 0, image.height);
      const x1 = clampTo(moved.box.x + moved.box.w, 0, image.width);
      const y1 = clampTo(moved.box.y + moved.box.h, 0, image.height);
      return { kind: 'bbox', box: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } };
    }
    case 'polygon':
      return { kind: 'polygon', rings: moved.rings.map((ring) => ring.map(clampPoint)) };
    case 'polyline':
      return { kind: 'polyline', path: moved.path.map(clampPoint) };
    case 'keypoint':
      return { kind: 'keypoint', point: clampPoint(moved.point) };
  }
}

/**
 * Copies ready to insert: new ids, moved by `offset` (pasting onto the same image) and clamped
 * into the target image. Annotations whose geometry the editor cannot read are pasted unmoved
 * (kept verbatim but for the id): nothing on the clipboard is silently dropped.
 */
export function pasteAnnotations(
  annotations: readonly Annotation[],
  target: ImageSize | null,
  newId: () => string,
  offset: Point = { x: 0, y: 0 },
): Annotation[] {
  return annotations.map((annotation) => {
    const shape = shapeOf(annotation);
    if (!shape) return { ...annotation, id: newId() };
    let next = translateShape(shape, offset.x, offset.y);
    if (target) next = clampShapeInto(next, target);
    return { ...withShape(annotation, next), id: newId() };
  });
}

/**
 * "Copy all from the previous image": every annotation of `previous` as a new one on the current
 * image, except those the current image already has the same class and geometry of (so pressing it
 * twice does not stack duplicates).
 */
export function copyAllFromPrevious(
  previous: readonly Annotation[],
  current: readonly Annotation[],
  target: ImageSize | null,
  newId: () => string,
): Annotation[] {
  const key = (a: Annotation) => `${a.type}\u0000${a.name}\u0000${JSON.stringify(shapeOf(a))}`;
  const present = new Set(current.map(key));
  const pasted = pasteAnnotations(previous, target, newId);
  return pasted.filter((a) => !present.has(key(a)));
}
