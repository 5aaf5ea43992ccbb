import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { PlannedImage } from './plan';

/**
 * Paints and encodes images into `folder`. Painting is synchronous on this thread; encoding
 * (sharp, from the raw pixels; Huffman optimisation off: a third less CPU for 5 % more bytes)
 * runs on libuv's thread pool, so the next scene is painted while
 * earlier ones are still being compressed — on two cores that keeps both busy without worker files
 * (which a bundled server could not load). sharp encodes JPEG a little and PNG 3–4× faster than
 * the canvas encoder, and writes RGB without a useless alpha channel. A pixel budget bounds
 * memory: a 4096² canvas is 64 MiB.
 * Returns cache-relative path → byte size.
 */
const PIXEL_BUDGET = 3 * 4096 * 4096;
const MAX_IN_FLIGHT = 6;

export async function renderImages(images: readonly PlannedImage[], folder: string, onProgress: (done: number) => void): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  let pixelsInFlight = 0;
  let failure: unknown;
  let done = 0;

  for (const image of images) {
    const cost = image.width * image.height;
    while (inFlight.size > 0 && (inFlight.size >= MAX_IN_FLIGHT || pixelsInFlight + cost > PIXEL_BUDGET)) {
      await Promise.race(inFlight);
    }
    if (failure !== undefined) break;
    const canvas = createCanvas(image.width, image.height);
    image.paint(canvas.getContext('2d'));
    pixelsInFlight += cost;
    const target = join(folder, image.cacheFile);
    const pixels = sharp(canvas.data(), { raw: { width: image.width, height: image.height, channels: 4 } }).removeAlpha();
    const task: Promise<void> = (async () => {
      const bytes =
        image.encode.format === 'jpeg'
          ? await pixels.jpeg({ quality: image.encode.quality, optimiseCoding: false }).toBuffer()
          : await pixels.png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer();
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
      sizes.set(image.cacheFile, bytes.length);
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
