// `npm test`: typecheck (node and web), lint, unit, integration, e2e — then one summary line.
// Every stage runs even when an earlier one fails, so one run shows everything that is wrong.
// Test stages run inside a private D-Bus session with an unlocked gnome-keyring when one is
// available (scripts/with-keyring.sh), so keychain code meets a real Secret Service.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const reportDir = mkdtempSync(join(tmpdir(), 'pictograph-test-'));
const bin = (name) => join('node_modules', '.bin', name);
const keyringWrapper = existsSync('scripts/with-keyring.sh') && spawnSync('which', ['dbus-run-session']).status === 0;

const stages = [
  // First: a missing program fails here by name instead of as an obscure test failure or a skip.
  { name: 'tools', cmd: [process.execPath, 'scripts/required-tools.mjs'] },
  { name: 'typecheck:node', cmd: [bin('tsc'), '-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'typecheck:e2e', cmd: [bin('tsc'), '-p', 'tsconfig.e2e.json', '--noEmit'] },
  { name: 'typecheck:web', cmd: [bin('tsc'), '-p', 'tsconfig.web.json', '--noEmit'] },
  { name: 'format', cmd: [bin('prettier'), '--check', '--log-level', 'warn', '.'] },
  { name: 'lint', cmd: [bin('eslint'), '.', '--max-warnings=0'] },
  // Electron security lint (SARIF judged against security/electronegativity-allow.json) and the
  // production dependency audit (says so, without failing, when the audit endpoint is unreachable).
  { name: 'security:electron', cmd: [bin('tsx'), 'security/electronegativity.ts'] },
  { name: 'security:audit', cmd: [bin('tsx'), 'security/audit.ts'] },
  { name: 'unit', vitest: 'unit' },
  { name: 'seed', cmd: [bin('tsx'), 'scripts/build-demo-seed.ts'] },
  // The real-keychain tests get a gnome-keyring of their own, before the integration load: a
  // daemon shared with 400 other tests once went away mid-run (D-Bus then activates a locked one).
  { name: 'keychain', vitest: 'integration', args: ['tests/integration/main/keychain.test.ts'] },
  { name: 'integration', vitest: 'integration', args: ['--exclude', 'tests/integration/main/keychain.test.ts'] },
  { name: 'build:renderer', cmd: [bin('vite'), 'build', '--logLevel', 'warn'] },
  { name: 'e2e', vitest: 'e2e' },
];

const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const stage of stages) {
  if (only.length && !only.some((o) => stage.name.startsWith(o))) continue;
  const started = Date.now();
  console.log(`\n━━ ${stage.name} ━━`);
  let cmd = stage.cmd;
  const report = join(reportDir, `${stage.name}.json`);
  if (stage.vitest) {
    cmd = [
      bin('vitest'),
      'run',
      '--project',
      stage.vitest,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...(stage.args ?? []),
    ];
    if (keyringWrapper) cmd = ['bash', 'scripts/with-keyring.sh', ...cmd];
  }
  const run = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (stage.vitest) {
    let counts = { passed: 0, failed: run.status === 0 ? 0 : 1, skipped: 0 };
    if (existsSync(report)) {
      const json = JSON.parse(readFileSync(report, 'utf8'));
      counts = {
        passed: json.numPassedTests ?? 0,
        failed: (json.numFailedTests ?? 0) + (run.status !== 0 && !json.numFailedTests ? 1 : 0),
        skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
      };
    }
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    results.push(
      `${stage.name.padEnd(16)} ${run.status === 0 ? 'ok  ' : 'FAIL'} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`,
    );
  } else {
    if (run.status === 0) passed += 1;
    else failed += 1;
    results.push(`${stage.name.padEnd(16)} ${run.status === 0 ? 'ok  ' : 'FAIL'} (${seconds} s)`);
  }
}
rmSync(reportDir, { recursive: true, force: true });
console.log('\n━━ summary ━━');
for (const line of results) console.log(line);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
