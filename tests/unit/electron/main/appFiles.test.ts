import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../../../electron/main/appFiles';

const ROOT = '/opt/app/dist/renderer';

/** The path exactly as protocol.ts sees it: parsed by WHATWG URL first. */
const pathOf = (url: string) => new URL(url).pathname;

describe('resolveAppFile', () => {
  it('serves files of the renderer build, index.html for the root', () => {
    expect(resolveAppFile(ROOT, '/', posix)).toBe(`${ROOT}/index.html`);
    expect(resolveAppFile(ROOT, '/index.html', posix)).toBe(`${ROOT}/index.html`);
    expect(resolveAppFile(ROOT, '/assets/index-abc.js', posix)).toBe(`${ROOT}/assets/index-abc.js`);
    expect(resolveAppFile(ROOT, '/assets/a%20b.css', posix)).toBe(`${ROOT}/assets/a b.css`);
    // `..` that stays inside the folder is harmless.
    expect(resolveAppFile(ROOT, '/assets/..%2findex.html', posix)).toBe(`${ROOT}/index.html`);
  });

  it.each([
    ['encoded slashes', '/..%2f..%2fetc/passwd'],
    ['encoded slashes, upper case', '/..%2F..%2F..%2Fetc%2Fpasswd'],
    ['encoded dots', '/%2e%2e%2f%2e%2e%2fetc/passwd'],
    ['a sibling folder named like the root', '/..%2frenderer-evil/index.html'],
    ['the parent folder itself', '/..%2f'],
    ['deep escape', `/${'..%2f'.repeat(20)}etc/shadow`],
  ])('refuses a path that escapes the renderer folder: %s', (_name, pathname) => {
    expect(resolveAppFile(ROOT, pathname, posix)).toBeNull();
  });

  it('refuses escapes however the URL parser left them', () => {
    for (const url of [
      'app://pictograph/..%2f..%2fetc/passwd',
      'app://pictograph/%2e%2e/%2e%2e/etc/passwd',
      'app://pictograph/assets/%2e%2e%2f%2e%2e%2fetc/passwd',
    ]) {
      const file = resolveAppFile(ROOT, pathOf(url), posix);
      expect(file === null || file.startsWith(`${ROOT}/`), `${url} → ${file}`).toBe(true);
    }
    expect(resolveAppFile(ROOT, pathOf('app://pictograph/..%2f..%2fetc/passwd'), posix)).toBeNull();
  });

  it('refuses backslashes, NUL and malformed escapes', () => {
    for (const pathname of [
      '/..%5c..%5cetc%5cpasswd',
      '/..\\..\\etc\\passwd',
      '/assets%5cindex.js',
      '/index.html%00.png',
      '/index.html\0',
      '/%E0%A4%A',
      '/%',
    ]) {
      expect(resolveAppFile(ROOT, pathname, posix), pathname).toBeNull();
    }
  });

  it('keeps absolute paths inside the folder', () => {
    expect(resolveAppFile(ROOT, '//etc/passwd', posix)).toBe(`${ROOT}/etc/passwd`);
    expect(resolveAppFile(ROOT, '/%2fetc%2fpasswd', posix)).toBe(`${ROOT}/etc/passwd`);
    expect(resolveAppFile(ROOT, pathOf('app://pictograph//etc/passwd'), posix)).toBe(`${ROOT}/etc/passwd`);
  });

  it('decodes exactly once: a double-encoded escape stays a literal name inside the folder', () => {
    expect(resolveAppFile(ROOT, '/%252e%252e%252fetc%252fpasswd', posix)).toBe(`${ROOT}/%2e%2e%2fetc%2fpasswd`);
  });

  it('applies the same rules with Windows paths', () => {
    const root = 'C:\\Program Files\\Pictograph Review\\resources\\renderer';
    expect(resolveAppFile(root, '/assets/index.js', win32)).toBe(`${root}\\assets\\index.js`);
    for (const pathname of [
      '/..%2f..%2fWindows%2fwin.ini',
      '/..%5c..%5cWindows%5cwin.ini',
      '/..%2frenderer-evil%2fx.js',
      '/C:%5cWindows%5cwin.ini',
    ]) {
      expect(resolveAppFile(root, pathname, win32), pathname).toBeNull();
    }
  });

  it('refuses the folder itself (a folder is not a file)', () => {
    expect(resolveAppFile(ROOT, '/.', posix)).toBeNull();
    expect(resolveAppFile(ROOT, '/assets/..', posix)).toBeNull();
  });
});
