// No 'electron' import: the decision what to do when the renderer dies is plain logic, unit-tested
// (tests/unit/electron/main/rendererCrash.test.ts); electron/main/resilience.ts is the glue.

/** `render-process-gone` reasons (Electron's RenderProcessGoneDetails['reason']). */
export type GoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export type CrashDecision =
  { action: 'ignore' } | { action: 'reload'; message: string } | { action: 'stop'; message: string };

export interface CrashPolicyOptions {
  /** Reloads allowed inside `windowMs` before we stop (a page that crashes on load would loop forever). */
  maxReloads?: number;
  windowMs?: number;
  now?: () => number;
}

const WHY: Record<Exclude<GoneReason, 'clean-exit'>, string> = {
  'abnormal-exit': 'stopped unexpectedly',
  killed: 'was stopped by the system',
  crashed: 'crashed',
  oom: 'ran out of memory',
  'launch-failed': 'could not start',
  'integrity-failure': 'failed its code integrity check',
  'memory-eviction': 'was closed by the system to free memory',
};

/**
 * What survives, said plainly: saves go to main's durable outbox the moment they are made, so a
 * window crash loses only changes that were never saved (the editor autosaves; design §1).
 */
const KEPT = 'Everything you saved is kept, including changes waiting to sync.';

/**
 * Decides, per window, what a `render-process-gone` means: a clean exit is ignored; any other reason
 * reloads the window with a message; more than `maxReloads` within `windowMs` stops reloading (the
 * crash is on load, reloading again would loop) and tells the user to restart.
 */
export function createCrashPolicy({ maxReloads = 3, windowMs = 60_000, now = Date.now }: CrashPolicyOptions = {}) {
  const recent: number[] = [];
  return (details: { reason: string; exitCode?: number }): CrashDecision => {
    const reason = details.reason as GoneReason;
    if (reason === 'clean-exit') return { action: 'ignore' };
    const why = WHY[reason as Exclude<GoneReason, 'clean-exit'>] ?? `stopped (${String(details.reason).slice(0, 40)})`;
    const at = now();
    while (recent.length > 0 && at - recent[0]! > windowMs) recent.shift();
    recent.push(at);
    if (recent.length > maxReloads) {
      return {
        action: 'stop',
        message: `The Pictograph Review window ${why} again, ${recent.length} times in a minute, so it was not reloaded. ${KEPT} Restart the app; if this keeps happening, use Help → Copy diagnostics and report it.`,
      };
    }
    return { action: 'reload', message: `The Pictograph Review window ${why} and was reloaded. ${KEPT}` };
  };
}

/**
 * The crash message with what recovery did: the editor stashes every step in main, and main turns
 * those drafts into saves before the window reloads (electron/services/drafts/).
 */
export function withRecoveredEdits(decision: CrashDecision, images: number): CrashDecision {
  if (decision.action === 'ignore' || images === 0) return decision;
  const what = images === 1 ? 'one image' : `${images} images`;
  return {
    ...decision,
    message: `${decision.message} Edits on ${what} that had not been saved yet were recovered.`,
  };
}

/**
 * An uncaught error in main: every one is logged, only the first is shown (a failing timer must not
 * stack a hundred dialogs). The message shown carries no stack and is cut short; the log has it all.
 */
export function createFatalReporter(deps: {
  log: (level: 'error', message: string, fields?: Record<string, unknown>) => void;
  show: (title: string, message: string) => void;
}) {
  let shown = false;
  return (kind: 'uncaughtException' | 'unhandledRejection', error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    try {
      deps.log('error', `Uncaught error in main (${kind})`, {
        message,
        stack: error instanceof Error ? error.stack : undefined,
      });
    } catch {
      // The logger never throws, but this runs in the last-resort handler: be certain.
    }
    if (shown) return;
    shown = true;
    try {
      deps.show(
        'Pictograph Review hit an unexpected error',
        `${message.slice(0, 300)}\n\nThe app keeps running; the details are in its log (Help → Copy diagnostics).`,
      );
    } catch {
      // No dialog possible (before ready, or headless): the log line is enough.
    }
  };
}
