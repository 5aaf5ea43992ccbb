import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The type-aware promise rules of eslint.config.js, proven on snippets linted as if they were
// real files of main and the renderer (type information comes from the project's tsconfigs).
const cwd = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const floating = `
async function save(): Promise<void> {}
export function run(): void {
  save();
}
`;
const misused = `
async function save(): Promise<void> {}
export function wire(button: { addEventListener(type: string, f: () => void): void }): void {
  button.addEventListener('click', async () => save());
}
`;
const handled = `
async function save(): Promise<void> {}
export function run(): void {
  void save().catch(() => undefined);
}
`;

describe('type-aware promise rules (eslint.config.js)', () => {
  it.each([['electron/services/log.ts'], ['electron/ipc/router.ts'], ['renderer/api/bridge.ts']])(
    '%s: a floating promise is refused',
    async (file) => {
      expect(await ruleIds(file, floating)).toContain('@typescript-eslint/no-floating-promises');
    },
    30_000,
  );

  it('a promise-returning callback where void is expected is refused', async () => {
    expect(await ruleIds('renderer/api/bridge.ts', misused)).toContain('@typescript-eslint/no-misused-promises');
  }, 30_000);

  it('a promise explicitly voided and caught is allowed', async () => {
    expect(await ruleIds('electron/services/log.ts', handled)).toEqual([]);
  }, 30_000);
});
