import { describe, expect, it } from 'vitest';
import { BaseUrl, normalizeBaseUrl } from '../../../../../electron/services/client/baseUrl';
import { isAppError } from '../../../../../electron/services/errors';

function badUrlMessage(input: string): string {
  try {
    normalizeBaseUrl(input);
  } catch (error) {
    if (isAppError(error) && error.code === 'bad_url') return error.message;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('normalizeBaseUrl', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['  https://api.pictograph.io/  ', 'https://api.pictograph.io'],
    ['https://api.pictograph.io/api/v1/developer/', 'https://api.pictograph.io'],
    ['https://api.pictograph.io/api/v1', 'https://api.pictograph.io'],
    ['https://proxy.example/pictograph//', 'https://proxy.example/pictograph'],
    ['HTTPS://API.Pictograph.IO:443', 'https://api.pictograph.io'],
    ['http://localhost:80/', 'http://localhost'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['', /empty/],
    ['api.pictograph.io', /must start with http:\/\/ or https:\/\//],
    ['127.0.0.1:8787', /must start with http:\/\/ or https:\/\//],
    ['ftp://example.com', /must start with http:\/\/ or https:\/\//],
    ['http://', /not a valid URL|no host/],
    ['https://user:pw@api.pictograph.io', /user name or password/],
    ['https://api.pictograph.io/?x=1', /query/],
    ['https://exa mple.com', /not a valid URL/],
  ])('rejects %j with a precise message', (input, pattern) => {
    expect(badUrlMessage(input)).toMatch(pattern);
  });
});

describe('BaseUrl', () => {
  const base = new BaseUrl('https://proxy.example/pictograph');

  it('builds API URLs under the prefix with encoded query values, skipping undefined', () => {
    const url = base.api('/images/', { dataset_id: 'a b', status: undefined, limit: 10, include_archived: false });
    expect(url.href).toBe(
      'https://proxy.example/pictograph/api/v1/developer/images/?dataset_id=a+b&limit=10&include_archived=false',
    );
  });

  it('lets the key go only to the configured origin and its API path', () => {
    expect(base.mayCarryKey(new URL('https://proxy.example/pictograph/api/v1/developer/datasets/'))).toBe(true);
    expect(base.mayCarryKey(new URL('https://proxy.example:8443/pictograph/api/v1/developer/datasets/'))).toBe(false);
    expect(base.mayCarryKey(new URL('http://proxy.example/pictograph/api/v1/developer/datasets/'))).toBe(false);
    expect(base.mayCarryKey(new URL('https://evil.example/pictograph/api/v1/developer/datasets/'))).toBe(false);
    expect(base.mayCarryKey(new URL('https://proxy.example/storage/abc?sig=1'))).toBe(false);
    expect(base.mayCarryKey(new URL('https://proxy.example.evil.com/pictograph/api/v1/x'))).toBe(false);
  });

  it('re-roots API URLs found in bodies on the configured origin and leaves signed URLs alone', () => {
    const local = new BaseUrl('http://127.0.0.1:8787');
    const api = local.resolveBodyUrl('https://api.pictograph.io/api/v1/developer/images/9b2e?x=1');
    expect(api).toEqual({ url: new URL('http://127.0.0.1:8787/api/v1/developer/images/9b2e?x=1'), isApi: true });
    const path = local.resolveBodyUrl('/api/v1/developer/annotations/9b2e/file');
    expect(path.isApi).toBe(true);
    expect(path.url.href).toBe('http://127.0.0.1:8787/api/v1/developer/annotations/9b2e/file');
    const signed = local.resolveBodyUrl('https://storage.example/b/9b2e?expires=1&sig=abc');
    expect(signed.isApi).toBe(false);
    expect(signed.url.host).toBe('storage.example');
    expect(local.mayCarryKey(signed.url)).toBe(false);
  });

  it('refuses unusable URLs in bodies', () => {
    expect(() => base.resolveBodyUrl('not a url')).toThrow(/unusable URL/);
    expect(() => base.resolveBodyUrl('file:///etc/passwd')).toThrow(/unsupported scheme/);
  });
});
