import Konva from 'konva';
import type { Annotation } from '../../../shared/api/annotation';
import type { PreparedScene } from '../../viewer/sceneTypes';
import type { ViewerStage } from '../../viewer/viewerStage';
import { isHidden } from '../document/session';
import type { Editor } from '../editor';
import type { DocumentDiff } from '../history/diff';
import { maskShapes } from '../sceneMask';
import { drawOverlay } from './drawOverlay';
import type { SceneClassInput } from './scenePatch';
import { updateScene } from './scenePatch';

export interface EditorViewOptions {
  stage: ViewerStage;
  editor: Editor;
  /** The scene the stage shows now (prepared from the editor's document). */
  scene: PreparedScene;
  classes: readonly SceneClassInput[];
  imageSize: { width: number; height: number } | null;
  isMac: boolean;
  /** Right-click or the context-menu key on the canvas: where (client pixels) to open the menu. */
  onContextMenu(at: { x: number; y: number }): void;
  /** The bulk scene changed (after an edit was committed). */
  onScene?(scene: PreparedScene): void;
}

/**
 * Glue between the Konva stage and the Editor (design §6): pointer and key events are forwarded,
 * never interpreted here — the tools decide. Draws the interaction layer from what the editor
 * exposes and keeps the bulk layer in step: while a gesture changes shapes they are masked out of
 * the bulk drawing and drawn live; when the gesture is committed the prepared scene is patched
 * (or re-prepared) once and the bulk layer redrawn once.
 */
export class EditorView {
  readonly #stage: ViewerStage;
  readonly #editor: Editor;
  readonly #options: EditorViewOptions;
  readonly #shape: Konva.Shape;
  readonly #cleanup: (() => void)[] = [];
  #scene: PreparedScene;
  /** Ids changed since the bulk scene was last brought up to date. */
  #pending = new Set<string>();
  #structural = false;
  /** Ids the bulk layer leaves out (drawn live while a gesture moves them, or hidden one by one). */
  #leaveOut = new Set<string>();
  #problems: readonly string[] = [];
  #colors = new Map<string, string>();
  #drawSeq = 0;

  constructor(options: EditorViewOptions) {
    this.#options = options;
    this.#stage = options.stage;
    this.#editor = options.editor;
    this.#scene = options.scene;
    this.#indexColors();
    this.#shape = new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (context) => this.#draw(context._context),
    });
    this.#stage.interactionLayer.add(this.#shape);
    this.#stage.setMask((visible) => this.#mask(visible));
    this.#editor.setCamera(this.#stage.camera);
    this.#cleanup.push(this.#stage.subscribe(() => this.#editor.setCamera(this.#stage.camera)));
    // The Editor subscribed to the history first, so its notification (and our #refresh) comes
    // before this listener has recorded the change: refresh again once it has.
    this.#cleanup.push(
      this.#editor.history.subscribe((_doc, diff) => {
        this.#changed(diff);
        this.#refresh();
      }),
    );
    this.#cleanup.push(this.#editor.subscribe(() => this.#refresh()));
    this.#listen();
    this.#refresh();
  }

  get scene(): PreparedScene {
    return this.#scene;
  }

  /** Annotations to outline as problems (validation before saving, the server's 422). */
  setProblems(ids: readonly string[]): void {
    this.#problems = ids;
    // Read by the e2e tests (like data-selection): which annotations are outlined as problems.
    this.#stage.container.dataset.problems = ids.join(',');
    this.#stage.interactionLayer.batchDraw();
  }

  destroy(): void {
    for (const undo of this.#cleanup.splice(0)) undo();
    this.#stage.setMask(null);
    this.#shape.destroy();
    this.#stage.interactionLayer.batchDraw();
  }

  // ── keeping the bulk layer in step ───────────────────────────────────────────────────────

  #changed(diff: DocumentDiff | null): void {
    if (!diff) {
      this.#structural = true;
      return;
    }
    if (diff.order) this.#structural = true;
    for (const change of diff.changes) {
      this.#pending.add(change.id);
      if (change.before === null || change.after === null) this.#structural = true;
    }
  }

  /** After every editor notification: live shapes during a gesture, the bulk update after it. */
  #refresh(): void {
    const editor = this.#editor;
    const container = this.#stage.container;
    const gesture = editor.history.isMarked && !this.#structural;
    const hidden = editor.session.hidden;
    const leaveOut = new Set<string>(hidden);
    if (gesture) for (const id of this.#pending) leaveOut.add(id);
    if (!gesture && (this.#pending.size > 0 || this.#structural)) this.#commitScene();
    if (!sameSet(leaveOut, this.#leaveOut)) {
      this.#leaveOut = leaveOut;
      this.#stage.redraw();
    }
    container.style.cursor = editor.readOnlyReason ? 'default' : editor.overlay.cursor;
    container.dataset.toolState = editor.toolState;
    container.dataset.selection = editor.session.selection.join(',');
    this.#stage.interactionLayer.batchDraw();
  }

  #commitScene(): void {
    const started = performance.now();
    const doc = this.#editor.document;
    this.#scene = updateScene(
      this.#scene,
      doc.annotations,
      this.#pending,
      this.#options.classes,
      this.#options.imageSize,
      this.#structural,
    );
    this.#pending = new Set();
    this.#structural = false;
    this.#indexColors();
    this.#stage.setScene(this.#scene);
    this.#stage.container.dataset.commitMs = (performance.now() - started).toFixed(2);
    this.#options.onScene?.(this.#scene);
  }

  #mask(visible: Uint8Array | null): Uint8Array | null {
    if (this.#leaveOut.size === 0) return visible;
    return maskShapes(this.#scene, this.#editor.document.annotations, visible, this.#leaveOut);
  }

  #indexColors(): void {
    this.#colors = new Map(this.#scene.classes.map((c) => [c.name, c.color]));
  }

  // ── the interaction layer ────────────────────────────────────────────────────────────────

  #draw(ctx: CanvasRenderingContext2D): void {
    const started = performance.now();
    const editor = this.#editor;
    const session = editor.session;
    const lookup = (ids: Iterable<string>): Annotation[] => {
      const found: Annotation[] = [];
      for (const id of ids) {
        const annotation = editor.annotation(id);
        if (annotation && !isHidden(session, annotation)) found.push(annotation);
      }
      return found;
    };
    const live = editor.history.isMarked ? lookup([...this.#leaveOut].filter((id) => !session.hidden.has(id))) : [];
    drawOverlay(ctx, {
      camera: this.#stage.camera,
      pixelRatio: this.#stage.interactionLayer.getCanvas().getPixelRatio(),
      selected: lookup(session.selection),
      live,
      problems: lookup(this.#problems),
      colorOf: (name) => this.#colors.get(name) ?? '#ffffff',
      handles: editor.handles,
      activeHandle: session.vertex,
      overlay: editor.overlay,
    });
    this.#drawSeq++;
    const data = this.#stage.container.dataset;
    data.overlaySeq = String(this.#drawSeq);
    data.overlayMs = (performance.now() - started).toFixed(3);
  }

  // ── forwarding events ────────────────────────────────────────────────────────────────────

  #listen(): void {
    const el = this.#stage.container;
    const on = <K extends keyof HTMLElementEventMap>(
      target: HTMLElement | Window,
      type: K,
      handler: (event: HTMLElementEventMap[K]) => void,
      options?: AddEventListenerOptions,
    ) => {
      target.addEventListener(type, handler as EventListener, options);
      this.#cleanup.push(() => target.removeEventListener(type, handler as EventListener, options));
    };
    const local = (event: MouseEvent) => {
      const box = el.getBoundingClientRect();
      return {
        x: event.clientX - box.left,
        y: event.clientY - box.top,
        button: event.button,
        shift: event.shiftKey,
        alt: event.altKey,
        mod: this.#options.isMac ? event.metaKey : event.ctrlKey,
      };
    };
    // The stage pans with the middle button or Space + left button: those are not the tools'.
    const panning = (event: PointerEvent) => event.button === 1 || el.dataset.spaceHeld === 'true';
    let down: number | null = null;
    on(el, 'pointerdown', (event) => {
      if (event.button !== 0 || panning(event)) return;
      el.focus({ preventScroll: true });
      try {
        el.setPointerCapture(event.pointerId);
      } catch {
        // A pointer the browser no longer knows (a synthetic or cancelled one): drag without capture.
      }
      down = event.pointerId;
      this.#editor.pointerDown(local(event));
    });
    on(el, 'pointermove', (event) => {
      if (el.dataset.panning === 'true') return;
      this.#editor.pointerMove(local(event));
    });
    on(el, 'pointerup', (event) => {
      if (down !== event.pointerId) return;
      down = null;
      this.#editor.pointerUp(local(event));
      // A commit on pointer-up notifies no one by itself: bring the bulk layer up to date now.
      this.#refresh();
    });
    on(el, 'pointercancel', () => {
      down = null;
      this.#editor.cancel();
    });
    on(window, 'blur', () => this.#editor.cancel());
    on(el, 'contextmenu', (event) => {
      event.preventDefault();
      const point = local(event);
      const hit = this.#editor.pick(this.#editor.camera ? toImage(this.#editor, point) : point);
      if (hit && !this.#editor.session.selection.includes(hit.id)) this.#editor.select([hit.id]);
      this.#options.onContextMenu({ x: event.clientX, y: event.clientY });
    });
    // Capture phase: a tool in a gesture (Enter closes a polygon, Escape cancels a drawing) sees the
    // key before the action registry; keys it leaves alone go on to the registry's shortcuts.
    on(
      window,
      'keydown',
      (event) => {
        if (event.defaultPrevented || isTextTarget(event.target)) return;
        const inside = event.target === document.body || event.target === el || el.contains(event.target as Node);
        if (!inside) return;
        const used = this.#editor.keyDown({
          key: event.key,
          shift: event.shiftKey,
          alt: event.altKey,
          mod: this.#options.isMac ? event.metaKey : event.ctrlKey,
        });
        this.#refresh();
        if (used) {
          event.preventDefault();
          event.stopPropagation();
        }
      },
      { capture: true },
    );
  }
}

function toImage(editor: Editor, screen: { x: number; y: number }): { x: number; y: number } {
  const { camera } = editor;
  return { x: (screen.x - camera.x) / camera.scale, y: (screen.y - camera.y) / camera.scale };
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'range'].includes((target as HTMLInputElement).type);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
