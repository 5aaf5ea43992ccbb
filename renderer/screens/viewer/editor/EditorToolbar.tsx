import type { ReactNode } from 'react';
import { ActionButton } from '../../../components/ActionButton';
import { CheckIcon } from '../../../components/icons';
import type { Editor } from '../../../editor/editor';
import type { SaveState } from '../../../editor/save/saveController';
import { describeSaveState } from '../../../editor/save/saveController';
import { TOOLS } from '../../../editor/tools/registry';

/** Small line icons per tool (stroke = currentColor, so both themes keep their contrast). */
const TOOL_ICONS: Record<string, ReactNode> = {
  select: <path d="M4 3l12 6-5 1.5L9 16z" />,
  bbox: <rect x="3.5" y="5" width="13" height="10" rx="0.5" />,
  polygon: <path d="M4 15l2-10 9 2 1.5 7z" />,
  polyline: <path d="M3 15l4-7 4 4 6-8" />,
  hole: (
    <>
      <path d="M3 16l2-12 11 1 1 11z" />
      <circle cx="10" cy="10" r="2.5" />
    </>
  ),
  keypoint: (
    <>
      <circle cx="10" cy="10" r="2.5" />
      <path d="M10 3v3M10 14v3M3 10h3M14 10h3" />
    </>
  ),
};

/**
 * The editor's toolbar (issue 9 item 1): one labelled icon button per tool, each a registry action
 * (so its shortcut and disabled state match the keys), the active tool pressed; save with the
 * dirty indicator, which says "Saved" only when the server has the list.
 */
export function EditorToolbar({ editor, saveState }: { editor: Editor; saveState: SaveState | null }) {
  const readOnly = editor.readOnlyReason;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Annotation tools" data-testid="editor.toolbar">
      <div className="editor-toolbar__group">
        {TOOLS.map((tool) => (
          <ActionButton
            key={tool.id}
            actionId={`editor.tool.${tool.id}`}
            testId={`editor.tool.${tool.id}`}
            pressed={editor.session.tool === tool.id}
            className={`btn btn--ghost btn--small btn--icon editor-tool${editor.session.tool === tool.id ? ' editor-tool--active' : ''}`}
          >
            <svg
              width="18"
              height="18"
              viewBox="0 0 20 20"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              aria-hidden="true"
            >
              {TOOL_ICONS[tool.id]}
            </svg>
          </ActionButton>
        ))}
      </div>
      <div className="editor-toolbar__group">
        <ActionButton actionId="editor.undo" testId="editor.undo" showLabel />
        <ActionButton actionId="editor.redo" testId="editor.redo" showLabel />
        <ActionButton actionId="editor.keymap" testId="editor.keymap" showLabel />
      </div>
      {readOnly ? (
        <p className="editor-toolbar__readonly" role="status" data-testid="editor.readOnly">
          Read-only: {readOnly}
        </p>
      ) : null}
      {editor.overlay.notice ? (
        <p className="editor-toolbar__notice" role="status" data-testid="editor.notice">
          {editor.overlay.notice}
        </p>
      ) : null}
      <div className="editor-toolbar__group editor-toolbar__save">
        <span
          className={`editor-save editor-save--${saveState?.kind ?? 'clean'}`}
          role="status"
          aria-live="polite"
          data-testid="editor.saveState"
          data-state={saveState?.kind ?? 'clean'}
        >
          {saveState?.kind === 'saved' || saveState?.kind === 'local' ? <CheckIcon size={14} /> : null}
          {saveState ? describeSaveState(saveState) : 'No changes'}
        </span>
        <ActionButton actionId="editor.save" testId="editor.save" showLabel className="btn btn--small" />
        <ActionButton
          actionId="review.approve"
          testId="review.approve"
          showLabel
          className="btn btn--small btn--primary"
        />
        <ActionButton
          actionId="review.requestChanges"
          testId="review.requestChanges"
          showLabel
          className="btn btn--small"
        />
        <ActionButton
          actionId="review.nextUnreviewed"
          testId="review.nextUnreviewed"
          showLabel
          className="btn btn--small btn--ghost"
        />
      </div>
    </div>
  );
}
