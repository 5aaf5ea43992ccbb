import Konva from 'konva';
import type { Camera, Size } from './camera';
import {
  ZOOM_STEP,
  actualSize,
  centreOn,
  clampCamera,
  fitCamera,
  panBy,
  scaleLimits,
  visibleWorldRect,
  wheelZoomFactor,
  zoomAt,
} from './camera';
import { KEYPOINT_RADIUS, drawScene } from './drawScene';
import { SpatialGrid } from './grid';
import type { PreparedScene } from './sceneTypes';

/** What the stage shows: the picture (null when it could not be decoded) in image pixel space. */
export interface StageContent {
  /** Identifies the content in `data-content-id` / `data-drawn-id` (the image id). */
  id: string;
  picture: CanvasImageSource | null;
  /** The image's size in its own pixels: the space annotations live in, whatever the picture's size. */
  width: number;
  height: number;
  scene: PreparedScene;
}

export interface StageSnapshot {
  camera: Camera;
  view: Size;
  content: { width: number; height: number } | null;
}

/** A pan or zoom is over when nothing moved for this long; then the annotations are redrawn crisp. */
export const SETTLE_MS = 120;
/** Extra margin around the view when culling, in screen pixels (keypoint dots, outlines). */
const CULL_MARGIN = KEYPOINT_RADIUS + 4;

/**
 * The Konva view of one image (design §6): three layers — the picture (not listening), the
 * annotations as ONE custom shape drawing batches through `drawScene`, and an empty interaction
 * layer the editor fills. During a pan or zoom the annotation layer shows a bitmap of its last
 * crisp drawing, transformed (a few ms), and is redrawn crisp and culled SETTLE_MS after the
 * gesture pauses. No React here: the screen mounts it on a div and calls these methods.
 */
export class ViewerStage {
  readonly #container: HTMLDivElement;
  readonly #stage: Konva.Stage;
  readonly #imageLayer: Konva.Layer;
  readonly #annotationLayer: Konva.Layer;
  readonly #interactionLayer: Konva.Layer;
  readonly #imageNode: Konva.Image;
  readonly #placeholder: Konva.Rect;
  readonly #listeners = new Set<() => void>();
  readonly #resizeObserver: ResizeObserver;
  readonly #cleanup: (() => void)[] = [];
  #snapshotState: StageSnapshot;
  #camera: Camera = { scale: 1, x: 0, y: 0 };
  #view: Size;
  #content: StageContent | null = null;
  #grid: SpatialGrid | null = null;
  #visible: Uint8Array = new Uint8Array(0);
  #hidden: Uint8Array = new Uint8Array(0);
  /** True until the user zooms or pans: a resize then refits. */
  #fitted = true;
  #mode: 'crisp' | 'cached' = 'crisp';
  #drawnCamera: Camera | null = null;
  #cache: HTMLCanvasElement;
  #cacheCamera: Camera | null = null;
  #settleTimer: ReturnType<typeof setTimeout> | null = null;
  #drawSeq = 0;
  #spaceHeld = false;
  #pan: { pointerId: number; x: number; y: number } | null = null;
  /** The editor's say in the bulk drawing (sceneMask.ts): clears shapes it draws live or hides. */
  #mask: ((visible: Uint8Array | null) => Uint8Array | null) | null = null;

  constructor(container: HTMLDivElement) {
    this.#container = container;
    this.#view = { width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight) };
    this.#stage = new Konva.Stage({ container, width: this.#view.width, height: this.#view.height });
    this.#imageLayer = new Konva.Layer({ listening: false });
    this.#imageNode = new Konva.Image({ image: undefined, listening: false, visible: false });
    this.#placeholder = new Konva.Rect({
      listening: false,
      visible: false,
      fill: '#2a2d36',
      stroke: '#8b91a0',
      strokeScaleEnabled: false,
      strokeWidth: 1,
      dash: [6, 4],
    });
    this.#imageLayer.add(this.#placeholder, this.#imageNode);
    // Hit-testing is the editor's (a spatial grid, not Konva's hit canvas), so nothing listens yet.
    this.#annotationLayer = new Konva.Layer({ listening: false });
    const bulk = new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (context) => this.#drawAnnotations(context._context),
    });
    this.#annotationLayer.add(bulk);
    this.#interactionLayer = new Konva.Layer({ name: 'interaction', listening: false });
    this.#stage.add(this.#imageLayer, this.#annotationLayer, this.#interactionLayer);
    this.#cache = document.createElement('canvas');
    this.#snapshotState = { camera: this.#camera, view: this.#view, content: null };

    this.#resizeObserver = new ResizeObserver(() => this.#resized());
    this.#resizeObserver.observe(container);
    this.#listenForGestures();
  }

  // ── content ────────────────────────────────────────────────────────────────────────────────

  /** Shows a new image (or nothing) fitted to the view, drawn crisp at once. */
  setContent(content: StageContent | null): void {
    this.#content = content;
    this.#grid = null;
    this.#cacheCamera = null;
    this.#mode = 'crisp';
    this.#clearSettle();
    if (content) {
      const { scene } = content;
      const extent = { minX: 0, minY: 0, maxX: content.width, maxY: content.height };
      if (scene.count > 0) this.#grid = new SpatialGrid(scene.bounds, extent);
      this.#visible = new Uint8Array(scene.count);
      if (this.#hidden.length !== scene.classes.length) this.#hidden = new Uint8Array(scene.classes.length);
      this.#imageNode.setAttrs({ image: content.picture ?? undefined, width: content.width, height: content.height });
      this.#imageNode.visible(content.picture !== null);
      this.#placeholder.setAttrs({ width: content.width, height: content.height, visible: content.picture === null });
      this.#container.dataset.contentId = content.id;
    } else {
      this.#imageNode.visible(false);
      this.#placeholder.visible(false);
      delete this.#container.dataset.contentId;
    }
    this.#fitted = true;
    this.#setCamera(this.#fitCamera(), false);
  }

  /**
   * The editor changed the annotations: the new prepared scene replaces the shown one without
   * moving the camera; the culling grid is rebuilt and the bulk layer redrawn crisp once.
   */
  setScene(scene: PreparedScene): void {
    const content = this.#content;
    if (!content || content.scene === scene) return;
    this.#content = { ...content, scene };
    const extent = { minX: 0, minY: 0, maxX: content.width, maxY: content.height };
    this.#grid = scene.count > 0 ? new SpatialGrid(scene.bounds, extent) : null;
    if (this.#visible.length !== scene.count) this.#visible = new Uint8Array(scene.count);
    this.redraw();
  }

  /** Lets the editor clear shapes from the bulk layer's mask (null: draw them all). */
  setMask(mask: ((visible: Uint8Array | null) => Uint8Array | null) | null): void {
    this.#mask = mask;
  }

  /** Redraws the bulk layer crisp (after the mask or the scene changed). */
  redraw(): void {
    this.#mode = 'crisp';
    this.#clearSettle();
    this.#annotationLayer.batchDraw();
  }

  /** The live layer the editor draws its selection, handles and drafts on (design §6). */
  get interactionLayer(): Konva.Layer {
    return this.#interactionLayer;
  }

  get container(): HTMLDivElement {
    return this.#container;
  }

  get camera(): Camera {
    return this.#camera;
  }

  /** Per class index, 1 hides the class. Redraws crisp. */
  setHiddenClasses(hidden: Uint8Array): void {
    this.#hidden = hidden;
    this.#mode = 'crisp';
    this.#clearSettle();
    this.#annotationLayer.batchDraw();
  }

  /**
   * Brightness and contrast as a CSS filter on the picture layer's canvas only: the compositor
   * applies it, so nothing is redrawn and the annotations keep their true colours.
   */
  setAdjustments(brightness: number, contrast: number): void {
    const canvas = this.#imageLayer.getNativeCanvasElement();
    canvas.style.filter = brightness === 1 && contrast === 1 ? '' : `brightness(${brightness}) contrast(${contrast})`;
  }

  // ── camera ─────────────────────────────────────────────────────────────────────────────────

  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const point = at ?? { x: this.#view.width / 2, y: this.#view.height / 2 };
    this.#userCamera(zoomAt(this.#camera, point, factor, scaleLimits(this.#view, this.#contentSize())));
  }
  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }
  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }
  fit(): void {
    this.#fitted = true;
    this.#setCamera(this.#fitCamera(), true);
  }
  actualSize(): void {
    this.#userCamera(actualSize(this.#camera, this.#view));
  }
  /** Moves the picture by screen pixels (arrow keys, drags). */
  panBy(dx: number, dy: number): void {
    this.#userCamera(panBy(this.#camera, dx, dy));
  }
  /** Centres the view on an image point (the minimap). */
  centreOn(x: number, y: number): void {
    this.#userCamera(centreOn(this.#camera, this.#view, x, y));
  }

  // ── observation (React reads through useSyncExternalStore) ─────────────────────────────────

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
  getSnapshot = (): StageSnapshot => this.#snapshotState;

  destroy(): void {
    this.#clearSettle();
    this.#resizeObserver.disconnect();
    for (const undo of this.#cleanup) undo();
    this.#listeners.clear();
    this.#stage.destroy();
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  #contentSize(): Size {
    return this.#content ? { width: this.#content.width, height: this.#content.height } : this.#view;
  }

  #fitCamera(): Camera {
    return fitCamera(this.#view, this.#contentSize());
  }

  #userCamera(camera: Camera): void {
    this.#fitted = false;
    this.#setCamera(clampCamera(camera, this.#view, this.#contentSize()), true);
  }

  /** Applies a camera; a gesture step shows the cached bitmap and schedules the crisp redraw. */
  #setCamera(camera: Camera, gesture: boolean): void {
    if (gesture && this.#content && this.#content.scene.count > 0) this.#enterCachedMode();
    this.#camera = camera;
    this.#stage.scale({ x: camera.scale, y: camera.scale });
    this.#stage.position({ x: camera.x, y: camera.y });
    this.#stage.batchDraw();
    this.#container.dataset.scale = camera.scale.toFixed(4);
    this.#container.dataset.offset = `${camera.x.toFixed(1)},${camera.y.toFixed(1)}`;
    this.#publish();
  }

  #enterCachedMode(): void {
    if (this.#mode === 'crisp' && this.#drawnCamera) {
      // Copy what the layer shows now (its last crisp drawing) before the camera moves.
      const source = this.#annotationLayer.getNativeCanvasElement();
      if (this.#cache.width !== source.width || this.#cache.height !== source.height) {
        this.#cache.width = source.width;
        this.#cache.height = source.height;
      }
      const ctx = this.#cache.getContext('2d');
      if (ctx) {
        ctx.clearRect(0, 0, this.#cache.width, this.#cache.height);
        ctx.drawImage(source, 0, 0);
        this.#cacheCamera = this.#drawnCamera;
        this.#mode = 'cached';
      }
    }
    this.#clearSettle();
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = null;
      this.#mode = 'crisp';
      this.#annotationLayer.batchDraw();
    }, SETTLE_MS);
  }

  #clearSettle(): void {
    if (this.#settleTimer !== null) clearTimeout(this.#settleTimer);
    this.#settleTimer = null;
  }

  #drawAnnotations(ctx: CanvasRenderingContext2D): void {
    const content = this.#content;
    if (!content) return;
    if (this.#mode === 'cached' && this.#cacheCamera) {
      // The bitmap was drawn at cacheCamera: place it where that view lies in image space.
      const cam = this.#cacheCamera;
      const world = visibleWorldRect(cam, this.#view);
      ctx.drawImage(this.#cache, world.x, world.y, world.width, world.height);
      this.#container.dataset.drawMode = 'cached';
      return;
    }
    const started = performance.now();
    const scene = content.scene;
    let visible: Uint8Array | null = null;
    const world = visibleWorldRect(this.#camera, this.#view);
    const margin = CULL_MARGIN / this.#camera.scale;
    const [minX, minY, maxX, maxY] = [
      world.x - margin,
      world.y - margin,
      world.x + world.width + margin,
      world.y + world.height + margin,
    ];
    const extent = scene.extent;
    const everything =
      !extent || (extent.minX >= minX && extent.minY >= minY && extent.maxX <= maxX && extent.maxY <= maxY);
    if (!everything && this.#grid) {
      this.#visible.fill(0);
      this.#grid.query(minX, minY, maxX, maxY, this.#visible);
      visible = this.#visible;
    }
    if (this.#mask) visible = this.#mask(visible);
    const stats = drawScene(ctx, scene, {
      camera: this.#camera,
      pixelRatio: this.#annotationLayer.getCanvas().getPixelRatio(),
      hiddenClasses: this.#hidden,
      visible,
    });
    this.#drawnCamera = this.#camera;
    this.#drawSeq++;
    const data = this.#container.dataset;
    data.drawMode = 'crisp';
    data.drawnCount = String(stats.shapes);
    data.drawSeq = String(this.#drawSeq);
    data.drawnId = content.id;
    // Culling + drawing calls, for the benchmarks (the canvas rasterises when the frame is produced).
    data.drawMs = (performance.now() - started).toFixed(2);
  }

  #resized(): void {
    const width = Math.max(1, this.#container.clientWidth);
    const height = Math.max(1, this.#container.clientHeight);
    if (width === this.#view.width && height === this.#view.height) return;
    this.#view = { width, height };
    this.#stage.size({ width, height });
    this.#mode = 'crisp';
    this.#setCamera(
      this.#fitted ? this.#fitCamera() : clampCamera(this.#camera, this.#view, this.#contentSize()),
      false,
    );
  }

  #publish(): void {
    this.#snapshotState = {
      camera: this.#camera,
      view: this.#view,
      content: this.#content ? { width: this.#content.width, height: this.#content.height } : null,
    };
    for (const listener of this.#listeners) listener();
  }

  #listenForGestures(): void {
    const el = this.#container;
    const on = <K extends keyof HTMLElementEventMap>(
      target: HTMLElement | Window,
      type: K,
      handler: (event: HTMLElementEventMap[K]) => void,
      options?: AddEventListenerOptions,
    ) => {
      target.addEventListener(type, handler as EventListener, options);
      this.#cleanup.push(() => target.removeEventListener(type, handler as EventListener, options));
    };
    on(
      el,
      'wheel',
      (event) => {
        event.preventDefault();
        const box = el.getBoundingClientRect();
        const at = { x: event.clientX - box.left, y: event.clientY - box.top };
        this.zoomBy(wheelZoomFactor(event.deltaY, event.deltaMode, this.#view.height), at);
      },
      { passive: false },
    );
    // The middle button would start the browser's autoscroll.
    on(el, 'mousedown', (event) => {
      if (event.button === 1) event.preventDefault();
    });
    on(el, 'pointerdown', (event) => {
      if (!(event.button === 1 || (event.button === 0 && this.#spaceHeld))) return;
      event.preventDefault();
      el.setPointerCapture(event.pointerId);
      this.#pan = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
      el.dataset.panning = 'true';
    });
    on(el, 'pointermove', (event) => {
      const pan = this.#pan;
      if (!pan || pan.pointerId !== event.pointerId) return;
      const [dx, dy] = [event.clientX - pan.x, event.clientY - pan.y];
      this.#pan = { ...pan, x: event.clientX, y: event.clientY };
      if (dx !== 0 || dy !== 0) this.panBy(dx, dy);
    });
    const endPan = (event: PointerEvent) => {
      if (this.#pan?.pointerId !== event.pointerId) return;
      this.#pan = null;
      delete el.dataset.panning;
    };
    on(el, 'pointerup', endPan);
    on(el, 'pointercancel', endPan);
    // Space held turns the left button into a pan (a modifier for the mouse, not a command).
    const spaceTarget = (target: EventTarget | null) =>
      target === document.body || target === el || (target instanceof Node && el.contains(target));
    on(window, 'keydown', (event) => {
      if (event.key !== ' ' || !spaceTarget(event.target)) return;
      event.preventDefault();
      this.#spaceHeld = true;
      el.dataset.spaceHeld = 'true';
    });
    on(window, 'keyup', (event) => {
      if (event.key !== ' ') return;
      this.#spaceHeld = false;
      delete el.dataset.spaceHeld;
    });
    on(window, 'blur', () => {
      this.#spaceHeld = false;
      delete el.dataset.spaceHeld;
    });
  }
}
