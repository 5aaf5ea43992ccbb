/**
 * The viewer's camera as plain values: screen = world × scale + (x, y), in CSS pixels. Pure, so
 * zoom-at-a-point, fit and clamping are unit-tested without a canvas, and the editor reuses them.
 */
export interface Camera {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept around the image when fitting, so its edge and outlines stay visible. */
export const FIT_PADDING = 16;
/** The deepest zoom: 64 screen pixels per image pixel is enough to place a vertex on a pixel. */
export const MAX_SCALE = 64;
/** One + or − press. */
export const ZOOM_STEP = 1.25;
/** On screen, this much of the image always stays visible when panning (unless it is smaller). */
export const KEEP_VISIBLE = 48;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The whole content centred in the view, as large as fits inside the padding. */
export function fitCamera(view: Size, content: Size, padding = FIT_PADDING): Camera {
  const width = Math.max(1, content.width);
  const height = Math.max(1, content.height);
  const availableW = Math.max(1, view.width - 2 * padding);
  const availableH = Math.max(1, view.height - 2 * padding);
  const scale = Math.min(availableW / width, availableH / height);
  return { scale, x: (view.width - width * scale) / 2, y: (view.height - height * scale) / 2 };
}

/** "Zoom to" an annotation (the editor's list): it fills this share of the view, context around it. */
export const ZOOM_TO_FILL = 0.5;
/**
 * "Zoom to" never goes deeper than this (a keypoint or a sliver would otherwise jump to MAX_SCALE),
 * unless the whole image already shows larger: zooming to a part never zooms out past the image fit.
 */
export const ZOOM_TO_MAX_SCALE = 8;

/** The scale range "zoom to" uses for this content: the stage's minimum up to the cap above. */
export function zoomToLimits(view: Size, content: Size): { min: number; max: number } {
  const { min, max } = scaleLimits(view, content);
  return { min, max: Math.min(max, Math.max(ZOOM_TO_MAX_SCALE, fitCamera(view, content).scale)) };
}

/**
 * The camera that shows `rect` (world) centred, filling `fill` of the view on its tighter axis,
 * within `limits` (zoomToLimits). A zero-size rect (a keypoint) gets the maximum.
 */
export function cameraForRect(
  view: Size,
  rect: Rect,
  limits: { min: number; max: number },
  fill = ZOOM_TO_FILL,
): Camera {
  const fitW = rect.width > 0 ? (view.width * fill) / rect.width : Infinity;
  const fitH = rect.height > 0 ? (view.height * fill) / rect.height : Infinity;
  const wanted = Math.min(fitW, fitH);
  const scale = Number.isNaN(wanted) ? limits.max : clamp(wanted, limits.min, limits.max);
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  return { scale, x: view.width / 2 - cx * scale, y: view.height / 2 - cy * scale };
}

/** Zoom bounds for this content: out to half the fit scale (never below 1/1000), in to MAX_SCALE. */
export function scaleLimits(view: Size, content: Size): { min: number; max: number } {
  const fit = fitCamera(view, content).scale;
  const min = Math.max(0.001, Math.min(fit / 2, 1));
  return { min, max: Math.max(MAX_SCALE, min) };
}

/** Multiplies the scale by `factor`, keeping the world point under `at` (screen) where it is. */
export function zoomAt(
  camera: Camera,
  at: { x: number; y: number },
  factor: number,
  limits: { min: number; max: number },
): Camera {
  if (!Number.isFinite(factor) || factor <= 0) return camera;
  const scale = clamp(camera.scale * factor, limits.min, limits.max);
  const ratio = scale / camera.scale;
  return { scale, x: at.x - (at.x - camera.x) * ratio, y: at.y - (at.y - camera.y) * ratio };
}

/** 100 %: one image pixel per CSS pixel, keeping the world point at the view's centre in place. */
export function actualSize(camera: Camera, view: Size): Camera {
  const centre = { x: view.width / 2, y: view.height / 2 };
  return zoomAt(camera, centre, 1 / camera.scale, { min: 1, max: 1 });
}

export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { scale: camera.scale, x: camera.x + dx, y: camera.y + dy };
}

/** Moves the camera so the world point `(wx, wy)` is at the view's centre. */
export function centreOn(camera: Camera, view: Size, wx: number, wy: number): Camera {
  return { scale: camera.scale, x: view.width / 2 - wx * camera.scale, y: view.height / 2 - wy * camera.scale };
}

/**
 * Keeps the content reachable: at least KEEP_VISIBLE screen pixels of it (or all of it, when
 * smaller) stay inside the view on each axis, so a pan can never lose the image.
 */
export function clampCamera(camera: Camera, view: Size, content: Size): Camera {
  const clampAxis = (offset: number, contentSize: number, viewSize: number) => {
    const onScreen = contentSize * camera.scale;
    const keep = Math.min(KEEP_VISIBLE, onScreen, viewSize);
    return clamp(offset, keep - onScreen, viewSize - keep);
  };
  return {
    scale: camera.scale,
    x: clampAxis(camera.x, content.width, view.width),
    y: clampAxis(camera.y, content.height, view.height),
  };
}

export function screenToWorld(camera: Camera, point: { x: number; y: number }): { x: number; y: number } {
  return { x: (point.x - camera.x) / camera.scale, y: (point.y - camera.y) / camera.scale };
}

/** The part of the world the view shows. */
export function visibleWorldRect(camera: Camera, view: Size): Rect {
  return {
    x: -camera.x / camera.scale,
    y: -camera.y / camera.scale,
    width: view.width / camera.scale,
    height: view.height / camera.scale,
  };
}

/** Wheel delta → zoom factor; lines and pages are turned into pixels first (Firefox sends lines). */
export function wheelZoomFactor(deltaY: number, deltaMode: number, viewHeight: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * viewHeight : deltaY;
  return Math.exp(-clamp(pixels, -400, 400) * 0.0015);
}

export function sameCamera(a: Camera, b: Camera): boolean {
  return a.scale === b.scale && a.x === b.x && a.y === b.y;
}
