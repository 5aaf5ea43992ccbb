import type { Action } from '../actions/types';

/** What the viewer's actions do; the screen supplies them (the editor adds its own actions beside). */
export interface ViewerCommands {
  next(): void;
  previous(): void;
  canNext(): boolean;
  canPrevious(): boolean;
  back(): void;
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  actualSize(): void;
  pan(dx: number, dy: number): void;
}

/** Screen pixels one Shift+arrow press moves the picture. */
export const PAN_STEP = 80;

/** The viewer's shortcuts and buttons, registered with the action registry while it is open. */
export function viewerActions(commands: ViewerCommands): Action[] {
  return [
    {
      id: 'viewer.next',
      label: 'Next image',
      group: 'Go',
      keys: ['d', 'ArrowRight'],
      enabled: commands.canNext,
      run: commands.next,
    },
    {
      id: 'viewer.previous',
      label: 'Previous image',
      group: 'Go',
      keys: ['a', 'ArrowLeft'],
      enabled: commands.canPrevious,
      run: commands.previous,
    },
    { id: 'viewer.back', label: 'Back to the dataset', group: 'Go', keys: ['Escape'], run: commands.back },
    { id: 'viewer.zoomIn', label: 'Zoom in', group: 'View', keys: ['+', '='], run: commands.zoomIn },
    { id: 'viewer.zoomOut', label: 'Zoom out', group: 'View', keys: ['-'], run: commands.zoomOut },
    { id: 'viewer.fit', label: 'Fit to window', group: 'View', keys: ['0', 'f'], run: commands.fit },
    { id: 'viewer.actualSize', label: 'Actual size (100 %)', group: 'View', keys: ['1'], run: commands.actualSize },
    {
      id: 'viewer.panLeft',
      label: 'Pan left',
      group: 'View',
      keys: ['Shift+ArrowLeft'],
      run: () => commands.pan(PAN_STEP, 0),
    },
    {
      id: 'viewer.panRight',
      label: 'Pan right',
      group: 'View',
      keys: ['Shift+ArrowRight'],
      run: () => commands.pan(-PAN_STEP, 0),
    },
    {
      id: 'viewer.panUp',
      label: 'Pan up',
      group: 'View',
      keys: ['Shift+ArrowUp'],
      run: () => commands.pan(0, PAN_STEP),
    },
    {
      id: 'viewer.panDown',
      label: 'Pan down',
      group: 'View',
      keys: ['Shift+ArrowDown'],
      run: () => commands.pan(0, -PAN_STEP),
    },
  ];
}
