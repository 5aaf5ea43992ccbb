// `npm start` / `npm run demo`: build, then launch Electron on the project folder (`electron .`),
// so it starts from package.json `main` — the same entry an installed app uses. Where no Electron
// binary can be installed (our CI and dev machines), say so and point at `npm run preview` instead.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const demo = process.argv.includes('--demo');
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const electronDir = join('node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const binaryPresent = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
if (!binaryPresent) {
  // electron >= 42 downloads its binary on first use; try once, through its own installer.
  try {
    execFileSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  } catch {
    console.error(
      '\nThe Electron binary could not be installed on this machine (no download access).\n' +
        'Run the same app in Chromium instead:  npm run preview' +
        (demo ? ' -- --demo' : '') +
        '\n',
    );
    process.exit(1);
  }
}
const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
const args = ['.', ...(demo ? ['--demo'] : [])];
const child = spawn(binary, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
