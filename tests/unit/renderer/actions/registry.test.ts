import { describe, expect, it, vi } from 'vitest';
import type { DispatchEvent } from '../../../../renderer/actions/registry';
import { createActionRegistry, isTextEntryTarget } from '../../../../renderer/actions/registry';
import type { Action } from '../../../../renderer/actions/types';

function keydown(key: string, mods: Partial<DispatchEvent> = {}): DispatchEvent & { prevented: boolean } {
  const event = {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    target: { tagName: 'DIV' },
    defaultPrevented: false,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
    ...mods,
  };
  return event;
}

function action(id: string, keys: string[], extra: Partial<Action> = {}): Action & { run: ReturnType<typeof vi.fn> } {
  return { id, label: id, group: 'View', keys, run: vi.fn(), ...extra } as Action & { run: ReturnType<typeof vi.fn> };
}

describe('action registry dispatch', () => {
  it('runs the matching action and prevents the default', () => {
    const registry = createActionRegistry({ isMac: false });
    const next = action('viewer.next', ['d', 'ArrowRight']);
    registry.register([next]);
    const event = keydown('ArrowRight');
    expect(registry.dispatch(event)).toBe(true);
    expect(next.run).toHaveBeenCalledTimes(1);
    expect(event.prevented).toBe(true);
  });

  it('leaves unmatched keys alone', () => {
    const registry = createActionRegistry({ isMac: false });
    const next = action('viewer.next', ['d']);
    registry.register([next]);
    const event = keydown('x');
    expect(registry.dispatch(event)).toBe(false);
    expect(event.prevented).toBe(false);
    expect(next.run).not.toHaveBeenCalled();
  });

  it('Mod is Ctrl off macOS and Cmd on macOS', () => {
    const pc = createActionRegistry({ isMac: false });
    const mac = createActionRegistry({ isMac: true });
    const pcReset = action('viewer.zoom100', ['Mod+0']);
    const macReset = action('viewer.zoom100', ['Mod+0']);
    pc.register([pcReset]);
    mac.register([macReset]);

    expect(pc.dispatch(keydown('0', { metaKey: true }))).toBe(false);
    expect(pc.dispatch(keydown('0', { ctrlKey: true }))).toBe(true);
    expect(mac.dispatch(keydown('0', { ctrlKey: true }))).toBe(false);
    expect(mac.dispatch(keydown('0', { metaKey: true }))).toBe(true);
    expect(pcReset.run).toHaveBeenCalledTimes(1);
    expect(macReset.run).toHaveBeenCalledTimes(1);
    // A plain 0 is not Mod+0.
    expect(pc.dispatch(keydown('0'))).toBe(false);
  });

  it('skips keys typed into text fields, except Escape', () => {
    const registry = createActionRegistry({ isMac: false });
    const next = action('viewer.next', ['d']);
    const back = action('browser.back', ['Escape']);
    registry.register([next, back]);
    for (const target of [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'INPUT', type: 'number' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(registry.dispatch(keydown('d', { target })), JSON.stringify(target)).toBe(false);
    }
    expect(next.run).not.toHaveBeenCalled();
    expect(registry.dispatch(keydown('Escape', { target: { tagName: 'INPUT', type: 'search' } }))).toBe(true);
    expect(back.run).toHaveBeenCalledTimes(1);
    // A checkbox is not text entry: its keys still reach shortcuts.
    expect(registry.dispatch(keydown('d', { target: { tagName: 'INPUT', type: 'checkbox' } }))).toBe(true);
  });

  it('does not run a disabled action and lets an enabled one with the same key run instead', () => {
    const registry = createActionRegistry({ isMac: false });
    const older = action('browser.open', ['Enter']);
    const newer = action('dialog.confirm', ['Enter'], { enabled: () => false });
    registry.register([older]);
    registry.register([newer]);
    expect(registry.dispatch(keydown('Enter'))).toBe(true);
    expect(newer.run).not.toHaveBeenCalled();
    expect(older.run).toHaveBeenCalledTimes(1);
  });

  it('a disabled action alone leaves the event untouched; a throwing enabled() counts as disabled', () => {
    const registry = createActionRegistry({ isMac: false });
    const off = action('a', ['a'], { enabled: () => false });
    const broken = action('b', ['b'], {
      enabled: () => {
        throw new Error('bug');
      },
    });
    registry.register([off, broken]);
    const event = keydown('a');
    expect(registry.dispatch(event)).toBe(false);
    expect(event.prevented).toBe(false);
    expect(registry.dispatch(keydown('b'))).toBe(false);
    expect(registry.run('a')).toBe(false);
  });

  it('the newest registration wins a shared key', () => {
    const registry = createActionRegistry({ isMac: false });
    const screen = action('browser.back', ['Escape']);
    const dialog = action('shortcuts.close', ['Escape']);
    registry.register([screen]);
    const remove = registry.register([dialog]);
    registry.dispatch(keydown('Escape'));
    expect(dialog.run).toHaveBeenCalledTimes(1);
    expect(screen.run).not.toHaveBeenCalled();
    remove();
    registry.dispatch(keydown('Escape'));
    expect(screen.run).toHaveBeenCalledTimes(1);
  });

  it('ignores events a widget already handled and IME composition', () => {
    const registry = createActionRegistry({ isMac: false });
    const next = action('viewer.next', ['ArrowRight']);
    registry.register([next]);
    expect(registry.dispatch(keydown('ArrowRight', { defaultPrevented: true }))).toBe(false);
    expect(registry.dispatch(keydown('ArrowRight', { isComposing: true }))).toBe(false);
    expect(next.run).not.toHaveBeenCalled();
  });
});

describe('action registry bookkeeping', () => {
  it('lists one entry per id, notifies on change and unregisters', () => {
    const registry = createActionRegistry({ isMac: false });
    const listener = vi.fn();
    registry.subscribe(listener);
    const v0 = registry.version();
    const removeA = registry.register([action('a', ['a']), action('b', ['b'])]);
    const removeB = registry.register([action('b', ['x'])]);
    expect(registry.list().map((entry) => `${entry.id}:${entry.keys.join()}`)).toEqual(['a:a', 'b:x']);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(registry.version()).not.toBe(v0);
    removeB();
    expect(registry.list().map((entry) => `${entry.id}:${entry.keys.join()}`)).toEqual(['a:a', 'b:b']);
    removeA();
    removeA();
    expect(registry.list()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('run() by id honours enabled()', () => {
    const registry = createActionRegistry({ isMac: false });
    let on = false;
    const toggle = action('app.theme', [], { enabled: () => on });
    registry.register([toggle]);
    expect(registry.run('app.theme')).toBe(false);
    on = true;
    expect(registry.run('app.theme')).toBe(true);
    expect(registry.run('missing')).toBe(false);
    expect(toggle.run).toHaveBeenCalledTimes(1);
  });
});

describe('isTextEntryTarget', () => {
  it.each([
    [null, false],
    ['INPUT', false],
    [{ tagName: 'INPUT' }, true],
    [{ tagName: 'input', type: 'email' }, true],
    [{ tagName: 'INPUT', type: 'radio' }, false],
    [{ tagName: 'BUTTON' }, false],
    [{ tagName: 'DIV', isContentEditable: false }, false],
  ])('%j → %s', (target, expected) => {
    expect(isTextEntryTarget(target)).toBe(expected);
  });
});
