/**
 * What the service worker keeps for offline use, from the weights manifest (used by vite.config.ts at build
 * time): the default weights and the manifest's small files are precached, each with its SHA-256 as the
 * revision, so a release that changes a file replaces it; the other weights are cached as they are used, in
 * a cache named after the manifest's own hash, so a new release starts a fresh one.
 */

export interface OfflineManifest {
  default: string;
  files: { path: string; sha256: string }[];
}

export interface OfflinePlan {
  /** Workbox precache entries, relative to the service worker (the app's base) */
  precache: { url: string; revision: string }[];
  /** name of the runtime cache for the other weights files */
  weightsCache: string;
  /** matches a weights file's URL */
  runtimePattern: RegExp;
}

export const WEIGHTS_CACHE_PREFIX = 'resnext-weights-';

export function offlinePlan(manifest: OfflineManifest, manifestSha256: string): OfflinePlan {
  const precache = manifest.files
    .filter((f) => f.path === manifest.default || !f.path.endsWith('.safetensors'))
    .map((f) => ({ url: `models/${f.path}`, revision: f.sha256 }));
  precache.push({ url: 'models/manifest.json', revision: manifestSha256 });
  return {
    precache,
    weightsCache: `${WEIGHTS_CACHE_PREFIX}${manifestSha256.slice(0, 16)}`,
    runtimePattern: /\/models\/.+\.safetensors$/,
  };
}
