import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations, run by .ci/run before npm ci.
import { REQUIRED_TOOLS, isPresent, missingTools } from '../../../scripts/required-tools.mjs';

interface Tool {
  command: string;
  debian: string[];
  why: string;
  check?: string[];
}
const tools = REQUIRED_TOOLS as Tool[];
const root = fileURLToPath(new URL('../../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mjs|sh)$/.test(name) ? [path] : [];
  });
}

/** Literal program names handed to child_process (or a promisified `run`) in tests and scripts. */
function spawnedPrograms(): Set<string> {
  const found = new Set<string>();
  const call = /(?<![.\w])(?:spawn|spawnSync|execFile|execFileSync|run)\(\s*'([a-z][a-z0-9-]*)'/g;
  for (const file of [...sources(join(root, 'tests')), ...sources(join(root, 'scripts'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) found.add(match[1]!);
  }
  const wrapper = readFileSync(join(root, 'scripts/with-keyring.sh'), 'utf8');
  for (const match of wrapper.matchAll(/for tool in ([a-z -]+);/g)) {
    for (const name of match[1]!.trim().split(/\s+/)) found.add(name);
  }
  return found;
}

// Programs that are part of every machine the suite runs on, not installed by .ci/run.
const BASE_SYSTEM = new Set(['sh', 'bash', 'which', 'git', 'node', 'npm', 'npx', 'mount', 'umount']);

describe('scripts/required-tools.mjs', () => {
  it('lists every program the tests and the keyring wrapper spawn, with a Debian package', () => {
    const spawned = [...spawnedPrograms()].filter((name) => !BASE_SYSTEM.has(name));
    expect(spawned).toContain('secret-tool');
    const listed = new Set(tools.map((tool) => tool.command));
    expect(spawned.filter((name) => !listed.has(name))).toEqual([]);
    for (const tool of tools) expect(tool.debian.length).toBeGreaterThan(0);
  });

  it('reports a program missing from PATH, and honours CHROMIUM_PATH', () => {
    const empty = { PATH: '/nonexistent' };
    const names = (missingTools(empty) as Tool[]).map((tool) => tool.command);
    expect(names).toEqual(tools.map((tool) => tool.command));
    const chromium = tools.find((tool) => tool.command === 'chromium')!;
    expect(isPresent(chromium, { ...empty, CHROMIUM_PATH: process.execPath })).toBe(true);
    expect(isPresent(chromium, { ...empty, CHROMIUM_PATH: '/nonexistent/chrome' })).toBe(false);
  });

  it("runs a tool's check command, so a program without its module counts as missing", () => {
    const python = tools.find((tool) => tool.command === 'python3')!;
    expect(python.debian).toContain('python3-yaml');
    expect(isPresent(python)).toBe(true);
    expect(isPresent({ ...python, check: ['python3', '-c', 'import no_such_module_here'] })).toBe(false);
  });
});
