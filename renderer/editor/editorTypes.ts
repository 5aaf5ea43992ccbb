import type { EditorClass } from '../../shared/annotations/ops';
import type { Camera, Size } from '../viewer/camera';
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
