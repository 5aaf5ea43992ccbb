import type { Context2D } from '../../draw/canvasKit';
import { fillCircle, fillRings, line, roundedRect, shade, tracePath } from '../../draw/canvasKit';
import type { StreetThing } from './objects';

/**
 * Paints one street thing inside its labelled box (trees: their canopy polygon), so a reviewer
 * sees the labelled object exactly where the annotation says. Emissive parts (lamps, lights)
 * are returned as glow spots the scene painter adds after the night-time darkening.
 */
export interface Glow {
  x: number;
  y: number;
  radius: number;
  color: string;
}

export function paintThing(ctx: Context2D, thing: StreetThing, glows: Glow[]): void {
  switch (thing.kind) {
    case 'car':
      return paintCar(ctx, thing, glows);
    case 'pedestrian':
      return paintPedestrian(ctx, thing);
    case 'cyclist':
      return paintCyclist(ctx, thing);
    case 'traffic light':
      return paintTrafficLight(ctx, thing, glows);
    case 'traffic sign':
      return paintSign(ctx, thing);
    case 'tree':
      return paintTree(ctx, thing);
  }
}

function groundShadow(ctx: Context2D, x: number, y: number, w: number, h: number): void {
  ctx.beginPath();
  ctx.ellipse(x, y, Math.max(0.5, w), Math.max(0.5, h), 0, 0, Math.PI * 2);
  ctx.fillStyle = 'rgba(0, 0, 0, 0.35)';
  ctx.fill();
}

function paintCar(ctx: Context2D, car: Extract<StreetThing, { kind: 'car' }>, glows: Glow[]): void {
  const { x, y, w, h } = car.box;
  groundShadow(ctx, x + w / 2, y + h * 0.97, w * 0.55, h * 0.06);
  const roofTop = y + h * (car.tall ? 0.02 : 0.08);
  const beltLine = y + h * (car.tall ? 0.5 : 0.45);
  roundedRect(ctx, x + w * 0.04, y + h * 0.8, w * 0.18, h * 0.2, w * 0.03, '#151515'); // wheels
  roundedRect(ctx, x + w * 0.78, y + h * 0.8, w * 0.18, h * 0.2, w * 0.03, '#151515');
  ctx.beginPath(); // cabin
  tracePath(ctx, [
    { x: x + w * 0.2, y: roofTop },
    { x: x + w * 0.8, y: roofTop },
    { x: x + w * 0.95, y: beltLine },
    { x: x + w * 0.05, y: beltLine },
  ]);
  ctx.fillStyle = shade(car.color, -0.15);
  ctx.fill();
  ctx.beginPath(); // rear window
  tracePath(ctx, [
    { x: x + w * 0.25, y: roofTop + h * 0.05 },
    { x: x + w * 0.75, y: roofTop + h * 0.05 },
    { x: x + w * 0.86, y: beltLine - h * 0.03 },
    { x: x + w * 0.14, y: beltLine - h * 0.03 },
  ]);
  const glass = ctx.createLinearGradient(0, roofTop, 0, beltLine);
  glass.addColorStop(0, '#5d7384');
  glass.addColorStop(1, '#22303a');
  ctx.fillStyle = glass;
  ctx.fill();
  roundedRect(ctx, x, beltLine - h * 0.02, w, h * 0.82 - (beltLine - y), w * 0.06, car.color); // body
  roundedRect(ctx, x + w * 0.02, y + h * 0.74, w * 0.96, h * 0.08, w * 0.02, shade(car.color, -0.45)); // bumper
  roundedRect(ctx, x + w * 0.4, y + h * 0.6, w * 0.2, h * 0.08, 1, '#e8e8e0'); // plate
  for (const lightX of [x + w * 0.05, x + w * 0.83]) {
    roundedRect(ctx, lightX, beltLine + h * 0.04, w * 0.12, h * 0.07, w * 0.01, '#b3121f');
    glows.push({ x: lightX + w * 0.06, y: beltLine + h * 0.075, radius: w * 0.12, color: 'rgba(255, 40, 40, 0.55)' });
  }
}

function paintPedestrian(ctx: Context2D, person: Extract<StreetThing, { kind: 'pedestrian' }>): void {
  const { x, y, w, h } = person.box;
  const cx = x + w / 2;
  const limb = Math.max(1, w * 0.2);
  ctx.lineCap = 'round';
  groundShadow(ctx, cx, y + h, w * 0.5, h * 0.02);
  const hip = { x: cx, y: y + h * 0.52 };
  const stride = person.stride * w * 0.3;
  line(ctx, hip, { x: cx - w * 0.2 + stride, y: y + h - limb / 2 }, limb, person.pants);
  line(ctx, hip, { x: cx + w * 0.2 - stride, y: y + h - limb / 2 }, limb, shade(person.pants, -0.2));
  const shoulderY = y + h * 0.2;
  line(
    ctx,
    { x: cx - w * 0.3, y: shoulderY + limb / 2 },
    { x: x + limb / 2 - stride * 0.3, y: y + h * 0.5 },
    limb * 0.8,
    shade(person.shirt, -0.15),
  );
  line(
    ctx,
    { x: cx + w * 0.3, y: shoulderY + limb / 2 },
    { x: x + w - limb / 2 + stride * 0.3, y: y + h * 0.5 },
    limb * 0.8,
    shade(person.shirt, -0.15),
  );
  roundedRect(ctx, cx - w * 0.32, shoulderY, w * 0.64, h * 0.36, w * 0.15, person.shirt);
  fillCircle(ctx, cx, y + h * 0.1, Math.min(w * 0.3, h * 0.1), person.skin);
  ctx.beginPath(); // hair
  ctx.arc(cx, y + h * 0.09, Math.min(w * 0.3, h * 0.1), Math.PI, 0);
  ctx.fillStyle = '#2b1d14';
  ctx.fill();
  ctx.lineCap = 'butt';
}

function paintCyclist(ctx: Context2D, rider: Extract<StreetThing, { kind: 'cyclist' }>): void {
  const { x, y, w, h } = rider.box;
  const wheelRadius = Math.min(w * 0.24, h * 0.2);
  const rear = { x: x + wheelRadius, y: y + h - wheelRadius };
  const front = { x: x + w - wheelRadius, y: y + h - wheelRadius };
  const frameWidth = Math.max(1, wheelRadius * 0.15);
  for (const wheel of [rear, front]) {
    ctx.beginPath();
    ctx.arc(wheel.x, wheel.y, wheelRadius, 0, Math.PI * 2);
    ctx.lineWidth = frameWidth * 1.5;
    ctx.strokeStyle = '#1a1a1a';
    ctx.stroke();
  }
  const seat = { x: x + w * 0.38, y: y + h * 0.55 };
  const bars = { x: x + w * 0.78, y: y + h * 0.5 };
  const crank = { x: x + w * 0.5, y: rear.y };
  line(ctx, rear, seat, frameWidth, rider.frame);
  line(ctx, seat, crank, frameWidth, rider.frame);
  line(ctx, crank, front, frameWidth, rider.frame);
  line(ctx, seat, bars, frameWidth, rider.frame);
  line(ctx, bars, front, frameWidth, rider.frame);
  const limb = Math.max(1, w * 0.09);
  ctx.lineCap = 'round';
  const shoulder = { x: x + w * 0.55, y: y + h * 0.22 };
  line(ctx, seat, shoulder, limb * 1.6, rider.shirt);
  line(ctx, shoulder, bars, limb, shade(rider.shirt, -0.2));
  line(ctx, seat, crank, limb, '#263238');
  fillCircle(ctx, x + w * 0.6, y + h * 0.1, Math.min(w * 0.12, h * 0.1), rider.skin);
  ctx.beginPath(); // helmet
  ctx.arc(x + w * 0.6, y + h * 0.09, Math.min(w * 0.13, h * 0.1), Math.PI, 0);
  ctx.fillStyle = rider.frame;
  ctx.fill();
  ctx.lineCap = 'butt';
}

function paintPole(ctx: Context2D, pole: { x: number; y: number }, top: number, width: number): void {
  line(ctx, pole, { x: pole.x, y: top }, Math.max(1, width), '#4a4f55');
}

function paintTrafficLight(
  ctx: Context2D,
  light: Extract<StreetThing, { kind: 'traffic light' }>,
  glows: Glow[],
): void {
  const { x, y, w, h } = light.box;
  paintPole(ctx, light.pole, y + h / 2, w * 0.25);
  roundedRect(ctx, x, y, w, h, w * 0.2, '#20252a');
  const lamps = [
    ['red', '#ff3b30'],
    ['amber', '#ffb300'],
    ['green', '#30d158'],
  ] as const;
  lamps.forEach(([state, color], i) => {
    const cy = y + h * (0.19 + i * 0.31);
    const lit = state === light.lit;
    fillCircle(ctx, x + w / 2, cy, w * 0.32, lit ? color : shade(color, -0.75));
    if (lit) glows.push({ x: x + w / 2, y: cy, radius: w * 1.2, color });
  });
}

function paintSign(ctx: Context2D, sign: Extract<StreetThing, { kind: 'traffic sign' }>): void {
  const { x, y, w, h } = sign.box;
  paintPole(ctx, sign.pole, y + h / 2, w * 0.08);
  const cx = x + w / 2;
  const cy = y + h / 2;
  const r = w / 2;
  if (sign.shape === 'stop') {
    const octagon = Array.from({ length: 8 }, (_, i) => {
      const a = Math.PI / 8 + (i * Math.PI) / 4;
      return { x: cx + Math.cos(a) * r, y: cy + Math.sin(a) * r };
    });
    fillRings(ctx, [octagon], '#f2f2f2');
    fillRings(ctx, [octagon.map((p) => ({ x: cx + (p.x - cx) * 0.86, y: cy + (p.y - cy) * 0.86 }))], '#c62828');
    roundedRect(ctx, cx - r * 0.55, cy - r * 0.12, r * 1.1, r * 0.24, 0, '#f2f2f2');
  } else if (sign.shape === 'yield') {
    fillRings(
      ctx,
      [
        [
          { x, y },
          { x: x + w, y },
          { x: cx, y: y + h },
        ],
      ],
      '#c62828',
    );
    fillRings(
      ctx,
      [
        [
          { x: x + w * 0.18, y: y + h * 0.1 },
          { x: x + w * 0.82, y: y + h * 0.1 },
          { x: cx, y: y + h * 0.78 },
        ],
      ],
      '#fafafa',
    );
  } else if (sign.shape === 'info') {
    roundedRect(ctx, x, y, w, h, w * 0.1, '#1565c0');
    roundedRect(ctx, cx - w * 0.08, y + h * 0.35, w * 0.16, h * 0.45, 0, '#fafafa');
    fillCircle(ctx, cx, y + h * 0.22, w * 0.09, '#fafafa');
  } else {
    fillCircle(ctx, cx, cy, r, '#c62828');
    fillCircle(ctx, cx, cy, r * 0.78, '#fafafa');
    roundedRect(ctx, cx - r * 0.45, cy - r * 0.3, r * 0.3, r * 0.6, 0, '#212121');
    roundedRect(ctx, cx + r * 0.05, cy - r * 0.3, r * 0.4, r * 0.6, r * 0.1, '#212121');
  }
}

function paintTree(ctx: Context2D, tree: Extract<StreetThing, { kind: 'tree' }>): void {
  const { box, trunk, canopy } = tree;
  groundShadow(ctx, trunk.x, trunk.y, box.w * 0.45, Math.max(1, box.w * 0.06));
  const canopyCenterY = canopy.reduce((sum, p) => sum + p.y, 0) / canopy.length;
  line(ctx, trunk, { x: trunk.x, y: canopyCenterY }, tree.trunkWidth, '#5d4037');
  fillRings(ctx, [canopy], tree.color);
  const highlight = canopy.map((p) => ({
    x: p.x + (trunk.x - p.x) * 0.45 - box.w * 0.06,
    y: p.y + (canopyCenterY - p.y) * 0.45 - box.w * 0.08,
  }));
  fillRings(ctx, [highlight], shade(tree.color, 0.18));
  fillRings(
    ctx,
    [
      canopy.map((p) => ({
        x: p.x + (trunk.x - p.x) * 0.75 + box.w * 0.05,
        y: p.y + (canopyCenterY - p.y) * 0.75 + box.w * 0.07,
      })),
    ],
    shade(tree.color, -0.25),
  );
}
