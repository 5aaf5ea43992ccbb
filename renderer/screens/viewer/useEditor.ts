import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Dataset, DatasetClass } from '../../../shared/api';
import type { GroupedProblems } from '../../../shared/annotations/problems';
import { createDocument } from '../../editor/document/document';
import { Editor } from '../../editor/editor';
import { SaveController } from '../../editor/save/saveController';
import { editorSessions } from '../../editor/session/editorSessions';
import type { PreparedImage } from '../../viewer/preparedImages';
import { prepareScene } from '../../viewer/prepareScene';
import type { PreparedScene } from '../../viewer/sceneTypes';

export interface EditorBinding {
  editor: Editor;
  saver: SaveController;
  /** The bulk scene for the editor's document when the image opened. */
  scene: PreparedScene;
  problems: GroupedProblems | null;
}

/**
 * One Editor and SaveController per open image (design §6): the image's history comes from the
 * session's HistoryStore, so coming back to an image finds its edits and undo stack. Leaving an
 * image flushes its pending save (issue 9 item 6) and carries the tool and class hide/lock over.
 */
export function useEditor(
  image: PreparedImage | null,
  dataset: Dataset | null,
  classes: readonly DatasetClass[] | null,
  readOnlyReason: string | null,
): EditorBinding | null {
  // Problems belong to the editor they were found in: a new image starts with none.
  const [found, setFound] = useState<{ editor: Editor; problems: GroupedProblems | null } | null>(null);
  const binding = useMemo(() => {
    if (!image || !classes) return null;
    // The editor being replaced hands its tool and class hide/lock on now: its effect cleanup runs
    // only after this render, too late for the new editor's starting session.
    const previous = editorSessions.active;
    if (previous && previous.document.imageId !== image.imageId) {
      editorSessions.leave(previous.document.imageId, previous.document.annotations, previous.session);
    }
    const history = editorSessions.histories.open(image.imageId, () =>
      createDocument(image.imageId, image.draft ?? image.annotations, { status: image.meta.status, note: null }),
    );
    const doc = history.document;
    const scene =
      doc.annotations === image.annotations
        ? image.scene
        : (editorSessions.scene(image.imageId, doc.annotations) ??
          prepareScene(doc.annotations, classes, { imageSize: { width: image.width, height: image.height } }));
    const editor = new Editor({
      history,
      classes,
      annotationTypes: dataset?.annotation_types ?? null,
      imageSize: { width: image.width, height: image.height },
      session: editorSessions.session,
      readOnlyReason,
    });
    const memory = editorSessions.memory(image.imageId, { etag: image.etag, annotations: image.annotations });
    const saver = new SaveController({
      editor,
      memory,
      rules: dataset ? { classes: dataset.classes, annotation_types: dataset.annotation_types } : null,
      onProblems: (problems) => setFound({ editor, problems }),
    });
    editorSessions.opened(editor);
    return { editor, saver, scene };
    // readOnlyReason is applied below without rebuilding the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [image, classes, dataset]);

  useEffect(() => {
    binding?.editor.setReadOnly(readOnlyReason);
    binding?.saver.setReadOnly(readOnlyReason);
  }, [binding, readOnlyReason]);

  useEffect(() => {
    if (!binding) return;
    const { editor, saver } = binding;
    // Window close: the save is handed to main at once (main makes it durable in the outbox).
    const beforeUnload = () => void saver.save();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      void saver.save().finally(() => saver.dispose());
      if (editorSessions.active === editor) {
        editorSessions.leave(editor.document.imageId, editor.document.annotations, editor.session);
      }
      editor.dispose();
    };
  }, [binding]);

  return binding ? { ...binding, problems: found?.editor === binding.editor ? found.problems : null } : null;
}

/** Re-renders on every editor change (tool, selection, document); returns a changing number. */
export function useEditorVersion(editor: Editor | null): number {
  const [store] = useState(() => ({ version: 0 }));
  return useSyncExternalStore(
    (listener) => {
      if (!editor) return () => undefined;
      return editor.subscribe(() => {
        store.version++;
        listener();
      });
    },
    () => store.version,
  );
}

export function useSaveState(saver: SaveController | null) {
  return useSyncExternalStore(
    (listener) => (saver ? saver.subscribe(listener) : () => undefined),
    () => saver?.state ?? null,
  );
}
