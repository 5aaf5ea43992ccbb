import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const displays = vi.hoisted(() => ({
  all: [] as { id: number; workArea: { x: number; y: number; width: number; height: number } }[],
  primary: 1,
}));
vi.mock('electron', () => ({
  screen: {
    getAllDisplays: () => displays.all,
    getPrimaryDisplay: () => displays.all.find((d) => d.id === displays.primary),
  },
}));

const { rememberWindowState, restoredPlacement } = await import('../../../../electron/main/windowState');
const { WindowStateFile } = await import('../../../../electron/services/desktop/windowStateFile');

let dir = '';
afterEach(async () => {
  vi.useRealTimers();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Listener = () => void;
function fakeWindow() {
  const listeners = new Map<string, Listener[]>();
  return {
    bounds: { x: 10, y: 40, width: 1000, height: 700 },
    maximized: false,
    on: (name: string, listener: Listener) => listeners.set(name, [...(listeners.get(name) ?? []), listener]),
    fire: (name: string) => listeners.get(name)?.forEach((l) => l()),
    isDestroyed: () => false,
    getNormalBounds() {
      return this.bounds;
    },
    isMaximized() {
      return this.maximized;
    },
  };
}

describe('window state glue', () => {
  it('saves moves after a pause and on close; the next start restores them on the display still there', async () => {
    dir = await mkdtemp(join(tmpdir(), 'window-glue-'));
    const file = new WindowStateFile(dir);
    displays.all = [
      { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
      { id: 2, workArea: { x: 1920, y: 0, width: 1920, height: 1040 } },
    ];
    const window = fakeWindow();
    rememberWindowState(window as never, file);
    window.bounds = { x: 2000, y: 100, width: 1200, height: 800 };
    window.maximized = true;
    window.fire('move');
    window.fire('maximize');
    window.fire('close');
    await vi.waitFor(async () => expect(await file.load()).not.toBeNull());
    expect(await restoredPlacement(file)).toEqual({ x: 2000, y: 100, width: 1200, height: 800, maximized: true });
    // The second monitor is unplugged: centred on the primary one, same size.
    displays.all = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
    expect(await restoredPlacement(file)).toEqual({ x: 360, y: 120, width: 1200, height: 800, maximized: true });
  });

  it('a burst of resize events writes once, after the pause', async () => {
    vi.useFakeTimers();
    const saves: unknown[] = [];
    const window = fakeWindow();
    rememberWindowState(window as never, { save: async (s: unknown) => void saves.push(s) } as never);
    for (let i = 0; i < 30; i += 1) window.fire('resize');
    expect(saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(saves).toEqual([{ bounds: window.bounds, maximized: false }]);
  });
});

describe('electron-builder registers the deep-link scheme', () => {
  it('its protocols entry names the scheme main listens for', async () => {
    const { DEEP_LINK_SCHEME } = await import('../../../../electron/services/desktop/deepLink');
    const config = createRequire(import.meta.url)('../../../../electron-builder.config.cjs') as {
      protocols?: { schemes: string[] }[];
    };
    expect(config.protocols?.flatMap((p) => p.schemes)).toEqual([DEEP_LINK_SCHEME]);
  });
});
