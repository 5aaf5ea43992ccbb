import { describe, expect, it } from 'vitest';
import type { CatalogIndexStatus } from '../../../../shared/ipc';
import { createAppStore } from '../../../../renderer/store/appStore';
import {
  DEFAULT_BROWSE_QUERY,
  selectActiveIndexing,
  selectBrowseQuery,
  selectBrowseRestored,
  selectBrowseView,
  selectCatalogIndex,
} from '../../../../renderer/store/browseSlice';

const status = (datasetId: string, state: CatalogIndexStatus['state'], indexed = 0): CatalogIndexStatus => ({
  datasetId,
  state,
  indexed,
  total: 100,
  indexedAt: null,
  error: null,
});

describe('browse slice', () => {
  it('answers the default query and grid view for a dataset never touched', () => {
    const state = createAppStore().getState();
    expect(selectBrowseQuery('d1')(state)).toEqual(DEFAULT_BROWSE_QUERY);
    expect(selectBrowseView('d1')(state)).toBe('grid');
    expect(selectBrowseRestored('d1')(state)).toBe(false);
  });

  it('keeps query and view per dataset', () => {
    const store = createAppStore();
    store.getState().browseQueryChanged('d1', { sort: 'confidence', statuses: ['new'] });
    store.getState().browseViewChanged('d1', 'list');
    store.getState().browseViewChanged('d2', 'list');
    const state = store.getState();
    expect(selectBrowseQuery('d1')(state)).toEqual({ sort: 'confidence', statuses: ['new'] });
    expect(selectBrowseView('d1')(state)).toBe('list');
    expect(selectBrowseQuery('d2')(state)).toEqual(DEFAULT_BROWSE_QUERY);
  });

  it('applies restored state once, and never over a choice the user already made', () => {
    const store = createAppStore();
    store.getState().browseStateRestored('d1', { query: { sort: 'updated' }, view: 'list' });
    expect(selectBrowseView('d1')(store.getState())).toBe('list');
    expect(selectBrowseRestored('d1')(store.getState())).toBe(true);
    // A second (late) answer does not undo what is on screen.
    store.getState().browseViewChanged('d1', 'grid');
    store.getState().browseStateRestored('d1', { query: { sort: 'filename' }, view: 'list' });
    expect(selectBrowseView('d1')(store.getState())).toBe('grid');

    store.getState().browseQueryChanged('d2', { sort: 'annotations' });
    store.getState().browseStateRestored('d2', { query: { sort: 'updated' }, view: 'list' });
    expect(selectBrowseQuery('d2')(store.getState())).toEqual({ sort: 'annotations' });

    store.getState().browseStateRestored('d3', null);
    expect(selectBrowseRestored('d3')(store.getState())).toBe(true);
    expect(selectBrowseQuery('d3')(store.getState())).toEqual(DEFAULT_BROWSE_QUERY);
  });

  it('records indexing progress per dataset and finds the one indexing now', () => {
    const store = createAppStore();
    store.getState().catalogIndexChanged(status('d1', 'ready', 100));
    expect(selectActiveIndexing(store.getState())).toBeNull();
    store.getState().catalogIndexChanged(status('d2', 'indexing', 40));
    expect(selectActiveIndexing(store.getState())).toMatchObject({ datasetId: 'd2', indexed: 40 });
    expect(selectCatalogIndex('d1')(store.getState())?.state).toBe('ready');
    expect(selectCatalogIndex('nope')(store.getState())).toBeNull();
  });
});

describe('toast slice', () => {
  it('stacks at most four toasts, folds repeats into one and dismisses by id', () => {
    const store = createAppStore();
    const first = store
      .getState()
      .toastShown('Save failed', { code: 'server_error', message: 'boom', requestId: 'r1' });
    expect(store.getState().toastShown('Save failed', { code: 'server_error', message: 'boom again' })).toBe(first);
    for (let i = 0; i < 5; i++) store.getState().toastShown(`Other ${i}`, { code: 'network', message: 'down' });
    expect(store.getState().toasts.map((t) => t.title)).toEqual(['Other 1', 'Other 2', 'Other 3', 'Other 4']);
    const id = store.getState().toasts[0]!.id;
    store.getState().toastDismissed(id);
    expect(store.getState().toasts).toHaveLength(3);
  });
});

describe('theme', () => {
  it('follows the OS until a theme is chosen, then keeps the choice', () => {
    const store = createAppStore('light');
    expect(store.getState()).toMatchObject({ theme: 'light', themePreference: 'system' });
    store.getState().systemThemeChanged('dark');
    expect(store.getState().theme).toBe('dark');
    store.getState().themeToggled();
    expect(store.getState()).toMatchObject({ theme: 'light', themePreference: 'light' });
    store.getState().systemThemeChanged('dark');
    expect(store.getState().theme).toBe('light');
    store.getState().themePreferenceChanged('system');
    expect(store.getState().theme).toBe('dark');
    expect(createAppStore('light', 'dark').getState().theme).toBe('dark');
  });
});
