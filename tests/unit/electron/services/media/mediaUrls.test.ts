import { describe, expect, it } from 'vitest';
import { mediaUrlFor, parseMediaUrl } from '../../../../../electron/services/media/mediaUrls';

const ORIGIN = 'app://pictograph';

describe('media URLs', () => {
  it.each([
    ['9b2e8a3c-0000-4000-8000-000000000001', 'full'],
    ['9b2e8a3c-0000-4000-8000-000000000001', 'thumbnail'],
    ['id with spaces & ?query#hash', 'full'],
    ['ünïcødé-😀', 'thumbnail'],
  ] as const)('round-trips %s / %s', (imageId, variant) => {
    const url = mediaUrlFor(ORIGIN, imageId, variant);
    expect(url.startsWith(`${ORIGIN}/media/`)).toBe(true);
    expect(parseMediaUrl(ORIGIN, url)).toEqual({ imageId, variant });
  });

  it('works for an http origin (the browser harness)', () => {
    const url = mediaUrlFor('http://127.0.0.1:5173', 'abc', 'full');
    expect(url).toBe('http://127.0.0.1:5173/media/abc/full');
    expect(parseMediaUrl('http://127.0.0.1:5173', url)).toEqual({ imageId: 'abc', variant: 'full' });
  });

  it.each([
    ['another custom-scheme host', 'app://evil/media/abc/full'],
    ['another scheme', 'file://pictograph/media/abc/full'],
    ['an http origin', 'http://pictograph/media/abc/full'],
    ['no variant', `${ORIGIN}/media/abc`],
    ['unknown variant', `${ORIGIN}/media/abc/original`],
    ['extra segment', `${ORIGIN}/media/abc/full/more`],
    ['outside /media', `${ORIGIN}/other/abc/full`],
    ['bad escape', `${ORIGIN}/media/%E0%A4%A/full`],
    ['encoded slash', `${ORIGIN}/media/a%2Fb/full`],
    ['control character', `${ORIGIN}/media/a%00b/full`],
    ['dot segment', `${ORIGIN}/media/%2E%2E/full`],
    ['too long id', `${ORIGIN}/media/${'a'.repeat(257)}/full`],
    ['not a URL', 'not a url'],
    ['empty', ''],
  ])('rejects %s', (_label, url) => {
    expect(parseMediaUrl(ORIGIN, url)).toBeNull();
  });
});
