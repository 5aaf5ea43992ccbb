import type { Random } from '../../random';
import type { Context2D } from '../../draw/canvasKit';
import { applyGrain, fillCircle, fillRings, line, shade } from '../../draw/canvasKit';
import type { Facade } from './layout';
import type { StreetScene } from './plan';
import type { Glow } from './paintThings';
import { paintThing } from './paintThings';

/**
 * Paints a street scene from its plan: sky, skyline, facades, ground, then every thing from far to
 * near, then the light of the hour (night darkening with lit windows and lamps, or rain haze and
 * streaks), then grain. `random` only varies decoration that is never labelled.
 */
const SKIES = {
  day: ['#6fa8dc', '#d6e6f2'],
  night: ['#060a1c', '#2a3352'],
  rain: ['#5f6770', '#a6adb3'],
} as const;

export function paintStreetScene(ctx: Context2D, scene: StreetScene, random: Random): void {
  const { width, height, horizon } = scene.layout;
  const glows: Glow[] = [];
  const sky = ctx.createLinearGradient(0, 0, 0, horizon);
  sky.addColorStop(0, SKIES[scene.lighting][0]);
  sky.addColorStop(1, SKIES[scene.lighting][1]);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, horizon + 1);
  if (scene.lighting === 'day') paintClouds(ctx, random, width, horizon);

  // Open country below the horizon; in town the facades cover it.
  const fields = ctx.createLinearGradient(0, horizon, 0, height);
  fields.addColorStop(0, '#8c9a6a');
  fields.addColorStop(1, '#6f8a46');
  ctx.fillStyle = fields;
  ctx.fillRect(0, horizon, width, height - horizon);
  for (const block of scene.skyline) {
    ctx.fillStyle = scene.highway ? '#7d8f86' : shade('#8a96a3', random.range(-0.15, 0.1));
    ctx.fillRect(block.x, block.y, block.w, block.h + 1);
  }
  for (const facade of scene.facades) paintFacade(ctx, facade, random, scene.lighting === 'night', glows);

  const vergeColor = scene.highway ? '#5b7f3a' : '#a7a39a';
  fillRings(ctx, [scene.layout.leftWalk], vergeColor);
  fillRings(ctx, [scene.layout.rightWalk], vergeColor);
  if (!scene.highway) paintPaving(ctx, scene);
  const asphalt = ctx.createLinearGradient(0, horizon, 0, height);
  asphalt.addColorStop(0, '#6d6f73');
  asphalt.addColorStop(1, scene.lighting === 'rain' ? '#2f3236' : '#45474b');
  fillRings(ctx, [scene.layout.road], asphalt);
  paintLaneMarkings(ctx, scene);

  for (const thing of scene.things) paintThing(ctx, thing, glows);

  if (scene.lighting === 'night') {
    ctx.save();
    ctx.globalCompositeOperation = 'multiply';
    ctx.fillStyle = '#283048';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
    paintGlows(ctx, glows);
  } else if (scene.lighting === 'rain') {
    ctx.fillStyle = 'rgba(150, 158, 166, 0.28)';
    ctx.fillRect(0, 0, width, height);
    paintRain(ctx, random, width, height);
  }
  applyGrain(ctx, width, height, scene.lighting === 'night' ? 0.12 : 0.09);
}

function paintClouds(ctx: Context2D, random: Random, width: number, horizon: number): void {
  for (let i = random.int(2, 6); i > 0; i--) {
    const cx = random.range(0, width);
    const cy = random.range(horizon * 0.1, horizon * 0.6);
    for (let puff = 0; puff < 5; puff++) {
      ctx.beginPath();
      ctx.ellipse(
        cx + puff * 28 - 56,
        cy + random.range(-8, 8),
        random.range(30, 60),
        random.range(12, 22),
        0,
        0,
        Math.PI * 2,
      );
      ctx.fillStyle = 'rgba(255, 255, 255, 0.55)';
      ctx.fill();
    }
  }
}

const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

function paintFacade(ctx: Context2D, facade: Facade, random: Random, night: boolean, glows: Glow[]): void {
  const [topFrom, topTo, bottomTo, bottomFrom] = facade.corners as [
    { x: number; y: number },
    { x: number; y: number },
    { x: number; y: number },
    { x: number; y: number },
  ];
  fillRings(ctx, [facade.corners], facade.color);
  // Windows: a perspective grid, each cell interpolated between the facade's top and bottom edges.
  const at = (u: number, v: number) => {
    const top = { x: lerp(topFrom.x, topTo.x, u), y: lerp(topFrom.y, topTo.y, u) };
    const bottom = { x: lerp(bottomFrom.x, bottomTo.x, u), y: lerp(bottomFrom.y, bottomTo.y, u) };
    return { x: lerp(top.x, bottom.x, v), y: lerp(top.y, bottom.y, v) };
  };
  for (let column = 0; column < facade.windowColumns; column++) {
    for (let row = 0; row < facade.windowRows; row++) {
      const u0 = (column + 0.25) / facade.windowColumns;
      const u1 = (column + 0.75) / facade.windowColumns;
      const v0 = (row + 0.2) / (facade.windowRows + 1);
      const v1 = (row + 0.7) / (facade.windowRows + 1);
      const lit = night && random.chance(0.4);
      fillRings(ctx, [[at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)]], lit ? '#ffd27a' : shade(facade.color, -0.55));
      if (lit) {
        const c = at((u0 + u1) / 2, (v0 + v1) / 2);
        glows.push({
          x: c.x,
          y: c.y,
          radius: Math.abs(at(u1, v0).x - at(u0, v0).x) * 1.2,
          color: 'rgba(255, 200, 110, 0.5)',
        });
      }
    }
  }
  const door = facade.windowRows + 1;
  fillRings(
    ctx,
    [[at(0.05, (door - 0.7) / door), at(0.95, (door - 0.7) / door), at(0.95, 1), at(0.05, 1)]],
    shade(facade.color, -0.3),
  );
  line(ctx, topFrom, bottomFrom, 1.5, shade(facade.color, -0.4));
}

function paintPaving(ctx: Context2D, scene: StreetScene): void {
  const { layout } = scene;
  for (let t = 0.05; t < 1; t += 0.07) {
    const y = layout.horizon + (layout.height - layout.horizon) * t * t;
    line(ctx, { x: layout.walkLeftOuterAt(y), y }, { x: layout.roadLeftAt(y), y }, 1, 'rgba(60, 60, 60, 0.25)');
    line(ctx, { x: layout.roadRightAt(y), y }, { x: layout.walkRightOuterAt(y), y }, 1, 'rgba(60, 60, 60, 0.25)');
  }
}

function paintLaneMarkings(ctx: Context2D, scene: StreetScene): void {
  const { layout } = scene;
  const rowAt = (t: number): number => layout.horizon + (layout.height - layout.horizon) * t;
  const centerAt = (y: number): number => (layout.roadLeftAt(y) + layout.roadRightAt(y)) / 2;
  for (const side of [layout.roadLeftAt, layout.roadRightAt]) {
    const inset = (y: number): number => side(y) + (centerAt(y) - side(y)) * 0.04;
    line(
      ctx,
      { x: inset(layout.horizon), y: layout.horizon },
      { x: inset(layout.height), y: layout.height },
      3,
      'rgba(235, 235, 225, 0.8)',
    );
  }
  // Dashes get longer and wider towards the camera: equal steps in depth squared.
  for (let step = 1; step < 18; step += 2) {
    const y0 = rowAt((step / 18) ** 2);
    const y1 = rowAt(((step + 1) / 18) ** 2);
    const width = 1 + 10 * layout.depthAt(y1);
    line(ctx, { x: centerAt(y0), y: y0 }, { x: centerAt(y1), y: y1 }, width, scene.highway ? '#f0f0e8' : '#e8c547');
  }
}

function paintGlows(ctx: Context2D, glows: readonly Glow[]): void {
  ctx.save();
  ctx.globalCompositeOperation = 'lighter';
  for (const glow of glows) {
    const gradient = ctx.createRadialGradient(glow.x, glow.y, 0, glow.x, glow.y, Math.max(1, glow.radius));
    gradient.addColorStop(0, glow.color);
    gradient.addColorStop(1, 'rgba(0, 0, 0, 0)');
    ctx.fillStyle = gradient;
    ctx.fillRect(glow.x - glow.radius, glow.y - glow.radius, glow.radius * 2, glow.radius * 2);
  }
  ctx.restore();
  for (const glow of glows.filter((g) => g.radius < 30))
    fillCircle(ctx, glow.x, glow.y, glow.radius * 0.15, glow.color);
}

function paintRain(ctx: Context2D, random: Random, width: number, height: number): void {
  ctx.strokeStyle = 'rgba(220, 225, 235, 0.35)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i < 900; i++) {
    const x = random.range(-50, width);
    const y = random.range(0, height);
    const length = random.range(8, 22);
    ctx.moveTo(x, y);
    ctx.lineTo(x + length * 0.25, y + length);
  }
  ctx.stroke();
}
