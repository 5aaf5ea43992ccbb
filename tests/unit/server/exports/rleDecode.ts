/**
 * Decodes an uncompressed COCO RLE the way pycocotools does (`rleDecode`): counts alternate
 * 0-runs and 1-runs starting with 0s, over h·w pixels in column-major order. A reader's view,
 * written apart from server/exports/rle.ts so a test does not check the encoder against itself.
 */
export function decodeRle(rle: { counts: number[]; size: [number, number] }): Uint8Array {
  const [height, width] = rle.size;
  const mask = new Uint8Array(height * width);
  let position = 0;
  rle.counts.forEach((count, index) => {
    if (!Number.isInteger(count) || count < 0) throw new Error(`bad RLE count ${count}`);
    if (index % 2 === 1) mask.fill(1, position, position + count);
    position += count;
  });
  if (position !== height * width) throw new Error(`RLE covers ${position} pixels, not ${height * width}`);
  return mask;
}
