import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { injectCspMeta } from './electron/main/csp.js';

// index.html's CSP meta tag comes from the same module as the app:// header and the harness's.
// (The `.js` extension is for Vite's config loader, which wants one; TypeScript maps it to csp.ts.)
const cspMeta: Plugin = { name: 'pictograph-csp-meta', transformIndexHtml: { order: 'pre', handler: injectCspMeta } };

// The renderer is a plain static build: Electron loads it through its app:// protocol and the
// browser harness serves the same files through Playwright routing. Relative base keeps both happy.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [cspMeta, react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome140',
  },
});
