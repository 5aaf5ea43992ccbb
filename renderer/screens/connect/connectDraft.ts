import type { ServerKind } from './ServerChoice';

/**
 * What the person is typing on the connect screen. Lives in the screen (not the store): the key
 * must not outlive the form, and nothing else needs it.
 */
export interface ConnectDraft {
  serverKind: ServerKind;
  customUrl: string;
  apiKey: string;
  /** Set when a stored profile without a key was picked: connecting updates that profile. */
  profileId: string | null;
  profileName: string | null;
}

export const emptyDraft: ConnectDraft = {
  serverKind: 'cloud',
  customUrl: '',
  apiKey: '',
  profileId: null,
  profileName: null,
};
