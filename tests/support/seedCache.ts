import { fileURLToPath } from 'node:url';

/**
 * The one demo-seed image cache every test, spec and preview on this checkout shares. `npm test`
 * fills it once before the integration stage (scripts/build-demo-seed.ts), so no two test files
 * draw the demo images concurrently.
 */
export const DEMO_SEED_CACHE = fileURLToPath(new URL('../../.cache/demo-seed', import.meta.url));
