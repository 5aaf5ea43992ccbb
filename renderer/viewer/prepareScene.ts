import { resolveClassColor } from './colors';
import type { Batch, BatchGroup, PreparedScene, SceneClass, SceneIssue } from './sceneTypes';
import { ShapeKind } from './sceneTypes';

export interface PrepareOptions {
  /** The image's size, when known: shapes entirely outside it are counted. */
  imageSize?: { width: number; height: number } | null;
  /**
   * Vertex budget for the whole scene. A hostile list (10,000 polygons of 100,000 points) would
   * otherwise take gigabytes; past the budget, shapes are drawn as their bounding boxes.
   */
  maxPoints?: number;
}

export const DEFAULT_MAX_POINTS = 4_000_000;

type Pt = { x: number; y: number };
type Rec = Record<string, unknown>;

const isRecord = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value);

function readPoint(value: unknown): Pt | null {
  if (!isRecord(value)) return null;
  const { x, y } = value;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

function readRing(value: unknown): Pt[] {
  if (!Array.isArray(value)) return [];
  const ring: Pt[] = [];
  for (const raw of value) {
    const point = readPoint(raw);
    if (point) ring.push(point);
  }
  return ring;
}

/** `polygon.paths` (canonical) or `polygon.path` (legacy input, §7.3): rings of ≥ 3 points. */
function readPolygonRings(annotation: Rec): Pt[][] {
  const geometry = annotation.polygon;
  if (!isRecord(geometry)) return [];
  const rings = Array.isArray(geometry.paths) ? geometry.paths.map(readRing) : [readRing(geometry.path)];
  return rings.filter((ring) => ring.length >= 3);
}

function readBox(value: unknown): Pt[] | null {
  if (!isRecord(value)) return null;
  const { x, y, w, h } = value;
  if (![x, y, w, h].every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [bx, by, bw, bh] = [x, y, w, h] as number[] as [number, number, number, number];
  // A negative width is drawn from the other corner rather than dropped.
  const x0 = Math.min(bx, bx + bw);
  const y0 = Math.min(by, by + bh);
  const x1 = Math.max(bx, bx + bw);
  const y1 = Math.max(by, by + bh);
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}

/** Twice the signed area (shoelace); positive runs the way `ctx.rect` does on screen (y down). */
export function signedArea(ring: readonly Pt[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += ring[j]!.x * ring[i]!.y - ring[i]!.x * ring[j]!.y;
  return sum;
}

interface Draft {
  kind: ShapeKind;
  classIndex: number;
  predicted: boolean;
  confidence: number;
  rings: Pt[][];
  source: number;
  label?: string;
}

const groupOf = (kind: ShapeKind): BatchGroup =>
  kind === ShapeKind.polygon || kind === ShapeKind.box
    ? 'area'
    : kind === ShapeKind.polyline
      ? 'line'
      : kind === ShapeKind.keypoint
        ? 'point'
        : 'marker';
const GROUP_ORDER: BatchGroup[] = ['area', 'line', 'point', 'marker'];

/**
 * Flattens an annotation list into a PreparedScene. Tolerant by design (hostile data never
 * breaks the screen): unknown types become labelled boxes, malformed geometry falls back to the
 * bounding box, and whatever cannot be drawn at all is listed in `issues` instead of throwing.
 */
export function prepareScene(
  annotations: readonly unknown[],
  datasetClasses: readonly { name: string; color: unknown }[],
  options: PrepareOptions = {},
): PreparedScene {
  const maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
  const classes: SceneClass[] = [];
  const classByName = new Map<string, SceneClass>();
  const declared = new Map(datasetClasses.map((c) => [c.name, c]));
  const classFor = (name: string): SceneClass => {
    let entry = classByName.get(name);
    if (!entry) {
      const resolved = resolveClassColor(name, declared.get(name));
      entry = { index: classes.length, name, color: resolved.color, status: resolved.status, count: 0, predictions: 0 };
      classes.push(entry);
      classByName.set(name, entry);
    }
    return entry;
  };
  // Every dataset class is in the legend (with 0 when absent), in the dataset's order.
  for (const c of datasetClasses) classFor(c.name);

  const drafts: Draft[] = [];
  const issues: SceneIssue[] = [];
  let points = 0;

  annotations.forEach((raw, source) => {
    if (!isRecord(raw)) {
      issues.push({ annotationId: `#${source + 1}`, kind: 'not-drawable', message: 'Not an annotation object.' });
      return;
    }
    const id = typeof raw.id === 'string' && raw.id.length > 0 ? raw.id : `#${source + 1}`;
    const type = typeof raw.type === 'string' ? raw.type : '';
    const name = typeof raw.name === 'string' ? raw.name : '';
    const confidence = typeof raw.confidence === 'number' && Number.isFinite(raw.confidence) ? raw.confidence : 1;
    const box = readBox(raw.bounding_box);
    let kind: ShapeKind | null = null;
    let rings: Pt[][] = [];
    let label: string | undefined;

    if (type === 'polygon') {
      rings = readPolygonRings(raw);
      if (rings.length > 0) kind = ShapeKind.polygon;
    } else if (type === 'polyline') {
      const path = isRecord(raw.polyline) ? readRing(raw.polyline.path) : [];
      if (path.length >= 2) [kind, rings] = [ShapeKind.polyline, [path]];
    } else if (type === 'keypoint') {
      const point = readPoint(raw.keypoint);
      if (point) [kind, rings] = [ShapeKind.keypoint, [[point]]];
    } else if (type === 'bbox') {
      if (box) [kind, rings] = [ShapeKind.box, [box]];
    } else {
      // A hostile type name can be any length; the tag on the canvas shows its start.
      label = type ? (type.length > 40 ? `${type.slice(0, 39)}…` : type) : 'no type';
      if (box) {
        [kind, rings] = [ShapeKind.unknown, [box]];
        issues.push({
          annotationId: id,
          kind: 'unknown-type',
          message: `Unknown type “${label}”: drawn as its bounding box.`,
        });
      } else {
        issues.push({
          annotationId: id,
          kind: 'not-drawable',
          message: `Unknown type “${label}” without a bounding box.`,
        });
        return;
      }
    }
    if (kind === null) {
      if (box) {
        [kind, rings, label] = [ShapeKind.unknown, [box], `malformed ${type}`];
        issues.push({
          annotationId: id,
          kind: 'malformed',
          message: `Malformed ${type} geometry: drawn as its bounding box.`,
        });
      } else {
        issues.push({
          annotationId: id,
          kind: 'not-drawable',
          message: `Malformed ${type} geometry and no bounding box.`,
        });
        return;
      }
    }
    const vertexCount = rings.reduce((sum, ring) => sum + ring.length, 0);
    if (points + vertexCount > maxPoints && kind !== ShapeKind.box && kind !== ShapeKind.unknown) {
      const enclosing = boxAround(rings);
      [kind, rings, label] = [ShapeKind.unknown, [enclosing], `${vertexCount.toLocaleString('en-US')} points`];
      issues.push({
        annotationId: id,
        kind: 'simplified',
        message: 'Too many points in this image to draw them all: shown as its bounding box.',
      });
    }
    points += rings.reduce((sum, ring) => sum + ring.length, 0);
    const entry = classFor(name);
    const predicted = confidence < 1;
    entry.count += 1;
    if (predicted) entry.predictions += 1;
    drafts.push({ kind, classIndex: entry.index, predicted, confidence, rings, source, ...(label ? { label } : {}) });
  });

  return pack(drafts, classes, issues, annotations.length, points, options.imageSize ?? null);
}

function boxAround(rings: Pt[][]): Pt[] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const p of ring) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
  return [
    { x: minX, y: minY },
    { x: maxX, y: minY },
    { x: maxX, y: maxY },
    { x: minX, y: maxY },
  ];
}

function pack(
  drafts: Draft[],
  classes: SceneClass[],
  issues: SceneIssue[],
  total: number,
  pointCount: number,
  imageSize: { width: number; height: number } | null,
): PreparedScene {
  const count = drafts.length;
  const ringCount = drafts.reduce((sum, d) => sum + d.rings.length, 0);
  const scene: PreparedScene = {
    count,
    kind: new Uint8Array(count),
    classIndex: new Uint16Array(count),
    predicted: new Uint8Array(count),
    confidence: new Float32Array(count),
    holed: new Uint8Array(count),
    bounds: new Float64Array(count * 4),
    ringStart: new Uint32Array(count + 1),
    ringOffsets: new Uint32Array(ringCount + 1),
    coords: new Float32Array(pointCount * 2),
    source: new Uint32Array(count),
    labels: new Map(),
    classes,
    batches: [],
    issues,
    outside: 0,
    total,
    extent: null,
  };
  let ring = 0;
  let point = 0;
  let [eMinX, eMinY, eMaxX, eMaxY] = [Infinity, Infinity, -Infinity, -Infinity];
  drafts.forEach((draft, i) => {
    scene.kind[i] = draft.kind;
    scene.classIndex[i] = draft.classIndex;
    scene.predicted[i] = draft.predicted ? 1 : 0;
    scene.confidence[i] = draft.confidence;
    scene.holed[i] = draft.kind === ShapeKind.polygon && draft.rings.length > 1 ? 1 : 0;
    scene.source[i] = draft.source;
    if (draft.label !== undefined) scene.labels.set(i, draft.label);
    scene.ringStart[i] = ring;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    const closed = draft.kind === ShapeKind.polygon || draft.kind === ShapeKind.box || draft.kind === ShapeKind.unknown;
    for (const source of draft.rings) {
      scene.ringOffsets[ring++] = point;
      // Same winding for every simple ring, so a class's shapes can share one nonzero fill and
      // overlapping ones unite instead of cancelling (holed polygons are filled even-odd alone).
      const reverse = closed && signedArea(source) < 0;
      for (let k = 0; k < source.length; k++) {
        const p = source[reverse ? source.length - 1 - k : k]!;
        scene.coords[point * 2] = p.x;
        scene.coords[point * 2 + 1] = p.y;
        point++;
        if (p.x < minX) minX = p.x;
        if (p.y < minY) minY = p.y;
        if (p.x > maxX) maxX = p.x;
        if (p.y > maxY) maxY = p.y;
      }
    }
    scene.bounds.set([minX, minY, maxX, maxY], i * 4);
    eMinX = Math.min(eMinX, minX);
    eMinY = Math.min(eMinY, minY);
    eMaxX = Math.max(eMaxX, maxX);
    eMaxY = Math.max(eMaxY, maxY);
    if (imageSize && (maxX < 0 || maxY < 0 || minX > imageSize.width || minY > imageSize.height)) scene.outside++;
  });
  scene.ringStart[count] = ring;
  scene.ringOffsets[ring] = point;
  if (count > 0) scene.extent = { minX: eMinX, minY: eMinY, maxX: eMaxX, maxY: eMaxY };
  scene.batches = buildBatches(drafts);
  return scene;
}

/** One batch per (group, class, prediction), in drawing order; shapes keep annotation order. */
export function buildBatches(drafts: readonly Pick<Draft, 'kind' | 'classIndex' | 'predicted'>[]): Batch[] {
  const byKey = new Map<string, { batch: Omit<Batch, 'shapes'>; shapes: number[] }>();
  drafts.forEach((draft, i) => {
    const group = groupOf(draft.kind);
    const key = `${group}:${draft.classIndex}:${draft.predicted ? 1 : 0}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { batch: { classIndex: draft.classIndex, group, predicted: draft.predicted }, shapes: [] };
      byKey.set(key, entry);
    }
    entry.shapes.push(i);
  });
  return [...byKey.values()]
    .map(({ batch, shapes }) => ({ ...batch, shapes: Uint32Array.from(shapes) }))
    .sort(
      (a, b) =>
        GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) ||
        Number(a.predicted) - Number(b.predicted) ||
        a.classIndex - b.classIndex,
    );
}
