import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { createCanvas } from '@napi-rs/canvas';
import type { Canvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { Context2D } from './draw/canvasKit';
import type { ImageSlot } from './plan';

/**
 * Paints and encodes images into `folder`, overlapping the two so both cores work. The canvas
 * only records drawing calls on this thread; the pixels are rasterised when they are read. For
 * JPEG, `canvas.encode` rasterises and compresses on libuv's thread pool, so the next scene is
 * recorded meanwhile. PNG goes through sharp (3–4× faster than the canvas PNG encoder, and RGB
 * without a useless alpha channel), at the price of rasterising here; PNGs are few and small.
 * Jobs are pulled lazily, one at a time, so each image is planned just before it is painted. A
 * pixel budget bounds memory: a 4096² canvas is 64 MiB. Returns cache-relative path → bytes.
 */
export interface RenderJob {
  slot: ImageSlot;
  paint(ctx: Context2D): void;
}

const PIXEL_BUDGET = 3 * 4096 * 4096;
const MAX_IN_FLIGHT = 6;

async function encode(canvas: Canvas, slot: ImageSlot): Promise<Uint8Array> {
  if (slot.encode.format === 'jpeg') return canvas.encode('jpeg', slot.encode.quality);
  const pixels = sharp(canvas.data(), { raw: { width: slot.width, height: slot.height, channels: 4 } });
  return pixels.removeAlpha().png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer();
}

export async function renderImages(
  jobs: Iterable<RenderJob>,
  folder: string,
  onProgress: (done: number) => void,
): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  let pixelsInFlight = 0;
  let failure: unknown;
  let done = 0;

  for (const job of jobs) {
    const { slot } = job;
    const cost = slot.width * slot.height;
    while (inFlight.size > 0 && (inFlight.size >= MAX_IN_FLIGHT || pixelsInFlight + cost > PIXEL_BUDGET)) {
      await Promise.race(inFlight);
    }
    if (failure !== undefined) break;
    const canvas = createCanvas(slot.width, slot.height);
    job.paint(canvas.getContext('2d'));
    pixelsInFlight += cost;
    const target = join(folder, slot.cacheFile);
    const task: Promise<void> = (async () => {
      const bytes = await encode(canvas, slot);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
      sizes.set(slot.cacheFile, bytes.length);
      onProgress(++done);
    })()
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        pixelsInFlight -= cost;
        inFlight.delete(task);
      });
    inFlight.add(task);
    await yieldToEventLoop(); // let finished encodes hand their bytes to the file system
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return sizes;
}
