import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The real 'electron' package cannot be loaded in tests: the dialog records what would be shown.
const messageBoxes: { type: string; message: string }[] = [];
const errorBoxes: string[] = [];
vi.mock('electron', () => ({
  dialog: {
    showMessageBox: async (options: { type: string; message: string }) => {
      messageBoxes.push(options);
      return { response: 0 };
    },
    showErrorBox: (_title: string, message: string) => errorBoxes.push(message),
  },
}));

const { reportUncaughtErrors, watchRendererCrashes } = await import('../../../../electron/main/resilience');

type Gone = (event: unknown, details: { reason: string; exitCode: number }) => void;

/** A window stand-in: records the render-process-gone listener and reloads. */
function fakeWindow() {
  let gone: Gone | null = null;
  const window = {
    destroyed: false,
    reloads: 0,
    isDestroyed: () => window.destroyed,
    webContents: {
      on: (name: string, listener: Gone) => {
        if (name === 'render-process-gone') gone = listener;
      },
      reload: () => (window.reloads += 1),
    },
    crash: (reason: string) => gone!({}, { reason, exitCode: 1 }),
  };
  return window;
}

beforeEach(() => {
  messageBoxes.length = 0;
  errorBoxes.length = 0;
});

describe('resilience glue', () => {
  it('reloads a crashed window, tells the user, and logs the reason', () => {
    const logs: string[] = [];
    const window = fakeWindow();
    let recoveries = 0;
    watchRendererCrashes(
      window as never,
      (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields)}`),
      () => {
        recoveries += 1;
        return 2;
      },
    );
    window.crash('crashed');
    expect(window.reloads).toBe(1);
    expect(recoveries, 'drafts recovered before the reload').toBe(1);
    expect(messageBoxes).toEqual([
      expect.objectContaining({ type: 'warning', message: expect.stringMatching(/crashed and was reloaded/) }),
    ]);
    expect(messageBoxes[0]!.message).toMatch(/Edits on 2 images that had not been saved yet were recovered\./);
    expect(logs).toEqual([
      expect.stringMatching(/^error Renderer process gone .*"reason":"crashed".*"action":"reload"/),
    ]);
    window.crash('clean-exit');
    expect(window.reloads).toBe(1);
    expect(messageBoxes).toHaveLength(1);
    expect(recoveries, 'a clean exit recovers nothing').toBe(1);
  });

  it('stops reloading in a crash loop and does nothing to a destroyed window', () => {
    const window = fakeWindow();
    watchRendererCrashes(
      window as never,
      () => {},
      () => 0,
    );
    for (let i = 0; i < 5; i += 1) window.crash('oom');
    expect(window.reloads).toBe(3);
    expect(messageBoxes.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/Restart the app/) });
    const gone = fakeWindow();
    watchRendererCrashes(
      gone as never,
      () => {},
      () => 0,
    );
    gone.destroyed = true;
    gone.crash('crashed');
    expect(gone.reloads).toBe(0);
  });

  describe('process handlers', () => {
    let before: { exception: Set<unknown>; rejection: Set<unknown> };
    beforeEach(() => {
      before = {
        exception: new Set(process.listeners('uncaughtException')),
        rejection: new Set(process.listeners('unhandledRejection')),
      };
    });
    afterEach(() => {
      for (const l of process.listeners('uncaughtException'))
        if (!before.exception.has(l)) process.off('uncaughtException', l);
      for (const l of process.listeners('unhandledRejection'))
        if (!before.rejection.has(l)) process.off('unhandledRejection', l);
    });

    it('log uncaught errors and rejections and show the first once', () => {
      const logs: string[] = [];
      reportUncaughtErrors((_level, message, fields) => logs.push(`${message} ${JSON.stringify(fields)}`));
      const onException = process.listeners('uncaughtException').find((l) => !before.exception.has(l))!;
      const onRejection = process.listeners('unhandledRejection').find((l) => !before.rejection.has(l))!;
      onException(new Error('boom'), 'uncaughtException');
      onRejection(new Error('later'), Promise.resolve());
      expect(logs).toEqual([
        expect.stringMatching(/^Uncaught error in main \(uncaughtException\) .*boom/),
        expect.stringMatching(/^Uncaught error in main \(unhandledRejection\) .*later/),
      ]);
      expect(errorBoxes).toEqual([expect.stringMatching(/^boom/)]);
    });
  });
});
