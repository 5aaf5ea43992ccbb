import { benchApp } from './app';
import { benchCatalog } from './catalog';
import { benchServer } from './server';
import type { BenchResult } from './types';

export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Every benchmark suite `npm run bench` runs, in order. New suites (UI, cache, sync) register here. */
export const suites: BenchSuite[] = [
  { name: 'server', run: benchServer },
  { name: 'catalog', run: benchCatalog },
  { name: 'app', run: benchApp },
];
