import type { ActionDescriptor, EventName, OpenImageTarget } from '../../../shared/ipc';
import type { Emit } from '../events';
import type { Log } from '../log';
import { parseDeepLink } from './deepLink';
import type { DesktopNote } from './notifications';
import { freshNotificationMemory, notificationFor } from './notifications';
import { ProgressAggregator } from './progress';

/**
 * What the native shell does for us (electron/main/desktopShell.ts; the harness records it): show
 * the application menu for the renderer's actions, set taskbar/dock progress, bring the window up.
 */
export interface DesktopShell {
  setMenu(actions: readonly ActionDescriptor[]): void;
  /** A fraction 0–1, -1 for none, >1 for indeterminate (BrowserWindow.setProgressBar's contract). */
  setProgress(value: number): void;
  focusWindow(): void;
  /** Puts plain text on the system clipboard (Electron's clipboard; the harness records it). */
  copyText(text: string): void;
}

export const NO_SHELL: DesktopShell = {
  setMenu: () => {},
  setProgress: () => {},
  focusWindow: () => {},
  copyText: () => {},
};

export interface DesktopIntegrationDeps {
  emit: Emit;
  shell: DesktopShell;
  notify(note: DesktopNote): void;
  log: Log;
}

/**
 * The desktop's decisions in one place, built by the core for Electron and the harness alike: which
 * events become notifications and progress, which menu clicks are real actions, which deep links
 * open an image and when the renderer is ready to hear them.
 */
export class DesktopIntegration {
  readonly #deps: DesktopIntegrationDeps;
  readonly #notes = freshNotificationMemory();
  readonly #progress = new ProgressAggregator();
  #actions = new Map<string, ActionDescriptor>();
  #rendererListening = false;
  #pending: OpenImageTarget | null = null;

  constructor(deps: DesktopIntegrationDeps) {
    this.#deps = deps;
  }

  /** Every event main pushes passes here (core's emit). */
  observe(name: EventName, payload: unknown): void {
    const note = notificationFor(name, payload, this.#notes);
    if (note) this.#deps.notify(note);
    const progress = this.#progress.update(name, payload as never);
    if (progress !== undefined) this.#deps.shell.setProgress(progress);
  }

  /** The renderer's current actions (already validated by the channel's schema). */
  publishActions(actions: readonly ActionDescriptor[]): number {
    this.#actions = new Map(actions.map((action) => [action.id, action]));
    this.#deps.shell.setMenu(actions);
    return actions.length;
  }

  /**
   * A menu item was chosen. Only an id the renderer published and said was enabled goes back to it
   * (the renderer checks its registry again: the action may have gone since).
   */
  menuClicked(id: string): boolean {
    const action = this.#actions.get(id);
    if (!action?.enabled) {
      this.#deps.log('warn', 'Menu click for an unknown or disabled action ignored', { id: String(id).slice(0, 100) });
      return false;
    }
    this.#deps.emit('event:menu-action', { id });
    return true;
  }

  /**
   * A `pictograph-review://` link from the OS. A bad one is logged (truncated) and dropped; a good
   * one raises the window and is sent now, or kept for the renderer's `deepLink:take` at start.
   */
  openDeepLink(url: unknown): boolean {
    const parsed = parseDeepLink(url);
    if (!parsed.ok) {
      this.#deps.log('warn', 'Refused a deep link', { reason: parsed.reason, url: String(url).slice(0, 120) });
      return false;
    }
    this.#deps.shell.focusWindow();
    if (this.#rendererListening) this.#deps.emit('event:open-image', parsed.target);
    else this.#pending = parsed.target;
    return true;
  }

  /** The renderer listens from now on; the link that arrived before it did, once. */
  takePendingLink(): OpenImageTarget | null {
    this.#rendererListening = true;
    const pending = this.#pending;
    this.#pending = null;
    return pending;
  }
}
