// Run as a child process (see keychain.test.ts) so its D-Bus environment can differ from the
// test runner's: prints what the secret store and a fresh MainCore report, as one JSON line.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMainCore } from '../../../../electron/core';
import { createSecretStore } from '../../../../electron/services/secrets/keychainStore';

const service = process.argv[2] ?? 'pictograph-review-probe';
const store = await createSecretStore({ service, timeoutMs: 5_000 });
await store.set('account-a', 'secret-a');
const roundTrip = (await store.get('account-a')) === 'secret-a';
await store.delete('account-a');

const userDataDir = await mkdtemp(join(tmpdir(), 'pictograph-probe-'));
const core = await createMainCore({
  userDataDir,
  appOrigin: 'app://pictograph',
  host: 'harness',
  version: '0.0.0-test',
  emit: () => {},
  keychainService: service,
});
const status = await core.handlers['connection:status']({}, { senderUrl: 'app://pictograph/' });
await core.dispose();
await rm(userDataDir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ storage: store.storage, roundTrip, status })}\n`);
