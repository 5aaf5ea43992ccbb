import type { OpenImageTarget } from '../../../shared/ipc';

/**
 * `pictograph-review://open?dataset=<id>&image=<id>` (issue 12 item 3). A link can come from any web
 * page or chat message, so it is hostile until proven otherwise: exact scheme and host, exactly the
 * two parameters, each once, each a lowercase UUID v4 (contract §1: the ids' shape) written plainly
 * (no percent-encoding, so no encoded slashes, NULs or look-alikes), nothing else, bounded length.
 */
export const DEEP_LINK_SCHEME = 'pictograph-review';

/** Two UUIDs and the fixed parts take 112 characters; anything much longer is not ours. */
export const MAX_DEEP_LINK_LENGTH = 256;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PREFIXES = [`${DEEP_LINK_SCHEME}://open?`, `${DEEP_LINK_SCHEME}://open/?`];
/** Printable ASCII without space: a control character, space or non-ASCII look-alike is refused outright. */
const PLAIN = /^[\x21-\x7e]+$/;

export type DeepLinkResult = { ok: true; target: OpenImageTarget } | { ok: false; reason: string };

const refuse = (reason: string): DeepLinkResult => ({ ok: false, reason });

export function parseDeepLink(url: unknown): DeepLinkResult {
  if (typeof url !== 'string') return refuse('not a string');
  if (url.length > MAX_DEEP_LINK_LENGTH) return refuse('too long');
  if (!PLAIN.test(url)) return refuse('spaces, control or non-ASCII characters');
  const prefix = PREFIXES.find((candidate) => url.startsWith(candidate));
  if (!prefix) return refuse(`not a ${DEEP_LINK_SCHEME}://open? link`);
  const query = url.slice(prefix.length);
  if (query.includes('%') || query.includes('+')) return refuse('encoded characters');
  if (query.includes('#')) return refuse('a fragment');
  const values = new Map<string, string>();
  for (const pair of query.split('&')) {
    const cut = pair.indexOf('=');
    if (cut <= 0) return refuse('a parameter without a value');
    const name = pair.slice(0, cut);
    const value = pair.slice(cut + 1);
    if (name !== 'dataset' && name !== 'image') return refuse(`unknown parameter "${name.slice(0, 20)}"`);
    if (values.has(name)) return refuse(`"${name}" given twice`);
    values.set(name, value);
  }
  const datasetId = values.get('dataset');
  const imageId = values.get('image');
  if (datasetId === undefined || imageId === undefined) return refuse('dataset and image are both required');
  if (!UUID_V4.test(datasetId)) return refuse('the dataset id is not an id');
  if (!UUID_V4.test(imageId)) return refuse('the image id is not an id');
  return { ok: true, target: { datasetId, imageId } };
}

/**
 * The link in a command line (Windows and Linux start a second instance with it as an argument).
 * Only an argument that starts with our scheme counts; the caller still parses it.
 */
export function deepLinkInArgv(argv: readonly string[]): string | null {
  const prefix = `${DEEP_LINK_SCHEME}:`;
  return argv.find((arg) => typeof arg === 'string' && arg.toLowerCase().startsWith(prefix)) ?? null;
}
