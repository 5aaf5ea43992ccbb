import type { Annotation, Point } from '../../shared/api/annotation';
import type { EditorClass, OpResult } from '../../shared/annotations/ops';
import type { Bounds } from '../../shared/geometry/bounds';
import { toleranceInImage } from '../../shared/geometry/distance';
import type { Camera, Size } from '../viewer/camera';
import type { EditorDocument, ReviewState } from './document/document';
import { findAnnotation } from './document/document';
import { newAnnotationId } from './document/ids';
import type { SessionState, VertexRef } from './document/session';
import { createSession, isPickable, pruneSession, select, toggleSelected } from './document/session';
import type { Handle, HandleHit } from './handles';
import { handlesOf, hitHandle } from './handles';
import { listDiff, replacementDiff } from './history/diff';
import type { History } from './history/history';
import type { BoxSelectMode, PickHit } from './picking/pickIndex';
import { PickIndex } from './picking/pickIndex';
import { HANDLE_TOLERANCE_PX, PICK_TOLERANCE_PX, SNAP_RADIUS_PX } from './tools/framework/constants';
import type { Overlay } from './tools/framework/overlay';
import { EMPTY_OVERLAY } from './tools/framework/overlay';
import type { ToolContext, ToolKey, ToolPointer } from './tools/framework/types';
import { ToolMachine } from './tools/machine';
import type { EditorOptions, ScreenKey, ScreenPointer } from './editorTypes';
import { classForType, toToolPointer } from './editorTypes';

export type { EditorOptions, ScreenKey, ScreenPointer };

/**
 * The editor core for one image (design §6), plain TypeScript with no React or Konva: the view
 * forwards pointer and key events here (`pointerDown` …), reads `document`, `session`, `overlay`
 * and `handles`, and re-renders when `subscribe` calls back. Document changes go through History
 * (undoable); the PickIndex follows every change incrementally; session state never enters history.
 */
export class Editor implements ToolContext {
  readonly history: History;
  readonly index: PickIndex;
  readonly classes: readonly EditorClass[];
  readonly imageSize: Size | null;
  readonly #annotationTypes: readonly string[] | null;
  readonly #newId: () => string;
  readonly #machine: ToolMachine;
  readonly #listeners = new Set<() => void>();
  readonly #unsubscribe: () => void;
  #session: SessionState;
  #overlay: Overlay = EMPTY_OVERLAY;
  #camera: Camera;
  #readOnlyReason: string | null;

  constructor(options: EditorOptions) {
    this.history = options.history;
    this.classes = options.classes;
    this.imageSize = options.imageSize ?? null;
    this.#annotationTypes = options.annotationTypes ?? null;
    this.#newId = options.newId ?? newAnnotationId;
    this.#camera = options.camera ?? { scale: 1, x: 0, y: 0 };
    this.#readOnlyReason = options.readOnlyReason ?? null;
    this.#session = select(options.session ?? createSession(), []);
    this.index = new PickIndex(this.history.document.annotations, this.imageSize);
    this.#unsubscribe = this.history.subscribe((doc, diff) => {
      if (diff) this.index.applyDiff(doc.annotations, diff);
      else this.index.rebuild(doc.annotations, this.imageSize);
      if (!diff || diff.changes.some((c) => c.after === null)) {
        this.#session = pruneSession(this.#session, (id) => findAnnotation(doc.annotations, id) !== undefined);
      }
      this.#emit();
    });
    this.#machine = new ToolMachine(this, this.#session.tool);
  }

  // ── What the view reads ──────────────────────────────────────────────────────────────────

  get document(): EditorDocument {
    return this.history.document;
  }

  get session(): SessionState {
    return this.#session;
  }

  get overlay(): Overlay {
    return this.#overlay;
  }

  get camera(): Camera {
    return this.#camera;
  }

  get readOnlyReason(): string | null {
    return this.#readOnlyReason;
  }

  /** The current tool state's name, e.g. 'polygon/Drawing'. */
  get toolState(): string {
    return this.#machine.stateName;
  }

  /** Handles of the single selected, visible, unlocked shape (the only live editable node). */
  get handles(): Handle[] {
    const annotation = this.#editableSelected();
    return annotation ? handlesOf(annotation) : [];
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): void {
    this.#machine.reset();
    this.#unsubscribe();
    this.#listeners.clear();
  }

  // ── What the view forwards ───────────────────────────────────────────────────────────────

  pointerDown(e: ScreenPointer): boolean {
    this.#clearNotice();
    return this.#machine.pointerDown(this.#toolPointer(e));
  }

  pointerMove(e: ScreenPointer): boolean {
    return this.#machine.pointerMove(this.#toolPointer(e));
  }

  pointerUp(e: ScreenPointer): boolean {
    return this.#machine.pointerUp(this.#toolPointer(e));
  }

  /** True when the tool used the key; otherwise it is the action registry's. */
  keyDown(e: ScreenKey): boolean {
    this.#clearNotice();
    const key: ToolKey = { key: e.key, shift: !!e.shift, alt: !!e.alt, mod: !!e.mod };
    return this.#machine.keyDown(key);
  }

  /** Window blur or the pointer lost: drop a gesture in progress as Escape would. */
  cancel(): void {
    this.#machine.cancel();
  }

  setTool(id: string): boolean {
    const switched = this.#machine.setTool(id);
    if (switched) this.#setSession({ ...this.#session, tool: id });
    return switched;
  }

  setCamera(camera: Camera): void {
    this.#camera = camera;
  }

  setReadOnly(reason: string | null): void {
    if (reason) this.#machine.reset();
    this.#readOnlyReason = reason;
    this.#emit();
  }

  /** Session changes from panels (hide, lock, active class); never undoable. */
  updateSession(change: (session: SessionState) => SessionState): void {
    this.#setSession(change(this.#session));
  }

  undo(): boolean {
    this.#machine.reset();
    if (!this.canEdit()) return false;
    return this.history.undo();
  }

  redo(): boolean {
    this.#machine.reset();
    if (!this.canEdit()) return false;
    return this.history.redo();
  }

  /** A review decision kept in the document (one undo step), e.g. after the server confirmed it. */
  setReview(review: ReviewState | null): boolean {
    if (!this.canEdit() || review === this.document.review) return false;
    this.history.apply({ changes: [], review: { before: this.document.review, after: review } });
    return true;
  }

  /** A server refresh or cache hydration: not undoable, the index is rebuilt. */
  replaceDocument(doc: EditorDocument): void {
    this.#machine.reset();
    this.history.replaceBase(doc);
  }

  // ── ToolContext ──────────────────────────────────────────────────────────────────────────

  tolerance(screenPixels: number): number {
    return toleranceInImage(screenPixels, this.#camera.scale);
  }

  annotation(id: string): Annotation | undefined {
    return findAnnotation(this.document.annotations, id);
  }

  pick(point: Point): PickHit | null {
    return this.index.pick(point.x, point.y, this.tolerance(PICK_TOLERANCE_PX), this.#pickable);
  }

  pickHandle(point: Point): HandleHit | null {
    const annotation = this.#editableSelected();
    return annotation ? hitHandle(annotation, point, this.tolerance(HANDLE_TOLERANCE_PX)) : null;
  }

  snap(point: Point, excludeId?: string): Point | null {
    return this.index.snap(point.x, point.y, this.tolerance(SNAP_RADIUS_PX), this.#pickable, excludeId);
  }

  boxSelect(rect: Bounds, mode: BoxSelectMode): string[] {
    return this.index.boxSelect(rect, mode, this.#pickable);
  }

  select(ids: readonly string[], vertex: VertexRef | null = null): void {
    this.#setSession(select(this.#session, ids, vertex));
  }

  toggleSelected(id: string): void {
    this.#setSession(toggleSelected(this.#session, id));
  }

  setHover(id: string | null): void {
    if (this.#session.hover !== id) this.#setSession({ ...this.#session, hover: id });
  }

  canEdit(): boolean {
    if (this.#readOnlyReason === null) return true;
    this.notify(this.#readOnlyReason);
    return false;
  }

  classFor(type: string): OpResult<EditorClass> {
    return classForType(this.classes, this.#annotationTypes, this.#session.activeClass, type);
  }

  newId(): string {
    return this.#newId();
  }

  mark(): void {
    this.history.mark();
  }

  update(records: readonly Annotation[]): void {
    this.history.apply(replacementDiff(this.document, records));
  }

  insert(records: readonly Annotation[], index?: number): void {
    const list = this.document.annotations;
    const at = index === undefined ? list.length : Math.max(0, Math.min(list.length, index));
    this.history.apply(listDiff(this.document, [...list.slice(0, at), ...records, ...list.slice(at)]));
  }

  remove(ids: readonly string[]): void {
    const drop = new Set(ids);
    this.history.apply(
      listDiff(
        this.document,
        this.document.annotations.filter((a) => !drop.has(a.id)),
      ),
    );
  }

  commit(): void {
    this.history.commit();
  }

  revert(): void {
    this.history.revert();
  }

  setOverlay(patch: Partial<Overlay>): void {
    this.#overlay = { ...this.#overlay, ...patch };
    this.#emit();
  }

  notify(message: string): void {
    this.setOverlay({ notice: message });
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────

  readonly #pickable = (annotation: Annotation): boolean => isPickable(this.#session, annotation);

  #editableSelected(): Annotation | undefined {
    const { selection } = this.#session;
    if (selection.length !== 1) return undefined;
    const annotation = this.annotation(selection[0]!);
    return annotation && isPickable(this.#session, annotation) ? annotation : undefined;
  }

  #toolPointer(e: ScreenPointer): ToolPointer {
    return toToolPointer(this.#camera, e);
  }

  #clearNotice(): void {
    if (this.#overlay.notice !== null) this.#overlay = { ...this.#overlay, notice: null };
  }

  #setSession(next: SessionState): void {
    if (next === this.#session) return;
    this.#session = next;
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
