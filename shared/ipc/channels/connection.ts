import { z } from 'zod';
import { channel, event } from '../define';
import type { Role } from '../../api/common';
import type { IpcError } from '../result';
import { emptyRequest, idArg } from '../schemas';

export type ProfileKind = 'demo' | 'cloud' | 'custom';

export interface ProfileSummary {
  id: string;
  name: string;
  kind: ProfileKind;
  baseUrl: string;
  /** A key is stored for this profile (keychain or this run's memory). The key itself never crosses IPC. */
  hasKey: boolean;
}

export type ConnectionState = 'signed-out' | 'connecting' | 'connected' | 'offline' | 'error';

export interface ConnectionStatus {
  state: ConnectionState;
  profile: ProfileSummary | null;
  /** Where the key lives: the OS keychain, or memory for this run only when no secret service answers. */
  keyStorage: 'keychain' | 'session-only' | null;
  /** Safe to show and log (the first 12 chars). */
  keyPrefix: string | null;
  /** The key's role when the server tells (viewer keys are read-only); null when unknown. */
  role: Role | null;
  /** Why the last attempt failed or the session ended (401, network…). */
  error: IpcError | null;
}

export const connectRequest = z.strictObject({
  /** Reuse and update a stored profile; omitted for a new one. */
  profileId: idArg.optional(),
  name: z.string().trim().min(1).max(100).optional(),
  baseUrl: z.string().trim().min(1).max(2048),
  apiKey: z.string().trim().min(1).max(512),
});
export type ConnectRequest = z.input<typeof connectRequest>;

export const connectionChannels = {
  'connection:status': channel<ConnectionStatus>()(emptyRequest),
  'connection:profiles': channel<ProfileSummary[]>()(emptyRequest),
  'connection:connect': channel<ConnectionStatus>()(connectRequest),
  /** Reconnect a stored profile with its stored key. */
  'connection:resume': channel<ConnectionStatus>()(z.strictObject({ profileId: idArg })),
  /** Start (once) the embedded pictograph-local demo workspace and connect to it. */
  'connection:openDemo': channel<ConnectionStatus>()(emptyRequest),
  /** Sign out: forget the key of the current profile (keychain entry deleted). */
  'connection:disconnect': channel<ConnectionStatus>()(emptyRequest),
};

export const connectionEvents = {
  'event:connection': event<ConnectionStatus>(),
};
