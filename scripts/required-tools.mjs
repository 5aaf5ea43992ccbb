// The programs the test suite spawns, and the Debian packages that bring them. One table serves
// `.ci/run` (which installs what a fresh machine lacks) and `npm test` (whose first stage fails,
// naming each missing program and its package, rather than letting a test skip or die obscurely).
//
//   node scripts/required-tools.mjs                      check; exit 1 naming what is missing
//   node scripts/required-tools.mjs --missing-packages   print the Debian packages to install
//
// tests/unit/build/requiredTools.test.ts fails when a test spawns a program not listed here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REQUIRED_TOOLS = [
  {
    command: 'chromium',
    debian: ['chromium'],
    why: 'end-to-end tests and the preview (CHROMIUM_PATH may name another)',
  },
  {
    command: 'dbus-run-session',
    debian: ['dbus', 'dbus-daemon'],
    why: 'a private D-Bus session for the keychain tests',
  },
  { command: 'gnome-keyring-daemon', debian: ['gnome-keyring'], why: 'a real Secret Service for the keychain tests' },
  {
    command: 'dbus-send',
    debian: ['dbus-bin'],
    why: 'scripts/with-keyring.sh waits until the keyring owns its bus name',
  },
  { command: 'secret-tool', debian: ['libsecret-tools'], why: 'reads the Secret Service back in keychain.test.ts' },
  {
    command: 'python3',
    debian: ['python3', 'python3-yaml'],
    // present means the module loads too: the export tests read data.yaml with PyYAML
    check: ['python3', '-c', 'import yaml'],
    why: 'the export tests read ZIPs as the tools do (tests/integration/server/readers, PyYAML)',
  },
];

const CHROMIUM_ALTERNATIVES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function onPath(command, env) {
  return spawnSync('/bin/sh', ['-c', `command -v "${command}"`], { stdio: 'ignore', env }).status === 0;
}

export function isPresent(tool, env = process.env) {
  if (tool.check) {
    const [program, ...args] = tool.check;
    return spawnSync(program, args, { stdio: 'ignore', env }).status === 0;
  }
  if (tool.command === 'chromium') {
    if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH);
    return CHROMIUM_ALTERNATIVES.some((name) => onPath(name, env));
  }
  return onPath(tool.command, env);
}

export function missingTools(env = process.env) {
  return REQUIRED_TOOLS.filter((tool) => !isPresent(tool, env));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const missing = missingTools();
  if (process.argv.includes('--missing-packages')) {
    console.log([...new Set(missing.flatMap((tool) => tool.debian))].join(' '));
  } else if (missing.length > 0) {
    console.error('The test suite needs programs this machine lacks:');
    for (const tool of missing) {
      console.error(`  - ${tool.command}: ${tool.why} (Debian/Ubuntu: apt-get install ${tool.debian.join(' ')})`);
    }
    console.error('`bash .ci/run` installs them on Debian; elsewhere install them by hand.');
    process.exit(1);
  } else {
    console.log(`All ${REQUIRED_TOOLS.length} programs the tests spawn are installed.`);
  }
}
