// electron-builder configuration. Validated offline by tests/unit/build/electron-builder.test.ts;
// building installers needs a networked machine (it downloads Electron).
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'io.pictograph.review',
  productName: 'Pictograph Review',
  directories: { output: 'release', buildResources: 'assets' },
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
