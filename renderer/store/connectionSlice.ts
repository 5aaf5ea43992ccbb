import type { StateCreator } from 'zustand';
import type { ConnectionStatus, IpcError, IpcResult, ProfileSummary, RateLimitState } from '../../shared/ipc';
import type { AppState } from './appState';

/** What the connect screen is waiting for, so only the button that was pressed shows a spinner. */
export type PendingAttempt =
  { kind: 'connect' } | { kind: 'demo' } | { kind: 'resume'; profileId: string } | { kind: 'sign-out' };

export interface ConnectionSlice {
  /** null until main has answered `connection:status` once. */
  status: ConnectionStatus | null;
  profiles: ProfileSummary[];
  pending: PendingAttempt | null;
  /** When the pending attempt began (Unix ms), so slow ones (the first demo start) can show elapsed time. */
  pendingSince: number | null;
  /** The failure to show on the connect screen: the last attempt's, or why the session ended. */
  lastError: IpcError | null;
  /** Which flow produced lastError, so the screen shows it next to the button that was pressed. */
  lastAttempt: PendingAttempt['kind'] | null;
  rateLimit: RateLimitState | null;

  statusReceived(status: ConnectionStatus): void;
  profilesReceived(profiles: ProfileSummary[]): void;
  attemptStarted(attempt: PendingAttempt, now?: number): void;
  attemptFinished(result: IpcResult<ConnectionStatus>): void;
  rateLimitReceived(state: RateLimitState | null): void;
  errorDismissed(): void;
}

const isSignedIn = (status: ConnectionStatus) => status.state === 'connected' || status.state === 'offline';

/** Demo first (it always works), then the rest by name, so the list does not jump between runs. */
export function sortProfiles(profiles: readonly ProfileSummary[]): ProfileSummary[] {
  return [...profiles].sort((a, b) => {
    if (a.kind === 'demo' && b.kind !== 'demo') return -1;
    if (b.kind === 'demo' && a.kind !== 'demo') return 1;
    return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  });
}

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  status: null,
  profiles: [],
  pending: null,
  pendingSince: null,
  lastError: null,
  lastAttempt: null,
  rateLimit: null,

  statusReceived: (status) =>
    set((state) => {
      if (isSignedIn(status)) return { status, lastError: null };
      // An attempt in flight reports its own failure through attemptFinished; a status pushed
      // meanwhile (e.g. "connecting") must not pre-empt it. Otherwise the status explains itself:
      // a session that ended on a revoked key says so on the connect screen.
      const explainsItself = state.pending === null && status.error !== null;
      const rateLimit = status.state === 'signed-out' ? null : state.rateLimit;
      if (!explainsItself) return { status, rateLimit };
      return { status, rateLimit, lastError: status.error, lastAttempt: null };
    }),

  profilesReceived: (profiles) => set({ profiles: sortProfiles(profiles) }),

  attemptStarted: (attempt, now = Date.now()) =>
    set({ pending: attempt, pendingSince: now, lastError: null, lastAttempt: attempt.kind }),

  attemptFinished: (result) =>
    set((state) => {
      if (!result.ok) return { pending: null, pendingSince: null, lastError: result.error };
      const status = result.value;
      const failed = !isSignedIn(status) && status.error !== null && state.pending?.kind !== 'sign-out';
      return {
        pending: null,
        pendingSince: null,
        status,
        lastError: failed ? status.error : null,
        rateLimit: isSignedIn(status) ? state.rateLimit : null,
      };
    }),

  rateLimitReceived: (next) =>
    set((state) => {
      // Events and the initial rateLimit:get can cross; the newest observation wins.
      if (next && state.rateLimit && next.observedAt < state.rateLimit.observedAt) return {};
      return { rateLimit: next };
    }),

  errorDismissed: () => set({ lastError: null, lastAttempt: null }),
});
