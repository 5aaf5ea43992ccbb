// electron-builder configuration. Validated offline by tests/unit/build/electron-builder.test.ts and
// tests/unit/build/packaging.test.ts; building installers needs a networked machine (it downloads
// Electron): docs/release.md has the steps and a smoke test per platform.

/**
 * Notarisation runs only when one complete set of Apple credentials is in the environment (the three
 * sets electron-builder's notarize step accepts), so a developer's unsigned `npm run dist` on a Mac
 * still builds, and a release machine notarises without any config change.
 */
function hasNotaryCredentials(env) {
  const all = (...names) => names.every((name) => typeof env[name] === 'string' && env[name] !== '');
  return (
    all('APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
    all('APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
    all('APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE')
  );
}

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'io.pictograph.review',
  productName: 'Pictograph Review',
  copyright: 'Copyright © Pictograph Review contributors',
  directories: { output: 'release', buildResources: 'assets' },
  // The build (scripts/build.mjs): the renderer, main (package.json `main`) with the demo seed's worker
  // beside it (dist-electron/main/seedWorker.mjs), and the preload. Electron loads the worker from
  // the asar. Checked with electron-builder's own matcher by tests/unit/build and tests/integration/build.
  // Production node_modules are added by electron-builder from the dependency tree.
  files: ['dist/renderer/**', 'dist-electron/**', 'package.json', '!**/*.map'],
  asar: true,
  // Native modules (N-API prebuilds and the libraries they link) must live outside the asar to be loaded.
  asarUnpack: ['node_modules/@napi-rs/**', 'node_modules/sharp/**', 'node_modules/@img/**'],
  // Prebuilt N-API binaries work in any Node ABI: never rebuild them against Electron's headers.
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  // pictograph-review://open?dataset=…&image=… (README): installers register the scheme with the OS;
  // electron/main/deepLinks.ts receives the links and services/desktop/deepLink.ts validates them.
  protocols: [{ name: 'Pictograph Review link', schemes: ['pictograph-review'] }],
  mac: {
    category: 'public.app-category.developer-tools',
    target: ['dmg'],
    icon: 'assets/icon.icns',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'assets/entitlements.mac.plist',
    entitlementsInherit: 'assets/entitlements.mac.plist',
    notarize: hasNotaryCredentials(process.env),
  },
  dmg: { title: '${productName} ${version}' },
  win: { target: ['nsis'], icon: 'assets/icon.ico' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    deleteAppDataOnUninstall: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Graphics',
    icon: 'assets/icons',
    synopsis: 'Review and correct image annotations stored in Pictograph',
  },
  // The keychain on Linux is the Secret Service (design §4): recommend a provider with the package.
  deb: { recommends: ['gnome-keyring | kwalletmanager'] },
};
