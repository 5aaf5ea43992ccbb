import { benchApp } from './app';
import { benchBrowser } from './browser';
import { benchCatalog } from './catalog';
import { benchEditor } from './editor';
import { benchEditorBrowser } from './editorBrowser';
import { benchExports } from './exports';
import { benchOffline } from './offline';
import { benchServer } from './server';
import { benchSync } from './sync';
import type { BenchResult } from './types';
import { benchViewer } from './viewer';

export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Every benchmark suite `npm run bench` runs, in order. New suites (UI, cache, sync) register here. */
export const suites: BenchSuite[] = [
  { name: 'server', run: benchServer },
  { name: 'catalog', run: benchCatalog },
  { name: 'editor', run: async () => [...(await benchEditor()), ...(await benchEditorBrowser())] },
  { name: 'app', run: benchApp },
  { name: 'browser', run: benchBrowser },
  { name: 'viewer', run: benchViewer },
  { name: 'exports', run: benchExports },
  { name: 'sync', run: benchSync },
  { name: 'offline', run: benchOffline },
];
