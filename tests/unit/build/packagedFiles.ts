import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/**
 * What electron-builder would put into the app, computed offline with its own code where it is
 * importable: the `files` patterns through `getMainFileMatchers` (the same function that adds its
 * default exclusions: node_modules, the build-resources folder, lock files…), and `asarUnpack` through
 * `getFileMatchers`. Production node_modules are collected by electron-builder from the dependency
 * tree (it runs the package manager); here the same closure is walked on disk, which is what an
 * `npm ci` tree holds. Used by tests/unit/build/packaging.test.ts and the `app` bench (size estimate).
 */
const require = createRequire(import.meta.url);

type Filter = (file: string, stat: { isDirectory(): boolean }) => boolean;
interface Matcher {
  createFilter(): Filter;
}
const { getMainFileMatchers, getFileMatchers } = require('app-builder-lib/out/fileMatcher.js') as {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    expand: (s: string) => string,
    platformOptions: unknown,
    packager: unknown,
    outDir: string,
    isElectronCompile: boolean,
  ): Matcher[];
  getFileMatchers(
    config: unknown,
    name: 'asarUnpack',
    destination: string,
    options: {
      macroExpander: (s: string) => string;
      customBuildOptions: unknown;
      globalOutDir: string;
      defaultSrc: string;
    },
  ): Matcher[] | null;
};

export interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  directories: { output: string; buildResources: string };
  [key: string]: unknown;
}

export interface PackagedFile {
  /** Path inside the app, `/`-separated (as in the asar). */
  path: string;
  bytes: number;
  unpacked: boolean;
}

export interface PackagePlan {
  /** Files of the project itself (the build output, package.json). */
  appFiles: PackagedFile[];
  /** Files of production dependencies (node_modules/…). */
  moduleFiles: PackagedFile[];
  /** Package folders of the production closure, e.g. `node_modules/sharp`. */
  modules: string[];
}

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * Walks `root` the way electron-builder does: a folder is entered only if the filter passes it.
 * `overlay` maps top-level folder names to another place on disk (a fresh build), so the real
 * project's sources and tests are walked beside a build that is not the tree's own.
 */
function walk(root: string, filter: Filter, overlay: Record<string, string>): { path: string; bytes: number }[] {
  const found: { path: string; bytes: number }[] = [];
  const visit = (diskDir: string, projectDir: string): void => {
    for (const entry of readdirSync(diskDir, { withFileTypes: true })) {
      const projectPath = join(projectDir, entry.name);
      const isTop = projectDir === root;
      const diskPath = isTop && overlay[entry.name] ? overlay[entry.name]! : join(diskDir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (filter(projectPath, { isDirectory: () => true })) visit(diskPath, projectPath);
      } else if (entry.isFile() && filter(projectPath, { isDirectory: () => false })) {
        found.push({ path: toPosix(relative(root, projectPath)), bytes: statSync(diskPath).size });
      }
    }
    // Overlaid folders may not exist in the project at all (dist-electron before any build).
    if (projectDir === root) {
      for (const [name, diskPath] of Object.entries(overlay)) {
        const present = readdirSync(diskDir).includes(name);
        const projectPath = join(projectDir, name);
        if (!present && filter(projectPath, { isDirectory: () => true })) visit(diskPath, projectPath);
      }
    }
  };
  visit(root, root);
  return found;
}

/** The production dependency closure, resolved the way Node does (nested node_modules first). */
export function productionModules(projectDir: string): string[] {
  const seen = new Set<string>();
  const resolveFrom = (fromDir: string, name: string): string | null => {
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name);
      if (basename(dir) !== 'node_modules' && existsSync(join(candidate, 'package.json'))) return candidate;
      if (resolve(dir) === resolve(projectDir) || dirname(dir) === dir) return null;
    }
  };
  const visit = (fromDir: string, deps: Record<string, string>): void => {
    for (const name of Object.keys(deps)) {
      const found = resolveFrom(fromDir, name);
      if (!found || seen.has(found)) continue; // an optional dependency for another platform
      seen.add(found);
      const pkg = JSON.parse(readFileSync(join(found, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        optionalDependencies?: Record<string, string>;
      };
      visit(found, { ...pkg.dependencies, ...pkg.optionalDependencies });
    }
  };
  const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  visit(projectDir, pkg.dependencies ?? {});
  return [...seen].map((dir) => toPosix(relative(projectDir, dir))).sort();
}

/**
 * Everything the packaged app would contain. `overlay` puts a build made elsewhere (scripts/build.mjs
 * --out) in place of the project's own `dist` and `dist-electron`.
 */
export function planPackage(
  projectDir: string,
  config: BuilderConfig,
  overlay: Record<string, string> = {},
): PackagePlan {
  const expand = (s: string): string => s;
  const outDir = resolve(projectDir, config.directories.output);
  const packager = {
    info: {
      projectDir,
      buildResourcesDir: config.directories.buildResources,
      config: structuredClone(config),
      isPrepackedAppAsar: false,
      debugLogger: { isEnabled: false },
    },
  };
  const [main] = getMainFileMatchers(projectDir, projectDir, expand, {}, packager, outDir, false);
  const include = main!.createFilter();
  const unpackMatchers = getFileMatchers(structuredClone(config), 'asarUnpack', projectDir, {
    macroExpander: expand,
    customBuildOptions: {},
    globalOutDir: outDir,
    defaultSrc: projectDir,
  });
  const unpack = unpackMatchers?.[0]?.createFilter() ?? (() => false);
  const isUnpacked = (path: string): boolean => unpack(join(projectDir, path), { isDirectory: () => false });

  const appFiles = walk(projectDir, include, overlay).map((file) => ({ ...file, unpacked: isUnpacked(file.path) }));
  const modules = productionModules(projectDir);
  // The exclusions electron-builder applies inside node_modules too (typings, build leftovers, VCS files).
  const excludedExt = new RegExp(`\\.(${EXCLUDED_EXTS.join('|')})$`);
  const moduleFiles: PackagedFile[] = [];
  for (const module of modules) {
    for (const entry of readdirSync(join(projectDir, module), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = toPosix(relative(projectDir, join(entry.parentPath, entry.name)));
      // Nested node_modules are their own entries of the closure.
      if (path.slice(module.length).includes('/node_modules/')) continue;
      if (excludedExt.test(path)) continue;
      moduleFiles.push({ path, bytes: statSync(join(projectDir, path)).size, unpacked: isUnpacked(path) });
    }
  }
  return { appFiles, moduleFiles, modules };
}

/** electron-builder's `excludedExts` (app-builder-lib/out/fileMatcher.js), read from the module itself. */
const EXCLUDED_EXTS = (require('app-builder-lib/out/fileMatcher.js') as { excludedExts: string }).excludedExts
  .split(',')
  .map((ext) => ext.replace(/\./g, '\\.'));

/** Bare module names a bundle imports at run time (`from "x"`, `import("x")`, `require("x")`), Node built-ins aside. */
export function bareImports(bundle: string): string[] {
  const names = new Set<string>();
  for (const match of bundle.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g)) {
    const specifier = match[1]!;
    if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return [...names].sort();
}
