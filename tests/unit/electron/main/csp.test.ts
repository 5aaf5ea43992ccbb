import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_PLACEHOLDER,
  META_CONTENT_SECURITY_POLICY,
  injectCspMeta,
  parseCsp,
} from '../../../../electron/main/csp';

/**
 * The policy, directive by directive. Any added source (`connect-src *`, `frame-src 'self'`) or
 * directive changes this map, so a loosened policy fails here, on purpose.
 */
const EXPECTED_HEADER = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};
const { 'frame-ancestors': _headerOnly, ...EXPECTED_META } = EXPECTED_HEADER;

const INDEX_HTML = fileURLToPath(new URL('../../../../renderer/index.html', import.meta.url));

/** The meta policy as a browser would read it from the generated page. */
function metaPolicyOf(html: string): string {
  const tags = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
  expect(tags).toHaveLength(1);
  return tags[0]![1]!;
}

describe('content security policy', () => {
  it('sends exactly the expected directives as the header (app:// protocol and harness)', () => {
    expect(parseCsp(CONTENT_SECURITY_POLICY)).toEqual(EXPECTED_HEADER);
  });

  it('carries the same policy in the meta tag, minus frame-ancestors (ignored in a meta tag)', () => {
    expect(parseCsp(META_CONTENT_SECURITY_POLICY)).toEqual(EXPECTED_META);
  });

  it('generates index.html’s meta tag from the module (the build runs injectCspMeta)', () => {
    const source = readFileSync(INDEX_HTML, 'utf8');
    expect(source).not.toMatch(/default-src/); // no hand-written copy left in the source
    expect(parseCsp(metaPolicyOf(injectCspMeta(source)))).toEqual(EXPECTED_META);
  });

  it('refuses to build a page without exactly one placeholder', () => {
    expect(() => injectCspMeta('<head></head>')).toThrow(/exactly once \(found 0\)/);
    expect(() => injectCspMeta(`${CSP_PLACEHOLDER} ${CSP_PLACEHOLDER}`)).toThrow(/found 2/);
  });

  it('parses like a browser: case-insensitive names, first duplicate wins, empty parts skipped', () => {
    expect(parseCsp(" Connect-Src 'self' ;; connect-src * ;img-src  'self'   data: ;")).toEqual({
      'connect-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
    });
    expect(parseCsp("__proto__ x; default-src 'none'")).toEqual({ ['__proto__']: ['x'], 'default-src': ["'none'"] });
    expect(Object.getPrototypeOf(parseCsp('__proto__ x'))).toBe(Object.prototype);
  });
});
