import type { Action } from '../../actions/types';
import { TOOLS } from '../tools/registry';

/** Default tool shortcuts: single letters the viewer and the browser do not use (viewer: a, d, f, 0, 1). */
export const TOOL_KEYS: Record<string, string> = {
  select: 'v',
  bbox: 'b',
  polygon: 'p',
  polyline: 'l',
  hole: 'h',
  keypoint: 'k',
};

/** What the editor's actions do; the screen supplies them with the open image's editor. */
export interface EditorCommands {
  tool(): string;
  setTool(id: string): void;
  canEdit(): boolean;
  hasSelection(): boolean;
  /** The dataset's classes, in order (number keys 1–9). */
  classCount(): number;
  changeClassByNumber(n: number): void;
  deleteSelection(): void;
  duplicate(): void;
  copy(): void;
  paste(): void;
  copyAllFromPrevious(): void;
  canCopyFromPrevious(): boolean;
  toggleHideSelection(): void;
  toggleLockSelection(): void;
  /** Shows and unlocks every annotation hidden or locked one by one (they cannot be selected to undo it). */
  revealAll(): void;
  hasHiddenOrLocked(): boolean;
  bringForward(): void;
  sendBackward(): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  save(): void;
  approve(): void;
  requestChanges(): void;
  acceptPrediction(): void;
  rejectPrediction(): void;
  hasPredictionSelected(): boolean;
  nextUnreviewed(): void;
  nextLowestConfidence(): void;
  contextMenu(): void;
  canReview(): boolean;
  keymap(): void;
}

/**
 * The editor's actions (issue 9 items 1, 2, 4, 5, 6): one registry feeds the toolbar, the context
 * menu, the shortcuts and the keymap settings. Registered after the viewer's, so a shared key (the
 * number 1: actual size vs class 1) goes to the editor while its action is enabled (a selection)
 * and falls through to the viewer's otherwise.
 */
export function editorActions(c: EditorCommands): Action[] {
  const editable = () => c.canEdit() && c.hasSelection();
  const tools: Action[] = TOOLS.map((tool) => ({
    id: `editor.tool.${tool.id}`,
    label: `${tool.label} tool`,
    group: 'Edit',
    keys: TOOL_KEYS[tool.id] ? [TOOL_KEYS[tool.id]!] : [],
    // Select stays available read-only (to inspect); drawing tools need edit rights.
    enabled: () => tool.id === 'select' || c.canEdit(),
    run: () => c.setTool(tool.id),
  }));
  const classes: Action[] = Array.from({ length: 9 }, (_, i) => ({
    id: `editor.class.${i + 1}`,
    label: `Change class to class ${i + 1}`,
    group: 'Edit' as const,
    keys: [String(i + 1)],
    enabled: () => editable() && c.classCount() > i,
    run: () => c.changeClassByNumber(i + 1),
  }));
  return [
    ...tools,
    ...classes,
    {
      id: 'editor.delete',
      label: 'Delete',
      group: 'Edit',
      keys: ['Delete', 'Backspace'],
      enabled: editable,
      run: c.deleteSelection,
    },
    { id: 'editor.duplicate', label: 'Duplicate', group: 'Edit', keys: ['Mod+d'], enabled: editable, run: c.duplicate },
    { id: 'editor.copy', label: 'Copy', group: 'Edit', keys: ['Mod+c'], enabled: c.hasSelection, run: c.copy },
    { id: 'editor.paste', label: 'Paste', group: 'Edit', keys: ['Mod+v'], enabled: c.canEdit, run: c.paste },
    {
      id: 'editor.copyFromPrevious',
      label: 'Copy all from the previous image',
      group: 'Edit',
      keys: ['Mod+Shift+v'],
      enabled: () => c.canEdit() && c.canCopyFromPrevious(),
      run: c.copyAllFromPrevious,
    },
    {
      id: 'editor.hide',
      label: 'Hide or show the selection',
      group: 'Edit',
      keys: ['Shift+h'],
      enabled: c.hasSelection,
      run: c.toggleHideSelection,
    },
    {
      id: 'editor.lock',
      label: 'Lock the selection',
      group: 'Edit',
      keys: ['Shift+l'],
      enabled: c.hasSelection,
      run: c.toggleLockSelection,
    },
    {
      id: 'editor.revealAll',
      label: 'Show and unlock all annotations',
      group: 'Edit',
      keys: ['Alt+Shift+h'],
      enabled: c.hasHiddenOrLocked,
      run: c.revealAll,
    },
    {
      id: 'editor.bringForward',
      label: 'Bring forward',
      group: 'Edit',
      keys: [']'],
      enabled: editable,
      run: c.bringForward,
    },
    {
      id: 'editor.sendBackward',
      label: 'Send backward',
      group: 'Edit',
      keys: ['['],
      enabled: editable,
      run: c.sendBackward,
    },
    { id: 'editor.undo', label: 'Undo', group: 'Edit', keys: ['Mod+z'], enabled: c.canUndo, run: c.undo },
    {
      id: 'editor.redo',
      label: 'Redo',
      group: 'Edit',
      keys: ['Mod+Shift+z', 'Mod+y'],
      enabled: c.canRedo,
      run: c.redo,
    },
    { id: 'editor.save', label: 'Save', group: 'File', keys: ['Mod+s'], enabled: c.canEdit, run: c.save },
    {
      id: 'review.approve',
      label: 'Approve image',
      group: 'Image',
      keys: ['Mod+Enter'],
      enabled: c.canReview,
      run: c.approve,
    },
    {
      id: 'review.requestChanges',
      label: 'Request changes…',
      group: 'Image',
      keys: ['Shift+r'],
      enabled: c.canReview,
      run: c.requestChanges,
    },
    {
      id: 'review.acceptPrediction',
      label: 'Accept prediction',
      group: 'Image',
      keys: ['y'],
      enabled: () => c.canEdit() && c.hasPredictionSelected(),
      run: c.acceptPrediction,
    },
    {
      id: 'review.rejectPrediction',
      label: 'Reject prediction',
      group: 'Image',
      keys: ['x'],
      enabled: () => c.canEdit() && c.hasPredictionSelected(),
      run: c.rejectPrediction,
    },
    { id: 'review.nextUnreviewed', label: 'Next unreviewed image', group: 'Go', keys: ['u'], run: c.nextUnreviewed },
    {
      id: 'review.nextLowestConfidence',
      label: 'Next lowest-confidence image',
      group: 'Go',
      keys: ['Shift+u'],
      run: c.nextLowestConfidence,
    },
    { id: 'editor.keymap', label: 'Keyboard shortcuts…', group: 'Help', keys: ['Mod+Shift+k'], run: c.keymap },
    {
      id: 'editor.contextMenu',
      label: 'Open the context menu',
      group: 'Edit',
      keys: ['ContextMenu', 'Shift+F10'],
      enabled: c.hasSelection,
      run: c.contextMenu,
    },
  ];
}

/**
 * The editor's actions as the keymap settings list them when no image is open (Settings → Keyboard
 * shortcuts): ids, labels, groups and default keys only. Built from the real list so it never drifts;
 * the commands behind it do nothing and are never run (the dialog only reads and remaps keys).
 */
export function editorActionCatalog(): Action[] {
  const inert = new Proxy({} as EditorCommands, { get: () => () => false });
  return editorActions(inert).map(({ id, label, group, keys }) => ({ id, label, group, keys, run: () => {} }));
}

/** The context menu's entries, in order (null = a separator): the same actions as the shortcuts. */
export const CONTEXT_MENU_ACTIONS: readonly (string | null)[] = [
  'review.acceptPrediction',
  'review.rejectPrediction',
  null,
  'editor.duplicate',
  'editor.copy',
  'editor.paste',
  'editor.delete',
  null,
  'editor.bringForward',
  'editor.sendBackward',
  'editor.hide',
  'editor.lock',
];
