import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeAudit, parseAudit, parseAuditAllowList } from '../../../security/audit';
import { scan } from '../../../security/electronegativity';
import type { AllowList, Finding } from '../../../security/gate';
import { judge, parseAllowList, parseSarif, withSeverities } from '../../../security/gate';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

const finding = (over: Partial<Finding>): Finding => ({
  check: 'SANDBOX_JS_CHECK',
  file: 'electron/main/window.ts',
  line: 5,
  message: 'm',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  ...over,
});
const reason = 'reviewed: the window gets sandbox: true from webPreferences()';

describe('electronegativity gate', () => {
  it('flags a window with Node in the renderer when the real tool scans it (SARIF parsed)', async () => {
    const app = await mkdtemp(join(tmpdir(), 'hostile-app-'));
    temp.push(app);
    await mkdir(join(app, 'src'));
    await writeFile(
      join(app, 'src', 'main.js'),
      `const { BrowserWindow } = require('${'electron'}');
       const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
       w.loadURL('https://example.com/');`,
    );
    const result = await scan(app, ['AvailableSecurityFixesGlobalCheck'], '45.5.0');
    expect(result.parseErrors).toEqual([]);
    const checks = result.findings.map((f) => `${f.check} ${f.severity} ${f.file}`);
    expect(checks).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK HIGH src/main.js',
        'SANDBOX_JS_CHECK MEDIUM src/main.js',
        // No will-navigate handler and no permission handler anywhere in the app.
        'LIMIT_NAVIGATION_GLOBAL_CHECK HIGH N/A',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK MEDIUM N/A',
      ]),
    );
    const verdict = judge(result.findings, { excludedChecks: [], allowed: [] });
    expect(verdict.ok).toBe(false);
    expect(verdict.failing.map((f) => f.check)).toContain('CONTEXT_ISOLATION_JS_CHECK');
  }, 60_000);

  it('fails above LOW unless allowed, keeps LOW and below as notes, and fails on a stale entry', () => {
    const list: AllowList = {
      excludedChecks: [],
      allowed: [
        { check: 'SANDBOX_JS_CHECK', file: 'electron/main/window.ts', reason },
        { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/security.ts', reason },
      ],
    };
    const allowedOnly = judge(
      [finding({}), finding({ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/security.ts' })],
      list,
    );
    expect(allowedOnly).toMatchObject({ ok: true, failing: [], unusedEntries: [] });
    // The same check in another file is not covered by the entry.
    const elsewhere = judge([finding({}), finding({ file: 'electron/main/other.ts' })], list);
    expect(elsewhere.ok).toBe(false);
    expect(elsewhere.failing).toEqual([finding({ file: 'electron/main/other.ts' })]);
    expect(elsewhere.unusedEntries.map((e) => e.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    // Fixed code leaves its entry unused: that fails too, so the list is pruned, not left as a blank cheque.
    expect(judge([finding({})], list)).toMatchObject({ ok: false, failing: [] });
    const minor = judge([finding({ severity: 'LOW', file: 'x' }), finding({ severity: 'INFORMATIONAL', file: 'y' })], {
      excludedChecks: [],
      allowed: [],
    });
    expect(minor).toMatchObject({ ok: true, failing: [] });
    expect(minor.minor).toHaveLength(2);
    expect(judge([finding({ severity: 'HIGH', file: 'z' })], { excludedChecks: [], allowed: [] }).ok).toBe(false);
  });

  it('reads SARIF results and pairs them with the run’s severities in order, refusing a mismatch', () => {
    const sarif = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          results: [
            {
              ruleId: 'CSP_GLOBAL_CHECK',
              message: { text: 'No CSP' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///' }, region: { startLine: 1 } } }],
            },
            {
              ruleId: 'SANDBOX_JS_CHECK',
              message: { text: 'sandbox' },
              locations: [
                { physicalLocation: { artifactLocation: { uri: 'main/window.ts' }, region: { startLine: 5 } } },
              ],
            },
          ],
        },
      ],
    });
    const parsed = parseSarif(sarif);
    expect(parsed).toEqual([
      { check: 'CSP_GLOBAL_CHECK', file: 'N/A', line: 1, message: 'No CSP' },
      { check: 'SANDBOX_JS_CHECK', file: 'main/window.ts', line: 5, message: 'sandbox' },
    ]);
    const issue = (id: string, severity: string) => ({
      id,
      severity: { name: severity },
      confidence: { name: 'FIRM' },
    });
    expect(
      withSeverities(parsed, [issue('CSP_GLOBAL_CHECK', 'MEDIUM'), issue('SANDBOX_JS_CHECK', 'LOW')]).map(
        (f) => f.severity,
      ),
    ).toEqual(['MEDIUM', 'LOW']);
    expect(() => withSeverities(parsed, [issue('SANDBOX_JS_CHECK', 'LOW'), issue('CSP_GLOBAL_CHECK', 'LOW')])).toThrow(
      /result 0 is CSP_GLOBAL_CHECK, the run said SANDBOX_JS_CHECK/,
    );
    expect(() => withSeverities(parsed, [])).toThrow(/2 results but the run reported 0/);
    expect(() => parseSarif('{"version":"2.0.0","runs":[]}')).toThrow(/output format changed/);
  });

  it('requires every allow-list entry to name a check and a file and give a reason; the real list does', async () => {
    expect(() =>
      parseAllowList(JSON.stringify({ allowed: [{ check: 'SANDBOX_JS_CHECK', file: 'a', reason: 'ok' }] })),
    ).toThrow(/reason of at least 20 characters/);
    expect(() => parseAllowList(JSON.stringify({ allowed: [{ check: 'sandbox', file: 'a', reason }] }))).toThrow(
      /check id/,
    );
    expect(() => parseAllowList(JSON.stringify({ allowed: [{ check: 'SANDBOX_JS_CHECK', reason }] }))).toThrow(
      /"file"/,
    );
    const real = parseAllowList(await readFile(join(repo, 'security/electronegativity-allow.json'), 'utf8'));
    for (const entry of real.allowed) expect(existsSync(join(repo, entry.file)), entry.file).toBe(true);
  });
});

describe('dependency audit gate', () => {
  // The shape npm 11 prints: sharp vulnerable through a dependency, the advisory on that dependency.
  const report = JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {
      semver: {
        name: 'semver',
        severity: 'high',
        via: [
          {
            source: 1101088,
            name: 'semver',
            title: 'semver ReDoS',
            url: 'https://github.com/advisories/GHSA-c2qf-rxjj-qqgw',
            severity: 'high',
            range: '<7.5.2',
          },
        ],
      },
      sharp: { name: 'sharp', severity: 'high', via: ['semver'] },
    },
    metadata: { vulnerabilities: { high: 2, total: 2 } },
  });

  it('fails on an advisory not accepted, counting each advisory once', () => {
    const outcome = parseAudit(report);
    expect(outcome).toEqual({
      kind: 'report',
      advisories: [
        {
          package: 'semver',
          url: 'https://github.com/advisories/GHSA-c2qf-rxjj-qqgw',
          title: 'semver ReDoS',
          severity: 'high',
          range: '<7.5.2',
        },
      ],
    });
    const verdict = judgeAudit(outcome, []);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[0]).toMatch(/^FAIL {5}semver <7\.5\.2 high: semver ReDoS/);
  });

  it('passes an accepted advisory and a clean report', () => {
    const accepted = parseAuditAllowList(
      JSON.stringify({
        accepted: [{ url: 'https://github.com/advisories/GHSA-c2qf-rxjj-qqgw', package: 'semver', reason }],
      }),
    );
    expect(judgeAudit(parseAudit(report), accepted)).toMatchObject({ ok: true, audited: true });
    expect(judgeAudit(parseAudit('{"auditReportVersion":2,"vulnerabilities":{}}'), [])).toMatchObject({
      ok: true,
      audited: true,
    });
    expect(() => parseAuditAllowList('{"accepted":[{"url":"https://x","package":"p","reason":"because"}]}')).toThrow(
      /reason of at least 20/,
    );
  });

  it('says plainly that nothing was audited when the endpoint does not answer, without failing', () => {
    const outcome = parseAudit(
      JSON.stringify({
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        statusCode: 405,
      }),
    );
    expect(outcome).toEqual({ kind: 'unavailable', reason: expect.stringMatching(/^405 Method Not Allowed/) });
    const verdict = judgeAudit(outcome, []);
    expect(verdict).toMatchObject({ ok: true, audited: false });
    expect(verdict.lines[0]).toMatch(/^NOT AUDITED/);
    expect(parseAudit('npm ERR! network')).toMatchObject({ kind: 'unavailable' });
  });
});
