import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../shared/api';
import { createAppStore } from '../../../../renderer/store/appStore';
import { selectOpenDataset } from '../../../../renderer/store/selectors';

const dataset = (id: string, name: string): Dataset => ({
  id,
  name,
  slug: name.toLowerCase(),
  description: null,
  image_count: 1,
  completed_image_count: 0,
  annotation_count: 0,
  annotation_types: [],
  classes: [],
  created_at: '2024-01-01T00:00:00.000Z',
  updated_at: '2024-01-01T00:00:00.000Z',
});

describe('datasets slice', () => {
  it('loads, fails and retries without losing the list it already has', () => {
    const store = createAppStore();
    const first = store.getState().datasetsRequested();
    expect(store.getState()).toMatchObject({ datasetsLoading: true, datasets: null });
    store.getState().datasetsLoaded(first, [dataset('a', 'A')]);
    expect(store.getState()).toMatchObject({ datasetsLoading: false, datasetsError: null });

    const refresh = store.getState().datasetsRequested();
    store.getState().datasetsFailed(refresh, { code: 'network', message: 'down' });
    expect(store.getState().datasets?.map((d) => d.id)).toEqual(['a']);
    expect(store.getState().datasetsError?.code).toBe('network');

    const retry = store.getState().datasetsRequested();
    expect(store.getState().datasetsError).toBeNull();
    store.getState().datasetsLoaded(retry, [dataset('a', 'A'), dataset('b', 'B')]);
    expect(store.getState().datasets).toHaveLength(2);
  });

  it('drops an older answer that arrives after a newer request', () => {
    const store = createAppStore();
    const slow = store.getState().datasetsRequested();
    const fast = store.getState().datasetsRequested();
    store.getState().datasetsLoaded(fast, [dataset('new', 'New')]);
    store.getState().datasetsLoaded(slow, [dataset('old', 'Old')]);
    store.getState().datasetsFailed(slow, { code: 'timeout', message: 'late' });
    expect(store.getState().datasets?.map((d) => d.id)).toEqual(['new']);
    expect(store.getState().datasetsError).toBeNull();
  });

  it('a load from before sign-out cannot refill the list afterwards', () => {
    const store = createAppStore();
    const token = store.getState().datasetsRequested();
    store.getState().datasetsCleared();
    store.getState().datasetsLoaded(token, [dataset('a', 'A')]);
    expect(store.getState()).toMatchObject({ datasets: null, datasetsLoading: false });
  });
});

describe('ui slice', () => {
  it('toggles the theme, dark by default', () => {
    const store = createAppStore();
    expect(store.getState().theme).toBe('dark');
    store.getState().themeToggled();
    expect(store.getState().theme).toBe('light');
    store.getState().themeChanged('dark');
    expect(store.getState().theme).toBe('dark');
    expect(createAppStore('light').getState().theme).toBe('light');
  });

  it('opens a dataset from the list and goes back', () => {
    const store = createAppStore();
    const token = store.getState().datasetsRequested();
    store.getState().datasetsLoaded(token, [dataset('a', 'A')]);
    store.getState().datasetOpened('a');
    expect(selectOpenDataset(store.getState())?.name).toBe('A');
    store.getState().datasetOpened('missing');
    expect(selectOpenDataset(store.getState())).toBeNull();
    store.getState().datasetsShown();
    expect(store.getState().screen).toEqual({ name: 'datasets' });
  });
});
