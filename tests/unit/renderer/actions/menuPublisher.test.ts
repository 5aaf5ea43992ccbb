import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActionRegistry } from '../../../../renderer/actions/registry';
import { describeActions, startMenuPublishing } from '../../../../renderer/actions/menuPublisher';
import type { Action } from '../../../../renderer/actions/types';

const action = (patch: Partial<Action> & { id: string }): Action => ({
  label: patch.id,
  group: 'View',
  keys: [],
  run: () => {},
  ...patch,
});

afterEach(() => vi.useRealTimers());

describe('describeActions', () => {
  it('gives id, label, group, keys and the current enabled state, newest registration per id', () => {
    const registry = createActionRegistry({ isMac: false });
    let canGo = false;
    registry.register([action({ id: 'viewer.next', group: 'Go', keys: ['ArrowRight'], enabled: () => canGo })]);
    registry.register([action({ id: 'app.theme', label: ' Theme ', keys: ['Shift+T'] })]);
    expect(describeActions(registry)).toEqual([
      { id: 'viewer.next', label: 'viewer.next', group: 'Go', keys: ['ArrowRight'], enabled: false },
      { id: 'app.theme', label: 'Theme', group: 'View', keys: ['Shift+T'], enabled: true },
    ]);
    canGo = true;
    expect(describeActions(registry)[0]?.enabled).toBe(true);
  });

  it('leaves out what main would refuse (the whole list would be refused for one)', () => {
    const registry = createActionRegistry({ isMac: false });
    registry.register([
      action({ id: 'bad id with spaces' }),
      action({ id: 'blank.label', label: '  ' }),
      action({ id: 'ok.one', keys: ['', 'x'.repeat(41), 'd'] }),
    ]);
    expect(describeActions(registry)).toEqual([
      { id: 'ok.one', label: 'ok.one', group: 'View', keys: ['d'], enabled: true },
    ]);
  });
});

describe('startMenuPublishing', () => {
  it('publishes at once, then once per burst of changes, and never the same list twice', async () => {
    vi.useFakeTimers();
    const registry = createActionRegistry({ isMac: false });
    const storeListeners = new Set<() => void>();
    const published: string[][] = [];
    let enabled = true;
    registry.register([action({ id: 'app.theme', enabled: () => enabled })]);
    const stop = startMenuPublishing({
      registry,
      subscribe: [(listener) => (storeListeners.add(listener), () => storeListeners.delete(listener))],
      publish: (actions) => published.push(actions.map((a) => `${a.id}:${a.enabled}`)),
      debounceMs: 100,
    });
    expect(published).toEqual([['app.theme:true']]);
    const unregister = registry.register([action({ id: 'viewer.next' })]);
    unregister();
    registry.register([action({ id: 'viewer.prev' })]);
    await vi.advanceTimersByTimeAsync(150);
    expect(published).toEqual([['app.theme:true'], ['app.theme:true', 'viewer.prev:true']]);
    // A store change that changes nothing sends nothing; one that flips enabled() does.
    storeListeners.forEach((l) => l());
    await vi.advanceTimersByTimeAsync(150);
    expect(published).toHaveLength(2);
    enabled = false;
    storeListeners.forEach((l) => l());
    await vi.advanceTimersByTimeAsync(150);
    expect(published[2]).toEqual(['app.theme:false', 'viewer.prev:true']);
    stop();
    expect(storeListeners.size).toBe(0);
    registry.register([action({ id: 'after.stop' })]);
    await vi.advanceTimersByTimeAsync(150);
    expect(published).toHaveLength(3);
  });
});
