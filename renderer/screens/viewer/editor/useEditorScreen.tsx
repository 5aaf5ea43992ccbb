import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import type { Dataset, DatasetClass } from '../../../../shared/api';
import type { CatalogQuery } from '../../../../shared/ipc';
import { KeymapDialog, loadKeymap } from '../../../components/KeymapDialog';
import { setClassHidden } from '../../../editor/document/session';
import type { SaveState } from '../../../editor/save/saveController';
import { useAppStore } from '../../../store/useAppStore';
import type { PreparedImage } from '../../../viewer/preparedImages';
import type { EditorBinding } from '../useEditor';
import { useEditor, useEditorVersion, useSaveState } from '../useEditor';
import { ContextMenu } from '../../../components/ContextMenu';
import { CONTEXT_MENU_ACTIONS } from '../../../editor/actions/editorActions';
import { ConflictDialog, RequestChangesDialog } from './Dialogs';
import { requestChanges, useEditorActions } from './useEditorActions';

/** Why a key may not edit, shown on the toolbar (issue 9 item 7). */
export const VIEWER_ROLE_REASON = 'this API key has the viewer role, which cannot change annotations';

/**
 * Everything the viewer screen needs to become the editor: the binding for the open image, its
 * actions in the registry, the save state, the legend's class toggles (session state) and the
 * dialogs (conflict, request changes, context menu).
 */
export function useEditorScreen(
  datasetId: string,
  image: PreparedImage | null,
  dataset: Dataset | null,
  classes: readonly DatasetClass[] | null,
  query: CatalogQuery,
): { binding: EditorBinding | null; saveState: SaveState | null; toggleClass(name: string): void; dialogs: ReactNode } {
  const status = useAppStore((state) => state.status);
  const imageOpened = useAppStore((state) => state.imageOpened);
  const toastShown = useAppStore((state) => state.toastShown);
  const readOnly = status?.role === 'viewer' ? VIEWER_ROLE_REASON : null;
  const binding = useEditor(image, dataset, classes, readOnly);
  useEditorVersion(binding?.editor ?? null);
  const saveState = useSaveState(binding?.saver ?? null);
  const [dialog, setDialog] = useState<'request' | 'keymap' | null>(null);
  useEffect(() => {
    void loadKeymap();
  }, []);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [conflictDismissed, setConflictDismissed] = useState<object | null>(null);

  useEditorActions(binding, {
    datasetId,
    query,
    reviewer: status?.keyPrefix ?? null,
    canReview: readOnly === null,
    open: (imageId) => imageOpened(datasetId, imageId),
    openRequestChanges: () => setDialog('request'),
    openKeymap: () => setDialog('keymap'),
    openContextMenu: () => {
      const canvas = document.querySelector('[data-testid="viewer.canvas"]');
      const box = canvas?.getBoundingClientRect();
      setMenuAt(lastPointer ?? (box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: 0, y: 0 }));
    },
    tell: (title, error) => toastShown(title, error),
    reviewed: (reviewStatus) => binding?.editor.setReview({ status: reviewStatus, note: null }),
  });

  const toggleClass = useCallback(
    (name: string) => {
      const editor = binding?.editor;
      if (!editor) return;
      const hidden = editor.session.hiddenClasses.has(name);
      editor.updateSession((s) => setClassHidden(s, name, !hidden, (id) => editor.annotation(id)?.name));
    },
    [binding],
  );

  const dialogs = (
    <>
      {binding && saveState?.kind === 'conflict' && conflictDismissed !== saveState ? (
        <ConflictDialog
          onClose={() => setConflictDismissed(saveState)}
          onChoose={(choice) => void binding.saver.resolve(choice)}
        />
      ) : null}
      {binding && dialog === 'request' ? (
        <RequestChangesDialog
          onClose={() => setDialog(null)}
          onSubmit={(note) => {
            setDialog(null);
            void requestChanges(binding, note).then((result) => {
              if (result.ok) binding.editor.setReview({ status: result.value, note });
              else toastShown('The request for changes was not recorded', result.error);
            });
          }}
        />
      ) : null}
      {dialog === 'keymap' ? <KeymapDialog onClose={() => setDialog(null)} /> : null}
      {menuAt ? (
        <ContextMenu
          at={menuAt}
          actionIds={CONTEXT_MENU_ACTIONS}
          label="Annotation actions"
          testId="editor.contextMenu"
          onClose={() => {
            setMenuAt(null);
            lastPointer = null;
          }}
        />
      ) : null}
    </>
  );
  return { binding, saveState, toggleClass, dialogs };
}

/** Where the last right-click was (client pixels): the menu opens there, else mid-canvas. */
let lastPointer: { x: number; y: number } | null = null;
if (typeof window !== 'undefined') {
  window.addEventListener(
    'contextmenu',
    (event) => {
      lastPointer = { x: event.clientX, y: event.clientY };
    },
    true,
  );
}
