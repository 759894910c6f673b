import { mergeConfig } from 'vite';
import base from '../../vite.config';

// The app's own config (plugins, COOP/COEP and CSP headers) with bench.html as the only entry, built apart
// from the app so that the app's chunks stay exactly as shipped.
export default mergeConfig(base, {
  build: {
    outDir: '.cache/bench/dist',
    emptyOutDir: true,
    rollupOptions: { input: { bench: 'bench.html' } },
  },
});
