import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBenchDataDir } from './serverDataset';
import type { BenchResult } from './types';

const IMAGE_COUNT = 100_000;
const MEMORY_REQUESTS = 100_000;
const ROUNDS = 10;
const CONCURRENCY = 32;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function rssBytes(pid: number): Promise<number> {
  process.kill(pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error('no VmRSS');
  return Number(kb[1]) * 1024;
}

async function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string; key: string }> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'serverChild.ts'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const info = await new Promise<{ url: string; keys: { viewer: string } }>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(JSON.parse(line) as { url: string; keys: { viewer: string } });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, url: info.url, key: info.keys.viewer };
}

async function timed(url: string, key: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, { headers: { 'X-API-Key': key } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
  return performance.now() - start;
}

/** `count` GETs spread over `concurrency` workers; returns requests per second. */
async function hammer(urls: string[], key: string, count: number, concurrency: number): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const url = urls[next++ % urls.length]!;
        const res = await fetch(url, { headers: { 'X-API-Key': key } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
      }
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

/**
 * pictograph-local on a 100,000-image dataset, server in a child process: listing latency,
 * annotation-read throughput with concurrent clients, and resident memory across 100k requests.
 */
export async function benchServer(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'pictograph-bench-'));
  const dataDir = join(root, 'data');
  const { datasetId, imageIds } = await buildBenchDataDir(dataDir, IMAGE_COUNT);
  const { child, url, key } = await startChild(dataDir);
  try {
    const api = `${url}/api/v1/developer`;
    const listUrl = `${api}/images/?dataset_id=${datasetId}&limit=1000`;
    for (let i = 0; i < 5; i++) await timed(listUrl, key);
    const listTimes: number[] = [];
    for (let i = 0; i < 40; i++) listTimes.push(await timed(`${listUrl}&offset=${(i * 2_377) % 99_000}`, key));

    const annotationUrls = imageIds.slice(0, 5_000).map((id) => `${api}/annotations/${id}`);
    // Warm up until V8's heap and SQLite's page cache reach their working size.
    await hammer(annotationUrls, key, 20_000, CONCURRENCY);
    const rssBefore = await rssBytes(child.pid!);
    const rates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rates.push(await hammer(annotationUrls, key, MEMORY_REQUESTS / ROUNDS, CONCURRENCY));
    }
    const rssAfter = await rssBytes(child.pid!);
    const growth = ((rssAfter - rssBefore) / rssBefore) * 100;

    const listMedian = percentile(listTimes, 50);
    const rateMedian = percentile(rates, 50);
    return [
      { name: 'server: GET /images/?limit=1000 on 100k images', unit: 'ms', median: listMedian, p95: percentile(listTimes, 95), target: '< 50 ms median', pass: listMedian < 50 },
      // For a rate, the "p95" is the slow tail: the round rate that 95 % of rounds beat.
      { name: `server: GET /annotations/{id} throughput, ${CONCURRENCY} concurrent`, unit: 'req/s', median: rateMedian, p95: percentile(rates, 5), target: '≥ 500 req/s', pass: rateMedian >= 500 },
      { name: `server: RSS growth over ${MEMORY_REQUESTS} requests`, unit: '%', median: growth, p95: growth, baseline: rssBefore / 1024 / 1024, target: '< 10 % (baseline = MiB before)', pass: growth < 10 },
    ];
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(root, { recursive: true, force: true });
  }
}
