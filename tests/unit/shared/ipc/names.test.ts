import { describe, expect, it } from 'vitest';
import { channels, events } from '../../../../shared/ipc';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../../shared/ipc/names';

// The preload knows the contract only through these lists; a channel missing here would have no
// window.api method, an extra one would call a channel main refuses.
describe('shared/ipc/names', () => {
  it('lists exactly the contract’s channels, each once', () => {
    expect(new Set(CHANNEL_NAMES)).toEqual(new Set(Object.keys(channels)));
    expect(CHANNEL_NAMES).toHaveLength(Object.keys(channels).length);
  });

  it('lists exactly the contract’s events, each once', () => {
    expect(new Set(EVENT_NAMES)).toEqual(new Set(Object.keys(events)));
    expect(EVENT_NAMES).toHaveLength(Object.keys(events).length);
  });
});
