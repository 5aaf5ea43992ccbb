// `npm run bench`: runs every benchmark suite and prints one table.
//   npm run bench                         all suites
//   npm run bench -- --only server        suites whose name starts with "server"
//   npm run bench -- --json out.json      also write machine-readable results
//   npm run bench -- --save-baseline      record today's medians as the baseline to compare against
// Benchmarks, not tests: numbers vary with the machine, so nothing here fails a build.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable } from './table';
import { suites } from './suites';
import type { BenchResult } from './types';

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    only: { type: 'string' },
    'save-baseline': { type: 'boolean', default: false },
  },
});

const baselineFile = fileURLToPath(new URL('./baseline.json', import.meta.url));
const baseline: Record<string, number> = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, 'utf8')) : {};

const results: BenchResult[] = [];
for (const suite of suites) {
  if (values.only && !suite.name.startsWith(values.only)) continue;
  console.log(`running ${suite.name}…`);
  for (const result of await suite.run()) {
    const known = baseline[result.name];
    results.push(known === undefined ? result : { ...result, baseline: known });
  }
}

console.log(`\n${formatTable(results)}`);
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({ machine: machineLine(), results }, null, 2)}\n`);
  console.log(`\nwrote ${values.json}`);
}
if (values['save-baseline']) {
  const next = { ...baseline, ...Object.fromEntries(results.map((r) => [r.name, r.median])) };
  writeFileSync(baselineFile, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`saved baseline to ${baselineFile}`);
}

function machineLine(): string {
  return `${process.platform} ${process.arch}, node ${process.version}`;
}
