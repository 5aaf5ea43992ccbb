import { describe, expect, it } from 'vitest';
import {
  abortableSleep,
  backoffDelayMs,
  parseRetryAfterSeconds,
} from '../../../../../electron/services/client/backoff';

describe('backoffDelayMs', () => {
  it.each([
    [0, 0, 750],
    [0, 0.5, 1000],
    [0, 1, 1250],
    [1, 0.5, 2000],
    [2, 0.5, 4000],
    [3, 0, 6000],
    [4, 1, 20000],
    [5, 0.5, 30000],
    [10, 1, 37500],
    [10, 0, 22500],
  ])('retry %i with random %f waits %i ms', (n, r, expected) => {
    expect(backoffDelayMs(n, () => r)).toBe(expected);
  });

  it('keeps a misbehaving random source inside the jitter band', () => {
    expect(backoffDelayMs(0, () => 7)).toBe(1250);
    expect(backoffDelayMs(0, () => -3)).toBe(750);
  });
});

describe('parseRetryAfterSeconds', () => {
  const now = Date.parse('2024-01-15T10:30:00.000Z');
  it.each([
    ['120', undefined, 120],
    [' 5 ', undefined, 5],
    ['Mon, 15 Jan 2024 10:31:00 GMT', undefined, 60],
    ['Mon, 15 Jan 2024 10:00:00 GMT', undefined, 0],
    [null, 42, 42],
    ['garbage', 7, 7],
    [null, 'soon', null],
    [null, undefined, null],
    ['', -1, null],
  ])('%j / body %j → %j', (header, body, expected) => {
    expect(parseRetryAfterSeconds(header, body, now)).toBe(expected);
  });
});

describe('abortableSleep', () => {
  it('rejects with cancelled when aborted while waiting', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('rejects at once when already aborted, and resolves otherwise', async () => {
    await expect(abortableSleep(10, AbortSignal.abort())).rejects.toMatchObject({ code: 'cancelled' });
    await expect(abortableSleep(1)).resolves.toBeUndefined();
  });
});
