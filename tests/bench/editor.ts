import { performance } from 'node:perf_hooks';
import { createDocument } from '../../renderer/editor/document/document';
import { replacementDiff } from '../../renderer/editor/history/diff';
import { History } from '../../renderer/editor/history/history';
import { PickIndex } from '../../renderer/editor/picking/pickIndex';
import type { Annotation } from '../../shared/api/annotation';
import { moveVertex } from '../../shared/annotations/ops';
import type { BenchResult } from './types';

/**
 * The editor's pure parts under Node (issue 9 item 8): picking, box-select, and an edit applied
 * through History with the pick index following it, on a 4096² image with 1,000, 5,000 and 10,000
 * polygons of 20 vertices. Browser-side numbers (highlight, vertex drag p95, commit redraw) are
 * measured in Chromium by the editor's integration benchmarks.
 */
const IMAGE = 4096;
const SIZES = [1_000, 5_000, 10_000];
const QUERIES = 2_000;
const ROUNDS = 25;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Irregular 20-vertex polygons spread over the image, sized so they tile it loosely. */
export function benchPolygons(count: number, seed = 3): Annotation[] {
  const rnd = random(seed);
  const spacing = IMAGE / Math.sqrt(count);
  return Array.from({ length: count }, (_, i) => {
    const cx = rnd() * IMAGE;
    const cy = rnd() * IMAGE;
    const ring = Array.from({ length: 20 }, (_, k) => {
      const angle = (k / 20) * 2 * Math.PI;
      const r = spacing * (0.25 + 0.2 * rnd());
      return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
    });
    return { id: `p${i}`, name: 'building', type: 'polygon', polygon: { paths: [ring] } };
  });
}

function row(name: string, unit: string, samples: number[], target: number, note: string): BenchResult {
  const median = percentile(samples, 50);
  return {
    name,
    unit,
    median,
    p95: percentile(samples, 95),
    target: `≤ ${target} ${unit}`,
    pass: median <= target,
    note,
  };
}

function benchSize(count: number): BenchResult[] {
  const list = benchPolygons(count);
  const label = count.toLocaleString('en-US');
  const builds: number[] = [];
  let index = new PickIndex(list, { width: IMAGE, height: IMAGE });
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    index = new PickIndex(list, { width: IMAGE, height: IMAGE });
    builds.push(performance.now() - t);
  }

  // Picking: batches of random points at a 4 px tolerance (fit-to-window zoom ≈ 0.2 → 20 image px).
  const rnd = random(17);
  const points = Array.from({ length: QUERIES }, () => [rnd() * IMAGE, rnd() * IMAGE] as const);
  const pickSamples: number[] = [];
  let hits = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    for (const [x, y] of points) if (index.pick(x, y, 20)) hits++;
    pickSamples.push(((performance.now() - t) * 1000) / QUERIES);
  }

  // Box-select of about 1,000 shapes: a square holding ~1,000 / count of the image.
  const side = IMAGE * Math.sqrt(Math.min(1, 1000 / count));
  const rect = { minX: 0, minY: 0, maxX: side, maxY: side };
  const selected = index.boxSelect(rect).length;
  const boxSamples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    index.boxSelect(rect);
    boxSamples.push(performance.now() - t);
  }

  // An edit: one vertex of one polygon moved, through History (as a drag step does), index following.
  const history = new History(createDocument('bench', list));
  history.subscribe((doc, diff) => {
    if (diff) index.applyDiff(doc.annotations, diff);
  });
  const editSamples: number[] = [];
  history.mark();
  for (let r = 0; r < 200; r++) {
    const target = history.document.annotations[(r * 7919) % count]!;
    const t = performance.now();
    const moved = moveVertex(target, 0, 3, { x: rnd() * IMAGE, y: rnd() * IMAGE });
    if (moved.ok) history.apply(replacementDiff(history.document, [moved.value]));
    editSamples.push((performance.now() - t) * 1000);
  }
  history.revert();

  const shapes = `${label} polygons × 20 vertices, 4096²`;
  return [
    row(
      `editor: pick (${label} polygons)`,
      'µs',
      pickSamples,
      5,
      // The best round shows the cost without the other processes sharing the CPU.
      `${shapes}; ${hits / ROUNDS}/${QUERIES} hits; best round ${Math.min(...pickSamples).toFixed(2)} µs`,
    ),
    row(`editor: box-select ${selected} of ${label}`, 'ms', boxSamples, 50, shapes),
    row(`editor: edit + index update (${label})`, 'µs', editSamples, 1000, `one vertex moved via History; ${shapes}`),
    row(`editor: build pick index (${label})`, 'ms', builds, 100, shapes),
  ];
}

export async function benchEditor(): Promise<BenchResult[]> {
  return SIZES.flatMap(benchSize);
}
