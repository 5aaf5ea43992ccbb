// `npx tsx security/audit.ts`: the dependency-audit stage of `npm test`. Runs `npm audit --omit=dev
// --json` (the packages the installers ship) and fails on any advisory that is not on
// security/audit-allow.json with a reason (docs/security.md explains each accepted one). When the
// registry's audit endpoint cannot be reached (offline, or a mirror without it, as on the project's
// machines) nothing was audited: the stage says so plainly and does not fail, since it learned nothing.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Advisory {
  /** The package the advisory is about (not the one that depends on it). */
  package: string;
  url: string;
  title: string;
  severity: string;
  range: string;
}

export type AuditOutcome = { kind: 'report'; advisories: Advisory[] } | { kind: 'unavailable'; reason: string };

export interface AuditAllowEntry {
  url: string;
  package: string;
  reason: string;
}

interface ViaObject {
  name?: unknown;
  url?: unknown;
  title?: unknown;
  severity?: unknown;
  range?: unknown;
}

/**
 * Reads npm audit's JSON. A report (auditReportVersion 2) lists vulnerable packages, each `via`
 * advisories (objects) or other vulnerable packages (names); only the advisories count, once each.
 * Anything else is npm's error object (`message`, `statusCode`): the audit did not happen.
 */
export function parseAudit(stdout: string): AuditOutcome {
  let json: { auditReportVersion?: unknown; vulnerabilities?: unknown; message?: unknown; error?: unknown };
  try {
    json = JSON.parse(stdout) as typeof json;
  } catch {
    return { kind: 'unavailable', reason: `npm audit printed no JSON: ${stdout.trim().slice(0, 200) || '(nothing)'}` };
  }
  if (json.auditReportVersion !== 2 || typeof json.vulnerabilities !== 'object' || json.vulnerabilities === null) {
    const message = typeof json.message === 'string' ? json.message : JSON.stringify(json).slice(0, 200);
    return { kind: 'unavailable', reason: message };
  }
  const byUrl = new Map<string, Advisory>();
  for (const entry of Object.values(json.vulnerabilities as Record<string, { via?: unknown }>)) {
    for (const via of Array.isArray(entry.via) ? (entry.via as unknown[]) : []) {
      if (typeof via !== 'object' || via === null) continue; // a package name: its own entry has the advisory
      const v = via as ViaObject;
      const url = typeof v.url === 'string' ? v.url : `unknown:${String(v.title)}`;
      byUrl.set(url, {
        package: String(v.name),
        url,
        title: String(v.title ?? ''),
        severity: String(v.severity ?? 'unknown'),
        range: String(v.range ?? ''),
      });
    }
  }
  return { kind: 'report', advisories: [...byUrl.values()].sort((a, b) => a.url.localeCompare(b.url)) };
}

export function parseAuditAllowList(text: string): AuditAllowEntry[] {
  const raw = JSON.parse(text) as { accepted?: unknown };
  if (!Array.isArray(raw.accepted)) throw new Error('audit allow-list: "accepted" array expected');
  return raw.accepted.map((entry: Partial<AuditAllowEntry>, i) => {
    if (typeof entry.url !== 'string' || !entry.url.startsWith('https://')) throw new Error(`entry ${i}: advisory url`);
    if (typeof entry.package !== 'string' || entry.package === '') throw new Error(`entry ${i}: package`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      throw new Error(`entry ${i} (${entry.url}): a reviewed reason of at least 20 characters is required`);
    }
    return { url: entry.url, package: entry.package, reason: entry.reason };
  });
}

export function judgeAudit(
  outcome: AuditOutcome,
  accepted: AuditAllowEntry[],
): { ok: boolean; lines: string[]; audited: boolean } {
  if (outcome.kind === 'unavailable') {
    return {
      ok: true,
      audited: false,
      lines: [
        `NOT AUDITED: the registry's audit endpoint did not answer (${outcome.reason}).`,
        'Production dependencies were not checked on this machine; run `npm audit --omit=dev` where the registry is reachable (docs/release.md).',
      ],
    };
  }
  const lines: string[] = [];
  let failing = 0;
  for (const advisory of outcome.advisories) {
    const entry = accepted.find((e) => e.url === advisory.url && e.package === advisory.package);
    const what = `${advisory.package} ${advisory.range} ${advisory.severity}: ${advisory.title} (${advisory.url})`;
    if (entry) lines.push(`accepted ${what} — ${entry.reason}`);
    else {
      failing += 1;
      lines.push(`FAIL     ${what}`);
    }
  }
  lines.push(`npm audit --omit=dev: ${outcome.advisories.length} advisor(ies), ${failing} not accepted`);
  return { ok: failing === 0, lines, audited: true };
}

async function main(): Promise<number> {
  const repo = fileURLToPath(new URL('../', import.meta.url));
  const accepted = parseAuditAllowList(await readFile(resolve(repo, 'security/audit-allow.json'), 'utf8'));
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
  const outcome: AuditOutcome =
    run.error !== undefined ? { kind: 'unavailable', reason: run.error.message } : parseAudit(run.stdout);
  const verdict = judgeAudit(outcome, accepted);
  for (const line of verdict.lines) console.log(line);
  return verdict.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`audit stage failed to run: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
