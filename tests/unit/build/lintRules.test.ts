import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Lint rules for tests themselves, checked by linting snippets as if they lived under tests/.
// The snippets are strings: written as code here they would trip the very rule under test.
const cwd = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd });
const VACUOUS = /matches any string here: use expect\.stringMatching/;

async function syntaxProblems(code: string, filePath = 'tests/unit/x.test.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(`import { expect } from 'vitest';\nconst e = { message: 'x' };\n${code}\n`, {
    filePath,
  });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('no regex literal as a property value inside an equality matcher (vitest 4 matches any string)', () => {
  it.each([
    ['toMatchObject, flat', 'expect(e).toMatchObject({ code: "x", message: /refused/ });'],
    ['toMatchObject, nested object', 'expect(e).toMatchObject({ details: { problems: { message: /w/ } } });'],
    ['toMatchObject, object inside an array', 'expect([e]).toMatchObject([{ message: /refused/ }]);'],
    ['toEqual', 'expect(e).toEqual({ message: /refused/ });'],
    ['toStrictEqual', 'expect(e).toStrictEqual({ message: /refused/ });'],
    ['objectContaining', 'expect(e).toEqual(expect.objectContaining({ message: /refused/ }));'],
    [
      'objectContaining nested in stringMatching siblings',
      'expect(e).toMatchObject({ a: expect.stringMatching(/ok/), b: expect.objectContaining({ c: /no/ }) });',
    ],
  ])('refuses %s', async (_name, code) => {
    const found = await syntaxProblems(code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(VACUOUS);
  });

  it.each([
    ['expect.stringMatching as the value', 'expect(e).toMatchObject({ message: expect.stringMatching(/refused/) });'],
    ['toMatch on the string itself', 'expect(e.message).toMatch(/refused/);'],
    ['a regex in it.each rows', 'export const rows = [["html", /text\\/html/]];'],
    ['a regex inside the actual value', 'expect({ pattern: /x/ }).toEqual(e);'],
    ['toThrow with a regex', 'expect(() => undefined).toThrow(/boom/);'],
  ])('allows %s', async (_name, code) => {
    expect(await syntaxProblems(code)).toEqual([]);
  });

  it('keeps the named-exports rule in tests, which this rule block re-declares', async () => {
    expect(await syntaxProblems('export default 1;')).toContain('Named exports only (design §7).');
  });
});
