/**
 * The API-key format of contract §1, built from its pieces so every check derives from one place:
 * main's shape check before connecting, pictograph-local's auth and key generation, the connect
 * form's hints and the log redaction. No zod here: pictograph-local imports it and stands alone.
 */
export const API_KEY_PREFIX = 'pk_live_';
/** base64url of 32 random bytes, unpadded. */
export const API_KEY_SECRET_LENGTH = 43;
/** The base64url alphabet, as the body of a regex character class. */
export const API_KEY_CHARS = 'A-Za-z0-9_-';
/** What may be shown of a key (status, key lists, logs): its first 12 characters. */
export const KEY_PREFIX_LENGTH = 12;

export const API_KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}[${API_KEY_CHARS}]{${API_KEY_SECRET_LENGTH}}$`);

export const keyPrefixOf = (key: string): string => key.slice(0, KEY_PREFIX_LENGTH);
