import { describe, expect, it } from 'vitest';
import { deepLinkInArgv, parseDeepLink } from '../../../../../electron/services/desktop/deepLink';

const DS = '9b2e8a3c-0000-4000-8000-000000000001';
const IM = '1c0ffee0-1234-4abc-9def-0123456789ab';
const good = `pictograph-review://open?dataset=${DS}&image=${IM}`;

describe('parseDeepLink', () => {
  it.each([
    [good],
    [`pictograph-review://open?image=${IM}&dataset=${DS}`],
    [`pictograph-review://open/?dataset=${DS}&image=${IM}`],
  ])('accepts %s', (url) => {
    expect(parseDeepLink(url)).toEqual({ ok: true, target: { datasetId: DS, imageId: IM } });
  });

  it.each([
    ['not a string', 42],
    ['null', null],
    ['empty', ''],
    ['another scheme', `https://open?dataset=${DS}&image=${IM}`],
    ['javascript:', `javascript:alert(1)//pictograph-review://open?dataset=${DS}&image=${IM}`],
    ['scheme in capitals', `PICTOGRAPH-REVIEW://open?dataset=${DS}&image=${IM}`],
    ['another host', `pictograph-review://evil?dataset=${DS}&image=${IM}`],
    ['userinfo before the host', `pictograph-review://x@open?dataset=${DS}&image=${IM}`],
    ['a port', `pictograph-review://open:80?dataset=${DS}&image=${IM}`],
    ['a path', `pictograph-review://open/../x?dataset=${DS}&image=${IM}`],
    ['no query', 'pictograph-review://open'],
    ['missing image', `pictograph-review://open?dataset=${DS}`],
    ['extra parameter', `${good}&then=delete`],
    ['duplicate dataset', `pictograph-review://open?dataset=${DS}&dataset=${DS}&image=${IM}`],
    ['empty pair', `${good}&`],
    ['parameter without =', `${good}&x`],
    ['empty value', `pictograph-review://open?dataset=&image=${IM}`],
    ['percent-encoded id', `pictograph-review://open?dataset=${DS.replace('9', '%39')}&image=${IM}`],
    ['encoded slash', `pictograph-review://open?dataset=..%2F..%2Fetc&image=${IM}`],
    ['plus sign', `pictograph-review://open?dataset=${DS}+&image=${IM}`],
    ['a fragment', `${good}#x`],
    ['upper-case id', `pictograph-review://open?dataset=${DS.toUpperCase()}&image=${IM}`],
    ['not a v4 uuid', `pictograph-review://open?dataset=9b2e8a3c-0000-1000-8000-000000000001&image=${IM}`],
    ['a path as id', `pictograph-review://open?dataset=../../etc/passwd&image=${IM}`],
    ['a space', `pictograph-review://open?dataset= ${DS}&image=${IM}`],
    ['a newline', `${good}\n`],
    ['a NUL', `${good}\u0000`],
    ['a look-alike hyphen', `pictograph-review://open?dataset=${DS.replace('-', '\u2010')}&image=${IM}`],
    ['too long', `${good}&${'x'.repeat(300)}`],
    ['1 MB', 'x'.repeat(1024 * 1024)],
  ])('refuses %s', (_label, url) => {
    const result = parseDeepLink(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThan(100);
  });
});

describe('deepLinkInArgv', () => {
  it('finds the link among the arguments Windows and Linux pass a second instance', () => {
    expect(deepLinkInArgv(['/opt/app/pictograph-review', '--no-sandbox', good])).toBe(good);
    expect(deepLinkInArgv(['C:\\app.exe', 'Pictograph-Review://open?x'])).toBe('Pictograph-Review://open?x');
    expect(deepLinkInArgv(['/opt/app', '--demo'])).toBeNull();
    expect(deepLinkInArgv([])).toBeNull();
  });
});
