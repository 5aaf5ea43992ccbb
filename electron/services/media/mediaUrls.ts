export type MediaVariant = 'full' | 'thumbnail';

export interface MediaTarget {
  imageId: string;
  variant: MediaVariant;
}

const MAX_ID_LENGTH = 256;
/**
 * Scheme + host + port. Not `URL.origin`: for a custom scheme such as `app://pictograph` WHATWG
 * URL reports the opaque origin "null", which would make every such URL look alike.
 */
const originOf = (url: URL): string => `${url.protocol}//${url.host}`;

const isVariant = (text: string): text is MediaVariant => text === 'full' || text === 'thumbnail';

/** The URL the renderer puts in `<img src>`; only main builds these (design §2). */
export function mediaUrlFor(appOrigin: string, imageId: string, variant: MediaVariant): string {
  return `${originOf(new URL(appOrigin))}/media/${encodeURIComponent(imageId)}/${variant}`;
}

/**
 * Reads a media URL back. Anything that is not exactly `${appOrigin}/media/<id>/<variant>` (other
 * origin, extra segments, bad escapes, control characters) is null, answered as 404.
 */
export function parseMediaUrl(appOrigin: string, rawUrl: string): MediaTarget | null {
  let url: URL;
  let origin: string;
  try {
    url = new URL(rawUrl);
    origin = originOf(new URL(appOrigin));
  } catch {
    return null;
  }
  if (originOf(url) !== origin) return null;
  const match = /^\/media\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (!match) return null;
  const [, encodedId = '', variant = ''] = match;
  if (!isVariant(variant)) return null;
  let imageId: string;
  try {
    imageId = decodeURIComponent(encodedId);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (imageId.length === 0 || imageId.length > MAX_ID_LENGTH || /[\u0000-\u001f\u007f/\\]/.test(imageId)) return null;
  if (imageId === '.' || imageId === '..') return null;
  return { imageId, variant };
}
