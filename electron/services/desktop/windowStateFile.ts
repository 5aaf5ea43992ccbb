import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomicFile';
import type { Log } from '../log';
import type { SavedWindowState } from './windowBounds';
import { parseWindowState } from './windowBounds';

/** userData/window-state.json: the main window's normal bounds and maximised state. */
export const WINDOW_STATE_FILE = 'window-state.json';

/**
 * Reads and writes the window state. A missing or unreadable file is just "no saved state" (the
 * window opens centred): it is a convenience, never a reason to fail a start.
 */
export class WindowStateFile {
  readonly path: string;
  readonly #log: Log;

  constructor(userDataDir: string, log: Log = () => {}) {
    this.path = join(userDataDir, WINDOW_STATE_FILE);
    this.#log = log;
  }

  async load(): Promise<SavedWindowState | null> {
    const text = await readFile(this.path, 'utf8').catch(() => null);
    if (text === null) return null;
    const state = parseWindowState(text);
    if (!state) this.#log('warn', 'Window state file is not usable; the window opens centred', { path: this.path });
    return state;
  }

  /** Atomic (a crash mid-write leaves the old state); failures are logged, never thrown. */
  async save(state: SavedWindowState): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(state)}\n`).catch((error: unknown) =>
      this.#log('warn', 'Could not save the window state', { error: String(error) }),
    );
  }
}
