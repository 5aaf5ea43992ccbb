import type { Annotation, Point } from '../api/annotation';
import { pointInRing } from '../geometry/polygon';
import type { BoxHandle } from './resizeBox';
import { MIN_BOX_SIZE, resizeBox } from './resizeBox';
import type { Shape } from './shapes';
import { shapeOf, translateShape, withShape } from './shapes';

/**
 * Pure editing operations on immutable annotation records (design §6). Each returns a new record
 * (or list) and leaves every field it does not own byte-identical. Operations that can be refused
 * (a ring would drop under 3 points, a class takes another type) return `{ ok: false, reason }`
 * with a sentence the editor shows as is.
 */
export type OpResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): OpResult<T> => ({ ok: true, value });
const refuse = <T>(reason: string): OpResult<T> => ({ ok: false, reason });

/** Fewest points per polygon ring and per polyline (§7.3). */
export const MIN_RING_POINTS = 3;
export const MIN_POLYLINE_POINTS = 2;

function editable(annotation: Annotation): OpResult<Shape> {
  const shape = shapeOf(annotation);
  return shape ? ok(shape) : refuse(`this ${annotation.type} annotation has geometry the editor cannot read`);
}

/** Moves the whole shape (box, polygon with its holes, polyline, keypoint) by (dx, dy). */
export function moveAnnotation(annotation: Annotation, dx: number, dy: number): OpResult<Annotation> {
  const shape = editable(annotation);
  if (!shape.ok) return shape;
  return ok(withShape(annotation, translateShape(shape.value, dx, dy)));
}

/** Drags a box handle; see resizeBox for normalisation and the minimum size. */
export function resizeBoxAnnotation(
  annotation: Annotation,
  handle: BoxHandle,
  to: Point,
  minSize = MIN_BOX_SIZE,
): OpResult<{ annotation: Annotation; handle: BoxHandle }> {
  const shape = editable(annotation);
  if (!shape.ok) return shape;
  if (shape.value.kind !== 'bbox') return refuse('only boxes have resize handles');
  const resized = resizeBox(shape.value.box, handle, to, minSize);
  return ok({ annotation: withShape(annotation, { kind: 'bbox', box: resized.box }), handle: resized.handle });
}

/** A polygon's rings or a polyline's single path, for the vertex operations. */
function pathsOf(shape: Shape): Point[][] | null {
  return shape.kind === 'polygon' ? shape.rings : shape.kind === 'polyline' ? [shape.path] : null;
}

function withPaths(annotation: Annotation, shape: Shape, paths: Point[][]): Annotation {
  return shape.kind === 'polygon'
    ? withShape(annotation, { kind: 'polygon', rings: paths })
    : withShape(annotation, { kind: 'polyline', path: paths[0]! });
}

function vertexTarget(annotation: Annotation, ring: number): OpResult<{ shape: Shape; paths: Point[][] }> {
  const shape = editable(annotation);
  if (!shape.ok) return shape;
  const paths = pathsOf(shape.value);
  if (!paths) return refuse(`a ${shape.value.kind} has no vertices to edit`);
  if (!Number.isInteger(ring) || ring < 0 || ring >= paths.length) return refuse(`there is no ring ${ring}`);
  return ok({ shape: shape.value, paths });
}

/** Moves one vertex of a polygon ring or polyline, or a keypoint, to `to`. */
export function moveVertex(annotation: Annotation, ring: number, index: number, to: Point): OpResult<Annotation> {
  const shape = shapeOf(annotation);
  if (shape?.kind === 'keypoint') return ok(withShape(annotation, { kind: 'keypoint', point: { x: to.x, y: to.y } }));
  const target = vertexTarget(annotation, ring);
  if (!target.ok) return target;
  const path = target.value.paths[ring]!;
  if (!Number.isInteger(index) || index < 0 || index >= path.length) return refuse(`there is no vertex ${index}`);
  const paths = target.value.paths.map((p, r) =>
    r === ring ? p.map((q, i) => (i === index ? { x: to.x, y: to.y } : q)) : p,
  );
  return ok(withPaths(annotation, target.value.shape, paths));
}

/** Inserts `point` after vertex `afterIndex` (on the edge from it to the next vertex). */
export function insertVertex(
  annotation: Annotation,
  ring: number,
  afterIndex: number,
  point: Point,
): OpResult<Annotation> {
  const target = vertexTarget(annotation, ring);
  if (!target.ok) return target;
  const path = target.value.paths[ring]!;
  if (!Number.isInteger(afterIndex) || afterIndex < 0 || afterIndex >= path.length)
    return refuse(`there is no edge ${afterIndex}`);
  const next = [...path.slice(0, afterIndex + 1), { x: point.x, y: point.y }, ...path.slice(afterIndex + 1)];
  return ok(
    withPaths(
      annotation,
      target.value.shape,
      target.value.paths.map((p, r) => (r === ring ? next : p)),
    ),
  );
}

/** Removes one vertex, never leaving a ring under 3 points or a polyline under 2. */
export function removeVertex(annotation: Annotation, ring: number, index: number): OpResult<Annotation> {
  const target = vertexTarget(annotation, ring);
  if (!target.ok) return target;
  const path = target.value.paths[ring]!;
  if (!Number.isInteger(index) || index < 0 || index >= path.length) return refuse(`there is no vertex ${index}`);
  const polygon = target.value.shape.kind === 'polygon';
  const min = polygon ? MIN_RING_POINTS : MIN_POLYLINE_POINTS;
  if (path.length <= min) {
    return refuse(
      polygon
        ? `a ring keeps at least ${MIN_RING_POINTS} points${ring > 0 ? ' (remove the hole instead)' : ''}`
        : `a polyline keeps at least ${MIN_POLYLINE_POINTS} points`,
    );
  }
  const next = path.filter((_, i) => i !== index);
  return ok(
    withPaths(
      annotation,
      target.value.shape,
      target.value.paths.map((p, r) => (r === ring ? next : p)),
    ),
  );
}

/** Adds an inner ring (a hole) to a polygon; it needs 3 points, all inside the outline. */
export function addHole(annotation: Annotation, hole: readonly Point[]): OpResult<Annotation> {
  const shape = editable(annotation);
  if (!shape.ok) return shape;
  if (shape.value.kind !== 'polygon') return refuse('only polygons have holes');
  if (hole.length < MIN_RING_POINTS) return refuse(`a hole needs at least ${MIN_RING_POINTS} points`);
  if (!hole.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) return refuse('a hole point is not a number');
  const outline = shape.value.rings[0]!;
  if (!hole.every((p) => pointInRing(p.x, p.y, outline))) return refuse('a hole must lie inside the outline');
  const rings = [...shape.value.rings, hole.map((p) => ({ x: p.x, y: p.y }))];
  return ok(withShape(annotation, { kind: 'polygon', rings }));
}

/** Removes inner ring `ring` (≥ 1: ring 0 is the outline, which is the polygon itself). */
export function removeHole(annotation: Annotation, ring: number): OpResult<Annotation> {
  const shape = editable(annotation);
  if (!shape.ok) return shape;
  if (shape.value.kind !== 'polygon') return refuse('only polygons have holes');
  if (ring === 0) return refuse('ring 0 is the outline, not a hole');
  if (!Number.isInteger(ring) || ring < 0 || ring >= shape.value.rings.length)
    return refuse(`there is no hole ${ring}`);
  return ok(withShape(annotation, { kind: 'polygon', rings: shape.value.rings.filter((_, r) => r !== ring) }));
}

/** A dataset class as the editor needs it: a class with a `type` accepts only that type (§7.3). */
export interface EditorClass {
  name: string;
  type?: string | null | undefined;
}

export function classAccepts(cls: EditorClass, type: string): boolean {
  return !cls.type || cls.type === type;
}

export function changeClass(annotation: Annotation, cls: EditorClass): OpResult<Annotation> {
  if (!classAccepts(cls, annotation.type)) {
    return refuse(`class "${cls.name}" takes ${cls.type} annotations, not ${annotation.type}`);
  }
  return ok(annotation.name === cls.name ? annotation : { ...annotation, name: cls.name });
}

/** A copy with a new id, moved by `offset` so it does not hide under the original. */
export function duplicateAnnotation(annotation: Annotation, newId: string, offset: Point): OpResult<Annotation> {
  const moved = moveAnnotation(annotation, offset.x, offset.y);
  if (!moved.ok) return moved;
  return ok({ ...moved.value, id: newId });
}

export type ReorderDirection = 'forward' | 'backward' | 'front' | 'back';

/**
 * The list with the annotations `ids` moved in drawing order (later = on top). `forward` and
 * `backward` step each one past its nearest unselected neighbour, keeping the selection's own order;
 * `front` and `back` move them all to the end or the start. Returns the same list when nothing moves.
 */
export function reorder(
  list: readonly Annotation[],
  ids: ReadonlySet<string>,
  direction: ReorderDirection,
): readonly Annotation[] {
  const chosen = list.filter((a) => ids.has(a.id));
  if (chosen.length === 0) return list;
  const others = list.filter((a) => !ids.has(a.id));
  if (direction === 'front') return sameOrder(list, [...others, ...chosen]);
  if (direction === 'back') return sameOrder(list, [...chosen, ...others]);
  const next = [...list];
  const step = direction === 'forward' ? 1 : -1;
  const start = step === 1 ? next.length - 2 : 1;
  for (let i = start; i >= 0 && i < next.length; i -= step) {
    const here = next[i]!;
    const neighbour = next[i + step]!;
    if (ids.has(here.id) && !ids.has(neighbour.id)) {
      next[i] = neighbour;
      next[i + step] = here;
    }
  }
  return sameOrder(list, next);
}

function sameOrder(list: readonly Annotation[], next: readonly Annotation[]): readonly Annotation[] {
  return next.every((a, i) => a === list[i]) ? list : next;
}
