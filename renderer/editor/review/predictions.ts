import type { Annotation } from '../../../shared/api/annotation';
import type { CommandResult } from '../commands';
import { isPickable } from '../document/session';
import type { Editor } from '../editor';

/** A prediction: an annotation with a confidence below 1 (a model's guess, not yet a person's). */
export function isPrediction(annotation: Annotation): boolean {
  return typeof annotation.confidence === 'number' && annotation.confidence < 1;
}

function selectedPredictions(editor: Editor): Annotation[] {
  return editor.session.selection.flatMap((id) => {
    const annotation = editor.annotation(id);
    return annotation && isPickable(editor.session, annotation) && isPrediction(annotation) ? [annotation] : [];
  });
}

/**
 * Accepting a prediction (issue 9 item 4; the rule in renderer/editor/CONTEXT.md): confidence becomes 1 and
 * `created_by` records who accepted it — the reviewer's key prefix from the connection status
 * (the profile's stable, non-secret name for the key), or 'reviewer' when none is known. Every
 * other field is kept. One undo step for the whole selection.
 */
export function acceptPrediction(editor: Editor, reviewer: string | null): CommandResult {
  if (editor.readOnlyReason) return refuse(editor, editor.readOnlyReason);
  const predictions = selectedPredictions(editor);
  if (predictions.length === 0) return refuse(editor, 'no prediction is selected');
  editor.update(predictions.map((a) => ({ ...a, confidence: 1, created_by: reviewer ?? 'reviewer' })));
  return { ok: true, value: null };
}

/** Rejecting a prediction deletes it (one undo step brings it back). */
export function rejectPrediction(editor: Editor): CommandResult {
  if (editor.readOnlyReason) return refuse(editor, editor.readOnlyReason);
  const predictions = selectedPredictions(editor);
  if (predictions.length === 0) return refuse(editor, 'no prediction is selected');
  editor.remove(predictions.map((a) => a.id));
  return { ok: true, value: null };
}

function refuse(editor: Editor, reason: string): CommandResult {
  editor.notify(reason);
  return { ok: false, reason };
}
