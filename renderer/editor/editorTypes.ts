import type { EditorClass, OpResult } from '../../shared/annotations/ops';
import { classAccepts } from '../../shared/annotations/ops';
import type { Camera, Size } from '../viewer/camera';
import { screenToWorld } from '../viewer/camera';
import type { ToolPointer } from './tools/framework/types';
import type { SessionState } from './document/session';
import type { History } from './history/history';

/** A pointer event from the view, in screen (stage) pixels. */
export interface ScreenPointer {
  x: number;
  y: number;
  button?: number;
  shift?: boolean;
  alt?: boolean;
  mod?: boolean;
}

export interface EditorOptions {
  /** The image's history (HistoryStore.open keeps one per image for the session). */
  history: History;
  /** The dataset's classes, in its order (number keys 1–9 pick from these). */
  classes: readonly EditorClass[];
  /** The dataset's annotation_types; new shapes of other types are refused. Omit to allow all. */
  annotationTypes?: readonly string[] | null;
  imageSize?: Size | null;
  camera?: Camera;
  /** Carried over from the previous image (tool, hidden/locked classes); selection is cleared. */
  session?: SessionState;
  /** Set for viewer-role keys: every document change is refused with this reason. */
  readOnlyReason?: string | null;
  newId?: () => string;
}

/** A key press from the view (`KeyboardEvent.key`; mod = Ctrl, or Cmd on macOS). */
export interface ScreenKey {
  key: string;
  shift?: boolean;
  alt?: boolean;
  mod?: boolean;
}

/** Screen event → what tools see: the image point under the pointer at this camera. */
export function toToolPointer(camera: Camera, e: ScreenPointer): ToolPointer {
  const screen = { x: e.x, y: e.y };
  return {
    screen,
    point: screenToWorld(camera, screen),
    button: e.button ?? 0,
    shift: !!e.shift,
    alt: !!e.alt,
    mod: !!e.mod,
  };
}

/**
 * The class a new annotation of `type` gets: refused when the dataset does not allow the type;
 * else the active class if it accepts the type, else the first class made for that type (a class
 * made for it beats one that takes anything), else the first that takes any type.
 */
export function classForType(
  classes: readonly EditorClass[],
  annotationTypes: readonly string[] | null,
  activeClass: string | null,
  type: string,
): OpResult<EditorClass> {
  if (annotationTypes && !annotationTypes.includes(type)) {
    return { ok: false, reason: `this dataset does not allow ${type} annotations` };
  }
  const active = classes.find((c) => c.name === activeClass);
  if (active && classAccepts(active, type)) return { ok: true, value: active };
  const first = classes.find((c) => c.type === type) ?? classes.find((c) => classAccepts(c, type));
  return first
    ? { ok: true, value: first }
    : { ok: false, reason: `no class of this dataset takes ${type} annotations` };
}
