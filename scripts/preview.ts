// `npm run preview`: the real app (renderer build + main-process services) in Chromium through
// the browser harness — how people see the app where Electron cannot be installed.
//   npm run preview                          headed window (needs a display), Ctrl+C to quit
//   npm run preview -- --demo                opens the demo workspace straight away
//   npm run preview -- --screenshots out/    one PNG per screen, headless, then exits
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchApp } from '../tests/e2e/harness';
import { captureScreens } from './preview-screens';

const { values } = parseArgs({
  options: {
    screenshots: { type: 'string' },
    demo: { type: 'boolean', default: false },
    'user-data': { type: 'string' },
    headless: { type: 'boolean', default: false },
  },
});

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

if (values.screenshots) {
  const outDir = resolve(values.screenshots);
  mkdirSync(outDir, { recursive: true });
  const app = await launchApp({ headless: true });
  try {
    const written = await captureScreens(app, outDir);
    for (const file of written) console.log(`wrote ${file}`);
  } finally {
    await app.close();
  }
  process.exit(0);
}

const headless = values.headless || (!process.env.DISPLAY && process.platform === 'linux');
if (headless) console.log('No display found: running headless (use --screenshots DIR to see the screens).');
const userDataDir = resolve(values['user-data'] ?? join('.cache', 'preview', 'user-data'));
mkdirSync(userDataDir, { recursive: true });
// A stable keychain service (tests use a fresh one each launch) so keys stored in one preview
// session are there in the next, like in the desktop app.
const app = await launchApp({
  headless,
  userDataDir,
  keychainService: 'pictograph-review-preview',
  viewport: { width: 1360, height: 860 },
});
if (values.demo) await app.page.getByTestId('connect.demo').click();
console.log(`Pictograph Review is running in Chromium (user data: ${userDataDir}). Ctrl+C to quit.`);
const quit = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGINT', () => void quit());
process.on('SIGTERM', () => void quit());
app.page.on('close', () => void quit());
