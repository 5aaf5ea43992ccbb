import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/preload/api';
import { channelNames } from '../../../../shared/ipc';

describe('createApi', () => {
  it('exposes one method per contract channel, grouped by domain, each invoking its channel', async () => {
    const calls: [string, unknown][] = [];
    const api = createApi(
      async (channel, request) => {
        calls.push([channel, request]);
        return { ok: true, value: channel };
      },
      () => () => {},
    ) as unknown as Record<string, Record<string, (r?: unknown) => Promise<unknown>>>;
    for (const name of channelNames) {
      const [domain, verb] = name.split(':') as [string, string];
      expect(typeof api[domain]?.[verb]).toBe('function');
      await api[domain]![verb]!({ probe: name });
    }
    expect(calls.map(([c]) => c).sort()).toEqual([...channelNames].sort());
    expect(calls.every(([c, r]) => (r as { probe: string }).probe === c)).toBe(true);
  });

  it('sends an empty object for calls made without arguments', async () => {
    let seen: unknown;
    const api = createApi(
      async (_c, request) => ((seen = request), { ok: true, value: null }),
      () => () => {},
    );
    await api.datasets.list();
    expect(seen).toEqual({});
  });

  it('subscribes only to declared events and returns the unsubscribe', () => {
    const subscribed: string[] = [];
    let unsubscribed = 0;
    const api = createApi(
      async () => ({ ok: true, value: null }),
      (name) => {
        subscribed.push(name);
        return () => unsubscribed++;
      },
    );
    const off = api.on('event:connection', () => {});
    off();
    expect(subscribed).toEqual(['event:connection']);
    expect(unsubscribed).toBe(1);
    expect(() => (api.on as (n: string, l: () => void) => void)('event:nope', () => {})).toThrow(/Unknown event/);
  });

  it('is frozen, so page scripts cannot swap a method', () => {
    const api = createApi(
      async () => ({ ok: true, value: null }),
      () => () => {},
    );
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.datasets)).toBe(true);
  });
});
