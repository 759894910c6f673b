import type { Plugin } from 'vite';

/*
 * Build-time (used by vite.config.ts, not by the app): the built index.html asks for the weights manifest
 * and the default weights as it loads, so the download runs while the JavaScript and the backend start.
 * `as="fetch"` with `crossorigin` matches the app's own fetch() of the same URL, which then takes the
 * preloaded response instead of downloading again.
 */
export function preloadWeights(defaultWeights: string): Plugin {
  let base = '/';
  return {
    name: 'resnext-explorer:preload-weights',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'link',
          attrs: {
            rel: 'preload',
            as: 'fetch',
            crossorigin: 'anonymous',
            href: `${base}models/manifest.json`,
          },
          injectTo: 'head',
        },
        {
          tag: 'link',
          attrs: {
            rel: 'preload',
            as: 'fetch',
            crossorigin: 'anonymous',
            href: `${base}models/${defaultWeights}`,
          },
          injectTo: 'head',
        },
      ],
    },
  };
}
