import type { Action } from '../../actions/types';
import type { BrowseView } from '../../../shared/ipc';

export interface BrowserActionDeps {
  view: BrowseView;
  setView(view: BrowseView): void;
  focusSearch(): void;
  /** Whether focus is in the grid or list (Enter opens only from there). */
  viewHasFocus(): boolean;
  canOpen(): boolean;
  openActive(): void;
  back(): void;
  filtered: boolean;
  clearFilters(): void;
  refresh(): void;
}

/** The browser's commands; DatasetScreen registers them while it is shown. */
export function browserActions(deps: BrowserActionDeps): Action[] {
  return [
    { id: 'browser.view.grid', label: 'Show as grid', group: 'View', keys: ['g'], run: () => deps.setView('grid') },
    { id: 'browser.view.list', label: 'Show as list', group: 'View', keys: ['l'], run: () => deps.setView('list') },
    {
      id: 'browser.search',
      label: 'Filter by filename',
      group: 'Edit',
      keys: ['/', 'Mod+f'],
      run: deps.focusSearch,
    },
    {
      id: 'browser.open',
      label: 'Open the selected image',
      group: 'Go',
      keys: ['Enter'],
      // Only from the grid or list: Enter on a button or a field keeps its own meaning.
      enabled: () => deps.viewHasFocus() && deps.canOpen(),
      run: deps.openActive,
    },
    { id: 'browser.back', label: 'Back to datasets', group: 'Go', keys: ['Escape'], run: deps.back },
    {
      id: 'browser.clearFilters',
      label: 'Clear filters',
      group: 'View',
      keys: [],
      enabled: () => deps.filtered,
      run: deps.clearFilters,
    },
    { id: 'browser.refresh', label: 'Re-index from the server', group: 'View', keys: [], run: deps.refresh },
  ];
}
