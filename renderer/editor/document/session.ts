import type { Annotation } from '../../../shared/api/annotation';

/**
 * Session state (design §6): how the user is looking at and working on the document, never saved
 * and never undone. Immutable values with pure updaters, so the store can hold one and React can
 * compare it by reference.
 */
export interface VertexRef {
  id: string;
  ring: number;
  index: number;
}

export interface SessionState {
  /** The active tool's id (tools/registry.ts). */
  tool: string;
  /** Selected annotation ids, in selection order. */
  selection: readonly string[];
  /** A vertex of the single selected shape, for Delete and the handles' highlight. */
  vertex: VertexRef | null;
  hover: string | null;
  hidden: ReadonlySet<string>;
  locked: ReadonlySet<string>;
  hiddenClasses: ReadonlySet<string>;
  lockedClasses: ReadonlySet<string>;
  /** The class new shapes get (its name), when the user picked one. */
  activeClass: string | null;
}

export function createSession(tool = 'select'): SessionState {
  return {
    tool,
    selection: [],
    vertex: null,
    hover: null,
    hidden: new Set(),
    locked: new Set(),
    hiddenClasses: new Set(),
    lockedClasses: new Set(),
    activeClass: null,
  };
}

export function isHidden(session: SessionState, annotation: Annotation): boolean {
  return session.hidden.has(annotation.id) || session.hiddenClasses.has(annotation.name);
}

export function isLocked(session: SessionState, annotation: Annotation): boolean {
  return session.locked.has(annotation.id) || session.lockedClasses.has(annotation.name);
}

/** Hidden or locked annotations cannot be picked, box-selected or snapped to. */
export function isPickable(session: SessionState, annotation: Annotation): boolean {
  return !isHidden(session, annotation) && !isLocked(session, annotation);
}

export function select(session: SessionState, ids: readonly string[], vertex: VertexRef | null = null): SessionState {
  const unique = [...new Set(ids)];
  const keepVertex = vertex && unique.length === 1 && unique[0] === vertex.id ? vertex : null;
  return { ...session, selection: unique, vertex: keepVertex };
}

/** Shift-click: adds the id, or removes it when already selected. */
export function toggleSelected(session: SessionState, id: string): SessionState {
  const next = session.selection.includes(id) ? session.selection.filter((s) => s !== id) : [...session.selection, id];
  return select(session, next);
}

function toggled(set: ReadonlySet<string>, key: string, on: boolean): ReadonlySet<string> {
  if (set.has(key) === on) return set;
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

/** Hiding or locking something drops it from the selection (it can no longer be edited). */
export function setHidden(session: SessionState, id: string, hidden: boolean): SessionState {
  const next = { ...session, hidden: toggled(session.hidden, id, hidden) };
  return hidden ? dropFromSelection(next, (s) => s === id) : next;
}

export function setLocked(session: SessionState, id: string, locked: boolean): SessionState {
  const next = { ...session, locked: toggled(session.locked, id, locked) };
  return locked ? dropFromSelection(next, (s) => s === id) : next;
}

/** Per class: `classOf` tells which selected ids belong to the class. */
export function setClassHidden(
  session: SessionState,
  className: string,
  hidden: boolean,
  classOf: (id: string) => string | undefined,
): SessionState {
  const next = { ...session, hiddenClasses: toggled(session.hiddenClasses, className, hidden) };
  return hidden ? dropFromSelection(next, (s) => classOf(s) === className) : next;
}

export function setClassLocked(
  session: SessionState,
  className: string,
  locked: boolean,
  classOf: (id: string) => string | undefined,
): SessionState {
  const next = { ...session, lockedClasses: toggled(session.lockedClasses, className, locked) };
  return locked ? dropFromSelection(next, (s) => classOf(s) === className) : next;
}

/** Drops ids that no longer exist (after undo of a creation, a deletion, a server refresh). */
export function pruneSession(session: SessionState, exists: (id: string) => boolean): SessionState {
  return dropFromSelection(session, (s) => !exists(s));
}

function dropFromSelection(session: SessionState, drop: (id: string) => boolean): SessionState {
  if (!session.selection.some(drop) && !(session.hover !== null && drop(session.hover))) return session;
  const next = select(
    session,
    session.selection.filter((s) => !drop(s)),
    session.vertex,
  );
  return session.hover !== null && drop(session.hover) ? { ...next, hover: null } : next;
}
