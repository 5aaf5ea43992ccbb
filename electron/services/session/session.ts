import type { ConnectionStatus, IpcError, ProfileSummary } from '../../../shared/ipc';
import {
  API_KEY_PATTERN,
  API_KEY_PREFIX,
  API_KEY_SECRET_LENGTH,
  CLOUD_BASE_URL,
  keyPrefixOf,
} from '../../../shared/api';
import type { Emit } from '../events';
import type { PictographClient } from '../client';
import { normalizeBaseUrl } from '../client';
import { AppError, isAppError } from '../errors';
import type { SecretStore } from '../secrets/secretStore';
import { CLOUD_PROFILE_ID, DEMO_PROFILE_ID } from './profileStore';
import type { ProfileStore, StoredProfile } from './profileStore';

export type SessionLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface SessionDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  emit: Emit;
  log: SessionLog;
  /** Builds a client for a base URL and key (core wires rate-limit events and logging in). */
  createClient: (baseUrl: string, apiKey: string) => PictographClient;
}

export interface ConnectInput {
  profileId?: string | undefined;
  name?: string | undefined;
  baseUrl: string;
  apiKey: string;
}

/** The live connection: which profile, which client. The key itself stays inside the client. */
export interface ActiveConnection {
  profile: StoredProfile;
  client: PictographClient;
  keyPrefix: string;
}

const supersededError = (): AppError =>
  new AppError({ code: 'cancelled', message: 'A newer sign-in replaced this one.' });

export const notConnectedError = (): AppError =>
  new AppError({ code: 'not_connected', message: 'Not signed in: connect to a workspace first.' });

const asIpcError = (error: unknown): IpcError =>
  isAppError(error)
    ? error.toIpcError()
    : { code: 'internal', message: 'Something went wrong in the app. The details are in its log.' };

const isOfflineError = (error: unknown): boolean =>
  isAppError(error) && (error.code === 'network' || error.code === 'timeout');

/**
 * Who we are signed in as. Owns the connection state machine (signed-out → connecting → connected
 * ⇄ offline) and emits `event:connection` on every change. A failed attempt leaves the previous
 * session as it was; a 401 from any call signs out; network failures only mark us offline and
 * never touch the stored key.
 */
export class Session {
  readonly #deps: SessionDeps;
  #active: ActiveConnection | null = null;
  #status: ConnectionStatus;
  /** Bumped per attempt so a slow, superseded attempt cannot overwrite a newer one. */
  #attempt = 0;

  constructor(deps: SessionDeps) {
    this.#deps = deps;
    const last = deps.profiles.lastProfileId === null ? null : deps.profiles.get(deps.profiles.lastProfileId);
    this.#status = {
      state: 'signed-out',
      profile: last ? this.#summary(last, false) : null,
      keyStorage: deps.secrets.storage,
      keyPrefix: null,
      role: null,
      error: null,
    };
  }

  get status(): ConnectionStatus {
    return structuredClone(this.#status);
  }

  get active(): ActiveConnection | null {
    return this.#active;
  }

  async listProfiles(): Promise<ProfileSummary[]> {
    const profiles = this.#deps.profiles.list();
    // The demo's live loopback URL is known only while it runs.
    const live = (p: StoredProfile): StoredProfile => (this.#active?.profile.id === p.id ? this.#active.profile : p);
    return Promise.all(profiles.map(async (p) => this.#summary(live(p), await this.#hasKey(p.id))));
  }

  /** Sign in with a typed base URL and key: the key is stored only after the server accepted it. */
  async connect(input: ConnectInput): Promise<ConnectionStatus> {
    const baseUrl = normalizeBaseUrl(input.baseUrl);
    checkKeyShape(input.apiKey);
    const profile = this.#profileFor(input, baseUrl);
    return this.#establish(profile, input.apiKey, { storeKey: true, allowOffline: false });
  }

  /** Reconnect a stored profile with its stored key. Offline is not a failure: cached work goes on. */
  async resume(profileId: string): Promise<ConnectionStatus> {
    const profile = this.#deps.profiles.get(profileId);
    if (!profile)
      throw new AppError({ code: 'not_found', message: 'That connection profile does not exist (any more).' });
    const apiKey = await this.#deps.secrets.get(profile.id);
    if (apiKey === null) {
      throw new AppError({
        code: 'not_connected',
        message: `No API key is stored for "${profile.name}". Sign in with a key.`,
      });
    }
    return this.#establish(profile, apiKey, { storeKey: false, allowOffline: true });
  }

  /** The embedded demo workspace: its URL changes every run, its key is the app's own. */
  async connectDemo(url: string, ownerKey: string): Promise<ConnectionStatus> {
    const stored = this.#deps.profiles.get(DEMO_PROFILE_ID);
    const profile: StoredProfile = {
      ...(stored ?? { id: DEMO_PROFILE_ID, name: 'Demo workspace', kind: 'demo', lastUsedAt: null }),
      baseUrl: url,
    };
    return this.#establish(profile, ownerKey, { storeKey: false, allowOffline: false });
  }

  /** Sign out and forget the key (the demo workspace keeps its own key: it is the app's, not the user's). */
  async disconnect(): Promise<ConnectionStatus> {
    this.#attempt += 1;
    const profile =
      this.#active?.profile ?? (this.#status.profile ? this.#deps.profiles.get(this.#status.profile.id) : null);
    this.#active = null;
    if (profile && profile.kind !== 'demo') await this.#deps.secrets.delete(profile.id);
    if (profile) this.#deps.log('info', 'Signed out', { profile: profile.id });
    this.#setStatus({
      state: 'signed-out',
      profile: profile ? this.#summary(profile, profile.kind === 'demo' && (await this.#hasKey(profile.id))) : null,
      keyPrefix: null,
      role: null,
      error: null,
    });
    return this.status;
  }

  /**
   * Runs an API call with the active client and keeps the status honest: a 401 signs out, a
   * network failure marks us offline, a success while offline marks us connected again.
   */
  async use<T>(call: (client: PictographClient, connection: ActiveConnection) => Promise<T>): Promise<T> {
    const active = this.#active;
    if (!active) throw notConnectedError();
    try {
      const result = await call(active.client, active);
      if (this.#active === active && this.#status.state === 'offline')
        this.#setStatus({ ...this.#status, state: 'connected', error: null });
      return result;
    } catch (error) {
      if (this.#active === active) this.#noteFailure(active, error);
      throw error;
    }
  }

  #noteFailure(active: ActiveConnection, error: unknown): void {
    if (isAppError(error) && error.code === 'invalid_api_key') {
      this.#active = null;
      this.#deps.log('warn', 'The server rejected the API key; signed out', {
        profile: active.profile.id,
        keyPrefix: active.keyPrefix,
      });
      this.#setStatus({ ...this.#status, state: 'signed-out', keyPrefix: null, role: null, error: error.toIpcError() });
    } else if (isOfflineError(error) && this.#status.state === 'connected') {
      this.#setStatus({ ...this.#status, state: 'offline', error: asIpcError(error) });
    }
  }

  async #establish(
    profile: StoredProfile,
    apiKey: string,
    mode: { storeKey: boolean; allowOffline: boolean },
  ): Promise<ConnectionStatus> {
    const attempt = ++this.#attempt;
    const before = { status: this.#status, active: this.#active };
    const keyPrefix = keyPrefixOf(apiKey);
    this.#setStatus({
      state: 'connecting',
      profile: this.#summary(profile, !mode.storeKey || (await this.#hasKey(profile.id))),
      keyPrefix: null,
      role: null,
      error: null,
    });
    if (attempt !== this.#attempt) throw supersededError();
    const client = this.#deps.createClient(profile.baseUrl, apiKey);
    let offlineError: unknown = null;
    try {
      try {
        // One retry, not three: someone is waiting at the connect screen, and an unreachable host
        // should be reported in about a second, not after the whole backoff schedule.
        await client.testConnection(undefined, { retries: 1 });
      } catch (error) {
        if (!(mode.allowOffline && isOfflineError(error))) throw error;
        offlineError = error;
      }
      if (mode.storeKey) await this.#deps.secrets.set(profile.id, apiKey);
      // The demo's loopback port changes every run: persist it without one.
      await this.#deps.profiles.saveUsed(profile.kind === 'demo' ? { ...profile, baseUrl: '' } : profile);
    } catch (error) {
      if (attempt === this.#attempt) this.#restoreAfterFailure(before, error);
      this.#deps.log('warn', 'Connection attempt failed', {
        profile: profile.id,
        keyPrefix,
        code: isAppError(error) ? error.code : 'internal',
      });
      throw error;
    }
    // Only worth a request when online; a failure here must not fail the connection.
    const role = offlineError ? null : await client.ownRole(keyPrefix).catch(() => null);
    if (attempt !== this.#attempt) throw supersededError();
    this.#active = { profile, client, keyPrefix };
    this.#deps.log('info', offlineError ? 'Resumed offline' : 'Connected', {
      profile: profile.id,
      baseUrl: profile.baseUrl,
      keyPrefix,
    });
    this.#setStatus({
      state: offlineError ? 'offline' : 'connected',
      profile: this.#summary(profile, true),
      keyPrefix,
      role,
      error: offlineError ? asIpcError(offlineError) : null,
    });
    return this.status;
  }

  /** A failed attempt changes nothing: a working session stays; otherwise we are signed out with the reason. */
  #restoreAfterFailure(before: { status: ConnectionStatus; active: ActiveConnection | null }, error: unknown): void {
    this.#active = before.active;
    if (before.active) this.#setStatus(before.status);
    else
      this.#setStatus({ ...before.status, state: 'signed-out', keyPrefix: null, role: null, error: asIpcError(error) });
  }

  #profileFor(input: ConnectInput, baseUrl: string): StoredProfile {
    const { profiles } = this.#deps;
    if (input.profileId !== undefined) {
      const existing = profiles.get(input.profileId);
      if (!existing)
        throw new AppError({ code: 'not_found', message: 'That connection profile does not exist (any more).' });
      if (existing.kind === 'demo') {
        throw new AppError({
          code: 'bad_request',
          message: 'The demo workspace runs inside the app: open it with "Open demo workspace".',
        });
      }
      if (existing.kind === 'cloud' && baseUrl !== CLOUD_BASE_URL) {
        throw new AppError({
          code: 'bad_url',
          message: `Pictograph cloud is always at ${CLOUD_BASE_URL}; add a custom server for ${baseUrl}.`,
        });
      }
      return { ...existing, baseUrl, name: input.name ?? existing.name };
    }
    const cloud = baseUrl === CLOUD_BASE_URL ? profiles.get(CLOUD_PROFILE_ID) : null;
    const existing = cloud ?? profiles.findByBaseUrl(baseUrl);
    if (existing) return { ...existing, name: input.name ?? existing.name };
    return profiles.newCustomProfile(input.name ?? new URL(baseUrl).host, baseUrl);
  }

  async #hasKey(profileId: string): Promise<boolean> {
    try {
      return (await this.#deps.secrets.get(profileId)) !== null;
    } catch {
      return false;
    }
  }

  #summary(profile: StoredProfile, hasKey: boolean): ProfileSummary {
    return { id: profile.id, name: profile.name, kind: profile.kind, baseUrl: profile.baseUrl, hasKey };
  }

  #setStatus(next: Omit<ConnectionStatus, 'keyStorage'>): void {
    this.#status = { ...next, keyStorage: this.#deps.secrets.storage };
    this.#deps.emit('event:connection', this.status);
  }
}

/** Refuse text that cannot be a key before it goes anywhere (a header with a newline would not even send). */
function checkKeyShape(apiKey: string): void {
  if (!API_KEY_PATTERN.test(apiKey)) {
    throw new AppError({
      code: 'invalid_api_key',
      message: `That is not a Pictograph API key: keys start with ${API_KEY_PREFIX} followed by ${API_KEY_SECRET_LENGTH} letters, digits, "-" or "_".`,
    });
  }
}
