import type { Annotation } from '../../../shared/api';
import type { DatasetRules } from '../../../shared/annotations/validate';
import { validateForEditor } from '../../../shared/annotations/problems';
import type { GroupedProblems } from '../../../shared/annotations/problems';
import { callApi } from '../../api/bridge';
import { createDocument } from '../document/document';
import type { Editor } from '../editor';
import { AutosaveScheduler } from './autosave';
import { DraftStasher } from './draftStash';
import { blocksSave, refusalOf, serverProblems } from './saveDecisions';

/**
 * What the dirty indicator says (issue 9 item 6). It never says saved before main acknowledged a
 * durable copy: 'local' = in the outbox on this computer, 'saved' = on the server too.
 */
export type SaveState =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'local' }
  | { kind: 'saved'; merged: boolean }
  | { kind: 'conflict' }
  | { kind: 'invalid'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'readonly'; message: string };

/** What this session knows of one image's server copy: kept across image switches. */
export interface ImageSaveMemory {
  /** The ETag the edits are based on (sent as If-Match). */
  etag: string | null;
  /** The list main last acknowledged (by reference: the document's list when nothing changed). */
  saved: readonly Annotation[];
}

export interface SaveControllerOptions {
  editor: Editor;
  memory: ImageSaveMemory;
  rules: DatasetRules | null;
  /** Problems to outline on the canvas (empty clears them). */
  onProblems(problems: GroupedProblems | null): void;
}

/**
 * Saving one open image: autosave 1.5 s after the last change, `save()` for Ctrl+S, image change
 * and window close, validation first (the offending annotation selected and outlined), the server's
 * 422 attached to its annotation, a conflict (the sync layer could not merge a colleague's save)
 * turned into a choice: keep mine or reload theirs. A save is the full list: every unknown field and
 * type the editor kept goes back unchanged.
 */
export class SaveController {
  readonly #editor: Editor;
  readonly #memory: ImageSaveMemory;
  readonly #rules: DatasetRules | null;
  readonly #onProblems: (problems: GroupedProblems | null) => void;
  readonly #autosave: AutosaveScheduler;
  /** Main's copy of the unsaved state, so a renderer crash loses nothing (draftStash.ts). */
  readonly #drafts: DraftStasher;
  readonly #listeners = new Set<() => void>();
  readonly #unsubscribe: () => void;
  #state: SaveState;
  #inFlight: Promise<void> | null = null;
  #again = false;

  constructor(options: SaveControllerOptions) {
    this.#editor = options.editor;
    this.#memory = options.memory;
    this.#rules = options.rules;
    this.#onProblems = options.onProblems;
    this.#autosave = new AutosaveScheduler(() => void this.save());
    this.#drafts = new DraftStasher(options.editor.document.imageId, (request) =>
      callApi((api) => api.drafts.stash(request)),
    );
    this.#state = this.#restingState();
    this.#unsubscribe = options.editor.history.subscribe((_doc, _diff, reason) => {
      if (reason === 'replace') {
        // The document is the saved one again (theirs reloaded): nothing of it is a draft.
        this.#stash();
        return;
      }
      if (this.#editor.readOnlyReason) return;
      this.#stash();
      if (!this.dirty) {
        this.#set(this.#restingState());
        this.#autosave.cancel();
        return;
      }
      if (this.#state.kind !== 'conflict') this.#set({ kind: 'dirty' });
      this.#autosave.changed();
    });
    // Opened on recovered edits (main kept a draft when the window went away): save them soon.
    if (this.dirty && !this.#editor.readOnlyReason) {
      this.#stash();
      this.#autosave.changed();
    }
  }

  get state(): SaveState {
    return this.#state;
  }

  get dirty(): boolean {
    return this.#editor.document.annotations !== this.#memory.saved;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Saves now when something is unsaved (Ctrl+S, image change, window close). */
  async save(): Promise<void> {
    this.#autosave.cancel();
    if (this.#editor.readOnlyReason) return;
    if (this.#inFlight) {
      // One save at a time per image; the newest list goes after the one in flight.
      this.#again = true;
      return this.#inFlight;
    }
    if (!this.dirty || this.#state.kind === 'conflict') return;
    this.#inFlight = this.#send().finally(() => {
      this.#inFlight = null;
      if (this.#again) {
        this.#again = false;
        void this.save();
      }
    });
    return this.#inFlight;
  }

  /** The conflict dialog's answer. 'mine' keeps this computer's list; 'theirs' loads the server's. */
  async resolve(choice: 'mine' | 'theirs'): Promise<void> {
    const imageId = this.#editor.document.imageId;
    const conflicts = await callApi((api) => api.sync.conflicts({}));
    const conflict = conflicts.ok ? conflicts.value.find((c) => c.imageId === imageId) : undefined;
    if (conflict) {
      const resolved = await callApi((api) => api.sync.resolve({ conflictId: conflict.id, choice }));
      if (!resolved.ok) return this.#set({ kind: 'failed', message: resolved.error.message });
    } else if (choice === 'mine') {
      // A plain 412 with no conflict record: overwrite, as the user chose.
      this.#memory.etag = null;
      this.#set({ kind: 'dirty' });
      return this.#sendForced();
    }
    if (choice === 'theirs') {
      const fresh = await callApi((api) => api.annotations.get({ imageId }));
      if (!fresh.ok) return this.#set({ kind: 'failed', message: fresh.error.message });
      const doc = createDocument(imageId, fresh.value.annotations, this.#editor.document.review);
      this.#memory.etag = fresh.value.etag;
      this.#memory.saved = doc.annotations;
      this.#editor.replaceDocument(doc);
      this.#set({ kind: 'saved', merged: false });
    } else {
      this.#memory.saved = this.#editor.document.annotations;
      this.#set({ kind: 'local' });
    }
  }

  setReadOnly(message: string | null): void {
    if (message) {
      this.#autosave.cancel();
      this.#set({ kind: 'readonly', message });
    } else {
      this.#set(this.#restingState());
    }
  }

  dispose(): void {
    this.#autosave.cancel();
    this.#unsubscribe();
    this.#listeners.clear();
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────

  async #send(): Promise<void> {
    const list = this.#editor.document.annotations;
    const local = validateForEditor(list, this.#rules ?? undefined);
    if (blocksSave(local)) return this.#refuse(local);
    this.#onProblems(null);
    return this.#sendList(list, this.#memory.etag);
  }

  async #sendForced(): Promise<void> {
    return this.#sendList(this.#editor.document.annotations, null);
  }

  async #sendList(list: readonly Annotation[], ifMatch: string | null): Promise<void> {
    const imageId = this.#editor.document.imageId;
    this.#set({ kind: 'saving' });
    // The stash this list is: main forgets that draft once the save is durable.
    const draftSeq = list === this.#editor.document.annotations && this.#drafts.seq > 0 ? this.#drafts.seq : undefined;
    const result = await callApi((api) =>
      api.annotations.save({ imageId, annotations: [...list], ifMatch, ...(draftSeq ? { draftSeq } : {}) }),
    );
    if (!result.ok) {
      const { error } = result;
      if (error.code === 'precondition_failed') return this.#set({ kind: 'conflict' });
      const problems = serverProblems(list, error);
      if (problems) return this.#refuse(problems);
      return this.#set({ kind: 'failed', message: error.message });
    }
    const answer = result.value;
    if (draftSeq) this.#drafts.saved(draftSeq);
    this.#memory.saved = list;
    if (answer.etag !== null) this.#memory.etag = answer.etag;
    if (answer.state === 'conflict') return this.#set({ kind: 'conflict' });
    // Edits made while the save travelled keep the image dirty; the next save sends them.
    if (this.dirty) return this.#set({ kind: 'dirty' });
    this.#set(answer.state === 'synced' ? { kind: 'saved', merged: answer.merged } : { kind: 'local' });
  }

  #refuse(problems: GroupedProblems): void {
    this.#onProblems(problems);
    const refusal = refusalOf(problems);
    if (refusal.select !== null) this.#editor.select([refusal.select]);
    this.#set({ kind: 'invalid', message: refusal.message });
  }

  #stash(): void {
    this.#drafts.changed(this.#editor.document.annotations, this.#memory.etag, this.dirty);
  }

  #restingState(): SaveState {
    if (this.#editor.readOnlyReason) return { kind: 'readonly', message: this.#editor.readOnlyReason };
    return this.dirty ? { kind: 'dirty' } : { kind: 'clean' };
  }

  #set(state: SaveState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}

/** The indicator's words (issue 9 item 6): "Saved" only when the server has it. */
export function describeSaveState(state: SaveState): string {
  switch (state.kind) {
    case 'clean':
      return 'No changes';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'local':
      return 'Saved on this computer';
    case 'saved':
      return state.merged ? 'Saved (merged with a colleague’s edit)' : 'Saved';
    case 'conflict':
      return 'Conflict: choose whose version to keep';
    case 'invalid':
    case 'failed':
    case 'readonly':
      return state.message;
  }
}
