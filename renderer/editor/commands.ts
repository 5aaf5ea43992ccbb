import type { Annotation } from '../../shared/api/annotation';
import {
  copyAllFromPrevious,
  parseClipboard,
  pasteAnnotations,
  serializeClipboard,
} from '../../shared/annotations/clipboard';
import type { OpResult, ReorderDirection } from '../../shared/annotations/ops';
import { changeClass, duplicateAnnotation, reorder } from '../../shared/annotations/ops';
import { isPickable } from './document/session';
import type { Editor } from './editor';
import { listDiff } from './history/diff';
import { PASTE_OFFSET } from './tools/framework/constants';

/**
 * Editing commands that are not pointer gestures (issue 9 item 2): what the action registry's
 * entries (Delete, Ctrl+D, Ctrl+C/V, 1–9, bring forward …) call. Each is one undo step, works on
 * the selection's visible, unlocked annotations, and answers `{ ok: false, reason }` instead of
 * doing something surprising (read-only, nothing selected, a class of another type).
 */
export type CommandResult = OpResult<null>;

const done: CommandResult = { ok: true, value: null };
const refused = (editor: Editor, reason: string): CommandResult => {
  editor.notify(reason);
  return { ok: false, reason };
};

function editableSelection(editor: Editor): Annotation[] {
  return editor.session.selection.flatMap((id) => {
    const annotation = editor.annotation(id);
    return annotation && isPickable(editor.session, annotation) ? [annotation] : [];
  });
}

function guard(editor: Editor): OpResult<Annotation[]> {
  if (editor.readOnlyReason) return { ok: false, reason: editor.readOnlyReason };
  const selected = editableSelection(editor);
  return selected.length > 0 ? { ok: true, value: selected } : { ok: false, reason: 'nothing is selected' };
}

export function deleteSelection(editor: Editor): CommandResult {
  const selected = guard(editor);
  if (!selected.ok) return refused(editor, selected.reason);
  editor.remove(selected.value.map((a) => a.id));
  return done;
}

/** Ctrl+D: copies with new ids, offset so they do not hide the originals, placed on top and selected. */
export function duplicateSelection(editor: Editor): CommandResult {
  const selected = guard(editor);
  if (!selected.ok) return refused(editor, selected.reason);
  const copies: Annotation[] = [];
  for (const annotation of selected.value) {
    const copy = duplicateAnnotation(annotation, editor.newId(), { x: PASTE_OFFSET, y: PASTE_OFFSET });
    if (copy.ok) copies.push(copy.value);
  }
  if (copies.length === 0) return refused(editor, 'the selection cannot be duplicated');
  editor.insert(copies);
  editor.select(copies.map((a) => a.id));
  return done;
}

/** The class picker and number keys 1–9: all-or-nothing when one selected shape's type does not fit. */
export function changeClassOfSelection(editor: Editor, className: string): CommandResult {
  const selected = guard(editor);
  if (!selected.ok) return refused(editor, selected.reason);
  const cls = editor.classes.find((c) => c.name === className);
  if (!cls) return refused(editor, `"${className}" is not a class of this dataset`);
  const changed: Annotation[] = [];
  for (const annotation of selected.value) {
    const result = changeClass(annotation, cls);
    if (!result.ok) return refused(editor, result.reason);
    changed.push(result.value);
  }
  editor.update(changed);
  return done;
}

/** Number key `n` (1–9): the dataset's n-th class. */
export function changeClassByNumber(editor: Editor, n: number): CommandResult {
  const cls = editor.classes[n - 1];
  if (!Number.isInteger(n) || !cls) return refused(editor, `this dataset has no class ${n}`);
  return changeClassOfSelection(editor, cls.name);
}

export function reorderSelection(editor: Editor, direction: ReorderDirection): CommandResult {
  const selected = guard(editor);
  if (!selected.ok) return refused(editor, selected.reason);
  const next = reorder(editor.document.annotations, new Set(selected.value.map((a) => a.id)), direction);
  if (next !== editor.document.annotations) editor.history.apply(listDiff(editor.document, next));
  return done;
}

/** Ctrl+C: the clipboard text for the selection (every field kept), or null when nothing is selected. */
export function copySelection(editor: Editor): string | null {
  const selected = editableSelection(editor);
  return selected.length === 0 ? null : serializeClipboard(selected, editor.document.imageId);
}

/**
 * Ctrl+V: the clipboard's annotations as new ones (new ids) on this image, clamped into it; offset
 * when pasted onto the image they were copied from, so they do not land exactly on the originals.
 */
export function paste(editor: Editor, text: string): CommandResult {
  if (editor.readOnlyReason) return refused(editor, editor.readOnlyReason);
  const contents = parseClipboard(text);
  if (!contents.ok) return refused(editor, contents.reason);
  const sameImage = contents.value.sourceImageId === editor.document.imageId;
  const offset = sameImage ? { x: PASTE_OFFSET, y: PASTE_OFFSET } : { x: 0, y: 0 };
  const pasted = pasteAnnotations(contents.value.annotations, editor.imageSize, () => editor.newId(), offset);
  if (pasted.length === 0) return refused(editor, 'the clipboard is empty');
  editor.insert(pasted);
  editor.select(pasted.map((a) => a.id));
  return done;
}

/** "Copy all from the previous image": one undo step; shapes already present are not doubled. */
export function copyAllFromPreviousImage(editor: Editor, previous: readonly Annotation[]): CommandResult {
  if (editor.readOnlyReason) return refused(editor, editor.readOnlyReason);
  const copies = copyAllFromPrevious(previous, editor.document.annotations, editor.imageSize, () => editor.newId());
  if (copies.length === 0) return refused(editor, 'nothing new to copy from the previous image');
  editor.insert(copies);
  editor.select(copies.map((a) => a.id));
  return done;
}
