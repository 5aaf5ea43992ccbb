/**
 * The electronegativity verdict, as pure functions (tests/unit/build/securityGate.test.ts). The tool
 * always exits 0 and its SARIF carries no severity (only `warning`/`note`), so the runner
 * (security/electronegativity.ts) pairs each SARIF result with the severity the same run reported
 * for it, and this module decides: anything above LOW fails unless a reviewed allow-list entry
 * (check + file + a reason) covers it. An entry nothing matched any more fails too, so the list
 * shrinks when the code is fixed instead of silently allowing a future regression.
 */

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
const RANK: Record<Severity, number> = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

export interface Finding {
  check: string;
  /** Relative to the scanned folder, `/`-separated; `N/A` for whole-app (global) checks. */
  file: string;
  line: number;
  message: string;
  severity: Severity;
  confidence: string;
}

export interface AllowEntry {
  check: string;
  file: string;
  reason: string;
}

export interface AllowList {
  /** Checks not run at all, each with why (e.g. one that needs the network). */
  excludedChecks: { check: string; reason: string }[];
  allowed: AllowEntry[];
}

export interface Verdict {
  failing: Finding[];
  allowed: { finding: Finding; reason: string }[];
  /** Findings at LOW or below: printed, never failing. */
  minor: Finding[];
  unusedEntries: AllowEntry[];
  ok: boolean;
}

interface SarifResult {
  ruleId?: unknown;
  message?: { text?: unknown };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: unknown }; region?: { startLine?: unknown } } }[];
}

/** The results of a SARIF 2.1.0 log (one run), as check/file/line/message; throws on anything else. */
export function parseSarif(text: string): Omit<Finding, 'severity' | 'confidence'>[] {
  const log = JSON.parse(text) as { version?: unknown; runs?: { results?: SarifResult[] }[] };
  if (log.version !== '2.1.0' || !Array.isArray(log.runs) || log.runs.length !== 1) {
    throw new Error('Not a SARIF 2.1.0 log with one run: the electronegativity output format changed.');
  }
  const results = log.runs[0]!.results;
  if (!Array.isArray(results)) throw new Error('SARIF run has no results array.');
  return results.map((result, index) => {
    const location = result.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri;
    if (typeof result.ruleId !== 'string' || typeof uri !== 'string') {
      throw new Error(`SARIF result ${index} lacks a rule id or a location.`);
    }
    return {
      check: result.ruleId,
      // Global checks report the file `N/A`, which the writer turns into `file:///`.
      file: uri === 'file:///' || uri === '' ? 'N/A' : uri.replace(/^file:\/\//, ''),
      line: typeof location?.region?.startLine === 'number' ? location.region.startLine : 0,
      message: typeof result.message?.text === 'string' ? result.message.text : '',
    };
  });
}

/** Puts the run's severities on the SARIF results, which the tool writes in the same order. */
export function withSeverities(
  sarif: Omit<Finding, 'severity' | 'confidence'>[],
  issues: { id: string; severity: { name: string }; confidence: { name: string } }[],
): Finding[] {
  if (sarif.length !== issues.length) {
    throw new Error(`SARIF has ${sarif.length} results but the run reported ${issues.length} issues.`);
  }
  return sarif.map((result, i) => {
    const issue = issues[i]!;
    if (issue.id !== result.check) throw new Error(`SARIF result ${i} is ${result.check}, the run said ${issue.id}.`);
    if (!(issue.severity.name in RANK)) throw new Error(`Unknown severity ${issue.severity.name}.`);
    return { ...result, severity: issue.severity.name as Severity, confidence: issue.confidence.name };
  });
}

/** Checks an allow-list file's shape: every entry names a check and a file and gives a real reason. */
export function parseAllowList(text: string): AllowList {
  const raw = JSON.parse(text) as Partial<AllowList>;
  const excludedChecks = raw.excludedChecks ?? [];
  const allowed = raw.allowed ?? [];
  if (!Array.isArray(excludedChecks) || !Array.isArray(allowed)) throw new Error('allow-list: arrays expected');
  for (const [i, entry] of [...excludedChecks, ...allowed].entries()) {
    if (typeof entry.check !== 'string' || !/^[A-Z0-9_]+$/.test(entry.check)) {
      throw new Error(`allow-list entry ${i}: "check" must be an electronegativity check id`);
    }
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      throw new Error(
        `allow-list entry ${i} (${entry.check}): a reviewed reason of at least 20 characters is required`,
      );
    }
  }
  for (const [i, entry] of allowed.entries()) {
    if (typeof entry.file !== 'string' || entry.file === '') throw new Error(`allow-list entry ${i}: "file" required`);
  }
  return { excludedChecks, allowed };
}

export function judge(findings: readonly Finding[], list: AllowList): Verdict {
  const used = new Set<AllowEntry>();
  const verdict: Verdict = { failing: [], allowed: [], minor: [], unusedEntries: [], ok: true };
  for (const finding of findings) {
    if (RANK[finding.severity] <= RANK.LOW) {
      verdict.minor.push(finding);
      continue;
    }
    const entry = list.allowed.find((e) => e.check === finding.check && e.file === finding.file);
    if (entry) {
      used.add(entry);
      verdict.allowed.push({ finding, reason: entry.reason });
    } else {
      verdict.failing.push(finding);
    }
  }
  verdict.unusedEntries = list.allowed.filter((entry) => !used.has(entry));
  verdict.ok = verdict.failing.length === 0 && verdict.unusedEntries.length === 0;
  return verdict;
}

export function formatVerdict(verdict: Verdict): string {
  const at = (f: Finding) => `${f.check} ${f.severity}/${f.confidence} ${f.file}${f.line ? `:${f.line}` : ''}`;
  const lines = [
    ...verdict.failing.map((f) => `FAIL     ${at(f)} — ${f.message}`),
    ...verdict.unusedEntries.map((e) => `STALE    allow-list entry ${e.check} ${e.file} matched nothing: remove it`),
    ...verdict.allowed.map(({ finding, reason }) => `allowed  ${at(finding)} — ${reason}`),
    ...verdict.minor.map((f) => `low      ${at(f)} — ${f.message}`),
  ];
  lines.push(
    verdict.ok
      ? `electronegativity: ok (${verdict.allowed.length} reviewed, ${verdict.minor.length} low)`
      : `electronegativity: ${verdict.failing.length} finding(s) above LOW not on the allow-list, ${verdict.unusedEntries.length} stale entr(ies)`,
  );
  return lines.join('\n');
}
