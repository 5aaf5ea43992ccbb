import { randomUUID } from 'node:crypto';
import { AsyncEntry } from '@napi-rs/keyring';
import type { EntryOptions } from '@napi-rs/keyring';
import { AppError } from '../errors';
import type { SecretStore } from './secretStore';
import { SessionOnlySecretStore } from './secretStore';

/**
 * On Linux the binding would silently fall back to the kernel keyring (keyutils), which forgets
 * everything at reboot and is readable by any process of the user: pin the Secret Service and let
 * the probe decide instead. Other platforms ignore this option.
 */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/** A D-Bus call can hang (a locked keyring waiting on a prompt nobody sees); never wait forever. */
const DEFAULT_TIMEOUT_MS = 10_000;

export type SecretLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The OS keychain through @napi-rs/keyring. Async entries keep D-Bus work off the main thread. */
export class KeychainSecretStore implements SecretStore {
  readonly storage = 'keychain' as const;

  constructor(
    private readonly service: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async get(account: string): Promise<string | null> {
    return this.#run('read', account, (entry, signal) => entry.getPassword(signal));
  }

  async set(account: string, secret: string): Promise<void> {
    await this.#run('store', account, (entry, signal) => entry.setPassword(secret, signal));
  }

  async delete(account: string): Promise<boolean> {
    return this.#run('delete', account, (entry, signal) => entry.deleteCredential(signal));
  }

  async #run<T>(
    verb: string,
    account: string,
    operation: (entry: AsyncEntry, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    try {
      const entry = new AsyncEntry(this.service, account, ENTRY_OPTIONS);
      return await operation(entry, AbortSignal.timeout(this.timeoutMs));
    } catch (error) {
      throw new AppError({
        code: 'keychain',
        message: `The system keychain could not ${verb} the API key: ${describe(error)}`,
        cause: error,
      });
    }
  }
}

export interface CreateSecretStoreOptions {
  service: string;
  log?: SecretLog;
  timeoutMs?: number;
}

/**
 * Probes the keychain once with a throwaway entry (write, read back, delete). Anything short of a
 * full round trip means the keys are kept in memory for this run only; the UI shows that.
 */
export async function createSecretStore({
  service,
  log = () => {},
  timeoutMs,
}: CreateSecretStoreOptions): Promise<SecretStore> {
  const keychain = new KeychainSecretStore(service, timeoutMs);
  const probeAccount = `probe-${randomUUID()}`;
  const probeValue = randomUUID();
  try {
    await keychain.set(probeAccount, probeValue);
    const readBack = await keychain.get(probeAccount);
    await keychain.delete(probeAccount);
    if (readBack !== probeValue) throw new Error('the keychain returned a different value than was stored');
    log('info', 'API keys are kept in the system keychain', { service });
    return keychain;
  } catch (error) {
    log('warn', 'No usable system keychain: API keys are kept in memory for this run only', {
      service,
      reason: describe(error),
    });
    return new SessionOnlySecretStore();
  }
}
