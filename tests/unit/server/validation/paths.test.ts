import { describe, expect, it } from 'vitest';
import { directoryPathProblem, filenameProblem } from '../../../../server/validation/paths';

describe('filenameProblem', () => {
  it.each(['a.jpg', 'scene 001.PNG', 'ünïcødé.png', '..a', 'x'.repeat(255)])('accepts %s', (name) => {
    expect(filenameProblem(name)).toBeUndefined();
  });
  it.each([
    '',
    '.',
    '..',
    'a/b.jpg',
    'a\\b.jpg',
    '../etc/passwd',
    'tab\there.png',
    'nul\u0000.png',
    'del\u007f.png',
    'c1\u0085.png',
    'x'.repeat(256),
  ])('rejects %j', (name) => {
    expect(filenameProblem(name)).toEqual(expect.any(String));
  });
});

describe('directoryPathProblem', () => {
  it.each(['/', '/day', '/a/b/c', '/with space/ok', `/${'x'.repeat(1023)}`])('accepts %s', (path) => {
    expect(directoryPathProblem(path)).toBeUndefined();
  });
  it.each([
    '',
    'day',
    '/day/',
    '//',
    '/a//b',
    '/a/./b',
    '/a/../b',
    '/..',
    '/a\\b',
    '/new\nline',
    `/${'x'.repeat(1024)}`,
  ])('rejects %j', (path) => {
    expect(directoryPathProblem(path)).toEqual(expect.any(String));
  });
});
