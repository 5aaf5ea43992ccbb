import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayArea } from '../../../../../electron/services/desktop/windowBounds';
import { parseWindowState, restoreBounds } from '../../../../../electron/services/desktop/windowBounds';
import { WindowStateFile } from '../../../../../electron/services/desktop/windowStateFile';

const LIMITS = { width: 1360, height: 860, minWidth: 960, minHeight: 640 };
const laptop: DisplayArea = { workArea: { x: 0, y: 25, width: 1440, height: 875 }, primary: true };
const wideRight: DisplayArea = { workArea: { x: 1440, y: 0, width: 2560, height: 1400 }, primary: false };
/** A monitor to the left of and above the primary one: negative coordinates are normal there. */
const leftAbove: DisplayArea = { workArea: { x: -1920, y: -300, width: 1920, height: 1040 }, primary: false };
const saved = (x: number, y: number, width = 1200, height = 800, maximized = false) => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('restoreBounds', () => {
  it('no saved state: the default size centred on the primary display', () => {
    expect(restoreBounds(null, [wideRight, laptop], LIMITS)).toEqual({
      x: 40,
      y: 33,
      width: 1360,
      height: 860,
      maximized: false,
    });
  });

  it('a position still on a connected display is kept, maximised state too', () => {
    expect(restoreBounds(saved(1600, 100, 1800, 1000, true), [laptop, wideRight], LIMITS)).toEqual({
      x: 1600,
      y: 100,
      width: 1800,
      height: 1000,
      maximized: true,
    });
  });

  it('negative coordinates on a monitor left of and above the primary are kept', () => {
    expect(restoreBounds(saved(-1700, -200), [laptop, leftAbove], LIMITS)).toMatchObject({ x: -1700, y: -200 });
  });

  it('the monitor it was on is gone: saved size centred on the primary display', () => {
    expect(restoreBounds(saved(1600, 100, 1200, 800), [laptop], LIMITS)).toEqual({
      x: 120,
      y: 63,
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(restoreBounds(saved(-1700, -200), [laptop], LIMITS)).toMatchObject({ x: 120, y: 63 });
  });

  it('a smaller monitor now: the size is clamped to its work area and the window pulled inside', () => {
    expect(restoreBounds(saved(300, 100, 2400, 1300), [laptop], LIMITS)).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
      maximized: false,
    });
  });

  it('only a sliver of the title bar on screen counts as off screen', () => {
    // 50 px of the window's top edge on the laptop: too little to grab with the mouse.
    expect(restoreBounds(saved(1390, 100), [laptop], LIMITS)).toMatchObject({ x: 120, y: 63 });
    // Title bar above the top of every display (only the lower part shows): not reachable either.
    expect(restoreBounds(saved(100, -500), [laptop], LIMITS)).toMatchObject({ x: 120, y: 63 });
  });

  it('a window sticking out of its display is moved back inside it', () => {
    expect(restoreBounds(saved(1000, 500, 1200, 800), [laptop], LIMITS)).toEqual({
      x: 240,
      y: 100,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('a saved size under the minimum grows to it', () => {
    expect(restoreBounds(saved(10, 30, 200, 100), [laptop], LIMITS)).toMatchObject({ width: 960, height: 640 });
  });

  it('no display known: size only, the OS places it', () => {
    expect(restoreBounds(saved(10, 30), [], LIMITS)).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('no display flagged primary: the first one is used', () => {
    expect(restoreBounds(null, [{ ...laptop, primary: false }], LIMITS)).toMatchObject({ x: 40, y: 33 });
  });
});

describe('parseWindowState', () => {
  it('reads what was saved', () => {
    expect(parseWindowState(JSON.stringify(saved(-5, 7, 1000, 700, true)))).toEqual(saved(-5, 7, 1000, 700, true));
  });

  it.each([
    ['not JSON', '{bounds:'],
    ['empty', ''],
    ['null', 'null'],
    ['an array', '[1,2,3,4]'],
    ['no maximized', JSON.stringify({ bounds: { x: 0, y: 0, width: 1000, height: 700 } })],
    ['maximized a string', JSON.stringify({ ...saved(0, 0), maximized: 'yes' })],
    ['a string coordinate', JSON.stringify({ bounds: { x: '0', y: 0, width: 1000, height: 700 }, maximized: false })],
    ['zero width', JSON.stringify(saved(0, 0, 0, 700))],
    ['negative height', JSON.stringify(saved(0, 0, 1000, -700))],
    ['huge coordinate', JSON.stringify(saved(1e12, 0))],
    ['NaN via null', '{"bounds":{"x":null,"y":0,"width":1000,"height":700},"maximized":false}'],
  ])('%s → null', (_label, text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('WindowStateFile', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('saves atomically and loads back; garbage on disk loads as null with a warning', async () => {
    dir = await mkdtemp(join(tmpdir(), 'window-state-'));
    const warnings: string[] = [];
    const file = new WindowStateFile(dir, (level, message) => warnings.push(`${level} ${message}`));
    expect(await file.load()).toBeNull();
    await file.save(saved(-100, 20, 1100, 720, true));
    expect(await file.load()).toEqual(saved(-100, 20, 1100, 720, true));
    expect(JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'))).toEqual(
      saved(-100, 20, 1100, 720, true),
    );
    await writeFile(join(dir, 'window-state.json'), '\u0000\u0001garbage');
    expect(await file.load()).toBeNull();
    expect(warnings).toEqual(['warn Window state file is not usable; the window opens centred']);
  });

  it('a save that cannot write is logged, not thrown', async () => {
    dir = await mkdtemp(join(tmpdir(), 'window-state-'));
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be');
    const warnings: string[] = [];
    const file = new WindowStateFile(join(dir, 'blocker'), (level, message) => warnings.push(`${level} ${message}`));
    await expect(file.save(saved(0, 0))).resolves.toBeUndefined();
    expect(warnings).toEqual(['warn Could not save the window state']);
  });
});
