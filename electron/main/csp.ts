/**
 * The app's one Content Security Policy. No `electron` import: the app:// protocol (header), the
 * Vite build (the meta tag in index.html) and the browser harness (header) all read it from here,
 * and unit tests load it.
 *
 * What the renderer loads: its own scripts, styles and fonts; images only from media URLs under the
 * app's own origin (`/media/…`, so canvases that draw them stay untainted), plus data:/blob: images
 * for canvas-made previews. It talks to nothing but its own origin (the API goes through IPC).
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React sets style attributes; no remote styles.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // The app frames nothing, and nothing (not even the app itself) may frame the app.
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type CspDirectiveMap = Readonly<Record<string, readonly string[]>>;

/** Directives a browser ignores when the policy comes from a `<meta>` tag (CSP3 §3.3). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export function serializeCsp(directives: CspDirectiveMap): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The full policy, sent as the `Content-Security-Policy` response header of every app document. */
export const CONTENT_SECURITY_POLICY = serializeCsp(CSP_DIRECTIVES);

/**
 * The same policy for index.html's meta tag, minus the directives a meta tag cannot carry
 * (frame-ancestors would only log a console error there). The header still enforces them.
 */
export const META_CONTENT_SECURITY_POLICY = serializeCsp(
  Object.fromEntries(Object.entries(CSP_DIRECTIVES).filter(([name]) => !HEADER_ONLY.has(name))),
);

/**
 * Parses a policy into directive → sources, the way a browser reads it: names are case-insensitive
 * and the first occurrence of a repeated directive wins. Tests compare these maps exactly.
 */
export function parseCsp(policy: string): Record<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!parsed.has(key)) parsed.set(key, sources);
  }
  return Object.fromEntries(parsed);
}

/** What index.html carries where the build puts the policy (one source: this module). */
export const CSP_PLACEHOLDER = '__APP_CONTENT_SECURITY_POLICY__';

/**
 * Puts the meta policy into index.html at build time (vite.config.ts). Throws unless the
 * placeholder appears exactly once, so a build can never ship a page without its policy.
 */
export function injectCspMeta(html: string): string {
  const parts = html.split(CSP_PLACEHOLDER);
  if (parts.length !== 2) {
    throw new Error(
      `index.html must contain ${CSP_PLACEHOLDER} exactly once (found ${parts.length - 1}); the CSP meta tag is generated from electron/main/csp.ts.`,
    );
  }
  return parts.join(META_CONTENT_SECURITY_POLICY);
}
