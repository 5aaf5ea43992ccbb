import type { Random } from '../../random';
import type { Context2D } from '../../draw/canvasKit';
import { applyGrain, line, shade, tracePath } from '../../draw/canvasKit';
import type { XY } from '../../annotations';
import type { AerialFeature, AerialScene } from './plan';

/**
 * Paints an orthophoto tile from its plan: soil and lawns, roads with markings, then pools,
 * buildings (a gable shading on plain roofs, courtyards left open via even-odd fill) and trees,
 * each with a shadow towards the south-east. Every feature is painted from the very rings its
 * annotation carries. Shapes are batched into one path per colour: ten thousand separate fills
 * cost several times more than a few dozen big ones.
 */
export function paintAerialScene(ctx: Context2D, scene: AerialScene, random: Random): void {
  const { size } = scene;
  ctx.fillStyle = scene.ground;
  ctx.fillRect(0, 0, size, size);
  ctx.globalAlpha = 0.5;
  for (let i = 0; i < 40; i++) {
    // Patches of bare soil and dry grass, so the ground is not one flat colour.
    ctx.beginPath();
    ctx.ellipse(
      random.range(0, size),
      random.range(0, size),
      random.range(size * 0.02, size * 0.1),
      random.range(size * 0.02, size * 0.08),
      random.range(0, Math.PI),
      0,
      Math.PI * 2,
    );
    ctx.fillStyle = shade(scene.ground, random.range(-0.2, 0.15));
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  for (const lawn of scene.lawns) {
    ctx.fillStyle = lawn.color;
    ctx.fillRect(lawn.x + 1, lawn.y + 1, lawn.w - 2, lawn.h - 2);
  }
  for (const road of scene.roads) paintRoad(ctx, road, size);

  const features = (name: AerialFeature['name']) => scene.features.filter((f) => f.name === name);
  const pools = features('pool');
  const buildings = features('building');
  const trees = features('tree');
  fillBatch(
    ctx,
    pools.map((pool) => pool.rings),
    '#e8e4da',
  );
  fillBatch(
    ctx,
    pools.map((pool) => pool.rings.map((ring) => insetRing(ring, 0.12))),
    pools[0]?.color ?? '#3fb8d6',
  );

  fillBatch(
    ctx,
    buildings.map((b) => b.rings.map((ring) => offset(ring, scene.shadow))),
    'rgba(20, 20, 25, 0.35)',
    'evenodd',
  );
  for (const [color, group] of groupByColor(buildings)) {
    fillBatch(
      ctx,
      group.map((b) => b.rings),
      color,
      'evenodd',
    );
    fillBatch(
      ctx,
      group.flatMap((b) => (b.rings.length === 1 && b.rings[0]!.length === 4 ? [[shadedHalf(b.rings[0]!)]] : [])),
      shade(color, -0.22),
    );
    ctx.beginPath();
    for (const building of group) for (const ring of building.rings) tracePath(ctx, ring);
    ctx.lineWidth = 1;
    ctx.strokeStyle = shade(color, -0.4);
    ctx.stroke();
  }

  const treeShadow = { x: scene.shadow.x * 0.6, y: scene.shadow.y * 0.6 };
  fillBatch(
    ctx,
    trees.map((t) => [offset(t.rings[0]!, treeShadow)]),
    'rgba(10, 20, 10, 0.35)',
  );
  const highlightShift = { x: -scene.shadow.x * 0.15, y: -scene.shadow.y * 0.15 };
  for (const [color, group] of groupByColor(trees)) {
    fillBatch(
      ctx,
      group.map((t) => t.rings),
      color,
    );
    fillBatch(
      ctx,
      group.map((t) => [offset(insetRing(t.rings[0]!, 0.45), highlightShift)]),
      shade(color, 0.2),
    );
  }
  applyGrain(ctx, size, size, 0.08);
}

function groupByColor(features: readonly AerialFeature[]): Map<string, AerialFeature[]> {
  const groups = new Map<string, AerialFeature[]>();
  for (const feature of features) {
    const group = groups.get(feature.color);
    if (group) group.push(feature);
    else groups.set(feature.color, [feature]);
  }
  return groups;
}

/**
 * One path, one fill. Buildings never overlap each other, so even-odd opens only their courtyards;
 * trees and pools may overlap and use non-zero, or two crowns would punch a hole in each other.
 */
function fillBatch(
  ctx: Context2D,
  shapes: readonly (readonly XY[][])[],
  fill: string,
  rule: 'evenodd' | 'nonzero' = 'nonzero',
): void {
  if (shapes.length === 0) return;
  ctx.beginPath();
  for (const rings of shapes) for (const ring of rings) tracePath(ctx, ring);
  ctx.fillStyle = fill;
  ctx.fill(rule);
}

const offset = (ring: readonly XY[], by: XY): XY[] => ring.map((p) => ({ x: p.x + by.x, y: p.y + by.y }));

/** The ring shrunk towards its vertex centroid by `share` (good enough for convex-ish shapes). */
function insetRing(ring: readonly XY[], share: number): XY[] {
  const cx = ring.reduce((sum, p) => sum + p.x, 0) / ring.length;
  const cy = ring.reduce((sum, p) => sum + p.y, 0) / ring.length;
  return ring.map((p) => ({ x: p.x + (cx - p.x) * share, y: p.y + (cy - p.y) * share }));
}

/** For a 4-corner roof, the half on the far side of the ridge (which runs along the long axis). */
function shadedHalf(quad: readonly XY[]): XY[] {
  const [a, b, c, d] = quad as [XY, XY, XY, XY];
  const mid = (p: XY, q: XY): XY => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });
  const abLength = Math.hypot(b.x - a.x, b.y - a.y);
  const bcLength = Math.hypot(c.x - b.x, c.y - b.y);
  // Ridge joins the midpoints of the two short sides; keep the half containing c.
  return abLength >= bcLength ? [mid(b, c), c, d, mid(d, a)] : [mid(a, b), b, c, mid(c, d)];
}

function paintRoad(ctx: Context2D, road: AerialFeature, size: number): void {
  const ring = road.rings[0]!;
  ctx.beginPath();
  tracePath(ctx, ring);
  ctx.fillStyle = road.color;
  ctx.fill();
  const xs = ring.map((p) => p.x);
  const ys = ring.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const verticalRoad = y1 - y0 > x1 - x0;
  ctx.setLineDash([size * 0.006, size * 0.006]);
  const from = verticalRoad ? { x: (x0 + x1) / 2, y: y0 } : { x: x0, y: (y0 + y1) / 2 };
  const to = verticalRoad ? { x: (x0 + x1) / 2, y: y1 } : { x: x1, y: (y0 + y1) / 2 };
  line(ctx, from, to, Math.max(1, size * 0.0008), '#e9e5d0');
  ctx.setLineDash([]);
}
