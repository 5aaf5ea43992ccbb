// `npx tsx security/electronegativity.ts`: the electronegativity stage of `npm test`.
// Scans main (electron/) and the renderer (renderer/) as ONE app, so the whole-app checks see the
// navigation and permission handlers main installs for the renderer's pages; index.html is scanned
// with the CSP the build puts into it (electron/main/csp.ts), as shipped. Fails on any finding above
// LOW not on security/electronegativity-allow.json, on a stale allow-list entry, and on a file the
// tool could not parse (an unparsed file is an unchecked file). The SARIF is kept with `--sarif FILE`.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { injectCspMeta } from '../electron/main/csp';
import type { Finding } from './gate';
import { formatVerdict, judge, parseAllowList, parseSarif, withSeverities } from './gate';

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL('../', import.meta.url));

interface Issue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
}
interface RunResult {
  issues: Issue[];
  errors: { file: string; message: string; tolerable: boolean }[];
}
type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<RunResult>;

export interface Scan {
  findings: Finding[];
  /** Files the tool could not parse (never tolerated: they were not checked). */
  parseErrors: string[];
  sarif: string;
}

/**
 * Electronegativity fetches fresh translations of its messages from GitHub before every run; offline,
 * got's retry timer then throws from a settled promise and kills the process mid-scan. Its bundled
 * English messages are all we need: put a local-only loader in the module cache before the runner
 * requires it (same configuration, no request).
 */
function useBundledMessages(): void {
  const path = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  if (require.cache[path]) return;
  const i18n = createRequire(path)('i18n') as { configure(options: object): void; setLocale(locale: string): void };
  const load = async (): Promise<void> => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(path),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  const exports = Object.assign(load, { __esModule: true, default: load });
  require.cache[path] = { id: path, filename: path, loaded: true, exports } as unknown as NodeJS.Module;
}

/**
 * The tool writes its SARIF with a fire-and-forget fs.writeFile after `run` resolves: wait until the
 * file holds complete JSON (a bounded wait: a tool that never writes fails the stage, not hangs it).
 */
async function readWhenWritten(path: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(path, 'utf8').catch(() => '');
    try {
      JSON.parse(text);
      return text;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`electronegativity wrote no complete SARIF to ${path} in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Runs electronegativity over `input` (a folder) and returns its SARIF results with their severities. */
export async function scan(input: string, excludedChecks: string[], electronVersion: string): Promise<Scan> {
  useBundledMessages();
  const run = require('@doyensec/electronegativity/dist/runner.js') as Run;
  const out = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  try {
    const sarifPath = join(out, 'result.sarif');
    const result = await run(
      {
        input,
        output: sarifPath,
        isSarif: true,
        isRelative: true,
        customScan: [],
        excludeFromScan: excludedChecks.map((check) => check.toLowerCase()),
        electronVersionOverride: electronVersion,
      },
      false,
    );
    const sarif = await readWhenWritten(sarifPath);
    return {
      findings: withSeverities(parseSarif(sarif), result.issues),
      parseErrors: result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`),
      sarif,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Copies main and the renderer into one folder shaped like the app, index.html with its built CSP. */
export async function stageApp(into: string): Promise<void> {
  await cp(join(repo, 'electron'), join(into, 'electron'), { recursive: true });
  await cp(join(repo, 'renderer'), join(into, 'renderer'), { recursive: true });
  const html = await readFile(join(repo, 'renderer', 'index.html'), 'utf8');
  await writeFile(join(into, 'renderer', 'index.html'), injectCspMeta(html));
  await cp(join(repo, 'package.json'), join(into, 'package.json'));
}

// Plain names for the check classes electronegativity's --exclude-checks takes.
const CHECK_CLASS: Record<string, string> = {
  AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK: 'AvailableSecurityFixesGlobalCheck',
};

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { sarif: { type: 'string' } } });
  const list = parseAllowList(await readFile(join(repo, 'security', 'electronegativity-allow.json'), 'utf8'));
  const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const staged = await mkdtemp(join(tmpdir(), 'electronegativity-app-'));
  try {
    await stageApp(staged);
    const excluded = list.excludedChecks.map(({ check }) => CHECK_CLASS[check] ?? check);
    const result = await scan(staged, excluded, pkg.devDependencies.electron!);
    if (values.sarif) await writeFile(resolve(values.sarif), result.sarif);
    for (const { check, reason } of list.excludedChecks) console.log(`skipped  ${check} — ${reason}`);
    const verdict = judge(result.findings, list);
    console.log(formatVerdict(verdict));
    for (const error of result.parseErrors) console.log(`UNPARSED ${error}`);
    return verdict.ok && result.parseErrors.length === 0 ? 0 : 1;
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // Exit with the verdict rather than wait for anything the tool left running.
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`electronegativity stage failed to run: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(1);
    },
  );
}
