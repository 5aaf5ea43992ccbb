// electron-builder configuration. Validated offline by tests/unit/build/electron-builder.test.ts;
// building installers needs a networked machine (it downloads Electron).
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'io.pictograph.review',
  productName: 'Pictograph Review',
  directories: { output: 'release', buildResources: 'assets' },
  // The build (scripts/build.mjs): the renderer, main (package.json `main`) with the demo seed's worker
  // beside it (dist-electron/main/seedWorker.mjs), and the preload. Electron loads the worker from
  // the asar. Checked with electron-builder's own matcher by tests/unit/build and tests/integration/build.
  files: ['dist/renderer/**', 'dist-electron/**', 'package.json', '!**/*.map'],
  asar: true,
  // Native modules (N-API prebuilds) must live outside the asar to be loaded.
  asarUnpack: ['node_modules/@napi-rs/**', 'node_modules/sharp/**', 'node_modules/@img/**'],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  mac: { category: 'public.app-category.developer-tools', target: ['dmg'], hardenedRuntime: true },
  win: { target: ['nsis'] },
  linux: { target: ['AppImage', 'deb'], category: 'Graphics' },
};
