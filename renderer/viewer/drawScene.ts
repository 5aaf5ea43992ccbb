import type { Camera } from './camera';
import { withAlpha } from './colors';
import type { Batch, PreparedScene } from './sceneTypes';
import { ShapeKind } from './sceneTypes';

/**
 * The canvas calls the bulk renderer makes; a recording mock in the unit tests, the real 2D
 * context in the app. Written without DOM types so the Node-side type check accepts the tests.
 */
export interface DrawContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textBaseline: string;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(rule?: 'nonzero' | 'evenodd'): void;
  stroke(): void;
  save(): void;
  restore(): void;
  setLineDash(segments: number[]): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

export interface DrawView {
  camera: Camera;
  pixelRatio: number;
  /** 1 per class index that is hidden in the legend. */
  hiddenClasses: Uint8Array;
  /** 1 per shape in view (from the grid); null draws every shape. */
  visible: Uint8Array | null;
}

export interface DrawStats {
  shapes: number;
  batches: number;
  labels: number;
}

/**
 * Outlines just under one device pixel: exactly 1 px can fall off Chromium's fast thin-line path
 * and cost 20× more (design §6). Lines get about two device pixels so a lane stays visible.
 */
export const OUTLINE_DEVICE_PX = 0.95;
export const LINE_DEVICE_PX = 1.9;
/** Keypoints are a fixed size on screen (CSS px), whatever the zoom. */
export const KEYPOINT_RADIUS = 3.5;
/**
 * Points per path before it is filled and stroked. Skia's cost for one path grows faster than its
 * size: measured here, 10,000 polygons of 20 points as one path per class took ~650 ms, in paths
 * of ~25 polygons ~45 ms (and one path per polygon ~50 ms).
 */
export const PATH_POINT_BUDGET = 512;
/** Past this many labels in view, none are drawn: text would hide the image. */
export const MAX_LABELS = 200;

const FILL_ALPHA = 0.25;
const PREDICTION_FILL_ALPHA = 0.1;
const PREDICTION_DASH = [6, 4];
const MARKER_DASH = [3, 3];

/**
 * Draws the scene in batches: per batch one set of styles, and one path, fill and stroke per
 * PATH_POINT_BUDGET points (holed polygons get their own even-odd fill). The context must already map image pixels to the canvas (Konva's stage
 * transform × pixel ratio); labels are drawn in screen space so they stay crisp at any zoom.
 */
export function drawScene(ctx: DrawContext, scene: PreparedScene, view: DrawView): DrawStats {
  const devicePerWorld = view.camera.scale * view.pixelRatio;
  const stats: DrawStats = { shapes: 0, batches: 0, labels: 0 };
  const labelled: number[] = [];
  for (const batch of scene.batches) {
    if (view.hiddenClasses[batch.classIndex] === 1) continue;
    const drawn = drawBatch(ctx, scene, batch, view.visible, devicePerWorld, view.camera.scale, labelled);
    if (drawn > 0) stats.batches++;
    stats.shapes += drawn;
  }
  if (labelled.length > 0 && labelled.length <= MAX_LABELS) stats.labels = drawLabels(ctx, scene, labelled, view);
  return stats;
}

function traceRings(ctx: DrawContext, scene: PreparedScene, shape: number, close: boolean): void {
  const { coords, ringOffsets } = scene;
  for (let r = scene.ringStart[shape]!; r < scene.ringStart[shape + 1]!; r++) {
    const start = ringOffsets[r]!;
    const end = ringOffsets[r + 1]!;
    ctx.moveTo(coords[start * 2]!, coords[start * 2 + 1]!);
    for (let p = start + 1; p < end; p++) ctx.lineTo(coords[p * 2]!, coords[p * 2 + 1]!);
    if (close) ctx.closePath();
  }
}

function drawBatch(
  ctx: DrawContext,
  scene: PreparedScene,
  batch: Batch,
  visible: Uint8Array | null,
  devicePerWorld: number,
  scale: number,
  labelled: number[],
): number {
  const color = scene.classes[batch.classIndex]?.color ?? '#808080';
  const px = 1 / devicePerWorld;
  const { group } = batch;
  // Styles once per batch; the path is filled and stroked every PATH_POINT_BUDGET points.
  // Dashes are in CSS pixels on screen, whatever the zoom.
  const dash = batch.predicted ? PREDICTION_DASH : group === 'marker' ? MARKER_DASH : null;
  ctx.setLineDash(dash ? dash.map((d) => d / scale) : []);
  if (group === 'point') {
    ctx.fillStyle = color;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.75)';
    ctx.lineWidth = OUTLINE_DEVICE_PX * px;
  } else {
    ctx.fillStyle = withAlpha(color, group === 'marker' ? 0.08 : batch.predicted ? PREDICTION_FILL_ALPHA : FILL_ALPHA);
    ctx.strokeStyle = color;
    ctx.lineWidth = (group === 'area' ? OUTLINE_DEVICE_PX : LINE_DEVICE_PX) * px;
  }
  const flush = () => {
    if (group !== 'line') ctx.fill();
    ctx.stroke();
  };

  const { shapes } = batch;
  let drawn = 0;
  let pending = 0;
  let holed: number[] | null = null;
  ctx.beginPath();
  for (let k = 0; k < shapes.length; k++) {
    const i = shapes[k]!;
    if (visible && visible[i] !== 1) continue;
    drawn++;
    if (batch.predicted || group === 'marker') labelled.push(i);
    if (group === 'point') {
      const p = scene.ringOffsets[scene.ringStart[i]!]!;
      const x = scene.coords[p * 2]!;
      const y = scene.coords[p * 2 + 1]!;
      const r = KEYPOINT_RADIUS / scale;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      pending += 16;
    } else if (scene.holed[i] === 1) {
      (holed ??= []).push(i);
      continue;
    } else {
      traceRings(ctx, scene, i, group !== 'line');
      pending += scene.ringOffsets[scene.ringStart[i + 1]!]! - scene.ringOffsets[scene.ringStart[i]!]!;
    }
    if (pending >= PATH_POINT_BUDGET) {
      flush();
      ctx.beginPath();
      pending = 0;
    }
  }
  if (pending > 0) flush();
  // Each polygon with holes alone, even-odd (§7.3): paths[0] outer, the rest holes.
  for (const i of holed ?? []) {
    ctx.beginPath();
    traceRings(ctx, scene, i, true);
    ctx.fill('evenodd');
    ctx.stroke();
  }
  ctx.setLineDash([]);
  return drawn;
}

/** Confidence of predictions and the type of odd shapes, as small tags at their top-left corner. */
function drawLabels(ctx: DrawContext, scene: PreparedScene, shapes: number[], view: DrawView): number {
  const { camera, pixelRatio } = view;
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  for (const i of shapes) {
    const text =
      scene.kind[i] === ShapeKind.unknown
        ? `? ${scene.labels.get(i) ?? 'unknown'}`
        : `${Math.round(scene.confidence[i]! * 100)}%`;
    const x = scene.bounds[i * 4]! * camera.scale + camera.x;
    const y = scene.bounds[i * 4 + 1]! * camera.scale + camera.y;
    const width = ctx.measureText(text).width + 6;
    ctx.fillStyle = 'rgba(12, 13, 17, 0.78)';
    ctx.fillRect(x, y - 15, width, 15);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(text, x + 3, y - 13);
  }
  ctx.restore();
  return shapes.length;
}
