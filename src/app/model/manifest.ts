import type { ModelManifest } from '../../resnext/modelManifest';
import type { ShippedModel } from './modelCatalog';

/**
 * The weights manifest (public/models/manifest.json: each file's size and SHA-256, and the default
 * model's file), read with the engine's parser. Paths are relative to models/.
 */

export const MODELS_URL = `${import.meta.env.BASE_URL}models/`;

export interface ResolvedFile {
  /** path under models/ */
  path: string;
  /** null: the manifest does not list it, and it is refused (fetchShippedFile) */
  sha256: string | null;
  bytes: number | null;
}

/**
 * The first candidate the manifest lists, with its hash and size; when it lists none of them (or there is
 * no manifest), the first candidate without a hash, which the loader refuses to download.
 */
export function resolveFile(candidates: readonly string[], manifest: ModelManifest | null): ResolvedFile {
  for (const c of candidates) {
    const e = manifest?.files.find((f) => f.path === c);
    if (e) return { path: e.path, sha256: e.sha256, bytes: e.bytes };
  }
  return { path: candidates[0], sha256: null, bytes: null };
}

/** The file a shipped model downloads; for the default model, the manifest's `default` (int8, float16 or float32) first. */
export function shippedFile(model: ShippedModel, manifest: ModelManifest | null): ResolvedFile {
  const candidates =
    model.kind === 'default' && manifest ? [manifest.default, ...model.candidates] : model.candidates;
  return resolveFile(candidates, manifest);
}

let cached: Promise<ModelManifest> | null = null;
let loaded: ModelManifest | null = null;

/** The manifest if it has been fetched already, else null (no request is made). */
export const loadedManifest = (): ModelManifest | null => loaded;

/** Fetched once (the engine module comes with it, on demand); a failure is retried on the next call. */
export function loadManifest(): Promise<ModelManifest> {
  cached ??= import('../../resnext/modelManifest')
    .then(({ fetchManifest }) => fetchManifest(`${MODELS_URL}manifest.json`))
    .then((manifest) => (loaded = manifest))
    .catch((err: unknown) => {
      cached = null;
      throw err;
    });
  return cached;
}
