import type { Annotation } from '../../../shared/api/annotation';
import type { PreparedScene } from '../../viewer/sceneTypes';
import type { SessionState } from '../document/session';
import type { Editor } from '../editor';
import { createSession } from '../document/session';
import { HistoryStore } from '../history/histories';
import type { ImageSaveMemory } from '../save/saveController';

/**
 * What the editor keeps for the whole app session, across image switches (issue 9 item 5): each
 * image's history (HistoryStore, LRU), what main last acknowledged for it and its ETag, the bulk
 * scene matching its edited document, the tool and per-class hide/lock carried to the next image,
 * the in-app clipboard and the previous image's annotations ("copy all from the previous image").
 */
export class EditorSessions {
  readonly histories = new HistoryStore();
  readonly #memory = new Map<string, ImageSaveMemory>();
  readonly #scenes = new Map<string, { annotations: readonly Annotation[]; scene: PreparedScene }>();
  /** Carried to the next image (selection and per-annotation hide/lock are per image). */
  session: SessionState = createSession();
  clipboard: string | null = null;
  previous: { imageId: string; annotations: readonly Annotation[] } | null = null;
  /** The editor of the open image (one viewer screen at a time). */
  active: Editor | null = null;

  opened(editor: Editor): void {
    this.active = editor;
  }

  copied(text: string): void {
    this.clipboard = text;
  }

  memory(imageId: string, loaded: { etag: string | null; annotations: readonly Annotation[] }): ImageSaveMemory {
    let memory = this.#memory.get(imageId);
    if (!memory) {
      memory = { etag: loaded.etag, saved: loaded.annotations };
      this.#memory.set(imageId, memory);
    }
    return memory;
  }

  /** The scene last drawn for this document list, or null when it must be prepared. */
  scene(imageId: string, annotations: readonly Annotation[]): PreparedScene | null {
    const known = this.#scenes.get(imageId);
    return known && known.annotations === annotations ? known.scene : null;
  }

  rememberScene(imageId: string, annotations: readonly Annotation[], scene: PreparedScene): void {
    this.#scenes.delete(imageId);
    this.#scenes.set(imageId, { annotations, scene });
    // Scenes are big (typed arrays of every vertex): keep the last few only.
    while (this.#scenes.size > 6) this.#scenes.delete(this.#scenes.keys().next().value as string);
  }

  /** Leaving an image: its per-image session parts are dropped, the rest goes on. */
  leave(imageId: string, annotations: readonly Annotation[], session: SessionState): void {
    if (this.active?.document.imageId === imageId) this.active = null;
    this.previous = { imageId, annotations };
    this.session = { ...session, selection: [], vertex: null, hover: null, hidden: new Set(), locked: new Set() };
  }
}

/** The app's one set of editor sessions. */
export const editorSessions = new EditorSessions();
