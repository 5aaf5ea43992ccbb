// Draws the demo workspace's images into the shared cache once (npm test runs it before the
// integration stage), so tests that start the demo reuse it instead of racing to draw it.
import { buildDemoSeed } from '../server/seed/index';
import { DEMO_SEED_CACHE } from '../tests/support/seedCache';

const started = performance.now();
const fixture = await buildDemoSeed(DEMO_SEED_CACHE, { log: (line) => console.log(line) });
const images = fixture.datasets.reduce((n, d) => n + d.images.length, 0);
console.log(
  `demo seed ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${fixture.datasets.length} datasets, ${images} images (${DEMO_SEED_CACHE})`,
);
