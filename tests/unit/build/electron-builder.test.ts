import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../../electron-builder.config.cjs') as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, string>
>;

type Validate = (config: unknown, logger: unknown) => Promise<void>;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: Validate;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('packaging configuration', () => {
  it("passes electron-builder's own schema (offline), which does reject a bad one", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsNode: 'nope' } }, new DebugLogger(false)),
    ).rejects.toThrow(/Invalid configuration/);
  });

  it('turns off run-as-node and turns on asar integrity (design §4)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships the built renderer and main bundles and unpacks native modules', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/@napi-rs/**', 'node_modules/sharp/**']));
  });

  it('pins every dependency exactly and Electron/Node as the design says', () => {
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    for (const [name, version] of Object.entries(all)) expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies!.electron).toBe('45.5.0');
    expect(pkg.devDependencies!.node).toMatch(/^24\./);
    expect(pkg.devDependencies!.vite).toBe('8.3.8');
  });
});
