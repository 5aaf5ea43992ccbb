import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The import boundaries of design §5, checked by linting snippets as if they lived in each folder.
const cwd = fileURLToPath(new URL('../../..', import.meta.url));
// The snippets are not files on disk, so the type-aware rules (which need a tsconfig project
// containing the file) are switched off here; promiseRules.test.ts covers those.
const eslint = new ESLint({
  cwd,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});
// Spelled indirectly so this file does not itself look like an Electron import to text searches.
const E = `'${'electron'}'`;

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  // A snippet that fails to parse would report no boundary problem and pass the "allowed" rows.
  expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (eslint.config.js)', () => {
  it.each([
    ['shared/api/x.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;", /no node:\*/],
    [
      'shared/ipc/x.ts',
      "import { createRouter } from '../../electron/ipc/router';\nexport const x = createRouter;",
      /shared\/ imports nothing/,
    ],
    [
      'shared/ipc/y.ts',
      "import { startServer } from '../../server/index';\nexport const x = startServer;",
      /shared\/ imports nothing/,
    ],
    ['renderer/x.ts', "import { join } from 'node:path';\nexport const x = join;", /no node:\*/],
    [
      'renderer/x.ts',
      "import { createMainCore } from '../electron/core';\nexport const x = createMainCore;",
      /only through window.api/,
    ],
    [
      'renderer/x.ts',
      "import { startServer } from '../server/index';\nexport const x = startServer;",
      /only through window.api/,
    ],
    ['renderer/x.ts', `import { ipcRenderer } from ${E};\nexport const x = ipcRenderer;`, /Only electron\/main/],
    ['electron/services/x.ts', `import { app } from ${E};\nexport const x = app;`, /Only electron\/main/],
    [
      'electron/services/session/x.ts',
      "import type { HandlerMap } from '../../ipc/types';\nexport type X = HandlerMap;",
      /never imports electron\/ipc/,
    ],
    [
      'electron/services/x.ts',
      "import { registerIpc } from '../main/ipc';\nexport const x = registerIpc;",
      /never imports electron\/ipc/,
    ],
    [
      'electron/services/media/x.ts',
      "import { createMainCore } from '../../core';\nexport const x = createMainCore;",
      /never imports electron\/ipc/,
    ],
    [
      'electron/preload/api.ts',
      `import { ipcRenderer } from ${E};\nexport const x = ipcRenderer;`,
      /Only electron\/main/,
    ],
    [
      'server/x.ts',
      "import { createRouter } from '../electron/ipc/router';\nexport const x = createRouter;",
      /stands alone/,
    ],
    ['tests/unit/x.test.ts', `import { app } from ${E};\nexport const x = app;`, /Only electron\/main/],
  ])('%s: %s is refused', async (file, code, message) => {
    const found = await problems(file, code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(message);
  });

  it.each([
    ['electron/main/x.ts', `import { app } from ${E};\nexport const x = app;`],
    ['electron/preload/index.ts', `import { contextBridge } from ${E};\nexport const x = contextBridge;`],
    ['electron/services/x.ts', "import { startServer } from '../../server/index';\nexport const x = startServer;"],
    ['electron/services/session/x.ts', "import { channels } from '../../../shared/ipc';\nexport const x = channels;"],
    [
      'electron/ipc/handlers/x.ts',
      "import { Session } from '../../services/session/session';\nexport const x = Session;",
    ],
    ['renderer/x.ts', "import { channels } from '../shared/ipc';\nexport const x = channels;"],
    ['server/x.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });

  it('allows named exports only', async () => {
    const [result] = await eslint.lintText('export default 1;\n', { filePath: 'shared/x.ts' });
    expect(result?.messages.map((m) => m.message)).toContain('Named exports only (design §7).');
  });
});
