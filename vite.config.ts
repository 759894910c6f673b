import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import {
  contentSecurityPolicy,
  hostHeaders,
  ISOLATION_HEADERS,
} from './src/app/backend/contentSecurityPolicy';
import { testHooks } from './src/app/backend/testHooks';
import { tfjsWasmThreads } from './src/app/backend/wasmThreadsPlugin';
import { CLEANUP_SCRIPT, cleanupScript, offlinePlan } from './src/app/offline/offlinePlan';
import { chunkFileName, mainGraphChunk, sectionPreload } from './src/app/startup/sectionPreloadPlugin';
import { firstPaint } from './src/app/startup/firstPaint/firstPaintPlugin';
import { FIRST_PAINT_SECTIONS } from './src/app/startup/firstFigures';

const manifestText = readFileSync('public/models/manifest.json', 'utf8');
const weightsManifest = JSON.parse(manifestText) as {
  default: string;
  files: { path: string; sha256: string }[];
};
const offline = offlinePlan(weightsManifest, createHash('sha256').update(manifestText).digest('hex'));

// Every URL the build emits is relative to `base` (npm run build -- --base /some/path/, or BASE_PATH=/some/path/).
export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  // The build carries its Content-Security-Policy in index.html; the preview server also sends it as a header.
  plugins: [
    react(),
    tfjsWasmThreads(),
    // __TEST_HOOKS__: true only in the browser tests' build (vite build --mode e2e), so production has none
    testHooks(),
    contentSecurityPolicy(),
    // The address's section: its chunks are requested beside the main bundle (src/app/startup/sectionPreloadPlugin.ts).
    sectionPreload(),
    // The section's first screen, drawn into the build, shows before the app has started (src/app/startup/firstPaint/).
    firstPaint(FIRST_PAINT_SECTIONS),
    // The worker's script that deletes other releases' weights caches when it activates.
    {
      name: 'weights-cache-cleanup',
      apply: 'build',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: CLEANUP_SCRIPT, source: cleanupScript(offline) });
      },
    },
    // Offline after one visit: Workbox precaches the shell, and weights are cached as they are used, by the
    // worker or by the page (src/app/offline/offlinePlan.ts, weightsCache.ts); registered by
    // src/app/offline/serviceWorker.ts.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: [],
      manifest: {
        name: 'ResNeXt Explorer',
        short_name: 'ResNeXt',
        description:
          'An interactive explainer of ResNeXt (aggregated residual transformations) running a real network in your browser.',
        lang: 'en',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        theme_color: '#2457c5',
        background_color: '#fbfbfd',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm,svg,png,jpg,json,webmanifest}'],
        globIgnores: ['models/**', 'bench*', 'lab/**'],
        additionalManifestEntries: offline.precache,
        importScripts: [CLEANUP_SCRIPT],
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // the first visit's page is taken over at once, so the models it uses from then on are kept;
        // a later release still waits for the reader (registerType 'prompt')
        clientsClaim: true,
        navigateFallback: 'index.html',
        runtimeCaching: [
          {
            urlPattern: offline.runtimePattern,
            handler: 'CacheFirst',
            options: {
              cacheName: offline.weightsCache,
              expiration: { maxEntries: 12 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  define: {
    // the file the page starts downloading first (src/app/model/preload.ts) and the cache it keeps weights in
    'import.meta.env.VITE_DEFAULT_WEIGHTS': JSON.stringify(weightsManifest.default),
    'import.meta.env.VITE_DEFAULT_WEIGHTS_SHA256': JSON.stringify(
      weightsManifest.files.find((f) => f.path === weightsManifest.default)?.sha256 ?? '',
    ),
    'import.meta.env.VITE_WEIGHTS_CACHE': JSON.stringify(offline.weightsCache),
  },
  // Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer) and SIMD. The preview server
  // sends what public/_headers tells a static host to send (src/app/backend/contentSecurityPolicy.ts).
  server: { headers: { ...ISOLATION_HEADERS } },
  preview: { headers: hostHeaders() },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        chunkFileNames: chunkFileName,
        // what the entry imports statically is one chunk (src/app/startup/sectionPreloadPlugin.ts)
        codeSplitting: { groups: [{ name: mainGraphChunk(path.resolve('src/main.tsx')) }] },
      },
    },
  },
  // The inference worker (src/app/worker/) is bundled on its own: it needs the WASM threads fix too.
  worker: { format: 'es', plugins: () => [tfjsWasmThreads(), testHooks()] },
});
