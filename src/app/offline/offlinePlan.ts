/**
 * What the service worker keeps for offline use, from the weights manifest (used by vite.config.ts at build
 * time): the manifest and its small files are precached, each with its SHA-256 as the revision, so a release
 * that changes a file replaces it. No weights are precached (the page downloads the ones it uses, and a
 * second download by the worker would only compete with it): they are cached as they are used, by the worker
 * or by the page itself (weightsCache.ts), in a cache named after the manifest's own hash, so a new release
 * starts a fresh one and its worker deletes the old ones when it activates (`cleanupScript`).
 */

export interface OfflineManifest {
  default: string;
  files: { path: string; sha256: string }[];
}

export interface OfflinePlan {
  /** Workbox precache entries, relative to the service worker (the app's base) */
  precache: { url: string; revision: string }[];
  /** name of the runtime cache for the weights files */
  weightsCache: string;
  /** matches a weights file's URL */
  runtimePattern: RegExp;
}

const WEIGHTS_CACHE_PREFIX = 'resnext-weights-';

export function offlinePlan(manifest: OfflineManifest, manifestSha256: string): OfflinePlan {
  const precache = manifest.files
    .filter((f) => !f.path.endsWith('.safetensors'))
    .map((f) => ({ url: `models/${f.path}`, revision: f.sha256 }));
  precache.push({ url: 'models/manifest.json', revision: manifestSha256 });
  return {
    precache,
    weightsCache: `${WEIGHTS_CACHE_PREFIX}${manifestSha256.slice(0, 16)}`,
    runtimePattern: /\/models\/.+\.safetensors$/,
  };
}

/**
 * A script for the worker to import (Workbox `importScripts`): when this release's worker activates, it
 * deletes the weights caches of other releases.
 */
export function cleanupScript(plan: Pick<OfflinePlan, 'weightsCache'>): string {
  return `// Deletes the weights caches of other releases when this worker activates.
self.addEventListener('activate', (event) => {
  const keep = ${JSON.stringify(plan.weightsCache)};
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(
        names
          .filter((n) => n.startsWith(${JSON.stringify(WEIGHTS_CACHE_PREFIX)}) && n !== keep)
          .map((n) => caches.delete(n)),
      ),
    ),
  );
});
`;
}

/** The file name of that script, beside the worker. */
export const CLEANUP_SCRIPT = 'sw-weights-cleanup.js';
