import { useRegisterActions } from '../../../actions/useRegisterActions';
import type { CatalogQuery, IpcError, IpcResult } from '../../../../shared/ipc';
import { callApi } from '../../../api/bridge';
import type { EditorCommands } from '../../../editor/actions/editorActions';
import { editorActions } from '../../../editor/actions/editorActions';
import {
  changeClassByNumber,
  copyAllFromPreviousImage,
  copySelection,
  deleteSelection,
  duplicateSelection,
  paste,
  reorderSelection,
} from '../../../editor/commands';
import { isHidden, isLocked, setHidden, setLocked } from '../../../editor/document/session';
import { nextInQuery } from '../../../editor/review/nextImage';
import { lowestConfidenceQuery, unreviewedQuery } from '../../../editor/review/reviewNav';
import { acceptPrediction, isPrediction, rejectPrediction } from '../../../editor/review/predictions';
import { editorSessions } from '../../../editor/session/editorSessions';
import type { EditorBinding } from '../useEditor';

export interface EditorScreenHooks {
  datasetId: string;
  query: CatalogQuery;
  /** Who accepts a prediction (`created_by`): the profile's key prefix. */
  reviewer: string | null;
  canReview: boolean;
  open(imageId: string): void;
  openRequestChanges(): void;
  openContextMenu(): void;
  openKeymap(): void;
  tell(title: string, error: IpcError): void;
  reviewed(status: string): void;
}

/**
 * Registers the editor's actions (registry: toolbar, context menu, shortcuts) for the open image.
 * Built every render: useRegisterActions delegates to the latest closures.
 */
export function useEditorActions(binding: EditorBinding | null, hooks: EditorScreenHooks): void {
  const editor = binding?.editor ?? null;
  const selected = () => (editor ? editor.session.selection.flatMap((id) => editor.annotation(id) ?? []) : []);
  const go = async (query: CatalogQuery, what: string) => {
    if (!editor) return;
    const next = await nextInQuery(hooks.datasetId, query, editor.document.imageId);
    if (next.error) hooks.tell(`Could not find the ${what}`, { code: 'internal', message: next.error });
    else if (next.imageId) hooks.open(next.imageId);
    else editor.notify(`No ${what} in the browser's filter.`);
  };
  const review = async (action: 'approve' | 'request_changes', note?: string) => {
    if (!binding) return;
    await binding.saver.save();
    const imageId = binding.editor.document.imageId;
    const result = await callApi((api) =>
      api.review.submit({ imageId, action, ...(note !== undefined ? { note } : {}) }),
    );
    if (!result.ok) hooks.tell('The review was not recorded', result.error);
    else hooks.reviewed(result.value.status);
  };
  const commands: EditorCommands = {
    tool: () => editor?.session.tool ?? 'select',
    setTool: (id) => editor?.setTool(id),
    canEdit: () => !!editor && editor.readOnlyReason === null,
    hasSelection: () => !!editor && editor.session.selection.length > 0,
    classCount: () => editor?.classes.length ?? 0,
    changeClassByNumber: (n) => editor && changeClassByNumber(editor, n),
    deleteSelection: () => editor && deleteSelection(editor),
    duplicate: () => editor && duplicateSelection(editor),
    copy: () => {
      const text = editor ? copySelection(editor) : null;
      if (text === null) return;
      editorSessions.copied(text);
      // The system clipboard too, so a copy survives into another window; failing that, in-app only.
      void navigator.clipboard?.writeText(text).catch(() => undefined);
    },
    paste: () => {
      if (editor && editorSessions.clipboard) paste(editor, editorSessions.clipboard);
    },
    canCopyFromPrevious: () =>
      !!editor && !!editorSessions.previous && editorSessions.previous.imageId !== editor.document.imageId,
    copyAllFromPrevious: () => {
      const previous = editorSessions.previous;
      if (editor && previous) copyAllFromPreviousImage(editor, previous.annotations);
    },
    toggleHideSelection: () => {
      if (!editor) return;
      const list = selected();
      const hide = !list.every((a) => isHidden(editor.session, a));
      editor.updateSession((s) => list.reduce((acc, a) => setHidden(acc, a.id, hide), s));
    },
    toggleLockSelection: () => {
      if (!editor) return;
      const list = selected();
      const lock = !list.every((a) => isLocked(editor.session, a));
      editor.updateSession((s) => list.reduce((acc, a) => setLocked(acc, a.id, lock), s));
    },
    hasHiddenOrLocked: () => !!editor && (editor.session.hidden.size > 0 || editor.session.locked.size > 0),
    revealAll: () => editor?.updateSession((s) => ({ ...s, hidden: new Set(), locked: new Set() })),
    bringForward: () => editor && reorderSelection(editor, 'forward'),
    sendBackward: () => editor && reorderSelection(editor, 'backward'),
    undo: () => editor?.undo(),
    redo: () => editor?.redo(),
    canUndo: () => !!editor && editor.readOnlyReason === null && editor.history.canUndo,
    canRedo: () => !!editor && editor.readOnlyReason === null && editor.history.canRedo,
    save: () => void binding?.saver.save(),
    approve: () => void review('approve'),
    requestChanges: hooks.openRequestChanges,
    canReview: () => !!editor && hooks.canReview,
    hasPredictionSelected: () => selected().some(isPrediction),
    acceptPrediction: () => editor && acceptPrediction(editor, hooks.reviewer),
    rejectPrediction: () => editor && rejectPrediction(editor),
    nextUnreviewed: () => void go(unreviewedQuery(hooks.query), 'unreviewed image'),
    nextLowestConfidence: () => void go(lowestConfidenceQuery(hooks.query), 'lowest-confidence image'),
    contextMenu: hooks.openContextMenu,
    keymap: hooks.openKeymap,
  };
  useRegisterActions(editorActions(commands));
}

/** Request changes with a note (the dialog's submit). */
export async function requestChanges(binding: EditorBinding, note: string): Promise<IpcResult<string>> {
  await binding.saver.save();
  const imageId = binding.editor.document.imageId;
  const result = await callApi((api) => api.review.submit({ imageId, action: 'request_changes', note }));
  return result.ok ? { ok: true, value: result.value.status } : result;
}
