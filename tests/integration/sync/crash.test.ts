import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedFixture } from '../../../server/seed/types';
import type { TestServer } from '../../support/server';
import { startTestServer } from '../../support/server';
import { EDITS, IMAGES, baseList, finalStates, planEdits, prng } from './support/crashPlan';
import { serverList } from './support/sync';

const CHILD = join(import.meta.dirname, 'support', 'crashChild.ts');
const SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + i * 7919);
/** Two seeds run side by side, each on its own 20 images, to keep the whole test near a minute. */
const PAIRS = Array.from({ length: SEEDS.length / 2 }, (_, i) => [SEEDS[2 * i]!, SEEDS[2 * i + 1]!] as const);

let server: TestServer;
let fixtureDir: string;
/** Two sets of 20 images, one per seed of a pair. */
let imageSets: string[][];

/** A tiny dataset of 20 one-colour PNGs, made for this test. */
async function crashFixture(dir: string): Promise<SeedFixture> {
  const images = await Promise.all(
    Array.from({ length: 2 * IMAGES }, async (_, i) => {
      const file = join(dir, `crash_${i}.png`);
      await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: i * 5, g: 0, b: 0 } } })
        .png()
        .toFile(file);
      return {
        filename: `crash_${String(i).padStart(2, '0')}.png`,
        directory_path: '/',
        mime_type: 'image/png',
        width: 8,
        height: 8,
        status: 'new' as const,
        file,
        annotations: [],
      };
    }),
  );
  return {
    datasets: [
      {
        name: 'Crash',
        description: null,
        annotation_types: ['bbox'],
        classes: [{ name: 'car', color: '#ff0000' }],
        images,
      },
    ],
  };
}

beforeAll(async () => {
  fixtureDir = await mkdtemp(join(tmpdir(), 'crash-fixture-'));
  // ~500 counted requests per seed (each burst save is sent at once, as autosave would): well past 5,000 in all.
  server = await startTestServer({ seed: await crashFixture(fixtureDir), rateLimit: 100_000 });
  const headers = { 'X-API-Key': server.keys.owner };
  const api = `${server.url}/api/v1/developer`;
  const [dataset] = (await (await fetch(`${api}/datasets/`, { headers })).json()) as { id: string }[];
  const images = (await (await fetch(`${api}/images/?dataset_id=${dataset!.id}&limit=100`, { headers })).json()) as {
    id: string;
    filename: string;
  }[];
  const ids = images.sort((a, b) => a.filename.localeCompare(b.filename)).map((i) => i.id);
  expect(ids).toHaveLength(2 * IMAGES);
  imageSets = [ids.slice(0, IMAGES), ids.slice(IMAGES)];
});
afterAll(async () => {
  await server?.close();
  await rm(fixtureDir, { recursive: true, force: true });
});

async function resetAll(imageIds: readonly string[]): Promise<void> {
  const headers = { 'X-API-Key': server.keys.owner, 'Content-Type': 'application/json' };
  await Promise.all(
    imageIds.map(async (id, i) => {
      const res = await fetch(`${server.url}/api/v1/developer/annotations/${id}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ annotations: baseList(i) }),
      });
      if (res.status !== 200) throw new Error(`reset ${res.status}`);
    }),
  );
}

interface ChildRun {
  lastAck: number;
  killed: boolean;
  done: { queued: number; failed: number; conflicts: number } | null;
  /** The finishing run's last error and pause, shown when it did not end empty. */
  detail: string;
  stderr: string;
}

/** Runs the child from `start`; SIGKILLs it right after ack `killAfter` plus `jitterMs` (null: let it finish). */
function runChild(env: Record<string, string>, killAfter: number | null, jitterMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ChildRun = { lastAck: -1, killed: false, done: null, detail: '', stderr: '' };
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('ack ')) {
          run.lastAck = Number(line.slice(4));
          if (killAfter !== null && run.lastAck >= killAfter && !run.killed) {
            run.killed = true;
            setTimeout(() => child.kill('SIGKILL'), jitterMs);
          }
        } else if (line.startsWith('detail ')) run.detail = line.slice(7);
        else if (line.startsWith('done ')) run.done = JSON.parse(line.slice(5)) as ChildRun['done'];
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(run));
  });
}

describe('SIGKILL during a burst of 200 edits over 20 images, restart, sync', () => {
  const outcomes: string[] = [];
  afterAll(() => console.log(`crash runs (seed: killed after ack → server state):\n${outcomes.join('\n')}`));

  async function runSeed(seed: number, imageIds: readonly string[]): Promise<void> {
    await resetAll(imageIds);
    const userDataDir = await mkdtemp(join(tmpdir(), 'crash-app-'));
    try {
      const random = prng(seed ^ 0x5eed);
      const killAfter = 5 + Math.floor(random() * (EDITS - 20));
      const jitterMs = Math.floor(random() * 25);
      const env = {
        USER_DATA: userDataDir,
        BASE_URL: server.url,
        API_KEY: server.keys.member,
        SEED: String(seed),
        IMAGE_IDS: imageIds.join(','),
      };
      const burst = await runChild({ ...env, START: '0', FINISH: '0' }, killAfter, jitterMs);
      expect(burst.killed, burst.stderr).toBe(true);
      // The editor re-saves what was never acknowledged: the next edit after the last ack.
      const finish = await runChild({ ...env, START: String(burst.lastAck + 1), FINISH: '1' }, null, 0);
      expect(finish.stderr).toBe('');
      expect(finish.done, finish.detail).toEqual({ queued: 0, failed: 0, conflicts: 0 });

      const expected = finalStates(planEdits(seed));
      const actual = await Promise.all(imageIds.map(async (id) => (await serverList(server, id)).annotations));
      expect(actual).toEqual(expected);
      outcomes.push(`${seed}: killed after ack ${burst.lastAck} (+${jitterMs} ms) → 20/20 images as last edited`);
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  }

  it.each(PAIRS)(
    'seeds %i and %i: every image on pictograph-local ends exactly as last edited',
    async (a, b) => {
      await Promise.all([runSeed(a, imageSets[0]!), runSeed(b, imageSets[1]!)]);
    },
    60_000,
  );
});
