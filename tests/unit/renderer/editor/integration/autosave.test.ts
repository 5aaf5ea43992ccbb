import { describe, expect, it } from 'vitest';
import type { Timers } from '../../../../../renderer/editor/save/autosave';
import { AUTOSAVE_DELAY_MS, AutosaveScheduler } from '../../../../../renderer/editor/save/autosave';

/** A fake clock: timers fire only when the test advances time. */
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    set: (run, ms) => {
      pending.set(++seq, { at: now + ms, run });
      return seq;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > now) continue;
      pending.delete(id);
      timer.run();
    }
  };
  return { timers, advance, count: () => pending.size };
}

describe('autosave scheduler', () => {
  it('saves once, 1.5 s after the last of a burst of changes', () => {
    const clock = fakeTimers();
    let saves = 0;
    const scheduler = new AutosaveScheduler(() => saves++, AUTOSAVE_DELAY_MS, clock.timers);
    scheduler.changed();
    clock.advance(1000);
    scheduler.changed();
    clock.advance(1000);
    scheduler.changed();
    clock.advance(1499);
    expect(saves).toBe(0);
    expect(scheduler.pending).toBe(true);
    clock.advance(1);
    expect(saves).toBe(1);
    expect(scheduler.pending).toBe(false);
    expect(clock.count()).toBe(0);
  });

  it('flush saves at once only when something waits; cancel forgets it', () => {
    const clock = fakeTimers();
    let saves = 0;
    const scheduler = new AutosaveScheduler(() => saves++, AUTOSAVE_DELAY_MS, clock.timers);
    expect(scheduler.flush()).toBe(false);
    expect(saves).toBe(0);
    scheduler.changed();
    expect(scheduler.flush()).toBe(true);
    expect(saves).toBe(1);
    clock.advance(5000);
    expect(saves).toBe(1);
    scheduler.changed();
    scheduler.cancel();
    clock.advance(5000);
    expect(saves).toBe(1);
  });
});
