/**
 * Where API keys live. One account per profile id under one service name. The desktop app keeps
 * keys in the OS keychain; when no keychain answers (no Secret Service on this Linux session) it
 * keeps them in memory for this run only and says so — never plaintext on disk.
 */
export type KeyStorage = 'keychain' | 'session-only';

export interface SecretStore {
  readonly storage: KeyStorage;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves true when a secret was removed, false when there was none. */
  delete(account: string): Promise<boolean>;
}

/** Keys kept for this process only: the fallback when the OS keychain is unusable. */
export class SessionOnlySecretStore implements SecretStore {
  readonly storage = 'session-only' as const;
  readonly #secrets = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.#secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.#secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.#secrets.delete(account);
  }
}
