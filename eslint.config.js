// Flat config. Besides the usual TypeScript rules it enforces the process boundaries of
// design §5: which folders may import Node built-ins, Electron, or each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronImport = {
  name: 'electron',
  message: "Only electron/main/** and electron/preload/index.ts may import 'electron' (tests load everything else).",
};
const nodeBuiltins = { group: ['node:*'], message: 'This folder runs without Node: no node:* imports.' };
const namedExportsOnly = { selector: 'ExportDefaultDeclaration', message: 'Named exports only (design §7).' };

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'out/', 'coverage/', '.cache/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', namedExportsOnly],
      'no-restricted-imports': ['error', { paths: [electronImport] }],
    },
  },
  {
    // Type-aware promise rules where a dropped promise loses work or hides an error: main's
    // services and handlers, and the renderer's event handlers (an async onClick returns a
    // promise React ignores). Type-aware linting is slower, so only these two worlds pay for it.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Config files are consumed by tools that want a default export.
    files: ['*.config.{js,ts,cjs,mjs}', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Dependencies point one way (design §5): electron/main → electron/ipc → electron/services.
    // A service that reached back into ipc/, main/ or the composition root would make the
    // services untestable without the layers above them.
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            {
              regex: '(^|/)electron/(ipc|main|core)(/|$)|^(\\.\\./)+(ipc|main|core)(/|$)',
              message: 'electron/services/ never imports electron/ipc, electron/main or the composition root.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/electron/**', '**/renderer/**', '**/server/**', '**/tests/**'],
              message: 'shared/ imports nothing from the other folders.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/electron/**', '**/server/**'],
              message: 'The renderer reaches main only through window.api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'pictograph-local stands alone.' }],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // In vitest 4 a regex inside a toMatchObject object matches ANY string, so such a message check
    // checks nothing (and inside toEqual it never matches). expect.stringMatching(...) really checks.
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        namedExportsOnly,
        {
          selector:
            'CallExpression[callee.property.name=/^(toMatchObject|toEqual|toStrictEqual|objectContaining)$/] > .arguments Property > Literal[regex]',
          message: 'A regex as a property value matches any string here: use expect.stringMatching(/…/).',
        },
      ],
    },
  },
);
