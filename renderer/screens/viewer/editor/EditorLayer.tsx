import { useEffect } from 'react';
import type { DatasetClass } from '../../../../shared/api';
import { actionRegistry } from '../../../actions/registry';
import { editorSessions } from '../../../editor/session/editorSessions';
import { EditorView } from '../../../editor/view/editorView';
import type { ViewerStage } from '../../../viewer/viewerStage';
import type { EditorBinding } from '../useEditor';

/**
 * Mounts the EditorView (the Konva glue) on the stage while an image is open for editing. Renders
 * nothing itself: the interaction layer is Konva's, the toolbar and panels are React's.
 */
export function EditorLayer({
  stage,
  binding,
  imageSize,
  classes,
}: {
  stage: ViewerStage;
  binding: EditorBinding;
  imageSize: { width: number; height: number };
  classes: readonly DatasetClass[];
}) {
  const { editor, scene } = binding;
  const { width, height } = imageSize;
  useEffect(() => {
    const imageId = editor.document.imageId;
    const view = new EditorView({
      stage,
      editor,
      scene,
      classes,
      imageSize: { width, height },
      isMac: actionRegistry.isMac,
      onContextMenu: () => actionRegistry.run('editor.contextMenu'),
      onScene: (next) => editorSessions.rememberScene(imageId, editor.document.annotations, next),
    });
    viewsByEditor.set(editor, view);
    return () => {
      viewsByEditor.delete(editor);
      view.destroy();
    };
  }, [stage, editor, scene, classes, width, height]);

  useEffect(() => {
    viewsByEditor.get(editor)?.setProblems(binding.problems?.annotations.map((p) => p.id) ?? []);
  }, [editor, binding.problems]);
  return null;
}

/** The live view of an editor (for the problem outlines). */
const viewsByEditor = new WeakMap<object, EditorView>();
