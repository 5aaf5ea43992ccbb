import type { Annotation, Point } from '../../../../shared/api/annotation';
import type { EditorClass, OpResult } from '../../../../shared/annotations/ops';
import type { Bounds } from '../../../../shared/geometry/bounds';
import type { Camera, Size } from '../../../viewer/camera';
import type { EditorDocument } from '../../document/document';
import type { SessionState, VertexRef } from '../../document/session';
import type { HandleHit } from '../../handles';
import type { BoxSelectMode, PickHit } from '../../picking/pickIndex';
import type { Overlay } from './overlay';

/**
 * The tool framework (design §6): a tool is an explicit state machine, one file per state. Konva
 * handlers only forward events to the editor; the editor forwards them to the current state, whose
 * handler may return the next state. `if (tool === …)` appears nowhere outside tools/: the current
 * state object *is* the mode.
 */

/** A pointer event as tools see it: the screen position and the image position under it. */
export interface ToolPointer {
  screen: Point;
  point: Point;
  button: number;
  shift: boolean;
  alt: boolean;
  /** Ctrl, or Cmd on macOS. Also the snap modifier while drawing polygons, polylines and holes. */
  mod: boolean;
}

export interface ToolKey {
  /** `KeyboardEvent.key`: 'Escape', 'Enter', 'Backspace', 'Delete', 'a'. */
  key: string;
  shift: boolean;
  alt: boolean;
  mod: boolean;
}

/**
 * What a handler returns: a state to switch to (the event was handled), `true` handled without a
 * switch, nothing/`false` not handled (a key then goes on to the action registry).
 */
export type Handled = ToolState | boolean | void;

export interface ToolState {
  /** `tool/State`, e.g. 'select/DraggingVertex': shown in tests and debugging. */
  readonly name: string;
  enter?(ctx: ToolContext): void;
  exit?(ctx: ToolContext): void;
  onPointerDown?(ctx: ToolContext, e: ToolPointer): Handled;
  onPointerMove?(ctx: ToolContext, e: ToolPointer): Handled;
  onPointerUp?(ctx: ToolContext, e: ToolPointer): Handled;
  onKeyDown?(ctx: ToolContext, e: ToolKey): Handled;
  /** Escape, a tool switch, or the window losing focus: drop what is in progress. */
  onCancel?(ctx: ToolContext): Handled;
}

export interface Tool {
  id: string;
  label: string;
  /** The annotation type this tool creates (for class checks), if any. */
  creates?: string;
  /** A fresh idle state. */
  idle(): ToolState;
}

/** Everything a tool state may read or do; the Editor implements it. */
export interface ToolContext {
  readonly document: EditorDocument;
  readonly session: SessionState;
  readonly camera: Camera;
  readonly imageSize: Size | null;
  readonly classes: readonly EditorClass[];
  /** Screen pixels → image pixels at the current zoom. */
  tolerance(screenPixels: number): number;
  annotation(id: string): Annotation | undefined;
  /** The topmost pickable (visible, unlocked) annotation under the point. */
  pick(point: Point): PickHit | null;
  /** A handle, vertex or edge of the single selected shape under the point. */
  pickHandle(point: Point): HandleHit | null;
  /** The nearest pickable vertex within the snap radius (not of `excludeId`), or null. */
  snap(point: Point, excludeId?: string): Point | null;
  boxSelect(rect: Bounds, mode: BoxSelectMode): string[];
  select(ids: readonly string[], vertex?: VertexRef | null): void;
  toggleSelected(id: string): void;
  setHover(id: string | null): void;

  /** False, with the read-only reason shown as a notice, when the document may not change. */
  canEdit(): boolean;
  /**
   * The class a new annotation of `type` gets: the active class if it accepts the type, else the
   * first class made for that type, else the first that takes any type.
   */
  classFor(type: string): OpResult<EditorClass>;
  newId(): string;
  /** Opens an undo step (pointer-down); edits until commit() merge into it. */
  mark(): void;
  /** Replaces records by id (moves, resizes, vertex edits). */
  update(records: readonly Annotation[]): void;
  /** Adds annotations on top (or at `index`). */
  insert(records: readonly Annotation[], index?: number): void;
  remove(ids: readonly string[]): void;
  commit(): void;
  /** Back to the mark with no undo or redo entry (Escape during a drag). */
  revert(): void;

  setOverlay(patch: Partial<Overlay>): void;
  /** Shows why something was refused (read-only, a ring under 3 points …). */
  notify(message: string): void;
}
