import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPaths } from '../../../electron/main/paths';
import { SEED_WORKER_BUNDLE } from '../../../server/seed/thread';

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
type Filter = (file: string, stat: { isDirectory(): boolean }) => boolean;
const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (
    from: string,
    to: string,
    expand: (s: string) => string,
    patterns: string[],
  ) => {
    createFilter(): Filter;
  };
};

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

  it('turns every fuse the issue asks for: NODE_OPTIONS and --inspect off, cookies encrypted', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and deb, a hardened dmg with entitlements, and an nsis installer, each with its icon', () => {
    expect(config).toMatchObject({
      appId: 'io.pictograph.review',
      productName: 'Pictograph Review',
      linux: { target: ['AppImage', 'deb'], icon: 'assets/icons' },
      mac: { target: ['dmg'], hardenedRuntime: true, icon: 'assets/icon.icns' },
      win: { target: ['nsis'], icon: 'assets/icon.ico' },
    });
    const mac = config.mac as Record<string, string>;
    for (const file of [mac.entitlements!, mac.entitlementsInherit!, mac.icon!, 'assets/icon.ico']) {
      expect(existsSync(resolve(file)), file).toBe(true);
    }
    // V8 needs JIT under the hardened runtime; nothing broader (no unsigned memory, no library loading).
    const plist = readFileSync(mac.entitlements!, 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('notarises only when one complete set of Apple credentials is in the environment', () => {
    const notarizeWith = (env: Record<string, string>): unknown => {
      const saved = { ...process.env };
      const path = require.resolve('../../../electron-builder.config.cjs');
      try {
        for (const name of Object.keys(process.env)) if (name.startsWith('APPLE_')) delete process.env[name];
        Object.assign(process.env, env);
        delete require.cache[path];
        return (require(path) as { mac: { notarize: unknown } }).mac.notarize;
      } finally {
        process.env = saved;
        delete require.cache[path];
      }
    };
    expect(notarizeWith({})).toBe(false);
    expect(notarizeWith({ APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' })).toBe(false); // no password
    expect(notarizeWith({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' })).toBe(true);
    expect(notarizeWith({ APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' })).toBe(true);
    expect(notarizeWith({ APPLE_KEYCHAIN: 'login', APPLE_KEYCHAIN_PROFILE: 'p' })).toBe(true);
    expect(notarizeWith({ APPLE_API_KEY: '', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' })).toBe(false);
  });

  it('ships the built renderer and main bundles and unpacks native modules', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/@napi-rs/**', 'node_modules/sharp/**']));
  });

  it("ships package.json's main, the seed worker beside it, the preload and the renderer, but no source maps", () => {
    // electron-builder's own matcher over the paths main uses (tests/integration/build checks they are built).
    const root = resolve('/app');
    const included = new FileMatcher(root, root, (s) => s, config.files as string[]).createFilter();
    const ships = (path: string): boolean => included(resolve(root, path), { isDirectory: () => false });
    const main = (pkg as unknown as { main: string }).main;
    const mainDir = posix.dirname(main);
    const { preloadPath, rendererDir } = builtPaths(resolve(root, mainDir));
    for (const path of [
      main,
      posix.join(mainDir, SEED_WORKER_BUNDLE),
      relative(root, preloadPath),
      relative(root, join(rendererDir, 'index.html')),
      'package.json',
    ]) {
      expect(ships(path), path).toBe(true);
    }
    expect(ships(`${main}.map`)).toBe(false);
  });

  it('pins every dependency exactly and Electron/Node as the design says', () => {
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    for (const [name, version] of Object.entries(all)) expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies!.electron).toBe('45.5.0');
    expect(pkg.devDependencies!.node).toMatch(/^24\./);
    expect(pkg.devDependencies!.vite).toBe('8.3.8');
  });
});
