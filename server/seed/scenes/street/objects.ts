import type { Random } from '../../random';
import type { Box, XY } from '../../annotations';
import type { StreetLayout } from './layout';

/**
 * Things standing in a street scene. Each carries the geometry its annotation is made from and the
 * few extra choices (colours, pose) the painter needs, so picture and labels cannot disagree.
 * `ground` is the row where the thing touches the ground: painting in ground order gives occlusion.
 */
export type StreetThing =
  | { kind: 'car'; box: Box; ground: number; color: string; tall: boolean }
  | { kind: 'pedestrian'; box: Box; ground: number; shirt: string; pants: string; skin: string; stride: number }
  | { kind: 'cyclist'; box: Box; ground: number; shirt: string; frame: string; skin: string }
  | { kind: 'traffic light'; box: Box; ground: number; pole: XY; lit: 'red' | 'amber' | 'green' }
  | { kind: 'traffic sign'; box: Box; ground: number; pole: XY; shape: 'stop' | 'yield' | 'info' | 'speed' }
  | { kind: 'tree'; canopy: XY[]; box: Box; ground: number; trunk: XY; trunkWidth: number; color: string };

export const CAR_COLORS = [
  '#c0392b',
  '#2c3e50',
  '#ecf0f1',
  '#7f8c8d',
  '#1f4e79',
  '#f1c40f',
  '#111111',
  '#8e44ad',
  '#d35400',
  '#5d6d7e',
  '#a9cce3',
  '#145a32',
] as const;
const SHIRTS = [
  '#e74c3c',
  '#3498db',
  '#f39c12',
  '#2ecc71',
  '#ecf0f1',
  '#34495e',
  '#9b59b6',
  '#16a085',
  '#f5b7b1',
] as const;
const PANTS = ['#2c3e50', '#1b2631', '#5d4037', '#7b7d7d', '#154360', '#4a235a'] as const;
const SKIN = ['#f1c27d', '#e0ac69', '#c68642', '#8d5524', '#ffdbac'] as const;
const FOLIAGE = ['#2e7d32', '#388e3c', '#1b5e20', '#558b2f', '#33691e', '#4e7d3a'] as const;

function overlapRatio(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.min(a.w * a.h, b.w * b.h);
}

/** Share of `box` hidden behind later-painted (nearer) boxes, approximated by the largest single overlap. */
export function occludedShare(box: Box, nearer: readonly Box[]): number {
  let worst = 0;
  for (const other of nearer) {
    const w = Math.min(box.x + box.w, other.x + other.w) - Math.max(box.x, other.x);
    const h = Math.min(box.y + box.h, other.y + other.h) - Math.max(box.y, other.y);
    if (w > 0 && h > 0) worst = Math.max(worst, (w * h) / (box.w * box.h));
  }
  return worst;
}

export class ThingPlacer {
  readonly things: StreetThing[] = [];

  constructor(
    private readonly random: Random,
    private readonly layout: StreetLayout,
  ) {}

  private rowAtDepth(depth: number): number {
    return this.layout.horizon + (this.layout.height - this.layout.horizon) * depth;
  }

  /** Tries a few positions; gives up quietly when the spot is crowded (the scene just has fewer). */
  private place(make: () => StreetThing | undefined, maxOverlap: number): void {
    for (let attempt = 0; attempt < 8; attempt++) {
      const thing = make();
      if (!thing) continue;
      const { box } = thing;
      const inside =
        box.x >= 0 && box.y >= 0 && box.x + box.w <= this.layout.width && box.y + box.h <= this.layout.height;
      if (!inside || box.w < 3 || box.h < 3) continue;
      if (this.things.some((other) => overlapRatio(other.box, box) > maxOverlap)) continue;
      this.things.push(thing);
      return;
    }
  }

  car(): void {
    const r = this.random;
    this.place(() => {
      const y = this.rowAtDepth(r.range(0.06, 0.8));
      const left = this.layout.roadLeftAt(y);
      const roadWidth = this.layout.roadRightAt(y) - left;
      const tall = r.chance(0.3);
      const w = roadWidth * r.range(0.3, 0.38);
      const h = w * (tall ? r.range(0.85, 1.0) : r.range(0.62, 0.75));
      const cx = left + roadWidth * (r.chance(0.5) ? 0.27 : 0.73) + r.gaussian() * roadWidth * 0.03;
      return { kind: 'car', box: { x: cx - w / 2, y: y - h, w, h }, ground: y, color: r.pick(CAR_COLORS), tall };
    }, 0.35);
  }

  pedestrian(): void {
    const r = this.random;
    this.place(() => {
      const y = this.rowAtDepth(r.range(0.08, 0.8));
      const [from, to] = this.walkSpan(y, r.chance(0.5) ? 'left' : 'right');
      const h = 10 + this.layout.height * 0.55 * this.layout.depthAt(y) * r.range(0.85, 1.05);
      const w = h * r.range(0.3, 0.38);
      const x = from + (to - from - w) * r.next();
      return {
        kind: 'pedestrian',
        box: { x, y: y - h, w, h },
        ground: y,
        shirt: r.pick(SHIRTS),
        pants: r.pick(PANTS),
        skin: r.pick(SKIN),
        stride: r.range(-1, 1),
      };
    }, 0.5);
  }

  cyclist(): void {
    const r = this.random;
    this.place(() => {
      const y = this.rowAtDepth(r.range(0.1, 0.75));
      const left = this.layout.roadLeftAt(y);
      const roadWidth = this.layout.roadRightAt(y) - left;
      const h = 10 + this.layout.height * 0.5 * this.layout.depthAt(y);
      const w = h * r.range(0.5, 0.6);
      const x = r.chance(0.5) ? left + roadWidth * 0.04 : left + roadWidth * 0.96 - w;
      return {
        kind: 'cyclist',
        box: { x, y: y - h, w, h },
        ground: y,
        shirt: r.pick(SHIRTS),
        frame: r.pick(CAR_COLORS),
        skin: r.pick(SKIN),
      };
    }, 0.3);
  }

  pole(kind: 'traffic light' | 'traffic sign'): void {
    const r = this.random;
    this.place(() => {
      const y = this.rowAtDepth(r.range(0.15, 0.7));
      const side = r.chance(0.5) ? 'left' : 'right';
      const x = side === 'left' ? this.layout.roadLeftAt(y) - 6 : this.layout.roadRightAt(y) + 6;
      const depth = this.layout.depthAt(y);
      const poleHeight = 20 + this.layout.height * 0.75 * depth;
      const top = y - poleHeight;
      if (kind === 'traffic light') {
        const h = 6 + 90 * depth;
        const w = h * 0.38;
        return {
          kind,
          box: { x: x - w / 2, y: top, w, h },
          ground: y,
          pole: { x, y },
          lit: r.pick(['red', 'amber', 'green'] as const),
        };
      }
      const size = 5 + 55 * depth;
      return {
        kind,
        box: { x: x - size / 2, y: top, w: size, h: size },
        ground: y,
        pole: { x, y },
        shape: r.pick(['stop', 'yield', 'info', 'speed'] as const),
      };
    }, 0.2);
  }

  tree(onGrass: boolean): void {
    const r = this.random;
    this.place(() => {
      const y = this.rowAtDepth(r.range(0.05, 0.6));
      const side = r.chance(0.5) ? 'left' : 'right';
      const [from, to] = this.walkSpan(y, side);
      const x = onGrass ? from + (to - from) * r.range(0.1, 0.6) : from + (to - from) * r.range(0.55, 0.8);
      const depth = this.layout.depthAt(y);
      const radius = 6 + 120 * depth * r.range(0.7, 1.1);
      const trunkHeight = radius * r.range(0.9, 1.4);
      const cy = y - trunkHeight - radius * 0.6;
      const canopy = Array.from({ length: 14 }, (_, i) => {
        const angle = (i / 14) * Math.PI * 2;
        const wobble = r.range(0.82, 1.12);
        return { x: x + Math.cos(angle) * radius * wobble, y: cy + Math.sin(angle) * radius * wobble * 0.9 };
      });
      const xs = canopy.map((p) => p.x);
      const ys = canopy.map((p) => p.y);
      const box = {
        x: Math.min(...xs),
        y: Math.min(...ys),
        w: Math.max(...xs) - Math.min(...xs),
        h: y - Math.min(...ys),
      };
      return {
        kind: 'tree',
        canopy,
        box,
        ground: y,
        trunk: { x, y },
        trunkWidth: Math.max(1.5, radius * 0.18),
        color: r.pick(FOLIAGE),
      };
    }, 0.45);
  }

  private walkSpan(y: number, side: 'left' | 'right'): [number, number] {
    return side === 'left'
      ? [this.layout.walkLeftOuterAt(y), this.layout.roadLeftAt(y)]
      : [this.layout.roadRightAt(y), this.layout.walkRightOuterAt(y)];
  }
}
