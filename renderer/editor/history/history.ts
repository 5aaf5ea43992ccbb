import type { EditorDocument } from '../document/document';
import type { DocumentDiff } from './diff';
import { applyDiff, composeDiffs, EMPTY_DIFF, invertDiff, isEmptyDiff } from './diff';

/**
 * Why the document changed, for listeners (the pick index, the store, autosave):
 * `edit` a tool or command, `undo`/`redo`, `revert` Escape back to the mark, `replace` a server
 * refresh or cache hydration (not undoable; the index rebuilds).
 */
export type ChangeReason = 'edit' | 'undo' | 'redo' | 'revert' | 'replace';

export type HistoryListener = (doc: EditorDocument, diff: DocumentDiff | null, reason: ChangeReason) => void;

/** Undo steps kept per image; the oldest fall off. */
export const DEFAULT_HISTORY_LIMIT = 500;

/**
 * One image's undo history (design §6, docs/undo.md): a stack of diffs with marks.
 *
 * - `mark()` (pointer-down) opens a step; every `apply` until `commit()` (pointer-up) merges into
 *   it, so a drag of 200 pointer moves is one undo step.
 * - `revert()` (Escape) puts the document back to the mark: no undo step, no redo entry, and the
 *   redo stack is left as it was.
 * - The redo stack is cleared only when a step that changed the document is recorded: marks,
 *   reverts, empty commits and selection changes leave it.
 * - `replaceBase()` (server refresh, cache hydration) swaps the document without history; the
 *   stacks are cleared, because their diffs were made against a base that no longer exists.
 */
export class History {
  #doc: EditorDocument;
  #undo: DocumentDiff[] = [];
  #redo: DocumentDiff[] = [];
  /** The step being built since `mark()`, or null when none is open. */
  #pending: DocumentDiff | null = null;
  #revision = 0;
  readonly #limit: number;
  readonly #listeners = new Set<HistoryListener>();

  constructor(doc: EditorDocument, limit = DEFAULT_HISTORY_LIMIT) {
    this.#doc = doc;
    this.#limit = Math.max(1, limit);
  }

  get document(): EditorDocument {
    return this.#doc;
  }

  /** Bumped by every document change (edits, undo, redo, revert, replace): what autosave compares. */
  get revision(): number {
    return this.#revision;
  }

  get canUndo(): boolean {
    return this.#undo.length > 0 || (this.#pending !== null && !isEmptyDiff(this.#pending));
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  get undoDepth(): number {
    return this.#undo.length;
  }

  get redoDepth(): number {
    return this.#redo.length;
  }

  get isMarked(): boolean {
    return this.#pending !== null;
  }

  subscribe(listener: HistoryListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Opens a step at the current document. A step still open is committed first. */
  mark(): void {
    this.commit();
    this.#pending = EMPTY_DIFF;
  }

  /** Applies a change: into the open step when marked, else as a step of its own. Returns the new document. */
  apply(diff: DocumentDiff): EditorDocument {
    if (isEmptyDiff(diff)) return this.#doc;
    this.#set(applyDiff(this.#doc, diff), diff, 'edit');
    if (this.#pending !== null) this.#pending = composeDiffs(this.#pending, diff);
    else this.#record(diff);
    return this.#doc;
  }

  /** Closes the open step, recording it when it changed the document. */
  commit(): void {
    const pending = this.#pending;
    this.#pending = null;
    if (pending && !isEmptyDiff(pending)) this.#record(pending);
  }

  /** Escape: back to the mark, recording nothing. No-op when no step is open. */
  revert(): void {
    const pending = this.#pending;
    this.#pending = null;
    if (!pending || isEmptyDiff(pending)) return;
    const inverse = invertDiff(pending);
    this.#set(applyDiff(this.#doc, inverse), inverse, 'revert');
  }

  undo(): boolean {
    this.commit();
    const step = this.#undo.pop();
    if (!step) return false;
    this.#redo.push(step);
    const inverse = invertDiff(step);
    this.#set(applyDiff(this.#doc, inverse), inverse, 'undo');
    return true;
  }

  redo(): boolean {
    this.commit();
    const step = this.#redo.pop();
    if (!step) return false;
    this.#undo.push(step);
    this.#set(applyDiff(this.#doc, step), step, 'redo');
    return true;
  }

  /** A server refresh or cache hydration: the new base, with no undo step and empty stacks. */
  replaceBase(doc: EditorDocument): void {
    this.#pending = null;
    this.#undo = [];
    this.#redo = [];
    this.#set(doc, null, 'replace');
  }

  #record(step: DocumentDiff): void {
    this.#undo.push(step);
    if (this.#undo.length > this.#limit) this.#undo.splice(0, this.#undo.length - this.#limit);
    this.#redo = [];
  }

  #set(doc: EditorDocument, diff: DocumentDiff | null, reason: ChangeReason): void {
    this.#doc = doc;
    this.#revision++;
    for (const listener of this.#listeners) listener(doc, diff, reason);
  }
}
