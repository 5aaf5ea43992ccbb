import type { Random } from '../../random';
import type { Context2D } from '../../draw/canvasKit';
import { applyGrain, fillRings, line, shade, tracePath } from '../../draw/canvasKit';
import type { AerialFeature, AerialScene } from './plan';

/**
 * Paints an orthophoto tile from its plan: soil and lawns, roads with markings, then pools,
 * buildings (roof halves shaded like a gable, courtyards left open via even-odd fill) and trees,
 * each with a shadow towards the south-east. Every feature is painted from the very rings
 * its annotation carries.
 */
export function paintAerialScene(ctx: Context2D, scene: AerialScene, random: Random): void {
  const { size } = scene;
  ctx.fillStyle = scene.ground;
  ctx.fillRect(0, 0, size, size);
  for (let i = 0; i < 40; i++) {
    // Patches of bare soil and dry grass, so the ground is not one flat colour.
    ctx.beginPath();
    ctx.ellipse(random.range(0, size), random.range(0, size), random.range(size * 0.02, size * 0.1), random.range(size * 0.02, size * 0.08), random.range(0, Math.PI), 0, Math.PI * 2);
    ctx.fillStyle = shade(scene.ground, random.range(-0.2, 0.15));
    ctx.globalAlpha = 0.5;
    ctx.fill();
    ctx.globalAlpha = 1;
  }
  for (const lawn of scene.lawns) {
    ctx.fillStyle = lawn.color;
    ctx.fillRect(lawn.x + 1, lawn.y + 1, lawn.w - 2, lawn.h - 2);
  }
  for (const road of scene.roads) paintRoad(ctx, road, size);

  const shadowOffset = scene.shadow;
  const byKind = (name: AerialFeature['name']) => scene.features.filter((f) => f.name === name);
  for (const pool of byKind('pool')) {
    fillRings(ctx, pool.rings, '#e8e4da');
    fillRings(ctx, pool.rings.map((ring) => insetRing(ring, 0.12)), pool.color);
  }
  ctx.beginPath();
  for (const feature of byKind('building')) for (const ring of feature.rings) tracePath(ctx, offset(ring, shadowOffset));
  ctx.fillStyle = 'rgba(20, 20, 25, 0.35)';
  ctx.fill('evenodd');
  for (const feature of byKind('building')) paintRoof(ctx, feature);
  ctx.beginPath();
  for (const tree of byKind('tree')) tracePath(ctx, offset(tree.rings[0]!, { x: shadowOffset.x * 0.6, y: shadowOffset.y * 0.6 }));
  ctx.fillStyle = 'rgba(10, 20, 10, 0.35)';
  ctx.fill();
  for (const tree of byKind('tree')) {
    const ring = tree.rings[0]!;
    fillRings(ctx, [ring], tree.color);
    fillRings(ctx, [insetRing(ring, 0.45).map((p) => ({ x: p.x - shadowOffset.x * 0.15, y: p.y - shadowOffset.y * 0.15 }))], shade(tree.color, 0.2));
  }
  applyGrain(ctx, size, size, 0.1);
}

const offset = (ring: readonly { x: number; y: number }[], by: { x: number; y: number }) =>
  ring.map((p) => ({ x: p.x + by.x, y: p.y + by.y }));

/** The ring shrunk towards its vertex centroid by `share` (good enough for convex-ish shapes). */
function insetRing(ring: readonly { x: number; y: number }[], share: number) {
  const cx = ring.reduce((sum, p) => sum + p.x, 0) / ring.length;
  const cy = ring.reduce((sum, p) => sum + p.y, 0) / ring.length;
  return ring.map((p) => ({ x: p.x + (cx - p.x) * share, y: p.y + (cy - p.y) * share }));
}

function paintRoad(ctx: Context2D, road: AerialFeature, size: number): void {
  const ring = road.rings[0]!;
  fillRings(ctx, [ring], road.color);
  const xs = ring.map((p) => p.x);
  const ys = ring.map((p) => p.y);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const verticalRoad = y1 - y0 > x1 - x0;
  ctx.setLineDash([size * 0.006, size * 0.006]);
  const from = verticalRoad ? { x: (x0 + x1) / 2, y: y0 } : { x: x0, y: (y0 + y1) / 2 };
  const to = verticalRoad ? { x: (x0 + x1) / 2, y: y1 } : { x: x1, y: (y0 + y1) / 2 };
  line(ctx, from, to, Math.max(1, size * 0.0008), '#e9e5d0');
  ctx.setLineDash([]);
}

function paintRoof(ctx: Context2D, feature: AerialFeature): void {
  const [outer] = feature.rings;
  if (!outer) return;
  fillRings(ctx, feature.rings, feature.color);
  // Shade the half of the roof facing away from the light: split along the longer axis.
  const xs = outer.map((p) => p.x);
  const ys = outer.map((p) => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  ctx.save();
  ctx.beginPath();
  for (const ring of feature.rings) tracePath(ctx, ring);
  ctx.clip('evenodd');
  ctx.fillStyle = shade(feature.color, -0.22);
  if (maxX - minX > maxY - minY) ctx.fillRect(minX, (minY + maxY) / 2, maxX - minX, (maxY - minY) / 2 + 1);
  else ctx.fillRect((minX + maxX) / 2, minY, (maxX - minX) / 2 + 1, maxY - minY);
  ctx.restore();
  ctx.beginPath();
  for (const ring of feature.rings) tracePath(ctx, ring);
  ctx.lineWidth = 1;
  ctx.strokeStyle = shade(feature.color, -0.4);
  ctx.stroke();
}
