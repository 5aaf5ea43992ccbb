import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSecretStore } from '../../../electron/services/secrets/keychainStore';

const run = promisify(execFile);
const expectKeyring = process.env.PICTOGRAPH_EXPECT_KEYRING === '1';
const probeScript = fileURLToPath(new URL('./support/probeSecretStore.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

// Run with: bash scripts/with-keyring.sh npx vitest run --project integration tests/integration/main/keychain.test.ts
// Outside that wrapper there may be no Secret Service: the real-keychain cases are skipped then,
// but under the wrapper (PICTOGRAPH_EXPECT_KEYRING=1) a broken keyring fails them.
describe.skipIf(!expectKeyring)('keychain (real gnome-keyring over D-Bus)', () => {
  it('uses the Secret Service and stores, reads and deletes a key', async () => {
    const service = `pictograph-test-${randomUUID()}`;
    const store = await createSecretStore({ service });
    expect(store.storage).toBe('keychain');
    await store.set('profile-1', 'pk_live_first');
    expect(await store.get('profile-1')).toBe('pk_live_first');
    await store.set('profile-1', 'pk_live_replaced');
    expect(await store.get('profile-1')).toBe('pk_live_replaced');
    expect(await store.delete('profile-1')).toBe(true);
    expect(await store.get('profile-1')).toBeNull();
    expect(await store.delete('profile-1')).toBe(false);
  });

  it('keeps two profiles (and two services) apart', async () => {
    const service = `pictograph-test-${randomUUID()}`;
    const store = await createSecretStore({ service });
    const other = await createSecretStore({ service: `${service}-other` });
    expect([store.storage, other.storage]).toEqual(['keychain', 'keychain']);
    await store.set('profile-a', 'key-a');
    await store.set('profile-b', 'key-b');
    await other.set('profile-a', 'key-other');
    expect(await store.get('profile-a')).toBe('key-a');
    expect(await store.get('profile-b')).toBe('key-b');
    expect(await other.get('profile-a')).toBe('key-other');
    await store.delete('profile-a');
    expect(await store.get('profile-a')).toBeNull();
    expect(await store.get('profile-b')).toBe('key-b');
    expect(await other.get('profile-a')).toBe('key-other');
    await store.delete('profile-b');
    await other.delete('profile-a');
  });

  it('really lands in the Secret Service, visible to secret-tool (not the kernel keyring)', async () => {
    const service = `pictograph-test-${randomUUID()}`;
    const store = await createSecretStore({ service });
    await store.set('profile-visible', 'pk_live_visible');
    const { stdout } = await run('secret-tool', ['lookup', 'service', service, 'username', 'profile-visible']).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT')
          throw new Error('secret-tool is not installed (Debian: apt-get install libsecret-tools)');
        throw error;
      },
    );
    expect(stdout.trim()).toBe('pk_live_visible');
    await store.delete('profile-visible');
  });

  it('reports keyStorage "keychain" in the connection status of a fresh MainCore', async () => {
    const { stdout } = await run(tsx, [probeScript, `pictograph-test-${randomUUID()}`], { timeout: 60_000 });
    const probe = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(probe).toMatchObject({
      storage: 'keychain',
      roundTrip: true,
      status: { ok: true, value: { keyStorage: 'keychain' } },
    });
  });
});

describe('keychain fallback when no Secret Service answers', () => {
  it('keeps keys in memory for the run and says "session-only"', async () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pictograph-dead-bus' };
    const { stdout } = await run(tsx, [probeScript, `pictograph-test-${randomUUID()}`], { env, timeout: 60_000 });
    const probe = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(probe).toMatchObject({
      storage: 'session-only',
      roundTrip: true,
      status: { ok: true, value: { state: 'signed-out', keyStorage: 'session-only' } },
    });
  });
});
