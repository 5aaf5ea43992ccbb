import { describe, expect, it } from 'vitest';
import { SessionOnlySecretStore } from '../../../../../electron/services/secrets/secretStore';

describe('SessionOnlySecretStore', () => {
  it('keeps keys per account for this run and says so', async () => {
    const store = new SessionOnlySecretStore();
    expect(store.storage).toBe('session-only');
    await store.set('a', 'key-a');
    await store.set('b', 'key-b');
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual(['key-a', 'key-b', null]);
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBe('key-b');
  });

  it('two stores share nothing', async () => {
    const one = new SessionOnlySecretStore();
    const two = new SessionOnlySecretStore();
    await one.set('a', 'x');
    expect(await two.get('a')).toBeNull();
  });
});
