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
    ['not a string', 42, /not a string/],
    ['null', null, /not a string/],
    ['empty', '', /spaces, control/],
    ['another scheme', `https://open?dataset=${DS}&image=${IM}`, /not a pictograph-review/],
    [
      'javascript:',
      `javascript:alert(1)//pictograph-review://open?dataset=${DS}&image=${IM}`,
      /not a pictograph-review/,
    ],
    ['scheme in capitals', `PICTOGRAPH-REVIEW://open?dataset=${DS}&image=${IM}`, /not a pictograph-review/],
    ['another host', `pictograph-review://evil?dataset=${DS}&image=${IM}`, /not a pictograph-review/],
    ['userinfo before the host', `pictograph-review://x@open?dataset=${DS}&image=${IM}`, /not a pictograph-review/],
    ['a port', `pictograph-review://open:80?dataset=${DS}&image=${IM}`, /not a pictograph-review/],
    ['a path', `pictograph-review://open/../x?dataset=${DS}&image=${IM}`, /not a pictograph-review/],
    ['no query', 'pictograph-review://open', /not a pictograph-review/],
    ['missing image', `pictograph-review://open?dataset=${DS}`, /both required/],
    ['extra parameter', `${good}&then=delete`, /unknown parameter "then"/],
    ['duplicate dataset', `pictograph-review://open?dataset=${DS}&dataset=${DS}&image=${IM}`, /"dataset" given twice/],
    ['empty pair', `${good}&`, /without a value/],
    ['parameter without =', `${good}&x`, /without a value/],
    ['empty value', `pictograph-review://open?dataset=&image=${IM}`, /dataset id is not an id/],
    ['percent-encoded id', `pictograph-review://open?dataset=${DS.replace('9', '%39')}&image=${IM}`, /encoded/],
    ['encoded slash', `pictograph-review://open?dataset=..%2F..%2Fetc&image=${IM}`, /encoded/],
    ['plus sign', `pictograph-review://open?dataset=${DS}+&image=${IM}`, /encoded/],
    ['a fragment', `${good}#x`, /a fragment/],
    ['upper-case id', `pictograph-review://open?dataset=${DS.toUpperCase()}&image=${IM}`, /dataset id is not/],
    [
      'not a v4 uuid',
      `pictograph-review://open?dataset=9b2e8a3c-0000-1000-8000-000000000001&image=${IM}`,
      /dataset id/,
    ],
    ['a path as id', `pictograph-review://open?dataset=../../etc/passwd&image=${IM}`, /dataset id is not/],
    ['a bad image id', `pictograph-review://open?dataset=${DS}&image=${IM}x`, /image id is not/],
    ['a space', `pictograph-review://open?dataset= ${DS}&image=${IM}`, /spaces, control/],
    ['a newline', `${good}\n`, /spaces, control/],
    ['a NUL', `${good}\u0000`, /spaces, control/],
    ['a look-alike hyphen', `pictograph-review://open?dataset=${DS.replace('-', '\u2010')}&image=${IM}`, /non-ASCII/],
    ['too long', `${good}&${'x'.repeat(300)}`, /too long/],
    ['1 MB', 'x'.repeat(1024 * 1024), /too long/],
  ])('refuses %s', (_label, url, reason) => {
    const result = parseDeepLink(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
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
