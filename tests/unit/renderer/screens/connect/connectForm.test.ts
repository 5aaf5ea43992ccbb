import { describe, expect, it } from 'vitest';
import {
  apiKeyShape,
  apiKeyShapeHint,
  displayHost,
  normalizeApiKey,
  normalizeBaseUrl,
} from '../../../../../renderer/screens/connect/connectForm';

const KEY = `pk_live_${'A'.repeat(20)}_-${'b'.repeat(21)}`;

describe('normalizeApiKey', () => {
  it.each([
    ['plain', KEY, KEY],
    ['surrounding whitespace', `  ${KEY}\n`, KEY],
    ['wrapped over two lines', `${KEY.slice(0, 20)}\n${KEY.slice(20)}`, KEY],
    ['quoted', `"${KEY}"`, KEY],
    ['header dump', `X-API-Key: ${KEY}`, KEY],
    ['env assignment', `PICTOGRAPH_API_KEY='${KEY}'`, KEY],
    ['empty', '   ', ''],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeApiKey(raw)).toBe(expected);
  });
});

describe('apiKeyShape', () => {
  it.each([
    ['', 'empty'],
    [KEY, 'ok'],
    ['sk_something', 'missing-prefix'],
    ['pk_live_short', 'wrong-length'],
    [`${KEY}x`, 'wrong-length'],
    [`pk_live_${'a'.repeat(42)}!`, 'bad-characters'],
  ] as const)('%s is %s', (key, shape) => {
    expect(apiKeyShape(key)).toBe(shape);
  });

  it('hints only when something looks off', () => {
    expect(apiKeyShapeHint('ok')).toBeNull();
    expect(apiKeyShapeHint('empty')).toBeNull();
    expect(apiKeyShapeHint('wrong-length')).toMatch(/43 characters/);
  });
});

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://api.pictograph.io', 'https://api.pictograph.io'],
    ['https://api.pictograph.io/', 'https://api.pictograph.io'],
    ['  http://127.0.0.1:8787  ', 'http://127.0.0.1:8787'],
    ['localhost:8787', 'http://localhost:8787'],
    ['127.0.0.1:9999/', 'http://127.0.0.1:9999'],
    ['pictograph.example.com', 'https://pictograph.example.com'],
    ['https://host.example/api/v1/developer/datasets/', 'https://host.example'],
    ['https://host.example/pictograph/api/v1/', 'https://host.example/pictograph'],
    ['HTTPS://Host.Example:443', 'https://host.example'],
  ])('%s → %s', (raw, url) => {
    expect(normalizeBaseUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /Enter the server address/],
    ['   ', /Enter the server address/],
    ['http://exa mple.com', /spaces/],
    ['ftp://files.example.com', /Only http/],
    ['file:///etc/passwd', /Only http/],
    ['javascript://alert(1)', /Only http/],
    ['https://user:pk_live_x@host.example', /API key in the key field/],
    ['http://', /not a valid address/],
    ['http://[::1', /not a valid address/],
  ])('rejects %j', (raw, message) => {
    const result = normalizeBaseUrl(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('displayHost', () => {
  it('shows host and path, and survives garbage', () => {
    expect(displayHost('https://api.pictograph.io')).toBe('api.pictograph.io');
    expect(displayHost('http://127.0.0.1:8787/base')).toBe('127.0.0.1:8787/base');
    expect(displayHost('not a url')).toBe('not a url');
  });
});
