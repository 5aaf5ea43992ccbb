import type { Random } from '../../random';
import type { SeedImageStatus } from '../../types';
import type { XY } from '../../annotations';
import { authorPolicy, pickStatus, polygonAnnotation } from '../../annotations';

/**
 * An orthophoto tile: a grid of roads, city blocks cut into parcels, and per parcel a building
 * (plain, rotated, L-shaped, or with a courtyard = a polygon with a hole), maybe a pool, and trees.
 * The tile holds exactly `targetCount` polygons — it is the editor's stress case — so parcels are
 * sized from the target, visited in random order (empty ones read as vacant lots), and the
 * remainder is made up with trees in the parks.
 */
export type AerialClass = 'building' | 'tree' | 'pool' | 'road';

export interface AerialFeature {
  name: AerialClass;
  rings: XY[][];
  color: string;
}

export interface AerialScene {
  size: number;
  /** sun shadow offset, proportional to the parcel size so dense tiles don't drown in shadow */
  shadow: XY;
  ground: string;
  roads: AerialFeature[];
  lawns: { x: number; y: number; w: number; h: number; color: string }[];
  features: AerialFeature[];
}

export interface PlannedAerial {
  scene: AerialScene;
  status: SeedImageStatus;
  annotations: Record<string, unknown>[];
}

const ROOFS = [
  '#b5523b',
  '#9c4a36',
  '#7d7f86',
  '#5f6368',
  '#a89f91',
  '#c9b79c',
  '#6d4c41',
  '#8a8d91',
  '#4e5a65',
] as const;
const CANOPIES = ['#2f5d2a', '#3b6b2f', '#264d23', '#4a7a35', '#355e3b'] as const;
const LAWNS = ['#6f8f4e', '#7a9a55', '#809c5a', '#8c9f63', '#93a06a'] as const;

const rect = (x: number, y: number, w: number, h: number): XY[] => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];

function rotate(points: XY[], center: XY, angle: number): XY[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return points.map((p) => ({
    x: center.x + (p.x - center.x) * cos - (p.y - center.y) * sin,
    y: center.y + (p.x - center.x) * sin + (p.y - center.y) * cos,
  }));
}

function circle(random: Random, center: XY, radius: number, vertices: number): XY[] {
  return Array.from({ length: vertices }, (_, i) => {
    const angle = (i / vertices) * Math.PI * 2;
    const r = radius * random.range(0.85, 1.1);
    return { x: center.x + Math.cos(angle) * r, y: center.y + Math.sin(angle) * r };
  });
}

function building(random: Random, x: number, y: number, w: number, h: number): XY[][] {
  const center = { x: x + w / 2, y: y + h / 2 };
  const roll = random.next();
  if (roll < 0.1 && w > 24 && h > 24) {
    const inset = Math.min(w, h) * random.range(0.28, 0.36);
    return [rect(x, y, w, h), rect(x + inset, y + inset, w - inset * 2, h - inset * 2)]; // courtyard
  }
  if (roll < 0.35) {
    const cutW = w * random.range(0.35, 0.55);
    const cutH = h * random.range(0.35, 0.55);
    return [
      [
        { x, y },
        { x: x + w, y },
        { x: x + w, y: y + h - cutH },
        { x: x + w - cutW, y: y + h - cutH },
        { x: x + w - cutW, y: y + h },
        { x, y: y + h },
      ],
    ];
  }
  return [rotate(rect(x, y, w, h), center, random.chance(0.5) ? random.range(-0.12, 0.12) : 0)];
}

interface Span {
  from: number;
  to: number;
}

function roadLines(random: Random, size: number, width: number): Span[] {
  const count = random.int(2, 4);
  return Array.from({ length: count }, (_, i) => {
    const at = ((i + 0.5 + random.range(-0.25, 0.25)) / count) * size;
    return { from: at - width / 2, to: at + width / 2 };
  });
}

/** Free spans between roads along one axis, minus a sidewalk margin. */
function blocksBetween(roads: Span[], size: number, margin: number): Span[] {
  const edges = [{ from: -Infinity, to: 0 }, ...roads, { from: size, to: Infinity }];
  const spans: Span[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = Math.max(0, edges[i]!.to + margin);
    const to = Math.min(size, edges[i + 1]!.from - margin);
    if (to - from > margin * 2) spans.push({ from, to });
  }
  return spans;
}

function planScene(random: Random, size: number, targetCount: number): AerialScene {
  const roadWidth = size * random.range(0.011, 0.017);
  const margin = roadWidth * 0.35;
  const vertical = roadLines(random, size, roadWidth);
  const horizontal = roadLines(random, size, roadWidth);
  const roads: AerialFeature[] = [
    ...vertical.map((span) => ({
      name: 'road' as const,
      rings: [rect(span.from, 0, span.to - span.from, size)],
      color: '#55585c',
    })),
    ...horizontal.map((span) => ({
      name: 'road' as const,
      rings: [rect(0, span.from, size, span.to - span.from)],
      color: '#55585c',
    })),
  ];
  const columns = blocksBetween(vertical, size, margin);
  const rows = blocksBetween(horizontal, size, margin);
  const blockArea = columns.reduce((a, c) => a + (c.to - c.from), 0) * rows.reduce((a, r) => a + (r.to - r.from), 0);
  const featuresPerParcel = 2.7;
  const parcelSide = Math.sqrt((blockArea * featuresPerParcel) / Math.max(1, targetCount - roads.length)) * 0.92;

  const parcels: { x: number; y: number; w: number; h: number }[] = [];
  for (const column of columns) {
    for (const row of rows) {
      const across = Math.max(1, Math.floor((column.to - column.from) / parcelSide));
      const down = Math.max(1, Math.floor((row.to - row.from) / parcelSide));
      const w = (column.to - column.from) / across;
      const h = (row.to - row.from) / down;
      for (let i = 0; i < across; i++)
        for (let j = 0; j < down; j++) parcels.push({ x: column.from + i * w, y: row.from + j * h, w, h });
    }
  }
  random.shuffle(parcels);

  const features: AerialFeature[] = [];
  const lawns: AerialScene['lawns'] = [];
  const budget = targetCount - roads.length;
  const add = (feature: AerialFeature): void => {
    if (features.length < budget) features.push(feature);
  };
  for (const parcel of parcels) {
    if (features.length >= budget) break;
    lawns.push({ ...parcel, color: random.pick(LAWNS) });
    const bw = parcel.w * random.range(0.42, 0.62);
    const bh = parcel.h * random.range(0.36, 0.55);
    const bx = parcel.x + (parcel.w - bw) * random.range(0.2, 0.8);
    const by = parcel.y + parcel.h * 0.08;
    add({ name: 'building', rings: building(random, bx, by, bw, bh), color: random.pick(ROOFS) });
    if (random.chance(0.3)) {
      const pw = parcel.w * random.range(0.14, 0.22);
      const ph = parcel.h * random.range(0.1, 0.16);
      const px = parcel.x + (parcel.w - pw) * random.range(0.1, 0.9);
      add({ name: 'pool', rings: [rect(px, parcel.y + parcel.h * 0.72, pw, ph)], color: '#3fb8d6' });
    }
    for (let t = random.int(0, 3); t > 0; t--) {
      const radius = Math.min(parcel.w, parcel.h) * random.range(0.06, 0.13);
      const center = {
        x: parcel.x + parcel.w * random.range(0.1, 0.9),
        y: parcel.y + parcel.h * random.range(0.62, 0.92),
      };
      add({ name: 'tree', rings: [circle(random, center, radius, 9)], color: random.pick(CANOPIES) });
    }
  }
  while (features.length < budget) {
    const parcel = parcels.length > 0 ? random.pick(parcels) : { x: 0, y: 0, w: size, h: size };
    const radius = Math.max(3, Math.min(parcel.w, parcel.h) * random.range(0.04, 0.08));
    const center = { x: parcel.x + parcel.w * random.next(), y: parcel.y + parcel.h * random.next() };
    features.push({ name: 'tree', rings: [circle(random, center, radius, 9)], color: random.pick(CANOPIES) });
  }
  const shadow = { x: parcelSide * 0.07, y: parcelSide * 0.09 };
  return { size, shadow, ground: random.pick(['#8a8a63', '#94906a', '#7f8a5e'] as const), roads, lawns, features };
}

export function planAerialImage(random: Random, size: number, targetCount: number): PlannedAerial {
  const scene = planScene(random, size, targetCount);
  const status = pickStatus(random, { new: 3, in_progress: 4, complete: 3 });
  // The stress case must stay big: `new` tiles hold raw model output rather than nothing.
  const policy = authorPolicy(random, status, { emptyNewShare: 0 });
  const annotations = [...scene.roads, ...scene.features].map((feature) => {
    const annotation = polygonAnnotation(random.uuid(), feature.name, feature.rings, policy.next('model:sam-2'));
    // Paint from the snapped rings the label carries: picture and label agree to the half pixel,
    // and the unsnapped copies can be collected.
    feature.rings = (annotation.polygon as { paths: XY[][] }).paths;
    return annotation;
  });
  return { scene, status, annotations };
}
