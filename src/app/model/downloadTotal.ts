import type { ModelManifest } from '../../resnext/modelManifest';
import { shippedFile } from './manifest';
import { shippedModel } from './modelCatalog';

export interface ByteProgress {
  loaded: number;
  total: number | null;
  /** how many times the download stalled and restarted (0 or absent when it never did) */
  restarts?: number;
}

/**
 * How many bytes the model `modelId` downloads, from the manifest: null for the reader's own weights, an
 * unknown id, a file the manifest does not list, or while the manifest has not arrived.
 */
export function expectedBytes(modelId: string, manifest: ModelManifest | null): number | null {
  const model = shippedModel(modelId);
  return model && manifest ? shippedFile(model, manifest).bytes : null;
}

/**
 * The progress to show: a total the download reported wins; until there is one (before the response, or a
 * response without Content-Length), the manifest's size. Without either the bar stays indeterminate.
 */
export function withExpectedTotal(
  progress: ByteProgress | null,
  expected: number | null,
): ByteProgress | null {
  if (!progress || progress.total !== null || expected === null) return progress;
  return { ...progress, total: expected };
}
