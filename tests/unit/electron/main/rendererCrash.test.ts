import { describe, expect, it } from 'vitest';
import { createCrashPolicy, createFatalReporter, withRecoveredEdits } from '../../../../electron/main/rendererCrash';

describe('renderer crash policy', () => {
  it('ignores a clean exit and reloads with a message on every kind of crash', () => {
    const decide = createCrashPolicy({ maxReloads: 100 });
    expect(decide({ reason: 'clean-exit', exitCode: 0 })).toEqual({ action: 'ignore' });
    for (const [reason, words] of [
      ['crashed', 'crashed'],
      ['oom', 'ran out of memory'],
      ['killed', 'stopped by the system'],
      ['abnormal-exit', 'stopped unexpectedly'],
      ['launch-failed', 'could not start'],
      ['integrity-failure', 'integrity'],
      ['memory-eviction', 'free memory'],
    ] as const) {
      const decision = decide({ reason, exitCode: 1 });
      expect(decision.action, reason).toBe('reload');
      expect(decision.action === 'reload' && decision.message).toMatch(new RegExp(`window ${words}|${words}`));
      // The message says what survived, so the user knows whether to redo work.
      expect(decision.action === 'reload' && decision.message).toMatch(/Everything you saved is kept/);
    }
  });

  it('stops reloading after a crash loop, and reloads again once the window of time has passed', () => {
    let now = 0;
    const decide = createCrashPolicy({ maxReloads: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i += 1) {
      now += 1_000;
      expect(decide({ reason: 'crashed' }).action).toBe('reload');
    }
    now += 1_000;
    const stopped = decide({ reason: 'crashed' });
    expect(stopped.action).toBe('stop');
    expect(stopped.action === 'stop' && stopped.message).toMatch(/4 times in a minute.*Restart the app/);
    now += 61_000;
    expect(decide({ reason: 'crashed' }).action).toBe('reload');
  });

  it('names an unknown reason without echoing an unbounded string', () => {
    const decision = createCrashPolicy()({ reason: `weird-${'x'.repeat(10_000)}` });
    expect(decision.action).toBe('reload');
    expect(decision.action === 'reload' && decision.message.length).toBeLessThan(300);
  });
});

describe('uncaught errors in main', () => {
  it('logs every one and shows only the first, without its stack', () => {
    const logged: unknown[] = [];
    const shown: string[] = [];
    const report = createFatalReporter({
      log: (_level, message, fields) => logged.push({ message, fields }),
      show: (_title, message) => shown.push(message),
    });
    report('uncaughtException', new Error('disk on fire'));
    report('unhandledRejection', 'second');
    report('uncaughtException', new Error('third'));
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatchObject({
      message: 'Uncaught error in main (uncaughtException)',
      fields: { message: 'disk on fire', stack: expect.stringMatching(/disk on fire\n\s+at /) },
    });
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^disk on fire\n\nThe app keeps running/);
    expect(shown[0]).not.toMatch(/\bat /);
  });

  it('survives a dialog that cannot open (before ready, headless)', () => {
    const report = createFatalReporter({
      log: () => {},
      show: () => {
        throw new Error('no display');
      },
    });
    expect(() => report('uncaughtException', new Error('x'))).not.toThrow();
  });
});

describe('the crash message with recovered edits', () => {
  const reload = createCrashPolicy()({ reason: 'crashed' });
  const messageOf = (decision: ReturnType<typeof withRecoveredEdits>) =>
    decision.action === 'ignore' ? '' : decision.message;

  it('says how many images had edits recovered, and nothing when there were none', () => {
    expect(messageOf(withRecoveredEdits(reload, 1))).toMatch(
      /and was reloaded\. .* Edits on one image that had not been saved yet were recovered\.$/,
    );
    expect(messageOf(withRecoveredEdits(reload, 3))).toMatch(/Edits on 3 images that had not/);
    expect(withRecoveredEdits(reload, 0)).toBe(reload);
    const ignore = createCrashPolicy()({ reason: 'clean-exit' });
    expect(withRecoveredEdits(ignore, 2)).toBe(ignore);
  });
});
