import { createCanvas } from '@napi-rs/canvas';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import type { XY } from '../annotations';
import { createRandom } from '../random';

/** Small drawing helpers shared by the scene painters. */
export type Context2D = SKRSContext2D;
export type { Canvas };

export function tracePath(ctx: Context2D, points: readonly XY[], close = true): void {
  const [first, ...rest] = points;
  if (!first) return;
  ctx.moveTo(first.x, first.y);
  for (const point of rest) ctx.lineTo(point.x, point.y);
  if (close) ctx.closePath();
}

export function fillRings(ctx: Context2D, rings: readonly XY[][], fill: Context2D['fillStyle']): void {
  ctx.beginPath();
  for (const ring of rings) tracePath(ctx, ring);
  ctx.fillStyle = fill;
  ctx.fill('evenodd');
}

export function fillCircle(ctx: Context2D, x: number, y: number, radius: number, fill: string): void {
  ctx.beginPath();
  ctx.arc(x, y, Math.max(0.1, radius), 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
}

export function roundedRect(ctx: Context2D, x: number, y: number, w: number, h: number, r: number, fill: string): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, Math.max(0, Math.min(r, w / 2, h / 2)));
  ctx.fillStyle = fill;
  ctx.fill();
}

export function line(ctx: Context2D, from: XY, to: XY, width: number, stroke: string): void {
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.lineWidth = width;
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

/** `#rrggbb` shifted towards black (amount < 0) or white (amount > 0). */
export function shade(hex: string, amount: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number): number => {
    const c = (value >> shift) & 255;
    const target = amount < 0 ? 0 : 255;
    return Math.round(c + (target - c) * Math.min(1, Math.abs(amount)));
  };
  return `rgb(${channel(16)}, ${channel(8)}, ${channel(0)})`;
}

const GRAIN_TILE = 256;
let grainTile: Canvas | undefined;

/** A fixed grey noise tile (seeded, so every run paints the same grain). */
function grain(): Canvas {
  if (grainTile) return grainTile;
  const tile = createCanvas(GRAIN_TILE, GRAIN_TILE);
  const tileContext = tile.getContext('2d');
  const pixels = tileContext.createImageData(GRAIN_TILE, GRAIN_TILE);
  const random = createRandom('grain-tile');
  for (let i = 0; i < pixels.data.length; i += 4) {
    const v = Math.floor(random.next() * 256);
    pixels.data[i] = v;
    pixels.data[i + 1] = v;
    pixels.data[i + 2] = v;
    pixels.data[i + 3] = 255;
  }
  tileContext.putImageData(pixels, 0, 0);
  grainTile = tile;
  return tile;
}

/**
 * Film-grain texture over the whole frame, so flat fills read as surfaces rather than vectors.
 * Tiles are blitted with drawImage: a repeating pattern fill costs about as much to rasterise
 * as all of an aerial tile's ten thousand polygons.
 */
export function applyGrain(ctx: Context2D, width: number, height: number, strength: number): void {
  const tile = grain();
  ctx.save();
  ctx.globalAlpha = strength;
  ctx.globalCompositeOperation = 'overlay';
  for (let y = 0; y < height; y += GRAIN_TILE) for (let x = 0; x < width; x += GRAIN_TILE) ctx.drawImage(tile, x, y);
  ctx.restore();
}
