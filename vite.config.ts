import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, headerPolicy } from './src/app/backend/contentSecurityPolicy';
import { tfjsWasmThreads } from './src/app/backend/wasmThreadsPlugin';

// Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer) and SIMD.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export default defineConfig({
  // The build carries its Content-Security-Policy in index.html; the preview server also sends it as a header.
  plugins: [react(), tfjsWasmThreads(), contentSecurityPolicy()],
  server: { headers: isolationHeaders },
  preview: { headers: { ...isolationHeaders, 'Content-Security-Policy': headerPolicy() } },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
});
