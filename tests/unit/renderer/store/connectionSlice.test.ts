import { describe, expect, it } from 'vitest';
import type { ConnectionStatus, IpcError, ProfileSummary, RateLimitState } from '../../../../shared/ipc';
import { createAppStore } from '../../../../renderer/store/appStore';
import { sortProfiles } from '../../../../renderer/store/connectionSlice';
import { selectTopLevelView } from '../../../../renderer/store/selectors';

const profile: ProfileSummary = {
  id: 'p1',
  name: 'Acme',
  kind: 'custom',
  baseUrl: 'http://127.0.0.1:8787',
  hasKey: true,
};
const status = (state: ConnectionStatus['state'], error: IpcError | null = null): ConnectionStatus => ({
  state,
  profile: state === 'signed-out' ? null : profile,
  keyStorage: 'keychain',
  keyPrefix: state === 'connected' ? 'pk_live_Ab3x' : null,
  role: state === 'connected' ? 'member' : null,
  error,
});
const wrongKey: IpcError = { code: 'invalid_api_key', message: 'Invalid API key', status: 401, requestId: 'r1' };
const rate = (observedAt: number, remaining: number): RateLimitState => ({
  limit: 5000,
  remaining,
  resetAt: observedAt + 1000,
  observedAt,
});

describe('connection slice', () => {
  it('starts on a neutral splash until main answers, then follows the connection state', () => {
    const store = createAppStore();
    expect(selectTopLevelView(store.getState())).toBe('starting');
    store.getState().statusReceived(status('signed-out'));
    expect(selectTopLevelView(store.getState())).toBe('connect');
    store.getState().statusReceived(status('connected'));
    expect(selectTopLevelView(store.getState())).toBe('shell');
    store.getState().statusReceived(status('offline'));
    expect(selectTopLevelView(store.getState())).toBe('shell');
  });

  it('shows a splash while main resumes on its own, but keeps the form while the user connects', () => {
    const store = createAppStore();
    store.getState().statusReceived(status('connecting'));
    expect(selectTopLevelView(store.getState())).toBe('starting');
    store.getState().attemptStarted({ kind: 'connect' });
    expect(selectTopLevelView(store.getState())).toBe('connect');
  });

  it('records a failed attempt as the error to show, and clears it on the next attempt', () => {
    const store = createAppStore();
    store.getState().statusReceived(status('signed-out'));
    store.getState().attemptStarted({ kind: 'connect' });
    expect(store.getState().pending).toEqual({ kind: 'connect' });
    store.getState().attemptFinished({ ok: false, error: wrongKey });
    expect(store.getState()).toMatchObject({ pending: null, lastError: wrongKey, lastAttempt: 'connect' });
    store.getState().attemptStarted({ kind: 'demo' });
    expect(store.getState()).toMatchObject({ lastError: null, lastAttempt: 'demo' });
  });

  it('treats a status that is not signed in but carries an error as a failed attempt', () => {
    const store = createAppStore();
    store.getState().attemptStarted({ kind: 'resume', profileId: 'p1' });
    store.getState().attemptFinished({ ok: true, value: status('error', wrongKey) });
    expect(store.getState().lastError).toEqual(wrongKey);
    expect(selectTopLevelView(store.getState())).toBe('connect');
  });

  it('does not let a pushed status pre-empt the attempt in flight', () => {
    const store = createAppStore();
    store.getState().attemptStarted({ kind: 'connect' });
    store.getState().statusReceived(status('error', { code: 'network', message: 'older failure' }));
    expect(store.getState().lastError).toBeNull();
    store.getState().attemptFinished({ ok: false, error: wrongKey });
    expect(store.getState().lastError).toEqual(wrongKey);
  });

  it('explains a session that ended on its own (revoked key) on the connect screen', () => {
    const store = createAppStore();
    store.getState().statusReceived(status('connected'));
    store.getState().statusReceived(status('error', wrongKey));
    expect(store.getState()).toMatchObject({ lastError: wrongKey, lastAttempt: null });
    expect(selectTopLevelView(store.getState())).toBe('connect');
  });

  it('signing out is not an error, and forgets the rate limit', () => {
    const store = createAppStore();
    store.getState().statusReceived(status('connected'));
    store.getState().rateLimitReceived(rate(10, 4000));
    store.getState().attemptStarted({ kind: 'sign-out' });
    store.getState().attemptFinished({ ok: true, value: status('signed-out') });
    expect(store.getState()).toMatchObject({ lastError: null, rateLimit: null, pending: null });
    expect(selectTopLevelView(store.getState())).toBe('connect');
  });

  it('keeps the newest rate-limit observation when answers cross', () => {
    const store = createAppStore();
    store.getState().rateLimitReceived(rate(200, 4990));
    store.getState().rateLimitReceived(rate(100, 4995));
    expect(store.getState().rateLimit?.remaining).toBe(4990);
    store.getState().rateLimitReceived(rate(300, 4980));
    expect(store.getState().rateLimit?.remaining).toBe(4980);
  });

  it('lists the demo first, then profiles by name', () => {
    const list: ProfileSummary[] = [
      { ...profile, id: 'z', name: 'Zeta' },
      { ...profile, id: 'a', name: 'Alpha' },
      { ...profile, id: 'd', name: 'Demo workspace', kind: 'demo' },
    ];
    expect(sortProfiles(list).map((p) => p.id)).toEqual(['d', 'a', 'z']);
    const store = createAppStore();
    store.getState().profilesReceived(list);
    expect(store.getState().profiles.map((p) => p.id)).toEqual(['d', 'a', 'z']);
  });

  it('dismissing clears the error', () => {
    const store = createAppStore();
    store.getState().attemptStarted({ kind: 'connect' });
    store.getState().attemptFinished({ ok: false, error: wrongKey });
    store.getState().errorDismissed();
    expect(store.getState()).toMatchObject({ lastError: null, lastAttempt: null });
  });
});
