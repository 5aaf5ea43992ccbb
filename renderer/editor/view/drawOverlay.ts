import type { Annotation, Point } from '../../../shared/api/annotation';
import { shapeOf } from '../../../shared/annotations/shapes';
import type { Camera } from '../../viewer/camera';
import { withAlpha } from '../../viewer/colors';
import type { DrawContext } from '../../viewer/drawScene';
import type { Handle } from '../handles';
import type { Overlay } from '../tools/framework/overlay';

/** What the interaction layer shows for one frame (all in image pixels; drawn in screen pixels). */
export interface OverlayFrame {
  camera: Camera;
  pixelRatio: number;
  /** Selected annotations: outlined in the accent colour. */
  selected: readonly Annotation[];
  /** Annotations left out of the bulk layer while a gesture moves them: drawn whole here. */
  live: readonly Annotation[];
  /** Annotations highlighted as problems (validation or the server's 422). */
  problems: readonly Annotation[];
  colorOf(className: string): string;
  handles: readonly Handle[];
  /** The selected vertex, drawn filled. */
  activeHandle: { ring: number; index: number } | null;
  overlay: Overlay;
}

const ACCENT = '#ffd23f';
const PROBLEM = '#ff5d5d';
const HANDLE_SIZE = 7;

/**
 * Draws the editor's live layer (design §6: only the selection and its handles live here; the
 * 10,000 others stay in the bulk layer). Screen-space drawing so handles keep their size at any
 * zoom. A few shapes and handles: ~0.1–1 ms, which keeps a vertex drag far under 4 ms per move.
 */
export function drawOverlay(ctx: DrawContext, frame: OverlayFrame): void {
  const { camera, pixelRatio } = frame;
  const sx = (p: Point) => p.x * camera.scale + camera.x;
  const sy = (p: Point) => p.y * camera.scale + camera.y;
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.setLineDash([]);

  for (const annotation of frame.live) {
    const color = frame.colorOf(annotation.name);
    tracePath(ctx, annotation, sx, sy);
    const closed = annotation.type === 'polygon' || annotation.type === 'bbox';
    if (closed) {
      ctx.fillStyle = withAlpha(color, 0.25);
      ctx.fill('evenodd');
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  for (const annotation of frame.problems) outline(ctx, annotation, sx, sy, PROBLEM, 2.5, [5, 3]);
  for (const annotation of frame.selected) outline(ctx, annotation, sx, sy, ACCENT, 2, []);

  for (const handle of frame.handles) {
    const active =
      handle.kind === 'vertex' &&
      frame.activeHandle !== null &&
      frame.activeHandle.ring === handle.ring &&
      frame.activeHandle.index === handle.index;
    const x = sx(handle.point) - HANDLE_SIZE / 2;
    const y = sy(handle.point) - HANDLE_SIZE / 2;
    ctx.fillStyle = active ? ACCENT : '#ffffff';
    ctx.fillRect(x, y, HANDLE_SIZE, HANDLE_SIZE);
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.rect(x, y, HANDLE_SIZE, HANDLE_SIZE);
    ctx.stroke();
  }

  const { draft, marquee, snap } = frame.overlay;
  if (draft && draft.points.length > 0) {
    const points = draft.kind === 'bbox' ? boxCorners(draft.points) : draft.points;
    ctx.beginPath();
    points.forEach((p, i) => (i === 0 ? ctx.moveTo(sx(p), sy(p)) : ctx.lineTo(sx(p), sy(p))));
    if (draft.kind === 'bbox') ctx.closePath();
    else if (draft.cursor) ctx.lineTo(sx(draft.cursor), sy(draft.cursor));
    ctx.strokeStyle = ACCENT;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 4]);
    ctx.stroke();
    ctx.setLineDash([]);
    for (const p of draft.kind === 'bbox' ? [] : draft.points) {
      ctx.beginPath();
      ctx.arc(sx(p), sy(p), 3, 0, Math.PI * 2);
      ctx.fillStyle = ACCENT;
      ctx.fill();
    }
    if (draft.closing && draft.points[0]) {
      ctx.beginPath();
      ctx.arc(sx(draft.points[0]), sy(draft.points[0]), 7, 0, Math.PI * 2);
      ctx.strokeStyle = ACCENT;
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }
  if (marquee) {
    const x = marquee.minX * camera.scale + camera.x;
    const y = marquee.minY * camera.scale + camera.y;
    ctx.fillStyle = 'rgba(255, 210, 63, 0.12)';
    ctx.fillRect(x, y, (marquee.maxX - marquee.minX) * camera.scale, (marquee.maxY - marquee.minY) * camera.scale);
    ctx.beginPath();
    ctx.rect(x, y, (marquee.maxX - marquee.minX) * camera.scale, (marquee.maxY - marquee.minY) * camera.scale);
    ctx.setLineDash([4, 3]);
    ctx.strokeStyle = ACCENT;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (snap) {
    ctx.beginPath();
    ctx.arc(sx(snap), sy(snap), 6, 0, Math.PI * 2);
    ctx.strokeStyle = '#37d6ff';
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  ctx.restore();
}

function boxCorners(points: readonly Point[]): Point[] {
  const a = points[0]!;
  const b = points[points.length - 1]!;
  return [a, { x: b.x, y: a.y }, b, { x: a.x, y: b.y }];
}

function outline(
  ctx: DrawContext,
  annotation: Annotation,
  sx: (p: Point) => number,
  sy: (p: Point) => number,
  color: string,
  width: number,
  dash: number[],
): void {
  tracePath(ctx, annotation, sx, sy);
  // A dark halo under the accent keeps the outline visible on light and dark pictures alike.
  ctx.setLineDash(dash);
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
  ctx.lineWidth = width + 2;
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke();
  ctx.setLineDash([]);
}

function tracePath(ctx: DrawContext, annotation: Annotation, sx: (p: Point) => number, sy: (p: Point) => number): void {
  ctx.beginPath();
  const shape = shapeOf(annotation);
  // Unknown types and malformed geometry are never picked, so never selected or dragged.
  if (!shape) return;
  switch (shape.kind) {
    case 'bbox': {
      const { x, y, w, h } = shape.box;
      const [x0, y0] = [sx({ x, y }), sy({ x, y })];
      const [x1, y1] = [sx({ x: x + w, y: y + h }), sy({ x: x + w, y: y + h })];
      ctx.rect(x0, y0, x1 - x0, y1 - y0);
      return;
    }
    case 'polygon':
      for (const ring of shape.rings) {
        ring.forEach((p, i) => (i === 0 ? ctx.moveTo(sx(p), sy(p)) : ctx.lineTo(sx(p), sy(p))));
        ctx.closePath();
      }
      return;
    case 'polyline':
      shape.path.forEach((p, i) => (i === 0 ? ctx.moveTo(sx(p), sy(p)) : ctx.lineTo(sx(p), sy(p))));
      return;
    case 'keypoint':
      ctx.arc(sx(shape.point), sy(shape.point), 5, 0, Math.PI * 2);
      return;
  }
}
