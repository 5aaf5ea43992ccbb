import type { Random } from '../../random';
import type { Context2D } from '../../draw/canvasKit';
import { applyGrain, fillCircle, fillRings, line, shade } from '../../draw/canvasKit';
import type { XY } from '../../annotations';
import type { Person, PosesScene } from './plan';
import { LIMBS } from './skeleton';

/**
 * Paints a crossing scene from its plan: sky and a far skyline, the road bounded by its edge
 * polylines, lane markings along the very polylines that are labelled (dashes widen towards the
 * camera), zebra stripes, and each person drawn on their skeleton.
 */
export function paintPosesScene(ctx: Context2D, scene: PosesScene, random: Random): void {
  const { width, height, horizon } = scene;
  const sky = ctx.createLinearGradient(0, 0, 0, horizon);
  sky.addColorStop(0, '#8fb8de');
  sky.addColorStop(1, '#e3eef6');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, horizon + 1);
  for (let x = 0; x < width;) {
    const w = random.range(30, 110);
    const h = random.range(20, horizon * 0.6);
    ctx.fillStyle = shade('#9aa5b1', random.range(-0.2, 0.1));
    ctx.fillRect(x, horizon - h, w, h + 1);
    x += w;
  }
  ctx.fillStyle = '#b7b2a6';
  ctx.fillRect(0, horizon, width, height - horizon);

  const leftEdge = scene.lanes[0]!.path;
  const rightEdge = scene.lanes[scene.lanes.length - 1]!.path;
  const road = [...leftEdge, ...[...rightEdge].reverse()];
  const asphalt = ctx.createLinearGradient(0, horizon, 0, height);
  asphalt.addColorStop(0, '#74767a');
  asphalt.addColorStop(1, '#4a4c50');
  fillRings(ctx, [road], asphalt);

  paintCrossing(ctx, scene, leftEdge, rightEdge);
  for (const lane of scene.lanes) paintLane(ctx, lane.path, height, horizon, lane.name === 'lane marking');
  for (const person of scene.people) paintPerson(ctx, person);
  applyGrain(ctx, width, height, 0.05);
}

function xAtRow(path: readonly XY[], y: number): number {
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    if ((y <= a.y && y >= b.y) || (y >= a.y && y <= b.y)) return a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y || 1);
  }
  return path[0]!.x;
}

function paintCrossing(ctx: Context2D, scene: PosesScene, leftEdge: readonly XY[], rightEdge: readonly XY[]): void {
  const { top, bottom } = scene.crossing;
  const from = xAtRow(leftEdge, bottom);
  const to = xAtRow(rightEdge, bottom);
  const stripes = 14;
  for (let i = 0; i < stripes; i += 2) {
    const x0 = (row: number) =>
      xAtRow(leftEdge, row) + ((xAtRow(rightEdge, row) - xAtRow(leftEdge, row)) * i) / stripes;
    const x1 = (row: number) =>
      xAtRow(leftEdge, row) + ((xAtRow(rightEdge, row) - xAtRow(leftEdge, row)) * (i + 1)) / stripes;
    fillRings(
      ctx,
      [
        [
          { x: x0(top), y: top },
          { x: x1(top), y: top },
          { x: x1(bottom), y: bottom },
          { x: x0(bottom), y: bottom },
        ],
      ],
      'rgba(240, 240, 235, 0.85)',
    );
  }
  line(ctx, { x: from, y: bottom + 4 }, { x: to, y: bottom + 4 }, 3, 'rgba(240, 240, 235, 0.6)');
}

function paintLane(ctx: Context2D, path: readonly XY[], height: number, horizon: number, dashed: boolean): void {
  const widthAt = (y: number): number => 1 + 9 * ((y - horizon) / (height - horizon));
  ctx.lineCap = 'butt';
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const pieces = 6;
    for (let k = 0; k < pieces; k++) {
      if (dashed && k % 2 === 1) continue;
      const p = { x: a.x + ((b.x - a.x) * k) / pieces, y: a.y + ((b.y - a.y) * k) / pieces };
      const q = { x: a.x + ((b.x - a.x) * (k + 1)) / pieces, y: a.y + ((b.y - a.y) * (k + 1)) / pieces };
      line(ctx, p, q, widthAt(p.y), dashed ? '#f2f2ea' : '#f6d55c');
    }
  }
}

function paintPerson(ctx: Context2D, person: Person): void {
  const s = person.skeleton;
  const limb = person.height / 22;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.ellipse(
    (s['left ankle'].x + s['right ankle'].x) / 2,
    Math.max(s['left ankle'].y, s['right ankle'].y) + limb * 0.4,
    person.height * 0.12,
    limb * 0.6,
    0,
    0,
    Math.PI * 2,
  );
  ctx.fillStyle = 'rgba(0, 0, 0, 0.3)';
  ctx.fill();
  for (const [from, to] of LIMBS) {
    const isLeg = from.includes('hip') || from.includes('knee');
    const color = isLeg ? person.pants : from.includes('elbow') ? person.skin : person.shirt;
    line(ctx, s[from], s[to], isLeg ? limb * 1.25 : limb, from.startsWith('left') ? color : shade(color, -0.12));
  }
  fillRings(ctx, [[s['left shoulder'], s['right shoulder'], s['right hip'], s['left hip']]], person.shirt);
  line(ctx, s['left shoulder'], s['right shoulder'], limb * 1.2, person.shirt);
  line(ctx, s['left hip'], s['right hip'], limb * 1.3, person.pants);
  for (const wrist of [s['left wrist'], s['right wrist']]) fillCircle(ctx, wrist.x, wrist.y, limb * 0.55, person.skin);
  for (const ankle of [s['left ankle'], s['right ankle']]) fillCircle(ctx, ankle.x, ankle.y, limb * 0.6, '#1c1c1c');
  line(ctx, s.neck, s.head, limb * 0.8, person.skin);
  const headRadius = person.height / 16;
  fillCircle(ctx, s.head.x, s.head.y - headRadius * 0.2, headRadius, person.skin);
  ctx.beginPath();
  ctx.arc(s.head.x, s.head.y - headRadius * 0.3, headRadius * 1.02, Math.PI * 1.05, Math.PI * 1.95);
  ctx.fillStyle = '#2b1d14';
  ctx.fill();
  ctx.lineCap = 'butt';
}
