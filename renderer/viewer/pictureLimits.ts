/** Decode-size limits for pictures: pure, so the rules are unit-tested under Node. */
export const MAX_PICTURE_SIDE = 16_384;
/** 8192² (256 MiB decoded): more detail than any screen shows, and two of them fit in memory. */
export const MAX_PICTURE_PIXELS = 8192 * 8192;

/** The decode size for a width × height image: unchanged when it fits, else scaled to fit both caps. */
export function pictureTarget(
  width: number,
  height: number,
  limits = { side: MAX_PICTURE_SIDE, pixels: MAX_PICTURE_PIXELS },
): { width: number; height: number; downscaled: boolean } {
  const bySide = Math.min(1, limits.side / width, limits.side / height);
  const byArea = Math.min(1, Math.sqrt(limits.pixels / (width * height)));
  const factor = Math.min(bySide, byArea);
  if (factor >= 1) return { width, height, downscaled: false };
  return {
    width: Math.max(1, Math.floor(width * factor)),
    height: Math.max(1, Math.floor(height * factor)),
    downscaled: true,
  };
}
